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

DEF(name, HAS_ARG, "-name [guest=]NAME[,process=P][,debug-threads=on|off]", "name of the guest (query-name)")
A free-form name; printable characters only, at most 64 of them. QEMU's
`guest=`, `process=` and `debug-threads=` spelling is accepted (hotmem names
its threads anyway: vcpu0, vcpu1, ...).
ENDDEF

DEF(uuid, HAS_ARG, "-uuid UUID", "the guest's UUID (query-uuid)")
In the 8-4-4-4-12 hexadecimal form.
ENDDEF

DEF(msg, HAS_ARG, "-msg [timestamp=on|off][,guest-name=on|off]", "what error lines start with")
`timestamp=on` starts each error line with the UTC time, `guest-name=on` with
the -name, as QEMU's.
ENDDEF

DEF(daemonize, NO_ARG, "-daemonize", "run in the background once the monitors listen")
hotmem detaches from the terminal and the command returns 0 once the machine
exists and every monitor socket listens (1, with the error, if it fails
before). Standard input and output go to /dev/null: no stdio monitor or serial
port with it.
ENDDEF

DEF(pidfile, HAS_ARG, "-pidfile FILE", "write the process id to FILE")
Written once the machine exists (after -daemonize detached), locked while
hotmem runs (a second hotmem with the same file fails) and removed at exit.
ENDDEF

DEF(no-user-config, NO_ARG, "-no-user-config", "read no configuration files (hotmem never does)")
Accepted for QEMU's command lines: hotmem has no configuration files.
ENDDEF

DEF(nodefaults, NO_ARG, "-nodefaults", "no default devices: no serial port unless -serial asks")
QEMU's: the only default device hotmem has is the serial port on stdio.
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
holds the -dimm slots. Any maxmem QEMU takes is accepted (libvirt writes
`maxmem=1099511627776k`, 1 PiB), but DIMMs only go where the guest can
address them: the region ends at most 32 GiB (room for the firmware's 64-bit
PCI window) below 2^N, N the guest's physical address width, and a DIMM that
would lie beyond is refused with a message naming the width.
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
`-m maxmem` when it is given, and every DIMM below the guest's physical
address width less 32 GiB (see `-m`). At most 256 slots.
ENDDEF

DEF(numa, HAS_ARG, "-numa node[,nodeid=N][,cpus=A[-B]][,mem=SIZE|memdev=ID]", "define a NUMA node")
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

DEF(object, HAS_ARG, "-object TYPE,id=ID[,PROP=VALUE...] | -object JSON", "create a memory backend or a secret")
The objects of QMP's object-add, with the same properties and checks: TYPE is
memory-backend-ram, memory-backend-file, memory-backend-memfd or secret. The
argument is key=value (the first key implied: qom-type) or, as libvirt writes
it, a JSON object such as
`{"qom-type":"memory-backend-ram","id":"m0","size":1073741824}`. A backend is
used by a pc-dimm (device_add, -device) or a NUMA node (-numa memdev=).
ENDDEF

DEF(device, HAS_ARG, "-device DRIVER[,id=ID][,PROP=VALUE...]", "add a device (virtio-balloon-pci, pc-dimm)")
Adds one device per option, in command-line order. Drivers:
`virtio-balloon-pci` (also `virtio-balloon`): the virtio memory balloon on the
modern virtio-pci transport (docs/specs/virtio-pci.txt), driven with the
`balloon` and `query-balloon` monitor commands; properties `id`,
`deflate-on-oom=on|off` (default off: the guest may take pages back from the
balloon when it runs out of memory), `free-page-reporting=on|off` (default
off: the guest reports free pages, which the host discards), and QEMU's
`bus=pci.0` and `addr=SLOT[.FN]` (default: the next free slot from 00:02.0).
At most one balloon. `pc-dimm,id=ID,memdev=M[,node=N][,slot=S][,addr=A]` (QEMU's
properties, as `device_add` takes them) plugs a DIMM on the `-object
memory-backend-*,id=M` before the guest starts, as `-dimm ...,populated=on`
does, in a free `-m slots=` slot; `device_del ID` removes it. An unknown
driver or property is an error.
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

