/*
 * dimm.c - DIMM devices, the dimmbus and placement in the hotplug region.
 *
 * Layout and phases: include/hw/dimm.h; the region is described in
 * docs/specs/fwcfg.txt (etc/hotplug-memory). Each plugged DIMM is its own
 * anonymous MAP_NORESERVE mapping (its backend's) and RAM block, so an
 * unplug gives the host its memory back at once.
 */
#include "hw/dimm.h"
#include "hw/memory-rules.h"
#include "hotmem/io.h"
#include "hotmem/util.h"

#include <errno.h>
#include <string.h>

static uint64_t round_up(uint64_t v, uint64_t align, bool *overflow)
{
    uint64_t r;
    if (__builtin_add_overflow(v, align - 1, &r)) {
        *overflow = true;
        return 0;
    }
    return r & ~(align - 1);
}

DimmBus *dimm_bus_new(void *parent, unsigned nnodes, uint64_t ram_size, uint64_t maxmem)
{
    DimmBus *bus = g_new0(DimmBus, 1);
    bus->name = DIMM_BUS_NAME;
    bus->parent = parent;
    bus->nnodes = nnodes ? nnodes : 1;
    bus->ram_size = ram_size;
    bus->maxmem = maxmem;
    return bus;
}

DimmDevice *dimm_device_new(const char *id, HostMemBackend *backend, unsigned node,
                            unsigned slot, uint64_t base)
{
    DimmDevice *dev = g_new0(DimmDevice, 1);
    dev->id = g_strdup(id);
    dev->backend = backend;
    dev->size = backend->size;
    dev->node = node;
    dev->slot = slot;
    dev->base = base;
    return dev;
}

void dimm_device_free(DimmDevice *dev)
{
    if (!dev) {
        return;
    }
    if (dev->declared) {
        hostmem_free_private(dev->backend);
    }
    g_free(dev->id);
    g_free(dev);
}

const char *dimm_device_memdev(const DimmDevice *dev)
{
    return dev->backend && dev->backend->registered ? dev->backend->id : NULL;
}

/* Undoes pre-plug: the RAM block first, so the guest can no longer reach
 * the pages that the backend then gives back. */
static bool dimm_release_memory(DimmDevice *dev, GError **errp)
{
    if (dev->ram) {
        if (!ram_block_remove(dev->ram, errp)) {
            return false;
        }
        dev->ram = NULL;
    }
    if (dev->backend->owner) {
        hostmem_release(dev->backend);
    }
    return true;
}

void dimm_bus_free(DimmBus *bus)
{
    if (!bus) {
        return;
    }
    for (unsigned i = 0; i < bus->nslots; i++) {
        DimmDevice *dev = bus->slots[i];
        if (dev) {
            GError *err = NULL;
            if (!dimm_release_memory(dev, &err)) {
                /* teardown: the VM is already gone, so the memory can go too */
                g_error_free(err);
                ram_block_remove_all();
                dev->ram = NULL;
                hostmem_release(dev->backend);
            }
            dimm_device_free(dev);
        }
    }
    g_free(bus);
}

DimmDevice *dimm_bus_find(const DimmBus *bus, const char *id)
{
    for (unsigned i = 0; i < bus->nslots; i++) {
        if (bus->slots[i] && !strcmp(bus->slots[i]->id, id)) {
            return bus->slots[i];
        }
    }
    return NULL;
}

DimmDevice *dimm_bus_slot(const DimmBus *bus, unsigned slot)
{
    return slot < bus->nslots ? bus->slots[slot] : NULL;
}

static bool bus_has_room(DimmBus *bus, unsigned count, GError **errp)
{
    if (count > HM_MEMHP_MAX_SLOTS - bus->nslots) {
        g_set_error(errp, HM_ERROR, 0, "%s: more than %d DIMM slots", bus->name,
                    HM_MEMHP_MAX_SLOTS);
        return false;
    }
    return true;
}

