/*
 * test-memhp.c - the memory hotplug register block driven through its
 * ports, as the guest's AML drives it, with the machine wiring of
 * hw/pc_dimm.c (no KVM): hot plug and GPE, acks, removal, eject, _OST,
 * power states, the extensions, reset, and hostile accesses.
 */
#include "hw/acpi_memhp.h"
#include "hw/acpi_piix4.h"
#include "hw/hostmem.h"
#include "hw/hotmem-pc.h"
#include "hw/pc_dimm.h"
#include "hw/pc_memmap.h"
#include "migration/vmstate.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "hotmem/options.h"
#include "hotmem/util.h"

#include <stdarg.h>
#include <string.h>

#define GiB (1ULL << 30)
#define MiB (1ULL << 20)

typedef struct {
    MachineConfig cfg;
    PcMemoryLayout layout;
    AcpiPiix4State *pm;
    PcDimms *dimms;
    int sci;
    GString *events;
} Fixture;

static void record_sci(void *opaque, unsigned gsi, int level)
{
    ((Fixture *)opaque)->sci = level;
}

static void ev_ost(void *opaque, const char *id, unsigned slot, uint32_t event,
                   uint32_t status)
{
    Fixture *f = opaque;
    g_string_append_printf(f->events, "ost(%s,%u,0x%x,0x%x) ", id ? id : "-", slot, event,
                           status);
}

static void ev_deleted(void *opaque, const char *id, unsigned slot)
{
    Fixture *f = opaque;
    g_string_append_printf(f->events, "deleted(%s,%u) ", id, slot);
}

static void ev_refused(void *opaque, const char *id, unsigned slot)
{
    Fixture *f = opaque;
    g_string_append_printf(f->events, "refused(%s,%u) ", id ? id : "-", slot);
}

static void ev_power(void *opaque, const char *id, unsigned slot, uint32_t state)
{
    Fixture *f = opaque;
    g_string_append_printf(f->events, "power(%s,%u,%u) ", id ? id : "-", slot, state);
}

/* object-add MEM (when it does not exist yet), then device_add pc-dimm. */
static bool plug_pc_dimm(Fixture *f, const char *id, const char *mem, uint64_t size,
                         unsigned node, unsigned slot, uint64_t addr, GError **errp)
{
    if (!hostmem_find(mem)) {
        g_assert_nonnull(hostmem_add(mem, size, NULL, errp));
    }
    return pc_dimms_hotplug_pc_dimm(f->dimms, id, mem, node, slot, addr, errp);
}

/* Builds the machine part from a command line (NULL-terminated). */
static void machine_up(Fixture *f, ...)
{
    const char *argv[600] = { "hotmem" };
    int argc = 1;
    va_list ap;
    va_start(ap, f);
    for (const char *a; (a = va_arg(ap, const char *));) {
        argv[argc++] = a;
    }
    va_end(ap);
    GError *err = NULL;
    g_assert_true(machine_config_parse(&f->cfg, argc, (char **)argv, &err));
    g_assert_no_error(err);
    pc_memory_layout_init(&f->layout, f->cfg.ram_size);
    IrqLine sci = { .set_level = record_sci, .opaque = f, .gsi = HM_SCI_IRQ };
    f->pm = acpi_piix4_new(&sci, &err);
    g_assert_no_error(err);
    f->dimms = pc_dimms_new(&f->cfg, &f->layout, 40, NULL, NULL, f->pm, &err);
    g_assert_no_error(err);
    f->events = g_string_new("");
    PcDimmEvents ev = { .ost = ev_ost, .deleted = ev_deleted, .unplug_refused = ev_refused,
                        .power_state = ev_power, .opaque = f };
    pc_dimms_set_events(f->dimms, &ev);
}

static void machine_down(Fixture *f)
{
    pc_dimms_free(f->dimms);
    acpi_piix4_free(f->pm);
    machine_config_clear(&f->cfg);
    g_string_free(f->events, TRUE);
    g_assert_null(guest_mem_range(4 * GiB, 1, false));   /* every DIMM unmapped */
    ram_block_remove_all();
    io_unregister_all();
}

static uint32_t in(uint16_t off, unsigned size)
{
    uint8_t d[8] = { 0 };
    io_dispatch(IO_SPACE_PORT, HM_MEMHP_BASE + off, d, size, false);
    uint32_t v = 0;
    for (unsigned i = 0; i < size && i < 4; i++) {
        v |= (uint32_t)d[i] << (8 * i);
    }
    return v;
}

