/*
 * test-qmp-memory.c - the memory commands over QMP (and HMP) against the
 * PC machine's real DIMM slots and register block, without KVM: reply and
 * event shapes of QEMU 7.2, the full hotplug cycle driven through the
 * register block as the guest's AML drives it, reset completing a removal,
 * and every bad input of the hotplug commands (GenericError naming the problem, the
 * session stays usable, nothing changes).
 */
#include "hw/acpi_piix4.h"
#include "hw/hotmem-pc.h"
#include "hw/pc_dimm.h"
#include "hw/pc_memmap.h"
#include "hw/pc_monitor.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "hotmem/options.h"
#include "monitor/hmp.h"
#include "monitor/memory.h"
#include "monitor/monitor.h"
#include "monitor/qjson.h"
#include "monitor/qmp.h"
#include "tests/unit/qmp-request.h"
#include "qapi-generated.h"

#include <stdarg.h>
#include <string.h>

#define GiB (1ULL << 30)
#define MiB (1ULL << 20)

/* slots: 0 d0 (1 GiB, populated), 1 d1 (512 MiB), 2 and 3 free; nodes 0-1;
 * RAM 512 MiB + 1.5 GiB declared leave 2 GiB for pc-dimms under maxmem */
#define CMDLINE "-m", "512M,slots=2,maxmem=4G", "-smp", "2", \
    "-numa", "node,nodeid=0,cpus=0", "-numa", "node,nodeid=1,cpus=1", \
    "-dimm", "id=d0,size=1G,node=1,populated=on", "-dimm", "id=d1,size=512M"

typedef struct {
    MachineConfig cfg;
    PcMemoryLayout layout;
    AcpiPiix4State *pm;
    PcDimms *dimms;
    QmpSession s;
} Machine;

static GPtrArray *events;

static void record_event(void *opaque, const char *line)
{
    g_ptr_array_add(events, g_strdup(line));
}

static void no_sci(void *opaque, unsigned gsi, int level)
{
}

static void machine_up_argv(Machine *m, int argc, const char **argv)
{
    GError *err = NULL;
    memset(m, 0, sizeof(*m));
    g_assert_true(machine_config_parse(&m->cfg, argc, (char **)argv, &err));
    g_assert_no_error(err);
    pc_memory_layout_init(&m->layout, m->cfg.ram_size);
    IrqLine sci = { .set_level = no_sci, .gsi = HM_SCI_IRQ };
    m->pm = acpi_piix4_new(&sci, &err);
    g_assert_no_error(err);
    device_lock();
    m->dimms = pc_dimms_new(&m->cfg, &m->layout, 40, NULL, NULL, m->pm, &err);
    g_assert_no_error(err);
    monitor_memory_attach(m->dimms);
    device_unlock();
    m->s.negotiated = true;
    events = g_ptr_array_new_with_free_func(g_free);
    monitor_event_set_throttling(false);      /* every _OST is checked at once here */
    monitor_event_add_sink(NULL, record_event, NULL);
}

static void machine_up(Machine *m)
{
    const char *argv[] = { "hotmem", CMDLINE, NULL };
    machine_up_argv(m, G_N_ELEMENTS(argv) - 1, argv);
}

static void machine_down(Machine *m)
{
    monitor_event_remove_sink(record_event, NULL);
    g_ptr_array_free(events, TRUE);
    pc_monitor_detach_dimms();
    device_lock();
    pc_dimms_free(m->dimms);
    device_unlock();
    acpi_piix4_free(m->pm);
    machine_config_clear(&m->cfg);
    g_assert_null(guest_mem_range(4 * GiB, 1, false));
    ram_block_remove_all();
    io_unregister_all();
}

/* Runs a request written with single quotes (easier to read here). */
static char *runq(QmpSession *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *req = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_strdelimit(req, "'", '"');
    return qmp_request_text(s, req);
}

#define OK "{\"return\": {}}"
#define ASSERT_OK(m, ...) do {                            \
        g_autofree char *got_ = runq(&(m)->s, __VA_ARGS__); \
        g_assert_cmpstr(got_, ==, OK);                    \
    } while (0)

