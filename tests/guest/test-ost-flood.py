#!/usr/bin/env python3
"""A guest that floods the management client with _OST reports: a Debian
guest under hotmem writes the _OST registers of a plugged DIMM's slot in a
tight loop (memfill ostflood) while the QMP client does not read, then
reads slowly.

    test-ost-flood.py [--hotmem ./hotmem] [--count N] [-v]

Every _OST write is an ACPI_DEVICE_OST event; unthrottled, ~6000 of them
pushed such a client over its 1 MiB output cap and hotmem disconnected it,
so it missed the DEVICE_DELETED of the next removal.  Checked: the client
stays connected, the slot's events reach it at most about once a second
with the guest's last report delivered, hotmem's VmRSS does not grow, and
afterwards a removal and a normal hot-add + device_del complete on the same
client (DEVICE_DELETED received).  Output is TAP; a check that could not run
is `not ok`.
"""

import argparse
import hashlib
import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
import guestlib  # noqa: E402
from guestlib import GuestError, Tap  # noqa: E402

# Guest, Section and the guest commands come from the hotplug scenario
_spec = importlib.util.spec_from_file_location("test_hotplug", HERE / "test-hotplug.py")
th = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(th)

MiB = 1 << 20
GUEST_BODY = th.GUEST_BODY + r"""
cmd_ostflood() { memfill ostflood "$@"; }
"""
FINAL = 0xfe                  # memfill's last _OST status


def memfill_binary():
    """memfill.c compiled static into the cache under a name that is its
    content's digest: other checkouts sharing the cache build their own
    memfill.c (maybe without ostflood) under test-hotplug's plain name."""
    src = HERE / "memfill.c"
    digest = hashlib.sha256(src.read_bytes()).hexdigest()[:16]
    out = guestlib.cache_root() / "bin" / ("memfill-%s" % digest)
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = "%s.tmp.%d" % (out, os.getpid())
        subprocess.run(["gcc", "-static", "-O2", "-Wall", "-o", tmp, str(src)], check=True)
        os.replace(tmp, out)
    return out


def slow_drain(q, quiet=2.0, chunk=4096, pause=0.02):
    """Reads what hotmem has for q, 4 KiB every 20 ms (~200 KB/s), until
    nothing came for `quiet` seconds; returns the messages (the events are
    also queued in q.events) and the bytes read."""
    q.sock.settimeout(0.2)
    last = time.monotonic()
    nbytes = 0
    while time.monotonic() - last < quiet:
        try:
            data = q.sock.recv(chunk)
        except socket.timeout:
            continue
        if not data:
            raise GuestError("QMP: hotmem closed the connection (%d bytes read)" % nbytes)
        q._buf += data
        nbytes += len(data)
        last = time.monotonic()
        time.sleep(pause)
    msgs = []
    while q._buf.strip():
        try:
            msgs.append(q._recv(0.05))
        except GuestError:
            break
    q.events.extend(m for m in msgs if "event" in m)
    return msgs, nbytes


def flood(tap, g, fig, count):
    with th.Section(tap, "flood", g) as s:
        r, ev, _ = g.plug({"driver": "dimm", "id": "d1"}, "d1")
        s.ok(r == {} and ev["data"]["info"]["status"] == 0, "d1 plugged into slot 0, the "
             "guest onlined it (_OST 1/0)", ev)
        rss0 = g.vm.rss_kb()
        g.q.events.clear()
        # the client reads nothing while the guest floods: the serial
        # command below is all the test does meanwhile
        f = g.cmd("ostflood 0 %d" % count, 900)
        rss1 = g.vm.rss_kb()
        words = f.get("ostflood", "").split()
        ok = len(words) == 3 and words[0] == "done"
        secs = int(words[2]) / 1000 if ok else 0
        fig.update(writes=count, flood_s=secs, rss_growth_kb=rss1 - rss0)
        s.ok(ok and int(words[1]) == count, "the guest reported _OST %d times on slot 0 in "
             "%.1f s (%.0f/s)" % (count, secs, count / secs if secs else 0), f)
        msgs, nbytes = slow_drain(g.q)
        osts = [m for m in msgs if m.get("event") == "ACPI_DEVICE_OST"
                and m["data"]["info"]["slot"] == "0"]
        fig.update(events=len(osts), bytes=nbytes)
        st = g.q.execute("query-status")
        s.ok(st.get("running") is True, "the slow client is still connected and answered "
             "(%d bytes read after the flood)" % nbytes, st)
        s.ok(2 <= len(osts) <= secs + 4, "throttled: %d ACPI_DEVICE_OST for slot 0 reached "
             "it for %d writes in %.1f s (the first at once, then one per second at most)"
             % (len(osts), count, secs), [m["data"]["info"] for m in osts[:5]])
        last = osts[-1]["data"]["info"] if osts else None
        s.ok(last == {"device": "d1", "source": 3, "status": FINAL, "slot": "0",
                      "slot-type": "DIMM"}, "the last one is the guest's final _OST "
             "(3, 0x%x)" % FINAL, last)
        ospm = [x for x in g.q.execute("query-acpi-ospm-status") if x["slot"] == "0"]
        s.ok(ospm and ospm[0]["status"] == FINAL, "query-acpi-ospm-status agrees", ospm)
        s.ok(rss1 - rss0 < 8 * 1024, "hotmem VmRSS grew by %d kB during the flood "
             "(< 8 MiB)" % (rss1 - rss0))
        err = g.vm.stderr
        s.ok("does not read its output" not in err and "queue full" not in err,
             "hotmem dropped neither the client nor events for it", err[-2000:])


