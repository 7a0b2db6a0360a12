/*
 * test-qmp-json.c - the QMP JSON stream reader (values cut from a byte
 * stream however it is split, errors that cost one reply and leave the
 * stream usable, limits) and the writer (QEMU 7.2's exact text).
 */
#include "monitor/qjson.h"
#include "monitor/qapi-runtime.h"
#include "qapi-generated.h"

#include <string.h>

/* Feeds text in chunks of `chunk` bytes; collects every value (as text)
 * and error (as "ERR:message") in order. */
static GPtrArray *feed_all(JsonStreamer *s, const char *text, size_t chunk)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    size_t len = strlen(text);
    size_t pos = 0;
    while (pos < len) {
        size_t n = MIN(chunk, len - pos);
        size_t used = 0;
        while (used < n) {
            JsonNode *v = NULL;
            GError *err = NULL;
            used += json_streamer_feed(s, text + pos + used, n - used, &v, &err);
            if (v) {
                g_ptr_array_add(out, qjson_to_string(v));
                json_node_unref(v);
            } else if (err) {
                g_ptr_array_add(out, g_strdup_printf("ERR:%s", err->message));
                g_error_free(err);
            } else {
                g_assert_cmpuint(used, ==, n);    /* no value: everything consumed */
            }
        }
        pos += n;
    }
    return out;
}

static GPtrArray *parse_stream(const char *text, size_t chunk)
{
    JsonStreamer *s = json_streamer_new(0);
    GPtrArray *out = feed_all(s, text, chunk);
    json_streamer_free(s);
    return out;
}

static void assert_values(GPtrArray *got, const char *const *want)
{
    guint n = 0;
    while (want[n]) {
        n++;
    }
    for (guint i = 0; i < MIN(n, got->len); i++) {
        g_assert_cmpstr(g_ptr_array_index(got, i), ==, want[i]);
    }
    g_assert_cmpuint(got->len, ==, n);
}

static void test_one_object(void)
{
    g_autoptr(GPtrArray) v = parse_stream("{\"execute\": \"qmp_capabilities\"}\n", 4096);
    assert_values(v, (const char *const[]){ "{\"execute\": \"qmp_capabilities\"}", NULL });
}

static void test_several_per_read(void)
{
    const char *in = "{\"execute\":\"a\",\"id\":1}{\"execute\":\"b\",\"id\":2}\r\n"
                     "  {\"execute\":\"c\",\"id\":3}";
    const char *const want[] = {
        "{\"execute\": \"a\", \"id\": 1}",
        "{\"execute\": \"b\", \"id\": 2}",
        "{\"execute\": \"c\", \"id\": 3}",
        NULL,
    };
    g_autoptr(GPtrArray) v = parse_stream(in, 4096);
    assert_values(v, want);
}

/* The same input cut at every possible place gives the same values. */
static void test_split_everywhere(void)
{
    const char *in = "{\"execute\": \"device_add\", \"arguments\": {\"driver\": \"pc-dimm\","
                     " \"id\": \"d{0}\", \"size\": -12.5e1, \"n\": [1, [true, null], {}]},"
                     " \"id\": \"x\\\"y\"} [4]";
    g_autoptr(GPtrArray) whole = parse_stream(in, 4096);
    g_assert_cmpuint(whole->len, ==, 2);
    for (size_t chunk = 1; chunk < strlen(in); chunk++) {
        g_autoptr(GPtrArray) v = parse_stream(in, chunk);
        g_assert_cmpuint(v->len, ==, 2);
        g_assert_cmpstr(g_ptr_array_index(v, 0), ==, g_ptr_array_index(whole, 0));
        g_assert_cmpstr(g_ptr_array_index(v, 1), ==, "[4]");
    }
    /* and split at every two-piece boundary by hand */
    for (size_t cut = 1; cut < strlen(in); cut++) {
        JsonStreamer *s = json_streamer_new(0);
        g_autofree char *a = g_strndup(in, cut);
        g_autoptr(GPtrArray) v1 = feed_all(s, a, 4096);
        g_autoptr(GPtrArray) v2 = feed_all(s, in + cut, 4096);
        g_assert_cmpuint(v1->len + v2->len, ==, 2);
        const char *first = v1->len ? g_ptr_array_index(v1, 0) : g_ptr_array_index(v2, 0);
        g_assert_cmpstr(first, ==, g_ptr_array_index(whole, 0));
        json_streamer_free(s);
    }
}

