/*
 * test-device-vmstate.c - the chipset devices' field tables: state saved
 * from one instance and loaded into a fresh one reads back the same
 * through the guest's ports (and the PM block follows the loaded PMBA).
 */
#include "hw/acpi_piix4.h"
#include "hw/fw_cfg.h"
#include "hw/hotmem-pc.h"
#include "hw/i440fx.h"
#include "hw/i8042.h"
#include "hw/piix3.h"
#include "hw/rtc_cmos.h"
#include "hw/serial.h"
#include "hotmem/io.h"
#include "hotmem/pci.h"
#include "migration/vmstate.h"

#include <string.h>

static int sci_level;

static void record_level(void *opaque, unsigned gsi, int level)
{
    sci_level = level;
}

static uint32_t in(uint16_t port, unsigned size)
{
    uint8_t d[4] = { 0 };
    io_dispatch(IO_SPACE_PORT, port, d, size, false);
    return d[0] | d[1] << 8 | (uint32_t)d[2] << 16 | (uint32_t)d[3] << 24;
}

static void out(uint16_t port, uint32_t v, unsigned size)
{
    uint8_t d[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };
    io_dispatch(IO_SPACE_PORT, port, d, size, true);
}

static GByteArray *save(const VmStateDesc *d, void *obj)
{
    GByteArray *b = g_byte_array_new();
    GError *err = NULL;
    g_assert_true(vmstate_save(d, obj, b, &err));
    g_assert_no_error(err);
    return b;
}

static void load(const VmStateDesc *d, void *obj, size_t size, GByteArray *b)
{
    GError *err = NULL;
    g_assert_true(vmstate_load_into(d, obj, size, b->data, b->len, 1, &err));
    g_assert_no_error(err);
}

static void test_piix4(void)
{
    GError *err = NULL;
    IrqLine sci = { .set_level = record_level, .gsi = HM_SCI_IRQ };
    AcpiPiix4State *pm = acpi_piix4_new(&sci, &err);
    g_assert_no_error(err);
    const uint16_t base = 0xb000;
    pci_config_write(HM_PIIX4_PM_DEVFN, HM_PIIX4_PMBA, base, 4);
    pci_config_write(HM_PIIX4_PM_DEVFN, HM_PIIX4_PMREGMISC, 1, 1);
    out(base + HM_PM1A_CNT_OFF, HM_PM1_CNT_SCI_EN, 2);
    out(HM_GPE0_BASE + 2, 1u << HM_GPE_MEMHP_BIT, 1);           /* enable the memhp GPE */
    acpi_piix4_gpe_raise(pm, HM_GPE_MEMHP_BIT);
    g_assert_cmpint(sci_level, ==, 1);
    uint32_t cnt = in(base + HM_PM1A_CNT_OFF, 2), gpe = in(HM_GPE0_BASE, 4);
    g_autoptr(GByteArray) b = save(&acpi_piix4_vmstate, pm);
    acpi_piix4_free(pm);
    io_unregister_all();

    sci_level = 0;
    pm = acpi_piix4_new(&sci, &err);
    g_assert_cmphex(in(base + HM_PM1A_CNT_OFF, 2), ==, 0xffff);   /* not mapped yet */
    load(&acpi_piix4_vmstate, pm, sizeof(*pm), b);
    g_assert_cmphex(in(base + HM_PM1A_CNT_OFF, 2), ==, cnt);      /* mapped at PMBA */
    g_assert_cmphex(in(HM_GPE0_BASE, 4), ==, gpe);
    g_assert_cmpint(sci_level, ==, 1);                            /* the SCI is back up */
    acpi_piix4_free(pm);
    io_unregister_all();
}