static void out(uint16_t off, uint32_t v, unsigned size)
{
    uint8_t d[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };
    io_dispatch(IO_SPACE_PORT, HM_MEMHP_BASE + off, d, size, true);
}

static uint8_t status_of(unsigned slot)
{
    out(HM_MEMHP_SELECTOR, slot, 4);
    return (uint8_t)in(HM_MEMHP_STATUS, 1);
}

static uint8_t gpe_sts(void)
{
    uint8_t d = 0;
    io_dispatch(IO_SPACE_PORT, HM_GPE0_BASE, &d, 1, false);
    return d;
}

static void gpe_write(uint16_t off, uint8_t v)
{
    io_dispatch(IO_SPACE_PORT, HM_GPE0_BASE + off, &v, 1, true);
}

/* _OST as the AML's MOST does it: event, then the triggering status */
static void ost(unsigned slot, uint32_t event, uint32_t status)
{
    out(HM_MEMHP_SELECTOR, slot, 4);
    out(HM_MEMHP_OST_EVENT, event, 4);
    out(HM_MEMHP_OST_STATUS, status, 4);
}

#define ACCEPTANCE_CMDLINE \
    "-m", "512M,slots=2,maxmem=8G", "-smp", "2", "-numa", "node,nodeid=0,cpus=0", \
    "-numa", "node,nodeid=1,cpus=1", "-dimm", "id=d0,size=1G,node=1,populated=on", \
    "-dimm", "id=d1,size=512M,node=0,populated=off"

static void test_cold_plug_and_reads(void)
{
    Fixture f = { 0 };
    machine_up(&f, ACCEPTANCE_CMDLINE, NULL);
    g_assert_cmpuint(acpi_memhp_slot_count(f.dimms->memhp), ==, 4);
    /* populated=on: enabled, no insert event, no GPE */
    g_assert_cmphex(status_of(0), ==, HM_MEMHP_STS_ENABLED);
    g_assert_cmphex(gpe_sts(), ==, 0);
    g_assert_cmphex(in(HM_MEMHP_ADDR_LO, 4), ==, 0);
    g_assert_cmphex(in(HM_MEMHP_ADDR_HI, 4), ==, 1);          /* 4 GiB */
    g_assert_cmphex(in(HM_MEMHP_SIZE_LO, 4), ==, 0x40000000);
    g_assert_cmphex(in(HM_MEMHP_SIZE_HI, 4), ==, 0);
    g_assert_cmphex(in(HM_MEMHP_NODE, 4), ==, 1);
    /* byte and word reads see the same registers; 0x15-0x17 read 0 */
    g_assert_cmphex(in(HM_MEMHP_ADDR_HI, 1), ==, 1);
    g_assert_cmphex(in(HM_MEMHP_SIZE_LO + 3, 1), ==, 0x40);
    g_assert_cmphex(in(HM_MEMHP_SIZE_LO + 2, 2), ==, 0x4000);
    g_assert_cmphex(in(HM_MEMHP_NODE + 3, 2), ==, HM_MEMHP_STS_ENABLED << 8);
    g_assert_cmphex(in(HM_MEMHP_STATUS, 4), ==, HM_MEMHP_STS_ENABLED);
    /* extensions */
    g_assert_cmphex(in(HM_MEMHP_SIGNATURE, 4), ==, HM_MEMHP_SIGNATURE_VALUE);
    g_assert_cmphex(in(HM_MEMHP_SIGNATURE, 1), ==, 'H');
    g_assert_cmpuint(in(HM_MEMHP_NEXT_PENDING, 4), ==, 4);  /* nothing pending */
    /* an empty -dimm slot and a free slot read 0 */
    for (unsigned slot = 1; slot < 4; slot++) {
        g_assert_cmphex(status_of(slot), ==, 0);
        g_assert_cmphex(in(HM_MEMHP_ADDR_LO, 4) | in(HM_MEMHP_ADDR_HI, 4) |
                        in(HM_MEMHP_SIZE_LO, 4) | in(HM_MEMHP_NODE, 4), ==, 0);
    }
    /* the cold-plugged DIMM is guest memory */
    g_assert_nonnull(guest_mem_range(4 * GiB, GiB, true));
    g_assert_null(guest_mem_range(5 * GiB, 1, false));
    /* 8-byte accesses are not part of the block */
    g_assert_cmphex(in(HM_MEMHP_SIGNATURE - 4, 8), ==, 0xffffffff);
    g_assert_cmpstr(f.events->str, ==, "");
    machine_down(&f);
}

