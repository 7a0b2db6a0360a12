/*
 * test-dimm.c - the dimmbus: placement in the hotplug region (alignment,
 * size, 256 slots, overflow, physical address width and the region cut
 * below it) and the plug phases
 * without KVM (RAM blocks seen by a listener, host memory, failures that
 * leave nothing behind, an unmap the listener refuses).
 */
#include "hw/dimm.h"
#include "hw/hotmem-pc.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "hotmem/util.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define GiB (1ULL << 30)
#define MiB (1ULL << 20)

static DimmBus *bus_with(uint64_t ram, uint64_t maxmem, unsigned nnodes, const uint64_t *sizes,
                         unsigned n, unsigned free_slots)
{
    DimmBus *bus = dimm_bus_new(NULL, nnodes, ram, maxmem);
    GError *err = NULL;
    for (unsigned i = 0; i < n; i++) {
        g_autofree char *id = g_strdup_printf("d%u", i);
        g_assert_nonnull(dimm_bus_declare(bus, id, sizes[i], 0, false, &err));
        g_assert_no_error(err);
    }
    g_assert_true(dimm_bus_add_free_slots(bus, free_slots, &err));
    g_assert_no_error(err);
    return bus;
}

static void test_alignment(void)
{
    static const uint64_t sizes[] = { GiB, 512 * MiB, 128 * MiB, 2 * GiB + 128 * MiB, GiB };
    DimmBus *bus = bus_with(512 * MiB, 0, 1, sizes, G_N_ELEMENTS(sizes), 0);
    GError *err = NULL;
    g_assert_true(dimm_bus_assign_addr(bus, HM_4GIB, 40, &err));
    g_assert_no_error(err);
    g_assert_cmphex(bus->region_base, ==, 4 * GiB);
    g_assert_cmphex(bus->slots[0]->base, ==, 4 * GiB);
    g_assert_cmphex(bus->slots[1]->base, ==, 5 * GiB);
    g_assert_cmphex(bus->slots[2]->base, ==, 6 * GiB);
    g_assert_cmphex(bus->slots[3]->base, ==, 7 * GiB);
    g_assert_cmphex(bus->slots[4]->base, ==, 10 * GiB);   /* after 3 GiB rounded */
    g_assert_cmphex(bus->region_size, ==, 7 * GiB);
    g_assert_cmphex(dimm_bus_region_end(bus), ==, 11 * GiB);
    for (unsigned i = 0; i < bus->nslots; i++) {
        g_assert_cmphex(bus->slots[i]->base % HM_DIMM_ALIGN, ==, 0);
        g_assert_cmpuint(bus->slots[i]->slot, ==, i);
    }
    dimm_bus_free(bus);

    /* RAM above 4 GiB: 6 GiB of RAM ends at 6.5 GiB, the region starts at 7 GiB */
    bus = bus_with(6 * GiB, 0, 1, sizes, 1, 0);
    g_assert_true(dimm_bus_assign_addr(bus, HM_4GIB + 6 * GiB - 0xe0000000ULL, 40, &err));
    g_assert_cmphex(bus->region_base, ==, 7 * GiB);
    g_assert_cmphex(bus->slots[0]->base, ==, 7 * GiB);
    dimm_bus_free(bus);

    /* RAM ending on a 1 GiB boundary is not rounded further */
    bus = bus_with(5632 * MiB, 0, 1, sizes, 1, 0);
    g_assert_true(dimm_bus_assign_addr(bus, 6 * GiB, 40, &err));
    g_assert_cmphex(bus->region_base, ==, 6 * GiB);
    dimm_bus_free(bus);
}

