/*
 * test-virtio-pci.c - the modern virtio-pci transport and the shared
 * virtqueue code, driven through PCI config and the BAR as a driver would
 * (the device behind it is a balloon): identity and capabilities, BAR
 * decoding, feature and status rules, queue setup order, INTx, MSI-X,
 * event-idx, and hostile rings, each of which must either be ignored or
 * mark the device DEVICE_NEEDS_RESET with nothing else changed.
 */
#include "hw/virtio_balloon.h"
#include "virtio-driver.h"

#include <fcntl.h>
#include <unistd.h>

#define F_STATS   (1ULL << VIRTIO_BALLOON_F_STATS_VQ)
#define F_EVENT   (1ULL << VIRTIO_F_EVENT_IDX)
#define F_V1      (1ULL << VIRTIO_F_VERSION_1)

typedef struct Fixture {
    TestDriver d;
    VirtioBalloon *b;
} Fixture;

static void setup(Fixture *f, gconstpointer data)
{
    GError *err = NULL;
    td_ram_up(&f->d);
    VirtioBalloonOptions opts = { .id = "balloon0" };
    PciIntxRouter intx = { .set = td_intx, .opaque = &f->d };
    f->b = virtio_balloon_new(&opts, TD_DEVFN, &intx, &err);
    g_assert_no_error(err);
    virtio_pci_set_msi(f->b->pci, &(PciMsiSender){ .send = td_msi, .opaque = &f->d });
    td_probe(&f->d);
}

static void teardown(Fixture *f, gconstpointer data)
{
    virtio_balloon_free(f->b);
    td_ram_down(&f->d);
}

static void test_identity(Fixture *f, gconstpointer data)
{
    g_assert_cmphex(pci_config_read(TD_DEVFN, 0x00, 4), ==, 0x10451af4);
    g_assert_cmphex(pci_config_read(TD_DEVFN, 0x06, 2) & 0x10, ==, 0x10);  /* cap list */
    g_assert_cmphex(pci_config_read(TD_DEVFN, 0x08, 1), ==, 1);            /* revision */
    g_assert_cmphex(pci_config_read(TD_DEVFN, 0x0a, 2), ==, 0xff00);
    g_assert_cmphex(pci_config_read(TD_DEVFN, 0x2c, 4), ==, 0x11001af4);
    g_assert_cmphex(pci_config_read(TD_DEVFN, 0x3d, 1), ==, 1);            /* INTA */
    g_assert_cmphex(f->d.notify_mult, ==, HM_VIRTIO_PCI_NOTIFY_MULT);
    g_assert_cmphex(f->d.common, ==, TD_BAR + HM_VIRTIO_PCI_COMMON_OFF);
    /* IDs and capabilities are read-only */
    pci_config_write(TD_DEVFN, 0x00, 0, 4);
    pci_config_write(TD_DEVFN, 0x40, 0, 4);
    g_assert_cmphex(pci_config_read(TD_DEVFN, 0x00, 4), ==, 0x10451af4);
    g_assert_cmphex(pci_config_read(TD_DEVFN, 0x40, 1), ==, 0x09);
    g_assert_cmpuint(cc_read(&f->d, TD_NUMQ, 2), ==, 3);
    cc_write(&f->d, TD_QSELECT, 2, 2);
    g_assert_cmpuint(cc_read(&f->d, TD_QNOFF, 2), ==, 2);
    g_assert_cmpuint(cc_read(&f->d, TD_QSIZE_R, 2), ==, HM_VIRTIO_QUEUE_SIZE);
}

