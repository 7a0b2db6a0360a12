/*
 * test-hpmem-fwcfg.c - the fw_cfg files of the DIMM slots, read through the
 * fw_cfg ports as the firmware reads them and compared byte by byte with
 * the layouts in docs/specs/acpi_hotplug.txt and docs/specs/fwcfg.txt.
 */
#include "hw/fw_cfg.h"
#include "hw/hotmem-pc.h"
#include "hw/pc_dimm.h"
#include "hw/pc_memmap.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "hotmem/options.h"

#include <stdarg.h>
#include <string.h>

#define GiB (1ULL << 30)
#define MiB (1ULL << 20)

typedef struct {
    MachineConfig cfg;
    PcMemoryLayout layout;
    FwCfgState *fw;
    PcDimms *dimms;
} Fixture;

static bool machine_up(Fixture *f, unsigned phys_bits, GError **errp, ...)
{
    const char *argv[64] = { "hotmem" };
    int argc = 1;
    va_list ap;
    va_start(ap, errp);
    for (const char *a; (a = va_arg(ap, const char *));) {
        argv[argc++] = a;
    }
    va_end(ap);
    g_assert_true(machine_config_parse(&f->cfg, argc, (char **)argv, errp));
    pc_memory_layout_init(&f->layout, f->cfg.ram_size);
    f->fw = fw_cfg_new(errp);
    g_assert_nonnull(f->fw);
    f->dimms = pc_dimms_new(&f->cfg, &f->layout, phys_bits, NULL, f->fw, NULL, errp);
    return f->dimms != NULL;
}

static void machine_down(Fixture *f)
{
    pc_dimms_free(f->dimms);
    fw_cfg_free(f->fw);
    machine_config_clear(&f->cfg);
    ram_block_remove_all();
    io_unregister_all();
}

static void select_key(uint16_t key)
{
    uint8_t d[2] = { (uint8_t)key, (uint8_t)(key >> 8) };
    io_dispatch(IO_SPACE_PORT, HM_FW_CFG_PORT_SEL, d, 2, true);
}

static void read_data(void *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        io_dispatch(IO_SPACE_PORT, HM_FW_CFG_PORT_DATA, (uint8_t *)buf + i, 1, false);
    }
}

/* Looks the file up in the directory (key 0x19) by name; NULL if absent. */
static GBytes *read_file(const char *name)
{
    uint32_t count;
    select_key(HM_FW_CFG_FILE_DIR);
    read_data(&count, 4);
    count = GUINT32_FROM_BE(count);
    for (uint32_t i = 0; i < count; i++) {
        uint8_t e[64];
        read_data(e, sizeof(e));
        if (!strcmp((char *)e + 8, name)) {
            uint32_t size = (uint32_t)e[0] << 24 | e[1] << 16 | e[2] << 8 | e[3];
            uint16_t key = (uint16_t)(e[4] << 8 | e[5]);
            uint8_t *data = g_malloc(size ? size : 1);
            select_key(key);
            read_data(data, size);
            return g_bytes_new_take(data, size);
        }
    }
    return NULL;
}

static void put_le(GByteArray *a, uint64_t v, unsigned bytes)
{
    for (unsigned i = 0; i < bytes; i++) {
        uint8_t b = (uint8_t)(v >> (8 * i));
        g_byte_array_append(a, &b, 1);
    }
}

static void assert_bytes(GBytes *got, GByteArray *want)
{
    gsize len;
    const uint8_t *p = g_bytes_get_data(got, &len);
    g_assert_cmpuint(len, ==, want->len);
    for (gsize i = 0; i < len; i++) {
        if (p[i] != want->data[i]) {
            g_test_message("byte %zu: got 0x%02x, want 0x%02x", (size_t)i, p[i],
                           want->data[i]);
            g_test_fail();
            return;
        }
    }
}

static void hpmem_entry(GByteArray *a, uint64_t base, uint64_t size, uint32_t node,
                        uint32_t flags)
{
    put_le(a, base, 8);
    put_le(a, size, 8);
    put_le(a, node, 4);
    put_le(a, flags, 4);
    put_le(a, 0, 8);
}

