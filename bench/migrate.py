"""The bench's part `migrate`: live migration of a 512 MiB guest with a
hot-added 1 GiB DIMM, hotmem against QEMU, both over loopback in the rig.

One run of one VMM is one source boot and two migrations:

  source  -m 512M,slots=4,maxmem=8G; object-add + device_add pc-dimm of
          1 GiB, its blocks onlined movable; a guest ticker
          (bench/migguest.c) reads CLOCK_MONOTONIC every TICK_MS
  idle    source -> destination 1; the guest only runs its ticker
  dirty   destination 1 -> destination 2 while a guest process rewrites
          DIRTY_MIB MiB (one word per page, a pass per DIRTY_PERIOD_MS)

Both VMMs get the same max-bandwidth (BANDWIDTH: unthrottled next to what
loopback carries here) and downtime-limit (QEMU's default, 300 ms) on both
sides, and the events capability.  Destinations: hotmem `-m
512M,slots=4,maxmem=8G -incoming defer` (the layout travels in its stream);
QEMU the source's command line plus `-object memory-backend-ram` and
`-device pc-dimm` with the slot and addr the source reports (libvirt's
way) and `-incoming defer`; then `migrate-incoming tcp:127.0.0.1:PORT`.

Per migration: query-migrate's total-time, downtime, setup-time and ram
counters when it completed; the VM pause on the host clock (the QMP
timestamps of STOP on the sending side and RESUME on the receiving one,
both CLOCK_REALTIME of the same host); the largest step of the guest's
ticker across the migration; bytes on loopback (/sys/class/net/lo
tx_bytes, nothing else uses it in the rig's outer VM); for idle also the
non-zero pages of the paused source's guest RAM, read through
/proc/PID/mem (what an ideal stream must carry).
"""

import json
import os
import socket
import subprocess
import time
from pathlib import Path

import footprint
import scenarios
from scenarios import GuestError, QMP, QMPError, Vmm, guestlib, unmeasured

MiB, GiB = 1 << 20, 1 << 30
DIMM = GiB
TICK_MS = 10
DIRTY_MIB = int(os.environ.get("BENCH_DIRTY_MIB", "32"))
DIRTY_PERIOD_MS = int(os.environ.get("BENCH_DIRTY_PERIOD_MS", "8000"))
# bytes/s: both VMMs accept it; QEMU's default 128 MiB/s would throttle
BANDWIDTH = 64 * GiB
DOWNTIME_LIMIT_MS = 300
MIGRATE_TIMEOUT = float(os.environ.get("BENCH_MIGRATE_TIMEOUT", "240"))
MEM = ["-m", "512M,slots=4,maxmem=8G"]

GUEST_BODY = scenarios.GUEST_BODY + r"""
cmd_tick() { migguest ticker "$1" & tpid=$!; hm tickpid "$tpid"; }
cmd_gapreset() { kill -USR2 "$tpid"; }
cmd_gap() { kill -USR1 "$tpid"; }
cmd_dirty() { migguest dirty "$1" "$2" & dpid=$!; hm dirtypid "$dpid"; }
cmd_dirtied() { kill -USR1 "$dpid"; }
"""


def helper_binary():
    """bench/migguest.c, built static into the cache."""
    src = scenarios.HERE / "migguest.c"
    out = guestlib.cache_root() / "bin" / "migguest-bench"
    if not out.exists() or out.stat().st_mtime < src.stat().st_mtime:
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["gcc", "-static", "-O2", "-Wall", "-o",
                        str(out) + ".tmp", str(src)], check=True)
        os.replace(str(out) + ".tmp", out)
    return out


class MigGuest(scenarios.Guest):
    def __init__(self):
        files = guestlib.guest_files()
        self.kernel = files["HOTMEM_GUEST_KERNEL"]
        self.initrd = str(guestlib.build_initramfs(
            guestlib.init_script(GUEST_BODY), name="bench-migrate",
            adds=[(str(helper_binary()), "/bin/migguest")]))
        self.append = scenarios.APPEND


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def lo_tx_bytes():
    try:
        with open("/sys/class/net/lo/statistics/tx_bytes") as f:
            return int(f.read())
    except (OSError, ValueError):
        return None