static void test_bar_decoding(Fixture *f, gconstpointer data)
{
    g_assert_cmphex(virtio_pci_bar_address(f->b->pci), ==, TD_BAR);
    g_assert_cmpuint(cc_read(&f->d, TD_NUMQ, 2), ==, 3);
    /* decoding off: nothing there */
    pci_config_write(TD_DEVFN, 0x04, 0x0004, 2);
    g_assert_cmphex(virtio_pci_bar_address(f->b->pci), ==, 0);
    g_assert_cmphex(td_mmio_read(TD_BAR + TD_NUMQ, 2), ==, 0xffff);
    /* moved while off, then on: only the new place decodes */
    uint64_t moved = TD_BAR + 0x100000;
    pci_config_write(TD_DEVFN, 0x10, (uint32_t)moved, 4);
    pci_config_write(TD_DEVFN, 0x04, 0x0006, 2);
    g_assert_cmphex(td_mmio_read(TD_BAR + TD_NUMQ, 2), ==, 0xffff);
    g_assert_cmphex(td_mmio_read(moved + TD_NUMQ, 2), ==, 3);
    /* moved while on (one half at a time, as a sizing driver does) */
    pci_config_write(TD_DEVFN, 0x10, (uint32_t)TD_BAR, 4);
    g_assert_cmphex(td_mmio_read(TD_BAR + TD_NUMQ, 2), ==, 3);
    g_assert_cmphex(td_mmio_read(moved + TD_NUMQ, 2), ==, 0xffff);
    /* an all-ones BAR with decoding on would wrap: not decoded, no crash */
    pci_config_write(TD_DEVFN, 0x10, 0xffffffffu, 4);
    pci_config_write(TD_DEVFN, 0x14, 0xffffffffu, 4);
    g_assert_cmphex(virtio_pci_bar_address(f->b->pci), ==, 0);
    /* machine reset: BAR and command cleared */
    pci_config_write(TD_DEVFN, 0x10, (uint32_t)TD_BAR, 4);
    pci_config_write(TD_DEVFN, 0x14, TD_BAR >> 32, 4);
    g_assert_cmphex(virtio_pci_bar_address(f->b->pci), ==, TD_BAR);
    virtio_balloon_reset(f->b);
    g_assert_cmphex(virtio_pci_bar_address(f->b->pci), ==, 0);
    g_assert_cmphex(pci_config_read(TD_DEVFN, 0x10, 4), ==, 0x0c);
    g_assert_cmphex(pci_config_read(TD_DEVFN, 0x04, 2), ==, 0);
}

static void test_negotiation(Fixture *f, gconstpointer data)
{
    TestDriver *d = &f->d;
    cc_write(d, TD_DFSELECT, 0, 4);
    uint64_t offer = cc_read(d, TD_DF, 4);
    cc_write(d, TD_DFSELECT, 1, 4);
    offer |= cc_read(d, TD_DF, 4) << 32;
    g_assert_cmphex(offer, ==, F_V1 | F_EVENT | F_STATS);
    cc_write(d, TD_DFSELECT, 7, 4);
    g_assert_cmphex(cc_read(d, TD_DF, 4), ==, 0);

    /* without VERSION_1: FEATURES_OK does not stick */
    cc_write(d, TD_STATUS, 0x03, 1);
    cc_write(d, TD_GFSELECT, 0, 4);
    cc_write(d, TD_GF, F_STATS, 4);
    cc_write(d, TD_STATUS, 0x0b, 1);
    g_assert_cmphex(td_status(d), ==, 0x03);
    /* a feature that was not offered */
    cc_write(d, TD_GFSELECT, 1, 4);
    cc_write(d, TD_GF, 1 | 2, 4);                      /* VERSION_1 + bit 33 */
    cc_write(d, TD_STATUS, 0x0b, 1);
    g_assert_cmphex(td_status(d), ==, 0x03);
    /* DRIVER_OK before FEATURES_OK */
    cc_write(d, TD_STATUS, 0x07, 1);
    g_assert_cmphex(td_status(d), ==, 0x03);
    cc_write(d, TD_GF, 1, 4);
    cc_write(d, TD_STATUS, 0x0b, 1);
    g_assert_cmphex(td_status(d), ==, 0x0b);
    g_assert_cmphex(f->b->vdev.guest_features, ==, F_V1 | F_STATS);
    /* features are frozen once accepted */
    cc_write(d, TD_GFSELECT, 0, 4);
    cc_write(d, TD_GF, F_STATS | F_EVENT, 4);
    g_assert_cmphex(f->b->vdev.guest_features, ==, F_V1 | F_STATS);
    /* clearing status bits is not a thing a driver may do (only reset) */
    cc_write(d, TD_STATUS, 0x09, 1);
    g_assert_cmphex(td_status(d), ==, 0x0b);
    cc_write(d, TD_STATUS, 0, 1);
    g_assert_cmphex(td_status(d), ==, 0);
    g_assert_cmphex(f->b->vdev.guest_features, ==, 0);
}

