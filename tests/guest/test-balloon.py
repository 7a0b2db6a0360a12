#!/usr/bin/env python3
"""virtio-balloon acceptance: a Debian guest under hotmem with
-device virtio-balloon-pci loads Debian's own virtio_pci and virtio_balloon
modules and is ballooned over a real QMP socket.

    test-balloon.py [--hotmem ./hotmem] [-v]

One VM (-m 768M,slots=1 plus a populated 1 GiB DIMM, so query-balloon's
arithmetic and the BAR placement above the DIMM region are both exercised):
  - the function 1af4:1045 sits at 00:02.0 with its 64-bit BAR in the host
    bridge's 64-bit window, at or above etc/reserved-memory-end; virtio-pci
    binds it, virtio_balloon binds the virtio device, with MSI-X vectors;
  - dmesg has no ACPI, PCI resource or virtio complaint;
  - query-balloon starts at RAM + DIMM; balloon to 256 MiB less: the guest
    inflates (BALLOON_CHANGE events, its MemTotal drops by 256 MiB),
    query-balloon and HMP info balloon follow, host RSS drops;
  - guest stats over QOM: qom-set guest-stats-polling-interval 2, qom-get
    guest-stats advances, QEMU's ten names, total within 10% of MemTotal;
  - BALLOON_CHANGE comes at most about once a second (QEMU's throttle);
  - balloon back to the full size: the guest deflates;
  - with the balloon inflated, a 1 GiB pc-dimm hot-added (object-add +
    device_add, onlined movable): actual grows by exactly 1 GiB; ballooning
    to RAM + both DIMMs - 512 MiB and back works; device_del: DEVICE_DELETED,
    actual shrinks by 1 GiB;
  - without deflate-on-oom, a program allocating MemAvailable + 192 MiB past
    a 512 MiB balloon is OOM-killed and the balloon keeps its pages;
  - balloon-hostile.c unbinds the driver and drives the BAR wrongly (rings
    outside RAM, a looping chain, zero length, 2048 indirect entries, a
    queue size of 100, notify of unconfigured queues, status out of order):
    hotmem runs, QMP answers, the device is DEVICE_NEEDS_RESET or ignores
    it; the driver binds again and balloons;
  - a reboot gives the guest its pages back (BALLOON_CHANGE), the BAR and
    MSI-X come back on the recreated VM and the kept target is inflated
    again, as QEMU does;
  - bad input (0, negative) answers QEMU's error and changes nothing;
  - migration: with a 256 MiB pattern held and the balloon inflated by
    512 MiB, a destination without the balloon refuses before the source
    stops (both sides name virtio-balloon-pci); one with the same -device
    takes the guest over tcp: query-balloon shows the same actual, the
    destination's VmRSS stays at the source's (inflated pages are zero pages
    in the stream and are not populated), the pattern verifies, guest stats
    still arrive, the driver deflates and inflates again (BALLOON_CHANGE),
    the source is postmigrate and quits 0; the destination runs on.
A second VM, started with -S and no -device: migrating it to a destination
with a balloon is refused (the device named), device_add of a bad balloon
changes nothing, device_add virtio-balloon (QEMU's alias) then cont boots
it as -device would, a second balloon is refused; once booted, device_add
and device_del of a balloon get "Bus 'pci.0' does not support hotplugging".
That VM (pci=nomsi: the INTx fallback, through the PIIX3 PIRQ routing
and the _PRT) has free-page-reporting=on, deflate-on-oom=on: memory the
guest frees goes back to the host by itself, and the same allocation past a
512 MiB balloon succeeds: the driver deflates (BALLOON_CHANGE,
query-balloon) instead of an OOM kill.
Output is TAP; a check that could not run is `not ok`.
"""

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import guestlib  # noqa: E402
from guestlib import QMP, GuestError, QMPError, Tap, Vmm, free_port, wait_migration  # noqa: E402
from balloonlib import (  # noqa: E402
    REPO, MiB, FULL, INFLATE, TOUCH, HOTADD, MAXMEM, OOM_INFLATE, OOM_PAST, APPEND,
    GUEST_BODY, Section, facts, memtotal_kb, wait_actual, helper_binary, irq_counts,
    device_checks, dmesg_clean, start, poweroff, GiB,
)


def run_balloon(tap, base_argv, verbose, fig):
    argv = base_argv + ["-device", "virtio-balloon-pci,id=balloon0"]
    tap.diag("vmm: " + " ".join(argv))
    vm, q = start(tap, "balloon", argv, verbose)
    dst = None
    try:
        if q:
            ballooning(tap, vm, q, fig)
            dst = migration(tap, vm, q, argv, verbose, fig)
            if dst:
                poweroff(tap, "migrated", dst[0])
            else:
                poweroff(tap, "balloon", vm)
    finally:
        if q:
            q.close()
        vm.close()
        if dst:
            dst[1].close()
            dst[0].close()