class Side:
    """One VMM process of a migration: console pipe, QMP socket."""

    def __init__(self, kind, argv_fn, tmp, name, label):
        self.kind, self.name = kind, name
        self.qmp_path = os.path.join(tmp, "%s.sock" % name)
        self.argv = argv_fn(self.qmp_path)
        logdir = guestlib.cache_root() / "logs"
        logdir.mkdir(parents=True, exist_ok=True)
        self.vm = Vmm(self.argv, log_path=logdir /
                      ("bench-%s-%s.log" % (label, name)))
        self.q = None

    def start(self, wait_init=False):
        self.vm.start()
        if wait_init:
            self.vm.wait_marker("init", scenarios.BOOT_TIMEOUT)
        self.q = QMP(self.qmp_path, timeout=60)

    def close(self):
        if self.q:
            self.q.close()
            self.q = None
        if self.vm.proc is not None:
            self.vm.close()

    def cmd(self, line, timeout=120, first=False):
        """A guest command; first: the guest came by migration (its
        `ready` was printed on the other side), so send at once."""
        if not first:
            return self.vm.command(line, timeout)
        with self.vm._cond:
            start = len(self.vm.markers)
        self.vm.send(line + "\n")
        done = self.vm.wait_marker("done", timeout)
        got = self.vm.markers_since(start)
        return got[:got.index(done)] if done in got else got

    def async_marker(self, key, since, timeout=60):
        def pred():
            for mk in self.vm.markers_since(since):
                if mk.key == key:
                    return mk
            return None
        return self.vm._wait(pred, timeout, "waiting for HM:%s" % key)

    def mark(self):
        return len(self.vm.markers_since(0))


def _event_time(ev):
    ts = ev.get("timestamp", {})
    return ts.get("seconds", 0) + ts.get("microseconds", 0) / 1e6


def _tune(q):
    q.execute("migrate-set-capabilities", {"capabilities": [
        {"capability": "events", "state": True}]})
    q.execute("migrate-set-parameters", {"max-bandwidth": BANDWIDTH,
                                         "downtime-limit": DOWNTIME_LIMIT_MS})


def _nonzero_pages(pid, dimm_size):
    """Non-zero 4 KiB pages of the guest RAM mappings of a (paused)
    process, by reading them through /proc/PID/mem."""
    fp = footprint.classify(pid, extra_ram_sizes=(dimm_size,))
    maps = fp["guest_ram_mappings"]
    zero = bytes(4096)
    n = total = 0
    with open("/proc/%d/mem" % pid, "rb", buffering=0) as mem:
        for m in maps:
            pos = int(m["addr"], 16)
            end = pos + m["size"]
            while pos < end:
                chunk = min(end - pos, 16 * MiB)
                mem.seek(pos)
                data = mem.read(chunk)
                mv = memoryview(data)
                for off in range(0, len(data), 4096):
                    if mv[off:off + 4096] != zero:
                        n += 1
                total += len(data) // 4096
                pos += chunk
    return {"nonzero_pages": n, "pages": total, "mappings": len(maps)}