/* What can change: plugged devices, _OST records, sizes, and (through
 * device_add probes below) the backends' use. */
static char *state(Machine *m)
{
    g_autofree char *a = runq(&m->s, "{'execute': 'query-memory-devices'}");
    g_autofree char *b = runq(&m->s, "{'execute': 'query-acpi-ospm-status'}");
    g_autofree char *c = runq(&m->s, "{'execute': 'query-memory-size-summary'}");
    g_autofree char *d = runq(&m->s, "{'execute': 'query-memory-hotplug'}");
    uint8_t st[4];
    for (unsigned i = 0; i < 4; i++) {
        st[i] = (uint8_t)(m->dimms->memhp->slots[i].dev != NULL) |
                (uint8_t)m->dimms->memhp->slots[i].is_inserting << 1 |
                (uint8_t)m->dimms->memhp->slots[i].is_removing << 2;
    }
    return g_strdup_printf("%s\n%s\n%s\n%s\n%u%u%u%u", a, b, c, d, st[0], st[1], st[2],
                           st[3]);
}

static void assert_events(const char *const *want)
{
    monitor_event_flush();
    guint n = 0;
    while (want[n]) {
        n++;
    }
    for (guint i = 0; i < MIN(n, events->len); i++) {
        const char *line = g_ptr_array_index(events, i);
        const char *body = strstr(line, "\"event\"");
        g_assert_nonnull(body);
        g_assert_true(g_str_has_prefix(line, "{\"timestamp\": {\"seconds\": "));
        g_autofree char *b = g_strndup(body, strlen(body) - 3);   /* "}\r\n" */
        g_assert_cmpstr(b, ==, want[i]);
    }
    g_assert_cmpuint(events->len, ==, n);
    g_ptr_array_set_size(events, 0);
}

/* ---- the guest side: the register block as the AML drives it ---- */

static void out(uint16_t off, uint32_t v, unsigned size)
{
    uint8_t d[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };
    device_lock();                        /* as the vCPU exit path holds it */
    io_dispatch(IO_SPACE_PORT, HM_MEMHP_BASE + off, d, size, true);
    device_unlock();
}

static void guest_ost(unsigned slot, uint32_t event, uint32_t status)
{
    out(HM_MEMHP_SELECTOR, slot, 4);
    out(HM_MEMHP_OST_EVENT, event, 4);
    out(HM_MEMHP_OST_STATUS, status, 4);
}

static void guest_eject(unsigned slot)
{
    out(HM_MEMHP_SELECTOR, slot, 4);
    out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_EJECT, 1);
}

/* ------------------------------------------------------------ tests */