def ballooning(tap, vm, q, fig):
    irq_before = device_checks(tap, vm, "balloon", True)
    dmesg_clean(tap, vm, "after boot")
    guest_stats(tap, vm, q)

    with Section(tap, "balloon: inflate", vm) as s:
        a0 = q.execute("query-balloon")["actual"]
        s.ok(a0 == FULL, "query-balloon starts at RAM + DIMM (%d)" % a0)
        kb0 = memtotal_kb(vm)
        rss_idle = vm.rss_kb()
        vm.command("touch %d" % (TOUCH >> 20), 600)
        rss0 = vm.rss_kb()
        fig["touch_kb"] = (rss_idle, rss0)
        s.ok(rss0 - rss_idle >= TOUCH // 1024 // 2,
             "control: memory the guest touched and freed stays with the host "
             "(VmRSS %d -> %d kB)" % (rss_idle, rss0))
        q.events.clear()
        t0 = time.monotonic()
        r = q.execute("balloon", {"value": FULL - INFLATE})
        s.ok(r == {}, "balloon %d returns {}" % (FULL - INFLATE), r)
        n, dt = wait_actual(q, FULL - INFLATE, 300)
        fig["inflate_s"], fig["inflate_events"] = time.monotonic() - t0, n
        s.ok(n >= 1, "BALLOON_CHANGE events reach actual %d (%d events, %.1f s)"
             % (FULL - INFLATE, n, dt))
        s.ok(n <= dt + 2, "BALLOON_CHANGE is throttled to one a second, as QEMU does "
             "(%d events in %.1f s)" % (n, dt))
        a1 = q.execute("query-balloon")["actual"]
        s.ok(a1 == FULL - INFLATE, "query-balloon actual %d" % a1)
        hmp = q.execute("human-monitor-command", {"command-line": "info balloon"})
        s.ok(hmp == "balloon: actual=%d\r\n" % ((FULL - INFLATE) >> 20),
             "HMP info balloon agrees", hmp)
        kb1 = memtotal_kb(vm)
        s.ok(kb0 - kb1 == INFLATE // 1024,
             "the guest's MemTotal drops by 256 MiB (%d -> %d kB)" % (kb0, kb1))
        rss1 = vm.rss_kb()
        fig["rss_kb"] = (rss0, rss1)
        s.ok(rss0 - rss1 >= INFLATE // 1024 // 2,
             "host VmRSS drops by at least 128 MiB (%d -> %d kB)" % (rss0, rss1))
        irq = irq_counts(facts(vm, "pci"))
        key = "virtio0-inflate"
        s.ok(irq.get(key, 0) > irq_before.get(key, 0),
             "the inflate queue's MSI-X vector fired (%s -> %s)"
             % (irq_before.get(key), irq.get(key)))

    with Section(tap, "balloon: bad-input", vm) as s:
        for value in (0, -4096):
            try:
                q.execute("balloon", {"value": value})
                s.ok(False, "balloon %d refused" % value)
            except QMPError as e:
                s.ok(e.error_class == "GenericError" and
                     e.desc == "Parameter 'value' expects a size",
                     "balloon %d: GenericError \"Parameter 'value' expects a size\""
                     % value, str(e))
        a = q.execute("query-balloon")["actual"]
        s.ok(a == FULL - INFLATE, "the balloon is unchanged (%d)" % a)

    with Section(tap, "balloon: deflate", vm) as s:
        q.events.clear()
        t0 = time.monotonic()
        q.execute("balloon", {"value": 100 * GiB})      # clamped: empty balloon
        n, dt = wait_actual(q, FULL, 300)
        fig["deflate_s"] = time.monotonic() - t0
        a = q.execute("query-balloon")["actual"]
        s.ok(a == FULL, "a value above RAM + DIMM empties the balloon: actual %d "
             "(%d events, %.1f s)" % (a, n, dt))
        kb2 = memtotal_kb(vm)
        s.ok(kb2 == kb0, "MemTotal is back (%d kB)" % kb2)
        facts_after = facts(vm, "pci")
        st = facts_after.get("virtio", ["- - - 0"])[0].split()[3]
        s.ok(not int(st, 16) & 0x40, "the device never needed a reset (status %s)" % st)
    dmesg_clean(tap, vm, "after inflate and deflate")
    hotplug(tap, vm, q, fig)
    dmesg_clean(tap, vm, "after the DIMM came and went")
    oom(tap, vm, q, "balloon", False, fig)
    hostile(tap, vm, q)

    with Section(tap, "balloon: reboot", vm) as s:
        # QEMU keeps the target across a reset: the new driver inflates again
        target = FULL - 64 * MiB
        q.execute("balloon", {"value": target})
        wait_actual(q, target, 300)
        q.events.clear()
        vm.wait_marker("ready", 60)
        vm.send("reboot\n")
        vm.wait_marker("reboot", 30)
        ev = q.wait_event("BALLOON_CHANGE", 120, lambda e: e["data"]["actual"] == FULL)
        s.ok(ev is not None, "the reset gives the guest its pages back: BALLOON_CHANGE %d"
             % FULL)
        vm.wait_marker("init", 240)
        vm.wait_marker("modules", 120)
        n, dt = wait_actual(q, target, 300)
        s.ok(q.execute("query-balloon")["actual"] == target,
             "after the reboot the new driver inflates to the kept target (%d events, "
             "%.1f s)" % (n, dt))
    irq = device_checks(tap, vm, "reboot", True)
    with Section(tap, "balloon: after reboot", vm) as s:
        s.ok(irq.get("virtio0-inflate", 0) > 0,
             "MSI-X works on the recreated VM (inflate vector %s)" % irq.get("virtio0-inflate"))
        q.execute("balloon", {"value": FULL})
        wait_actual(q, FULL, 300)
        s.ok(q.execute("query-balloon")["actual"] == FULL, "and deflates back to %d" % FULL)
    dmesg_clean(tap, vm, "after the reboot")


