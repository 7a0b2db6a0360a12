"""The measured boots: one VMM (hotmem or QEMU), one guest, a few figures.

Runs inside the rig (where /dev/kvm is fast).  Each function returns a dict
of raw samples; a figure that could not be measured is stored as
{"unmeasured": "<why>"} under its key instead of a number, so that the
report can say why in the figure's row.

The guest is tests/guest's busybox initramfs with the shell commands below;
markers go over the serial console (guestlib.Vmm), commands come back on it.
"""

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests" / "guest"))
import guestlib  # noqa: E402
from guestlib import GuestError, QMP, QMPError, Vmm  # noqa: E402

import footprint  # noqa: E402
import ktrace  # noqa: E402

RAM = "512M"
RAM_BYTES = 512 << 20
DIMM_SIZE = 128 << 20          # one Linux memory block
MAIN_SLOTS = 8
MAXMEM = "8G"
APPEND = "console=ttyS0 quiet pci=noearly memhp_default_state=online_movable"
QMP_RTT_COUNT = 200
BOOT_TIMEOUT = float(os.environ.get("BENCH_BOOT_TIMEOUT", "180"))
HOTPLUG_TIMEOUT = float(os.environ.get("BENCH_HOTPLUG_TIMEOUT", "30"))
# QEMU with the devices hotmem has (serial, PC chipset), not the default
# VGA card, NIC (and its option ROM), floppy/CD: the comparison is about the
# VMM and its firmware, not about devices the guest does not use.
QEMU_DEVICE_ARGS = ["-nodefaults", "-serial", "stdio"]

# mt: MemTotal into $MT with shell builtins only (no fork per poll).
# memwatch BASE_KB LIMIT_S: poll every 10 ms until MemTotal > BASE_KB, i.e.
# until the hot-added memory is online (memhp_default_state=online_movable
# onlines it during the add; MemTotal grows when pages go online).
GUEST_BODY = r"""
mt() {
    MT=0
    while read -r k v u; do
        if [ "$k" = MemTotal: ]; then MT=$v; return 0; fi
    done </proc/meminfo
}
cmd_mem() {
    mt
    hm memtotal_kb "$MT"
    hm blocks_online "$(cat /sys/devices/system/memory/memory*/state | grep -c '^online')"
}
cmd_memwatch() {
    read -r up rest </proc/uptime
    end=$((${up%.*} + $2))
    while :; do
        mt
        if [ "$MT" -gt "$1" ]; then hm memon "$MT"; return 0; fi
        read -r up rest </proc/uptime
        if [ "${up%.*}" -ge "$end" ]; then hm memtimeout "$MT"; return 0; fi
        usleep 10000
    done
}
"""


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def unmeasured(why):
    return {"unmeasured": why}


class Guest:
    """Kernel, initramfs, command line: identical for both VMMs."""

    def __init__(self):
        files = guestlib.guest_files()
        self.kernel = files["HOTMEM_GUEST_KERNEL"]
        self.initrd = str(guestlib.build_initramfs(
            guestlib.init_script(GUEST_BODY), name="bench"))
        self.append = APPEND


class VmmKind:
    """How to start one VMM and plug a DIMM into it."""

    def __init__(self, name, binary, plug_mode=None):
        self.name = name
        self.binary = binary
        # hotmem: "dimm" (declared -dimm slots, device_add dimm) or
        # "pc-dimm" (QEMU's way: -m slots, object-add + device_add pc-dimm)
        self.plug_mode = plug_mode or ("pc-dimm" if name == "qemu" else "dimm")

    def argv(self, guest, qmp_path, slots):
        common = ["-smp", "1", "-kernel", guest.kernel, "-initrd",
                  guest.initrd, "-append", guest.append, "-qmp",
                  "unix:%s,server=on,wait=off" % qmp_path]
        if self.plug_mode == "pc-dimm":
            mem = ["-m", "%s,slots=%d,maxmem=%s" % (RAM, slots, MAXMEM)]
        else:
            mem = ["-m", RAM]
            for i in range(slots):
                mem += ["-dimm", "id=slot%d,size=%dM,populated=off"
                        % (i, DIMM_SIZE >> 20)]
        if self.name == "qemu":
            return ([self.binary, "-enable-kvm", "-machine", "pc",
                     "-nographic"] + QEMU_DEVICE_ARGS + mem + common)
        return [self.binary] + mem + common + ["-nographic"]

    def plug(self, qmp, slot):
        """Send the QMP command(s) of a hot-add; returns (the time the
        device_add was sent, the device id).  object-add, when needed, comes
        before it and is not timed.  Raises QMPError, whose .step names the
        command that failed."""
        if self.plug_mode == "pc-dimm":
            try:
                qmp.execute("object-add", {"qom-type": "memory-backend-ram",
                                           "id": "mem%d" % slot,
                                           "size": DIMM_SIZE})
            except QMPError as e:
                e.step = "object-add"
                raise
            t = time.monotonic()
            qmp.execute("device_add", {"driver": "pc-dimm",
                                       "id": "dimm%d" % slot,
                                       "memdev": "mem%d" % slot,
                                       "slot": slot})
            return t, "dimm%d" % slot
        t = time.monotonic()
        qmp.execute("device_add", {"driver": "dimm", "id": "slot%d" % slot})
        return t, "slot%d" % slot


