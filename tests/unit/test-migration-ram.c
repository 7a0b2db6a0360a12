/*
 * test-migration-ram.c - RAM sections with RAM blocks in memory (no KVM):
 * a full pass restores every page, zero pages travel as markers, a dirty
 * pass sends exactly what the VMM wrote, sections stay under the chunk
 * size, and the loader refuses bad sections without writing anything.
 */
#include "migration/ram.h"
#include "migration/stream.h"

#include <string.h>

#define PAGES 64
#define SIZE (PAGES * GUEST_PAGE_SIZE)

typedef struct {
    uint8_t *src, *dst, *rom;
    RamBlock *block, *rom_block;
} Fixture;

static void fill(uint8_t *mem)
{
    memset(mem, 0, SIZE);
    for (unsigned p = 0; p < PAGES; p++) {
        if (p % 4 == 0) {
            continue;                     /* every fourth page stays zero */
        }
        for (unsigned i = 0; i < GUEST_PAGE_SIZE; i += 64) {
            mem[p * GUEST_PAGE_SIZE + i] = (uint8_t)(p * 7 + i / 64 + 1);
        }
    }
}

static void setup(Fixture *f, gconstpointer data)
{
    GError *err = NULL;
    f->src = g_malloc(SIZE);
    f->dst = g_malloc(SIZE);
    f->rom = g_malloc0(GUEST_PAGE_SIZE);
    fill(f->src);
    f->block = ram_block_add("ram-test", 0, SIZE, f->src, false, &err);
    g_assert_no_error(err);
    f->rom_block = ram_block_add("rom-test", 0x100000, GUEST_PAGE_SIZE, f->rom, true, &err);
    g_assert_no_error(err);
}

static void teardown(Fixture *f, gconstpointer data)
{
    ram_dirty_tracking(false);
    ram_block_remove_all();
    g_free(f->src);
    g_free(f->dst);
    g_free(f->rom);
}

/* The "destination": the same block name on other memory. */
static void switch_to_destination(Fixture *f, uint8_t garbage)
{
    GError *err = NULL;
    memset(f->dst, garbage, SIZE);
    g_assert_true(ram_block_remove(f->block, &err));
    f->block = ram_block_add("ram-test", 0, SIZE, f->dst, false, &err);
    g_assert_no_error(err);
}

static void switch_to_source(Fixture *f)
{
    GError *err = NULL;
    g_assert_true(ram_block_remove(f->block, &err));
    f->block = ram_block_add("ram-test", 0, SIZE, f->src, false, &err);
    g_assert_no_error(err);
}

/* Loads every section of buf; returns how many. */
static unsigned load_all(const GByteArray *buf, MigRamStats *st, size_t *max_payload)
{
    MigBufReader r = { .p = buf->data, .left = buf->len };
    unsigned n = 0;
    while (r.left) {
        MigSection s = { 0 };
        GError *err = NULL;
        g_assert_true(mig_stream_get_section(mig_buf_read, &r, &s, &err));
        g_assert_no_error(err);
        g_assert_cmpuint(s.kind, ==, MIG_SECTION_RAM);
        g_assert_cmpstr(s.name, ==, "ram-test");
        if (max_payload) {
            *max_payload = MAX(*max_payload, s.payload->len);
        }
        g_assert_true(mig_ram_load(&s, st, &err));
        g_assert_no_error(err);
        mig_section_clear(&s);
        n++;
    }
    return n;
}