static void test_queue_setup_order(Fixture *f, gconstpointer data)
{
    TestDriver *d = &f->d;
    VirtQueue *vq = &f->b->vdev.vq[0];
    cc_write(d, TD_STATUS, 0x03, 1);
    /* before FEATURES_OK: ignored */
    cc_write(d, TD_QSELECT, 0, 2);
    cc_write(d, TD_QSIZE_R, 16, 2);
    cc_write(d, TD_QDESC, td_ring(0, 0), 4);
    cc_write(d, TD_QENABLE, 1, 2);
    g_assert_cmpuint(cc_read(d, TD_QSIZE_R, 2), ==, HM_VIRTIO_QUEUE_SIZE);
    g_assert_cmphex(cc_read(d, TD_QDESC, 4), ==, 0);
    g_assert_false(vq->enabled);
    cc_write(d, TD_GFSELECT, 1, 4);
    cc_write(d, TD_GF, 1, 4);
    cc_write(d, TD_STATUS, 0x0b, 1);
    /* sizes that are not a power of two, zero, or above the maximum */
    static const uint16_t bad[] = { 100, 0, 2048, 4096, 0xffff };
    for (unsigned i = 0; i < G_N_ELEMENTS(bad); i++) {
        cc_write(d, TD_QSIZE_R, bad[i], 2);
        g_assert_cmpuint(cc_read(d, TD_QSIZE_R, 2), ==, HM_VIRTIO_QUEUE_SIZE);
    }
    /* a queue that does not exist reads size 0 and ignores writes */
    cc_write(d, TD_QSELECT, 3, 2);
    g_assert_cmpuint(cc_read(d, TD_QSIZE_R, 2), ==, 0);
    cc_write(d, TD_QSIZE_R, 16, 2);
    cc_write(d, TD_QENABLE, 1, 2);
    g_assert_cmpuint(cc_read(d, TD_QSIZE_R, 2), ==, 0);
    g_assert_cmpuint(cc_read(d, TD_QENABLE, 2), ==, 0);
    /* rings outside RAM or misaligned: enable refused */
    cc_write(d, TD_QSELECT, 0, 2);
    cc_write(d, TD_QSIZE_R, 16, 2);
    cc_write(d, TD_QDESC, 0x10, 4);
    cc_write(d, TD_QDESC + 4, 0x100, 4);               /* 1 TiB: no RAM */
    cc_write(d, TD_QAVAIL, td_ring(0, 1), 8);
    cc_write(d, TD_QUSED, td_ring(0, 2), 8);
    cc_write(d, TD_QENABLE, 1, 2);
    g_assert_false(vq->enabled);
    cc_write(d, TD_QDESC, td_ring(0, 0) + 8, 8);       /* not 16-aligned */
    cc_write(d, TD_QENABLE, 1, 2);
    g_assert_false(vq->enabled);
    cc_write(d, TD_QDESC, TD_RAM_SIZE - 0x80, 8);      /* 16 descriptors run off RAM */
    cc_write(d, TD_QENABLE, 1, 2);
    g_assert_false(vq->enabled);
    cc_write(d, TD_QDESC, td_ring(0, 0), 8);
    cc_write(d, TD_QENABLE, 1, 2);
    g_assert_true(vq->enabled);
    /* enabled: the queue's registers are frozen, disabling is not allowed */
    cc_write(d, TD_QSIZE_R, 8, 2);
    cc_write(d, TD_QDESC, td_ring(1, 0), 8);
    cc_write(d, TD_QENABLE, 0, 2);
    g_assert_cmpuint(cc_read(d, TD_QSIZE_R, 2), ==, 16);
    g_assert_cmphex(cc_read(d, TD_QDESC, 8), ==, td_ring(0, 0));
    g_assert_true(vq->enabled);
    /* odd-sized and unknown writes change nothing */
    cc_write(d, TD_STATUS, 0xffff, 2);
    cc_write(d, 0x13, 0xff, 1);
    cc_write(d, 0x37, 0xff, 1);
    td_mmio_write(TD_BAR + 0x1800, 0xff, 4);
    g_assert_cmphex(td_status(d), ==, 0x0b);
    g_assert_cmphex(cc_read(d, TD_QUSED, 8), ==, td_ring(0, 2));
}

/* Touches the balloon's test pages and posts an inflate buffer of their
 * PFNs in the chain built by post(); returns how many were resident. */
static void fill_pfns(TestDriver *d, unsigned n)
{
    uint32_t *pfns = (uint32_t *)(d->ram + TD_BUFS);
    for (unsigned i = 0; i < n; i++) {
        pfns[i] = (TD_PAGES >> 12) + i;
    }
    memset(d->ram + TD_PAGES, 0xaa, n * 4096ULL);
}