def migrate_once(src, dst, first_cmd):
    """src -> dst (dst started with -incoming defer); returns the sample."""
    res = {}
    for side in (src, dst):
        _tune(side.q)
    port = free_port()
    dst.q.execute("migrate-incoming", {"uri": "tcp:127.0.0.1:%d" % port})
    src.cmd("gapreset", first=first_cmd)
    src.q.events.clear()
    dst.q.events.clear()
    lo0 = lo_tx_bytes()
    t0 = time.monotonic()
    src.q.execute("migrate", {"uri": "tcp:127.0.0.1:%d" % port})
    info = {}
    while True:
        info = src.q.execute("query-migrate")
        if info.get("status") in ("completed", "failed", "cancelled"):
            break
        if time.monotonic() - t0 > MIGRATE_TIMEOUT:
            res["timeout"] = info
            res["stacks"] = {}
            for side_name, side in (("src", src), ("dst", dst)):
                pid = side.vm.pid
                out = []
                try:
                    for t in sorted(os.listdir("/proc/%d/task" % pid)):
                        d = "/proc/%d/task/%s/" % (pid, t)
                        def rd(n):
                            try:
                                return open(d + n).read().strip()
                            except OSError as e:
                                return str(e)
                        out.append("%s %s wchan=%s\n%s" % (t, rd("comm"), rd("wchan"), rd("stack")))
                    g = subprocess.run(["gdb", "-batch", "-p", str(pid), "-ex",
                                        "thread apply all bt"], capture_output=True,
                                       text=True, timeout=60)
                    out.append(g.stdout[-12000:])
                except Exception as e:
                    out.append(repr(e))
                res["stacks"][side_name] = "\n".join(out)
            open(str(guestlib.cache_root() / ("mig-hang-%d.txt" % os.getpid())), "a").write(json.dumps(res["stacks"]))
            try:
                src.q.execute("migrate_cancel")
            except QMPError:
                pass
            break
        time.sleep(0.1)
    res["wall_ms"] = (time.monotonic() - t0) * 1000
    lo1 = lo_tx_bytes()
    res["info"] = info
    if "timeout" in res:
        ram = info.get("ram", {})
        res["error"] = ("not completed %d s after migrate (status %s, %s "
                        "MiB remaining, %s dirty syncs)"
                        % (MIGRATE_TIMEOUT, info.get("status"),
                           ram.get("remaining", 0) >> 20,
                           ram.get("dirty-sync-count")))
        return res
    if info.get("status") != "completed":
        res["error"] = "migration %s: %s" % (info.get("status"),
                                             info.get("error-desc"))
        return res
    if lo0 is not None and lo1 is not None:
        res["lo_bytes"] = lo1 - lo0
    stop = [e for e in src.q.events if e["event"] == "STOP"]
    try:
        resume = dst.q.wait_event("RESUME", 60)
        if stop:
            res["pause_ms"] = (_event_time(resume) - _event_time(stop[-1])) \
                * 1000
    except GuestError as e:
        res["pause_error"] = str(e)
    since = dst.mark()
    dst.cmd("gap", first=True)
    try:
        v = dst.async_marker("gap", since, 30).value.split()
        res["guest_gap_ms"] = int(v[0]) / 1000.0
        res["guest_steps"] = int(v[1])
    except (GuestError, ValueError, IndexError) as e:
        res["guest_gap_error"] = str(e)
    return res


def _argv(kind, guest, qmp_path, extra=()):
    common = MEM + ["-smp", "1", "-qmp", "unix:%s,server=on,wait=off"
                    % qmp_path]
    boot = ["-kernel", guest.kernel, "-initrd", guest.initrd,
            "-append", guest.append]
    if kind.name == "qemu":
        return ([kind.binary, "-enable-kvm", "-machine", "pc", "-nographic"]
                + scenarios.QEMU_DEVICE_ARGS + common + boot + list(extra))
    return [kind.binary] + common + boot + ["-nographic"] + list(extra)


def _dst_argv(kind, guest, qmp_path, dimm):
    if kind.name == "qemu":
        # QEMU needs the same devices, option ROMs and DIMM on both sides
        return _argv(kind, guest, qmp_path, [
            "-object", "memory-backend-ram,id=mem1,size=%d" % DIMM,
            "-device", "pc-dimm,id=dimm1,memdev=mem1,slot=%d,addr=%d"
            % (dimm["slot"], dimm["addr"]), "-incoming", "defer"])
    # hotmem: the layout, the DIMM included, comes in the stream
    return [kind.binary] + MEM + ["-smp", "1", "-qmp",
                                  "unix:%s,server=on,wait=off" % qmp_path,
                                  "-nographic", "-incoming", "defer"]


def _memtotal(side, first=False):
    for mk in side.cmd("mem", 60, first=first):
        if mk.key == "memtotal_kb":
            return int(mk.value)
    raise GuestError("guest did not report MemTotal")