static void test_region_size(void)
{
    GError *err = NULL;
    static const uint64_t sizes[] = { GiB, 512 * MiB };
    /* declared (1 + 1 GiB) + maxmem slack (8 G - 512 M - 1.5 G) + 1 GiB per free slot */
    DimmBus *bus = bus_with(512 * MiB, 8 * GiB, 1, sizes, 2, 3);
    g_assert_cmpuint(bus->nslots, ==, 5);
    g_assert_true(dimm_bus_assign_addr(bus, HM_4GIB, 40, &err));
    g_assert_no_error(err);
    g_assert_cmphex(bus->region_size, ==, 2 * GiB + 6 * GiB + 3 * GiB);
    g_assert_null(bus->slots[2]);
    dimm_bus_free(bus);

    /* slack that is not a GiB multiple is rounded up */
    bus = bus_with(512 * MiB, 2 * GiB + 128 * MiB, 1, sizes, 1, 0);
    g_assert_true(dimm_bus_assign_addr(bus, HM_4GIB, 40, &err));
    g_assert_cmphex(bus->region_size, ==, 2 * GiB);       /* 1 G + 640 M -> 2 G */
    dimm_bus_free(bus);

    /* no slots: an empty region at the rounded RAM end */
    bus = bus_with(512 * MiB, 4 * GiB, 1, NULL, 0, 0);
    g_assert_true(dimm_bus_assign_addr(bus, HM_4GIB + 512 * MiB, 40, &err));
    g_assert_cmphex(bus->region_base, ==, 5 * GiB);
    g_assert_cmphex(bus->region_size, ==, 0);
    g_assert_cmphex(dimm_bus_region_end(bus), ==, 5 * GiB);
    dimm_bus_free(bus);

    /* DIMMs beyond maxmem are refused here too */
    bus = bus_with(512 * MiB, GiB, 1, sizes, 2, 0);
    g_assert_false(dimm_bus_assign_addr(bus, HM_4GIB, 40, &err));
    g_assert_nonnull(strstr(err->message, "beyond -m maxmem"));
    g_clear_error(&err);
    dimm_bus_free(bus);
}

static void test_256_slots(void)
{
    uint64_t sizes[HM_MEMHP_MAX_SLOTS];
    for (unsigned i = 0; i < G_N_ELEMENTS(sizes); i++) {
        sizes[i] = (i % 4 + 1) * 128 * MiB;
    }
    DimmBus *bus = bus_with(512 * MiB, 0, 1, sizes, G_N_ELEMENTS(sizes), 0);
    GError *err = NULL;
    g_assert_true(dimm_bus_assign_addr(bus, HM_4GIB, 40, &err));
    g_assert_cmpuint(bus->nslots, ==, 256);
    g_assert_cmphex(bus->slots[255]->base, ==, 4 * GiB + 255 * GiB);
    g_assert_cmphex(bus->region_size, ==, 256 * GiB);
    /* a 257th slot, declared or free, is refused */
    g_assert_null(dimm_bus_declare(bus, "extra", GiB, 0, false, &err));
    g_assert_nonnull(strstr(err->message, "more than 256 DIMM slots"));
    g_clear_error(&err);
    g_assert_false(dimm_bus_add_free_slots(bus, 1, &err));
    g_clear_error(&err);
    dimm_bus_free(bus);

    bus = bus_with(512 * MiB, 512 * MiB + 64 * GiB, 1, NULL, 0, 256);
    g_assert_true(dimm_bus_assign_addr(bus, HM_4GIB, 40, &err));
    g_assert_cmphex(bus->region_size, ==, 64 * GiB + 256 * GiB);
    dimm_bus_free(bus);
}

