# qemu-options.hx - the one source of hotmem's command-line options.
#
# scripts/hxtool.py turns this file into the option table (qemu-options.def),
# the text of `hotmem -h` and docs/options.md. Each entry:
#   DEF(name, arg, "usage", "summary")      arg is HAS_ARG or NO_ARG
#   then free text up to ENDDEF: the long description for the docs.
# Lines starting with '#' are comments; HEADING(text) starts a help section.

HEADING(Standard options)

DEF(h, NO_ARG, "-h or -help", "print this help and exit")
Prints every option with its summary.
ENDDEF

DEF(help, NO_ARG, "-help", "print this help and exit")
Same as -h.
ENDDEF

DEF(version, NO_ARG, "-version", "print the version and exit")
ENDDEF

DEF(name, HAS_ARG, "-name STRING", "name of the guest (shown in messages)")
A free-form name; printable characters only, at most 64 of them.
ENDDEF

HEADING(Machine)

DEF(m, HAS_ARG, "-m [size=]SIZE[,slots=N][,maxmem=SIZE]", "guest RAM size (default 512M; a bare number is MiB)")
Guest RAM. SIZE takes the suffixes K, M, G, T (binary units); a number without
a suffix means MiB, as in QEMU. The minimum is 32 MiB, the maximum 1 TiB.
RAM below 4 GiB ends at 3.5 GiB; the rest continues at 4 GiB.
`slots=N` adds N empty DIMM slots (for `pc-dimm` devices plugged at run time)
after the `-dimm` slots; -dimm slots plus N may not exceed 256, and N > 0
needs `maxmem`. `maxmem=SIZE` (a bare number is MiB) is the most memory the
guest can have: RAM plus every DIMM, at least SIZE. It sizes the memory
hotplug region above RAM (docs/specs/fwcfg.txt); without it the region only
holds the -dimm slots.
ENDDEF

DEF(dimm, HAS_ARG, "-dimm id=NAME[,size=SIZE][,node=N][,populated=on|off]", "declare a DIMM slot (memory that can be hot-plugged)")
One DIMM slot per option; slots are numbered in command-line order. `id`
(required, unique) is a letter followed by letters, digits, '-', '_' or '.',
at most 32 characters; `device_add dimm,id=NAME` and `device_del NAME` use it.
`size` (default 1G; a bare number is MiB) must be a non-zero multiple of
128 MiB, at most 1T. `node` (default 0) must name a `-numa` node (only node 0
exists without -numa). `populated=on` plugs the DIMM before the guest starts
(it is still removable: DIMMs are never in the e820 map, the guest finds them
through ACPI); `off` (default) leaves the slot empty. DIMMs are placed above
RAM, each at a 1 GiB-aligned address; RAM plus all DIMMs must fit in
`-m maxmem` when it is given, and the whole layout within the guest's
physical address width. At most 256 slots.
ENDDEF

DEF(numa, HAS_ARG, "-numa node[,nodeid=N][,cpus=A[-B]][,mem=SIZE]", "define a NUMA node")
One node per option. `nodeid` defaults to the next free number; node ids must
be dense from 0 (at most 64 nodes). `cpus` (repeatable) names vCPUs of the
`-smp` range; a CPU belongs to at most one node, and CPUs that no node names
go to node 0. `mem` (a bare number is MiB) is the node's share of `-m`: give
it for every node, summing to the -m size, or for none, in which case RAM is
split evenly (each node but the last gets RAM / nodes rounded down to 8 MiB,
the last the rest). A node may have no RAM and still hold DIMMs. Without
-numa there is one node 0 with every CPU and all RAM. The guest sees the
nodes in the SRAT (docs/specs/fwcfg.txt, etc/numa).
ENDDEF

