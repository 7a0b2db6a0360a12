/*
 * virtio_pci.h - the modern (virtio 1.x) PCI transport for a VirtioDevice:
 * a PCI function with vendor capabilities for the common, notify, ISR and
 * device configuration, all in one 64-bit memory BAR, and INTx.
 *
 * The BAR is decoded where the guest (its firmware) put it: every write to
 * the command register or BAR0/1 re-registers the MMIO range when memory
 * decoding is on. Layout: docs/specs/virtio-pci.txt.
 */
#ifndef HW_VIRTIO_PCI_H
#define HW_VIRTIO_PCI_H

#include "hw/virtio.h"
#include "hotmem/pci.h"

#include <glib.h>

/* How a function's INTx pin reaches an interrupt controller (the machine
 * wires it to the PIIX3 PIRQ routing). level is 0 or 1, sent on change. */
typedef struct PciIntxRouter {
    void (*set)(void *opaque, unsigned devfn, unsigned pin, int level);
    void *opaque;
} PciIntxRouter;

typedef struct VirtioPci {
    PciDevice pci;
    VirtioDevice *vdev;
    PciIntxRouter intx;
    int intx_level;
    uint64_t mapped_at;       /* BAR address registered for MMIO */
    bool mapped;
    char *name;
} VirtioPci;

/* Registers the function at devfn on bus 0 (decoding off until the guest
 * assigns the BAR). pci_class: base class << 8 | subclass. */
VirtioPci *virtio_pci_new(VirtioDevice *vdev, unsigned devfn, uint16_t pci_class,
                          const PciIntxRouter *intx, GError **errp);
/* Machine reset: PCI command and BARs cleared, BAR unmapped, device reset. */
void virtio_pci_reset(VirtioPci *p);
void virtio_pci_free(VirtioPci *p);
/* The guest-assigned BAR address (0 when the BAR is not decoded). */
uint64_t virtio_pci_bar_address(const VirtioPci *p);

#endif
