/*
 * hostmem.c - the memory backend registry and the host memory behind a
 * backend (hostmem.h).
 *
 * Anonymous private memory comes from guest_ram_alloc (MAP_NORESERVE,
 * 2 MiB aligned, transparent huge pages): hotmem never reserves swap for
 * guest memory, whatever "reserve" says, so an idle DIMM costs nothing.
 * File and memfd memory is mapped from its descriptor at the same
 * alignment (or the huge page size). On release a hole is punched into a
 * memfd, an unlinked file and a file with discard-data, so the host gets
 * the pages back as it does for anonymous memory.
 */
#include "hw/hostmem.h"
#include "hw/memory-rules.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "hotmem/util.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <linux/memfd.h>
#include <linux/mempolicy.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#define HOSTMEM_ALIGN (2ULL << 20)

static GPtrArray *backends;          /* HostMemBackend *, in creation order */

static const char *const kind_names[] = {
    [HOSTMEM_KIND_RAM] = "memory-backend-ram",
    [HOSTMEM_KIND_FILE] = "memory-backend-file",
    [HOSTMEM_KIND_MEMFD] = "memory-backend-memfd",
};

const char *hostmem_kind_name(HostMemKind kind)
{
    return kind_names[kind];
}

void hostmem_options_default(HostMemOptions *o, HostMemKind kind)
{
    *o = (HostMemOptions){
        .kind = kind, .share = kind == HOSTMEM_KIND_MEMFD, .merge = true, .dump = true,
        .reserve = true, .seal = true,
    };
}

static void backend_unmap(HostMemBackend *b, bool give_back);

static void backend_free(HostMemBackend *b)
{
    backend_unmap(b, true);
    g_free(b->opts.mem_path);
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

/* ---- checks at object-add: everything that can be known before a DIMM
 * plugs it ---- */

static bool is_power_of_2(uint64_t v)
{
    return v && !(v & (v - 1));
}

/* The page size of the file system holding path (its directory when path
 * does not exist yet): a huge page on hugetlbfs. */
static bool fs_page_size(const char *path, uint64_t *out, GError **errp)
{
    struct statfs fs;
    g_autofree char *dir = g_path_get_dirname(path);
    if (statfs(path, &fs) < 0 && statfs(dir, &fs) < 0) {
        g_set_error(errp, HM_ERROR, 0, "mem-path %s: %s", path, g_strerror(errno));
        return false;
    }
    *out = fs.f_type == HUGETLBFS_MAGIC ? (uint64_t)fs.f_bsize : (uint64_t)getpagesize();
    return true;
}

/* Opens the backing file: an unlinked temporary one in a directory, or the
 * file itself (created when missing, extended to size unless read-only). */
static int open_backing_file(const HostMemBackend *b, GError **errp)
{
    const char *path = b->opts.mem_path;
    struct stat st;
    int fd;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        g_autofree char *tmpl = g_strdup_printf("%s/hotmem-%s-XXXXXX", path, b->id);
        fd = mkostemp(tmpl, O_CLOEXEC);
        if (fd < 0) {
            g_set_error(errp, HM_ERROR, 0, "mem-path %s: cannot create a file there: %s",
                        path, g_strerror(errno));
            return -1;
        }
        unlink(tmpl);
    } else {
        fd = open(path, (b->opts.readonly ? O_RDONLY : O_RDWR | O_CREAT) | O_CLOEXEC, 0600);
        if (fd < 0) {
            g_set_error(errp, HM_ERROR, 0, "mem-path %s: %s", path, g_strerror(errno));
            return -1;
        }
    }
    if (fstat(fd, &st) == 0 && (uint64_t)st.st_size < b->size) {
        if (b->opts.readonly) {
            g_set_error(errp, HM_ERROR, 0, "mem-path %s: %" PRIu64 " bytes, smaller than "
                        "size %" PRIu64 " (and read-only)", path, (uint64_t)st.st_size,
                        b->size);
            close(fd);
            return -1;
        }
        if (ftruncate(fd, (off_t)b->size) < 0) {
            g_set_error(errp, HM_ERROR, 0, "mem-path %s: cannot size it to %" PRIu64
                        " bytes: %s", path, b->size, g_strerror(errno));
            close(fd);
            return -1;
        }
    }
    return fd;
}

static unsigned huge_shift(uint64_t size)
{
    return (unsigned)__builtin_ctzll(size);
}

