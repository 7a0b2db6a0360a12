/*
 * test-qmp-dispatch.c - one request in, one reply out: capabilities
 * negotiation, request checks, argument checking with QEMU's texts, id
 * echo, the run-state commands against a fake machine, events and their
 * order, human-monitor-command, pmemsave.
 */
#include "monitor/machine-ops.h"
#include "monitor/monitor.h"
#include "monitor/qjson.h"
#include "monitor/qmp.h"
#include "tests/unit/qmp-request.h"
#include "hotmem/guest-mem.h"
#include "qapi-generated.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------ fixtures */

typedef struct FakeMachine {
    RunState state;
    int stops, conts, resets, powerdowns, quits;
    bool fail_cont;
} FakeMachine;

static FakeMachine fake;

static RunState fake_state(void *o)
{
    return ((FakeMachine *)o)->state;
}

static bool fake_stop(void *o, GError **errp)
{
    FakeMachine *m = o;
    m->stops++;
    m->state = RUN_STATE_PAUSED;
    return true;
}

static bool fake_cont(void *o, GError **errp)
{
    FakeMachine *m = o;
    if (m->fail_cont) {
        g_set_error(errp, QAPI_ERROR, QAPI_ERROR_CLASS_GENERIC_ERROR, "cannot start vCPU 0");
        return false;
    }
    m->conts++;
    m->state = RUN_STATE_RUNNING;
    return true;
}

static void fake_reset(void *o)
{
    ((FakeMachine *)o)->resets++;
}

static void fake_powerdown(void *o)
{
    ((FakeMachine *)o)->powerdowns++;
}

static void fake_quit(void *o)
{
    ((FakeMachine *)o)->quits++;
}

static const MonitorMachineOps fake_ops = {
    .run_state = fake_state,
    .stop = fake_stop,
    .cont = fake_cont,
    .system_reset = fake_reset,
    .system_powerdown = fake_powerdown,
    .quit = fake_quit,
    .opaque = &fake,
};

static GPtrArray *events;     /* lines received by the test sink */

static void record_event(void *opaque, const char *line)
{
    g_ptr_array_add(events, g_strdup(line));
}

static void setup(void)
{
    memset(&fake, 0, sizeof(fake));
    fake.state = RUN_STATE_RUNNING;
    monitor_set_machine_ops(&fake_ops);
    events = g_ptr_array_new_with_free_func(g_free);
    monitor_event_add_sink(NULL, record_event, NULL);
}

static void teardown(void)
{
    monitor_event_remove_sink(record_event, NULL);
    g_ptr_array_free(events, TRUE);
    events = NULL;
    monitor_set_machine_ops(NULL);
}

#define ASSERT_REPLY(session, request, want) do {                        \
        g_autofree char *got_ = qmp_request_text((session), (request));  \
        g_assert_cmpstr(got_, ==, (want));                               \
    } while (0)

#define GENERIC(desc) "{\"error\": {\"class\": \"GenericError\", \"desc\": \"" desc "\"}}"

/* Strips the timestamp so that event lines can be compared. */
static char *event_body(const char *line)
{
    GRegex *re = g_regex_new("^\\{\"timestamp\": \\{\"seconds\": [0-9]+, \"microseconds\": "
                             "[0-9]+\\}, (.*)\\}\\r\\n$", 0, 0, NULL);
    GMatchInfo *mi;
    char *body = NULL;
    if (g_regex_match(re, line, 0, &mi)) {
        body = g_match_info_fetch(mi, 1);
    }
    g_match_info_free(mi);
    g_regex_unref(re);
    g_assert_nonnull(body);
    return body;
}

static void assert_events(const char *const *want)
{
    monitor_event_flush();
    guint n = 0;
    while (want[n]) {
        n++;
    }
    for (guint i = 0; i < MIN(n, events->len); i++) {
        g_autofree char *body = event_body(g_ptr_array_index(events, i));
        g_assert_cmpstr(body, ==, want[i]);
    }
    g_assert_cmpuint(events->len, ==, n);
    g_ptr_array_set_size(events, 0);
}

/* ------------------------------------------------------------ tests */

static void test_greeting(void)
{
    JsonNode *g = qmp_greeting();
    g_autofree char *s = qjson_to_string(g);
    g_assert_cmpstr(s, ==, "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, "
                    "\"major\": 7}, \"package\": \"hotmem 0.1.0\"}, \"capabilities\": []}}");
    json_node_unref(g);
}

