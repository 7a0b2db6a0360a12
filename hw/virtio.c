/*
 * virtio.c - status, features and split virtqueues of a virtio 1.x device.
 *
 * The rings live in guest RAM and the guest may rewrite them while we read:
 * every field is copied out once (guest_mem_read) and checked before use,
 * so a hostile ring can mark the device broken but never make the device
 * touch memory outside guest RAM or loop.
 */
#include "hw/virtio.h"
#include "hotmem/guest-mem.h"
#include "hotmem/util.h"
#include "migration/vmstate.h"

#include <string.h>

#define VRING_DESC_SIZE      16
#define VRING_AVAIL_RING     4        /* flags, idx, then ring[] */
#define VRING_USED_RING      4
#define VRING_USED_ELEM_SIZE 8

void virtio_device_init(VirtioDevice *vdev, const char *name, uint16_t device_id,
                        uint64_t host_features, unsigned num_queues, uint16_t max_size,
                        unsigned config_len, const VirtioDeviceOps *ops, void *opaque)
{
    memset(vdev, 0, sizeof(*vdev));
    vdev->name = name;
    vdev->device_id = device_id;
    vdev->host_features = host_features | (1ULL << VIRTIO_F_VERSION_1);
    vdev->num_queues = MIN(num_queues, VIRTIO_MAX_QUEUES);
    vdev->config_len = MIN(config_len, VIRTIO_CONFIG_MAX);
    vdev->ops = ops;
    vdev->opaque = opaque;
    for (unsigned i = 0; i < vdev->num_queues; i++) {
        vdev->vq[i].max_size = MIN(max_size, VIRTIO_QUEUE_MAX_SIZE);
    }
    virtio_reset(vdev);
}

static void update_irq(VirtioDevice *vdev)
{
    if (vdev->update_irq) {
        vdev->update_irq(vdev);
    }
}

#define IRQ_DEFERRED_CONFIG (1u << 31)

/* An interrupt for the driver: its MSI-X vector, or the ISR and INTx.
 * which: the queue's bit, or IRQ_DEFERRED_CONFIG, for a quiesced device. */
static void raise_irq(VirtioDevice *vdev, uint8_t isr_bit, uint16_t vector, uint32_t which)
{
    if (vdev->quiesced) {
        vdev->irqs_deferred |= which;   /* the vCPUs' state may be saved already */
        return;
    }
    if (vdev->msix_notify && vdev->msix_notify(vdev, vector)) {
        return;
    }
    vdev->isr |= isr_bit;
    update_irq(vdev);
}

void virtio_reset(VirtioDevice *vdev)
{
    vdev->guest_features = 0;
    vdev->device_feature_select = 0;
    vdev->driver_feature_select = 0;
    vdev->status = 0;
    vdev->isr = 0;
    vdev->config_vector = VIRTIO_NO_VECTOR;
    vdev->broken = false;
    vdev->queue_select = 0;
    vdev->kicks_deferred = vdev->irqs_deferred = 0;
    for (unsigned i = 0; i < vdev->num_queues; i++) {
        VirtQueue *vq = &vdev->vq[i];
        uint16_t max = vq->max_size;
        *vq = (VirtQueue){ .max_size = max, .size = max, .msix_vector = VIRTIO_NO_VECTOR };
    }
    if (vdev->ops && vdev->ops->reset) {
        vdev->ops->reset(vdev);
    }
    update_irq(vdev);
}

