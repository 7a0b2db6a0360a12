/*
 * test-pc-kernel.c - -kernel/-initrd served from their files through
 * fw_cfg: the bytes the firmware gets, what a reset reads, what a changed
 * file does, and that no copy of them stays in the VMM's memory.
 */
#include "hw/fw_cfg.h"
#include "hw/pc_kernel.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "hotmem/util.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define RAM_GPA     0x100000ULL
#define SETUP_SECTS 27
#define SETUP_LEN   ((SETUP_SECTS + 1) * 512)

typedef struct {
    FwCfgState *fw;
    uint8_t *ram;
    uint64_t ram_size;
    char *dir;
    char *kernel_path;
    char *initrd_path;
    GBytes *kernel;         /* the file contents, to compare with */
    GBytes *initrd;
    PcKernelImage img;
} Fixture;

static GBytes *fake_bzimage(size_t total, uint8_t seed)
{
    uint8_t *p = g_malloc(total);
    for (size_t i = 0; i < total; i++) {
        p[i] = (uint8_t)(i * 7 + seed + (i >> 12));
    }
    memset(p + 0x1f0, 0, 0x30);
    p[0x1f1] = SETUP_SECTS;
    p[0x1fe] = 0x55;
    p[0x1ff] = 0xaa;
    memcpy(p + 0x202, "HdrS", 4);
    p[0x206] = 0x0f;
    p[0x207] = 0x02;
    p[0x211] = 0x01;
    return g_bytes_new_take(p, total);
}

static GBytes *pattern(size_t len, uint8_t seed)
{
    uint8_t *p = g_malloc(len);
    for (size_t i = 0; i < len; i++) {
        p[i] = (uint8_t)(i * 31 + seed + (i >> 10));
    }
    return g_bytes_new_take(p, len);
}

static void put_file(const char *path, GBytes *b)
{
    GError *err = NULL;
    gsize len;
    const char *data = g_bytes_get_data(b, &len);
    g_assert_true(g_file_set_contents(path, data, len, &err));
    g_assert_no_error(err);
}

static void fixture_setup(Fixture *f, size_t kernel_len, size_t initrd_len)
{
    GError *err = NULL;
    f->dir = g_dir_make_tmp("pc-kernel-XXXXXX", &err);
    g_assert_no_error(err);
    f->kernel_path = g_build_filename(f->dir, "vmlinuz", NULL);
    f->initrd_path = g_build_filename(f->dir, "initrd", NULL);
    f->kernel = fake_bzimage(kernel_len, 1);
    f->initrd = pattern(initrd_len, 2);
    put_file(f->kernel_path, f->kernel);
    put_file(f->initrd_path, f->initrd);
    f->fw = fw_cfg_new(&err);
    g_assert_no_error(err);
    /* guest RAM big enough for the largest item, plus a descriptor page */
    f->ram_size = (MAX(kernel_len, initrd_len) + 0x2000 + 0xfff) & ~0xfffULL;
    f->ram = mmap(NULL, f->ram_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                  -1, 0);
    g_assert_true(f->ram != MAP_FAILED);
    g_assert_nonnull(ram_block_add("ram", RAM_GPA, f->ram_size, f->ram, false, &err));
}

static void fixture_teardown(Fixture *f)
{
    pc_kernel_clear(&f->img);
    fw_cfg_free(f->fw);
    ram_block_remove_all();
    io_unregister_all();
    munmap(f->ram, f->ram_size);
    g_unlink(f->kernel_path);
    g_unlink(f->initrd_path);
    g_rmdir(f->dir);
    g_free(f->kernel_path);
    g_free(f->initrd_path);
    g_free(f->dir);
    g_bytes_unref(f->kernel);
    g_bytes_unref(f->initrd);
}

static void out16(uint16_t port, uint16_t v)
{
    uint8_t d[2] = { (uint8_t)v, (uint8_t)(v >> 8) };
    io_dispatch(IO_SPACE_PORT, port, d, 2, true);
}

static uint32_t read_u32_item(uint16_t key)
{
    out16(HM_FW_CFG_PORT_SEL, key);
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        uint8_t b = 0;
        io_dispatch(IO_SPACE_PORT, HM_FW_CFG_PORT_DATA, &b, 1, false);
        v |= (uint32_t)b << (8 * i);
    }
    return v;
}

/* One SELECT|READ descriptor at the start of RAM, data after it, the way
 * the firmware loads an item; returns the control word written back. */