def run_migrate(kind, guest, label):
    import shutil
    import tempfile
    res = {"vmm": kind.name, "dimm_bytes": DIMM, "tick_ms": TICK_MS,
           "dirty_mib": DIRTY_MIB, "dirty_period_ms": DIRTY_PERIOD_MS,
           "bandwidth": BANDWIDTH, "downtime_limit_ms": DOWNTIME_LIMIT_MS}
    tmp = tempfile.mkdtemp(prefix="hotmem-bench-mig-", dir="/tmp")
    sides = []
    try:
        src = Side(kind, lambda p: _argv(kind, guest, p), tmp, "src", label)
        sides.append(src)
        res["argv_src"] = src.argv
        src.start(wait_init=True)
        kb0 = _memtotal(src)
        src.q.execute("object-add", {"qom-type": "memory-backend-ram",
                                     "id": "mem1", "size": DIMM})
        src.q.execute("device_add", {"driver": "pc-dimm", "id": "dimm1",
                                     "memdev": "mem1"})
        deadline = time.monotonic() + 120
        kb = kb0
        while kb - kb0 < DIMM // 1024:
            if time.monotonic() > deadline:
                raise GuestError("the 1 GiB DIMM did not come online in 120 s"
                                 " (MemTotal %d -> %d kB)" % (kb0, kb))
            time.sleep(0.5)
            kb = _memtotal(src)
        dimm = src.q.execute("query-memory-devices")[0]["data"]
        src.cmd("tick %d" % TICK_MS)
        time.sleep(1)

        dst1 = Side(kind, lambda p: _dst_argv(kind, guest, p, dimm), tmp,
                    "dst1", label)
        sides.append(dst1)
        res["argv_dst"] = dst1.argv
        dst1.start()
        idle = migrate_once(src, dst1, first_cmd=False)
        res["idle"] = idle
        if "error" in idle:
            return res
        try:
            idle["nonzero"] = _nonzero_pages(src.vm.pid, DIMM)
        except OSError as e:
            idle["nonzero_error"] = "reading the source's guest RAM: %s" % e
        src.q.execute("quit")
        src.vm.wait_exit(30)

        # the guest now runs on dst1: dirty it and move it again
        since = dst1.mark()
        dst1.cmd("dirty %d %d" % (DIRTY_MIB, DIRTY_PERIOD_MS))
        dst1.async_marker("dirty", since, 120)
        time.sleep(3)
        dst2 = Side(kind, lambda p: _dst_argv(kind, guest, p, dimm), tmp,
                    "dst2", label)
        sides.append(dst2)
        dst2.start()
        dirty = migrate_once(dst1, dst2, first_cmd=False)
        res["dirty"] = dirty
        if "error" not in dirty:
            since = dst2.mark()
            dst2.cmd("dirtied", first=False)
            try:
                v = dst2.async_marker("dirtied", since, 30).value.split()
                dirty["guest_dirty_passes"] = int(v[0])
                dirty["guest_dirty_mib_s"] = float(v[1])
            except (GuestError, ValueError, IndexError):
                pass
            dst1.q.execute("quit")
            dst1.vm.wait_exit(30)
            dst2.vm.wait_marker("ready", 60)
            dst2.vm.send("poweroff\n")
            res["exit_status"] = dst2.vm.wait_exit(60)
    except (GuestError, QMPError, OSError) as e:
        res.setdefault("errors", []).append("%s: %s" % (type(e).__name__, e))
        res["console_tail"] = (sides[-1].vm.tail(15) if sides else "")
    finally:
        for s in sides:
            s.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return res


# -- figures (report.py) -------------------------------------------------------

def _m(res, phase):
    m = res.get(phase)
    if not isinstance(m, dict):
        errs = res.get("errors")
        return None, ("run failed: %s" % errs[0]) if errs else \
            "no %s migration (an earlier step failed)" % phase
    if "error" in m:
        return None, "%s migration: %s" % (phase, m["error"])
    return m, None


def _field(phase, *path, scale=1.0):
    def fn(res):
        m, why = _m(res, phase)
        if m is None:
            return None, why
        v = m
        for p in path:
            v = v.get(p) if isinstance(v, dict) else None
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            return None, m.get(path[0] + "_error") or \
                "%s migration: no %s" % (phase, ".".join(path))
        return v * scale, None
    return fn


def _nonzero_mib(res):
    m, why = _m(res, "idle")
    if m is None:
        return None, why
    nz = m.get("nonzero")
    if not nz:
        return None, m.get("nonzero_error", "not read")
    return nz["nonzero_pages"] * 4096 / MiB, None


