#!/usr/bin/env python3
"""test-kata.py - what Kata Containers and a daemon manager do with a VMM.

    test-kata.py [--hotmem ./hotmem] [-v]

Two real Debian guests:
  kata    Kata's command line: -m 2048M,slots=10,maxmem=... with the node's
          RAM a shared file on /dev/shm (-object memory-backend-file ...
          -numa node,memdev=dimm1). Hot-add as govmm does it (object-add
          memory-backend-file with mem-path and share, then device_add
          pc-dimm): the guest onlines it, device_del and object-del undo it.
          Then a DIMM on hugetlbfs (2 MiB pages reserved and mounted here):
          the pages are taken while it is plugged and the free count returns
          after it is removed.
  daemon  -daemonize -pidfile F -sandbox on,spawn=deny: the parent returns
          at once with status 0, F holds the daemon's PID, the daemon runs
          under seccomp (Seccomp: 2), the guest boots, `migrate exec:` is
          refused (GenericError naming the sandbox, no child process, the
          guest keeps running), and a hot-add and a hot-remove work over QMP;
          quit ends it and removes F.
Output is TAP; a check that could not run is `not ok`.
"""
import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
import guestlib  # noqa: E402
from guestlib import QMP, GuestError, QMPError, Tap  # noqa: E402

_spec = importlib.util.spec_from_file_location("test_hotplug", HERE / "test-hotplug.py")
th = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(th)

MiB = 1 << 20
GiB = 1 << 30
HUGE_DIR = Path("/dev/hugepages-hotmem-test")
HUGE_PAGES = 96                   # 192 MiB: a 128 MiB DIMM and room to spare


def meminfo(key):
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return None


def online_dimm(s, g, dev_id, size, what):
    """device_add pc-dimm (its backend made already), then the guest's
    blocks of it online; returns the DIMM's address or None."""
    kb0, _ = g.mem()
    r, ev, dt = g.plug({"driver": "pc-dimm", "id": dev_id, "memdev": "mem-" + dev_id},
                       dev_id)
    d = g.dimm(dev_id)
    ok = r == {} and ev["data"]["info"]["status"] == 0 and d is not None
    s.ok(ok, "device_add pc-dimm %s (%s): _OST 1/0 in %.1f s" % (dev_id, what, dt), (r, ev))
    if not ok:
        return None
    kb, blocks = g.mem(d["addr"], size)
    n = size // (128 * MiB)
    s.ok(blocks[:2] == [n, n] and kb - kb0 == size // 1024,
         "the guest onlined its %d blocks: MemTotal %d -> %d kB" % (n, kb0, kb), blocks)
    return d["addr"]


def remove_dimm(s, g, dev_id):
    kb0, _ = g.mem()
    r, ev, dt = g.unplug(dev_id)
    s.ok(r == {} and ev["data"]["device"] == dev_id,
         "device_del %s -> DEVICE_DELETED (%.1f s)" % (dev_id, dt), ev)
    r = g.q.execute("object-del", {"id": "mem-" + dev_id})
    kb, _ = g.mem()
    s.ok(r == {} and kb0 - kb > 0, "object-del mem-%s; MemTotal %d -> %d kB"
         % (dev_id, kb0, kb), r)


