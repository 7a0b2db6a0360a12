/*
 * test-qmp-balloon.c - balloon, query-balloon, BALLOON_CHANGE and HMP
 * balloon / info balloon against a real balloon device (driven by the test
 * driver) and the PC machine's DIMM slots, without KVM: QEMU's error
 * classes and texts, QEMU's arithmetic (RAM + plugged DIMMs - ballooned),
 * the clamp above that size, and a DIMM hot-plug changing actual; the
 * guest stats over QOM (qom-list/get/set on /machine/peripheral/ID, the
 * poll timer on the main loop) and BALLOON_CHANGE throttled to one a second.
 */
#include "hw/acpi_piix4.h"
#include "hw/pc_balloon.h"
#include "hw/pc_dimm.h"
#include "hw/pc_memmap.h"
#include "hw/virtio_balloon.h"
#include "hotmem/options.h"
#include "monitor/hmp.h"
#include "monitor/monitor.h"
#include "tests/unit/qmp-request.h"
#include "virtio-driver.h"

#include <stdarg.h>

#define MiB (1ULL << 20)
#define GiB (1ULL << 30)

typedef struct Machine {
    MachineConfig cfg;
    PcMemoryLayout layout;
    AcpiPiix4State *pm;
    PcDimms *dimms;
    QmpSession s;
    TestDriver d;
    VirtioBalloon *b;
} Machine;

static GPtrArray *events;

static void record_event(void *opaque, const char *line)
{
    g_ptr_array_add(events, g_strdup(line));
}

static void no_irq(void *opaque, unsigned gsi, int level)
{
}

static void machine_up(Machine *m)
{
    const char *argv[] = { "hotmem", "-m", "512M,slots=1,maxmem=4G", "-dimm",
                           "id=d0,size=1G,populated=on", "-dimm", "id=d1,size=512M", NULL };
    GError *err = NULL;
    memset(m, 0, sizeof(*m));
    g_assert_true(machine_config_parse(&m->cfg, G_N_ELEMENTS(argv) - 1, (char **)argv, &err));
    g_assert_no_error(err);
    pc_memory_layout_init(&m->layout, m->cfg.ram_size);
    IrqLine sci = { .set_level = no_irq, .gsi = HM_SCI_IRQ };
    m->pm = acpi_piix4_new(&sci, &err);
    g_assert_no_error(err);
    device_lock();
    m->dimms = pc_dimms_new(&m->cfg, &m->layout, 40, NULL, NULL, m->pm, &err);
    device_unlock();
    g_assert_no_error(err);
    td_ram_up(&m->d);
    VirtioBalloonOptions opts = { .id = "balloon0" };
    PciIntxRouter intx = { .set = td_intx, .opaque = &m->d };
    m->b = virtio_balloon_new(&opts, TD_DEVFN, &intx, &err);
    g_assert_no_error(err);
    td_probe(&m->d);
    td_init(&m->d, 1ULL << VIRTIO_F_VERSION_1 | 1ULL << VIRTIO_BALLOON_F_STATS_VQ, 3);
    m->s.negotiated = true;
    events = g_ptr_array_new_with_free_func(g_free);
    monitor_event_add_sink(NULL, record_event, NULL);
}

static void machine_down(Machine *m)
{
    monitor_event_remove_sink(record_event, NULL);
    g_ptr_array_free(events, TRUE);
    pc_balloon_detach();
    virtio_balloon_free(m->b);
    device_lock();
    pc_dimms_free(m->dimms);
    device_unlock();
    acpi_piix4_free(m->pm);
    machine_config_clear(&m->cfg);
    td_ram_down(&m->d);
}

static char *runq(Machine *m, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *req = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_strdelimit(req, "'", '"');
    return qmp_request_text(&m->s, req);
}

#define ASSERT_QMP(m, want, ...) do {                  \
        g_autofree char *got_ = runq((m), __VA_ARGS__); \
        g_assert_cmpstr(got_, ==, (want));             \
    } while (0)

#define NOT_ACTIVE "{\"error\": {\"class\": \"DeviceNotActive\", " \
                   "\"desc\": \"No balloon device has been activated\"}}"

static uint32_t num_pages(Machine *m)
{
    return (uint32_t)td_mmio_read(m->d.device + VIRTIO_BALLOON_CFG_NUM_PAGES, 4);
}

