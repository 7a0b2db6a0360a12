#!/usr/bin/env python3
"""checkimage.py - fail the firmware build if the ROM image is wrong.

Usage: checkimage.py bios.elf bios.bin

Checks: the image is exactly 128 KiB; its last 16 bytes (at 0xfffffff0)
hold the reset vector, a near jump to the 16-bit entry inside the last
64 KiB; code and data end before the 16-bit entry; .data + .bss fit their
RAM area. Prints one line with the space used.
"""
import os
import re
import struct
import sys

ROM_SIZE = 128 * 1024
ROM_BASE = 0x100000000 - ROM_SIZE
SEG16_BASE = 0xFFFF0000
RESET_ADDR = 0xFFFFFFF0


def fail(msg):
    sys.stderr.write("checkimage: %s\n" % msg)
    sys.exit(1)


def header_define(path, name):
    """Reads a '#define NAME value' from a C header."""
    with open(path) as f:
        m = re.search(r"^#define\s+%s\s+(\S+)" % name, f.read(), re.M)
    if not m:
        fail("%s not defined in %s" % (name, path))
    return int(m.group(1).rstrip("ULul"), 0)


def elf_sections_and_symbols(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or data[4] != 1:
        fail("%s is not a 32-bit ELF file" % path)
    shoff, = struct.unpack_from("<I", data, 0x20)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x2E)
    shdrs = [struct.unpack_from("<IIIIIIIIII", data, shoff + i * shentsize)
             for i in range(shnum)]
    strtab_off = shdrs[shstrndx][4]

    def cstr(off):
        return data[off:data.index(b"\0", off)].decode()

    sections = {cstr(strtab_off + s[0]): s for s in shdrs}
    symbols = {}
    for s in shdrs:
        if s[1] != 2:                          # SHT_SYMTAB
            continue
        names = shdrs[s[6]][4]
        for i in range(s[5] // 16):
            name, value = struct.unpack_from("<II", data, s[4] + i * 16)
            if name:
                symbols[cstr(names + name)] = value
    return sections, symbols


def main():
    if len(sys.argv) != 3:
        fail("usage: checkimage.py bios.elf bios.bin")
    elf, binary = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    layout = os.path.join(here, "..", "src", "layout.h")
    header = os.path.join(here, "..", "..", "include", "hw", "hotmem-pc.h")

    if header_define(header, "HM_BIOS_SIZE") != ROM_SIZE or \
       header_define(header, "HM_BIOS_BASE") != ROM_BASE:
        fail("hotmem-pc.h disagrees with the 128 KiB ROM at 0xfffe0000")

    size = os.path.getsize(binary)
    if size != ROM_SIZE:
        fail("image is %d bytes, must be exactly %d" % (size, ROM_SIZE))
    with open(binary, "rb") as f:
        image = f.read()

    sections, symbols = elf_sections_and_symbols(elf)
    for name in (".text", ".entry16", ".reset"):
        if name not in sections:
            fail("section %s missing" % name)
    if sections[".text"][3] != ROM_BASE:
        fail(".text does not start at the ROM base")
    entry16 = sections[".entry16"][3]
    entry16_end = entry16 + sections[".entry16"][5]
    if sections[".reset"][3] != RESET_ADDR or symbols.get("reset_vector") != RESET_ADDR:
        fail("reset vector is not at 0xfffffff0")

    # The reset vector: a near jmp (rel16 or rel8) into the 16-bit entry.
    vec = image[RESET_ADDR - ROM_BASE:]
    if vec[0] == 0xE9:
        target = (RESET_ADDR + 3 + struct.unpack_from("<h", vec, 1)[0]) & 0xFFFF
    elif vec[0] == 0xEB:
        target = (RESET_ADDR + 2 + struct.unpack_from("<b", vec, 1)[0]) & 0xFFFF
    else:
        fail("no jump at the reset vector (byte 0x%02x)" % vec[0])
    target += SEG16_BASE
    if not entry16 <= target < entry16_end:
        fail("reset vector jumps to 0x%x, outside .entry16" % target)
    if entry16 < SEG16_BASE:
        fail(".entry16 is outside the last 64 KiB")

    rom_used = symbols["_rom_used_end"] - ROM_BASE
    if symbols["_rom_used_end"] > entry16:
        fail("code and data (%d bytes) run into the 16-bit entry" % rom_used)
    data_limit = header_define(layout, "FW_DATA_LIMIT")
    ram_used = symbols["_bss_end"] - symbols["_data_start"]
    if symbols["_bss_end"] > data_limit:
        fail(".data + .bss end at 0x%x, past 0x%x" % (symbols["_bss_end"], data_limit))

    print("checkimage: %s OK: ROM %d of %d bytes used (+%d entry/reset), "
          "RAM data+bss %d bytes" % (binary, rom_used, entry16 - ROM_BASE,
                                     entry16_end - entry16 + 16, ram_used))


if __name__ == "__main__":
    main()
