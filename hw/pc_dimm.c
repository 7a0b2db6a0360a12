/*
 * pc_dimm.c - the machine's memory code (pc_dimm.h): -dimm / -m slots /
 * -numa turned into a placed dimmbus and the ACPI register block, cold
 * plug, the fw_cfg files the firmware builds SRAT and the PNP0C80 devices
 * from, and the one place that orders the phases of a plug and an eject.
 *
 * The bus and the register block do not know each other's operations:
 * this file calls the bus, then tells the block; the block calls it back
 * only for what the guest asks (AcpiMemhpOps).
 */
#include "hw/pc_dimm.h"
#include "hw/hotmem-abi.h"
#include "hw/hostmem.h"
#include "monitor/qapi-runtime.h"
#include "hotmem/io.h"
#include "hotmem/util.h"

#include <string.h>

/* ---- records for query-memory-hotplug ---- */

static void record_free(gpointer p)
{
    PcDimmRecord *r = p;
    g_free(r->id);
    g_free(r);
}

static void record(PcDimms *d, const char *id, bool removal, bool success)
{
    PcDimmRecord *r = g_new0(PcDimmRecord, 1);
    r->id = g_strdup(id);
    r->removal = removal;
    r->success = success;
    g_queue_push_tail(&d->records, r);
    /* a guest that keeps writing _OST must not grow the host without end */
    while (g_queue_get_length(&d->records) > PC_DIMM_RECORDS_MAX) {
        record_free(g_queue_pop_head(&d->records));
    }
}

/* ---- the order of a plug and of a removal ---- */

/* pre-plug, plug, then the guest is told (hot plug) or finds it at boot. */
static bool plug_device(PcDimms *d, DimmDevice *dev, bool hotplug, GError **errp)
{
    if (!dimm_bus_pre_plug(d->bus, dev, errp)) {
        return false;
    }
    dimm_bus_plug(d->bus, dev, hotplug);
    if (d->memhp) {
        acpi_memhp_insert(d->memhp, dev, hotplug);
    }
    return true;
}

/* Unplugs and reports; the id is copied first since a pc-dimm is freed.
 * False when the DIMM could not be unmapped (it stays, broken). */
static bool remove_device(PcDimms *d, DimmDevice *dev)
{
    g_autofree char *id = g_strdup(dev->id);
    unsigned slot = dev->slot;
    GError *err = NULL;
    if (!dimm_bus_unplug(d->bus, dev, &err)) {
        g_warning("%s", err->message);
        g_error_free(err);
        return false;
    }
    record(d, id, true, true);
    if (d->events.deleted) {
        d->events.deleted(d->events.opaque, id, slot);
    }
    return true;
}

/* ---- what the guest asks through the register block ---- */

static bool memhp_eject(void *opaque, unsigned slot)
{
    PcDimms *d = opaque;
    DimmDevice *dev = dimm_bus_slot(d->bus, slot);
    if (dev && dev->enabled && d->defer_ejects) {
        /* the guest sees the slot empty at once, as after any eject (Linux
         * reads _STA right after _EJ0); the memory stays mapped until the
         * migration ends */
        d->deferred_ejects[slot / 64] |= 1ULL << (slot % 64);
        return true;
    }
    return !dev || !dev->enabled || remove_device(d, dev);
}

void pc_dimms_defer_ejects(PcDimms *d, bool on)
{
    assert_device_lock();
    d->defer_ejects = on;
}

void pc_dimms_run_deferred_ejects(PcDimms *d)
{
    assert_device_lock();
    for (unsigned slot = 0; slot < HM_MEMHP_MAX_SLOTS; slot++) {
        if (!(d->deferred_ejects[slot / 64] & (1ULL << (slot % 64)))) {
            continue;
        }
        d->deferred_ejects[slot / 64] &= ~(1ULL << (slot % 64));
        DimmDevice *dev = dimm_bus_slot(d->bus, slot);
        if (dev && dev->enabled && remove_device(d, dev) && d->memhp) {
            acpi_memhp_slot_emptied(d->memhp, slot);
        }
    }
}

static void memhp_ost(void *opaque, unsigned slot, uint32_t event, uint32_t status)
{
    PcDimms *d = opaque;
    DimmDevice *dev = dimm_bus_slot(d->bus, slot);
    const char *id = dev ? dev->id : NULL;
    /* the seed's records: the outcome of an insertion (Device Check or
     * insertion processing); 0x84-style progress codes are not outcomes */
    if (id && (event == MEMHP_OST_EV_DEVICE_CHECK || event == MEMHP_OST_EV_OSPM_INSERTION) &&
        status <= 0x83) {
        record(d, id, false, status == MEMHP_OST_SC_SUCCESS);
    }
    if (d->events.ost) {
        d->events.ost(d->events.opaque, id, slot, event, status);
    }
}

static void memhp_unplug_refused(void *opaque, unsigned slot)
{
    PcDimms *d = opaque;
    DimmDevice *dev = dimm_bus_slot(d->bus, slot);
    /* only a refusal of a device_del ends an operation: one the guest
     * repeats with nothing pending is its _OST record, not an event (a
     * guest could otherwise flood DEVICE_UNPLUG_GUEST_ERROR, which is
     * never throttled) */
    if (!dev || !dev->unplug_requested) {
        return;
    }
    /* the DIMM stays: a reset must not complete this removal any more */
    dev->unplug_requested = false;
    record(d, dev->id, true, false);
    if (d->events.unplug_refused) {
        d->events.unplug_refused(d->events.opaque, dev->id, slot);
    }
}