DEF(smp, HAS_ARG, "-smp [cpus=]N[,sockets=S][,cores=C][,threads=T]", "number of vCPUs and their topology (default 1)")
N vCPUs (1 to 64). When a topology is given, sockets*cores*threads must equal N;
missing parts are derived (sockets first, as the QEMU pc machine does).
The topology is reported to the guest in CPUID.
ENDDEF

DEF(bios, HAS_ARG, "-bios FILE", "firmware image (default: seabios/out/bios.bin beside the binary)")
A flat firmware image whose size is a multiple of 64 KiB and at most 128 KiB;
it is mapped read-only so that its last byte is at 4 GiB - 1, and its last
128 KiB are copied to 0xE0000 at every reset.
ENDDEF

DEF(no-reboot, NO_ARG, "-no-reboot", "exit instead of rebooting when the guest resets")
A guest reset (port 0xcf9, keyboard controller 0xfe, triple fault) makes hotmem
exit with status 0 instead of restarting the guest at the reset vector.
ENDDEF

HEADING(Boot)

DEF(kernel, HAS_ARG, "-kernel FILE", "Linux kernel (bzImage) to boot")
The firmware loads the kernel over fw_cfg DMA and starts it with the 32-bit
boot protocol. Boot protocol 2.12 or newer is required.
ENDDEF

DEF(initrd, HAS_ARG, "-initrd FILE", "initial ram disk for the kernel")
ENDDEF

DEF(append, HAS_ARG, "-append CMDLINE", "kernel command line")
At most 4095 bytes.
ENDDEF

HEADING(Display and serial)

DEF(nographic, NO_ARG, "-nographic", "no display; serial port on stdio unless -serial says otherwise")
ENDDEF

DEF(display, HAS_ARG, "-display none", "display backend (only 'none')")
hotmem has no graphical display; only `-display none` is accepted.
ENDDEF

DEF(serial, HAS_ARG, "-serial stdio|file:PATH|none", "where the 16550 UART at 0x3f8 goes (default stdio)")
`stdio` writes guest output to standard output and feeds standard input to the
guest; `file:PATH` writes guest output to PATH (created or truncated, mode 0600);
`none` discards it.
ENDDEF

HEADING(Monitors)

DEF(qmp, HAS_ARG, "-qmp unix:PATH,server=on,wait=off|stdio", "QMP (JSON) monitor on a unix socket or stdio")
The QMP server (docs/qmp.md). `unix:PATH,server=on,wait=off` listens on PATH
(QEMU's older spelling `unix:PATH,server,nowait` is accepted too); the socket
file is created with mode 0600, a stale socket file is replaced, and the file
is removed when hotmem exits. Several clients may connect at once. Only a
listening socket that does not wait for a client is supported: `server=off`
and `wait=on` are refused. A `,` inside PATH is written `,,`. `stdio` speaks QMP
on standard input/output, which then cannot be the serial port. May be given
several times.
ENDDEF

DEF(monitor, HAS_ARG, "-monitor stdio|unix:PATH,server=on,wait=off", "HMP (human) monitor on stdio or a unix socket")
The text monitor (docs/hmp.md), same socket rules as -qmp. `-monitor stdio`
needs the serial port elsewhere (`-serial none` or `-serial file:PATH`); the
two cannot share standard input.
ENDDEF

HEADING(Migration)

DEF(incoming, HAS_ARG, "-incoming tcp:HOST:PORT|unix:PATH|exec:CMD|fd:NAME|file:PATH|defer", "wait for an incoming migration")
The VM is built but its vCPUs do not start: hotmem waits for a migration
stream (docs/specs/migration.txt) on the given URI and runs the guest once it
has arrived. `tcp:0:PORT` (or `tcp::PORT`) listens on every address; `exec:CMD`
reads the standard output of `sh -c CMD`; `file:PATH` restores a snapshot.
`defer` waits for the QMP command `migrate-incoming`. The destination may be
started with only `-m SIZE,slots=N,maxmem=M`: the source's DIMMs are created
from the stream. A failed incoming migration makes hotmem exit with status 1.
ENDDEF
