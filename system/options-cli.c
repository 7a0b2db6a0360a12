/*
 * options-cli.c - the key=value grammar of the command line, read by the
 * generated visitor (options-internal.h).
 */
#include "system/options-internal.h"

#include <string.h>

/*
 * Splits arg with the key=value grammar (util/keyval.c) into a JSON object
 * for the generated visitor in keyval mode. A size given without a suffix
 * in one of the mib keys is in MiB, as QEMU's -m and -numa mem= are.
 */
JsonNode *cli_keyval(const char *arg, const char *implied, const char *const *mib,
                     const char *const *lists, GError **errp)
{
    JsonObject *kv = keyval_parse_lists(arg, implied, 0, lists, errp);
    if (!kv) {
        return NULL;
    }
    for (const char *const *k = mib; k && *k; k++) {
        const char *v = json_object_has_member(kv, *k) ?
                        json_object_get_string_member(kv, *k) : NULL;
        if (v && *v && strspn(v, "0123456789") == strlen(v)) {
            g_autofree char *with_unit = g_strconcat(v, "M", NULL);
            json_object_set_string_member(kv, *k, with_unit);
        }
    }
    JsonNode *n = json_node_alloc();
    json_node_take_object(json_node_init(n, JSON_NODE_OBJECT), kv);
    return n;
}

void cli_in_init(QapiIn *in)
{
    qapi_in_init(in, true);
    in->cli = true;
}