static void test_shapes_and_cycle(void)
{
    Machine m;
    machine_up(&m);
    char *s = NULL;    /* freed after each use */

    s = runq(&m.s, "{'execute': 'query-memory-size-summary'}");
    g_assert_cmpstr(s, ==, "{\"return\": {\"base-memory\": 536870912, "
                    "\"plugged-memory\": 1073741824}}");
    g_free(s);
    s = runq(&m.s, "{'execute': 'query-memory-total'}");
    g_assert_cmpstr(s, ==, "{\"return\": 1610612736}");
    g_free(s);

    /* pc-dimm into the first free slot (2): QEMU's order of members */
    ASSERT_OK(&m, "{'execute': 'object-add', 'arguments': {'qom-type': "
              "'memory-backend-ram', 'id': 'mem0', 'size': %llu}}", GiB);
    ASSERT_OK(&m, "{'execute': 'device_add', 'arguments': {'driver': 'pc-dimm', "
              "'id': 'dimm0', 'memdev': 'mem0', 'node': 1}}");
    g_assert_nonnull(guest_mem_range(6 * GiB, GiB, true));
    s = runq(&m.s, "{'execute': 'query-memory-devices'}");
    g_assert_cmpstr(s, ==, "{\"return\": ["
        "{\"type\": \"dimm\", \"data\": {\"memdev\": \"/objects/dimm-d0\", \"hotplugged\": "
        "false, \"addr\": 4294967296, \"hotpluggable\": true, \"size\": 1073741824, "
        "\"slot\": 0, \"node\": 1, \"id\": \"d0\"}}, "
        "{\"type\": \"dimm\", \"data\": {\"memdev\": \"/objects/mem0\", \"hotplugged\": "
        "true, \"addr\": 6442450944, \"hotpluggable\": true, \"size\": 1073741824, "
        "\"slot\": 2, \"node\": 1, \"id\": \"dimm0\"}}]}");
    g_free(s);

    /* the guest onlines it and reports _OST(1, 0) */
    guest_ost(2, 1, 0);
    assert_events((const char *const[]){
        "\"event\": \"ACPI_DEVICE_OST\", \"data\": {\"info\": {\"device\": \"dimm0\", "
        "\"source\": 1, \"status\": 0, \"slot\": \"2\", \"slot-type\": \"DIMM\"}}", NULL });
    s = runq(&m.s, "{'execute': 'query-acpi-ospm-status'}");
    g_assert_cmpstr(s, ==, "{\"return\": ["
        "{\"device\": \"d0\", \"source\": 0, \"status\": 0, \"slot\": \"0\", "
        "\"slot-type\": \"DIMM\"}, "
        "{\"device\": \"d1\", \"source\": 0, \"status\": 0, \"slot\": \"1\", "
        "\"slot-type\": \"DIMM\"}, "
        "{\"device\": \"dimm0\", \"source\": 1, \"status\": 0, \"slot\": \"2\", "
        "\"slot-type\": \"DIMM\"}, "
        "{\"source\": 0, \"status\": 0, \"slot\": \"3\", \"slot-type\": \"DIMM\"}]}");
    g_free(s);

    /* removal: in progress, eject, then the guest's _OST(3, 0) */
    ASSERT_OK(&m, "{'execute': 'device_del', 'arguments': {'id': 'dimm0'}}");
    g_assert_true(m.dimms->memhp->slots[2].is_removing);
    guest_ost(2, 3, 0x84);
    guest_eject(2);
    g_assert_null(guest_mem_range(6 * GiB, 1, false));     /* memslot and mapping gone */
    guest_ost(2, 3, 0);
    assert_events((const char *const[]){
        "\"event\": \"ACPI_DEVICE_OST\", \"data\": {\"info\": {\"device\": \"dimm0\", "
        "\"source\": 3, \"status\": 132, \"slot\": \"2\", \"slot-type\": \"DIMM\"}}",
        "\"event\": \"DEVICE_DELETED\", \"data\": {\"device\": \"dimm0\", \"path\": "
        "\"/machine/peripheral/dimm0\"}",
        "\"event\": \"ACPI_DEVICE_OST\", \"data\": {\"info\": {\"source\": 3, \"status\": 0, "
        "\"slot\": \"2\", \"slot-type\": \"DIMM\"}}", NULL });
    /* the backend is free again: reusable, then deletable */
    ASSERT_OK(&m, "{'execute': 'device_add', 'arguments': {'driver': 'pc-dimm', "
              "'id': 'dimm1', 'memdev': 'mem0', 'slot': 3}}");
    g_autofree char *busy = runq(&m.s, "{'execute': 'object-del', 'arguments': "
                                 "{'id': 'mem0'}}");
    g_assert_cmpstr(busy, ==, "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"object 'mem0' is in use, can not be deleted\"}}");

    /* a declared slot: hot-add, the guest refuses the removal, then agrees */
    ASSERT_OK(&m, "{'execute': 'device_add', 'arguments': {'driver': 'dimm', 'id': 'd1'}}");
    guest_ost(1, 1, 0);
    ASSERT_OK(&m, "{'execute': 'device_del', 'arguments': {'id': 'd1'}}");
    guest_ost(1, 3, 0x84);
    guest_ost(1, 3, 0x82);
    g_assert_nonnull(guest_mem_range(5 * GiB, 512 * MiB, true));
    g_assert_false(m.dimms->bus->slots[1]->unplug_requested);
    assert_events((const char *const[]){
        "\"event\": \"ACPI_DEVICE_OST\", \"data\": {\"info\": {\"device\": \"d1\", "
        "\"source\": 1, \"status\": 0, \"slot\": \"1\", \"slot-type\": \"DIMM\"}}",
        "\"event\": \"ACPI_DEVICE_OST\", \"data\": {\"info\": {\"device\": \"d1\", "
        "\"source\": 3, \"status\": 132, \"slot\": \"1\", \"slot-type\": \"DIMM\"}}",
        "\"event\": \"ACPI_DEVICE_OST\", \"data\": {\"info\": {\"device\": \"d1\", "
        "\"source\": 3, \"status\": 130, \"slot\": \"1\", \"slot-type\": \"DIMM\"}}",
        "\"event\": \"DEVICE_UNPLUG_GUEST_ERROR\", \"data\": {\"device\": \"d1\", "
        "\"path\": \"/machine/peripheral/d1\"}", NULL });
    /* the guest repeats the refusal with no device_del pending: its _OST is
     * reported, but no operation ends, so no DEVICE_UNPLUG_GUEST_ERROR */
    for (int i = 0; i < 50; i++) {
        guest_ost(1, 3, 0x82);
    }
    monitor_event_flush();
    for (guint i = 0; i < events->len; i++) {
        g_assert_null(strstr(g_ptr_array_index(events, i), "DEVICE_UNPLUG_GUEST_ERROR"));
    }
    g_assert_cmpuint(events->len, ==, 50);
    g_ptr_array_set_size(events, 0);
    s = runq(&m.s, "{'execute': 'query-memory-hotplug'}");
    g_assert_cmpstr(s, ==, "{\"return\": ["
        "{\"result\": \"success\", \"request\": \"hot-add\", \"dimm\": \"dimm0\"}, "
        "{\"result\": \"success\", \"request\": \"hot-remove\", \"dimm\": \"dimm0\"}, "
        "{\"result\": \"success\", \"request\": \"hot-add\", \"dimm\": \"d1\"}, "
        "{\"result\": \"failure\", \"request\": \"hot-remove\", \"dimm\": \"d1\"}]}");
    g_free(s);
    /* the refusal is over: a new request is accepted */
    ASSERT_OK(&m, "{'execute': 'device_del', 'arguments': {'id': 'd1'}}");
    guest_eject(1);
    g_assert_null(guest_mem_range(5 * GiB, 1, false));
    g_assert_false(m.dimms->bus->slots[1]->enabled);

    /* HMP twins format the same data */
    g_autofree char *t = hmp_execute_capture("info memory-total");
    g_assert_cmpstr(t, ==, "MemTotal: 2684354560\r\n");
    g_autofree char *u = hmp_execute_capture("info memory_size_summary");
    g_assert_cmpstr(u, ==, "base memory: 536870912\r\nplugged memory: 2147483648\r\n");
    g_autofree char *v = hmp_execute_capture("info memory-devices");
    g_assert_nonnull(strstr(v, "Memory device [dimm]: \"dimm1\"\r\n  addr: 0x180000000\r\n"
                            "  slot: 3\r\n  node: 0\r\n  size: 1073741824\r\n"
                            "  memdev: /objects/mem0\r\n  hotplugged: true\r\n"));
    g_autofree char *w = hmp_execute_capture("info memory-hotplug");
    g_assert_true(g_str_has_suffix(w, "dimm: d1 hot-remove success\r\n"));
    machine_down(&m);
}

