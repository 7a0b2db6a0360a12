/*
 * test-pc-memmap.c - RAM placement around the PCI hole, the e820 table and
 * the bzImage split.
 */
#include "hw/hotmem-pc.h"
#include "hw/pc_kernel.h"
#include "hw/pc_memmap.h"

#include <string.h>

static void test_layout_small(void)
{
    PcMemoryLayout l;
    pc_memory_layout_init(&l, 512ULL << 20);
    g_assert_cmpuint(l.below_4g, ==, 512ULL << 20);
    g_assert_cmpuint(l.above_4g, ==, 0);
    g_assert_cmpuint(pc_memory_layout_high_end(&l), ==, HM_4GIB);
}

static void test_layout_split(void)
{
    PcMemoryLayout l;
    pc_memory_layout_init(&l, 6ULL << 30);
    g_assert_cmpuint(l.below_4g, ==, 0xe0000000ULL);
    g_assert_cmpuint(l.above_4g, ==, (6ULL << 30) - 0xe0000000ULL);
    g_assert_cmpuint(pc_memory_layout_high_end(&l), ==, HM_4GIB + l.above_4g);
}

static void test_e820(void)
{
    PcMemoryLayout l;
    pc_memory_layout_init(&l, 512ULL << 20);
    GArray *t = pc_e820_build(&l);
    g_assert_cmpuint(t->len, ==, 2);
    g_assert_cmpuint(sizeof(HmE820Entry), ==, 20);
    HmE820Entry *e = (HmE820Entry *)t->data;
    g_assert_cmpuint(GUINT64_FROM_LE(e[0].addr), ==, 0);
    g_assert_cmpuint(GUINT64_FROM_LE(e[0].size), ==, 512ULL << 20);
    g_assert_cmpuint(GUINT32_FROM_LE(e[0].type), ==, HM_E820_RAM);
    g_assert_cmpuint(GUINT64_FROM_LE(e[1].addr), ==, PC_KVM_RESERVED_BASE);
    g_assert_cmpuint(GUINT32_FROM_LE(e[1].type), ==, HM_E820_RESERVED);
    g_array_free(t, TRUE);

    pc_memory_layout_init(&l, 5ULL << 30);
    t = pc_e820_build(&l);
    g_assert_cmpuint(t->len, ==, 3);
    e = (HmE820Entry *)t->data;
    g_assert_cmpuint(GUINT64_FROM_LE(e[0].size), ==, 0xe0000000ULL);
    g_assert_cmpuint(GUINT64_FROM_LE(e[1].addr), ==, HM_4GIB);
    g_assert_cmpuint(GUINT64_FROM_LE(e[1].size), ==, (5ULL << 30) - 0xe0000000ULL);
    /* bytes on the wire are little-endian and packed */
    const uint8_t *raw = (const uint8_t *)t->data;
    g_assert_cmpuint(raw[20 + 4], ==, 1);                 /* 4 GiB: byte 4 of addr */
    g_assert_cmpuint(raw[20 + 16], ==, HM_E820_RAM);
    g_array_free(t, TRUE);
}

static GBytes *fake_bzimage(unsigned setup_sects, uint16_t version, gsize total)
{
    uint8_t *p = g_malloc0(total);
    p[0x1f1] = setup_sects;
    p[0x1fe] = 0x55;
    p[0x1ff] = 0xaa;
    memcpy(p + 0x202, "HdrS", 4);
    p[0x206] = version & 0xff;
    p[0x207] = version >> 8;
    p[0x211] = 0x01;
    return g_bytes_new_take(p, total);
}

static void test_kernel_split(void)
{
    PcKernelImage img = { 0 };
    GError *err = NULL;
    GBytes *bz = fake_bzimage(27, 0x020f, 64 * 1024);
    g_assert_true(pc_kernel_split(&img, "k", bz, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(g_bytes_get_size(img.setup), ==, 28 * 512);
    g_assert_cmpuint(g_bytes_get_size(img.kernel), ==, 64 * 1024 - 28 * 512);
    pc_kernel_clear(&img);
    g_bytes_unref(bz);

    /* setup_sects 0 means 4 */
    bz = fake_bzimage(0, 0x020f, 8192);
    g_assert_true(pc_kernel_split(&img, "k", bz, &err));
    g_assert_cmpuint(g_bytes_get_size(img.setup), ==, 5 * 512);
    pc_kernel_clear(&img);
    g_bytes_unref(bz);
}

static void test_kernel_rejects(void)
{
    PcKernelImage img = { 0 };
    GError *err = NULL;
    GBytes *bz = fake_bzimage(4, 0x020b, 8192);
    g_assert_false(pc_kernel_split(&img, "old", bz, &err));
    g_assert_nonnull(strstr(err->message, "boot protocol 2.11"));
    g_clear_error(&err);
    g_bytes_unref(bz);

    bz = fake_bzimage(200, 0x020f, 8192);               /* setup beyond the file */
    g_assert_false(pc_kernel_split(&img, "short", bz, &err));
    g_assert_nonnull(strstr(err->message, "truncated"));
    g_clear_error(&err);
    g_bytes_unref(bz);

    uint8_t junk[4096] = { 0 };
    bz = g_bytes_new(junk, sizeof(junk));
    g_assert_false(pc_kernel_split(&img, "junk", bz, &err));
    g_assert_nonnull(strstr(err->message, "not a Linux bzImage"));
    g_clear_error(&err);
    g_bytes_unref(bz);

    g_assert_false(pc_kernel_load(&img, "/nonexistent/vmlinuz", NULL, NULL, &err));
    g_assert_nonnull(strstr(err->message, "-kernel:"));
    g_clear_error(&err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pc/layout/small", test_layout_small);
    g_test_add_func("/pc/layout/split", test_layout_split);
    g_test_add_func("/pc/e820", test_e820);
    g_test_add_func("/pc/kernel/split", test_kernel_split);
    g_test_add_func("/pc/kernel/rejects", test_kernel_rejects);
    return g_test_run();
}
