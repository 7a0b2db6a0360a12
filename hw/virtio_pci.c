/*
 * virtio_pci.c - modern virtio-pci transport (virtio 1.2, 4.1): PCI config
 * with the vendor capabilities, the BAR's MMIO registers and INTx.
 *
 * Interrupts: MSI-X when the driver enables it (one vector per queue plus
 * one for config changes, messages through the machine's PciMsiSender);
 * otherwise INTx, high while the ISR has a bit set, dropped when the driver
 * reads the ISR.
 */
#include "hw/virtio_pci.h"
#include "hw/hotmem-pc.h"
#include "hotmem/io.h"
#include "hotmem/util.h"
#include "migration/vmstate.h"

#include <errno.h>
#include <glib-unix.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#define PCI_COMMAND          0x04
#define PCI_CMD_MEMORY       0x0002
#define PCI_CMD_INTX_DISABLE 0x0400
#define PCI_STATUS           0x06
#define PCI_STATUS_CAP_LIST  0x10
#define PCI_REVISION         0x08
#define PCI_BAR0             0x10
#define PCI_BAR1             0x14
#define PCI_SUBSYS_VENDOR    0x2c
#define PCI_SUBSYS_ID        0x2e
#define PCI_CAP_PTR          0x34
#define PCI_INTERRUPT_PIN    0x3d
#define PCI_BAR_MEM64_PREF   0x0c
#define PCI_CAP_ID_VNDR      0x09
#define PCI_CAP_ID_MSIX      0x11
#define MSIX_CTRL_ENABLE     0x8000
#define MSIX_CTRL_MASKALL    0x4000
#define MSIX_ENTRY_MASKED    0x1
#define MSIX_ENTRY_SIZE      16

/* virtio_pci_cap.cfg_type */
#define VIRTIO_PCI_CAP_COMMON 1
#define VIRTIO_PCI_CAP_NOTIFY 2
#define VIRTIO_PCI_CAP_ISR    3
#define VIRTIO_PCI_CAP_DEVICE 4

/* common configuration (virtio_pci_common_cfg) */
#define CC_DFSELECT   0x00
#define CC_DF         0x04
#define CC_GFSELECT   0x08
#define CC_GF         0x0c
#define CC_MSIX       0x10
#define CC_NUMQ       0x12
#define CC_STATUS     0x14
#define CC_CFGGEN     0x15
#define CC_Q_SELECT   0x16
#define CC_Q_SIZE     0x18
#define CC_Q_MSIX     0x1a
#define CC_Q_ENABLE   0x1c
#define CC_Q_NOFF     0x1e
#define CC_Q_DESC     0x20
#define CC_Q_AVAIL    0x28
#define CC_Q_USED     0x30

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

static void put64(uint8_t *p, uint64_t v)
{
    put32(p, (uint32_t)v);
    put32(p + 4, (uint32_t)(v >> 32));
}

/* ---- interrupts ---- */

static uint16_t msix_ctrl(const VirtioPci *p)
{
    return pci_get_word(p->pci.config + HM_VIRTIO_PCI_MSIX_CAP + 2);
}

static bool msix_enabled(const VirtioPci *p)
{
    return msix_ctrl(p) & MSIX_CTRL_ENABLE;
}

static bool msix_masked(const VirtioPci *p, unsigned vector)
{
    return (msix_ctrl(p) & MSIX_CTRL_MASKALL) || (p->msix[vector].ctrl & MSIX_ENTRY_MASKED);
}

static void msix_send(VirtioPci *p, unsigned vector)
{
    const VirtioPciMsixEntry *e = &p->msix[vector];
    p->msix_sent++;
    if (p->msi.send) {
        p->msi.send(p->msi.opaque, (uint64_t)e->addr_hi << 32 | e->addr_lo, e->data);
    }
}

/* A vector that fired while masked is sent once it is unmasked. */
static void msix_deliver_pending(VirtioPci *p)
{
    if (!msix_enabled(p)) {
        return;
    }
    for (unsigned v = 0; v < p->msix_vectors; v++) {
        if ((p->msix_pending >> v & 1) && !msix_masked(p, v)) {
            p->msix_pending &= ~(1ULL << v);
            msix_send(p, v);
        }
    }
}