static void test_hmp_commands(void)
{
    Machine m;
    machine_up(&m);
    g_autofree char *a = hmp_execute_capture("object_add memory-backend-ram,id=m1,size=256M");
    g_assert_cmpstr(a, ==, "");
    g_autofree char *b = hmp_execute_capture("device_add pc-dimm,id=p1,memdev=m1,slot=3,node=0");
    g_assert_cmpstr(b, ==, "");
    g_assert_true(m.dimms->bus->slots[3] && m.dimms->bus->slots[3]->enabled);
    g_autofree char *c = hmp_execute_capture("object_del m1");
    g_assert_true(g_str_has_prefix(c, "Error: object 'm1' is in use"));
    g_autofree char *d = hmp_execute_capture("device_del p1");
    g_assert_cmpstr(d, ==, "");
    g_autofree char *e = hmp_execute_capture("device_del p1");
    g_assert_cmpstr(e, ==, "");                       /* pending: QEMU answers {} too */
    g_autofree char *f = hmp_execute_capture("device_add dimm,id=d1");
    g_assert_cmpstr(f, ==, "");
    /* no driver (the first option has '='): an error, and the monitor goes on */
    g_autofree char *nd = hmp_execute_capture("device_add id=foo");
    g_assert_cmpstr(nd, ==, "Error: Parameter 'driver' is missing\r\n");
    g_autofree char *nd2 = runq(&m.s, "{'execute': 'human-monitor-command', 'arguments': "
                                "{'command-line': 'device_add id=foo,memdev=m1'}}");
    g_assert_cmpstr(nd2, ==, "{\"return\": \"Error: Parameter 'driver' is missing\\r\\n\"}");
    g_autofree char *nd3 = hmp_execute_capture("info memory-devices");
    g_assert_nonnull(strstr(nd3, "p1"));
    /* the DIMM rule: the same sentence as the command line's -dimm gives */
    g_autofree char *g = hmp_execute_capture("object_add memory-backend-ram,id=m2,size=100M");
    g_assert_cmpstr(g, ==, "");
    g_autofree char *g2 = hmp_execute_capture("device_add pc-dimm,id=p9,memdev=m2");
    g_assert_cmpstr(g2, ==, "Error: DIMM 'p9': size 100M is not a multiple of 128 MiB\r\n");
    machine_down(&m);
}