static void test_full_pass(Fixture *f, gconstpointer data)
{
    MigRamState *s = mig_ram_new();
    g_assert_cmpuint(mig_ram_pending(s), ==, PAGES);      /* the read-only block is not sent */
    g_autoptr(GByteArray) out = g_byte_array_new();
    mig_ram_save(s, out, SIZE * 4);
    g_assert_cmpuint(mig_ram_pending(s), ==, 0);
    const MigRamStats *st = mig_ram_stats(s);
    g_assert_cmpuint(st->duplicate, ==, PAGES / 4);
    g_assert_cmpuint(st->normal, ==, PAGES - PAGES / 4);
    g_assert_cmpuint(st->normal_bytes, ==, (PAGES - PAGES / 4) * GUEST_PAGE_SIZE);
    g_assert_cmpuint(st->total, ==, SIZE);
    g_assert_cmpuint(st->transferred, ==, out->len);
    /* zero pages cost a marker, not a page */
    g_assert_cmpuint(out->len, <, (PAGES - PAGES / 4) * (GUEST_PAGE_SIZE + 8) + 200);
    mig_ram_free(s);

    switch_to_destination(f, 0xee);
    MigRamStats in = { 0 };
    load_all(out, &in, NULL);
    g_assert_cmpmem(f->dst, SIZE, f->src, SIZE);
    g_assert_cmpuint(in.duplicate, ==, PAGES / 4);
    g_assert_cmpuint(in.normal, ==, PAGES - PAGES / 4);
}