DimmDevice *dimm_bus_declare(DimmBus *bus, const char *id, uint64_t size, unsigned node,
                             bool populated, GError **errp)
{
    if (!bus_has_room(bus, 1, errp)) {
        return NULL;
    }
    if (dimm_bus_find(bus, id)) {
        g_set_error(errp, HM_ERROR, 0, "-dimm: duplicate id '%s'", id);
        return NULL;
    }
    g_autofree char *name = g_strdup_printf("dimm-%s", id);
    DimmDevice *dev = dimm_device_new(id, hostmem_new_private(name, size), node,
                                      bus->nslots, 0);
    dev->declared = true;
    dev->populated_at_boot = populated;
    bus->slots[bus->nslots++] = dev;
    return dev;
}

bool dimm_bus_add_free_slots(DimmBus *bus, unsigned count, GError **errp)
{
    if (!bus_has_room(bus, count, errp)) {
        return false;
    }
    bus->nslots += count;          /* slots[] is zeroed: the new ones are free */
    return true;
}

/* Where DIMMs must end for the guest to reach them, leaving the firmware's
 * 64-bit PCI window room above (1 GiB aligned; 0: no room at all). */
static uint64_t addr_limit(unsigned phys_bits)
{
    if (phys_bits >= 64) {
        return UINT64_MAX & ~(HM_DIMM_ALIGN - 1);
    }
    uint64_t top = (uint64_t)1 << phys_bits;
    return top > HM_PCI_MEM64_RESERVE ? (top - HM_PCI_MEM64_RESERVE) & ~(HM_DIMM_ALIGN - 1)
                                      : 0;
}

static void set_beyond_width_error(const DimmBus *bus, GError **errp, const char *what,
                                   uint64_t base, uint64_t end)
{
    g_autofree char *reserve = hm_size_str(HM_PCI_MEM64_RESERVE);
    g_set_error(errp, HM_ERROR, 0,
                "%s [0x%" PRIx64 ", 0x%" PRIx64 ") is beyond the guest's %u-bit physical "
                "address space: DIMMs must end by 0x%" PRIx64 " (2^%u minus %s for the "
                "64-bit PCI window)", what, base, end, bus->phys_bits, bus->addr_limit,
                bus->phys_bits, reserve);
}

bool dimm_bus_assign_addr(DimmBus *bus, uint64_t ram_end, unsigned phys_bits,
                          GError **errp)
{
    bool overflow = false;
    uint64_t base = round_up(MAX(ram_end, HM_4GIB), HM_DIMM_ALIGN, &overflow);
    uint64_t off = 0, declared_sum = 0, next;
    unsigned free_slots = 0;

    bus->phys_bits = phys_bits ? phys_bits : DIMM_DEFAULT_PHYS_BITS;
    bus->addr_limit = addr_limit(bus->phys_bits);
    for (unsigned i = 0; i < bus->nslots && !overflow; i++) {
        DimmDevice *dev = bus->slots[i];
        if (!dev || !dev->declared) {
            free_slots++;
            continue;
        }
        dev->base = base + off;
        overflow |= __builtin_add_overflow(off, round_up(dev->size, HM_DIMM_ALIGN, &overflow),
                                           &next);
        overflow |= __builtin_add_overflow(declared_sum, dev->size, &declared_sum);
        off = next;
    }
    uint64_t size = off;
    if (bus->maxmem && !overflow) {
        if (!mem_rule_maxmem(bus->ram_size, declared_sum, 0, bus->maxmem, errp)) {
            g_prefix_error(errp, "-dimm: ");
            return false;
        }
        overflow |= __builtin_add_overflow(size, bus->maxmem - bus->ram_size - declared_sum,
                                           &size);
    }
    /* 1 GiB of slack per free slot, so every pc-dimm can be 1 GiB aligned */
    overflow |= __builtin_add_overflow(size, (uint64_t)free_slots * HM_DIMM_ALIGN, &size);
    size = round_up(size, HM_DIMM_ALIGN, &overflow);
    if (bus->nslots == 0) {
        size = 0;
    }
    uint64_t end;
    overflow |= __builtin_add_overflow(base, size, &end);
    if (overflow) {
        g_set_error(errp, HM_ERROR, 0,
                    "-dimm/-m: the memory hotplug region does not fit in 64 bits "
                    "(%u slots above 0x%" PRIx64 ")", bus->nslots, ram_end);
        return false;
    }
    /* a -dimm slot has its range from the start: it must be addressable */
    for (unsigned i = 0; i < bus->nslots; i++) {
        DimmDevice *dev = bus->slots[i];
        if (dev && dev->declared && dev->base + dev->size > bus->addr_limit) {
            g_autofree char *what = g_strdup_printf("-dimm %s:", dev->id);
            set_beyond_width_error(bus, errp, what, dev->base, dev->base + dev->size);
            return false;
        }
    }
    /* maxmem may promise more than the guest can address (QEMU accepts any
     * maxmem): the region is what it can, and a DIMM beyond is refused */
    bus->capped = bus->nslots && end > bus->addr_limit;
    if (bus->capped) {
        if (free_slots && bus->addr_limit < base + off + HM_DIMM_ALIGN) {
            set_beyond_width_error(bus, errp, "-m slots: the memory hotplug region", base,
                                   end);
            return false;
        }
        size = bus->addr_limit - base;
    }
    bus->region_base = base;
    bus->region_size = size;
    return true;
}