static void test_hot_plug(void)
{
    Fixture f = { 0 };
    machine_up(&f, ACCEPTANCE_CMDLINE, NULL);
    GError *err = NULL;
    gpe_write(2, 1 << HM_GPE_MEMHP_BIT);                       /* OSPM enables GPE 3 */
    g_assert_cmpint(f.sci, ==, 0);

    g_assert_true(pc_dimms_hotplug_declared(f.dimms, "d1", &err));
    g_assert_no_error(err);
    g_assert_cmphex(gpe_sts(), ==, 1 << HM_GPE_MEMHP_BIT);
    g_assert_cmpint(f.sci, ==, 1);
    g_assert_cmpuint(in(HM_MEMHP_NEXT_PENDING, 4), ==, 1);
    g_assert_cmphex(status_of(1), ==, HM_MEMHP_STS_ENABLED | HM_MEMHP_STS_INSERT);
    g_assert_cmphex(in(HM_MEMHP_ADDR_HI, 4), ==, 1);
    g_assert_cmphex(in(HM_MEMHP_ADDR_LO, 4), ==, 0x40000000);  /* 5 GiB */
    g_assert_cmphex(in(HM_MEMHP_SIZE_LO, 4), ==, 0x20000000);
    g_assert_cmphex(in(HM_MEMHP_NODE, 4), ==, 0);
    g_assert_nonnull(guest_mem_range(5 * GiB, 512 * MiB, true));

    /* the guest's _E03: ack GPE, then Device Check and clear-insert */
    gpe_write(0, 1 << HM_GPE_MEMHP_BIT);
    g_assert_cmpint(f.sci, ==, 0);
    out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_CLEAR_INSERT, 1);
    g_assert_cmphex(status_of(1), ==, HM_MEMHP_STS_ENABLED);
    g_assert_cmpuint(in(HM_MEMHP_NEXT_PENDING, 4), ==, 4);
    ost(1, MEMHP_OST_EV_DEVICE_CHECK, MEMHP_OST_SC_SUCCESS);
    g_assert_cmpstr(f.events->str, ==, "ost(d1,1,0x1,0x0) ");
    g_assert_cmpuint(f.dimms->memhp->slots[1].ost_event, ==, 1);
    g_assert_true(f.dimms->memhp->slots[1].ost_valid);

    /* a second hot plug of the same slot fails without touching anything */
    g_assert_false(pc_dimms_hotplug_declared(f.dimms, "d1", &err));
    g_assert_nonnull(strstr(err->message, "already plugged"));
    g_clear_error(&err);
    g_assert_false(pc_dimms_hotplug_declared(f.dimms, "nope", &err));
    g_assert_nonnull(strstr(err->message, "no -dimm slot with id 'nope'"));
    g_clear_error(&err);
    g_assert_cmphex(gpe_sts(), ==, 0);

    /* a pc-dimm into a free slot: first free slot (2), first free range (6 GiB) */
    g_assert_true(plug_pc_dimm(&f, "p0", "mem0", 2 * GiB, 1, DIMM_SLOT_AUTO, DIMM_ADDR_AUTO,
                               &err));
    g_assert_no_error(err);
    g_assert_cmphex(status_of(2), ==, HM_MEMHP_STS_ENABLED | HM_MEMHP_STS_INSERT);
    g_assert_cmphex(in(HM_MEMHP_ADDR_HI, 4), ==, 1);
    g_assert_cmphex(in(HM_MEMHP_ADDR_LO, 4), ==, 0x80000000);
    g_assert_false(plug_pc_dimm(&f, "d0", "mem1", GiB, 0, DIMM_SLOT_AUTO, DIMM_ADDR_AUTO,
                                &err));
    g_assert_nonnull(strstr(err->message, "Duplicate device ID 'd0'"));
    g_clear_error(&err);
    machine_down(&f);
}

