#!/usr/bin/env python3
"""Where a VMM's memory goes: smaps Rss by mapping class, guest RAM apart.

    bench/footprint.py PID            table of the classes, then the total
    bench/footprint.py --json PID     the same as JSON (what the bench stores)

The figure is the one `make bench` prints as "VMM RSS beyond guest RAM": the
sum of the smaps `Rss` of every mapping of the process except the guest RAM
mappings.  Everything else counts: binary, libraries, heap, thread stacks,
malloc arenas, the firmware ROM, copies of the kernel and initrd, KVM's run
areas.  The firmware ROM is guest-visible but read-only memory the VMM
fills and keeps: VMM memory, for hotmem and QEMU alike.

Guest RAM mappings:
- hotmem names them `[anon:hotmem-guest-ram:BLOCK]` (and the ROM
  `[anon:hotmem-guest-rom:bios]`) where the kernel can (CONFIG_ANON_VMA_NAME,
  Linux 5.17+).  Without names: the anonymous mappings marked for huge pages
  (VmFlags `hg`; hotmem advises MADV_HUGEPAGE on guest memory only).  Such a
  mapping may have merged with the 128 KiB ROM (same flags, adjacent): its
  size then is not a multiple of 2 MiB, and the ROM's size (always wholly
  resident: it is written in full at start) moves to the firmware class.
- QEMU: the anonymous mappings of exactly the guest RAM size (or of a
  memory-backend size given with --ram-size); QEMU keeps guard pages around
  its RAM blocks, so they never merge.

Kernel and initrd copies are found by content: a 64-byte sample from the
middle of each file is searched in every other anonymous mapping with at
least 256 KiB resident (through /proc/PID/mem, which needs ptrace rights on
the process); each hit counts the file's size (a copy is written whole,
so it is resident) against that mapping.
"""

import argparse
import json
import os
import re
import sys

HUGE = 2 << 20
KIB = 1024
HOTMEM_RAM_NAME = "[anon:hotmem-guest-ram:"
HOTMEM_ROM_NAME = "[anon:hotmem-guest-rom:"
MALLOC_ARENA = 64 << 20           # glibc's HEAP_MAX_SIZE on 64-bit
COPY_MIN_RSS_KB = 256
SAMPLE_LEN = 64


def read_smaps(pid):
    """[{start, end, perms, name, rss_kb, flags}] in address order."""
    maps = []
    with open("/proc/%d/smaps" % pid) as f:
        for line in f:
            m = re.match(r"^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$",
                         line)
            if m:
                maps.append({"start": int(m.group(1), 16),
                             "end": int(m.group(2), 16),
                             "perms": m.group(3), "name": m.group(4),
                             "rss_kb": 0, "flags": ()})
            elif line.startswith("Rss:") and maps:
                maps[-1]["rss_kb"] = int(line.split()[1])
            elif line.startswith("VmFlags:") and maps:
                maps[-1]["flags"] = tuple(line.split()[1:])
    return maps


def _size(m):
    return m["end"] - m["start"]


def parse_size(s):
    """'512M', '1G', '536870912' (bytes) -> bytes; QEMU/hotmem -m style
    (a bare number there is MiB: use vmm_cmdline for that)."""
    m = re.match(r"^(\d+)([KMGT]?)B?$", s.strip(), re.I)
    if not m:
        raise ValueError("bad size %r" % s)
    mult = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30,
            "T": 1 << 40}[m.group(2).upper()]
    return int(m.group(1)) * mult


def vmm_cmdline(pid):
    """What the command line says: kind, RAM size, kernel, initrd, bios."""
    with open("/proc/%d/cmdline" % pid, "rb") as f:
        argv = [a.decode(errors="replace") for a in f.read().split(b"\0")
                if a]
    try:
        exe = os.readlink("/proc/%d/exe" % pid)
    except OSError:
        exe = argv[0] if argv else ""
    info = {"kind": "qemu" if "qemu" in os.path.basename(exe) else "hotmem",
            "exe": exe, "ram_bytes": 128 << 20 if "qemu" in exe else 512 << 20,
            "kernel": None, "initrd": None, "bios": None}
    for i, a in enumerate(argv[:-1]):
        v = argv[i + 1]
        if a == "-m":
            first = v.split(",")[0]
            if first.startswith("size="):
                first = first[5:]
            info["ram_bytes"] = (int(first) << 20 if first.isdigit()
                                 else parse_size(first))
        elif a in ("-kernel", "-initrd", "-bios"):
            info[a[1:]] = v
    if info["kind"] == "hotmem" and not info["bios"]:
        info["bios"] = os.path.join(os.path.dirname(exe), "seabios", "out",
                                    "bios.bin")
    return info


