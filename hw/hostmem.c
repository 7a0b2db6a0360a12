/*
 * hostmem.c - the memory backend registry (hostmem.h).
 */
#include "hw/hostmem.h"
#include "hw/memory-rules.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "hotmem/util.h"

#include <errno.h>
#include <string.h>

static GPtrArray *backends;          /* HostMemBackend *, in creation order */

static void backend_free(HostMemBackend *b)
{
    if (b->host) {
        guest_ram_free(b->host, b->size);
    }
    g_free(b->owner);
    g_free(b->id);
    g_free(b);
}

HostMemBackend *hostmem_find(const char *id)
{
    for (guint i = 0; backends && i < backends->len; i++) {
        HostMemBackend *b = g_ptr_array_index(backends, i);
        if (!strcmp(b->id, id)) {
            return b;
        }
    }
    return NULL;
}

HostMemBackend *hostmem_add(const char *id, uint64_t size, HostMemKind kind,
                            GError **errp)
{
    assert_device_lock();
    const char *type = "memory-backend-ram";
    if (!mem_rule_id(id, MEM_OBJECT_ID_MAX, errp)) {
        g_prefix_error(errp, "%s: ", type);
        return NULL;
    }
    if (hostmem_find(id)) {
        g_set_error(errp, HM_ERROR, 0, "object '%s' already exists", id);
        return NULL;
    }
    if (!mem_rule_dimm_size(size, errp)) {
        g_prefix_error(errp, "%s '%s': ", type, id);
        return NULL;
    }
    if (backends && backends->len >= HOSTMEM_MAX_BACKENDS) {
        g_set_error(errp, HM_ERROR, 0, "%s '%s': too many memory backends (at most %d)",
                    type, id, HOSTMEM_MAX_BACKENDS);
        return NULL;
    }
    if (!backends) {
        backends = g_ptr_array_new();
    }
    HostMemBackend *b = g_new0(HostMemBackend, 1);
    b->id = g_strdup(id);
    b->size = size;
    b->kind = kind;
    b->registered = true;
    g_ptr_array_add(backends, b);
    return b;
}

bool hostmem_del(const char *id, GError **errp)
{
    assert_device_lock();
    HostMemBackend *b = hostmem_find(id);
    if (!b) {
        g_set_error(errp, HM_ERROR, 0, "object '%s' not found", id);
        return false;
    }
    if (b->owner) {
        g_set_error(errp, HM_ERROR, 0, "object '%s' is in use by DIMM '%s', can not be "
                    "deleted", id, b->owner);
        return false;
    }
    g_ptr_array_remove(backends, b);
    backend_free(b);
    return true;
}

void hostmem_foreach(void (*fn)(HostMemBackend *b, void *opaque), void *opaque)
{
    for (guint i = 0; backends && i < backends->len; i++) {
        fn(g_ptr_array_index(backends, i), opaque);
    }
}

void hostmem_del_all(void)
{
    while (backends && backends->len) {
        backend_free(g_ptr_array_steal_index(backends, backends->len - 1));
    }
    g_clear_pointer(&backends, g_ptr_array_unref);
}

HostMemBackend *hostmem_new_private(const char *name, uint64_t size)
{
    HostMemBackend *b = g_new0(HostMemBackend, 1);
    b->id = g_strdup(name);
    b->size = size;
    b->kind = HOSTMEM_KIND_RAM;
    return b;
}

void hostmem_free_private(HostMemBackend *b)
{
    if (b) {
        g_assert(!b->registered);
        backend_free(b);
    }
}

bool hostmem_claim(HostMemBackend *b, const char *owner, GError **errp)
{
    assert_device_lock();
    if (b->owner) {
        g_set_error(errp, HM_ERROR, 0, "memdev '%s' is already in use by DIMM '%s'", b->id,
                    b->owner);
        return false;
    }
    b->host = guest_ram_alloc(b->size);
    if (!b->host) {
        g_set_error(errp, HM_ERROR, 0, "memdev '%s': cannot map %" PRIu64 " bytes: %s",
                    b->id, b->size, g_strerror(errno));
        return false;
    }
    b->owner = g_strdup(owner);
    return true;
}

void hostmem_release(HostMemBackend *b)
{
    assert_device_lock();
    if (b->host) {
        guest_ram_free(b->host, b->size);
        b->host = NULL;
    }
    g_clear_pointer(&b->owner, g_free);
}