static void test_negotiation(void)
{
    setup();
    QmpSession s = { 0 };
    const char *expecting = "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": "
                            "\"Expecting capabilities negotiation with 'qmp_capabilities'\"}}";
    ASSERT_REPLY(&s, "{\"execute\": \"query-status\"}", expecting);
    ASSERT_REPLY(&s, "{\"execute\": \"no-such-command\"}", expecting);
    ASSERT_REPLY(&s, "{\"execute\": \"query-status\", \"id\": 7}",
                 "{\"id\": 7, \"error\": {\"class\": \"CommandNotFound\", \"desc\": "
                 "\"Expecting capabilities negotiation with 'qmp_capabilities'\"}}");
    g_assert_false(s.negotiated);
    /* nothing reaches the machine before negotiation */
    ASSERT_REPLY(&s, "{\"execute\": \"stop\"}", expecting);
    g_assert_cmpint(fake.stops, ==, 0);
    /* oob is not offered */
    ASSERT_REPLY(&s, "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}",
                 GENERIC("Capability 'oob' not available"));
    ASSERT_REPLY(&s, "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"x\"]}}",
                 GENERIC("Parameter 'null' does not accept value 'x'"));
    ASSERT_REPLY(&s, "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": 3}}",
                 GENERIC("Invalid parameter type for 'enable', expected: array"));
    g_assert_false(s.negotiated);
    ASSERT_REPLY(&s, "{\"execute\": \"qmp_capabilities\"}", "{\"return\": {}}");
    g_assert_true(s.negotiated);
    ASSERT_REPLY(&s, "{\"execute\": \"qmp_capabilities\", \"id\": \"again\"}",
                 "{\"id\": \"again\", \"error\": {\"class\": \"CommandNotFound\", \"desc\": "
                 "\"Capabilities negotiation is already complete, command ignored\"}}");
    ASSERT_REPLY(&s, "{\"execute\": \"query-status\"}",
                 "{\"return\": {\"status\": \"running\", \"singlestep\": false, "
                 "\"running\": true}}");
    ASSERT_REPLY(&s, "{\"execute\": \"no-such-command\"}",
                 "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": "
                 "\"The command no-such-command has not been found\"}}");
    /* another session starts over */
    QmpSession s2 = { 0 };
    ASSERT_REPLY(&s2, "{\"execute\": \"query-status\"}", expecting);
    teardown();
}

static void test_request_checks(void)
{
    setup();
    QmpSession s = { .negotiated = true };
    ASSERT_REPLY(&s, "[1, 2]", GENERIC("QMP input must be a JSON object"));
    ASSERT_REPLY(&s, "\"query-status\"", GENERIC("QMP input must be a JSON object"));
    ASSERT_REPLY(&s, "{\"id\": 5}",
                 "{\"id\": 5, \"error\": {\"class\": \"GenericError\", \"desc\": "
                 "\"QMP input lacks member 'execute'\"}}");
    ASSERT_REPLY(&s, "{\"execute\": 1}", GENERIC("QMP input member 'execute' must be a string"));
    ASSERT_REPLY(&s, "{\"execute\": \"query-status\", \"arguments\": []}",
                 GENERIC("QMP input member 'arguments' must be an object"));
    ASSERT_REPLY(&s, "{\"execute\": \"query-status\", \"extra\": 1}",
                 GENERIC("QMP input member 'extra' is unexpected"));
    ASSERT_REPLY(&s, "{\"exec-oob\": \"query-status\"}",
                 GENERIC("QMP input member 'exec-oob' is unexpected"));
    /* a parse error: the desc comes from the reader, no id */
    ASSERT_REPLY(&s, "{\"execute\": }", GENERIC("JSON parse error, expecting value"));
    teardown();
}

static void test_id_echo(void)
{
    setup();
    QmpSession s = { .negotiated = true };
    ASSERT_REPLY(&s, "{\"execute\": \"query-version\", \"id\": {\"a\": [1, \"x\", null]}}",
                 "{\"return\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}, "
                 "\"package\": \"hotmem 0.1.0\"}, \"id\": {\"a\": [1, \"x\", null]}}");
    ASSERT_REPLY(&s, "{\"id\": \"first\", \"execute\": \"cont\"}",
                 "{\"return\": {}, \"id\": \"first\"}");
    ASSERT_REPLY(&s, "{\"execute\": \"pmemsave\", \"id\": 12}",
                 "{\"id\": 12, \"error\": {\"class\": \"GenericError\", \"desc\": "
                 "\"Parameter 'val' is missing\"}}");
    teardown();
}