MIG_INFLATE = 512 * MiB          # the balloon the migration carries
PATTERN_MIB = 256


def incoming_side(tap, name, argv, verbose):
    """A destination hotmem (argv with its own QMP socket, -incoming defer)."""
    argv = list(argv)
    i = argv.index("-qmp")
    sock = argv[i + 1].split(",")[0][len("unix:"):].replace("qmp.sock", "%s.sock" % name)
    argv[i + 1] = "unix:%s,server=on,wait=off" % sock
    argv += ["-incoming", "defer"]
    log = guestlib.cache_root() / "logs" / ("test-balloon-%s.log" % name)
    vm = Vmm(argv, log_path=log, echo=verbose)
    vm.start()
    return vm, QMP(sock)


def first_command(vm, line, timeout=120):
    """A command to a guest that came by migration: its HM:ready was printed
    on the source, so send at once and wait for HM:done."""
    with vm._cond:
        start_at = len(vm.markers)
    vm.send(line + "\n")
    done = vm.wait_marker("done", timeout)
    got = vm.markers_since(start_at)
    return [m for m in got[:got.index(done)] if m.key != "ready"] if done in got else got


def migration(tap, vm, q, argv, verbose, fig):
    """The balloon inflated, a pattern held: a destination without the
    balloon refuses before the source stops, one with the same -device takes
    the guest; there actual, the driver, the stats and the pattern go on.
    Returns (vm, qmp) of the destination that runs the guest, or None."""
    path = "/machine/peripheral/balloon0"
    with Section(tap, "migrate: setup", vm) as s:
        i = len(vm.markers_since(0))
        vm.command("bg hold %d 77" % PATTERN_MIB, 60)
        w = vm._wait(lambda: next((m for m in vm.markers[i:] if m.key == "memfill"), None),
                     300, "waiting for HM:memfill").value
        vm.command("touch %d" % (TOUCH >> 20), 600)
        target = FULL - MIG_INFLATE
        q.execute("balloon", {"value": target})
        n, dt = wait_actual(q, target, 300)
        q.execute("qom-set", {"path": path, "property": "guest-stats-polling-interval",
                              "value": 2})
        time.sleep(3)
        rss_src = vm.rss_kb()
        fig["mig_src_rss_kb"] = rss_src
        s.ok(w.startswith("ok") and q.execute("query-balloon")["actual"] == target,
             "%d MiB pattern held, balloon inflated to %d (%d events, %.1f s), stats "
             "polled every 2 s; source VmRSS %d kB" % (PATTERN_MIB, target, n, dt, rss_src), w)

    with Section(tap, "migrate: no balloon on the destination", vm) as s:
        nob = [a for a in argv if a not in ("-device", "virtio-balloon-pci,id=balloon0")]
        bad, bq = incoming_side(tap, "nob", nob, verbose)
        try:
            port = free_port()
            bq.execute("migrate-incoming", {"uri": "tcp:127.0.0.1:%d" % port})
            q.events.clear()
            q.execute("migrate", {"uri": "tcp:127.0.0.1:%d" % port})
            info = wait_migration(q, 120)
            want = "device 'virtio-balloon-pci' (id=balloon0,addr=0x2,deflate-on-oom=off," \
                   "free-page-reporting=off) of the source is missing on the destination"
            s.ok(info["status"] == "failed" and want in info.get("error-desc", ""),
                 "source query-migrate: failed, error-desc names the device", info)
            stopped = [e for e in q.events if e["event"] == "STOP"]
            s.ok(not stopped and q.execute("query-status")["status"] == "running",
                 "the source never stopped", stopped)
            rc = bad.wait_exit(30)
            time.sleep(0.5)
            err = [ln for ln in bad.stderr.splitlines() if ln.strip()]
            s.ok(rc == 1 and len(err) == 1 and want in err[0],
                 "the destination exits 1 with one line naming the device", (rc, err))
        finally:
            bq.close()
            bad.close()

    dvm, dq = incoming_side(tap, "dst", argv, verbose)
    migrated = False
    with Section(tap, "migrate: same -device", vm) as s:
        port = free_port()
        dq.execute("migrate-incoming", {"uri": "tcp:127.0.0.1:%d" % port})
        q.execute("migrate-set-parameters", {"max-bandwidth": 4 * GiB})
        t0 = time.monotonic()
        q.execute("migrate", {"uri": "tcp:127.0.0.1:%d" % port})
        info = wait_migration(q, 600)
        fig["mig_s"] = time.monotonic() - t0
        ram = info.get("ram", {})
        fig["mig"] = (info.get("total-time"), info.get("downtime"), ram.get("transferred"),
                      ram.get("duplicate"))
        migrated = info["status"] == "completed"
        s.ok(migrated, "migrate tcp: completes (%s ms, downtime %s ms, %s bytes, %s zero "
             "pages)" % fig["mig"], info)
        s.ok(q.execute("query-status")["status"] == "postmigrate",
             "the source is postmigrate")
    with Section(tap, "migrate: destination", dvm) as s:
        if not migrated:
            raise GuestError("the migration did not complete")
        dq.wait_event("RESUME", 30)
        a = dq.execute("query-balloon")["actual"]
        s.ok(a == FULL - MIG_INFLATE, "query-balloon on the destination: actual %d, as "
             "on the source" % a)
        rss_dst = dvm.rss_kb()
        fig["mig_dst_rss_kb"] = rss_dst
        s.ok(rss_dst <= rss_src + 32 * 1024,
             "the inflated pages stay discarded: destination VmRSS %d kB, source %d kB"
             % (rss_dst, rss_src))
        got = first_command(dvm, "sig")
        v = dvm._wait(lambda: next((m for m in dvm.markers if m.key == "memfill-verify"),
                                   None), 300, "waiting for HM:memfill-verify").value
        rc = facts(dvm, "bgwait").get("bgrc", ["?"])[0]
        s.ok(v.startswith("ok") and rc == "0",
             "the %d MiB pattern verifies byte for byte" % PATTERN_MIB, (v, rc, got))
        st0 = dq.execute("qom-get", {"path": path, "property": "guest-stats"})
        time.sleep(5)
        st1 = dq.execute("qom-get", {"path": path, "property": "guest-stats"})
        s.ok(st1["last-update"] > st0["last-update"] and
             st1["stats"].get("stat-total-memory", -1) > 0,
             "guest stats still arrive (last-update %d -> %d)"
             % (st0["last-update"], st1["last-update"]), st1)
        dq.events.clear()
        dq.execute("balloon", {"value": FULL})
        n, dt = wait_actual(dq, FULL, 300)
        s.ok(dq.execute("query-balloon")["actual"] == FULL and n >= 1,
             "the driver still works: balloon back to %d (%d BALLOON_CHANGE, %.1f s)"
             % (FULL, n, dt))
        dq.execute("balloon", {"value": FULL - INFLATE})
        n, dt = wait_actual(dq, FULL - INFLATE, 300)
        s.ok(dq.execute("query-balloon")["actual"] == FULL - INFLATE,
             "and down again to %d (%d BALLOON_CHANGE, %.1f s)" % (FULL - INFLATE, n, dt))
        dq.execute("balloon", {"value": FULL})
        wait_actual(dq, FULL, 300)
        q.execute("quit")
        s.ok(vm.wait_exit(30) == 0, "the source quits with status 0")
    if not migrated:
        dq.close()
        dvm.close()
        return None
    dmesg_clean(tap, dvm, "after the migration")
    return dvm, dq


