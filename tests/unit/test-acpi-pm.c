/*
 * test-acpi-pm.c - PIIX4 PM function: PCI config, PM1, PM timer, GPE0, SCI.
 */
#include "hw/acpi_piix4.h"
#include "hw/hotmem-pc.h"
#include "hotmem/io.h"
#include "hotmem/pci.h"
#include "hotmem/runstate.h"
#include "hotmem/util.h"

typedef struct {
    AcpiPiix4State *pm;
    int level;          /* last SCI level, -1 before any */
    unsigned changes;
    unsigned gsi;
} Fixture;

static void record_level(void *opaque, unsigned gsi, int level)
{
    Fixture *f = opaque;
    f->level = level;
    f->gsi = gsi;
    f->changes++;
}

static void fixture_setup(Fixture *f, gconstpointer data)
{
    GError *err = NULL;
    f->level = -1;
    hm_clock_set_fake(true, 1000000000LL);
    vm_request_take(NULL);
    IrqLine sci = { .set_level = record_level, .opaque = f, .gsi = HM_SCI_IRQ };
    f->pm = acpi_piix4_new(&sci, &err);
    g_assert_no_error(err);
}

static void fixture_teardown(Fixture *f, gconstpointer data)
{
    acpi_piix4_free(f->pm);
    io_unregister_all();
    vm_request_take(NULL);
    hm_clock_set_fake(false, 0);
}

static uint32_t in(uint16_t port, unsigned size)
{
    uint8_t d[4] = { 0 };
    io_dispatch(IO_SPACE_PORT, port, d, size, false);
    return d[0] | d[1] << 8 | d[2] << 16 | (uint32_t)d[3] << 24;
}

static void out(uint16_t port, uint32_t v, unsigned size)
{
    uint8_t d[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };
    io_dispatch(IO_SPACE_PORT, port, d, size, true);
}

static void enable_pm_io(uint16_t base)
{
    pci_config_write(HM_PIIX4_PM_DEVFN, HM_PIIX4_PMBA, base, 4);
    pci_config_write(HM_PIIX4_PM_DEVFN, HM_PIIX4_PMREGMISC, 1, 1);
}

static void test_pci_config(Fixture *f, gconstpointer data)
{
    unsigned fn = HM_PIIX4_PM_DEVFN;
    g_assert_cmphex(pci_config_read(fn, 0, 2), ==, HM_PCI_VENDOR_INTEL);
    g_assert_cmphex(pci_config_read(fn, 2, 2), ==, HM_PIIX4_PM_DEVICE_ID);
    g_assert_cmphex(pci_config_read(fn, 0x08, 1), ==, 0x03);
    g_assert_cmphex(pci_config_read(fn, 0x0a, 2), ==, 0x0680);
    g_assert_cmphex(pci_config_read(fn, 0x3c, 1), ==, HM_SCI_IRQ);
    g_assert_cmphex(pci_config_read(fn, 0x3d, 1), ==, 1);
    g_assert_cmphex(pci_config_read(fn, HM_PIIX4_PMBA, 4), ==, 1);

    /* only bits 15:6 of PMBA stick, bit 0 stays 1 */
    pci_config_write(fn, HM_PIIX4_PMBA, 0xffffffff, 4);
    g_assert_cmphex(pci_config_read(fn, HM_PIIX4_PMBA, 4), ==, 0xffc1);
    pci_config_write(fn, HM_PIIX4_PMREGMISC, 0xff, 1);
    g_assert_cmphex(pci_config_read(fn, HM_PIIX4_PMREGMISC, 1), ==, 1);
}