/* A reset completes a removal the guest never answered (DEVICE_DELETED),
 * keeps the other DIMMs, and a refused removal stays refused. */
static void test_reset(void)
{
    Machine m;
    machine_up(&m);
    ASSERT_OK(&m, "{'execute': 'device_add', 'arguments': {'driver': 'dimm', 'id': 'd1'}}");
    ASSERT_OK(&m, "{'execute': 'device_del', 'arguments': {'id': 'd1'}}");
    ASSERT_OK(&m, "{'execute': 'device_del', 'arguments': {'id': 'd0'}}");
    guest_ost(0, 3, 0x82);                               /* d0 refused */
    assert_events((const char *const[]){
        "\"event\": \"ACPI_DEVICE_OST\", \"data\": {\"info\": {\"device\": \"d0\", "
        "\"source\": 3, \"status\": 130, \"slot\": \"0\", \"slot-type\": \"DIMM\"}}",
        "\"event\": \"DEVICE_UNPLUG_GUEST_ERROR\", \"data\": {\"device\": \"d0\", "
        "\"path\": \"/machine/peripheral/d0\"}", NULL });
    device_lock();
    pc_dimms_reset(m.dimms);
    device_unlock();
    assert_events((const char *const[]){
        "\"event\": \"DEVICE_DELETED\", \"data\": {\"device\": \"d1\", \"path\": "
        "\"/machine/peripheral/d1\"}", NULL });
    g_assert_true(m.dimms->bus->slots[0]->enabled);
    g_assert_false(m.dimms->bus->slots[1]->enabled);
    g_assert_null(guest_mem_range(5 * GiB, 1, false));
    g_assert_nonnull(guest_mem_range(4 * GiB, GiB, true));
    g_assert_cmpuint(m.dimms->memhp->slots[0].ost_status, ==, 0x82);  /* kept */
    machine_down(&m);
}

typedef struct {
    const char *what;
    const char *request;     /* single quotes */
    const char *desc;        /* expected desc; class GenericError unless noted */
    const char *cls;
} BadInput;

