/*
 * qapi-runtime.c - support for the generated marshalling code: errors,
 * argument reading with QEMU 7.2's messages, output nodes, device_add
 * properties.
 */
#include "monitor/qapi-runtime.h"
#include "hotmem/keyval.h"
#include "hotmem/util.h"

#include <errno.h>
#include <string.h>

G_DEFINE_QUARK(qapi-error-quark, qapi_error)

void qapi_error_set(GError **errp, QapiErrorClass cls, const char *fmt, ...)
{
    if (!errp) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error_literal(errp, QAPI_ERROR, cls, msg);
}

const char *qapi_error_class_name(const GError *err)
{
    static const char *const names[] = {
        [QAPI_ERROR_CLASS_GENERIC_ERROR] = "GenericError",
        [QAPI_ERROR_CLASS_COMMAND_NOT_FOUND] = "CommandNotFound",
        [QAPI_ERROR_CLASS_DEVICE_NOT_ACTIVE] = "DeviceNotActive",
        [QAPI_ERROR_CLASS_DEVICE_NOT_FOUND] = "DeviceNotFound",
        [QAPI_ERROR_CLASS_KVM_MISSING_CAP] = "KVMMissingCap",
    };
    if (err && err->domain == QAPI_ERROR && err->code >= 0 &&
        (size_t)err->code < G_N_ELEMENTS(names)) {
        return names[err->code];
    }
    return "GenericError";
}

/* ------------------------------------------------------------ input */

typedef struct Frame {
    const char *name;           /* how the parent calls this container */
    JsonObject *obj;            /* an object frame, or */
    JsonArray *arr;             /* a list frame */
    GHashTable *visited;        /* object frames: member names read */
    guint index;                /* list frames: the element being read */
} Frame;

static void clear_frame(gpointer p)
{
    Frame *f = p;
    if (f->visited) {
        g_hash_table_unref(f->visited);
    }
    if (f->obj) {
        json_object_unref(f->obj);
    }
    if (f->arr) {
        json_array_unref(f->arr);
    }
}

void qapi_in_init(QapiIn *in, bool keyval)
{
    in->keyval = keyval;
    in->driver = NULL;
    in->cli = false;
    in->frames = g_array_new(FALSE, TRUE, sizeof(Frame));
    g_array_set_clear_func(in->frames, clear_frame);
    in->errname = g_string_new(NULL);
}

void qapi_in_cleanup(QapiIn *in)
{
    if (in->frames) {
        g_array_free(in->frames, TRUE);
        in->frames = NULL;
    }
    if (in->errname) {
        g_string_free(in->errname, TRUE);
        in->errname = NULL;
    }
}

static Frame *top(QapiIn *in)
{
    return in->frames->len ? &g_array_index(in->frames, Frame, in->frames->len - 1) : NULL;
}

static void push_object(QapiIn *in, JsonObject *obj, const char *name)
{
    Frame f = { .name = name, .obj = json_object_ref(obj),
                .visited = g_hash_table_new(g_str_hash, g_str_equal) };
    g_array_append_val(in->frames, f);
}

void qapi_in_push_root(QapiIn *in, JsonObject *args)
{
    JsonObject *empty = args ? NULL : json_object_new();
    push_object(in, args ? args : empty, NULL);
    if (empty) {
        json_object_unref(empty);
    }
}

/* The full name of member `name` of the current container, as QEMU's
 * full_name(): "id", "info.slot", "enable[0]". */
static const char *full_name(QapiIn *in, const char *name)
{
    GString *s = in->errname;
    g_string_truncate(s, 0);
    for (guint i = in->frames->len; i-- > 0;) {
        Frame *f = &g_array_index(in->frames, Frame, i);
        if (f->obj) {
            g_string_prepend(s, name ? name : "<anonymous>");
            g_string_prepend_c(s, '.');
        } else {
            char buf[32];
            g_snprintf(buf, sizeof(buf), in->keyval ? ".%u" : "[%u]", f->index);
            g_string_prepend(s, buf);
        }
        name = f->name;
    }
    if (name) {
        g_string_prepend(s, name);
    } else if (s->str[0] == '.') {
        g_string_erase(s, 0, 1);
    } else if (!s->str[0]) {
        return "<anonymous>";
    }
    return s->str;
}