DEF(machine, HAS_ARG, "-machine [type=]pc[,accel=kvm][,usb=off][,dump-guest-core=on|off][,mem-merge=on|off]", "the machine (QEMU's pc, i440FX)")
hotmem has one machine, QEMU's `pc`; versioned names (`pc-i440fx-7.2`) are
accepted. `dump-guest-core=off` leaves base RAM out of core dumps,
`mem-merge=off` keeps the host from merging its pages. There is no USB
(`usb=on` is refused) and KVM is the only accelerator.
ENDDEF

DEF(accel, HAS_ARG, "-accel kvm", "the accelerator (only kvm)")
ENDDEF

DEF(enable-kvm, NO_ARG, "-enable-kvm", "use KVM (hotmem always does)")
ENDDEF

DEF(cpu, HAS_ARG, "-cpu host|max", "the CPU model (the host's, as KVM supports it)")
The guest's CPUID is the host's as KVM reports it; `max` is a synonym.
ENDDEF

DEF(overcommit, HAS_ARG, "-overcommit [mem-lock=on|off][,cpu-pm=off]", "lock memory as it is touched")
`mem-lock=on` locks hotmem's memory, guest RAM and DIMMs included, as it is
first touched (mlockall, MCL_ONFAULT), so it is never swapped out.
ENDDEF

DEF(rtc, HAS_ARG, "-rtc [base=utc|localtime][,clock=host][,driftfix=none|slew]", "where the CMOS clock starts")
The clock starts at host UTC (default) or host local time. It raises no
periodic interrupts, so `driftfix=slew` has no ticks to make up.
ENDDEF

DEF(boot, HAS_ARG, "-boot [order=DRIVES][,once=DRIVES][,menu=on|off][,strict=on|off]...", "boot order (no effect with -kernel)")
Accepted for QEMU's command lines: hotmem boots -kernel directly, which, as
in QEMU, no boot order applies to.
ENDDEF

DEF(S, NO_ARG, "-S", "do not start the vCPUs until the monitor's cont")
The machine is built and the monitors listen, but the vCPUs wait at the reset
vector: `query-status` says `prelaunch` until `cont` (QEMU's -S, what
management tools start a guest with).
ENDDEF

DEF(no-shutdown, NO_ARG, "-no-shutdown", "stop instead of exiting when the guest powers off")
A guest power-off (ACPI S5) stops the vCPUs and leaves hotmem running with
status `shutdown` (events SHUTDOWN, then STOP) until `quit`, or until
`system_reset` (then `prelaunch`, and `cont` boots the guest again).
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

DEF(chardev, HAS_ARG, "-chardev socket,id=ID,path=PATH|fd=N,server=on,wait=off", "a listening socket for a -mon")
QEMU's spelling (also `server,nowait`), as libvirt writes it for its monitor.
`path=PATH` listens on a new socket file, with the -qmp rules; `fd=N` adopts a
unix stream socket the caller opened, bound and listen()ed and passed to
hotmem as descriptor N (anything else is refused). Only the `socket` backend
as a server that does not wait exists, and every -chardev must be used by
exactly one -mon.
ENDDEF

DEF(mon, HAS_ARG, "-mon [chardev=]ID[,id=NAME][,mode=control|readline]", "a monitor on a -chardev")
`mode=control` is QMP, `mode=readline` (the default, as QEMU's) the text
monitor. An unknown chardev is `chardev "ID" not found`.
ENDDEF

HEADING(Security)

DEF(sandbox, HAS_ARG, "-sandbox on|off[,obsolete=allow|deny][,elevateprivileges=allow|deny|children][,spawn=allow|deny][,resourcecontrol=allow|deny]", "seccomp filter over hotmem's system calls")
QEMU's spelling. `on` installs, once the machine exists, a seccomp-bpf
allow-list (libseccomp) of the system calls hotmem makes; anything else fails
with EPERM. The groups QEMU names can be refused on top: `elevateprivileges`
(set*uid, set*gid, setgroups, capset; `children` refuses them too),
`spawn` (fork, vfork, execve, clone of a process: a `migrate exec:` is then
refused), `resourcecontrol` (CPU affinity, scheduler); `obsolete` system
calls are never allowed. `/proc/PID/status` shows `Seccomp: 2` afterwards.
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