static const BadInput bad_inputs[] = {
    { "unknown -dimm id", "{'execute': 'device_add', 'arguments': {'driver': 'dimm', "
      "'id': 'nope'}}", "no -dimm slot with id 'nope'", NULL },
    { "device_del of an unknown id", "{'execute': 'device_del', 'arguments': "
      "{'id': 'nope'}}", "Device 'nope' not found", "DeviceNotFound" },
    { "object-del of an unknown id", "{'execute': 'object-del', 'arguments': "
      "{'id': 'nope'}}", "object 'nope' not found", NULL },
    { "slot already populated (-dimm)", "{'execute': 'device_add', 'arguments': "
      "{'driver': 'dimm', 'id': 'd0'}}", "DIMM 'd0' is already plugged (slot 0)", NULL },
    { "slot already populated (pc-dimm slot=)", "{'execute': 'device_add', 'arguments': "
      "{'driver': 'pc-dimm', 'id': 'x', 'memdev': 'm1', 'slot': 0}}",
      "slot 0 is busy (DIMM 'd0')", NULL },
    { "id already used", "{'execute': 'device_add', 'arguments': {'driver': 'pc-dimm', "
      "'id': 'd1', 'memdev': 'm1'}}", "Duplicate device ID 'd1'", NULL },
    { "device_del of a DIMM that is not plugged", "{'execute': 'device_del', "
      "'arguments': {'id': 'd1'}}", "DIMM 'd1' is not plugged", NULL },
    { "node out of range", "{'execute': 'device_add', 'arguments': {'driver': 'pc-dimm', "
      "'id': 'x', 'memdev': 'm1', 'node': 2}}",
      "DIMM 'x': node 2 does not exist (nodes 0-1)", NULL },
    { "node not a number", "{'execute': 'device_add', 'arguments': {'driver': 'pc-dimm', "
      "'id': 'x', 'memdev': 'm1', 'node': 'one'}}",
      "Parameter 'node' expects integer", NULL },
    { "memdev missing", "{'execute': 'device_add', 'arguments': {'driver': 'pc-dimm', "
      "'id': 'x'}}", "'memdev' property must be set", NULL },
    { "memdev unknown", "{'execute': 'device_add', 'arguments': {'driver': 'pc-dimm', "
      "'id': 'x', 'memdev': 'zz'}}", "Device 'zz' not found", "DeviceNotFound" },
    { "memdev already in use", "{'execute': 'device_add', 'arguments': {'driver': "
      "'pc-dimm', 'id': 'x', 'memdev': 'used'}}",
      "pc-dimm 'x': memdev 'used' is already in use by DIMM 'p0'", NULL },
    { "DIMM size not a multiple of 128 MiB", "{'execute': 'device_add', 'arguments': "
      "{'driver': 'pc-dimm', 'id': 'x', 'memdev': 'odd'}}",
      "DIMM 'x': size 100M is not a multiple of 128 MiB", NULL },
    { "backend of no size", "{'execute': 'object-add', 'arguments': "
      "{'qom-type': 'memory-backend-ram', 'id': 'm9', 'size': 0}}",
      "memory-backend-ram 'm9': size 0 is not between 1 byte and 1T", NULL },
    { "backend id already exists", "{'execute': 'object-add', 'arguments': "
      "{'qom-type': 'memory-backend-ram', 'id': 'm1', 'size': 134217728}}",
      "attempt to add duplicate property 'm1' to object (type 'container')", NULL },
    { "object-del of a backend in use", "{'execute': 'object-del', 'arguments': "
      "{'id': 'used'}}", "object 'used' is in use, can not be deleted", NULL },
    { "not enough memory under maxmem", "{'execute': 'device_add', 'arguments': "
      "{'driver': 'pc-dimm', 'id': 'x', 'memdev': 'big'}}",
      "DIMM 'x': RAM 512M plus DIMMs 4608M is beyond -m maxmem=4G (2G asked, 1G "
      "left)", NULL },
    { "slot out of range", "{'execute': 'device_add', 'arguments': {'driver': 'pc-dimm', "
      "'id': 'x', 'memdev': 'm1', 'slot': 9}}", "invalid slot 9, valid range is [0-3]", NULL },
    { "unknown driver", "{'execute': 'device_add', 'arguments': {'driver': 'e1000', "
      "'id': 'x'}}", "'e1000' is not a valid device model name (hotmem has 'dimm' and "
      "'pc-dimm')", NULL },
    { "unknown property", "{'execute': 'device_add', 'arguments': {'driver': 'pc-dimm', "
      "'id': 'x', 'memdev': 'm1', 'sise': 1}}", "Property 'pc-dimm.sise' not found", NULL },
    { "device id missing", "{'execute': 'device_add', 'arguments': {'driver': 'dimm'}}",
      "Parameter 'id' is missing", NULL },
    { "device id malformed", "{'execute': 'device_add', 'arguments': {'driver': 'pc-dimm', "
      "'id': '1x', 'memdev': 'm1'}}", "pc-dimm: invalid id '1x' (a letter, then letters, "
      "digits, '-', '.' or '_'; at most 32 characters)", NULL },
    { "argument missing", "{'execute': 'device_del'}", "Parameter 'id' is missing", NULL },
    { "argument wrongly typed", "{'execute': 'device_del', 'arguments': {'id': 5}}",
      "Invalid parameter type for 'id', expected: string", NULL },
    { "size wrongly typed", "{'execute': 'object-add', 'arguments': {'qom-type': "
      "'memory-backend-ram', 'id': 'm9', 'size': '1G'}}", "Parameter 'size' expects uint64", NULL },
    { "unexpected argument", "{'execute': 'query-memory-devices', 'arguments': "
      "{'all': true}}", "Parameter 'all' is unexpected", NULL },
    { "malformed JSON", "{'execute': 'device_add', 'arguments': {'driver': }}",
      "JSON parse error, expecting value", NULL },
    { "unknown command", "{'execute': 'device-add'}",
      "The command device-add has not been found", "CommandNotFound" },
};

