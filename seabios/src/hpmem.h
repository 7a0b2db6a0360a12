/*
 * hpmem.h - the machine's NUMA layout and DIMM slots, as the VMM describes
 * them in fw_cfg etc/numa and etc/hotplug-memory (docs/specs/fwcfg.txt,
 * docs/specs/acpi_hotplug.txt). The SRAT and the SSDT's memory devices are
 * built from this.
 */
#ifndef FW_HPMEM_H
#define FW_HPMEM_H

#include "fw.h"
#include "hw/hotmem-abi.h"

#define HPMEM_MAX_NODES 64

struct hpmem_info {
    /* etc/numa; without it one node holding every CPU and all RAM */
    u32 nodes;
    u8 cpu_node[FW_MAX_CPUS];   /* by vCPU index, the MADT's order */
    u64 node_mem[HPMEM_MAX_NODES];
    /* etc/hotplug-memory; without it no slots */
    u32 slot_count;
    u64 region_base;
    u64 region_size;
    const HmHpmemEntry *slots;
};

/* Reads both files (after cpu_init: checks the CPU count) and sets
 * fw->hpmem. Malformed files are fatal; absent files mean "one node" and
 * "no slots". */
void hpmem_init(struct fw_info *fw);

#endif
