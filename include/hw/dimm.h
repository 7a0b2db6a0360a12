/*
 * dimm.h - DIMM devices on the "dimmbus" of the i440FX host bridge.
 *
 * The bus owns up to 256 slots inside one hotplug region above RAM. A slot
 * is either declared by -dimm (its DimmDevice exists from the start with a
 * fixed base, size and node, plugged or not) or free for a pc-dimm that is
 * created at plug time. A DimmDevice is the one owner of its slot's
 * layout (base, size, node) and plug state; the ACPI register block and the
 * monitors read them from here.
 *
 * Phases (DESIGN.md section 5): pre-plug checks everything that can fail,
 * claims the backend's memory and registers the RAM block (the accelerator
 * maps it); plug only enables the slot and cannot fail; unplug-request
 * marks the removal pending; unplug unregisters the block and gives the
 * memory back. The machine's memory code (hw/pc_dimm.c) calls them in
 * order and tells the register block; the bus calls nobody.
 *
 * Everything here runs with the device lock held.
 */
#ifndef HW_DIMM_H
#define HW_DIMM_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "hw/hotmem-pc.h"
#include "hotmem/guest-mem.h"
#include "hw/hostmem.h"

#define DIMM_BUS_NAME            "dimmbus"
#define DIMM_SLOT_AUTO           (~0u)  /* pc-dimm: first free slot */
#define DIMM_ADDR_AUTO           0      /* pc-dimm: first free 1 GiB-aligned range */
#define DIMM_DEFAULT_PHYS_BITS   40     /* when the CPU's width is unknown */

typedef struct DimmDevice {
    char *id;
    unsigned slot;            /* DIMM_SLOT_AUTO until a pc-dimm is pre-plugged */
    uint64_t base;            /* guest-physical, 1 GiB aligned */
    uint64_t size;            /* multiple of 128 MiB: the backend's size */
    unsigned node;
    bool declared;            /* -dimm slot: the device outlives its unplug */
    bool populated_at_boot;   /* -dimm ...,populated=on */
    HostMemBackend *backend;  /* pc-dimm: a registered one; -dimm: its own private one */
    bool enabled;             /* plugged: memory claimed, RAM block registered */
    bool hotplugged;          /* plugged while the guest ran */
    bool unplug_requested;    /* device_del sent; guest has not ejected or refused */
    bool broken;              /* an eject could not unmap it: it stays, and stays mapped */
    RamBlock *ram;            /* from pre-plug until unplug */
} DimmDevice;

typedef struct DimmBus {
    const char *name;                     /* DIMM_BUS_NAME */
    void *parent;                         /* the i440FX host bridge */
    unsigned nslots;
    DimmDevice *slots[HM_MEMHP_MAX_SLOTS];  /* NULL: free slot */
    uint64_t region_base;                 /* 1 GiB aligned, >= 4 GiB */
    uint64_t region_size;                 /* multiple of 1 GiB, 0 without slots */
    uint64_t ram_size;                    /* for the maxmem budget of pc-dimms */
    uint64_t maxmem;                      /* 0: no budget beyond the region */
    unsigned nnodes;
    unsigned phys_bits;                   /* the guest's address width (assign_addr) */
    uint64_t addr_limit;                  /* DIMMs end at or below it */
    bool capped;                          /* maxmem asked for more than addr_limit left */
} DimmBus;

/* ---- building the bus at machine creation ---- */
DimmBus *dimm_bus_new(void *parent, unsigned nnodes, uint64_t ram_size, uint64_t maxmem);
/* Unplugs every enabled DIMM (nobody is told: the machine is going away)
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
 * (maxmem - ram - declared sizes) + 1 GiB per free slot, 0 without slots,
 * cut so that the region ends by the address limit: 2^phys_bits (0: the
 * default width; 64: no limit) minus HM_PCI_MEM64_RESERVE. Fails when the
 * sum overflows 64 bits, or a -dimm slot, or every free slot, would lie
 * beyond the limit. */
bool dimm_bus_assign_addr(DimmBus *bus, uint64_t ram_end, unsigned phys_bits,
                          GError **errp);
/* End of the region: what etc/reserved-memory-end reports. */
uint64_t dimm_bus_region_end(const DimmBus *bus);

/* ---- lookups ---- */
DimmDevice *dimm_bus_find(const DimmBus *bus, const char *id);
DimmDevice *dimm_bus_slot(const DimmBus *bus, unsigned slot);
unsigned dimm_bus_plugged_count(const DimmBus *bus);
uint64_t dimm_bus_plugged_size(const DimmBus *bus);
/* The id of the registered backend a pc-dimm uses; NULL for a -dimm slot. */
const char *dimm_device_memdev(const DimmDevice *dev);

/* ---- the hotplug phases ---- */
/* A pc-dimm not yet on the bus, holding (not yet claiming) backend: slot
 * may be DIMM_SLOT_AUTO, base DIMM_ADDR_AUTO. */
DimmDevice *dimm_device_new(const char *id, HostMemBackend *backend, unsigned node,
                            unsigned slot, uint64_t base);
void dimm_device_free(DimmDevice *dev);

/* Checks slot, id, size, node, address range and maxmem, claims the
 * backend's memory and registers the RAM block; on failure nothing is left
 * claimed, registered or assigned. */
bool dimm_bus_pre_plug(DimmBus *bus, DimmDevice *dev, GError **errp);
/* Puts the device in its slot and enables it. Needs a successful pre-plug;
 * cannot fail. */
void dimm_bus_plug(DimmBus *bus, DimmDevice *dev, bool hotplug);
/* Marks the removal pending; fails if the DIMM is not plugged or broken. */
bool dimm_bus_unplug_request(DimmBus *bus, DimmDevice *dev, GError **errp);
/* Unregisters the RAM block (the accelerator drops the memslot), then gives
 * the memory back. A declared device stays in its slot, disabled; a pc-dimm
 * is freed and its slot becomes free. If the block cannot be unregistered
 * the guest may still reach the memory: the DIMM stays plugged and mapped,
 * is marked broken and false is returned. */
bool dimm_bus_unplug(DimmBus *bus, DimmDevice *dev, GError **errp);

#endif
