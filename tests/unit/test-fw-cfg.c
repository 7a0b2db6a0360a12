/*
 * test-fw-cfg.c - fw_cfg through its ports, as a vCPU would drive it.
 */
#include "hw/fw_cfg.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "hotmem/util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#define RAM_GPA   0x100000ULL
#define RAM_SIZE  0x10000ULL
#define CANARY    0xa5

typedef struct {
    FwCfgState *fw;
    uint8_t *ram;
    RamBlock *block;
} Fixture;

static void fixture_setup(Fixture *f, gconstpointer data)
{
    GError *err = NULL;
    f->fw = fw_cfg_new(&err);
    g_assert_no_error(err);
    f->ram = g_malloc(RAM_SIZE);
    memset(f->ram, CANARY, RAM_SIZE);
    f->block = ram_block_add("ram", RAM_GPA, RAM_SIZE, f->ram, false, &err);
    g_assert_no_error(err);
}

static void fixture_teardown(Fixture *f, gconstpointer data)
{
    fw_cfg_free(f->fw);
    ram_block_remove_all();
    io_unregister_all();
    g_free(f->ram);
}

static void out16(uint16_t port, uint16_t v)
{
    uint8_t d[2] = { (uint8_t)v, (uint8_t)(v >> 8) };
    io_dispatch(IO_SPACE_PORT, port, d, 2, true);
}

static void out32(uint16_t port, uint32_t v)
{
    uint8_t d[4];
    for (int i = 0; i < 4; i++) {
        d[i] = (uint8_t)(v >> (8 * i));
    }
    io_dispatch(IO_SPACE_PORT, port, d, 4, true);
}

static uint8_t in8(uint16_t port)
{
    uint8_t d = 0;
    io_dispatch(IO_SPACE_PORT, port, &d, 1, false);
    return d;
}

static void read_item(uint16_t key, void *buf, size_t len)
{
    out16(HM_FW_CFG_PORT_SEL, key);
    for (size_t i = 0; i < len; i++) {
        ((uint8_t *)buf)[i] = in8(HM_FW_CFG_PORT_DATA);
    }
}

/* Guest writes the descriptor at desc_gpa and kicks DMA the SeaBIOS way. */
static void dma_kick(uint64_t desc_gpa)
{
    out32(HM_FW_CFG_PORT_DMA, GUINT32_TO_BE((uint32_t)(desc_gpa >> 32)));
    out32(HM_FW_CFG_PORT_DMA + 4, GUINT32_TO_BE((uint32_t)desc_gpa));
}

static uint8_t *gpa_ptr(Fixture *f, uint64_t gpa)
{
    return f->ram + (gpa - RAM_GPA);
}

static void put_desc(Fixture *f, uint64_t gpa, uint32_t control, uint32_t length,
                     uint64_t address)
{
    uint32_t c = GUINT32_TO_BE(control), l = GUINT32_TO_BE(length);
    uint64_t a = GUINT64_TO_BE(address);
    uint8_t *p = gpa_ptr(f, gpa);
    memcpy(p, &c, 4);
    memcpy(p + 4, &l, 4);
    memcpy(p + 8, &a, 8);
}

static uint32_t get_control(Fixture *f, uint64_t gpa)
{
    uint32_t c;
    memcpy(&c, gpa_ptr(f, gpa), 4);
    return GUINT32_FROM_BE(c);
}

static void assert_filled(const uint8_t *p, size_t len, uint8_t v)
{
    for (size_t i = 0; i < len; i++) {
        if (p[i] != v) {
            g_error("byte %zu is 0x%02x, expected 0x%02x", i, p[i], v);
        }
    }
}

