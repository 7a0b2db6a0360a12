/*
 * memory.h - what the memory commands of the monitor ask of the machine,
 * and what the machine tells them.
 *
 * device_add/device_del/object-add and the memory queries act through this
 * table, so monitor/ never includes hw/; hw/pc_monitor.c fills it from the
 * PC machine's DIMM slots (unit tests attach a machine without KVM). The
 * calls run with the device lock held: the QMP dispatcher takes it for
 * these commands, and the machine reports its events with it held (often
 * from a vCPU thread, where the guest's eject or _OST happened).
 */
#ifndef MONITOR_MEMORY_H
#define MONITOR_MEMORY_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#define MONITOR_DIMM_SLOT_AUTO (~0u)   /* pc-dimm: the first free slot */
#define MONITOR_DIMM_ADDR_AUTO 0       /* pc-dimm: first fit in the region */

/* One DIMM slot as the monitor reports it. */
typedef struct MonitorDimm {
    const char *id;           /* NULL: a free slot (no device) */
    const char *memdev;       /* backend id of a pc-dimm; NULL for -dimm slots */
    uint64_t addr, size;
    unsigned node;
    bool declared;            /* a -dimm slot */
    bool enabled;             /* plugged and mapped */
    bool hotplugged;
    bool unplug_pending;      /* device_del sent, guest has not answered */
    /* the last _OST of the slot (0/0 when none) */
    uint32_t ost_event, ost_status;
} MonitorDimm;

typedef struct MonitorMemoryOps {
    uint64_t (*base_memory)(void *opaque);        /* -m RAM, bytes */
    unsigned (*slot_count)(void *opaque);
    void (*slot)(void *opaque, unsigned slot, MonitorDimm *out);
    /* device_add dimm,id=ID */
    bool (*plug_declared)(void *opaque, const char *id, GError **errp);
    /* device_add pc-dimm (slot and addr may be the _AUTO values) */
    bool (*plug_pc_dimm)(void *opaque, const char *id, uint64_t size, unsigned node,
                         const char *memdev, unsigned slot, uint64_t addr, GError **errp);
    /* device_del: fails for an unknown id, an empty slot and a removal
     * already pending */
    bool (*unplug_request)(void *opaque, const char *id, GError **errp);
    void *opaque;
} MonitorMemoryOps;

/* ops is copied; NULL detaches (the memory commands then fail). Detaching
 * also forgets the memory backends and the hotplug records. */
void monitor_set_memory_ops(const MonitorMemoryOps *ops);

/* ---- events from the machine (device lock held, any thread) ---- */

/* An _OST the guest wrote for a slot: ACPI_DEVICE_OST, and a hot-add
 * outcome for query-memory-hotplug. id NULL: no device in the slot. */
void monitor_memory_ost(const char *id, unsigned slot, uint32_t event, uint32_t status);
/* The DIMM is gone (guest eject, or a reset completing a removal):
 * DEVICE_DELETED; a pc-dimm's backend becomes free again. */
void monitor_memory_deleted(const char *id, unsigned slot);
/* The guest refused a removal: DEVICE_UNPLUG_GUEST_ERROR. */
void monitor_memory_unplug_refused(const char *id, unsigned slot);

/* At most this many outcomes are kept for query-memory-hotplug (the oldest
 * go first), and at most this many backends exist. */
#define MONITOR_MEMHP_RECORDS_MAX 1024
#define MONITOR_BACKENDS_MAX 256

#endif
