/*
 * fw.h - what the boot steps learn about the machine and hand on.
 *
 * main.c runs the steps in order; each fills its part of struct fw_info
 * and later steps only read it.
 */
#ifndef FW_FW_H
#define FW_FW_H

#include "util.h"
#include "layout.h"

struct hpmem_info;

struct fw_info {
    /* memmap_init(): from etc/e820, etc/reserved-memory-end */
    u32 low_ram_start;      /* highest RAM range below 4 GiB ... */
    u32 low_ram_end;        /* ... [start, end); the kernel loads in it */
    u64 high_ram_end;       /* end of RAM above 4 GiB, 4 GiB if none */
    u64 reserved_mem_end;   /* 0 if the file is absent */
    u32 acpi_base;          /* FW_ACPI_AREA_SIZE bytes, ends at low_ram_end */

    /* cpu_init(), smp_init(): */
    u32 nb_cpus;            /* fw_cfg NB_CPUS */
    u32 phys_bits;          /* CPUID physical address width */
    u8 apic_ids[FW_MAX_CPUS];   /* ascending: the MADT's order */

    /* hpmem_init(): etc/numa, etc/hotplug-memory (hpmem.h) */
    const struct hpmem_info *hpmem;

    /* mtrr_init() picks the 32-bit hole start; pci_setup() the rest. */
    u32 pci_mem32_start;    /* 32-bit window [start, end) */
    u32 pci_mem32_end;
    u64 pci_mem64_start;    /* 64-bit window [start, end); empty if equal */
    u64 pci_mem64_end;

    /* acpi_setup(): */
    u32 rsdp;
};

#endif
