/*
 * test-aml.c - host unit test of the firmware's AML builder (src/aml.c).
 *
 *   test-aml            byte-exact checks of the encodings
 *   test-aml DIR        also writes DIR/ssdt-test.aml, an SSDT with 256
 *                       memory-device-like objects, and DIR/ssdt-memhp.aml,
 *                       the firmware's own memory devices for 256 slots
 *                       (src/ssdt-memhp.c), for the iasl round trip in
 *                       scripts/aml-roundtrip.py
 *
 * Output is TAP.
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include "hw/hotmem-pc.h"
#include "aml.h"
#include "hpmem.h"
#include "ssdt-memhp.h"

static int test_no, failed;

static void ok(int cond, const char *what)
{
    test_no++;
    if (!cond)
        failed++;
    printf("%s %d - %s\n", cond ? "ok" : "not ok", test_no, what);
}

static void hexdump(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        printf("%s%02x", i ? " " : "#   ", p[i]);
    printf("\n");
}

static void expect_bytes(const struct aml_buf *b, const uint8_t *want,
                         size_t n, const char *what)
{
    int same = !b->error && b->len == n && !memcmp(b->data, want, n);

    ok(same, what);
    if (!same) {
        printf("# got (error %d):\n", b->error);
        hexdump(b->data, b->len);
        printf("# want:\n");
        hexdump(want, n);
    }
}

#define EXPECT(b, what, ...) do { \
        static const uint8_t want_[] = { __VA_ARGS__ }; \
        expect_bytes((b), want_, sizeof(want_), (what)); \
    } while (0)

static uint8_t mem[1 << 20];
static uint8_t big[2 << 20];    /* bodies that need a 4-byte PkgLength */

static void test_pkg_length(void)
{
    static const struct {
        size_t len;
        size_t n;
        uint8_t enc[4];
    } cases[] = {
        { 0, 1, { 0x01 } },
        { 62, 1, { 0x3f } },                    /* largest 1-byte form */
        { 63, 2, { 0x41, 0x04 } },              /* 65 = 0x041 */
        { 4093, 2, { 0x4f, 0xff } },            /* 4095: largest 2-byte */
        { 4094, 3, { 0x81, 0x00, 0x01 } },      /* 4097 = 0x01001 */
        { 0xffffc, 3, { 0x8f, 0xff, 0xff } },   /* 0xfffff: largest 3-byte */
        { 0xffffd, 4, { 0xc1, 0x00, 0x00, 0x01 } },  /* 0x100001 */
        { 0x0ffffffb, 4, { 0xcf, 0xff, 0xff, 0xff } },
    };
    uint8_t enc[4];
    char what[64];

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        size_t n = aml_pkg_length(enc, cases[i].len);

        snprintf(what, sizeof(what), "PkgLength of %zu-byte contents",
                 cases[i].len);
        ok(n == cases[i].n && !memcmp(enc, cases[i].enc, n), what);
    }
    ok(aml_pkg_length(enc, 0x0ffffffc) == 0, "PkgLength too big is refused");
}

static void test_integers(void)
{
    struct aml_buf b;

    aml_init(&b, mem, sizeof(mem));
    aml_integer(&b, 0);
    aml_integer(&b, 1);
    aml_integer(&b, 2);
    aml_integer(&b, 0xff);
    aml_integer(&b, 0x100);
    aml_integer(&b, 0xffff);
    aml_integer(&b, 0x10000);
    aml_integer(&b, 0xffffffff);
    aml_integer(&b, 0x100000000ull);
    aml_integer(&b, UINT64_MAX);
    EXPECT(&b, "integers use the shortest encoding",
           0x00, 0x01, 0x0a, 0x02, 0x0a, 0xff, 0x0b, 0x00, 0x01,
           0x0b, 0xff, 0xff, 0x0c, 0x00, 0x00, 0x01, 0x00,
           0x0c, 0xff, 0xff, 0xff, 0xff,
           0x0e, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0xff);
}

