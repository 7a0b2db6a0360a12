/*
 * pc_dimm_layout.c - the memory layout that travels at the head of a
 * migration stream, before any RAM: base RAM, slots, maxmem, NUMA nodes and
 * every plugged DIMM with its backend. The destination checks it against
 * its own machine first; a conflict fails the migration with a sentence
 * naming it, before the source stops. A destination started with only
 * -m SIZE,slots=N,maxmem=M creates the source's DIMMs and backends itself.
 *
 * Encoding (little-endian): u32 version (1), u64 ram_size, u32 nslots,
 * u64 maxmem, u32 nnodes, u32 ndimms, then per DIMM: str id, u32 slot,
 * u64 base, u64 size, u32 node, u8 flags (bit 0 declared -dimm slot, bit 1
 * hotplugged), str memdev ("" for a -dimm slot), u8 backend kind; a str is
 * u8 length + bytes.
 */
#include "hw/pc_dimm.h"
#include "hw/hostmem.h"
#include "hw/memory-rules.h"
#include "hotmem/io.h"
#include "hotmem/util.h"

#include <string.h>

#define LAYOUT_VERSION 1
#define LAYOUT_F_DECLARED   0x1
#define LAYOUT_F_HOTPLUGGED 0x2

static void put(GByteArray *b, uint64_t v, unsigned n)
{
    uint8_t x[8];
    for (unsigned i = 0; i < n; i++) {
        x[i] = (uint8_t)(v >> (8 * i));
    }
    g_byte_array_append(b, x, n);
}

static void put_str(GByteArray *b, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    g_assert(n <= 255);
    put(b, n, 1);
    g_byte_array_append(b, (const guint8 *)(s ? s : ""), (guint)n);
}

GByteArray *pc_dimms_layout_save(const PcDimms *d)
{
    const DimmBus *bus = d->bus;
    GByteArray *b = g_byte_array_new();
    put(b, LAYOUT_VERSION, 4);
    put(b, d->ram_size, 8);
    put(b, bus->nslots, 4);
    put(b, bus->maxmem, 8);
    put(b, bus->nnodes, 4);
    put(b, dimm_bus_plugged_count(bus), 4);
    for (unsigned i = 0; i < bus->nslots; i++) {
        const DimmDevice *dev = bus->slots[i];
        if (!dev || !dev->enabled) {
            continue;
        }
        put_str(b, dev->id);
        put(b, dev->slot, 4);
        put(b, dev->base, 8);
        put(b, dev->size, 8);
        put(b, dev->node, 4);
        put(b, (dev->declared ? LAYOUT_F_DECLARED : 0) |
               (dev->hotplugged ? LAYOUT_F_HOTPLUGGED : 0), 1);
        put_str(b, dimm_device_memdev(dev));
        put(b, dev->backend->kind, 1);
    }
    return b;
}

/* ---- reading ---- */

typedef struct {
    const uint8_t *p, *end;
    bool short_read;
} In;

static uint64_t get(In *in, unsigned n)
{
    uint64_t v = 0;
    if ((size_t)(in->end - in->p) < n) {
        in->short_read = true;
        return 0;
    }
    for (unsigned i = 0; i < n; i++) {
        v |= (uint64_t)in->p[i] << (8 * i);
    }
    in->p += n;
    return v;
}

static void get_str(In *in, char *out, size_t cap)
{
    size_t n = get(in, 1);
    if (in->short_read || (size_t)(in->end - in->p) < n || n >= cap) {
        in->short_read = true;
        out[0] = 0;
        return;
    }
    memcpy(out, in->p, n);
    out[n] = 0;
    in->p += n;
}

