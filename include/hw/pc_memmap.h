/*
 * pc_memmap.h - where guest RAM goes in the PC physical address space and
 * the e820 table handed to the firmware (fw_cfg "etc/e820").
 */
#ifndef HW_PC_MEMMAP_H
#define HW_PC_MEMMAP_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "hw/hotmem-abi.h"

typedef struct PcMemoryLayout {
    uint64_t ram_size;
    uint64_t below_4g;          /* RAM at [0, below_4g) */
    uint64_t above_4g;          /* RAM at [4 GiB, 4 GiB + above_4g) */
} PcMemoryLayout;


#define PC_KVM_RESERVED_BASE 0xfeffc000ULL   /* KVM identity map + TSS pages */
#define PC_KVM_RESERVED_SIZE 0x4000ULL

void pc_memory_layout_init(PcMemoryLayout *layout, uint64_t ram_size);
/* End of RAM above 4 GiB (4 GiB when there is none). */
uint64_t pc_memory_layout_high_end(const PcMemoryLayout *layout);
/* The fw_cfg "etc/e820" contents: RAM ranges and the KVM reserved pages. */
GArray *pc_e820_build(const PcMemoryLayout *layout);

#endif