static void assert_broken_nothing_changed(Fixture *f, unsigned resident_pages)
{
    TestDriver *d = &f->d;
    g_assert_cmphex(td_status(d), ==, 0x4f);          /* DEVICE_NEEDS_RESET */
    g_assert_cmpuint(td_used_idx(d, 0), ==, 0);
    g_assert_cmpuint(f->b->discarded_pages, ==, 0);
    g_assert_cmpuint(td_resident(d, TD_PAGES, resident_pages * 4096ULL), ==, resident_pages);
    g_assert_cmpint(d->intx, ==, 1);                   /* config interrupt */
    g_assert_cmphex(td_mmio_read(d->isr, 1), ==, VIRTIO_ISR_CONFIG);
    g_assert_cmpint(d->intx, ==, 0);
    /* a broken device takes nothing more, even a good buffer */
    TdSeg good = { TD_BUFS, 4 * resident_pages, false };
    td_add(d, 0, &good, 1);
    g_assert_cmpuint(td_used_idx(d, 0), ==, 0);
    g_assert_cmpuint(f->b->discarded_pages, ==, 0);
    /* until the driver resets it */
    td_init(d, F_V1 | F_STATS, 3);
    td_add(d, 0, &good, 1);
    g_assert_cmpuint(td_used_idx(d, 0), ==, 1);
    g_assert_cmpuint(f->b->discarded_pages, ==, resident_pages);
}

static void test_hostile_chains(Fixture *f, gconstpointer data)
{
    TestDriver *d = &f->d;
    enum { OUTSIDE, LOOP, HEAD_RANGE, NEXT_RANGE, AHEAD, READ_AFTER_WRITE, INDIRECT,
           LONG_BUFFER, NCASES };
    for (int c = 0; c < NCASES; c++) {
        td_init(d, F_V1 | F_STATS, 3);
        f->b->discarded_pages = 0;
        fill_pfns(d, 4);
        g_assert_cmpuint(td_resident(d, TD_PAGES, 4 * 4096), ==, 4);
        switch (c) {
        case OUTSIDE:                       /* buffer beyond the end of RAM */
            td_put_desc(d, 0, 0, TD_RAM_SIZE - 8, 16, 0, 0);
            td_publish(d, 0, 0);
            break;
        case LOOP:                          /* 0 -> 1 -> 0 ... */
            td_put_desc(d, 0, 0, TD_BUFS, 16, VRING_DESC_F_NEXT, 1);
            td_put_desc(d, 0, 1, TD_BUFS, 16, VRING_DESC_F_NEXT, 0);
            td_publish(d, 0, 0);
            break;
        case HEAD_RANGE:
            td_put_desc(d, 0, 0, TD_BUFS, 16, 0, 0);
            td_publish(d, 0, TD_QSIZE);
            break;
        case NEXT_RANGE:
            td_put_desc(d, 0, 0, TD_BUFS, 16, VRING_DESC_F_NEXT, 1000);
            td_publish(d, 0, 0);
            break;
        case AHEAD: {                       /* avail idx a queue and more ahead */
            td_put_desc(d, 0, 0, TD_BUFS, 16, 0, 0);
            uint16_t idx = TD_QSIZE + 1;
            memcpy(d->ram + td_ring(0, 1) + 2, &idx, 2);
            break;
        }
        case READ_AFTER_WRITE:
            td_put_desc(d, 0, 0, TD_BUFS, 8, VRING_DESC_F_NEXT | VRING_DESC_F_WRITE, 1);
            td_put_desc(d, 0, 1, TD_BUFS + 8, 8, 0, 0);
            td_publish(d, 0, 0);
            break;
        case INDIRECT:                      /* not offered */
            td_put_desc(d, 0, 0, TD_BUFS, 16, VRING_DESC_F_INDIRECT, 0);
            td_publish(d, 0, 0);
            break;
        case LONG_BUFFER:                   /* length wraps past the address space */
            td_put_desc(d, 0, 0, TD_BUFS, 0xffffffffu, 0, 0);
            td_publish(d, 0, 0);
            break;
        }
        td_notify(d, 0);
        assert_broken_nothing_changed(f, 4);
        /* leave the next case a clean ring */
        d->avail_idx[0] = 0;
    }
}

static void test_chain_as_long_as_the_queue(Fixture *f, gconstpointer data)
{
    TestDriver *d = &f->d;
    td_init(d, F_V1 | F_STATS, 3);
    fill_pfns(d, TD_QSIZE);
    /* TD_QSIZE descriptors of one PFN each: the longest legal chain */
    TdSeg segs[TD_QSIZE];
    for (unsigned i = 0; i < TD_QSIZE; i++) {
        segs[i] = (TdSeg){ TD_BUFS + 4 * i, 4, false };
    }
    td_add(d, 0, segs, TD_QSIZE);
    g_assert_cmpuint(td_used_idx(d, 0), ==, 1);
    g_assert_cmpuint(f->b->discarded_pages, ==, TD_QSIZE);
    g_assert_cmphex(td_status(d), ==, 0x0f);
}

