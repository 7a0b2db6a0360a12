/*
 * acpi_piix4.h - PIIX4 ACPI power management function (00:01.3).
 *
 * PM1 event/control and the PM timer in an I/O block the guest places with
 * PMBA/PMREGMISC, the GPE0 block at a fixed port, and the SCI.
 * Guest interface: docs/specs/acpi_pm.txt.
 */
#ifndef HW_ACPI_PIIX4_H
#define HW_ACPI_PIIX4_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "hotmem/io.h"
#include "hotmem/pci.h"

typedef struct AcpiPiix4State {
    PciDevice pci;
    IrqLine sci;

    uint16_t pm1_sts;
    uint16_t pm1_en;
    uint16_t pm1_cnt;
    uint64_t tmr_sts_ticks;  /* timer count when TMR_STS was last brought up to date */
    uint8_t gpe_sts[2];
    uint8_t gpe_en[2];

    uint16_t pm_io_base;     /* where the PM block is registered, if pm_io_mapped */
    bool pm_io_mapped;
    bool gpe_registered;
} AcpiPiix4State;

/* Registers the PCI function and the GPE0 block; the PM block appears when
 * the guest enables it. sci is copied. */
AcpiPiix4State *acpi_piix4_new(const IrqLine *sci, GError **errp);
void acpi_piix4_reset(AcpiPiix4State *s);
void acpi_piix4_free(AcpiPiix4State *s);

/* Device-model events (call with the device lock held). */
void acpi_piix4_gpe_raise(AcpiPiix4State *s, unsigned bit);   /* bit < 16 */
void acpi_piix4_power_button(AcpiPiix4State *s);

/* Migration field table (migration/vmstate.h); device lock held. */
struct VmStateDesc;
extern const struct VmStateDesc acpi_piix4_vmstate;

#endif