static void test_signature_id(Fixture *f, gconstpointer data)
{
    char sig[5] = { 0 };
    read_item(HM_FW_CFG_SIGNATURE, sig, 4);
    g_assert_cmpstr(sig, ==, "QEMU");
    uint32_t id;
    read_item(HM_FW_CFG_ID, &id, 4);
    g_assert_cmpuint(GUINT32_FROM_LE(id), ==, HM_FW_CFG_ID_TRADITIONAL | HM_FW_CFG_ID_DMA);

    /* the DMA register reads "QEMU CFG" in memory order */
    char dsig[9] = { 0 };
    io_dispatch(IO_SPACE_PORT, HM_FW_CFG_PORT_DMA, (uint8_t *)dsig, 8, false);
    g_assert_cmpstr(dsig, ==, "QEMU CFG");
    uint8_t b = 0;
    io_dispatch(IO_SPACE_PORT, HM_FW_CFG_PORT_DMA + 4, &b, 1, false);
    g_assert_cmpint(b, ==, ' ');
}

static void test_items(Fixture *f, gconstpointer data)
{
    fw_cfg_add_i16(f->fw, HM_FW_CFG_NB_CPUS, 0x0203);
    fw_cfg_add_i32(f->fw, HM_FW_CFG_KERNEL_SIZE, 0x11223344);
    fw_cfg_add_i64(f->fw, HM_FW_CFG_RAM_SIZE, 0x0102030405060708ULL);
    char buf[6] = "hello";
    fw_cfg_add_bytes(f->fw, HM_FW_CFG_CMDLINE_DATA, buf, 6);
    buf[0] = 'X';   /* the device took a copy */

    uint8_t v[8];
    read_item(HM_FW_CFG_NB_CPUS, v, 2);
    g_assert_cmpint(v[0], ==, 0x03);
    g_assert_cmpint(v[1], ==, 0x02);
    read_item(HM_FW_CFG_KERNEL_SIZE, v, 4);
    g_assert_cmpint(v[0], ==, 0x44);
    g_assert_cmpint(v[3], ==, 0x11);
    read_item(HM_FW_CFG_RAM_SIZE, v, 8);
    g_assert_cmpint(v[0], ==, 0x08);
    g_assert_cmpint(v[7], ==, 0x01);

    /* sequential reads continue, past the end they return 0 */
    char s[9];
    read_item(HM_FW_CFG_CMDLINE_DATA, s, 9);
    g_assert_cmpstr(s, ==, "hello");
    g_assert_cmpint(s[6], ==, 0);
    g_assert_cmpint(s[8], ==, 0);

    /* reselecting rewinds */
    read_item(HM_FW_CFG_CMDLINE_DATA, s, 2);
    g_assert_cmpint(s[0], ==, 'h');

    /* replacing an item */
    fw_cfg_add_i16(f->fw, HM_FW_CFG_NB_CPUS, 7);
    read_item(HM_FW_CFG_NB_CPUS, v, 2);
    g_assert_cmpint(v[0], ==, 7);

    /* unknown key: zeroes, no crash */
    uint64_t errs = hm_guest_error_count();
    read_item(0x1e, v, 4);
    assert_filled(v, 4, 0);
    read_item(0x7fff, v, 4);
    assert_filled(v, 4, 0);
    g_assert_cmpuint(hm_guest_error_count(), >, errs);

    /* reset selects the signature again */
    read_item(HM_FW_CFG_NB_CPUS, v, 1);
    fw_cfg_reset(f->fw);
    g_assert_cmpint(in8(HM_FW_CFG_PORT_DATA), ==, 'Q');
}