def kata(tap, args, files, initrd, sockdir):
    shm = Path(tempfile.mkdtemp(prefix="hm-kata-", dir="/dev/shm"))
    argv = [args.hotmem, "-m", "2048M,slots=10,maxmem=12G", "-smp", "1",
            "-object", "memory-backend-file,id=dimm1,size=2048M,mem-path=%s,share=on" % shm,
            "-numa", "node,memdev=dimm1",
            "-kernel", files["HOTMEM_GUEST_KERNEL"], "-initrd", initrd,
            "-append", th.APPEND, "-nographic"]
    tap.diag("vmm: " + " ".join(argv))
    g = th.Guest(argv, sockdir, args.verbose, "kata")
    mounted = False
    try:
        with th.Section(tap, "kata", g) as s:
            t0 = time.monotonic()
            g.start()
            kb, _ = g.mem()
            s.ok(kb > 1800 * 1024, "guest up (%.1f s), MemTotal %d kB from the shared file"
                 % (time.monotonic() - t0, kb))
            objs = {o["name"] for o in g.q.execute("qom-list", {"path": "/objects"})}
            s.ok("dimm1" in objs, "qom-list /objects lists the node's backend dimm1", objs)
            r = g.q.execute("object-add", {"qom-type": "memory-backend-file", "id": "mem-k1",
                                           "size": 512 * MiB, "mem-path": str(shm),
                                           "share": True})
            s.ok(r == {}, "object-add memory-backend-file mem-k1 (mem-path, share)", r)
            if online_dimm(s, g, "k1", 512 * MiB, "file on /dev/shm") is not None:
                remove_dimm(s, g, "k1")
        with th.Section(tap, "hugetlbfs", g) as s:
            Path("/proc/sys/vm/nr_hugepages").write_text("%d\n" % HUGE_PAGES)
            HUGE_DIR.mkdir(exist_ok=True)
            p = subprocess.run(["mount", "-t", "hugetlbfs", "-o", "pagesize=2M", "none",
                                str(HUGE_DIR)], capture_output=True, text=True)
            mounted = p.returncode == 0
            free0 = meminfo("HugePages_Free")
            s.ok(mounted and free0 is not None and free0 >= 64,
                 "%s huge pages of 2 MiB free, hugetlbfs mounted" % free0, p.stderr)
            r = g.q.execute("object-add", {"qom-type": "memory-backend-file", "id": "mem-h1",
                                           "size": 128 * MiB, "mem-path": str(HUGE_DIR),
                                           "share": True, "prealloc": True})
            s.ok(r == {}, "object-add memory-backend-file mem-h1 on hugetlbfs (prealloc)", r)
            online_dimm(s, g, "h1", 128 * MiB, "2 MiB pages")
            free1 = meminfo("HugePages_Free")
            s.ok(free0 - free1 == 64, "the DIMM holds 64 huge pages (free %d -> %d)"
                 % (free0, free1))
            remove_dimm(s, g, "h1")
            free2 = meminfo("HugePages_Free")
            s.ok(free2 == free0, "after device_del and object-del the free count is back "
                 "(%d)" % free2)
            err = g.vm.stderr
            s.ok("Error" not in err, "hotmem said nothing on stderr", err[-1000:])
    finally:
        g.close()
        if mounted:
            subprocess.run(["umount", str(HUGE_DIR)], capture_output=True)
        try:
            HUGE_DIR.rmdir()
        except OSError:
            pass
        if Path("/proc/sys/vm/nr_hugepages").exists():
            try:
                Path("/proc/sys/vm/nr_hugepages").write_text("0\n")
            except OSError:
                pass
        shutil.rmtree(shm, ignore_errors=True)


