/*
 * test-qmp-opts.c - -qmp and -monitor on the command line: QEMU's
 * spellings accepted, everything but a non-waiting listening socket
 * refused with a message naming the option, stdio conflicts caught.
 */
#include "hotmem/options.h"
#include "tests/unit/parse-options.h"

#include <string.h>

static void test_good(void)
{
    MachineConfig cfg;
    GError *err = NULL;
    g_assert_true(parse_options(&cfg, &err, "-qmp", "unix:/tmp/q.sock,server=on,wait=off",
                        "-qmp", "unix:/tmp/old.sock,server,nowait",
                        "-monitor", "unix:/tmp/a,,b.sock,wait=off,server=on",
                        "-qmp", "unix:/tmp/yes.sock,server=yes,wait=no", NULL));
    g_assert_no_error(err);
    g_assert_cmpuint(cfg.nmonitors, ==, 4);
    g_assert_cmpint(cfg.monitors[0].protocol, ==, MONITOR_PROTOCOL_QMP);
    g_assert_cmpstr(cfg.monitors[0].path, ==, "/tmp/q.sock");
    g_assert_cmpstr(cfg.monitors[1].path, ==, "/tmp/old.sock");
    g_assert_cmpint(cfg.monitors[2].protocol, ==, MONITOR_PROTOCOL_HMP);
    g_assert_cmpstr(cfg.monitors[2].path, ==, "/tmp/a,b.sock");
    machine_config_clear(&cfg);
    g_assert_cmpuint(cfg.nmonitors, ==, 0);
    g_assert_null(cfg.monitors);

    g_assert_true(parse_options(&cfg, &err, "-monitor", "stdio", "-serial", "none", NULL));
    g_assert_no_error(err);
    g_assert_null(cfg.monitors[0].path);
    machine_config_clear(&cfg);
    g_assert_true(parse_options(&cfg, &err, "-nographic", "-serial", "file:/tmp/s", "-qmp", "stdio",
                        NULL));
    g_assert_no_error(err);
    machine_config_clear(&cfg);
}

static void expect_error(const char *opt, const char *arg, const char *extra,
                         const char *want)
{
    MachineConfig cfg;
    GError *err = NULL;
    g_assert_false(parse_options(&cfg, &err, opt, arg, extra, NULL));
    g_assert_nonnull(err);
    if (!strstr(err->message, want)) {
        g_error("%s %s: got '%s', wanted '%s'", opt, arg, err->message, want);
    }
    g_assert_true(g_str_has_prefix(err->message, opt));
    g_error_free(err);
    machine_config_clear(&cfg);
}

static void test_refused(void)
{
    const char *only = "only server=on,wait=off is supported";
    expect_error("-qmp", "unix:/tmp/q,server=off,wait=off", NULL, only);
    expect_error("-qmp", "unix:/tmp/q,server=on,wait=on", NULL, only);
    expect_error("-qmp", "unix:/tmp/q,server=on", NULL, only);     /* QEMU waits by default */
    expect_error("-qmp", "unix:/tmp/q", NULL, only);               /* and is a client */
    expect_error("-monitor", "unix:/tmp/q,server,wait", NULL, only);
    expect_error("-qmp", "unix:/tmp/q,server=maybe,wait=off", NULL,
                 "server takes on or off, not 'maybe'");
    expect_error("-qmp", "unix:/tmp/q,server=on,wait=off,reconnect=1", NULL,
                 "unknown parameter 'reconnect'");
    expect_error("-qmp", "unix:,server=on,wait=off", NULL, "unix: needs a socket path");
    /* found by fuzz-options: the first element a key, so no path at all */
    expect_error("-qmp", "unix:node=a,server=on,wait=off", NULL, "unknown parameter 'node'");
    expect_error("-qmp", "tcp:localhost:4444,server=on,wait=off", NULL,
                 "unsupported backend 'tcp:localhost:4444,server=on,wait=off'");
    GString *longp = g_string_new("unix:/tmp/");
    while (longp->len < 130) {
        g_string_append_c(longp, 'x');
    }
    g_string_append(longp, ",server=on,wait=off");
    expect_error("-qmp", longp->str, NULL, "at most 107 fit");
    g_string_free(longp, TRUE);
}

static void test_stdio_conflicts(void)
{
    MachineConfig cfg;
    GError *err = NULL;
    /* the serial port is on stdio by default */
    g_assert_false(parse_options(&cfg, &err, "-monitor", "stdio", NULL));
    g_assert_nonnull(strstr(err->message, "-monitor stdio: the serial port also uses stdio"));
    g_assert_nonnull(strstr(err->message, "-serial none"));
    g_clear_error(&err);
    machine_config_clear(&cfg);
    g_assert_false(parse_options(&cfg, &err, "-nographic", "-monitor", "stdio", NULL));
    g_clear_error(&err);
    machine_config_clear(&cfg);
    g_assert_false(parse_options(&cfg, &err, "-serial", "stdio", "-qmp", "stdio", NULL));
    g_clear_error(&err);
    machine_config_clear(&cfg);
    g_assert_false(parse_options(&cfg, &err, "-serial", "none", "-qmp", "stdio", "-monitor", "stdio",
                         NULL));
    g_assert_nonnull(strstr(err->message, "standard input already has a monitor"));
    g_clear_error(&err);
    machine_config_clear(&cfg);
    g_assert_false(parse_options(&cfg, &err, "-qmp", "unix:/tmp/same,server=on,wait=off",
                         "-monitor", "unix:/tmp/same,server=on,wait=off", NULL));
    g_assert_nonnull(strstr(err->message, "already used by another monitor"));
    g_clear_error(&err);
    machine_config_clear(&cfg);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qmp-opts/good", test_good);
    g_test_add_func("/qmp-opts/refused", test_refused);
    g_test_add_func("/qmp-opts/stdio-conflicts", test_stdio_conflicts);
    return g_test_run();
}
