/*
 * test-aml.c - host unit test of the firmware's AML builder (src/aml.c).
 *
 *   test-aml            byte-exact checks of the encodings
 *   test-aml DIR        also writes DIR/ssdt-test.aml, an SSDT with 256
 *                       memory-device-like objects, for the iasl round trip
 *                       in scripts/aml-roundtrip.py
 *
 * Output is TAP.
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include "aml.h"

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

/* Like the DIMM SSDT the firmware will build: the outer Scope needs a
 * 3-byte PkgLength. */
static size_t build_test_ssdt(uint8_t *table, size_t cap)
{
    struct aml_buf b;
    char name[5];
    size_t len;
    uint8_t sum = 0;

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
    if (!len)
        return 0;

    len += 36;
    memset(table, 0, 36);
    memcpy(table, "SSDT", 4);
    memcpy(table + 4, &(uint32_t){ (uint32_t)len }, 4);
    table[8] = 2;
    memcpy(table + 10, "HOTMEM", 6);
    memcpy(table + 16, "HMTEST  ", 8);
    table[24] = 1;
    memcpy(table + 28, "HMFW", 4);
    table[32] = 1;
    for (size_t i = 0; i < len; i++)
        sum += table[i];
    table[9] = -sum;
    return len;
}

int main(int argc, char **argv)
{
    size_t len;

    test_pkg_length();
    test_integers();
    test_names();
    test_objects();

    len = build_test_ssdt(mem, sizeof(mem));
    ok(len > 0x1000, "256-device SSDT builds (outer Scope > 4 KiB)");
    if (argc > 1 && len) {
        char path[4096];
        FILE *f;

        snprintf(path, sizeof(path), "%s/ssdt-test.aml", argv[1]);
        f = fopen(path, "wb");
        ok(f && fwrite(mem, 1, len, f) == len && fclose(f) == 0,
           "wrote ssdt-test.aml");
    }
    printf("1..%d\n", test_no);
    return failed ? 1 : 0;
}