static bool virtio_pci_msix_notify(VirtioDevice *vdev, uint16_t vector)
{
    VirtioPci *p = vdev->transport;
    if (!msix_enabled(p)) {
        return false;
    }
    if (vector >= p->msix_vectors) {
        return true;                /* NO_VECTOR: the driver wants no interrupt */
    }
    if (msix_masked(p, vector)) {
        p->msix_pending |= 1ULL << vector;
    } else {
        msix_send(p, vector);
    }
    return true;
}

static void virtio_pci_update_irq(VirtioDevice *vdev)
{
    VirtioPci *p = vdev->transport;
    uint16_t cmd = pci_get_word(p->pci.config + PCI_COMMAND);
    int level = vdev->isr && !(cmd & PCI_CMD_INTX_DISABLE) && !msix_enabled(p);
    if (level != p->intx_level) {
        p->intx_level = level;
        if (p->intx.set) {
            p->intx.set(p->intx.opaque, p->pci.devfn, 1, level);
        }
    }
}

/* ---- common configuration ---- */

static void common_image(VirtioPci *p, uint8_t *img)
{
    VirtioDevice *v = p->vdev;
    memset(img, 0, HM_VIRTIO_PCI_COMMON_LEN);
    put32(img + CC_DFSELECT, v->device_feature_select);
    if (v->device_feature_select < 2) {
        put32(img + CC_DF, (uint32_t)(v->host_features >> (32 * v->device_feature_select)));
    }
    put32(img + CC_GFSELECT, v->driver_feature_select);
    if (v->driver_feature_select < 2) {
        put32(img + CC_GF, (uint32_t)(v->guest_features >> (32 * v->driver_feature_select)));
    }
    put16(img + CC_MSIX, v->config_vector);
    put16(img + CC_NUMQ, v->num_queues);
    img[CC_STATUS] = v->status;
    img[CC_CFGGEN] = v->config_generation;
    put16(img + CC_Q_SELECT, v->queue_select);
    if (v->queue_select < v->num_queues) {
        const VirtQueue *q = &v->vq[v->queue_select];
        put16(img + CC_Q_SIZE, q->size);
        put16(img + CC_Q_MSIX, q->msix_vector);
        put16(img + CC_Q_ENABLE, q->enabled);
        put16(img + CC_Q_NOFF, v->queue_select);
        put64(img + CC_Q_DESC, q->desc);
        put64(img + CC_Q_AVAIL, q->avail);
        put64(img + CC_Q_USED, q->used);
    }
}

static void common_write(VirtioPci *p, unsigned off, uint64_t val, unsigned size)
{
    VirtioDevice *v = p->vdev;
    unsigned q = v->queue_select;
    if (off >= CC_Q_DESC && off < HM_VIRTIO_PCI_COMMON_LEN && (size == 4 || size == 8) &&
        (off & (size - 1)) == 0) {
        /* 64-bit ring addresses, whole or as two 32-bit halves */
        unsigned which = (off - CC_Q_DESC) / 8;
        unsigned shift = (off & 4) * 8;
        uint64_t mask = size == 8 ? ~0ULL : 0xffffffffULL << shift;
        virtio_queue_set_addr(v, q, which, val << shift, mask);
        return;
    }
    switch (off | size << 8) {
    case CC_DFSELECT | 4 << 8:
        v->device_feature_select = (uint32_t)val;
        return;
    case CC_GFSELECT | 4 << 8:
        v->driver_feature_select = (uint32_t)val;
        return;
    case CC_GF | 4 << 8:
        virtio_set_driver_features(v, v->driver_feature_select, (uint32_t)val);
        return;
    case CC_MSIX | 2 << 8:
        /* a vector past the table cannot be mapped: it reads NO_VECTOR */
        v->config_vector = val < p->msix_vectors ? (uint16_t)val : VIRTIO_NO_VECTOR;
        return;
    case CC_Q_MSIX | 2 << 8:
        if (q < v->num_queues) {
            v->vq[q].msix_vector = val < p->msix_vectors ? (uint16_t)val : VIRTIO_NO_VECTOR;
        }
        return;
    case CC_STATUS | 1 << 8:
        virtio_set_status(v, (uint8_t)val);
        return;
    case CC_Q_SELECT | 2 << 8:
        v->queue_select = (uint16_t)val;
        return;
    case CC_Q_SIZE | 2 << 8:
        virtio_queue_set_size(v, q, (uint16_t)val);
        return;
    case CC_Q_ENABLE | 2 << 8:
        if (val == 1) {
            virtio_queue_enable(v, q);
        } else {
            hm_guest_error("%s: queue_enable %" PRIu64 " ignored", p->name, val);
        }
        return;
    default:
        hm_guest_error("%s: common cfg write at 0x%x size %u ignored", p->name, off, size);
    }
}

