/*
 * cpu.h - MTRRs and the application processors.
 */
#ifndef FW_CPU_H
#define FW_CPU_H

#include "fw.h"

struct msr_val {                /* also the AP trampoline's list format */
    u32 index;
    u32 lo;
    u32 hi;
} PACKED;

/* Reads NB_CPUS and the physical address width. */
void cpu_init(struct fw_info *fw);

/* Programs the BSP's MTRRs (RAM write-back, the 32-bit PCI hole and the
 * VGA window uncached) and picks fw->pci_mem32_start; returns the MSR list
 * the APs must load too. */
const struct msr_val *mtrr_init(struct fw_info *fw, u32 *count);

/* Starts every AP once so it loads msrs, then leaves it halted. */
void smp_init(struct fw_info *fw, const struct msr_val *msrs, u32 count);

#endif