void virtio_set_status(VirtioDevice *vdev, uint8_t value)
{
    if (value == 0) {
        virtio_reset(vdev);
        return;
    }
    /* DEVICE_NEEDS_RESET belongs to the device; the others only accumulate */
    uint8_t old = vdev->status & ~VIRTIO_STATUS_DEVICE_NEEDS_RESET;
    value &= ~VIRTIO_STATUS_DEVICE_NEEDS_RESET;
    if (old & ~value) {
        hm_guest_error("%s: status 0x%x clears bits of 0x%x", vdev->name, value, old);
        return;
    }
    uint8_t added = value & ~old;
    if (added & VIRTIO_STATUS_FEATURES_OK) {
        bool ok = (value & (VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER)) ==
                      (VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER) &&
                  !(vdev->guest_features & ~vdev->host_features) &&
                  virtio_has_feature(vdev, VIRTIO_F_VERSION_1);
        if (!ok) {
            hm_guest_error("%s: features 0x%" PRIx64 " refused (offer 0x%" PRIx64 ")",
                           vdev->name, vdev->guest_features, vdev->host_features);
            value &= ~VIRTIO_STATUS_FEATURES_OK;
        }
    }
    if ((added & VIRTIO_STATUS_DRIVER_OK) && !(value & VIRTIO_STATUS_FEATURES_OK)) {
        hm_guest_error("%s: DRIVER_OK before FEATURES_OK", vdev->name);
        value &= ~VIRTIO_STATUS_DRIVER_OK;
    }
    vdev->status = value | (vdev->status & VIRTIO_STATUS_DEVICE_NEEDS_RESET);
    /* Linux's balloon kicks its stats queue before DRIVER_OK: look at every
     * queue once now, so that a buffer offered early is not stranded */
    if ((vdev->status & added & VIRTIO_STATUS_DRIVER_OK) && !vdev->broken &&
        vdev->ops->queue_notify) {
        for (unsigned i = 0; i < vdev->num_queues; i++) {
            if (vdev->vq[i].enabled) {
                vdev->ops->queue_notify(vdev, i);
            }
        }
    }
}

void virtio_set_driver_features(VirtioDevice *vdev, uint32_t select, uint32_t value)
{
    if (vdev->status & VIRTIO_STATUS_FEATURES_OK) {
        hm_guest_error("%s: feature write after FEATURES_OK", vdev->name);
        return;
    }
    if (select > 1) {
        return;
    }
    unsigned shift = 32 * select;
    vdev->guest_features = (vdev->guest_features & ~(0xffffffffULL << shift)) |
                           ((uint64_t)value << shift);
}

/* Queue registers may be written between FEATURES_OK and enabling. */
static VirtQueue *setup_queue(VirtioDevice *vdev, unsigned index, const char *what)
{
    if (index >= vdev->num_queues) {
        return NULL;
    }
    VirtQueue *vq = &vdev->vq[index];
    if (!(vdev->status & VIRTIO_STATUS_FEATURES_OK) || vq->enabled) {
        hm_guest_error("%s: queue %u %s written %s", vdev->name, index, what,
                       vq->enabled ? "while enabled" : "before FEATURES_OK");
        return NULL;
    }
    return vq;
}

bool virtio_queue_set_size(VirtioDevice *vdev, unsigned index, uint16_t size)
{
    VirtQueue *vq = setup_queue(vdev, index, "size");
    if (!vq) {
        return false;
    }
    if (size == 0 || size > vq->max_size || (size & (size - 1))) {
        hm_guest_error("%s: queue %u size %u is not a power of two up to %u", vdev->name,
                       index, size, vq->max_size);
        return false;
    }
    vq->size = size;
    return true;
}

bool virtio_queue_set_addr(VirtioDevice *vdev, unsigned index, unsigned which,
                           uint64_t value, uint64_t mask)
{
    VirtQueue *vq = setup_queue(vdev, index, "address");
    if (!vq) {
        return false;
    }
    uint64_t *field = which == VIRTIO_QUEUE_ADDR_DESC     ? &vq->desc
                      : which == VIRTIO_QUEUE_ADDR_DRIVER ? &vq->avail
                                                          : &vq->used;
    *field = (*field & ~mask) | (value & mask);
    return true;
}

static bool ring_ok(uint64_t gpa, uint64_t len, uint64_t align, bool for_write)
{
    return (gpa & (align - 1)) == 0 && guest_mem_range(gpa, len, for_write);
}

bool virtio_queue_enable(VirtioDevice *vdev, unsigned index)
{
    VirtQueue *vq = setup_queue(vdev, index, "enable");
    if (!vq) {
        return false;
    }
    uint64_t n = vq->size;
    if (!ring_ok(vq->desc, n * VRING_DESC_SIZE, 16, false) ||
        !ring_ok(vq->avail, VRING_AVAIL_RING + 2 * n + 2, 2, false) ||
        !ring_ok(vq->used, VRING_USED_RING + VRING_USED_ELEM_SIZE * n + 2, 4, true)) {
        hm_guest_error("%s: queue %u rings (desc 0x%" PRIx64 " avail 0x%" PRIx64
                       " used 0x%" PRIx64 ", size %u) are not in RAM", vdev->name, index,
                       vq->desc, vq->avail, vq->used, vq->size);
        return false;
    }
    vq->enabled = true;
    vq->last_avail = 0;
    vq->used_idx = 0;
    vq->signalled_valid = false;
    return true;
}