static void test_remove_and_eject(void)
{
    Fixture f = { 0 };
    machine_up(&f, ACCEPTANCE_CMDLINE, NULL);
    GError *err = NULL;
    g_assert_false(pc_dimms_unplug_request(f.dimms, "d1", &err));   /* not plugged */
    g_assert_nonnull(strstr(err->message, "'d1' is not plugged"));
    g_clear_error(&err);
    g_assert_false(pc_dimms_unplug_request(f.dimms, "zz", &err));
    g_assert_nonnull(strstr(err->message, "Device 'zz' not found"));
    g_clear_error(&err);
    g_assert_cmphex(gpe_sts(), ==, 0);

    g_assert_true(pc_dimms_unplug_request(f.dimms, "d0", &err));
    g_assert_cmphex(gpe_sts(), ==, 1 << HM_GPE_MEMHP_BIT);
    g_assert_cmpuint(in(HM_MEMHP_NEXT_PENDING, 4), ==, 0);
    g_assert_cmphex(status_of(0), ==, HM_MEMHP_STS_ENABLED | HM_MEMHP_STS_REMOVE);
    /* Eject Request sent: ack, _OST(3, 0x84) in progress */
    out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_CLEAR_REMOVE, 1);
    g_assert_cmphex(status_of(0), ==, HM_MEMHP_STS_ENABLED);
    ost(0, MEMHP_OST_EV_EJECT_REQUEST, MEMHP_OST_SC_EJECT_IN_PROGRESS);
    g_assert_nonnull(guest_mem_range(4 * GiB, GiB, true));     /* still mapped */
    /* _PS3 then _EJ0 */
    out(HM_MEMHP_POWER_STATE, 3, 4);
    g_assert_cmpuint(f.dimms->memhp->slots[0].power_state, ==, 3);
    g_assert_nonnull(guest_mem_range(4 * GiB, GiB, true));     /* _PS3 never unmaps */
    out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_EJECT, 1);
    g_assert_null(guest_mem_range(4 * GiB, 1, false));
    g_assert_null(f.dimms->bus->slots[0]->backend->host);
    g_assert_false(f.dimms->bus->slots[0]->enabled);
    g_assert_cmphex(status_of(0), ==, 0);
    g_assert_cmphex(in(HM_MEMHP_SIZE_LO, 4), ==, 0);
    ost(0, MEMHP_OST_EV_EJECT_REQUEST, MEMHP_OST_SC_SUCCESS);    /* on the now empty slot */
    g_assert_cmpstr(f.events->str, ==,
                    "ost(d0,0,0x3,0x84) power(d0,0,3) deleted(d0,0) ost(d0,0,0x3,0x0) ");

    /* the declared slot can be plugged again and comes back enabled in D0 */
    g_assert_true(pc_dimms_hotplug_declared(f.dimms, "d0", &err));
    g_assert_cmphex(status_of(0), ==, HM_MEMHP_STS_ENABLED | HM_MEMHP_STS_INSERT);
    g_assert_cmpuint(f.dimms->memhp->slots[0].power_state, ==, 0);

    /* control bits are independent: one write acks and ejects */
    g_assert_true(pc_dimms_unplug_request(f.dimms, "d0", &err));
    out(HM_MEMHP_SELECTOR, 0, 4);
    out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_CLEAR_INSERT | HM_MEMHP_CTL_CLEAR_REMOVE |
        HM_MEMHP_CTL_EJECT, 1);
    g_assert_cmphex(status_of(0), ==, 0);
    g_assert_cmpuint(in(HM_MEMHP_NEXT_PENDING, 4), ==, 4);
    g_assert_null(guest_mem_range(4 * GiB, 1, false));

    /* a pc-dimm ejected by the guest is gone and its slot free */
    g_assert_true(plug_pc_dimm(&f, "p0", "m", GiB, 0, 3, DIMM_ADDR_AUTO, &err));
    out(HM_MEMHP_SELECTOR, 3, 4);
    out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_EJECT, 1);             /* OSPM-initiated eject */
    g_assert_null(f.dimms->bus->slots[3]);
    g_assert_nonnull(strstr(f.events->str, "deleted(p0,3)"));
    machine_down(&f);
}

