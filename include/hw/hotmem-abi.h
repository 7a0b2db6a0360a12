/*
 * hotmem-abi.h - every binary structure the VMM and the firmware
 * exchange, defined once and included by hw/ and seabios/ alike. The
 * byte layouts are specified in docs/specs/fwcfg.txt and
 * docs/specs/acpi_hotplug.txt (the tests read raw offsets from those
 * specs, independently of this header). Types only; the numbers are in
 * hotmem-pc.h.
 */
#ifndef HW_HOTMEM_ABI_H
#define HW_HOTMEM_ABI_H

#include <stdint.h>

#include "hw/hotmem-pc.h"

#define HM_ABI_PACKED __attribute__((packed))

/* fw_cfg "etc/hotplug-memory": this header, then slot_count entries in slot
 * order (little-endian). */
typedef struct HM_ABI_PACKED HmHpmemHeader {
    uint32_t magic;           /* HM_HPMEM_MAGIC */
    uint16_t version;         /* HM_HPMEM_VERSION */
    uint16_t header_size;     /* HM_HPMEM_HEADER_SIZE */
    uint32_t slot_count;
    uint32_t entry_size;      /* HM_HPMEM_ENTRY_SIZE */
    uint64_t region_base;
    uint64_t region_size;
    uint32_t node_count;
    uint32_t reserved;
} HmHpmemHeader;

typedef struct HM_ABI_PACKED HmHpmemEntry {
    uint64_t base;            /* 0: no fixed address (a pc-dimm slot) */
    uint64_t size;            /* 0: no fixed size */
    uint32_t node;
    uint32_t flags;           /* HM_HPMEM_F_* */
    uint64_t reserved;
} HmHpmemEntry;

/* fw_cfg "etc/e820" entries and the Linux boot_params e820 table
 * (little-endian). */
typedef struct HM_ABI_PACKED HmE820Entry {
    uint64_t addr;
    uint64_t size;
    uint32_t type;            /* HM_E820_* */
} HmE820Entry;

/* One fw_cfg file directory entry (big-endian). */
#define HM_FW_CFG_NAME_LEN 56
typedef struct HM_ABI_PACKED HmFwCfgFile {
    uint32_t size;
    uint16_t select;
    uint16_t reserved;
    char name[HM_FW_CFG_NAME_LEN];
} HmFwCfgFile;

/* The fw_cfg DMA descriptor (big-endian). */
typedef struct HM_ABI_PACKED HmFwCfgDma {
    uint32_t control;         /* HM_FW_CFG_DMA_CTL_* */
    uint32_t length;
    uint64_t address;
} HmFwCfgDma;

_Static_assert(sizeof(HmHpmemHeader) == HM_HPMEM_HEADER_SIZE, "etc/hotplug-memory header");
_Static_assert(sizeof(HmHpmemEntry) == HM_HPMEM_ENTRY_SIZE, "etc/hotplug-memory entry");
_Static_assert(sizeof(HmE820Entry) == 20, "e820 entry");
_Static_assert(sizeof(HmFwCfgFile) == 64, "fw_cfg directory entry");
_Static_assert(sizeof(HmFwCfgDma) == 16, "fw_cfg DMA descriptor");

#endif
