/*
 * stream.h - hotmem's migration stream format (docs/specs/migration.txt):
 *
 *   header   "HOTMEMMG" (8 bytes), u32 version (MIG_STREAM_VERSION)
 *   section  u8 kind, u8 name length, name, u32 instance, u32 version,
 *            u32 payload length, payload, u32 CRC-32 of everything from
 *            kind to the end of the payload
 *   ...      more sections; the last one has kind MIG_SECTION_END
 * All integers little-endian. A reader checks the magic, the version, every
 * length against its limit and every checksum before it hands a section on.
 */
#ifndef MIGRATION_STREAM_H
#define MIGRATION_STREAM_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MIG_STREAM_MAGIC     "HOTMEMMG"
#define MIG_STREAM_VERSION   1
#define MIG_NAME_MAX         64
#define MIG_PAYLOAD_MAX      (16u << 20)   /* a RAM chunk or a device, with room */

typedef enum {
    MIG_SECTION_LAYOUT = 1,   /* the memory layout, before any RAM */
    MIG_SECTION_RAM = 2,      /* pages of one RAM block */
    MIG_SECTION_DEVICE = 3,   /* one device's field table */
    MIG_SECTION_END = 0xff,
} MigSectionKind;

typedef struct MigSection {
    uint8_t kind;
    char name[MIG_NAME_MAX + 1];
    uint32_t instance;
    uint32_t version;
    GByteArray *payload;      /* owned */
} MigSection;

/* CRC-32 (IEEE 802.3, as zlib's crc32). */
uint32_t mig_crc32(uint32_t crc, const void *buf, size_t len);

void mig_stream_put_header(GByteArray *out);
void mig_stream_put_section(GByteArray *out, MigSectionKind kind, const char *name,
                            uint32_t instance, uint32_t version, const void *payload,
                            size_t len);

/* Where a reader gets its bytes: exactly len of them, or an error (a
 * closed peer is "the stream ends early"). */
typedef bool (*MigReadFn)(void *opaque, void *buf, size_t len, GError **errp);

bool mig_stream_get_header(MigReadFn read, void *opaque, GError **errp);
/* Reads the next section into s (s->payload allocated; free with
 * mig_section_clear). */
bool mig_stream_get_section(MigReadFn read, void *opaque, MigSection *s, GError **errp);
void mig_section_clear(MigSection *s);

/* A MigReadFn over a byte buffer (tests, file snapshots read whole). */
typedef struct MigBufReader {
    const uint8_t *p;
    size_t left;
} MigBufReader;
bool mig_buf_read(void *opaque, void *buf, size_t len, GError **errp);

#endif