static void test_refused_removal_and_reset(void)
{
    Fixture f = { 0 };
    machine_up(&f, ACCEPTANCE_CMDLINE, "-dimm", "id=d2,size=128M,populated=on", NULL);
    GError *err = NULL;
    /* refused: _OST(3, 0x82 busy) -> stays, reported, reset keeps it */
    g_assert_true(pc_dimms_unplug_request(f.dimms, "d0", &err));
    g_assert_true(f.dimms->bus->slots[0]->unplug_requested);
    ost(0, MEMHP_OST_EV_EJECT_REQUEST, 0x82);
    g_assert_cmpstr(f.events->str, ==, "ost(d0,0,0x3,0x82) refused(d0,0) ");
    g_assert_false(f.dimms->bus->slots[0]->unplug_requested);
    g_assert_cmphex(status_of(0), ==, HM_MEMHP_STS_ENABLED);   /* remove event dropped */

    /* never answered: a reset completes the removal (d2), pending events clear */
    g_string_truncate(f.events, 0);
    g_assert_true(pc_dimms_unplug_request(f.dimms, "d2", &err));
    g_assert_true(pc_dimms_hotplug_declared(f.dimms, "d1", &err));
    out(HM_MEMHP_SELECTOR, 1, 4);
    out(HM_MEMHP_POWER_STATE, 3, 4);
    pc_dimms_reset(f.dimms);
    g_assert_cmpstr(f.events->str, ==, "power(d1,1,3) deleted(d2,2) ");
    g_assert_cmphex(status_of(2), ==, 0);
    g_assert_null(f.dimms->bus->slots[2]->backend->host);
    g_assert_cmphex(status_of(0), ==, HM_MEMHP_STS_ENABLED);   /* refused one stays */
    g_assert_cmphex(status_of(1), ==, HM_MEMHP_STS_ENABLED);   /* plugged stays, no event */
    g_assert_cmpuint(f.dimms->memhp->slots[1].power_state, ==, 0);
    g_assert_cmpuint(in(HM_MEMHP_NEXT_PENDING, 4), ==, 5);
    g_assert_cmpuint(f.dimms->memhp->selector, ==, 1);          /* status_of() moved it */
    pc_dimms_reset(f.dimms);
    g_assert_cmpuint(f.dimms->memhp->selector, ==, 0);
    /* _OST history survives a reset */
    g_assert_cmpuint(f.dimms->memhp->slots[0].ost_status, ==, 0x82);
    machine_down(&f);
}

/* One removal request at a time: a second device_del before the guest has
 * answered fails and changes nothing; an eject, a refusal or a reset ends
 * the request and the next one is accepted. A guest that acknowledges the
 * remove event (as _E03 does before Notify) does not end it. */
static void test_repeated_unplug_request(void)
{
    Fixture f = { 0 };
    machine_up(&f, ACCEPTANCE_CMDLINE, NULL);
    GError *err = NULL;
    g_assert_true(pc_dimms_unplug_request(f.dimms, "d0", &err));
    g_assert_cmphex(status_of(0), ==, HM_MEMHP_STS_ENABLED | HM_MEMHP_STS_REMOVE);
    out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_CLEAR_REMOVE, 1);
    gpe_write(0, 0xff);                                   /* the OSPM clears GPE status */
    /* pending: succeeds as in QEMU 7.2, and the guest is not told twice */
    g_assert_true(pc_dimms_unplug_request(f.dimms, "d0", &err));
    g_assert_no_error(err);
    g_assert_cmphex(status_of(0), ==, HM_MEMHP_STS_ENABLED);   /* no new event */
    g_assert_cmphex(gpe_sts() & (1u << HM_GPE_MEMHP_BIT), ==, 0);
    /* refused: the next request is a new one */
    ost(0, MEMHP_OST_EV_EJECT_REQUEST, MEMHP_OST_SC_FAILURE);
    g_assert_true(pc_dimms_unplug_request(f.dimms, "d0", &err));
    g_assert_cmphex(status_of(0), ==, HM_MEMHP_STS_ENABLED | HM_MEMHP_STS_REMOVE);
    out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_CLEAR_REMOVE, 1);
    gpe_write(0, 0xff);
    /* a progress report (0x84) does not end the request */
    ost(0, MEMHP_OST_EV_EJECT_REQUEST, MEMHP_OST_SC_EJECT_IN_PROGRESS);
    g_assert_true(pc_dimms_unplug_request(f.dimms, "d0", &err));
    g_assert_no_error(err);
    g_assert_cmphex(status_of(0), ==, HM_MEMHP_STS_ENABLED);   /* still pending */
    /* reset completes it; the slot is then simply not plugged */
    pc_dimms_reset(f.dimms);
    g_assert_false(pc_dimms_unplug_request(f.dimms, "d0", &err));
    g_assert_cmpstr(err->message, ==, "DIMM 'd0' is not plugged");
    g_clear_error(&err);
    /* plugged again: a new request is accepted, the eject ends it */
    g_assert_true(pc_dimms_hotplug_declared(f.dimms, "d0", &err));
    g_assert_true(pc_dimms_unplug_request(f.dimms, "d0", &err));
    out(HM_MEMHP_SELECTOR, 0, 4);
    out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_EJECT, 1);
    g_assert_null(guest_mem_range(4 * GiB, 1, false));
    g_assert_true(pc_dimms_hotplug_declared(f.dimms, "d0", &err));
    g_assert_true(pc_dimms_unplug_request(f.dimms, "d0", &err));
    g_assert_no_error(err);
    machine_down(&f);
}

