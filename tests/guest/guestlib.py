"""Helpers for guest scenarios that run inside the rig (where /dev/kvm is fast).

- guest_files(): the cached Debian kernel, busybox and modules (fetches once).
- build_initramfs(): a busybox initramfs around an init script, cached by content.
- init_script(): a guest /init made of INIT_PRELUDE (mounts, the `hm` marker
  helper, a console command loop) and the scenario's own shell code.
- Vmm: one VMM process (hotmem or QEMU) with its serial console on a pipe or
  a file; waits for `HM:key=value` markers, sends console input, waits for the
  exit, and always kills and reaps the process (context manager).
- QMP: a small QMP client (unix socket) for hotplug scenarios.
- Tap: TAP output where a skip is a failure.
"""

import codecs
import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import mkinitramfs  # noqa: E402

MARKER_RE = re.compile(r"HM:([A-Za-z0-9_.-]+)(?:=(.*))?")
# Console text that means the guest is dead: stop waiting at once.
DEFAULT_FAIL_PATTERNS = (r"Kernel panic - not syncing", r"BUG: kernel NULL",
                         r"end Kernel panic")


def cache_root():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache")
    return Path(base) / "hotmem"


_guest_files = None


def guest_files():
    """Run fetch-guest.py once per process; returns a dict of paths
    (HOTMEM_GUEST_KERNEL, HOTMEM_GUEST_BUSYBOX, HOTMEM_GUEST_MODULES, ...)."""
    global _guest_files
    if _guest_files is None:
        out = subprocess.run([sys.executable, str(HERE / "fetch-guest.py"),
                              "--json"], check=True, capture_output=True,
                             text=True)
        _guest_files = json.loads(out.stdout)
    return _guest_files


def module_order(names, modules_dir=None):
    """Module files (absolute paths) for `names` and their dependencies, in
    an order insmod can load them."""
    mdir = Path(modules_dir or guest_files()["HOTMEM_GUEST_MODULES"])
    index = json.loads((mdir / "index.json").read_text())
    order, seen = [], set()

    def visit(name, chain):
        name = name.replace("-", "_")
        if name in seen:
            return
        if name in chain:
            raise ValueError("module dependency loop: %s" % " -> ".join(chain))
        if name not in index:
            raise KeyError("module %s is not in %s (add it to WANTED_MODULES "
                           "in fetch-guest.py)" % (name, mdir))
        for dep in index[name]["depends"]:
            visit(dep, chain + [name])
        seen.add(name)
        order.append(mdir / index[name]["path"])

    for n in names:
        visit(n, [])
    return order


def module_adds(names, modules_dir=None):
    """--add pairs putting `names` (plus dependencies) in /lib/modules and
    their load order in /lib/modules/order (read by hm_load_modules)."""
    files = module_order(names, modules_dir)
    adds = [(str(f), "/lib/modules/" + f.name) for f in files]
    adds.append((("\n".join(f.name for f in files) + "\n").encode(),
                 "/lib/modules/order"))
    return adds


def _digest_adds(h, adds):
    for src, guest in adds:
        h.update(guest.encode() + b"\0")
        if isinstance(src, bytes):
            h.update(src)
        else:
            for p in sorted([Path(src)] + list(Path(src).rglob("*"))):
                st = p.stat()
                h.update(("%s %d %d\0" % (p, st.st_size, st.st_mtime_ns))
                         .encode())


def build_initramfs(init_text, adds=(), name="initramfs", busybox=None,
                    outdir=None):
    """Build (or reuse) an initramfs; returns its path.  Cached under
    <cache>/build by a digest of everything that goes in."""
    bb = Path(busybox or guest_files()["HOTMEM_GUEST_BUSYBOX"])
    h = hashlib.sha256()
    h.update(init_text.encode() if isinstance(init_text, str) else init_text)
    _digest_adds(h, [(str(bb), "/bin/busybox")] + list(adds))
    outdir = Path(outdir or cache_root() / "build")
    outdir.mkdir(parents=True, exist_ok=True)
    out = outdir / ("%s-%s.img" % (name, h.hexdigest()[:16]))
    if not out.exists():
        mkinitramfs.build(out, init_text, bb, adds)
    return out


