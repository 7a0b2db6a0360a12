/*
 * test-pci.c - configuration mechanism #1 through the I/O dispatcher:
 * identity of the chipset functions, write masks, absent devices, the
 * 0xcf9 reset control byte and unclaimed ports.
 */
#include "hw/hotmem-pc.h"
#include "hw/i440fx.h"
#include "hw/piix3.h"
#include "hotmem/io.h"
#include "hotmem/runstate.h"

static uint32_t port_in(uint16_t port, unsigned size)
{
    uint8_t buf[4] = { 0 };
    io_dispatch(IO_SPACE_PORT, port, buf, size, false);
    return buf[0] | (buf[1] << 8) | (buf[2] << 16) | ((uint32_t)buf[3] << 24);
}

static void port_out(uint16_t port, uint32_t v, unsigned size)
{
    uint8_t buf[4] = { v, v >> 8, v >> 16, v >> 24 };
    io_dispatch(IO_SPACE_PORT, port, buf, size, true);
}

static uint32_t cfg_read(unsigned devfn, unsigned off, unsigned size)
{
    port_out(HM_PCI_CONFIG_ADDR, 0x80000000u | (devfn << 8) | (off & 0xfc), 4);
    return port_in(HM_PCI_CONFIG_DATA + (off & 3), size);
}

static void cfg_write(unsigned devfn, unsigned off, uint32_t v, unsigned size)
{
    port_out(HM_PCI_CONFIG_ADDR, 0x80000000u | (devfn << 8) | (off & 0xfc), 4);
    port_out(HM_PCI_CONFIG_DATA + (off & 3), v, size);
}

typedef struct Fixture {
    I440fxState *host;
    Piix3State *isa;
} Fixture;

static void setup(Fixture *f, gconstpointer data)
{
    GError *err = NULL;
    f->host = i440fx_new(&err);
    g_assert_no_error(err);
    f->isa = piix3_new(&err);
    g_assert_no_error(err);
    f->host->reset_control_write = piix3_reset_control_write;
    f->host->reset_control_read = piix3_reset_control_read;
    f->host->reset_control_opaque = f->isa;
    vm_request_take(NULL);
}

static void teardown(Fixture *f, gconstpointer data)
{
    piix3_free(f->isa);
    i440fx_free(f->host);
    io_unregister_all();
    vm_request_take(NULL);
}

static void test_identity(Fixture *f, gconstpointer data)
{
    g_assert_cmphex(cfg_read(HM_I440FX_DEVFN, 0, 4), ==, 0x12378086);
    g_assert_cmphex(cfg_read(HM_PIIX3_DEVFN, 0, 4), ==, 0x70008086);
    g_assert_cmphex(cfg_read(HM_PIIX3_DEVFN, 0x0e, 1) & 0x80, ==, 0x80);   /* multi-function */
    g_assert_cmphex(cfg_read(HM_PIIX3_DEVFN, 0x0a, 2), ==, 0x0601);
    /* absent device and other buses read all-ones */
    g_assert_cmphex(cfg_read(0x10, 0, 4), ==, 0xffffffffu);
    port_out(HM_PCI_CONFIG_ADDR, 0x80010000u, 4);
    g_assert_cmphex(port_in(HM_PCI_CONFIG_DATA, 4), ==, 0xffffffffu);
    /* disabled config address */
    port_out(HM_PCI_CONFIG_ADDR, 0x00000000u, 4);
    g_assert_cmphex(port_in(HM_PCI_CONFIG_DATA, 4), ==, 0xffffffffu);
}

static void test_write_masks(Fixture *f, gconstpointer data)
{
    cfg_write(HM_I440FX_DEVFN, 0, 0xdeadbeef, 4);               /* IDs are read-only */
    g_assert_cmphex(cfg_read(HM_I440FX_DEVFN, 0, 4), ==, 0x12378086);
    cfg_write(HM_I440FX_DEVFN, 0x5a, 0x33, 1);                   /* PAM1 is writable */
    g_assert_cmphex(cfg_read(HM_I440FX_DEVFN, 0x5a, 1), ==, 0x33);
    cfg_write(HM_PIIX3_DEVFN, 0x60, 0xff, 1);                    /* PIRQ: 0x8f mask */
    g_assert_cmphex(cfg_read(HM_PIIX3_DEVFN, 0x60, 1), ==, 0x8f);
    i440fx_reset(f->host);
    g_assert_cmphex(cfg_read(HM_I440FX_DEVFN, 0x5a, 1), ==, 0);
    /* unaligned word access to config space is refused, not half-applied */
    cfg_write(HM_PIIX3_DEVFN, 0x61, 0x0505, 2);
    g_assert_cmphex(cfg_read(HM_PIIX3_DEVFN, 0x60, 4), ==, 0x8080808fu);
}

static void test_reset_control(Fixture *f, gconstpointer data)
{
    port_out(HM_RESET_CONTROL_PORT, 0x02, 1);
    g_assert_cmpint(vm_request_peek(), ==, VM_REQUEST_NONE);
    g_assert_cmphex(port_in(HM_RESET_CONTROL_PORT, 1), ==, 0x02);
    port_out(HM_RESET_CONTROL_PORT, HM_RESET_CONTROL_VALUE, 1);
    g_assert_cmpint(vm_request_peek(), ==, VM_REQUEST_RESET);
    /* the dword config address is not disturbed by the reset byte */
    port_out(HM_PCI_CONFIG_ADDR, 0x80000800u, 4);
    g_assert_cmphex(port_in(HM_PCI_CONFIG_ADDR, 4), ==, 0x80000800u);
}

static void test_unclaimed_ports(Fixture *f, gconstpointer data)
{
    g_assert_cmphex(port_in(0x1234, 1), ==, 0xff);
    g_assert_cmphex(port_in(0x1234, 4), ==, 0xffffffffu);
    port_out(0x1234, 0x55, 1);                                   /* ignored, no crash */
    /* a register block refuses accesses wider than it allows */
    g_assert_cmphex(port_in(HM_PCI_CONFIG_ADDR, 2), ==, 0xffffffffu & 0xffff);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add("/pci/identity", Fixture, NULL, setup, test_identity, teardown);
    g_test_add("/pci/write-masks", Fixture, NULL, setup, test_write_masks, teardown);
    g_test_add("/pci/reset-control", Fixture, NULL, setup, test_reset_control, teardown);
    g_test_add("/pci/unclaimed", Fixture, NULL, setup, test_unclaimed_ports, teardown);
    return g_test_run();
}
