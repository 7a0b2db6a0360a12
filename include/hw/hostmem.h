/*
 * hostmem.h - memory backends: the host memory behind a DIMM.
 *
 * A backend is an object of the device model (object-add
 * memory-backend-ram, QEMU's name): an id, a size and a kind. It holds no
 * memory until a DIMM claims it; the DIMM then owns it (one owner at a
 * time) and the backend maps the host memory, which goes back to the host
 * when the DIMM releases it at unplug. A -dimm slot has a private backend
 * of its own ("dimm-ID", not in the registry: object-del cannot reach it).
 *
 * Device lock held for everything here.
 */
#ifndef HW_HOSTMEM_H
#define HW_HOSTMEM_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#define HOSTMEM_MAX_BACKENDS 256     /* in the registry */

typedef enum {
    HOSTMEM_KIND_RAM,                /* anonymous private memory */
} HostMemKind;

typedef struct HostMemBackend {
    char *id;
    uint64_t size;
    HostMemKind kind;
    bool registered;                 /* in the registry (object-add) */
    char *owner;                     /* id of the DIMM that claimed it; NULL: free */
    uint8_t *host;                   /* the mapping while claimed */
} HostMemBackend;

/* object-add: checks id, size and the registry's room, then registers. */
HostMemBackend *hostmem_add(const char *id, uint64_t size, HostMemKind kind,
                            GError **errp);
/* object-del: fails while a DIMM owns it. */
bool hostmem_del(const char *id, GError **errp);
HostMemBackend *hostmem_find(const char *id);
/* Every registered backend, in creation order. */
void hostmem_foreach(void (*fn)(HostMemBackend *b, void *opaque), void *opaque);
/* Machine teardown: every registered backend (their DIMMs are gone). */
void hostmem_del_all(void);

/* A private backend for a -dimm slot (not registered). */
HostMemBackend *hostmem_new_private(const char *name, uint64_t size);
void hostmem_free_private(HostMemBackend *b);

/* The DIMM owner takes the backend and its memory is mapped; fails if
 * another DIMM owns it or the host has no address space left. */
bool hostmem_claim(HostMemBackend *b, const char *owner, GError **errp);
/* Unmaps the memory (the host gets it back) and frees the backend for
 * another DIMM. */
void hostmem_release(HostMemBackend *b);

#endif
