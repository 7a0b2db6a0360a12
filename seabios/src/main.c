/*
 * main.c - the firmware's boot recipe, one step per line.
 *
 * entry.S gets here in 32-bit flat mode with .data copied and .bss zeroed;
 * every step runs again from scratch after a reset.
 */
#include "hw/hotmem-pc.h"
#include "fwcfg.h"
#include "e820.h"
#include "cpu.h"
#include "pci.h"
#include "hpmem.h"
#include "acpi.h"
#include "linuxboot.h"

static struct fw_info fw;

void NORETURN fw_main(void);

void fw_main(void)
{
    const struct msr_val *mtrrs;
    u32 n_mtrrs;

    fw_cfg_init();                      /* signature, DMA, file directory */
    memmap_init(&fw);                   /* etc/e820, ACPI area, legacy hole */
    cpu_init(&fw);                      /* CPU count, address width */
    hpmem_init(&fw);                    /* NUMA nodes, DIMM slots */
    mtrrs = mtrr_init(&fw, &n_mtrrs);   /* RAM WB, PCI hole UC */
    smp_init(&fw, mtrrs, n_mtrrs);      /* APs: same MTRRs, then halt */
    pci_setup(&fw);                     /* BARs, IRQ lines, PIIX4 PM */
    i440fx_bios_area_writable();        /* RAM at 0xe0000 for the RSDP */
    acpi_setup(&fw);                    /* tables, RSDP */
    fw_event(HM_FW_EVENT_TABLES_DONE);
    linux_boot(&fw);                    /* load from fw_cfg, enter */
}