static void test_files(Fixture *f, gconstpointer data)
{
    GError *err = NULL;
    static const char *names[] = { "etc/zeta", "etc/e820", "etc/alpha", "bootorder" };
    for (unsigned i = 0; i < G_N_ELEMENTS(names); i++) {
        char padded[64] = { 0 };
        strcpy(padded, names[i]);
        g_assert_true(fw_cfg_add_file(f->fw, names[i], padded, strlen(names[i]) + 1 + i,
                                      &err));
        g_assert_no_error(err);
    }
    g_assert_false(fw_cfg_add_file(f->fw, "etc/e820", "x", 1, &err));
    g_assert_error(err, HM_ERROR, 0);
    g_clear_error(&err);
    char longname[FW_CFG_NAME_LEN + 1];
    memset(longname, 'a', FW_CFG_NAME_LEN);
    longname[FW_CFG_NAME_LEN] = 0;
    g_assert_false(fw_cfg_add_file(f->fw, longname, "x", 1, &err));
    g_assert_nonnull(err);
    g_clear_error(&err);
    longname[FW_CFG_NAME_LEN - 1] = 0;      /* 55 characters + NUL fit */
    g_assert_true(fw_cfg_add_file(f->fw, longname, "", 0, &err));
    g_assert_no_error(err);

    uint8_t dir[4 + 5 * 64];
    read_item(HM_FW_CFG_FILE_DIR, dir, sizeof(dir));
    g_assert_cmpuint(dir[0] << 24 | dir[1] << 16 | dir[2] << 8 | dir[3], ==, 5);
    static const char *sorted[] = { NULL, "bootorder", "etc/alpha", "etc/e820", "etc/zeta" };
    sorted[0] = longname;   /* "aaa..." sorts first */
    for (unsigned i = 0; i < 5; i++) {
        const uint8_t *e = dir + 4 + 64 * i;
        uint32_t size = (uint32_t)e[0] << 24 | e[1] << 16 | e[2] << 8 | e[3];
        uint16_t key = (uint16_t)(e[4] << 8 | e[5]);
        g_assert_cmpuint(key, ==, HM_FW_CFG_FILE_FIRST + i);
        g_assert_cmpint(e[6], ==, 0);
        g_assert_cmpint(e[7], ==, 0);
        g_assert_cmpstr((const char *)e + 8, ==, sorted[i]);
        if (i == 0) {
            g_assert_cmpuint(size, ==, 0);
            continue;
        }
        unsigned orig = 0;
        while (strcmp(names[orig], sorted[i])) {
            orig++;
        }
        g_assert_cmpuint(size, ==, strlen(sorted[i]) + 1 + orig);
        char content[64];
        read_item(key, content, size);
        g_assert_cmpstr(content, ==, sorted[i]);
    }
}

static void test_dma_read(Fixture *f, gconstpointer data)
{
    GError *err = NULL;
    uint8_t payload[300];
    for (unsigned i = 0; i < sizeof(payload); i++) {
        payload[i] = (uint8_t)(i * 7 + 1);
    }
    g_assert_true(fw_cfg_add_file(f->fw, "etc/test", payload, sizeof(payload), &err));
    const uint64_t desc = RAM_GPA + 0x100, buf = RAM_GPA + 0x1000;

    /* select + read the first 100 bytes */
    put_desc(f, desc, (uint32_t)HM_FW_CFG_FILE_FIRST << 16 | HM_FW_CFG_DMA_CTL_SELECT |
             HM_FW_CFG_DMA_CTL_READ, 100, buf);
    dma_kick(desc);
    g_assert_cmpuint(get_control(f, desc), ==, 0);
    g_assert_cmpmem(gpa_ptr(f, buf), 100, payload, 100);
    g_assert_cmpint(gpa_ptr(f, buf)[100], ==, CANARY);

    /* skip 50, then read past the end: the tail is zero-filled */
    put_desc(f, desc, HM_FW_CFG_DMA_CTL_SKIP, 50, 0);
    dma_kick(desc);
    g_assert_cmpuint(get_control(f, desc), ==, 0);
    put_desc(f, desc, HM_FW_CFG_DMA_CTL_READ, 200, buf);
    dma_kick(desc);
    g_assert_cmpuint(get_control(f, desc), ==, 0);
    g_assert_cmpmem(gpa_ptr(f, buf), 150, payload + 150, 150);
    assert_filled(gpa_ptr(f, buf) + 150, 50, 0);
    g_assert_cmpint(gpa_ptr(f, buf)[200], ==, CANARY);

    /* an 8-byte write to 0x514 triggers as well; the port data read continues */
    put_desc(f, desc, (uint32_t)HM_FW_CFG_SIGNATURE << 16 | HM_FW_CFG_DMA_CTL_SELECT |
             HM_FW_CFG_DMA_CTL_READ, 2, buf);
    uint64_t be = GUINT64_TO_BE(desc);
    io_dispatch(IO_SPACE_PORT, HM_FW_CFG_PORT_DMA, (uint8_t *)&be, 8, true);
    g_assert_cmpuint(get_control(f, desc), ==, 0);
    g_assert_cmpmem(gpa_ptr(f, buf), 2, "QE", 2);
    g_assert_cmpint(in8(HM_FW_CFG_PORT_DATA), ==, 'M');

    /* select without read just selects */
    put_desc(f, desc, (uint32_t)HM_FW_CFG_ID << 16 | HM_FW_CFG_DMA_CTL_SELECT, 0, 0);
    dma_kick(desc);
    g_assert_cmpuint(get_control(f, desc), ==, 0);
    g_assert_cmpint(in8(HM_FW_CFG_PORT_DATA), ==, HM_FW_CFG_ID_TRADITIONAL | HM_FW_CFG_ID_DMA);
}

