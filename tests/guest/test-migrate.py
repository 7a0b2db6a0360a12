#!/usr/bin/env python3
"""Live migration of a Debian guest with a hot-added DIMM, both hotmem
processes in the same rig run, over loopback.

    test-migrate.py [--hotmem ./hotmem] [-v]

Source: -m 512M,slots=4,maxmem=8G; a 1 GiB pc-dimm is hot-added (blocks
online movable); a guest process holds a 640 MiB pattern (most of it lands
in the DIMM's Movable zone, /proc/zoneinfo says how much) and another one
increments a counter ten times a second.  Destination: started with only
-m 512M,slots=4,maxmem=8G and -incoming defer, then migrate-incoming
tcp:127.0.0.1:PORT.  Checks: hotplug commands refused while the migration
runs; it completes; the destination runs (counter goes on, same boot id,
the pattern verifies byte for byte, query-memory-devices identical); a
later device_del there completes with DEVICE_DELETED and MemTotal shrinks;
the source is postmigrate and quits with status 0.  Figures: total time,
downtime (query-migrate), bytes sent.
Output is TAP; a check that could not run is `not ok`.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
import subprocess
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
import guestlib  # noqa: E402
from guestlib import GuestError, QMPError, Tap  # noqa: E402
from guestlib import MigSection as Section, MigSide as Side  # noqa: E402
from guestlib import free_port, memfill_binary, wait_migration  # noqa: E402

MiB, GiB = 1 << 20, 1 << 30
APPEND = "console=ttyS0 quiet pci=noearly memhp_default_state=online_movable"
PATTERN_MIB = 640
SEED = 4242

def sections(path):
    """(offset, end, kind) of each section of a stream file, read header by
    header (a snapshot is too big to hold in memory several times)."""
    out, pos, size = [], 12, path.stat().st_size
    with open(path, "rb") as f:
        while pos < size:
            f.seek(pos)
            h = f.read(2)
            f.seek(pos + 10 + h[1])
            plen = int.from_bytes(f.read(4), "little")
            end = pos + 14 + h[1] + plen + 4
            out.append((pos, end, h[0]))
            pos = end
    return out


def write_variant(src, dst, truncate=None, patch=None, insert=None):
    """A copy of src, cut at truncate, with patch {offset: bytes} applied,
    or with insert (offset, bytes) spliced in."""
    with open(src, "rb") as i, open(dst, "wb") as o:
        if insert:
            o.write(i.read(insert[0]))
            o.write(insert[1])
        shutil.copyfileobj(i, o, 1 << 20)
    if truncate is not None:
        os.truncate(dst, truncate)
    with open(dst, "r+b") as o:
        for off, b in (patch or {}).items():
            o.seek(off)
            o.write(b)


def section_bytes(kind, name, payload, instance=0, version=1):
    b = bytes([kind, len(name)]) + name.encode() + instance.to_bytes(4, "little") + \
        version.to_bytes(4, "little") + len(payload).to_bytes(4, "little") + payload
    return b + zlib.crc32(b).to_bytes(4, "little")


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
    initrd = str(guestlib.build_initramfs(
        guestlib.init_script(guestlib.MIGRATION_GUEST_BODY), name="test-migrate",
        adds=[(str(memfill_binary()), "/bin/memfill")]))
    sockdir = tempfile.mkdtemp(prefix="hm-migrate-")
    mem = ["-m", "512M,slots=4,maxmem=8G", "-smp", "1"]
    src_argv = [args.hotmem] + mem + ["-kernel", files["HOTMEM_GUEST_KERNEL"], "-initrd",
                                      initrd, "-append", APPEND, "-nographic"]
    dst_argv = [args.hotmem] + mem + ["-nographic", "-incoming", "defer"]
    tap.diag("source: " + " ".join(src_argv))
    tap.diag("destination: " + " ".join(dst_argv))
    src = Side("src", src_argv, sockdir, args.verbose)
    dst = Side("dst", dst_argv, sockdir, args.verbose)
    fig = {}
    migrated = False
    try:
        with Section(tap, "setup", src) as s:
            src.start(True)
            kb0 = int(src.cmd("mem")["memtotal_kb"])
            src.q.execute("object-add", {"qom-type": "memory-backend-ram", "id": "mem1",
                                         "size": GiB})
            src.q.execute("device_add", {"driver": "pc-dimm", "id": "dimm1",
                                         "memdev": "mem1"})
            src.q.wait_event("ACPI_DEVICE_OST", 120,
                             lambda e: e["data"]["info"].get("device") == "dimm1")
            d = [x["data"] for x in src.q.execute("query-memory-devices")][0]
            f = src.cmd("mem %d %d" % (d["addr"], d["size"]))
            s.ok(int(f["memtotal_kb"]) - kb0 == GiB // 1024 and f["blocks"] == "8 8 8",
                 "1 GiB DIMM hot-added, its 8 blocks online movable", f)
            src.cmd("counter_start")
            i = src.mark()
            src.cmd("bg hold %d %d" % (PATTERN_MIB, SEED))
            w = src.marker("memfill", i, 300)
            used = int(src.cmd("movable")["movable_used"])
            s.ok(w.startswith("ok") and used * 4096 >= 256 * MiB,
                 "%d MiB pattern written; %d MiB of the DIMM's Movable zone in use"
                 % (PATTERN_MIB, used * 4096 // MiB), w)
            boot_id = src.cmd("bootid")["bootid"]
            src_devices = src.q.execute("query-memory-devices")
            n0, _ = src.counter()
            time.sleep(1)
            n1, _ = src.counter()
            s.ok(n1 > n0, "the guest's counter runs (%d -> %d)" % (n0, n1))

        with Section(tap, "conflict", src) as s:
            # a destination with other base RAM: both sides fail before the
            # source stops, with the conflict named
            bad = Side("bad", [args.hotmem, "-m", "1G,slots=4,maxmem=8G", "-smp", "1",
                               "-nographic", "-incoming", "defer"], sockdir, args.verbose)
            try:
                bad.start(False)
                port = free_port()
                bad.q.execute("migrate-incoming", {"uri": "tcp:127.0.0.1:%d" % port})
                src.q.events.clear()
                src.q.execute("migrate", {"uri": "tcp:127.0.0.1:%d" % port})
                info = wait_migration(src.q, 120)
                want = "base RAM differs: the source has -m 512M, this machine -m 1G"
                s.ok(info["status"] == "failed" and want in info.get("error-desc", ""),
                     "source query-migrate: failed, error-desc names the conflict", info)
                stopped = [e for e in src.q.events if e["event"] == "STOP"]
                s.ok(not stopped and src.q.execute("query-status")["status"] == "running",
                     "the source never stopped", stopped)
                rc = bad.vm.wait_exit(30)
                time.sleep(0.5)
                err = [ln for ln in bad.vm.stderr.splitlines() if ln.strip()]
                s.ok(rc == 1 and len(err) == 1 and want in err[0],
                     "the destination exits 1 with one line naming it", (rc, err))
            finally:
                bad.close()
            n2, _ = src.counter()
            time.sleep(1)
            n3, _ = src.counter()
            s.ok(n3 > n2 >= n1, "the source guest's counter keeps advancing (%d, %d)"
                 % (n2, n3))

        snap = Path(sockdir) / "snapshot"
        with Section(tap, "snapshot save", src) as s:
            src.q.execute("stop")
            src.q.execute("migrate", {"uri": "file:%s" % snap})
            info = wait_migration(src.q, 600)
            st = src.q.execute("query-status")
            s.ok(info["status"] == "completed" and st["status"] == "paused",
                 "stop + migrate file:PATH completes, the VM stays paused (%d MiB file)"
                 % (snap.stat().st_size // MiB), (info, st))
            src.q.execute("cont")
            n4, _ = src.counter()
            s.ok(n4 >= n3, "cont: the source runs on")

        with Section(tap, "migrate", src) as s:
            dst.start(False)
            st = dst.q.execute("query-status")
            s.ok(st["status"] == "inmigrate" and not st["running"],
                 "destination waits: query-status inmigrate", st)
            caps = {"capabilities": [{"capability": "events", "state": True}]}
            src.q.execute("migrate-set-capabilities", caps)
            dst.q.execute("migrate-set-capabilities", caps)
            # a rate that keeps the migration going for a few seconds: the
            # hotplug commands below must meet an active migration
            src.q.execute("migrate-set-parameters", {"max-bandwidth": 256 * MiB})
            port = free_port()
            dst.q.execute("migrate-incoming", {"uri": "tcp:127.0.0.1:%d" % port})
            src.q.events.clear()
            t0 = time.monotonic()
            src.q.execute("migrate", {"uri": "tcp:127.0.0.1:%d" % port})
            refused = {}
            status = src.q.execute("query-migrate").get("status")
            while status == "setup" and time.monotonic() - t0 < 120:
                time.sleep(0.05)
                status = src.q.execute("query-migrate").get("status")
            for cmd, a in (("device_add", {"driver": "pc-dimm", "id": "dimm2",
                                           "memdev": "mem1"}),
                           ("device_del", {"id": "dimm1"}),
                           ("object-add", {"qom-type": "memory-backend-ram", "id": "mem2",
                                           "size": GiB}),
                           ("object-del", {"id": "mem1"})):
                try:
                    src.q.execute(cmd, a)
                    refused[cmd] = "accepted"
                except QMPError as e:
                    refused[cmd] = (e.error_class, e.desc)
            after = src.q.execute("query-migrate").get("status")
            s.ok(status == "active" and after == "active",
                 "the hotplug commands met an active migration (%s, then %s)"
                 % (status, after))
            s.ok(all(refused[c] == ("GenericError", "%s not allowed while migrating" % c)
                     for c in refused),
                 "device_add, device_del, object-add, object-del: GenericError "
                 "'... not allowed while migrating'", refused)
            src.q.execute("migrate-set-parameters", {"max-bandwidth": 4 * GiB})
            while True:
                info = src.q.execute("query-migrate")
                if info.get("status") in ("completed", "failed", "cancelled"):
                    break
                if time.monotonic() - t0 > 600:
                    raise GuestError("migration still %s after 600 s" % info.get("status"))
                time.sleep(0.2)
            fig["wall_s"] = time.monotonic() - t0
            s.ok(info["status"] == "completed", "query-migrate on the source: completed",
                 info)
            migrated = info["status"] == "completed"
            ram = info.get("ram", {})
            fig.update(total_ms=info.get("total-time"), downtime_ms=info.get("downtime"),
                       bytes=ram.get("transferred"), normal=ram.get("normal"),
                       duplicate=ram.get("duplicate"), syncs=ram.get("dirty-sync-count"))
            s.ok(ram.get("remaining") == 0 and ram.get("total") == 512 * MiB - 0x20000 + GiB
                 and ram.get("normal", 0) * 4096 >= PATTERN_MIB * MiB,
                 "ram counters: remaining 0, total base RAM + DIMM, the pattern's pages "
                 "sent whole", ram)
            evs = [e["event"] + ":" + str(e.get("data", {}).get("status", ""))
                   for e in src.q.events if e["event"] in ("MIGRATION", "STOP")]
            s.ok(evs[:2] == ["MIGRATION:setup", "MIGRATION:active"] and "STOP:" in evs
                 and evs[-1] == "MIGRATION:completed", "source events: MIGRATION setup, "
                 "active, STOP, MIGRATION completed", evs)
            st = src.q.execute("query-status")
            s.ok(st["status"] == "postmigrate" and not st["running"],
                 "source query-status: postmigrate", st)

        if fig.get("total_ms") is not None:
            tap.diag("figures (hotmem): total %s ms, downtime %s ms (query-migrate), %s bytes "
                     "sent (%s normal pages, %s zero pages, %s dirty syncs), %.1f s wall"
                     % (fig.get("total_ms"), fig.get("downtime_ms"), fig.get("bytes"),
                        fig.get("normal"), fig.get("duplicate"), fig.get("syncs"),
                        fig.get("wall_s", 0)))

        with Section(tap, "destination", dst) as s:
            if not migrated:
                raise GuestError("the migration did not complete")
            dst.q.wait_event("RESUME", 30)
            st = dst.q.execute("query-status")
            s.ok(st["status"] == "running", "destination query-status: running", st)
            n2, up2 = dst.counter(first=True)
            time.sleep(1.5)
            n3, up3 = dst.counter()
            s.ok(n2 >= n1 and n3 > n2, "the counter goes on (%d before, %d then %d after)"
                 % (n1, n2, n3))
            s.ok(dst.cmd("bootid")["bootid"] == boot_id, "same boot id", boot_id)
            i = dst.mark()
            dst.cmd("sig")
            v = dst.marker("memfill-verify", i, 300)
            rc = dst.cmd("bgwait").get("bgrc")
            s.ok(v.startswith("ok") and rc == "0",
                 "the %d MiB pattern verifies byte for byte" % PATTERN_MIB, v)
            dd = dst.q.execute("query-memory-devices")
            s.ok(dd == src_devices, "query-memory-devices identical (id, slot, addr, size, "
                 "node, memdev, hotplugged)", dd)
            dst.q.events.clear()
            kb1 = int(dst.cmd("mem")["memtotal_kb"])
            dst.q.execute("device_del", {"id": "dimm1"})
            ev = dst.q.wait_event("DEVICE_DELETED", 180,
                                  lambda e: e["data"].get("device") == "dimm1")
            kb2 = int(dst.cmd("mem")["memtotal_kb"])
            s.ok(ev["data"]["path"] == "/machine/peripheral/dimm1" and
                 kb1 - kb2 == GiB // 1024,
                 "device_del dimm1: DEVICE_DELETED, MemTotal %d -> %d kB" % (kb1, kb2))

        with Section(tap, "source end", src) as s:
            src.q.execute("quit")
            rc = src.vm.wait_exit(20)
            s.ok(rc == 0, "the source quits with status 0", rc)
        with Section(tap, "destination end", dst) as s:
            dst.vm.send("poweroff\n")
            rc = dst.vm.wait_exit(60)
            s.ok(rc == 0, "the destination guest powers off, status 0", rc)
        with Section(tap, "snapshot restore", None) as s:
            rst = Side("rst", [args.hotmem] + mem + ["-nographic", "-incoming",
                                                     "file:%s" % snap], sockdir, args.verbose)
            try:
                rst.start(False)
                info = wait_migration(rst.q, 600)
                st = rst.q.execute("query-status")
                s.ok(info["status"] == "completed" and st["status"] == "paused",
                     "-incoming file:PATH restores; the VM is paused as it was saved",
                     (info, st))
                s.ok(rst.q.execute("query-memory-devices") == src_devices,
                     "the DIMM is there (query-memory-devices as saved)")
                rst.q.execute("cont")
                s.ok(rst.first_cmd("bootid")["bootid"] == boot_id,
                     "the guest continues: same boot id")
                i = rst.mark()
                rst.cmd("sig")
                v = rst.marker("memfill-verify", i, 300)
                s.ok(v.startswith("ok"), "the pattern is intact", v)
                rst.q.execute("quit")
                s.ok(rst.vm.wait_exit(20) == 0, "quit: status 0")
            finally:
                rst.close()

        with Section(tap, "bad streams", None) as s:
            secs = sections(snap)
            layout_end = secs[1][1]         # after the layout and the device list
            ram = next(x for x in secs if x[2] == 2)
            mid = (ram[0] + ram[1]) // 2
            with open(snap, "rb") as f:
                f.seek(mid)
                flipped = bytes([f.read(1)[0] ^ 0x10])
            cases = {
                "truncated": ({"truncate": snap.stat().st_size // 2}, "ends early"),
                "flipped byte": ({"patch": {mid: flipped}}, "checksum"),
                "wrong version": ({"patch": {8: (7).to_bytes(4, "little")}},
                                  "version 7 is not supported"),
                "unknown section": ({"insert": (layout_end, section_bytes(
                    3, "bogus-device", b"\0" * 8))}, "unknown device section 'bogus-device'"),
            }
            for name, (how, want) in cases.items():
                path = Path(sockdir) / "bad-stream"
                write_variant(snap, path, **how)
                p = subprocess.run([args.hotmem] + mem + ["-display", "none", "-serial",
                                   "none", "-incoming", "file:%s" % path],
                                   capture_output=True, text=True, timeout=300)
                lines = p.stderr.strip().splitlines()
                s.ok(p.returncode == 1 and len(lines) == 1 and want in lines[0],
                     "%s: exit 1, one line (%s)" % (name, lines[0] if lines else "-"),
                     (p.returncode, lines))
                path.unlink()
    finally:
        src.close()
        dst.close()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