static void test_argument_checks(void)
{
    setup();
    QmpSession s = { .negotiated = true };
    ASSERT_REPLY(&s, "{\"execute\": \"pmemsave\", \"arguments\": {\"size\": 1, "
                 "\"filename\": \"/dev/null\"}}", GENERIC("Parameter 'val' is missing"));
    ASSERT_REPLY(&s, "{\"execute\": \"pmemsave\", \"arguments\": {\"val\": \"0\", \"size\": 1, "
                 "\"filename\": \"/dev/null\"}}",
                 GENERIC("Invalid parameter type for 'val', expected: integer"));
    ASSERT_REPLY(&s, "{\"execute\": \"pmemsave\", \"arguments\": {\"val\": 1.5, \"size\": 1, "
                 "\"filename\": \"/dev/null\"}}",
                 GENERIC("Invalid parameter type for 'val', expected: integer"));
    ASSERT_REPLY(&s, "{\"execute\": \"pmemsave\", \"arguments\": {\"val\": 0, \"size\": 1, "
                 "\"filename\": 7}}",
                 GENERIC("Invalid parameter type for 'filename', expected: string"));
    ASSERT_REPLY(&s, "{\"execute\": \"pmemsave\", \"arguments\": {\"val\": 0, \"size\": 1, "
                 "\"filename\": \"/dev/null\", \"foo\": 1}}",
                 GENERIC("Parameter 'foo' is unexpected"));
    ASSERT_REPLY(&s, "{\"execute\": \"query-status\", \"arguments\": {\"verbose\": true}}",
                 GENERIC("Parameter 'verbose' is unexpected"));
    ASSERT_REPLY(&s, "{\"execute\": \"human-monitor-command\", \"arguments\": "
                 "{\"command-line\": \"info status\", \"cpu-index\": \"0\"}}",
                 GENERIC("Invalid parameter type for 'cpu-index', expected: integer"));
    /* object-add: a flat union, base members first, then the branch */
    ASSERT_REPLY(&s, "{\"execute\": \"object-add\", \"arguments\": {\"id\": \"m\", "
                 "\"size\": 1}}", GENERIC("Parameter 'qom-type' is missing"));
    ASSERT_REPLY(&s, "{\"execute\": \"object-add\", \"arguments\": {\"qom-type\": "
                 "\"memory-backend-epc\", \"id\": \"m\", \"size\": 1}}",
                 GENERIC("Parameter 'qom-type' does not accept value 'memory-backend-epc'"));
    ASSERT_REPLY(&s, "{\"execute\": \"object-add\", \"arguments\": {\"qom-type\": "
                 "\"memory-backend-ram\", \"size\": 1}}", GENERIC("Parameter 'id' is missing"));
    ASSERT_REPLY(&s, "{\"execute\": \"object-add\", \"arguments\": {\"qom-type\": "
                 "\"memory-backend-ram\", \"id\": \"m\"}}", GENERIC("Parameter 'size' is missing"));
    ASSERT_REPLY(&s, "{\"execute\": \"object-add\", \"arguments\": {\"qom-type\": "
                 "\"memory-backend-ram\", \"id\": \"m\", \"size\": \"1G\"}}",
                 GENERIC("Parameter 'size' expects uint64"));
    ASSERT_REPLY(&s, "{\"execute\": \"object-add\", \"arguments\": {\"qom-type\": "
                 "\"memory-backend-ram\", \"id\": \"m\", \"size\": 1, \"merge\": \"off\"}}",
                 GENERIC("Invalid parameter type for 'merge', expected: boolean"));
    ASSERT_REPLY(&s, "{\"execute\": \"object-add\", \"arguments\": {\"qom-type\": "
                 "\"memory-backend-ram\", \"id\": \"m\", \"size\": 1, \"mem-path\": \"/x\"}}",
                 GENERIC("Parameter 'mem-path' is unexpected"));
    /* device_add: declared members are checked, the rest is the driver's */
    ASSERT_REPLY(&s, "{\"execute\": \"device_add\", \"arguments\": {\"id\": \"d\"}}",
                 GENERIC("Parameter 'driver' is missing"));
    ASSERT_REPLY(&s, "{\"execute\": \"device_add\", \"arguments\": {\"driver\": 1}}",
                 GENERIC("Invalid parameter type for 'driver', expected: string"));
    ASSERT_REPLY(&s, "{\"execute\": \"device_add\", \"arguments\": {\"driver\": \"pc-dimm\", "
                 "\"id\": [\"d\"]}}", GENERIC("Invalid parameter type for 'id', expected: string"));
    ASSERT_REPLY(&s, "{\"execute\": \"device_del\"}", GENERIC("Parameter 'id' is missing"));
    ASSERT_REPLY(&s, "{\"execute\": \"object-del\", \"arguments\": {\"id\": null}}",
                 GENERIC("Invalid parameter type for 'id', expected: string"));
    teardown();
}

