/*
 * virtio.h - the transport-independent half of a virtio 1.x device:
 * feature negotiation, device status, split virtqueues (with event-idx) and
 * the interrupt status, shared by every virtio device (balloon first).
 *
 * Everything the guest puts in a ring is distrusted: ring and buffer
 * addresses go through guest_mem_range(), and a malformed chain (a loop,
 * more descriptors than the queue holds, an index out of range, a readable
 * descriptor after a writable one, an indirect descriptor we never offered)
 * marks the device broken: DEVICE_NEEDS_RESET is set, a config interrupt is
 * raised and nothing else changes until the driver resets the device.
 *
 * All calls run with the device lock held.
 */
#ifndef HW_VIRTIO_H
#define HW_VIRTIO_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

/* device status (virtio 1.2, 2.1) */
#define VIRTIO_STATUS_ACKNOWLEDGE        0x01
#define VIRTIO_STATUS_DRIVER             0x02
#define VIRTIO_STATUS_DRIVER_OK          0x04
#define VIRTIO_STATUS_FEATURES_OK        0x08
#define VIRTIO_STATUS_DEVICE_NEEDS_RESET 0x40
#define VIRTIO_STATUS_FAILED             0x80

/* transport-level feature bits (virtio 1.2, 6) */
#define VIRTIO_F_INDIRECT_DESC   28
#define VIRTIO_F_EVENT_IDX       29
#define VIRTIO_F_VERSION_1       32

/* split ring (virtio 1.2, 2.7) */
#define VRING_DESC_F_NEXT        1
#define VRING_DESC_F_WRITE       2
#define VRING_DESC_F_INDIRECT    4
#define VRING_AVAIL_F_NO_INTERRUPT 1

/* interrupt status bits (ISR) */
#define VIRTIO_ISR_QUEUE         0x01
#define VIRTIO_ISR_CONFIG        0x02

#define VIRTIO_NO_VECTOR         0xffff
#define VIRTIO_QUEUE_MAX_SIZE    1024     /* what our devices offer */
#define VIRTIO_MAX_QUEUES        8
#define VIRTIO_CONFIG_MAX        64

typedef struct VirtioDevice VirtioDevice;

typedef struct VirtQueue {
    uint16_t max_size;        /* 0: the queue does not exist */
    uint16_t size;            /* driver's choice, a power of two <= max_size */
    bool enabled;
    uint64_t desc, avail, used;
    uint16_t msix_vector;
    uint16_t last_avail;      /* next avail entry the device takes */
    uint16_t used_idx;        /* the device's copy of used->idx */
    uint16_t signalled_used;  /* used_idx at the last interrupt (event-idx) */
    bool signalled_valid;
} VirtQueue;

/* One buffer segment, checked against guest RAM when the chain was taken. */
typedef struct VirtioSg {
    uint64_t gpa;
    uint32_t len;
    void *host;
} VirtioSg;

/* A descriptor chain taken from the avail ring: out[] is device-readable,
 * in[] device-writable, in chain order. */
typedef struct VirtQueueElement {
    uint16_t head;
    unsigned out_num, in_num;
    VirtioSg *out, *in;
} VirtQueueElement;

typedef struct VirtioDeviceOps {
    /* a queue was notified (device DRIVER_OK, queue enabled) */
    void (*queue_notify)(VirtioDevice *vdev, unsigned index);
    /* the driver wrote [offset, offset + size) of the device config (the
     * bytes are already in vdev->config, within the writable mask) */
    void (*config_written)(VirtioDevice *vdev, unsigned offset, unsigned size);
    /* the driver reset the device (status 0): device state back to initial */
    void (*reset)(VirtioDevice *vdev);
} VirtioDeviceOps;

struct VirtioDevice {
    const char *name;
    uint16_t device_id;
    uint64_t host_features;
    uint64_t guest_features;  /* what the driver wrote */
    uint32_t device_feature_select, driver_feature_select;
    uint8_t status;
    uint8_t config_generation;
    uint8_t isr;
    uint16_t config_vector;
    bool broken;
    unsigned num_queues;
    uint16_t queue_select;
    VirtQueue vq[VIRTIO_MAX_QUEUES];
    uint8_t config[VIRTIO_CONFIG_MAX];
    uint8_t config_wmask[VIRTIO_CONFIG_MAX];
    unsigned config_len;
    const VirtioDeviceOps *ops;
    void *opaque;             /* the device's own state */
    /* set by the transport: re-evaluate the interrupt line after isr changed */
    void (*update_irq)(VirtioDevice *vdev);
    /* set by the transport: signal vector when MSI-X is on (true), or return
     * false to have the ISR bit set and update_irq called */
    bool (*msix_notify)(VirtioDevice *vdev, uint16_t vector);
    void *transport;
    /* switch-over of a migration: no guest or timer work, and no interrupt,
     * until virtio_set_quiesced(false) catches up on what was held back */
    bool quiesced;
    uint32_t kicks_deferred;  /* queues notified meanwhile (bit per queue) */
    uint32_t irqs_deferred;   /* interrupts due meanwhile (queues; bit 31 config) */
    /* migration: what the source device was, checked against this one */
    uint64_t mig_host_features;
    uint32_t mig_num_queues, mig_config_len;
};

