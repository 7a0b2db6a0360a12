/*
 * aml.c - the AML builder (see aml.h). Encodings follow the ACPI
 * specification, section 20.2 (AML grammar) and 6.4 (resource data types).
 *
 * A block's PkgLength depends on the size of its contents, so it is
 * inserted when the block is closed: the contents move up by the 1-4
 * bytes the encoding needs.
 */
#include "aml.h"

/* Opcodes (ACPI 6.x, 20.3) */
#define AML_ZERO_OP           0x00
#define AML_ONE_OP            0x01
#define AML_NAME_OP           0x08
#define AML_BYTE_PREFIX       0x0a
#define AML_WORD_PREFIX       0x0b
#define AML_DWORD_PREFIX      0x0c
#define AML_STRING_PREFIX     0x0d
#define AML_QWORD_PREFIX      0x0e
#define AML_SCOPE_OP          0x10
#define AML_BUFFER_OP         0x11
#define AML_PACKAGE_OP        0x12
#define AML_METHOD_OP         0x14
#define AML_EXTERNAL_OP       0x15
#define AML_DUAL_NAME_PREFIX  0x2e
#define AML_MULTI_NAME_PREFIX 0x2f
#define AML_EXT_OP_PREFIX     0x5b
#define AML_DEVICE_OP         0x82      /* after AML_EXT_OP_PREFIX */
#define AML_ROOT_CHAR         0x5c
#define AML_PARENT_PREFIX     0x5e
#define AML_LOCAL0_OP         0x60
#define AML_ARG0_OP           0x68
#define AML_NOTIFY_OP         0x86
#define AML_LEQUAL_OP         0x93
#define AML_IF_OP             0xa0
#define AML_ELSE_OP           0xa1
#define AML_RETURN_OP         0xa4
#define AML_ONES_OP           0xff

/* Resource descriptors (ACPI 6.x, 6.4) */
#define RES_IRQ_NOFLAGS       0x22      /* small, 2 data bytes */
#define RES_IO                0x47      /* small, 7 data bytes */
#define RES_END_TAG           0x79      /* small, 1 data byte */
#define RES_DWORD_ADDRESS     0x87
#define RES_WORD_ADDRESS      0x88
#define RES_QWORD_ADDRESS     0x8a
#define RES_TYPE_MEMORY       0
#define RES_TYPE_IO           1
#define RES_TYPE_BUS          2
/* general flags: MinFixed | MaxFixed, positive decode, producer */
#define RES_FLAGS_FIXED       0x0c
#define RES_IO_ENTIRE_RANGE   0x03
#define RES_MEM_READ_WRITE    0x01
#define RES_MEM_CACHEABLE     0x02

enum { BLOCK_PKG, BLOCK_RESOURCES };

#define PKG_LENGTH_MAX        0x0fffffff

void aml_init(struct aml_buf *b, void *mem, size_t cap)
{
    b->data = mem;
    b->len = 0;
    b->cap = cap;
    b->error = 0;
    b->depth = 0;
}

size_t aml_finish(struct aml_buf *b)
{
    if (b->error || b->depth)
        return 0;
    return b->len;
}

size_t aml_pkg_length(uint8_t out[4], size_t len)
{
    size_t n, i, total;

    /* One byte holds 0-63; otherwise bits 7:6 count the extra bytes,
     * bits 3:0 of the first byte are the low nibble. */
    if (len + 1 <= 0x3f) {
        out[0] = (uint8_t)(len + 1);
        return 1;
    }
    for (n = 2; n <= 4; n++) {
        total = len + n;
        if (total < (size_t)1 << (4 + 8 * (n - 1))) {
            out[0] = (uint8_t)((n - 1) << 6 | (total & 0xf));
            for (i = 1; i < n; i++)
                out[i] = (uint8_t)(total >> (4 + 8 * (i - 1)));
            return n;
        }
    }
    return 0;
}

/* Inserts n bytes at offset at, moving what follows. */
static void aml_insert(struct aml_buf *b, size_t at, const uint8_t *bytes,
                       size_t n)
{
    size_t i;

    if (b->error)
        return;
    if (b->cap - b->len < n) {
        b->error = 1;
        return;
    }
    for (i = b->len; i > at; i--)
        b->data[i - 1 + n] = b->data[i - 1];
    for (i = 0; i < n; i++)
        b->data[at + i] = bytes[i];
    b->len += n;
}

void aml_byte(struct aml_buf *b, uint8_t v)
{
    aml_insert(b, b->len, &v, 1);
}

static void aml_le(struct aml_buf *b, uint64_t v, int bytes)
{
    for (; bytes; bytes--, v >>= 8)
        aml_byte(b, (uint8_t)v);
}

static int name_char_ok(char c, int first)
{
    return c == '_' || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
}

/* NameSeg: 1-4 characters, padded with '_'. Returns chars consumed. */
static size_t aml_name_seg(struct aml_buf *b, const char *s)
{
    size_t n = 0;

    while (s[n] && s[n] != '.') {
        if (n == 4 || !name_char_ok(s[n], n == 0)) {
            b->error = 1;
            return n;
        }
        n++;
    }
    if (!n)
        b->error = 1;
    for (size_t i = 0; i < 4; i++)
        aml_byte(b, i < n ? (uint8_t)s[i] : '_');
    return n;
}

