"""Shared by the balloon scenario (tests/guest/test-balloon.py): its sizes,
the guest's commands, a Section of checks, and the boot, device, dmesg and
poweroff steps every balloon VM goes through."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
import guestlib  # noqa: E402
from guestlib import QMP, Vmm  # noqa: E402

MiB, GiB = 1 << 20, 1 << 30
BASE_RAM = 768 * MiB
DIMM = GiB
FULL = BASE_RAM + DIMM
INFLATE = 256 * MiB
TOUCH = 640 * MiB
# docs/specs/fwcfg.txt: the hotplug region starts at 4 GiB here (no RAM above
# 4 GiB) and holds the one declared 1 GiB slot; etc/reserved-memory-end is its
# end rounded up to 1 GiB.
# One empty slot (-m ...,slots=1,maxmem=) takes a further 1 GiB of the region.
HOTADD = GiB
MAXMEM = FULL + HOTADD
RESERVED_MEMORY_END = 4 * GiB + DIMM + HOTADD
# deflate-on-oom: the balloon holds OOM_INFLATE, the program asks for
# MemAvailable plus OOM_PAST
OOM_INFLATE = 512 * MiB
OOM_PAST = 192 * MiB


def hm_constant(name):
    """A guest-visible number from include/hw/hotmem-pc.h (kept there once)."""
    text = (REPO / "include" / "hw" / "hotmem-pc.h").read_text()
    return int(re.search(r"#define %s\s+(0x[0-9a-fA-F]+|\d+)" % name, text).group(1), 0)


BAR_SIZE = hm_constant("HM_VIRTIO_PCI_BAR_SIZE")
APPEND = "console=ttyS0 quiet pci=noearly memhp_default_state=online_movable"
# what would mean the device or its resources are wrong
BAD_PCI = ("can't claim|no space for|failed to assign|BAR [0-9].*invalid|"
           "virtio_pci.*(rror|ail)|virtio_balloon.*(rror|ail)|leaving for legacy|"
           "missing capabilities|irq [0-9]+: nobody cared")

GUEST_BODY = r"""
hm_load_modules
hm modules "$(cut -d' ' -f1 /proc/uptime)"
cmd_mem() {
    hm memtotal_kb "$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)"
    hm memfree_kb "$(awk '/^MemFree:/ {print $2}' /proc/meminfo)"
}
# pci: every function, the balloon's BAR0, the host bridge windows, virtio devices
cmd_pci() {
    for d in /sys/bus/pci/devices/*; do
        drv=$(readlink "$d/driver"); drv=${drv##*/}
        hm pcidev "${d##*/} $(cat $d/vendor) $(cat $d/device) $(cat $d/irq) ${drv:--}"
    done
    d=/sys/bus/pci/devices/0000:00:02.0
    [ -f $d/resource ] && hm bar0 "$(head -n 1 $d/resource)"
    grep "PCI Bus 0000:00" /proc/iomem | while read -r l; do hm window "$l"; done
    for v in /sys/bus/virtio/devices/*; do
        [ -d "$v" ] || continue
        drv=$(readlink "$v/driver"); drv=${drv##*/}
        hm virtio "${v##*/} $(cat $v/device) ${drv:--} $(cat $v/status)"
    done
    grep -i virtio /proc/interrupts | while read -r l; do hm irq "$l"; done
}
# touch MiB: allocate and free that much page cache so that the free pages
# the balloon will take are backed by host memory
cmd_touch() {
    mkdir -p /mnt/t && mount -t tmpfs -o size=$(($1 + 16))m tmpfs /mnt/t
    dd if=/dev/zero of=/mnt/t/f bs=1M count="$1" 2>/dev/null
    rm /mnt/t/f && umount /mnt/t
}
cmd_features() {
    for v in /sys/bus/virtio/devices/*; do [ -f $v/features ] && hm features "$(cat $v/features)"; done
}
# oom MIB: allocate and write MemAvailable + MIB of anonymous memory
cmd_oom() {
    # no refusal at mmap time: the pages are found (or not) when written
    echo 1 >/proc/sys/vm/overcommit_memory
    n=$(($(awk '/^MemAvailable:/ {print int($2 / 1024)}' /proc/meminfo) + $1))
    hm oomsize "$n"
    memfill anon "$n" 5
    hm oomrc "$?"
}
# hostile CASE: tests/guest/balloon-hostile.c on the balloon function
cmd_hostile() { balloon-hostile /sys/bus/pci/devices/0000:00:02.0 "$1"; }
cmd_rebind() {
    echo 0000:00:02.0 >/sys/bus/pci/drivers/virtio-pci/bind
    sleep 2
}
cmd_dmesg() { dmesg | grep -iE "$1" | tail -n 20 | while read -r l; do hm dmesg "$l"; done; }
# a pattern held by a background memfill, verified on SIGUSR1 (migration)
cmd_bg() { memfill "$@" & bgpid=$!; hm bgpid "$bgpid"; }
cmd_sig() { kill -USR1 "$bgpid"; }
cmd_bgwait() { wait "$bgpid"; hm bgrc "$?"; }
"""


class Section:
    """One group of checks; an exception makes it `not ok` and the run goes on."""

    def __init__(self, tap, name, vm):
        self.tap, self.name, self.vm = tap, name, vm

    def __enter__(self):
        return self

    def ok(self, cond, desc, diag=None):
        return self.tap.ok(cond, "%s: %s" % (self.name, desc), diag)

    def __exit__(self, et, e, tb):
        if et is None or not issubclass(et, Exception):
            return False
        self.tap.ok(False, "%s: ran to the end" % self.name, "%s: %s" % (et.__name__, e))
        self.tap.diag(self.vm.tail(25))
        return True


def facts(vm, line, timeout=120):
    out = {}
    for m in vm.command(line, timeout):
        out.setdefault(m.key, []).append(m.value)
    return out


def memtotal_kb(vm):
    return int(facts(vm, "mem")["memtotal_kb"][0])


def wait_actual(q, want, timeout):
    """BALLOON_CHANGE events until the guest reports `want`; returns the
    number of events and the seconds it took."""
    t0, n = time.monotonic(), 0
    while True:
        if q.execute("query-balloon")["actual"] == want:
            return n, time.monotonic() - t0
        left = timeout - (time.monotonic() - t0)
        ev = q.wait_event("BALLOON_CHANGE", max(left, 0.1))
        n += 1
        if ev["data"]["actual"] == want:
            return n, time.monotonic() - t0


def helper_binary(name):
    """tests/guest/NAME.c compiled static into the cache: memfill (test-hotplug's
    helper, for the deflate-on-oom allocation) and balloon-hostile."""
    out = guestlib.cache_root() / "bin" / name
    src = HERE / (name + ".c")
    if not out.exists() or out.stat().st_mtime < src.stat().st_mtime:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = "%s.%d.tmp" % (out, os.getpid())
        subprocess.run(["gcc", "-static", "-O2", "-Wall", "-o", tmp, str(src)], check=True)
        os.replace(tmp, out)
    return out


def irq_counts(f):
    """/proc/interrupts lines of the balloon: {name: count on CPU 0}."""
    out = {}
    for line in f.get("irq", []):
        t = line.split()
        if len(t) > 2:
            out[t[-1]] = int(t[1])
    return out


def device_checks(tap, vm, name, msix):
    with Section(tap, "%s: device" % name, vm) as s:
        f = facts(vm, "pci")
        devs = {d.split()[0]: d.split() for d in f.get("pcidev", [])}
        b = devs.get("0000:00:02.0")
        s.ok(b is not None and b[1:3] == ["0x1af4", "0x1045"],
             "1af4:1045 at 00:02.0", f.get("pcidev"))
        s.ok(b is not None and b[4] == "virtio-pci", "the virtio-pci driver binds it", b)
        bar = [int(x, 16) for x in f.get("bar0", ["0 0 0"])[0].split()]
        start, end, flags = bar
        s.ok(end - start + 1 == BAR_SIZE and flags & 0x00100000,
             "BAR0 is %d KiB of 64-bit memory (0x%x-0x%x flags 0x%x)"
             % (BAR_SIZE >> 10, start, end, flags))
        s.ok(start >= RESERVED_MEMORY_END,
             "BAR0 0x%x is at or above etc/reserved-memory-end 0x%x"
             % (start, RESERVED_MEMORY_END))
        windows = []
        for w in f.get("window", []):
            m = re.match(r"\s*([0-9a-f]+)-([0-9a-f]+) : PCI Bus 0000:00", w)
            if m:
                windows.append((int(m.group(1), 16), int(m.group(2), 16)))
        inside = [w for w in windows if w[0] <= start and end <= w[1] and w[0] >= 4 * GiB]
        s.ok(bool(inside), "BAR0 lies in the host bridge's 64-bit _CRS window", windows)
        virtio = [v.split() for v in f.get("virtio", [])]
        s.ok(len(virtio) == 1 and virtio[0][1] == "0x0005" and
             virtio[0][2] == "virtio_balloon",
             "virtio device 5 is bound by virtio_balloon", virtio)
        s.ok(len(virtio) == 1 and int(virtio[0][3], 16) & 0x0f == 0x0f and
             not int(virtio[0][3], 16) & 0x40,
             "device status ACK|DRIVER|FEATURES_OK|DRIVER_OK, not NEEDS_RESET", virtio)
        irq = f.get("irq", [])
        if msix:
            names = sorted(irq_counts(f))
            s.ok(all("PCI-MSI" in l for l in irq) and
                 names == ["virtio0-config", "virtio0-deflate", "virtio0-inflate",
                           "virtio0-stats"],
                 "MSI-X: one vector for config and one per queue", irq)
        else:
            s.ok(len(irq) == 1 and "IO-APIC" in irq[0] and "fasteoi" in irq[0],
                 "pci=nomsi: one INTx line, level-triggered on the IO-APIC", irq)
        return irq_counts(f)


def dmesg_clean(tap, vm, after):
    with Section(tap, "dmesg", vm) as s:
        pat = (guestlib.BAD_DMESG + "|" + BAD_PCI).replace(" ", ".")
        got = vm.command("dmesg %s" % pat, 60)
        bad = [m.value for m in got if m.key == "dmesg"]
        s.ok(not bad, "no ACPI, PCI resource or virtio complaint %s" % after, "\n".join(bad))


def start(tap, name, argv, verbose):
    """Boots argv; returns (vm, qmp) or (vm, None) after a failed boot."""
    log = guestlib.cache_root() / "logs" / ("test-balloon-%s.log" % name)
    log.parent.mkdir(parents=True, exist_ok=True)
    qmp_path = argv[argv.index("-qmp") + 1].split(",")[0][len("unix:"):]
    vm = Vmm(argv, log_path=log, echo=verbose)
    with Section(tap, "%s: boot" % name, vm) as s:
        t0 = time.monotonic()
        vm.start()
        vm.wait_marker("init", 240)
        vm.wait_marker("modules", 120)
        q = QMP(qmp_path)
        s.ok(True, "guest up with virtio_pci + virtio_balloon loaded, QMP connected "
             "(%.1f s)" % (time.monotonic() - t0))
        return vm, q
    return vm, None


def poweroff(tap, name, vm):
    with Section(tap, "%s: poweroff" % name, vm) as s:
        vm.wait_marker("ready", 60)
        vm.send("poweroff\n")
        s.ok(vm.wait_exit(30) == 0, "poweroff ends hotmem with status 0")
