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

DEF(m, HAS_ARG, "-m [size=]SIZE", "guest RAM size (default 512M; a bare number is MiB)")
Guest RAM. SIZE takes the suffixes K, M, G, T (binary units); a number without
a suffix means MiB, as in QEMU. The minimum is 32 MiB, the maximum 1 TiB.
RAM below 4 GiB ends at 3.5 GiB; the rest continues at 4 GiB.
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