static void test_names(void)
{
    struct aml_buf b;

    aml_init(&b, mem, sizeof(mem));
    aml_name(&b, "_SB");
    aml_name(&b, "\\_SB.PCI0");
    aml_name(&b, "\\_SB.PCI0.ISA");
    aml_name(&b, "^^AB");
    aml_name(&b, "\\");
    EXPECT(&b, "NameStrings: padding, dual, multi, prefixes, null",
           '_', 'S', 'B', '_',
           0x5c, 0x2e, '_', 'S', 'B', '_', 'P', 'C', 'I', '0',
           0x5c, 0x2f, 3, '_', 'S', 'B', '_', 'P', 'C', 'I', '0',
           'I', 'S', 'A', '_',
           0x5e, 0x5e, 'A', 'B', '_', '_',
           0x5c, 0x00);

    aml_init(&b, mem, sizeof(mem));
    aml_name(&b, "TOOLONG");
    ok(b.error, "a 7-character NameSeg is an error");
    aml_init(&b, mem, sizeof(mem));
    aml_name(&b, "1ABC");
    ok(b.error, "a NameSeg starting with a digit is an error");
    aml_init(&b, mem, sizeof(mem));
    aml_name(&b, "\\_SB..X");
    ok(b.error, "an empty NameSeg is an error");
}

static void test_objects(void)
{
    struct aml_buf b;

    aml_init(&b, mem, sizeof(mem));
    aml_device(&b, "MP00");
    aml_name_decl(&b, "_HID");
    aml_eisaid(&b, "PNP0C80");
    aml_name_decl(&b, "_STR");
    aml_string(&b, "ab");
    aml_method(&b, "_STA", 0, 0);
    aml_return(&b);
    aml_integer(&b, 0x0f);
    aml_end(&b);
    aml_end(&b);
    EXPECT(&b, "Device with EisaId, String, Method",
           0x5b, 0x82, 0x22, 'M', 'P', '0', '0',
           0x08, '_', 'H', 'I', 'D', 0x0c, 0x41, 0xd0, 0x0c, 0x80,
           0x08, '_', 'S', 'T', 'R', 0x0d, 'a', 'b', 0x00,
           0x14, 0x09, '_', 'S', 'T', 'A', 0x00, 0xa4, 0x0a, 0x0f);
    ok(aml_finish(&b) == b.len, "balanced blocks finish");

    aml_init(&b, mem, sizeof(mem));
    aml_method(&b, "TEST", 2, 1);
    aml_if(&b);
    aml_arg(&b, 0);
    aml_return(&b);
    aml_arg(&b, 1);
    aml_end(&b);
    aml_else(&b);
    aml_return(&b);
    aml_local(&b, 7);
    aml_end(&b);
    aml_end(&b);
    EXPECT(&b, "Method(2, Serialized) with If/Else, Args, Locals",
           0x14, 0x0f, 'T', 'E', 'S', 'T', 0x0a,
           0xa0, 0x04, 0x68, 0xa4, 0x69, 0xa1, 0x03, 0xa4, 0x67);

    aml_init(&b, mem, sizeof(mem));
    aml_package(&b, 2);
    aml_integer(&b, 0x1ffff);
    aml_package(&b, 0);
    aml_end(&b);
    aml_end(&b);
    EXPECT(&b, "nested Package",
           0x12, 0x0a, 0x02, 0x0c, 0xff, 0xff, 0x01, 0x00, 0x12, 0x02, 0x00);

    aml_init(&b, mem, sizeof(mem));
    aml_resource_template(&b);
    aml_io(&b, 0x3f8, 0x3f8, 1, 8);
    aml_irq_noflags(&b, 4);
    aml_end(&b);
    EXPECT(&b, "ResourceTemplate: BufferSize, IO, IRQNoFlags, EndTag",
           0x11, 0x10, 0x0a, 0x0d,
           0x47, 0x01, 0xf8, 0x03, 0xf8, 0x03, 0x01, 0x08,
           0x22, 0x10, 0x00, 0x79, 0x00);

    aml_init(&b, mem, sizeof(mem));
    aml_resource_template(&b);
    aml_word_bus_number(&b, 0, 0xff);
    aml_end(&b);
    EXPECT(&b, "WordBusNumber producer",
           0x11, 0x15, 0x0a, 0x12,
           0x88, 0x0d, 0x00, 0x02, 0x0c, 0x00,
           0x00, 0x00, 0x00, 0x00, 0xff, 0x00, 0x00, 0x00, 0x00, 0x01,
           0x79, 0x00);

    aml_init(&b, mem, 8);
    aml_string(&b, "too long for 8 bytes");
    ok(b.error && aml_finish(&b) == 0, "a full buffer is a sticky error");
    aml_init(&b, mem, sizeof(mem));
    aml_scope(&b, "\\_SB");
    ok(aml_finish(&b) == 0, "an open block fails aml_finish");
    aml_init(&b, mem, sizeof(mem));
    aml_end(&b);
    ok(b.error, "aml_end without a block is an error");
    aml_init(&b, mem, sizeof(mem));
    aml_eisaid(&b, "pnp0c80");
    ok(b.error, "a lower-case EISA ID is an error");
}

