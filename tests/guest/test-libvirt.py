#!/usr/bin/env python3
"""libvirt's command line, unchanged: hotmem started with what libvirt 9.x
writes for a direct-kernel-boot domain with NUMA and DIMMs (2 vCPUs,
219136 KiB on NUMA cell 0, <maxMemory slots='16'>1 PiB), plus one RAM DIMM
and one file-backed shared DIMM on /dev/shm, its monitor on a listening
socket the test opens itself and passes as a descriptor, as libvirt does.

    test-libvirt.py [--hotmem ./hotmem] [-v]

The shape follows libvirt's tests/qemuxml2argvdata *.x86_64-latest.args
(memory-hotplug-dimm, memory-hotplug-nvdimm for maxmem=1099511627776k,
hugepages-memaccess for a file DIMM's JSON -object): -name guest=,
debug-threads=on -S, a secret -object, -machine pc,usb=off,
dump-guest-core=off, -accel kvm, -m size=219136k,slots=16,
maxmem=1099511627776k, -overcommit, -smp with the topology, the NUMA cell's
memory-backend-ram with -numa node,memdev=, -uuid, -display none
-no-user-config -nodefaults, -chardev socket,fd= with -mon mode=control,
-rtc, -no-shutdown, -boot strict=on, the DIMMs' JSON -object/-device
pc-dimm, the default virtio-balloon-pci, -sandbox and -msg timestamp=on.
What hotmem lacks is dropped only after checking that hotmem refuses it
with one line: the piix3-usb-uhci controller, -audiodev and the pty serial
(-chardev pty + isa-serial; the test uses -serial stdio).

Before cont, over QMP: query-status (prelaunch), query-qmp-schema (has
device_add), qom-list /objects (the backends and the secret),
query-memory-devices. Then cont; the guest onlines both cold DIMMs and its
Movable zone is exactly their size; the SRAT's hotplug range and the
balloon's BAR sit below the guest's address width (1 PiB cannot be
addressed: the region stops 32 GiB below 2^N); a device_add past that is
refused; object-add memory-backend-file + device_add comes online;
object-del of the cold RAM DIMM's backend is refused while it is plugged,
device_del completes (DEVICE_DELETED) and object-del then succeeds; the
guest powers off and with -no-shutdown hotmem stays, status shutdown,
until quit (exit 0). Output is TAP; a check that could not run is `not ok`.
"""

import argparse
import os
import re
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
import acpitables  # noqa: E402
import guestlib  # noqa: E402
from guestlib import QMP, QMPError, Tap, Vmm  # noqa: E402

MiB, GiB = 1 << 20, 1 << 30
PAGE = 4096
RAM_NODE0 = 224395264                   # 219136 KiB, as libvirt writes it
DIMM0 = 536870912                       # memdimm0: memory-backend-ram
DIMM1 = 256 * MiB                       # memdimm1: memory-backend-file, share
DIMM2 = 256 * MiB                       # memdimm2: hot-added, memory-backend-file
MAXMEM = "1099511627776k"               # 1 PiB: libvirt's memory-hotplug test data
APPEND = "console=ttyS0 quiet pci=noearly memhp_default_state=online_movable"
BALLOON_PCI = "0000:00:02.0"
BAD_PCI = "can.t claim|no space for|failed to assign"


def hm_constant(name):
    """A guest-visible number from include/hw/hotmem-pc.h (kept there once)."""
    text = (REPO / "include" / "hw" / "hotmem-pc.h").read_text()
    return int(re.search(r"#define %s\s+(0x[0-9a-fA-F]+|\d+)" % name, text).group(1), 0)


