"""The soak: a long run of DIMM add/remove cycles in one running guest.

Runs inside the rig, under hotmem only.  One Debian guest
(`memhp_default_state=online_movable`) with one declared 256 MiB slot; the
guest first writes a 64 MiB pattern into base RAM (tests/guest/memfill.c,
`hold` mode: it keeps the memory and verifies it on SIGUSR1), then each
cycle is

    device_add dimm  ->  the guest sees MemTotal grow (memory online)
    device_del       ->  DEVICE_DELETED

and at the end the pattern is verified.  Before the first cycle and after
every SAMPLE_EVERY cycles (DIMM removed) it records the VMM's VmRSS, its
memory beyond guest RAM (bench/footprint.py), open fds, /proc/PID/maps
lines and the guest's MemTotal; VmRSS after every cycle and MemTotal with
the DIMM online come for free and feed the plot.

Pass: every cycle done, VmRSS of every sample within RSS_SLACK_KB of the
first, fds and maps lines equal at every sample, MemTotal back to its
start at every sample, the pattern intact.
"""

import os
import statistics
import subprocess
import time

import footprint
import scenarios
from scenarios import GuestError, QMPError, guestlib, log

SLOT_SIZE = 256 << 20
SAMPLE_EVERY = 100
PATTERN_MIB = 64
RSS_SLACK_KB = 16 * 1024
DEFAULT_CYCLES = 1000
TIMEOUT = scenarios.HOTPLUG_TIMEOUT

GUEST_BODY = scenarios.GUEST_BODY + r"""
cmd_bg() { memfill "$@" & bgpid=$!; hm bgpid "$bgpid"; }
cmd_sig() { kill -USR1 "$bgpid"; }
cmd_bgwait() { wait "$bgpid"; hm bgrc "$?"; }
"""


def memfill_binary():
    """tests/guest/memfill.c, built static into the cache (used as it is:
    another test owns it)."""
    src = scenarios.REPO / "tests" / "guest" / "memfill.c"
    out = guestlib.cache_root() / "bin" / "memfill-bench"
    if not out.exists() or out.stat().st_mtime < src.stat().st_mtime:
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["gcc", "-static", "-O2", "-Wall", "-o",
                        str(out) + ".tmp", str(src)], check=True)
        os.replace(str(out) + ".tmp", out)
    return out


class SoakGuest(scenarios.Guest):
    def __init__(self):
        files = guestlib.guest_files()
        self.kernel = files["HOTMEM_GUEST_KERNEL"]
        self.initrd = str(guestlib.build_initramfs(
            guestlib.init_script(GUEST_BODY), name="bench-soak",
            adds=[(str(memfill_binary()), "/bin/memfill")]))
        self.append = scenarios.APPEND


def _argv(binary, guest, qmp_path):
    return [binary, "-m", scenarios.RAM, "-dimm",
            "id=soak0,size=%dM,populated=off" % (SLOT_SIZE >> 20),
            "-smp", "1", "-kernel", guest.kernel, "-initrd", guest.initrd,
            "-append", guest.append, "-qmp",
            "unix:%s,server=on,wait=off" % qmp_path, "-nographic"]


def _memtotal(vm):
    for mk in vm.command("mem", 60):
        if mk.key == "memtotal_kb":
            return int(mk.value)
    raise GuestError("guest did not report MemTotal")


def _marker(markers, key):
    for mk in markers:
        if mk.key == key:
            return mk.value
    return None


def _async_marker(vm, key, since, timeout):
    """A marker a background guest process prints whenever it is done:
    before or after the done marker of the command that started it."""
    def pred():
        for mk in vm.markers_since(since):
            if mk.key == key:
                return mk
        return None
    return vm._wait(pred, timeout, "waiting for HM:%s" % key).value


def _sample(vm, cycle, t0, info):
    pid = vm.pid
    fp = footprint.classify(pid, info)
    groups = {}
    for cls, kb in fp["classes"].items():
        key = "libraries" if cls.startswith("library ") else cls
        groups[key] = groups.get(key, 0) + kb
    return {"cycle": cycle, "t_s": time.monotonic() - t0,
            "vmrss_kb": vm.rss_kb(), "overhead_kb": fp["overhead_kb"],
            "classes": groups,
            "guest_ram_kb": fp["guest_ram_kb"],
            "fds": len(os.listdir("/proc/%d/fd" % pid)),
            "maps_lines": fp["maps_lines"],
            "memtotal_kb": _memtotal(vm)}


