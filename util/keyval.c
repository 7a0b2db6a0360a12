/*
 * keyval.c - the key=value grammar (keyval.h).
 */
#include "hotmem/keyval.h"
#include "hotmem/util.h"

#include <string.h>

bool keyval_parse_bool(const char *s, bool *out)
{
    static const char *const yes[] = { "on", "yes", "true", "y" };
    static const char *const no[] = { "off", "no", "false", "n" };
    for (size_t i = 0; i < G_N_ELEMENTS(yes); i++) {
        if (!strcmp(s, yes[i]) || !strcmp(s, no[i])) {
            *out = !strcmp(s, yes[i]);
            return true;
        }
    }
    return false;
}

/* One item up to an unescaped ',' or the end; ",," becomes ','. Returns
 * the position after the item's terminator, and where '=' was (-1: none). */
static const char *next_item(const char *p, GString *item, gssize *eq)
{
    g_string_truncate(item, 0);
    *eq = -1;
    for (; *p; p++) {
        if (*p == ',' && p[1] == ',') {
            g_string_append_c(item, ',');
            p++;
        } else if (*p == ',') {
            return p + 1;
        } else {
            if (*p == '=' && *eq < 0) {
                *eq = (gssize)item->len;
            }
            g_string_append_c(item, *p);
        }
    }
    return NULL;                 /* that was the last item */
}

static bool is_list_key(const char *key, const char *const *list_keys)
{
    for (const char *const *k = list_keys; k && *k; k++) {
        if (!strcmp(*k, key)) {
            return true;
        }
    }
    return false;
}

JsonObject *keyval_parse(const char *text, const char *implied_key, unsigned flags,
                         GError **errp)
{
    return keyval_parse_lists(text, implied_key, flags, NULL, errp);
}

JsonObject *keyval_parse_lists(const char *text, const char *implied_key, unsigned flags,
                               const char *const *list_keys, GError **errp)
{
    JsonObject *obj = json_object_new();
    g_autoptr(GString) item = g_string_new(NULL);
    const char *p = text;
    for (unsigned index = 0; p; index++) {
        gssize eq;
        p = next_item(p, item, &eq);
        g_autofree char *key = NULL;
        const char *value;
        if (eq >= 0) {
            key = g_strndup(item->str, eq);
            value = item->str + eq + 1;
        } else if (index == 0 && implied_key) {
            key = g_strdup(implied_key);
            value = item->str;
        } else if ((flags & KEYVAL_BARE_FLAGS) && item->len) {
            bool off = g_str_has_prefix(item->str, "no");
            key = g_strdup(item->str + (off ? 2 : 0));
            value = off ? "off" : "on";
        } else {
            g_set_error(errp, HM_ERROR, 0, "parameter '%s' needs a value (key=value)",
                        item->str);
            goto fail;
        }
        if (!*key) {
            g_set_error(errp, HM_ERROR, 0, "empty parameter name in '%s'", text);
            goto fail;
        }
        if (is_list_key(key, list_keys)) {
            if (!json_object_has_member(obj, key)) {
                json_object_set_array_member(obj, key, json_array_new());
            }
            json_array_add_string_element(json_object_get_array_member(obj, key), value);
            continue;
        }
        if (json_object_has_member(obj, key)) {
            g_set_error(errp, HM_ERROR, 0, "parameter '%s' given twice", key);
            goto fail;
        }
        json_object_set_string_member(obj, key, value);
    }
    return obj;

fail:
    json_object_unref(obj);
    return NULL;
}
