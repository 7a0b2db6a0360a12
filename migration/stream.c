/*
 * stream.c - the migration stream's framing (stream.h).
 */
#include "migration/stream.h"
#include "hotmem/util.h"

#include <string.h>

uint32_t mig_crc32(uint32_t crc, const void *buf, size_t len)
{
    static uint32_t table[256];
    if (!table[1]) {
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++) {
                c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
            }
            table[i] = c;
        }
    }
    const uint8_t *p = buf;
    crc = ~crc;
    while (len--) {
        crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    }
    return ~crc;
}

static void put_u32(GByteArray *out, uint32_t v)
{
    uint8_t b[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };
    g_byte_array_append(out, b, 4);
}

static uint32_t get_u32(const uint8_t *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
           (uint32_t)b[3] << 24;
}

void mig_stream_put_header(GByteArray *out)
{
    g_byte_array_append(out, (const guint8 *)MIG_STREAM_MAGIC, 8);
    put_u32(out, MIG_STREAM_VERSION);
}

void mig_stream_put_section(GByteArray *out, MigSectionKind kind, const char *name,
                            uint32_t instance, uint32_t version, const void *payload,
                            size_t len)
{
    size_t nlen = strlen(name);
    g_assert(nlen <= MIG_NAME_MAX && len <= MIG_PAYLOAD_MAX);
    guint start = out->len;
    uint8_t head[2] = { (uint8_t)kind, (uint8_t)nlen };
    g_byte_array_append(out, head, 2);
    g_byte_array_append(out, (const guint8 *)name, (guint)nlen);
    put_u32(out, instance);
    put_u32(out, version);
    put_u32(out, (uint32_t)len);
    g_byte_array_append(out, payload, (guint)len);
    put_u32(out, mig_crc32(0, out->data + start, out->len - start));
}

bool mig_stream_get_header(MigReadFn read, void *opaque, GError **errp)
{
    uint8_t h[12];
    if (!read(opaque, h, sizeof(h), errp)) {
        g_prefix_error(errp, "migration stream header: ");
        return false;
    }
    if (memcmp(h, MIG_STREAM_MAGIC, 8)) {
        g_set_error(errp, HM_ERROR, 0, "not a hotmem migration stream (bad magic)");
        return false;
    }
    if (get_u32(h + 8) != MIG_STREAM_VERSION) {
        g_set_error(errp, HM_ERROR, 0, "migration stream version %u is not supported "
                    "(this hotmem reads version %d)", get_u32(h + 8), MIG_STREAM_VERSION);
        return false;
    }
    return true;
}

void mig_section_clear(MigSection *s)
{
    if (s->payload) {
        g_byte_array_unref(s->payload);
    }
    memset(s, 0, sizeof(*s));
}

bool mig_stream_get_section(MigReadFn read, void *opaque, MigSection *s, GError **errp)
{
    memset(s, 0, sizeof(*s));
    uint8_t head[2], mid[12], sum[4];
    uint32_t crc;
    if (!read(opaque, head, 2, errp)) {
        goto short_read;
    }
    if (head[1] > MIG_NAME_MAX) {
        g_set_error(errp, HM_ERROR, 0, "migration stream: section name of %u bytes", head[1]);
        return false;
    }
    if (!read(opaque, s->name, head[1], errp) || !read(opaque, mid, 12, errp)) {
        goto short_read;
    }
    s->kind = head[0];
    s->instance = get_u32(mid);
    s->version = get_u32(mid + 4);
    uint32_t len = get_u32(mid + 8);
    if (len > MIG_PAYLOAD_MAX) {
        g_set_error(errp, HM_ERROR, 0, "migration stream: section '%s' claims %u bytes "
                    "(at most %u)", s->name, len, MIG_PAYLOAD_MAX);
        return false;
    }
    s->payload = g_byte_array_sized_new(len ? len : 1);   /* data never NULL */
    g_byte_array_set_size(s->payload, len);
    if (!read(opaque, s->payload->data, len, errp) || !read(opaque, sum, 4, errp)) {
        goto short_read;
    }
    crc = mig_crc32(0, head, 2);
    crc = mig_crc32(crc, s->name, head[1]);
    crc = mig_crc32(crc, mid, 12);
    crc = mig_crc32(crc, s->payload->data, len);
    if (crc != get_u32(sum)) {
        g_set_error(errp, HM_ERROR, 0, "migration stream: section '%s' is corrupt (checksum "
                    "0x%08x, expected 0x%08x)", s->name, crc, get_u32(sum));
        mig_section_clear(s);
        return false;
    }
    return true;

short_read:
    g_prefix_error(errp, "migration stream: ");
    mig_section_clear(s);
    return false;
}

bool mig_buf_read(void *opaque, void *buf, size_t len, GError **errp)
{
    MigBufReader *r = opaque;
    if (len > r->left) {
        g_set_error(errp, HM_ERROR, 0, "the stream ends early");
        return false;
    }
    if (len) {                            /* an empty payload's data may be NULL */
        memcpy(buf, r->p, len);
    }
    r->p += len;
    r->left -= len;
    return true;
}