bool pc_dimms_layout_parse(const uint8_t *buf, size_t len, PcDimmLayout *out, GError **errp)
{
    static const uint8_t nothing;
    if (!len) {
        buf = &nothing;                   /* an empty payload may have no data at all */
    }
    In in = { .p = buf, .end = buf + len };
    memset(out, 0, sizeof(*out));
    uint32_t version = (uint32_t)get(&in, 4);
    if (!in.short_read && version != LAYOUT_VERSION) {
        g_set_error(errp, HM_ERROR, 0, "memory layout version %u is not supported", version);
        return false;
    }
    out->ram_size = get(&in, 8);
    out->nslots = (uint32_t)get(&in, 4);
    out->maxmem = get(&in, 8);
    out->nnodes = (uint32_t)get(&in, 4);
    out->ndimms = (uint32_t)get(&in, 4);
    if (!in.short_read && (out->ndimms > HM_MEMHP_MAX_SLOTS || out->nslots > HM_MEMHP_MAX_SLOTS)) {
        g_set_error(errp, HM_ERROR, 0, "memory layout: %u DIMMs in %u slots (at most %d)",
                    out->ndimms, out->nslots, HM_MEMHP_MAX_SLOTS);
        return false;
    }
    for (uint32_t i = 0; i < out->ndimms && !in.short_read; i++) {
        PcDimmLayoutEntry *e = &out->dimms[i];
        get_str(&in, e->id, sizeof(e->id));
        e->slot = (uint32_t)get(&in, 4);
        e->base = get(&in, 8);
        e->size = get(&in, 8);
        e->node = (uint32_t)get(&in, 4);
        uint8_t flags = (uint8_t)get(&in, 1);
        e->declared = flags & LAYOUT_F_DECLARED;
        e->hotplugged = flags & LAYOUT_F_HOTPLUGGED;
        get_str(&in, e->memdev, sizeof(e->memdev));
        e->kind = (uint8_t)get(&in, 1);
        if (!in.short_read && (!mem_rule_id(e->id, MEM_DIMM_ID_MAX, errp) ||
                               (e->memdev[0] && !mem_rule_id(e->memdev, MEM_OBJECT_ID_MAX,
                                                             errp)))) {
            g_prefix_error(errp, "memory layout: ");
            return false;
        }
        if (!in.short_read && (flags & ~(LAYOUT_F_DECLARED | LAYOUT_F_HOTPLUGGED))) {
            g_set_error(errp, HM_ERROR, 0, "memory layout: DIMM '%s' has unknown flags 0x%x",
                        e->id, flags);
            return false;
        }
        if (!in.short_read && e->kind > HOSTMEM_KIND_MEMFD) {
            g_set_error(errp, HM_ERROR, 0, "memory layout: DIMM '%s' has a backend of "
                        "unknown kind %u", e->id, e->kind);
            return false;
        }
    }
    if (in.short_read) {
        g_set_error(errp, HM_ERROR, 0, "memory layout: the section ends early");
        return false;
    }
    if (in.p != in.end) {
        g_set_error(errp, HM_ERROR, 0, "memory layout: %zu bytes left over",
                    (size_t)(in.end - in.p));
        return false;
    }
    return true;
}

/* ---- checking against this machine, and creating what is missing ---- */

static bool entry_conflict(const PcDimms *d, const PcDimmLayoutEntry *e, GError **errp)
{
    const DimmBus *bus = d->bus;
    if (e->slot >= bus->nslots) {
        g_set_error(errp, HM_ERROR, 0, "DIMM '%s' is in slot %u, but this machine has %u "
                    "slots (-m slots=)", e->id, e->slot, bus->nslots);
        return true;
    }
    if (e->node >= bus->nnodes) {
        g_set_error(errp, HM_ERROR, 0, "DIMM '%s' is on NUMA node %u, but this machine has "
                    "%u node%s", e->id, e->node, bus->nnodes, bus->nnodes == 1 ? "" : "s");
        return true;
    }
    const DimmDevice *here = bus->slots[e->slot];
    const DimmDevice *same_id = dimm_bus_find(bus, e->id);
    if (here && (strcmp(here->id, e->id) || here->base != e->base || here->size != e->size ||
                 here->node != e->node)) {
        g_set_error(errp, HM_ERROR, 0, "slot %u holds DIMM '%s' (%" PRIu64 " bytes at 0x%"
                    PRIx64 ", node %u) here, the source's is '%s' (%" PRIu64 " bytes at 0x%"
                    PRIx64 ", node %u)", e->slot, here->id, here->size, here->base,
                    here->node, e->id, e->size, e->base, e->node);
        return true;
    }
    if (!here && same_id) {
        g_set_error(errp, HM_ERROR, 0, "DIMM '%s' is in slot %u on the source, in slot %u "
                    "here", e->id, e->slot, same_id->slot);
        return true;
    }
    if (!here && e->memdev[0]) {
        const HostMemBackend *b = hostmem_find(e->memdev);
        if (b && (b->size != e->size || b->owner)) {
            g_set_error(errp, HM_ERROR, 0, "memdev '%s' of DIMM '%s' exists here with %s",
                        e->memdev, e->id, b->owner ? "another owner" : "another size");
            return true;
        }
    }
    return false;
}