/* The generated reader on its own: nested names and ranges. */
static void test_reader_names(void)
{
    GError *err = NULL;
    QapiIn in;
    JsonNode *n = qjson_parse("{\"info\": {\"slot\": \"0\", \"slot-type\": \"DIMM\", "
                              "\"source\": \"x\", \"status\": 0}}", &err);
    g_assert_no_error(err);
    JsonObject *o = json_node_get_object(n);
    qapi_in_init(&in, false);
    qapi_in_push_root(&in, o);
    ACPIOSTInfo *info = NULL;
    JsonNode *m = qapi_in_member(&in, "info", false, &err);
    g_assert_nonnull(m);
    g_assert_false(qapi_unmarshal_ACPIOSTInfo(&in, m, "info", &info, &err));
    g_assert_cmpstr(err->message, ==, "Invalid parameter type for 'info.source', "
                    "expected: integer");
    g_assert_null(info);
    g_clear_error(&err);
    qapi_in_cleanup(&in);
    json_node_unref(n);

    /* range of a narrow integer, and negative numbers for uint64 (QEMU
     * accepts them) */
    n = qjson_parse("300", &err);
    qapi_in_init(&in, false);
    int64_t i64;
    g_assert_false(qapi_in_int(&in, n, "x", INT8_MIN, INT8_MAX, "int8_t", &i64, &err));
    g_assert_cmpstr(err->message, ==, "Parameter 'x' expects int8_t");
    g_clear_error(&err);
    json_node_unref(n);
    n = qjson_parse("-1", &err);
    uint64_t u64;
    g_assert_true(qapi_in_uint(&in, n, "x", UINT64_MAX, "uint64", &u64, &err));
    g_assert_cmpuint(u64, ==, UINT64_MAX);
    json_node_unref(n);
    qapi_in_cleanup(&in);

    /* keyval mode (HMP object_add): strings, sizes with suffixes, on/off */
    n = qjson_parse("{\"qom-type\": \"memory-backend-ram\", \"id\": \"m1\", \"size\": \"1G\", "
                    "\"merge\": \"off\"}", &err);
    ObjectOptions *opts = NULL;
    qapi_in_init(&in, true);
    g_assert_true(qapi_unmarshal_ObjectOptions(&in, n, NULL, &opts, &err));
    g_assert_no_error(err);
    g_assert_cmpint(opts->qom_type, ==, OBJECT_TYPE_MEMORY_BACKEND_RAM);
    g_assert_cmpstr(opts->id, ==, "m1");
    g_assert_cmpuint(opts->u.memory_backend_ram.size, ==, 1ULL << 30);
    g_assert_true(opts->u.memory_backend_ram.has_merge);
    g_assert_false(opts->u.memory_backend_ram.merge);
    g_assert_false(opts->u.memory_backend_ram.has_dump);
    qapi_free_ObjectOptions(opts);
    qapi_in_cleanup(&in);
    json_node_unref(n);

    n = qjson_parse("{\"qom-type\": \"memory-backend-ram\", \"id\": \"m1\", \"size\": \"1X\"}",
                    &err);
    qapi_in_init(&in, true);
    g_assert_false(qapi_unmarshal_ObjectOptions(&in, n, NULL, &opts, &err));
    g_assert_cmpstr(err->message, ==, "Parameter 'size' expects size");
    g_clear_error(&err);
    qapi_in_cleanup(&in);
    json_node_unref(n);
}

static void test_runstate_commands(void)
{
    setup();
    QmpSession s = { .negotiated = true };
    ASSERT_REPLY(&s, "{\"execute\": \"stop\"}", "{\"return\": {}}");
    ASSERT_REPLY(&s, "{\"execute\": \"stop\"}", "{\"return\": {}}");   /* no-op */
    g_assert_cmpint(fake.stops, ==, 1);
    assert_events((const char *const[]){ "\"event\": \"STOP\"", NULL });
    ASSERT_REPLY(&s, "{\"execute\": \"query-status\"}",
                 "{\"return\": {\"status\": \"paused\", \"singlestep\": false, "
                 "\"running\": false}}");
    fake.fail_cont = true;
    ASSERT_REPLY(&s, "{\"execute\": \"cont\"}", GENERIC("cannot start vCPU 0"));
    assert_events((const char *const[]){ NULL });
    fake.fail_cont = false;
    ASSERT_REPLY(&s, "{\"execute\": \"cont\"}", "{\"return\": {}}");
    ASSERT_REPLY(&s, "{\"execute\": \"cont\"}", "{\"return\": {}}");   /* running: no-op */
    g_assert_cmpint(fake.conts, ==, 1);
    assert_events((const char *const[]){ "\"event\": \"RESUME\"", NULL });

    ASSERT_REPLY(&s, "{\"execute\": \"system_powerdown\"}", "{\"return\": {}}");
    g_assert_cmpint(fake.powerdowns, ==, 1);
    assert_events((const char *const[]){ "\"event\": \"POWERDOWN\"", NULL });

    /* system_reset only asks: RESET comes when the main loop resets */
    ASSERT_REPLY(&s, "{\"execute\": \"system_reset\"}", "{\"return\": {}}");
    g_assert_cmpint(fake.resets, ==, 1);
    assert_events((const char *const[]){ NULL });
    monitor_runstate_event(VM_REQUEST_RESET, VM_CAUSE_HOST_QMP_RESET, false);
    monitor_runstate_event(VM_REQUEST_RESET, VM_CAUSE_GUEST_TRIPLE_FAULT, false);
    assert_events((const char *const[]){
        "\"event\": \"RESET\", \"data\": {\"guest\": false, \"reason\": \"host-qmp-system-reset\"}",
        "\"event\": \"RESET\", \"data\": {\"guest\": true, \"reason\": \"guest-reset\"}",
        NULL });

    /* quit: SHUTDOWN before the reply, and only once */
    ASSERT_REPLY(&s, "{\"execute\": \"quit\"}", "{\"return\": {}}");
    g_assert_cmpint(fake.quits, ==, 1);
    monitor_runstate_event(VM_REQUEST_QUIT, VM_CAUSE_HOST_QMP_QUIT, false);
    assert_events((const char *const[]){
        "\"event\": \"SHUTDOWN\", \"data\": {\"guest\": false, \"reason\": \"host-qmp-quit\"}",
        NULL });
    teardown();
}