/* Events come out lowest slot first, one ack at a time. */
static void test_next_pending_order(void)
{
    Fixture f = { 0 };
    machine_up(&f, "-m", "512M", "-dimm", "id=a,populated=on", "-dimm", "id=b",
               "-dimm", "id=c", "-dimm", "id=d", NULL);
    GError *err = NULL;
    g_assert_true(pc_dimms_hotplug_declared(f.dimms, "d", &err));
    g_assert_true(pc_dimms_hotplug_declared(f.dimms, "b", &err));
    g_assert_true(pc_dimms_hotplug_declared(f.dimms, "c", &err));
    g_assert_true(pc_dimms_unplug_request(f.dimms, "a", &err));
    static const unsigned expect[] = { 0, 1, 2, 3 };
    static const uint8_t kind[] = { HM_MEMHP_STS_REMOVE, HM_MEMHP_STS_INSERT,
                                    HM_MEMHP_STS_INSERT, HM_MEMHP_STS_INSERT };
    for (unsigned i = 0; i < G_N_ELEMENTS(expect); i++) {
        unsigned next = in(HM_MEMHP_NEXT_PENDING, 4);
        g_assert_cmpuint(next, ==, expect[i]);
        uint8_t sts = status_of(next);
        g_assert_cmphex(sts & (HM_MEMHP_STS_INSERT | HM_MEMHP_STS_REMOVE), ==, kind[i]);
        out(HM_MEMHP_CONTROL, sts & HM_MEMHP_STS_INSERT ? HM_MEMHP_CTL_CLEAR_INSERT :
            HM_MEMHP_CTL_CLEAR_REMOVE, 1);
    }
    g_assert_cmpuint(in(HM_MEMHP_NEXT_PENDING, 4), ==, 4);
    /* an event raised mid-scan on a lower slot is next */
    g_assert_true(pc_dimms_unplug_request(f.dimms, "c", &err));
    g_assert_true(pc_dimms_unplug_request(f.dimms, "b", &err));
    g_assert_cmpuint(in(HM_MEMHP_NEXT_PENDING, 4), ==, 1);
    machine_down(&f);
}