static void type_error(QapiIn *in, const char *name, const char *expected, GError **errp)
{
    qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                   "Invalid parameter type for '%s', expected: %s", full_name(in, name),
                   expected);
}

static void value_error(QapiIn *in, const char *name, const char *expected, GError **errp)
{
    qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "Parameter '%s' expects %s",
                   full_name(in, name), expected);
}

/* A keyval string that does not parse: the command line says which value. */
static void keyval_value_error(QapiIn *in, const char *name, const char *value,
                               const char *expected, GError **errp)
{
    if (!in->cli) {
        value_error(in, name, expected, errp);
    } else if (!strcmp(expected, "'on' or 'off'")) {
        g_set_error(errp, HM_ERROR, 0, "%s must be 'on' or 'off', not '%s'",
                    full_name(in, name), value);
    } else {
        g_set_error(errp, HM_ERROR, 0, "invalid %s '%s'", full_name(in, name), value);
    }
}

bool qapi_in_start_object(QapiIn *in, JsonNode *node, const char *name, GError **errp)
{
    if (!JSON_NODE_HOLDS_OBJECT(node)) {
        type_error(in, name, "object", errp);
        return false;
    }
    push_object(in, json_node_get_object(node), name);
    return true;
}

bool qapi_in_check_object(QapiIn *in, GError **errp)
{
    Frame *f = top(in);
    g_assert(f && f->obj);
    JsonObjectIter it;
    const char *key;
    JsonNode *val;
    json_object_iter_init_ordered(&it, f->obj);
    while (json_object_iter_next_ordered(&it, &key, &val)) {
        if (g_hash_table_contains(f->visited, key)) {
            continue;
        }
        if (in->cli) {
            g_set_error(errp, HM_ERROR, 0, "unknown parameter '%s'", full_name(in, key));
        } else if (in->driver && in->frames->len == 1) {
            qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "Property '%s.%s' not found",
                           in->driver, key);
        } else {
            qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                           "Parameter '%s' is unexpected", full_name(in, key));
        }
        return false;
    }
    return true;
}

void qapi_in_end_object(QapiIn *in)
{
    g_assert(top(in) && top(in)->obj);
    g_array_set_size(in->frames, in->frames->len - 1);
}

JsonNode *qapi_in_member(QapiIn *in, const char *name, bool optional, GError **errp)
{
    Frame *f = top(in);
    g_assert(f && f->obj);
    JsonNode *n = json_object_get_member(f->obj, name);
    if (!n) {
        if (!optional && in->cli) {
            g_set_error(errp, HM_ERROR, 0, "missing %s=", full_name(in, name));
        } else if (!optional) {
            qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "Parameter '%s' is missing",
                           full_name(in, name));
        }
        return NULL;
    }
    g_hash_table_add(f->visited, (gpointer)name);
    return n;
}

bool qapi_in_start_list(QapiIn *in, JsonNode *node, const char *name, JsonArray **arr,
                        GError **errp)
{
    if (!JSON_NODE_HOLDS_ARRAY(node)) {
        type_error(in, name, "array", errp);
        return false;
    }
    *arr = json_node_get_array(node);
    Frame f = { .name = name, .arr = json_array_ref(*arr) };
    g_array_append_val(in->frames, f);
    return true;
}

void qapi_in_list_index(QapiIn *in, guint index)
{
    Frame *f = top(in);
    g_assert(f && f->arr);
    f->index = index;
}

void qapi_in_end_list(QapiIn *in)
{
    g_assert(top(in) && top(in)->arr);
    g_array_set_size(in->frames, in->frames->len - 1);
}

static bool node_is(JsonNode *n, GType type)
{
    return JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == type;
}