static void test_no_balloon(void)
{
    Machine m;
    machine_up(&m);
    ASSERT_QMP(&m, NOT_ACTIVE, "{'execute': 'query-balloon'}");
    /* no device is checked before the value, as in QEMU */
    ASSERT_QMP(&m, NOT_ACTIVE, "{'execute': 'balloon', 'arguments': {'value': 0}}");
    ASSERT_QMP(&m, NOT_ACTIVE, "{'execute': 'balloon', 'arguments': {'value': 1073741824}}");
    g_autofree char *hmp = hmp_execute_capture("info balloon");
    g_assert_cmpstr(hmp, ==, "Error: No balloon device has been activated\r\n");
    g_autofree char *hmp2 = hmp_execute_capture("balloon 512");
    g_assert_cmpstr(hmp2, ==, "Error: No balloon device has been activated\r\n");
    g_assert_cmpuint(num_pages(&m), ==, 0);
    machine_down(&m);
}

static void test_balloon_cycle(void)
{
    Machine m;
    machine_up(&m);
    pc_balloon_attach(m.b, m.cfg.ram_size, m.dimms);
    /* 512 MiB RAM + the populated 1 GiB DIMM */
    ASSERT_QMP(&m, "{\"return\": {\"actual\": 1610612736}}", "{'execute': 'query-balloon'}");

    /* bad values: refused, nothing asked of the guest */
    static const char *const bad[] = { "0", "-4096", "-9223372036854775808" };
    for (unsigned i = 0; i < G_N_ELEMENTS(bad); i++) {
        ASSERT_QMP(&m, "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                       "\"Parameter 'value' expects a size\"}}",
                   "{'execute': 'balloon', 'arguments': {'value': %s}}", bad[i]);
    }
    g_assert_cmpuint(num_pages(&m), ==, 0);
    g_assert_cmpint(m.d.intx, ==, 0);

    /* 1 GiB: hold 512 MiB = 131072 pages; the guest hears a config change */
    ASSERT_QMP(&m, "{\"return\": {}}", "{'execute': 'balloon', 'arguments': {'value': %llu}}",
               (unsigned long long)GiB);
    g_assert_cmpuint(num_pages(&m), ==, 131072);
    g_assert_cmpint(m.d.intx, ==, 1);
    g_assert_cmphex(td_mmio_read(m.d.isr, 1), ==, VIRTIO_ISR_CONFIG);
    /* not a page multiple: rounded down to whole pages held */
    ASSERT_QMP(&m, "{\"return\": {}}", "{'execute': 'balloon', 'arguments': {'value': %llu}}",
               (unsigned long long)GiB + 1);
    g_assert_cmpuint(num_pages(&m), ==, 131071);
    /* above RAM + DIMMs: clamped, the balloon empties */
    ASSERT_QMP(&m, "{\"return\": {}}",
               "{'execute': 'balloon', 'arguments': {'value': 109951162777600}}");
    g_assert_cmpuint(num_pages(&m), ==, 0);

    /* the driver reports 1000 pages held: BALLOON_CHANGE, query-balloon agree */
    g_ptr_array_set_size(events, 0);
    td_mmio_write(m.d.device + VIRTIO_BALLOON_CFG_ACTUAL, 1000, 4);
    monitor_event_flush();
    g_assert_cmpuint(events->len, ==, 1);
    g_assert_nonnull(strstr(g_ptr_array_index(events, 0),
                            "\"event\": \"BALLOON_CHANGE\", \"data\": {\"actual\": 1606516736}"));
    ASSERT_QMP(&m, "{\"return\": {\"actual\": 1606516736}}", "{'execute': 'query-balloon'}");
    /* the same value again: no event */
    td_mmio_write(m.d.device + VIRTIO_BALLOON_CFG_ACTUAL, 1000, 4);
    monitor_event_flush();
    g_assert_cmpuint(events->len, ==, 1);

    /* a hot-plugged DIMM counts at once */
    GError *err = NULL;
    device_lock();
    g_assert_true(pc_dimms_hotplug_declared(m.dimms, "d1", &err));
    device_unlock();
    g_assert_no_error(err);
    ASSERT_QMP(&m, "{\"return\": {\"actual\": 2143387648}}", "{'execute': 'query-balloon'}");

    /* HMP: MiB both ways */
    g_autofree char *info = hmp_execute_capture("info balloon");
    g_assert_cmpstr(info, ==, "balloon: actual=2044\r\n");
    g_autofree char *set = hmp_execute_capture("balloon 1024");
    g_assert_cmpstr(set, ==, "");
    g_assert_cmpuint(num_pages(&m), ==, (2 * GiB - GiB) / 4096);
    g_autofree char *set_g = hmp_execute_capture("balloon 1G");
    g_assert_cmpstr(set_g, ==, "");
    g_autofree char *zero = hmp_execute_capture("balloon 0");
    g_assert_cmpstr(zero, ==, "Error: Parameter 'value' expects a size\r\n");
    g_autofree char *junk = hmp_execute_capture("balloon lots");
    g_assert_cmpstr(junk, ==, "Error: invalid size 'lots'\r\n");
    g_assert_cmpuint(num_pages(&m), ==, (2 * GiB - GiB) / 4096);

    /* a driver that claims more than the guest has cannot make actual < 0 */
    td_mmio_write(m.d.device + VIRTIO_BALLOON_CFG_ACTUAL, 0xffffffffu, 4);
    ASSERT_QMP(&m, "{\"return\": {\"actual\": 0}}", "{'execute': 'query-balloon'}");
    machine_down(&m);
}