/* Sets up the common state: num_queues queues of max_size entries each. */
void virtio_device_init(VirtioDevice *vdev, const char *name, uint16_t device_id,
                        uint64_t host_features, unsigned num_queues, uint16_t max_size,
                        unsigned config_len, const VirtioDeviceOps *ops, void *opaque);
/* Device reset: status, features, queues and ISR to zero, then ops->reset. */
void virtio_reset(VirtioDevice *vdev);

static inline bool virtio_has_feature(const VirtioDevice *vdev, unsigned bit)
{
    return (vdev->guest_features >> bit) & 1;
}

/* Status register writes, with the ordering rules of virtio 1.2, 3.1:
 * 0 resets; bits can only be added, FEATURES_OK only when the driver's
 * features are a subset of the offer including VERSION_1, DRIVER_OK only
 * after FEATURES_OK. A write that breaks the rules is ignored. */
void virtio_set_status(VirtioDevice *vdev, uint8_t status);
/* Driver feature word writes (ignored after FEATURES_OK). */
void virtio_set_driver_features(VirtioDevice *vdev, uint32_t select, uint32_t value);

/* Queue setup registers of the selected queue; false (and nothing
 * changed) when the write is not allowed now (queue enabled, bad size,
 * rings outside RAM, before FEATURES_OK). */
bool virtio_queue_set_size(VirtioDevice *vdev, unsigned index, uint16_t size);
bool virtio_queue_set_addr(VirtioDevice *vdev, unsigned index, unsigned which,
                           uint64_t value, uint64_t mask);
bool virtio_queue_enable(VirtioDevice *vdev, unsigned index);
#define VIRTIO_QUEUE_ADDR_DESC   0
#define VIRTIO_QUEUE_ADDR_DRIVER 1
#define VIRTIO_QUEUE_ADDR_DEVICE 2

/* A driver notification for queue index: ignored unless the device is
 * DRIVER_OK, not broken and the queue enabled. */
void virtio_queue_notify(VirtioDevice *vdev, unsigned index);

/* Takes the next available chain: 1 with elem filled (release with
 * virtqueue_element_clear), 0 when the ring is empty, -1 when the chain was
 * malformed (the device is now broken). */
int virtqueue_pop(VirtioDevice *vdev, unsigned index, VirtQueueElement *elem);
void virtqueue_element_clear(VirtQueueElement *elem);
/* Returns the chain to the driver with len bytes written. */
void virtqueue_push(VirtioDevice *vdev, unsigned index, const VirtQueueElement *elem,
                    uint32_t len);
/* Interrupts the driver for used buffers, unless it asked not to be
 * (VRING_AVAIL_F_NO_INTERRUPT, or used_event with EVENT_IDX). */
void virtqueue_notify_driver(VirtioDevice *vdev, unsigned index);

/* The device's config changed: generation++, config interrupt. */
void virtio_config_changed(VirtioDevice *vdev);
/* The driver gave the device something it cannot use: DEVICE_NEEDS_RESET. */
void virtio_mark_broken(VirtioDevice *vdev, const char *why);

/* ISR read: returns the bits and clears them (the line drops). */
uint8_t virtio_isr_read(VirtioDevice *vdev);

/* While quiesced, notifications and interrupts are held back (recorded);
 * leaving it processes the notified queues and raises what was due. */
void virtio_set_quiesced(VirtioDevice *vdev, bool quiesced);

/* ---- migration (docs/specs/migration.txt): the device's common state is
 * the sub-table virtio_device_vmstate inside the device's own table ---- */
struct VmStateDesc;
extern const struct VmStateDesc virtio_device_vmstate;
/* The device's pre_save calls this: the identity fields the check compares. */
void virtio_device_pre_save(VirtioDevice *vdev);
/* The device's check: the loaded copy against this device (same features,
 * queues and config size; consistent status, sizes, vectors below
 * msix_vectors, rings in guest RAM). */
bool virtio_device_check(const VirtioDevice *vdev, unsigned msix_vectors, GError **errp);
/* The device's post_load: the device stays quiesced (no work, no interrupt)
 * until the machine resumes it, which then looks at every enabled queue
 * and raises a config interrupt (a notification or interrupt around the
 * switch-over is not lost). */
void virtio_device_post_load(VirtioDevice *vdev);

#endif