def guest_stats(tap, vm, q):
    """QEMU's stats interface: qom-set the polling interval, qom-get the
    numbers the guest's driver sent back."""
    path = "/machine/peripheral/balloon0"
    with Section(tap, "balloon: stats", vm) as s:
        kids = {p["name"]: p["type"] for p in q.execute("qom-list", {"path": "/machine/peripheral"})}
        props = {p["name"]: p["type"] for p in q.execute("qom-list", {"path": path})}
        s.ok(kids.get("balloon0") == "child<virtio-balloon-pci>" and
             props.get("guest-stats-polling-interval") == "int" and
             "guest-stats" in props, "qom-list shows /machine/peripheral/balloon0 with its "
             "stats properties", (kids, props))
        r = q.execute("qom-set", {"path": path, "property": "guest-stats-polling-interval",
                                  "value": 2})
        st0 = q.execute("qom-get", {"path": path, "property": "guest-stats"})
        time.sleep(5)
        st1 = q.execute("qom-get", {"path": path, "property": "guest-stats"})
        s.ok(r == {} and st1["last-update"] > st0["last-update"],
             "with a 2 s interval the guest's stats are polled (last-update %d -> %d)"
             % (st0["last-update"], st1["last-update"]))
        kb = memtotal_kb(vm)
        tot = st1["stats"].get("stat-total-memory", -1)
        free = st1["stats"].get("stat-free-memory", -1)
        s.ok(abs(tot - kb * 1024) <= kb * 1024 // 10 and 0 < free < tot,
             "stat-total-memory %d within 10%% of MemTotal %d kB, free %d" % (tot, kb, free),
             st1)
        s.ok(sorted(st1["stats"]) == sorted([
            "stat-swap-in", "stat-swap-out", "stat-major-faults", "stat-minor-faults",
            "stat-free-memory", "stat-total-memory", "stat-available-memory",
            "stat-disk-caches", "stat-htlb-pgalloc", "stat-htlb-pgfail"]),
             "QEMU's ten stat names", sorted(st1["stats"]))
        try:
            q.execute("qom-set", {"path": path, "property": "guest-stats-polling-interval",
                                  "value": -1})
            s.ok(False, "a negative interval is refused")
        except QMPError as e:
            s.ok(e.desc == "timer value must be greater than zero",
                 "a negative interval: QEMU's error", str(e))
        q.execute("qom-set", {"path": path, "property": "guest-stats-polling-interval",
                              "value": 0})


