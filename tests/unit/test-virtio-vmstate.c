/*
 * test-virtio-vmstate.c - the balloon's migration state: the transport's and
 * the device's field tables saved from a running device and loaded into a
 * fresh one with the same -device give the same device (BAR decoded where it
 * was, queues where they were, target, actual, held stats buffer, INTx), and
 * a section that is corrupt or from a different device is refused with the
 * fresh device left as it was.
 */
#include "hw/virtio_balloon.h"
#include "migration/vmstate.h"
#include "virtio-driver.h"

#define F_STATS   (1ULL << VIRTIO_BALLOON_F_STATS_VQ)
#define F_REPORT  (1ULL << VIRTIO_BALLOON_F_REPORTING)
#define F_V1      (1ULL << VIRTIO_F_VERSION_1)

/* offsets in the device payload (virtio_device_vmstate comes first) */
#define OFF_STATUS   32                       /* after features, counts, selects */
#define OFF_QUEUE0   104                      /* after status .. config[64] */
#define OFF_Q_DESC   3                        /* size u16, enabled u8, then desc */

static TestDriver drv;

static VirtioBalloon *new_balloon(bool reporting)
{
    GError *err = NULL;
    VirtioBalloonOptions opts = { .id = "balloon0", .free_page_reporting = reporting };
    PciIntxRouter intx = { .set = td_intx, .opaque = &drv };
    VirtioBalloon *b = virtio_balloon_new(&opts, TD_DEVFN, &intx, &err);
    g_assert_no_error(err);
    return b;
}

static GByteArray *save(const VmStateDesc *d, void *obj)
{
    GByteArray *out = g_byte_array_new();
    GError *err = NULL;
    g_assert_true(vmstate_save(d, obj, out, &err));
    g_assert_no_error(err);
    return out;
}

static bool load(const VmStateDesc *d, void *obj, size_t size, const GByteArray *b,
                 size_t len, GError **errp)
{
    return vmstate_load_into(d, obj, size, b->data, len, 1, errp);
}

/* A source balloon in use: target and actual set, a config interrupt
 * pending on INTx, the stats buffer held, one inflate done. */
static VirtioBalloon *busy_source(bool reporting)
{
    td_ram_up(&drv);
    VirtioBalloon *b = new_balloon(reporting);
    td_probe(&drv);
    td_init(&drv, F_V1 | F_STATS | (reporting ? F_REPORT : 0), reporting ? 4 : 3);
    virtio_balloon_set_target(b, 300);
    td_mmio_write(drv.device + VIRTIO_BALLOON_CFG_ACTUAL, 256, 4);
    uint8_t stats[10] = { 4, 0, 0x00, 0x10 };              /* free memory: 4096 */
    memcpy(drv.ram + TD_BUFS + 0x1000, stats, sizeof(stats));
    TdSeg sseg = { TD_BUFS + 0x1000, sizeof(stats), false };
    td_add(&drv, 2, &sseg, 1);
    virtio_balloon_set_stats_interval(b, 5);
    uint32_t pfn = TD_PAGES >> 12;
    memcpy(drv.ram + TD_BUFS, &pfn, 4);
    TdSeg seg = { TD_BUFS, 4, false };
    td_add(&drv, 0, &seg, 1);
    g_assert_cmpuint(td_used_idx(&drv, 0), ==, 1);
    g_assert_true(b->stats_held);
    g_assert_cmpint(drv.intx, ==, 1);
    return b;
}

static void test_round_trip(void)
{
    VirtioBalloon *a = busy_source(true);
    g_autoptr(GByteArray) pci = save(&virtio_pci_vmstate, a->pci);
    g_autoptr(GByteArray) dev = save(&virtio_balloon_vmstate, a);
    virtio_balloon_free(a);                   /* the source is gone; its RAM stays */
    g_assert_cmpint(drv.intx, ==, 0);

    VirtioBalloon *b = new_balloon(true);
    g_assert_cmphex(virtio_pci_bar_address(b->pci), ==, 0);
    GError *err = NULL;
    g_assert_true(load(&virtio_pci_vmstate, b->pci, sizeof(*b->pci), pci, pci->len, &err));
    g_assert_no_error(err);
    g_assert_true(load(&virtio_balloon_vmstate, b, sizeof(*b), dev, dev->len, &err));
    g_assert_no_error(err);
    /* the BAR decodes where the guest put it, with the negotiated device behind */
    g_assert_cmphex(virtio_pci_bar_address(b->pci), ==, TD_BAR);
    g_assert_cmphex(td_status(&drv), ==, 0x0f);
    g_assert_cmpuint(td_mmio_read(drv.device + VIRTIO_BALLOON_CFG_NUM_PAGES, 4), ==, 300);
    g_assert_cmpuint(b->num_pages, ==, 300);
    g_assert_cmpuint(b->actual, ==, 256);
    g_assert_cmpint(drv.intx, ==, 1);         /* the pending config interrupt */
    g_assert_true(b->stats_held);             /* taken from the ring again */
    g_assert_cmpuint(b->stats[4], ==, 4096);
    g_assert_cmpuint(b->stats_interval, ==, 5);
    g_assert_nonnull(b->stats_timer);
    /* saved again, the loaded device is the same state */
    g_autoptr(GByteArray) again = save(&virtio_balloon_vmstate, b);
    g_assert_cmpmem(again->data, again->len, dev->data, dev->len);

    /* nothing runs until the machine resumes it; then the kick is served */
    uint32_t pfn = (TD_PAGES >> 12) + 1;
    memcpy(drv.ram + TD_BUFS, &pfn, 4);
    TdSeg seg = { TD_BUFS, 4, false };
    td_add(&drv, 0, &seg, 1);
    g_assert_cmpuint(td_used_idx(&drv, 0), ==, 1);
    virtio_balloon_set_quiesced(b, false);
    g_assert_cmpuint(td_used_idx(&drv, 0), ==, 2);
    g_assert_cmpuint(b->discarded_pages, ==, 1);
    virtio_balloon_free(b);
    td_ram_down(&drv);
}