static void test_notify_unconfigured(Fixture *f, gconstpointer data)
{
    TestDriver *d = &f->d;
    fill_pfns(d, 2);
    /* before DRIVER_OK: a queue set up but the device not live */
    cc_write(d, TD_STATUS, 0x03, 1);
    cc_write(d, TD_GFSELECT, 1, 4);
    cc_write(d, TD_GF, 1, 4);
    cc_write(d, TD_STATUS, 0x0b, 1);
    td_setup_queue(d, 0, TD_QSIZE);
    TdSeg seg = { TD_BUFS, 8, false };
    td_add(d, 0, &seg, 1);
    g_assert_cmpuint(td_used_idx(d, 0), ==, 0);
    g_assert_cmpuint(f->b->discarded_pages, ==, 0);
    /* the buffer offered early is taken when the driver sets DRIVER_OK */
    cc_write(d, TD_STATUS, 0x0f, 1);
    g_assert_cmpuint(td_used_idx(d, 0), ==, 1);
    g_assert_cmpuint(f->b->discarded_pages, ==, 2);
    /* live, but queue 1 and 2 never enabled; 3 and 1000 do not exist */
    f->b->discarded_pages = 0;
    td_add(d, 0, &seg, 1);
    g_assert_cmpuint(td_used_idx(d, 0), ==, 2);
    td_mmio_read(d->isr, 1);
    td_notify(d, 1);
    td_notify(d, 2);
    td_notify(d, 3);
    td_mmio_write(d->notify + 1000 * 4, 0, 2);
    td_mmio_write(d->notify + 2, 0, 2);               /* not on a queue's slot */
    g_assert_cmphex(td_status(d), ==, 0x0f);
    g_assert_cmpuint(td_used_idx(d, 0), ==, 2);
    g_assert_cmpint(d->intx, ==, 0);
}

static void test_intx_and_isr(Fixture *f, gconstpointer data)
{
    TestDriver *d = &f->d;
    td_init(d, F_V1 | F_STATS, 3);
    fill_pfns(d, 1);
    TdSeg seg = { TD_BUFS, 4, false };
    td_add(d, 0, &seg, 1);
    g_assert_cmpint(d->intx, ==, 1);
    /* INTx disable masks the line, the ISR keeps the bit */
    pci_config_write(TD_DEVFN, 0x04, 0x0406, 2);
    g_assert_cmpint(d->intx, ==, 0);
    pci_config_write(TD_DEVFN, 0x04, 0x0006, 2);
    g_assert_cmpint(d->intx, ==, 1);
    g_assert_cmphex(td_mmio_read(d->isr, 1), ==, VIRTIO_ISR_QUEUE);
    g_assert_cmpint(d->intx, ==, 0);
    g_assert_cmphex(td_mmio_read(d->isr, 1), ==, 0);
    /* VRING_AVAIL_F_NO_INTERRUPT (no event-idx) suppresses it */
    uint16_t no_irq = VRING_AVAIL_F_NO_INTERRUPT;
    memcpy(d->ram + td_ring(0, 1), &no_irq, 2);
    td_add(d, 0, &seg, 1);
    g_assert_cmpuint(td_used_idx(d, 0), ==, 2);
    g_assert_cmpint(d->intx, ==, 0);
    uint32_t id, len;
    td_used_elem(d, 0, 1, &id, &len);
    g_assert_cmpuint(id, ==, 1);
    g_assert_cmpuint(len, ==, 0);
}

static void test_event_idx(Fixture *f, gconstpointer data)
{
    TestDriver *d = &f->d;
    td_init(d, F_V1 | F_STATS | F_EVENT, 3);
    fill_pfns(d, 1);
    TdSeg seg = { TD_BUFS, 4, false };
    /* used_event 0: interrupt for the first buffer */
    td_add(d, 0, &seg, 1);
    g_assert_cmpint(d->intx, ==, 1);
    g_assert_cmpuint(td_avail_event(d, 0), ==, 1);    /* how far the device read */
    td_mmio_read(d->isr, 1);
    /* the driver wants to hear only once used passes 3 */
    td_set_used_event(d, 0, 3);
    td_add(d, 0, &seg, 1);
    td_add(d, 0, &seg, 1);
    g_assert_cmpuint(td_used_idx(d, 0), ==, 3);
    g_assert_cmpint(d->intx, ==, 0);
    td_add(d, 0, &seg, 1);
    g_assert_cmpuint(td_used_idx(d, 0), ==, 4);
    g_assert_cmpint(d->intx, ==, 1);
    g_assert_cmpuint(td_avail_event(d, 0), ==, 4);
}

