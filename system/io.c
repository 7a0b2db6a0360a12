/*
 * io.c - port I/O and MMIO registration and dispatch.
 *
 * Regions are kept in a small array per address space; a VMM has a few
 * dozen of them, so a linear scan costs less than the exit that got us here.
 */
#include "hotmem/io.h"
#include "hotmem/util.h"

#include <string.h>

typedef struct IoRegion {
    uint64_t base;
    uint64_t len;
    const IoOps *ops;
    void *opaque;
    char *name;
} IoRegion;

static GArray *regions[2];
static GMutex big_lock;

static __thread bool big_lock_held;

void device_lock(void)
{
    g_mutex_lock(&big_lock);
    big_lock_held = true;
}

void device_unlock(void)
{
    big_lock_held = false;
    g_mutex_unlock(&big_lock);
}

bool device_lock_held(void)
{
    return big_lock_held;
}

static GArray *space_regions(IoSpace space)
{
    if (!regions[space]) {
        regions[space] = g_array_new(FALSE, TRUE, sizeof(IoRegion));
    }
    return regions[space];
}

static IoRegion *find_region(IoSpace space, uint64_t addr)
{
    GArray *arr = space_regions(space);
    for (guint i = 0; i < arr->len; i++) {
        IoRegion *r = &g_array_index(arr, IoRegion, i);
        if (addr >= r->base && addr - r->base < r->len) {
            return r;
        }
    }
    return NULL;
}

bool io_register(IoSpace space, uint64_t base, uint64_t len, const IoOps *ops,
                 void *opaque, const char *name, GError **errp)
{
    GArray *arr = space_regions(space);
    if (len == 0 || base + len < base) {
        g_set_error(errp, HM_ERROR, 0, "%s: invalid I/O range 0x%" PRIx64 "+0x%" PRIx64,
                    name, base, len);
        return false;
    }
    for (guint i = 0; i < arr->len; i++) {
        IoRegion *r = &g_array_index(arr, IoRegion, i);
        if (base < r->base + r->len && r->base < base + len) {
            g_set_error(errp, HM_ERROR, 0,
                        "%s: I/O range 0x%" PRIx64 "+0x%" PRIx64 " overlaps %s",
                        name, base, len, r->name);
            return false;
        }
    }
    IoRegion r = {
        .base = base, .len = len, .ops = ops, .opaque = opaque,
        .name = g_strdup(name),
    };
    g_array_append_val(arr, r);
    return true;
}

void io_unregister(IoSpace space, uint64_t base)
{
    GArray *arr = space_regions(space);
    for (guint i = 0; i < arr->len; i++) {
        IoRegion *r = &g_array_index(arr, IoRegion, i);
        if (r->base == base) {
            g_free(r->name);
            g_array_remove_index(arr, i);
            return;
        }
    }
}

void io_unregister_all(void)
{
    for (int s = 0; s < 2; s++) {
        GArray *arr = space_regions(s);
        for (guint i = 0; i < arr->len; i++) {
            g_free(g_array_index(arr, IoRegion, i).name);
        }
        g_array_set_size(arr, 0);
    }
}

void io_dispatch(IoSpace space, uint64_t addr, uint8_t *data, unsigned size,
                 bool is_write)
{
    IoRegion *r = find_region(space, addr);
    bool fits = r && size <= 8 && addr - r->base + size <= r->len &&
                size >= r->ops->min_size && size <= r->ops->max_size;
    if (!fits) {
        if (!is_write) {
            memset(data, 0xff, size);
        }
        return;
    }
    uint64_t offset = addr - r->base;
    if (is_write) {
        uint64_t value = 0;
        memcpy(&value, data, size);                 /* little-endian, as the guest's */
        if (!r->ops->write) {
            return;
        }
        if (r->ops->write_bytes) {
            for (unsigned i = 0; i < size; i++) {
                r->ops->write(r->opaque, offset + i, data[i], 1);
            }
        } else {
            r->ops->write(r->opaque, offset, value, size);
        }
        return;
    }
    if (!r->ops->read) {
        memset(data, 0xff, size);
        return;
    }
    unsigned unit = r->ops->read_unit;
    if (!unit) {
        uint64_t value = r->ops->read(r->opaque, offset, size);
        memcpy(data, &value, size);
        return;
    }
    /* each naturally aligned unit the access touches is read once, whole,
     * and gives the bytes of the access that fall in it */
    for (uint64_t u = offset & ~(uint64_t)(unit - 1); u < offset + size; u += unit) {
        uint64_t value = r->ops->read(r->opaque, u, unit);
        for (uint64_t a = MAX(u, offset); a < MIN(u + unit, offset + size); a++) {
            data[a - offset] = (uint8_t)(value >> (8 * (a - u)));
        }
    }
}