/* Nothing a guest writes outside the spec changes state; each is counted. */
static void test_hostile(void)
{
    Fixture f = { 0 };
    machine_up(&f, ACCEPTANCE_CMDLINE, NULL);
    AcpiMemhpState *s = f.dimms->memhp;
    GError *err = NULL;
    g_assert_true(pc_dimms_hotplug_declared(f.dimms, "d1", &err));
    AcpiMemhpState before = *s;
    uint64_t errs = hm_guest_error_count();
#define EXPECT_IGNORED(n) do { \
        g_assert_cmpuint(hm_guest_error_count(), ==, errs + (n)); \
        errs = hm_guest_error_count(); \
        g_assert_true(memcmp(before.slots, s->slots, sizeof(s->slots)) == 0); \
        g_assert_cmpstr(f.events->str, ==, ""); \
        g_assert_nonnull(guest_mem_range(4 * GiB, GiB, true)); \
        g_assert_nonnull(guest_mem_range(5 * GiB, 512 * MiB, true)); \
    } while (0)

    /* eject of an empty slot (an empty -dimm slot and a free slot) */
    out(HM_MEMHP_SELECTOR, 2, 4);
    out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_EJECT, 1);
    out(HM_MEMHP_SELECTOR, 3, 4);
    out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_EJECT, 1);
    EXPECT_IGNORED(2);
    /* selector out of range: stored (reads 0), writes ignored */
    out(HM_MEMHP_SELECTOR, 4, 4);
    EXPECT_IGNORED(1);
    g_assert_cmphex(in(HM_MEMHP_STATUS, 1) | in(HM_MEMHP_ADDR_HI, 4) | in(HM_MEMHP_SIZE_LO, 4),
                    ==, 0);
    g_assert_cmphex(in(HM_MEMHP_SIGNATURE, 4), ==, HM_MEMHP_SIGNATURE_VALUE);
    g_assert_cmpuint(in(HM_MEMHP_NEXT_PENDING, 4), ==, 1);
    out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_EJECT | HM_MEMHP_CTL_CLEAR_INSERT, 1);
    out(HM_MEMHP_OST_EVENT, 3, 4);
    out(HM_MEMHP_OST_STATUS, 0x82, 4);
    out(HM_MEMHP_POWER_STATE, 3, 4);
    EXPECT_IGNORED(4);
    out(HM_MEMHP_SELECTOR, 0xffffffff, 4);
    out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_EJECT, 4);
    EXPECT_IGNORED(2);
    /* garbage _OST codes on a real slot */
    ost(1, 0x12345678, 0);
    ost(1, 1, 0xdeadbeef);
    ost(1, 0x101, 0);
    ost(1, 3, 0x7f);
    EXPECT_IGNORED(4);
    /* reserved control bits alone (bit 0, bits 4-7, bytes 0x15-0x17) */
    out(HM_MEMHP_SELECTOR, 1, 4);
    out(HM_MEMHP_CONTROL, 0x01, 1);
    out(HM_MEMHP_CONTROL, 0xf0, 1);
    out(HM_MEMHP_CONTROL, 0x0100, 2);
    out(HM_MEMHP_CONTROL, 0, 1);
    EXPECT_IGNORED(4);
    /* read-only and reserved offsets, unaligned writes, bad power states */
    out(HM_MEMHP_SIZE_HI, 1, 4);
    out(HM_MEMHP_NODE, 1, 4);
    out(0x15, 0xff, 1);
    out(HM_MEMHP_SIGNATURE, 0, 4);
    out(HM_MEMHP_SELECTOR + 1, 0, 1);
    out(HM_MEMHP_CONTROL - 1, 0x0e00, 2);
    out(HM_MEMHP_POWER_STATE, 2, 4);
    out(HM_MEMHP_POWER_STATE, 0x103, 4);
    EXPECT_IGNORED(8);
    g_assert_cmpuint(s->selector, ==, 1);
    /* a reserved bit next to a defined one: the defined one still acts */
    out(HM_MEMHP_CONTROL, 0x01 | HM_MEMHP_CTL_CLEAR_INSERT, 1);
    g_assert_cmpuint(hm_guest_error_count(), ==, errs + 1);
    g_assert_cmphex(status_of(1), ==, HM_MEMHP_STS_ENABLED);
#undef EXPECT_IGNORED
    machine_down(&f);
}

