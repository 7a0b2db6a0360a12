/*
 * test-options.c - command-line parsing: good values land in the
 * MachineConfig, bad ones fail with a message naming the option.
 */
#include "hotmem/options.h"

#include <stdarg.h>
#include <string.h>

static bool parse(MachineConfig *cfg, GError **err, ...)
{
    const char *argv[32] = { "hotmem" };
    int argc = 1;
    va_list ap;
    va_start(ap, err);
    for (const char *a; (a = va_arg(ap, const char *));) {
        argv[argc++] = a;
    }
    va_end(ap);
    return machine_config_parse(cfg, argc, (char **)argv, err);
}

static void test_defaults(void)
{
    MachineConfig cfg;
    GError *err = NULL;
    g_assert_true(parse(&cfg, &err, NULL));
    g_assert_no_error(err);
    g_assert_cmpuint(cfg.ram_size, ==, 512ULL << 20);
    g_assert_cmpuint(cfg.ncpus, ==, 1);
    g_assert_cmpint(cfg.serial, ==, SERIAL_BACKEND_STDIO);
    g_assert_false(cfg.no_reboot);
    machine_config_clear(&cfg);
}

static void test_good_values(void)
{
    MachineConfig cfg;
    GError *err = NULL;
    g_assert_true(parse(&cfg, &err, "-m", "1G", "-smp", "4,sockets=2", "-kernel", "k",
                        "-initrd", "i", "-append", "console=ttyS0", "-nographic",
                        "-serial", "file:/tmp/x", "-display", "none", "-no-reboot",
                        "--name", "guest1", NULL));
    g_assert_no_error(err);
    g_assert_cmpuint(cfg.ram_size, ==, 1ULL << 30);
    g_assert_cmpuint(cfg.ncpus, ==, 4);
    g_assert_cmpuint(cfg.sockets, ==, 2);
    g_assert_cmpuint(cfg.cores, ==, 2);
    g_assert_cmpuint(cfg.threads, ==, 1);
    g_assert_cmpstr(cfg.kernel, ==, "k");
    g_assert_cmpstr(cfg.initrd, ==, "i");
    g_assert_cmpstr(cfg.append, ==, "console=ttyS0");
    g_assert_cmpint(cfg.serial, ==, SERIAL_BACKEND_FILE);
    g_assert_cmpstr(cfg.serial_path, ==, "/tmp/x");
    g_assert_true(cfg.nographic);
    g_assert_true(cfg.no_reboot);
    g_assert_cmpstr(cfg.name, ==, "guest1");
    machine_config_clear(&cfg);

    g_assert_true(parse(&cfg, &err, "-m", "size=768", NULL));
    g_assert_cmpuint(cfg.ram_size, ==, 768ULL << 20);
    machine_config_clear(&cfg);
    g_assert_true(parse(&cfg, &err, "-smp", "cpus=2,cores=2,threads=1", NULL));
    g_assert_cmpuint(cfg.sockets, ==, 1);
    g_assert_cmpuint(cfg.cores, ==, 2);
    machine_config_clear(&cfg);
}

typedef struct BadCase {
    const char *args[4];
    const char *expect;              /* substring of the message */
} BadCase;

static const BadCase bad_cases[] = {
    { { "-frobnicate" }, "unknown option '-frobnicate'" },
    { { "-m" }, "option -m needs an argument" },
    { { "-m", "lots" }, "-m: invalid size 'lots'" },
    { { "-m", "16M" }, "-m: size 16M out of range" },
    { { "-m", "2T" }, "out of range" },
    { { "-m", "33000K" }, "not a multiple of 1 MiB" },
    { { "-m", "99999999999999999999G" }, "-m: invalid size" },
    { { "-smp", "0" }, "-smp: invalid value '0'" },
    { { "-smp", "65" }, "-smp: invalid value '65'" },
    { { "-smp", "3,sockets=2" }, "!= cpus (3)" },
    { { "-smp", "2,dies=1" }, "-smp: unknown parameter 'dies'" },
    { { "-serial", "tcp:1234" }, "-serial: unsupported backend 'tcp:1234'" },
    { { "-display", "gtk" }, "-display: unsupported display 'gtk'" },
    { { "-initrd", "x" }, "-initrd needs -kernel" },
    { { "-append", "x" }, "-append needs -kernel" },
    { { "-name", "" }, "-name: must be 1 to 64" },
    { { "-bios" }, "option -bios needs an argument" },
};

static void test_bad_value(gconstpointer data)
{
    const BadCase *c = data;
    const char *argv[6] = { "hotmem" };
    int argc = 1;
    for (int i = 0; i < 4 && c->args[i]; i++) {
        argv[argc++] = c->args[i];
    }
    MachineConfig cfg;
    GError *err = NULL;
    g_assert_false(machine_config_parse(&cfg, argc, (char **)argv, &err));
    g_assert_nonnull(err);
    if (!strstr(err->message, c->expect)) {
        g_test_message("got '%s', expected '%s'", err->message, c->expect);
        g_test_fail();
    }
    g_assert_null(strchr(err->message, '\n'));          /* one line */
    g_error_free(err);
    machine_config_clear(&cfg);
}

static void test_long_append(void)
{
    char *big = g_malloc(HM_MAX_CMDLINE + 2);
    memset(big, 'a', HM_MAX_CMDLINE + 1);
    big[HM_MAX_CMDLINE + 1] = '\0';
    MachineConfig cfg;
    GError *err = NULL;
    g_assert_false(parse(&cfg, &err, "-kernel", "k", "-append", big, NULL));
    g_assert_nonnull(strstr(err->message, "-append: command line longer than 4095"));
    g_error_free(err);
    machine_config_clear(&cfg);
    big[HM_MAX_CMDLINE] = '\0';
    g_assert_true(parse(&cfg, &err, "-kernel", "k", "-append", big, NULL));
    machine_config_clear(&cfg);
    g_free(big);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/options/defaults", test_defaults);
    g_test_add_func("/options/good-values", test_good_values);
    g_test_add_func("/options/long-append", test_long_append);
    for (size_t i = 0; i < G_N_ELEMENTS(bad_cases); i++) {
        char *path = g_strdup_printf("/options/bad/%zu", i);
        g_test_add_data_func(path, &bad_cases[i], test_bad_value);
        g_free(path);
    }
    return g_test_run();
}