/* If (body of n bytes) as the builder closes it: the PkgLength is inserted
 * in front of the body, which must arrive intact behind it. */
static void test_block_pkg_length(size_t n, const uint8_t *want_head,
                                  size_t head_len, const char *what)
{
    struct aml_buf b;
    size_t i;
    int same;

    aml_init(&b, big, sizeof(big));
    aml_if(&b);
    for (i = 0; i < n; i++)
        aml_byte(&b, (uint8_t)(i * 7 + 1));
    aml_end(&b);
    same = !b.error && b.len == head_len + n &&
           !memcmp(big, want_head, head_len);
    for (i = 0; same && i < n; i++)
        same = big[head_len + i] == (uint8_t)(i * 7 + 1);
    ok(same, what);
    if (!same) {
        printf("# got (error %d, %zu bytes):\n", b.error, b.len);
        hexdump(big, b.len < 8 ? b.len : 8);
    }
}

static void test_block_pkg_lengths(void)
{
    struct aml_buf b;

    test_block_pkg_length(0, (const uint8_t[]){ 0xa0, 0x01 }, 2,
                          "If with an empty body: 1-byte PkgLength");
    test_block_pkg_length(62, (const uint8_t[]){ 0xa0, 0x3f }, 2,
                          "If with 62 bytes: largest 1-byte PkgLength");
    test_block_pkg_length(63, (const uint8_t[]){ 0xa0, 0x41, 0x04 }, 3,
                          "If with 63 bytes: 2-byte PkgLength 0x041");
    test_block_pkg_length(4093, (const uint8_t[]){ 0xa0, 0x4f, 0xff }, 3,
                          "If with 4093 bytes: largest 2-byte PkgLength");
    test_block_pkg_length(4094, (const uint8_t[]){ 0xa0, 0x81, 0x00, 0x01 },
                          4, "If with 4094 bytes: 3-byte PkgLength 0x01001");
    test_block_pkg_length(0xffffc,
                          (const uint8_t[]){ 0xa0, 0x8f, 0xff, 0xff }, 4,
                          "If with 0xffffc bytes: largest 3-byte PkgLength");
    test_block_pkg_length(0xffffd,
                          (const uint8_t[]){ 0xa0, 0xc1, 0x00, 0x00, 0x01 },
                          5, "If with 0xffffd bytes: 4-byte PkgLength "
                          "0x100001");

    /* Nested: closing the inner block shifts the body, closing the outer
     * one shifts the inner block with its PkgLength. */
    aml_init(&b, big, sizeof(big));
    aml_scope(&b, "\\_SB");
    aml_device(&b, "MP00");
    for (int i = 0; i < 4090; i++)
        aml_byte(&b, 0xa3);             /* Noop */
    aml_end(&b);
    aml_end(&b);
    /* Device: 4 name + 4090 = 4094 bytes -> 0x1001 (3 bytes); Scope:
     * 5 name + 2 opcode + 3 + 4094 = 4104 -> 0x100b (3 bytes). */
    {
        static const uint8_t head[] = {
            0x10, 0x8b, 0x00, 0x01, 0x5c, '_', 'S', 'B', '_',
            0x5b, 0x82, 0x81, 0x00, 0x01, 'M', 'P', '0', '0', 0xa3,
        };
        ok(!b.error && b.len == 1 + 3 + 4104 &&
           !memcmp(big, head, sizeof(head)) && big[b.len - 1] == 0xa3,
           "nested Scope/Device with 3-byte PkgLengths");
    }
}

