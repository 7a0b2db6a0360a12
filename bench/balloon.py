"""The bench's part `balloon`: virtio-balloon-pci under hotmem and QEMU, a
1 GiB guest that loads Debian's virtio_pci and virtio_balloon modules.

One run of one VMM is three boots:

  inflate    -device virtio-balloon-pci,id=balloon0: the VMM's memory
             beyond guest RAM at init (bench/footprint.py); the guest touches
             and frees 600 MiB (tmpfs); `balloon` 512 MiB; the time until
             query-balloon's actual is within 4 MiB of it (polled every
             50 ms) gives the rate; VmRSS before it and 1 s after it gives
             how much of the inflated size left the host
  reporting  the same device with free-page-reporting=on: the guest fills
             600 MiB, VmRSS is read, then it frees them (no balloon
             command); the time from the free until VmRSS has dropped by
             512 MiB (polled every 200 ms)
  none       no balloon device: the memory beyond guest RAM at init, for
             the overhead of the device

free-page-reporting stays off in the inflate boot on both VMMs: with it,
the pages the guest freed would go back by themselves before the balloon
takes them, and the RSS returned by inflating would mean nothing.
"""

import os
import shutil
import tempfile
import time

import scenarios
from scenarios import GuestError, QMP, QMPError, Vmm, guestlib, unmeasured

MiB, GiB = 1 << 20, 1 << 30
RAM = "1G"
RAM_BYTES = GiB
TOUCH_MIB = 600
TARGET = 512 * MiB
CLOSE = 4 * MiB
REPORT_DROP = 512 * MiB
INFLATE_TIMEOUT = 300
REPORT_TIMEOUT = float(os.environ.get("BENCH_REPORT_TIMEOUT", "120"))

GUEST_BODY = scenarios.GUEST_BODY + r"""
hm_load_modules
hm modules "$(cut -d' ' -f1 /proc/uptime)"
# fill MIB: page cache in a tmpfs the guest holds; unfill gives it back
cmd_fill() {
    mkdir -p /mnt/t && mount -t tmpfs -o size=$(($1 + 16))m tmpfs /mnt/t
    dd if=/dev/zero of=/mnt/t/f bs=1M count="$1" 2>/dev/null
}
cmd_unfill() { rm /mnt/t/f && umount /mnt/t; }
"""


class BalloonGuest(scenarios.Guest):
    def __init__(self):
        files = guestlib.guest_files()
        self.kernel = files["HOTMEM_GUEST_KERNEL"]
        self.initrd = str(guestlib.build_initramfs(
            guestlib.init_script(GUEST_BODY), name="bench-balloon",
            adds=guestlib.module_adds(["virtio_pci", "virtio_balloon"])))
        self.append = scenarios.APPEND


def _argv(kind, guest, qmp_path, device):
    common = ["-m", RAM, "-smp", "1", "-kernel", guest.kernel, "-initrd",
              guest.initrd, "-append", guest.append, "-qmp",
              "unix:%s,server=on,wait=off" % qmp_path]
    dev = ["-device", device] if device else []
    if kind.name == "qemu":
        return ([kind.binary, "-enable-kvm", "-machine", "pc", "-nographic"]
                + scenarios.QEMU_DEVICE_ARGS + common + dev)
    return [kind.binary] + common + dev + ["-nographic"]


class Boot:
    def __init__(self, kind, guest, device, label):
        self.tmp = tempfile.mkdtemp(prefix="hotmem-bench-bal-", dir="/tmp")
        self.qmp_path = os.path.join(self.tmp, "qmp.sock")
        self.argv = _argv(kind, guest, self.qmp_path, device)
        logdir = guestlib.cache_root() / "logs"
        logdir.mkdir(parents=True, exist_ok=True)
        self.vm = Vmm(self.argv, log_path=logdir / ("bench-%s.log" % label))
        self.q = None

    def __enter__(self):
        self.vm.start()
        return self

    def __exit__(self, *exc):
        try:
            if self.q:
                self.q.close()
            if self.vm.proc is not None:
                self.vm.close()
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)
        return False

    def up(self, res):
        init = self.vm.wait_marker("init", scenarios.BOOT_TIMEOUT)
        res["boot_to_init_ms"] = init.t * 1000
        self.vm.wait_marker("modules", 120)
        self.q = QMP(self.qmp_path, timeout=60)
        self.vm.command("mem", 60)      # the guest settles; MemTotal known
        try:
            res["rss"] = scenarios.vmm_footprint(self.vm.pid)
        except OSError as e:
            res["rss"] = unmeasured("reading /proc/%d/smaps: %s"
                                    % (self.vm.pid, e))

    def poweroff(self, res):
        try:
            self.vm.wait_marker("ready", 60)
            self.vm.send("poweroff\n")
            res["exit_status"] = self.vm.wait_exit(60)
        except (GuestError, OSError) as e:
            res.setdefault("errors", []).append("poweroff: %s" % e)