#define TD_TABLE (TD_BAR + HM_VIRTIO_PCI_MSIX_TABLE)
#define TD_PBA   (TD_BAR + HM_VIRTIO_PCI_MSIX_PBA)
#define TD_CC_MSIX  0x10
#define TD_CC_QMSIX 0x1a

static void msix_entry(unsigned v, uint64_t addr, uint32_t data, bool masked)
{
    td_mmio_write(TD_TABLE + 16 * v, addr, 8);
    td_mmio_write(TD_TABLE + 16 * v + 8, data, 4);
    td_mmio_write(TD_TABLE + 16 * v + 12, masked, 4);
}

static void msix_ctrl(TestDriver *d, uint16_t bits)
{
    uint16_t v = pci_config_read(TD_DEVFN, d->msix_cap + 2, 2);
    pci_config_write(TD_DEVFN, d->msix_cap + 2, (v & 0x07ff) | bits, 2);
}

static void test_msix(Fixture *f, gconstpointer data)
{
    TestDriver *d = &f->d;
    unsigned cap = d->msix_cap;
    /* 3 queues + config: 4 vectors, table and PBA in BAR0 */
    g_assert_cmphex(pci_config_read(TD_DEVFN, cap + 2, 2), ==, 3);
    g_assert_cmphex(pci_config_read(TD_DEVFN, cap + 4, 4), ==, HM_VIRTIO_PCI_MSIX_TABLE);
    g_assert_cmphex(pci_config_read(TD_DEVFN, cap + 8, 4), ==, HM_VIRTIO_PCI_MSIX_PBA);
    g_assert_cmphex(td_mmio_read(TD_TABLE + 12, 4), ==, 1);       /* masked at reset */
    pci_config_write(TD_DEVFN, cap + 2, 0xffff, 2);                 /* size is read-only */
    g_assert_cmphex(pci_config_read(TD_DEVFN, cap + 2, 2), ==, 0xc003);
    msix_ctrl(d, 0);

    td_init(d, F_V1 | F_STATS, 3);
    msix_ctrl(d, 0x8000);
    msix_entry(0, 0xfee00000, 0x41, false);
    msix_entry(1, 0xfee01000, 0x42, false);
    g_assert_cmphex(td_mmio_read(TD_TABLE + 16, 8), ==, 0xfee01000);
    cc_write(d, TD_CC_MSIX, 0, 2);
    g_assert_cmpuint(cc_read(d, TD_CC_MSIX, 2), ==, 0);
    cc_write(d, TD_QSELECT, 0, 2);
    cc_write(d, TD_CC_QMSIX, 1, 2);
    g_assert_cmpuint(cc_read(d, TD_CC_QMSIX, 2), ==, 1);
    /* a vector past the table cannot be mapped */
    cc_write(d, TD_QSELECT, 1, 2);
    cc_write(d, TD_CC_QMSIX, 4, 2);
    g_assert_cmphex(cc_read(d, TD_CC_QMSIX, 2), ==, VIRTIO_NO_VECTOR);

    /* a used buffer on queue 0: its vector's message, no ISR, no INTx */
    fill_pfns(d, 1);
    TdSeg seg = { TD_BUFS, 4, false };
    td_add(d, 0, &seg, 1);
    g_assert_cmpuint(d->msi_count, ==, 1);
    g_assert_cmphex(d->msi_addr, ==, 0xfee01000);
    g_assert_cmphex(d->msi_data, ==, 0x42);
    g_assert_cmpint(d->intx, ==, 0);
    g_assert_cmphex(td_mmio_read(d->isr, 1), ==, 0);
    /* config change: vector 0 */
    virtio_balloon_set_target(f->b, 10);
    g_assert_cmpuint(d->msi_count, ==, 2);
    g_assert_cmphex(d->msi_data, ==, 0x41);
    /* queue 1 has NO_VECTOR: no interrupt of any kind */
    TdSeg dseg = { TD_BUFS, 4, false };
    td_add(d, 1, &dseg, 1);
    g_assert_cmpuint(td_used_idx(d, 1), ==, 1);
    g_assert_cmpuint(d->msi_count, ==, 2);
    g_assert_cmpint(d->intx, ==, 0);

    /* masked entry: pending bit, sent on unmask */
    td_mmio_write(TD_TABLE + 16 + 12, 1, 4);
    td_add(d, 0, &seg, 1);
    g_assert_cmpuint(d->msi_count, ==, 2);
    g_assert_cmphex(td_mmio_read(TD_PBA, 8), ==, 0x2);
    td_mmio_write(TD_TABLE + 16 + 12, 0, 4);
    g_assert_cmpuint(d->msi_count, ==, 3);
    g_assert_cmphex(td_mmio_read(TD_PBA, 4), ==, 0);
    /* function mask: the same for every vector */
    msix_ctrl(d, 0xc000);
    virtio_balloon_set_target(f->b, 11);
    g_assert_cmpuint(d->msi_count, ==, 3);
    g_assert_cmphex(td_mmio_read(TD_PBA, 8), ==, 0x1);
    msix_ctrl(d, 0x8000);
    g_assert_cmpuint(d->msi_count, ==, 4);
    g_assert_cmphex(d->msi_data, ==, 0x41);

    /* hostile table accesses: odd sizes, unaligned, past the table, the PBA */
    td_mmio_write(TD_TABLE + 16 + 8, 0x99, 2);
    td_mmio_write(TD_TABLE + 16 + 9, 0x99, 4);
    td_mmio_write(TD_TABLE + 16 * 4, 0x99, 4);
    td_mmio_write(TD_PBA, 0xff, 8);
    g_assert_cmphex(td_mmio_read(TD_TABLE + 16 + 8, 4), ==, 0x42);
    g_assert_cmphex(td_mmio_read(TD_TABLE + 16 + 9, 4), ==, 0);
    g_assert_cmphex(td_mmio_read(TD_PBA, 8), ==, 0);
    td_mmio_write(TD_TABLE + 16 + 12, 0xfffffffe, 4);     /* only the mask bit exists */
    g_assert_cmphex(td_mmio_read(TD_TABLE + 16 + 12, 4), ==, 0);

    /* MSI-X off: back to the ISR and INTx */
    msix_ctrl(d, 0);
    td_add(d, 0, &seg, 1);
    g_assert_cmpuint(d->msi_count, ==, 4);
    g_assert_cmpint(d->intx, ==, 1);
    g_assert_cmphex(td_mmio_read(d->isr, 1), ==, VIRTIO_ISR_QUEUE);
    /* an ISR bit raised under INTx is not turned into a message later */
    td_add(d, 0, &seg, 1);
    g_assert_cmpint(d->intx, ==, 1);
    msix_ctrl(d, 0x8000);
    g_assert_cmpint(d->intx, ==, 0);
    g_assert_cmpuint(d->msi_count, ==, 4);

    /* driver reset: vectors back to NO_VECTOR; machine reset: table masked */
    cc_write(d, TD_STATUS, 0, 1);
    g_assert_cmphex(cc_read(d, TD_CC_MSIX, 2), ==, VIRTIO_NO_VECTOR);
    virtio_balloon_reset(f->b);
    g_assert_cmphex(pci_config_read(TD_DEVFN, cap + 2, 2), ==, 3);
    g_assert_cmphex(f->b->pci->msix[1].ctrl, ==, 1);
    g_assert_cmphex(f->b->pci->msix[1].data, ==, 0);
}