static void test_calls(void)
{
    struct aml_buf b;

    aml_init(&b, mem, sizeof(mem));
    aml_if(&b);
    aml_integer(&b, 0);
    aml_external(&b, "\\_SB.FOO", AML_OBJTYPE_METHOD, 1);
    aml_end(&b);
    EXPECT(&b, "If (Zero) { External (\\_SB.FOO, MethodObj, 1 arg) }",
           0xa0, 0x0f, 0x00, 0x15, 0x5c, 0x2e, '_', 'S', 'B', '_',
           'F', 'O', 'O', '_', 0x08, 0x01);

    aml_init(&b, mem, sizeof(mem));
    aml_if(&b);
    aml_lequal(&b);
    aml_arg(&b, 0);
    aml_integer(&b, 5);
    aml_notify(&b);
    aml_name(&b, "MP05");
    aml_arg(&b, 1);
    aml_end(&b);
    aml_return(&b);
    aml_call(&b, "\\_SB.FOO");
    aml_integer(&b, 7);
    EXPECT(&b, "If (Arg0 == 5) { Notify (MP05, Arg1) }; Return (FOO (7))",
           0xa0, 0x0b, 0x93, 0x68, 0x0a, 0x05, 0x86, 'M', 'P', '0', '5',
           0x69, 0xa4, 0x5c, 0x2e, '_', 'S', 'B', '_', 'F', 'O', 'O', '_',
           0x0a, 0x07);

    aml_init(&b, mem, sizeof(mem));
    aml_external(&b, "X", AML_OBJTYPE_METHOD, 8);
    ok(b.error, "an External method with 8 arguments is an error");
}

static size_t finish_table(uint8_t *table, size_t aml_len, const char *id)
{
    size_t len = aml_len + 36;
    uint8_t sum = 0;

    memset(table, 0, 36);
    memcpy(table, "SSDT", 4);
    memcpy(table + 4, &(uint32_t){ (uint32_t)len }, 4);
    table[8] = 2;
    memcpy(table + 10, "HOTMEM", 6);
    memcpy(table + 16, id, 8);
    table[24] = 1;
    memcpy(table + 28, "HMFW", 4);
    table[32] = 1;
    for (size_t i = 0; i < len; i++)
        sum += table[i];
    table[9] = -sum;
    return len;
}

/* The firmware's memory devices for 256 slots (two nodes): -dimm slots
 * first, then empty ones, as etc/hotplug-memory would list them. */
/* The memory-device SSDT the firmware builds for nslots slots, 8 of them
 * (at most) declared 1 GiB DIMMs on alternating nodes. */
static size_t build_memhp_ssdt(uint8_t *table, size_t cap, unsigned nslots)
{
    static HmHpmemEntry slots[HM_MEMHP_MAX_SLOTS];
    static struct hpmem_info hp;
    struct fw_info fw;
    struct aml_buf b;
    size_t len;

    memset(&fw, 0, sizeof(fw));
    hp.nodes = 2;
    hp.slot_count = nslots;
    hp.region_base = 0x100000000ull;
    hp.region_size = (uint64_t)nslots << 30;
    for (int i = 0; i < 8; i++) {
        slots[i].base = hp.region_base + ((uint64_t)i << 30);
        slots[i].size = 1ull << 30;
        slots[i].node = i & 1;
        slots[i].flags = HM_HPMEM_F_HOTPLUGGABLE;
    }
    hp.slots = slots;
    fw.hpmem = &hp;
    aml_init(&b, table + 36, cap - 36);
    ssdt_memory_devices(&b, &fw);
    len = aml_finish(&b);
    /* no slots: no memory devices, a table with an empty body */
    return len || (!nslots && !b.error) ? finish_table(table, len, "HMPCSSDT") : 0;
}

static int write_file(const char *dir, const char *name, const uint8_t *p,
                      size_t len)
{
    char path[4096];
    FILE *f;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    f = fopen(path, "wb");
    return f && fwrite(p, 1, len, f) == len && fclose(f) == 0;
}

