/*
 * dimm.h - DIMM devices on the "dimmbus" of the i440FX host bridge.
 *
 * The bus owns up to 256 slots inside one hotplug region above RAM. A slot
 * is either declared by -dimm (its DimmDevice exists from the start with a
 * fixed base, size and node, plugged or not) or free for a pc-dimm that is
 * created at plug time. Plugging follows the phases of DESIGN.md section 5:
 * pre-plug checks everything that can fail (and allocates the host memory),
 * plug cannot fail, unplug-request only asks the guest, unplug releases the
 * memory. The bus's hotplug handler (the ACPI register block, wired by
 * hw/pc_dimm.c) is told about each phase after the bus has done its part.
 *
 * Everything here runs with the device lock held. KVM is optional: with
 * kvm == NULL the bus registers RAM blocks but no memslots (unit tests).
 */
#ifndef HW_DIMM_H
#define HW_DIMM_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "hw/hotmem-pc.h"
#include "hotmem/guest-mem.h"
#include "hotmem/kvm.h"

#define DIMM_BUS_NAME            "dimmbus"
#define DIMM_SLOT_AUTO           (~0u)  /* pc-dimm: first free slot */
#define DIMM_ADDR_AUTO           0      /* pc-dimm: first free 1 GiB-aligned range */
#define DIMM_DEFAULT_PHYS_BITS   40     /* when the CPU's width is unknown */

typedef struct DimmDevice {
    char *id;
    unsigned slot;            /* DIMM_SLOT_AUTO until a pc-dimm is pre-plugged */
    uint64_t base;            /* guest-physical, 1 GiB aligned */
    uint64_t size;            /* multiple of 128 MiB */
    unsigned node;
    bool declared;            /* -dimm slot: the device outlives its unplug */
    char *memdev;             /* pc-dimm backend name (issue 4), NULL for -dimm */
    bool populated_at_boot;   /* -dimm ...,populated=on */
    bool enabled;             /* plugged: host memory, RAM block, memslot exist */
    bool hotplugged;          /* plugged while the guest ran */
    bool unplug_requested;    /* device_del sent; guest has not ejected or refused */
    uint8_t *host;            /* host mapping while enabled (or pre-plugged) */
    RamBlock *ram;
} DimmDevice;

typedef struct DimmBus DimmBus;

/* What the bus tells its hotplug handler; every callback is optional and
 * runs after the bus has done its own part of the phase. */
typedef struct DimmHotplugHandler {
    bool (*pre_plug)(void *opaque, DimmDevice *dev, GError **errp);
    void (*plug)(void *opaque, DimmDevice *dev, bool hotplug);
    void (*unplug_request)(void *opaque, DimmDevice *dev);
    void (*unplug)(void *opaque, DimmDevice *dev);
    void *opaque;
} DimmHotplugHandler;

struct DimmBus {
    const char *name;                     /* DIMM_BUS_NAME */
    void *parent;                         /* the i440FX host bridge */
    KvmAccel *kvm;                        /* NULL: no memslots */
    unsigned nslots;
    DimmDevice *slots[HM_MEMHP_MAX_SLOTS];  /* NULL: free slot */
    uint64_t region_base;                 /* 1 GiB aligned, >= 4 GiB */
    uint64_t region_size;                 /* multiple of 1 GiB, 0 without slots */
    uint64_t ram_size;                    /* for the maxmem budget of pc-dimms */
    uint64_t maxmem;                      /* 0: no budget beyond the region */
    unsigned nnodes;
    DimmHotplugHandler handler;
};

/* ---- building the bus at machine creation ---- */
DimmBus *dimm_bus_new(void *parent, KvmAccel *kvm, unsigned nnodes, uint64_t ram_size,
                      uint64_t maxmem);
/* Unplugs every enabled DIMM (no handler calls: the machine is going away)
 * and frees every device. */
void dimm_bus_free(DimmBus *bus);
/* Appends a -dimm slot (not plugged; base assigned by dimm_bus_assign_addr). */
DimmDevice *dimm_bus_declare(DimmBus *bus, const char *id, uint64_t size, unsigned node,
                             bool populated, GError **errp);
/* Appends count free slots for pc-dimms. */
bool dimm_bus_add_free_slots(DimmBus *bus, unsigned count, GError **errp);
/* Places the hotplug region at ROUND_UP(ram_end, 1 GiB) (ram_end: end of RAM
 * above 4 GiB, or 4 GiB) and the declared DIMMs in it in slot order, each at
 * a 1 GiB boundary. Region size: sum of ROUND_UP(declared size, 1 GiB) +
 * (maxmem - ram - declared sizes) + 1 GiB per free slot, 0 without slots.
 * Fails when the region overflows or ends beyond 2^phys_bits (0: default). */
bool dimm_bus_assign_addr(DimmBus *bus, uint64_t ram_end, unsigned phys_bits,
                          GError **errp);
/* End of the region: what etc/reserved-memory-end reports. */
uint64_t dimm_bus_region_end(const DimmBus *bus);

/* ---- lookups ---- */
DimmDevice *dimm_bus_find(const DimmBus *bus, const char *id);
unsigned dimm_bus_plugged_count(const DimmBus *bus);
uint64_t dimm_bus_plugged_size(const DimmBus *bus);

/* ---- the hotplug phases ---- */
/* A pc-dimm not yet on the bus: slot may be DIMM_SLOT_AUTO, base DIMM_ADDR_AUTO. */
DimmDevice *dimm_device_new(const char *id, uint64_t size, unsigned node,
                            const char *memdev, unsigned slot, uint64_t base);
void dimm_device_free(DimmDevice *dev);

/* Checks slot, id, size, node, address range and maxmem, then maps the host
 * memory; on failure nothing is left allocated or assigned. */
bool dimm_bus_pre_plug(DimmBus *bus, DimmDevice *dev, GError **errp);
/* Registers the RAM block and memslot, enables the slot, tells the handler
 * (which raises the insert event for a hot plug). Needs a successful
 * pre-plug. */
void dimm_bus_plug(DimmBus *bus, DimmDevice *dev, bool hotplug);
/* pre-plug + plug. A pc-dimm that fails stays the caller's to free. */
bool dimm_bus_plug_device(DimmBus *bus, DimmDevice *dev, bool hotplug, GError **errp);
/* Marks the removal pending and tells the handler (the guest is asked to
 * eject); fails if the DIMM is not plugged. */
bool dimm_bus_unplug_request(DimmBus *bus, DimmDevice *dev, GError **errp);
/* Tells the handler, deletes the memslot, then unmaps the memory so the host
 * gets it back. A declared device stays in its slot, disabled; a pc-dimm is
 * freed and its slot becomes free. */
void dimm_bus_unplug(DimmBus *bus, DimmDevice *dev);

#endif