static void test_bad_input(void)
{
    Machine m;
    machine_up(&m);
    /* the scene: d0 removal pending, p0 (backend 'used') plugged in slot 2,
     * free backends m1 (128 MiB) and big (2 GiB), slot 3 free */
    ASSERT_OK(&m, "{'execute': 'object-add', 'arguments': {'qom-type': "
              "'memory-backend-ram', 'id': 'used', 'size': %llu}}", GiB);
    ASSERT_OK(&m, "{'execute': 'object-add', 'arguments': {'qom-type': "
              "'memory-backend-ram', 'id': 'm1', 'size': %llu}}", 128 * MiB);
    ASSERT_OK(&m, "{'execute': 'object-add', 'arguments': {'qom-type': "
              "'memory-backend-ram', 'id': 'big', 'size': %llu}}", 2 * GiB);
    ASSERT_OK(&m, "{'execute': 'object-add', 'arguments': {'qom-type': "
              "'memory-backend-ram', 'id': 'odd', 'size': %llu}}", 100 * MiB);
    ASSERT_OK(&m, "{'execute': 'device_add', 'arguments': {'driver': 'pc-dimm', "
              "'id': 'p0', 'memdev': 'used'}}");
    ASSERT_OK(&m, "{'execute': 'device_del', 'arguments': {'id': 'd0'}}");
    monitor_event_flush();
    g_ptr_array_set_size(events, 0);
    g_autofree char *before = state(&m);

    for (size_t i = 0; i < G_N_ELEMENTS(bad_inputs); i++) {
        const BadInput *b = &bad_inputs[i];
        g_test_message("bad input: %s", b->what);
        g_autofree char *got = runq(&m.s, "%s", b->request);
        g_autofree char *want = g_strdup_printf(
            "{\"error\": {\"class\": \"%s\", \"desc\": \"%s\"}}",
            b->cls ? b->cls : "GenericError", b->desc);
        g_assert_cmpstr(got, ==, want);
        g_autofree char *after = state(&m);
        g_assert_cmpstr(after, ==, before);
        assert_events((const char *const[]){ NULL });
    }
    /* the failed attempts left m1 and big free: both still plug */
    ASSERT_OK(&m, "{'execute': 'device_add', 'arguments': {'driver': 'pc-dimm', "
              "'id': 'x', 'memdev': 'm1'}}");
    g_assert_true(m.dimms->bus->slots[3]->enabled);

    /* no free slot left */
    ASSERT_OK(&m, "{'execute': 'object-add', 'arguments': {'qom-type': "
              "'memory-backend-ram', 'id': 'm2', 'size': %llu}}", 128 * MiB);
    g_autofree char *full = runq(&m.s, "{'execute': 'device_add', 'arguments': "
                                 "{'driver': 'pc-dimm', 'id': 'y', 'memdev': 'm2'}}");
    g_assert_cmpstr(full, ==, "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"no free DIMM slot (4 slots)\"}}");

    /* before qmp_capabilities nothing runs */
    QmpSession fresh = { 0 };
    g_autofree char *early = runq(&fresh, "{'execute': 'device_add', 'arguments': "
                                  "{'driver': 'pc-dimm', 'id': 'y', 'memdev': 'm2'}}");
    g_assert_cmpstr(early, ==, "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": "
                    "\"Expecting capabilities negotiation with 'qmp_capabilities'\"}}");
    g_assert_null(dimm_bus_find(m.dimms->bus, "y"));
    machine_down(&m);
}

