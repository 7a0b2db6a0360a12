#!/usr/bin/env python3
"""Live migration of one Debian guest along a chain of hotmem processes
(each destination becomes the next source), with QEMU-style destinations,
a NUMA-node conflict and the hotplug states that are pending when a
migration starts or that land while it runs.

    test-migrate-pending.py [--hotmem ./hotmem] [-v]

Every process: -m 512M,slots=...,maxmem=8G -smp 1 with NUMA nodes 0 (the
CPU, 384M) and 1 (128M).  The guest boots on A, which also declares
`-dimm id=d0,size=512M`; d0 is plugged (device_add dimm) and a pc-dimm p1
on node 1 is hot-added with object-add + device_add; a counter runs and a
pattern is held in memory.

  numa conflict    A -> X, X without node 1: both sides fail before the
                   source stops, the error names node 1; A runs on.
  qemu-style       A -> B, B declares the identical -dimm and -object
                   memory-backend-ram + -device pc-dimm for p1: completes,
                   the pattern verifies, query-memory-devices identical;
                   a later device_del p1 and object-del mem1 work.
  removal pending  B paused by stop, device_del d0, B -> C (only -m
                   slots/maxmem): C stays paused, the removal is still
                   pending there (a second device_del answers {}); after
                   cont, DEVICE_DELETED arrives on C and MemTotal shrinks.
  insertion pending C paused, object-add + device_add p2, C -> D (QEMU
                   style: -object/-device for p2): after cont the memory
                   comes online on D.
  eject mid-migration  a pattern held in p2, max-bandwidth low, device_del
                   p2 just before D -> E: the guest's offline and _EJ0
                   land while the migration is active (its last _OST
                   arrives then); D keeps the DIMM until the end; E
                   carries the eject out (DEVICE_DELETED there), the
                   pattern verifies.
  eject, cancelled the same on E with p3 and E -> F cancelled after the
                   _EJ0: the eject completes on E, which runs on.
  eject before the answer  E -> G through a relay that holds G's answer
                   to the memory layout until the guest's _EJ0 has landed
                   on E: the eject is deferred like any other (G got the
                   DIMM in the layout) and G carries it out.

Output is TAP; a check that could not run is `not ok`.
"""

import argparse
import os
import select
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
import guestlib  # noqa: E402
from guestlib import GuestError, QMPError, Tap  # noqa: E402
from guestlib import MigSection as Section, MigSide as Side  # noqa: E402
from guestlib import free_port, memfill_binary, wait_migration  # noqa: E402

MiB, GiB = 1 << 20, 1 << 30
# init_on_free: freed pages are zero pages, so each hop sends what is in
# use, not every pattern ever written
APPEND = ("console=ttyS0 quiet pci=noearly memhp_default_state=online_movable "
          "init_on_free=1")
NUMA = ["-numa", "node,nodeid=0,cpus=0,mem=384M", "-numa", "node,nodeid=1,mem=128M"]
PATTERN_MIB = 128
# the pattern in the DIMM the guest ejects while the migration runs: its
# pages are migrated by the guest under dirty logging, ~1 ms per page here
EJECT_PATTERN_MIB = 32
SLOW = 512 * 1024              # max-bandwidth while an eject must land mid-migration
EJECT_DONE = (3, 0)            # _OST(Eject Request, success): after the guest's _EJ0

GUEST_BODY = guestlib.MIGRATION_GUEST_BODY + r"""
cmd_dmesg() { dmesg | grep -E "$1" | tail -n 10 | while read -r l; do hm dmesg "$l"; done; }
"""


class Chain:
    """Starts the processes of the chain and remembers them for cleanup."""

    def __init__(self, hotmem, sockdir, verbose):
        self.hotmem, self.sockdir, self.verbose = hotmem, sockdir, verbose
        self.sides = []

    def side(self, name, argv, wait_init=False, kernel=None):
        s = Side(name, [self.hotmem] + argv + ["-nographic"] +
                 (kernel or ["-incoming", "defer"]), self.sockdir, self.verbose,
                 prefix="test-migrate-pending")
        self.sides.append(s)
        s.start(wait_init)
        return s

    def close(self):
        for s in self.sides:
            s.close()


