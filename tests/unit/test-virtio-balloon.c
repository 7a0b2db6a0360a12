/*
 * test-virtio-balloon.c - the balloon device driven as Linux's
 * virtio_balloon drives it: inflate gives host pages back (mincore shows
 * them gone), deflate does not, PFNs outside RAM are skipped, the target
 * and the driver's "actual" travel through the config, free page reporting
 * and the stats queue, and the queue numbering that follows the features.
 */
#include "hw/virtio_balloon.h"
#include "virtio-driver.h"

#define F_STATS   (1ULL << VIRTIO_BALLOON_F_STATS_VQ)
#define F_OOM     (1ULL << VIRTIO_BALLOON_F_DEFLATE_ON_OOM)
#define F_REPORT  (1ULL << VIRTIO_BALLOON_F_REPORTING)
#define F_V1      (1ULL << VIRTIO_F_VERSION_1)

typedef struct Fixture {
    TestDriver d;
    VirtioBalloon *b;
    unsigned changes;
    uint32_t last_actual;
} Fixture;

static void changed(void *opaque, VirtioBalloon *b)
{
    Fixture *f = opaque;
    f->changes++;
    f->last_actual = b->actual;
}

static void up(Fixture *f, bool oom, bool reporting)
{
    GError *err = NULL;
    td_ram_up(&f->d);
    VirtioBalloonOptions opts = { .id = "b0", .deflate_on_oom = oom,
                                  .free_page_reporting = reporting };
    PciIntxRouter intx = { .set = td_intx, .opaque = &f->d };
    f->b = virtio_balloon_new(&opts, TD_DEVFN, &intx, &err);
    g_assert_no_error(err);
    f->b->changed = changed;
    f->b->changed_opaque = f;
    td_probe(&f->d);
}

static void down(Fixture *f)
{
    virtio_balloon_free(f->b);
    td_ram_down(&f->d);
}

static uint64_t offer(TestDriver *d)
{
    cc_write(d, TD_DFSELECT, 0, 4);
    uint64_t v = cc_read(d, TD_DF, 4);
    cc_write(d, TD_DFSELECT, 1, 4);
    return v | cc_read(d, TD_DF, 4) << 32;
}

static void put_pfns(TestDriver *d, uint64_t at, const uint32_t *pfns, unsigned n)
{
    memcpy(d->ram + at, pfns, 4ULL * n);
}

static void test_inflate_discards(void)
{
    Fixture f = { 0 };
    up(&f, false, false);
    TestDriver *d = &f.d;
    td_init(d, F_V1 | F_STATS, 3);
    memset(d->ram + TD_PAGES, 0x5a, 64 * 4096);
    g_assert_cmpuint(td_resident(d, TD_PAGES, 64 * 4096), ==, 64);
    /* pages 0-15 and 32-39 (two runs), out of order in the buffer */
    uint32_t pfns[24];
    for (unsigned i = 0; i < 8; i++) {
        pfns[i] = (TD_PAGES >> 12) + 32 + i;
    }
    for (unsigned i = 0; i < 16; i++) {
        pfns[8 + i] = (TD_PAGES >> 12) + i;
    }
    put_pfns(d, TD_BUFS, pfns, 24);
    TdSeg seg = { TD_BUFS, sizeof(pfns), false };
    td_add(d, 0, &seg, 1);
    g_assert_cmpuint(td_used_idx(d, 0), ==, 1);
    g_assert_cmpuint(f.b->discarded_pages, ==, 24);
    g_assert_cmpuint(td_resident(d, TD_PAGES, 16 * 4096), ==, 0);
    g_assert_cmpuint(td_resident(d, TD_PAGES + 16 * 4096, 16 * 4096), ==, 16);
    g_assert_cmpuint(td_resident(d, TD_PAGES + 32 * 4096, 8 * 4096), ==, 0);
    g_assert_cmpuint(td_resident(d, TD_PAGES + 40 * 4096, 24 * 4096), ==, 24);
    /* a discarded page reads zero, its neighbours kept their data */
    g_assert_cmpuint(d->ram[TD_PAGES + 5], ==, 0);
    g_assert_cmpuint(d->ram[TD_PAGES + 16 * 4096], ==, 0x5a);
    g_assert_cmpint(d->intx, ==, 1);

    /* deflate: the pages only come back when the guest touches them */
    f.b->discarded_pages = 0;
    TdSeg dseg = { TD_BUFS, 16 * 4, false };
    td_add(d, 1, &dseg, 1);
    g_assert_cmpuint(td_used_idx(d, 1), ==, 1);
    g_assert_cmpuint(f.b->discarded_pages, ==, 0);
    g_assert_cmpuint(td_resident(d, TD_PAGES + 16 * 4096, 16 * 4096), ==, 16);
    g_assert_cmphex(td_status(d), ==, 0x0f);
    down(&f);
}

