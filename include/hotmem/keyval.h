/*
 * keyval.h - the one key=value grammar of hotmem (QEMU's keyval spelling),
 * used by the command line (-m, -dimm, -numa, -smp, -qmp, -monitor), HMP
 * option arguments (device_add, object_add) and device properties.
 *
 *   text   := item { ',' item }
 *   item   := key '=' value | value        (a bare value: only the first
 *                                           item, and only with an implied key)
 *   ",,"   is a literal ',' inside a key or value
 *
 * Keys are non-empty; a key given twice is refused. The result is a JSON
 * object of string members in the order given, for the generated visitor
 * in keyval mode (monitor/qapi-runtime.h).
 */
#ifndef HOTMEM_KEYVAL_H
#define HOTMEM_KEYVAL_H

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdbool.h>

/* QemuOpts' legacy flags: a bare "X" after the first item means X=on and
 * "noX" means X=off (-qmp ...,server,nowait). */
#define KEYVAL_BARE_FLAGS 0x1u

/* implied_key: the key of a bare first item, NULL when there is none.
 * Errors name the problem ("parameter 'id' given twice"); callers prefix
 * where it happened. */
JsonObject *keyval_parse(const char *text, const char *implied_key, unsigned flags,
                         GError **errp);
/* The same, but the keys in list_keys (NULL-terminated) may repeat: each
 * becomes a JSON array of its values in order (-numa node,cpus=0,cpus=2),
 * for a list member of the schema. */
JsonObject *keyval_parse_lists(const char *text, const char *implied_key, unsigned flags,
                               const char *const *list_keys, GError **errp);

/* QEMU's boolean words: on/yes/true/y and off/no/false/n. */
bool keyval_parse_bool(const char *s, bool *out);

#endif