static void test_strings_with_delimiters(void)
{
    /* braces, brackets, quotes and escapes inside strings do not count */
    const char *in = "{\"a\": \"}{][\\\"\\\\\", \"b\": '}\\'\"{', \"c\": \"\\u00e9\\ud83d\\ude00\\n\"}";
    g_autoptr(GPtrArray) v = parse_stream(in, 3);
    assert_values(v, (const char *const[]){
        "{\"a\": \"}{][\\\"\\\\\", \"b\": \"}'\\\"{\", \"c\": \"\\u00E9\\uD83D\\uDE00\\n\"}",
        NULL });
}

static void test_nesting(void)
{
    GString *deep = g_string_new(NULL);
    for (int i = 0; i < 100; i++) {
        g_string_append(deep, "{\"a\":[");
    }
    for (int i = 0; i < 100; i++) {
        g_string_append(deep, "]}");
    }
    g_autoptr(GPtrArray) v = parse_stream(deep->str, 7);
    g_assert_cmpuint(v->len, ==, 1);
    g_assert_true(g_str_has_prefix(g_ptr_array_index(v, 0), "{\"a\": [{\"a\": [{"));

    /* over the limit: one error, then the stream goes on */
    g_string_truncate(deep, 0);
    for (int i = 0; i < QJSON_MAX_NESTING + 10; i++) {
        g_string_append_c(deep, '[');
    }
    for (int i = 0; i < QJSON_MAX_NESTING + 10; i++) {
        g_string_append_c(deep, ']');
    }
    g_string_append(deep, "{\"next\": 1}");
    g_autoptr(GPtrArray) w = parse_stream(deep->str, 100);
    assert_values(w, (const char *const[]){
        "ERR:JSON nesting depth limit exceeded (1024 levels)", "{\"next\": 1}", NULL });
    g_string_free(deep, TRUE);
}

static void test_malformed(void)
{
    const char *in =
        "{\"a\" 1}"                   /* missing colon */
        "{\"a\": tru}"                /* bad keyword */
        "{\"a\": 1,}"                 /* trailing comma */
        "{\"a\": 1 \"b\": 2}"         /* missing comma */
        "{1: 2}"                      /* key not a string */
        "}"                           /* stray closing brace */
        "@"                           /* stray character */
        "{\"a\": @, \"b\": {\"c\": 1}}"  /* error inside: the rest is skipped */
        "{\"a\": \"\\q\"}"            /* bad escape */
        "{\"a\": 01}"                 /* bad number */
        "{\"ok\": true}";
    const char *const want[] = {
        "ERR:JSON parse error, missing : in object pair",
        "ERR:JSON parse error, invalid keyword 'tru'",
        "ERR:JSON parse error, key is not a string in object",
        "ERR:JSON parse error, expected separator in dict",
        "ERR:JSON parse error, key is not a string in object",
        "ERR:JSON parse error, expecting value",
        "ERR:JSON parse error, stray '@'",
        "ERR:JSON parse error, stray '@'",
        "ERR:JSON parse error, invalid escape sequence in string",
        "ERR:JSON parse error, stray '01'",
        "{\"ok\": true}",
        NULL,
    };
    g_autoptr(GPtrArray) v = parse_stream(in, 5);
    assert_values(v, want);
}

static void test_scalars(void)
{
    const char *in = "42 -7 1.5e3 18446744073709551615 true null \"s\" 'q' ";
    const char *const want[] = {
        "42", "-7", "1500", "1.8446744073709552e+19", "true", "null", "\"s\"", "\"q\"", NULL,
    };
    g_autoptr(GPtrArray) v = parse_stream(in, 2);
    assert_values(v, want);

    GError *err = NULL;
    JsonNode *n = qjson_parse("  {\"x\": [1, 2]}  ", &err);
    g_assert_no_error(err);
    g_autofree char *s = qjson_to_string(n);
    g_assert_cmpstr(s, ==, "{\"x\": [1, 2]}");
    json_node_unref(n);
    g_assert_null(qjson_parse("{\"x\": 1} 2", &err));
    g_assert_error(err, QAPI_ERROR, QAPI_ERROR_CLASS_GENERIC_ERROR);
    g_clear_error(&err);
    g_assert_null(qjson_parse("{\"x\": ", &err));
    g_assert_nonnull(strstr(err->message, "premature EOI"));
    g_clear_error(&err);
}