static void test_hotplug_memory(void)
{
    Fixture f = { 0 };
    GError *err = NULL;
    g_assert_true(machine_up(&f, 40, &err, "-m", "512M,slots=2,maxmem=8G", "-smp", "2",
                             "-numa", "node,nodeid=0,cpus=0", "-numa", "node,nodeid=1,cpus=1",
                             "-dimm", "id=d0,size=1G,node=1,populated=on",
                             "-dimm", "id=d1,size=512M,node=0,populated=off", NULL));
    g_assert_no_error(err);
    GBytes *got = read_file(HM_FW_CFG_FILE_HOTPLUG_MEMORY);
    g_assert_nonnull(got);

    GByteArray *want = g_byte_array_new();
    static const uint8_t magic[] = { 'H', 'H', 'M', 'P' };
    g_byte_array_append(want, magic, 4);                  /* 0x504d4848 LE */
    put_le(want, 1, 2);                                   /* version */
    put_le(want, 40, 2);                                  /* header size */
    put_le(want, 4, 4);                                   /* slots */
    put_le(want, 32, 4);                                  /* entry size */
    put_le(want, 4 * GiB, 8);                             /* region base */
    /* 1 G + 1 G (d0, d1 rounded) + (8 G - 512 M - 1.5 G) + 2 x 1 G slack */
    put_le(want, 10 * GiB, 8);
    put_le(want, 2, 4);                                   /* nodes */
    put_le(want, 0, 4);
    g_assert_cmpuint(want->len, ==, 40);
    hpmem_entry(want, 4 * GiB, GiB, 1, HM_HPMEM_F_POPULATED | HM_HPMEM_F_HOTPLUGGABLE);
    hpmem_entry(want, 5 * GiB, 512 * MiB, 0, HM_HPMEM_F_HOTPLUGGABLE);
    hpmem_entry(want, 0, 0, 0, HM_HPMEM_F_HOTPLUGGABLE);
    hpmem_entry(want, 0, 0, 0, HM_HPMEM_F_HOTPLUGGABLE);
    g_assert_cmpuint(want->len, ==, 40 + 4 * 32);
    assert_bytes(got, want);
    g_bytes_unref(got);
    g_byte_array_unref(want);

    /* the same bytes come from the builder directly */
    GByteArray *direct = pc_dimms_hotplug_memory_file(f.dimms->bus, 2);
    got = read_file(HM_FW_CFG_FILE_HOTPLUG_MEMORY);
    assert_bytes(got, direct);
    g_bytes_unref(got);
    g_byte_array_unref(direct);

    /* reserved-memory-end: the region end */
    got = read_file(HM_FW_CFG_FILE_RESERVED_MEM_END);
    want = g_byte_array_new();
    put_le(want, 14 * GiB, 8);
    assert_bytes(got, want);
    g_bytes_unref(got);
    g_byte_array_unref(want);
    machine_down(&f);
}

static void test_numa(void)
{
    Fixture f = { 0 };
    GError *err = NULL;
    g_assert_true(machine_up(&f, 40, &err, "-m", "1G", "-smp", "3",
                             "-numa", "node,cpus=1-2,mem=256M", "-numa", "node,mem=512M",
                             "-numa", "node,cpus=0,mem=256M", NULL));
    GBytes *got = read_file(HM_FW_CFG_FILE_NUMA);
    g_assert_nonnull(got);
    GByteArray *want = g_byte_array_new();
    put_le(want, 3, 4);                      /* nodes */
    put_le(want, 3, 4);                      /* CPUs */
    put_le(want, 2, 4);                      /* CPU 0 -> node 2 */
    put_le(want, 0, 4);
    put_le(want, 0, 4);
    put_le(want, 256 * MiB, 8);
    put_le(want, 512 * MiB, 8);
    put_le(want, 256 * MiB, 8);
    g_assert_cmpuint(want->len, ==, 8 + 4 * 3 + 8 * 3);
    assert_bytes(got, want);
    g_bytes_unref(got);
    g_byte_array_unref(want);
    machine_down(&f);

    /* without -numa: one node, everything in it */
    g_assert_true(machine_up(&f, 40, &err, "-m", "768M", "-smp", "2", NULL));
    got = read_file(HM_FW_CFG_FILE_NUMA);
    want = g_byte_array_new();
    put_le(want, 1, 4);
    put_le(want, 2, 4);
    put_le(want, 0, 4);
    put_le(want, 0, 4);
    put_le(want, 768 * MiB, 8);
    assert_bytes(got, want);
    g_bytes_unref(got);
    g_byte_array_unref(want);
    machine_down(&f);
}

/* No slots: an empty etc/hotplug-memory, reserved end = RAM end rounded. */
static void test_no_slots(void)
{
    Fixture f = { 0 };
    GError *err = NULL;
    g_assert_true(machine_up(&f, 40, &err, "-m", "5G", NULL));
    GBytes *got = read_file(HM_FW_CFG_FILE_HOTPLUG_MEMORY);
    gsize len;
    const uint8_t *p = g_bytes_get_data(got, &len);
    g_assert_cmpuint(len, ==, 40);
    g_assert_cmpuint(p[8] | p[9] | p[10] | p[11], ==, 0);                /* slot count */
    g_assert_cmphex(GUINT64_FROM_LE(*(const uint64_t *)(p + 16)), ==, 6 * GiB);
    g_assert_cmphex(GUINT64_FROM_LE(*(const uint64_t *)(p + 24)), ==, 0);
    g_bytes_unref(got);
    /* 5 GiB of RAM: 3.5 GiB low, 1.5 GiB from 4 GiB, ends at 5.5 GiB -> 6 GiB */
    got = read_file(HM_FW_CFG_FILE_RESERVED_MEM_END);
    g_assert_cmphex(GUINT64_FROM_LE(*(const uint64_t *)g_bytes_get_data(got, NULL)), ==,
                    6 * GiB);
    g_bytes_unref(got);
    machine_down(&f);

    g_assert_true(machine_up(&f, 40, &err, "-m", "512M", NULL));
    got = read_file(HM_FW_CFG_FILE_RESERVED_MEM_END);
    g_assert_cmphex(GUINT64_FROM_LE(*(const uint64_t *)g_bytes_get_data(got, NULL)), ==,
                    4 * GiB);
    g_bytes_unref(got);
    machine_down(&f);
}