/* One corruption of the device payload, refused; b keeps its state. */
static void refuse(VirtioBalloon *b, const GByteArray *dev, size_t off, const void *bytes,
                   size_t n, size_t len, const char *want)
{
    g_autoptr(GByteArray) bad = g_byte_array_new();
    g_byte_array_append(bad, dev->data, dev->len);
    if (n) {
        memcpy(bad->data + off, bytes, n);
    }
    if (len > bad->len) {
        g_byte_array_set_size(bad, (guint)len);
    }
    GError *err = NULL;
    g_assert_false(load(&virtio_balloon_vmstate, b, sizeof(*b), bad, len, &err));
    g_assert_nonnull(err);
    if (!strstr(err->message, want)) {
        g_test_message("got: %s", err->message);
        g_assert_not_reached();
    }
    g_error_free(err);
    g_assert_cmpuint(b->vdev.status, ==, 0);
    g_assert_cmpuint(b->num_pages, ==, 0);
    g_assert_false(b->vdev.quiesced);
}

static void test_refused(void)
{
    VirtioBalloon *a = busy_source(true);
    g_autoptr(GByteArray) pci = save(&virtio_pci_vmstate, a->pci);
    g_autoptr(GByteArray) dev = save(&virtio_balloon_vmstate, a);
    virtio_balloon_free(a);

    VirtioBalloon *b = new_balloon(true);
    uint8_t driver_ok_only = VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
                             VIRTIO_STATUS_DRIVER_OK;
    refuse(b, dev, OFF_STATUS, &driver_ok_only, 1, dev->len, "DRIVER_OK without FEATURES_OK");
    uint16_t three = 3;
    refuse(b, dev, OFF_QUEUE0, &three, 2, dev->len, "power of two");
    uint64_t outside = TD_RAM_SIZE;
    refuse(b, dev, OFF_QUEUE0 + OFF_Q_DESC, &outside, 8, dev->len, "outside guest RAM");
    refuse(b, dev, 0, NULL, 0, dev->len - 1, "ends early");
    refuse(b, dev, 0, NULL, 0, dev->len + 1, "left over");

    /* the transport: another device's ID in a read-only byte */
    g_autoptr(GByteArray) badpci = g_byte_array_new();
    g_byte_array_append(badpci, pci->data, pci->len);
    badpci->data[2] ^= 1;
    GError *err = NULL;
    g_assert_false(load(&virtio_pci_vmstate, b->pci, sizeof(*b->pci), badpci, badpci->len,
                        &err));
    g_assert_nonnull(strstr(err->message, "read-only config byte 0x02"));
    g_clear_error(&err);
    g_assert_cmphex(virtio_pci_bar_address(b->pci), ==, 0);
    g_assert_cmphex(pci_config_read(TD_DEVFN, 0x10, 4), ==, 0xc);
    virtio_balloon_free(b);

    /* a destination without free-page-reporting: other features, fewer queues */
    b = new_balloon(false);
    g_assert_false(load(&virtio_balloon_vmstate, b, sizeof(*b), dev, dev->len, &err));
    g_assert_nonnull(strstr(err->message, "the source's device offers features"));
    g_clear_error(&err);
    g_assert_false(load(&virtio_pci_vmstate, b->pci, sizeof(*b->pci), pci, pci->len, &err));
    g_assert_nonnull(strstr(err->message, "MSI-X vectors"));
    g_clear_error(&err);
    g_assert_cmpuint(b->vdev.status, ==, 0);
    virtio_balloon_free(b);
    td_ram_down(&drv);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/virtio-vmstate/round-trip", test_round_trip);
    g_test_add_func("/virtio-vmstate/refused", test_refused);
    return g_test_run();
}