HOSTILE = ("outside", "loop", "zero", "long", "size", "unconfigured", "order")


def hostile(tap, vm, q):
    """A guest program that unbinds the driver and drives the BAR wrongly:
    after each case hotmem runs, QMP answers and the device either marked
    itself DEVICE_NEEDS_RESET or ignored the write. Then the real driver
    binds again and works."""
    with Section(tap, "balloon: hostile", vm) as s:
        for case in HOSTILE:
            f = facts(vm, "hostile %s" % case, 60)
            v = f.get("hostile-%s" % case, ["(nothing)"])[0]
            m = re.match(r"status 0x([0-9a-f]+) size (\d+)", v)
            alive = vm.proc.poll() is None
            a = q.execute("query-balloon")["actual"]
            ok = bool(m) and alive and a > 0
            st = int(m.group(1), 16) if m else -1
            size = int(m.group(2)) if m else -1
            if case in ("outside", "loop", "long"):
                ok = ok and st & 0x40 != 0
                what = "DEVICE_NEEDS_RESET"
            elif case == "size":
                ok = ok and size != 100
                what = "the size write ignored (reads %d)" % size
            elif case == "order":
                ok = ok and (st & 0x04 == 0 or st & 0x40 != 0)
                what = "no working queue: DRIVER_OK refused or DEVICE_NEEDS_RESET"
            else:
                ok = ok and st & 0x40 == 0
                what = "ignored, status 0x%x" % st
            s.ok(ok, "%s: hotmem runs, query-balloon answers, %s (%s)" % (case, what, v))
        vm.command("rebind", 60)
        f = facts(vm, "pci")
        virtio = [x.split() for x in f.get("virtio", [])]
        s.ok(len(virtio) == 1 and virtio[0][2] == "virtio_balloon" and
             int(virtio[0][3], 16) == 0x0f,
             "virtio-pci binds again and the device is DRIVER_OK", virtio)
        q.execute("balloon", {"value": FULL - 64 * MiB})
        wait_actual(q, FULL - 64 * MiB, 120)
        q.execute("balloon", {"value": FULL})
        wait_actual(q, FULL, 120)
        s.ok(q.execute("query-balloon")["actual"] == FULL,
             "and balloons 64 MiB and back")