def judge(res):
    """The verdict: (pass, [reasons it failed])."""
    why = []
    smp = res.get("samples", [])
    if res.get("cycles_done") != res.get("cycles"):
        why.append("%s of %s cycles done%s" % (
            res.get("cycles_done"), res.get("cycles"),
            ": " + res["error"] if res.get("error") else ""))
    if smp:
        rss0 = smp[0]["vmrss_kb"]
        worst = max(smp, key=lambda s: abs(s["vmrss_kb"] - rss0))
        if abs(worst["vmrss_kb"] - rss0) > RSS_SLACK_KB:
            why.append("VmRSS %d kB at cycle %d, %d kB at the start (limit "
                       "%d kB apart)" % (worst["vmrss_kb"], worst["cycle"],
                                         rss0, RSS_SLACK_KB))
        for key, what in (("fds", "open fds"), ("maps_lines", "maps lines"),
                          ("memtotal_kb", "guest MemTotal (DIMM removed)")):
            vals = sorted({s[key] for s in smp})
            if len(vals) > 1:
                why.append("%s not flat: %s" % (what, vals))
    else:
        why.append("no sample recorded")
    if not str(res.get("pattern", "")).startswith("ok"):
        why.append("base-RAM pattern: %s" % res.get("pattern"))
    return not why, why


def run_soak(binary, guest, cycles, label="hotmem-soak", progress=None):
    """progress(res), when given, is called after every sample: the caller
    can save what has been measured so far."""
    res = {"vmm": "hotmem", "cycles": cycles, "cycles_done": 0,
           "slot_size": SLOT_SIZE, "sample_every": SAMPLE_EVERY,
           "pattern_mib": PATTERN_MIB, "samples": [], "per_cycle": []}
    b = scenarios.Boot(scenarios.VmmKind("hotmem", binary), guest, 0, label,
                       argv=lambda qmp_path: _argv(binary, guest, qmp_path))
    res["argv"] = b.argv
    t_start = time.monotonic()
    with b:
        try:
            b.vm.wait_marker("init", scenarios.BOOT_TIMEOUT)
            qmp = b.connect()
            info = footprint.vmm_cmdline(b.vm.pid)
            since = len(b.vm.markers_since(0))
            b.vm.command("bg hold %d 7" % PATTERN_MIB, 300)
            fill = _async_marker(b.vm, "memfill", since, 300)
            res["pattern_written"] = fill
            if not fill.startswith("ok"):
                raise GuestError("pattern not written: %s" % fill)
            base = _memtotal(b.vm)
            full = base + SLOT_SIZE // 1024
            t0 = time.monotonic()
            res["samples"].append(_sample(b.vm, 0, t0, info))
            adds, dels = [], []
            for i in range(1, cycles + 1):
                qmp.events.clear()
                t = time.monotonic()
                qmp.execute("device_add", {"driver": "dimm", "id": "soak0"})
                # online = all of it: MemTotal grows block by block, and
                # a device_del while the guest still adds the second block
                # would test something else
                got = b.vm.command("memwatch %d %d" % (full - 1,
                                                       int(TIMEOUT)),
                                   TIMEOUT + 30)
                on = _marker(got, "memon")
                if on is None:
                    raise GuestError("cycle %d: memory not all online %d s "
                                     "after device_add (MemTotal %s kB, "
                                     "expected %d)" % (
                                         i, TIMEOUT,
                                         _marker(got, "memtimeout"), full))
                t_on = time.monotonic()
                qmp.execute("device_del", {"id": "soak0"})
                qmp.wait_event("DEVICE_DELETED", TIMEOUT,
                               lambda ev: ev.get("data", {}).get("device") ==
                               "soak0")
                t_del = time.monotonic()
                adds.append((t_on - t) * 1000)
                dels.append((t_del - t_on) * 1000)
                res["cycles_done"] = i
                res["per_cycle"].append({"cycle": i,
                                         "vmrss_kb": b.vm.rss_kb(),
                                         "memtotal_plugged_kb": int(on)})
                if i % SAMPLE_EVERY == 0 or i == cycles:
                    s = _sample(b.vm, i, t0, info)
                    res["samples"].append(s)
                    if progress:
                        progress(res)
                    log("    soak cycle %d/%d: VmRSS %d kB, beyond guest "
                        "RAM %d kB, fds %d, maps %d, MemTotal %d kB "
                        "(%.0f s)" % (i, cycles, s["vmrss_kb"],
                                      s["overhead_kb"], s["fds"],
                                      s["maps_lines"], s["memtotal_kb"],
                                      s["t_s"]))
            res["cycles_s"] = time.monotonic() - t0
            for name, v in (("add_ms", adds), ("del_ms", dels)):
                if v:
                    res[name] = {"min": min(v), "median": statistics.median(v),
                                 "max": max(v)}
        except (GuestError, QMPError, OSError) as e:
            res["error"] = str(e)
            res["console_tail"] = b.vm.tail(15)
        # the pattern is checked whatever happened to the cycles
        try:
            since = len(b.vm.markers_since(0))
            b.vm.command("sig", 60)
            res["pattern"] = _async_marker(b.vm, "memfill-verify", since, 300)
            b.vm.command("bgwait", 60)
        except (GuestError, OSError) as e:
            res["pattern"] = "not verified: %s" % e
        b.poweroff(res)
    res["duration_s"] = time.monotonic() - t_start
    res["pass"], res["failures"] = judge(res)
    return res