/* ---- MSI-X table and PBA (dword or qword accesses) ---- */

static bool msix_access_ok(uint64_t off, unsigned size)
{
    return (size == 4 || size == 8) && (off & (size - 1)) == 0;
}

static uint64_t msix_table_read(VirtioPci *p, uint64_t off, unsigned size)
{
    uint64_t val = 0;
    for (unsigned i = 0; i < size / 4; i++, off += 4) {
        const uint32_t *e = &p->msix[off / MSIX_ENTRY_SIZE].addr_lo;
        val |= (uint64_t)e[(off % MSIX_ENTRY_SIZE) / 4] << (32 * i);
    }
    return val;
}

static void msix_table_write(VirtioPci *p, uint64_t off, uint64_t val, unsigned size)
{
    for (unsigned i = 0; i < size / 4; i++, off += 4, val >>= 32) {
        uint32_t *e = &p->msix[off / MSIX_ENTRY_SIZE].addr_lo;
        unsigned field = (off % MSIX_ENTRY_SIZE) / 4;
        /* vector control: only the mask bit exists */
        e[field] = field == 3 ? (uint32_t)val & MSIX_ENTRY_MASKED : (uint32_t)val;
    }
    msix_deliver_pending(p);
}

/* ---- the BAR ---- */

static uint64_t bar_read(void *opaque, uint64_t offset, unsigned size)
{
    VirtioPci *p = opaque;
    VirtioDevice *v = p->vdev;
    uint8_t img[HM_VIRTIO_PCI_COMMON_LEN];
    const uint8_t *src = NULL;
    uint64_t base = 0, len = 0;
    if (offset < HM_VIRTIO_PCI_COMMON_LEN) {
        common_image(p, img);
        src = img;
        base = HM_VIRTIO_PCI_COMMON_OFF;
        len = HM_VIRTIO_PCI_COMMON_LEN;
    } else if (offset == HM_VIRTIO_PCI_ISR_OFF) {
        return virtio_isr_read(v);  /* read-to-clear; other sizes see 0 above */
    } else if (offset >= HM_VIRTIO_PCI_DEVICE_OFF &&
               offset < HM_VIRTIO_PCI_DEVICE_OFF + v->config_len) {
        src = v->config;
        base = HM_VIRTIO_PCI_DEVICE_OFF;
        len = v->config_len;
    } else if (offset >= HM_VIRTIO_PCI_MSIX_TABLE &&
               offset < HM_VIRTIO_PCI_MSIX_TABLE + MSIX_ENTRY_SIZE * p->msix_vectors) {
        uint64_t off = offset - HM_VIRTIO_PCI_MSIX_TABLE;
        return msix_access_ok(off, size) ? msix_table_read(p, off, size) : 0;
    } else if (offset >= HM_VIRTIO_PCI_MSIX_PBA && offset < HM_VIRTIO_PCI_MSIX_PBA + 8) {
        uint64_t off = offset - HM_VIRTIO_PCI_MSIX_PBA;
        return msix_access_ok(off, size) ? p->msix_pending >> (8 * off) : 0;
    }
    uint64_t val = 0;
    for (unsigned i = 0; src && i < size && offset - base + i < len; i++) {
        val |= (uint64_t)src[offset - base + i] << (8 * i);
    }
    return val;
}

static void device_cfg_write(VirtioPci *p, unsigned off, uint64_t val, unsigned size)
{
    VirtioDevice *v = p->vdev;
    if (off + size > v->config_len) {
        hm_guest_error("%s: device cfg write at 0x%x size %u ignored", p->name, off, size);
        return;
    }
    for (unsigned i = 0; i < size; i++) {
        uint8_t m = v->config_wmask[off + i];
        v->config[off + i] = (v->config[off + i] & ~m) | ((uint8_t)(val >> (8 * i)) & m);
    }
    if (v->ops->config_written) {
        v->ops->config_written(v, off, size);
    }
}

