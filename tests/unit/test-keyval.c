/*
 * test-keyval.c - the one key=value grammar: escapes, the implied first
 * key, duplicates, bare flags, and QEMU's boolean words; and that the
 * command line, HMP and -qmp all go through it.
 */
#include "hotmem/keyval.h"
#include "hotmem/options.h"
#include "parse-text.h"

#include <string.h>

/* The parse as JSON text, or "ERR:message". */
static char *kv(const char *text, const char *implied, unsigned flags)
{
    GError *err = NULL;
    JsonObject *o = keyval_parse(text, implied, flags, &err);
    return parse_result_text(o, err);
}

#define ASSERT_KV(text, implied, flags, want) do {         \
        g_autofree char *got_ = kv(text, implied, flags);   \
        g_assert_cmpstr(got_, ==, want);                    \
    } while (0)

static void test_grammar(void)
{
    ASSERT_KV("a=1,b=2", NULL, 0, "{\"a\": \"1\", \"b\": \"2\"}");
    ASSERT_KV("512M,slots=4", "size", 0, "{\"size\": \"512M\", \"slots\": \"4\"}");
    ASSERT_KV("a=x,,y,b=", NULL, 0, "{\"a\": \"x,y\", \"b\": \"\"}");
    ASSERT_KV("p,,q=v", NULL, 0, "{\"p,q\": \"v\"}");
    ASSERT_KV("a=b=c", NULL, 0, "{\"a\": \"b=c\"}");
    ASSERT_KV("a=1,a=2", NULL, 0, "ERR:parameter 'a' given twice");
    ASSERT_KV("size=1G,512M", "size", 0, "ERR:parameter '512M' needs a value (key=value)");
    ASSERT_KV("512M,size=1G", "size", 0, "ERR:parameter 'size' given twice");
    ASSERT_KV("x", NULL, 0, "ERR:parameter 'x' needs a value (key=value)");
    ASSERT_KV("a=1,=2", NULL, 0, "ERR:empty parameter name in 'a=1,=2'");
    ASSERT_KV("a=1,", NULL, 0, "ERR:parameter '' needs a value (key=value)");
    ASSERT_KV("/run/s,server,nowait", "path", KEYVAL_BARE_FLAGS,
              "{\"path\": \"/run/s\", \"server\": \"on\", \"wait\": \"off\"}");
    ASSERT_KV("/run/s,server", "path", 0, "ERR:parameter 'server' needs a value (key=value)");
}

static void test_bool_words(void)
{
    const char *yes[] = { "on", "yes", "true", "y" }, *no[] = { "off", "no", "false", "n" };
    for (size_t i = 0; i < G_N_ELEMENTS(yes); i++) {
        bool v = false;
        g_assert_true(keyval_parse_bool(yes[i], &v) && v);
        g_assert_true(keyval_parse_bool(no[i], &v) && !v);
    }
    bool v;
    g_assert_false(keyval_parse_bool("maybe", &v));
    g_assert_false(keyval_parse_bool("", &v));
    g_assert_false(keyval_parse_bool("ON", &v));
}

/* Every option with sub-options refuses a key given twice, through the
 * same grammar; -dimm populated takes the same words as everything else. */
static void test_one_grammar_everywhere(void)
{
    static const struct {
        const char *opt, *arg, *want;
    } cases[] = {
        { "-m", "512M,slots=1,slots=2", "-m: parameter 'slots' given twice" },
        { "-smp", "2,cpus=2", "-smp: parameter 'cpus' given twice" },
        { "-dimm", "id=a,id=b", "-dimm: parameter 'id' given twice" },
        { "-numa", "node,nodeid=0,nodeid=1", "-numa: parameter 'nodeid' given twice" },
        { "-qmp", "unix:/tmp/s,server=on,server=on,wait=off",
          "-qmp: parameter 'server' given twice" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        const char *argv[] = { "hotmem", cases[i].opt, cases[i].arg, NULL };
        MachineConfig cfg;
        GError *err = NULL;
        g_assert_false(machine_config_parse(&cfg, 3, (char **)argv, &err));
        g_assert_cmpstr(err->message, ==, cases[i].want);
        g_error_free(err);
        machine_config_clear(&cfg);
    }
    const char *argv[] = { "hotmem", "-dimm", "id=a,populated=yes", "-m", "512,maxmem=2048",
                           NULL };
    MachineConfig cfg;
    GError *err = NULL;
    g_assert_true(machine_config_parse(&cfg, 5, (char **)argv, &err));
    g_assert_no_error(err);
    g_assert_true(cfg.dimms[0].populated);
    g_assert_cmphex(cfg.ram_size, ==, 512ULL << 20);     /* no suffix: MiB */
    g_assert_cmphex(cfg.maxmem, ==, 2048ULL << 20);
    machine_config_clear(&cfg);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/keyval/grammar", test_grammar);
    g_test_add_func("/keyval/bool-words", test_bool_words);
    g_test_add_func("/keyval/one-grammar-everywhere", test_one_grammar_everywhere);
    return g_test_run();
}
