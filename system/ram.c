/*
 * ram.c - the registry of guest RAM blocks and bounds-checked access.
 */
#include "hotmem/guest-mem.h"
#include "hotmem/util.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#ifndef PR_SET_VMA
#define PR_SET_VMA            0x53564d41
#define PR_SET_VMA_ANON_NAME  0
#endif

static GPtrArray *blocks;

#define GUEST_RAM_ALIGN (2ULL << 20)

void *guest_ram_alloc(uint64_t size)
{
    if (size == 0 || size > UINT64_MAX - GUEST_RAM_ALIGN) {
        errno = EINVAL;
        return NULL;
    }
    /* over-allocate, then trim head and tail to the aligned window */
    uint64_t span = size + GUEST_RAM_ALIGN;
    uint8_t *p = mmap(NULL, span, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        return NULL;
    }
    uint8_t *a = (uint8_t *)(((uintptr_t)p + GUEST_RAM_ALIGN - 1) & ~(uintptr_t)(GUEST_RAM_ALIGN - 1));
    if (a > p) {
        munmap(p, a - p);
    }
    if (p + span > a + size) {
        munmap(a + size, (p + span) - (a + size));
    }
    /* advice only: a host without THP still works */
    madvise(a, size, MADV_HUGEPAGE);
    return a;
}

void guest_ram_free(void *host, uint64_t size)
{
    if (host) {
        munmap(host, size);
    }
}

static gint block_cmp(gconstpointer a, gconstpointer b)
{
    const RamBlock *x = *(RamBlock *const *)a;
    const RamBlock *y = *(RamBlock *const *)b;
    return x->gpa < y->gpa ? -1 : x->gpa > y->gpa;
}

/* KVM memslot numbers are reused, so a long run of hot add/remove cycles
 * never exhausts them. */
static unsigned lowest_free_slot(void)
{
    for (unsigned slot = 0;; slot++) {
        bool used = false;
        for (guint i = 0; i < blocks->len && !used; i++) {
            used = ((RamBlock *)g_ptr_array_index(blocks, i))->slot == slot;
        }
        if (!used) {
            return slot;
        }
    }
}

RamBlock *ram_block_add(const char *name, uint64_t gpa, uint64_t size,
                        void *host, bool readonly, GError **errp)
{
    if (!blocks) {
        blocks = g_ptr_array_new();
    }
    if (size == 0 || gpa + size < gpa) {
        g_set_error(errp, HM_ERROR, 0, "RAM block %s: invalid range", name);
        return NULL;
    }
    for (guint i = 0; i < blocks->len; i++) {
        RamBlock *b = g_ptr_array_index(blocks, i);
        if (gpa < b->gpa + b->size && b->gpa < gpa + size) {
            g_set_error(errp, HM_ERROR, 0,
                        "RAM block %s [0x%" PRIx64 ", 0x%" PRIx64 ") overlaps %s",
                        name, gpa, gpa + size, b->name);
            return NULL;
        }
    }
    RamBlock *b = g_new0(RamBlock, 1);
    b->slot = lowest_free_slot();
    b->name = g_strdup(name);
    b->gpa = gpa;
    b->size = size;
    b->host = host;
    b->readonly = readonly;
    g_ptr_array_add(blocks, b);
    g_ptr_array_sort(blocks, block_cmp);

    /* Name the whole pages of the block in /proc/PID/smaps, so tools tell
     * guest memory from the VMM's own (bench/footprint.py). Kernels without
     * CONFIG_ANON_VMA_NAME (or before 5.17) refuse: nothing changes. */
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t lo = ((uintptr_t)host + page - 1) & ~(page - 1);
    uintptr_t hi = ((uintptr_t)host + size) & ~(page - 1);
    if (hi > lo) {
        g_autofree char *vma = g_strdup_printf("hotmem-guest-%s:%s", readonly ? "rom" : "ram",
                                               name);
        prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, lo, hi - lo, vma);
    }
    return b;
}

void ram_block_remove(RamBlock *block)
{
    if (blocks && g_ptr_array_remove(blocks, block)) {
        g_free(block->name);
        g_free(block);
    }
}

void ram_block_remove_all(void)
{
    while (blocks && blocks->len) {
        ram_block_remove(g_ptr_array_index(blocks, 0));
    }
}

void ram_block_foreach(void (*fn)(RamBlock *block, void *opaque), void *opaque)
{
    for (guint i = 0; blocks && i < blocks->len; i++) {
        fn(g_ptr_array_index(blocks, i), opaque);
    }
}

void *guest_mem_range(uint64_t gpa, uint64_t len, bool for_write)
{
    if (!blocks || gpa + len < gpa) {
        return NULL;
    }
    for (guint i = 0; i < blocks->len; i++) {
        RamBlock *b = g_ptr_array_index(blocks, i);
        if (gpa >= b->gpa && gpa - b->gpa <= b->size && len <= b->size - (gpa - b->gpa)) {
            if (for_write && b->readonly) {
                return NULL;
            }
            return b->host + (gpa - b->gpa);
        }
    }
    return NULL;
}

bool guest_mem_read(uint64_t gpa, void *buf, uint64_t len)
{
    void *p = guest_mem_range(gpa, len, false);
    if (!p) {
        return false;
    }
    memcpy(buf, p, len);
    return true;
}

bool guest_mem_write(uint64_t gpa, const void *buf, uint64_t len)
{
    void *p = guest_mem_range(gpa, len, true);
    if (!p) {
        return false;
    }
    memcpy(p, buf, len);
    return true;
}
