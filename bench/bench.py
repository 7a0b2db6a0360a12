#!/usr/bin/env python3
"""make bench: hotmem against QEMU 7.2, same guest, same rig run.

    bench/bench.py              fetch the guest, run every measurement in
                                ONE tests/guest/rig.py run, write
                                bench/results/latest.json, print the table
    bench/bench.py --inner OUT  (what the rig runs) the measurements
                                themselves; raw samples to OUT, rewritten
                                after every boot
    bench/bench.py --report F   print the table of a results file again

Environment: BENCH_RUNS (default 5) runs of every scenario, interleaved
hotmem, QEMU, hotmem, QEMU...; BENCH_SLOTS (default 1,32,256) the slot
counts of the hot-add scaling figure; BENCH_HOTMEM_PLUG=dimm|pc-dimm (how
hotmem hot-adds: a declared -dimm slot and device_add dimm, the default, or
QEMU's object-add + device_add pc-dimm); BENCH_ONLY (default
main,slots,soak,migrate,balloon) which parts run (the other parts of
results/latest.json are kept); BENCH_SOAK_CYCLES (default 1000) the
DIMM add/remove cycles of the soak; HOTMEM_BIN, HOTMEM_QEMU; the rig's own
variables (HOTMEM_RIG_MEM defaults to 4G here).  Progress goes to
stderr, the table to stdout.  See bench/README.md for what each figure
means and how it is measured.
"""

import argparse
import json
import os
import platform
import secrets
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tests" / "guest"))
import guestlib  # noqa: E402
import report  # noqa: E402

RESULTS = HERE / "results" / "latest.json"
# every rig user on this machine takes it (flock), so one rig runs at a time
RIG_LOCK = "/tmp/hotmem-rig.lock"
SOAK_PLOT = HERE / "results" / "soak.png"
DEFAULT_RUNS = 5
DEFAULT_SLOTS = (1, 32, 256)
PARTS = ("main", "slots", "soak", "migrate", "balloon")
# the parts that are rows of boots, one sample per VMM and run
BOOT_PARTS = ("main", "slots", "migrate", "balloon")
DEFAULT_SOAK_CYCLES = 1000


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def settings():
    """BENCH_* from the environment (on the host: the rig passes only
    HOTMEM_* and a few others into the outer VM, so the host hands them to
    --inner as arguments)."""
    runs = int(os.environ.get("BENCH_RUNS", DEFAULT_RUNS))
    if runs < 1:
        raise SystemExit("bench: BENCH_RUNS must be at least 1")
    slots = tuple(int(x) for x in os.environ.get(
        "BENCH_SLOTS", ",".join(map(str, DEFAULT_SLOTS))).split(",") if x)
    if any(n < 1 or n > 256 for n in slots):
        raise SystemExit("bench: BENCH_SLOTS values must be in 1..256")
    plug = os.environ.get("BENCH_HOTMEM_PLUG", "dimm")
    if plug not in ("dimm", "pc-dimm"):
        raise SystemExit("bench: BENCH_HOTMEM_PLUG must be dimm or pc-dimm")
    return runs, slots, plug


def part_settings():
    """BENCH_ONLY and BENCH_SOAK_CYCLES."""
    only = tuple(x for x in os.environ.get("BENCH_ONLY", ",".join(PARTS))
                 .split(",") if x)
    bad = [x for x in only if x not in PARTS]
    if bad or not only:
        raise SystemExit("bench: BENCH_ONLY takes a comma-separated list of "
                         "%s (got %r)" % (", ".join(PARTS),
                                          os.environ.get("BENCH_ONLY")))
    try:
        cycles = int(os.environ.get("BENCH_SOAK_CYCLES", DEFAULT_SOAK_CYCLES))
    except ValueError:
        cycles = 0
    if cycles < 1:
        raise SystemExit("bench: BENCH_SOAK_CYCLES must be a number >= 1")
    return only, cycles


def hotmem_bin():
    return os.environ.get("HOTMEM_BIN", str(REPO / "hotmem"))


def qemu_bin():
    return os.environ.get("HOTMEM_QEMU", "qemu-system-x86_64")