/* A temporary file holding len pattern bytes; returns its fd, path in *path. */
static int pattern_file(size_t len, uint8_t seed, char **path)
{
    GError *err = NULL;
    int fd = g_file_open_tmp("fw-cfg-XXXXXX", path, &err);
    g_assert_no_error(err);
    uint8_t *buf = g_malloc(len);
    for (size_t i = 0; i < len; i++) {
        buf[i] = (uint8_t)(i * 13 + seed + (i >> 9));
    }
    g_assert_cmpint(write(fd, buf, len), ==, (ssize_t)len);
    g_free(buf);
    return fd;
}

static void test_from_fd(Fixture *f, gconstpointer data)
{
    char *path;
    const size_t file_len = 0x6000, offset = 0x1234;
    const uint32_t item_len = 0x3000;
    int fd = pattern_file(file_len, 3, &path);
    uint8_t *want = g_malloc(file_len);
    g_assert_cmpint(pread(fd, want, file_len, 0), ==, (ssize_t)file_len);
    fw_cfg_add_from_fd(f->fw, HM_FW_CFG_KERNEL_DATA, fd, offset, item_len);

    /* port reads come from the file at the item's offset */
    uint8_t v[16];
    read_item(HM_FW_CFG_KERNEL_DATA, v, sizeof(v));
    g_assert_cmpmem(v, sizeof(v), want + offset, sizeof(v));

    /* DMA of the whole item (more than was read through the port), then
     * past its end: zero-filled */
    const uint64_t desc = RAM_GPA + 0x100, buf = RAM_GPA + 0x1000;
    for (int pass = 0; pass < 2; pass++) {
        memset(f->ram, CANARY, RAM_SIZE);
        put_desc(f, desc, (uint32_t)HM_FW_CFG_KERNEL_DATA << 16 | HM_FW_CFG_DMA_CTL_SELECT |
                 HM_FW_CFG_DMA_CTL_READ, item_len + 0x10, buf);
        dma_kick(desc);
        g_assert_cmpuint(get_control(f, desc), ==, 0);
        g_assert_cmpmem(gpa_ptr(f, buf), item_len, want + offset, item_len);
        assert_filled(gpa_ptr(f, buf) + item_len, 0x10, 0);
        g_assert_cmpint(gpa_ptr(f, buf)[item_len + 0x10], ==, CANARY);
        /* a reset changes nothing: the next boot reads the same bytes again */
        fw_cfg_reset(f->fw);
    }

    /* a file that shrank under the item: the transfer fails, nothing crashes */
    g_assert_cmpint(ftruncate(fd, offset + 0x100), ==, 0);
    put_desc(f, desc, (uint32_t)HM_FW_CFG_KERNEL_DATA << 16 | HM_FW_CFG_DMA_CTL_SELECT |
             HM_FW_CFG_DMA_CTL_READ, item_len, buf);
    dma_kick(desc);
    g_assert_cmpuint(get_control(f, desc), ==, HM_FW_CFG_DMA_CTL_ERROR);
    /* the bytes that exist still arrive through the port, the rest reads 0 */
    out16(HM_FW_CFG_PORT_SEL, HM_FW_CFG_KERNEL_DATA);
    for (unsigned i = 0; i < 0x100; i++) {
        g_assert_cmpint(in8(HM_FW_CFG_PORT_DATA), ==, want[offset + i]);
    }
    g_assert_cmpint(in8(HM_FW_CFG_PORT_DATA), ==, 0);

    /* replacing the item with bytes drops the file */
    fw_cfg_add_bytes(f->fw, HM_FW_CFG_KERNEL_DATA, "ab", 2);
    read_item(HM_FW_CFG_KERNEL_DATA, v, 3);
    g_assert_cmpmem(v, 3, "ab", 3);

    close(fd);
    g_unlink(path);
    g_free(path);
    g_free(want);
}