static void test_dirty_pass(Fixture *f, gconstpointer data)
{
    GError *err = NULL;
    ram_dirty_tracking(true);
    MigRamState *s = mig_ram_new();
    g_autoptr(GByteArray) first = g_byte_array_new();
    mig_ram_save(s, first, SIZE * 4);
    g_assert_true(mig_ram_sync(s, NULL, &err));
    g_assert_cmpuint(mig_ram_pending(s), ==, 0);           /* nothing written yet */

    /* the VMM writes two pages (as fw_cfg DMA would) */
    static const uint8_t w[] = "written by the VMM";
    g_assert_true(guest_mem_write(5 * GUEST_PAGE_SIZE + 100, w, sizeof(w)));
    g_assert_true(guest_mem_write(8 * GUEST_PAGE_SIZE - 4, w, 8));   /* pages 7 and 8 */
    g_assert_true(mig_ram_sync(s, NULL, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(mig_ram_pending(s), ==, 3);
    g_assert_cmpuint(mig_ram_stats(s)->dirty_sync_count, ==, 2);
    g_autoptr(GByteArray) second = g_byte_array_new();
    mig_ram_save(s, second, SIZE);
    g_assert_cmpuint(mig_ram_pending(s), ==, 0);
    mig_ram_free(s);
    ram_dirty_tracking(false);

    switch_to_destination(f, 0x11);
    load_all(first, NULL, NULL);
    g_assert_cmpint(memcmp(f->dst, f->src, SIZE), !=, 0);  /* the first pass is stale */
    MigRamStats in = { 0 };
    load_all(second, &in, NULL);
    g_assert_cmpuint(in.normal + in.duplicate, ==, 3);
    g_assert_cmpmem(f->dst, SIZE, f->src, SIZE);
}

static void test_chunks(Fixture *f, gconstpointer data)
{
    /* a 4 MiB block of non-zero pages goes in sections of at most 1 MiB */
    GError *err = NULL;
    const size_t big = 4u << 20;
    uint8_t *mem = g_malloc(big);
    memset(mem, 0x5a, big);
    RamBlock *b = ram_block_add("ram-big", 0x200000, big, mem, false, &err);
    g_assert_no_error(err);
    MigRamState *s = mig_ram_new();
    g_autoptr(GByteArray) out = g_byte_array_new();
    /* a small budget stops after about one section */
    size_t n = mig_ram_save(s, out, 1);
    g_assert_cmpuint(n, >, 0);
    g_assert_cmpuint(n, <=, MIG_RAM_CHUNK + 200);
    g_assert_cmpuint(mig_ram_pending(s), >, 0);
    while (mig_ram_pending(s)) {
        mig_ram_save(s, out, MIG_RAM_CHUNK);
    }
    MigBufReader r = { .p = out->data, .left = out->len };
    unsigned sections = 0;
    size_t big_pages = 0;
    while (r.left) {
        MigSection sec = { 0 };
        g_assert_true(mig_stream_get_section(mig_buf_read, &r, &sec, &err));
        g_assert_cmpuint(sec.payload->len, <=, MIG_RAM_CHUNK);
        if (strcmp(sec.name, "ram-big") == 0) {
            big_pages += sec.payload->len / (GUEST_PAGE_SIZE + 8);
            sections++;
        }
        mig_section_clear(&sec);
    }
    g_assert_cmpuint(big_pages, ==, big / GUEST_PAGE_SIZE);
    g_assert_cmpuint(sections, >=, 4);
    mig_ram_free(s);
    g_assert_true(ram_block_remove(b, &err));
    g_free(mem);
}

static void put_u64(GByteArray *a, uint64_t v)
{
    for (int i = 0; i < 8; i++) {
        uint8_t b = v >> (8 * i);
        g_byte_array_append(a, &b, 1);
    }
}

static void expect_refused(Fixture *f, const char *name, const GByteArray *payload,
                           uint32_t version, const char *msg)
{
    MigSection s = { .kind = MIG_SECTION_RAM, .version = version };
    g_strlcpy(s.name, name, sizeof(s.name));
    s.payload = (GByteArray *)payload;
    GError *err = NULL;
    g_assert_false(mig_ram_load(&s, NULL, &err));
    g_assert_nonnull(err);
    if (!strstr(err->message, msg)) {
        g_test_message("got: %s", err->message);
    }
    g_assert_nonnull(strstr(err->message, msg));
    g_error_free(err);
}

static void test_bad_sections(Fixture *f, gconstpointer data)
{
    g_autofree uint8_t *before = g_memdup2(f->src, SIZE);
    /* a good record first: it must not be applied when a later one is bad */
    g_autoptr(GByteArray) good = g_byte_array_new();
    put_u64(good, 0 | MIG_RAM_ZERO);
    put_u64(good, GUEST_PAGE_SIZE | MIG_RAM_PAGE);
    uint8_t page[GUEST_PAGE_SIZE];
    memset(page, 0x77, sizeof(page));
    g_byte_array_append(good, page, sizeof(page));

    expect_refused(f, "no-such-block", good, MIG_RAM_VERSION,
                   "unknown RAM block 'no-such-block'");
    expect_refused(f, "rom-test", good, MIG_RAM_VERSION, "unknown RAM block 'rom-test'");
    expect_refused(f, "ram-test", good, 99, "version 99");

    g_autoptr(GByteArray) outside = g_byte_array_new();
    g_byte_array_append(outside, good->data, good->len);
    put_u64(outside, SIZE | MIG_RAM_ZERO);
    expect_refused(f, "ram-test", outside, MIG_RAM_VERSION, "outside the block");

    g_autoptr(GByteArray) huge = g_byte_array_new();
    g_byte_array_append(huge, good->data, good->len);
    put_u64(huge, 0xfffffffffffff000ULL | MIG_RAM_ZERO);
    expect_refused(f, "ram-test", huge, MIG_RAM_VERSION, "outside the block");

    g_autoptr(GByteArray) flags = g_byte_array_new();
    g_byte_array_append(flags, good->data, good->len);
    put_u64(flags, 2 * GUEST_PAGE_SIZE | 0x4);
    expect_refused(f, "ram-test", flags, MIG_RAM_VERSION, "unknown flags 0x4");
    g_autoptr(GByteArray) both = g_byte_array_new();
    put_u64(both, 2 * GUEST_PAGE_SIZE | MIG_RAM_ZERO | MIG_RAM_PAGE);
    expect_refused(f, "ram-test", both, MIG_RAM_VERSION, "unknown flags 0x3");

    g_autoptr(GByteArray) cut = g_byte_array_new();
    g_byte_array_append(cut, good->data, good->len);
    put_u64(cut, 3 * GUEST_PAGE_SIZE | MIG_RAM_PAGE);
    g_byte_array_append(cut, page, 100);
    expect_refused(f, "ram-test", cut, MIG_RAM_VERSION, "cut short");

    g_autoptr(GByteArray) header = g_byte_array_new();
    g_byte_array_append(header, good->data, good->len);
    g_byte_array_append(header, page, 5);
    expect_refused(f, "ram-test", header, MIG_RAM_VERSION, "cut short");

    g_assert_cmpmem(f->src, SIZE, before, SIZE);           /* nothing was written */

    /* and the good one alone does apply */
    MigSection s = { .kind = MIG_SECTION_RAM, .version = MIG_RAM_VERSION, .payload = good };
    g_strlcpy(s.name, "ram-test", sizeof(s.name));
    GError *err = NULL;
    g_assert_true(mig_ram_load(&s, NULL, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(f->src[GUEST_PAGE_SIZE + 10], ==, 0x77);
    g_assert_cmpuint(f->src[0], ==, 0);
}

/* Random bytes and random mutations of a good section never crash the
 * loader and never write outside the block (ASan builds check the rest). */
static void test_fuzz(Fixture *f, gconstpointer data)
{
    MigRamState *s = mig_ram_new();
    g_autoptr(GByteArray) out = g_byte_array_new();
    mig_ram_save(s, out, SIZE * 4);
    mig_ram_free(s);
    MigBufReader r = { .p = out->data, .left = out->len };
    MigSection good = { 0 };
    GError *err = NULL;
    g_assert_true(mig_stream_get_section(mig_buf_read, &r, &good, &err));
    switch_to_destination(f, 0);
    GRand *rand = g_rand_new_with_seed(1234);
    unsigned refused = 0;
    for (int i = 0; i < 2000; i++) {
        g_autoptr(GByteArray) p = g_byte_array_new();
        g_byte_array_append(p, good.payload->data, good.payload->len);
        int flips = g_rand_int_range(rand, 1, 8);
        for (int k = 0; k < flips; k++) {
            p->data[g_rand_int_range(rand, 0, p->len)] ^= 1u << g_rand_int_range(rand, 0, 8);
        }
        if (g_rand_boolean(rand)) {
            g_byte_array_set_size(p, g_rand_int_range(rand, 0, p->len));
        }
        MigSection m = { .kind = MIG_SECTION_RAM, .version = MIG_RAM_VERSION, .payload = p };
        g_strlcpy(m.name, "ram-test", sizeof(m.name));
        if (!mig_ram_load(&m, NULL, &err)) {
            g_clear_error(&err);
            refused++;
        }
    }
    g_assert_cmpuint(refused, >, 0);
    g_rand_free(rand);
    mig_section_clear(&good);
    switch_to_source(f);
}

/* The stop comes once the rest fits the limit and passes stop paying off. */
static void test_converged(void)
{
    const uint64_t M = 1u << 20;
    /* a rest above the limit never stops the guest */
    MigConvergence c = { 0 };
    g_assert_false(mig_ram_converged(&c, 100 * M, 1000, 300));
    /* fits, but the passes still shrink it by more than a quarter: refine */
    g_assert_false(mig_ram_converged(&c, 20 * M, 200, 300));
    g_assert_false(mig_ram_converged(&c, 8 * M, 80, 300));
    g_assert_cmpuint(c.refined, ==, 2);
    /* shrinking by less than a quarter: the guest keeps pace, stop */
    g_assert_true(mig_ram_converged(&c, 7 * M, 70, 300));

    /* a rest under the floor stops at once, and so does nothing left */
    c = (MigConvergence){ 0 };
    g_assert_true(mig_ram_converged(&c, M, MIG_REFINE_FLOOR_MS, 300));
    c = (MigConvergence){ 0 };
    g_assert_true(mig_ram_converged(&c, 0, 0, 300));

    /* at most MIG_REFINE_PASSES extra passes, however well they shrink */
    c = (MigConvergence){ 0 };
    uint64_t left = 1000 * M;
    unsigned passes = 0;
    while (!mig_ram_converged(&c, left, 250, 300)) {
        left /= 2;
        passes++;
        g_assert_cmpuint(passes, <=, MIG_REFINE_PASSES);
    }
    g_assert_cmpuint(passes, ==, MIG_REFINE_PASSES);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
#define ADD(path, fn) g_test_add(path, Fixture, NULL, setup, fn, teardown)
    ADD("/migration/ram/full-pass", test_full_pass);
    ADD("/migration/ram/dirty-pass", test_dirty_pass);
    ADD("/migration/ram/chunks", test_chunks);
    ADD("/migration/ram/bad-sections", test_bad_sections);
    ADD("/migration/ram/fuzz", test_fuzz);
    g_test_add_func("/migration/ram/converged", test_converged);
    return g_test_run();
}
