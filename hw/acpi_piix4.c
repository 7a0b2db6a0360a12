/*
 * acpi_piix4.c - PIIX4 ACPI power management function (PCI 00:01.3).
 *
 * PM1a event/control and the PM timer live in an I/O block whose base the
 * guest writes to PMBA (config 0x40) and enables with PMREGMISC bit 0 (0x80);
 * the GPE0 block sits at a fixed port. The SCI is a level interrupt computed
 * from status & enable after every change. Timer overflow (TMR_STS) is
 * latched lazily when read and never raises the SCI: no guest we run enables
 * it, and a host timer just for that would cost wakeups.
 * Guest interface: docs/specs/acpi_pm.txt.
 */
#include "hw/acpi_piix4.h"
#include "migration/vmstate.h"
#include "hw/hotmem-pc.h"
#include "hotmem/runstate.h"
#include "hotmem/util.h"
#include "migration/vmstate.h"

#define PIIX4_PM_REVISION    0x03
#define PIIX4_PM_CLASS       0x0680      /* bridge, other */
#define PIIX4_PMBA_MASK      0xffc0      /* bits 15:6 */

#define PM1_EN_WRITABLE      0x0721      /* TMR, GBL, PWRBTN, SLPBTN, RTC enables */
/* status bits the device model can raise an SCI for (see file comment) */
#define PM1_SCI_BITS         HM_PM1_EVT_PWRBTN_STS
#define PM1_CNT_STORED       (HM_PM1_CNT_SCI_EN | HM_PM1_CNT_SLP_TYP_MASK)
#define PM_TMR_MASK          0xffffffULL

static void acpi_piix4_update_sci(AcpiPiix4State *s)
{
    bool level = (s->pm1_sts & s->pm1_en & PM1_SCI_BITS) ||
                 (s->gpe_sts[0] & s->gpe_en[0]) || (s->gpe_sts[1] & s->gpe_en[1]);
    irq_line_set(&s->sci, level);
}

/* Full-width timer ticks since the clock's epoch. */
static uint64_t pm_tmr_ticks(void)
{
    int64_t ns = hm_clock_ns();
    if (ns < 0) {
        ns = 0;
    }
    return (uint64_t)((unsigned __int128)ns * HM_PM_TMR_HZ / 1000000000u);
}

/* TMR_STS is set whenever bit 23 of the counter has changed since the last
 * time it was brought up to date. */
static void pm_tmr_update_sts(AcpiPiix4State *s)
{
    uint64_t now = pm_tmr_ticks();
    if ((now >> 23) != (s->tmr_sts_ticks >> 23)) {
        s->pm1_sts |= HM_PM1_EVT_TMR_STS;
    }
    s->tmr_sts_ticks = now;
}

/* The block in dwords (read_unit 4): PM1 status and enable, PM1 control,
 * the timer; the rest reads 0. */
static uint64_t pm_read(void *opaque, uint64_t off, unsigned size)
{
    AcpiPiix4State *s = opaque;
    switch (off) {
    case HM_PM1A_EVT_OFF:
        pm_tmr_update_sts(s);
        return s->pm1_sts | (uint32_t)s->pm1_en << 16;
    case HM_PM1A_CNT_OFF:
        return s->pm1_cnt & ~HM_PM1_CNT_SLP_EN;        /* SLP_EN is write-only */
    case HM_PM_TMR_OFF:
        return (uint32_t)(pm_tmr_ticks() & PM_TMR_MASK);
    }
    return 0;
}

static void pm1_cnt_write(AcpiPiix4State *s, uint32_t v, uint32_t mask)
{
    s->pm1_cnt = (uint16_t)((s->pm1_cnt & ~mask) | (v & mask & PM1_CNT_STORED));
    if (!(v & mask & HM_PM1_CNT_SLP_EN)) {
        return;
    }
    unsigned typ = (s->pm1_cnt & HM_PM1_CNT_SLP_TYP_MASK) >> HM_PM1_CNT_SLP_TYP_SHIFT;
    if (typ == HM_SLP_TYP_S5) {
        vm_request(VM_REQUEST_SHUTDOWN, VM_CAUSE_GUEST_S5);
    } else {
        /* only _S5 is offered in the DSDT */
        hm_guest_error("acpi-pm: sleep type %u not supported, ignored", typ);
    }
}