/* The driver's stats buffer on queue 2: free memory (tag 4) = free. */
static void send_stats(Machine *m, uint64_t free)
{
    uint8_t buf[20] = { 0 };
    buf[0] = 4;
    for (int k = 0; k < 8; k++) {
        buf[2 + k] = (uint8_t)(free >> (8 * k));
    }
    buf[10] = 5;                        /* total memory 1 GiB */
    buf[15] = 0x40;
    memcpy(m->d.ram + TD_BUFS, buf, sizeof(buf));
    TdSeg seg = { TD_BUFS, sizeof(buf), false };
    td_add(&m->d, 2, &seg, 1);
}

/* Runs the main loop until queue 2's used index reaches want or ms pass. */
static bool wait_used(Machine *m, uint16_t want, unsigned ms)
{
    gint64 end = g_get_monotonic_time() + ms * 1000LL;
    while (td_used_idx(&m->d, 2) != want && g_get_monotonic_time() < end) {
        g_main_context_iteration(NULL, FALSE);
        g_usleep(1000);
    }
    return td_used_idx(&m->d, 2) == want;
}

#define B0 "'/machine/peripheral/balloon0'"

static void test_guest_stats(void)
{
    Machine m;
    machine_up(&m);
    /* no balloon attached: no such path */
    ASSERT_QMP(&m, "{\"error\": {\"class\": \"DeviceNotFound\", \"desc\": "
               "\"Device '/machine/peripheral/balloon0' not found\"}}",
               "{'execute': 'qom-get', 'arguments': {'path': " B0 ", "
               "'property': 'guest-stats'}}");
    pc_balloon_attach(m.b, m.cfg.ram_size, m.dimms);
    /* the tree: a child of /machine/peripheral, QEMU's type and properties */
    g_autofree char *periph = runq(&m, "{'execute': 'qom-list', 'arguments': "
                                   "{'path': '/machine/peripheral'}}");
    g_assert_nonnull(strstr(periph, "{\"name\": \"balloon0\", \"type\": "
                                    "\"child<virtio-balloon-pci>\"}"));
    ASSERT_QMP(&m, "{\"return\": [{\"name\": \"type\", \"type\": \"string\"}, "
               "{\"name\": \"guest-stats\", \"type\": \"guest statistics\"}, "
               "{\"name\": \"guest-stats-polling-interval\", \"type\": \"int\"}]}",
               "{'execute': 'qom-list', 'arguments': {'path': " B0 "}}");
    ASSERT_QMP(&m, "{\"return\": \"virtio-balloon-pci\"}",
               "{'execute': 'qom-get', 'arguments': {'path': " B0 ", 'property': 'type'}}");
    /* no stats yet: QEMU's error, which libvirt looks for */
    ASSERT_QMP(&m, "{\"error\": {\"class\": \"GenericError\", "
               "\"desc\": \"guest hasn't updated any stats yet\"}}",
               "{'execute': 'qom-get', 'arguments': {'path': " B0 ", "
               "'property': 'guest-stats'}}");

    /* bad intervals: QEMU's errors, nothing changes */
    static const struct { const char *value, *desc; } bad[] = {
        { "-1", "timer value must be greater than zero" },
        { "4294967296", "timer value is too big" },
        { "'5'", "Invalid parameter type for 'guest-stats-polling-interval', "
                 "expected: integer" },
        { "1.5", "Invalid parameter type for 'guest-stats-polling-interval', "
                 "expected: integer" },
    };
    for (unsigned i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree char *want = g_strdup_printf("{\"error\": {\"class\": \"GenericError\", "
                                                "\"desc\": \"%s\"}}", bad[i].desc);
        ASSERT_QMP(&m, want, "{'execute': 'qom-set', 'arguments': {'path': " B0 ", "
                   "'property': 'guest-stats-polling-interval', 'value': %s}}", bad[i].value);
    }
    ASSERT_QMP(&m, "{\"error\": {\"class\": \"GenericError\", "
               "\"desc\": \"Property 'virtio-balloon-pci.nope' not found\"}}",
               "{'execute': 'qom-get', 'arguments': {'path': " B0 ", 'property': 'nope'}}");
    ASSERT_QMP(&m, "{\"return\": 0}", "{'execute': 'qom-get', 'arguments': {'path': " B0
               ", 'property': 'guest-stats-polling-interval'}}");
    g_assert_null(m.b->stats_timer);

    /* the driver's first buffer: the stats are there, the unreported ones -1 */
    send_stats(&m, 4096);
    g_autofree char *st = runq(&m, "{'execute': 'qom-get', 'arguments': {'path': " B0 ", "
                               "'property': 'guest-stats'}}");
    /* members in QEMU's QDict order (monitor/qjson-write.c) */
    g_autofree char *want = g_strdup_printf(
        "{\"return\": {\"stats\": {\"stat-htlb-pgalloc\": -1, \"stat-swap-out\": -1, "
        "\"stat-available-memory\": -1, \"stat-htlb-pgfail\": -1, "
        "\"stat-free-memory\": 4096, \"stat-minor-faults\": -1, "
        "\"stat-major-faults\": -1, \"stat-total-memory\": 1073741824, "
        "\"stat-swap-in\": -1, \"stat-disk-caches\": -1}, \"last-update\": %" PRId64 "}}",
        m.b->stats_last_update);
    g_assert_cmpint(m.b->stats_last_update, >, 0);
    g_assert_cmpstr(st, ==, want);

    /* without polling the buffer stays with the device */
    g_assert_false(wait_used(&m, 1, 300));

    /* 1 s: the main loop's timer hands the buffer back, the refill counts */
    ASSERT_QMP(&m, "{\"return\": {}}", "{'execute': 'qom-set', 'arguments': {'path': " B0
               ", 'property': 'guest-stats-polling-interval', 'value': 1}}");
    ASSERT_QMP(&m, "{\"return\": 1}", "{'execute': 'qom-get', 'arguments': {'path': " B0
               ", 'property': 'guest-stats-polling-interval'}}");
    /* at the period's end (whole seconds: GLib coalesces), not at once */
    g_assert_cmpuint(td_used_idx(&m.d, 2), ==, 0);
    g_assert_true(wait_used(&m, 1, 2500));
    g_assert_false(m.b->stats_held);
    send_stats(&m, 8192);
    g_assert_cmpuint(m.b->stats[4], ==, 8192);
    g_assert_true(wait_used(&m, 2, 2500));
    send_stats(&m, 12288);

    /* 0 stops polling */
    ASSERT_QMP(&m, "{\"return\": {}}", "{'execute': 'qom-set', 'arguments': {'path': " B0
               ", 'property': 'guest-stats-polling-interval', 'value': 0}}");
    g_assert_null(m.b->stats_timer);
    g_assert_false(wait_used(&m, 3, 1500));
    g_assert_cmpuint(m.b->stats[4], ==, 12288);
    machine_down(&m);
}