static void test_pm_relocation(Fixture *f, gconstpointer data)
{
    /* not mapped until PMREGMISC enables it */
    pci_config_write(HM_PIIX4_PM_DEVFN, HM_PIIX4_PMBA, HM_PM_BASE | 1, 4);
    g_assert_cmphex(in(HM_PM_BASE + HM_PM1A_EVT_OFF + 2, 2), ==, 0xffff);
    pci_config_write(HM_PIIX4_PM_DEVFN, HM_PIIX4_PMREGMISC, 1, 1);
    g_assert_cmphex(in(HM_PM_BASE + HM_PM1A_EVT_OFF + 2, 2), ==, 0);
    out(HM_PM_BASE + HM_PM1A_EVT_OFF + 2, HM_PM1_EVT_PWRBTN_STS, 2);

    /* moving PMBA moves the block; state comes along */
    pci_config_write(HM_PIIX4_PM_DEVFN, HM_PIIX4_PMBA, 0x6000, 2);
    g_assert_cmphex(in(HM_PM_BASE + 2, 2), ==, 0xffff);
    g_assert_cmphex(in(0x6000 + 2, 2), ==, HM_PM1_EVT_PWRBTN_STS);
    g_assert_true(f->pm->pm_io_mapped);

    /* the hook alone works too, after editing the image directly */
    pci_set_word(f->pm->pci.config + HM_PIIX4_PMBA, 0x7001);
    f->pm->pci.config_written(&f->pm->pci, HM_PIIX4_PMBA, 2);
    g_assert_cmphex(in(0x6000 + 2, 2), ==, 0xffff);
    g_assert_cmphex(in(0x7000 + 2, 2), ==, HM_PM1_EVT_PWRBTN_STS);

    /* disabling unregisters */
    pci_config_write(HM_PIIX4_PM_DEVFN, HM_PIIX4_PMREGMISC, 0, 1);
    g_assert_cmphex(in(0x7000 + 2, 2), ==, 0xffff);
    g_assert_false(f->pm->pm_io_mapped);

    /* a base overlapping another device is refused but not fatal */
    GError *err = NULL;
    static const IoOps dummy_ops = { .min_size = 1, .max_size = 4 };
    g_assert_true(io_register(IO_SPACE_PORT, 0x8000, 4, &dummy_ops, NULL, "dummy", &err));
    uint64_t errs = hm_guest_error_count();
    enable_pm_io(0x8000);
    g_assert_false(f->pm->pm_io_mapped);
    g_assert_cmpuint(hm_guest_error_count(), >, errs);
    pci_config_write(HM_PIIX4_PM_DEVFN, HM_PIIX4_PMBA, HM_PM_BASE, 4);
    g_assert_true(f->pm->pm_io_mapped);

    /* reset: back to PMBA=1, PMREGMISC=0, unmapped, enables cleared */
    acpi_piix4_reset(f->pm);
    g_assert_false(f->pm->pm_io_mapped);
    g_assert_cmphex(pci_config_read(HM_PIIX4_PM_DEVFN, HM_PIIX4_PMBA, 4), ==, 1);
    g_assert_cmphex(pci_config_read(HM_PIIX4_PM_DEVFN, HM_PIIX4_PMREGMISC, 1), ==, 0);
    g_assert_cmphex(in(HM_PM_BASE, 2), ==, 0xffff);
    enable_pm_io(HM_PM_BASE);
    g_assert_cmphex(in(HM_PM_BASE + 2, 2), ==, 0);
}

static uint32_t read_tmr(void)
{
    return in(HM_PM_BASE + HM_PM_TMR_OFF, 4);
}

static void test_pm_timer(Fixture *f, gconstpointer data)
{
    enable_pm_io(HM_PM_BASE);
    hm_clock_set_fake(true, 0);
    g_assert_cmpuint(read_tmr(), ==, 0);
    /* one second is HM_PM_TMR_HZ ticks */
    hm_clock_set_fake(true, 1000000000LL);
    g_assert_cmpuint(read_tmr(), ==, HM_PM_TMR_HZ);
    hm_clock_set_fake(true, 1000);              /* 1 us = 3.58 ticks */
    g_assert_cmpuint(read_tmr(), ==, 3);
    /* 2^24 ticks = 4.686977 s: the counter wraps at 24 bits */
    int64_t wrap_ns = (int64_t)((1ULL << 24) * 1000000000ULL / HM_PM_TMR_HZ) + 1;
    hm_clock_set_fake(true, wrap_ns);
    g_assert_cmpuint(read_tmr(), <, 4);
    hm_clock_set_fake(true, wrap_ns - 2);
    g_assert_cmpuint(read_tmr(), ==, 0xffffff);
    hm_clock_set_fake(true, 10 * 1000000000LL);
    g_assert_cmpuint(read_tmr(), ==, (10ULL * HM_PM_TMR_HZ) & 0xffffff);
    /* byte reads see the same counter, the top byte is 0 */
    g_assert_cmpuint(in(HM_PM_BASE + HM_PM_TMR_OFF + 3, 1), ==, 0);
    g_assert_cmpuint(in(HM_PM_BASE + HM_PM_TMR_OFF, 1), ==, ((10ULL * HM_PM_TMR_HZ) & 0xff));

    /* TMR_STS: set once bit 23 has changed (every 2^23 ticks = 2.34 s) */
    out(HM_PM_BASE, 0xffff, 2);
    g_assert_cmphex(in(HM_PM_BASE, 2) & HM_PM1_EVT_TMR_STS, ==, 0);
    hm_clock_set_fake(true, 10 * 1000000000LL + 2400000000LL);
    g_assert_cmphex(in(HM_PM_BASE, 2) & HM_PM1_EVT_TMR_STS, ==, HM_PM1_EVT_TMR_STS);
    out(HM_PM_BASE, HM_PM1_EVT_TMR_STS, 2);
    g_assert_cmphex(in(HM_PM_BASE, 2) & HM_PM1_EVT_TMR_STS, ==, 0);
    /* timer overflow never raises the SCI (documented) */
    out(HM_PM_BASE + 2, 1, 2);
    hm_clock_set_fake(true, 20 * 1000000000LL);
    g_assert_cmphex(in(HM_PM_BASE, 2) & HM_PM1_EVT_TMR_STS, ==, HM_PM1_EVT_TMR_STS);
    g_assert_cmpint(f->level, ==, 0);
}