void virtio_queue_notify(VirtioDevice *vdev, unsigned index)
{
    if (vdev->quiesced && index < vdev->num_queues) {
        vdev->kicks_deferred |= 1u << index;
        return;
    }
    if (index >= vdev->num_queues || !vdev->vq[index].enabled ||
        !(vdev->status & VIRTIO_STATUS_DRIVER_OK) || vdev->broken) {
        hm_guest_error("%s: notify of queue %u ignored (not ready)", vdev->name, index);
        return;
    }
    if (vdev->ops->queue_notify) {
        vdev->ops->queue_notify(vdev, index);
    }
}

void virtio_mark_broken(VirtioDevice *vdev, const char *why)
{
    hm_guest_error("%s: %s: device needs reset", vdev->name, why);
    if (vdev->broken) {
        return;
    }
    vdev->broken = true;
    vdev->status |= VIRTIO_STATUS_DEVICE_NEEDS_RESET;
    if (vdev->status & VIRTIO_STATUS_DRIVER_OK) {
        raise_irq(vdev, VIRTIO_ISR_CONFIG, vdev->config_vector, IRQ_DEFERRED_CONFIG);
    }
}

void virtio_config_changed(VirtioDevice *vdev)
{
    vdev->config_generation++;
    if (vdev->status & VIRTIO_STATUS_DRIVER_OK) {
        raise_irq(vdev, VIRTIO_ISR_CONFIG, vdev->config_vector, IRQ_DEFERRED_CONFIG);
    }
}

uint8_t virtio_isr_read(VirtioDevice *vdev)
{
    uint8_t v = vdev->isr;
    vdev->isr = 0;
    update_irq(vdev);
    return v;
}

/* ---- ring access ---- */

static bool read16(uint64_t gpa, uint16_t *out)
{
    uint16_t v;
    if (!guest_mem_read(gpa, &v, sizeof(v))) {
        return false;
    }
    *out = GUINT16_FROM_LE(v);
    return true;
}

static bool write16(uint64_t gpa, uint16_t v)
{
    v = GUINT16_TO_LE(v);
    return guest_mem_write(gpa, &v, sizeof(v));
}

static VirtQueue *ready_queue(VirtioDevice *vdev, unsigned index)
{
    if (vdev->broken || index >= vdev->num_queues || !vdev->vq[index].enabled) {
        return NULL;
    }
    return &vdev->vq[index];
}

/* With EVENT_IDX the driver kicks only when it passes avail_event, so it
 * must always say how far we have read. */
static bool publish_avail_event(VirtioDevice *vdev, VirtQueue *vq)
{
    if (!virtio_has_feature(vdev, VIRTIO_F_EVENT_IDX)) {
        return true;
    }
    return write16(vq->used + VRING_USED_RING + VRING_USED_ELEM_SIZE * vq->size,
                   vq->last_avail);
}

void virtqueue_element_clear(VirtQueueElement *elem)
{
    g_free(elem->out);
    g_free(elem->in);
    *elem = (VirtQueueElement){ 0 };
}

typedef struct VringDesc {
    uint64_t addr;
    uint32_t len;
    uint16_t flags;
    uint16_t next;
} VringDesc;

static const char *walk_chain(VirtQueue *vq, uint16_t head, VirtQueueElement *elem)
{
    elem->head = head;
    elem->out = g_new0(VirtioSg, vq->size);
    elem->in = g_new0(VirtioSg, vq->size);
    unsigned count = 0;
    for (uint16_t i = head;;) {
        if (++count > vq->size) {
            return "descriptor chain loops or is longer than the queue";
        }
        VringDesc d;
        if (!guest_mem_read(vq->desc + (uint64_t)i * VRING_DESC_SIZE, &d, sizeof(d))) {
            return "descriptor table not in RAM";
        }
        uint64_t addr = GUINT64_FROM_LE(d.addr);
        uint32_t len = GUINT32_FROM_LE(d.len);
        uint16_t flags = GUINT16_FROM_LE(d.flags);
        if (flags & VRING_DESC_F_INDIRECT) {
            return "indirect descriptor (not offered)";
        }
        bool writable = flags & VRING_DESC_F_WRITE;
        if (!writable && elem->in_num) {
            return "device-readable descriptor after a writable one";
        }
        void *host = NULL;
        if (len && !(host = guest_mem_range(addr, len, writable))) {
            return "descriptor buffer not in RAM";
        }
        VirtioSg *sg = writable ? &elem->in[elem->in_num++] : &elem->out[elem->out_num++];
        *sg = (VirtioSg){ .gpa = addr, .len = len, .host = host };
        if (!(flags & VRING_DESC_F_NEXT)) {
            return NULL;
        }
        i = GUINT16_FROM_LE(d.next);
        if (i >= vq->size) {
            return "descriptor index out of range";
        }
    }
}

