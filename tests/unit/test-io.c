/*
 * test-io.c - io_dispatch fits accesses to a device's width: reads split
 * into whole aligned units (unaligned and wide reads keep working), writes
 * one byte at a time when the device asks, and out-of-range sizes refused.
 */
#include "hotmem/io.h"

#include <string.h>

typedef struct {
    uint32_t regs[4];
    GString *log;
} Dev;

static uint64_t dev_read(void *opaque, uint64_t off, unsigned size)
{
    Dev *d = opaque;
    g_string_append_printf(d->log, "r%u@%u ", size, (unsigned)off);
    return d->regs[off / 4];
}

static void dev_write(void *opaque, uint64_t off, uint64_t value, unsigned size)
{
    Dev *d = opaque;
    g_string_append_printf(d->log, "w%u@%u=%x ", size, (unsigned)off, (unsigned)value);
}

static const IoOps unit_ops = {
    .read = dev_read, .write = dev_write, .min_size = 1, .max_size = 8, .read_unit = 4,
    .write_bytes = true,
};

static uint64_t rd(uint64_t addr, unsigned size)
{
    uint8_t b[8] = { 0 };
    uint64_t v = 0;
    io_dispatch(IO_SPACE_PORT, addr, b, size, false);
    memcpy(&v, b, size);
    return v;
}

static void test_split(void)
{
    Dev d = { .regs = { 0x44332211, 0x88776655, 0xccbbaa99, 0x00ffeedd },
              .log = g_string_new("") };
    GError *err = NULL;
    g_assert_true(io_register(IO_SPACE_PORT, 0x100, 16, &unit_ops, &d, "dev", &err));
    g_assert_cmphex(rd(0x100, 4), ==, 0x44332211);
    g_assert_cmphex(rd(0x103, 2), ==, 0x5544);            /* across two registers */
    g_assert_cmphex(rd(0x105, 1), ==, 0x66);
    g_assert_cmphex(rd(0x104, 8), ==, 0xccbbaa9988776655ULL);
    g_assert_cmpstr(d.log->str, ==, "r4@0 r4@0 r4@4 r4@4 r4@4 r4@8 ");
    g_string_truncate(d.log, 0);
    uint8_t w[4] = { 0xa1, 0xb2, 0xc3, 0xd4 };
    io_dispatch(IO_SPACE_PORT, 0x106, w, 4, true);
    g_assert_cmpstr(d.log->str, ==, "w1@6=a1 w1@7=b2 w1@8=c3 w1@9=d4 ");
    /* past the end of the range: all-ones, nothing written */
    g_string_truncate(d.log, 0);
    g_assert_cmphex(rd(0x10e, 4), ==, 0xffffffff);
    io_dispatch(IO_SPACE_PORT, 0x10e, w, 4, true);
    g_assert_cmpstr(d.log->str, ==, "");
    io_unregister_all();
    g_string_free(d.log, TRUE);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/io/split", test_split);
    return g_test_run();
}