static void test_inflate_bad_pfns(void)
{
    Fixture f = { 0 };
    up(&f, false, false);
    TestDriver *d = &f.d;
    td_init(d, F_V1 | F_STATS, 3);
    memset(d->ram + TD_PAGES, 0x5a, 4 * 4096);
    /* beyond RAM, the last RAM page, far away, and a good one */
    uint32_t pfns[] = { TD_RAM_SIZE >> 12, (TD_RAM_SIZE >> 12) - 1, 0xffffffffu,
                        TD_PAGES >> 12 };
    put_pfns(d, TD_BUFS, pfns, G_N_ELEMENTS(pfns));
    /* 18 bytes: the 2 left over after four PFNs are not a PFN */
    TdSeg seg = { TD_BUFS, 18, false };
    td_add(d, 0, &seg, 1);
    g_assert_cmpuint(td_used_idx(d, 0), ==, 1);
    g_assert_cmpuint(f.b->discarded_pages, ==, 2);
    g_assert_cmpuint(td_resident(d, TD_PAGES, 4 * 4096), ==, 3);
    g_assert_cmphex(td_status(d), ==, 0x0f);          /* a guest mistake, not a broken ring */

    /* a buffer longer than a driver ever sends: only the first PFNs count */
    f.b->discarded_pages = 0;
    uint32_t *many = (uint32_t *)(d->ram + TD_BUFS);
    for (unsigned i = 0; i <= VIRTIO_BALLOON_MAX_BUFFER_PFNS; i++) {
        many[i] = TD_PAGES >> 12;                     /* one page, again and again */
    }
    TdSeg big = { TD_BUFS, 4 * (VIRTIO_BALLOON_MAX_BUFFER_PFNS + 1), false };
    td_add(d, 0, &big, 1);
    g_assert_cmpuint(f.b->discarded_pages, ==, VIRTIO_BALLOON_MAX_BUFFER_PFNS);
    f.b->discarded_pages = 2;

    /* zero-length and device-writable-only chains: returned, nothing done */
    TdSeg empty = { TD_BUFS, 0, false };
    td_add(d, 0, &empty, 1);
    TdSeg wr = { TD_BUFS, 16, true };
    td_add(d, 0, &wr, 1);
    g_assert_cmpuint(td_used_idx(d, 0), ==, 4);
    g_assert_cmpuint(f.b->discarded_pages, ==, 2);
    g_assert_cmphex(td_status(d), ==, 0x0f);
    down(&f);
}

/* A run of PFNs crossing from one RAM block into the next (a DIMM right
 * after RAM): each page is discarded in the block that holds it. */
