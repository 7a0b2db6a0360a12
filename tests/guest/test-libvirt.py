#!/usr/bin/env python3
"""libvirt-shaped start: hotmem run with the command line libvirt 9.x writes
for a direct-kernel-boot domain (1 vCPU, 512 MiB on NUMA cell 0,
<maxMemory slots='4'>4 GiB, one 256 MiB DIMM), its monitor on a listening
socket the test opens itself and passes as a descriptor, as libvirt does.

    test-libvirt.py [--hotmem ./hotmem] [-v]

The shape follows libvirt's tests/qemuxmlargvdata *.x86_64-latest.args
(memory-hotplug-dimm, pc-i440fx-*): -name guest=,debug-threads=on -S, a
secret -object, -machine pc-i440fx-X.Y,usb=off,dump-guest-core=off,
-accel kvm, -m size=...k,slots=,maxmem=...k, -overcommit, -smp with the
topology, the NUMA cell's memory-backend-ram with -numa node,memdev=,
-uuid, -display none -no-user-config -nodefaults, -chardev socket,fd=
with -mon mode=control, -rtc, -no-shutdown, -boot strict=on, the DIMM's
JSON -object/-device pc-dimm, the default virtio-balloon-pci, -sandbox and
-msg timestamp=on. What hotmem lacks is dropped only after checking that
hotmem refuses it with one line: the piix3-usb-uhci controller, -audiodev,
the pty serial (-chardev pty + isa-serial; the test uses -serial stdio),
and libvirt's test value maxmem=1099511627776k if it is refused.

Then over QMP: qmp_capabilities, query-status (prelaunch under -S),
query-memory-devices (the cold DIMM with its memdev), cont; the guest
onlines the cold DIMM; object-add + device_add hot-adds a second DIMM,
the guest onlines it (sysfs), and quit ends hotmem with status 0.
Output is TAP; a check that could not run is `not ok`.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
import guestlib  # noqa: E402
from guestlib import QMP, Tap, Vmm  # noqa: E402

MiB, GiB = 1 << 20, 1 << 30
DIMM = 256 * MiB
APPEND = "console=ttyS0 quiet pci=noearly memhp_default_state=online_movable"
LIBVIRT_TEST_MAXMEM = "1099511627776k"      # libvirt's memory-hotplug test data

GUEST_BODY = r"""
bs=$((0x$(cat /sys/devices/system/memory/block_size_bytes)))
# blocks BASE SIZE: the memory blocks of [BASE, BASE+SIZE), "count online"
cmd_blocks() {
    n=0; on=0; i=$(($1 / bs)); last=$((($1 + $2) / bs))
    while [ $i -lt $last ]; do
        d=/sys/devices/system/memory/memory$i
        if [ -d $d ]; then
            n=$((n + 1))
            [ "$(cat $d/state)" = online ] && on=$((on + 1))
        fi
        i=$((i + 1))
    done
    hm blocks "$n $on"
}
"""


def libvirt_argv(hotmem, tmp, fd, files, initrd, maxmem="4194304k"):
    key = tmp / "master-key.aes"
    name = "hm-libvirt"
    return [
        hotmem,
        "-name", "guest=%s,debug-threads=on" % name,
        "-S",
        "-object", '{"qom-type":"secret","id":"masterKey0","format":"raw",'
                   '"file":"%s"}' % key,
        "-machine", "pc-i440fx-8.2,usb=off,dump-guest-core=off",
        "-accel", "kvm",
        "-cpu", "host",
        "-m", "size=524288k,slots=4,maxmem=%s" % maxmem,
        "-overcommit", "mem-lock=off",
        "-smp", "1,sockets=1,dies=1,cores=1,threads=1",
        "-object", '{"qom-type":"memory-backend-ram","id":"ram-node0","size":536870912}',
        "-numa", "node,nodeid=0,cpus=0,memdev=ram-node0",
        "-uuid", str(uuid.uuid5(uuid.NAMESPACE_DNS, name)),
        "-display", "none",
        "-no-user-config",
        "-nodefaults",
        "-chardev", "socket,id=charmonitor,fd=%d,server=on,wait=off" % fd,
        "-mon", "chardev=charmonitor,id=monitor,mode=control",
        "-rtc", "base=utc",
        "-no-shutdown",
        "-boot", "strict=on",
        "-kernel", files["HOTMEM_GUEST_KERNEL"],
        "-initrd", initrd,
        "-append", APPEND,
        "-object", '{"qom-type":"memory-backend-ram","id":"memdimm0","size":%d}' % DIMM,
        "-device", '{"driver":"pc-dimm","node":0,"memdev":"memdimm0","id":"dimm0","slot":0}',
        # libvirt's pty console is refused (below); the serial port is stdio
        "-serial", "stdio",
        "-device", '{"driver":"virtio-balloon-pci","id":"balloon0","bus":"pci.0",'
                   '"addr":"0x2"}',
        "-sandbox", "on,obsolete=deny,elevateprivileges=deny,spawn=deny,"
                    "resourcecontrol=deny",
        "-msg", "timestamp=on",
    ]


def listening_socket(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(str(path))
    s.listen(4)
    return s


def refused(hotmem, extra, want):
    """hotmem with one piece of libvirt's line that it lacks: exit 1, one line."""
    p = subprocess.run([hotmem, "-serial", "none"] + extra, capture_output=True, text=True,
                       timeout=60)
    lines = p.stderr.splitlines()
    ok = (p.returncode == 1 and len(lines) == 1 and lines[0].startswith("hotmem: ")
          and want in lines[0])
    return ok, "exit %d, stderr %r" % (p.returncode, p.stderr)


