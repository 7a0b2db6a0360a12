#!/usr/bin/env python3
"""Boot acceptance: a real Debian guest boots, reboots through the firmware,
and powers off, under hotmem or under QEMU (for comparison).

    test-boot.py --vmm hotmem [--hotmem ./hotmem]
    test-boot.py --vmm qemu   [--qemu qemu-system-x86_64]

Run it where /dev/kvm is fast: tests/guest/rig.py run -- python3 tests/guest/test-boot.py ...

Boot 1: the guest reports CPUs, MemTotal, its ACPI tables (names, and every
table's bytes, gzip'ed tar in base64) and the dmesg lines that complain about
firmware; then `reboot -f`.  Boot 2 must come back through the firmware and
report the same facts; then `poweroff -f`, and the VMM must exit with status 0
within 5 s.  Output is TAP; a check that could not run is `not ok`.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
import acpitables  # noqa: E402
import guestlib  # noqa: E402
from guestlib import GuestError, Tap, Vmm  # noqa: E402

BAD_DMESG = guestlib.BAD_DMESG
REQUIRED_TABLES = ("DSDT", "FACP", "APIC")
MEM_MIN_KB, MEM_MAX_KB = 440 * 1024, 512 * 1024
POWEROFF_LIMIT = 5.0

GUEST_BODY = r"""
cmd_facts() {
    hm cpus_online "$(cat /sys/devices/system/cpu/online)"
    hm cpuinfo_count "$(grep -c '^processor' /proc/cpuinfo)"
    hm memtotal_kb "$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)"
    t=""
    for f in /sys/firmware/acpi/tables/* /sys/firmware/acpi/tables/dynamic/*; do
        [ -f "$f" ] && t="$t ${f#/sys/firmware/acpi/tables/}"
    done
    hm acpi_tables "${t# }"
    n=0
    dmesg | grep -E '@BAD@' >/tmp/bad
    while read -r l; do hm dmesg_bad "$l"; n=$((n + 1)); done </tmp/bad
    hm dmesg_bad_count "$n"
    hm kernel "$(uname -r)"
}
""".replace("@BAD@", BAD_DMESG) + acpitables.GUEST_DUMP_CMD

def fmt_s(x):
    return "-" if x is None else "%.2f s" % x


def vmm_argv(args, kernel, initrd, append):
    common = ["-m", args.mem, "-smp", str(args.smp), "-kernel", kernel,
              "-initrd", initrd, "-append", append]
    if args.vmm == "hotmem":
        return [args.hotmem] + common + ["-nographic"]
    return [args.qemu, "-enable-kvm", "-machine", "pc", "-nographic"] + common


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--vmm", choices=("hotmem", "qemu"), required=True)
    ap.add_argument("--hotmem", default=os.environ.get(
        "HOTMEM_BIN", str(REPO / "hotmem")), help="hotmem binary")
    ap.add_argument("--qemu", default=os.environ.get(
        "HOTMEM_QEMU", "qemu-system-x86_64"), help="QEMU binary")
    ap.add_argument("--mem", default="512M")
    ap.add_argument("--smp", type=int, default=2)
    ap.add_argument("--append", default="",
                    help="extra guest kernel command line")
    ap.add_argument("--boot-timeout", type=float, default=180,
                    help="seconds allowed for each boot (default 180)")
    ap.add_argument("--log", default=None,
                    help="console log file (default in the cache's logs/)")
    ap.add_argument("--keep-acpi", default=None, metavar="DIR",
                    help="keep the dumped tables and their .dsl here")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="echo the guest console to stderr")
    args = ap.parse_args()

    tap = Tap()
    facts = {}          # boot number -> {key: value}
    figures = {}
    tables = None
    acpi_error = None
    rc = None
    t_poweroff = None
    failure = None

    files = guestlib.guest_files()
    initrd = guestlib.build_initramfs(guestlib.init_script(GUEST_BODY),
                                      name="test-boot")
    append = ("console=ttyS0 quiet pci=noearly " + args.append).strip()
    argv = vmm_argv(args, files["HOTMEM_GUEST_KERNEL"], str(initrd), append)
    log_path = Path(args.log) if args.log else \
        guestlib.cache_root() / "logs" / ("test-boot-%s.log" % args.vmm)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    tap.diag("vmm: " + " ".join(argv))
    tap.diag("console log: %s" % log_path)

    vm = None
    timing_path = None
    if args.vmm == "hotmem" and not os.access(args.hotmem, os.X_OK):
        failure = "no hotmem binary at %s" % args.hotmem
    elif not os.access("/dev/kvm", os.R_OK | os.W_OK):
        failure = "no usable /dev/kvm here (run me through tests/guest/rig.py)"
    else:
        env = None
        if args.vmm == "hotmem":
            # hotmem writes the firmware's progress timestamps here at exit
            timing_dir = tempfile.mkdtemp(prefix="hm-boot-")
            timing_path = Path(timing_dir) / "timing.json"
            env = dict(os.environ, HOTMEM_TIMING=str(timing_path))
        vm = Vmm(argv, env=env, log_path=log_path, echo=args.verbose)
    if vm is not None:
        with vm:
            try:
                for boot in (1, 2):
                    init = vm.wait_marker("init", args.boot_timeout)
                    figures["boot%d_init" % boot] = init.t
                    facts[boot] = {}
                    for mk in vm.command("facts", args.boot_timeout):
                        if mk.key == "dmesg_bad":
                            facts[boot].setdefault("dmesg_bad", []).append(
                                mk.value)
                        else:
                            facts[boot][mk.key] = mk.value
                    if boot == 1:
                        figures["rss_kb"] = vm.rss_kb()
                        t = time.monotonic()
                        vm.command("acpi", args.boot_timeout)
                        figures["acpi_dump"] = time.monotonic() - t
                        try:
                            tables = acpitables.decode_dump(vm.console)
                        except (acpitables.DumpError, ValueError,
                                tarfile.TarError) as e:
                            acpi_error = str(e)
                        vm.wait_marker("ready", args.boot_timeout)
                        vm.send("reboot\n")
                        figures["reboot_marker"] = \
                            vm.wait_marker("reboot", 30).t
                vm.wait_marker("ready", args.boot_timeout)
                vm.send("poweroff\n")
                t_poweroff = vm.wait_marker("poweroff", 30).t
                try:
                    rc = vm.proc.wait(POWEROFF_LIMIT + 10)
                    figures["exit"] = vm.elapsed()
                except subprocess.TimeoutExpired:
                    pass
            except GuestError as e:
                failure = str(e)
                tap.diag(vm.tail())
            figures["boots_seen"] = sum(1 for m in vm.markers
                                        if m.key == "init")

    why = failure or "earlier step failed"

    def check(boot, desc, pred, diag=None):
        f = facts.get(boot)
        if f is None:
            return tap.skip("boot %d: %s" % (boot, desc), why)
        try:
            ok = pred(f)
        except (KeyError, ValueError) as e:
            ok, diag = False, "missing or bad fact: %s" % e
        return tap.ok(ok, "boot %d: %s" % (boot, desc),
                      diag if diag is not None else
                      {k: v for k, v in f.items()})

    for boot in (1, 2):
        check(boot, "guest init reached", lambda f: True)
        check(boot, "%d CPUs online (online=0-%d, cpuinfo)" % (
            args.smp, args.smp - 1),
            lambda f: f["cpus_online"] == ("0-%d" % (args.smp - 1)
                                           if args.smp > 1 else "0")
            and int(f["cpuinfo_count"]) == args.smp)
        check(boot, "MemTotal in [440, 512] MiB",
              lambda f: MEM_MIN_KB <= int(f["memtotal_kb"]) <= MEM_MAX_KB)
        check(boot, "ACPI tables include %s" % " ".join(REQUIRED_TABLES),
              lambda f: set(REQUIRED_TABLES) <= set(f["acpi_tables"].split()))
        check(boot, "no firmware complaints in dmesg (%s)" % BAD_DMESG,
              lambda f: int(f["dmesg_bad_count"]) == 0
              and not f.get("dmesg_bad"),
              "\n".join(facts.get(boot, {}).get("dmesg_bad", [])))
    if 1 in facts and 2 in facts:
        keys = ("cpus_online", "cpuinfo_count", "memtotal_kb", "acpi_tables")

        def same(k):
            a, b = facts[1].get(k), facts[2].get(k)
            if k == "memtotal_kb" and a and b:
                # KASLR moves the kernel image: page-rounding of what the
                # kernel reserves makes MemTotal differ by a few KiB.
                return abs(int(a) - int(b)) <= 256
            return a == b
        tap.ok(all(same(k) for k in keys),
               "boot 2 reports the same CPUs, memory (within 256 KiB) and "
               "tables as boot 1",
               {k: (facts[1].get(k), facts[2].get(k)) for k in keys})
    else:
        tap.skip("boot 2 reports the same facts as boot 1", why)

    if tables is None:
        reason = acpi_error or why
        tap.skip("ACPI tables dumped intact over the console", reason)
        tap.skip("ACPI table headers: signature, length, checksum", reason)
        tap.skip("iasl -d disassembles every table without errors", reason)
    else:
        tap.ok(True, "ACPI tables dumped intact over the console (%s)"
               % " ".join(sorted(tables)))
        problems = [p for n, d in sorted(tables.items())
                    for p in acpitables.check_header(n, d)]
        tap.ok(not problems, "ACPI table headers: signature, length, "
               "checksum (%d tables; FACS has no checksum)" % len(tables),
               "\n".join(problems))
        problems = acpitables.iasl_problems(tables, sorted(tables),
                                            args.keep_acpi)
        tap.ok(not problems, "iasl -d disassembles every table without "
               "errors", "\n".join(problems))

    if t_poweroff is None:
        tap.skip("reboot went through the firmware to a second boot", why)
        tap.skip("VMM exits 0 within %.0f s of poweroff" % POWEROFF_LIMIT,
                 why)
    else:
        tap.ok(figures.get("boots_seen") == 2,
               "reboot went through the firmware to a second boot (%s init "
               "markers)" % figures.get("boots_seen"))
        took = figures["exit"] - t_poweroff if "exit" in figures else None
        tap.ok(rc == 0 and took is not None and took <= POWEROFF_LIMIT,
               "VMM exits 0 within %.0f s of poweroff (status %s after %s)"
               % (POWEROFF_LIMIT, rc, fmt_s(took)))

    fw = None
    if timing_path is not None:
        if timing_path.exists():
            t = json.loads(timing_path.read_text())
            if t.get("kernel_entry_ms", -1) >= 0 and t.get("fw_entry_ms", -1) >= 0:
                fw = t["kernel_entry_ms"] - t["fw_entry_ms"]
        shutil.rmtree(timing_path.parent, ignore_errors=True)
    # Figures: seconds since the VMM process started.
    if figures:
        f = figures
        reboot = (f["boot2_init"] - f["reboot_marker"]) \
            if "boot2_init" in f and "reboot_marker" in f else None
        poweroff = (f["exit"] - t_poweroff) \
            if "exit" in f and t_poweroff is not None else None
        tap.diag("figures (%s): boot to init %s; VmRSS after boot %s KiB; "
                 "ACPI dump %s; reboot to init %s; poweroff to exit %s; "
                 "total %s; firmware entry to kernel entry (last boot) %s"
                 % (args.vmm, fmt_s(f.get("boot1_init")),
                    f.get("rss_kb"), fmt_s(f.get("acpi_dump")),
                    fmt_s(reboot), fmt_s(poweroff), fmt_s(f.get("exit")),
                    "%.1f ms" % fw if fw is not None else "n/a"))
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