/* One byte at a time (write_bytes): each lands in the register holding it. */
static void pm_write(void *opaque, uint64_t off, uint64_t value, unsigned size)
{
    AcpiPiix4State *s = opaque;
    unsigned shift = 8 * (unsigned)(off & 1);
    uint32_t v = (uint32_t)(value & 0xff) << shift, mask = 0xffu << shift;
    switch (off & ~1ULL) {
    case HM_PM1A_EVT_OFF:
        /* latch a pending overflow first, so clearing acknowledges it */
        pm_tmr_update_sts(s);
        s->pm1_sts &= (uint16_t)~v;
        break;
    case HM_PM1A_EVT_OFF + 2:
        s->pm1_en = (uint16_t)((s->pm1_en & ~mask) | (v & PM1_EN_WRITABLE));
        break;
    case HM_PM1A_CNT_OFF:
        pm1_cnt_write(s, v, mask);
        break;
    default:
        hm_guest_error("acpi-pm: write to read-only or unimplemented offset 0x%" PRIx64,
                       off);
        return;
    }
    acpi_piix4_update_sci(s);
}

static const IoOps pm_ops = {
    .read = pm_read,
    .write = pm_write,
    .min_size = 1,
    .max_size = 4,
    .read_unit = 4,
    .write_bytes = true,
};

/* The 4-byte block, status then enable (read_unit 4). */
static uint64_t gpe_read(void *opaque, uint64_t off, unsigned size)
{
    AcpiPiix4State *s = opaque;
    return s->gpe_sts[0] | s->gpe_sts[1] << 8 | (uint32_t)s->gpe_en[0] << 16 |
           (uint32_t)s->gpe_en[1] << 24;
}

/* One byte at a time (write_bytes): status bytes clear where 1 is written,
 * enable bytes take the value. */
static void gpe_write(void *opaque, uint64_t off, uint64_t value, unsigned size)
{
    AcpiPiix4State *s = opaque;
    uint8_t b = (uint8_t)value;
    if (off < 2) {
        s->gpe_sts[off] &= (uint8_t)~b;
    } else {
        s->gpe_en[off - 2] = b;
    }
    acpi_piix4_update_sci(s);
}

static const IoOps gpe_ops = {
    .read = gpe_read,
    .write = gpe_write,
    .min_size = 1,
    .max_size = 4,
    .read_unit = 4,
    .write_bytes = true,
};

static void pm_io_unmap(AcpiPiix4State *s)
{
    if (s->pm_io_mapped) {
        io_unregister(IO_SPACE_PORT, s->pm_io_base);
        s->pm_io_mapped = false;
    }
}

/* QEMU semantics: the block follows PMBA while PMREGMISC bit 0 is set. */
static void pm_io_update(AcpiPiix4State *s)
{
    bool enable = s->pci.config[HM_PIIX4_PMREGMISC] & 1;
    uint16_t base = pci_get_word(s->pci.config + HM_PIIX4_PMBA) & PIIX4_PMBA_MASK;

    if (s->pm_io_mapped && (!enable || base != s->pm_io_base)) {
        pm_io_unmap(s);
    }
    if (enable && !s->pm_io_mapped) {
        GError *err = NULL;
        if (!io_register(IO_SPACE_PORT, base, HM_PM_LEN, &pm_ops, s, "acpi-pm", &err)) {
            hm_guest_error("acpi-pm: PM block at 0x%x not mapped: %s", base, err->message);
            g_error_free(err);
            return;
        }
        s->pm_io_base = base;
        s->pm_io_mapped = true;
    }
}

static void acpi_piix4_config_written(PciDevice *dev, unsigned offset, unsigned size)
{
    AcpiPiix4State *s = dev->opaque;
    if (offset < HM_PIIX4_PMBA + 4 && HM_PIIX4_PMBA < offset + size) {
        pm_io_update(s);
    }
    if (offset <= HM_PIIX4_PMREGMISC && HM_PIIX4_PMREGMISC < offset + size) {
        pm_io_update(s);
    }
}

