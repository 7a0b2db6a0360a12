#!/usr/bin/env python3
"""A stalled serial reader must not stall hotmem (serial output acceptance).

    test-stall.py [--hotmem ./hotmem] [-v]

hotmem runs with -serial stdio whose stdout is a pipe (shrunk to one page)
that this script stops reading once the guest has started to print without
pause. With the pipe full and the guest still printing:
  - QMP query-status answers within 1 s, and the VM is running;
  - a DIMM hot-add works: device_add, the guest's _OST(1, 0) as an
    ACPI_DEVICE_OST event, query-memory-devices (the console is the stalled
    pipe, so the guest is observed through QMP only);
  - the pipe is still full afterwards (nobody read it meanwhile);
  - quit ends hotmem within 5 s, status 0.
Output is TAP; a check that could not run is `not ok`.
"""

import argparse
import fcntl
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import termios
import time
import struct
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
import guestlib  # noqa: E402
from guestlib import QMP, GuestError, QMPError, Tap  # noqa: E402

F_SETPIPE_SZ, F_GETPIPE_SZ = 1031, 1032
APPEND = "console=ttyS0 quiet pci=noearly memhp_default_state=online_movable"

# The guest floods its console from init on; the host reads up to the marker.
GUEST_BODY = r"""
hm flood 1
i=0
while :; do
    i=$((i + 1))
    echo "flood $i: the guest keeps printing while nobody reads its console"
done
"""


def pipe_queued(fd):
    buf = fcntl.ioctl(fd, termios.FIONREAD, struct.pack("i", 0))
    return struct.unpack("i", buf)[0]


def read_until(fd, pattern, timeout, echo):
    """Reads the console pipe until pattern shows up; returns the text."""
    rx = re.compile(pattern)
    fail = re.compile("|".join(guestlib.DEFAULT_FAIL_PATTERNS))
    text = ""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        data = os.read(fd, 65536)
        if not data:
            raise GuestError("console closed (hotmem exited?)")
        chunk = data.decode(errors="replace")
        if echo:
            sys.stderr.write(chunk)
        text += chunk
        if fail.search(text):
            raise GuestError("guest failed: %s" % fail.search(text).group(0))
        if rx.search(text):
            return text
    raise GuestError("no /%s/ on the console within %.0f s" % (pattern, timeout))


def timed(fn):
    """(result or exception, seconds)."""
    t0 = time.monotonic()
    try:
        r = fn()
    except (GuestError, QMPError, OSError) as e:
        r = e
    return r, time.monotonic() - t0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hotmem", default=str(REPO / "hotmem"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    tap = Tap()
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        tap.ok(False, "a usable /dev/kvm (run me through tests/guest/rig.py)")
        return tap.finish()
    guestlib.install_sigterm_handler()
    files = guestlib.guest_files()
    initrd = guestlib.build_initramfs(guestlib.init_script(GUEST_BODY, serve=False),
                                      name="test-stall")
    sockdir = tempfile.mkdtemp(prefix="hm-stall-")
    qmp_path = Path(sockdir) / "qmp.sock"
    argv = [args.hotmem, "-m", "512M", "-smp", "1",
            "-dimm", "id=d1,size=256M,populated=off",
            "-kernel", files["HOTMEM_GUEST_KERNEL"], "-initrd", str(initrd),
            "-append", APPEND, "-serial", "stdio", "-display", "none",
            "-qmp", "unix:%s,server=on,wait=off" % qmp_path]
    tap.diag("vmm: " + " ".join(argv))
    rd, wr = os.pipe()
    cap = fcntl.fcntl(wr, F_SETPIPE_SZ, 4096)       # one page: full in seconds
    errlog = tempfile.TemporaryFile()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=wr, stderr=errlog)
    os.close(wr)
    q = None
    try:
        text, dt = timed(lambda: read_until(rd, r"HM:flood=", 240, args.verbose))
        if not tap.ok(isinstance(text, str), "guest booted and started to print without pause "
                      "(%.1f s)" % dt, text):
            return tap.finish()
        q = QMP(qmp_path)
        # From here on nobody reads the console: wait until the pipe is full.
        t0 = time.monotonic()
        while pipe_queued(rd) < cap and time.monotonic() - t0 < 120:
            time.sleep(0.05)
        fill_s = time.monotonic() - t0
        tap.ok(pipe_queued(rd) >= cap, "the console pipe is full (%d of %d bytes after %.1f s): "
               "the reader has stalled" % (pipe_queued(rd), cap, fill_s))
        time.sleep(2)                                   # the guest goes on printing

        st, dt = timed(lambda: q.execute("query-status", timeout=5))
        tap.ok(isinstance(st, dict) and st.get("status") == "running" and dt < 1.0,
               "query-status answers in %.3f s (< 1 s), status running" % dt, st)

        q.events.clear()
        r, dt = timed(lambda: q.execute("device_add", {"driver": "dimm", "id": "d1"},
                                        timeout=5))
        tap.ok(r == {}, "device_add dimm,id=d1 returns {} (%.3f s)" % dt, r)
        ev, dt = timed(lambda: q.wait_event(
            "ACPI_DEVICE_OST", 120, lambda e: e["data"]["info"].get("device") == "d1"
            and e["data"]["info"].get("source") == 1)) if r == {} else (r, 0.0)
        info = ev["data"]["info"] if isinstance(ev, dict) else ev
        tap.ok(isinstance(ev, dict) and info.get("status") == 0,
               "the guest onlined the DIMM: ACPI_DEVICE_OST source 1 status 0 "
               "(%.1f s after device_add)" % dt, info)
        devs, dt = timed(lambda: q.execute("query-memory-devices", timeout=5))
        d1 = [d["data"] for d in devs if d["data"].get("id") == "d1"] \
            if isinstance(devs, list) else []
        tap.ok(len(d1) == 1 and d1[0].get("hotplugged") is True and
               d1[0].get("size") == 256 << 20,
               "query-memory-devices: d1 hot-plugged, 256 MiB", devs)
        tap.ok(pipe_queued(rd) >= cap, "the console pipe is still full: the guest ran "
               "all this with its console stalled")

        t0 = time.monotonic()
        r, _ = timed(lambda: q.execute("quit", timeout=5))
        try:
            rc = proc.wait(max(0.0, 5 - (time.monotonic() - t0)))
        except subprocess.TimeoutExpired:
            rc = None
        dt = time.monotonic() - t0
        tap.ok(rc == 0, "quit ends hotmem within 5 s (%.2f s, status %s)" % (dt, rc), r)
    finally:
        if q:
            q.close()
        if proc.poll() is None:
            proc.kill()                                 # stuck in write(): TERM won't do
        proc.wait()
        os.close(rd)
        errlog.seek(0)
        err = errlog.read().decode(errors="replace").strip()
        if err:
            tap.diag("hotmem stderr: " + err[-2000:])
        shutil.rmtree(sockdir, ignore_errors=True)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