static void test_pm1_status(Fixture *f, gconstpointer data)
{
    enable_pm_io(HM_PM_BASE);
    acpi_piix4_power_button(f->pm);
    g_assert_cmphex(in(HM_PM_BASE, 2), ==, HM_PM1_EVT_PWRBTN_STS);
    g_assert_cmpint(f->level, ==, 0);           /* not enabled yet */
    out(HM_PM_BASE + 2, HM_PM1_EVT_PWRBTN_STS, 2);
    g_assert_cmphex(in(HM_PM_BASE + 2, 2), ==, HM_PM1_EVT_PWRBTN_STS);
    g_assert_cmpint(f->level, ==, 1);
    g_assert_cmpuint(f->gsi, ==, HM_SCI_IRQ);
    /* writing 0s clears nothing, writing 1 to another bit clears nothing */
    out(HM_PM_BASE, 0x0001, 2);
    g_assert_cmphex(in(HM_PM_BASE, 2), ==, HM_PM1_EVT_PWRBTN_STS);
    g_assert_cmpint(f->level, ==, 1);
    /* write-1-to-clear with a byte access to the high byte */
    out(HM_PM_BASE + 1, HM_PM1_EVT_PWRBTN_STS >> 8, 1);
    g_assert_cmphex(in(HM_PM_BASE, 2), ==, 0);
    g_assert_cmpint(f->level, ==, 0);
    /* a 4-byte write covers status and enable at once */
    acpi_piix4_power_button(f->pm);
    g_assert_cmpint(f->level, ==, 1);
    out(HM_PM_BASE, HM_PM1_EVT_PWRBTN_STS, 4);   /* clears status, enable := 0 */
    g_assert_cmphex(in(HM_PM_BASE, 4), ==, 0);
    g_assert_cmpint(f->level, ==, 0);

    /* PM1_CNT: SCI_EN sticks, SLP_EN reads 0 */
    out(HM_PM_BASE + HM_PM1A_CNT_OFF, HM_PM1_CNT_SCI_EN, 2);
    g_assert_cmphex(in(HM_PM_BASE + HM_PM1A_CNT_OFF, 2), ==, HM_PM1_CNT_SCI_EN);
}

static void test_gpe_sci(Fixture *f, gconstpointer data)
{
    const uint16_t sts = HM_GPE0_BASE, en = HM_GPE0_BASE + 2;
    g_assert_cmpint(f->level, ==, 0);                   /* reset lowers it */
    acpi_piix4_gpe_raise(f->pm, HM_GPE_MEMHP_BIT);
    g_assert_cmphex(in(sts, 1), ==, 1 << HM_GPE_MEMHP_BIT);
    g_assert_cmpint(f->level, ==, 0);                   /* status without enable */
    out(en, 1 << 2, 1);
    g_assert_cmpint(f->level, ==, 0);                   /* other bit enabled */
    out(en, 1 << HM_GPE_MEMHP_BIT, 1);
    g_assert_cmpint(f->level, ==, 1);
    out(en, 0, 1);
    g_assert_cmpint(f->level, ==, 0);                   /* disabled: low, status kept */
    g_assert_cmphex(in(sts, 1), ==, 1 << HM_GPE_MEMHP_BIT);
    out(en, 1 << HM_GPE_MEMHP_BIT, 1);
    g_assert_cmpint(f->level, ==, 1);
    out(sts, 0x01, 1);                                  /* clearing another bit */
    g_assert_cmpint(f->level, ==, 1);
    out(sts, 1 << HM_GPE_MEMHP_BIT, 1);                 /* ack */
    g_assert_cmpint(f->level, ==, 0);
    g_assert_cmphex(in(sts, 1), ==, 0);

    /* second byte: bit 9, with a 2-byte enable write */
    acpi_piix4_gpe_raise(f->pm, 9);
    g_assert_cmphex(in(sts, 2), ==, 0x0200);
    out(en, 0x0200, 2);
    g_assert_cmpint(f->level, ==, 1);
    g_assert_cmphex(in(sts, 4), ==, 0x02000200);
    /* PM1 and GPE sources are ORed */
    enable_pm_io(HM_PM_BASE);
    out(HM_PM_BASE + 2, HM_PM1_EVT_PWRBTN_STS, 2);
    acpi_piix4_power_button(f->pm);
    out(sts + 1, 0x02, 1);
    g_assert_cmpint(f->level, ==, 1);                   /* power button still */
    out(HM_PM_BASE, HM_PM1_EVT_PWRBTN_STS, 2);
    g_assert_cmpint(f->level, ==, 0);

    /* reset clears everything and lowers the SCI */
    acpi_piix4_gpe_raise(f->pm, 0);
    out(en, 1, 1);
    g_assert_cmpint(f->level, ==, 1);
    acpi_piix4_reset(f->pm);
    g_assert_cmpint(f->level, ==, 0);
    g_assert_cmphex(in(sts, 4), ==, 0);
}

