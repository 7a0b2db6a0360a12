/*
 * e820.h - the memory map the firmware reports to the kernel.
 */
#ifndef FW_E820_H
#define FW_E820_H

#include "fw.h"
#include "hw/hotmem-abi.h"

#define E820_MAX_ENTRIES 128    /* boot_params holds this many */

/* Sets [addr, addr + size) to type, replacing what was there. */
void e820_add(u64 addr, u64 size, u32 type);

/* The current map: sorted, non-overlapping, neighbours merged. */
const HmE820Entry *e820_get(u32 *count);

/* Reads etc/e820 and etc/reserved-memory-end, reserves the legacy hole
 * and the ACPI area, fills fw's memory fields. */
void memmap_init(struct fw_info *fw);

#endif
