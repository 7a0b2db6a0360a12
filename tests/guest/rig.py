#!/usr/bin/env python3
"""Run a command where /dev/kvm is fast.

    rig.py run [--timeout S] -- CMD ARGS...   run CMD, exit with its status
    rig.py probe                              print the /dev/kvm speed and mode

Mode (HOTMEM_RIG=direct|outer overrides the choice):
  direct  /dev/kvm exists and runs a tiny guest loop (kvm-speed.c) faster than
          HOTMEM_RIG_MIN_SPEED iterations/s (default 20e6): CMD runs here.
  outer   otherwise: a QEMU TCG "outer" VM (-cpu max, so it has AMD SVM with
          nested paging) boots Debian's kernel, loads kvm-amd, mounts this
          host's / read-only over virtio-9p plus the hotmem cache, the
          checkout and the cwd writable at their own paths, chroots there and
          runs CMD with a working /dev/kvm.  CMD's stdout/stderr are streamed
          back over the serial ports; its status comes back in a marker line.
          The outer kernel's own console is a third port that goes to a log
          file (<cache>/rig/last-kernel.log), never to the terminal.

Other variables: HOTMEM_RIG_TIMEOUT (s, default 3600), HOTMEM_RIG_MEM (outer VM
RAM, default 6G), HOTMEM_RIG_SMP (outer vCPUs, default 1), HOTMEM_RIG_ACCEL
(outer -accel, default tcg,thread=multi),
HOTMEM_RIG_SHARE (extra writable paths, ':'-separated), HOTMEM_RIG_VERBOSE=1
(print the outer VM's boot console), HOTMEM_QEMU (qemu-system-x86_64 binary).
Exit status: CMD's, or 124 on timeout, 125 when the rig itself failed.
"""

import argparse
import hashlib
import os
import re
import secrets
import select
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
import guestlib  # noqa: E402

RIG_TIMEOUT = 124
RIG_FAILED = 125

OUTER_MODULES = ["irqbypass", "ccp", "kvm", "kvm_amd",
                 "virtio_ring", "virtio", "virtio_pci_modern_dev",
                 "virtio_pci_legacy_dev", "virtio_pci", "netfs", "fscache",
                 "9pnet", "9pnet_virtio", "9p"]

# Variables that cross into the outer VM's chroot.
PASS_ENV = {"PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TERM",
            "TZ", "CI", "CC", "CFLAGS", "LDFLAGS", "MAKEFLAGS", "SHELL"}
PASS_ENV_PREFIXES = ("HOTMEM_", "XDG_", "LC_", "PYENV", "PYTHON")

NINEP = "trans=virtio,version=9p2000.L,msize=512000"

# Outer kernel log lines worth a word on the terminal (the log keeps the rest).
KERNEL_TROUBLE = re.compile(rb"Kernel panic|BUG:|Oops|general protection|"
                            rb"blocked for more than|Out of memory")

# /init of the outer VM.  /ctl (tag hmctl) holds `conf` (TOKEN), `mounts`
# ("tag path" lines: writable shares) and `cmd.sh`.  The command's stdout goes
# to ttyS0, its stderr to ttyS1; the status follows on ttyS0 in a line only
# the host knows to look for.
OUTER_INIT = r"""#!/bin/sh
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
exec </dev/null >/dev/ttyS0 2>&1
fail() { echo "HOTMEM-RIG-FAIL: $*"; poweroff -f; }
while read -r m; do
    insmod "/lib/modules/$m" || fail "insmod $m"
done </lib/modules/order
O9="@NINEP@"
mkdir -p /ctl /newroot
mount -t 9p -o "$O9" hmctl /ctl || fail "mount hmctl"
. /ctl/conf
R=/newroot
mount -t 9p -o "$O9,ro,cache=loose" hostroot $R || fail "mount hostroot"
mount -t tmpfs -o mode=1777 tmpfs $R/tmp || fail "tmpfs /tmp"
mount -t tmpfs -o mode=755 tmpfs $R/run
[ -d $R/var/tmp ] && mount -t tmpfs -o mode=1777 tmpfs $R/var/tmp
mount -t devtmpfs devtmpfs $R/dev || fail "devtmpfs"
mkdir -p $R/dev/pts $R/dev/shm
mount -t devpts devpts $R/dev/pts
mount -t tmpfs -o mode=1777 tmpfs $R/dev/shm
mount -t proc proc $R/proc
mount -t sysfs sysfs $R/sys
while read -r tag path; do
    mkdir -p "$R$path" 2>/dev/null
    mount -t 9p -o "$O9,cache=mmap" "$tag" "$R$path" || fail "mount $path"
done </ctl/mounts
mkdir -p $R/tmp/.hotmem-rig && mount --bind /ctl $R/tmp/.hotmem-rig
[ -c $R/dev/kvm ] || fail "no /dev/kvm in the outer VM"
stty -F /dev/ttyS0 -opost -echo 2>/dev/null
stty -F /dev/ttyS1 -opost -echo 2>/dev/null
# loopback for scenarios that talk TCP to themselves (migration)
ip link set lo up 2>/dev/null || ifconfig lo 127.0.0.1 up 2>/dev/null
echo "HOTMEM-RIG-START-$TOKEN"
chroot $R /bin/sh /tmp/.hotmem-rig/cmd.sh </dev/null >/dev/ttyS0 2>/dev/ttyS1
st=$?
sync
echo "HOTMEM-RIG-EXIT-$TOKEN=$st"
poweroff -f
""".replace("@NINEP@", NINEP)