# The guest side.  `hm KEY VALUE` prints a marker line; hm_serve reads
# commands from the console and runs the shell function cmd_<name> for each,
# reporting HM:done=<name> <status>.  The host drives it with Vmm.command().
INIT_PRELUDE = r"""#!/bin/sh
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
# devtmpfs has neither of these
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
exec </dev/console >/dev/console 2>&1
stty -echo -opost 2>/dev/null

hm() { echo "HM:$1=$2"; }
hm_load_modules() {
    [ -f /lib/modules/order ] || return 0
    while read -r m; do
        insmod "/lib/modules/$m" || hm error "insmod $m failed"
    done </lib/modules/order
}
hm_serve() {
    while :; do
        hm ready "$(cut -d' ' -f1 /proc/uptime)"
        if ! read -r cmd args; then
            hm error "console closed"; sleep 1; continue
        fi
        [ -n "$cmd" ] || continue
        if type "cmd_$cmd" >/dev/null 2>&1; then
            "cmd_$cmd" $args
            hm done "$cmd $?"
        else
            hm done "$cmd 127"
        fi
    done
}
cmd_poweroff() { hm poweroff 1; sync; poweroff -f; }
cmd_reboot() { hm reboot 1; sync; reboot -f; }
cmd_sh() { eval "$*"; }

hm init "$(cut -d' ' -f1 /proc/uptime)"
"""


def init_script(body, serve=True):
    """Guest /init: the prelude, the scenario's `body` (shell), then the
    command loop (unless serve=False; then body must end the boot)."""
    text = INIT_PRELUDE + "\n" + body.rstrip() + "\n"
    if serve:
        text += "hm_serve\n"
    return text


# dmesg lines that mean the firmware or its ACPI tables are wrong: every
# guest scenario asserts that the guest printed none.
BAD_DMESG = "ACPI Error|ACPI BIOS Error|ACPI Warning|FIRMWARE BUG|Firmware Bug"


class GuestError(Exception):
    """The guest or its VMM did not do what the scenario waited for."""


def _raise_stop(signum, frame):
    raise KeyboardInterrupt("signal %d" % signum)


def install_sigterm_handler():
    """Turn SIGTERM/SIGHUP into KeyboardInterrupt so that `with Vmm(...)`
    blocks still kill their VMM when the test is killed."""
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) == signal.SIG_DFL:
            signal.signal(sig, _raise_stop)


class Marker:
    __slots__ = ("key", "value", "t", "line")

    def __init__(self, key, value, t, line):
        self.key, self.value, self.t, self.line = key, value, t, line

    def __repr__(self):
        return "HM:%s=%s @%.2fs" % (self.key, self.value, self.t)