static void memhp_power_state(void *opaque, unsigned slot, uint32_t state)
{
    PcDimms *d = opaque;
    DimmDevice *dev = dimm_bus_slot(d->bus, slot);
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
    HmHpmemHeader h = {
        .magic = GUINT32_TO_LE(HM_HPMEM_MAGIC),
        .version = GUINT16_TO_LE(HM_HPMEM_VERSION),
        .header_size = GUINT16_TO_LE(HM_HPMEM_HEADER_SIZE),
        .slot_count = GUINT32_TO_LE(bus->nslots),
        .entry_size = GUINT32_TO_LE(HM_HPMEM_ENTRY_SIZE),
        .region_base = GUINT64_TO_LE(bus->region_base),
        .region_size = GUINT64_TO_LE(bus->region_size),
        .node_count = GUINT32_TO_LE(nnodes),
    };
    GByteArray *out = g_byte_array_sized_new(sizeof(h) + bus->nslots * sizeof(HmHpmemEntry));
    g_byte_array_append(out, (const guint8 *)&h, sizeof(h));
    for (unsigned i = 0; i < bus->nslots; i++) {
        const DimmDevice *dev = bus->slots[i];
        HmHpmemEntry e = { .flags = GUINT32_TO_LE(HM_HPMEM_F_HOTPLUGGABLE) };
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

bool pc_dimms_publish(PcDimms *d, const MachineConfig *cfg, FwCfgState *fw, GError **errp)
{
    return publish_fw_cfg(d, cfg, fw, errp);
}

/* ---- the machine's recipe step ---- */

PcDimms *pc_dimms_new(const MachineConfig *cfg, const PcMemoryLayout *layout,
                      unsigned phys_bits, void *host_bridge, FwCfgState *fw_cfg,
                      AcpiPiix4State *pm, GError **errp)
{
    PcDimms *d = g_new0(PcDimms, 1);
    g_queue_init(&d->records);
    d->ram_size = cfg->ram_size;
    d->bus = dimm_bus_new(host_bridge, cfg->nnodes, cfg->ram_size, cfg->maxmem);
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
    }
    /* cold plug: enabled before the firmware runs, no event, no GPE */
    for (unsigned i = 0; i < d->bus->nslots; i++) {
        DimmDevice *dev = d->bus->slots[i];
        if (dev && dev->populated_at_boot && !plug_device(d, dev, false, errp)) {
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
    assert_device_lock();
    for (unsigned i = 0; i < d->bus->nslots; i++) {
        DimmDevice *dev = d->bus->slots[i];
        if (!dev || !dev->enabled || !dev->unplug_requested) {
            continue;
        }
        if (d->defer_ejects) {
            /* a migration is sending this memory: the guest starting over
             * sees the slot empty, the DIMM goes when the migration ends */
            d->deferred_ejects[i / 64] |= 1ULL << (i % 64);
            acpi_memhp_slot_emptied(d->memhp, i);
        } else if (remove_device(d, dev)) {
            acpi_memhp_slot_emptied(d->memhp, i);
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
    hostmem_del_all();
    acpi_memhp_free(d->memhp);
    g_queue_clear_full(&d->records, record_free);
    g_free(d);
}

bool pc_dimms_hotplug_declared(PcDimms *d, const char *id, GError **errp)
{
    assert_device_lock();
    DimmDevice *dev = dimm_bus_find(d->bus, id);
    if (!dev || !dev->declared) {
        g_set_error(errp, HM_ERROR, 0, "no -dimm slot with id '%s'", id);
        return false;
    }
    return plug_device(d, dev, true, errp);
}

bool pc_dimm_memdev_given(const char *memdev, GError **errp)
{
    if (!memdev) {
        g_set_error(errp, HM_ERROR, 0, "'memdev' property must be set");
        return false;
    }
    return true;
}

static bool add_pc_dimm(PcDimms *d, const char *id, const char *memdev, unsigned node,
                        unsigned slot, uint64_t addr, bool hotplug, GError **errp)
{
    assert_device_lock();
    HostMemBackend *b = hostmem_find(memdev);
    if (!b) {
        /* QEMU's class and words: the memdev link names no object */
        qapi_error_set(errp, QAPI_ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found",
                       memdev);
        return false;
    }
    if (b->owner) {
        g_set_error(errp, HM_ERROR, 0, "pc-dimm '%s': memdev '%s' is already in use by %s "
                    "'%s'", id, memdev, b->numa_node ? "NUMA node" : "DIMM", b->owner);
        return false;
    }
    DimmDevice *dev = dimm_device_new(id, b, node, slot, addr);
    if (!plug_device(d, dev, hotplug, errp)) {
        dimm_device_free(dev);
        return false;
    }
    return true;
}

bool pc_dimms_hotplug_pc_dimm(PcDimms *d, const char *id, const char *memdev, unsigned node,
                              unsigned slot, uint64_t addr, GError **errp)
{
    return add_pc_dimm(d, id, memdev, node, slot, addr, true, errp);
}

bool pc_dimms_coldplug_pc_dimm(PcDimms *d, const char *id, const char *memdev, unsigned node,
                               unsigned slot, uint64_t addr, GError **errp)
{
    return add_pc_dimm(d, id, memdev, node, slot, addr, false, errp);
}

bool pc_dimms_unplug_request(PcDimms *d, const char *id, GError **errp)
{
    assert_device_lock();
    DimmDevice *dev = dimm_bus_find(d->bus, id);
    if (!dev) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found", id);
        return false;
    }
    /* One request at a time: a second device_del while the guest has not
     * answered succeeds, as QEMU 7.2's does, but raises no new GPE: the
     * guest answers every request (eject, or an _OST refusal that clears
     * this) and a reset completes it. */
    if (dev->enabled && dev->unplug_requested) {
        return true;
    }
    if (!dimm_bus_unplug_request(d->bus, dev, errp)) {
        return false;
    }
    acpi_memhp_request_removal(d->memhp, dev->slot);
    return true;
}
