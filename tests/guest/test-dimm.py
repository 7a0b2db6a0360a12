#!/usr/bin/env python3
"""DIMM slots acceptance: a real Debian guest finds cold-plugged
DIMMs through ACPI (PNP0C80 devices, SRAT) and onlines them as movable
memory; empty slots are enumerated; the tables pass iasl and acpiexec.

    test-dimm.py [--hotmem ./hotmem] [--no-qemu] [-v]

Run it where /dev/kvm is fast:
    tests/guest/rig.py run -- python3 tests/guest/test-dimm.py

Boots (hotmem, -smp 2, guest command line with
memhp_default_state=online_movable):
  base    -m 512M, two NUMA nodes (CPU 0 in node 0, CPU 1 in node 1)
  dimm    base + -dimm d0 1G node 1 populated=on, -dimm d1 512M node 0 off
  slots8  -m 512M,slots=8,maxmem=8G
  slots256 -m 512M,slots=256,maxmem=8G
  dimm256 -m 512M and 256 x -dimm 128M (slots 0 and 255 populated=on)
Each boot reports MemTotal, per-node MemTotal, the PNP0C80 devices (path,
status, memory blocks with state and zone) and firmware complaints in dmesg,
then dumps its ACPI tables over the console.  The host parses the SRAT,
runs `iasl -d` and `acpiexec` on DSDT + SSDT.  Figures (TAP comments): boot
to init per boot, SSDT sizes, and QEMU 7.2's boot to init with
-m 512M[,slots=N,maxmem=8G] in the same rig (no pass/fail).  Output is
TAP; a check that could not run is `not ok`.
"""

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
import acpitables  # noqa: E402
import guestlib  # noqa: E402
from guestlib import GuestError, Tap, Vmm  # noqa: E402

BAD_DMESG = guestlib.BAD_DMESG
# Two guest settings keep the with/without-DIMM comparison about the DIMM:
# swiotlb=noforce: once the SRAT says memory may exist above 4 GiB, Linux
#   reserves a 64 MiB bounce buffer (swiotlb) at boot, which would hide
#   64 MiB of the DIMM's GiB in MemTotal (the guest has no DMA device);
# nokaslr: the kernel image (~45 MiB) otherwise lands in node 0 or node 1
#   at random, moving that much between the nodes' MemTotal.
APPEND = ("console=ttyS0 quiet pci=noearly memhp_default_state=online_movable "
          "swiotlb=noforce nokaslr")
MiB, GiB = 1 << 20, 1 << 30
RAM = 512 * MiB
MAXMEM = 8 * GiB
# MemTotal differences: the kernel's own boot-time reservations may move by
# a few pages between configurations; 1 GiB is 1048576 KiB.
MEM_SLACK_KB = 4 * 1024
SRAT_HOTPLUG = acpitables.SRAT_MEM_ENABLED | acpitables.SRAT_MEM_HOTPLUGGABLE

NUMA = ["-numa", "node,nodeid=0,cpus=0", "-numa", "node,nodeid=1,cpus=1"]
DIMMS = ["-dimm", "id=d0,size=1G,node=1,populated=on",
         "-dimm", "id=d1,size=512M,node=0,populated=off"]
# 256 -dimm slots of 128 MiB, the first and the last plugged at boot.
DIMM256_PLUGGED = (0, 255)
DIMMS256 = [a for i in range(256) for a in (
    "-dimm", "id=m%d,size=128M,populated=%s"
    % (i, "on" if i in DIMM256_PLUGGED else "off"))]