static void bar_write(void *opaque, uint64_t offset, uint64_t val, unsigned size)
{
    VirtioPci *p = opaque;
    if (offset < HM_VIRTIO_PCI_COMMON_LEN) {
        common_write(p, (unsigned)offset, val, size);
    } else if (offset >= HM_VIRTIO_PCI_DEVICE_OFF &&
               offset < HM_VIRTIO_PCI_DEVICE_OFF + HM_VIRTIO_PCI_DEVICE_LEN) {
        device_cfg_write(p, (unsigned)(offset - HM_VIRTIO_PCI_DEVICE_OFF), val, size);
    } else if (offset >= HM_VIRTIO_PCI_NOTIFY_OFF &&
               offset < HM_VIRTIO_PCI_NOTIFY_OFF + HM_VIRTIO_PCI_NOTIFY_LEN &&
               (offset % HM_VIRTIO_PCI_NOTIFY_MULT) == 0 && size >= 2) {
        virtio_queue_notify(p->vdev,
                            (offset - HM_VIRTIO_PCI_NOTIFY_OFF) / HM_VIRTIO_PCI_NOTIFY_MULT);
    } else if (offset >= HM_VIRTIO_PCI_MSIX_TABLE &&
               offset < HM_VIRTIO_PCI_MSIX_TABLE + MSIX_ENTRY_SIZE * p->msix_vectors &&
               msix_access_ok(offset - HM_VIRTIO_PCI_MSIX_TABLE, size)) {
        msix_table_write(p, offset - HM_VIRTIO_PCI_MSIX_TABLE, val, size);
    } else {
        hm_guest_error("%s: BAR write at 0x%" PRIx64 " size %u ignored", p->name, offset,
                       size);
    }
}

static const IoOps bar_ops = {
    .read = bar_read,
    .write = bar_write,
    .min_size = 1,
    .max_size = 8,
};

uint64_t virtio_pci_bar_address(const VirtioPci *p)
{
    return p->mapped ? p->mapped_at : 0;
}

/* ---- ioeventfd: notify writes the kernel signals without an exit to us ---- */

static uint64_t notify_addr(const VirtioPci *p, unsigned q)
{
    return p->mapped_at + HM_VIRTIO_PCI_NOTIFY_OFF + (uint64_t)HM_VIRTIO_PCI_NOTIFY_MULT * q;
}

static gboolean notifier_ready(gint fd, GIOCondition cond, gpointer data)
{
    VirtioPciNotifier *n = data;
    uint64_t count;
    if (read(fd, &count, sizeof(count)) == sizeof(count)) {
        device_lock();
        virtio_queue_notify(n->p->vdev, n->queue);
        device_unlock();
    }
    return G_SOURCE_CONTINUE;
}

/* Drivers write the 16-bit queue index (virtio 1.2, 4.1.5.2). */
static void assign_notifiers(VirtioPci *p, bool assign)
{
    for (unsigned q = 0; q < p->vdev->num_queues && p->ioeventfd.set; q++) {
        VirtioPciNotifier *n = &p->notifier[q];
        if (n->fd < 0 || n->assigned == assign) {
            continue;
        }
        bool ok = p->ioeventfd.set(p->ioeventfd.opaque, notify_addr(p, q), 2, n->fd, assign);
        /* a refused deassign means the VM (and the assignment) is gone */
        n->assigned = assign && ok;
    }
}

static void free_notifiers(VirtioPci *p)
{
    for (unsigned q = 0; q < VIRTIO_MAX_QUEUES; q++) {
        VirtioPciNotifier *n = &p->notifier[q];
        if (n->source) {
            g_source_remove(n->source);
        }
        if (n->fd >= 0) {
            close(n->fd);
        }
        *n = (VirtioPciNotifier){ .p = p, .queue = q, .fd = -1 };
    }
}

bool virtio_pci_set_ioeventfd(VirtioPci *p, const PciIoeventfdOps *ops, GError **errp)
{
    assign_notifiers(p, false);
    free_notifiers(p);
    p->ioeventfd = ops ? *ops : (PciIoeventfdOps){ 0 };
    if (!ops) {
        return true;
    }
    for (unsigned q = 0; q < p->vdev->num_queues; q++) {
        VirtioPciNotifier *n = &p->notifier[q];
        n->fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (n->fd < 0) {
            g_set_error(errp, HM_ERROR, 0, "%s: eventfd: %s", p->name, g_strerror(errno));
            free_notifiers(p);
            p->ioeventfd = (PciIoeventfdOps){ 0 };
            return false;
        }
        n->source = g_unix_fd_add(n->fd, G_IO_IN, notifier_ready, n);
    }
    if (p->mapped) {
        assign_notifiers(p, true);
    }
    return true;
}