typedef struct FakeKernel {
    uint64_t addr[VIRTIO_MAX_QUEUES];
    int fd[VIRTIO_MAX_QUEUES];
    unsigned assigned, calls;
    bool refuse;
} FakeKernel;

static bool fake_ioeventfd(void *opaque, uint64_t addr, unsigned len, int fd, bool assign)
{
    FakeKernel *k = opaque;
    k->calls++;
    if (k->refuse) {
        return false;
    }
    g_assert_cmpuint(len, ==, 2);
    /* the BAR is naturally aligned: the low bits are the offset in it */
    unsigned q = ((addr & (HM_VIRTIO_PCI_BAR_SIZE - 1)) - HM_VIRTIO_PCI_NOTIFY_OFF) /
                 HM_VIRTIO_PCI_NOTIFY_MULT;
    g_assert_cmpuint(q, <, VIRTIO_MAX_QUEUES);
    k->addr[q] = assign ? addr : 0;
    k->fd[q] = assign ? fd : -1;
    k->assigned += assign ? 1 : -1;
    return true;
}

/* What the kernel does for a matching notify write: signal the eventfd. */
static void kernel_notify(FakeKernel *k, unsigned q)
{
    uint64_t one = 1;
    g_assert_cmpint(write(k->fd[q], &one, sizeof(one)), ==, sizeof(one));
    while (g_main_context_iteration(NULL, FALSE)) {
    }
}