def log(msg):
    print("rig: " + msg, file=sys.stderr, flush=True)


# -- choosing the mode -------------------------------------------------------

def kvm_speed():
    """Loop iterations/s of a tiny guest on /dev/kvm, or None if unusable."""
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        return None
    src = HERE / "kvm-speed.c"
    digest = hashlib.sha256(src.read_bytes()).hexdigest()[:12]
    exe = guestlib.cache_root() / "bin" / ("kvm-speed-" + digest)
    if not exe.exists():
        exe.parent.mkdir(parents=True, exist_ok=True)
        tmp = exe.with_name(exe.name + ".%d" % os.getpid())
        cc = os.environ.get("CC", "gcc")
        res = subprocess.run([cc, "-O2", "-o", str(tmp), str(src)],
                             capture_output=True, text=True)
        if res.returncode != 0:
            log("cannot build kvm-speed: %s" % res.stderr.strip())
            return None
        os.replace(tmp, exe)
    try:
        res = subprocess.run([str(exe), "10000000", "2000"],
                             capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        return 0.0
    m = re.search(r"iters_per_sec=(\d+)", res.stdout)
    if res.returncode != 0 or not m:
        log("kvm-speed: %s" % (res.stderr.strip() or res.stdout.strip()))
        return None
    return float(m.group(1))


def choose_mode():
    forced = os.environ.get("HOTMEM_RIG", "")
    if forced in ("direct", "outer"):
        return forced, "HOTMEM_RIG=%s" % forced
    if forced:
        raise SystemExit("rig: HOTMEM_RIG must be direct or outer, not %r"
                         % forced)
    speed = kvm_speed()
    need = float(os.environ.get("HOTMEM_RIG_MIN_SPEED", "20e6"))
    if speed is None:
        return "outer", "no usable /dev/kvm"
    why = "/dev/kvm runs %.1f M iterations/s" % (speed / 1e6)
    return ("direct" if speed >= need else "outer"), why


# -- direct ------------------------------------------------------------------

def run_direct(cmd, timeout):
    env = dict(os.environ, HOTMEM_RIG="direct")
    proc = subprocess.Popen(cmd, env=env)
    try:
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        log("timeout after %d s: killing pid %d" % (timeout, proc.pid))
        return RIG_TIMEOUT
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


# -- outer VM ----------------------------------------------------------------

def outer_initramfs(files):
    return guestlib.build_initramfs(
        OUTER_INIT, guestlib.module_adds(OUTER_MODULES,
                                         files["HOTMEM_GUEST_MODULES"]),
        name="rig-outer", busybox=files["HOTMEM_GUEST_BUSYBOX"],
        outdir=guestlib.cache_root() / "rig")


def writable_shares():
    """Paths shared writable at their own path: the cache, the checkout, the
    cwd and HOTMEM_RIG_SHARE; nested ones are covered by their parent."""
    want = [guestlib.cache_root(), REPO, Path.cwd()]
    want += [Path(p) for p in os.environ.get("HOTMEM_RIG_SHARE", "").split(":")
             if p]
    paths = []
    for p in want:
        p = p.resolve()
        if str(p) == "/" or "\n" in str(p):
            continue
        if not p.is_dir():
            raise SystemExit("rig: cannot share %s: not a directory" % p)
        paths.append(p)
    paths.sort(key=lambda p: len(p.parts))
    kept = []
    for p in paths:
        if not any(p == k or k in p.parents for k in kept):
            kept.append(p)
    return kept


def passed_env():
    env = {k: v for k, v in os.environ.items()
           if k in PASS_ENV or k.startswith(PASS_ENV_PREFIXES)}
    env["HOTMEM_RIG"] = "direct"       # nested rig.py calls run in place
    env["HOTMEM_RIG_INSIDE"] = "outer"
    return env


def write_ctl(ctl, token, shares, cmd):
    (ctl / "conf").write_text("TOKEN=%s\n" % token)
    (ctl / "mounts").write_text("".join("hm%d %s\n" % (i, p)
                                        for i, p in enumerate(shares)))
    lines = ["export %s=%s" % (k, shlex.quote(v))
             for k, v in sorted(passed_env().items())
             if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", k)]
    lines.append("cd %s || exit 125" % shlex.quote(os.getcwd()))
    lines.append("exec " + " ".join(shlex.quote(a) for a in cmd))
    (ctl / "cmd.sh").write_text("\n".join(lines) + "\n")


def qemu_argv(files, initrd, ctl, shares):
    mem = os.environ.get("HOTMEM_RIG_MEM", "6G")
    # One outer vCPU: with two, about one inner boot in 20 hung for good
    # (nested SVM on multi-threaded TCG); with one, none in 60, same speed.
    smp = os.environ.get("HOTMEM_RIG_SMP", "1")
    argv = [os.environ.get("HOTMEM_QEMU", "qemu-system-x86_64"),
            "-accel", os.environ.get("HOTMEM_RIG_ACCEL", "tcg,thread=multi"),
            "-cpu", "max", "-smp", smp,
            "-m", mem, "-nodefaults", "-no-user-config", "-display", "none",
            "-no-reboot", "-kernel", files["HOTMEM_GUEST_KERNEL"],
            "-initrd", str(initrd),
            "-append", "console=ttyS2 quiet panic=-1 mitigations=off",
            # ttyS0: /init's messages, the command's stdout and the markers;
            # ttyS1: the command's stderr; ttyS2: the kernel console only
            # (kvm's "Unhandled WRMSR" at each inner boot, ...), kept in a
            # log file. No process opens ttyS2, so its IRQ (4, as ttyS0's)
            # is never requested: the console driver polls.
            "-chardev", "pipe,id=s0,path=%s" % (ctl / "ttyS0"),
            "-serial", "chardev:s0",
            "-chardev", "pipe,id=s1,path=%s" % (ctl / "ttyS1"),
            "-serial", "chardev:s1",
            "-chardev", "pipe,id=s2,path=%s" % (ctl / "ttyS2"),
            "-serial", "chardev:s2",
            "-virtfs", "local,path=/,mount_tag=hostroot,security_model=none,"
                       "readonly=on,multidevs=remap",
            "-virtfs", "local,path=%s,mount_tag=hmctl,security_model=none"
                       % ctl]
    for i, p in enumerate(shares):
        argv += ["-virtfs", "local,path=%s,mount_tag=hm%d,security_model=none,"
                            "multidevs=remap" % (p, i)]
    return argv


class ConsoleFilter:
    """Splits ttyS0 into the boot log (until the start marker), the command's
    stdout (streamed) and the exit marker (parsed, never printed)."""

    def __init__(self, token, out):
        self.start = ("HOTMEM-RIG-START-%s\n" % token).encode()
        self.exit_re = re.compile(
            ("HOTMEM-RIG-EXIT-%s=(\\d+)\n" % token).encode())
        self.exit_prefix = ("HOTMEM-RIG-EXIT-%s=" % token).encode()
        self.fail_re = re.compile(rb"HOTMEM-RIG-FAIL: [^\n]*")
        self.out = out
        self.boot = b""
        self.boot_shown = 0
        self.buf = b""
        self.started_at = None
        self.status = None
        self.failure = None

    def feed(self, data):
        """Returns the part of data that belongs to the boot log."""
        if self.status is not None:
            return b""
        boot_part = b""
        if self.started_at is None:
            self.boot += data
            m = self.fail_re.search(self.boot)
            if m:
                self.failure = m.group(0).decode(errors="replace")
            i = self.boot.find(self.start)
            # Until the marker is whole, hold back what could begin it.
            end = i if i >= 0 else max(self.boot_shown,
                                       len(self.boot) - len(self.start))
            boot_part = self.boot[self.boot_shown:end]
            self.boot_shown = end
            if i < 0:
                return boot_part
            self.started_at = time.monotonic()
            data = self.boot[i + len(self.start):]
            self.boot = self.boot[:i]
        self.buf += data
        m = self.exit_re.search(self.buf)
        if m:
            self._emit(self.buf[:m.start()])
            self.status = int(m.group(1))
            self.buf = b""
            return boot_part
        # Hold back what could be the start of the exit marker.
        keep = 0
        for n in range(min(len(self.buf), len(self.exit_prefix) + 4), 0, -1):
            tail = self.buf[-n:]
            if self.exit_prefix.startswith(tail) or \
                    tail.startswith(self.exit_prefix):
                keep = n
                break
        self._emit(self.buf[:len(self.buf) - keep])
        self.buf = self.buf[len(self.buf) - keep:]
        return boot_part

    def _emit(self, data):
        if data:
            self.out.write(data)
            self.out.flush()


def pump(path, sink, qemu_gone):
    """Copy what the guest writes to a QEMU pipe chardev (its .out FIFO) into
    sink, until QEMU has exited and the FIFO is drained.  Opened read-write,
    so neither side blocks in open() and EOF never comes early."""
    fd = os.open(path, os.O_RDWR | os.O_NONBLOCK)
    try:
        while True:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    data = os.read(fd, 65536)
                except BlockingIOError:
                    data = b""
                if data:
                    sink(data)
                    continue
            if qemu_gone.is_set():
                break
    finally:
        os.close(fd)


def run_outer(cmd, timeout):
    t_begin = time.monotonic()
    files = guestlib.guest_files()
    initrd = outer_initramfs(files)
    shares = writable_shares()
    rigdir = guestlib.cache_root() / "rig"
    rigdir.mkdir(parents=True, exist_ok=True)
    ctl = Path(tempfile.mkdtemp(prefix="run-", dir=rigdir))
    token = secrets.token_hex(8)
    proc = None
    qemu_gone = threading.Event()
    verbose = os.environ.get("HOTMEM_RIG_VERBOSE") == "1"
    # streamed while the VM runs (a hang still leaves it), renamed at the end
    kernel_log_tmp = rigdir / ("kernel-%s.log" % token)
    kernel_log_path = rigdir / "last-kernel.log"
    kernel_log = None
    try:
        write_ctl(ctl, token, shares, cmd)
        for name in ("ttyS0", "ttyS1", "ttyS2"):
            # QEMU writes guest output to NAME.out and reads NAME.in.
            os.mkfifo(ctl / (name + ".out"))
            os.mkfifo(ctl / (name + ".in"))
        argv = qemu_argv(files, initrd, ctl, shares)
        if verbose:
            log("outer VM: " + " ".join(shlex.quote(a) for a in argv))
        out = sys.stdout.buffer
        filt = ConsoleFilter(token, out)
        lock = threading.Lock()

        def on_ttys0(data):
            with lock:
                was_started = filt.started_at is not None
                boot_part = filt.feed(data)
                if verbose and boot_part:
                    sys.stderr.buffer.write(boot_part)
                    sys.stderr.flush()
                if not was_started and filt.started_at is not None:
                    log("outer VM booted in %.1f s; running %s"
                        % (filt.started_at - t_qemu, shlex.join(cmd)))

        early_stderr = bytearray()

        def on_ttys1(data):
            with lock:
                if filt.started_at is None:
                    early_stderr.extend(data)
                    if not verbose:
                        return
            sys.stderr.buffer.write(data)
            sys.stderr.flush()

        kernel_log = open(kernel_log_tmp, "wb")

        def on_ttys2(data):
            if kernel_log.closed:           # a pump that outlived its join
                return
            kernel_log.write(data)
            kernel_log.flush()
            if verbose:
                with lock:
                    sys.stderr.buffer.write(data)
                    sys.stderr.flush()

        threads = [threading.Thread(target=pump, daemon=True,
                                    args=(ctl / (n + ".out"), sink, qemu_gone))
                   for n, sink in (("ttyS0", on_ttys0), ("ttyS1", on_ttys1),
                                   ("ttyS2", on_ttys2))]
        for t in threads:
            t.start()
        t_qemu = time.monotonic()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                                stdout=sys.stderr, stderr=sys.stderr)
        deadline = t_qemu + timeout
        timed_out = False
        while proc.poll() is None:
            if filt.status is not None or filt.failure:
                # The guest powers off right after the marker.
                try:
                    proc.wait(15)
                except subprocess.TimeoutExpired:
                    log("outer VM did not power off: killing pid %d"
                        % proc.pid)
                break
            if time.monotonic() > deadline:
                timed_out = True
                log("timeout after %d s: killing outer VM (pid %d)"
                    % (timeout, proc.pid))
                break
            time.sleep(0.1)
        kill(proc)
        qemu_gone.set()
        for t in threads:
            t.join(5)
        with lock:
            filt._emit(filt.buf)
        kernel_log.close()
        os.replace(kernel_log_tmp, kernel_log_path)
        trouble = [ln for ln in kernel_log_path.read_bytes().splitlines()
                   if KERNEL_TROUBLE.search(ln)]
        if trouble:
            log("the outer kernel reported %d problem line(s), first: %s (see %s)"
                % (len(trouble), trouble[0].decode(errors="replace").strip(),
                   kernel_log_path))
        t_end = time.monotonic()
        if filt.started_at is None:
            boot_log = (kernel_log_path.read_bytes() + b"\n--- ttyS1 ---\n" +
                        bytes(early_stderr) + b"\n--- /init ---\n" + filt.boot)
            (rigdir / "last-boot.log").write_bytes(boot_log)
            if not verbose:
                sys.stderr.buffer.write(boot_log[-8000:])
            log("outer VM %s before running the command (boot log: %s)"
                % (filt.failure or "stopped (status %s)" % proc.returncode,
                   rigdir / "last-boot.log"))
            return RIG_TIMEOUT if timed_out else RIG_FAILED
        if filt.status is None:
            log("no exit status from the outer VM (%s); outer kernel log: %s"
                % ("timeout" if timed_out else "QEMU exited %s"
                   % proc.returncode, kernel_log_path))
            return RIG_TIMEOUT if timed_out else RIG_FAILED
        log("command exited %d; outer VM boot %.1f s, command %.1f s, "
            "total %.1f s; outer kernel log: %s"
            % (filt.status, filt.started_at - t_qemu, t_end - filt.started_at,
               t_end - t_begin, kernel_log_path))
        return filt.status
    finally:
        if proc is not None:
            kill(proc)
        qemu_gone.set()
        if kernel_log is not None:
            kernel_log.close()
        if kernel_log_tmp.exists():
            os.replace(kernel_log_tmp, kernel_log_path)
        shutil.rmtree(ctl, ignore_errors=True)


def kill(proc):
    """Kill a process we started (by its PID) and reap it."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(3)
        except subprocess.TimeoutExpired:
            proc.kill()
    proc.wait()


def run(cmd, timeout=None, mode=None):
    """Run cmd (argv list) where /dev/kvm is fast; returns its exit status."""
    if timeout is None:
        timeout = float(os.environ.get("HOTMEM_RIG_TIMEOUT", "3600"))
    why = "requested"
    if mode is None:
        mode, why = choose_mode()
    log("mode %s (%s)" % (mode, why))
    guestlib.install_sigterm_handler()
    if mode == "direct":
        return run_direct(cmd, timeout)
    return run_outer(cmd, timeout)


def main():
    ap = argparse.ArgumentParser(
        description="Run a command where /dev/kvm is fast.",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    sub = ap.add_subparsers(dest="what", required=True)
    r = sub.add_parser("run", help="run a command")
    r.add_argument("--timeout", type=float, default=None,
                   help="seconds (default HOTMEM_RIG_TIMEOUT or 3600)")
    r.add_argument("cmd", nargs=argparse.REMAINDER)
    sub.add_parser("probe", help="measure /dev/kvm and print the mode")
    args = ap.parse_args()
    if args.what == "probe":
        speed = kvm_speed()
        print("kvm_iters_per_sec=%s" % ("none" if speed is None
                                        else "%.0f" % speed))
        print("mode=%s" % choose_mode()[0])
        return 0
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd:
        ap.error("run: no command given")
    try:
        return run(cmd, args.timeout)
    except KeyboardInterrupt:
        log("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
