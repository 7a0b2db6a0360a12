/*
 * vmstate.c - save and load of field tables (vmstate.h).
 */
#include "migration/vmstate.h"
#include "hotmem/util.h"

#include <string.h>

static void put_le(GByteArray *out, uint64_t v, unsigned n)
{
    uint8_t b[8];
    for (unsigned i = 0; i < n; i++) {
        b[i] = (uint8_t)(v >> (8 * i));
    }
    g_byte_array_append(out, b, n);
}

static uint64_t get_field(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;
    memcpy(&v, p, n);         /* little-endian host: x86 only */
    return v;
}

static void set_field(uint8_t *p, uint64_t v, unsigned n)
{
    memcpy(p, &v, n);
}

static bool save_fields(const VmStateDesc *d, uint8_t *obj, GByteArray *out, GError **errp)
{
    for (const VmStateField *f = d->fields; f->type != VMS_END; f++) {
        uint8_t *p = obj + f->offset;
        switch (f->type) {
        case VMS_U8:
        case VMS_U16:
        case VMS_U32:
        case VMS_U64:
            put_le(out, get_field(p, (unsigned)f->size), (unsigned)f->size);
            break;
        case VMS_BOOL:
            put_le(out, *(bool *)p ? 1 : 0, 1);
            break;
        case VMS_BUFFER:
            g_byte_array_append(out, p, (guint)f->size);
            break;
        case VMS_ARRAY: {
            uint32_t n = f->count;
            if (f->has_count_field) {
                n = (uint32_t)get_field(obj + f->count_offset, 4);
                if (n > f->count) {
                    g_set_error(errp, HM_ERROR, 0, "%s.%s: %u elements, at most %u", d->name,
                                f->name, n, f->count);
                    return false;
                }
                put_le(out, n, 4);
            }
            for (uint32_t i = 0; i < n; i++) {
                if (!save_fields(f->sub, p + i * f->size, out, errp)) {
                    return false;
                }
            }
            break;
        }
        case VMS_END:
            break;
        }
    }
    return true;
}

bool vmstate_save(const VmStateDesc *d, void *obj, GByteArray *out, GError **errp)
{
    if (d->pre_save && !d->pre_save(obj, errp)) {
        g_prefix_error(errp, "%s: ", d->name);
        return false;
    }
    return save_fields(d, obj, out, errp);
}

typedef struct {
    const uint8_t *p, *end;
} Reader;

static bool take(Reader *r, size_t n, const uint8_t **out)
{
    if ((size_t)(r->end - r->p) < n) {
        return false;
    }
    *out = r->p;
    r->p += n;
    return true;
}

static bool load_fields(const VmStateDesc *d, uint8_t *obj, Reader *r, unsigned version,
                        GError **errp)
{
    for (const VmStateField *f = d->fields; f->type != VMS_END; f++) {
        if (f->version_min > version) {
            continue;
        }
        uint8_t *p = obj + f->offset;
        const uint8_t *in;
        size_t want = f->type == VMS_ARRAY ? (f->has_count_field ? 4 : 0) : f->size;
        if (!take(r, want, &in)) {
            g_set_error(errp, HM_ERROR, 0, "%s.%s: the section ends early", d->name, f->name);
            return false;
        }
        switch (f->type) {
        case VMS_U8:
        case VMS_U16:
        case VMS_U32:
        case VMS_U64:
            set_field(p, get_field(in, (unsigned)f->size), (unsigned)f->size);
            break;
        case VMS_BOOL:
            if (in[0] > 1) {
                g_set_error(errp, HM_ERROR, 0, "%s.%s: %u is not a boolean", d->name, f->name,
                            in[0]);
                return false;
            }
            *(bool *)p = in[0];
            break;
        case VMS_BUFFER:
            memcpy(p, in, f->size);
            break;
        case VMS_ARRAY: {
            uint32_t n = f->count;
            if (f->has_count_field) {
                n = (uint32_t)get_field(in, 4);
                if (n > f->count) {
                    g_set_error(errp, HM_ERROR, 0, "%s.%s: %u elements, at most %u", d->name,
                                f->name, n, f->count);
                    return false;
                }
                set_field(obj + f->count_offset, n, 4);
            }
            for (uint32_t i = 0; i < n; i++) {
                if (!load_fields(f->sub, p + i * f->size, r, version, errp)) {
                    return false;
                }
            }
            break;
        }
        case VMS_END:
            break;
        }
    }
    return true;
}

bool vmstate_load(const VmStateDesc *d, void *obj, const uint8_t *buf, size_t len,
                  unsigned version, GError **errp)
{
    if (version < d->min_version || version > d->version) {
        g_set_error(errp, HM_ERROR, 0, "%s: version %u is not supported (%u to %u)", d->name,
                    version, d->min_version, d->version);
        return false;
    }
    static const uint8_t nothing;
    if (!len) {
        buf = &nothing;                   /* an empty payload may have no data at all */
    }
    Reader r = { buf, buf + len };
    if (!load_fields(d, obj, &r, version, errp)) {
        return false;
    }
    if (r.p != r.end) {
        g_set_error(errp, HM_ERROR, 0, "%s: %zu bytes left over", d->name,
                    (size_t)(r.end - r.p));
        return false;
    }
    return true;
}

bool vmstate_load_into(const VmStateDesc *d, void *obj, size_t size, const uint8_t *buf,
                       size_t len, unsigned version, GError **errp)
{
    g_autofree uint8_t *scratch = g_memdup2(obj, size);
    if (!vmstate_load(d, scratch, buf, len, version, errp)) {
        return false;
    }
    if (d->check && !d->check(scratch, errp)) {
        g_prefix_error(errp, "%s: ", d->name);
        return false;
    }
    memcpy(obj, scratch, size);
    if (d->post_load && !d->post_load(obj, errp)) {
        g_prefix_error(errp, "%s: ", d->name);
        return false;
    }
    return true;
}