static void test_limits(void)
{
    GError *err = NULL;
    uint64_t sizes[64];
    for (unsigned i = 0; i < 64; i++) {
        sizes[i] = GiB;
    }
    /* 36 bits = 64 GiB, less the 32 GiB kept for the 64-bit PCI window: 28
     * DIMMs end exactly at 32 GiB, a 29th does not fit */
    g_assert_cmphex(HM_PCI_MEM64_RESERVE, ==, 32 * GiB);
    DimmBus *bus = bus_with(512 * MiB, 0, 1, sizes, 28, 0);
    g_assert_true(dimm_bus_assign_addr(bus, HM_4GIB, 36, &err));
    g_assert_no_error(err);
    g_assert_cmphex(dimm_bus_region_end(bus), ==, 32 * GiB);
    g_assert_false(bus->capped);
    dimm_bus_free(bus);
    bus = bus_with(512 * MiB, 0, 1, sizes, 29, 0);
    g_assert_false(dimm_bus_assign_addr(bus, HM_4GIB, 36, &err));
    g_assert_cmpstr(err->message, ==,
                    "-dimm d28: [0x800000000, 0x840000000) is beyond the guest's 36-bit "
                    "physical address space: DIMMs must end by 0x800000000 (2^36 minus 32G "
                    "for the 64-bit PCI window)");
    g_clear_error(&err);
    dimm_bus_free(bus);

    /* libvirt's maxmem=1099511627776k (1 PiB) with slots=16 is accepted: the
     * region stops 32 GiB below 2^40 (phys_bits 0 means 40 bits) */
    const uint64_t ram = 219136 * 1024ULL, pib = 1ULL << 50;
    bus = bus_with(ram, pib, 1, NULL, 0, 16);
    g_assert_true(dimm_bus_assign_addr(bus, HM_4GIB, 0, &err));
    g_assert_no_error(err);
    g_assert_true(bus->capped);
    g_assert_cmphex(bus->region_base, ==, 4 * GiB);
    g_assert_cmphex(dimm_bus_region_end(bus), ==, (1ULL << 40) - 32 * GiB);
    g_assert_cmphex(bus->addr_limit, ==, (1ULL << 40) - 32 * GiB);
    dimm_bus_free(bus);
    /* ... and 16384T (2^54), on 48 bits */
    bus = bus_with(ram, 1ULL << 54, 1, NULL, 0, 16);
    g_assert_true(dimm_bus_assign_addr(bus, HM_4GIB, 48, &err));
    g_assert_cmphex(dimm_bus_region_end(bus), ==, (1ULL << 48) - 32 * GiB);
    dimm_bus_free(bus);
    /* with no limit (64 bits) the region is what maxmem asks: 1 PiB - RAM + 16 GiB */
    bus = bus_with(ram, pib, 1, NULL, 0, 16);
    g_assert_true(dimm_bus_assign_addr(bus, HM_4GIB, 64, &err));
    g_assert_false(bus->capped);
    g_assert_cmphex(bus->region_size, ==, pib + 16 * GiB);   /* rounded up to 1 GiB */
    dimm_bus_free(bus);
    /* a layout that fits is placed as before: not cut */
    bus = bus_with(512 * MiB, 64 * GiB, 1, NULL, 0, 1);
    g_assert_true(dimm_bus_assign_addr(bus, HM_4GIB, 40, &err));
    g_assert_false(bus->capped);
    g_assert_cmphex(bus->region_size, ==, 65 * GiB);
    dimm_bus_free(bus);

    /* RAM ending above the limit leaves no room for a free slot: refused */
    bus = bus_with(512 * MiB, 64 * GiB, 1, NULL, 0, 1);
    g_assert_false(dimm_bus_assign_addr(bus, 40 * GiB, 36, &err));
    g_assert_nonnull(strstr(err->message, "-m slots: the memory hotplug region [0xa00000000, "));
    g_assert_nonnull(strstr(err->message, "beyond the guest's 36-bit physical address space"));
    g_clear_error(&err);
    dimm_bus_free(bus);
    /* phys_bits 0 means 40 bits (1 TiB): 1000 GiB of -dimm slots pass 992 GiB */
    for (unsigned i = 0; i < 64; i++) {
        sizes[i] = 1000 * GiB / 64;
    }
    bus = bus_with(512 * MiB, 0, 1, sizes, 64, 0);
    g_assert_false(dimm_bus_assign_addr(bus, HM_4GIB, 0, &err));
    g_assert_nonnull(strstr(err->message, "40-bit"));
    g_clear_error(&err);
    dimm_bus_free(bus);

    /* u64 overflow: by maxmem, by the slot slack, by the base */
    bus = bus_with(512 * MiB, UINT64_MAX, 1, NULL, 0, 1);
    g_assert_false(dimm_bus_assign_addr(bus, HM_4GIB, 64, &err));
    g_assert_nonnull(strstr(err->message, "does not fit in 64 bits"));
    g_clear_error(&err);
    dimm_bus_free(bus);
    bus = bus_with(512 * MiB, UINT64_MAX - 2 * GiB, 1, NULL, 0, 2);
    g_assert_false(dimm_bus_assign_addr(bus, HM_4GIB, 64, &err));
    g_assert_nonnull(strstr(err->message, "does not fit in 64 bits"));
    g_clear_error(&err);
    dimm_bus_free(bus);
    bus = bus_with(512 * MiB, 0, 1, sizes, 1, 0);
    g_assert_false(dimm_bus_assign_addr(bus, UINT64_MAX - GiB, 64, &err));
    g_assert_nonnull(strstr(err->message, "does not fit in 64 bits"));
    g_clear_error(&err);
    dimm_bus_free(bus);
}

