"""Firmware time seen from the host kernel: KVM tracepoints in a private
tracefs instance.

Neither SeaBIOS nor the guest kernel tells when QEMU's firmware hands over
to Linux, so the bench watches the VMM's vCPUs from the (outer) kernel:

- ``kvm:kvm_entry`` (every VM entry, with the guest RIP) and
- ``kvm:kvm_pio`` filtered on the fw_cfg ports 0x510-0x51b,

recorded with ``trace_clock=mono`` so that the timestamps are
CLOCK_MONOTONIC, the clock of Python's time.monotonic().  Then, for the
VMM's own threads:

    reset        = the first VM entry (the vCPU starts at the reset vector)
    kernel entry = the last fw_cfg access before the first VM entry at a
                   64-bit kernel address (>= 0xffffffff80000000)

Both firmwares load the kernel with fw_cfg DMA and jump to it right after
the last transfer; the kernel itself does not touch fw_cfg before it runs at
its virtual address.  The tracepoints cost a few microseconds per VM exit,
against ~1 ms for the exit itself in the nested rig.

Used only when tracefs is writable (root): inside the rig's outer VM it is
mounted on demand; on a direct host an already mounted tracefs is used and
nothing is mounted.  The instance is removed afterwards.
"""

import os
import re
from pathlib import Path

FW_CFG_FIRST, FW_CFG_LAST = 0x510, 0x51b
KERNEL_VA = 0xffffffff80000000
TRACEFS_CANDIDATES = ("/sys/kernel/tracing", "/sys/kernel/debug/tracing")

LINE_RE = re.compile(r"^\s*(.+?)-(\d+)\s+\[\d+\]\s+\S+\s+([0-9.]+):\s+"
                     r"(kvm_entry|kvm_pio):\s+(.*)$")
RIP_RE = re.compile(r"rip 0x([0-9a-f]+)")
PORT_RE = re.compile(r"at 0x([0-9a-f]+)")


class TraceUnavailable(Exception):
    pass


def _tracefs_root():
    for cand in TRACEFS_CANDIDATES:
        if os.path.isdir(os.path.join(cand, "instances")):
            return Path(cand)
    if os.environ.get("HOTMEM_RIG_INSIDE") == "outer" and os.geteuid() == 0:
        # The rig's outer VM is ours: mounting tracefs there is harmless.
        root = Path(TRACEFS_CANDIDATES[0])
        if root.is_dir():
            rc = os.system("mount -t tracefs nodev %s 2>/dev/null" % root)
            if rc == 0 and (root / "instances").is_dir():
                return root
    raise TraceUnavailable("tracefs is not mounted (or not writable: "
                           "needs root)")


class KvmTrace:
    """One tracing session around one VMM boot."""

    def __init__(self, name):
        self.root = _tracefs_root()
        if not (self.root / "events" / "kvm" / "kvm_entry").is_dir():
            raise TraceUnavailable("the kernel has no kvm tracepoints "
                                   "(kvm module not loaded?)")
        self.dir = self.root / "instances" / name
        try:
            self.dir.mkdir()
        except OSError as e:
            raise TraceUnavailable("cannot create tracefs instance %s: %s"
                                   % (self.dir, e))
        self.text = None
        try:
            self._w("tracing_on", "0")
            self._w("trace_clock", "mono")
            self._w("buffer_size_kb", "16384")
            self._w("events/kvm/kvm_pio/filter",
                    "port >= %d && port <= %d" % (FW_CFG_FIRST, FW_CFG_LAST))
            self._w("events/kvm/kvm_pio/enable", "1")
            self._w("events/kvm/kvm_entry/enable", "1")
        except OSError as e:
            self.close()
            raise TraceUnavailable("tracefs instance setup: %s" % e)

    def _w(self, rel, value):
        with open(self.dir / rel, "w") as f:
            f.write(value)

    def start(self):
        self._w("tracing_on", "1")

    def stop(self):
        """Stop recording and keep the text; safe to call twice."""
        if self.text is None:
            try:
                self._w("tracing_on", "0")
                self.text = (self.dir / "trace").read_text(errors="replace")
            except OSError as e:
                self.text = ""
                raise TraceUnavailable("reading the trace: %s" % e)
        return self.text

    def close(self):
        try:
            self._w("tracing_on", "0")
            self._w("events/kvm/kvm_entry/enable", "0")
            self._w("events/kvm/kvm_pio/enable", "0")
        except OSError:
            pass
        try:
            self.dir.rmdir()
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def firmware_window(text, tids):
    """(reset_s, kernel_entry_s) in CLOCK_MONOTONIC seconds from the trace
    text, for the threads `tids`; raises TraceUnavailable with the reason
    when the trace does not show both."""
    reset = None
    last_fwcfg = None
    kernel = None
    lost = "LOST" in text[:4096] or "lost events" in text
    for line in text.splitlines():
        m = LINE_RE.match(line)
        if not m or int(m.group(2)) not in tids:
            continue
        ts, ev, rest = float(m.group(3)), m.group(4), m.group(5)
        if ev == "kvm_entry":
            if reset is None:
                reset = ts
            r = RIP_RE.search(rest)
            if r and int(r.group(1), 16) >= KERNEL_VA:
                kernel = ts
                break
        else:
            p = PORT_RE.search(rest)
            if p and FW_CFG_FIRST <= int(p.group(1), 16) <= FW_CFG_LAST:
                last_fwcfg = ts
    if reset is None:
        raise TraceUnavailable("no VM entry of the VMM's threads in the "
                               "trace%s" % (" (events lost)" if lost else ""))
    if kernel is None:
        raise TraceUnavailable("the trace never shows the vCPU at a kernel "
                               "address%s" % (" (events lost)" if lost
                                              else ""))
    if last_fwcfg is None:
        raise TraceUnavailable("no fw_cfg access before the kernel ran")
    return reset, last_fwcfg