def memory_devices(side):
    return {d["data"]["id"]: d["data"] for d in side.q.execute("query-memory-devices")}


def memtotal(side, first=False):
    f = side.first_cmd("mem") if first else side.cmd("mem")
    return int(f["memtotal_kb"])


def hot_add(side, dev, mem, size, node=0):
    side.q.execute("object-add", {"qom-type": "memory-backend-ram", "id": mem, "size": size})
    side.q.execute("device_add", {"driver": "pc-dimm", "id": dev, "memdev": mem,
                                  "node": node})


def wait_ost(side, dev, timeout=240):
    return side.q.wait_event("ACPI_DEVICE_OST", timeout,
                             lambda e: e["data"]["info"].get("device") == dev)


def wait_eject_done(side, slot, timeout=300):
    """The guest's _OST after its _EJ0 for the slot; on a timeout the
    error says what the guest and the migration did meanwhile."""
    def match(e):
        i = e["data"]["info"]
        return i.get("slot") == str(slot) and (i.get("source"), i.get("status")) == EJECT_DONE
    try:
        return side.q.wait_event("ACPI_DEVICE_OST", timeout, match)
    except GuestError as e:
        osts = [ev["data"]["info"] for ev in side.q.events if ev["event"] == "ACPI_DEVICE_OST"]
        mig = side.q.execute("query-migrate")
        ospm = side.q.execute("query-acpi-ospm-status")
        try:
            c = side.cmd("counter", 30).get("counter")
            dm = [m.value for m in side.vm.command(
                "dmesg memory|offline|eject|Eject|ACPI|acpi|hotplug", 60) if m.key == "dmesg"]
        except GuestError as g:
            c, dm = "-", [str(g)]
        raise GuestError("%s; _OSTs meanwhile %s; query-migrate %s; ospm %s; counter %s; "
                         "dmesg %s" % (e, osts, mig, ospm, c, dm))


def migrate(src, dst, port=None):
    """migrate-incoming on dst, migrate on src; returns at once."""
    port = port or free_port()
    dst.q.execute("migrate-incoming", {"uri": "tcp:127.0.0.1:%d" % port})
    src.q.events.clear()
    src.q.execute("migrate", {"uri": "tcp:127.0.0.1:%d" % port})
    return port


def migrate_to(src, dst_port):
    src.q.events.clear()
    src.q.execute("migrate", {"uri": "tcp:127.0.0.1:%d" % dst_port})


def deleted(side, dev):
    return [e for e in side.q.events if e["event"] == "DEVICE_DELETED" and
            e["data"].get("device") == dev]


def pattern_start(side, seed, mib=PATTERN_MIB):
    i = side.mark()
    side.cmd("bg hold %d %d" % (mib, seed))
    return side.marker("memfill", i, 300)


def pattern_verify(side, first=False):
    i = side.mark()
    if first:
        side.first_cmd("sig")
    else:
        side.cmd("sig")
    v = side.marker("memfill-verify", i, 300)
    rc = side.cmd("bgwait").get("bgrc")
    return v.startswith("ok") and rc == "0", v