class Vmm:
    """A VMM process whose serial console we read.

    argv: the command.  console: "pipe" (stdin/stdout of the process are the
    serial console: hotmem -nographic, qemu -nographic) or a file path the VMM
    writes its serial output to (stdout/stderr then go to the stderr log).
    Times (marker.t, elapsed()) are seconds since the process started.
    """

    def __init__(self, argv, console="pipe", env=None, cwd=None,
                 log_path=None, fail_patterns=DEFAULT_FAIL_PATTERNS,
                 echo=False, pass_fds=()):
        self.argv = [str(a) for a in argv]
        self.pass_fds = tuple(pass_fds)   # descriptors the VMM inherits
        self.console_path = None if console == "pipe" else Path(console)
        self.env, self.cwd = env, cwd
        self.log_path = log_path
        self.fail_re = re.compile("|".join(fail_patterns)) if fail_patterns \
            else None
        self.echo = echo
        self.proc = None
        self.t0 = None
        self.markers = []
        self._mcursor = 0
        self._text = []          # console text chunks
        self._textlen = 0
        self._tcursor = 0        # for expect()
        self._partial = ""
        self._stderr = []
        self._cond = threading.Condition()
        self._threads = []
        self._eof = False
        self._failed = None
        self._logf = None

    # -- lifetime ---------------------------------------------------------
    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def start(self):
        install_sigterm_handler()
        if self.log_path:
            self._logf = open(self.log_path, "w", errors="replace")
        pipe = self.console_path is None
        if not pipe:
            self.console_path.unlink(missing_ok=True)
        self.t0 = time.monotonic()
        self.proc = subprocess.Popen(
            self.argv, stdin=subprocess.PIPE if pipe else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE if pipe else subprocess.STDOUT,
            env=self.env, cwd=self.cwd, pass_fds=self.pass_fds)
        if pipe:
            self._spawn(self._read_fd, self.proc.stdout, self._on_console)
            self._spawn(self._read_fd, self.proc.stderr, self._on_stderr)
        else:
            self._spawn(self._read_fd, self.proc.stdout, self._on_stderr)
            self._spawn(self._tail_file, self.console_path, self._on_console)

    def close(self):
        """Kill (TERM, then KILL after 3 s) and reap the process; idempotent."""
        if self.proc is None:
            return
        try:
            if self.proc.poll() is None:
                self.proc.terminate()
                try:
                    self.proc.wait(3)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
            self.proc.wait()
        finally:
            for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                if stream:
                    try:
                        stream.close()
                    except OSError:
                        pass
            with self._cond:
                self._eof = True
                self._cond.notify_all()
            for t in self._threads:
                t.join(2)
            if self._logf:
                self._logf.close()
                self._logf = None

    @property
    def pid(self):
        return self.proc.pid

    def elapsed(self):
        return time.monotonic() - self.t0

    # -- readers ----------------------------------------------------------
    def _spawn(self, fn, *args):
        t = threading.Thread(target=fn, args=args, daemon=True)
        t.start()
        self._threads.append(t)

    def _read_fd(self, stream, sink):
        dec = codecs.getincrementaldecoder("utf-8")("replace")
        fd = stream.fileno()
        while True:
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b""
            if not data:
                break
            sink(dec.decode(data))
        if sink == self._on_console:
            with self._cond:
                self._eof = True
                self._cond.notify_all()

    def _tail_file(self, path, sink):
        dec = codecs.getincrementaldecoder("utf-8")("replace")
        f = None
        while True:
            if f is None:
                try:
                    f = open(path, "rb")
                except FileNotFoundError:
                    f = None
            data = f.read(65536) if f else b""
            if data:
                sink(dec.decode(data))
                continue
            if self.proc.poll() is not None or self._eof:
                if f:
                    rest = f.read()
                    if rest:
                        sink(dec.decode(rest))
                break
            time.sleep(0.02)
        if f:
            f.close()
        with self._cond:
            self._eof = True
            self._cond.notify_all()

    def _on_stderr(self, text):
        with self._cond:
            self._stderr.append(text)
        if self.echo:
            sys.stderr.write(text)

    def _on_console(self, text):
        text = text.replace("\r", "")
        if self._logf:
            self._logf.write(text)
            self._logf.flush()
        if self.echo:
            sys.stderr.write(text)
        t = self.elapsed()
        with self._cond:
            self._text.append(text)
            self._textlen += len(text)
            lines = (self._partial + text).split("\n")
            self._partial = lines.pop()
            for line in lines:
                m = MARKER_RE.search(line)
                if m:
                    self.markers.append(Marker(m.group(1), m.group(2) or "",
                                               t, line))
                if self.fail_re and self._failed is None and \
                        self.fail_re.search(line):
                    self._failed = line
            self._cond.notify_all()

    # -- queries ----------------------------------------------------------
    @property
    def console(self):
        with self._cond:
            return "".join(self._text)

    @property
    def stderr(self):
        with self._cond:
            return "".join(self._stderr)

    def tail(self, n=40):
        """The last n console lines and the VMM's stderr, for messages."""
        lines = self.console.splitlines()[-n:]
        msg = "--- console (last %d lines) ---\n%s\n" % (n, "\n".join(lines))
        err = self.stderr.strip()
        if err:
            msg += "--- vmm stderr ---\n%s\n" % err[-4000:]
        return msg

    def _wait(self, pred, timeout, what):
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                r = pred()
                if r is not None:
                    return r
                if self._failed is not None:
                    raise GuestError("%s: guest failed: %s" % (what,
                                                                self._failed))
                if self._eof and self.proc.poll() is not None:
                    raise GuestError("%s: VMM exited with status %s"
                                     % (what, self.proc.returncode))
                left = deadline - time.monotonic()
                if left <= 0:
                    raise GuestError("%s: timed out after %.0f s"
                                     % (what, timeout))
                self._cond.wait(min(left, 0.5))

    def wait_marker(self, key, timeout=60.0):
        """The next marker `key` after the previous wait_marker() result
        (markers before it are skipped)."""
        def pred():
            for i in range(self._mcursor, len(self.markers)):
                if self.markers[i].key == key:
                    self._mcursor = i + 1
                    return self.markers[i]
            return None
        return self._wait(pred, timeout, "waiting for HM:%s" % key)

    def markers_since(self, index):
        with self._cond:
            return list(self.markers[index:])

    def expect(self, pattern, timeout=60.0):
        """Wait for a regex in the console text after the last expect()."""
        rx = re.compile(pattern)

        def pred():
            text = "".join(self._text)
            m = rx.search(text, self._tcursor)
            if m:
                self._tcursor = m.end()
                return m
            return None
        return self._wait(pred, timeout, "waiting for /%s/" % pattern)

    def send(self, text):
        if self.proc.stdin is None:
            raise GuestError("console is not a pipe: cannot send input")
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()

    def command(self, line, timeout=60.0):
        """Run a command of the guest's hm_serve loop (waits for HM:ready
        first); returns the markers the command printed, done excluded."""
        self.wait_marker("ready", timeout)
        with self._cond:
            start = len(self.markers)
        self.send(line + "\n")
        name = line.split()[0]
        done = self.wait_marker("done", timeout)
        got = self.markers_since(start)
        got = got[:got.index(done)] if done in got else got
        cmd, _, status = done.value.rpartition(" ")
        if cmd != name or status != "0":
            raise GuestError("guest command %r: done=%r" % (line, done.value))
        return got

    def wait_exit(self, timeout=30.0):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise GuestError("VMM still running %.0f s later" % timeout)

    def rss_kb(self):
        """VmRSS of the VMM process in KiB (None once it has exited)."""
        try:
            with open("/proc/%d/status" % self.proc.pid) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return None