/* ---- plug phases, no KVM: a RAM listener stands in for its memslots ---- */

typedef struct {
    GString *log;
    bool refuse_add;
    bool refuse_remove;
} Recorder;

static bool rec_add(void *opaque, RamBlock *block, GError **errp)
{
    Recorder *r = opaque;
    g_string_append_printf(r->log, "add(%s) ", block->name);
    if (r->refuse_add) {
        g_set_error(errp, HM_ERROR, 0, "no memslot left");
        return false;
    }
    return true;
}

static bool rec_remove(void *opaque, RamBlock *block, GError **errp)
{
    Recorder *r = opaque;
    /* told first: the memory is still there */
    g_assert_nonnull(guest_mem_range(block->gpa, block->size, true));
    g_string_append_printf(r->log, "remove(%s) ", block->name);
    if (r->refuse_remove) {
        g_set_error(errp, HM_ERROR, 0, "KVM_SET_USER_MEMORY_REGION: Invalid argument");
        return false;
    }
    return true;
}

static DimmBus *phase_bus(Recorder *r)
{
    static const uint64_t sizes[] = { GiB, 256 * MiB };
    DimmBus *bus = bus_with(512 * MiB, 8 * GiB, 2, sizes, 2, 2);
    GError *err = NULL;
    g_assert_true(dimm_bus_assign_addr(bus, HM_4GIB, 40, &err));
    r->log = g_string_new("");
    RamListener l = { .add = rec_add, .remove = rec_remove, .opaque = r };
    g_assert_true(ram_listener_attach(&l, &err));
    return bus;
}

static void phase_bus_free(DimmBus *bus, Recorder *r)
{
    r->refuse_remove = false;
    dimm_bus_free(bus);
    ram_listener_detach(r);
    ram_block_remove_all();
    hostmem_del_all();
    g_string_free(r->log, TRUE);
}

static bool plug(DimmBus *bus, DimmDevice *dev, bool hotplug, GError **errp)
{
    if (!dimm_bus_pre_plug(bus, dev, errp)) {
        return false;
    }
    dimm_bus_plug(bus, dev, hotplug);
    return true;
}

/* A pc-dimm on a fresh registered backend named after it. */
static DimmDevice *pc_dimm(const char *id, uint64_t size, unsigned node, unsigned slot,
                           uint64_t base)
{
    g_autofree char *mem = g_strdup_printf("m-%s", id);
    GError *err = NULL;
    HostMemBackend *b = hostmem_find(mem);
    if (!b) {
        b = hostmem_new_private(mem, size);     /* sizes the rule refuses, too */
        b->registered = true;
    }
    g_assert_no_error(err);
    return dimm_device_new(id, b, node, slot, base);
}

static void pc_dimm_free(DimmDevice *dev)
{
    HostMemBackend *b = dev->backend;
    dimm_device_free(dev);
    b->registered = false;
    hostmem_free_private(b);
}

