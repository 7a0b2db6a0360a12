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

/* Part of an access [off, off+size) that falls in the register [reg, reg+width):
 * the value and the byte mask, both in register bit positions. */
static bool reg_part(uint64_t off, unsigned size, uint64_t value, unsigned reg,
                     unsigned width, uint32_t *v, uint32_t *mask)
{
    *v = 0;
    *mask = 0;
    for (unsigned i = 0; i < size; i++) {
        uint64_t a = off + i;
        if (a >= reg && a < reg + width) {
            unsigned shift = 8 * (unsigned)(a - reg);
            *v |= (uint32_t)((value >> (8 * i)) & 0xff) << shift;
            *mask |= 0xffu << shift;
        }
    }
    return *mask != 0;
}

/* Places the bytes of a register that an access covers into its result. */
static uint64_t reg_bytes(uint64_t off, unsigned size, unsigned reg, unsigned width,
                          uint32_t reg_value)
{
    uint64_t result = 0;
    for (unsigned i = 0; i < size; i++) {
        uint64_t a = off + i;
        if (a >= reg && a < reg + width) {
            result |= (uint64_t)((reg_value >> (8 * (a - reg))) & 0xff) << (8 * i);
        }
    }
    return result;
}

static bool overlaps(uint64_t off, unsigned size, unsigned reg, unsigned width)
{
    return off < reg + width && reg < off + size;
}

static uint64_t pm_read(void *opaque, uint64_t off, unsigned size)
{
    AcpiPiix4State *s = opaque;
    uint64_t v = 0;
    if (overlaps(off, size, HM_PM1A_EVT_OFF, 2)) {
        pm_tmr_update_sts(s);
        v |= reg_bytes(off, size, HM_PM1A_EVT_OFF, 2, s->pm1_sts);
    }
    v |= reg_bytes(off, size, HM_PM1A_EVT_OFF + 2, 2, s->pm1_en);
    /* SLP_EN is write-only */
    v |= reg_bytes(off, size, HM_PM1A_CNT_OFF, 2, s->pm1_cnt & ~HM_PM1_CNT_SLP_EN);
    if (overlaps(off, size, HM_PM_TMR_OFF, 4)) {
        v |= reg_bytes(off, size, HM_PM_TMR_OFF, 4, (uint32_t)(pm_tmr_ticks() & PM_TMR_MASK));
    }
    return v;
}

static void pm1_cnt_write(AcpiPiix4State *s, uint32_t v, uint32_t mask)
{
    s->pm1_cnt = (uint16_t)((s->pm1_cnt & ~mask) | (v & mask & PM1_CNT_STORED));
    if (!(v & mask & HM_PM1_CNT_SLP_EN)) {
        return;
    }
    unsigned typ = (s->pm1_cnt & HM_PM1_CNT_SLP_TYP_MASK) >> HM_PM1_CNT_SLP_TYP_SHIFT;
    if (typ == HM_SLP_TYP_S5) {
        vm_request(VM_REQUEST_SHUTDOWN, "guest S5");
    } else {
        /* only _S5 is offered in the DSDT */
        hm_guest_error("acpi-pm: sleep type %u not supported, ignored", typ);
    }
}

static void pm_write(void *opaque, uint64_t off, uint64_t value, unsigned size)
{
    AcpiPiix4State *s = opaque;
    uint32_t v, mask;
    bool known = false;

    if (reg_part(off, size, value, HM_PM1A_EVT_OFF, 2, &v, &mask)) {
        /* latch a pending overflow first, so clearing acknowledges it */
        pm_tmr_update_sts(s);
        s->pm1_sts &= (uint16_t)~(v & mask);
        known = true;
    }
    if (reg_part(off, size, value, HM_PM1A_EVT_OFF + 2, 2, &v, &mask)) {
        s->pm1_en = (uint16_t)((s->pm1_en & ~mask) | (v & mask & PM1_EN_WRITABLE));
        known = true;
    }
    if (reg_part(off, size, value, HM_PM1A_CNT_OFF, 2, &v, &mask)) {
        pm1_cnt_write(s, v, mask);
        known = true;
    }
    if (!known || overlaps(off, size, HM_PM_TMR_OFF, 4)) {
        hm_guest_error("acpi-pm: write to read-only or unimplemented offset 0x%" PRIx64,
                       off);
    }
    acpi_piix4_update_sci(s);
}

static const IoOps pm_ops = {
    .read = pm_read,
    .write = pm_write,
    .min_size = 1,
    .max_size = 4,
};

static uint64_t gpe_read(void *opaque, uint64_t off, unsigned size)
{
    AcpiPiix4State *s = opaque;
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++) {
        uint64_t a = off + i;
        uint8_t b = a < 2 ? s->gpe_sts[a] : s->gpe_en[a - 2];
        v |= (uint64_t)b << (8 * i);
    }
    return v;
}

static void gpe_write(void *opaque, uint64_t off, uint64_t value, unsigned size)
{
    AcpiPiix4State *s = opaque;
    for (unsigned i = 0; i < size; i++) {
        uint64_t a = off + i;
        uint8_t b = (uint8_t)(value >> (8 * i));
        if (a < 2) {
            s->gpe_sts[a] &= (uint8_t)~b;
        } else {
            s->gpe_en[a - 2] = b;
        }
    }
    acpi_piix4_update_sci(s);
}

static const IoOps gpe_ops = {
    .read = gpe_read,
    .write = gpe_write,
    .min_size = 1,
    .max_size = 4,
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

/* ---- migration: config space (PMBA, PMREGMISC), PM1, the timer's status
 * base and GPE0; the PM block is mapped again from the loaded config ---- */

static bool acpi_piix4_post_load(void *obj, GError **errp)
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
    .post_load = acpi_piix4_post_load,
    .fields = (const VmStateField[]){
        VMSTATE_BUFFER(AcpiPiix4State, pci.config),
        VMSTATE_U16(AcpiPiix4State, pm1_sts),
        VMSTATE_U16(AcpiPiix4State, pm1_en),
        VMSTATE_U16(AcpiPiix4State, pm1_cnt),
        VMSTATE_U64(AcpiPiix4State, tmr_sts_ticks),
        VMSTATE_BUFFER(AcpiPiix4State, gpe_sts),
        VMSTATE_BUFFER(AcpiPiix4State, gpe_en),
        VMSTATE_END,
    },
};
