#!/usr/bin/env python3
"""Memory hotplug acceptance: a Debian guest under hotmem, driven
over a real QMP socket, with memhp_default_state=online_movable.

    test-hotplug.py [--hotmem ./hotmem] [--qemu qemu-system-x86_64|none] [-v]

One hotmem VM (-m 512M,slots=4,maxmem=8G; -dimm slots d1 1G, d2 256M on
node 0 and d3 512M on node 1, a node with 128 MiB of RAM and no CPU) goes
through: hot-add, hot-remove (RSS given back), refused removal
(unmovable pipe pages in memory onlined as kernel memory -> _OST 0x82), the
pc-dimm path, a hostile guest poking the register block, 20 add/remove
cycles, bad input over QMP (one TAP line each), and a reset with a removal
pending.  Then the pc-dimm path once more under QEMU 7.2 in the same run,
for the reply/event shapes and the figures.  Output is TAP; a check that
could not run is `not ok`.
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
import guestlib  # noqa: E402
from guestlib import QMP, GuestError, QMPError, Tap, Vmm  # noqa: E402

MiB, GiB = 1 << 20, 1 << 30
BASE_RAM = 512 * MiB
APPEND = "console=ttyS0 quiet pci=noearly memhp_default_state=online_movable"
SLOT = {"d1": 0, "d2": 1, "d3": 2}
SIZE = {"d1": GiB, "d2": 256 * MiB, "d3": 512 * MiB}

GUEST_BODY = r"""
bs=$((0x$(cat /sys/devices/system/memory/block_size_bytes)))
# mem [BASE SIZE]: MemTotal, and the memory blocks of [BASE, BASE+SIZE):
# "count online movable normal"
cmd_mem() {
    hm memtotal_kb "$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)"
    [ -n "$1" ] || return 0
    n=0; on=0; mov=0; nor=0; i=$(($1 / bs)); last=$((($1 + $2) / bs))
    while [ $i -lt $last ]; do
        d=/sys/devices/system/memory/memory$i
        if [ -d $d ]; then
            n=$((n + 1))
            [ "$(cat $d/state)" = online ] && on=$((on + 1))
            case "$(cat $d/valid_zones)" in
                Movable) mov=$((mov + 1)) ;; Normal) nor=$((nor + 1)) ;;
            esac
        fi
        i=$((i + 1))
    done
    hm blocks "$n $on $mov $nor"
}
# sta: the live _STA of every PNP0C80 device, "uid:sta ..."
cmd_sta() {
    s=""
    for d in /sys/bus/acpi/devices/PNP0C80:*; do
        [ -d "$d" ] && s="$s $(cat $d/uid 2>/dev/null):$(cat $d/status 2>/dev/null)"
    done
    hm sta "${s# }"
}
# kernel BASE SIZE: offline the blocks, then online them as kernel memory
cmd_kernel() {
    i=$(($1 / bs)); last=$((($1 + $2) / bs)); bad=0
    while [ $i -lt $last ]; do
        echo offline >/sys/devices/system/memory/memory$i/state || bad=$((bad + 1))
        i=$((i + 1))
    done
    i=$(($1 / bs))
    while [ $i -lt $last ]; do
        echo online_kernel >/sys/devices/system/memory/memory$i/state || bad=$((bad + 1))
        i=$((i + 1))
    done
    hm kernel_failures "$bad"
}
cmd_memfill() { memfill "$@"; }
cmd_bg() { memfill "$@" & bgpid=$!; hm bgpid "$bgpid"; }
cmd_sig() { kill -USR1 "$bgpid"; }
cmd_bgwait() { wait "$bgpid"; hm bgrc "$?"; }
cmd_shrink() {
    echo 3 >/proc/sys/vm/drop_caches
    for f in /sys/kernel/slab/*/shrink; do echo 1 >"$f"; done 2>/dev/null
    echo 1 >/proc/sys/vm/compact_memory 2>/dev/null
    return 0
}
cmd_hostile() { memfill hostile "$@"; }
cmd_dmesg() { dmesg | grep -iE "$1" | tail -n 20 | while read -r l; do hm dmesg "$l"; done; }
"""


def memfill_binary():
    """tests/guest/memfill.c compiled static into the cache (not the repo)."""
    out = guestlib.cache_root() / "bin" / "memfill"
    src = HERE / "memfill.c"
    if not out.exists() or out.stat().st_mtime < src.stat().st_mtime:
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["gcc", "-static", "-O2", "-Wall", "-o", str(out) + ".tmp",
                        str(src)], check=True)
        os.replace(str(out) + ".tmp", out)
    return out


def ev_time(ev):
    return ev["timestamp"]["seconds"] + ev["timestamp"]["microseconds"] / 1e6


def shape(v):
    """The shape of a JSON value: keys and types, not values."""
    if isinstance(v, dict):
        return {k: shape(x) for k, x in sorted(v.items())}
    if isinstance(v, list):
        return [shape(v[0])] if v else []
    return type(v).__name__


class Guest:
    """One VMM with its console, QMP socket and the figures of a run."""

    def __init__(self, argv, sockdir, verbose, name):
        self.qmp_path = Path(sockdir) / "qmp.sock"
        log = guestlib.cache_root() / "logs" / ("test-hotplug-%s.log" % name)
        log.parent.mkdir(parents=True, exist_ok=True)
        self.vm = Vmm(argv + ["-qmp", "unix:%s,server=on,wait=off" % self.qmp_path],
                      log_path=log, echo=verbose)
        self.q = None

    def start(self):
        self.vm.start()
        self.vm.wait_marker("init", 240)
        self.q = QMP(self.qmp_path)

    def close(self):
        if self.q:
            self.q.close()
        self.vm.close()

    def cmd(self, line, timeout=120):
        return {m.key: m.value for m in self.vm.command(line, timeout)}

    def mem(self, base=None, size=None):
        f = self.cmd("mem" if base is None else "mem %d %d" % (base, size))
        kb = int(f["memtotal_kb"])
        blocks = [int(x) for x in f["blocks"].split()] if "blocks" in f else None
        return kb, blocks

    def sta(self):
        f = self.cmd("sta")
        return dict(p.split(":") for p in f["sta"].split()) if f.get("sta") else {}

    def mark(self):
        """Where the markers printed from now on will start: background
        memfill prints whenever it is done, before or after the command's
        own done marker."""
        return len(self.vm.markers_since(0))

    def marker(self, key, since, timeout=120):
        def pred():
            for m in self.vm.markers[since:]:
                if m.key == key:
                    return m
            return None
        return self.vm._wait(pred, timeout, "waiting for HM:%s" % key).value

    def fds(self):
        return len(os.listdir("/proc/%d/fd" % self.vm.pid))

    def dimm(self, dev_id):
        for d in self.q.execute("query-memory-devices"):
            if d["data"].get("id") == dev_id:
                return d["data"]
        return None

    def plug(self, args, dev_id, timeout=120):
        """device_add, then the guest's _OST(1, x); returns (reply, ost event,
        seconds from the command to the event)."""
        self.q.events.clear()
        t0 = time.time()
        r = self.q.execute("device_add", args)
        ev = self.q.wait_event("ACPI_DEVICE_OST", timeout,
                               lambda e: e["data"]["info"].get("device") == dev_id
                               and e["data"]["info"]["source"] == 1)
        return r, ev, ev_time(ev) - t0

    def unplug(self, dev_id, timeout=120):
        """device_del, then DEVICE_DELETED; returns (reply, event, seconds)."""
        self.q.events.clear()
        t0 = time.time()
        r = self.q.execute("device_del", {"id": dev_id})
        ev = self.q.wait_event("DEVICE_DELETED", timeout,
                               lambda e: e["data"].get("device") == dev_id)
        return r, ev, ev_time(ev) - t0

    def qmp_round_trip(self, n=50):
        t = []
        for _ in range(n):
            t0 = time.perf_counter()
            self.q.execute("query-status")
            t.append(time.perf_counter() - t0)
        return statistics.median(t) * 1e3, min(t) * 1e3, max(t) * 1e3


class Section:
    """Runs one scenario; an exception makes its remaining checks `not ok`
    with the reason, and the run goes on."""

    def __init__(self, tap, name, g):
        self.tap, self.name, self.g = tap, name, g

    def __enter__(self):
        return self

    def ok(self, cond, desc, diag=None):
        return self.tap.ok(cond, "%s: %s" % (self.name, desc), diag)

    def __exit__(self, et, e, tb):
        if et is None:
            return False
        if issubclass(et, Exception):
            self.tap.ok(False, "%s: ran to the end" % self.name, "%s: %s" % (et.__name__, e))
            if self.g is not None:
                self.tap.diag(self.g.vm.tail(25))
            return True
        return False


# ---------------------------------------------------------------- scenarios

def hot_add(tap, g, fig):
    with Section(tap, "hot-add", g) as s:
        kb0, _ = g.mem()
        r, ev, dt = g.plug({"driver": "dimm", "id": "d1"}, "d1")
        s.ok(r == {}, "device_add dimm,id=d1 returns {}", r)
        info = ev["data"]["info"]
        s.ok(info == {"device": "d1", "source": 1, "status": 0, "slot": "0",
                      "slot-type": "DIMM"}, "ACPI_DEVICE_OST source 1 status 0", info)
        d = g.dimm("d1")
        kb1, blocks = g.mem(d["addr"], d["size"])
        fig["add_online_s"] = dt
        s.ok(kb1 - kb0 == GiB // 1024, "MemTotal grows by exactly 1 GiB (%d -> %d kB)"
             % (kb0, kb1))
        s.ok(blocks is not None and blocks[0] == 8 and blocks[1] == 8 and blocks[2] == 8,
             "its 8 memory blocks are online, zone Movable", blocks)
        s.ok(d["hotplugged"] is True and d["hotpluggable"] is True and d["slot"] == 0
             and d["size"] == GiB, "query-memory-devices: hotplugged true, slot 0, 1 GiB", d)
        m = g.q.execute("query-memory-size-summary")
        s.ok(m == {"base-memory": BASE_RAM, "plugged-memory": GiB},
             "query-memory-size-summary: plugged-memory 1 GiB", m)
        total = g.q.execute("query-memory-total")
        hmp = g.q.execute("human-monitor-command", {"command-line": "info memory-total"})
        s.ok(total == BASE_RAM + GiB and hmp == "MemTotal: %d\r\n" % total,
             "query-memory-total and HMP info memory-total agree (%d)" % total, hmp)
        s.ok(g.sta().get("0") == "15", "_STA of MP00 reads 0xF in the guest")


def hot_remove(tap, g, fig):
    with Section(tap, "hot-remove", g) as s:
        d = g.dimm("d1")
        written = 768
        f = g.cmd("memfill anon %d 2" % written)
        s.ok(f.get("memfill", "").startswith("ok"), "the guest wrote and read back %d MiB "
             "(they land in the DIMM's Movable zone)" % written, f)
        rss0 = g.vm.rss_kb()
        r, ev, dt = g.unplug("d1")
        rss1 = g.vm.rss_kb()
        fig.update(del_deleted_s=dt, rss_before_kb=rss0, rss_after_kb=rss1,
                   written_mib=written)
        s.ok(r == {} and ev["data"] == {"device": "d1", "path": "/machine/peripheral/d1"},
             "device_del returns {}, DEVICE_DELETED {device, path}", ev)
        kb, blocks = g.mem(d["addr"], d["size"])
        s.ok(kb == g.base_kb and blocks[0] == 0, "MemTotal back to %d kB, no memory "
             "blocks left in the range" % g.base_kb, (kb, blocks))
        s.ok(g.sta().get("0") in ("0", None), "_STA of MP00 reads 0 in the guest")
        s.ok(g.dimm("d1") is None, "query-memory-devices no longer lists d1")
        drop = (rss0 - rss1) / 1024
        s.ok(drop >= 0.9 * written, "hotmem VmRSS drops by %.0f MiB >= 90%% of the %d MiB "
             "written (%d -> %d kB)" % (drop, written, rss0, rss1))
        return kb


def refused(tap, g, fig):
    with Section(tap, "refused removal", g) as s:
        mib = 480
        i = g.mark()
        # node 1 has no CPU: only memfill (preferring node 1) allocates
        # there, so once its pipes are gone nothing pins d3 any more
        g.cmd("bg pipes %d 5 1" % mib)
        g.marker("pipes-created", i)
        g.plug({"driver": "dimm", "id": "d3"}, "d3")
        d = g.dimm("d3")
        f = g.cmd("kernel %d %d" % (d["addr"], d["size"]), 300)
        kb0, blocks = g.mem(d["addr"], d["size"])
        s.ok(f.get("kernel_failures") == "0" and blocks[1] == 4 and blocks[3] == 4,
             "d3's 4 blocks re-onlined as kernel memory (zone Normal)", (f, blocks))
        i = g.mark()
        g.cmd("sig")
        filled = g.marker("pipes-filled", i, 300)
        s.ok(filled == "%d MiB" % mib, "%d MiB of pipe buffers (unmovable) filled" % mib,
             filled)
        g.q.events.clear()
        g.q.execute("device_del", {"id": "d3"})
        ev = g.q.wait_event("ACPI_DEVICE_OST", 300,
                            lambda e: e["data"]["info"]["slot"] == str(SLOT["d3"]) and
                            e["data"]["info"]["source"] == 3 and
                            e["data"]["info"]["status"] not in (0x84,))
        info = ev["data"]["info"]
        s.ok(info == {"device": "d3", "source": 3, "status": 0x82, "slot": "2",
                      "slot-type": "DIMM"}, "ACPI_DEVICE_OST source 3 status 0x82", info)
        ge = g.q.wait_event("DEVICE_UNPLUG_GUEST_ERROR", 10)
        s.ok(ge["data"] == {"device": "d3", "path": "/machine/peripheral/d3"},
             "DEVICE_UNPLUG_GUEST_ERROR {device, path}", ge)
        time.sleep(3)
        g.q.execute("query-status")
        deleted = [e for e in g.q.events if e["event"] == "DEVICE_DELETED"]
        s.ok(not deleted, "no DEVICE_DELETED", deleted)
        kb1, _ = g.mem()
        s.ok(g.dimm("d3") is not None and g.sta().get("2") == "15" and kb1 == kb0,
             "d3 still plugged: listed, _STA 0xF, MemTotal unchanged")
        st = [x for x in g.q.execute("query-acpi-ospm-status") if x["slot"] == "2"]
        s.ok(st == [{"device": "d3", "source": 3, "status": 0x82, "slot": "2",
                     "slot-type": "DIMM"}], "query-acpi-ospm-status shows the refusal", st)
        hp = g.q.execute("query-memory-hotplug")
        s.ok(hp and hp[-1] == {"dimm": "d3", "request": "hot-remove", "result": "failure"},
             "query-memory-hotplug ends with d3 hot-remove failure", hp[-3:])
        i = g.mark()
        g.cmd("sig")
        v = g.marker("pipes-verify", i, 300)
        g.cmd("bgwait")
        s.ok(v.startswith("ok"), "the pipe data is intact", v)
        tries = 0
        while True:
            tries += 1
            if tries > 1:
                # what pinned d3 goes to the TAP output; then caches go
                g.tap_dmesg = g.cmd("dmesg unmovable|dumped|flags:|Offline", 60)
                g.cmd("shrink", 300)
            g.q.events.clear()
            g.q.execute("device_del", {"id": "d3"})
            ev = g.q.wait_event("ACPI_DEVICE_OST", 300,
                                lambda e: e["data"]["info"]["slot"] == str(SLOT["d3"]) and
                                e["data"]["info"]["source"] == 3 and
                                e["data"]["info"]["status"] != 0x84)
            if ev["data"]["info"]["status"] == 0 or tries == 3:
                break
        dele = [e for e in g.q.events if e["event"] == "DEVICE_DELETED"] or \
            [g.q.wait_event("DEVICE_DELETED", 5)]
        s.ok(dele[0]["data"]["device"] == "d3", "with the pipes released, device_del "
             "succeeds (DEVICE_DELETED, attempt %d)" % tries, getattr(g, "tap_dmesg", None))


def pc_dimm(tap, g, fig, shapes):
    with Section(tap, "pc-dimm", g) as s:
        r1 = g.q.execute("object-add", {"qom-type": "memory-backend-ram", "id": "mem0",
                                        "size": GiB})
        r2, ev, dt = g.plug({"driver": "pc-dimm", "id": "dimm0", "memdev": "mem0"},
                            "dimm0")
        d = g.dimm("dimm0")
        kb, blocks = g.mem(d["addr"], d["size"])
        s.ok(r1 == {} and r2 == {}, "object-add and device_add pc-dimm return {}")
        s.ok(ev["data"]["info"]["status"] == 0 and blocks[1] == 8,
             "the guest onlines it (_OST 1/0, 8 blocks online)", (ev, blocks))
        s.ok(d == {"memdev": "/objects/mem0", "hotplugged": True, "addr": d["addr"],
                   "hotpluggable": True, "size": GiB, "slot": 3, "node": 0, "id": "dimm0"},
             "query-memory-devices: the first free slot (3), memdev /objects/mem0", d)
        devs = g.q.execute("query-memory-devices")
        summ = g.q.execute("query-memory-size-summary")
        ospm = g.q.execute("query-acpi-ospm-status")
        r3, dev, ddt = g.unplug("dimm0")
        r4 = g.q.execute("object-del", {"id": "mem0"})
        s.ok(r3 == {} and r4 == {}, "device_del and then object-del mem0 return {}")
        shapes.update({
            "object-add": shape(r1), "device_add": shape(r2),
            "query-memory-devices": shape(devs), "query-memory-size-summary": shape(summ),
            "query-acpi-ospm-status": shape(ospm[:1]),
            "ACPI_DEVICE_OST": shape(ev["data"]), "DEVICE_DELETED": shape(dev["data"]),
            "event keys": sorted(ev), "device_del": shape(r3), "object-del": shape(r4)})
        fig.update(pc_add_online_s=dt, pc_del_deleted_s=ddt)


def hostile(tap, g, fig):
    with Section(tap, "hostile guest", g) as s:
        g.plug({"driver": "dimm", "id": "d2"}, "d2")
        d = g.dimm("d2")
        before = (g.q.execute("query-memory-devices"), g.q.execute("query-acpi-ospm-status"))
        kb0, _ = g.mem()
        used = {x["data"]["slot"] for x in before[0]}
        empty = min(set(range(7)) - used)
        f = g.cmd("hostile %d %d" % (empty, SLOT["d2"]))
        h = dict(kv.split("=") for kv in f.get("hostile", "").split()[1:])
        s.ok(f.get("hostile", "").startswith("done"), "the guest ran the port I/O", f)
        s.ok(h.get("before") == "0x1" and h.get("after") == "0x1",
             "the enabled slot reads enabled, no events, before and after", h)
        s.ok(h.get("out_of_range") == "0x0" and h.get("signature") == "0x31584d48",
             "selector out of range reads 0; signature register intact", h)
        st = g.q.execute("query-status")
        after = (g.q.execute("query-memory-devices"), g.q.execute("query-acpi-ospm-status"))
        s.ok(st["running"] and after == before, "hotmem runs on; devices and _OST records "
             "unchanged (garbage _OST not recorded)", (before, after))
        kb1, blocks = g.mem(d["addr"], d["size"])
        m = g.cmd("memfill anon 192 11")
        s.ok(kb1 == kb0 and blocks[1] == 2 and m.get("memfill", "").startswith("ok"),
             "nothing enabled was unmapped: MemTotal same, d2's memory reads back", (kb1, m))
        g.unplug("d2")


def stress(tap, g, fig, cycles=20):
    with Section(tap, "stress", g) as s:
        i = g.mark()
        g.cmd("bg hold 64 9")
        s.ok(g.marker("memfill", i).startswith("ok"), "64 MiB pattern written in base RAM")
        rss0, fds0 = g.vm.rss_kb(), g.fds()
        adds, dels = [], []
        for i in range(cycles):
            _, _, a = g.plug({"driver": "dimm", "id": "d2"}, "d2")
            _, _, b = g.unplug("d2")
            adds.append(a)
            dels.append(b)
        rss1, fds1 = g.vm.rss_kb(), g.fds()
        s.ok(len(dels) == cycles, "%d add/remove cycles of 256 MiB" % cycles)
        s.ok(abs(rss1 - rss0) <= 16 * 1024, "hotmem VmRSS back to start within 16 MiB "
             "(%d -> %d kB)" % (rss0, rss1))
        s.ok(fds1 == fds0, "hotmem open fds back to start (%d -> %d)" % (fds0, fds1))
        i = g.mark()
        g.cmd("sig")
        v = g.marker("memfill-verify", i)
        g.cmd("bgwait")
        s.ok(v.startswith("ok"), "base-RAM pattern intact", v)
        fig.update(stress_add_med=statistics.median(adds), stress_del_med=statistics.median(dels))


def raw_request(path, lines, negotiate):
    """Replies to raw request lines on a fresh connection."""
    sk = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sk.connect(str(path))
    f = sk.makefile("rwb")
    f.readline()                              # greeting
    out = []
    if negotiate:
        f.write(b'{"execute": "qmp_capabilities"}\n')
        f.flush()
        f.readline()
    for line in lines:
        f.write(line.encode() + b"\n")
        f.flush()
        while True:
            msg = json.loads(f.readline())
            if "event" not in msg:
                out.append(msg)
                break
    sk.close()
    return out


BAD = [
    # (what, command, arguments, words of the desc[, class: GenericError unless
    # given, QEMU 7.2's, reference/qemu-qmp-shapes.txt])
    ("unknown -dimm id", "device_add", {"driver": "dimm", "id": "nope"}, "nope"),
    ("device_del of an unknown id", "device_del", {"id": "nope"}, "Device 'nope' not found",
     "DeviceNotFound"),
    ("slot already populated (-dimm)", "device_add", {"driver": "dimm", "id": "d1"},
     "already plugged"),
    ("slot already populated (pc-dimm slot=0)", "device_add",
     {"driver": "pc-dimm", "id": "x", "memdev": "mfree", "slot": 0}, "slot 0 is busy"),
    ("node out of range", "device_add",
     {"driver": "pc-dimm", "id": "x", "memdev": "mfree", "node": 2}, "node 2"),
    ("memdev missing", "device_add", {"driver": "pc-dimm", "id": "x"}, "memdev"),
    ("memdev unknown", "device_add", {"driver": "pc-dimm", "id": "x", "memdev": "zz"},
     "Device 'zz' not found", "DeviceNotFound"),
    ("memdev already in use", "device_add", {"driver": "pc-dimm", "id": "x",
                                             "memdev": "m3"}, "already in use"),
    ("DIMM size not a multiple of 128 MiB", "device_add",
     {"driver": "pc-dimm", "id": "x", "memdev": "odd"}, "not a multiple of 128 MiB"),
    ("no free slot", "device_add", {"driver": "pc-dimm", "id": "x", "memdev": "mfree"},
     "no free DIMM slot"),
    ("object-del of a backend in use", "object-del", {"id": "m3"}, "in use"),
    ("missing argument", "device_del", {}, "Parameter 'id' is missing"),
    ("wrongly typed argument", "device_del", {"id": 7},
     "Invalid parameter type for 'id', expected: string"),
    ("wrongly typed size", "object-add",
     {"qom-type": "memory-backend-ram", "id": "odd", "size": "1G"}, "'size' expects"),
]


def bad_input(tap, g):
    with Section(tap, "bad input", g) as s:
        g.plug({"driver": "dimm", "id": "d1"}, "d1")
        for i in range(3, 7):
            g.q.execute("object-add", {"qom-type": "memory-backend-ram", "id": "m%d" % i,
                                       "size": 128 * MiB})
        g.q.execute("object-add", {"qom-type": "memory-backend-ram", "id": "mfree",
                                   "size": 128 * MiB})
        # a backend may have any size; a DIMM on it must be whole 128 MiB blocks
        g.q.execute("object-add", {"qom-type": "memory-backend-ram", "id": "odd",
                                   "size": 100 * MiB})
        g.q.execute("stop")                 # keeps the next removal pending
        for i in range(3, 7):
            g.q.execute("device_add", {"driver": "pc-dimm", "id": "p%d" % i,
                                       "memdev": "m%d" % i})
        g.q.execute("device_del", {"id": "d1"})
        snap = lambda: (g.q.execute("query-memory-devices"),  # noqa: E731
                        g.q.execute("query-acpi-ospm-status"),
                        g.q.execute("query-memory-size-summary"))
        before = snap()
        # QEMU 7.2 answers {} to a repeated request (reference/qemu-qmp-shapes.txt)
        r = g.q.execute("device_del", {"id": "d1"})
        s.ok(r == {} and snap() == before,
             "device_del of a DIMM already being removed -> {} as in QEMU, nothing changed",
             (r, snap(), before))
        for what, cmd, args, words, *cls in BAD:
            want = cls[0] if cls else "GenericError"
            try:
                r = g.q.execute(cmd, args)
                s.ok(False, what, "accepted: %r" % r)
                continue
            except QMPError as e:
                err = e
            same = snap() == before
            s.ok(err.error_class == want and words in err.desc and same,
                 "%s -> %s \"%s\", nothing changed" % (what, want, err.desc),
                 "%s %s; state unchanged: %s" % (err.error_class, err.desc, same))
        raw = raw_request(g.qmp_path, ['{"execute": "device_add", "arguments": {"driver": }}',
                                       '{"execute": "query-status", "id": 1}'], True)
        s.ok(raw[0].get("error", {}).get("class") == "GenericError"
             and "JSON parse error" in raw[0]["error"]["desc"]
             and raw[1].get("return", {}).get("status") == "paused",
             "malformed JSON -> GenericError, the connection stays usable", raw)
        raw = raw_request(g.qmp_path, ['{"execute": "device-add", "arguments": {}}'], True)
        s.ok(raw[0].get("error", {}).get("class") == "CommandNotFound"
             and "device-add" in raw[0]["error"]["desc"],
             "unknown command -> CommandNotFound naming it (QEMU's class)", raw)
        raw = raw_request(g.qmp_path, ['{"execute": "device_add", "arguments": '
                                       '{"driver": "pc-dimm", "id": "x", "memdev": "mfree"}}'],
                          False)
        s.ok(raw[0].get("error", {}).get("class") == "CommandNotFound"
             and "qmp_capabilities" in raw[0]["error"]["desc"] and snap() == before,
             "device_add before qmp_capabilities -> refused (QEMU's CommandNotFound), "
             "nothing changed", raw)
        g.q.events.clear()
        g.q.execute("cont")
        g.q.wait_event("DEVICE_DELETED", 180, lambda e: e["data"]["device"] == "d1")
        for i in range(3, 7):
            g.q.wait_event("ACPI_DEVICE_OST", 180,
                           lambda e, i=i: e["data"]["info"].get("device") == "p%d" % i)
        for i in range(3, 7):
            g.unplug("p%d" % i)
            g.q.execute("object-del", {"id": "m%d" % i})
        s.ok(g.q.execute("query-memory-size-summary")["plugged-memory"] == 0,
             "after cont: the pending removal and the pc-dimms complete, all removed again")


def reset(tap, g):
    with Section(tap, "reset", g) as s:
        g.q.execute("object-add", {"qom-type": "memory-backend-ram", "id": "mem9",
                                   "size": 512 * MiB})
        g.plug({"driver": "pc-dimm", "id": "keep", "memdev": "mem9"}, "keep")
        g.plug({"driver": "dimm", "id": "d2"}, "d2")
        g.q.execute("stop")
        g.q.events.clear()
        g.q.execute("device_del", {"id": "d2"})
        g.q.execute("system_reset")
        ev = g.q.wait_event("DEVICE_DELETED", 30)
        s.ok(ev["data"] == {"device": "d2", "path": "/machine/peripheral/d2"},
             "system_reset with d2's removal pending -> DEVICE_DELETED d2", ev)
        g.q.wait_event("RESET", 10)
        g.q.execute("cont")
        g.vm.wait_marker("init", 240)
        keep = g.dimm("keep")
        kb, blocks = g.mem(keep["addr"], keep["size"])
        devs = [d["data"]["id"] for d in g.q.execute("query-memory-devices")]
        s.ok(devs == ["keep"], "after the reset only the remaining DIMM is plugged", devs)
        s.ok(blocks == [4, 4, 4, 0], "the guest booted again and onlined the remaining "
             "DIMM (4 blocks, Movable)", blocks)
        s.ok(abs(kb - (g.base_kb + 512 * 1024)) <= 1024, "MemTotal = base + 512 MiB "
             "(%d kB)" % kb)


def run_qemu(tap, qemu, kernel, initrd, sockdir, verbose, shapes):
    argv = [qemu, "-enable-kvm", "-machine", "pc", "-m", "512M,slots=8,maxmem=8G", "-smp",
            "1", "-kernel", kernel, "-initrd", initrd, "-append", APPEND, "-nographic"]
    g = Guest(argv, sockdir, verbose, "qemu")
    fig = {}
    with Section(tap, "QEMU 7.2", g) as s:
        try:
            g.start()
            g.cmd("mem")
            r1 = g.q.execute("object-add", {"qom-type": "memory-backend-ram", "id": "mem0",
                                            "size": GiB})
            r2, ev, fig["add_online_s"] = g.plug({"driver": "pc-dimm", "id": "dimm0",
                                                  "memdev": "mem0"}, "dimm0")
            devs = g.q.execute("query-memory-devices")
            summ = g.q.execute("query-memory-size-summary")
            ospm = g.q.execute("query-acpi-ospm-status")
            g.cmd("memfill anon 768 2")
            fig["rss_before_kb"] = g.vm.rss_kb()
            r3, dev, fig["del_deleted_s"] = g.unplug("dimm0")
            r4 = g.q.execute("object-del", {"id": "mem0"})
            # QEMU frees the backend's RAM block after an RCU grace period:
            # give it up to 5 s so that its figure is what it gives back
            t0 = time.monotonic()
            fig["rss_after_kb"] = g.vm.rss_kb()
            while time.monotonic() - t0 < 5 and \
                    fig["rss_before_kb"] - fig["rss_after_kb"] < 512 * 1024:
                time.sleep(0.1)
                fig["rss_after_kb"] = g.vm.rss_kb()
            fig["free_wait_s"] = time.monotonic() - t0
            fig["qmp_rtt"] = g.qmp_round_trip()
            theirs = {
                "object-add": shape(r1), "device_add": shape(r2),
                "query-memory-devices": shape(devs), "query-memory-size-summary": shape(summ),
                "query-acpi-ospm-status": shape(ospm[:1]),
                "ACPI_DEVICE_OST": shape(ev["data"]), "DEVICE_DELETED": shape(dev["data"]),
                "event keys": sorted(ev), "device_del": shape(r3), "object-del": shape(r4)}
            diff = {k: (shapes.get(k), v) for k, v in theirs.items() if shapes.get(k) != v}
            s.ok(shapes and not diff, "pc-dimm path: hotmem's replies and events have "
                 "QEMU 7.2's shapes (%d compared)" % len(theirs), diff)
        finally:
            g.close()
    return fig


def dmesg_clean(tap, g, after):
    """The guest's kernel log has no ACPI or firmware complaint."""
    with Section(tap, "dmesg", g) as s:
        got = g.vm.command("dmesg %s" % guestlib.BAD_DMESG.replace(" ", "."), 60)
        bad = [m.value for m in got if m.key == "dmesg"]
        s.ok(not bad, "no ACPI error or warning after %s (%s)" % (after, guestlib.BAD_DMESG),
             "\n".join(bad))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hotmem", default=str(REPO / "hotmem"))
    ap.add_argument("--qemu", default=os.environ.get("HOTMEM_QEMU", "qemu-system-x86_64"),
                    help="QEMU for the comparison; 'none' to leave it out")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    tap = Tap()
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        tap.ok(False, "a usable /dev/kvm (run me through tests/guest/rig.py)")
        return tap.finish()
    files = guestlib.guest_files()
    initrd = str(guestlib.build_initramfs(
        guestlib.init_script(GUEST_BODY), name="test-hotplug",
        adds=[(str(memfill_binary()), "/bin/memfill")]))
    kernel = files["HOTMEM_GUEST_KERNEL"]
    sockdir = tempfile.mkdtemp(prefix="hm-hotplug-")
    argv = [args.hotmem, "-m", "512M,slots=4,maxmem=8G", "-smp", "1",
            "-numa", "node,nodeid=0,cpus=0,mem=384M", "-numa", "node,nodeid=1,mem=128M",
            "-dimm", "id=d1,size=1G", "-dimm", "id=d2,size=256M",
            "-dimm", "id=d3,size=512M,node=1",
            "-kernel", kernel, "-initrd", initrd, "-append", APPEND, "-nographic"]
    tap.diag("vmm: " + " ".join(argv))
    fig, shapes, qfig = {}, {}, None
    g = Guest(argv, sockdir, args.verbose, "hotmem")
    try:
        with Section(tap, "boot", g) as s:
            t0 = time.monotonic()
            g.start()
            g.base_kb, _ = g.mem()
            s.ok(True, "guest up, QMP connected (%.1f s), MemTotal %d kB"
                 % (time.monotonic() - t0, g.base_kb))
            fig["qmp_rtt"] = g.qmp_round_trip()
        hot_add(tap, g, fig)
        hot_remove(tap, g, fig)
        refused(tap, g, fig)
        pc_dimm(tap, g, fig, shapes)
        hostile(tap, g, fig)
        stress(tap, g, fig)
        bad_input(tap, g)
        dmesg_clean(tap, g, "add, remove, refusal, pc-dimm, hostile guest, stress")
        reset(tap, g)
        dmesg_clean(tap, g, "the reset and the boot with the remaining DIMM")
    finally:
        g.close()
    if args.qemu != "none":
        qfig = run_qemu(tap, args.qemu, kernel, initrd, sockdir, args.verbose, shapes)
    shutil.rmtree(sockdir, ignore_errors=True)

    def f(d, k, fmt="%.2f s"):
        return fmt % d[k] if d and k in d else "-"
    for name, d in (("hotmem", fig), ("QEMU 7.2", qfig)):
        if not d:
            continue
        rtt = d.get("qmp_rtt")
        tap.diag("figures (%s): device_add -> memory online in the guest %s; device_del -> "
                 "DEVICE_DELETED %s; VmRSS before/after removal %s / %s kB; query-status "
                 "round trip median %s ms (min %s, max %s)"
                 % (name, f(d, "add_online_s"), f(d, "del_deleted_s"),
                    d.get("rss_before_kb", "-"), d.get("rss_after_kb", "-"),
                    "%.2f" % rtt[0] if rtt else "-", "%.2f" % rtt[1] if rtt else "-",
                    "%.2f" % rtt[2] if rtt else "-"))
    if qfig and "free_wait_s" in qfig:
        tap.diag("figures (QEMU 7.2): VmRSS measured %.1f s after object-del (RAM freed after "
                 "an RCU grace period); hotmem's is measured when DEVICE_DELETED arrives"
                 % qfig["free_wait_s"])
    if fig.get("stress_add_med") is not None:
        tap.diag("figures (hotmem): pc-dimm add -> online %s, del -> DEVICE_DELETED %s; "
                 "stress medians: add -> online %s, del -> DEVICE_DELETED %s"
                 % (f(fig, "pc_add_online_s"), f(fig, "pc_del_deleted_s"),
                    f(fig, "stress_add_med"), f(fig, "stress_del_med")))
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
