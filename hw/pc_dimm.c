/*
 * pc_dimm.c - DIMM slots of the PC machine: -dimm / -m slots / -numa turned
 * into a placed dimmbus, the ACPI register block driving it, cold plug, and
 * the fw_cfg files the firmware builds SRAT and the PNP0C80 devices from.
 *
 * The bus and the register block do not know each other: this file is the
 * hotplug handler of the bus (it forwards each phase to the block) and the
 * machine behind the block (an eject becomes a bus unplug).
 */
#include "hw/pc_dimm.h"
#include "hotmem/util.h"

#include <string.h>

typedef struct __attribute__((packed)) {
    uint32_t magic;
    uint16_t version;
    uint16_t header_size;
    uint32_t slot_count;
    uint32_t entry_size;
    uint64_t region_base;
    uint64_t region_size;
    uint32_t node_count;
    uint32_t reserved;
} HpmemHeader;

typedef struct __attribute__((packed)) {
    uint64_t base;
    uint64_t size;
    uint32_t node;
    uint32_t flags;
    uint64_t reserved;
} HpmemEntry;

G_STATIC_ASSERT(sizeof(HpmemHeader) == HM_HPMEM_HEADER_SIZE);
G_STATIC_ASSERT(sizeof(HpmemEntry) == HM_HPMEM_ENTRY_SIZE);

/* ---- DimmBus hotplug handler: forwards each phase to the register block ---- */

static void handler_plug(void *opaque, DimmDevice *dev, bool hotplug)
{
    PcDimms *d = opaque;
    acpi_memhp_plug(d->memhp, dev->slot, dev->base, dev->size, dev->node, hotplug);
}

static void handler_unplug_request(void *opaque, DimmDevice *dev)
{
    PcDimms *d = opaque;
    acpi_memhp_unplug_request(d->memhp, dev->slot);
}

static void handler_unplug(void *opaque, DimmDevice *dev)
{
    PcDimms *d = opaque;
    acpi_memhp_unplug(d->memhp, dev->slot);
}

/* ---- the machine behind the register block ---- */

static DimmDevice *slot_device(PcDimms *d, unsigned slot)
{
    return slot < d->bus->nslots ? d->bus->slots[slot] : NULL;
}

/* Unplugs and reports; the id is copied first since a pc-dimm is freed. */
static void complete_removal(PcDimms *d, DimmDevice *dev)
{
    g_autofree char *id = g_strdup(dev->id);
    unsigned slot = dev->slot;
    dimm_bus_unplug(d->bus, dev);
    if (d->events.deleted) {
        d->events.deleted(d->events.opaque, id, slot);
    }
}

static void memhp_eject(void *opaque, unsigned slot)
{
    PcDimms *d = opaque;
    DimmDevice *dev = slot_device(d, slot);
    if (dev && dev->enabled) {
        complete_removal(d, dev);
    }
}

static void memhp_ost(void *opaque, unsigned slot, uint32_t event, uint32_t status)
{
    PcDimms *d = opaque;
    DimmDevice *dev = slot_device(d, slot);
    if (d->events.ost) {
        d->events.ost(d->events.opaque, dev ? dev->id : NULL, slot, event, status);
    }
}

static void memhp_unplug_refused(void *opaque, unsigned slot)
{
    PcDimms *d = opaque;
    DimmDevice *dev = slot_device(d, slot);
    /* the DIMM stays: a reset must not complete this removal any more */
    if (dev) {
        dev->unplug_requested = false;
    }
    if (d->events.unplug_refused) {
        d->events.unplug_refused(d->events.opaque, dev ? dev->id : NULL, slot);
    }
}

static void memhp_power_state(void *opaque, unsigned slot, uint32_t state)
{
    PcDimms *d = opaque;
    DimmDevice *dev = slot_device(d, slot);
    if (d->events.power_state) {
        d->events.power_state(d->events.opaque, dev ? dev->id : NULL, slot, state);
    }
}

