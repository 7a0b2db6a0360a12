/*
 * virtio_pci.h - the modern (virtio 1.x) PCI transport for a VirtioDevice:
 * a PCI function with vendor capabilities for the common, notify, ISR and
 * device configuration, all in one 64-bit memory BAR, with MSI-X (its table
 * in the same BAR) and INTx when the driver leaves MSI-X off.
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

/* Where MSI-X messages go (the machine: kvm_signal_msi). */
typedef struct PciMsiSender {
    void (*send)(void *opaque, uint64_t address, uint32_t data);
    void *opaque;
} PciMsiSender;

/* Notify writes the kernel turns into eventfd signals (the machine:
 * kvm_ioeventfd); false when it cannot, and the write then exits as usual. */
typedef struct PciIoeventfdOps {
    bool (*set)(void *opaque, uint64_t addr, unsigned len, int fd, bool assign);
    void *opaque;
} PciIoeventfdOps;

typedef struct VirtioPci VirtioPci;

/* One queue's notify eventfd, watched by the main loop. */
typedef struct VirtioPciNotifier {
    VirtioPci *p;
    unsigned queue;
    int fd;
    guint source;
    bool assigned;            /* registered with the kernel at the BAR */
} VirtioPciNotifier;

#define VIRTIO_PCI_MSIX_MAX (VIRTIO_MAX_QUEUES + 1)

typedef struct VirtioPciMsixEntry {
    uint32_t addr_lo, addr_hi, data, ctrl;     /* ctrl bit 0: masked */
} VirtioPciMsixEntry;

struct VirtioPci {
    PciDevice pci;
    VirtioDevice *vdev;
    PciIntxRouter intx;
    int intx_level;
    PciMsiSender msi;
    unsigned msix_vectors;    /* table size: num_queues + 1 */
    VirtioPciMsixEntry msix[VIRTIO_PCI_MSIX_MAX];
    uint64_t msix_pending;    /* PBA */
    unsigned msix_sent;       /* messages sent (for tests and figures) */
    PciIoeventfdOps ioeventfd;
    VirtioPciNotifier notifier[VIRTIO_MAX_QUEUES];
    uint64_t mapped_at;       /* BAR address registered for MMIO */
    bool mapped;
    char *name;
    /* migration: the source's config space and table size, checked against
     * this function's read-only bits before they are applied */
    uint8_t mig_config[PCI_CONFIG_SPACE_SIZE];
    uint32_t mig_msix_vectors;
};

/* Registers the function at devfn on bus 0 (decoding off until the guest
 * assigns the BAR). pci_class: base class << 8 | subclass. */
VirtioPci *virtio_pci_new(VirtioDevice *vdev, unsigned devfn, uint16_t pci_class,
                          const PciIntxRouter *intx, GError **errp);
/* MSI-X messages go to msi (without it, an enabled vector only pends). */
void virtio_pci_set_msi(VirtioPci *p, const PciMsiSender *msi);
/* Queue notifications through eventfds the kernel signals (main thread);
 * false with errp set if an eventfd cannot be made. */
bool virtio_pci_set_ioeventfd(VirtioPci *p, const PciIoeventfdOps *ops, GError **errp);
/* Machine reset: PCI command and BARs cleared, BAR unmapped, device reset. */
void virtio_pci_reset(VirtioPci *p);
void virtio_pci_free(VirtioPci *p);
/* The guest-assigned BAR address (0 when the BAR is not decoded). */
uint64_t virtio_pci_bar_address(const VirtioPci *p);

/* Migration: the function's state (config space with the BAR and the
 * MSI-X control, the MSI-X table and PBA). After a load the BAR is decoded
 * again where the source had it (MMIO and ioeventfds); the INTx level is
 * set from the device's ISR by the device's own post_load (its state comes
 * in the next section). */
struct VmStateDesc;
extern const struct VmStateDesc virtio_pci_vmstate;
/* The device's ISR/MSI-X state changed under the transport: re-drive INTx. */
void virtio_pci_update_intx(VirtioPci *p);

#endif