uint64_t dimm_bus_region_end(const DimmBus *bus)
{
    return bus->region_base + bus->region_size;
}

unsigned dimm_bus_plugged_count(const DimmBus *bus)
{
    unsigned n = 0;
    for (unsigned i = 0; i < bus->nslots; i++) {
        n += bus->slots[i] && bus->slots[i]->enabled;
    }
    return n;
}

uint64_t dimm_bus_plugged_size(const DimmBus *bus)
{
    uint64_t n = 0;
    for (unsigned i = 0; i < bus->nslots; i++) {
        if (bus->slots[i] && bus->slots[i]->enabled) {
            n += bus->slots[i]->size;
        }
    }
    return n;
}

static bool ranges_overlap(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
    return a < b + blen && b < a + alen;
}

/* The device another device's range [base, base+size) would collide with. */
static DimmDevice *range_user(DimmBus *bus, const DimmDevice *self, uint64_t base,
                              uint64_t size)
{
    for (unsigned i = 0; i < bus->nslots; i++) {
        DimmDevice *d = bus->slots[i];
        /* a declared slot's range stays reserved while it is unplugged */
        if (d && d != self && ranges_overlap(base, size, d->base, d->size)) {
            return d;
        }
    }
    return NULL;
}

/* First fit at 1 GiB boundaries, as QEMU's memory-device allocator does. */
static bool find_free_range(DimmBus *bus, DimmDevice *dev, uint64_t *out)
{
    uint64_t end = dimm_bus_region_end(bus);
    for (uint64_t a = bus->region_base; a < end && dev->size <= end - a;) {
        DimmDevice *d = range_user(bus, dev, a, dev->size);
        if (!d) {
            *out = a;
            return true;
        }
        bool overflow = false;
        a = round_up(d->base + d->size, HM_DIMM_ALIGN, &overflow);
        if (overflow) {
            break;
        }
    }
    return false;
}

typedef struct {
    uint64_t base, size;
    const char *hit;
} RamOverlap;

static void check_ram_overlap(RamBlock *block, void *opaque)
{
    RamOverlap *o = opaque;
    if (!o->hit && ranges_overlap(o->base, o->size, block->gpa, block->size)) {
        o->hit = block->name;
    }
}