void aml_name(struct aml_buf *b, const char *path)
{
    size_t segs = 0, i;
    const char *p;

    if (*path == '\\') {
        aml_byte(b, AML_ROOT_CHAR);
        path++;
    } else {
        while (*path == '^') {
            aml_byte(b, AML_PARENT_PREFIX);
            path++;
        }
    }
    if (!*path) {
        aml_byte(b, AML_ZERO_OP);       /* NullName */
        return;
    }
    for (p = path, segs = 1; *p; p++)
        segs += *p == '.';
    if (segs == 2) {
        aml_byte(b, AML_DUAL_NAME_PREFIX);
    } else if (segs > 2) {
        if (segs > 255)
            b->error = 1;
        aml_byte(b, AML_MULTI_NAME_PREFIX);
        aml_byte(b, (uint8_t)segs);
    }
    for (i = 0; i < segs && !b->error; i++) {
        path += aml_name_seg(b, path);
        if (*path == '.')
            path++;
    }
}

static void aml_open(struct aml_buf *b, int kind)
{
    if (b->depth == AML_MAX_DEPTH) {
        b->error = 1;
        return;
    }
    b->open[b->depth].start = b->len;
    b->open[b->depth].kind = kind;
    b->depth++;
}

/* The shortest IntegerData / ConstObj for v. */
static size_t integer_encoding(uint8_t out[9], uint64_t v)
{
    size_t bytes, i;

    if (v == 0 || v == 1 || v == UINT64_MAX) {
        out[0] = v == 0 ? AML_ZERO_OP : v == 1 ? AML_ONE_OP : AML_ONES_OP;
        return 1;
    }
    if (v <= 0xff) {
        out[0] = AML_BYTE_PREFIX;
        bytes = 1;
    } else if (v <= 0xffff) {
        out[0] = AML_WORD_PREFIX;
        bytes = 2;
    } else if (v <= 0xffffffff) {
        out[0] = AML_DWORD_PREFIX;
        bytes = 4;
    } else {
        out[0] = AML_QWORD_PREFIX;
        bytes = 8;
    }
    for (i = 0; i < bytes; i++)
        out[1 + i] = (uint8_t)(v >> (8 * i));
    return 1 + bytes;
}

void aml_end(struct aml_buf *b)
{
    uint8_t enc[9];
    size_t start, n;

    if (!b->depth) {
        b->error = 1;
        return;
    }
    b->depth--;
    start = b->open[b->depth].start;
    if (b->open[b->depth].kind == BLOCK_RESOURCES) {
        /* EndTag (checksum 0: "treat as valid"), then the BufferSize
         * in front of the descriptors. */
        aml_byte(b, RES_END_TAG);
        aml_byte(b, 0);
        n = integer_encoding(enc, b->len - start);
        aml_insert(b, start, enc, n);
    }
    n = aml_pkg_length(enc, b->len - start);
    if (!n)
        b->error = 1;
    aml_insert(b, start, enc, n);
}

void aml_scope(struct aml_buf *b, const char *path)
{
    aml_byte(b, AML_SCOPE_OP);
    aml_open(b, BLOCK_PKG);
    aml_name(b, path);
}

void aml_device(struct aml_buf *b, const char *path)
{
    aml_byte(b, AML_EXT_OP_PREFIX);
    aml_byte(b, AML_DEVICE_OP);
    aml_open(b, BLOCK_PKG);
    aml_name(b, path);
}

void aml_method(struct aml_buf *b, const char *path, int nargs, int serialized)
{
    if (nargs < 0 || nargs > 7)
        b->error = 1;
    aml_byte(b, AML_METHOD_OP);
    aml_open(b, BLOCK_PKG);
    aml_name(b, path);
    aml_byte(b, (uint8_t)((nargs & 7) | (serialized ? 0x08 : 0)));
}

void aml_if(struct aml_buf *b)
{
    aml_byte(b, AML_IF_OP);
    aml_open(b, BLOCK_PKG);
}

void aml_else(struct aml_buf *b)
{
    aml_byte(b, AML_ELSE_OP);
    aml_open(b, BLOCK_PKG);
}

void aml_package(struct aml_buf *b, uint8_t nelems)
{
    aml_byte(b, AML_PACKAGE_OP);
    aml_open(b, BLOCK_PKG);
    aml_byte(b, nelems);
}

void aml_resource_template(struct aml_buf *b)
{
    aml_byte(b, AML_BUFFER_OP);
    aml_open(b, BLOCK_RESOURCES);
}

void aml_name_decl(struct aml_buf *b, const char *name)
{
    aml_byte(b, AML_NAME_OP);
    aml_name(b, name);
}

void aml_return(struct aml_buf *b)
{
    aml_byte(b, AML_RETURN_OP);
}

void aml_call(struct aml_buf *b, const char *path)
{
    aml_name(b, path);
}