static uint64_t read_u64_at(GBytes *b, size_t off)
{
    gsize len;
    const uint8_t *p = g_bytes_get_data(b, &len);
    g_assert_cmpuint(len, >=, off + 8);
    uint64_t v = 0;
    for (unsigned i = 0; i < 8; i++) {
        v |= (uint64_t)p[off + i] << (8 * i);
    }
    return v;
}

/* A -dimm slot past what the guest can address (2^36 minus the 32 GiB of the
 * 64-bit PCI window) fails the machine, with no file published and nothing
 * left mapped. */
static void test_phys_bits(void)
{
    Fixture f = { 0 };
    GError *err = NULL;
    g_assert_false(machine_up(&f, 36, &err, "-m", "512M,slots=1,maxmem=2T",
                              "-dimm", "id=d0,size=30G,populated=on", NULL));
    g_assert_cmpstr(err->message, ==,
                    "-dimm d0: [0x100000000, 0x880000000) is beyond the guest's 36-bit "
                    "physical address space: DIMMs must end by 0x800000000 (2^36 minus 32G "
                    "for the 64-bit PCI window)");
    g_clear_error(&err);
    g_assert_null(read_file(HM_FW_CFG_FILE_HOTPLUG_MEMORY));
    g_assert_null(guest_mem_range(4 * GiB, 1, false));
    machine_down(&f);

    /* the same layout fits in 40 bits */
    g_assert_true(machine_up(&f, 40, &err, "-m", "512M,slots=1,maxmem=2T",
                             "-dimm", "id=d0,size=30G,populated=on", NULL));
    g_assert_nonnull(guest_mem_range(4 * GiB, 30 * GiB, true));
    machine_down(&f);
}

/* libvirt's -m with maxmem 1 PiB: accepted; what the firmware is told (the
 * region, etc/reserved-memory-end) stops 32 GiB below 2^40, so that the
 * 64-bit PCI window fits under the address width. */
static void test_maxmem_beyond_width(void)
{
    Fixture f = { 0 };
    GError *err = NULL;
    const uint64_t limit = (1ULL << 40) - 32 * GiB;
    g_assert_true(machine_up(&f, 40, &err, "-m", "size=219136k,slots=16,maxmem=1099511627776k",
                             NULL));
    g_assert_no_error(err);
    GBytes *got = read_file(HM_FW_CFG_FILE_HOTPLUG_MEMORY);
    g_assert_nonnull(got);
    g_assert_cmphex(read_u64_at(got, 16), ==, 4 * GiB);            /* region base */
    g_assert_cmphex(read_u64_at(got, 16) + read_u64_at(got, 24), ==, limit);
    g_bytes_unref(got);
    got = read_file(HM_FW_CFG_FILE_RESERVED_MEM_END);
    g_assert_cmphex(read_u64_at(got, 0), ==, limit);
    g_bytes_unref(got);
    machine_down(&f);

    /* a maxmem that fits is not cut: 4 GiB + (8 GiB - 512 MiB + 2 GiB, rounded) */
    g_assert_true(machine_up(&f, 40, &err, "-m", "512M,slots=2,maxmem=8G", NULL));
    got = read_file(HM_FW_CFG_FILE_RESERVED_MEM_END);
    g_assert_cmphex(read_u64_at(got, 0), ==, 14 * GiB);
    g_bytes_unref(got);
    machine_down(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    /* the machine's memory code expects the device lock (docs/devel/memory.md);
     * nothing else takes it here */
    device_lock();
    g_test_add_func("/hpmem-fwcfg/hotplug-memory", test_hotplug_memory);
    g_test_add_func("/hpmem-fwcfg/numa", test_numa);
    g_test_add_func("/hpmem-fwcfg/no-slots", test_no_slots);
    g_test_add_func("/hpmem-fwcfg/phys-bits", test_phys_bits);
    g_test_add_func("/hpmem-fwcfg/maxmem-beyond-width", test_maxmem_beyond_width);
    return g_test_run();
}