def cpu_description():
    model, n, flags = None, 0, set()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                k, _, v = line.partition(":")
                k, v = k.strip(), v.strip()
                if k == "processor":
                    n += 1
                elif k == "model name" and model is None:
                    model = v
                elif k == "flags" and not flags:
                    flags = set(v.split())
    except OSError:
        pass
    return {"cpu_model": model, "cpus": n,
            "virt_flags": sorted(flags & {"svm", "vmx", "hypervisor",
                                          "npt", "ept"}),
            "kernel": platform.release(), "machine": platform.machine()}


def version_of(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True,
                             timeout=30)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired) as e:
        return "unknown (%s)" % e


def binary_identity(path):
    import hashlib
    try:
        st = os.stat(path)
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        return {"path": str(path), "sha256": digest, "size": st.st_size,
                "mtime": time.strftime("%Y-%m-%dT%H:%M:%S%z",
                                       time.localtime(st.st_mtime))}
    except OSError as e:
        return {"path": str(path), "error": str(e)}


def git_rev():
    try:
        out = subprocess.run(["git", "-C", str(REPO), "describe", "--always",
                              "--dirty"], capture_output=True, text=True,
                             timeout=30)
        return out.stdout.strip() or None
    except (OSError, subprocess.TimeoutExpired):
        return None


# -- inside the rig ------------------------------------------------------------

