/*
 * hostmem.h - memory backends: the host memory behind a DIMM.
 *
 * A backend is an object of the device model (object-add
 * memory-backend-ram/-file/-memfd, QEMU's names): an id, a size, a kind and
 * its options. It holds no memory until a DIMM claims it; the DIMM then owns
 * it (one owner at a time) and the backend maps the host memory, which goes
 * back to the host when the DIMM releases it at unplug (munmap; for file and
 * memfd memory also a punched hole, so the pages really are freed). A
 * -dimm slot has a private backend of its own ("dimm-ID", not in the
 * registry: object-del cannot reach it).
 *
 * Device lock held for everything here.
 */
#ifndef HW_HOSTMEM_H
#define HW_HOSTMEM_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#define HOSTMEM_MAX_BACKENDS 256     /* in the registry */
#define HOSTMEM_MAX_HOST_NODES 64
/* QEMU's words for an id /objects already holds (object-add, -object) */
#define HOSTMEM_DUPLICATE_ID_FMT "attempt to add duplicate property '%s' to object (type 'container')"

typedef enum {
    HOSTMEM_KIND_RAM,                /* anonymous memory */
    HOSTMEM_KIND_FILE,               /* a file, or an unlinked file in a directory */
    HOSTMEM_KIND_MEMFD,              /* memfd_create */
} HostMemKind;

typedef enum {
    HOSTMEM_POLICY_DEFAULT,
    HOSTMEM_POLICY_PREFERRED,
    HOSTMEM_POLICY_BIND,
    HOSTMEM_POLICY_INTERLEAVE,
} HostMemPolicyKind;

/* What object-add says about a backend; hostmem_options_default() gives
 * QEMU's defaults for a kind. */
typedef struct HostMemOptions {
    HostMemKind kind;
    bool share;
    bool prealloc;
    bool merge;
    bool dump;
    bool reserve;                    /* false: MAP_NORESERVE (see hostmem.c) */
    uint64_t host_nodes;             /* bit i: host node i */
    HostMemPolicyKind policy;
    /* file */
    char *mem_path;
    uint64_t align;                  /* 0: the file system's page size */
    bool discard_data;
    bool readonly;
    /* memfd */
    bool hugetlb;
    uint64_t hugetlbsize;            /* 0: the host's default huge page */
    bool seal;
} HostMemOptions;

typedef struct HostMemBackend {
    char *id;
    uint64_t size;
    HostMemKind kind;
    HostMemOptions opts;             /* mem_path owned */
    uint64_t page_size;              /* of the mapping: 4 KiB, or the huge page */
    bool registered;                 /* in the registry (object-add) */
    char *owner;                     /* id of the DIMM that claimed it; NULL: free */
    bool numa_node;                  /* the owner is a NUMA node's base RAM ("node0") */
    uint8_t *host;                   /* the mapping while claimed */
    int fd;                          /* file and memfd while claimed; -1 otherwise */
} HostMemBackend;

void hostmem_options_default(HostMemOptions *o, HostMemKind kind);
const char *hostmem_kind_name(HostMemKind kind);

/* object-add: checks id, size, the options (mem-path usable, sizes page
 * aligned, huge page sizes the host has, node masks) and the registry's
 * room, then registers; nothing is mapped yet. opts NULL: a RAM backend
 * with the defaults. */
HostMemBackend *hostmem_add(const char *id, uint64_t size, const HostMemOptions *opts,
                            GError **errp);
/* object-del: fails while a DIMM owns it. */
bool hostmem_del(const char *id, GError **errp);
HostMemBackend *hostmem_find(const char *id);
/* Every registered backend, in creation order. */
void hostmem_foreach(void (*fn)(HostMemBackend *b, void *opaque), void *opaque);
/* Machine teardown: every registered backend (their DIMMs are gone). */
void hostmem_del_all(void);

/* A private RAM backend for a -dimm slot (not registered). */
HostMemBackend *hostmem_new_private(const char *name, uint64_t size);
void hostmem_free_private(HostMemBackend *b);

/* The DIMM owner takes the backend and its memory is mapped (and
 * preallocated and bound to host nodes if asked); fails if another DIMM
 * owns it or the host refuses the memory. */
bool hostmem_claim(HostMemBackend *b, const char *owner, GError **errp);
/* The same, with the memory mapped at `at` (page-size aligned), over a
 * reservation of the caller's: a NUMA node's slice of base RAM. */
bool hostmem_claim_at(HostMemBackend *b, const char *owner, void *at, GError **errp);
/* Gives the memory back to the host and frees the backend for another DIMM. */
void hostmem_release(HostMemBackend *b);

#endif