def wait_file_text(path, text, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if text in path.read_text(errors="replace"):
                return True
        except FileNotFoundError:
            pass
        time.sleep(0.2)
    return False


def pid_alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def children_of(pid):
    """PIDs whose parent is pid (every thread's children file)."""
    out = []
    for t in Path("/proc/%d/task" % pid).glob("*"):
        try:
            out += (t / "children").read_text().split()
        except OSError:
            pass
    return out


def exec_refused(s, q, pid):
    """migrate exec: under spawn=deny: refused at once, nothing started."""
    mark = "/tmp/hm-kata-exec-%d" % pid
    try:
        r = q.execute("migrate", {"uri": "exec:cat > %s" % mark})
        err = None
    except QMPError as e:
        r, err = None, e
    s.ok(err is not None and err.error_class == "GenericError" and "sandbox" in err.desc
         and "spawn=deny" in err.desc,
         "migrate exec: under spawn=deny -> GenericError naming the sandbox (%s)"
         % (err.desc if err else "accepted: %r" % r))
    time.sleep(0.5)
    kids = children_of(pid)
    mig = q.execute("query-migrate")
    st = q.execute("query-status")
    s.ok(not kids and not os.path.exists(mark) and mig.get("status") in (None, "none")
         and st.get("status") == "running",
         "no child process, no migration started, the guest keeps running",
         (kids, mig, st))
    # the hot-add that follows needs the guest's _OST: it proves the guest ran on


def daemon(tap, args, files, initrd, sockdir):
    d = Path(sockdir)
    pidfile, serial, qmp_path = d / "hotmem.pid", d / "serial.txt", d / "qmp-daemon.sock"
    argv = [args.hotmem, "-m", "512M,slots=2,maxmem=4G", "-smp", "1",
            "-dimm", "id=d1,size=256M",
            "-kernel", files["HOTMEM_GUEST_KERNEL"], "-initrd", initrd,
            "-append", th.APPEND, "-display", "none", "-serial", "file:%s" % serial,
            "-qmp", "unix:%s,server=on,wait=off" % qmp_path,
            "-daemonize", "-pidfile", str(pidfile), "-sandbox", "on,spawn=deny"]
    tap.diag("vmm: " + " ".join(argv))
    pid = None
    q = None
    with th.Section(tap, "daemon", None) as s:
        try:
            t0 = time.monotonic()
            p = subprocess.run(argv, capture_output=True, text=True, timeout=120)
            dt = time.monotonic() - t0
            s.ok(p.returncode == 0 and not p.stdout and not p.stderr,
                 "-daemonize: the parent returned 0 (%.2f s), printing nothing" % dt,
                 (p.returncode, p.stderr))
            text = pidfile.read_text() if pidfile.exists() else ""
            pid = int(text) if text.strip().isdigit() else None
            s.ok(pid is not None and pid_alive(pid),
                 "-pidfile holds the daemon's PID (%s), which runs" % pid, text)
            status = Path("/proc/%d/status" % pid).read_text() if pid else ""
            seccomp = [l for l in status.splitlines() if l.startswith("Seccomp:")]
            s.ok(seccomp == ["Seccomp:\t2"], "-sandbox on,spawn=deny: %s" % seccomp, seccomp)
            s.ok(pid is not None and os.getsid(pid) == pid,
                 "the daemon leads its own session (setsid)")
            q = QMP(qmp_path)
            st = q.execute("query-status")
            s.ok(st.get("status") == "running", "QMP on the daemon: running", st)
            booted = wait_file_text(serial, "HM:init", 240)
            s.ok(booted, "the guest booted (its init marker in the serial file)")
            exec_refused(s, q, pid)
            q.events.clear()
            r = q.execute("device_add", {"driver": "dimm", "id": "d1"})
            ev = q.wait_event("ACPI_DEVICE_OST", 120,
                              lambda e: e["data"]["info"].get("device") == "d1"
                              and e["data"]["info"]["source"] == 1)
            s.ok(r == {} and ev["data"]["info"]["status"] == 0,
                 "hot-add under the sandbox: _OST 1/0", ev)
            time.sleep(2)              # the guest onlines the blocks after its _OST
            r = q.execute("device_del", {"id": "d1"})
            ev = q.wait_event("DEVICE_DELETED", 120, lambda e: e["data"].get("device") == "d1")
            s.ok(r == {} and ev is not None, "hot-remove under the sandbox: DEVICE_DELETED", ev)
            q.execute("quit")
            end = time.monotonic() + 10
            while pid_alive(pid) and time.monotonic() < end:
                time.sleep(0.1)
            s.ok(not pid_alive(pid), "quit ends the daemon")
            s.ok(not pidfile.exists(), "and its pidfile is removed")
        finally:
            if q:
                q.close()
            if pid and pid_alive(pid):           # the daemon this test started
                os.kill(pid, 9)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hotmem", default=str(REPO / "hotmem"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--only", choices=["kata", "daemon"], help="run one of the two guests")
    args = ap.parse_args()
    tap = Tap()
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        tap.ok(False, "a usable /dev/kvm (run me through tests/guest/rig.py)")
        return tap.finish()
    files = guestlib.guest_files()
    initrd = str(guestlib.build_initramfs(
        guestlib.init_script(th.GUEST_BODY), name="test-kata",
        adds=[(str(th.memfill_binary()), "/bin/memfill")]))
    sockdir = tempfile.mkdtemp(prefix="hm-kata-")
    try:
        if args.only in (None, "kata"):
            kata(tap, args, files, initrd, sockdir)
        if args.only in (None, "daemon"):
            daemon(tap, args, files, initrd, sockdir)
    except GuestError as e:
        tap.ok(False, "ran to the end", str(e))
    finally:
        shutil.rmtree(sockdir, ignore_errors=True)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
