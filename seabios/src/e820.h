/*
 * e820.h - the memory map the firmware reports to the kernel.
 */
#ifndef FW_E820_H
#define FW_E820_H

#include "fw.h"

#define E820_MAX_ENTRIES 128    /* boot_params holds this many */

struct e820_entry {             /* the etc/e820 and boot_params layout */
    u64 addr;
    u64 size;
    u32 type;
} PACKED;

/* Sets [addr, addr + size) to type, replacing what was there. */
void e820_add(u64 addr, u64 size, u32 type);

/* The current map: sorted, non-overlapping, neighbours merged. */
const struct e820_entry *e820_get(u32 *count);

/* Reads etc/e820 and etc/reserved-memory-end, reserves the legacy hole
 * and the ACPI area, fills fw's memory fields. */
void memmap_init(struct fw_info *fw);

#endif