int virtqueue_pop(VirtioDevice *vdev, unsigned index, VirtQueueElement *elem)
{
    *elem = (VirtQueueElement){ 0 };
    VirtQueue *vq = ready_queue(vdev, index);
    if (!vq) {
        return 0;
    }
    uint16_t avail_idx;
    if (!read16(vq->avail + 2, &avail_idx)) {
        virtio_mark_broken(vdev, "avail ring not in RAM");
        return -1;
    }
    if (avail_idx == vq->last_avail) {
        /* tell the driver where we are, then look again: it may have
         * added a buffer before it saw the new avail_event */
        if (!publish_avail_event(vdev, vq)) {
            virtio_mark_broken(vdev, "used ring not in RAM");
            return -1;
        }
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
        if (!read16(vq->avail + 2, &avail_idx) || avail_idx == vq->last_avail) {
            return 0;
        }
    }
    if ((uint16_t)(avail_idx - vq->last_avail) > vq->size) {
        virtio_mark_broken(vdev, "avail index ran more than a queue ahead");
        return -1;
    }
    /* the entries are only valid once we have seen idx */
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    uint16_t head;
    const char *bad = NULL;
    if (!read16(vq->avail + VRING_AVAIL_RING + 2 * (vq->last_avail % vq->size), &head)) {
        bad = "avail ring not in RAM";
    } else if (head >= vq->size) {
        bad = "head descriptor index out of range";
    } else {
        bad = walk_chain(vq, head, elem);
    }
    if (bad) {
        virtqueue_element_clear(elem);
        virtio_mark_broken(vdev, bad);
        return -1;
    }
    vq->last_avail++;
    if (!publish_avail_event(vdev, vq)) {
        virtqueue_element_clear(elem);
        virtio_mark_broken(vdev, "used ring not in RAM");
        return -1;
    }
    return 1;
}

void virtqueue_push(VirtioDevice *vdev, unsigned index, const VirtQueueElement *elem,
                    uint32_t len)
{
    VirtQueue *vq = ready_queue(vdev, index);
    if (!vq) {
        return;
    }
    uint32_t e[2] = { GUINT32_TO_LE(elem->head), GUINT32_TO_LE(len) };
    uint64_t at = vq->used + VRING_USED_RING +
                  (uint64_t)VRING_USED_ELEM_SIZE * (vq->used_idx % vq->size);
    if (!guest_mem_write(at, e, sizeof(e))) {
        virtio_mark_broken(vdev, "used ring not in RAM");
        return;
    }
    /* the element must be visible before the index that publishes it */
    __atomic_thread_fence(__ATOMIC_RELEASE);
    vq->used_idx++;
    if (!write16(vq->used + 2, vq->used_idx)) {
        virtio_mark_broken(vdev, "used ring not in RAM");
    }
}

void virtqueue_notify_driver(VirtioDevice *vdev, unsigned index)
{
    VirtQueue *vq = ready_queue(vdev, index);
    if (!vq) {
        return;
    }
    /* our used->idx store must be ordered before reading what the driver
     * asked for, or an interrupt it waits for can be lost */
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (virtio_has_feature(vdev, VIRTIO_F_EVENT_IDX)) {
        uint16_t event;
        if (!read16(vq->avail + VRING_AVAIL_RING + 2 * vq->size, &event)) {
            virtio_mark_broken(vdev, "avail ring not in RAM");
            return;
        }
        bool valid = vq->signalled_valid;
        uint16_t old = vq->signalled_used, now = vq->used_idx;
        vq->signalled_valid = true;
        vq->signalled_used = now;
        /* virtio 1.2, 2.7.10: interrupt when used_idx passes used_event */
        if (valid && (uint16_t)(now - event - 1) >= (uint16_t)(now - old)) {
            return;
        }
    } else {
        uint16_t flags;
        if (!read16(vq->avail, &flags)) {
            virtio_mark_broken(vdev, "avail ring not in RAM");
            return;
        }
        if (flags & VRING_AVAIL_F_NO_INTERRUPT) {
            return;
        }
    }
    raise_irq(vdev, VIRTIO_ISR_QUEUE, vq->msix_vector, 1u << index);
}