/* Without a machine (no slots attached) the memory commands fail cleanly. */
static void test_no_machine(void)
{
    QmpSession s = { .negotiated = true };
    g_autofree char *a = runq(&s, "{'execute': 'query-memory-devices'}");
    g_assert_cmpstr(a, ==, "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"this machine has no memory devices\"}}");
    g_autofree char *b = runq(&s, "{'execute': 'device_add', 'arguments': "
                              "{'driver': 'dimm', 'id': 'd0'}}");
    g_assert_cmpstr(b, ==, a);
}

/* A machine without DIMM slots: errors say so instead of an empty range. */
static void test_no_slots(void)
{
    Machine m;
    const char *argv[] = { "hotmem", "-m", "512M" };
    machine_up_argv(&m, G_N_ELEMENTS(argv), argv);
    ASSERT_OK(&m, "{'execute': 'object-add', 'arguments': {'qom-type': "
              "'memory-backend-ram', 'id': 'm1', 'size': %llu}}", GiB);
    g_autofree char *a = runq(&m.s, "{'execute': 'device_add', 'arguments': {'driver': "
                              "'pc-dimm', 'id': 'x', 'memdev': 'm1', 'slot': 0}}");
    g_assert_cmpstr(a, ==, "{\"error\": {\"class\": \"GenericError\", \"desc\": \"invalid "
                    "slot 0: the machine has no DIMM slots (-m slots=N,maxmem=SIZE)\"}}");
    g_autofree char *b = runq(&m.s, "{'execute': 'device_add', 'arguments': {'driver': "
                              "'pc-dimm', 'id': 'x', 'memdev': 'm1'}}");
    g_assert_cmpstr(b, ==, "{\"error\": {\"class\": \"GenericError\", \"desc\": \"no free "
                    "DIMM slot (0 slots)\"}}");
    g_assert_null(strstr(a, "[0--1]"));
    machine_down(&m);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qmp-memory/shapes-and-cycle", test_shapes_and_cycle);
    g_test_add_func("/qmp-memory/hmp-commands", test_hmp_commands);
    g_test_add_func("/qmp-memory/reset", test_reset);
    g_test_add_func("/qmp-memory/bad-input", test_bad_input);
    g_test_add_func("/qmp-memory/no-machine", test_no_machine);
    g_test_add_func("/qmp-memory/no-slots", test_no_slots);
    return g_test_run();
}