/* Everything but the host allocation; assigns nothing. */
static bool pre_plug_check(DimmBus *bus, DimmDevice *dev, unsigned *slot, uint64_t *base,
                           GError **errp)
{
    const char *id = dev->id;
    if (dev->enabled) {
        g_set_error(errp, HM_ERROR, 0, "DIMM '%s' is already plugged (slot %u)", id,
                    dev->slot);
        return false;
    }
    if (!mem_rule_dimm_size(dev->size, errp)) {
        g_prefix_error(errp, "DIMM '%s': ", id);
        return false;
    }
    if (dev->node >= bus->nnodes) {
        g_set_error(errp, HM_ERROR, 0, "DIMM '%s': node %u does not exist (nodes 0-%u)",
                    id, dev->node, bus->nnodes - 1);
        return false;
    }
    *slot = dev->slot;
    *base = dev->base;
    if (dev->declared) {
        if (dev->slot >= bus->nslots || bus->slots[dev->slot] != dev) {
            g_set_error(errp, HM_ERROR, 0, "DIMM '%s' is not on %s", id, bus->name);
            return false;
        }
    } else {
        DimmDevice *other = dimm_bus_find(bus, id);
        if (other) {
            g_set_error(errp, HM_ERROR, 0, "Duplicate device ID '%s'", id);   /* QEMU's */
            return false;
        }
        if (*slot == DIMM_SLOT_AUTO) {
            for (*slot = 0; *slot < bus->nslots && bus->slots[*slot]; (*slot)++) {
            }
            if (*slot == bus->nslots) {
                g_set_error(errp, HM_ERROR, 0, "no free DIMM slot (%u slots)", bus->nslots);
                return false;
            }
        } else if (*slot >= bus->nslots) {
            if (bus->nslots) {
                g_set_error(errp, HM_ERROR, 0, "invalid slot %u, valid range is [0-%u]",
                            *slot, bus->nslots - 1);
            } else {
                g_set_error(errp, HM_ERROR, 0, "invalid slot %u: the machine has no DIMM "
                            "slots (-m slots=N,maxmem=SIZE)", *slot);
            }
            return false;
        } else if (bus->slots[*slot]) {
            g_set_error(errp, HM_ERROR, 0, "slot %u is busy (DIMM '%s')", *slot,
                        bus->slots[*slot]->id);
            return false;
        }
        uint64_t used = 0;
        for (unsigned i = 0; i < bus->nslots; i++) {
            DimmDevice *d = bus->slots[i];
            /* declared slots hold their share of maxmem even when empty */
            if (d && (d->declared || d->enabled)) {
                used += d->size;
            }
        }
        if (!mem_rule_maxmem(bus->ram_size, used, dev->size, bus->maxmem, errp)) {
            g_prefix_error(errp, "DIMM '%s': ", id);
            return false;
        }
        if (*base == DIMM_ADDR_AUTO && !find_free_range(bus, dev, base)) {
            if (bus->capped) {
                g_autofree char *reserve = hm_size_str(HM_PCI_MEM64_RESERVE);
                g_set_error(errp, HM_ERROR, 0,
                            "DIMM '%s': no free 1 GiB-aligned range of %" PRIu64 " bytes "
                            "in the hotplug region [0x%" PRIx64 ", 0x%" PRIx64 "), which "
                            "-m maxmem would extend beyond the guest's %u-bit physical "
                            "address space (2^%u minus %s for the 64-bit PCI window)",
                            id, dev->size, bus->region_base, dimm_bus_region_end(bus),
                            bus->phys_bits, bus->phys_bits, reserve);
            } else {
                g_set_error(errp, HM_ERROR, 0,
                            "DIMM '%s': no free 1 GiB-aligned range of %" PRIu64
                            " bytes in the hotplug region", id, dev->size);
            }
            return false;
        }
    }
    uint64_t end = dimm_bus_region_end(bus);
    /* inside what maxmem asked for, but not what the guest can address */
    if (bus->capped && *base % HM_DIMM_ALIGN == 0 && *base >= bus->region_base &&
        (*base >= end || dev->size > end - *base)) {
        g_autofree char *what = g_strdup_printf("DIMM '%s':", id);
        uint64_t dend;
        set_beyond_width_error(bus, errp, what, *base,
                               __builtin_add_overflow(*base, dev->size, &dend) ? UINT64_MAX
                                                                                : dend);
        return false;
    }
    if (*base % HM_DIMM_ALIGN || *base < bus->region_base || *base >= end ||
        dev->size > end - *base) {
        g_set_error(errp, HM_ERROR, 0,
                    "DIMM '%s': [0x%" PRIx64 ", +0x%" PRIx64 ") is not a 1 GiB-aligned "
                    "range inside the hotplug region [0x%" PRIx64 ", 0x%" PRIx64 ")",
                    id, *base, dev->size, bus->region_base, end);
        return false;
    }
    DimmDevice *user = range_user(bus, dev, *base, dev->size);
    if (user) {
        g_set_error(errp, HM_ERROR, 0, "DIMM '%s': address range conflicts with DIMM '%s'",
                    id, user->id);
        return false;
    }
    RamOverlap o = { .base = *base, .size = dev->size };
    ram_block_foreach(check_ram_overlap, &o);
    if (o.hit) {
        g_set_error(errp, HM_ERROR, 0, "DIMM '%s': address range overlaps RAM block %s",
                    id, o.hit);
        return false;
    }
    return true;
}

