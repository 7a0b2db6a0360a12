/*
 * qjson-write.c - the QMP JSON writer: QEMU 7.2's exact text (the reader
 * is in qjson.c).
 */
#include "monitor/qjson.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* QEMU's QDict: 512 buckets indexed by this hash; iteration goes bucket by
 * bucket, and within a bucket the most recently inserted key comes first. */
#define QDICT_BUCKETS 512

static unsigned tdb_hash(const char *name)
{
    unsigned value = 0x238F13AF * (unsigned)strlen(name);
    for (unsigned i = 0; name[i]; i++) {
        value = value + ((unsigned)(unsigned char)name[i] << (i * 5 % 24));
    }
    return 1103515243 * value + 12345;
}

typedef struct Member {
    const char *name;
    JsonNode *node;
    unsigned bucket;
    unsigned index;
} Member;

static int member_cmp(const void *a, const void *b)
{
    const Member *x = a, *y = b;
    if (x->bucket != y->bucket) {
        return x->bucket < y->bucket ? -1 : 1;
    }
    return x->index > y->index ? -1 : x->index < y->index;
}

static void append_string(GString *out, const char *s)
{
    g_string_append_c(out, '"');
    const char *p = s;
    while (*p) {
        gunichar cp = g_utf8_get_char_validated(p, -1);
        const char *end;
        if (cp == (gunichar)-1 || cp == (gunichar)-2) {
            cp = 0xfffd;                     /* replacement character */
            end = p + 1;
        } else {
            end = g_utf8_next_char(p);
        }
        switch (cp) {
        case '"': g_string_append(out, "\\\""); break;
        case '\\': g_string_append(out, "\\\\"); break;
        case '\b': g_string_append(out, "\\b"); break;
        case '\f': g_string_append(out, "\\f"); break;
        case '\n': g_string_append(out, "\\n"); break;
        case '\r': g_string_append(out, "\\r"); break;
        case '\t': g_string_append(out, "\\t"); break;
        default:
            if (cp > 0xffff) {
                g_string_append_printf(out, "\\u%04X\\u%04X", 0xd800 + ((cp - 0x10000) >> 10),
                                       0xdc00 + ((cp - 0x10000) & 0x3ff));
            } else if (cp < 0x20 || cp >= 0x7f) {
                g_string_append_printf(out, "\\u%04X", cp);
            } else {
                g_string_append_c(out, (char)cp);
            }
            break;
        }
        p = end;
    }
    g_string_append_c(out, '"');
}

void qjson_append(GString *out, JsonNode *node)
{
    if (!node || JSON_NODE_HOLDS_NULL(node)) {
        g_string_append(out, "null");
        return;
    }
    switch (json_node_get_node_type(node)) {
    case JSON_NODE_OBJECT: {
        JsonObject *obj = json_node_get_object(node);
        guint n = json_object_get_size(obj);
        if (!n) {
            g_string_append(out, "{}");
            return;
        }
        Member *m = g_new(Member, n);
        JsonObjectIter it;
        const char *name;
        JsonNode *child;
        guint i = 0;
        json_object_iter_init_ordered(&it, obj);
        while (json_object_iter_next_ordered(&it, &name, &child)) {
            m[i] = (Member){ name, child, tdb_hash(name) % QDICT_BUCKETS, i };
            i++;
        }
        qsort(m, n, sizeof(*m), member_cmp);
        g_string_append_c(out, '{');
        for (i = 0; i < n; i++) {
            if (i) {
                g_string_append(out, ", ");
            }
            append_string(out, m[i].name);
            g_string_append(out, ": ");
            qjson_append(out, m[i].node);
        }
        g_string_append_c(out, '}');
        g_free(m);
        return;
    }
    case JSON_NODE_ARRAY: {
        JsonArray *arr = json_node_get_array(node);
        guint n = json_array_get_length(arr);
        g_string_append_c(out, '[');
        for (guint i = 0; i < n; i++) {
            if (i) {
                g_string_append(out, ", ");
            }
            qjson_append(out, json_array_get_element(arr, i));
        }
        g_string_append_c(out, ']');
        return;
    }
    case JSON_NODE_VALUE:
        break;
    case JSON_NODE_NULL:
        g_string_append(out, "null");
        return;
    }
    switch (json_node_get_value_type(node)) {
    case G_TYPE_INT64:
        g_string_append_printf(out, "%" G_GINT64_FORMAT, json_node_get_int(node));
        break;
    case G_TYPE_DOUBLE: {
        double d = json_node_get_double(node);
        if (!isfinite(d)) {
            g_string_append(out, "null");
            break;
        }
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        g_string_append(out, g_ascii_formatd(buf, sizeof(buf), "%.17g", d));
        break;
    }
    case G_TYPE_BOOLEAN:
        g_string_append(out, json_node_get_boolean(node) ? "true" : "false");
        break;
    case G_TYPE_STRING:
        append_string(out, json_node_get_string(node));
        break;
    default:
        g_string_append(out, "null");
        break;
    }
}

char *qjson_to_string(JsonNode *node)
{
    GString *out = g_string_new(NULL);
    qjson_append(out, node);
    return g_string_free(out, FALSE);
}