class HoldingRelay:
    """tcp relay source -> destination that holds the destination's first
    answer (to the memory layout) until release() is called."""

    def __init__(self, dst_port):
        self.lsock = socket.socket()
        self.lsock.bind(("127.0.0.1", 0))
        self.lsock.listen(1)
        self.port = self.lsock.getsockname()[1]
        self.dst_port = dst_port
        self.released = threading.Event()
        self.layout_sent = threading.Event()   # the source's bytes reached us
        self.held = threading.Event()          # the destination's answer is here
        self.stop = False
        self.t = threading.Thread(target=self._run, daemon=True)
        self.t.start()

    def _run(self):
        try:
            a, _ = self.lsock.accept()
            b = socket.create_connection(("127.0.0.1", self.dst_port))
        except OSError:
            return
        pending = b""
        first = True
        try:
            while not self.stop:
                r, _, _ = select.select([a, b], [], [], 0.1)
                if a in r:
                    data = a.recv(1 << 20)
                    if not data:
                        break
                    self.layout_sent.set()
                    b.sendall(data)
                if b in r:
                    data = b.recv(1 << 16)
                    if not data:
                        break
                    if first:
                        pending += data
                        self.held.set()
                    else:
                        a.sendall(data)
                if first and pending and self.released.is_set():
                    a.sendall(pending)
                    pending, first = b"", False
        except OSError:
            pass
        finally:
            a.close()
            b.close()

    def close(self):
        self.stop = True
        self.released.set()
        self.t.join(5)
        self.lsock.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hotmem", default=str(REPO / "hotmem"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    tap = Tap()
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        tap.ok(False, "a usable /dev/kvm (run me through tests/guest/rig.py)")
        return tap.finish()
    t_start = time.monotonic()
    files = guestlib.guest_files()
    initrd = str(guestlib.build_initramfs(
        guestlib.init_script(GUEST_BODY), name="test-migrate-pending",
        adds=[(str(memfill_binary()), "/bin/memfill")]))
    sockdir = tempfile.mkdtemp(prefix="hm-migpend-")
    m_dimm = ["-m", "512M,slots=3,maxmem=8G", "-smp", "1"] + NUMA + ["-dimm", "id=d0,size=512M"]
    m_slots = ["-m", "512M,slots=4,maxmem=8G", "-smp", "1"] + NUMA
    kernel = ["-kernel", files["HOTMEM_GUEST_KERNEL"], "-initrd", initrd, "-append", APPEND]
    chain = Chain(args.hotmem, sockdir, args.verbose)
    fig = {}
    try:
        # ---- A: the guest boots; d0 and p1 plugged, a pattern, a counter ----
        with Section(tap, "setup", None) as s:
            a = chain.side("A", m_dimm, wait_init=True, kernel=kernel)
            tap.diag("A: " + " ".join(a.vm.argv))
            kb0 = memtotal(a)
            a.q.execute("device_add", {"driver": "dimm", "id": "d0"})
            wait_ost(a, "d0")
            hot_add(a, "p1", "mem1", 512 * MiB, node=1)
            wait_ost(a, "p1")
            devs = memory_devices(a)
            blocks = [a.cmd("mem %d %d" % (devs[d]["addr"], devs[d]["size"]))["blocks"]
                      for d in ("d0", "p1")]
            kb = memtotal(a)
            s.ok(kb - kb0 == GiB // 1024 and blocks == ["4 4 4", "4 4 4"] and
                 devs["p1"]["node"] == 1,
                 "d0 (-dimm, node 0) and p1 (pc-dimm, node 1) plugged, online movable "
                 "(MemTotal %d -> %d kB)" % (kb0, kb), (blocks, devs))
            a.cmd("counter_start")
            w = pattern_start(a, 1111)
            used = int(a.cmd("movable")["movable_used"])
            s.ok(w.startswith("ok") and used * 4096 >= PATTERN_MIB * MiB // 2,
                 "%d MiB pattern held, %d MiB of the DIMMs' Movable zones in use"
                 % (PATTERN_MIB, used * 4096 // MiB), w)
            boot_id = a.cmd("bootid")["bootid"]
            n0, _ = a.counter()
            time.sleep(1)
            n1, _ = a.counter()
            s.ok(n1 > n0, "the guest's counter runs (%d -> %d)" % (n0, n1))

        # ---- A -> X: X has no node 1 ----
        with Section(tap, "numa conflict", a) as s:
            x = chain.side("X", ["-m", "512M,slots=3,maxmem=8G", "-smp", "1",
                                 "-dimm", "id=d0,size=512M"])
            migrate(a, x)
            info = wait_migration(a.q, 120)
            want = "NUMA node 1 is missing"
            s.ok(info["status"] == "failed" and want in info.get("error-desc", ""),
                 "A's query-migrate: failed, error-desc names node 1 (%s)"
                 % info.get("error-desc"), info)
            stopped = [e for e in a.q.events if e["event"] == "STOP"]
            s.ok(not stopped and a.q.execute("query-status")["status"] == "running",
                 "A never stopped", stopped)
            rc = x.vm.wait_exit(30)
            time.sleep(0.5)
            err = [ln for ln in x.vm.stderr.splitlines() if ln.strip()]
            s.ok(rc == 1 and len(err) == 1 and want in err[0],
                 "X exits 1 with one line naming it", (rc, err))
            n2, _ = a.counter()
            time.sleep(1)
            n3, _ = a.counter()
            s.ok(n3 > n2 >= n1, "A's counter keeps advancing (%d, %d)" % (n2, n3))

        # ---- A -> B: B declares the same -dimm and -object/-device ----
        with Section(tap, "qemu-style", a) as s:
            src_devs = a.q.execute("query-memory-devices")
            p1 = devs["p1"]
            b = chain.side("B", m_dimm + [
                "-object", "memory-backend-ram,id=mem1,size=512M",
                "-device", "pc-dimm,id=p1,memdev=mem1,node=1,slot=%d,addr=%d"
                % (p1["slot"], p1["addr"])])
            tap.diag("B: " + " ".join(b.vm.argv))
            t0 = time.monotonic()
            migrate(a, b)
            info = wait_migration(a.q, 600)
            fig["hop_s"] = time.monotonic() - t0
            fig["hop_bytes"] = info.get("ram", {}).get("transferred")
            s.ok(info["status"] == "completed", "A -> B completes (%.1f s, %s bytes)"
                 % (fig["hop_s"], fig["hop_bytes"]), info)
            b.q.wait_event("RESUME", 30)
            n4, _ = b.counter(first=True)
            time.sleep(1)
            n5, _ = b.counter()
            s.ok(n5 > n4 >= n3, "B runs the guest: the counter goes on (%d, %d)" % (n4, n5))
            s.ok(b.cmd("bootid")["bootid"] == boot_id, "same boot id")
            got = b.q.execute("query-memory-devices")
            s.ok(got == src_devs, "query-memory-devices identical (d0 and p1)", (got, src_devs))
            ok, v = pattern_verify(b)
            s.ok(ok, "the pattern verifies byte for byte", v)
            st = a.q.execute("query-status")["status"]
            a.q.execute("quit")
            s.ok(st == "postmigrate" and a.vm.wait_exit(20) == 0,
                 "A: postmigrate, quits with status 0", st)
            kb1 = memtotal(b)
            b.q.execute("device_del", {"id": "p1"})
            b.q.wait_event("DEVICE_DELETED", 240, lambda e: e["data"].get("device") == "p1")
            kb2 = memtotal(b)
            b.q.execute("object-del", {"id": "mem1"})
            s.ok(kb1 - kb2 == 512 * 1024 and "p1" not in memory_devices(b),
                 "a later device_del p1: DEVICE_DELETED, MemTotal %d -> %d kB; object-del "
                 "mem1" % (kb1, kb2))

        # ---- B paused, device_del d0, B -> C: the removal stays pending ----
        with Section(tap, "removal pending", b) as s:
            c = chain.side("C", m_slots)
            b.q.execute("stop")
            b.q.execute("device_del", {"id": "d0"})
            migrate(b, c)
            info = wait_migration(b.q, 600)
            s.ok(info["status"] == "completed", "B (paused, d0 removal pending) -> C completes",
                 info)
            st = c.q.execute("query-status")
            s.ok(st["status"] == "paused", "C stays paused, as B was", st)
            try:
                again = c.q.execute("device_del", {"id": "d0"})
            except QMPError as e:
                again = (e.error_class, e.desc)
            # QEMU 7.2 answers a repeated request with {} (reference/qemu-qmp-shapes.txt)
            s.ok(again == {}, "the removal is pending on C: a second device_del d0 answers {} "
                 "as QEMU's", again)
            s.ok(not deleted(c, "d0") and "d0" in memory_devices(c),
                 "d0 is still there before cont")
            c.q.execute("cont")
            c.q.wait_event("DEVICE_DELETED", 240, lambda e: e["data"].get("device") == "d0")
            kb3 = memtotal(c, first=True)
            s.ok(kb3 == kb0 and memory_devices(c) == {},
                 "cont: DEVICE_DELETED d0 on C, MemTotal %d -> %d kB" % (kb2, kb3))
            n6, _ = c.counter()
            s.ok(n6 > n5 and c.cmd("bootid")["bootid"] == boot_id,
                 "C runs the same guest (counter %d)" % n6)
            b.q.execute("quit")
            s.ok(b.vm.wait_exit(20) == 0, "B quits with status 0")

        # ---- C paused, device_add p2, C -> D: the insertion completes on D ----
        with Section(tap, "insertion pending", c) as s:
            c.q.execute("stop")
            hot_add(c, "p2", "mem2", 512 * MiB)
            p2 = memory_devices(c)["p2"]
            src_devs = c.q.execute("query-memory-devices")
            d = chain.side("D", m_slots + [
                "-object", "memory-backend-ram,id=mem2,size=512M",
                "-device", "pc-dimm,id=p2,memdev=mem2,slot=%d,addr=%d" % (p2["slot"],
                                                                          p2["addr"])])
            migrate(c, d)
            info = wait_migration(c.q, 600)
            s.ok(info["status"] == "completed", "C (paused, p2 just added) -> D completes", info)
            got = d.q.execute("query-memory-devices")
            s.ok(d.q.execute("query-status")["status"] == "paused" and got == src_devs,
                 "D paused, query-memory-devices as on C (p2 hotplugged)", got)
            d.q.execute("cont")
            wait_ost(d, "p2")
            kb4 = memtotal(d, first=True)
            blocks = d.cmd("mem %d %d" % (p2["addr"], p2["size"]))["blocks"]
            s.ok(kb4 - kb0 == 512 * 1024 and blocks == "4 4 4",
                 "cont: the guest takes p2 on D (_OST), its 4 blocks online movable, "
                 "MemTotal %d -> %d kB" % (kb3, kb4), blocks)
            c.q.execute("quit")
            s.ok(c.vm.wait_exit(20) == 0, "C quits with status 0")

        # ---- D -> E, device_del p2 just before: the _EJ0 lands mid-migration ----
        with Section(tap, "eject mid-migration", d) as s:
            w = pattern_start(d, 2222, EJECT_PATTERN_MIB)
            used = int(d.cmd("movable")["movable_used"])
            s.ok(w.startswith("ok") and used * 4096 >= EJECT_PATTERN_MIB * MiB // 2,
                 "a %d MiB pattern held, %d MiB of p2 in use" % (EJECT_PATTERN_MIB,
                                                               used * 4096 // MiB), w)
            e = chain.side("E", m_slots)
            d.q.execute("migrate-set-parameters", {"max-bandwidth": SLOW})
            t0 = time.monotonic()
            d.q.execute("device_del", {"id": "p2"})
            migrate(d, e)
            ev = wait_eject_done(d, p2["slot"])
            fig["eject_s"] = time.monotonic() - t0
            during = d.q.execute("query-migrate").get("status")
            still = "p2" in memory_devices(d)
            s.ok(during == "active" and still and not deleted(d, "p2"),
                 "the guest's _EJ0 landed while the migration was %s; D keeps p2 (no "
                 "DEVICE_DELETED)" % during, ev)
            d.q.execute("migrate-set-parameters", {"max-bandwidth": 4 * GiB})
            info = wait_migration(d.q, 600)
            s.ok(info["status"] == "completed", "D -> E completes", info)
            e.q.wait_event("DEVICE_DELETED", 60, lambda ev: ev["data"].get("device") == "p2")
            ok, v = pattern_verify(e, first=True)
            s.ok(ok, "E: the pattern the guest moved out of p2 verifies byte for byte", v)
            kb5 = memtotal(e)
            s.ok(kb5 == kb0 and memory_devices(e) == {},
                 "E carried out the eject: DEVICE_DELETED p2, MemTotal %d kB" % kb5)
            st = d.q.execute("query-status")["status"]
            s.ok(st == "postmigrate" and not deleted(d, "p2") and "p2" in memory_devices(d),
                 "D: postmigrate, p2 left as it was sent (%s)" % st)
            d.q.execute("quit")
            s.ok(d.vm.wait_exit(20) == 0, "D quits with status 0")

        # ---- E -> F cancelled after the _EJ0: the eject completes on E ----
        with Section(tap, "eject, cancelled", e) as s:
            hot_add(e, "p3", "mem3", 256 * MiB)
            wait_ost(e, "p3")
            p3 = memory_devices(e)["p3"]
            f = chain.side("F", m_slots)
            e.q.execute("migrate-set-parameters", {"max-bandwidth": SLOW})
            e.q.execute("device_del", {"id": "p3"})
            migrate(e, f)
            wait_eject_done(e, p3["slot"])
            during = e.q.execute("query-migrate").get("status")
            s.ok(during == "active" and not deleted(e, "p3") and "p3" in memory_devices(e),
                 "the _EJ0 landed while the migration was %s, p3 kept" % during)
            e.q.execute("migrate_cancel")
            info = wait_migration(e.q, 60)
            e.q.wait_event("DEVICE_DELETED", 30, lambda ev: ev["data"].get("device") == "p3")
            n7, _ = e.counter()
            time.sleep(1)
            n8, _ = e.counter()
            s.ok(info["status"] == "cancelled" and "p3" not in memory_devices(e) and
                 memtotal(e) == kb0 and n8 > n7,
                 "cancelled: the eject completes on E (DEVICE_DELETED p3), E runs on "
                 "(counter %d, %d)" % (n7, n8), info)
            e.q.execute("migrate-set-parameters", {"max-bandwidth": 128 * MiB})

        # ---- E -> G, the _EJ0 landing before G has answered the layout ----
        with Section(tap, "eject before the answer", e) as s:
            hot_add(e, "p4", "mem4", 256 * MiB)
            wait_ost(e, "p4")
            p4 = memory_devices(e)["p4"]
            g = chain.side("G", m_slots)
            gport = free_port()
            g.q.execute("migrate-incoming", {"uri": "tcp:127.0.0.1:%d" % gport})
            relay = HoldingRelay(gport)
            try:
                e.q.execute("device_del", {"id": "p4"})
                migrate_to(e, relay.port)
                wait_eject_done(e, p4["slot"])
                relay.held.wait(30)
                during = e.q.execute("query-migrate").get("status")
                s.ok(during == "setup" and relay.held.is_set() and not deleted(e, "p4"),
                     "the _EJ0 landed while G's answer to the layout was held (%s); E "
                     "keeps p4" % during)
                relay.released.set()
                info = wait_migration(e.q, 600)
            finally:
                relay.close()
            s.ok(info["status"] == "completed", "E -> G completes", info)
            g.q.wait_event("DEVICE_DELETED", 60, lambda ev: ev["data"].get("device") == "p4")
            kb6 = memtotal(g, first=True)
            s.ok(kb6 == kb0 and memory_devices(g) == {} and not deleted(e, "p4"),
                 "G carried out the eject (DEVICE_DELETED p4, MemTotal %d kB); not E" % kb6)
            got = g.vm.command("dmesg %s" % guestlib.BAD_DMESG.replace(" ", "."), 60)
            bad = [m.value for m in got if m.key == "dmesg"]
            s.ok(not bad, "no ACPI error or warning in the guest (%s)" % guestlib.BAD_DMESG,
                 "\n".join(bad))
            got = g.vm.command("dmesg Eject.incomplete", 60)
            bad = [m.value for m in got if m.key == "dmesg"]
            s.ok(not bad, "the guest read each deferred _EJ0's slot empty (no 'Eject "
                 "incomplete' after its _STA)", "\n".join(bad))
            e.q.execute("quit")
            s.ok(e.vm.wait_exit(20) == 0, "E quits with status 0")
            g.vm.send("poweroff\n")
            s.ok(g.vm.wait_exit(60) == 0, "the guest powers off on G, status 0")
    finally:
        chain.close()
    tap.diag("figures (hotmem): A -> B %.1f s, %s bytes; device_del -> the guest's _EJ0 "
             "during a migration %.1f s; scenario %.1f s wall"
             % (fig.get("hop_s", 0), fig.get("hop_bytes"), fig.get("eject_s", 0),
                time.monotonic() - t_start))
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