static const AcpiMemhpOps pc_memhp_ops = {
    .eject = memhp_eject,
    .ost = memhp_ost,
    .unplug_refused = memhp_unplug_refused,
    .power_state = memhp_power_state,
};

/* ---- fw_cfg files ---- */

GByteArray *pc_dimms_hotplug_memory_file(const DimmBus *bus, unsigned nnodes)
{
    HpmemHeader h = {
        .magic = GUINT32_TO_LE(HM_HPMEM_MAGIC),
        .version = GUINT16_TO_LE(HM_HPMEM_VERSION),
        .header_size = GUINT16_TO_LE(HM_HPMEM_HEADER_SIZE),
        .slot_count = GUINT32_TO_LE(bus->nslots),
        .entry_size = GUINT32_TO_LE(HM_HPMEM_ENTRY_SIZE),
        .region_base = GUINT64_TO_LE(bus->region_base),
        .region_size = GUINT64_TO_LE(bus->region_size),
        .node_count = GUINT32_TO_LE(nnodes),
    };
    GByteArray *out = g_byte_array_sized_new(sizeof(h) + bus->nslots * sizeof(HpmemEntry));
    g_byte_array_append(out, (const guint8 *)&h, sizeof(h));
    for (unsigned i = 0; i < bus->nslots; i++) {
        const DimmDevice *dev = bus->slots[i];
        HpmemEntry e = { .flags = GUINT32_TO_LE(HM_HPMEM_F_HOTPLUGGABLE) };
        if (dev) {
            e.base = GUINT64_TO_LE(dev->base);
            e.size = GUINT64_TO_LE(dev->size);
            e.node = GUINT32_TO_LE(dev->node);
            e.flags = GUINT32_TO_LE(HM_HPMEM_F_HOTPLUGGABLE |
                                    (dev->enabled ? HM_HPMEM_F_POPULATED : 0));
        }
        g_byte_array_append(out, (const guint8 *)&e, sizeof(e));
    }
    return out;
}

GByteArray *pc_dimms_numa_file(const MachineConfig *cfg)
{
    GByteArray *out = g_byte_array_new();
    uint32_t v = GUINT32_TO_LE(cfg->nnodes);
    g_byte_array_append(out, (const guint8 *)&v, 4);
    v = GUINT32_TO_LE(cfg->ncpus);
    g_byte_array_append(out, (const guint8 *)&v, 4);
    for (unsigned i = 0; i < cfg->ncpus; i++) {
        v = GUINT32_TO_LE(cfg->cpu_node[i]);
        g_byte_array_append(out, (const guint8 *)&v, 4);
    }
    for (unsigned i = 0; i < cfg->nnodes; i++) {
        uint64_t mem = GUINT64_TO_LE(cfg->node_mem[i]);
        g_byte_array_append(out, (const guint8 *)&mem, 8);
    }
    return out;
}

static bool add_file(FwCfgState *fw, const char *name, GByteArray *data, GError **errp)
{
    bool ok = fw_cfg_add_file(fw, name, data->data, data->len, errp);
    g_byte_array_unref(data);
    return ok;
}

static bool publish_fw_cfg(PcDimms *d, const MachineConfig *cfg, FwCfgState *fw,
                           GError **errp)
{
    uint64_t end = GUINT64_TO_LE(d->reserved_end);
    return add_file(fw, HM_FW_CFG_FILE_HOTPLUG_MEMORY,
                    pc_dimms_hotplug_memory_file(d->bus, cfg->nnodes), errp) &&
           add_file(fw, HM_FW_CFG_FILE_NUMA, pc_dimms_numa_file(cfg), errp) &&
           fw_cfg_add_file(fw, HM_FW_CFG_FILE_RESERVED_MEM_END, &end, sizeof(end), errp);
}

/* ---- the machine's recipe step ---- */