static void test_plug_declared(void)
{
    Recorder r = { 0 };
    DimmBus *bus = phase_bus(&r);
    GError *err = NULL;
    DimmDevice *d0 = bus->slots[0];
    g_assert_false(d0->enabled);
    g_assert_null(guest_mem_range(d0->base, 4096, false));

    g_assert_true(plug(bus, d0, false, &err));
    g_assert_no_error(err);
    g_assert_true(d0->enabled);
    g_assert_false(d0->hotplugged);
    g_assert_nonnull(d0->backend->host);
    g_assert_cmpstr(d0->backend->owner, ==, "d0");
    g_assert_nonnull(d0->ram);
    g_assert_cmpstr(d0->ram->name, ==, "dimm-d0");
    g_assert_null(dimm_device_memdev(d0));        /* a private backend */
    /* guest memory at the DIMM's address is the DIMM's host mapping */
    uint32_t pattern = 0x5a5aa5a5, back = 0;
    g_assert_true(guest_mem_write(d0->base + GiB - 4, &pattern, 4));
    g_assert_true(guest_mem_read(d0->base + GiB - 4, &back, 4));
    g_assert_cmphex(back, ==, pattern);
    g_assert_false(guest_mem_write(d0->base + GiB - 2, &pattern, 4));  /* crosses the end */
    g_assert_cmpuint(dimm_bus_plugged_count(bus), ==, 1);
    g_assert_cmpuint(dimm_bus_plugged_size(bus), ==, GiB);

    /* plugging twice fails in pre-plug, before anything is registered */
    g_assert_false(plug(bus, d0, true, &err));
    g_assert_nonnull(strstr(err->message, "already plugged"));
    g_clear_error(&err);

    g_assert_false(dimm_bus_unplug_request(bus, bus->slots[1], &err));
    g_assert_nonnull(strstr(err->message, "'d1' is not plugged"));
    g_clear_error(&err);
    g_assert_true(dimm_bus_unplug_request(bus, d0, &err));
    g_assert_true(d0->unplug_requested);
    g_assert_true(d0->enabled);                  /* only the guest's eject unplugs */

    g_assert_true(dimm_bus_unplug(bus, d0, &err));
    g_assert_true(bus->slots[0] == d0);          /* a -dimm slot keeps its device */
    g_assert_false(d0->enabled);
    g_assert_false(d0->unplug_requested);
    g_assert_null(d0->backend->host);
    g_assert_null(d0->backend->owner);
    g_assert_null(d0->ram);
    g_assert_null(guest_mem_range(d0->base, 4096, false));
    g_assert_cmpstr(r.log->str, ==, "add(dimm-d0) remove(dimm-d0) ");

    /* and can be hot-plugged again */
    g_assert_true(plug(bus, d0, true, &err));
    g_assert_true(d0->hotplugged);
    phase_bus_free(bus, &r);
}

static long rss_pages(void)
{
    long size = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    g_assert_nonnull(f);
    g_assert_cmpint(fscanf(f, "%ld %ld", &size, &resident), ==, 2);
    fclose(f);
    return resident;
}

/* Unplug gives the host its memory back at once (munmap, not just unmapped
 * from the guest). */
static void test_unplug_returns_memory(void)
{
    Recorder r = { 0 };
    DimmBus *bus = phase_bus(&r);
    GError *err = NULL;
    DimmDevice *d1 = bus->slots[1];
    g_assert_true(plug(bus, d1, true, &err));
    long before = rss_pages();
    memset(d1->backend->host, 0x11, 64 * MiB);
    long touched = rss_pages();
    long page = sysconf(_SC_PAGESIZE);
    g_assert_cmpint((touched - before) * page, >=, 60 * MiB);
    g_assert_true(dimm_bus_unplug(bus, d1, &err));
    g_assert_cmpint((touched - rss_pages()) * page, >=, 60 * MiB);
    phase_bus_free(bus, &r);
}

/* The accelerator cannot drop the memslot: the guest may still reach the
 * DIMM, so its memory must stay mapped and the DIMM plugged, marked broken. */