static void unmap_bar(VirtioPci *p)
{
    if (p->mapped) {
        assign_notifiers(p, false);
        io_unregister(IO_SPACE_MMIO, p->mapped_at);
        p->mapped = false;
    }
}

/* Decode the BAR where the guest put it, if memory decoding is on. */
static void remap_bar(VirtioPci *p)
{
    const uint8_t *c = p->pci.config;
    uint64_t addr = ((uint64_t)pci_get_long(c + PCI_BAR1) << 32) |
                    (pci_get_long(c + PCI_BAR0) & ~0xfu);
    bool on = pci_get_word(c + PCI_COMMAND) & PCI_CMD_MEMORY;
    if (p->mapped && on && addr == p->mapped_at) {
        return;
    }
    unmap_bar(p);
    if (!on || addr == 0) {
        return;
    }
    GError *err = NULL;
    if (!io_register(IO_SPACE_MMIO, addr, HM_VIRTIO_PCI_BAR_SIZE, &bar_ops, p, p->name,
                     &err)) {
        hm_guest_error("%s: BAR at 0x%" PRIx64 " not decoded: %s", p->name, addr,
                       err->message);
        g_error_free(err);
        return;
    }
    p->mapped = true;
    p->mapped_at = addr;
    assign_notifiers(p, true);
}

static void config_written(PciDevice *dev, unsigned offset, unsigned size)
{
    VirtioPci *p = dev->opaque;
    if ((offset < PCI_COMMAND + 2 && offset + size > PCI_COMMAND) ||
        (offset < HM_VIRTIO_PCI_MSIX_CAP + 4 && offset + size > HM_VIRTIO_PCI_MSIX_CAP + 2)) {
        /* INTx disable or MSI-X enable/mask may have changed */
        virtio_pci_update_irq(p->vdev);
        msix_deliver_pending(p);
    }
    if ((offset < PCI_COMMAND + 2 && offset + size > PCI_COMMAND) ||
        (offset < PCI_BAR1 + 4 && offset + size > PCI_BAR0)) {
        remap_bar(p);
    }
}

/* One virtio_pci_cap {vndr, next, len, cfg_type, bar, id, pad[2], offset,
 * length}; returns the offset of the next capability. */
static unsigned add_cap(VirtioPci *p, unsigned at, unsigned len, uint8_t type,
                        uint32_t offset, uint32_t length, bool last)
{
    uint8_t *c = p->pci.config + at;
    c[0] = PCI_CAP_ID_VNDR;
    c[1] = last ? 0 : at + len;
    c[2] = len;
    c[3] = type;
    c[4] = 0;                               /* BAR0 */
    pci_set_long(c + 8, offset);
    pci_set_long(c + 12, length);
    return at + len;
}