/* Like the DIMM SSDT the firmware will build: the outer Scope needs a
 * 3-byte PkgLength. */
static size_t build_test_ssdt(uint8_t *table, size_t cap)
{
    struct aml_buf b;
    char name[5];
    size_t len;

    aml_init(&b, table + 36, cap - 36);
    aml_scope(&b, "\\_SB");
    for (int i = 0; i < 256; i++) {
        uint64_t base = 0x100000000ull + (uint64_t)i * 0x40000000ull;

        snprintf(name, sizeof(name), "MP%02X", i);
        aml_device(&b, name);
        aml_name_decl(&b, "_HID");
        aml_eisaid(&b, "PNP0C80");
        aml_name_decl(&b, "_UID");
        aml_integer(&b, i);
        aml_name_decl(&b, "_CRS");
        aml_resource_template(&b);
        aml_qword_memory(&b, base, base + 0x3fffffff, 1);
        aml_end(&b);
        aml_method(&b, "_STA", 0, 0);
        aml_if(&b);
        aml_integer(&b, i & 1);
        aml_return(&b);
        aml_integer(&b, 0x0f);
        aml_end(&b);
        aml_return(&b);
        aml_integer(&b, 0);
        aml_end(&b);
        aml_end(&b);
    }
    aml_device(&b, "PCIX");
    aml_name_decl(&b, "_HID");
    aml_eisaid(&b, "PNP0A03");
    aml_name_decl(&b, "_CRS");
    aml_resource_template(&b);
    aml_word_bus_number(&b, 0, 0xff);
    aml_io(&b, 0xcf8, 0xcf8, 1, 8);
    aml_dword_io(&b, 0, 0xcf7);
    aml_dword_memory(&b, 0xa0000, 0xbffff, 1);
    aml_dword_memory(&b, 0x20000000, 0xfebfffff, 0);
    aml_qword_memory(&b, 0x800000000ull, 0xfffffffffull, 0);
    aml_end(&b);
    aml_name_decl(&b, "_PRT");
    aml_package(&b, 2);
    for (int pin = 0; pin < 2; pin++) {
        aml_package(&b, 4);
        aml_integer(&b, 0x1ffff);
        aml_integer(&b, pin);
        aml_integer(&b, 0);
        aml_integer(&b, 10 + pin);
        aml_end(&b);
    }
    aml_end(&b);
    aml_end(&b);
    aml_end(&b);
    len = aml_finish(&b);
    return len ? finish_table(table, len, "HMTEST  ") : 0;
}

int main(int argc, char **argv)
{
    size_t len;

    test_pkg_length();
    test_integers();
    test_names();
    test_objects();
    test_block_pkg_lengths();
    test_calls();

    len = build_test_ssdt(mem, sizeof(mem));
    ok(len > 0x1000, "256-device SSDT builds (outer Scope > 4 KiB)");
    if (argc > 1 && len)
        ok(write_file(argv[1], "ssdt-test.aml", mem, len),
           "wrote ssdt-test.aml");
    len = build_memhp_ssdt(big, sizeof(big), HM_MEMHP_MAX_SLOTS);
    /* each slot needs its device with 7 methods (well over 64 bytes);
     * the whole table stays far below the firmware's ACPI area */
    ok(len > 256 * 64 && len < 0x10000,
       "firmware memory-device SSDT for 256 slots builds (< 64 KiB)");
    printf("# memory-device SSDT, 256 slots: %zu bytes\n", len);
    if (argc > 1 && len)
        ok(write_file(argv[1], "ssdt-memhp-256.aml", big, len),
           "wrote ssdt-memhp-256.aml");
    /* the smaller tables of the golden set (tests/data/acpi/) */
    for (unsigned n = 0; n <= 4; n += 4) {
        char name[32];

        len = build_memhp_ssdt(big, sizeof(big), n);
        snprintf(name, sizeof(name), "ssdt-memhp-%u.aml", n);
        ok(len > 0 && argc > 1 && write_file(argv[1], name, big, len), name);
    }
    printf("1..%d\n", test_no);
    return failed ? 1 : 0;
}