static void test_size_limit(void)
{
    JsonStreamer *s = json_streamer_new(64);
    GString *big = g_string_new("{\"execute\": \"");
    for (int i = 0; i < 200; i++) {
        g_string_append_c(big, 'x');
    }
    g_string_append(big, "\"} {\"execute\": \"small\"}");
    g_autoptr(GPtrArray) v = feed_all(s, big->str, 17);
    assert_values(v, (const char *const[]){ "ERR:JSON token size limit exceeded (64 bytes)",
                                            "{\"execute\": \"small\"}", NULL });
    g_string_free(big, TRUE);
    json_streamer_free(s);
}

/* Feeds len bytes (NUL bytes included); returns the values and errors. */
static GPtrArray *feed_bytes(JsonStreamer *s, const char *buf, size_t len)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    size_t used = 0;
    while (used < len) {
        JsonNode *v = NULL;
        GError *err = NULL;
        used += json_streamer_feed(s, buf + used, len - used, &v, &err);
        if (v) {
            g_ptr_array_add(out, qjson_to_string(v));
            json_node_unref(v);
        } else if (err) {
            g_ptr_array_add(out, g_strdup_printf("ERR:%s", err->message));
            g_error_free(err);
        }
    }
    return out;
}

/* A value that never ends (64 MiB of keyword or number characters): the
 * error comes as soon as the 1 MiB limit is passed, the reader's memory
 * stays bounded all along, and the stream works again after the value. */
static void test_endless_atom(void)
{
    const char *heads[] = { "{\"execute\": ", "{\"execute\": \"x\", \"id\": 1" };
    for (int h = 0; h < 2; h++) {
        JsonStreamer *s = json_streamer_new(0);
        enum { CHUNK = 65536, TOTAL = 64 << 20 };
        char *chunk = g_malloc(CHUNK);
        memset(chunk, h ? '1' : 'a', CHUNK);
        g_autoptr(GPtrArray) head = feed_bytes(s, heads[h], strlen(heads[h]));
        g_assert_cmpuint(head->len, ==, 0);
        size_t fed = strlen(heads[h]);
        guint errors = 0;
        while (fed < TOTAL) {
            g_autoptr(GPtrArray) v = feed_bytes(s, chunk, CHUNK);
            fed += CHUNK;
            g_assert_cmpuint(json_streamer_buffered(s), <=, QJSON_DEFAULT_MAX_SIZE + 64 * 1024);
            for (guint i = 0; i < v->len; i++) {
                g_assert_cmpstr(g_ptr_array_index(v, i), ==,
                                "ERR:JSON token size limit exceeded (1048576 bytes)");
                g_assert_cmpuint(fed, <=, QJSON_DEFAULT_MAX_SIZE + 2 * CHUNK);
                errors++;
            }
        }
        g_assert_cmpuint(errors, ==, 1);
        const char *tail = "}{\"execute\": \"after\"}";
        g_autoptr(GPtrArray) v = feed_bytes(s, tail, strlen(tail));
        assert_values(v, (const char *const[]){ "{\"execute\": \"after\"}", NULL });
        g_assert_cmpuint(json_streamer_buffered(s), <=, 64 * 1024);
        g_free(chunk);
        json_streamer_free(s);
    }
}

/* NUL is never part of a token: not in a number, not after a backslash. */
static void test_nul_bytes(void)
{
    static const char num[] = "[1\0002]{\"a\": 7\000}[3]";
    JsonStreamer *s = json_streamer_new(0);
    g_autoptr(GPtrArray) v = feed_bytes(s, num, sizeof(num) - 1);
    assert_values(v, (const char *const[]){ "ERR:JSON parse error, stray '\\000'",
                                            "ERR:JSON parse error, stray '\\000'",
                                            "[3]", NULL });
    static const char esc[] = "[\"a\\\000\"]{\"b\": 1}";
    g_autoptr(GPtrArray) w = feed_bytes(s, esc, sizeof(esc) - 1);
    assert_values(w, (const char *const[]){
        "ERR:JSON parse error, control character 0x00 in string", "{\"b\": 1}", NULL });
    json_streamer_free(s);
}

static void test_control_characters(void)
{
    g_autoptr(GPtrArray) v = parse_stream("{\"a\": \"x\ny\"}{\"b\": 2}", 4096);
    assert_values(v, (const char *const[]){
        "ERR:JSON parse error, control character 0x0a in string", "{\"b\": 2}", NULL });
}

/* The writer prints members in QEMU's QDict order: these are lines of the
 * QEMU 7.2 transcript, rebuilt from the C structs. */
