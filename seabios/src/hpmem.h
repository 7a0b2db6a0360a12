/*
 * hpmem.h - the machine's NUMA layout and DIMM slots, as the VMM describes
 * them in fw_cfg etc/numa and etc/hotplug-memory (docs/specs/fwcfg.txt,
 * docs/specs/acpi_hotplug.txt). The SRAT and the SSDT's memory devices are
 * built from this.
 */
#ifndef FW_HPMEM_H
#define FW_HPMEM_H

#include "fw.h"

#define HPMEM_MAX_NODES 64

struct hpmem_slot {             /* one etc/hotplug-memory entry, LE */
    u64 base;                   /* 0: no fixed address (pc-dimm slot) */
    u64 size;                   /* 0: no fixed size */
    u32 node;
    u32 flags;                  /* HM_HPMEM_F_* */
    u64 reserved;
} PACKED;

struct hpmem_info {
    /* etc/numa; without it one node holding every CPU and all RAM */
    u32 nodes;
    u8 cpu_node[FW_MAX_CPUS];   /* by vCPU index, the MADT's order */
    u64 node_mem[HPMEM_MAX_NODES];
    /* etc/hotplug-memory; without it no slots */
    u32 slot_count;
    u64 region_base;
    u64 region_size;
    const struct hpmem_slot *slots;
};

/* Reads both files (after cpu_init: checks the CPU count) and sets
 * fw->hpmem. Malformed files are fatal; absent files mean "one node" and
 * "no slots". */
void hpmem_init(struct fw_info *fw);

#endif
