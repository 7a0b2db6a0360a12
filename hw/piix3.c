/*
 * piix3.c - PIIX3 PCI-to-ISA bridge, function 0 of 00:01.
 *
 * Only what a guest probes: the identity (multi-function, so the PM
 * function 3 is found), the PIRQ routing registers that take PCI INTx to
 * ISA IRQs, and the reset control register whose bit 2 resets the machine.
 */
#include "hw/piix3.h"
#include "migration/vmstate.h"
#include "hw/hotmem-pc.h"
#include "hotmem/runstate.h"

#define PIIX3_PIRQRC     0x60       /* 0x60-0x63: PIRQ A-D routing */
#define PIIX3_RCR_SYSRST 0x02
#define PIIX3_RCR_RST    0x04

void piix3_reset_control_write(void *opaque, uint8_t value)
{
    Piix3State *s = opaque;
    if (value & PIIX3_RCR_RST) {
        s->reset_control = 0;
        vm_request(VM_REQUEST_RESET, VM_CAUSE_GUEST_RESET_CONTROL);
        return;
    }
    s->reset_control = value & PIIX3_RCR_SYSRST;
}

uint8_t piix3_reset_control_read(void *opaque)
{
    Piix3State *s = opaque;
    return s->reset_control;
}

/* Drives each ISA IRQ to the OR of the PIRQs routed to it. */
static void update_irqs(Piix3State *s)
{
    uint16_t want = 0;
    for (int i = 0; i < 4; i++) {
        uint8_t route = s->pci.config[PIIX3_PIRQRC + i];
        if (s->pirq_count[i] && !(route & 0x80) && route >= 3) {
            want |= 1u << (route & 0x0f);
        }
    }
    uint16_t changed = want ^ s->irq_levels;
    s->irq_levels = want;
    for (unsigned irq = 0; irq < 16 && s->isa_irq; irq++) {
        if (changed & (1u << irq)) {
            irq_line_set(&s->isa_irq[irq], (want >> irq) & 1);
        }
    }
}

void piix3_pci_set_irq(void *opaque, unsigned devfn, unsigned pin, int level)
{
    Piix3State *s = opaque;
    unsigned pirq = ((devfn >> 3) + pin - 2) & 3;
    if (level) {
        s->pirq_count[pirq]++;
    } else if (s->pirq_count[pirq]) {
        s->pirq_count[pirq]--;
    }
    update_irqs(s);
}

static void piix3_config_written(PciDevice *dev, unsigned offset, unsigned size)
{
    if (offset < PIIX3_PIRQRC + 4 && offset + size > PIIX3_PIRQRC) {
        update_irqs(dev->opaque);
    }
}

void piix3_reset(Piix3State *s)
{
    for (int i = 0; i < 4; i++) {
        s->pci.config[PIIX3_PIRQRC + i] = 0x80;     /* routing disabled */
    }
    s->reset_control = 0;
    update_irqs(s);
}

Piix3State *piix3_new(GError **errp)
{
    Piix3State *s = g_new0(Piix3State, 1);
    s->pci.name = "piix3";
    s->pci.devfn = HM_PIIX3_DEVFN;
    s->pci.opaque = s;
    s->pci.config_written = piix3_config_written;
    /* header type bit 7: multi-function, or the guest never looks at 01.3 */
    pci_device_init_config(&s->pci, HM_PCI_VENDOR_INTEL, HM_PIIX3_DEVICE_ID, 0x0601, 0x80);
    for (int i = 0; i < 4; i++) {
        s->pci.wmask[PIIX3_PIRQRC + i] = 0x8f;
    }
    piix3_reset(s);
    if (!pci_bus_register(&s->pci, errp)) {
        g_free(s);
        return NULL;
    }
    return s;
}

void piix3_free(Piix3State *s)
{
    if (s) {
        pci_bus_unregister(&s->pci);
        g_free(s);
    }
}

/* ---- migration ---- */

const VmStateDesc piix3_vmstate = {
    .name = "piix3",
    .version = 1,
    .min_version = 1,
    .fields = (const VmStateField[]){
        VMSTATE_BUFFER(Piix3State, pci.config),
        VMSTATE_U8(Piix3State, reset_control),
        VMSTATE_END,
    },
};
