#!/usr/bin/env python3
"""The guest's CMOS clock holds years past 2262 (RTC acceptance).

    test-rtc.py [--hotmem ./hotmem] [-v]

A Debian guest under hotmem reads its CMOS clock with rtcpoke (a static
helper of ours that drives ports 0x70/0x71 itself, century byte 0x32
included: the FADT has no century register, so Linux's hwclock stops at
2069). The clock starts at host UTC; then the guest sets July 4th 12:34:56
of 2024, 2262, 2263, 2999 and 9999, waits a second and reads back the same
date with the clock running. Output is TAP.
"""

import argparse
import calendar
import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
import guestlib  # noqa: E402
from guestlib import GuestError, Tap, Vmm  # noqa: E402

APPEND = "console=ttyS0 quiet pci=noearly"
YEARS = (2024, 2262, 2263, 2999, 9999)

GUEST_BODY = r"""
cmd_rtcget() { rtcpoke get; }
cmd_rtcset() { rtcpoke set "$1" 7 4 12 34 56 && sleep 1 && rtcpoke get; }
"""


def rtcpoke_binary():
    """tests/guest/rtcpoke.c compiled static into the cache (not the repo)."""
    out = guestlib.cache_root() / "bin" / "rtcpoke"
    src = HERE / "rtcpoke.c"
    if not out.exists() or out.stat().st_mtime < src.stat().st_mtime:
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["gcc", "-static", "-O2", "-Wall", "-Werror", "-o",
                        str(out) + ".tmp", str(src)], check=True)
        os.replace(str(out) + ".tmp", out)
    return out


def rtc_value(markers):
    got = [m.value for m in markers if m.key == "rtc"]
    return got[-1] if got else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hotmem", default=str(REPO / "hotmem"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    tap = Tap()
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        tap.ok(False, "a usable /dev/kvm (run me through tests/guest/rig.py)")
        return tap.finish()
    files = guestlib.guest_files()
    initrd = guestlib.build_initramfs(
        guestlib.init_script(GUEST_BODY), name="test-rtc",
        adds=[(str(rtcpoke_binary()), "/bin/rtcpoke")])
    argv = [args.hotmem, "-m", "512M", "-kernel", files["HOTMEM_GUEST_KERNEL"],
            "-initrd", str(initrd), "-append", APPEND, "-nographic"]
    tap.diag("vmm: " + " ".join(argv))
    log = guestlib.cache_root() / "logs" / "test-rtc.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with Vmm(argv, log_path=log, echo=args.verbose) as vm:
        try:
            vm.wait_marker("init", 240)
            host = time.time()
            got = rtc_value(vm.command("rtcget"))
            t = None
            try:
                t = calendar.timegm(time.strptime(got, "%Y-%m-%d %H:%M:%S"))
            except (TypeError, ValueError):
                pass
            tap.ok(t is not None and abs(t - host) < 30,
                   "the clock starts at host UTC (guest %s, host %s)"
                   % (got, datetime.datetime.utcfromtimestamp(host)
                      .strftime("%Y-%m-%d %H:%M:%S")))
            for y in YEARS:
                got = rtc_value(vm.command("rtcset %d" % y))
                ok = got is not None and got.startswith("%04d-07-04 12:3" % y)
                ok = ok and "12:34:57" <= got[11:] <= "12:35:30"
                tap.ok(ok, "year %d set through the CMOS ports reads back, running: %s"
                       % (y, got))
            vm.send("poweroff\n")
            tap.ok(vm.wait_exit(30) == 0, "guest powered off, hotmem exit status 0")
        except GuestError as e:
            tap.ok(False, "the guest ran every step", "%s\n%s" % (e, vm.tail(20)))
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