def _file_size(path):
    try:
        return os.path.getsize(path) if path else None
    except OSError:
        return None


def _samples(paths):
    """[(label, needle, offset of the needle, file size)] of the files."""
    out = []
    for label, path in paths:
        size = _file_size(path)
        if not size or size < 4 * SAMPLE_LEN:
            continue
        off = (size // 2) & ~63
        try:
            with open(path, "rb") as f:
                f.seek(off)
                needle = f.read(SAMPLE_LEN)
        except OSError:
            continue
        out.append((label, needle, off, size))
    return out


def _find_copies(pid, maps, files):
    """{mapping index: [(label, bytes counted)]} for the copies found, and
    the reason when the search could not run."""
    samples = _samples(files)
    if not samples:
        return {}, None
    found = {}
    try:
        mem = open("/proc/%d/mem" % pid, "rb", buffering=0)
    except OSError as e:
        return {}, "kernel/initrd copies not searched: %s" % e
    with mem:
        for i, m in enumerate(maps):
            if m.get("class") not in (None, "heap", "malloc arenas") or \
                    m["rss_kb"] < COPY_MIN_RSS_KB or "r" not in m["perms"]:
                continue
            try:
                mem.seek(m["start"])
                data = mem.read(_size(m))
            except OSError:
                continue        # unpopulated holes read as errors: skip
            left = m["rss_kb"] * KIB
            for label, needle, off, size in samples:
                pos = data.find(needle)
                while pos >= 0 and left > 0:
                    start = max(0, pos - off)
                    n = min(size, len(data) - start, left)
                    found.setdefault(i, []).append((label, n))
                    left -= n
                    pos = data.find(needle, pos + SAMPLE_LEN)
    return found, None


def classify(pid, info=None, extra_ram_sizes=()):
    """The footprint of process pid: {classes: {name: kb}, overhead_kb,
    guest_ram_kb, method, notes, mappings}."""
    info = info or vmm_cmdline(pid)
    maps = read_smaps(pid)
    notes = []
    exe = info.get("exe") or ""
    rom_size = _file_size(info.get("bios")) if info["kind"] == "hotmem" \
        else None
    named = any(m["name"].startswith(HOTMEM_RAM_NAME) for m in maps)
    ram_sizes = {info["ram_bytes"]} | set(extra_ram_sizes)
    guest_kb = 0
    rom_kb = 0
    if info["kind"] == "hotmem":
        method = ("named mappings" if named else
                  "anonymous mappings with VmFlags hg (no mapping names on "
                  "this kernel)")
    else:
        method = "anonymous mappings of the guest RAM size"
    for i, m in enumerate(maps):
        m["class"] = None
        name, size = m["name"], _size(m)
        if info["kind"] == "hotmem" and named:
            if name.startswith(HOTMEM_RAM_NAME):
                m["class"] = "guest RAM"
            elif name.startswith(HOTMEM_ROM_NAME):
                m["class"] = "firmware ROM"
        elif info["kind"] == "hotmem":
            if name == "" and "hg" in m["flags"]:
                if rom_size and size == rom_size:
                    m["class"] = "firmware ROM"
                else:
                    m["class"] = "guest RAM"
                    if rom_size and size % HUGE == rom_size % HUGE != 0:
                        # RAM merged with the ROM: the ROM is wholly resident
                        m["rom_kb"] = min(rom_size // KIB, m["rss_kb"])
                        rom_kb += m["rom_kb"]
                        notes.append("guest RAM at 0x%x merged with the "
                                     "firmware ROM: %d KiB of it counted as "
                                     "ROM" % (m["start"], m["rom_kb"]))
        elif name == "" and size in ram_sizes and "w" in m["perms"]:
            m["class"] = "guest RAM"
        if m["class"] == "guest RAM":
            guest_kb += m["rss_kb"] - m.get("rom_kb", 0)
    # the rest, by what the mapping is
    for i, m in enumerate(maps):
        if m["class"] is not None:
            continue
        name, size = m["name"], _size(m)
        prev = maps[i - 1] if i else None
        nxt = maps[i + 1] if i + 1 < len(maps) else None
        if name == "[heap]":
            m["class"] = "heap"
        elif name == "[stack]":
            m["class"] = "thread stacks"
        elif name in ("[vdso]", "[vvar]", "[vvar_vclock]", "[vsyscall]"):
            m["class"] = "vdso"
        elif name.startswith("anon_inode:kvm"):
            m["class"] = "KVM run areas"
        elif name.startswith("/") and os.path.realpath(name) == \
                os.path.realpath(exe):
            m["class"] = "binary " + os.path.basename(name)
        elif name.startswith("/") and re.search(r"\.so(\.|$)", name):
            lib = re.sub(r"\.so.*$", "", os.path.basename(name))
            m["class"] = "library " + lib
        elif name.startswith("/") and name in (info.get("kernel"),
                                              info.get("initrd")):
            m["class"] = "kernel/initrd"
        elif name.startswith("/"):
            m["class"] = "file " + name
        elif name == "" and "w" in m["perms"] and prev and \
                prev["perms"].startswith("---") and _size(prev) <= 64 * KIB \
                and prev["end"] == m["start"]:
            m["class"] = "thread stacks"        # guard page below
        elif name == "" and "w" in m["perms"] and m["start"] % MALLOC_ARENA \
                == 0 and nxt and nxt["perms"].startswith("---") and \
                nxt["start"] == m["end"]:
            m["class"] = "malloc arenas"
        elif name == "" and not m["perms"].startswith("---"):
            m["class"] = None                   # decided below
        else:
            m["class"] = "reserved (no access)"
    copies, why = _find_copies(pid, maps, [("kernel", info.get("kernel")),
                                           ("initrd", info.get("initrd"))])
    if why:
        notes.append(why)
    classes = {}

    def add(cls, kb):
        if kb:
            classes[cls] = classes.get(cls, 0) + kb

    for i, m in enumerate(maps):
        rss = m["rss_kb"]
        if m["class"] == "guest RAM":
            add("firmware ROM", m.get("rom_kb", 0))
            continue
        for label, n in copies.get(i, []):
            add("kernel/initrd copies", n // KIB)
            rss -= n // KIB
        add(m["class"] or "other anonymous", rss)
    overhead = sum(classes.values())
    return {"pid": pid, "vmm": info["kind"], "method": method,
            "guest_ram_kb": guest_kb, "overhead_kb": overhead,
            "classes": dict(sorted(classes.items(), key=lambda x: -x[1])),
            "guest_ram_mappings": [
                {"addr": hex(m["start"]), "size": _size(m),
                 "rss_kb": m["rss_kb"], "name": m["name"]}
                for m in maps if m["class"] == "guest RAM"],
            "maps_lines": len(maps), "notes": notes}


def format_breakdown(fp):
    lines = ["%s pid %d: %.2f MiB beyond guest RAM (guest RAM resident "
             "%.1f MiB; guest RAM found by %s)" % (
                 fp["vmm"], fp["pid"], fp["overhead_kb"] / 1024.0,
                 fp["guest_ram_kb"] / 1024.0, fp["method"])]
    libs = sum(v for k, v in fp["classes"].items()
               if k.startswith("library "))
    for cls, kb in fp["classes"].items():
        lines.append("  %8d KiB  %6.2f MiB  %s" % (kb, kb / 1024.0, cls))
    lines.append("  %8d KiB  %6.2f MiB  (of which libraries)" % (
        libs, libs / 1024.0))
    lines.append("  %8d KiB  %6.2f MiB  total" % (
        fp["overhead_kb"], fp["overhead_kb"] / 1024.0))
    for n in fp["notes"]:
        lines.append("  note: " + n)
    return "\n".join(lines)


def summary(fp, top=6):
    """One line: the biggest classes, libraries together."""
    groups = {}
    for cls, kb in fp["classes"].items():
        key = "libraries" if cls.startswith("library ") else cls
        groups[key] = groups.get(key, 0) + kb
    parts = ["%s %.2f" % (k, v / 1024.0) for k, v in
             sorted(groups.items(), key=lambda x: -x[1])[:top]]
    return ", ".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 epilog=__doc__, formatter_class=argparse.
                                 RawDescriptionHelpFormatter)
    ap.add_argument("pid", type=int)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--ram-size", action="append", default=[],
                    help="another guest RAM mapping size (QEMU DIMM backends)")
    args = ap.parse_args()
    fp = classify(args.pid, extra_ram_sizes=[parse_size(s) for s in
                                             args.ram_size])
    if args.json:
        json.dump(fp, sys.stdout, indent=1)
        print()
    else:
        print(format_breakdown(fp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