def _inflate(b, res):
    b.vm.command("fill %d" % TOUCH_MIB, 600)
    b.vm.command("unfill", 120)
    time.sleep(1)
    a0 = b.q.execute("query-balloon")["actual"]
    rss0 = b.vm.rss_kb()
    ram0 = scenarios.vmm_footprint(b.vm.pid)["guest_ram_rss_kb"]
    t0 = time.monotonic()
    b.q.execute("balloon", {"value": TARGET})
    a = a0
    while abs(a - TARGET) > CLOSE:
        if time.monotonic() - t0 > INFLATE_TIMEOUT:
            return unmeasured("query-balloon actual %d MiB %d s after balloon "
                              "%d MiB" % (a >> 20, INFLATE_TIMEOUT,
                                          TARGET >> 20))
        time.sleep(0.05)
        a = b.q.execute("query-balloon")["actual"]
    dt = time.monotonic() - t0
    rss1 = b.vm.rss_kb()
    time.sleep(1)
    rss2 = b.vm.rss_kb()
    ram2 = scenarios.vmm_footprint(b.vm.pid)["guest_ram_rss_kb"]
    inflated = a0 - a
    return {"s": dt, "actual_before": a0, "actual_after": a,
            "mib_s": inflated / MiB / dt if dt > 0 else None,
            "vmrss_before_kb": rss0, "vmrss_at_target_kb": rss1,
            "vmrss_after_kb": rss2, "guest_ram_rss_before_kb": ram0,
            "guest_ram_rss_after_kb": ram2,
            "returned_pct": 100.0 * (rss0 - rss2) * 1024 / inflated
            if inflated > 0 else None}


def _report(b, res):
    b.vm.command("fill %d" % TOUCH_MIB, 600)
    time.sleep(1)
    rss0 = b.vm.rss_kb()
    want = rss0 - REPORT_DROP // 1024
    t0 = time.monotonic()
    b.vm.command("unfill", 120)
    t_freed = time.monotonic() - t0
    curve = []
    rss = b.vm.rss_kb()
    while rss > want:
        curve.append((round(time.monotonic() - t0, 2), rss))
        if time.monotonic() - t0 > REPORT_TIMEOUT:
            return unmeasured("VmRSS dropped by %d MiB of %d in %d s after "
                              "the guest freed %d MiB" % (
                                  (rss0 - rss) >> 10, REPORT_DROP >> 20,
                                  REPORT_TIMEOUT, TOUCH_MIB))
        time.sleep(0.2)
        rss = b.vm.rss_kb()
    dt = time.monotonic() - t0
    curve.append((round(dt, 2), rss))
    a = b.q.execute("query-balloon")["actual"]
    return {"s": dt, "free_s": t_freed, "vmrss_filled_kb": rss0,
            "vmrss_end_kb": rss, "actual": a, "curve": curve[-50:]}


def run_balloon(kind, guest, label):
    """The three boots; one sample dict."""
    res = {"vmm": kind.name}
    for boot, device in (
            ("inflate", "virtio-balloon-pci,id=balloon0"),
            ("reporting", "virtio-balloon-pci,id=balloon0,"
             "free-page-reporting=on"),
            ("none", None)):
        r = res[boot] = {}
        with Boot(kind, guest, device, "%s-%s" % (label, boot)) as b:
            r["argv"] = b.argv
            try:
                b.up(r)
                if boot == "inflate":
                    r["inflate"] = _inflate(b, r)
                elif boot == "reporting":
                    r["report"] = _report(b, r)
                b.poweroff(r)
            except (GuestError, QMPError, OSError) as e:
                r.setdefault("errors", []).append("%s: %s"
                                                  % (type(e).__name__, e))
                r["console_tail"] = b.vm.tail(15)
    return res