bool pc_dimms_layout_check(const PcDimms *d, const PcDimmLayout *l, GError **errp)
{
    const DimmBus *bus = d->bus;
    if (l->ram_size != d->ram_size) {
        g_autofree char *a = hm_size_str(l->ram_size), *b = hm_size_str(d->ram_size);
        g_set_error(errp, HM_ERROR, 0, "base RAM differs: the source has -m %s, this "
                    "machine -m %s", a, b);
        return false;
    }
    if (bus->nslots < l->nslots) {
        g_set_error(errp, HM_ERROR, 0, "too few DIMM slots: the source has %u, this machine "
                    "%u", l->nslots, bus->nslots);
        return false;
    }
    if (l->maxmem && (!bus->maxmem || bus->maxmem < l->maxmem)) {
        g_autofree char *a = hm_size_str(l->maxmem), *b = hm_size_str(bus->maxmem);
        g_set_error(errp, HM_ERROR, 0, "maxmem is smaller: the source has maxmem=%s, this "
                    "machine %s", a, bus->maxmem ? b : "none");
        return false;
    }
    if (bus->nnodes < l->nnodes) {
        g_set_error(errp, HM_ERROR, 0, "NUMA node %u is missing: the source has %u nodes, "
                    "this machine %u", bus->nnodes, l->nnodes, bus->nnodes);
        return false;
    }
    for (uint32_t i = 0; i < l->ndimms; i++) {
        if (entry_conflict(d, &l->dimms[i], errp)) {
            return false;
        }
    }
    /* a DIMM plugged here that the source does not have would give the
     * guest memory it never saw */
    for (unsigned s = 0; s < bus->nslots; s++) {
        const DimmDevice *dev = bus->slots[s];
        bool wanted = false;
        for (uint32_t i = 0; dev && dev->enabled && i < l->ndimms && !wanted; i++) {
            wanted = l->dimms[i].slot == s;
        }
        if (dev && dev->enabled && !wanted) {
            g_set_error(errp, HM_ERROR, 0, "DIMM '%s' is plugged in slot %u here, the "
                        "source's slot %u is empty", dev->id, s, s);
            return false;
        }
    }
    return true;
}

/* The DIMM as the source had it: placed at its slot and base, plugged
 * without an insert event (the guest knows it already; pending events come
 * with the register block's state). */
static bool restore_entry(PcDimms *d, const PcDimmLayoutEntry *e, GError **errp)
{
    DimmDevice *dev = d->bus->slots[e->slot];
    if (dev && dev->enabled) {
        dev->hotplugged = e->hotplugged;
        return true;                          /* the same DIMM, already here */
    }
    bool created = false;
    if (!dev) {
        const char *mem = e->memdev[0] ? e->memdev : NULL;
        g_autofree char *private_name = g_strdup_printf("dimm-%s", e->id);
        HostMemBackend *b = hostmem_find(mem ? mem : private_name);
        if (!b) {
            if (e->kind != HOSTMEM_KIND_RAM) {
                g_set_error(errp, HM_ERROR, 0, "its %s '%s' must exist here (object-add "
                            "it with the same id)", hostmem_kind_name(e->kind), mem);
                return false;
            }
            b = hostmem_add(mem ? mem : private_name, e->size, NULL, errp);
            created = b != NULL;
        }
        if (!b) {
            return false;
        }
        dev = dimm_device_new(e->id, b, e->node, e->slot, e->base);
        if (!dimm_bus_pre_plug(d->bus, dev, errp)) {
            dimm_device_free(dev);
            if (created) {
                hostmem_del(b->id, NULL);
            }
            return false;
        }
    } else if (!dimm_bus_pre_plug(d->bus, dev, errp)) {
        return false;
    }
    dimm_bus_plug(d->bus, dev, e->hotplugged);
    if (d->memhp) {
        acpi_memhp_insert(d->memhp, dev, false);
    }
    return true;
}

bool pc_dimms_layout_apply(PcDimms *d, const PcDimmLayout *l, GError **errp)
{
    assert_device_lock();
    if (!pc_dimms_layout_check(d, l, errp)) {
        return false;
    }
    for (uint32_t i = 0; i < l->ndimms; i++) {
        if (!restore_entry(d, &l->dimms[i], errp)) {
            g_prefix_error(errp, "DIMM '%s': ", l->dimms[i].id);
            return false;
        }
    }
    return true;
}