class QMPError(Exception):
    def __init__(self, error):
        self.error_class = error.get("class")
        self.desc = error.get("desc")
        super().__init__("%s: %s" % (self.error_class, self.desc))


class QMP:
    """Minimal QMP client: greeting, qmp_capabilities, execute, events."""

    def __init__(self, path, timeout=30.0):
        self.path = str(path)
        self.events = []
        self._buf = b""
        self._id = 0
        deadline = time.monotonic() + timeout
        while True:
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                self.sock.connect(self.path)
                break
            except (FileNotFoundError, ConnectionRefusedError):
                self.sock.close()
                if time.monotonic() > deadline:
                    raise GuestError("QMP socket %s: nobody listening after "
                                     "%.0f s" % (self.path, timeout))
                time.sleep(0.05)
        self.greeting = self._recv(timeout)
        if "QMP" not in self.greeting:
            raise GuestError("QMP greeting expected, got %r" % self.greeting)
        self.execute("qmp_capabilities")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def close(self):
        if self.sock:
            self.sock.close()
            self.sock = None

    def _recv(self, timeout):
        """The next JSON object from the socket."""
        deadline = time.monotonic() + timeout
        dec = json.JSONDecoder()
        while True:
            text = self._buf.lstrip()
            if text:
                try:
                    obj, end = dec.raw_decode(text.decode())
                    self._buf = text.decode()[end:].encode()
                    return obj
                except ValueError:
                    pass
            left = deadline - time.monotonic()
            if left <= 0:
                raise GuestError("QMP: no reply within %.0f s" % timeout)
            self.sock.settimeout(left)
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                continue
            if not data:
                raise GuestError("QMP: connection closed")
            self._buf += data

    def send_raw(self, obj):
        self.sock.sendall(json.dumps(obj).encode() + b"\n")

    def execute(self, cmd, args=None, timeout=30.0):
        """Run a command; returns its "return" value, raises QMPError."""
        self._id += 1
        req = {"execute": cmd, "id": self._id}
        if args is not None:
            req["arguments"] = args
        self.send_raw(req)
        while True:
            msg = self._recv(timeout)
            if "event" in msg:
                self.events.append(msg)
                continue
            if msg.get("id") != self._id:
                continue
            if "error" in msg:
                raise QMPError(msg["error"])
            return msg.get("return")

    def wait_event(self, name, timeout=30.0, match=None):
        """The first queued or arriving event `name` (for which `match`
        returns true); it is removed from the queue."""
        deadline = time.monotonic() + timeout
        while True:
            for ev in self.events:
                if ev["event"] == name and (match is None or match(ev)):
                    self.events.remove(ev)
                    return ev
            left = deadline - time.monotonic()
            if left <= 0:
                raise GuestError("QMP: no %s event within %.0f s"
                                 % (name, timeout))
            try:
                msg = self._recv(left)
            except GuestError:
                continue
            if "event" in msg:
                self.events.append(msg)