bool dimm_bus_pre_plug(DimmBus *bus, DimmDevice *dev, GError **errp)
{
    assert_device_lock();
    unsigned slot;
    uint64_t base;
    if (!pre_plug_check(bus, dev, &slot, &base, errp) ||
        !hostmem_claim(dev->backend, dev->id, errp)) {
        return false;
    }
    g_autofree char *name = g_strdup_printf("dimm-%s", dev->id);
    dev->ram = ram_block_add(name, base, dev->size, dev->backend->host, false, errp);
    if (!dev->ram) {
        g_prefix_error(errp, "DIMM '%s': ", dev->id);
        hostmem_release(dev->backend);
        return false;
    }
    dev->slot = slot;
    dev->base = base;
    return true;
}

void dimm_bus_plug(DimmBus *bus, DimmDevice *dev, bool hotplug)
{
    assert_device_lock();
    g_return_if_fail(dev->ram && !dev->enabled && dev->slot < bus->nslots);
    bus->slots[dev->slot] = dev;
    dev->enabled = true;
    dev->hotplugged = hotplug;
    dev->unplug_requested = false;
}

bool dimm_bus_unplug_request(DimmBus *bus, DimmDevice *dev, GError **errp)
{
    assert_device_lock();
    if (!dev->enabled || dimm_bus_slot(bus, dev->slot) != dev) {
        g_set_error(errp, HM_ERROR, 0, "DIMM '%s' is not plugged", dev->id);
        return false;
    }
    if (dev->broken) {
        g_set_error(errp, HM_ERROR, 0, "DIMM '%s' is broken: an earlier eject could not "
                    "remove its memory from the VM", dev->id);
        return false;
    }
    /* a repeated request asks the guest again, as QEMU's device_del does */
    dev->unplug_requested = true;
    return true;
}

bool dimm_bus_unplug(DimmBus *bus, DimmDevice *dev, GError **errp)
{
    assert_device_lock();
    g_return_val_if_fail(dimm_bus_slot(bus, dev->slot) == dev, false);
    if (!dimm_release_memory(dev, errp)) {
        dev->broken = true;
        dev->unplug_requested = false;
        g_prefix_error(errp, "DIMM '%s' stays plugged: ", dev->id);
        return false;
    }
    dev->enabled = false;
    dev->hotplugged = false;
    dev->unplug_requested = false;
    if (!dev->declared) {
        bus->slots[dev->slot] = NULL;
        dimm_device_free(dev);
    }
    return true;
}
