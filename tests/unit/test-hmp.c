/*
 * test-hmp.c - the HMP command table generated from hmp-commands.hx, the
 * argument parser (QEMU's args_type letters), and command execution with
 * a fake machine.
 */
#include "monitor/hmp.h"
#include "monitor/machine-ops.h"
#include "monitor/qjson.h"
#include "qapi-generated.h"
#include "parse-text.h"

#include <string.h>

static RunState state;
static int resets;

static RunState fake_state(void *o)
{
    return state;
}

static bool fake_stop(void *o, GError **errp)
{
    state = RUN_STATE_PAUSED;
    return true;
}

static bool fake_cont(void *o, GError **errp)
{
    state = RUN_STATE_RUNNING;
    return true;
}

static void fake_reset(void *o)
{
    resets++;
}

static void fake_nothing(void *o)
{
}

static const MonitorMachineOps fake_ops = {
    .run_state = fake_state,
    .stop = fake_stop,
    .cont = fake_cont,
    .system_reset = fake_reset,
    .system_powerdown = fake_nothing,
    .quit = fake_nothing,
};

static void test_table(void)
{
    const char *top[] = { "help", "info", "device_add", "device_del", "object_add",
                          "object_del", "system_reset", "system_powerdown", "stop", "cont",
                          "quit" };
    const char *info[] = { "status", "memory-total", "memory-hotplug", "memory-devices",
                           "memory_size_summary" };
    for (size_t i = 0; i < G_N_ELEMENTS(top); i++) {
        const HmpCommand *c = hmp_command_find(top[i], false);
        g_assert_nonnull(c);
        g_assert_nonnull(c->handler);
        g_assert_false(c->is_info);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(info); i++) {
        const HmpCommand *c = hmp_command_find(info[i], true);
        g_assert_nonnull(c);
        g_assert_true(c->is_info);
        g_assert_null(hmp_command_find(info[i], false));
    }
    g_assert_null(hmp_command_find("status", false));
    /* run-state commands must not hold the device lock (they join vCPUs) */
    g_assert_true(hmp_command_find("stop", false)->flags & HMP_NOLOCK);
    g_assert_true(hmp_command_find("cont", false)->flags & HMP_NOLOCK);
    g_assert_false(hmp_command_find("device_add", false)->flags & HMP_NOLOCK);
    for (size_t i = 0; i < hmp_commands_count; i++) {
        for (size_t j = i + 1; j < hmp_commands_count; j++) {
            g_assert_false(hmp_commands[i].is_info == hmp_commands[j].is_info &&
                           !strcmp(hmp_commands[i].name, hmp_commands[j].name));
        }
    }
}

/* Parses "name args" and returns the args object as JSON, or "ERR:msg". */
static char *parse(const char *name, bool info, const char *line)
{
    const HmpCommand *c = hmp_command_find(name, info);
    g_assert_nonnull(c);
    GError *err = NULL;
    const char *p = line;
    JsonObject *args = hmp_parse_args(c, &p, &err);
    return parse_result_text(args, err);
}

#define ASSERT_PARSE(name, info, line, want) do {         \
        g_autofree char *got_ = parse(name, info, line);  \
        g_assert_cmpstr(got_, ==, want);                  \
    } while (0)

