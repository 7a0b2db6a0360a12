/*
 * ram.c - guest RAM in the migration stream: the source's passes and the
 * destination's loader (include/migration/ram.h).
 */
#include "migration/ram.h"
#include "hotmem/io.h"
#include "hotmem/util.h"

#include <string.h>

#define PAGE GUEST_PAGE_SIZE
#define RECORD_HEADER 8u

typedef struct MigRamBlock {
    RamBlock *block;
    size_t pages;
    uint64_t *todo;              /* bit i: page i still to send */
    uint64_t pending;            /* bits set in todo */
} MigRamBlock;

struct MigRamState {
    GArray *blocks;              /* MigRamBlock */
    guint cursor_block;          /* where the next save goes on */
    size_t cursor_page;
    MigRamStats stats;
};

static size_t bitmap_words(size_t pages)
{
    return (pages + 63) / 64;
}

static void add_block(RamBlock *block, void *opaque)
{
    MigRamState *s = opaque;
    if (block->readonly) {
        return;                  /* the firmware image: the destination has its own */
    }
    MigRamBlock b = { .block = block, .pages = block->size / PAGE };
    size_t words = bitmap_words(b.pages);
    b.todo = g_new0(uint64_t, words);
    for (size_t p = 0; p < b.pages; p++) {
        b.todo[p / 64] |= 1ULL << (p % 64);
    }
    b.pending = b.pages;
    s->stats.total += b.pages * PAGE;
    g_array_append_val(s->blocks, b);
}

MigRamState *mig_ram_new(void)
{
    MigRamState *s = g_new0(MigRamState, 1);
    s->blocks = g_array_new(FALSE, TRUE, sizeof(MigRamBlock));
    ram_block_foreach(add_block, s);
    return s;
}

void mig_ram_free(MigRamState *s)
{
    if (!s) {
        return;
    }
    for (guint i = 0; i < s->blocks->len; i++) {
        g_free(g_array_index(s->blocks, MigRamBlock, i).todo);
    }
    g_array_free(s->blocks, TRUE);
    g_free(s);
}

static MigRamBlock *find_block(MigRamState *s, const RamBlock *block)
{
    for (guint i = 0; i < s->blocks->len; i++) {
        MigRamBlock *b = &g_array_index(s->blocks, MigRamBlock, i);
        if (b->block == block) {
            return b;
        }
    }
    return NULL;
}

static void merge_bits(MigRamBlock *b, const uint64_t *bitmap)
{
    size_t words = bitmap_words(b->pages);
    for (size_t i = 0; i < words; i++) {
        uint64_t add = bitmap[i] & ~b->todo[i];
        if (i == words - 1 && b->pages % 64) {
            add &= (1ULL << (b->pages % 64)) - 1;   /* bits past the block's end */
        }
        b->todo[i] |= add;
        b->pending += __builtin_popcountll(add);
    }
}

static void kvm_dirty(void *opaque, RamBlock *block, const uint64_t *bitmap, size_t pages)
{
    MigRamBlock *b = find_block(opaque, block);
    if (b && pages == b->pages) {
        merge_bits(b, bitmap);
    }
}

bool mig_ram_sync(MigRamState *s, KvmAccel *kvm, GError **errp)
{
    if (kvm && !kvm_dirty_log_sync(kvm, kvm_dirty, s, errp)) {
        return false;
    }
    for (guint i = 0; i < s->blocks->len; i++) {
        MigRamBlock *b = &g_array_index(s->blocks, MigRamBlock, i);
        g_autofree uint64_t *vmm = g_new0(uint64_t, bitmap_words(b->pages));
        ram_block_take_vmm_dirty(b->block, vmm);
        merge_bits(b, vmm);
    }
    s->stats.dirty_sync_count++;
    return true;
}

uint64_t mig_ram_pending(const MigRamState *s)
{
    uint64_t n = 0;
    for (guint i = 0; i < s->blocks->len; i++) {
        n += g_array_index(s->blocks, MigRamBlock, i).pending;
    }
    return n;
}

const MigRamStats *mig_ram_stats(const MigRamState *s)
{
    return &s->stats;
}

static bool page_is_zero(const uint8_t *p)
{
    const uint64_t *w = (const uint64_t *)p;
    for (size_t i = 0; i < PAGE / 8; i += 4) {
        if (w[i] | w[i + 1] | w[i + 2] | w[i + 3]) {
            return false;
        }
    }
    return true;
}

static void put_u64(GByteArray *a, uint64_t v)
{
    uint8_t b[8];
    for (int i = 0; i < 8; i++) {
        b[i] = v >> (8 * i);
    }
    g_byte_array_append(a, b, 8);
}

/* One section of block b from its cursor; returns the bytes emitted. */
static size_t save_block_chunk(MigRamState *s, MigRamBlock *b, GByteArray *out)
{
    GByteArray *payload = g_byte_array_sized_new(MIG_RAM_CHUNK + PAGE + RECORD_HEADER);
    size_t p = s->cursor_page;
    while (p < b->pages && payload->len + RECORD_HEADER + PAGE <= MIG_RAM_CHUNK) {
        uint64_t word = b->todo[p / 64] >> (p % 64);
        if (!word) {
            p = (p / 64 + 1) * 64;        /* nothing left in this word */
            continue;
        }
        p += __builtin_ctzll(word);
        if (p >= b->pages) {
            break;
        }
        /* clear before reading: a write racing the copy is caught by the
         * next dirty sync, never lost */
        b->todo[p / 64] &= ~(1ULL << (p % 64));
        b->pending--;
        const uint8_t *host = b->block->host + p * PAGE;
        if (page_is_zero(host)) {
            put_u64(payload, p * PAGE | MIG_RAM_ZERO);
            s->stats.duplicate++;
        } else {
            put_u64(payload, p * PAGE | MIG_RAM_PAGE);
            g_byte_array_append(payload, host, PAGE);
            s->stats.normal++;
            s->stats.normal_bytes += PAGE;
        }
        p++;
    }
    s->cursor_page = p;
    size_t before = out->len;
    if (payload->len) {
        mig_stream_put_section(out, MIG_SECTION_RAM, b->block->name, 0, MIG_RAM_VERSION,
                               payload->data, payload->len);
    }
    g_byte_array_free(payload, TRUE);
    s->stats.transferred += out->len - before;
    return out->len - before;
}