static void test_unplug_refused_by_listener(void)
{
    Recorder r = { 0 };
    DimmBus *bus = phase_bus(&r);
    GError *err = NULL;
    DimmDevice *d1 = bus->slots[1];
    g_assert_true(plug(bus, d1, true, &err));
    uint8_t *host = d1->backend->host;
    memset(host, 0x5a, 4096);
    r.refuse_remove = true;
    g_assert_false(dimm_bus_unplug(bus, d1, &err));
    g_assert_nonnull(strstr(err->message, "'d1' stays plugged"));
    g_assert_nonnull(strstr(err->message, "Invalid argument"));
    g_clear_error(&err);
    g_assert_true(d1->enabled);
    g_assert_true(d1->broken);
    g_assert_true(d1->backend->host == host);
    g_assert_true(guest_mem_range(d1->base, d1->size, true) == host);
    g_assert_cmphex(host[4095], ==, 0x5a);         /* still our mapping, not unmapped */
    g_assert_false(dimm_bus_unplug_request(bus, d1, &err));
    g_assert_nonnull(strstr(err->message, "broken"));
    g_clear_error(&err);
    /* once the listener lets go, the eject can complete */
    r.refuse_remove = false;
    g_assert_true(dimm_bus_unplug(bus, d1, &err));
    g_assert_null(guest_mem_range(d1->base, 4096, false));
    phase_bus_free(bus, &r);
}

static void test_pre_plug_failures(void)
{
    Recorder r = { 0 };
    DimmBus *bus = phase_bus(&r);      /* slots: d0 1G, d1 256M, free, free; 2 nodes */
    GError *err = NULL;
    static const struct {
        const char *id;
        uint64_t size;
        unsigned node, slot;
        uint64_t base;
        const char *expect;
    } bad[] = {
        { "d0", GiB, 0, DIMM_SLOT_AUTO, 0, "Duplicate device ID 'd0'" },
        { "p0", 100 * MiB, 0, DIMM_SLOT_AUTO, 0, "size 100M is not a multiple of 128 MiB" },
        { "p0", 0, 0, DIMM_SLOT_AUTO, 0, "size 0: a DIMM cannot be empty" },
        { "p0", GiB, 2, DIMM_SLOT_AUTO, 0, "node 2 does not exist (nodes 0-1)" },
        { "p0", GiB, 0, 1, 0, "slot 1 is busy (DIMM 'd1')" },
        { "p0", GiB, 0, 4, 0, "invalid slot 4, valid range is [0-3]" },
        { "p0", 8 * GiB, 0, DIMM_SLOT_AUTO, 0,
          "RAM 512M plus DIMMs 9472M is beyond -m maxmem=8G (8G asked, 6400M left)" },
        { "p0", GiB, 0, DIMM_SLOT_AUTO, 7 * GiB + 128 * MiB, "not a 1 GiB-aligned range" },
        { "p0", GiB, 0, DIMM_SLOT_AUTO, 2 * GiB, "not a 1 GiB-aligned range inside" },
        { "p0", GiB, 0, DIMM_SLOT_AUTO, 5 * GiB, "conflicts with DIMM 'd1'" },
    };
    for (unsigned i = 0; i < G_N_ELEMENTS(bad); i++) {
        DimmDevice *dev = pc_dimm(bad[i].id, bad[i].size, bad[i].node, bad[i].slot,
                                  bad[i].base);
        g_assert_false(plug(bus, dev, true, &err));
        if (!strstr(err->message, bad[i].expect)) {
            g_test_message("case %u: got '%s', expected '%s'", i, err->message,
                           bad[i].expect);
            g_test_fail();
        }
        g_clear_error(&err);
        g_assert_null(dev->backend->host);
        g_assert_null(dev->backend->owner);
        pc_dimm_free(dev);
    }
    g_assert_cmpstr(r.log->str, ==, "");          /* all caught before registering */
    g_assert_null(bus->slots[2]);
    g_assert_null(bus->slots[3]);

    /* a listener refusal (no memslot) leaves no host memory and no slot behind */
    r.refuse_add = true;
    DimmDevice *dev = pc_dimm("p0", GiB, 1, DIMM_SLOT_AUTO, DIMM_ADDR_AUTO);
    g_assert_false(plug(bus, dev, true, &err));
    g_assert_nonnull(strstr(err->message, "no memslot left"));
    g_clear_error(&err);
    g_assert_null(dev->backend->host);
    g_assert_null(dev->ram);
    g_assert_cmpuint(dev->slot, ==, DIMM_SLOT_AUTO);
    g_assert_null(bus->slots[2]);
    g_assert_null(guest_mem_range(6 * GiB, 4096, false));
    r.refuse_add = false;

    /* a RAM block in the way is caught too */
    static uint8_t other[4096];
    RamBlock *b = ram_block_add("other", 6 * GiB, sizeof(other), other, false, &err);
    g_assert_false(plug(bus, dev, true, &err));
    g_assert_nonnull(strstr(err->message, "overlaps RAM block other"));
    g_clear_error(&err);
    g_assert_true(ram_block_remove(b, &err));
    pc_dimm_free(dev);
    phase_bus_free(bus, &r);
}

