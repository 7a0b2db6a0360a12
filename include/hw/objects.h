/*
 * objects.h - the objects -object and object-add create (QEMU's
 * user-creatable objects): memory backends (hw/hostmem.h) and secrets.
 * One entry point for the command line and QMP, so both check the same.
 * Device lock held.
 */
#ifndef HW_OBJECTS_H
#define HW_OBJECTS_H

#include <glib.h>
#include <stdbool.h>

#include "qapi-generated.h"

bool user_object_add(const ObjectOptions *opts, GError **errp);
/* object-del: a backend (refused while a DIMM or a NUMA node uses it) or a
 * secret. */
bool user_object_del(const char *id, GError **errp);
/* A secret's bytes (NUL-terminated), NULL for an unknown id. */
const char *user_secret(const char *id);
/* Every secret's id, in creation order. */
void user_secrets_foreach(void (*fn)(const char *id, void *opaque), void *opaque);
/* Machine teardown: the secrets (backends go with hostmem_del_all). */
void user_objects_clear(void);

#endif