size_t mig_ram_save(MigRamState *s, GByteArray *out, size_t budget)
{
    size_t added = 0;
    guint idle = 0;                       /* blocks visited that had nothing */
    while (added < budget && s->blocks->len && idle <= s->blocks->len) {
        if (s->cursor_block >= s->blocks->len) {
            s->cursor_block = 0;
        }
        MigRamBlock *b = &g_array_index(s->blocks, MigRamBlock, s->cursor_block);
        size_t n = b->pending ? save_block_chunk(s, b, out) : 0;
        added += n;
        idle = n ? 0 : idle + 1;
        if (!b->pending || s->cursor_page >= b->pages) {
            /* this block is done for now (what is left is behind the
             * cursor): go on with the next one, from its start */
            s->cursor_block++;
            s->cursor_page = 0;
        }
    }
    return added;
}

/* ---- destination ---- */

typedef struct FindByName {
    const char *name;
    RamBlock *found;
} FindByName;

static void match_name(RamBlock *block, void *opaque)
{
    FindByName *f = opaque;
    if (!f->found && strcmp(block->name, f->name) == 0) {
        f->found = block;
    }
}

static uint64_t get_u64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) {
        v = v << 8 | p[i];
    }
    return v;
}

/* Walks the records; with apply false only checks them. */
static bool walk_records(RamBlock *block, const uint8_t *buf, size_t len, bool apply,
                         MigRamStats *stats, GError **errp)
{
    size_t pos = 0;
    while (pos < len) {
        if (len - pos < RECORD_HEADER) {
            g_set_error(errp, HM_ERROR, 0, "RAM section %s: a page record is cut short",
                        block->name);
            return false;
        }
        uint64_t word = get_u64(buf + pos);
        pos += RECORD_HEADER;
        uint64_t offset = word & ~(uint64_t)MIG_RAM_FLAGS_MASK;
        unsigned flags = word & MIG_RAM_FLAGS_MASK;
        if (offset >= block->size || block->size - offset < PAGE) {
            g_set_error(errp, HM_ERROR, 0,
                        "RAM section %s: page offset 0x%" PRIx64 " is outside the block "
                        "(0x%" PRIx64 " bytes)", block->name, offset, block->size);
            return false;
        }
        if (flags != MIG_RAM_ZERO && flags != MIG_RAM_PAGE) {
            g_set_error(errp, HM_ERROR, 0,
                        "RAM section %s: page 0x%" PRIx64 " has unknown flags 0x%x",
                        block->name, offset, flags);
            return false;
        }
        if (flags == MIG_RAM_PAGE && len - pos < PAGE) {
            g_set_error(errp, HM_ERROR, 0, "RAM section %s: page 0x%" PRIx64 " is cut short",
                        block->name, offset);
            return false;
        }
        if (apply) {
            if (flags == MIG_RAM_ZERO) {
                /* the destination's fresh memory is mostly zero already:
                 * skip the write (and the page fault) when it is */
                if (!page_is_zero(block->host + offset)) {
                    memset(block->host + offset, 0, PAGE);
                }
            } else {
                memcpy(block->host + offset, buf + pos, PAGE);
            }
            if (stats) {
                if (flags == MIG_RAM_ZERO) {
                    stats->duplicate++;
                } else {
                    stats->normal++;
                    stats->normal_bytes += PAGE;
                }
            }
        }
        if (flags == MIG_RAM_PAGE) {
            pos += PAGE;
        }
    }
    return true;
}

bool mig_ram_load(const MigSection *sec, MigRamStats *stats, GError **errp)
{
    if (sec->version != MIG_RAM_VERSION) {
        g_set_error(errp, HM_ERROR, 0, "RAM section %s: version %u is not supported",
                    sec->name, sec->version);
        return false;
    }
    FindByName f = { .name = sec->name };
    ram_block_foreach(match_name, &f);
    if (!f.found || f.found->readonly) {
        g_set_error(errp, HM_ERROR, 0, "RAM section for unknown RAM block '%s'", sec->name);
        return false;
    }
    const uint8_t *buf = sec->payload->data;
    size_t len = sec->payload->len;
    if (!walk_records(f.found, buf, len, false, NULL, errp)) {
        return false;
    }
    if (stats) {
        stats->transferred += len;
    }
    return walk_records(f.found, buf, len, true, stats, errp);
}

bool mig_ram_converged(MigConvergence *c, uint64_t left, int64_t expected_ms,
                       int64_t limit_ms)
{
    uint64_t prev = c->prev_left;
    c->prev_left = left;
    if (expected_ms > limit_ms) {
        return false;
    }
    if (left == 0 || expected_ms <= MIG_REFINE_FLOOR_MS || c->refined >= MIG_REFINE_PASSES) {
        return true;
    }
    /* shrinking by less than a quarter: the guest keeps up with the link */
    if (prev && left > prev - prev / 4) {
        return true;
    }
    c->refined++;
    return false;
}