static void init_config(VirtioPci *p, uint16_t pci_class)
{
    PciDevice *d = &p->pci;
    pci_device_init_config(d, HM_VIRTIO_PCI_VENDOR,
                           HM_VIRTIO_PCI_DEVICE_BASE + p->vdev->device_id, pci_class, 0);
    pci_set_word(d->config + PCI_STATUS, PCI_STATUS_CAP_LIST);
    d->config[PCI_REVISION] = HM_VIRTIO_PCI_REVISION;
    pci_set_word(d->config + PCI_SUBSYS_VENDOR, HM_VIRTIO_PCI_VENDOR);
    pci_set_word(d->config + PCI_SUBSYS_ID, HM_VIRTIO_PCI_SUBSYS_ID);
    d->config[PCI_INTERRUPT_PIN] = 1;      /* INTA */
    d->wmask[PCI_COMMAND + 1] = PCI_CMD_INTX_DISABLE >> 8;
    /* the BAR's size shows in which address bits are writable */
    pci_set_long(d->config + PCI_BAR0, PCI_BAR_MEM64_PREF);
    pci_set_long(d->wmask + PCI_BAR0, ~(uint32_t)(HM_VIRTIO_PCI_BAR_SIZE - 1) & ~0xfu);
    pci_set_long(d->wmask + PCI_BAR1, 0xffffffffu);
    d->config[PCI_CAP_PTR] = HM_VIRTIO_PCI_CAP_FIRST;
    unsigned at = HM_VIRTIO_PCI_CAP_FIRST;
    at = add_cap(p, at, 16, VIRTIO_PCI_CAP_COMMON, HM_VIRTIO_PCI_COMMON_OFF,
                 HM_VIRTIO_PCI_COMMON_LEN, false);
    at = add_cap(p, at, 16, VIRTIO_PCI_CAP_ISR, HM_VIRTIO_PCI_ISR_OFF, HM_VIRTIO_PCI_ISR_LEN,
                 false);
    at = add_cap(p, at, 16, VIRTIO_PCI_CAP_DEVICE, HM_VIRTIO_PCI_DEVICE_OFF,
                 p->vdev->config_len, false);
    unsigned notify = at;
    at = add_cap(p, at, 20, VIRTIO_PCI_CAP_NOTIFY, HM_VIRTIO_PCI_NOTIFY_OFF,
                 HM_VIRTIO_PCI_NOTIFY_MULT * p->vdev->num_queues, false);
    pci_set_long(d->config + notify + 16, HM_VIRTIO_PCI_NOTIFY_MULT);
    /* MSI-X: {id, next, control (table size - 1), table and PBA offsets in BAR0} */
    G_STATIC_ASSERT(HM_VIRTIO_PCI_MSIX_CAP == HM_VIRTIO_PCI_CAP_FIRST + 3 * 16 + 20);
    uint8_t *c = d->config + at;
    c[0] = PCI_CAP_ID_MSIX;
    c[1] = 0;
    pci_set_word(c + 2, p->msix_vectors - 1);
    pci_set_long(c + 4, HM_VIRTIO_PCI_MSIX_TABLE);
    pci_set_long(c + 8, HM_VIRTIO_PCI_MSIX_PBA);
    d->wmask[at + 3] = (MSIX_CTRL_ENABLE | MSIX_CTRL_MASKALL) >> 8;
}

static void msix_reset(VirtioPci *p)
{
    for (unsigned v = 0; v < VIRTIO_PCI_MSIX_MAX; v++) {
        p->msix[v] = (VirtioPciMsixEntry){ .ctrl = MSIX_ENTRY_MASKED };
    }
    p->msix_pending = 0;
    pci_set_word(p->pci.config + HM_VIRTIO_PCI_MSIX_CAP + 2, p->msix_vectors - 1);
}

void virtio_pci_set_msi(VirtioPci *p, const PciMsiSender *msi)
{
    p->msi = msi ? *msi : (PciMsiSender){ 0 };
}

VirtioPci *virtio_pci_new(VirtioDevice *vdev, unsigned devfn, uint16_t pci_class,
                          const PciIntxRouter *intx, GError **errp)
{
    VirtioPci *p = g_new0(VirtioPci, 1);
    p->vdev = vdev;
    p->intx = intx ? *intx : (PciIntxRouter){ 0 };
    p->name = g_strdup_printf("virtio-pci-%02x.%x(%s)", devfn >> 3, devfn & 7, vdev->name);
    p->pci.name = p->name;
    p->pci.devfn = devfn;
    p->pci.opaque = p;
    p->pci.config_written = config_written;
    for (unsigned q = 0; q < VIRTIO_MAX_QUEUES; q++) {
        p->notifier[q] = (VirtioPciNotifier){ .p = p, .queue = q, .fd = -1 };
    }
    p->msix_vectors = vdev->num_queues + 1;
    vdev->transport = p;
    vdev->update_irq = virtio_pci_update_irq;
    vdev->msix_notify = virtio_pci_msix_notify;
    init_config(p, pci_class);
    msix_reset(p);
    if (!pci_bus_register(&p->pci, errp)) {
        vdev->update_irq = NULL;
        vdev->msix_notify = NULL;
        vdev->transport = NULL;
        g_free(p->name);
        g_free(p);
        return NULL;
    }
    return p;
}