RESERVE = hm_constant("HM_PCI_MEM64_RESERVE")

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
# mem: MemTotal, the Movable zone's present and managed pages (only DIMMs
# are onlined movable), the CPU's physical address width
cmd_mem() {
    hm memtotal_kb "$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)"
    hm movable "$(awk '/^Node/ { z = $4 } z == "Movable" && $1 == "present" { p += $2 }
                       z == "Movable" && $1 == "managed" { m += $2 }
                       END { print p + 0, m + 0 }' /proc/zoneinfo)"
    hm phys_bits "$(awk -F'[: \t]+' '/^address sizes/ { print $3; exit }' /proc/cpuinfo)"
}
# pci: the balloon's BAR0 as Linux has it, and what it complained about
cmd_pci() {
    hm bar0 "$(head -1 /sys/bus/pci/devices/@BALLOON@/resource)"
    hm pci_bad "$(dmesg | grep -cE '@BAD_PCI@')"
    hm acpi_bad "$(dmesg | grep -cE '@BAD_ACPI@')"
}
""".replace("@BALLOON@", BALLOON_PCI).replace("@BAD_PCI@", BAD_PCI) \
   .replace("@BAD_ACPI@", guestlib.BAD_DMESG) + acpitables.GUEST_DUMP_CMD


def libvirt_argv(hotmem, tmp, shm, fd, files, initrd):
    key = tmp / "master-key.aes"
    name = "hm-libvirt"
    return [
        hotmem,
        "-name", "guest=%s,debug-threads=on" % name,
        "-S",
        "-object", '{"qom-type":"secret","id":"masterKey0","format":"raw",'
                   '"file":"%s"}' % key,
        "-machine", "pc,usb=off,dump-guest-core=off",
        "-accel", "kvm",
        "-cpu", "host",
        "-m", "size=219136k,slots=16,maxmem=%s" % MAXMEM,
        "-overcommit", "mem-lock=off",
        "-smp", "2,sockets=2,dies=1,cores=1,threads=1",
        "-object", '{"qom-type":"memory-backend-ram","id":"ram-node0","size":%d}' % RAM_NODE0,
        "-numa", "node,nodeid=0,cpus=0-1,memdev=ram-node0",
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
        "-object", '{"qom-type":"memory-backend-ram","id":"memdimm0","size":%d}' % DIMM0,
        "-device", '{"driver":"pc-dimm","node":0,"memdev":"memdimm0","id":"dimm0","slot":0}',
        # <memoryBacking><source type='file'/><access mode='shared'/>: libvirt's keys
        "-object", '{"qom-type":"memory-backend-file","id":"memdimm1","mem-path":"%s",'
                   '"share":true,"size":%d}' % (shm, DIMM1),
        "-device", '{"driver":"pc-dimm","node":0,"memdev":"memdimm1","id":"dimm1","slot":1}',
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


def facts(vm, line, timeout=120):
    return {m.key: m.value for m in vm.command(line, timeout)}


def blocks(vm, base, size):
    n, on = (int(x) for x in facts(vm, "blocks %d %d" % (base, size))["blocks"].split())
    return n, on


def wait_online(vm, base, size, timeout=60):
    deadline = time.monotonic() + timeout
    n, on = blocks(vm, base, size)
    while (n == 0 or on < n) and time.monotonic() < deadline:
        time.sleep(0.5)
        n, on = blocks(vm, base, size)
    return n, on


def memtotal_kb(vm):
    return int(facts(vm, "mem")["memtotal_kb"])


def dimms(q):
    return {d["data"]["id"]: d["data"] for d in q.execute("query-memory-devices")}


def object_names(q):
    return {p["name"]: p["type"] for p in q.execute("qom-list", {"path": "/objects"})}


def qmp_error(q, cmd, args):
    """(class, desc) of a command expected to fail; (None, reply) if it did not."""
    try:
        return None, q.execute(cmd, args)
    except QMPError as e:
        return e.error_class, e.desc


def vcpu_threads(tap, q, pid, when):
    """query-cpus-fast's thread ids: one thread per vCPU, not the process,
    named vcpuN, as libvirt expects when it places and pins them."""
    tids = [c["thread-id"] for c in q.execute("query-cpus-fast")]
    names = []
    for tid in tids:
        try:
            names.append(Path("/proc/%d/task/%d/comm" % (pid, tid)).read_text().strip())
        except OSError:
            names.append(None)
    tap.ok(len(set(tids)) == len(tids) == 2 and pid not in tids and
           names == ["vcpu%d" % i for i in range(len(tids))],
           "query-cpus-fast %s: a thread of its own per vCPU (%s)" % (when, names),
           (pid, tids, names))
    return tids


def before_cont(tap, q):
    st = q.execute("query-status")
    tap.ok(st["status"] == "prelaunch" and not st["running"],
           "query-status under -S: prelaunch", st)
    schema = q.execute("query-qmp-schema")
    cmds = [e for e in schema if e.get("name") == "device_add"]
    tap.ok(len(cmds) == 1 and cmds[0].get("meta-type") == "command",
           "query-qmp-schema has the command device_add (%d entries)" % len(schema), cmds)
    objs = object_names(q)
    want = {"ram-node0": "child<memory-backend-ram>", "memdimm0": "child<memory-backend-ram>",
            "memdimm1": "child<memory-backend-file>", "masterKey0": "child<secret>"}
    tap.ok(all(objs.get(k) == v for k, v in want.items()),
           "qom-list /objects: ram-node0, memdimm0, memdimm1 (file), masterKey0", objs)
    d = dimms(q)
    d0, d1 = d.get("dimm0"), d.get("dimm1")
    summary = q.execute("query-memory-size-summary")
    tap.ok(d0 is not None and d1 is not None
           and d0["memdev"] == "/objects/memdimm0" and d0["size"] == DIMM0
           and d1["memdev"] == "/objects/memdimm1" and d1["size"] == DIMM1
           and (d0["slot"], d1["slot"]) == (0, 1)
           and not d0["hotplugged"] and not d1["hotplugged"]
           and d0["hotpluggable"] and d1["hotpluggable"]
           and summary == {"base-memory": RAM_NODE0, "plugged-memory": DIMM0 + DIMM1},
           "query-memory-devices: both -device pc-dimms cold-plugged with their memdevs; "
           "query-memory-size-summary %s" % summary, (d, summary))
    return d0, d1


def check_address_width(tap, vm, q, d1):
    """1 PiB is far beyond what the guest can address: the region (SRAT), the
    64-bit PCI window (the balloon's BAR) and DIMMs stay below 2^N."""
    f = facts(vm, "mem")
    bits = int(f["phys_bits"])
    limit = (1 << bits) - RESERVE
    vm.command("acpi SRAT", 120)
    srat = acpitables.parse_srat(acpitables.decode_dump(vm.console)["SRAT"])
    hot = [m for m in srat["memory"] if m["flags"] & acpitables.SRAT_MEM_HOTPLUGGABLE]
    ends = [m["base"] + m["length"] for m in hot]
    free_base = -(-(d1["addr"] + d1["size"]) // GiB) * GiB
    tap.ok(hot and max(ends) == limit and
           any(m["base"] == free_base and m["base"] + m["length"] == limit for m in hot),
           "SRAT: the empty slots' hotplug range is [0x%x, 0x%x): it stops %d GiB below "
           "the guest's 2^%d, not at maxmem" % (free_base, limit, RESERVE // GiB, bits),
           [(hex(m["base"]), hex(m["length"]), m["flags"]) for m in srat["memory"]])
    p = facts(vm, "pci")
    start, end = (int(x, 16) for x in p["bar0"].split()[:2])
    tap.ok(limit <= start and end < (1 << bits) and p["pci_bad"] == "0"
           and p["acpi_bad"] == "0",
           "the balloon's 64-bit BAR [0x%x, 0x%x] is above the hotplug region and inside "
           "2^%d; no PCI or ACPI complaint in dmesg" % (start, end, bits), p)
    # a pc-dimm maxmem allows but the guest could not reach: refused, nothing changes
    before = dimms(q)
    q.execute("object-add", {"qom-type": "memory-backend-ram", "id": "memfar", "size": GiB})
    cls, desc = qmp_error(q, "device_add", {"driver": "pc-dimm", "id": "dimmfar",
                                            "memdev": "memfar", "addr": 1 << bits})
    after = dimms(q)
    gone = q.execute("object-del", {"id": "memfar"})
    tap.ok(cls == "GenericError" and ("the guest's %d-bit physical address space" % bits)
           in (desc or "") and after == before and gone == {},
           "device_add at 2^%d (inside maxmem, past the address width): GenericError "
           "naming the width, nothing plugged" % bits, (cls, desc))
    return bits


def run_guest(tap, hotmem, tmp, shm, files, initrd, verbose, fig):
    path = tmp / "monitor.sock"
    ls = listening_socket(path)
    argv = libvirt_argv(hotmem, tmp, shm, ls.fileno(), files, initrd)
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
        d0, d1 = before_cont(tap, q)
        tids = vcpu_threads(tap, q, vm.proc.pid, "before cont (libvirt pins them now)")
        q.execute("cont")
        st = q.execute("query-status")
        tap.ok(st["status"] == "running" and st["running"], "cont: running", st)

        vm.wait_marker("init", 300)
        q.execute("stop")
        q.execute("cont")
        tap.ok(vcpu_threads(tap, q, vm.proc.pid, "after boot, stop and cont") == tids,
               "the vCPU thread ids stay the ones of before cont", tids)
        fig["boot_s"] = time.monotonic() - t0
        n0, on0 = wait_online(vm, d0["addr"], DIMM0)
        n1, on1 = wait_online(vm, d1["addr"], DIMM1)
        tap.ok(n0 == DIMM0 // (128 * MiB) and on0 == n0 and n1 == DIMM1 // (128 * MiB)
               and on1 == n1,
               "the guest onlined both cold DIMMs: RAM %d/%d, file %d/%d blocks"
               % (on0, n0, on1, n1))
        f = facts(vm, "mem")
        present, managed = (int(x) for x in f["movable"].split())
        kb_boot = int(f["memtotal_kb"])
        # the Movable zone holds the DIMMs and nothing else; what MemTotal has
        # beyond it is the part of ram-node0 the kernel manages
        tap.ok(present == managed == (DIMM0 + DIMM1) // PAGE
               and DIMM0 + DIMM1 < kb_boot * 1024 <= RAM_NODE0 + DIMM0 + DIMM1,
               "MemTotal %d kB includes both DIMMs: the Movable zone is exactly %d + %d MiB, "
               "the other %d kB are of ram-node0's %d kB"
               % (kb_boot, DIMM0 // MiB, DIMM1 // MiB, kb_boot - (DIMM0 + DIMM1) // 1024,
                  RAM_NODE0 // 1024), f)
        check_address_width(tap, vm, q, d1)

        t1 = time.monotonic()
        q.execute("object-add", {"qom-type": "memory-backend-file", "id": "memdimm2",
                                 "mem-path": str(shm), "share": True, "size": DIMM2})
        q.execute("device_add", {"driver": "pc-dimm", "node": 0, "memdev": "memdimm2",
                                 "id": "dimm2", "slot": 2})
        ev = q.wait_event("ACPI_DEVICE_OST", 120,
                          match=lambda e: e["data"]["info"].get("device") == "dimm2")
        d2 = dimms(q)["dimm2"]
        n, on = wait_online(vm, d2["addr"], DIMM2)
        fig["hotadd_s"] = time.monotonic() - t1
        kb = memtotal_kb(vm)
        info = ev["data"]["info"]
        tap.ok(info.get("source") == 1 and info.get("status") == 0 and n > 0 and on == n
               and d2["hotplugged"] and d2["memdev"] == "/objects/memdimm2"
               and kb - kb_boot == DIMM2 // 1024,
               "object-add memory-backend-file (mem-path, share) + device_add: _OST 1/0, "
               "online (%d/%d blocks), MemTotal +%d kB (%.1f s)"
               % (on, n, kb - kb_boot, fig["hotadd_s"]), (ev, d2, kb_boot, kb))

        cls, desc = qmp_error(q, "object-del", {"id": "memdimm0"})
        tap.ok(cls == "GenericError" and desc == "object 'memdimm0' is in use, can not be "
               "deleted" and "memdimm0" in object_names(q),
               "object-del memdimm0 while dimm0 is plugged: QEMU's GenericError", (cls, desc))
        kb_before = kb
        t2 = time.monotonic()
        r = q.execute("device_del", {"id": "dimm0"})
        ev = q.wait_event("DEVICE_DELETED", 120,
                          match=lambda e: e["data"].get("device") == "dimm0")
        fig["remove_s"] = time.monotonic() - t2
        kb = memtotal_kb(vm)
        tap.ok(r == {} and ev["data"] == {"device": "dimm0", "path": "/machine/peripheral/dimm0"}
               and "dimm0" not in dimms(q) and kb_before - kb == DIMM0 // 1024,
               "device_del dimm0: DEVICE_DELETED (%.1f s), MemTotal -%d kB"
               % (fig["remove_s"], kb_before - kb), (r, ev, kb_before, kb))
        r = q.execute("object-del", {"id": "memdimm0"})
        objs = object_names(q)
        tap.ok(r == {} and "memdimm0" not in objs and "memdimm1" in objs,
               "object-del memdimm0 then succeeds; qom-list /objects no longer lists it", objs)

        vm.wait_marker("ready", 60)
        vm.send("poweroff\n")
        ev = q.wait_event("SHUTDOWN", 60)
        time.sleep(2)               # it must stay, not exit a moment later
        st = q.execute("query-status")
        alive = vm.proc.poll() is None
        tap.ok(ev["data"].get("guest") is True and ev["data"].get("reason") == "guest-shutdown"
               and st["status"] == "shutdown" and not st["running"] and alive,
               "guest poweroff under -no-shutdown: SHUTDOWN {guest: true}, hotmem stays, "
               "query-status shutdown", (ev, st, alive))
        q.execute("quit")
        rc = vm.wait_exit(30)
        tap.ok(rc == 0, "quit ends hotmem with status 0", rc)
    except Exception as e:          # one failure must not hide the rest
        tap.ok(False, "the libvirt guest ran to the end", "%s: %s\n%s"
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
    t0 = time.monotonic()
    check_refusals(tap, args.hotmem)
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        tap.ok(False, "a usable /dev/kvm (run me through tests/guest/rig.py)")
        return tap.finish()
    files = guestlib.guest_files()
    initrd = str(guestlib.build_initramfs(guestlib.init_script(GUEST_BODY),
                                          name="test-libvirt"))
    tmp = Path(tempfile.mkdtemp(prefix="hm-libvirt-"))
    shm = Path(tempfile.mkdtemp(prefix="hm-libvirt-", dir="/dev/shm"))
    (tmp / "master-key.aes").write_bytes(os.urandom(32))
    fig = {}
    try:
        run_guest(tap, args.hotmem, tmp, shm, files, initrd, args.verbose, fig)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(shm, ignore_errors=True)
    fig["total_s"] = time.monotonic() - t0
    tap.diag("figures: start to guest init %s s, device_add to DIMM online %s s, "
             "device_del to DEVICE_DELETED %s s, scenario %s s"
             % tuple("%.1f" % fig[k] if k in fig else "-"
                     for k in ("boot_s", "hotadd_s", "remove_s", "total_s")))
    return tap.finish()


if __name__ == "__main__":
    guestlib.install_sigterm_handler()
    sys.exit(main())