def series_rows(soak):
    """[(label, unit, [values])] of the recorded series, for the report."""
    smp = soak.get("samples", [])
    cyc = soak.get("per_cycle", [])
    mib = 1024.0
    return [
        ("VMM VmRSS, DIMM removed (samples)", "MiB",
         [s["vmrss_kb"] / mib for s in smp]),
        ("VMM VmRSS after every cycle", "MiB",
         [c["vmrss_kb"] / mib for c in cyc if c.get("vmrss_kb")]),
        ("VMM memory beyond guest RAM", "MiB",
         [s["overhead_kb"] / mib for s in smp]),
        ("guest RAM resident on the host", "MiB",
         [s["guest_ram_kb"] / mib for s in smp]),
        ("open fds", "", [s["fds"] for s in smp]),
        ("/proc/PID/maps lines", "", [s["maps_lines"] for s in smp]),
        ("guest MemTotal, DIMM removed", "MiB",
         [s["memtotal_kb"] / mib for s in smp]),
        ("guest MemTotal, DIMM online", "MiB",
         [c["memtotal_plugged_kb"] / mib for c in cyc]),
    ]


def format_soak(soak, plot_path=None):
    if not soak:
        return ""
    lines = ["", "soak: %d add/remove cycles of a %d MiB DIMM in one hotmem "
             "guest: %s" % (soak["cycles"], soak["slot_size"] >> 20,
                            "PASS" if soak.get("pass") else "FAIL")]
    for w in soak.get("failures", []):
        lines.append("    " + w)
    lines.append("  %d/%d cycles in %.0f s (whole run %.0f s, boot and "
                 "pattern included)" % (soak.get("cycles_done", 0),
                                        soak["cycles"],
                                        soak.get("cycles_s", 0),
                                        soak.get("duration_s", 0)))
    for name, what in (("add_ms", "device_add -> online"),
                       ("del_ms", "device_del -> DEVICE_DELETED")):
        v = soak.get(name)
        if v:
            lines.append("  %s: min %.0f / median %.0f / max %.0f ms" % (
                what, v["min"], v["median"], v["max"]))
    smp = soak.get("samples", [])
    lines.append("  every %d cycles (%d samples):%s" % (
        soak["sample_every"], len(smp), " " * 10 + "start      min      max"
        "      end"))
    for label, unit, vals in series_rows(soak):
        if not vals:
            continue
        f = "%8.1f" if unit else "%8d"
        lines.append("    %-38s %s %s %s %s %s" % (
            label, (unit or "").ljust(3), f % vals[0], f % min(vals),
            f % max(vals), f % vals[-1]))
    lines.append("  base-RAM pattern (%d MiB): written %s; verified %s" % (
        soak["pattern_mib"], soak.get("pattern_written", "?"),
        soak.get("pattern", "?")))
    if plot_path:
        lines.append("  plot: %s" % plot_path)
    return "\n".join(lines)