def inner(out_path, runs, slot_counts, plug, only, soak_cycles):
    import balloon
    import migrate
    import scenarios
    data = {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "runs": runs, "slot_counts": list(slot_counts),
            "hotmem_plug": plug, "only": list(only),
            "rig_mode": "outer" if os.environ.get("HOTMEM_RIG_INSIDE") ==
            "outer" else "direct",
            "environment": cpu_description(),
            "qemu_version": version_of([qemu_bin(), "--version"]),
            "hotmem_version": version_of([hotmem_bin(), "-version"]),
            "hotmem_binary": binary_identity(hotmem_bin()),
            "firmware_binary": binary_identity(
                Path(hotmem_bin()).resolve().parent / "seabios" / "out" /
                "bios.bin"),
            "guest": {}, "samples": [], "order": []}

    def save():
        tmp = str(out_path) + ".tmp"
        with open(tmp, "w") as f:
            json.dump(data, f, indent=1)
        os.replace(tmp, out_path)

    guest = scenarios.Guest()
    data["guest"] = {"kernel": guest.kernel, "initrd": guest.initrd,
                     "append": guest.append}
    kinds = [scenarios.VmmKind("hotmem", hotmem_bin(), plug),
             scenarios.VmmKind("qemu", qemu_bin())]
    plan = ([("main", None)] if "main" in only else []) + \
        [("slots", n) for n in slot_counts if "slots" in only] + \
        [(p, None) for p in ("migrate", "balloon") if p in only]
    guests = {"migrate": migrate.MigGuest() if "migrate" in only else None,
              "balloon": balloon.BalloonGuest() if "balloon" in only
              else None}
    what_of = {"main": "main (boot, firmware, RSS, QMP, hot-add/remove)",
               "migrate": "migrate (idle, then dirtying, 512 MiB + 1 GiB "
               "DIMM)", "balloon": "balloon (inflate, reporting, no "
               "device: three boots)"}
    total = runs * len(plan) * len(kinds) + ("soak" in only)
    step = 0
    save()
    t_start = time.monotonic()
    for run in range(1, runs + 1):
        for scen, n in plan:
            for kind in kinds:
                step += 1
                what = what_of.get(scen) or "hot-add with %d slots" % n
                log("[%d/%d] run %d/%d %s: %s" % (step, total, run, runs,
                                                  kind.name, what))
                label = "%s-%s-%s" % (kind.name, scen if n is None
                                      else "slots%d" % n, run)
                t = time.monotonic()
                try:
                    if scen == "main":
                        res = scenarios.run_main(kind, guest, label)
                    elif scen == "migrate":
                        res = migrate.run_migrate(kind, guests[scen], label)
                    elif scen == "balloon":
                        res = balloon.run_balloon(kind, guests[scen], label)
                    else:
                        res = scenarios.run_slots(kind, guest, n, label)
                except Exception as e:      # a bench never dies of one run
                    res = {"vmm": kind.name, "slots": n,
                           "errors": ["%s: %s" % (type(e).__name__, e)]}
                res.update(scenario=scen, run=run)
                res["elapsed_s"] = time.monotonic() - t
                data["samples"].append(res)
                data["order"].append(label)
                summary = (migrate.summarize(res) if scen == "migrate" else
                           balloon.summarize(res) if scen == "balloon" else
                           summarize(res))
                log("    %s (%.1f s)" % (summary, res["elapsed_s"]))
                save()
    if "soak" in only:
        import soak
        step += 1
        log("[%d/%d] soak: %d DIMM add/remove cycles under hotmem"
            % (step, total, soak_cycles))
        def progress(res):
            # a run stopped by force keeps the samples taken so far
            partial = dict(res)
            partial["pass"] = False
            partial["failures"] = ["stopped after %d of %d cycles" % (
                res["cycles_done"], soak_cycles)]
            data["soak"] = partial
            save()
        try:
            data["soak"] = soak.run_soak(hotmem_bin(), soak.SoakGuest(),
                                         soak_cycles, progress=progress)
        except Exception as e:              # the results still get written
            data["soak"] = {"cycles": soak_cycles, "pass": False,
                            "failures": ["%s: %s" % (type(e).__name__, e)]}
        log("    soak %s (%.0f s)" % ("passed" if data["soak"].get("pass")
                                      else "FAILED: " + "; ".join(
                                          data["soak"].get("failures", [])),
                                      data["soak"].get("duration_s", 0)))
        save()
    data["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    data["inner_elapsed_s"] = time.monotonic() - t_start
    save()
    return 0


def summarize(res):
    parts = []
    if "boot_to_init_ms" in res:
        parts.append("init %.0f ms" % res["boot_to_init_ms"])
    for k in ("hot_add", "hot_remove"):
        v = res.get(k)
        if isinstance(v, dict):
            parts.append("%s %s" % (k, "%.0f ms" % v["ms"] if "ms" in v
                                    else "n/a: " + v.get("unmeasured", "?")))
    if res.get("errors"):
        parts.append("errors: " + "; ".join(res["errors"])[:300])
    return ", ".join(parts) or "nothing measured"


# -- on the host ----------------------------------------------------------------

def build_report(inner_data, host, rig_status, started, runs, slot_counts,
                 plug, only=PARTS, soak_cycles=None):
    samples = inner_data.get("samples", []) if inner_data else []
    figures = report.compute_figures(samples, list(slot_counts), runs, only)
    if not inner_data:
        why = "the rig run produced no results (rig.py exit status %s)" \
            % rig_status
        for f in figures:
            for vmm in report.VMMS:
                f[vmm]["unmeasured"] = [{"reason": why, "runs": runs}]
    commands = sample_commands(samples)
    return {
        "schema": 1,
        "started": started,
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "host": host,
        "rig": {"status": rig_status,
                "mode": inner_data.get("rig_mode") if inner_data else None,
                "environment_inside": inner_data.get("environment")
                if inner_data else None,
                "HOTMEM_RIG_MEM": os.environ.get("HOTMEM_RIG_MEM")},
        "runs": runs, "slot_counts": list(slot_counts), "hotmem_plug": plug,
        "only": list(only),
        "hotmem_git": git_rev(),
        "hotmem_binary": inner_data.get("hotmem_binary")
        if inner_data else None,
        "firmware_binary": inner_data.get("firmware_binary")
        if inner_data else None,
        "qemu_version": inner_data.get("qemu_version") if inner_data else None,
        "hotmem_version": inner_data.get("hotmem_version")
        if inner_data else None,
        "guest": inner_data.get("guest") if inner_data else None,
        "commands": commands,
        "figures": figures,
        "samples": samples,
        "soak": (inner_data.get("soak") if inner_data else None) or
        ({"cycles": soak_cycles, "pass": False,
          "failures": ["the rig run produced no soak result (rig.py exit "
                       "status %s)" % rig_status]}
         if "soak" in only else None),
    }


def sample_commands(samples):
    """{"VMM what": argv}: the first command line of each kind of boot."""
    commands = {}
    for s in samples:
        scen = s.get("scenario")
        if scen == "slots":
            what = {"": "%s slots" % s.get("slots")}
        elif scen == "migrate":
            what = {"migrate source": s.get("argv_src"),
                    "migrate destination": s.get("argv_dst")}
        elif scen == "balloon":
            what = {"balloon " + b: s[b].get("argv") for b in
                    ("inflate", "reporting", "none")
                    if isinstance(s.get(b), dict)}
        else:
            what = {"": scen}
        for k, v in what.items():
            key = "%s %s" % (s.get("vmm"), k or v)
            argv = s.get("argv") if not k else v
            if argv and key not in commands:
                commands[key] = argv
    return commands


def part_of(sample):
    return sample.get("scenario")


def part_meta(res, part):
    """What a part's figures came from: when, how many runs, which
    binaries."""
    meta = {"started": res["started"], "finished": res["finished"],
            "runs": res["runs"], "rig_status": res["rig"]["status"],
            "rig_mode": res["rig"]["mode"], "hotmem_git": res["hotmem_git"],
            "hotmem_sha256": (res.get("hotmem_binary") or {}).get("sha256"),
            "qemu_version": res.get("qemu_version")}
    if part == "slots":
        meta["slot_counts"] = res["slot_counts"]
    if part == "soak" and res.get("soak"):
        meta["cycles"] = res["soak"].get("cycles")
    return meta


def merge_results(res, old):
    """res (this run's parts) with the parts of old that did not run now:
    their samples, soak and metadata are kept as they were; the figures are
    computed again over all of them."""
    ran = list(res["only"])
    parts = {}
    if old:
        parts = dict(old.get("parts") or {})
        if not parts:       # a file from before per-part merging
            for p in old.get("only", ()):
                parts[p] = part_meta(old, p)
    for p in ran:
        parts[p] = part_meta(res, p)
    if old:
        kept = [x for x in old.get("samples", []) if part_of(x) not in ran
                and part_of(x) in parts]
        res["samples"] = kept + res["samples"]
        if "soak" not in ran and "soak" in parts:
            res["soak"] = old.get("soak")
        if "slots" not in ran and "slots" in parts:
            res["slot_counts"] = parts["slots"].get(
                "slot_counts", old.get("slot_counts", []))
    res["parts"] = {p: parts[p] for p in PARTS if p in parts}
    res["ran"] = ran
    res["only"] = list(res["parts"])
    res["commands"] = sample_commands(res["samples"])
    res["figures"] = report.compute_figures(
        res["samples"], res["slot_counts"] if "slots" in parts else [],
        {p: m["runs"] for p, m in parts.items()}, res["only"])
    return res


def header_lines(res):
    host = res["host"]
    rig = res["rig"]
    env = rig.get("environment_inside") or {}
    env = {k: ("?" if v is None else v) for k, v in env.items()} or \
        {"cpu_model": "?", "cpus": "?", "kernel": "?"}
    lines = [
        "hotmem vs %s; %d run%s of each, interleaved; rig mode %s" % (
            res.get("qemu_version") or "QEMU", res["runs"],
            "" if res["runs"] == 1 else "s", rig.get("mode") or "?"),
        "host: %s x%s, Linux %s; VMMs ran on: %s x%s, Linux %s" % (
            host.get("cpu_model"), host.get("cpus"), host.get("kernel"),
            env.get("cpu_model"), env.get("cpus"), env.get("kernel")),
    ]
    if rig.get("status"):
        lines.append("rig.py exited with status %s: some or all runs are "
                     "missing" % rig.get("status"))
    if rig.get("mode") == "outer":
        lines.append("nested outer VM: every VM exit costs ~1 ms; compare "
                     "the ratios, not the absolute times")
    for p, m in (res.get("parts") or {}).items():
        lines.append("part %s: %s run%s, %s (hotmem %s%s)" % (
            p, m.get("runs"), "" if m.get("runs") == 1 else "s",
            m.get("started"), m.get("hotmem_git"),
            "" if p in res.get("ran", [p]) else "; kept from that run"))
    lines.append("")
    return lines


def print_report(res, plot_path=None):
    if res["figures"]:
        print(report.format_table(res["figures"], header_lines(res)),
              flush=True)
    else:
        print("\n".join(header_lines(res)).rstrip(), flush=True)
    if res.get("soak"):
        import soak
        print(soak.format_soak(res["soak"], plot_path), flush=True)


def write_plot(res):
    """The soak's PNG beside the results; its path, or None."""
    if not res.get("soak") or not res["soak"].get("samples"):
        return None
    import plot
    tmp = SOAK_PLOT.with_suffix(".png.tmp")
    with open(tmp, "wb") as f:
        f.write(plot.soak_png(res["soak"]))
    os.replace(tmp, SOAK_PLOT)
    return str(SOAK_PLOT.relative_to(REPO))


def _ancestors():
    pids, pid = set(), os.getpid()
    while pid > 1:
        pids.add(pid)
        try:
            with open("/proc/%d/stat" % pid) as f:
                pid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            break
    return pids


def _lock_held_by_ancestor(path):
    """True when this process or a parent (`flock RIG_LOCK make bench`)
    holds the flock on path: /proc/locks names the holder's PID."""
    try:
        ino = os.stat(path).st_ino
        with open("/proc/locks") as f:
            lines = f.read().splitlines()
    except OSError:
        return False
    mine = _ancestors()
    for line in lines:
        t = line.split()
        if "->" in t:           # a waiter, not a holder
            continue
        if len(t) > 5 and t[1] == "FLOCK" and t[5].endswith(":%d" % ino) \
                and t[4].isdigit() and int(t[4]) in mine:
            return True
    return False


def take_rig_lock():
    """Hold RIG_LOCK for the whole rig run, unless a parent already does;
    returns the open file (the lock lives as long as it)."""
    import fcntl
    f = open(RIG_LOCK, "a")
    if _lock_held_by_ancestor(RIG_LOCK):
        f.close()
        return None
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        log("waiting for %s (another rig run)" % RIG_LOCK)
        fcntl.flock(f, fcntl.LOCK_EX)
    return f


def host_main():
    runs, slot_counts, plug = settings()
    only, soak_cycles = part_settings()
    if "slots" not in only:
        slot_counts = ()
    started = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    load_start = os.getloadavg()
    if not os.access(hotmem_bin(), os.X_OK):
        raise SystemExit("bench: no hotmem binary at %s (run make bench, "
                         "or make first)" % hotmem_bin())
    log("fetching the guest (tests/guest/fetch-guest.py)")
    guestlib.guest_files()
    # Build the initramfs here, so the rig only reads the cache.
    sys.path.insert(0, str(HERE))
    import scenarios
    scenarios.Guest()
    if "soak" in only:
        import soak
        soak.SoakGuest()
    if "migrate" in only:
        import migrate
        migrate.MigGuest()
    if "balloon" in only:
        import balloon
        balloon.BalloonGuest()
    os.environ.setdefault("HOTMEM_RIG_MEM", "4G")
    scratch = guestlib.cache_root() / "bench"
    scratch.mkdir(parents=True, exist_ok=True)
    inner_out = scratch / ("inner-%d-%s.json" % (os.getpid(),
                                                 secrets.token_hex(4)))
    lock = take_rig_lock()  # noqa: F841 (held until the process ends)
    boots = runs * (("main" in only) + len(slot_counts)) * 2
    # a soak cycle takes well under a second in the nested rig
    # a migrate sample is three VMMs, a balloon sample three boots
    timeout = max(3600, boots * 300 + ("soak" in only) * (600 +
                                                          soak_cycles * 5)
                  + runs * 2 * 900 * (("migrate" in only) +
                                      ("balloon" in only)))
    cmd = [sys.executable, str(REPO / "tests" / "guest" / "rig.py"), "run",
           "--timeout", str(timeout), "--", sys.executable,
           str(HERE / "bench.py"), "--inner", str(inner_out),
           "--runs", str(runs), "--slots", ",".join(map(str, slot_counts)),
           "--plug", plug, "--only", ",".join(only),
           "--soak-cycles", str(soak_cycles)]
    for name in ("BENCH_BOOT_TIMEOUT", "BENCH_HOTPLUG_TIMEOUT",
                 "BENCH_DIRTY_MIB", "BENCH_DIRTY_PERIOD_MS",
                 "BENCH_MIGRATE_TIMEOUT", "BENCH_REPORT_TIMEOUT"):
        if os.environ.get(name):
            cmd += ["--env", "%s=%s" % (name, os.environ[name])]
    log("%d boots%s%s in one rig run (BENCH_RUNS=%d, slots %s)"
        % (boots, " and a %d-cycle soak" % soak_cycles if "soak" in only
           else "", "".join(", %d x 2 %s samples" % (runs, p) for p in
                            ("migrate", "balloon") if p in only),
           runs, ",".join(map(str, slot_counts)) or "none"))
    proc = subprocess.Popen(cmd, cwd=str(REPO))
    try:
        status = proc.wait()
    except KeyboardInterrupt:
        # rig.py kills its outer VM on SIGTERM; give it the chance
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        raise
    inner_data = None
    try:
        with open(inner_out) as f:
            inner_data = json.load(f)
    except (OSError, ValueError) as e:
        log("no results from inside the rig: %s" % e)
    finally:
        for p in (inner_out, Path(str(inner_out) + ".tmp")):
            try:
                p.unlink()
            except OSError:
                pass
    if status != 0:
        log("rig.py exited with status %d" % status)
    host = cpu_description()
    host["loadavg_start"] = load_start
    host["loadavg_end"] = os.getloadavg()
    res = build_report(inner_data, host, status, started, runs,
                       slot_counts, plug, only, soak_cycles)
    old = None
    try:
        with open(RESULTS) as f:
            old = json.load(f)
    except (OSError, ValueError):
        pass
    res = merge_results(res, old)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    tmp = RESULTS.with_suffix(".json.tmp")
    with open(tmp, "w") as f:
        json.dump(res, f, indent=1)
        f.write("\n")
    os.replace(tmp, RESULTS)
    log("results: %s" % RESULTS.relative_to(REPO))
    plot_path = write_plot(res)
    if plot_path:
        log("soak plot: %s" % plot_path)
    print_report(res, plot_path)
    soak_ok = "soak" not in only or (res.get("soak") or {}).get("pass")
    return 0 if status == 0 and inner_data and soak_ok else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 epilog=__doc__,
                                 formatter_class=argparse.
                                 RawDescriptionHelpFormatter)
    ap.add_argument("--inner", metavar="OUT",
                    help="run the measurements here, raw samples to OUT")
    ap.add_argument("--runs", type=int, help="(--inner) runs")
    ap.add_argument("--slots", help="(--inner) slot counts, a,b,c")
    ap.add_argument("--plug", help="(--inner) hotmem hot-add path")
    ap.add_argument("--only", help="(--inner) parts to run, a,b")
    ap.add_argument("--soak-cycles", type=int, help="(--inner) soak cycles")
    ap.add_argument("--env", action="append", default=[],
                    help="(--inner) NAME=VALUE set before measuring")
    ap.add_argument("--report", metavar="FILE",
                    help="print the table of a results file")
    args = ap.parse_args()
    if args.report:
        with open(args.report) as f:
            res = json.load(f)
        if res.get("samples"):      # recompute: the report code may be newer
            runs = {p: m["runs"] for p, m in res["parts"].items()} \
                if res.get("parts") else res["runs"]
            res["figures"] = report.compute_figures(
                res["samples"], res["slot_counts"], runs,
                res.get("only", PARTS))
        plot_path = SOAK_PLOT if res.get("soak") and SOAK_PLOT.exists() \
            else None
        print_report(res, plot_path and str(plot_path.relative_to(REPO)))
        return 0
    if args.inner:
        guestlib.install_sigterm_handler()
        for kv in args.env:
            k, _, v = kv.partition("=")
            os.environ[k] = v
        runs, slots, plug = settings()
        only, soak_cycles = part_settings()
        if args.only:
            only = tuple(args.only.split(","))
        if args.soak_cycles:
            soak_cycles = args.soak_cycles
        if args.runs:
            runs = args.runs
        if args.slots is not None:
            slots = tuple(int(x) for x in args.slots.split(",") if x)
        if args.plug:
            plug = args.plug
        return inner(Path(args.inner), runs, slots, plug, only, soak_cycles)
    try:
        return host_main()
    except KeyboardInterrupt:
        log("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