def hotplug(tap, vm, q, fig):
    """The balloon counts a DIMM plugged and unplugged at run time: query-balloon's
    actual is RAM + DIMMs - balloon, whatever was plugged after the target."""
    with Section(tap, "balloon: hot-add", vm) as s:
        q.execute("balloon", {"value": FULL - INFLATE})
        wait_actual(q, FULL - INFLATE, 300)
        a0 = q.execute("query-balloon")["actual"]
        kb0 = memtotal_kb(vm)
        q.events.clear()
        r1 = q.execute("object-add", {"qom-type": "memory-backend-ram", "id": "mem1",
                                      "size": HOTADD})
        r2 = q.execute("device_add", {"driver": "pc-dimm", "id": "dimm1", "memdev": "mem1"})
        ev = q.wait_event("ACPI_DEVICE_OST", 120,
                          lambda e: e["data"]["info"].get("device") == "dimm1"
                          and e["data"]["info"]["source"] == 1)
        s.ok(r1 == {} and r2 == {} and ev["data"]["info"]["status"] == 0,
             "object-add + device_add pc-dimm of 1 GiB with the balloon inflated: the "
             "guest takes it (_OST 1/0)", ev)
        deadline, kb1 = time.monotonic() + 120, kb0
        while kb1 - kb0 < HOTADD // 1024 and time.monotonic() < deadline:
            time.sleep(1)
            kb1 = memtotal_kb(vm)
        s.ok(kb1 - kb0 == HOTADD // 1024,
             "the guest onlines it: MemTotal %d -> %d kB" % (kb0, kb1))
        a1 = q.execute("query-balloon")["actual"]
        s.ok(a0 == FULL - INFLATE and a1 == a0 + HOTADD,
             "query-balloon actual grows by exactly 1 GiB (%d -> %d)" % (a0, a1))
        # a target that needs more balloon than before, now over 2.75 GiB of RAM
        target = FULL + HOTADD - 2 * INFLATE
        q.events.clear()
        q.execute("balloon", {"value": target})
        n, dt = wait_actual(q, target, 300)
        a2 = q.execute("query-balloon")["actual"]
        kb2 = memtotal_kb(vm)
        s.ok(a2 == target and kb1 - kb2 == INFLATE // 1024,
             "balloon to RAM + both DIMMs - 512 MiB: actual reaches %d (%d events, %.1f s), "
             "MemTotal %d kB" % (a2, n, dt, kb2))
        q.execute("balloon", {"value": FULL + HOTADD})
        n, dt = wait_actual(q, FULL + HOTADD, 300)
        a3 = q.execute("query-balloon")["actual"]
        s.ok(a3 == FULL + HOTADD, "deflated: actual %d = RAM + both DIMMs" % a3)

    with Section(tap, "balloon: hot-remove", vm) as s:
        q.events.clear()
        t0 = time.monotonic()
        r = q.execute("device_del", {"id": "dimm1"})
        ev = q.wait_event("DEVICE_DELETED", 300,
                          lambda e: e["data"].get("device") == "dimm1")
        fig["unplug_s"] = time.monotonic() - t0
        s.ok(r == {} and ev is not None,
             "device_del dimm1 returns {} and DEVICE_DELETED arrives (%.1f s)"
             % fig["unplug_s"])
        a4 = q.execute("query-balloon")["actual"]
        s.ok(a4 == FULL, "query-balloon actual shrinks by exactly 1 GiB (%d)" % a4)
        s.ok(q.execute("object-del", {"id": "mem1"}) == {}, "object-del mem1 returns {}")
        kb4 = memtotal_kb(vm)
        s.ok(kb4 == kb1 - (HOTADD - INFLATE) // 1024,
             "MemTotal %d kB: without the DIMM and the balloon" % kb4)


def oom(tap, vm, q, name, deflate_on_oom, fig):
    """A program allocates past the balloon: with deflate-on-oom the driver
    gives pages back instead of letting the OOM killer act; without it the
    program is killed."""
    with Section(tap, "%s: oom" % name, vm) as s:
        target = FULL - OOM_INFLATE
        q.execute("balloon", {"value": target})
        wait_actual(q, target, 300)
        q.events.clear()
        t0 = time.monotonic()
        f = facts(vm, "oom %d" % (OOM_PAST >> 20), 900)
        fig["%s_oom_s" % name] = time.monotonic() - t0
        size = f.get("oomsize", ["?"])[0]
        rc = int(f.get("oomrc", ["-1"])[0])
        mf = f.get("memfill", ["(none)"])[0]
        a = q.execute("query-balloon")["actual"]
        ups = [e["data"]["actual"] for e in q.events if e["event"] == "BALLOON_CHANGE"]
        got = vm.command("dmesg Out.of.memory|invoked.oom-killer|oom-kill", 60)
        kills = [m.value for m in got if m.key == "dmesg"]
        if deflate_on_oom:
            s.ok(rc == 0 and mf.startswith("ok"),
                 "deflate-on-oom=on: %s MiB (MemAvailable + %d MiB) allocated and verified "
                 "(status %d, %s, %.1f s)" % (size, OOM_PAST >> 20, rc, mf,
                                             fig["%s_oom_s" % name]))
            s.ok(a > target and ups and max(ups) > target,
                 "the balloon deflated: query-balloon %d -> %d, %d BALLOON_CHANGE events"
                 % (target, a, len(ups)), ups[-5:])
            s.ok(not kills, "no OOM kill", kills)
        else:
            s.ok(rc == 128 + 9 and mf == "(none)",
                 "without deflate-on-oom: %s MiB (MemAvailable + %d MiB) gets the program "
                 "killed (status %d)" % (size, OOM_PAST >> 20, rc), mf)
            s.ok(any("Out of memory" in k for k in kills),
                 "dmesg says \"Out of memory\"", kills)
            s.ok(a == target and not ups,
                 "the balloon kept its pages: query-balloon %d, no BALLOON_CHANGE" % a, ups)
        q.execute("balloon", {"value": FULL})
        wait_actual(q, FULL, 300)
        s.ok(q.execute("query-balloon")["actual"] == FULL, "deflated back to %d" % FULL)


