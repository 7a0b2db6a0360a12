/*
 * test-qmp-schema.c - query-qmp-schema: QEMU's SchemaInfo shape, every
 * command of query-commands with its argument members, masked type names,
 * and every name a type refers to resolving to an entry.
 */
#include "monitor/qjson.h"
#include "monitor/qmp.h"
#include "qapi-generated.h"
#include "qmp-request.h"

#include <string.h>

static JsonNode *run(const char *request)
{
    QmpSession s = { .negotiated = true };
    g_autofree char *text = qmp_request_text(&s, request);
    GError *err = NULL;
    JsonNode *n = qjson_parse(text, &err);
    g_assert_no_error(err);
    JsonObject *o = json_node_get_object(n);
    g_assert_true(json_object_has_member(o, "return"));
    JsonNode *r = json_node_copy(json_object_get_member(o, "return"));
    json_node_unref(n);
    return r;
}

static JsonObject *entry(GHashTable *by_name, const char *name)
{
    JsonObject *e = g_hash_table_lookup(by_name, name);
    if (!e) {
        g_test_message("no schema entry named '%s'", name);
    }
    g_assert_nonnull(e);
    return e;
}

static bool has_member(JsonObject *obj, const char *name)
{
    JsonArray *m = json_object_get_array_member(obj, "members");
    for (guint i = 0; i < json_array_get_length(m); i++) {
        if (!strcmp(json_object_get_string_member(json_array_get_object_element(m, i), "name"),
                    name)) {
            return true;
        }
    }
    return false;
}

static void test_schema(void)
{
    g_autoptr(JsonNode) schema = run("{\"execute\": \"query-qmp-schema\"}");
    JsonArray *list = json_node_get_array(schema);
    g_assert_cmpuint(json_array_get_length(list), >, 50);
    g_autoptr(GHashTable) by_name = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < json_array_get_length(list); i++) {
        JsonObject *e = json_array_get_object_element(list, i);
        const char *name = json_object_get_string_member(e, "name");
        const char *meta = json_object_get_string_member(e, "meta-type");
        g_assert_true(!strcmp(meta, "builtin") || !strcmp(meta, "enum") ||
                      !strcmp(meta, "array") || !strcmp(meta, "object") ||
                      !strcmp(meta, "command") || !strcmp(meta, "event"));
        g_assert_false(g_hash_table_contains(by_name, name));     /* names are unique */
        g_hash_table_insert(by_name, (gpointer)name, e);
        /* types other than builtins and arrays are masked */
        if (!strcmp(meta, "object") || !strcmp(meta, "enum")) {
            g_assert_true(g_ascii_isdigit(name[0]));
        }
    }
    /* every name a type refers to is there */
    for (guint i = 0; i < json_array_get_length(list); i++) {
        JsonObject *e = json_array_get_object_element(list, i);
        const char *meta = json_object_get_string_member(e, "meta-type");
        if (!strcmp(meta, "command")) {
            entry(by_name, json_object_get_string_member(e, "arg-type"));
            entry(by_name, json_object_get_string_member(e, "ret-type"));
        } else if (!strcmp(meta, "event")) {
            entry(by_name, json_object_get_string_member(e, "arg-type"));
        } else if (!strcmp(meta, "array")) {
            entry(by_name, json_object_get_string_member(e, "element-type"));
        } else if (!strcmp(meta, "object")) {
            JsonArray *m = json_object_get_array_member(e, "members");
            for (guint k = 0; k < json_array_get_length(m); k++) {
                entry(by_name, json_object_get_string_member(
                                   json_array_get_object_element(m, k), "type"));
            }
        }
    }
    /* every command QMP lists is in it, with its arguments */
    g_autoptr(JsonNode) cmds = run("{\"execute\": \"query-commands\"}");
    JsonArray *c = json_node_get_array(cmds);
    for (guint i = 0; i < json_array_get_length(c); i++) {
        const char *name = json_object_get_string_member(json_array_get_object_element(c, i),
                                                         "name");
        JsonObject *e = entry(by_name, name);
        g_assert_cmpstr(json_object_get_string_member(e, "meta-type"), ==, "command");
    }
    JsonObject *del = entry(by_name, "device_del");
    JsonObject *args = entry(by_name, json_object_get_string_member(del, "arg-type"));
    g_assert_true(has_member(args, "id"));
    JsonObject *add = entry(by_name, "device_add");
    JsonObject *add_args = entry(by_name, json_object_get_string_member(add, "arg-type"));
    g_assert_true(has_member(add_args, "driver"));
    JsonObject *ev = entry(by_name, "DEVICE_DELETED");
    g_assert_cmpstr(json_object_get_string_member(ev, "meta-type"), ==, "event");
    JsonObject *str = entry(by_name, "str");
    g_assert_cmpstr(json_object_get_string_member(str, "json-type"), ==, "string");
    JsonObject *integer = entry(by_name, "int");
    g_assert_cmpstr(json_object_get_string_member(integer, "json-type"), ==, "int");
    /* an optional member carries "default": null, as QEMU's do */
    JsonObject *oa = entry(by_name, json_object_get_string_member(
                                        entry(by_name, "object-add"), "arg-type"));
    g_assert_true(json_object_has_member(oa, "tag"));
    g_assert_cmpstr(json_object_get_string_member(oa, "tag"), ==, "qom-type");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qmp-schema/shape", test_schema);
    return g_test_run();
}