PcDimms *pc_dimms_new(const MachineConfig *cfg, const PcMemoryLayout *layout,
                      unsigned phys_bits, void *host_bridge, KvmAccel *kvm,
                      FwCfgState *fw_cfg, AcpiPiix4State *pm, GError **errp)
{
    PcDimms *d = g_new0(PcDimms, 1);
    d->bus = dimm_bus_new(host_bridge, kvm, cfg->nnodes, cfg->ram_size, cfg->maxmem);
    for (unsigned i = 0; i < cfg->ndimms; i++) {
        const DimmConfig *c = &cfg->dimms[i];
        if (!dimm_bus_declare(d->bus, c->id, c->size, c->node, c->populated, errp)) {
            goto fail;
        }
    }
    if (!dimm_bus_add_free_slots(d->bus, cfg->extra_slots, errp) ||
        !dimm_bus_assign_addr(d->bus, pc_memory_layout_high_end(layout), phys_bits, errp)) {
        goto fail;
    }
    d->reserved_end = dimm_bus_region_end(d->bus);

    if (d->bus->nslots) {
        d->memhp = acpi_memhp_new(pm, d->bus->nslots, &pc_memhp_ops, d, errp);
        if (!d->memhp) {
            goto fail;
        }
        d->bus->handler = (DimmHotplugHandler){
            .plug = handler_plug,
            .unplug_request = handler_unplug_request,
            .unplug = handler_unplug,
            .opaque = d,
        };
    }
    /* cold plug: enabled before the firmware runs, no event, no GPE */
    for (unsigned i = 0; i < d->bus->nslots; i++) {
        DimmDevice *dev = d->bus->slots[i];
        if (dev && dev->populated_at_boot &&
            !dimm_bus_plug_device(d->bus, dev, false, errp)) {
            goto fail;
        }
    }
    if (fw_cfg && !publish_fw_cfg(d, cfg, fw_cfg, errp)) {
        goto fail;
    }
    return d;

fail:
    pc_dimms_free(d);
    return NULL;
}

void pc_dimms_set_events(PcDimms *d, const PcDimmEvents *events)
{
    d->events = *events;
}

void pc_dimms_reset(PcDimms *d)
{
    for (unsigned i = 0; i < d->bus->nslots; i++) {
        DimmDevice *dev = d->bus->slots[i];
        if (dev && dev->enabled && dev->unplug_requested) {
            complete_removal(d, dev);
        }
    }
    if (d->memhp) {
        acpi_memhp_reset(d->memhp);
    }
}

void pc_dimms_free(PcDimms *d)
{
    if (!d) {
        return;
    }
    dimm_bus_free(d->bus);
    acpi_memhp_free(d->memhp);
    g_free(d);
}

bool pc_dimms_hotplug_declared(PcDimms *d, const char *id, GError **errp)
{
    DimmDevice *dev = dimm_bus_find(d->bus, id);
    if (!dev || !dev->declared) {
        g_set_error(errp, HM_ERROR, 0, "no -dimm slot with id '%s'", id);
        return false;
    }
    return dimm_bus_plug_device(d->bus, dev, true, errp);
}

bool pc_dimms_hotplug_pc_dimm(PcDimms *d, const char *id, uint64_t size, unsigned node,
                              const char *memdev, unsigned slot, uint64_t addr,
                              GError **errp)
{
    DimmDevice *dev = dimm_device_new(id, size, node, memdev, slot, addr);
    if (!dimm_bus_plug_device(d->bus, dev, true, errp)) {
        dimm_device_free(dev);
        return false;
    }
    return true;
}

bool pc_dimms_unplug_request(PcDimms *d, const char *id, GError **errp)
{
    DimmDevice *dev = dimm_bus_find(d->bus, id);
    if (!dev) {
        g_set_error(errp, HM_ERROR, 0, "Device '%s' not found", id);
        return false;
    }
    /* QEMU's rule: one request at a time. The guest answers every request
     * (eject, or an _OST refusal that clears this) and a reset completes
     * it, so a second device_del would only raise a GPE the guest has
     * already been given. */
    if (dev->enabled && dev->unplug_requested) {
        g_set_error(errp, HM_ERROR, 0, "Device '%s' is already in the process of unplug",
                    id);
        return false;
    }
    return dimm_bus_unplug_request(d->bus, dev, errp);
}