static void test_inflate_across_blocks(void)
{
    Fixture f = { 0 };
    up(&f, false, false);
    TestDriver *d = &f.d;
    GError *err = NULL;
    const uint64_t size = 1 << 20;
    uint8_t *dimm = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    g_assert_true(dimm != MAP_FAILED);
    g_assert_nonnull(ram_block_add("test-dimm", TD_RAM_SIZE, size, dimm, false, &err));
    td_init(d, F_V1 | F_STATS, 3);
    memset(d->ram + TD_RAM_SIZE - 2 * 4096, 0x11, 2 * 4096);
    memset(dimm, 0x22, 2 * 4096);
    uint32_t pfns[4];
    for (unsigned i = 0; i < 4; i++) {
        pfns[i] = (TD_RAM_SIZE >> 12) - 2 + i;
    }
    put_pfns(d, TD_BUFS, pfns, 4);
    TdSeg seg = { TD_BUFS, sizeof(pfns), false };
    td_add(d, 0, &seg, 1);
    g_assert_cmpuint(f.b->discarded_pages, ==, 4);
    g_assert_cmpuint(td_resident(d, TD_RAM_SIZE - 2 * 4096, 2 * 4096), ==, 0);
    unsigned char vec[2];
    g_assert_cmpint(mincore(dimm, 2 * 4096, vec), ==, 0);
    g_assert_cmpuint(vec[0] & 1, ==, 0);
    g_assert_cmpuint(vec[1] & 1, ==, 0);
    g_assert_cmpuint(dimm[0], ==, 0);
    down(&f);
    munmap(dimm, size);
}

static uint32_t cfg_read32(TestDriver *d, unsigned off)
{
    return (uint32_t)td_mmio_read(d->device + off, 4);
}

static void test_config(void)
{
    Fixture f = { 0 };
    up(&f, false, false);
    TestDriver *d = &f.d;
    td_init(d, F_V1 | F_STATS, 3);
    g_assert_cmpuint(cfg_read32(d, VIRTIO_BALLOON_CFG_NUM_PAGES), ==, 0);
    uint8_t gen = cc_read(d, TD_CFGGEN, 1);
    virtio_balloon_set_target(f.b, 4096);
    g_assert_cmpuint(cfg_read32(d, VIRTIO_BALLOON_CFG_NUM_PAGES), ==, 4096);
    g_assert_cmpuint(cc_read(d, TD_CFGGEN, 1), !=, gen);
    g_assert_cmpint(d->intx, ==, 1);
    g_assert_cmphex(td_mmio_read(d->isr, 1), ==, VIRTIO_ISR_CONFIG);
    /* num_pages is the host's; the driver writes actual */
    td_mmio_write(d->device + VIRTIO_BALLOON_CFG_NUM_PAGES, 7, 4);
    g_assert_cmpuint(cfg_read32(d, VIRTIO_BALLOON_CFG_NUM_PAGES), ==, 4096);
    g_assert_cmpuint(f.changes, ==, 0);
    td_mmio_write(d->device + VIRTIO_BALLOON_CFG_ACTUAL, 1024, 4);
    g_assert_cmpuint(f.changes, ==, 1);
    g_assert_cmpuint(f.last_actual, ==, 1024);
    g_assert_cmpuint(cfg_read32(d, VIRTIO_BALLOON_CFG_ACTUAL), ==, 1024);
    td_mmio_write(d->device + VIRTIO_BALLOON_CFG_ACTUAL, 1024, 4);
    g_assert_cmpuint(f.changes, ==, 1);               /* same value: no event */
    /* byte writes assemble the field as a driver without 32-bit access would */
    td_mmio_write(d->device + VIRTIO_BALLOON_CFG_ACTUAL, 0x00, 1);
    td_mmio_write(d->device + VIRTIO_BALLOON_CFG_ACTUAL + 1, 0x08, 1);
    g_assert_cmpuint(f.last_actual, ==, 2048);
    /* past the config: ignored, reads zero */
    td_mmio_write(d->device + VIRTIO_BALLOON_CFG_LEN, 5, 4);
    td_mmio_write(d->device + VIRTIO_BALLOON_CFG_ACTUAL + 2, 5, 4);
    g_assert_cmpuint(td_mmio_read(d->device + VIRTIO_BALLOON_CFG_LEN, 4), ==, 0);
    g_assert_cmpuint(f.last_actual, ==, 2048);
    /* a driver reset gives the guest its pages back; the target stays */
    cc_write(d, TD_STATUS, 0, 1);
    g_assert_cmpuint(f.last_actual, ==, 0);
    g_assert_cmpuint(cfg_read32(d, VIRTIO_BALLOON_CFG_NUM_PAGES), ==, 4096);
    /* before DRIVER_OK a target change raises no interrupt */
    virtio_balloon_set_target(f.b, 100);
    g_assert_cmpint(d->intx, ==, 0);
    down(&f);
}