def check_refusals(tap, hotmem):
    cases = [
        (["-device", '{"driver":"piix3-usb-uhci","id":"usb","bus":"pci.0","addr":"0x1.0x2"}'],
         "'piix3-usb-uhci' is not a valid device model name"),
        (["-audiodev", '{"id":"audio1","driver":"none"}'], "unknown option '-audiodev'"),
        (["-chardev", "pty,id=charserial0"], "'pty' is not a valid char driver name"),
        (["-device", '{"driver":"isa-serial","chardev":"charserial0","id":"serial0",'
                     '"index":0}'], "'isa-serial' is not a valid device model name"),
    ]
    for extra, want in cases:
        ok, diag = refused(hotmem, extra, want)
        tap.ok(ok, "dropped from libvirt's line, refused with one line: %s" % extra[-1][:50],
               diag)


def check_big_maxmem(tap, hotmem, tmp, files, initrd):
    """libvirt's test value: 1 PiB. hotmem either starts with it or refuses it with one
    line naming the limit; the figure is reported either way."""
    path = tmp / "big.sock"
    ls = listening_socket(path)
    argv = libvirt_argv(hotmem, tmp, ls.fileno(), files, initrd, LIBVIRT_TEST_MAXMEM)
    p = subprocess.Popen(argv, pass_fds=[ls.fileno()], stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ls.close()
    try:
        out, err = p.communicate(timeout=20)
        lines = err.splitlines()
        # -msg timestamp=on puts the time before "hotmem: ", as QEMU's
        tap.ok(p.returncode == 1 and len(lines) == 1 and "Z hotmem: -dimm/-m: " in lines[0]
               and "physical address space" in lines[0],
               "maxmem=%s refused with one line naming the address-width limit"
               % LIBVIRT_TEST_MAXMEM,
               "exit %s, stderr %r" % (p.returncode, err))
        tap.diag("maxmem=%s: %s" % (LIBVIRT_TEST_MAXMEM, err.strip()))
    except subprocess.TimeoutExpired:
        # still running: it accepted the value; ask it to quit over its monitor
        with QMP(path) as q:
            q.execute("quit")
        p.communicate(timeout=30)
        tap.ok(p.returncode == 0, "maxmem=%s accepted (hotmem started, quit)"
               % LIBVIRT_TEST_MAXMEM)
    path.unlink(missing_ok=True)


def blocks(vm, base, size):
    f = {m.key: m.value for m in vm.command("blocks %d %d" % (base, size), 120)}
    n, on = (int(x) for x in f["blocks"].split())
    return n, on


def dimm_info(q, dimm_id):
    for d in q.execute("query-memory-devices"):
        if d["data"].get("id") == dimm_id:
            return d["data"]
    return None


def run_guest(tap, hotmem, tmp, files, initrd, verbose, fig):
    path = tmp / "monitor.sock"
    ls = listening_socket(path)
    argv = libvirt_argv(hotmem, tmp, ls.fileno(), files, initrd)
    log = guestlib.cache_root() / "logs" / "test-libvirt.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    vm = Vmm(argv, log_path=log, echo=verbose, pass_fds=[ls.fileno()])
    q = None
    try:
        t0 = time.monotonic()
        vm.start()
        ls.close()                  # hotmem holds it now, as with libvirt
        q = QMP(path)               # greeting + qmp_capabilities
        tap.ok(True, "QMP through the passed -chardev fd: greeting, qmp_capabilities")
        st = q.execute("query-status")
        tap.ok(st["status"] == "prelaunch" and not st["running"],
               "query-status under -S: prelaunch", st)
        d0 = dimm_info(q, "dimm0")
        tap.ok(d0 is not None and d0["memdev"] == "/objects/memdimm0" and d0["size"] == DIMM
               and d0["slot"] == 0 and not d0["hotplugged"] and d0["hotpluggable"],
               "query-memory-devices: the -device pc-dimm, cold-plugged, with its memdev", d0)
        q.execute("cont")
        st = q.execute("query-status")
        tap.ok(st["status"] == "running" and st["running"], "cont: running", st)
        vm.wait_marker("init", 240)
        fig["boot_s"] = time.monotonic() - t0
        n, on = blocks(vm, d0["addr"], DIMM)
        tap.ok(n > 0 and on == n, "the guest onlined the cold-plugged DIMM (%d/%d blocks)"
               % (on, n))

        t1 = time.monotonic()
        q.execute("object-add", {"qom-type": "memory-backend-ram", "id": "memdimm1",
                                 "size": DIMM})
        q.execute("device_add", {"driver": "pc-dimm", "node": 0, "memdev": "memdimm1",
                                 "id": "dimm1", "slot": 1})
        ev = q.wait_event("ACPI_DEVICE_OST", 120,
                          match=lambda e: e["data"]["info"].get("device") == "dimm1")
        d1 = dimm_info(q, "dimm1")
        deadline = time.monotonic() + 60
        n, on = blocks(vm, d1["addr"], DIMM)
        while on < n and time.monotonic() < deadline:
            time.sleep(0.5)
            n, on = blocks(vm, d1["addr"], DIMM)
        fig["hotadd_s"] = time.monotonic() - t1
        info = ev["data"]["info"] if ev else {}
        tap.ok(ev is not None and info.get("source") == 1 and info.get("status") == 0
               and n > 0 and on == n and d1["hotplugged"],
               "object-add + device_add pc-dimm: _OST 1/0, the guest onlined it "
               "(%d/%d blocks, %.1f s)" % (on, n, fig["hotadd_s"]), (ev, d1))
        q.execute("quit")
        rc = vm.wait_exit(30)
        tap.ok(rc == 0, "quit ends hotmem with status 0", rc)
    except Exception as e:          # one failure must not hide the rest
        tap.ok(False, "the libvirt-shaped guest ran to the end", "%s: %s\n%s"
               % (type(e).__name__, e, vm.tail(25)))
    finally:
        if q:
            q.close()
        vm.close()
        path.unlink(missing_ok=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hotmem", default=str(REPO / "hotmem"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    tap = Tap()
    check_refusals(tap, args.hotmem)
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        tap.ok(False, "a usable /dev/kvm (run me through tests/guest/rig.py)")
        return tap.finish()
    files = guestlib.guest_files()
    initrd = str(guestlib.build_initramfs(guestlib.init_script(GUEST_BODY),
                                          name="test-libvirt"))
    tmp = Path(tempfile.mkdtemp(prefix="hm-libvirt-"))
    (tmp / "master-key.aes").write_bytes(os.urandom(32))
    fig = {}
    try:
        check_big_maxmem(tap, args.hotmem, tmp, files, initrd)
        run_guest(tap, args.hotmem, tmp, files, initrd, args.verbose, fig)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    tap.diag("figures: start to guest init %s s, device_add to DIMM online %s s"
             % tuple("%.1f" % fig[k] if k in fig else "-" for k in ("boot_s", "hotadd_s")))
    return tap.finish()


if __name__ == "__main__":
    guestlib.install_sigterm_handler()
    sys.exit(main())