void aml_notify(struct aml_buf *b)
{
    aml_byte(b, AML_NOTIFY_OP);
}

void aml_lequal(struct aml_buf *b)
{
    aml_byte(b, AML_LEQUAL_OP);
}

void aml_external(struct aml_buf *b, const char *path, uint8_t type,
                  uint8_t nargs)
{
    if (nargs > 7)
        b->error = 1;
    aml_byte(b, AML_EXTERNAL_OP);
    aml_name(b, path);
    aml_byte(b, type);
    aml_byte(b, nargs);
}

void aml_integer(struct aml_buf *b, uint64_t v)
{
    uint8_t enc[9];

    aml_insert(b, b->len, enc, integer_encoding(enc, v));
}

void aml_string(struct aml_buf *b, const char *s)
{
    aml_byte(b, AML_STRING_PREFIX);
    for (; *s; s++) {
        if ((uint8_t)*s > 0x7f)
            b->error = 1;               /* AsciiChar is 0x01-0x7f */
        aml_byte(b, (uint8_t)*s);
    }
    aml_byte(b, 0);
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Compressed EISA ID: three 5-bit letters and four hex digits, stored
 * most significant byte first. */
void aml_eisaid(struct aml_buf *b, const char *id)
{
    uint32_t v = 0;
    int i, d;

    for (i = 0; i < 3; i++) {
        if (id[i] < 'A' || id[i] > 'Z') {
            b->error = 1;
            return;
        }
        v = v << 5 | (uint32_t)(id[i] - 0x40);
    }
    for (i = 3; i < 7; i++) {
        d = hex_digit(id[i]);
        if (d < 0) {
            b->error = 1;
            return;
        }
        v = v << 4 | (uint32_t)d;
    }
    if (id[7]) {
        b->error = 1;
        return;
    }
    aml_byte(b, AML_DWORD_PREFIX);
    aml_byte(b, (uint8_t)(v >> 24));
    aml_byte(b, (uint8_t)(v >> 16));
    aml_byte(b, (uint8_t)(v >> 8));
    aml_byte(b, (uint8_t)v);
}

void aml_arg(struct aml_buf *b, int n)
{
    if (n < 0 || n > 6)
        b->error = 1;
    aml_byte(b, (uint8_t)(AML_ARG0_OP + (n & 7)));
}

void aml_local(struct aml_buf *b, int n)
{
    if (n < 0 || n > 7)
        b->error = 1;
    aml_byte(b, (uint8_t)(AML_LOCAL0_OP + (n & 7)));
}

void aml_io(struct aml_buf *b, uint16_t min, uint16_t max, uint8_t align,
            uint8_t len)
{
    aml_byte(b, RES_IO);
    aml_byte(b, 0x01);                  /* decodes 16 address bits */
    aml_le(b, min, 2);
    aml_le(b, max, 2);
    aml_byte(b, align);
    aml_byte(b, len);
}

void aml_irq_noflags(struct aml_buf *b, uint8_t irq)
{
    if (irq > 15)
        b->error = 1;
    aml_byte(b, RES_IRQ_NOFLAGS);
    aml_le(b, 1u << (irq & 15), 2);
}

/*
 * Address space descriptors share one layout: tag, length, resource type,
 * general flags, type-specific flags, then granularity, minimum, maximum,
 * translation offset and length, each `width` bytes.
 */
static void aml_address(struct aml_buf *b, uint8_t tag, int width,
                        uint8_t type, uint8_t type_flags,
                        uint64_t min, uint64_t max)
{
    if (max < min)
        b->error = 1;
    aml_byte(b, tag);
    aml_le(b, 3 + 5 * width, 2);
    aml_byte(b, type);
    aml_byte(b, RES_FLAGS_FIXED);
    aml_byte(b, type_flags);
    aml_le(b, 0, width);                /* granularity */
    aml_le(b, min, width);
    aml_le(b, max, width);
    aml_le(b, 0, width);                /* translation offset */
    aml_le(b, max - min + 1, width);
}

void aml_word_bus_number(struct aml_buf *b, uint16_t min, uint16_t max)
{
    aml_address(b, RES_WORD_ADDRESS, 2, RES_TYPE_BUS, 0, min, max);
}

void aml_dword_io(struct aml_buf *b, uint32_t min, uint32_t max)
{
    aml_address(b, RES_DWORD_ADDRESS, 4, RES_TYPE_IO, RES_IO_ENTIRE_RANGE,
                min, max);
}

void aml_dword_memory(struct aml_buf *b, uint32_t min, uint32_t max,
                      int cacheable)
{
    aml_address(b, RES_DWORD_ADDRESS, 4, RES_TYPE_MEMORY,
                RES_MEM_READ_WRITE | (cacheable ? RES_MEM_CACHEABLE : 0),
                min, max);
}

void aml_qword_memory(struct aml_buf *b, uint64_t min, uint64_t max,
                      int cacheable)
{
    aml_address(b, RES_QWORD_ADDRESS, 8, RES_TYPE_MEMORY,
                RES_MEM_READ_WRITE | (cacheable ? RES_MEM_CACHEABLE : 0),
                min, max);
}