class Tap:
    """TAP producer, streaming (the plan comes last).  skip() reports
    `not ok`: a test that did not run has not passed."""

    def __init__(self, out=sys.stdout):
        self.out = out
        self.n = 0
        self.failed = 0

    def _print(self, text):
        print(text, file=self.out, flush=True)

    def ok(self, cond, desc, diag=None):
        self.n += 1
        if not cond:
            self.failed += 1
        self._print("%s %d - %s" % ("ok" if cond else "not ok", self.n, desc))
        if diag is not None and not cond:
            self.diag(diag)
        return bool(cond)

    def skip(self, desc, reason):
        return self.ok(False, "%s (not run: %s)" % (desc, reason))

    def diag(self, text):
        for line in str(text).splitlines():
            self._print("# " + line)

    def finish(self):
        """Print the plan; returns the exit status (nonzero on any failure
        or when nothing was tested)."""
        self._print("1..%d" % self.n)
        return 1 if self.failed or self.n == 0 else 0


# ---- migration scenarios (test-migrate.py, test-migrate-pending.py) ----

def memfill_binary():
    """tests/guest/memfill.c built static (test-hotplug.py owns the build)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("test_hotplug", HERE / "test-hotplug.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.memfill_binary()


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_migration(q, timeout=600):
    """query-migrate until completed, failed or cancelled; returns it."""
    t0 = time.monotonic()
    while True:
        info = q.execute("query-migrate")
        if info.get("status") in ("completed", "failed", "cancelled"):
            return info
        if time.monotonic() - t0 > timeout:
            raise GuestError("migration still %s after %d s" % (info.get("status"), timeout))
        time.sleep(0.2)


# The guest side of the migration scenarios: MemTotal and the state of the
# blocks of a range, the Movable zone in use, a counter, the boot id, and a
# memfill in the background (bg, then sig to verify, bgwait for its status).
MIGRATION_GUEST_BODY = r"""
bs=$((0x$(cat /sys/devices/system/memory/block_size_bytes)))
cmd_mem() {
    hm memtotal_kb "$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)"
    [ -n "$1" ] || return 0
    n=0; on=0; mov=0; i=$(($1 / bs)); last=$((($1 + $2) / bs))
    while [ $i -lt $last ]; do
        d=/sys/devices/system/memory/memory$i
        if [ -d $d ]; then
            n=$((n + 1))
            [ "$(cat $d/state)" = online ] && on=$((on + 1))
            [ "$(cat $d/valid_zones)" = Movable ] && mov=$((mov + 1))
        fi
        i=$((i + 1))
    done
    hm blocks "$n $on $mov"
}
# pages of the Movable zones (the DIMMs, on every node) in use: present - free
cmd_movable() {
    hm movable_used "$(awk '/^Node/ {z = $4} z == "Movable" && $1 == "present" {p += $2}
        z == "Movable" && $1 == "pages" && $2 == "free" {f += $3}
        END {print p - f}' /proc/zoneinfo)"
}
cmd_counter_start() {
    ( c=0; while :; do c=$((c + 1)); echo "$c $(cut -d' ' -f1 /proc/uptime)" >/tmp/c.new
      mv /tmp/c.new /tmp/counter; usleep 100000; done ) &
    hm counter_pid "$!"
}
cmd_counter() { hm counter "$(cat /tmp/counter)"; }
cmd_bootid() { hm bootid "$(cat /proc/sys/kernel/random/boot_id)"; }
cmd_bg() { memfill "$@" & bgpid=$!; hm bgpid "$bgpid"; }
cmd_sig() { kill -USR1 "$bgpid"; }
cmd_bgwait() { wait "$bgpid"; hm bgrc "$?"; }
"""


class MigSide:
    """One hotmem process of a migration scenario: console on a pipe, QMP
    socket in sockdir, console log <cache>/logs/<prefix>-<name>.log."""

    def __init__(self, name, argv, sockdir, verbose, prefix="test-migrate"):
        self.name = name
        self.qmp_path = Path(sockdir) / ("%s.sock" % name)
        log = cache_root() / "logs" / ("%s-%s.log" % (prefix, name))
        log.parent.mkdir(parents=True, exist_ok=True)
        self.vm = Vmm(argv + ["-qmp", "unix:%s,server=on,wait=off" % self.qmp_path],
                      log_path=log, echo=verbose)
        self.q = None

    def start(self, wait_init):
        self.vm.start()
        if wait_init:
            self.vm.wait_marker("init", 240)
        self.q = QMP(self.qmp_path)

    def close(self):
        if self.q:
            self.q.close()
        self.vm.close()

    def cmd(self, line, timeout=120):
        return {m.key: m.value for m in self.vm.command(line, timeout)}

    def first_cmd(self, line, timeout=120):
        """A command to a guest that arrived by migration: its 'ready' was
        printed on the source, so send at once and wait for 'done'."""
        with self.vm._cond:
            start = len(self.vm.markers)
        self.vm.send(line + "\n")
        done = self.vm.wait_marker("done", timeout)
        got = self.vm.markers_since(start)
        got = got[:got.index(done)] if done in got else got
        return {m.key: m.value for m in got}

    def marker(self, key, since, timeout=120):
        def pred():
            for m in self.vm.markers[since:]:
                if m.key == key:
                    return m
            return None
        return self.vm._wait(pred, timeout, "waiting for HM:%s" % key).value

    def mark(self):
        return len(self.vm.markers_since(0))

    def counter(self, first=False):
        """The guest's counter (MIGRATION_GUEST_BODY) and its uptime."""
        f = self.first_cmd("counter") if first else self.cmd("counter")
        n, up = f["counter"].split()
        return int(n), float(up)


class MigSection:
    """A named part of a scenario: TAP lines prefixed with the name; an
    exception ends the part as one `not ok` with the side's console tail."""

    def __init__(self, tap, name, side):
        self.tap, self.name, self.side = tap, name, side

    def __enter__(self):
        return self

    def ok(self, cond, desc, diag=None):
        return self.tap.ok(cond, "%s: %s" % (self.name, desc), diag)

    def __exit__(self, et, e, tb):
        if et is None or not issubclass(et, Exception):
            return False
        self.tap.ok(False, "%s: ran to the end" % self.name, "%s: %s" % (et.__name__, e))
        if self.side is not None:
            self.tap.diag(self.side.vm.tail(25))
        return True
