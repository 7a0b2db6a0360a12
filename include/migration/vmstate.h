/*
 * vmstate.h - device state described once, as a versioned field table
 * beside the device's code (QEMU's VMState idea): one save and one load
 * walk the tables, so a device's state travels in the migration stream
 * exactly as its owner declares it.
 *
 * Encoding (little-endian, no padding, fields in table order):
 *   U8/U16/U32/U64   the value
 *   BOOL             one byte, 0 or 1 (anything else fails the load)
 *   BUFFER           size bytes
 *   ARRAY            count elements of the sub-table, back to back; with
 *                    count_offset the element count is a uint32_t field of
 *                    the same struct (saved before, checked <= count on load)
 * A field with version_min > the stream's version is absent from it and
 * keeps its value on load. A load checks every length and refuses trailing
 * bytes, so a truncated or padded section is an error, never a guess.
 */
#ifndef MIGRATION_VMSTATE_H
#define MIGRATION_VMSTATE_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    VMS_END,
    VMS_U8,
    VMS_U16,
    VMS_U32,
    VMS_U64,
    VMS_BOOL,
    VMS_BUFFER,
    VMS_ARRAY,
} VmStateType;

typedef struct VmStateDesc VmStateDesc;

typedef struct VmStateField {
    const char *name;
    VmStateType type;
    size_t offset;
    size_t size;              /* BUFFER: bytes; ARRAY: the element's sizeof */
    unsigned count;           /* ARRAY: elements (the most, with count_offset) */
    bool has_count_field;     /* ARRAY: the count is a uint32_t at count_offset */
    size_t count_offset;
    const VmStateDesc *sub;   /* ARRAY: the element's table */
    unsigned version_min;     /* first version with this field (0 or 1: always) */
} VmStateField;

struct VmStateDesc {
    const char *name;
    unsigned version;         /* what a save writes */
    unsigned min_version;     /* the oldest a load accepts */
    const VmStateField *fields;   /* ends with VMS_END */
    /* optional: called around the walk (e.g. to sync state from the kernel
     * or to apply it after a load); errp says why it cannot */
    bool (*pre_save)(void *obj, GError **errp);
    /* vmstate_load_into: check runs on the loaded copy before anything is
     * changed (values out of their device's range fail the load there);
     * post_load then applies the state (mappings, interrupt lines) */
    bool (*check)(const void *obj, GError **errp);
    bool (*post_load)(void *obj, GError **errp);
};

#define VMSTATE_FIELD_(st, f, t, sz) \
    { .name = #f, .type = (t), .offset = offsetof(st, f), .size = (sz) }
#define VMSTATE_U8(st, f)   VMSTATE_FIELD_(st, f, VMS_U8, 1)
#define VMSTATE_U16(st, f)  VMSTATE_FIELD_(st, f, VMS_U16, 2)
#define VMSTATE_U32(st, f)  VMSTATE_FIELD_(st, f, VMS_U32, 4)
#define VMSTATE_U64(st, f)  VMSTATE_FIELD_(st, f, VMS_U64, 8)
#define VMSTATE_BOOL(st, f) VMSTATE_FIELD_(st, f, VMS_BOOL, 1)
#define VMSTATE_BUFFER(st, f) VMSTATE_FIELD_(st, f, VMS_BUFFER, sizeof(((st *)0)->f))
/* a fixed array of structs described by sub */
#define VMSTATE_ARRAY(st, f, n, elem, desc) \
    { .name = #f, .type = VMS_ARRAY, .offset = offsetof(st, f), .size = sizeof(elem), \
      .count = (n), .sub = (desc) }
/* an array of structs whose used length is the uint32_t member cnt */
#define VMSTATE_VARRAY(st, f, n, cnt, elem, desc) \
    { .name = #f, .type = VMS_ARRAY, .offset = offsetof(st, f), .size = sizeof(elem), \
      .count = (n), .has_count_field = true, .count_offset = offsetof(st, cnt), \
      .sub = (desc) }
#define VMSTATE_END { .type = VMS_END }

/* Appends obj's state at d->version. */
bool vmstate_save(const VmStateDesc *d, void *obj, GByteArray *out, GError **errp);
/* Reads exactly len bytes of a version-`version` payload into obj. On
 * failure obj may be partly written: load into a scratch copy first when
 * the old state must survive (vmstate_load_into does that). */
bool vmstate_load(const VmStateDesc *d, void *obj, const uint8_t *buf, size_t len,
                  unsigned version, GError **errp);
/* Loads into a copy of obj (size bytes) and only copies it back, and runs
 * post_load, when everything parsed: a bad section changes nothing. */
bool vmstate_load_into(const VmStateDesc *d, void *obj, size_t size, const uint8_t *buf,
                       size_t len, unsigned version, GError **errp);

#endif