def refused(q, cmd, args):
    try:
        q.execute(cmd, args)
        return "accepted"
    except QMPError as e:
        return (e.error_class, e.desc)


def add_before_boot(tap, vm, q, base_argv, verbose):
    """-S: a source without a balloon refuses a destination with one; then
    device_add adds the balloon (bad ones change nothing) and cont boots it."""
    with Section(tap, "reporting: device_add before boot", vm) as s:
        s.ok(q.execute("query-status")["status"] == "prelaunch", "-S: prelaunch")
        dvm, dq = incoming_side(tap, "withb", base_argv + ["-device",
                                "virtio-balloon-pci,id=balloon0"], verbose)
        try:
            port = free_port()
            dq.execute("migrate-incoming", {"uri": "tcp:127.0.0.1:%d" % port})
            q.execute("migrate", {"uri": "tcp:127.0.0.1:%d" % port})
            info = wait_migration(q, 120)
            want = "device 'virtio-balloon-pci' (id=balloon0,addr=0x2,deflate-on-oom=off," \
                   "free-page-reporting=off) is on the destination but not on the source"
            s.ok(info["status"] == "failed" and want in info.get("error-desc", ""),
                 "migrating to a destination with a balloon the source lacks: failed, "
                 "error-desc names the device", info)
            rc = dvm.wait_exit(30)
            time.sleep(0.5)
            err = [ln for ln in dvm.stderr.splitlines() if ln.strip()]
            s.ok(rc == 1 and len(err) == 1 and want in err[0],
                 "that destination exits 1 with one line naming the device", (rc, err))
        finally:
            dq.close()
            dvm.close()
        bad = refused(q, "device_add", {"driver": "virtio-balloon-pci", "id": "balloon0",
                                        "bogus": 1})
        s.ok(bad == ("GenericError", "Property 'virtio-balloon-pci.bogus' not found"),
             "an unknown property: QEMU's error", bad)
        s.ok(refused(q, "query-balloon", {}) ==
             ("DeviceNotActive", "No balloon device has been activated"),
             "and no balloon exists")
        r = q.execute("device_add", {"driver": "virtio-balloon", "id": "balloon0",
                                     "free-page-reporting": True, "deflate-on-oom": True})
        s.ok(r == {}, "device_add virtio-balloon (QEMU's alias), free-page-reporting and "
             "deflate-on-oom on: {}", r)
        two = refused(q, "device_add", {"driver": "virtio-balloon-pci", "id": "balloon1"})
        s.ok(two == ("GenericError", "Only one balloon device is supported"),
             "a second balloon: QEMU's error", two)
        kids = {p["name"]: p["type"] for p in q.execute("qom-list",
                                                          {"path": "/machine/peripheral"})}
        s.ok(q.execute("query-balloon")["actual"] == FULL and
             kids.get("balloon0") == "child<virtio-balloon-pci>",
             "query-balloon %d, /machine/peripheral/balloon0 exists" % FULL, kids)
        t0 = time.monotonic()
        q.execute("cont")
        vm.wait_marker("init", 240)
        vm.wait_marker("modules", 120)
        s.ok(True, "cont: the guest boots (%.1f s)" % (time.monotonic() - t0))