static void test_parse_args(void)
{
    ASSERT_PARSE("device_add", false, " pc-dimm,id=d1,memdev=m1,slot=2 ",
                 "{\"memdev\": \"m1\", \"driver\": \"pc-dimm\", \"slot\": \"2\", \"id\": \"d1\"}");
    ASSERT_PARSE("device_add", false, "dimm,id=a,,b", "{\"driver\": \"dimm\", \"id\": \"a,b\"}");
    ASSERT_PARSE("device_add", false, "driver=dimm,id=x", "{\"driver\": \"dimm\", \"id\": \"x\"}");
    ASSERT_PARSE("device_add", false, "", "ERR:device_add: options expected");
    ASSERT_PARSE("device_add", false, "dimm,id=a,id=b",
                 "ERR:device_add: parameter 'id' given twice");
    ASSERT_PARSE("device_add", false, "dimm,x", "ERR:device_add: parameter 'x' needs a value "
                 "(key=value)");
    ASSERT_PARSE("device_add", false, "dimm,=1", "ERR:device_add: empty parameter name in "
                 "'dimm,=1'");
    ASSERT_PARSE("device_add", false, "dimm,id=a extra",
                 "ERR:device_add: extraneous characters at the end of line");
    ASSERT_PARSE("object_add", false, "memory-backend-ram,id=m1,size=1G",
                 "{\"qom-type\": \"memory-backend-ram\", \"size\": \"1G\", \"id\": \"m1\"}");
    ASSERT_PARSE("device_del", false, "dimm0", "{\"id\": \"dimm0\"}");
    ASSERT_PARSE("device_del", false, "  \"my \\\"dimm\\\"\"  ", "{\"id\": \"my \\\"dimm\\\"\"}");
    ASSERT_PARSE("device_del", false, "\"open", "ERR:device_del: string expected "
                 "(unterminated or bad string)");
    ASSERT_PARSE("device_del", false, "", "ERR:device_del: string expected");
    ASSERT_PARSE("device_del", false, "a b", "ERR:device_del: extraneous characters at the "
                 "end of line");
    ASSERT_PARSE("help", false, "", "{}");
    ASSERT_PARSE("help", false, "info", "{\"name\": \"info\"}");
    ASSERT_PARSE("status", true, "", "{}");
    ASSERT_PARSE("status", true, "now", "ERR:status: extraneous characters at the end of line");
}

static void test_execute(void)
{
    state = RUN_STATE_RUNNING;
    resets = 0;
    monitor_set_machine_ops(&fake_ops);
    struct {
        const char *line;
        const char *want;
    } cases[] = {
        { "", "" },
        { "   ", "" },
        { "info status", "VM status: running\r\n" },
        { "stop", "" },
        { "info status", "VM status: paused\r\n" },
        { "cont", "" },
        { "info   status  ", "VM status: running\r\n" },
        { "system_reset", "" },
        { "frobnicate", "unknown command: 'frobnicate'\r\n" },
        { "info frob", "unknown command: 'info frob'\r\n" },
        { "device_del", "device_del: string expected\r\nTry \"help device_del\" for more "
                        "information\r\n" },
        { "info status x", "status: extraneous characters at the end of line\r\nTry \"help "
                           "info status\" for more information\r\n" },
        { "help device_del", "device_del id -- ask the guest to release a device\r\n" },
        { "help nope", "unknown command: 'nope'\r\n" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *out = hmp_execute_capture(cases[i].line);
        g_assert_cmpstr(out, ==, cases[i].want);
    }
    g_assert_cmpint(resets, ==, 1);

    /* help lists every command; help info and info list the subcommands */
    g_autofree char *help = hmp_execute_capture("help");
    for (size_t i = 0; i < hmp_commands_count; i++) {
        g_autofree char *name = g_strdup_printf("%s%s ", hmp_commands[i].is_info ? "info " : "",
                                                hmp_commands[i].name);
        g_assert_nonnull(strstr(help, name));
    }
    g_assert_nonnull(strstr(help, "device_add driver[,prop=value][,...] -- add a device"));
    g_autofree char *hi = hmp_execute_capture("help info");
    g_autofree char *info = hmp_execute_capture("info");
    g_assert_cmpstr(hi, ==, info);
    g_assert_nonnull(strstr(info, "info memory_size_summary -- show base and plugged memory "
                                  "sizes\r\n"));
    g_assert_null(strstr(info, "device_add"));

    /* errors of the QMP twin come out as "Error: ..." (the stubs, or the
     * real DIMM code: either way an unknown id is refused) */
    g_autofree char *del = hmp_execute_capture("device_del no-such-dimm");
    g_assert_true(g_str_has_prefix(del, "Error: "));
    g_autofree char *obj = hmp_execute_capture("object_add memory-backend-ram,id=m,size=1Q");
    g_assert_cmpstr(obj, ==, "Error: Parameter 'size' expects size\r\n");
    g_autofree char *obj2 = hmp_execute_capture("object_add memory-backend-epc,id=m,size=1G");
    g_assert_cmpstr(obj2, ==, "Error: Parameter 'qom-type' does not accept value "
                              "'memory-backend-epc'\r\n");
    monitor_set_machine_ops(NULL);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/hmp/table", test_table);
    g_test_add_func("/hmp/parse-args", test_parse_args);
    g_test_add_func("/hmp/execute", test_execute);
    return g_test_run();
}