/* ---- quiescing (a migration's switch-over) ---- */

static bool queue_ready(const VirtioDevice *vdev, unsigned index)
{
    return index < vdev->num_queues && vdev->vq[index].enabled &&
           (vdev->status & VIRTIO_STATUS_DRIVER_OK) && !vdev->broken;
}

void virtio_set_quiesced(VirtioDevice *vdev, bool quiesced)
{
    if (quiesced || !vdev->quiesced) {
        vdev->quiesced = quiesced;
        return;
    }
    vdev->quiesced = false;
    uint32_t kicks = vdev->kicks_deferred, irqs = vdev->irqs_deferred;
    vdev->kicks_deferred = vdev->irqs_deferred = 0;
    for (unsigned i = 0; i < vdev->num_queues; i++) {
        if ((irqs >> i & 1) && queue_ready(vdev, i)) {
            raise_irq(vdev, VIRTIO_ISR_QUEUE, vdev->vq[i].msix_vector, 1u << i);
        }
        if ((kicks >> i & 1) && queue_ready(vdev, i) && vdev->ops->queue_notify) {
            vdev->ops->queue_notify(vdev, i);
        }
    }
    if ((irqs & IRQ_DEFERRED_CONFIG) && (vdev->status & VIRTIO_STATUS_DRIVER_OK)) {
        raise_irq(vdev, VIRTIO_ISR_CONFIG, vdev->config_vector, IRQ_DEFERRED_CONFIG);
    }
}

/* ---- migration ---- */

static const VmStateDesc virtqueue_vmstate = {
    .name = "virtqueue",
    .version = 1,
    .min_version = 1,
    .fields = (const VmStateField[]){
        VMSTATE_U16(VirtQueue, size),
        VMSTATE_BOOL(VirtQueue, enabled),
        VMSTATE_U64(VirtQueue, desc),
        VMSTATE_U64(VirtQueue, avail),
        VMSTATE_U64(VirtQueue, used),
        VMSTATE_U16(VirtQueue, msix_vector),
        VMSTATE_U16(VirtQueue, last_avail),
        VMSTATE_U16(VirtQueue, used_idx),
        VMSTATE_U16(VirtQueue, signalled_used),
        VMSTATE_BOOL(VirtQueue, signalled_valid),
        VMSTATE_END,
    },
};

/* Host-side only (not here): the ops, the transport hooks, config_wmask and
 * the queues' max_size, which the device model gives both sides alike. */
const VmStateDesc virtio_device_vmstate = {
    .name = "virtio-device",
    .version = 1,
    .min_version = 1,
    .fields = (const VmStateField[]){
        VMSTATE_U64(VirtioDevice, mig_host_features),
        VMSTATE_U32(VirtioDevice, mig_num_queues),
        VMSTATE_U32(VirtioDevice, mig_config_len),
        VMSTATE_U64(VirtioDevice, guest_features),
        VMSTATE_U32(VirtioDevice, device_feature_select),
        VMSTATE_U32(VirtioDevice, driver_feature_select),
        VMSTATE_U8(VirtioDevice, status),
        VMSTATE_U8(VirtioDevice, config_generation),
        VMSTATE_U8(VirtioDevice, isr),
        VMSTATE_U16(VirtioDevice, config_vector),
        VMSTATE_BOOL(VirtioDevice, broken),
        VMSTATE_U16(VirtioDevice, queue_select),
        VMSTATE_BUFFER(VirtioDevice, config),
        VMSTATE_ARRAY(VirtioDevice, vq, VIRTIO_MAX_QUEUES, VirtQueue, &virtqueue_vmstate),
        VMSTATE_END,
    },
};

void virtio_device_pre_save(VirtioDevice *vdev)
{
    vdev->mig_host_features = vdev->host_features;
    vdev->mig_num_queues = vdev->num_queues;
    vdev->mig_config_len = vdev->config_len;
}

#define STATUS_KNOWN                                                                       \
    (VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_DRIVER_OK |          \
     VIRTIO_STATUS_FEATURES_OK | VIRTIO_STATUS_DEVICE_NEEDS_RESET | VIRTIO_STATUS_FAILED)

static bool vector_ok(uint16_t v, unsigned msix_vectors)
{
    return v == VIRTIO_NO_VECTOR || v < msix_vectors;
}

