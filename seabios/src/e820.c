/*
 * e820.c - builds the kernel's memory map from the VMM's etc/e820.
 *
 * The VMM lists RAM (and maybe reserved ranges); the firmware adds what it
 * knows better: the legacy hole below 1 MiB, the ACPI NVS page and the
 * ACPI tables at the top of low RAM.
 */
#include "hw/hotmem-pc.h"
#include "layout.h"
#include "fwcfg.h"
#include "e820.h"

static HmE820Entry map[E820_MAX_ENTRIES];
static u32 map_count;

static void map_push(HmE820Entry *out, u32 *n, u64 addr, u64 size,
                     u32 type)
{
    if (*n >= E820_MAX_ENTRIES)
        fatal("e820 table full at", addr);
    out[*n].addr = addr;
    out[*n].size = size;
    out[*n].type = type;
    (*n)++;
}

void e820_add(u64 addr, u64 size, u32 type)
{
    HmE820Entry out[E820_MAX_ENTRIES];
    u64 end = addr + size;
    u32 n = 0, i, j;

    if (!size)
        return;
    /* Keep the parts of old entries outside the new range. */
    for (i = 0; i < map_count; i++) {
        u64 s = map[i].addr, e = s + map[i].size;

        if (e <= addr || s >= end) {
            map_push(out, &n, s, map[i].size, map[i].type);
            continue;
        }
        if (s < addr)
            map_push(out, &n, s, addr - s, map[i].type);
        if (e > end)
            map_push(out, &n, end, e - end, map[i].type);
    }
    map_push(out, &n, addr, size, type);

    /* Insertion sort by address (a few dozen entries at most). */
    for (i = 1; i < n; i++) {
        HmE820Entry t = out[i];

        for (j = i; j > 0 && out[j - 1].addr > t.addr; j--)
            out[j] = out[j - 1];
        out[j] = t;
    }
    /* Merge touching neighbours of the same type. */
    map_count = 0;
    for (i = 0; i < n; i++) {
        HmE820Entry *last = map_count ? &map[map_count - 1] : NULL;

        if (last && last->type == out[i].type &&
            last->addr + last->size == out[i].addr)
            last->size += out[i].size;
        else
            map[map_count++] = out[i];
    }
}

const HmE820Entry *e820_get(u32 *count)
{
    *count = map_count;
    return map;
}

static void read_vmm_e820(void)
{
    HmE820Entry raw[E820_MAX_ENTRIES];
    u32 size, i, n;
    u16 key;

    key = fw_cfg_find_file(HM_FW_CFG_FILE_E820, &size);
    n = size / sizeof(raw[0]);
    if (!key || !n)
        fatal("fw_cfg has no etc/e820, size", size);
    if (n > E820_MAX_ENTRIES)
        fatal("etc/e820 too large, entries", n);
    fw_cfg_read(key, raw, n * sizeof(raw[0]));
    for (i = 0; i < n; i++)
        e820_add(raw[i].addr, raw[i].size, raw[i].type);
}

void memmap_init(struct fw_info *fw)
{
    u32 i, size;
    u16 key;

    read_vmm_e820();
    /* 639 KiB of base memory, then the VGA hole and BIOS area. */
    e820_add(FW_BASE_MEM_END, FW_LEGACY_END - FW_BASE_MEM_END,
             HM_E820_RESERVED);
    /* The ROM below 4 GiB, so no OS puts a device there. */
    e820_add(HM_BIOS_BASE, HM_BIOS_SIZE, HM_E820_RESERVED);

    fw->high_ram_end = HM_4GIB;
    for (i = 0; i < map_count; i++) {
        u64 s = map[i].addr, e = s + map[i].size;

        if (map[i].type != HM_E820_RAM)
            continue;
        if (e <= HM_4GIB) {
            fw->low_ram_start = s;
            fw->low_ram_end = e;
        } else if (e > fw->high_ram_end) {
            fw->high_ram_end = e;
        }
    }
    fw->low_ram_end = ALIGN_DOWN(fw->low_ram_end, 0x1000);
    if (fw->low_ram_start > FW_KERNEL_ADDR ||
        fw->low_ram_end < FW_KERNEL_ADDR + 16 * MiB)
        fatal("too little RAM above 1 MiB, ends at", fw->low_ram_end);

    key = fw_cfg_find_file(HM_FW_CFG_FILE_RESERVED_MEM_END, &size);
    fw->reserved_mem_end = 0;
    if (key && size == sizeof(fw->reserved_mem_end))
        fw_cfg_read(key, &fw->reserved_mem_end, size);

    /* The ACPI area: FACS page (NVS: the OS must preserve it) + tables. */
    fw->acpi_base = fw->low_ram_end - FW_ACPI_AREA_SIZE;
    e820_add(fw->acpi_base, FW_ACPI_NVS_SIZE, HM_E820_NVS);
    e820_add(fw->acpi_base + FW_ACPI_NVS_SIZE,
             FW_ACPI_AREA_SIZE - FW_ACPI_NVS_SIZE, HM_E820_ACPI);

    /* Base memory size and "no EBDA" where Linux looks for them. */
    *(volatile u16 *)FW_BDA_BASE_MEM_KB = FW_BASE_MEM_END / KiB;
    *(volatile u16 *)FW_BDA_EBDA_SEG = 0;
}