static void test_runstate_hook(void)
{
    struct {
        VmRequest req;
        VmCause cause;
        bool no_reboot;
        const char *want;
    } cases[] = {
        { VM_REQUEST_SHUTDOWN, VM_CAUSE_GUEST_S5, false,
          "\"event\": \"SHUTDOWN\", \"data\": {\"guest\": true, \"reason\": \"guest-shutdown\"}" },
        { VM_REQUEST_QUIT, VM_CAUSE_HOST_SIGNAL, false,
          "\"event\": \"SHUTDOWN\", \"data\": {\"guest\": false, \"reason\": \"host-signal\"}" },
        { VM_REQUEST_RESET, VM_CAUSE_GUEST_RESET_CONTROL, true,
          "\"event\": \"SHUTDOWN\", \"data\": {\"guest\": true, \"reason\": \"guest-reset\"}" },
        { VM_REQUEST_RESET, VM_CAUSE_HOST_QMP_RESET, true,
          "\"event\": \"SHUTDOWN\", \"data\": {\"guest\": false, \"reason\": "
          "\"host-qmp-system-reset\"}" },
        { VM_REQUEST_ERROR, VM_CAUSE_KVM_INTERNAL_ERROR, false,
          "\"event\": \"SHUTDOWN\", \"data\": {\"guest\": false, \"reason\": \"host-error\"}" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        setup();
        monitor_runstate_event(VM_REQUEST_NONE, VM_CAUSE_NONE, false);
        monitor_runstate_event(cases[i].req, cases[i].cause, cases[i].no_reboot);
        /* a second request on the way out adds nothing */
        monitor_runstate_event(VM_REQUEST_QUIT, VM_CAUSE_HOST_SIGNAL, false);
        assert_events((const char *const[]){ cases[i].want, NULL });
        teardown();
    }
}

static void test_no_machine(void)
{
    QmpSession s = { .negotiated = true };
    ASSERT_REPLY(&s, "{\"execute\": \"stop\"}", GENERIC("no machine is running"));
    ASSERT_REPLY(&s, "{\"execute\": \"query-status\"}", GENERIC("no machine is running"));
}

/* Serves the main context until n events have come (3 s at most). */
static void wait_events(guint n)
{
    gint64 deadline = g_get_monotonic_time() + 3 * G_USEC_PER_SEC;
    while (events->len < n && g_get_monotonic_time() < deadline) {
        g_main_context_iteration(NULL, FALSE);
        g_usleep(1000);
    }
}

static gpointer emit_from_thread(gpointer data)
{
    for (int i = 0; i < 50; i++) {
        g_autofree char *path = g_strdup_printf("/machine/peripheral/d%d", i);
        qapi_event_send_device_deleted(i % 2 ? NULL : "dev", path);
    }
    return NULL;
}

static void test_events(void)
{
    setup();
    ACPIOSTInfo ost = { .device = (char *)"dimm0", .slot = (char *)"0",
                        .slot_type = ACPI_SLOT_TYPE_DIMM, .source = 3, .status = 132 };
    qapi_event_send_acpi_device_ost(&ost);
    ost.device = NULL;
    ost.status = 0;
    qapi_event_send_acpi_device_ost(&ost);
    qapi_event_send_device_deleted("dimm0", "/machine/peripheral/dimm0");
    qapi_event_send_device_unplug_guest_error(NULL, "/machine/peripheral/dimm1");
    /* the second _OST of slot 0 within a second is held (throttling) */
    assert_events((const char *const[]){
        "\"event\": \"ACPI_DEVICE_OST\", \"data\": {\"info\": {\"device\": \"dimm0\", "
        "\"source\": 3, \"status\": 132, \"slot\": \"0\", \"slot-type\": \"DIMM\"}}",
        "\"event\": \"DEVICE_DELETED\", \"data\": {\"device\": \"dimm0\", \"path\": "
        "\"/machine/peripheral/dimm0\"}",
        "\"event\": \"DEVICE_UNPLUG_GUEST_ERROR\", \"data\": {\"path\": "
        "\"/machine/peripheral/dimm1\"}",
        NULL });
    wait_events(1);
    assert_events((const char *const[]){
        "\"event\": \"ACPI_DEVICE_OST\", \"data\": {\"info\": {\"source\": 3, \"status\": 0, "
        "\"slot\": \"0\", \"slot-type\": \"DIMM\"}}",
        NULL });

    /* from another thread: delivered by the main context, in order */
    GThread *t = g_thread_new("emitter", emit_from_thread, NULL);
    g_thread_join(t);
    for (int i = 0; i < 100 && events->len < 50; i++) {
        g_main_context_iteration(NULL, FALSE);
    }
    g_assert_cmpuint(events->len, ==, 50);
    for (int i = 0; i < 50; i++) {
        g_autofree char *want = g_strdup_printf(
            i % 2 ? "\"event\": \"DEVICE_DELETED\", \"data\": {\"path\": "
                    "\"/machine/peripheral/d%d\"}"
                  : "\"event\": \"DEVICE_DELETED\", \"data\": {\"device\": \"dev\", "
                    "\"path\": \"/machine/peripheral/d%d\"}", i);
        g_autofree char *body = event_body(g_ptr_array_index(events, i));
        g_assert_cmpstr(body, ==, want);
    }
    g_ptr_array_set_size(events, 0);

    /* timestamps are the emission time */
    gint64 before = g_get_real_time() / G_USEC_PER_SEC;
    qapi_event_send_stop();
    monitor_event_flush();
    g_assert_cmpuint(events->len, ==, 1);
    gint64 secs = g_ascii_strtoll(strstr(g_ptr_array_index(events, 0), "\"seconds\": ") + 11,
                                  NULL, 10);
    g_assert_cmpint(secs, >=, before);
    g_assert_cmpint(secs, <=, before + 2);
    teardown();

    /* without a sink, events are dropped (nothing queued for later) */
    qapi_event_send_stop();
    events = g_ptr_array_new_with_free_func(g_free);
    monitor_event_add_sink(NULL, record_event, NULL);
    monitor_event_flush();
    g_assert_cmpuint(events->len, ==, 0);
    monitor_event_remove_sink(record_event, NULL);
    g_ptr_array_free(events, TRUE);
    events = NULL;
}

static gpointer flood_from_thread(gpointer data)
{
    for (int i = 0; i < 5000; i++) {
        qapi_event_send_stop();
    }
    for (int i = 0; i < 100; i++) {
        g_autofree char *path = g_strdup_printf("/machine/peripheral/d%d", i);
        qapi_event_send_device_deleted(NULL, path);
    }
    return NULL;
}

/* Events from a vCPU thread while the main loop does not run: the queue
 * stops at its cap (the rest is counted), operation-ending events still
 * fit, and once the main loop runs everything queued is delivered. */
static void test_event_queue_cap(void)
{
    setup();
    MonitorEventStats st0, st;
    monitor_event_stats(&st0);
    GThread *t = g_thread_new("flood", flood_from_thread, NULL);
    g_thread_join(t);
    monitor_event_stats(&st);
    g_assert_cmpuint(st.queue_len, ==, MONITOR_EVENT_QUEUE_MAX + 100);
    g_assert_cmpuint(st.queue_dropped - st0.queue_dropped, ==, 5000 - MONITOR_EVENT_QUEUE_MAX);
    wait_events(MONITOR_EVENT_QUEUE_MAX + 100);
    g_assert_cmpuint(events->len, ==, MONITOR_EVENT_QUEUE_MAX + 100);
    for (guint i = 0; i < events->len; i++) {
        g_autofree char *body = event_body(g_ptr_array_index(events, i));
        g_autofree char *want = i < MONITOR_EVENT_QUEUE_MAX ? g_strdup("\"event\": \"STOP\"")
            : g_strdup_printf("\"event\": \"DEVICE_DELETED\", \"data\": {\"path\": "
                              "\"/machine/peripheral/d%u\"}", i - MONITOR_EVENT_QUEUE_MAX);
        g_assert_cmpstr(body, ==, want);
    }
    g_ptr_array_set_size(events, 0);
    monitor_event_stats(&st);
    g_assert_cmpuint(st.queue_len, ==, 0);
    /* a new episode: the next event goes through */
    t = g_thread_new("emitter", emit_from_thread, NULL);
    g_thread_join(t);
    wait_events(50);
    g_assert_cmpuint(events->len, ==, 50);
    teardown();
}

static void test_human_monitor_command(void)
{
    setup();
    QmpSession s = { .negotiated = true };
    ASSERT_REPLY(&s, "{\"execute\": \"human-monitor-command\", \"arguments\": "
                 "{\"command-line\": \"info status\"}}",
                 "{\"return\": \"VM status: running\\r\\n\"}");
    ASSERT_REPLY(&s, "{\"execute\": \"human-monitor-command\", \"arguments\": "
                 "{\"command-line\": \"stop\", \"cpu-index\": 0}}", "{\"return\": \"\"}");
    g_assert_cmpint(fake.stops, ==, 1);
    ASSERT_REPLY(&s, "{\"execute\": \"human-monitor-command\", \"arguments\": "
                 "{\"command-line\": \"info status\"}}",
                 "{\"return\": \"VM status: paused\\r\\n\"}");
    ASSERT_REPLY(&s, "{\"execute\": \"human-monitor-command\", \"arguments\": "
                 "{\"command-line\": \"bogus\"}}",
                 "{\"return\": \"unknown command: 'bogus'\\r\\n\"}");
    /* qmp_capabilities through HMP is not a thing; the session is intact */
    g_assert_true(s.negotiated);
    teardown();
}

static void test_query_commands(void)
{
    QmpSession s = { .negotiated = true };
    g_autofree char *r = qmp_request_text(&s, "{\"execute\": \"query-commands\"}");
    const char *names[] = {
        "qmp_capabilities", "query-version", "query-commands", "human-monitor-command",
        "query-status", "stop", "cont", "system_reset", "system_powerdown", "quit",
        "pmemsave", "device_add", "device_del", "object-add", "object-del",
        "query-memory-size-summary", "query-memory-devices", "query-acpi-ospm-status",
        "query-memory-total", "query-memory-hotplug",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autofree char *item = g_strdup_printf("{\"name\": \"%s\"}", names[i]);
        g_assert_nonnull(strstr(r, item));
    }
    g_assert_true(g_str_has_prefix(r, "{\"return\": [{\"name\": \"qmp_capabilities\"}, "));
}

typedef struct PmemsaveCall {
    const char *request;
    char *reply;
    gint done;
} PmemsaveCall;

static gpointer pmemsave_in_thread(gpointer opaque)
{
    PmemsaveCall *c = opaque;
    QmpSession s = { .negotiated = true };
    c->reply = qmp_request_text(&s, c->request);
    g_atomic_int_set(&c->done, 1);
    return NULL;
}

static char *pmemsave_req(uint64_t val, uint64_t size, const char *file)
{
    return g_strdup_printf("{\"execute\": \"pmemsave\", \"arguments\": {\"val\": %" PRIu64
                           ", \"size\": %" PRIu64 ", \"filename\": \"%s\"}}", val, size, file);
}

static void test_pmemsave(void)
{
    QmpSession s = { .negotiated = true };
    uint8_t *ram = g_malloc(5 * 4096);
    for (int i = 0; i < 5 * 4096; i++) {
        ram[i] = (uint8_t)(i * 7);
    }
    GError *err = NULL;
    /* two adjacent blocks, then a hole, then one more */
    RamBlock *b = ram_block_add("test", 0x10000, 3 * 4096, ram, false, &err);
    g_assert_no_error(err);
    RamBlock *b2 = ram_block_add("test2", 0x13000, 4096, ram + 3 * 4096, false, &err);
    g_assert_no_error(err);
    RamBlock *b3 = ram_block_add("test3", 0x20000, 4096, ram + 4 * 4096, false, &err);
    g_assert_no_error(err);
    g_autofree char *dir = g_dir_make_tmp("hotmem-pmemsave-XXXXXX", &err);
    g_assert_no_error(err);
    g_autofree char *file = g_build_filename(dir, "mem", NULL);
    /* inside RAM, across the two adjacent blocks */
    g_autofree char *req = pmemsave_req(0x10000 + 100, 4 * 4096 - 200, file);
    ASSERT_REPLY(&s, req, "{\"return\": {}}");
    gchar *data;
    gsize len;
    g_assert_true(g_file_get_contents(file, &data, &len, &err));
    g_assert_cmpmem(data, len, ram + 100, 4 * 4096 - 200);
    g_free(data);

    /* a range that is not wholly RAM (before, after, a hole between, or
     * beyond any RAM at all) is refused, and no file is written */
    unlink(file);
    const struct { uint64_t val, size; const char *reply; } bad[] = {
        { 0x10000 - 100, 200, GENERIC("Invalid parameter: [0xff9c, 0x10064) is not all "
                                      "guest RAM (none at 0xff9c)") },
        { 0x13f00, 0x200, GENERIC("Invalid parameter: [0x13f00, 0x14100) is not all "
                                  "guest RAM (none at 0x14000)") },
        { 0x10000, 0x11000, GENERIC("Invalid parameter: [0x10000, 0x21000) is not all "
                                    "guest RAM (none at 0x14000)") },
        { 1ull << 40, 1ull << 40, GENERIC("Invalid parameter: [0x10000000000, "
                                          "0x20000000000) is not all guest RAM (none at "
                                          "0x10000000000)") },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree char *r = pmemsave_req(bad[i].val, bad[i].size, file);
        ASSERT_REPLY(&s, r, bad[i].reply);
        g_assert_cmpint(access(file, F_OK), <, 0);
    }
    g_autofree char *neg = g_strdup_printf(
        "{\"execute\": \"pmemsave\", \"arguments\": {\"val\": 0, \"size\": -1, "
        "\"filename\": \"%s\"}}", file);
    ASSERT_REPLY(&s, neg, GENERIC("pmemsave: size -1 is negative"));
    g_autofree char *nodir = g_strdup_printf("%s/no/such/dir", dir);
    g_autofree char *nreq = pmemsave_req(0x10000, 1, nodir);
    g_autofree char *r = qmp_request_text(&s, nreq);
    g_assert_nonnull(strstr(r, "Could not open"));

    rmdir(dir);
    g_assert_true(ram_block_remove(b3, NULL));
    g_assert_true(ram_block_remove(b2, NULL));
    g_assert_true(ram_block_remove(b, NULL));
    g_free(ram);
}

/* A FIFO nobody reads: an error at once, not a blocked main loop (run in a
 * thread only so that a blocking open fails the test). */
static void test_pmemsave_fifo(void)
{
    uint8_t *ram = g_malloc0(4096);
    GError *err = NULL;
    RamBlock *b = ram_block_add("test", 0x10000, 4096, ram, false, &err);
    g_assert_no_error(err);
    g_autofree char *dir = g_dir_make_tmp("hotmem-pmemsave-XXXXXX", &err);
    g_assert_no_error(err);
    g_autofree char *fifo = g_build_filename(dir, "fifo", NULL);
    g_assert_cmpint(mkfifo(fifo, 0600), ==, 0);
    g_autofree char *freq = pmemsave_req(0x10000, 4096, fifo);
    PmemsaveCall call = { freq, NULL, 0 };
    GThread *t = g_thread_new("pmemsave", pmemsave_in_thread, &call);
    gint64 deadline = g_get_monotonic_time() + 2 * G_USEC_PER_SEC;
    while (!g_atomic_int_get(&call.done) && g_get_monotonic_time() < deadline) {
        g_usleep(1000);
    }
    if (!g_atomic_int_get(&call.done)) {
        g_error("pmemsave blocked for 2 s on a FIFO nobody reads");
    }
    g_thread_join(t);
    g_autofree char *want = g_strdup_printf(GENERIC("Could not open '%s': %s"), fifo,
                                            g_strerror(ENXIO));
    g_assert_cmpstr(call.reply, ==, want);
    g_free(call.reply);
    unlink(fifo);
    rmdir(dir);
    g_assert_true(ram_block_remove(b, NULL));
    g_free(ram);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qmp-dispatch/greeting", test_greeting);
    g_test_add_func("/qmp-dispatch/negotiation", test_negotiation);
    g_test_add_func("/qmp-dispatch/request-checks", test_request_checks);
    g_test_add_func("/qmp-dispatch/id-echo", test_id_echo);
    g_test_add_func("/qmp-dispatch/argument-checks", test_argument_checks);
    g_test_add_func("/qmp-dispatch/reader-names", test_reader_names);
    g_test_add_func("/qmp-dispatch/runstate-commands", test_runstate_commands);
    g_test_add_func("/qmp-dispatch/runstate-hook", test_runstate_hook);
    g_test_add_func("/qmp-dispatch/no-machine", test_no_machine);
    g_test_add_func("/qmp-dispatch/events", test_events);
    g_test_add_func("/qmp-dispatch/event-queue-cap", test_event_queue_cap);
    g_test_add_func("/qmp-dispatch/human-monitor-command", test_human_monitor_command);
    g_test_add_func("/qmp-dispatch/query-commands", test_query_commands);
    g_test_add_func("/qmp-dispatch/pmemsave", test_pmemsave);
    g_test_add_func("/qmp-dispatch/pmemsave-fifo", test_pmemsave_fifo);
    return g_test_run();
}