/* QEMU's monitor throttles BALLOON_CHANGE to one a second: a driver that
 * reports page by page makes one event at once and one with the newest
 * value when the second is over, not one per report. */
static void test_change_throttled(void)
{
    Machine m;
    machine_up(&m);
    pc_balloon_attach(m.b, m.cfg.ram_size, m.dimms);
    g_ptr_array_set_size(events, 0);
    for (uint32_t pages = 1; pages <= 256; pages++) {
        td_mmio_write(m.d.device + VIRTIO_BALLOON_CFG_ACTUAL, pages, 4);
    }
    monitor_event_flush();
    g_assert_cmpuint(events->len, ==, 1);
    g_assert_nonnull(strstr(g_ptr_array_index(events, 0), "{\"actual\": 1610608640}"));
    gint64 end = g_get_monotonic_time() + 2500 * 1000;
    while (events->len < 2 && g_get_monotonic_time() < end) {
        g_main_context_iteration(NULL, FALSE);
        g_usleep(1000);
    }
    g_assert_cmpuint(events->len, ==, 2);
    /* 1.5 GiB - 256 pages: the newest */
    g_assert_nonnull(strstr(g_ptr_array_index(events, 1), "{\"actual\": 1609564160}"));
    machine_down(&m);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qmp-balloon/no-balloon", test_no_balloon);
    g_test_add_func("/qmp-balloon/cycle", test_balloon_cycle);
    g_test_add_func("/qmp-balloon/guest-stats", test_guest_stats);
    g_test_add_func("/qmp-balloon/change-throttled", test_change_throttled);
    return g_test_run();
}
