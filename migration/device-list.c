/*
 * device-list.c - the "devices" section that follows the memory layout:
 * the devices the command line added (QEMU's rule: a destination has the
 * same -device list), so that a destination without the source's balloon,
 * or with one the source lacks, refuses before any RAM is sent and the
 * source keeps running. Both sides' errors name the device.
 *
 * Payload (little-endian): u32 count, then per device: str label (the
 * driver), u32 instance, str identity (its properties); a str is u8 length
 * + bytes.
 */
#include "migration/migration.h"
#include "migration/vmstate.h"
#include "hotmem/util.h"

#include <string.h>

#define LIST_MAX MIGRATION_DEVICES_MAX

static void put_str(GByteArray *b, const char *s)
{
    size_t n = MIN(strlen(s), 255);
    uint8_t len = (uint8_t)n;
    g_byte_array_append(b, &len, 1);
    g_byte_array_append(b, (const guint8 *)s, (guint)n);
}

static void put_u32(GByteArray *b, uint32_t v)
{
    uint8_t x[4] = { v, v >> 8, v >> 16, v >> 24 };
    g_byte_array_append(b, x, 4);
}

GByteArray *migration_device_list_save(const MigrationMachine *m)
{
    GByteArray *b = g_byte_array_new();
    uint32_t n = 0;
    for (unsigned i = 0; i < m->ndevices; i++) {
        n += m->devices[i].label != NULL;
    }
    put_u32(b, n);
    for (unsigned i = 0; i < m->ndevices; i++) {
        const MigrationDevice *d = &m->devices[i];
        if (d->label) {
            put_str(b, d->label);
            put_u32(b, d->instance);
            put_str(b, d->identity ? d->identity : "");
        }
    }
    return b;
}

typedef struct Entry {
    char label[256], identity[256];
    uint32_t instance;
    bool matched;
} Entry;

typedef struct {
    const uint8_t *p, *end;
} In;

static bool get_u32(In *in, uint32_t *v)
{
    if (in->end - in->p < 4) {
        return false;
    }
    *v = in->p[0] | in->p[1] << 8 | in->p[2] << 16 | (uint32_t)in->p[3] << 24;
    in->p += 4;
    return true;
}

static bool get_str(In *in, char *out)
{
    if (in->p >= in->end || in->end - in->p - 1 < in->p[0]) {
        return false;
    }
    unsigned n = in->p[0];
    memcpy(out, in->p + 1, n);
    out[n] = 0;
    in->p += 1 + n;
    for (unsigned i = 0; i < n; i++) {
        if (!g_ascii_isprint(out[i])) {
            return false;             /* it goes into error messages */
        }
    }
    return true;
}

bool migration_device_list_check(const MigrationMachine *m, const uint8_t *buf, size_t len,
                                 GError **errp)
{
    static const uint8_t nothing;
    In in = { len ? buf : &nothing, (len ? buf : &nothing) + len };
    uint32_t n;
    if (!get_u32(&in, &n) || n > LIST_MAX) {
        g_set_error(errp, HM_ERROR, 0, "the device list is malformed");
        return false;
    }
    g_autofree Entry *src = g_new0(Entry, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) {
        if (!get_str(&in, src[i].label) || !get_u32(&in, &src[i].instance) ||
            !get_str(&in, src[i].identity)) {
            g_set_error(errp, HM_ERROR, 0, "the device list is malformed (entry %u)", i);
            return false;
        }
    }
    if (in.p != in.end) {
        g_set_error(errp, HM_ERROR, 0, "the device list has %zu bytes left over",
                    (size_t)(in.end - in.p));
        return false;
    }
    for (unsigned i = 0; i < m->ndevices; i++) {
        const MigrationDevice *d = &m->devices[i];
        if (!d->label) {
            continue;
        }
        const char *mine = d->identity ? d->identity : "";
        Entry *e = NULL;
        for (uint32_t k = 0; k < n && !e; k++) {
            if (!src[k].matched && !strcmp(src[k].label, d->label) &&
                src[k].instance == d->instance) {
                e = &src[k];
            }
        }
        if (!e) {
            g_set_error(errp, HM_ERROR, 0, "device '%s' (%s) is on the destination but not "
                        "on the source", d->label, mine);
            return false;
        }
        e->matched = true;
        if (strcmp(e->identity, mine)) {
            g_set_error(errp, HM_ERROR, 0, "device '%s' differs: the source has %s, the "
                        "destination %s", d->label, e->identity, mine);
            return false;
        }
    }
    for (uint32_t k = 0; k < n; k++) {
        if (!src[k].matched) {
            g_set_error(errp, HM_ERROR, 0, "device '%s' (%s) of the source is missing on the "
                        "destination", src[k].label, src[k].identity);
            return false;
        }
    }
    return true;
}