static void test_256_slots(void)
{
    Fixture f = { 0 };
    machine_up(&f, "-m", "512M,slots=255,maxmem=300G", "-dimm", "id=first,populated=on",
               NULL);
    GError *err = NULL;
    g_assert_cmpuint(acpi_memhp_slot_count(f.dimms->memhp), ==, 256);
    g_assert_true(plug_pc_dimm(&f, "last", "m", GiB, 0, 255, DIMM_ADDR_AUTO, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(in(HM_MEMHP_NEXT_PENDING, 4), ==, 255);
    g_assert_cmphex(status_of(255), ==, HM_MEMHP_STS_ENABLED | HM_MEMHP_STS_INSERT);
    g_assert_cmphex(in(HM_MEMHP_ADDR_HI, 4), ==, 1);
    g_assert_cmphex(in(HM_MEMHP_ADDR_LO, 4), ==, 0x40000000);   /* first fit: 5 GiB */
    out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_CLEAR_INSERT, 1);
    g_assert_cmpuint(in(HM_MEMHP_NEXT_PENDING, 4), ==, 256);
    g_assert_cmphex(status_of(256), ==, 0);
    machine_down(&f);
}

/* The block's field table carries every slot's protocol state: loaded into
 * a machine with the same DIMMs plugged, the guest reads the same registers. */
static void test_migration_state(void)
{
    Fixture f = { 0 };
    machine_up(&f, ACCEPTANCE_CMDLINE, NULL);
    GError *err = NULL;
    g_assert_true(pc_dimms_hotplug_declared(f.dimms, "d1", &err));    /* insert pending */
    ost(0, MEMHP_OST_EV_DEVICE_CHECK, MEMHP_OST_SC_SUCCESS);
    g_assert_true(pc_dimms_unplug_request(f.dimms, "d0", &err));      /* remove pending */
    out(HM_MEMHP_SELECTOR, 0, 4);
    out(HM_MEMHP_POWER_STATE, 3, 4);
    out(HM_MEMHP_SELECTOR, 1, 4);
    out(HM_MEMHP_OST_EVENT, 0x103, 4);                                 /* latched only */
    g_autoptr(GByteArray) saved = g_byte_array_new();
    g_assert_true(vmstate_save(&acpi_memhp_vmstate, f.dimms->memhp, saved, &err));
    uint32_t regs[4][3];
    for (unsigned i = 0; i < 4; i++) {
        regs[i][0] = status_of(i);
        regs[i][1] = f.dimms->memhp->slots[i].ost_event;
        regs[i][2] = f.dimms->memhp->slots[i].power_state;
    }
    machine_down(&f);

    Fixture g = { 0 };
    machine_up(&g, ACCEPTANCE_CMDLINE, NULL);
    g_assert_true(pc_dimms_hotplug_declared(g.dimms, "d1", &err));
    out(HM_MEMHP_SELECTOR, 1, 4);
    out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_CLEAR_INSERT, 1);               /* differs now */
    AcpiMemhpState *m = g.dimms->memhp;
    /* a damaged payload changes nothing */
    g_autoptr(GByteArray) before = g_byte_array_new();
    g_assert_true(vmstate_save(&acpi_memhp_vmstate, m, before, &err));
    g_assert_false(vmstate_load_into(&acpi_memhp_vmstate, m, sizeof(*m), saved->data,
                                     saved->len - 1, 1, &err));
    g_clear_error(&err);
    g_autoptr(GByteArray) after_bad = g_byte_array_new();
    g_assert_true(vmstate_save(&acpi_memhp_vmstate, m, after_bad, &err));
    g_assert_cmpmem(before->data, before->len, after_bad->data, after_bad->len);

    g_assert_true(vmstate_load_into(&acpi_memhp_vmstate, m, sizeof(*m), saved->data,
                                    saved->len, 1, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(m->selector, ==, 1);
    g_assert_cmpuint(m->ost_event_latch, ==, 0x103);
    for (unsigned i = 0; i < 4; i++) {
        g_assert_cmphex(status_of(i), ==, regs[i][0]);
        g_assert_cmphex(m->slots[i].ost_event, ==, regs[i][1]);
        g_assert_cmphex(m->slots[i].power_state, ==, regs[i][2]);
    }
    g_assert_cmphex(regs[0][0], ==, HM_MEMHP_STS_ENABLED | HM_MEMHP_STS_REMOVE);
    g_assert_cmphex(regs[1][0], ==, HM_MEMHP_STS_ENABLED | HM_MEMHP_STS_INSERT);
    machine_down(&g);
}

/* No slots: no block at 0x0a00 (reads all-ones), like QEMU without slots. */
static void test_no_slots(void)
{
    Fixture f = { 0 };
    machine_up(&f, "-m", "512M", NULL);
    g_assert_null(f.dimms->memhp);
    g_assert_cmphex(in(HM_MEMHP_SIGNATURE, 4), ==, 0xffffffff);
    g_assert_cmphex(in(HM_MEMHP_STATUS, 1), ==, 0xff);
    pc_dimms_reset(f.dimms);
    machine_down(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    /* the machine's memory code expects the device lock (docs/devel/memory.md);
     * nothing else takes it here */
    device_lock();
    g_test_add_func("/memhp/cold-plug-and-reads", test_cold_plug_and_reads);
    g_test_add_func("/memhp/hot-plug", test_hot_plug);
    g_test_add_func("/memhp/remove-and-eject", test_remove_and_eject);
    g_test_add_func("/memhp/refused-removal-and-reset", test_refused_removal_and_reset);
    g_test_add_func("/memhp/repeated-unplug-request", test_repeated_unplug_request);
    g_test_add_func("/memhp/next-pending-order", test_next_pending_order);
    g_test_add_func("/memhp/hostile", test_hostile);
    g_test_add_func("/memhp/256-slots", test_256_slots);
    g_test_add_func("/memhp/no-slots", test_no_slots);
    g_test_add_func("/memhp/migration-state", test_migration_state);
    return g_test_run();
}