static void test_options_and_queues(void)
{
    Fixture f = { 0 };
    up(&f, true, true);
    TestDriver *d = &f.d;
    g_assert_cmphex(offer(d) & (F_STATS | F_OOM | F_REPORT | F_V1), ==,
                    F_STATS | F_OOM | F_REPORT | F_V1);
    g_assert_cmpuint(cc_read(d, TD_NUMQ, 2), ==, 4);

    /* STATS_VQ and REPORTING: reporting is queue 3 */
    td_init(d, F_V1 | F_STATS | F_REPORT, 4);
    memset(d->ram + TD_PAGES, 1, 8 * 4096);
    TdSeg seg[2] = { { TD_PAGES, 2 * 4096, true }, { TD_PAGES + 4 * 4096, 4096, true } };
    td_add(d, 3, seg, 2);
    g_assert_cmpuint(td_used_idx(d, 3), ==, 1);
    g_assert_cmpuint(f.b->reported_bytes, ==, 3 * 4096);
    g_assert_cmpuint(td_resident(d, TD_PAGES, 8 * 4096), ==, 5);
    /* an unaligned report is skipped */
    memset(d->ram + TD_PAGES, 1, 8 * 4096);
    TdSeg odd = { TD_PAGES + 100, 4096, true };
    td_add(d, 3, &odd, 1);
    g_assert_cmpuint(td_used_idx(d, 3), ==, 2);
    g_assert_cmpuint(td_resident(d, TD_PAGES, 8 * 4096), ==, 8);

    /* REPORTING without STATS_VQ: reporting moves up to queue 2 */
    f.b->reported_bytes = 0;
    td_init(d, F_V1 | F_REPORT, 3);
    td_add(d, 2, seg, 1);
    g_assert_cmpuint(f.b->reported_bytes, ==, 2 * 4096);
    down(&f);

    /* default options: no DEFLATE_ON_OOM, no REPORTING, three queues */
    up(&f, false, false);
    g_assert_cmphex(offer(&f.d) & (F_OOM | F_REPORT), ==, 0);
    g_assert_cmpuint(cc_read(&f.d, TD_NUMQ, 2), ==, 3);
    down(&f);
}

static void test_stats(void)
{
    Fixture f = { 0 };
    up(&f, false, false);
    TestDriver *d = &f.d;
    td_init(d, F_V1 | F_STATS, 3);
    /* {le16 tag, le64 val}: free memory (4) and total memory (5), an unknown tag */
    uint8_t buf[30] = { 0 };
    buf[0] = 4;
    buf[2] = 0x00; buf[3] = 0x10;                     /* 4096 */
    buf[10] = 5;
    buf[14] = 0x01;                                   /* 1 << 16 */
    buf[20] = 77;
    buf[22] = 1;
    memcpy(d->ram + TD_BUFS, buf, sizeof(buf));
    TdSeg seg = { TD_BUFS, sizeof(buf), false };
    td_add(d, 2, &seg, 1);
    /* kept by the device until the host asks for fresh numbers */
    g_assert_cmpuint(td_used_idx(d, 2), ==, 0);
    g_assert_true(f.b->stats_held);
    g_assert_true(f.b->stats_valid[4] && f.b->stats_valid[5]);
    g_assert_false(f.b->stats_valid[0]);
    g_assert_cmpuint(f.b->stats[4], ==, 4096);
    g_assert_cmpuint(f.b->stats[5], ==, 1 << 16);
    g_assert_cmpint(f.b->stats_last_update, >, 0);
    down(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/virtio-balloon/inflate-discards", test_inflate_discards);
    g_test_add_func("/virtio-balloon/inflate-bad-pfns", test_inflate_bad_pfns);
    g_test_add_func("/virtio-balloon/inflate-across-blocks", test_inflate_across_blocks);
    g_test_add_func("/virtio-balloon/config", test_config);
    g_test_add_func("/virtio-balloon/options-and-queues", test_options_and_queues);
    g_test_add_func("/virtio-balloon/stats", test_stats);
    return g_test_run();
}