/* Keyval mode parses every scalar from a string; device properties take a
 * string (HMP, the command line) or the JSON value (QMP). */
static bool as_keyval(QapiIn *in, JsonNode *n)
{
    return in->keyval || (in->driver && node_is(n, G_TYPE_STRING));
}

/* Keyval mode: the scalar as a string; objects and arrays are refused as
 * QEMU's keyval visitor does. */
static const char *keyval_str(QapiIn *in, JsonNode *n, const char *name, GError **errp)
{
    if (JSON_NODE_HOLDS_OBJECT(n) || JSON_NODE_HOLDS_ARRAY(n)) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "Parameters '%s.*' are unexpected",
                       full_name(in, name));
        return NULL;
    }
    if (JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_STRING) {
        return json_node_get_string(n);
    }
    qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "Internal error: parameter %s invalid",
                   full_name(in, name));
    return NULL;
}


/* A double that holds an integer above INT64_MAX (the JSON reader has no
 * unsigned integers): the value for uint64 members. */
static bool big_uint(JsonNode *n, uint64_t *out)
{
    if (!node_is(n, G_TYPE_DOUBLE)) {
        return false;
    }
    double d = json_node_get_double(n);
    if (d >= 9223372036854775808.0 && d < 18446744073709551616.0 && d == (double)(uint64_t)d) {
        *out = (uint64_t)d;
        return true;
    }
    return false;
}

static bool parse_int_str(const char *s, bool is_unsigned, int64_t *si, uint64_t *ui)
{
    if (!s || !*s || g_ascii_isspace(*s)) {
        return false;
    }
    char *end;
    errno = 0;
    if (is_unsigned) {
        if (*s == '-') {
            return false;
        }
        *ui = g_ascii_strtoull(s, &end, 0);
    } else {
        *si = g_ascii_strtoll(s, &end, 0);
    }
    return !errno && !*end;
}

bool qapi_in_int(QapiIn *in, JsonNode *n, const char *name, int64_t min, int64_t max,
                 const char *type, int64_t *out, GError **errp)
{
    int64_t v;
    if (as_keyval(in, n)) {
        const char *s = keyval_str(in, n, name, errp);
        if (!s) {
            return false;
        }
        if (!parse_int_str(s, false, &v, NULL)) {
            keyval_value_error(in, name, s, "integer", errp);
            return false;
        }
    } else {
        if (!node_is(n, G_TYPE_INT64)) {
            type_error(in, name, "integer", errp);
            return false;
        }
        v = json_node_get_int(n);
    }
    if (v < min || v > max) {
        /* QEMU names the bare member here, not its full name */
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "Parameter '%s' expects %s",
                       name ? name : "null", type);
        return false;
    }
    *out = v;
    return true;
}

bool qapi_in_uint(QapiIn *in, JsonNode *n, const char *name, uint64_t max, const char *type,
                  uint64_t *out, GError **errp)
{
    uint64_t v;
    if (as_keyval(in, n)) {
        const char *s = keyval_str(in, n, name, errp);
        if (!s) {
            return false;
        }
        if (!parse_int_str(s, true, NULL, &v)) {
            keyval_value_error(in, name, s, "integer", errp);
            return false;
        }
    } else if (node_is(n, G_TYPE_INT64)) {
        /* QEMU takes negative numbers for uint64 "for backward compatibility" */
        v = (uint64_t)json_node_get_int(n);
    } else if (!big_uint(n, &v)) {
        value_error(in, name, "uint64", errp);
        return false;
    }
    if (v > max) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "Parameter '%s' expects %s",
                       name ? name : "null", type);
        return false;
    }
    *out = v;
    return true;
}

bool qapi_in_size(QapiIn *in, JsonNode *n, const char *name, uint64_t *out, GError **errp)
{
    if (as_keyval(in, n)) {
        const char *s = keyval_str(in, n, name, errp);
        if (!s) {
            return false;
        }
        if (!hm_parse_size(s, false, out)) {
            keyval_value_error(in, name, s, "size", errp);
            return false;
        }
        return true;
    }
    return qapi_in_uint(in, n, name, UINT64_MAX, "uint64", out, errp);
}