GUEST_BODY = r"""
# facts [brief]: memory, nodes, PNP0C80 devices, dmesg complaints. brief:
# only a count of the devices per status (256 slots, slow console).
cmd_facts() {
    hm memtotal_kb "$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)"
    for n in /sys/devices/system/node/node[0-9]*; do
        [ -d "$n" ] || continue
        hm node_mem "${n##*/node} $(awk '/MemTotal:/ { print $4 }' "$n/meminfo")"
    done
    hm block_size "$(cat /sys/devices/system/memory/block_size_bytes)"
    count=0
    all=""
    for d in /sys/bus/acpi/devices/PNP0C80:*; do
        [ -e "$d" ] || continue
        count=$((count + 1))
        s=$(cat "$d/status" 2>/dev/null || echo none)
        all="$all $s"
        [ "$1" = brief ] && continue
        blocks=""
        for l in "$d"/physical_node*; do
            [ -e "$l" ] || continue
            b=$(readlink -f "$l")
            b=${b##*/}
            m=/sys/devices/system/memory/$b
            blocks="$blocks $b:$(cat "$m/state"):$(cat "$m/valid_zones" | tr ' ' '+')"
        done
        hm pnp "$(cat "$d/path") $s$blocks"
    done
    hm pnp_count "$count"
    hm pnp_status "$(echo $all | tr ' ' '\n' | sort | uniq -c | tr -s ' \n' '  ')"
    dmesg | grep -E '@BAD@' >/tmp/bad
    n=0
    while read -r l; do hm dmesg_bad "$l"; n=$((n + 1)); done </tmp/bad
    hm dmesg_bad_count "$n"
    if [ "$1" != brief ]; then
        dmesg | grep -E 'SRAT|NUMA|software IO TLB|Memory:' | head -24 >/tmp/srat
        while read -r l; do hm dmesg_srat "$l"; done </tmp/srat
    fi
}
""".replace("@BAD@", BAD_DMESG) + acpitables.GUEST_DUMP_CMD


