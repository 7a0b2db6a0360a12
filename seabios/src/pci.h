/*
 * pci.h - bus 0 enumeration and resource assignment.
 */
#ifndef FW_PCI_H
#define FW_PCI_H

#include "fw.h"

/* Sizes and assigns every BAR on bus 0, routes INTx, enables decoding,
 * and programs the PIIX4 PM function; fills fw's PCI windows. */
void pci_setup(struct fw_info *fw);

/* The ISA IRQ / GSI that INTx pin (1 = INTA) of a bus-0 slot raises. */
u8 pci_intx_irq(u8 slot, u8 pin);

/* Maps 0xe0000-0xfffff to read/write RAM (i440fx PAM) for the RSDP. On a
 * VMM that already has RAM there the writes change nothing. */
void i440fx_bios_area_writable(void);

#endif