def after(tap, g, fig):
    with th.Section(tap, "after the flood", g) as s:
        r, ev, dt = g.unplug("d1")
        s.ok(r == {} and ev["data"] == {"device": "d1", "path": "/machine/peripheral/d1"},
             "device_del d1 -> DEVICE_DELETED on the same client (%.1f s)" % dt, ev)
        r1, ev1, dt1 = g.plug({"driver": "dimm", "id": "d2"}, "d2")
        kb, blocks = g.mem(g.dimm("d2")["addr"], 256 * MiB)
        r2, ev2, dt2 = g.unplug("d2")
        s.ok(r1 == {} and ev1["data"]["info"]["status"] == 0 and blocks[1] == 2,
             "hot-add d2: the guest onlines it (%.1f s to _OST 1/0)" % dt1, (ev1, blocks))
        s.ok(r2 == {} and ev2["data"]["device"] == "d2", "device_del d2 -> DEVICE_DELETED "
             "(%.1f s)" % dt2, ev2)
        kb, _ = g.mem()
        s.ok(kb == g.base_kb, "MemTotal back to %d kB" % g.base_kb, kb)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hotmem", default=str(REPO / "hotmem"))
    ap.add_argument("--count", type=int, default=12000,
                    help="_OST writes (each is two port writes, ~1 ms each in the rig)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    tap = Tap()
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        tap.ok(False, "a usable /dev/kvm (run me through tests/guest/rig.py)")
        return tap.finish()
    files = guestlib.guest_files()
    initrd = str(guestlib.build_initramfs(
        guestlib.init_script(GUEST_BODY), name="test-ost-flood",
        adds=[(str(memfill_binary()), "/bin/memfill")]))
    sockdir = tempfile.mkdtemp(prefix="hm-ostflood-")
    argv = [args.hotmem, "-m", "512M,slots=2,maxmem=4G", "-smp", "1",
            "-dimm", "id=d1,size=256M", "-dimm", "id=d2,size=256M",
            "-kernel", files["HOTMEM_GUEST_KERNEL"], "-initrd", initrd,
            "-append", th.APPEND, "-nographic"]
    tap.diag("vmm: " + " ".join(argv))
    fig = {}
    g = th.Guest(argv, sockdir, args.verbose, "ost-flood")
    try:
        with th.Section(tap, "boot", g) as s:
            t0 = time.monotonic()
            g.start()
            g.base_kb, _ = g.mem()
            s.ok(True, "guest up, QMP connected (%.1f s), MemTotal %d kB"
                 % (time.monotonic() - t0, g.base_kb))
        flood(tap, g, fig, args.count)
        after(tap, g, fig)
    finally:
        g.close()
        shutil.rmtree(sockdir, ignore_errors=True)
    if "flood_s" in fig:
        tap.diag("figures: %d _OST writes in %.1f s; %s ACPI_DEVICE_OST events (%s bytes) "
                 "reached the client; hotmem VmRSS %+d kB during the flood"
                 % (fig["writes"], fig["flood_s"], fig.get("events", "-"),
                    fig.get("bytes", "-"), fig["rss_growth_kb"]))
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
