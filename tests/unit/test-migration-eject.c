/*
 * test-migration-eject.c - a guest _EJ0 that arrives while a migration
 * runs is deferred: the DIMM stays mapped and listed, no DEVICE_DELETED,
 * while the guest already reads the slot empty;
 * when the migration ends the deferred eject is carried out (the DIMM
 * goes, the slot reads empty, DEVICE_DELETED follows). Without deferral
 * the same eject removes the DIMM at once. A reset meanwhile defers a
 * pending removal the same way.
 */
#include "hw/acpi_piix4.h"
#include "hw/hostmem.h"
#include "hw/hotmem-pc.h"
#include "hw/pc_dimm.h"
#include "hw/pc_memmap.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "hotmem/options.h"

#include <string.h>

#define GiB (1ULL << 30)

typedef struct {
    MachineConfig cfg;
    PcMemoryLayout layout;
    AcpiPiix4State *pm;
    PcDimms *dimms;
    unsigned deleted;
} Machine;

static void no_sci(void *opaque, unsigned gsi, int level)
{
}

static void ev_deleted(void *opaque, const char *id, unsigned slot)
{
    Machine *m = opaque;
    m->deleted++;
}

static void machine_up(Machine *m)
{
    const char *argv[] = { "hotmem", "-m", "512M,slots=4,maxmem=8G" };
    GError *err = NULL;
    memset(m, 0, sizeof(*m));
    g_assert_true(machine_config_parse(&m->cfg, G_N_ELEMENTS(argv), (char **)argv, &err));
    pc_memory_layout_init(&m->layout, m->cfg.ram_size);
    IrqLine sci = { .set_level = no_sci, .opaque = m, .gsi = HM_SCI_IRQ };
    m->pm = acpi_piix4_new(&sci, &err);
    m->dimms = pc_dimms_new(&m->cfg, &m->layout, 40, NULL, NULL, m->pm, &err);
    g_assert_no_error(err);
    PcDimmEvents ev = { .deleted = ev_deleted, .opaque = m };
    pc_dimms_set_events(m->dimms, &ev);
    g_assert_nonnull(hostmem_add("m1", GiB, NULL, &err));
    g_assert_true(pc_dimms_hotplug_pc_dimm(m->dimms, "p1", "m1", 0, 0, DIMM_ADDR_AUTO, &err));
    g_assert_no_error(err);
    g_assert_true(pc_dimms_unplug_request(m->dimms, "p1", &err));
}

static void machine_down(Machine *m)
{
    pc_dimms_free(m->dimms);
    acpi_piix4_free(m->pm);
    machine_config_clear(&m->cfg);
    ram_block_remove_all();
    io_unregister_all();
}

static void out(uint16_t off, uint32_t v)
{
    uint8_t d[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };
    io_dispatch(IO_SPACE_PORT, HM_MEMHP_BASE + off, d, 4, true);
}

static uint8_t status(void)
{
    uint8_t d[4] = { 0 };
    io_dispatch(IO_SPACE_PORT, HM_MEMHP_BASE + HM_MEMHP_STATUS, d, 1, false);
    return d[0];
}

/* what the guest's _EJ0 does for slot 0 */
static void guest_eject(void)
{
    out(HM_MEMHP_SELECTOR, 0);
    out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_EJECT);
}

static void test_deferred(void)
{
    Machine m;
    machine_up(&m);
    pc_dimms_defer_ejects(m.dimms, true);             /* a migration starts */
    guest_eject();
    g_assert_cmpuint(m.deleted, ==, 0);
    g_assert_nonnull(guest_mem_range(4 * GiB, 1, false));   /* still mapped */
    /* the guest sees its eject done (Linux checks _STA right after _EJ0) */
    g_assert_cmpuint(status() & HM_MEMHP_STS_ENABLED, ==, 0);
    g_assert_cmphex(m.dimms->deferred_ejects[0], ==, 1);
    pc_dimms_defer_ejects(m.dimms, false);            /* it ends */
    pc_dimms_run_deferred_ejects(m.dimms);
    g_assert_cmpuint(m.deleted, ==, 1);
    g_assert_null(guest_mem_range(4 * GiB, 1, false));
    g_assert_cmpuint(status() & HM_MEMHP_STS_ENABLED, ==, 0);
    g_assert_cmphex(m.dimms->deferred_ejects[0], ==, 0);
    pc_dimms_run_deferred_ejects(m.dimms);            /* nothing twice */
    g_assert_cmpuint(m.deleted, ==, 1);
    machine_down(&m);
}

static void test_not_deferred(void)
{
    Machine m;
    machine_up(&m);
    guest_eject();
    g_assert_cmpuint(m.deleted, ==, 1);
    g_assert_null(guest_mem_range(4 * GiB, 1, false));
    machine_down(&m);
}

/* A reset while a migration runs must not unmap a DIMM whose removal is
 * pending: the guest starting over sees the slot empty, the DIMM goes when
 * the migration ends. */
static void test_reset_deferred(void)
{
    Machine m;
    machine_up(&m);
    pc_dimms_defer_ejects(m.dimms, true);
    pc_dimms_reset(m.dimms);
    g_assert_cmpuint(m.deleted, ==, 0);
    g_assert_nonnull(guest_mem_range(4 * GiB, 1, false));   /* still mapped */
    out(HM_MEMHP_SELECTOR, 0);
    g_assert_cmpuint(status() & HM_MEMHP_STS_ENABLED, ==, 0);
    g_assert_cmphex(m.dimms->deferred_ejects[0], ==, 1);
    pc_dimms_defer_ejects(m.dimms, false);
    pc_dimms_run_deferred_ejects(m.dimms);
    g_assert_cmpuint(m.deleted, ==, 1);
    g_assert_null(guest_mem_range(4 * GiB, 1, false));
    machine_down(&m);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    device_lock();                /* the machine's memory code expects it */
    g_test_add_func("/migration/eject/deferred", test_deferred);
    g_test_add_func("/migration/eject/not-deferred", test_not_deferred);
    g_test_add_func("/migration/eject/reset-deferred", test_reset_deferred);
    return g_test_run();
}