void acpi_piix4_gpe_raise(AcpiPiix4State *s, unsigned bit)
{
    g_return_if_fail(bit < 16);
    s->gpe_sts[bit / 8] |= (uint8_t)(1u << (bit % 8));
    acpi_piix4_update_sci(s);
}

void acpi_piix4_power_button(AcpiPiix4State *s)
{
    s->pm1_sts |= HM_PM1_EVT_PWRBTN_STS;
    acpi_piix4_update_sci(s);
}

void acpi_piix4_reset(AcpiPiix4State *s)
{
    s->pm1_sts = 0;
    s->pm1_en = 0;
    s->pm1_cnt = 0;
    s->tmr_sts_ticks = pm_tmr_ticks();
    s->gpe_sts[0] = s->gpe_sts[1] = 0;
    s->gpe_en[0] = s->gpe_en[1] = 0;
    pci_set_word(s->pci.config + 0x04, 0);            /* command */
    s->pci.config[0x3c] = HM_SCI_IRQ;
    pci_set_long(s->pci.config + HM_PIIX4_PMBA, 1);   /* bit 0: I/O space indicator */
    s->pci.config[HM_PIIX4_PMREGMISC] = 0;
    pm_io_update(s);
    acpi_piix4_update_sci(s);
}

AcpiPiix4State *acpi_piix4_new(const IrqLine *sci, GError **errp)
{
    AcpiPiix4State *s = g_new0(AcpiPiix4State, 1);
    if (sci) {
        s->sci = *sci;
    }
    PciDevice *d = &s->pci;
    d->name = "piix4-pm";
    d->devfn = HM_PIIX4_PM_DEVFN;
    d->opaque = s;
    d->config_written = acpi_piix4_config_written;
    pci_device_init_config(d, HM_PCI_VENDOR_INTEL, HM_PIIX4_PM_DEVICE_ID, PIIX4_PM_CLASS, 0);
    d->config[0x08] = PIIX4_PM_REVISION;
    d->config[0x3d] = 1;                    /* interrupt pin INTA# */
    d->wmask[HM_PIIX4_PMBA] = PIIX4_PMBA_MASK & 0xff;
    d->wmask[HM_PIIX4_PMBA + 1] = PIIX4_PMBA_MASK >> 8;
    d->wmask[HM_PIIX4_PMREGMISC] = 0x01;

    if (!io_register(IO_SPACE_PORT, HM_GPE0_BASE, HM_GPE0_LEN, &gpe_ops, s, "acpi-gpe0",
                     errp)) {
        g_free(s);
        return NULL;
    }
    s->gpe_registered = true;
    if (!pci_bus_register(d, errp)) {
        acpi_piix4_free(s);
        return NULL;
    }
    acpi_piix4_reset(s);
    return s;
}

void acpi_piix4_free(AcpiPiix4State *s)
{
    if (!s) {
        return;
    }
    pm_io_unmap(s);
    if (s->gpe_registered) {
        io_unregister(IO_SPACE_PORT, HM_GPE0_BASE);
    }
    pci_bus_unregister(&s->pci);
    g_free(s);
}

/* ---- migration ---- */

/* The PM block follows the loaded PMBA; the SCI follows the loaded bits. */
static bool piix4_post_load(void *obj, GError **errp)
{
    AcpiPiix4State *s = obj;
    pm_io_update(s);
    acpi_piix4_update_sci(s);
    return true;
}

const VmStateDesc acpi_piix4_vmstate = {
    .name = "piix4-pm",
    .version = 1,
    .min_version = 1,
    .post_load = piix4_post_load,
    .fields = (const VmStateField[]){
        VMSTATE_BUFFER(AcpiPiix4State, pci.config),
        VMSTATE_U16(AcpiPiix4State, pm1_sts),
        VMSTATE_U16(AcpiPiix4State, pm1_en),
        VMSTATE_U16(AcpiPiix4State, pm1_cnt),
        VMSTATE_BUFFER(AcpiPiix4State, gpe_sts),
        VMSTATE_BUFFER(AcpiPiix4State, gpe_en),
        VMSTATE_END,
    },
};