def run_reporting(tap, base_argv, verbose, fig):
    """Free page reporting (and QEMU's other driver name, added by device_add
    before boot): memory the guest frees goes back to the host without any
    balloon command."""
    argv = base_argv + ["-S"]
    argv[argv.index("-append") + 1] += " pci=nomsi"
    tap.diag("vmm: " + " ".join(argv))
    log = guestlib.cache_root() / "logs" / "test-balloon-reporting.log"
    vm = Vmm(argv, log_path=log, echo=verbose)
    q = None
    try:
        with Section(tap, "reporting: start", vm) as s:
            vm.start()
            q = QMP(argv[argv.index("-qmp") + 1].split(",")[0][len("unix:"):])
            s.ok(True, "hotmem -S started, QMP connected")
        if not q:
            return
        add_before_boot(tap, vm, q, base_argv, verbose)
        irq0 = device_checks(tap, vm, "reporting", False)
        with Section(tap, "reporting", vm) as s:
            f = facts(vm, "pci")
            virtio = [v.split() for v in f.get("virtio", [])]
            bits = facts(vm, "features").get("features", ["0"])[0]
            s.ok(len(bits) > 5 and bits[2] == "1" and bits[5] == "1",
                 "the driver accepted DEFLATE_ON_OOM and REPORTING", bits)
            s.ok(len(virtio) == 1 and virtio[0][2] == "virtio_balloon" and
                 int(virtio[0][3], 16) == 0x0f, "virtio_balloon bound, status 0xf", virtio)
            rss0 = vm.rss_kb()
            vm.command("touch %d" % (TOUCH >> 20), 600)
            deadline = time.monotonic() + 120
            rss1 = vm.rss_kb()
            while rss1 - rss0 >= TOUCH // 1024 // 2 and time.monotonic() < deadline:
                time.sleep(2)
                rss1 = vm.rss_kb()
            fig["report_kb"] = (rss0, rss1)
            s.ok(rss1 - rss0 < TOUCH // 1024 // 2,
                 "the freed memory went back to the host (VmRSS %d -> %d kB after "
                 "touching and freeing %d MiB)" % (rss0, rss1, TOUCH >> 20))
            a = q.execute("query-balloon")["actual"]
            s.ok(a == FULL, "reporting is not ballooning: query-balloon stays %d" % a)
            irq1 = irq_counts(facts(vm, "pci"))
            s.ok(len(irq1) == 1 and list(irq1.values())[0] > list(irq0.values() or [0])[0],
                 "INTx interrupts were delivered (%s -> %s)" % (irq0, irq1))
        dmesg_clean(tap, vm, "with free page reporting")
        with Section(tap, "reporting: no PCI hotplug once booted", vm) as s:
            bus = ("GenericError", "Bus 'pci.0' does not support hotplugging")
            add = refused(q, "device_add", {"driver": "virtio-balloon-pci", "id": "b2"})
            dele = refused(q, "device_del", {"id": "balloon0"})
            s.ok(add == bus and dele == bus, "device_add and device_del of a balloon: "
                 "GenericError \"Bus 'pci.0' does not support hotplugging\"", (add, dele))
            s.ok(q.execute("query-balloon")["actual"] == FULL, "the balloon is still there")
        oom(tap, vm, q, "reporting", True, fig)
        poweroff(tap, "reporting", vm)
    finally:
        if q:
            q.close()
        vm.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hotmem", default=str(REPO / "hotmem"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    tap = Tap()
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        tap.ok(False, "a usable /dev/kvm (run me through tests/guest/rig.py)")
        return tap.finish()
    files = guestlib.guest_files()
    initrd = str(guestlib.build_initramfs(
        guestlib.init_script(GUEST_BODY), name="test-balloon",
        adds=guestlib.module_adds(["virtio_pci", "virtio_balloon"]) +
        [(str(helper_binary("memfill")), "/bin/memfill"),
         (str(helper_binary("balloon-hostile")), "/bin/balloon-hostile")]))
    sockdir = tempfile.mkdtemp(prefix="hm-balloon-")
    base = [args.hotmem, "-m", "768M,slots=1,maxmem=%dM" % (MAXMEM >> 20), "-smp", "1", "-dimm", "id=d0,size=1G,populated=on",
            "-kernel", files["HOTMEM_GUEST_KERNEL"], "-initrd", initrd,
            "-append", APPEND, "-nographic",
            "-qmp", "unix:%s,server=on,wait=off" % (Path(sockdir) / "qmp.sock")]
    fig = {}
    try:
        run_balloon(tap, base, args.verbose, fig)
        run_reporting(tap, base, args.verbose, fig)
    finally:
        shutil.rmtree(sockdir, ignore_errors=True)

    def kb(k):
        return "%d / %d kB" % fig[k] if k in fig else "-"
    tap.diag("figures: inflate 256 MiB %s s (%s BALLOON_CHANGE events), deflate %s s; "
             "VmRSS idle / after touching %d MiB %s; before / after inflate %s; "
             "with reporting, before touching / after %s"
             % ("%.1f" % fig["inflate_s"] if "inflate_s" in fig else "-",
                fig.get("inflate_events", "-"),
                "%.1f" % fig["deflate_s"] if "deflate_s" in fig else "-",
                TOUCH >> 20, kb("touch_kb"), kb("rss_kb"), kb("report_kb")))
    if "mig" in fig:
        tap.diag("figures: migration with %d MiB ballooned: total %s ms, downtime %s ms, "
                 "%s bytes, %s zero pages, %.1f s wall; VmRSS source %s kB, destination "
                 "%s kB" % ((MIG_INFLATE >> 20,) + fig["mig"] + (fig.get("mig_s", 0),
                            fig.get("mig_src_rss_kb"), fig.get("mig_dst_rss_kb"))))
    return tap.finish()


if __name__ == "__main__":
    guestlib.install_sigterm_handler()
    sys.exit(main())