static uint32_t dma_item(Fixture *f, uint16_t key, uint32_t len)
{
    uint8_t *d = f->ram;
    uint32_t c = GUINT32_TO_BE((uint32_t)key << 16 | HM_FW_CFG_DMA_CTL_SELECT |
                               HM_FW_CFG_DMA_CTL_READ);
    uint32_t l = GUINT32_TO_BE(len);
    uint64_t a = GUINT64_TO_BE(RAM_GPA + 0x1000);
    memcpy(d, &c, 4);
    memcpy(d + 4, &l, 4);
    memcpy(d + 8, &a, 8);
    uint32_t hi = GUINT32_TO_BE(0), lo = GUINT32_TO_BE((uint32_t)RAM_GPA);
    io_dispatch(IO_SPACE_PORT, HM_FW_CFG_PORT_DMA, (uint8_t *)&hi, 4, true);
    io_dispatch(IO_SPACE_PORT, HM_FW_CFG_PORT_DMA + 4, (uint8_t *)&lo, 4, true);
    memcpy(&c, d, 4);
    return GUINT32_FROM_BE(c);
}

static void assert_items(Fixture *f)
{
    gsize klen, ilen;
    const uint8_t *k = g_bytes_get_data(f->kernel, &klen);
    const uint8_t *in = g_bytes_get_data(f->initrd, &ilen);
    g_assert_cmpuint(read_u32_item(HM_FW_CFG_SETUP_SIZE), ==, SETUP_LEN);
    g_assert_cmpuint(read_u32_item(HM_FW_CFG_KERNEL_SIZE), ==, klen - SETUP_LEN);
    g_assert_cmpuint(read_u32_item(HM_FW_CFG_INITRD_SIZE), ==, ilen);

    g_assert_cmpuint(dma_item(f, HM_FW_CFG_SETUP_DATA, SETUP_LEN), ==, 0);
    g_assert_cmpmem(f->ram + 0x1000, SETUP_LEN, k, SETUP_LEN);
    g_assert_cmpuint(dma_item(f, HM_FW_CFG_KERNEL_DATA, klen - SETUP_LEN), ==, 0);
    g_assert_cmpmem(f->ram + 0x1000, klen - SETUP_LEN, k + SETUP_LEN, klen - SETUP_LEN);
    g_assert_cmpuint(dma_item(f, HM_FW_CFG_INITRD_DATA, ilen), ==, 0);
    g_assert_cmpmem(f->ram + 0x1000, ilen, in, ilen);
    g_assert_cmpuint(dma_item(f, HM_FW_CFG_CMDLINE_DATA, 12), ==, 0);
    g_assert_cmpmem(f->ram + 0x1000, 12, "console=ttyS", 12);
}

static void load(Fixture *f)
{
    GError *err = NULL;
    g_assert_true(pc_kernel_load(&f->img, f->kernel_path, f->initrd_path, "console=ttyS0",
                                 &err));
    g_assert_no_error(err);
    pc_kernel_add_fw_cfg(&f->img, f->fw);
}

static void test_items_and_reset(void)
{
    Fixture f = { 0 };
    GError *err = NULL;
    fixture_setup(&f, 300 * 1024 + 123, 77 * 1024 + 5);
    load(&f);
    assert_items(&f);

    /* a reset: the check passes and the next boot reads identical bytes */
    g_assert_true(pc_kernel_check(&f.img, &err));
    g_assert_no_error(err);
    fw_cfg_reset(f.fw);
    memset(f.ram + 0x1000, 0, f.ram_size - 0x1000);
    assert_items(&f);

    /* a new file renamed over the path: reset still boots what start
     * checked (the descriptor pins it) */
    g_autofree char *tmp = g_build_filename(f.dir, "new", NULL);
    GBytes *other = fake_bzimage(200 * 1024, 9);
    put_file(tmp, other);
    g_assert_cmpint(g_rename(tmp, f.kernel_path), ==, 0);
    g_assert_true(pc_kernel_check(&f.img, &err));
    g_assert_no_error(err);
    fw_cfg_reset(f.fw);
    assert_items(&f);
    /* ... and so is an unlinked one */
    g_unlink(f.initrd_path);
    g_assert_true(pc_kernel_check(&f.img, &err));
    fw_cfg_reset(f.fw);
    assert_items(&f);
    g_bytes_unref(other);
    fixture_teardown(&f);
}