static void test_chipset(void)
{
    GError *err = NULL;
    I440fxState *nb = i440fx_new(&err);
    Piix3State *sb = piix3_new(&err);
    I8042State *kbd = i8042_new(&err);
    g_assert_no_error(err);
    nb->reset_control_write = piix3_reset_control_write;
    nb->reset_control_read = piix3_reset_control_read;
    nb->reset_control_opaque = sb;
    out(HM_PCI_CONFIG_ADDR, 0x80000000u | (HM_PIIX3_DEVFN << 8) | 0x60, 4);
    out(HM_PCI_CONFIG_DATA, 0x0b, 1);                              /* PIRQA -> IRQ 11 */
    out(HM_PCI_CONFIG_ADDR, 0x80000000u | 0x58, 4);                /* i440fx PAM area */
    kbd->status = 0x14;
    g_autoptr(GByteArray) bn = save(&i440fx_vmstate, nb);
    g_autoptr(GByteArray) bs = save(&piix3_vmstate, sb);
    g_autoptr(GByteArray) bk = save(&i8042_vmstate, kbd);
    I440fxState nb2 = *nb;
    Piix3State sb2 = *sb;
    I8042State kbd2 = { 0 };
    memset(nb2.pci.config, 0, sizeof(nb2.pci.config));
    nb2.config_address = 0;
    memset(sb2.pci.config, 0, sizeof(sb2.pci.config));
    load(&i440fx_vmstate, &nb2, sizeof(nb2), bn);
    load(&piix3_vmstate, &sb2, sizeof(sb2), bs);
    load(&i8042_vmstate, &kbd2, sizeof(kbd2), bk);
    g_assert_cmpmem(nb2.pci.config, 256, nb->pci.config, 256);
    g_assert_cmphex(nb2.config_address, ==, 0x80000058u);
    g_assert_cmphex(sb2.pci.config[0x60], ==, 0x0b);
    g_assert_cmphex(kbd2.status, ==, 0x14);
    i8042_free(kbd);
    piix3_free(sb);
    i440fx_free(nb);
    io_unregister_all();
}

static uint8_t inb(uint16_t port)
{
    return (uint8_t)in(port, 1);
}

static void test_serial(void)
{
    GError *err = NULL;
    SerialState *s = serial_new(HM_SERIAL0_BASE, NULL, -1, &err);
    g_assert_no_error(err);
    out(HM_SERIAL0_BASE + 3, 0x03, 1);              /* LCR: 8N1 */
    out(HM_SERIAL0_BASE + 7, 0x5a, 1);              /* scratch */
    out(HM_SERIAL0_BASE + 1, 0x01, 1);              /* IER: receive interrupts */
    out(HM_SERIAL0_BASE + 2, 0x01, 1);              /* FCR: FIFO on */
    g_assert_cmpuint(serial_receive(s, (const uint8_t *)"hi", 2), ==, 2);
    g_autoptr(GByteArray) b = save(&serial_vmstate, s);
    serial_free(s);
    io_unregister_all();

    s = serial_new(HM_SERIAL0_BASE, NULL, -1, &err);
    /* a FIFO count beyond the FIFO fails and changes nothing */
    g_autoptr(GByteArray) bad = g_byte_array_new();
    g_byte_array_append(bad, b->data, b->len);
    bad->data[SERIAL_FIFO_LEN + 1] = 200;           /* rx_count */
    g_assert_false(vmstate_load_into(&serial_vmstate, s, sizeof(*s), bad->data, bad->len, 1,
                                     &err));
    g_assert_nonnull(strstr(err->message, "count 200"));
    g_clear_error(&err);
    g_assert_cmphex(inb(HM_SERIAL0_BASE + 7), ==, 0);
    load(&serial_vmstate, s, sizeof(*s), b);
    g_assert_cmphex(inb(HM_SERIAL0_BASE + 7), ==, 0x5a);
    g_assert_cmphex(inb(HM_SERIAL0_BASE + 3), ==, 0x03);
    g_assert_cmphex(inb(HM_SERIAL0_BASE + 5) & 1, ==, 1);      /* data ready */
    g_assert_cmphex(inb(HM_SERIAL0_BASE), ==, 'h');
    g_assert_cmphex(inb(HM_SERIAL0_BASE), ==, 'i');
    serial_free(s);
    io_unregister_all();
}

static uint8_t cmos(uint8_t index)
{
    out(HM_CMOS_BASE, index, 1);
    return inb(HM_CMOS_BASE + 1);
}