/* pc-dimms: first free slot, first free 1 GiB-aligned range, freed on unplug. */
static void test_pc_dimm(void)
{
    Recorder r = { 0 };
    DimmBus *bus = phase_bus(&r);      /* region: d0 @4G, d1 @5G, free from 6G, 8G slack */
    GError *err = NULL;
    DimmDevice *p0 = pc_dimm("p0", 2 * GiB, 1, DIMM_SLOT_AUTO, DIMM_ADDR_AUTO);
    HostMemBackend *m0 = p0->backend;
    g_assert_true(plug(bus, p0, true, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(p0->slot, ==, 2);
    g_assert_cmphex(p0->base, ==, 6 * GiB);
    g_assert_true(bus->slots[2] == p0);
    g_assert_false(p0->declared);
    g_assert_true(dimm_bus_find(bus, "p0") == p0);
    g_assert_cmpstr(dimm_device_memdev(p0), ==, "m-p0");

    DimmDevice *p1 = pc_dimm("p1", 128 * MiB, 0, 3, 9 * GiB);
    HostMemBackend *m1 = p1->backend;
    g_assert_true(plug(bus, p1, true, &err));
    g_assert_cmphex(p1->base, ==, 9 * GiB);

    /* slots full now */
    DimmDevice *p2 = pc_dimm("p2", 128 * MiB, 0, DIMM_SLOT_AUTO, DIMM_ADDR_AUTO);
    g_assert_false(plug(bus, p2, true, &err));
    g_assert_nonnull(strstr(err->message, "no free DIMM slot"));
    g_clear_error(&err);

    g_assert_true(dimm_bus_unplug(bus, p0, &err));     /* frees p0, releases m-p0 */
    g_assert_null(bus->slots[2]);
    g_assert_null(dimm_bus_find(bus, "p0"));
    g_assert_null(guest_mem_range(6 * GiB, 4096, false));
    g_assert_null(m0->owner);
    g_assert_null(m0->host);
    /* the freed slot and range are reused */
    g_assert_true(plug(bus, p2, true, &err));
    g_assert_cmpuint(p2->slot, ==, 2);
    g_assert_cmphex(p2->base, ==, 6 * GiB);
    HostMemBackend *m2 = p2->backend;
    phase_bus_free(bus, &r);
    for (HostMemBackend **m = (HostMemBackend *[]){ m0, m1, m2, NULL }; *m; m++) {
        (*m)->registered = false;
        hostmem_free_private(*m);
    }
}

/* A region cut below the address width (maxmem 1 PiB, 36 bits: [4G, 32G)):
 * a pc-dimm beyond the cut is refused naming the width, and nothing changes:
 * no RAM block, the backend unclaimed, the slot free. */
static void test_capped_region(void)
{
    Recorder r = { 0 };
    DimmBus *bus = dimm_bus_new(NULL, 1, 512 * MiB, 1ULL << 50);
    GError *err = NULL;
    g_assert_true(dimm_bus_add_free_slots(bus, 3, &err));
    g_assert_true(dimm_bus_assign_addr(bus, HM_4GIB, 36, &err));
    g_assert_true(bus->capped);
    g_assert_cmphex(dimm_bus_region_end(bus), ==, 32 * GiB);
    r.log = g_string_new("");
    RamListener l = { .add = rec_add, .remove = rec_remove, .opaque = &r };
    g_assert_true(ram_listener_attach(&l, &err));

    DimmDevice *p0 = pc_dimm("p0", 16 * GiB, 0, DIMM_SLOT_AUTO, DIMM_ADDR_AUTO);
    g_assert_true(plug(bus, p0, true, &err));
    g_assert_cmphex(p0->base, ==, 4 * GiB);
    g_string_truncate(r.log, 0);

    /* within maxmem, but 16 GiB more only fits past 32 GiB */
    DimmDevice *p1 = pc_dimm("p1", 16 * GiB, 0, DIMM_SLOT_AUTO, DIMM_ADDR_AUTO);
    g_assert_false(plug(bus, p1, true, &err));
    g_assert_cmpstr(err->message, ==,
                    "DIMM 'p1': no free 1 GiB-aligned range of 17179869184 bytes in the "
                    "hotplug region [0x100000000, 0x800000000), which -m maxmem would extend "
                    "beyond the guest's 36-bit physical address space (2^36 minus 32G for "
                    "the 64-bit PCI window)");
    g_clear_error(&err);
    /* an explicit address past the cut */
    DimmDevice *p2 = pc_dimm("p2", GiB, 0, 2, 40 * GiB);
    g_assert_false(plug(bus, p2, true, &err));
    g_assert_cmpstr(err->message, ==,
                    "DIMM 'p2': [0xa00000000, 0xa40000000) is beyond the guest's 36-bit "
                    "physical address space: DIMMs must end by 0x800000000 (2^36 minus 32G "
                    "for the 64-bit PCI window)");
    g_clear_error(&err);
    /* nothing changed */
    g_assert_cmpstr(r.log->str, ==, "");
    g_assert_null(p1->backend->owner);
    g_assert_null(p2->backend->owner);
    g_assert_null(bus->slots[1]);
    g_assert_null(bus->slots[2]);
    g_assert_null(guest_mem_range(20 * GiB, 4096, false));
    /* what still fits goes in */
    DimmDevice *p3 = pc_dimm("p3", 12 * GiB, 0, DIMM_SLOT_AUTO, DIMM_ADDR_AUTO);
    g_assert_true(plug(bus, p3, true, &err));
    g_assert_cmphex(p3->base, ==, 20 * GiB);
    pc_dimm_free(p1);
    pc_dimm_free(p2);
    HostMemBackend *m0 = p0->backend, *m3 = p3->backend;
    phase_bus_free(bus, &r);
    for (HostMemBackend **m = (HostMemBackend *[]){ m0, m3, NULL }; *m; m++) {
        (*m)->registered = false;
        hostmem_free_private(*m);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    /* the machine's memory code expects the device lock (docs/devel/memory.md);
     * nothing else takes it here */
    device_lock();
    g_test_add_func("/dimm/placement/alignment", test_alignment);
    g_test_add_func("/dimm/placement/region-size", test_region_size);
    g_test_add_func("/dimm/placement/256-slots", test_256_slots);
    g_test_add_func("/dimm/placement/limits", test_limits);
    g_test_add_func("/dimm/plug/declared", test_plug_declared);
    g_test_add_func("/dimm/plug/returns-memory", test_unplug_returns_memory);
    g_test_add_func("/dimm/plug/unmap-refused", test_unplug_refused_by_listener);
    g_test_add_func("/dimm/plug/pre-plug-failures", test_pre_plug_failures);
    g_test_add_func("/dimm/plug/pc-dimm", test_pc_dimm);
    g_test_add_func("/dimm/plug/capped-region", test_capped_region);
    return g_test_run();
}