bool qapi_in_number(QapiIn *in, JsonNode *n, const char *name, double *out, GError **errp)
{
    if (as_keyval(in, n)) {
        const char *s = keyval_str(in, n, name, errp);
        if (!s) {
            return false;
        }
        char *end;
        double d = g_ascii_strtod(s, &end);
        if (!*s || *end) {
            type_error(in, name, "number", errp);
            return false;
        }
        *out = d;
        return true;
    }
    if (node_is(n, G_TYPE_INT64)) {
        *out = (double)json_node_get_int(n);
    } else if (node_is(n, G_TYPE_DOUBLE)) {
        *out = json_node_get_double(n);
    } else {
        type_error(in, name, "number", errp);
        return false;
    }
    return true;
}

bool qapi_in_bool(QapiIn *in, JsonNode *n, const char *name, bool *out, GError **errp)
{
    if (as_keyval(in, n)) {
        const char *s = keyval_str(in, n, name, errp);
        if (!s) {
            return false;
        }
        if (!keyval_parse_bool(s, out)) {
            keyval_value_error(in, name, s, "'on' or 'off'", errp);
            return false;
        }
        return true;
    }
    if (!node_is(n, G_TYPE_BOOLEAN)) {
        type_error(in, name, "boolean", errp);
        return false;
    }
    *out = json_node_get_boolean(n);
    return true;
}

bool qapi_in_str(QapiIn *in, JsonNode *n, const char *name, char **out, GError **errp)
{
    if (as_keyval(in, n)) {
        const char *s = keyval_str(in, n, name, errp);
        if (!s) {
            return false;
        }
        *out = g_strdup(s);
        return true;
    }
    if (!node_is(n, G_TYPE_STRING)) {
        type_error(in, name, "string", errp);
        return false;
    }
    *out = g_strdup(json_node_get_string(n));
    return true;
}

bool qapi_in_enum(QapiIn *in, JsonNode *n, const char *name, const char *const *lookup,
                  int count, int *out, GError **errp)
{
    g_autofree char *s = NULL;
    if (!qapi_in_str(in, n, name, &s, errp)) {
        return false;
    }
    for (int i = 0; i < count; i++) {
        if (!strcmp(lookup[i], s)) {
            *out = i;
            return true;
        }
    }
    qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                   "Parameter '%s' does not accept value '%s'", name ? name : "null", s);
    return false;
}

/* ------------------------------------------------------------ output */

JsonNode *qapi_out_str(const char *s)
{
    JsonNode *n = json_node_new(JSON_NODE_VALUE);
    json_node_set_string(n, s ? s : "");
    return n;
}

JsonNode *qapi_out_int(int64_t v)
{
    JsonNode *n = json_node_new(JSON_NODE_VALUE);
    json_node_set_int(n, v);
    return n;
}

JsonNode *qapi_out_uint(uint64_t v)
{
    JsonNode *n = json_node_new(JSON_NODE_VALUE);
    if (v > INT64_MAX) {
        json_node_set_double(n, (double)v);      /* json-glib has no uint64 */
    } else {
        json_node_set_int(n, (int64_t)v);
    }
    return n;
}

JsonNode *qapi_out_number(double v)
{
    JsonNode *n = json_node_new(JSON_NODE_VALUE);
    json_node_set_double(n, v);
    return n;
}

JsonNode *qapi_out_bool(bool v)
{
    JsonNode *n = json_node_new(JSON_NODE_VALUE);
    json_node_set_boolean(n, v);
    return n;
}

JsonNode *qapi_out_object(JsonObject *o)
{
    JsonNode *n = json_node_new(JSON_NODE_OBJECT);
    json_node_take_object(n, o);
    return n;
}

JsonNode *qapi_out_array(JsonArray *a)
{
    JsonNode *n = json_node_new(JSON_NODE_ARRAY);
    json_node_take_array(n, a);
    return n;
}