static void test_writer_qemu_order(void)
{
    PCDIMMDeviceInfo di = {
        .id = (char *)"dimm0", .addr = 4294967296, .size = 1073741824, .slot = 0, .node = 0,
        .memdev = (char *)"/objects/mem0", .hotplugged = true, .hotpluggable = true,
    };
    MemoryDeviceInfo mdi = { .type = MEMORY_DEVICE_INFO_KIND_DIMM, .u.dimm.data = &di };
    MemoryDeviceInfoList list = { .next = NULL, .value = &mdi };
    JsonNode *n = qapi_marshal_MemoryDeviceInfoList(&list);
    g_autofree char *s = qjson_to_string(n);
    g_assert_cmpstr(s, ==, "[{\"type\": \"dimm\", \"data\": {\"memdev\": \"/objects/mem0\", "
                    "\"hotplugged\": true, \"addr\": 4294967296, \"hotpluggable\": true, "
                    "\"size\": 1073741824, \"slot\": 0, \"node\": 0, \"id\": \"dimm0\"}}]");
    json_node_unref(n);

    ACPIOSTInfo ost = { .device = (char *)"dimm0", .slot = (char *)"0",
                        .slot_type = ACPI_SLOT_TYPE_DIMM, .source = 1, .status = 0 };
    n = qapi_marshal_ACPIOSTInfo(&ost);
    g_autofree char *s2 = qjson_to_string(n);
    g_assert_cmpstr(s2, ==, "{\"device\": \"dimm0\", \"source\": 1, \"status\": 0, "
                    "\"slot\": \"0\", \"slot-type\": \"DIMM\"}");
    json_node_unref(n);

    StatusInfo st = { .running = false, .singlestep = false, .status = RUN_STATE_PRELAUNCH };
    n = qapi_marshal_StatusInfo(&st);
    g_autofree char *s3 = qjson_to_string(n);
    g_assert_cmpstr(s3, ==, "{\"status\": \"prelaunch\", \"singlestep\": false, "
                    "\"running\": false}");
    json_node_unref(n);

    MemoryInfo mi = { .base_memory = 536870912, .has_plugged_memory = true,
                      .plugged_memory = 0 };
    n = qapi_marshal_MemoryInfo(&mi);
    g_autofree char *s4 = qjson_to_string(n);
    g_assert_cmpstr(s4, ==, "{\"base-memory\": 536870912, \"plugged-memory\": 0}");
    json_node_unref(n);
}

static void test_writer_escapes(void)
{
    JsonNode *n = qapi_out_str("a\"b\\c\n\t\x01\x7f\xc3\xa9\xf0\x9f\x98\x80/\xff");
    g_autofree char *s = qjson_to_string(n);
    g_assert_cmpstr(s, ==,
                    "\"a\\\"b\\\\c\\n\\t\\u0001\\u007F\\u00E9\\uD83D\\uDE00/\\uFFFD\"");
    json_node_unref(n);
    JsonObject *o = json_object_new();
    JsonNode *empty = qapi_out_object(json_object_new());
    json_object_set_member(o, "return", empty);
    json_object_set_array_member(o, "list", json_array_new());
    n = qapi_out_object(o);
    g_autofree char *s2 = qjson_to_string(n);
    /* "list" hashes before "return" */
    g_assert_cmpstr(s2, ==, "{\"list\": [], \"return\": {}}");
    json_node_unref(n);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qmp-json/one-object", test_one_object);
    g_test_add_func("/qmp-json/several-per-read", test_several_per_read);
    g_test_add_func("/qmp-json/split-everywhere", test_split_everywhere);
    g_test_add_func("/qmp-json/strings-with-delimiters", test_strings_with_delimiters);
    g_test_add_func("/qmp-json/nesting", test_nesting);
    g_test_add_func("/qmp-json/malformed", test_malformed);
    g_test_add_func("/qmp-json/scalars", test_scalars);
    g_test_add_func("/qmp-json/size-limit", test_size_limit);
    g_test_add_func("/qmp-json/control-characters", test_control_characters);
    g_test_add_func("/qmp-json/endless-atom", test_endless_atom);
    g_test_add_func("/qmp-json/nul-bytes", test_nul_bytes);
    g_test_add_func("/qmp-json/writer-qemu-order", test_writer_qemu_order);
    g_test_add_func("/qmp-json/writer-escapes", test_writer_escapes);
    return g_test_run();
}