typedef struct {
    const char *name;
    uint32_t control;
    uint32_t length;
    uint64_t address;
} HostileCase;

static void test_dma_hostile(Fixture *f, gconstpointer data)
{
    GError *err = NULL;
    uint8_t payload[64];
    memset(payload, 0x5a, sizeof(payload));
    g_assert_true(fw_cfg_add_file(f->fw, "etc/test", payload, sizeof(payload), &err));
    const uint32_t sel_read = (uint32_t)HM_FW_CFG_FILE_FIRST << 16 |
                              HM_FW_CFG_DMA_CTL_SELECT | HM_FW_CFG_DMA_CTL_READ;
    const uint64_t desc = RAM_GPA + 0x100;
    const HostileCase cases[] = {
        { "outside RAM", sel_read, 16, 0x1000 },
        { "just below RAM", sel_read, 16, RAM_GPA - 8 },
        { "address+length overflow", sel_read, 0x2000, 0xfffffffffffff000ULL },
        { "spans the RAM block end", sel_read, 0x40, RAM_GPA + RAM_SIZE - 0x20 },
        { "unknown control bit", sel_read | 0x20, 16, RAM_GPA + 0x1000 },
        { "unknown high bits without select", HM_FW_CFG_DMA_CTL_READ | 0x10000, 16,
          RAM_GPA + 0x1000 },
        { "write", sel_read | HM_FW_CFG_DMA_CTL_WRITE, 16, RAM_GPA + 0x1000 },
        { "write only", HM_FW_CFG_DMA_CTL_WRITE, 16, RAM_GPA + 0x1000 },
    };
    for (unsigned i = 0; i < G_N_ELEMENTS(cases); i++) {
        const HostileCase *c = &cases[i];
        g_test_message("case: %s", c->name);
        memset(f->ram, CANARY, RAM_SIZE);
        put_desc(f, desc, c->control, c->length, c->address);
        uint8_t saved[16];
        memcpy(saved, gpa_ptr(f, desc), 16);
        uint64_t errs = hm_guest_error_count();
        dma_kick(desc);
        g_assert_cmpuint(get_control(f, desc), ==, HM_FW_CFG_DMA_CTL_ERROR);
        g_assert_cmpuint(hm_guest_error_count(), >, errs);
        /* nothing but the control word changed */
        g_assert_cmpmem(gpa_ptr(f, desc) + 4, 12, saved + 4, 12);
        assert_filled(f->ram, desc - RAM_GPA, CANARY);
        assert_filled(gpa_ptr(f, desc) + 16, RAM_SIZE - (desc - RAM_GPA) - 16, CANARY);
    }

    /* descriptor outside RAM, or straddling its end: nothing written anywhere */
    const uint64_t bad_desc[] = { 0x2000, RAM_GPA + RAM_SIZE - 8, 0xfffffffffffffff8ULL };
    for (unsigned i = 0; i < G_N_ELEMENTS(bad_desc); i++) {
        memset(f->ram, CANARY, RAM_SIZE);
        if (bad_desc[i] == RAM_GPA + RAM_SIZE - 8) {
            uint32_t c = GUINT32_TO_BE(sel_read);
            memcpy(gpa_ptr(f, bad_desc[i]), &c, 4);
        }
        uint8_t before[16];
        memcpy(before, f->ram + RAM_SIZE - 16, 16);
        uint64_t errs = hm_guest_error_count();
        dma_kick(bad_desc[i]);
        g_assert_cmpuint(hm_guest_error_count(), >, errs);
        assert_filled(f->ram, RAM_SIZE - 16, CANARY);
        g_assert_cmpmem(f->ram + RAM_SIZE - 16, 16, before, 16);
    }

    /* a read-only block is not a DMA target */
    uint8_t rom[0x100];
    memset(rom, CANARY, sizeof(rom));
    g_assert_nonnull(ram_block_add("rom", 0x800000, sizeof(rom), rom, true, &err));
    put_desc(f, desc, sel_read, 16, 0x800000);
    dma_kick(desc);
    g_assert_cmpuint(get_control(f, desc), ==, HM_FW_CFG_DMA_CTL_ERROR);
    assert_filled(rom, sizeof(rom), CANARY);

    /* the device still works afterwards */
    put_desc(f, desc, sel_read, 64, RAM_GPA + 0x1000);
    dma_kick(desc);
    g_assert_cmpuint(get_control(f, desc), ==, 0);
    g_assert_cmpmem(gpa_ptr(f, RAM_GPA + 0x1000), 64, payload, 64);
}

