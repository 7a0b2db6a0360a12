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

static GArray *listeners;         /* RamListener */

static bool tracking;

static uint64_t *dirty_bitmap_new(const RamBlock *b)
{
    return g_new0(uint64_t, (b->size / GUEST_PAGE_SIZE + 63) / 64);
}

void ram_dirty_tracking(bool on)
{
    tracking = on;
    for (guint i = 0; blocks && i < blocks->len; i++) {
        RamBlock *b = g_ptr_array_index(blocks, i);
        g_clear_pointer(&b->vmm_dirty, g_free);
        if (on && !b->readonly) {
            b->vmm_dirty = dirty_bitmap_new(b);
        }
    }
}

void ram_block_take_vmm_dirty(RamBlock *block, uint64_t *bitmap)
{
    if (!block->vmm_dirty) {
        return;
    }
    size_t words = (block->size / GUEST_PAGE_SIZE + 63) / 64;
    for (size_t i = 0; i < words; i++) {
        bitmap[i] |= block->vmm_dirty[i];
        block->vmm_dirty[i] = 0;
    }
}

static void mark_vmm_dirty(RamBlock *b, uint64_t offset, uint64_t len)
{
    if (!b->vmm_dirty || !len) {
        return;
    }
    for (uint64_t p = offset / GUEST_PAGE_SIZE; p <= (offset + len - 1) / GUEST_PAGE_SIZE; p++) {
        b->vmm_dirty[p / 64] |= 1ULL << (p % 64);
    }
}


static void listeners_remove(RamBlock *b, unsigned count)
{
    for (unsigned i = count; i-- > 0;) {
        RamListener *l = &g_array_index(listeners, RamListener, i);
        GError *err = NULL;
        if (!l->remove(l->opaque, b, &err)) {
            g_warning("%s", err->message);
            g_error_free(err);
        }
    }
}

bool ram_listener_attach(const RamListener *l, GError **errp)
{
    if (!listeners) {
        listeners = g_array_new(FALSE, FALSE, sizeof(RamListener));
    }
    for (guint i = 0; blocks && i < blocks->len; i++) {
        RamBlock *b = g_ptr_array_index(blocks, i);
        if (!l->add(l->opaque, b, errp)) {
            while (i-- > 0) {
                l->remove(l->opaque, g_ptr_array_index(blocks, i), NULL);
            }
            return false;
        }
    }
    g_array_append_val(listeners, *l);
    return true;
}

void ram_listener_detach(void *opaque)
{
    for (guint i = 0; listeners && i < listeners->len; i++) {
        if (g_array_index(listeners, RamListener, i).opaque == opaque) {
            g_array_remove_index(listeners, i);
            return;
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
    b->name = g_strdup(name);
    b->gpa = gpa;
    b->size = size;
    b->host = host;
    b->readonly = readonly;
    if (tracking && !readonly) {
        b->vmm_dirty = dirty_bitmap_new(b);
    }
    for (guint i = 0; listeners && i < listeners->len; i++) {
        RamListener *l = &g_array_index(listeners, RamListener, i);
        if (!l->add(l->opaque, b, errp)) {
            listeners_remove(b, i);
            g_free(b->vmm_dirty);
            g_free(b->name);
            g_free(b);
            return NULL;
        }
    }
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

static void block_free(RamBlock *block)
{
    g_ptr_array_remove(blocks, block);
    g_free(block->vmm_dirty);
    g_free(block->name);
    g_free(block);
}

bool ram_block_remove(RamBlock *block, GError **errp)
{
    if (!blocks || !g_ptr_array_find(blocks, block, NULL)) {
        return true;
    }
    /* the listeners that let go stay let go; one that cannot keeps the
     * guest's view, so the block (and its memory) must stay */
    for (guint i = listeners ? listeners->len : 0; i-- > 0;) {
        RamListener *l = &g_array_index(listeners, RamListener, i);
        if (!l->remove(l->opaque, block, errp)) {
            return false;
        }
    }
    block_free(block);
    return true;
}

void ram_block_remove_all(void)
{
    while (blocks && blocks->len) {
        RamBlock *b = g_ptr_array_index(blocks, 0);
        listeners_remove(b, listeners ? listeners->len : 0);
        block_free(b);
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
            if (for_write) {
                mark_vmm_dirty(b, gpa - b->gpa, len);
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