# -- figures (report.py) -------------------------------------------------------

def _field(boot, *path, scale=1.0):
    def fn(res):
        d = res.get(boot)
        if not isinstance(d, dict):
            return None, "no %s boot" % boot
        v = d
        for p in path:
            if isinstance(v, dict) and "unmeasured" in v:
                return None, v["unmeasured"]
            v = v.get(p) if isinstance(v, dict) else None
        if isinstance(v, dict) and "unmeasured" in v:
            return None, v["unmeasured"]
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            errs = d.get("errors")
            return None, ("%s boot failed: %s" % (boot, errs[0])) if errs \
                else "%s boot: no %s" % (boot, ".".join(path))
        return v * scale, None
    return fn


def _overhead_delta(res):
    w, why = _field("inflate", "rss", "overhead_kb", scale=1 / 1024.0)(res)
    wo, why2 = _field("none", "rss", "overhead_kb", scale=1 / 1024.0)(res)
    if w is None or wo is None:
        return None, why or why2
    return w - wo, None


def figure_specs():
    return [
        ("bal_inflate_rate", "balloon: inflate 1 GiB -> 512 MiB after the "
         "guest touched and freed %d MiB" % TOUCH_MIB, "MiB/s",
         ("balloon",), _field("inflate", "inflate", "mib_s")),
        ("bal_inflate_s", "balloon: inflate, balloon -> actual within 4 MiB",
         "s", ("balloon",), _field("inflate", "inflate", "s")),
        ("bal_returned", "balloon: host VmRSS returned per inflated size",
         "%", ("balloon",), _field("inflate", "inflate", "returned_pct")),
        ("bal_resident", "balloon: guest RAM resident before inflating",
         "MiB", ("balloon",), _field("inflate", "inflate",
                                     "guest_ram_rss_before_kb",
                                     scale=1 / 1024.0)),
        ("bal_report_s", "balloon: free page reporting, free of %d MiB -> "
         "VmRSS down by 512 MiB" % TOUCH_MIB, "s", ("balloon",),
         _field("reporting", "report", "s")),
        ("bal_overhead_with", "balloon: VMM RSS beyond guest RAM at init, "
         "with virtio-balloon-pci", "MiB", ("balloon",),
         _field("inflate", "rss", "overhead_kb", scale=1 / 1024.0)),
        ("bal_overhead_without", "balloon: VMM RSS beyond guest RAM at init, "
         "no balloon", "MiB", ("balloon",),
         _field("none", "rss", "overhead_kb", scale=1 / 1024.0)),
        ("bal_overhead_delta", "balloon: the device's cost (with - without)",
         "MiB", ("balloon",), _overhead_delta),
    ]


def figure_notes(fig):
    r = fig.get("ratio")
    if fig["key"] == "bal_inflate_rate" and r is not None:
        return ["target hotmem/QEMU >= 1 (at least as fast): %s (%.2f)"
                % ("met" if r >= 1 else "MISSED", r)]
    if fig["key"] == "bal_returned":
        vals = fig["hotmem"].get("samples") or []
        if vals:
            low = sum(v < 95 for v in vals)
            return ["target >= 95 %%: %s" % ("met in every run" if not low
                                             else "MISSED in %d of %d runs"
                                             % (low, len(vals)))]
    return []


def summarize(res):
    out = []
    i = res.get("inflate", {}).get("inflate")
    if isinstance(i, dict):
        out.append("inflate " + ("%.1f MiB/s, %.0f %% returned" % (
            i["mib_s"], i["returned_pct"]) if "s" in i else i["unmeasured"]))
    r = res.get("reporting", {}).get("report")
    if isinstance(r, dict):
        out.append("reporting " + ("%.1f s" % r["s"] if "s" in r
                                   else r["unmeasured"]))
    for boot in ("inflate", "reporting", "none"):
        errs = res.get(boot, {}).get("errors")
        if errs:
            out.append("%s: %s" % (boot, "; ".join(errs)[:200]))
    return ", ".join(out) or "nothing measured"