def vmm_footprint(pid):
    """VMM memory beyond guest RAM (bench/footprint.py): the smaps Rss of
    every mapping but the guest RAM ones, by mapping class."""
    fp = footprint.classify(pid)
    vmrss = None
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                vmrss = int(line.split()[1])
    fp["vmrss_kb"] = vmrss
    fp["guest_ram_rss_kb"] = fp.pop("guest_ram_kb")
    if not fp["guest_ram_mappings"]:
        fp["overhead_kb"] = None        # no guest RAM found: no figure
    return fp


class Boot:
    """One VMM process with its QMP socket, console log and (optionally) a
    kvm trace of its firmware phase.  A context manager: everything it
    starts is stopped on the way out."""

    def __init__(self, kind, guest, slots, label, trace=False, argv=None):
        """argv: a function of the QMP socket path returning the command
        line, instead of kind.argv()."""
        self.kind, self.guest, self.slots, self.label = kind, guest, slots, \
            label
        self.tmp = tempfile.mkdtemp(prefix="hotmem-bench-", dir="/tmp")
        self.qmp_path = os.path.join(self.tmp, "qmp.sock")
        self.timing_path = os.path.join(self.tmp, "timing.json")
        self.argv = argv(self.qmp_path) if argv else \
            kind.argv(guest, self.qmp_path, slots)
        self.trace = None
        self.trace_error = None
        if trace:
            try:
                self.trace = ktrace.KvmTrace("hotmem-bench-%d" % os.getpid())
            except ktrace.TraceUnavailable as e:
                self.trace_error = str(e)
        env = dict(os.environ)
        env.pop("HOTMEM_TIMING", None)
        if kind.name == "hotmem":
            env["HOTMEM_TIMING"] = self.timing_path
        logdir = guestlib.cache_root() / "logs"
        logdir.mkdir(parents=True, exist_ok=True)
        self.vm = Vmm(self.argv, env=env,
                      log_path=logdir / ("bench-%s.log" % label))
        self.qmp = None

    def __enter__(self):
        try:
            if self.trace:
                self.trace.start()
            self.vm.start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc):
        try:
            if self.qmp:
                self.qmp.close()
            if self.vm.proc is not None:
                self.vm.close()
        finally:
            if self.trace:
                self.trace.close()
            shutil.rmtree(self.tmp, ignore_errors=True)
        return False

    def connect(self):
        if self.qmp is None:
            self.qmp = QMP(self.qmp_path, timeout=30)
        return self.qmp

    def tids(self):
        try:
            return {int(t) for t in os.listdir("/proc/%d/task" % self.vm.pid)}
        except OSError:
            return set()

    def poweroff(self, res):
        """Ask the guest to power off; record how the VMM ended."""
        try:
            self.vm.wait_marker("ready", 60)
            self.vm.send("poweroff\n")
            res["exit_status"] = self.vm.wait_exit(60)
        except (GuestError, OSError) as e:
            res["exit_status"] = None
            res.setdefault("errors", []).append("poweroff: %s" % e)
        if self.kind.name == "hotmem":
            try:
                with open(self.timing_path) as f:
                    res["hotmem_timing"] = json.load(f)
            except (OSError, ValueError) as e:
                res["hotmem_timing"] = None
                res.setdefault("errors", []).append(
                    "HOTMEM_TIMING file: %s" % e)


def _boot_to_init(b, res):
    init = b.vm.wait_marker("init", BOOT_TIMEOUT)
    res["boot_to_init_ms"] = init.t * 1000
    return init


def _memtotal(b):
    for mk in b.vm.command("mem", 60):
        if mk.key == "memtotal_kb":
            return int(mk.value)
    raise GuestError("guest did not report MemTotal")