static int open_memfd(const HostMemBackend *b, GError **errp)
{
    unsigned flags = MFD_CLOEXEC | (b->opts.seal ? MFD_ALLOW_SEALING : 0);
    if (b->opts.hugetlb) {
        flags |= MFD_HUGETLB;
        if (b->opts.hugetlbsize) {
            flags |= huge_shift(b->opts.hugetlbsize) << MFD_HUGE_SHIFT;
        }
    }
    g_autofree char *name = g_strdup_printf("hotmem-%s", b->id);
    int fd = memfd_create(name, flags);
    if (fd < 0) {
        g_set_error(errp, HM_ERROR, 0, "memfd for '%s': %s", b->id, g_strerror(errno));
        return -1;
    }
    if (ftruncate(fd, (off_t)b->size) < 0) {
        g_set_error(errp, HM_ERROR, 0, "memfd for '%s': cannot size it to %" PRIu64
                    " bytes: %s", b->id, b->size, g_strerror(errno));
        close(fd);
        return -1;
    }
    if (b->opts.seal &&
        fcntl(fd, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL) < 0) {
        g_set_error(errp, HM_ERROR, 0, "memfd for '%s': cannot seal it: %s", b->id,
                    g_strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

static bool check_options(const char *type, const char *id, uint64_t size,
                          HostMemOptions *o, uint64_t *page_size, GError **errp)
{
    *page_size = (uint64_t)getpagesize();
    if (o->policy != HOSTMEM_POLICY_DEFAULT && !o->host_nodes) {
        g_set_error(errp, HM_ERROR, 0, "%s '%s': a policy other than 'default' needs "
                    "host-nodes", type, id);
        return false;
    }
    if (o->kind == HOSTMEM_KIND_FILE) {
        if (!o->mem_path || !*o->mem_path) {
            g_set_error(errp, HM_ERROR, 0, "%s '%s': mem-path is missing", type, id);
            return false;
        }
        if (!fs_page_size(o->mem_path, page_size, errp)) {
            g_prefix_error(errp, "%s '%s': ", type, id);
            return false;
        }
        if (o->align && (!is_power_of_2(o->align) || o->align < *page_size)) {
            g_set_error(errp, HM_ERROR, 0, "%s '%s': align %" PRIu64 " is not a power of 2 "
                        "of at least the page size %" PRIu64, type, id, o->align, *page_size);
            return false;
        }
    }
    if (o->kind == HOSTMEM_KIND_MEMFD) {
        if (!o->hugetlb && o->hugetlbsize) {
            g_set_error(errp, HM_ERROR, 0, "%s '%s': hugetlbsize needs hugetlb=on", type, id);
            return false;
        }
        if (o->hugetlb) {
            uint64_t hs = o->hugetlbsize ? o->hugetlbsize : 2ULL << 20;
            g_autofree char *sys = g_strdup_printf("/sys/kernel/mm/hugepages/hugepages-%"
                                                   PRIu64 "kB", hs >> 10);
            if (!is_power_of_2(hs) || !g_file_test(sys, G_FILE_TEST_IS_DIR)) {
                g_set_error(errp, HM_ERROR, 0, "%s '%s': the host has no %" PRIu64
                            "-byte huge pages", type, id, hs);
                return false;
            }
            *page_size = hs;
        }
    }
    if (size % *page_size) {
        g_set_error(errp, HM_ERROR, 0, "%s '%s': size %" PRIu64 " is not a multiple of the "
                    "page size %" PRIu64, type, id, size, *page_size);
        return false;
    }
    return true;
}

HostMemBackend *hostmem_add(const char *id, uint64_t size, const HostMemOptions *opts,
                            GError **errp)
{
    assert_device_lock();
    HostMemOptions o;
    if (opts) {
        o = *opts;
    } else {
        hostmem_options_default(&o, HOSTMEM_KIND_RAM);
    }
    const char *type = kind_names[o.kind];
    uint64_t page_size;
    if (!mem_rule_id(id, MEM_OBJECT_ID_MAX, errp)) {
        g_prefix_error(errp, "%s: ", type);
        return NULL;
    }
    if (hostmem_find(id)) {
        g_set_error(errp, HM_ERROR, 0, HOSTMEM_DUPLICATE_ID_FMT, id);
        return NULL;
    }
    /* any size the memory's pages make up (QEMU's rule): the 128 MiB rule
     * is a DIMM's, checked when a pc-dimm plugs it; a NUMA node's base RAM
     * need not follow it */
    if (size == 0 || size > MEM_DIMM_SIZE_MAX) {
        g_autofree char *s = hm_size_str(size);
        g_set_error(errp, HM_ERROR, 0, "%s '%s': size %s is not between 1 byte and 1T",
                    type, id, s);
        return NULL;
    }
    if (!check_options(type, id, size, &o, &page_size, errp)) {
        return NULL;
    }
    if (backends && backends->len >= HOSTMEM_MAX_BACKENDS) {
        g_set_error(errp, HM_ERROR, 0, "%s '%s': too many memory backends (at most %d)",
                    type, id, HOSTMEM_MAX_BACKENDS);
        return NULL;
    }
    HostMemBackend *b = g_new0(HostMemBackend, 1);
    b->id = g_strdup(id);
    b->size = size;
    b->kind = o.kind;
    b->opts = o;
    b->opts.mem_path = g_strdup(o.mem_path);
    b->page_size = page_size;
    b->registered = true;
    b->fd = -1;
    /* the file must be usable now (a bad mem-path fails object-add, and
     * the command line before any VM): open it once and let it go */
    if (o.kind == HOSTMEM_KIND_FILE) {
        int fd = open_backing_file(b, errp);
        if (fd < 0) {
            g_prefix_error(errp, "%s '%s': ", type, id);
            backend_free(b);
            return NULL;
        }
        close(fd);
    }
    if (!backends) {
        backends = g_ptr_array_new();
    }
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
    /* a DIMM's or a NUMA node's memory: QEMU's words, which libvirt sees */
    if (b->owner) {
        g_set_error(errp, HM_ERROR, 0, "object '%s' is in use, can not be deleted", id);
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
    hostmem_options_default(&b->opts, HOSTMEM_KIND_RAM);
    b->page_size = (uint64_t)getpagesize();
    b->fd = -1;
    return b;
}

void hostmem_free_private(HostMemBackend *b)
{
    if (b) {
        g_assert(!b->registered);
        backend_free(b);
    }
}

/* ---- the mapping ---- */

/* fd (or anonymous memory with fd -1) mapped at an align-aligned address. */
static uint8_t *map_aligned(int fd, uint64_t size, uint64_t align, bool shared, bool readonly)
{
    uint8_t *r = mmap(NULL, size + align, PROT_NONE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (r == MAP_FAILED) {
        return NULL;
    }
    uint8_t *a = (uint8_t *)(((uintptr_t)r + align - 1) & ~(uintptr_t)(align - 1));
    int flags = MAP_FIXED | MAP_NORESERVE | (shared ? MAP_SHARED : MAP_PRIVATE) |
                (fd < 0 ? MAP_ANONYMOUS : 0);
    int prot = PROT_READ | (readonly ? 0 : PROT_WRITE);
    if (mmap(a, size, prot, flags, fd, 0) == MAP_FAILED) {
        int e = errno;
        munmap(r, size + align);
        errno = e;
        return NULL;
    }
    if (a > r) {
        munmap(r, a - r);
    }
    if (r + size + align > a + size) {
        munmap(a + size, (r + size + align) - (a + size));
    }
    return a;
}

static uint8_t *map_fixed(uint8_t *at, int fd, uint64_t size, bool shared, bool readonly)
{
    int flags = MAP_FIXED | MAP_NORESERVE | (shared ? MAP_SHARED : MAP_PRIVATE) |
                (fd < 0 ? MAP_ANONYMOUS : 0);
    int prot = PROT_READ | (readonly ? 0 : PROT_WRITE);
    uint8_t *p = mmap(at, size, prot, flags, fd, 0);
    if (p == MAP_FAILED) {
        return NULL;
    }
    if (fd < 0 && !shared) {
        madvise(p, size, MADV_HUGEPAGE);      /* as guest_ram_alloc's */
    }
    return p;
}

static bool apply_advice(HostMemBackend *b, GError **errp)
{
    const HostMemOptions *o = &b->opts;
    if (!o->dump) {
        madvise(b->host, b->size, MADV_DONTDUMP);
    }
    if (o->merge) {
        madvise(b->host, b->size, MADV_MERGEABLE);    /* advice: KSM may be off */
    }
    if (o->policy != HOSTMEM_POLICY_DEFAULT) {
        static const int modes[] = {
            [HOSTMEM_POLICY_PREFERRED] = MPOL_PREFERRED, [HOSTMEM_POLICY_BIND] = MPOL_BIND,
            [HOSTMEM_POLICY_INTERLEAVE] = MPOL_INTERLEAVE,
        };
        unsigned long mask = (unsigned long)o->host_nodes;
        if (syscall(SYS_mbind, b->host, b->size, modes[o->policy], &mask,
                    HOSTMEM_MAX_HOST_NODES + 1, 0) < 0) {
            g_set_error(errp, HM_ERROR, 0, "memdev '%s': mbind to host nodes 0x%" PRIx64
                        ": %s", b->id, o->host_nodes, g_strerror(errno));
            return false;
        }
    }
    if (o->prealloc && !o->readonly && madvise(b->host, b->size, MADV_POPULATE_WRITE) < 0) {
        if (errno != EINVAL) {
            g_set_error(errp, HM_ERROR, 0, "memdev '%s': cannot preallocate %" PRIu64
                        " bytes: %s", b->id, b->size, g_strerror(errno));
            return false;
        }
        /* an older kernel: touch every page */
        for (uint64_t off = 0; off < b->size; off += b->page_size) {
            volatile uint8_t *p = b->host + off;
            *p = *p;
        }
    }
    return true;
}

static bool claim(HostMemBackend *b, const char *owner, uint8_t *at, GError **errp);

bool hostmem_claim(HostMemBackend *b, const char *owner, GError **errp)
{
    return claim(b, owner, NULL, errp);
}

bool hostmem_claim_at(HostMemBackend *b, const char *owner, void *at, GError **errp)
{
    if ((uintptr_t)at % b->page_size) {
        g_set_error(errp, HM_ERROR, 0, "memdev '%s': its memory would start at an address "
                    "that is not a multiple of its page size %" PRIu64, b->id, b->page_size);
        return false;
    }
    return claim(b, owner, at, errp);
}

/* at: where the mapping goes (MAP_FIXED over a reservation of the
 * caller's), NULL for anywhere */
static bool claim(HostMemBackend *b, const char *owner, uint8_t *at, GError **errp)
{
    assert_device_lock();
    if (b->owner) {
        g_set_error(errp, HM_ERROR, 0, "memdev '%s' is already in use by %s '%s'", b->id,
                    b->numa_node ? "NUMA node" : "DIMM", b->owner);
        return false;
    }
    const HostMemOptions *o = &b->opts;
    uint64_t align = MAX(o->align, MAX(b->page_size, HOSTMEM_ALIGN));
    if (b->kind == HOSTMEM_KIND_RAM && !o->share && !at) {
        b->host = guest_ram_alloc(b->size);
    } else {
        if (b->kind == HOSTMEM_KIND_FILE) {
            b->fd = open_backing_file(b, errp);
        } else if (b->kind == HOSTMEM_KIND_MEMFD) {
            b->fd = open_memfd(b, errp);
        }
        if (b->kind != HOSTMEM_KIND_RAM && b->fd < 0) {
            return false;
        }
        b->host = at ? map_fixed(at, b->fd, b->size, o->share, o->readonly)
                     : map_aligned(b->fd, b->size, align, o->share, o->readonly);
    }
    if (!b->host) {
        g_set_error(errp, HM_ERROR, 0, "memdev '%s': cannot map %" PRIu64 " bytes: %s",
                    b->id, b->size, g_strerror(errno));
        backend_unmap(b, false);
        return false;
    }
    if (!apply_advice(b, errp)) {
        backend_unmap(b, true);
        return false;
    }
    b->owner = g_strdup(owner);
    return true;
}

/* give_back: the contents are of no further use, so the host's pages of a
 * memfd or a file we made (or one with discard-data) are freed too. */
static void backend_unmap(HostMemBackend *b, bool give_back)
{
    if (b->host) {
        bool punch = b->fd >= 0 && give_back &&
                     (b->kind == HOSTMEM_KIND_MEMFD || b->opts.discard_data ||
                      g_file_test(b->opts.mem_path, G_FILE_TEST_IS_DIR));
        if (punch && fallocate(b->fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0,
                               (off_t)b->size) < 0) {
            g_debug("memdev '%s': no hole punched: %s", b->id, g_strerror(errno));
        }
        munmap(b->host, b->size);         /* guest_ram_free is munmap too */
        b->host = NULL;
    }
    if (b->fd >= 0) {
        close(b->fd);
        b->fd = -1;
    }
}

void hostmem_release(HostMemBackend *b)
{
    assert_device_lock();
    backend_unmap(b, true);
    g_clear_pointer(&b->owner, g_free);
}