def region_size(slots_free, dimm_sizes=(), maxmem=0, ram=RAM):
    """The hotplug region's size by docs/specs/fwcfg.txt."""
    up = lambda v: -(-v // GiB) * GiB  # noqa: E731
    size = sum(up(s) for s in dimm_sizes) + slots_free * GiB
    if maxmem:
        size += maxmem - ram - sum(dimm_sizes)
    return up(size)


def run_boot(name, argv, timeout, brief, tables, log_dir, echo):
    """One boot: facts, table dump, poweroff. Returns a dict with init
    time, facts, tables (or the error that stopped it)."""
    out = {"name": name, "argv": argv, "facts": None, "tables": None,
           "error": None, "init": None}
    log = log_dir / ("test-dimm-%s.log" % name)
    timing = Path(tempfile.mkdtemp(prefix="hm-dimm-")) / "timing.json"
    env = dict(os.environ, HOTMEM_TIMING=str(timing))
    with Vmm(argv, log_path=log, echo=echo, env=env) as vm:
        try:
            init = vm.wait_marker("init", timeout)
            out["init"] = init.t
            out["guest_uptime"] = float(init.value)
            facts = {"pnp": [], "dmesg_bad": [], "node_mem": {},
                     "dmesg_srat": []}
            for mk in vm.command("facts" + (" brief" if brief else ""),
                                 timeout):
                if mk.key in ("pnp", "dmesg_bad", "dmesg_srat"):
                    facts[mk.key].append(mk.value)
                elif mk.key == "node_mem":
                    node, kb = mk.value.split()
                    facts["node_mem"][int(node)] = int(kb)
                else:
                    facts[mk.key] = mk.value
            out["facts"] = facts
            vm.command("acpi " + " ".join(tables), timeout)
            out["tables"] = acpitables.decode_dump(vm.console)
            vm.wait_marker("ready", timeout)
            vm.send("poweroff\n")
            vm.wait_marker("poweroff", 30)
            vm.wait_exit(15)
        except (GuestError, acpitables.DumpError, ValueError) as e:
            out["error"] = str(e)
            out["tail"] = vm.tail()
    try:
        out["timing"] = json.loads(timing.read_text())
    except (OSError, ValueError):
        out["timing"] = {}
    timing.unlink(missing_ok=True)
    timing.parent.rmdir()
    return out


def qemu_boot_time(qemu, kernel, initrd, mem, timeout, log_dir):
    """QEMU 7.2 boot to init (seconds), or the error text."""
    argv = [qemu, "-enable-kvm", "-machine", "pc", "-nographic", "-m", mem,
            "-smp", "2", "-kernel", kernel, "-initrd", initrd,
            "-append", APPEND]
    log = log_dir / ("test-dimm-qemu-%s.log" % mem.replace(",", "_"))
    with Vmm(argv, log_path=log) as vm:
        try:
            return vm.wait_marker("init", timeout).t
        except GuestError as e:
            return str(e).splitlines()[0]


def pnp_by_slot(facts):
    """{slot number: (status, [(block, state, zones)])} from pnp facts."""
    out = {}
    for line in facts["pnp"]:
        parts = line.split()
        path, status = parts[0], parts[1]
        slot = int(path.rsplit(".MP", 1)[1], 16) if ".MP" in path else -1
        blocks = [tuple(b.split(":", 2)) for b in parts[2:]]
        out[slot] = (status, blocks)
    return out


def expected_ram_entries(nodes):
    """RAM affinity entries for -m 512M split evenly over `nodes` nodes
    (docs/specs/fwcfg.txt etc/numa; the legacy hole cut out)."""
    share = (RAM // nodes) // (8 * MiB) * (8 * MiB)
    out, pos = [], 0
    for n in range(nodes):
        end = RAM if n == nodes - 1 else pos + share
        for s, e in ((0, 0xa0000), (0x100000, RAM)):
            lo, hi = max(pos, s), min(end, e)
            if lo < hi:
                out.append((lo, hi - lo, n, acpitables.SRAT_MEM_ENABLED))
        pos = end
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hotmem", default=os.environ.get(
        "HOTMEM_BIN", str(REPO / "hotmem")))
    ap.add_argument("--qemu", default=os.environ.get(
        "HOTMEM_QEMU", "qemu-system-x86_64"))
    ap.add_argument("--no-qemu", action="store_true",
                    help="skip the QEMU comparison figures")
    ap.add_argument("--boot-timeout", type=float, default=240)
    ap.add_argument("--keep-acpi", default=None, metavar="DIR")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    tap = Tap()
    log_dir = guestlib.cache_root() / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    files = guestlib.guest_files()
    kernel = files["HOTMEM_GUEST_KERNEL"]
    initrd = str(guestlib.build_initramfs(guestlib.init_script(GUEST_BODY),
                                          name="test-dimm"))
    common = ["-smp", "2", "-kernel", kernel, "-initrd", initrd,
              "-append", APPEND, "-nographic"]
    boots = [
        ("base", ["-m", "512M"] + NUMA, False),
        ("dimm", ["-m", "512M"] + NUMA + DIMMS, False),
        ("slots8", ["-m", "512M,slots=8,maxmem=8G"], True),
        ("slots256", ["-m", "512M,slots=256,maxmem=8G"], True),
        ("dimm256", ["-m", "512M"] + DIMMS256, True),
    ]
    res = {}
    if not os.access(args.hotmem, os.X_OK):
        why = "no hotmem binary at %s" % args.hotmem
    elif not os.access("/dev/kvm", os.R_OK | os.W_OK):
        why = "no usable /dev/kvm (run me through tests/guest/rig.py)"
    else:
        why = None
    for name, opts, brief in boots:
        if why:
            break
        argv = [args.hotmem] + opts + common
        tap.diag("boot %s: %s" % (name, " ".join(opts) if len(opts) < 20
                                  else "-m 512M + 256 x -dimm 128M"))
        res[name] = run_boot(name, argv, args.boot_timeout, brief,
                             ["DSDT", "SSDT", "SRAT"], log_dir, args.verbose)
        if res[name]["error"]:
            tap.diag("boot %s failed: %s" % (name, res[name]["error"]))
            tap.diag(res[name].get("tail", ""))

    def facts_of(name):
        r = res.get(name)
        return r and r["facts"]

    def tables_of(name):
        r = res.get(name)
        return r and r["tables"]

    def reason(name):
        r = res.get(name)
        return why or (r and r["error"]) or "boot %s did not run" % name

    def check(name, desc, pred, diag=None, need="facts"):
        data = facts_of(name) if need == "facts" else tables_of(name)
        if not data:
            return tap.skip("%s: %s" % (name, desc), reason(name))
        try:
            good = pred(data)
        except (KeyError, ValueError, IndexError, TypeError) as e:
            good, diag = False, "missing or bad data: %r" % (e,)
        return tap.ok(good, "%s: %s" % (name, desc),
                      diag() if callable(diag) else diag)

    # -- every boot: init, dmesg, table headers ---------------------------
    for name, _, _ in boots:
        check(name, "guest init reached", lambda f: True)
        check(name, "no firmware complaints in dmesg (%s)" % BAD_DMESG,
              lambda f: f["dmesg_bad_count"] == "0" and not f["dmesg_bad"],
              lambda: "\n".join(facts_of(name)["dmesg_bad"]))
        check(name, "dumped DSDT, SSDT, SRAT have valid signature, length "
              "and checksum",
              lambda t: {"DSDT", "SSDT", "SRAT"} <= set(t) and not [
                  p for n, d in t.items()
                  for p in acpitables.check_header(n, d)],
              lambda: "tables %s; %s" % (sorted(tables_of(name)), [
                  p for n, d in tables_of(name).items()
                  for p in acpitables.check_header(n, d)]), need="tables")

    # -- the acceptance boot ----------------------------------------------
    def mem_diff(f, node=None):
        b = facts_of("base")
        if node is None:
            return int(f["memtotal_kb"]) - int(b["memtotal_kb"])
        return f["node_mem"][node] - b["node_mem"][node]

    def near(v, want):
        return abs(v - want) <= MEM_SLACK_KB

    def mem_lines():
        return "\n".join("%s: %s" % (n, l) for n in ("base", "dimm")
                         for l in facts_of(n)["dmesg_srat"]
                         if "Memory:" in l or "IO TLB" in l)

    if facts_of("base"):
        check("dimm", "MemTotal is 1 GiB above the boot without DIMMs",
              lambda f: near(mem_diff(f), GiB // 1024),
              lambda: "difference %d KiB\n%s" % (mem_diff(facts_of("dimm")),
                                                 mem_lines()))
        check("dimm", "the added GiB is in node 1, node 0 unchanged",
              lambda f: near(mem_diff(f, 1), GiB // 1024)
              and near(mem_diff(f, 0), 0),
              lambda: "node 0 %+d KiB, node 1 %+d KiB\n%s" % (
                  mem_diff(facts_of("dimm"), 0),
                  mem_diff(facts_of("dimm"), 1), mem_lines()))
    else:
        tap.skip("dimm: MemTotal is 1 GiB above the boot without DIMMs",
                 reason("base"))
        tap.skip("dimm: the added GiB is in node 1", reason("base"))
    if facts_of("base") and facts_of("dimm"):
        tap.diag("memory: MemTotal %+d KiB, node 0 %+d KiB, node 1 %+d KiB "
                 "with the DIMMs" % (mem_diff(facts_of("dimm")),
                                     mem_diff(facts_of("dimm"), 0),
                                     mem_diff(facts_of("dimm"), 1)))
    check("dimm", "one PNP0C80 device per slot (2)",
          lambda f: f["pnp_count"] == "2" and set(pnp_by_slot(f)) == {0, 1},
          lambda: facts_of("dimm")["pnp"])

    def d0_ok(f):
        status, blocks = pnp_by_slot(f)[0]
        want = GiB // int(f["block_size"], 16)
        return status == "15" and len(blocks) == want and all(
            st == "online" and z == "Movable" for _, st, z in blocks)
    check("dimm", "d0 (MP00): status 15, its %s memory blocks online in "
          "zone Movable" % "1 GiB of", d0_ok,
          lambda: "%s (block size %s)" % (facts_of("dimm")["pnp"],
                                          facts_of("dimm").get("block_size")))
    check("dimm", "d1 (MP01, populated=off): status 0, no memory blocks",
          lambda f: pnp_by_slot(f).get(1, ("0", []))[0] == "0"
          and not pnp_by_slot(f).get(1, ("0", []))[1],
          lambda: facts_of("dimm")["pnp"])

    # -- SRAT -------------------------------------------------------------
    def srat(name):
        return acpitables.parse_srat(tables_of(name)["SRAT"])

    def srat_diag(name):
        return lambda: repr(srat(name)) + "\n" + "\n".join(
            (facts_of(name) or {}).get("dmesg_srat", []))

    def cpus_match_numa(t):
        s = acpitables.parse_srat(t["SRAT"])
        got = sorted((c["apic_id"], c["node"], c["flags"] & 1)
                     for c in s["cpus"])
        return got == [(0, 0, 1), (1, 1, 1)]

    def ram_entries(s):
        return sorted((m["base"], m["length"], m["node"], m["flags"])
                      for m in s["memory"]
                      if not m["flags"] & acpitables.SRAT_MEM_HOTPLUGGABLE)

    def hotplug_entries(s):
        return sorted((m["base"], m["length"], m["node"], m["flags"])
                      for m in s["memory"]
                      if m["flags"] & acpitables.SRAT_MEM_HOTPLUGGABLE)

    for name in ("base", "dimm"):
        check(name, "SRAT CPU affinity matches -numa (APIC 0 -> node 0, "
              "APIC 1 -> node 1, enabled)", cpus_match_numa, srat_diag(name),
              need="tables")
        check(name, "SRAT RAM affinity: 256 MiB per node, legacy hole cut",
              lambda t: ram_entries(acpitables.parse_srat(t["SRAT"]))
              == expected_ram_entries(2), srat_diag(name), need="tables")
    check("base", "SRAT has no hot-pluggable entry without slots",
          lambda t: not hotplug_entries(acpitables.parse_srat(t["SRAT"])),
          srat_diag("base"), need="tables")
    check("base", "SSDT has no memory devices without slots",
          lambda t: b"MHPC" not in t["SSDT"] and b"PNP" not in t["SSDT"],
          need="tables")
    check("base", "no PNP0C80 devices without slots",
          lambda f: f["pnp_count"] == "0")

    # d0 at the region base (4 GiB), d1 at the next 1 GiB boundary.
    want_slots = [(4 * GiB, GiB, 1, SRAT_HOTPLUG),
                  (5 * GiB, 512 * MiB, 0, SRAT_HOTPLUG)]
    check("dimm", "SRAT: one memory affinity entry per slot (d0 4 GiB +1 GiB "
          "node 1, d1 5 GiB +512 MiB node 0, flags 0x3)",
          lambda t: hotplug_entries(acpitables.parse_srat(t["SRAT"]))
          == want_slots, srat_diag("dimm"), need="tables")
    for name, n in (("slots8", 8), ("slots256", 256)):
        whole = [(4 * GiB, region_size(n, maxmem=MAXMEM), 0, SRAT_HOTPLUG)]
        check(name, "SRAT: one hot-pluggable entry for the whole hotplug "
              "region [4 GiB, +%d GiB) of the %d empty slots"
              % (whole[0][1] // GiB, n),
              lambda t, w=whole: hotplug_entries(
                  acpitables.parse_srat(t["SRAT"])) == w,
              srat_diag(name), need="tables")
        check(name, "SRAT: RAM all in node 0 without -numa",
              lambda t: ram_entries(acpitables.parse_srat(t["SRAT"]))
              == expected_ram_entries(1), srat_diag(name), need="tables")
        check(name, "%d PNP0C80 devices, all with status 0" % n,
              lambda f, n=n: f["pnp_count"] == str(n)
              and f["pnp_status"].split() == [str(n), "0"],
              lambda name=name: "count %s, statuses %s" % (
                  facts_of(name).get("pnp_count"),
                  facts_of(name).get("pnp_status")))

    want_256 = [(4 * GiB + i * GiB, 128 * MiB, 0, SRAT_HOTPLUG)
                for i in range(256)]
    check("dimm256", "SRAT: 256 hot-pluggable entries, slot i at 4 GiB + "
          "i GiB, 128 MiB, node 0, flags 0x3; no whole-region entry",
          lambda t: hotplug_entries(acpitables.parse_srat(t["SRAT"]))
          == want_256, need="tables")
    check("dimm256", "256 PNP0C80 devices: 2 with status 15 (populated=on), "
          "254 with status 0",
          lambda f: f["pnp_count"] == "256"
          and sorted(zip(*[iter(f["pnp_status"].split())] * 2))
          == [("2", "15"), ("254", "0")],
          lambda: "count %s, statuses %s" % (
              facts_of("dimm256").get("pnp_count"),
              facts_of("dimm256").get("pnp_status")))
    if facts_of("base") and facts_of("dimm256"):
        d = int(facts_of("dimm256")["memtotal_kb"]) - \
            int(facts_of("base")["memtotal_kb"])
        tap.ok(near(d, 256 * 1024), "dimm256: MemTotal is 256 MiB (two "
               "plugged 128 MiB DIMMs) above the boot without DIMMs",
               "difference %d KiB" % d)
    else:
        tap.skip("dimm256: MemTotal is 256 MiB above the boot without DIMMs",
                 reason("dimm256"))

    # -- iasl and acpiexec ------------------------------------------------
    for name in ("dimm", "slots256", "dimm256"):
        check(name, "iasl -d disassembles DSDT, SSDT, SRAT without errors",
              lambda t: not acpitables.iasl_problems(
                  t, ["DSDT", "SSDT", "SRAT"], args.keep_acpi),
              lambda name=name: acpitables.iasl_problems(
                  tables_of(name), ["DSDT", "SSDT", "SRAT"]),
              need="tables")
    for name, n in (("dimm", 2), ("slots256", 256), ("dimm256", 256)):
        t = tables_of(name)
        desc = ("acpiexec loads DSDT+SSDT and evaluates _STA, _CRS, _PXM of "
                "all %d slots: Integer, Buffer, Integer, no AML errors" % n)
        if not t:
            tap.skip("%s: %s" % (name, desc), reason(name))
            continue
        want = {}
        for i in range(n):
            for m, ty in (("_STA", "Integer"), ("_CRS", "Buffer"),
                          ("_PXM", "Integer")):
                want["\\_SB.MHPC.MP%02X.%s" % (i, m)] = ty
        want["\\_SB.PCI0.MHPD._STA"] = "Integer"
        try:
            got, load = acpitables.acpiexec_evaluate(t, list(want))
            bad = load + ["%s: %s %s" % (p, got[p]["type"], got[p]["errors"])
                          for p in want
                          if got[p]["type"] != want[p] or got[p]["errors"]]
        except (OSError, ValueError) as e:
            bad = ["acpiexec: %s" % e]
        tap.ok(not bad, "%s: %s" % (name, desc), "\n".join(bad[:20]))

    # -- figures ----------------------------------------------------------
    def fmt(v):
        return "%.2f s" % v if isinstance(v, float) else str(v)

    inits = {n: res[n]["init"] for n in res}
    uptimes = {n: res[n].get("guest_uptime") for n in res}
    order = ("base", "dimm", "slots8", "slots256", "dimm256")
    tap.diag("figures (hotmem, boot to init): 0 slots (2 NUMA nodes) %s; "
             "2 DIMMs %s; 8 slots %s; 256 slots %s; 256 -dimm %s" % tuple(
                 fmt(inits.get(n)) for n in order))
    tap.diag("figures (hotmem, guest uptime at init): 0 slots %s; 2 DIMMs "
             "%s; 8 slots %s; 256 slots %s; 256 -dimm %s" % tuple(
                 fmt(uptimes.get(n)) for n in order))
    fw = {n: res[n]["timing"] for n in res}
    tap.diag("figures (hotmem firmware, reset to kernel entry / tables "
             "built): " + "; ".join(
                 "%s %s / %s ms" % (n, fw[n].get("kernel_entry_ms"),
                                    fw[n].get("fw_tables_ms")) for n in fw))
    sizes = {n: len(tables_of(n)["SSDT"]) for n in res if tables_of(n)}
    tap.diag("figures (SSDT bytes): " + "; ".join(
        "%s %d" % (n, s) for n, s in sizes.items()))
    if not args.no_qemu and not why:
        q = {}
        for label, mem in (("0", "512M"), ("8", "512M,slots=8,maxmem=8G"),
                           ("256", "512M,slots=256,maxmem=8G")):
            q[label] = qemu_boot_time(args.qemu, kernel, initrd, mem,
                                      args.boot_timeout, log_dir)
        tap.diag("figures (QEMU 7.2 -machine pc, boot to init): 0 slots %s; "
                 "8 slots %s; 256 slots %s" % tuple(fmt(q[k]) for k in
                                                    ("0", "8", "256")))
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