static void test_rtc(void)
{
    GError *err = NULL;
    RtcCmosState *r = rtc_cmos_new(NULL, &err);
    g_assert_no_error(err);
    rtc_cmos_set(r, 0x40, 0x77);                    /* plain CMOS byte */
    out(HM_CMOS_BASE, 0x0b, 1);
    out(HM_CMOS_BASE + 1, 0x86, 1);                 /* SET, binary, 24 h */
    out(HM_CMOS_BASE, 0x09, 1);
    out(HM_CMOS_BASE + 1, 63, 1);                   /* year 63 ... */
    out(HM_CMOS_BASE, 0x32, 1);
    out(HM_CMOS_BASE + 1, 23, 1);                   /* ... of century 23: 2363 */
    out(HM_CMOS_BASE, 0x0b, 1);
    out(HM_CMOS_BASE + 1, 0x06, 1);                 /* run */
    g_autoptr(GByteArray) b = save(&rtc_cmos_vmstate, r);
    rtc_cmos_free(r);
    io_unregister_all();

    r = rtc_cmos_new(NULL, &err);
    g_assert_cmpuint(cmos(0x40), ==, 0);
    load(&rtc_cmos_vmstate, r, sizeof(*r), b);
    g_assert_cmpuint(cmos(0x40), ==, 0x77);
    g_assert_cmpuint(cmos(0x0b) & 0x04, ==, 0x04);              /* binary */
    g_assert_cmpuint(cmos(0x32), ==, 23);
    g_assert_cmpuint(cmos(0x09), ==, 63);
    rtc_cmos_free(r);
    io_unregister_all();
}

static FwCfgState *fw_cfg_with_items(void)
{
    GError *err = NULL;
    FwCfgState *s = fw_cfg_new(&err);
    g_assert_no_error(err);
    g_assert_true(fw_cfg_add_file(s, "etc/test", "abcdefgh", 8, &err));
    return s;
}

/* The guest's place in an item survives; a place the other side's items
 * do not have is refused, and the destination keeps its state. */
static void test_fw_cfg(void)
{
    GError *err = NULL;
    FwCfgState *s = fw_cfg_with_items();
    out(HM_FW_CFG_PORT_SEL, HM_FW_CFG_FILE_FIRST, 2);
    g_assert_cmpuint(inb(HM_FW_CFG_PORT_DATA), ==, 'a');
    g_assert_cmpuint(inb(HM_FW_CFG_PORT_DATA), ==, 'b');
    g_autoptr(GByteArray) b = save(&fw_cfg_vmstate, s);
    fw_cfg_free(s);
    io_unregister_all();

    s = fw_cfg_with_items();
    uint16_t key0 = s->cur_key;
    FwCfgState bad = *s;
    bad.cur_key = HM_FW_CFG_FILE_FIRST + 1;           /* no second file here */
    g_autoptr(GByteArray) bk = save(&fw_cfg_vmstate, &bad);
    g_assert_false(vmstate_load_into(&fw_cfg_vmstate, s, sizeof(*s), bk->data, bk->len, 1,
                                     &err));
    g_assert_nonnull(strstr(err->message, "does not exist here"));
    g_clear_error(&err);
    bad.cur_key = HM_FW_CFG_FILE_FIRST;
    bad.cur_offset = 9;                               /* the item has 8 bytes */
    g_autoptr(GByteArray) bo = save(&fw_cfg_vmstate, &bad);
    g_assert_false(vmstate_load_into(&fw_cfg_vmstate, s, sizeof(*s), bo->data, bo->len, 1,
                                     &err));
    g_assert_nonnull(strstr(err->message, "past the end"));
    g_clear_error(&err);
    g_assert_cmpuint(s->cur_key, ==, key0);
    g_assert_cmpuint(s->cur_offset, ==, 0);

    load(&fw_cfg_vmstate, s, sizeof(*s), b);
    g_assert_cmpuint(inb(HM_FW_CFG_PORT_DATA), ==, 'c');
    fw_cfg_free(s);
    io_unregister_all();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/device-vmstate/piix4", test_piix4);
    g_test_add_func("/device-vmstate/chipset", test_chipset);
    g_test_add_func("/device-vmstate/serial", test_serial);
    g_test_add_func("/device-vmstate/rtc", test_rtc);
    g_test_add_func("/device-vmstate/fw-cfg", test_fw_cfg);
    return g_test_run();
}