def _idle_bytes_per_nonzero(res):
    b, why = _field("idle", "info", "ram", "transferred")(res)
    nz, why2 = _nonzero_mib(res)
    if b is None or nz is None or nz == 0:
        return None, why or why2
    return b / (nz * MiB), None


def figure_specs():
    """(key, label, unit, selector, extractor) rows of the part."""
    rows = []
    for phase, what in (("idle", "idle guest"),
                        ("dirty", "guest rewriting %d MiB" % DIRTY_MIB)):
        rows += [
            ("mig_%s_total" % phase, "migrate, %s: total-time" % what, "ms",
             ("migrate",), _field(phase, "info", "total-time")),
            ("mig_%s_downtime" % phase, "migrate, %s: downtime "
             "(query-migrate)" % what, "ms", ("migrate",),
             _field(phase, "info", "downtime")),
            ("mig_%s_pause" % phase, "migrate, %s: VM pause, STOP -> "
             "RESUME (host clock)" % what, "ms", ("migrate",),
             _field(phase, "pause_ms")),
            ("mig_%s_gap" % phase, "migrate, %s: largest step of the "
             "guest's %d ms clock loop" % (what, TICK_MS), "ms",
             ("migrate",), _field(phase, "guest_gap_ms")),
            ("mig_%s_ram" % phase, "migrate, %s: ram.transferred" % what,
             "MiB", ("migrate",), _field(phase, "info", "ram",
                                         "transferred", scale=1.0 / MiB)),
            ("mig_%s_wire" % phase, "migrate, %s: bytes on loopback" % what,
             "MiB", ("migrate",), _field(phase, "lo_bytes",
                                         scale=1.0 / MiB)),
            ("mig_%s_normal" % phase, "migrate, %s: pages sent whole "
             "(ram.normal x 4 KiB)" % what, "MiB", ("migrate",),
             _field(phase, "info", "ram", "normal", scale=4096.0 / MiB)),
            ("mig_%s_syncs" % phase, "migrate, %s: dirty-sync-count" % what,
             "", ("migrate",), _field(phase, "info", "ram",
                                      "dirty-sync-count")),
        ]
    rows.insert(7, ("mig_idle_nonzero", "migrate, idle guest: non-zero "
                    "guest RAM of the paused source (/proc/PID/mem)", "MiB",
                    ("migrate",), _nonzero_mib))
    rows.insert(8, ("mig_idle_ratio", "migrate, idle guest: "
                    "ram.transferred / non-zero guest RAM", "x",
                    ("migrate",), _idle_bytes_per_nonzero))
    return rows


def figure_notes(fig):
    """Lines under a row: the issue's targets."""
    r = fig.get("ratio")
    if fig["key"] in ("mig_idle_downtime", "mig_dirty_downtime") and \
            r is not None:
        return ["target hotmem/QEMU <= 0.5: %s (%.2f)"
                % ("met" if r <= 0.5 else "MISSED", r)]
    if fig["key"] == "mig_idle_ratio":
        h = fig["hotmem"].get("median")
        if h is not None:
            return ["target: idle bytes close to the non-zero RAM: hotmem "
                    "sends %.2fx it" % h]
    return []


def summarize(res):
    out = []
    for phase in ("idle", "dirty"):
        m = res.get(phase)
        if isinstance(m, dict) and "error" not in m:
            i = m.get("info", {})
            out.append("%s: total %s ms, downtime %s ms, pause %s ms, "
                       "gap %s ms, %d MiB" % (
                           phase, i.get("total-time"), i.get("downtime"),
                           "%.0f" % m["pause_ms"] if "pause_ms" in m else "?",
                           m.get("guest_gap_ms"),
                           i.get("ram", {}).get("transferred", 0) >> 20))
        elif isinstance(m, dict):
            out.append("%s: %s" % (phase, m["error"]))
    if res.get("errors"):
        out.append("errors: " + "; ".join(res["errors"])[:300])
    return ", ".join(out) or "nothing measured"


if __name__ == "__main__":
    print(json.dumps([s[0] for s in figure_specs()]))
