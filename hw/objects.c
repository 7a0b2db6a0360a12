/*
 * objects.c - -object and object-add (objects.h): the generated
 * ObjectOptions turned into a memory backend or a secret.
 */
#include "hw/objects.h"
#include "hw/hostmem.h"
#include "hw/memory-rules.h"
#include "hotmem/io.h"
#include "hotmem/util.h"

#include <stddef.h>
#include <string.h>

typedef struct {
    char *id;
    char *value;
} Secret;

static GPtrArray *secrets;           /* Secret *, in creation order */

/* The generated union's branches start with the same members: each kind's
 * own fields, then its extras. */
static bool backend_options(const ObjectOptions *arg, uint64_t *size, HostMemOptions *o,
                            GError **errp)
{
    const MemoryBackendProperties *p = &arg->u.memory_backend_ram;
    switch (arg->qom_type) {
    case OBJECT_TYPE_MEMORY_BACKEND_FILE: {
        const MemoryBackendFileProperties *f = &arg->u.memory_backend_file;
        hostmem_options_default(o, HOSTMEM_KIND_FILE);
        o->mem_path = f->mem_path;
        o->align = f->has_align ? f->align : 0;
        o->discard_data = f->has_discard_data && f->discard_data;
        o->readonly = f->has_readonly && f->readonly;
        p = (const MemoryBackendProperties *)f;
        break;
    }
    case OBJECT_TYPE_MEMORY_BACKEND_MEMFD: {
        const MemoryBackendMemfdProperties *m = &arg->u.memory_backend_memfd;
        hostmem_options_default(o, HOSTMEM_KIND_MEMFD);
        o->hugetlb = m->has_hugetlb && m->hugetlb;
        o->hugetlbsize = m->has_hugetlbsize ? m->hugetlbsize : 0;
        o->seal = !m->has_seal || m->seal;
        p = (const MemoryBackendProperties *)m;
        break;
    }
    default:
        hostmem_options_default(o, HOSTMEM_KIND_RAM);
        break;
    }
    G_STATIC_ASSERT(offsetof(MemoryBackendFileProperties, size) ==
                    offsetof(MemoryBackendProperties, size));
    G_STATIC_ASSERT(offsetof(MemoryBackendMemfdProperties, size) ==
                    offsetof(MemoryBackendProperties, size));
    *size = p->size;
    o->share = p->has_share ? p->share : o->share;
    o->prealloc = p->has_prealloc && p->prealloc;
    o->merge = !p->has_merge || p->merge;
    o->dump = !p->has_dump || p->dump;
    o->reserve = !p->has_reserve || p->reserve;
    o->policy = p->has_policy ? (HostMemPolicyKind)p->policy : HOSTMEM_POLICY_DEFAULT;
    for (const uint16List *n = p->host_nodes; n; n = n->next) {
        if (n->value >= HOSTMEM_MAX_HOST_NODES) {
            g_set_error(errp, HM_ERROR, 0,
                           "%s '%s': host node %u does not exist (at most %d)",
                           hostmem_kind_name(o->kind), arg->id, n->value,
                           HOSTMEM_MAX_HOST_NODES - 1);
            return false;
        }
        o->host_nodes |= 1ULL << n->value;
    }
    return true;
}


static Secret *find_secret(const char *id)
{
    for (guint i = 0; secrets && i < secrets->len; i++) {
        Secret *s = g_ptr_array_index(secrets, i);
        if (!strcmp(s->id, id)) {
            return s;
        }
    }
    return NULL;
}

static bool secret_add(const ObjectOptions *arg, GError **errp)
{
    const SecretProperties *p = &arg->u.secret;
    g_autofree char *value = NULL;
    if (!mem_rule_id(arg->id, MEM_OBJECT_ID_MAX, errp)) {
        g_prefix_error(errp, "secret: ");
        return false;
    }
    if (find_secret(arg->id) || hostmem_find(arg->id)) {
        g_set_error(errp, HM_ERROR, 0, HOSTMEM_DUPLICATE_ID_FMT, arg->id);
        return false;
    }
    if (!p->data == !p->file) {
        g_set_error(errp, HM_ERROR, 0, "secret '%s': exactly one of 'data' and 'file' is "
                    "needed", arg->id);
        return false;
    }
    if (p->keyid || p->iv) {
        g_set_error(errp, HM_ERROR, 0, "secret '%s': encrypted secrets (keyid, iv) are not "
                    "supported", arg->id);
        return false;
    }
    if (p->format && strcmp(p->format, "raw") && strcmp(p->format, "base64")) {
        g_set_error(errp, HM_ERROR, 0, "secret '%s': format '%s' is not raw or base64",
                    arg->id, p->format);
        return false;
    }
    if (p->file) {
        GError *err = NULL;
        if (!g_file_get_contents(p->file, &value, NULL, &err)) {
            g_set_error(errp, HM_ERROR, 0, "secret '%s': %s", arg->id, err->message);
            g_error_free(err);
            return false;
        }
    } else {
        value = g_strdup(p->data);
    }
    if (!secrets) {
        secrets = g_ptr_array_new();
    }
    Secret *s = g_new0(Secret, 1);
    s->id = g_strdup(arg->id);
    s->value = g_steal_pointer(&value);
    g_ptr_array_add(secrets, s);
    return true;
}

bool user_object_add(const ObjectOptions *arg, GError **errp)
{
    assert_device_lock();
    if (arg->qom_type == OBJECT_TYPE_SECRET) {
        return secret_add(arg, errp);
    }
    if (find_secret(arg->id)) {
        g_set_error(errp, HM_ERROR, 0, HOSTMEM_DUPLICATE_ID_FMT, arg->id);
        return false;
    }
    uint64_t size;
    HostMemOptions o;
    return backend_options(arg, &size, &o, errp) && hostmem_add(arg->id, size, &o, errp);
}

static void secret_free(Secret *s)
{
    g_free(s->id);
    g_free(s->value);
    g_free(s);
}

bool user_object_del(const char *id, GError **errp)
{
    assert_device_lock();
    Secret *s = find_secret(id);
    if (s) {
        g_ptr_array_remove(secrets, s);
        secret_free(s);
        return true;
    }
    return hostmem_del(id, errp);
}

const char *user_secret(const char *id)
{
    Secret *s = find_secret(id);
    return s ? s->value : NULL;
}

void user_secrets_foreach(void (*fn)(const char *id, void *opaque), void *opaque)
{
    for (guint i = 0; secrets && i < secrets->len; i++) {
        fn(((Secret *)g_ptr_array_index(secrets, i))->id, opaque);
    }
}

void user_objects_clear(void)
{
    while (secrets && secrets->len) {
        secret_free(g_ptr_array_steal_index(secrets, secrets->len - 1));
    }
    g_clear_pointer(&secrets, g_ptr_array_unref);
}