static bool queue_check(const VirtioDevice *v, unsigned i, unsigned msix_vectors,
                        GError **errp)
{
    const VirtQueue *q = &v->vq[i];
    const char *bad = NULL;
    if (i >= v->num_queues) {
        bad = q->enabled || q->size ? "does not exist here" : NULL;
    } else if (!q->size || q->size > q->max_size || (q->size & (q->size - 1))) {
        bad = "has a size that is not a power of two up to the maximum";
    } else if (!vector_ok(q->msix_vector, msix_vectors)) {
        bad = "has an MSI-X vector past the table";
    } else if (q->enabled && !(v->status & VIRTIO_STATUS_FEATURES_OK)) {
        bad = "is enabled before FEATURES_OK";
    } else if (q->enabled &&
               (!ring_ok(q->desc, (uint64_t)q->size * VRING_DESC_SIZE, 16, false) ||
                !ring_ok(q->avail, VRING_AVAIL_RING + 2ULL * q->size + 2, 2, false) ||
                !ring_ok(q->used, VRING_USED_RING + (uint64_t)VRING_USED_ELEM_SIZE * q->size + 2,
                         4, true))) {
        bad = "has rings outside guest RAM";
    } else if (q->enabled && (uint16_t)(q->last_avail - q->used_idx) > q->size) {
        bad = "has more buffers in flight than entries";
    }
    if (bad) {
        g_set_error(errp, HM_ERROR, 0, "%s: queue %u (size %u) %s", v->name, i, q->size, bad);
        return false;
    }
    return true;
}

bool virtio_device_check(const VirtioDevice *v, unsigned msix_vectors, GError **errp)
{
    if (v->mig_host_features != v->host_features || v->mig_num_queues != v->num_queues ||
        v->mig_config_len != v->config_len) {
        g_set_error(errp, HM_ERROR, 0,
                    "%s: the source's device offers features 0x%" PRIx64 " with %u queues "
                    "and %u config bytes, this one 0x%" PRIx64 " with %u and %u", v->name,
                    v->mig_host_features, v->mig_num_queues, v->mig_config_len,
                    v->host_features, v->num_queues, v->config_len);
        return false;
    }
    const char *bad = NULL;
    if (v->guest_features & ~v->host_features) {
        bad = "the driver's features were never offered";
    } else if (v->status & ~STATUS_KNOWN) {
        bad = "unknown device status bits";
    } else if ((v->status & VIRTIO_STATUS_DRIVER_OK) &&
               !(v->status & VIRTIO_STATUS_FEATURES_OK)) {
        bad = "DRIVER_OK without FEATURES_OK";
    } else if ((v->status & VIRTIO_STATUS_FEATURES_OK) &&
               !virtio_has_feature(v, VIRTIO_F_VERSION_1)) {
        bad = "FEATURES_OK without VERSION_1";
    } else if (!(v->status & VIRTIO_STATUS_DEVICE_NEEDS_RESET) != !v->broken) {
        bad = "DEVICE_NEEDS_RESET and the broken flag disagree";
    } else if (v->isr & ~(VIRTIO_ISR_QUEUE | VIRTIO_ISR_CONFIG)) {
        bad = "unknown ISR bits";
    } else if (!vector_ok(v->config_vector, msix_vectors)) {
        bad = "the config MSI-X vector is past the table";
    }
    if (bad) {
        g_set_error(errp, HM_ERROR, 0, "%s: %s (status 0x%x, features 0x%" PRIx64 ")",
                    v->name, bad, v->status, v->guest_features);
        return false;
    }
    for (unsigned i = 0; i < VIRTIO_MAX_QUEUES; i++) {
        if (!queue_check(v, i, msix_vectors, errp)) {
            return false;
        }
    }
    return true;
}

void virtio_device_post_load(VirtioDevice *vdev)
{
    /* nothing runs before the machine resumes the device: then every
     * enabled queue is looked at (a kick the source had not served yet)
     * and the driver gets a config interrupt (one the source raised after
     * its vCPUs' state was saved); both are harmless when nothing is due */
    vdev->quiesced = true;
    vdev->kicks_deferred = 0;
    for (unsigned i = 0; i < vdev->num_queues; i++) {
        vdev->kicks_deferred |= (uint32_t)vdev->vq[i].enabled << i;
    }
    vdev->irqs_deferred = IRQ_DEFERRED_CONFIG;
}