static void test_bad_port_access(Fixture *f, gconstpointer data)
{
    /* wrong widths are ignored, never fatal */
    uint8_t d[4] = { 1, 0, 0, 0 };
    io_dispatch(IO_SPACE_PORT, HM_FW_CFG_PORT_SEL, d, 1, true);
    io_dispatch(IO_SPACE_PORT, HM_FW_CFG_PORT_DATA, d, 1, true);
    io_dispatch(IO_SPACE_PORT, HM_FW_CFG_PORT_DMA, d, 2, true);
    io_dispatch(IO_SPACE_PORT, HM_FW_CFG_PORT_DMA + 2, d, 4, true);
    io_dispatch(IO_SPACE_PORT, HM_FW_CFG_PORT_SEL, d, 2, false);
    g_assert_cmpint(d[0], ==, 0xff);
    /* selection is still the signature */
    g_assert_cmpint(in8(HM_FW_CFG_PORT_DATA), ==, 'Q');
}

static void test_new_conflict(void)
{
    GError *err = NULL;
    FwCfgState *a = fw_cfg_new(&err);
    g_assert_no_error(err);
    /* a second instance collides on the ports and undoes its partial init */
    g_assert_null(fw_cfg_new(&err));
    g_assert_nonnull(err);
    g_clear_error(&err);
    fw_cfg_free(a);
    a = fw_cfg_new(&err);
    g_assert_no_error(err);
    fw_cfg_free(a);
    io_unregister_all();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
#define ADD(path, fn) \
    g_test_add(path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
    ADD("/fw-cfg/signature-id", test_signature_id);
    ADD("/fw-cfg/items", test_items);
    ADD("/fw-cfg/files", test_files);
    ADD("/fw-cfg/dma-read", test_dma_read);
    ADD("/fw-cfg/dma-hostile", test_dma_hostile);
    ADD("/fw-cfg/from-fd", test_from_fd);
    ADD("/fw-cfg/bad-port-access", test_bad_port_access);
    g_test_add_func("/fw-cfg/new-conflict", test_new_conflict);
    return g_test_run();
}