void virtio_pci_reset(VirtioPci *p)
{
    unmap_bar(p);
    pci_set_word(p->pci.config + PCI_COMMAND, 0);
    pci_set_long(p->pci.config + PCI_BAR0, PCI_BAR_MEM64_PREF);
    pci_set_long(p->pci.config + PCI_BAR1, 0);
    p->pci.config[0x3c] = 0;
    msix_reset(p);
    virtio_reset(p->vdev);
}

void virtio_pci_free(VirtioPci *p)
{
    if (!p) {
        return;
    }
    unmap_bar(p);
    free_notifiers(p);
    if (p->intx_level && p->intx.set) {
        p->intx.set(p->intx.opaque, p->pci.devfn, 1, 0);
    }
    pci_bus_unregister(&p->pci);
    p->vdev->update_irq = NULL;
    p->vdev->msix_notify = NULL;
    p->vdev->transport = NULL;
    g_free(p->name);
    g_free(p);
}

void virtio_pci_update_intx(VirtioPci *p)
{
    virtio_pci_update_irq(p->vdev);
}

/* ---- migration ---- */

static const VmStateDesc msix_entry_vmstate = {
    .name = "msix-entry",
    .version = 1,
    .min_version = 1,
    .fields = (const VmStateField[]){
        VMSTATE_U32(VirtioPciMsixEntry, addr_lo),
        VMSTATE_U32(VirtioPciMsixEntry, addr_hi),
        VMSTATE_U32(VirtioPciMsixEntry, data),
        VMSTATE_U32(VirtioPciMsixEntry, ctrl),
        VMSTATE_END,
    },
};

static bool virtio_pci_pre_save(void *obj, GError **errp)
{
    VirtioPci *p = obj;
    memcpy(p->mig_config, p->pci.config, sizeof(p->mig_config));
    p->mig_msix_vectors = p->msix_vectors;
    return true;
}

/* The source must have been the same function: every bit the guest cannot
 * write is ours, so it must match (IDs, capabilities, BAR size, table size). */
static bool virtio_pci_check(const void *obj, GError **errp)
{
    const VirtioPci *p = obj;
    if (p->mig_msix_vectors != p->msix_vectors) {
        g_set_error(errp, HM_ERROR, 0, "%s: the source has %u MSI-X vectors, this one %u",
                    p->name, p->mig_msix_vectors, p->msix_vectors);
        return false;
    }
    for (unsigned i = 0; i < PCI_CONFIG_SPACE_SIZE; i++) {
        if ((p->mig_config[i] ^ p->pci.config[i]) & ~p->pci.wmask[i]) {
            g_set_error(errp, HM_ERROR, 0, "%s: read-only config byte 0x%02x is 0x%02x on the "
                        "source, 0x%02x here", p->name, i, p->mig_config[i],
                        p->pci.config[i]);
            return false;
        }
    }
    for (unsigned v = 0; v < VIRTIO_PCI_MSIX_MAX; v++) {
        if (p->msix[v].ctrl & ~MSIX_ENTRY_MASKED) {
            g_set_error(errp, HM_ERROR, 0, "%s: MSI-X vector %u control 0x%x", p->name, v,
                        p->msix[v].ctrl);
            return false;
        }
    }
    if (p->msix_pending >> p->msix_vectors) {
        g_set_error(errp, HM_ERROR, 0, "%s: MSI-X pending bits 0x%" PRIx64 " past the table",
                    p->name, p->msix_pending);
        return false;
    }
    return true;
}

static bool virtio_pci_post_load(void *obj, GError **errp)
{
    VirtioPci *p = obj;
    memcpy(p->pci.config, p->mig_config, sizeof(p->pci.config));
    remap_bar(p);                 /* MMIO and the notify ioeventfds at the source's BAR */
    return true;
}

const VmStateDesc virtio_pci_vmstate = {
    .name = "virtio-pci",
    .version = 1,
    .min_version = 1,
    .fields = (const VmStateField[]){
        VMSTATE_BUFFER(VirtioPci, mig_config),
        VMSTATE_U32(VirtioPci, mig_msix_vectors),
        VMSTATE_ARRAY(VirtioPci, msix, VIRTIO_PCI_MSIX_MAX, VirtioPciMsixEntry,
                      &msix_entry_vmstate),
        VMSTATE_U64(VirtioPci, msix_pending),
        VMSTATE_END,
    },
    .pre_save = virtio_pci_pre_save,
    .check = virtio_pci_check,
    .post_load = virtio_pci_post_load,
};