static void test_ioeventfd(Fixture *f, gconstpointer data)
{
    TestDriver *d = &f->d;
    FakeKernel k = { 0 };
    GError *err = NULL;
    PciIoeventfdOps ops = { .set = fake_ioeventfd, .opaque = &k };
    /* the BAR is already decoded: one eventfd per queue at its notify address */
    g_assert_true(virtio_pci_set_ioeventfd(f->b->pci, &ops, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(k.assigned, ==, 3);
    g_assert_cmphex(k.addr[2], ==, TD_BAR + HM_VIRTIO_PCI_NOTIFY_OFF + 8);
    td_init(d, F_V1 | F_STATS, 3);
    fill_pfns(d, 1);
    /* posted without a notify write; the kernel signals the eventfd */
    td_put_desc(d, 0, 0, TD_BUFS, 4, 0, 0);
    td_publish(d, 0, 0);
    g_assert_cmpuint(td_used_idx(d, 0), ==, 0);
    kernel_notify(&k, 0);
    g_assert_cmpuint(td_used_idx(d, 0), ==, 1);
    g_assert_cmpuint(f->b->discarded_pages, ==, 1);
    /* a signal for a queue that is not enabled changes nothing */
    kernel_notify(&k, 2);
    g_assert_cmphex(td_status(d), ==, 0x0f);
    /* decoding off: deassigned; moved and on again: at the new address */
    pci_config_write(TD_DEVFN, 0x04, 0x0004, 2);
    g_assert_cmpuint(k.assigned, ==, 0);
    pci_config_write(TD_DEVFN, 0x10, (uint32_t)TD_BAR + 0x100000, 4);
    pci_config_write(TD_DEVFN, 0x04, 0x0006, 2);
    g_assert_cmpuint(k.assigned, ==, 3);
    g_assert_cmphex(k.addr[0], ==, TD_BAR + 0x100000 + HM_VIRTIO_PCI_NOTIFY_OFF);
    /* machine reset: the VM is gone, the kernel refuses; nothing stays assigned */
    k.refuse = true;
    virtio_balloon_reset(f->b);
    g_assert_cmpuint(f->b->pci->notifier[0].assigned, ==, false);
    k.refuse = false;
    /* the MMIO write path still works (a kernel without ioeventfd) */
    virtio_pci_set_ioeventfd(f->b->pci, NULL, &err);
    g_assert_cmpint(f->b->pci->notifier[0].fd, ==, -1);
}

/* Creating and freeing a device leaves the process's other descriptors
 * alone (stdin is the serial console's input under -nographic). */
static void test_keeps_other_fds(void)
{
    int pipefd[2];
    g_assert_cmpint(pipe(pipefd), ==, 0);
    int saved = dup(0);
    g_assert_cmpint(dup2(pipefd[0], 0), ==, 0);
    TestDriver d = { 0 };
    GError *err = NULL;
    td_ram_up(&d);
    VirtioBalloonOptions opts = { 0 };
    VirtioBalloon *b = virtio_balloon_new(&opts, TD_DEVFN, NULL, &err);
    g_assert_no_error(err);
    g_assert_true(fcntl(0, F_GETFD) != -1);
    virtio_balloon_free(b);
    g_assert_true(fcntl(0, F_GETFD) != -1);
    td_ram_down(&d);
    dup2(saved, 0);
    close(saved);
    close(pipefd[0]);
    close(pipefd[1]);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
#define T(path, fn) g_test_add("/virtio-pci/" path, Fixture, NULL, setup, fn, teardown)
    T("identity", test_identity);
    T("bar-decoding", test_bar_decoding);
    T("negotiation", test_negotiation);
    T("queue-setup-order", test_queue_setup_order);
    T("hostile-chains", test_hostile_chains);
    T("chain-as-long-as-the-queue", test_chain_as_long_as_the_queue);
    T("notify-unconfigured", test_notify_unconfigured);
    T("intx-and-isr", test_intx_and_isr);
    T("msix", test_msix);
    T("ioeventfd", test_ioeventfd);
    T("event-idx", test_event_idx);
#undef T
    g_test_add_func("/virtio-pci/keeps-other-fds", test_keeps_other_fds);
    return g_test_run();
}