static void test_changed_in_place(void)
{
    Fixture f = { 0 };
    GError *err = NULL;
    fixture_setup(&f, 64 * 1024, 8 * 1024);
    load(&f);

    /* rewritten in place, same inode: refused at reset, naming the file */
    FILE *fp = fopen(f.initrd_path, "ab");
    g_assert_nonnull(fp);
    fputs("more", fp);
    fclose(fp);
    g_assert_false(pc_kernel_check(&f.img, &err));
    g_assert_nonnull(err);
    g_assert_nonnull(strstr(err->message, "-initrd"));
    g_assert_nonnull(strstr(err->message, f.initrd_path));
    g_assert_nonnull(strstr(err->message, "modified"));
    g_clear_error(&err);

    /* same size, new contents (and modification time) */
    pc_kernel_clear(&f.img);
    load(&f);
    g_assert_true(pc_kernel_check(&f.img, &err));
    struct timespec ts = { 0, 50 * 1000 * 1000 };
    nanosleep(&ts, NULL);       /* a later mtime even on coarse clocks */
    fp = fopen(f.kernel_path, "r+b");
    g_assert_nonnull(fp);
    fseek(fp, 0x8000, SEEK_SET);
    fputs("patched", fp);
    fclose(fp);
    g_assert_false(pc_kernel_check(&f.img, &err));
    g_assert_nonnull(strstr(err->message, "-kernel"));
    g_clear_error(&err);
    fixture_teardown(&f);
}

static void test_bad_files(void)
{
    PcKernelImage img = { 0 };
    GError *err = NULL;
    g_assert_false(pc_kernel_load(&img, "/dev/null", NULL, NULL, &err));
    g_assert_nonnull(strstr(err->message, "not a regular file"));
    g_clear_error(&err);
    g_assert_false(pc_kernel_load(&img, "/", NULL, NULL, &err));
    g_assert_nonnull(strstr(err->message, "-kernel:"));
    g_clear_error(&err);

    Fixture f = { 0 };
    fixture_setup(&f, 64 * 1024, 1024);
    g_assert_false(pc_kernel_load(&img, f.kernel_path, "/nonexistent/initrd", NULL, &err));
    g_assert_nonnull(strstr(err->message, "-initrd: cannot open /nonexistent/initrd"));
    g_clear_error(&err);
    /* a failed load leaves nothing open */
    g_assert_false(img.kernel_file.open);
    g_assert_false(pc_kernel_load(&img, f.initrd_path, NULL, NULL, &err));
    g_assert_nonnull(strstr(err->message, "not a Linux bzImage"));
    g_clear_error(&err);
    fixture_teardown(&f);
}

static long rss_anon_kb(void)
{
    g_autofree char *status = NULL;
    g_assert_true(g_file_get_contents("/proc/self/status", &status, NULL, NULL));
    const char *p = strstr(status, "RssAnon:");
    g_assert_nonnull(p);
    return strtol(p + strlen("RssAnon:"), NULL, 10);
}

/* The items are not copied into the VMM's memory: loading an 8 MiB kernel
 * and a 2 MiB initrd, and DMA-ing both into guest RAM, costs the process
 * the guest RAM touched and nothing more. */
static void test_no_resident_copy(void)
{
    Fixture f = { 0 };
    const size_t klen = 8 << 20, ilen = 2 << 20;
    fixture_setup(&f, klen, ilen);
    long before = rss_anon_kb();
    load(&f);
    long loaded = rss_anon_kb();
    g_test_message("RssAnon %ld kB before, %ld kB after loading", before, loaded);
    g_assert_cmpint(loaded - before, <, 512);

    g_assert_cmpuint(dma_item(&f, HM_FW_CFG_KERNEL_DATA, klen - SETUP_LEN), ==, 0);
    g_assert_cmpuint(dma_item(&f, HM_FW_CFG_INITRD_DATA, ilen), ==, 0);
    g_assert_cmpmem(f.ram + 0x1000, ilen, g_bytes_get_data(f.initrd, NULL), ilen);
    long after = rss_anon_kb();
    long guest = (long)((klen - SETUP_LEN + 0x1000) >> 10) + 4;
    g_test_message("RssAnon %ld kB after DMA, guest RAM touched %ld kB", after, guest);
    g_assert_cmpint(after - before - guest, <, 512);
    fixture_teardown(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pc-kernel/items-and-reset", test_items_and_reset);
    g_test_add_func("/pc-kernel/changed-in-place", test_changed_in_place);
    g_test_add_func("/pc-kernel/bad-files", test_bad_files);
    g_test_add_func("/pc-kernel/no-resident-copy", test_no_resident_copy);
    return g_test_run();
}
