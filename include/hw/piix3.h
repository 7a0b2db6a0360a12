/*
 * piix3.h - PIIX3 PCI-to-ISA bridge (00:01.0) and its reset control
 * register (0xcf9).
 */
#ifndef HW_PIIX3_H
#define HW_PIIX3_H

#include "hotmem/io.h"
#include "hotmem/pci.h"

typedef struct Piix3State {
    PciDevice pci;
    uint8_t reset_control;            /* RCR, port 0xcf9 */
    const IrqLine *isa_irq;           /* IRQ 0-15 lines (the machine's); NULL: none */
    uint8_t pirq_count[4];            /* asserted INTx sources per PIRQ A-D */
    uint16_t irq_levels;              /* ISA IRQs the PIRQs currently drive high */
} Piix3State;

Piix3State *piix3_new(GError **errp);
void piix3_reset(Piix3State *s);
void piix3_free(Piix3State *s);
/* RCR accessors, wired to the host bridge's 0xcf9 byte */
void piix3_reset_control_write(void *opaque, uint8_t value);
uint8_t piix3_reset_control_read(void *opaque);
/* PCI INTx (a PciIntxRouter): bus-0 devfn's pin (1 = INTA) rotates over
 * PIRQ A-D, which PIRQRC routes to an ISA IRQ (bit 7 = disabled). Sources
 * sharing a PIRQ, and PIRQs sharing an IRQ, are ORed (level-triggered). */
void piix3_pci_set_irq(void *opaque, unsigned devfn, unsigned pin, int level);

/* Its migration state (migration/vmstate.h). */
struct VmStateDesc;
extern const struct VmStateDesc piix3_vmstate;

#endif