static void test_s5(Fixture *f, gconstpointer data)
{
    enable_pm_io(HM_PM_BASE);
    const uint16_t cnt = HM_PM_BASE + HM_PM1A_CNT_OFF;
    /* SLP_TYP without SLP_EN, and other sleep types: nothing */
    out(cnt, HM_SLP_TYP_S5 << HM_PM1_CNT_SLP_TYP_SHIFT | HM_PM1_CNT_SCI_EN, 2);
    g_assert_cmpint(vm_request_peek(), ==, VM_REQUEST_NONE);
    for (unsigned typ = 0; typ < 8; typ++) {
        if (typ == HM_SLP_TYP_S5) {
            continue;
        }
        out(cnt, typ << HM_PM1_CNT_SLP_TYP_SHIFT | HM_PM1_CNT_SLP_EN, 2);
        g_assert_cmpint(vm_request_peek(), ==, VM_REQUEST_NONE);
    }
    out(cnt, HM_SLP_TYP_S5 << HM_PM1_CNT_SLP_TYP_SHIFT | HM_PM1_CNT_SLP_EN |
        HM_PM1_CNT_SCI_EN, 2);
    g_assert_cmpint(vm_request_peek(), ==, VM_REQUEST_SHUTDOWN);
    VmCause cause = VM_CAUSE_NONE;
    g_assert_cmpint(vm_request_take(&cause), ==, VM_REQUEST_SHUTDOWN);
    g_assert_cmpint(cause, ==, VM_CAUSE_GUEST_S5);
    g_assert_cmpstr(vm_cause_text(cause), ==, "guest S5");
    g_assert_cmphex(in(cnt, 2) & HM_PM1_CNT_SLP_EN, ==, 0);
    /* the high byte alone carries SLP_TYP and SLP_EN */
    out(cnt + 1, (HM_SLP_TYP_S5 << HM_PM1_CNT_SLP_TYP_SHIFT | HM_PM1_CNT_SLP_EN) >> 8, 1);
    g_assert_cmpint(vm_request_peek(), ==, VM_REQUEST_SHUTDOWN);
}

static void test_bad_access(Fixture *f, gconstpointer data)
{
    enable_pm_io(HM_PM_BASE);
    uint64_t errs = hm_guest_error_count();
    /* writes reach the block a byte at a time: each byte of these lands on
     * nothing writable and is logged */
    out(HM_PM_BASE + 0x20, 0xffffffff, 4);
    out(HM_PM_BASE + HM_PM_TMR_OFF, 0, 4);
    g_assert_cmpuint(hm_guest_error_count(), ==, errs + 8);
    g_assert_cmphex(in(HM_PM_BASE + 0x20, 4), ==, 0);
    g_assert_cmpint(vm_request_peek(), ==, VM_REQUEST_NONE);
}

static void test_new_conflict(void)
{
    GError *err = NULL;
    AcpiPiix4State *a = acpi_piix4_new(NULL, &err);
    g_assert_no_error(err);
    g_assert_null(acpi_piix4_new(NULL, &err));
    g_assert_nonnull(err);
    g_clear_error(&err);
    acpi_piix4_free(a);
    /* everything was released: a new instance fits */
    a = acpi_piix4_new(NULL, &err);
    g_assert_no_error(err);
    acpi_piix4_free(a);
    g_assert_null(pci_bus_find(HM_PIIX4_PM_DEVFN));
    io_unregister_all();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
#define ADD(path, fn) \
    g_test_add(path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
    ADD("/acpi-pm/pci-config", test_pci_config);
    ADD("/acpi-pm/relocation", test_pm_relocation);
    ADD("/acpi-pm/timer", test_pm_timer);
    ADD("/acpi-pm/pm1-status", test_pm1_status);
    ADD("/acpi-pm/gpe-sci", test_gpe_sci);
    ADD("/acpi-pm/s5", test_s5);
    ADD("/acpi-pm/bad-access", test_bad_access);
    g_test_add_func("/acpi-pm/new-conflict", test_new_conflict);
    return g_test_run();
}