def _hot_add(b, slot):
    """device_add -> memory online in the guest, in ms (or unmeasured)."""
    try:
        base = _memtotal(b)
    except GuestError as e:
        return unmeasured("guest MemTotal unavailable: %s" % e), None
    try:
        qmp = b.connect()
        t_send, dev = b.kind.plug(qmp, slot)
    except QMPError as e:
        return unmeasured("%s failed: %s" % (getattr(e, "step", "device_add"),
                                             e.desc)), None
    except GuestError as e:
        return unmeasured("QMP: %s" % e), None
    b.vm.send("memwatch %d %d\n" % (base, int(HOTPLUG_TIMEOUT)))
    try:
        # the guest answers memon (online) or memtimeout (gave up)
        b.vm.expect(r"HM:mem(on|timeout)=", HOTPLUG_TIMEOUT + 15)
        b.vm.wait_marker("done", 30)
    except GuestError as e:
        return unmeasured("waiting for the memory to come online: %s"
                          % e), dev
    mk = [m for m in b.vm.markers if m.key in ("memon", "memtimeout")][-1]
    if mk.key == "memtimeout":
        return unmeasured("memory not online in the guest %d s after "
                          "device_add (MemTotal stayed %d kB)"
                          % (HOTPLUG_TIMEOUT, base)), dev
    ms = (mk.t - (t_send - b.vm.t0)) * 1000
    return {"ms": ms, "memtotal_before_kb": base,
            "memtotal_after_kb": int(mk.value)}, dev


def _hot_remove(b, dev):
    """device_del -> DEVICE_DELETED, in ms (or unmeasured)."""
    qmp = b.connect()
    t = time.monotonic()
    try:
        qmp.execute("device_del", {"id": dev})
    except QMPError as e:
        return unmeasured("device_del failed: %s" % e.desc)
    try:
        qmp.wait_event("DEVICE_DELETED", HOTPLUG_TIMEOUT,
                       lambda ev: ev.get("data", {}).get("device") == dev)
    except GuestError:
        osts = [ev.get("data") for ev in qmp.events
                if ev.get("event") in ("ACPI_DEVICE_OST",
                                       "DEVICE_UNPLUG_GUEST_ERROR")]
        return unmeasured("no DEVICE_DELETED within %d s of device_del%s"
                          % (HOTPLUG_TIMEOUT,
                             " (events: %s)" % json.dumps(osts) if osts
                             else ""))
    return {"ms": (time.monotonic() - t) * 1000}


def _qmp_rtt(b):
    qmp = b.connect()
    qmp.execute("query-status")         # warm up
    samples = []
    for _ in range(QMP_RTT_COUNT):
        t = time.monotonic()
        qmp.execute("query-status")
        samples.append((time.monotonic() - t) * 1e6)
    return {"median_us": statistics.median(samples), "samples_us": samples}


def run_main(kind, guest, label):
    """Boot with MAIN_SLOTS empty slots: boot time, firmware time (both
    methods), VMM RSS overhead, QMP round trip, hot-add, hot-remove."""
    res = {"vmm": kind.name, "slots": MAIN_SLOTS, "plug": kind.plug_mode}
    with Boot(kind, guest, MAIN_SLOTS, label, trace=True) as b:
        res["argv"] = b.argv
        try:
            _boot_to_init(b, res)
            tids = b.tids()
            if b.trace:
                try:
                    text = b.trace.stop()
                    reset, kentry = ktrace.firmware_window(text, tids)
                    res["trace"] = {
                        "reset_ms": (reset - b.vm.t0) * 1000,
                        "kernel_entry_ms": (kentry - b.vm.t0) * 1000}
                except ktrace.TraceUnavailable as e:
                    res["trace"] = unmeasured("kvm trace: %s" % e)
                finally:
                    b.trace.close()
            else:
                res["trace"] = unmeasured("kvm trace: %s" % b.trace_error)
            try:
                res["rss"] = vmm_footprint(b.vm.pid)
            except OSError as e:
                res["rss"] = unmeasured("reading /proc/%d/smaps: %s"
                                        % (b.vm.pid, e))
            try:
                res["qmp_rtt"] = _qmp_rtt(b)
            except (GuestError, QMPError) as e:
                res["qmp_rtt"] = unmeasured("QMP: %s" % e)
            res["hot_add"], dev = _hot_add(b, 0)
            if dev is None:
                res["hot_remove"] = unmeasured(
                    "nothing to remove: %s" % res["hot_add"]["unmeasured"])
            elif "unmeasured" in res["hot_add"]:
                res["hot_remove"] = unmeasured(
                    "not attempted: the hot-added memory never came online "
                    "in the guest")
            else:
                res["hot_remove"] = _hot_remove(b, dev)
            b.poweroff(res)
        except (GuestError, QMPError, OSError) as e:
            res.setdefault("errors", []).append(str(e))
            res["console_tail"] = b.vm.tail(15)
    return res


def run_slots(kind, guest, slots, label):
    """Boot with `slots` empty slots and hot-add into the last one (where a
    scan over all slots costs most)."""
    res = {"vmm": kind.name, "slots": slots, "plug": kind.plug_mode}
    with Boot(kind, guest, slots, label) as b:
        res["argv"] = b.argv
        try:
            _boot_to_init(b, res)
            res["hot_add"], _ = _hot_add(b, slots - 1)
            b.poweroff(res)
        except (GuestError, QMPError, OSError) as e:
            res.setdefault("errors", []).append(str(e))
            res["console_tail"] = b.vm.tail(15)
    return res
