/*
 * memory_rules.c - the DIMM size, maxmem and id rules (memory-rules.h).
 */
#include "hw/memory-rules.h"
#include "hw/hotmem-pc.h"
#include "hotmem/util.h"

#include <string.h>

bool mem_rule_dimm_size(uint64_t size, GError **errp)
{
    g_autofree char *s = hm_size_str(size);
    if (size == 0) {
        g_set_error(errp, HM_ERROR, 0, "size 0: a DIMM cannot be empty");
    } else if (size % HM_DIMM_SIZE_UNIT) {
        g_set_error(errp, HM_ERROR, 0, "size %s is not a multiple of 128 MiB", s);
    } else if (size > MEM_DIMM_SIZE_MAX) {
        g_set_error(errp, HM_ERROR, 0, "size %s is above the limit 1T", s);
    } else {
        return true;
    }
    return false;
}

bool mem_rule_maxmem(uint64_t ram, uint64_t used, uint64_t add, uint64_t maxmem,
                     GError **errp)
{
    uint64_t dimms, total;
    if (!maxmem) {
        return true;
    }
    bool overflow = __builtin_add_overflow(used, add, &dimms) ||
                    __builtin_add_overflow(ram, dimms, &total);
    if (overflow || total > maxmem) {
        g_autofree char *r = hm_size_str(ram), *d = hm_size_str(dimms);
        g_autofree char *m = hm_size_str(maxmem), *a = hm_size_str(add);
        uint64_t room = ram + used < maxmem ? maxmem - ram - used : 0;
        g_autofree char *left = hm_size_str(room);
        if (add) {
            g_set_error(errp, HM_ERROR, 0, "RAM %s plus DIMMs %s is beyond -m maxmem=%s (%s "
                        "asked, %s left)", r, overflow ? "(overflow)" : d, m, a, left);
        } else {
            g_set_error(errp, HM_ERROR, 0, "RAM %s plus DIMMs %s is beyond -m maxmem=%s", r,
                        overflow ? "(overflow)" : d, m);
        }
        return false;
    }
    return true;
}

bool mem_rule_id(const char *id, size_t max, GError **errp)
{
    bool ok = g_ascii_isalpha(id[0]) && strlen(id) <= max;
    for (const char *p = id; ok && *p; p++) {
        ok = g_ascii_isalnum(*p) || *p == '-' || *p == '.' || *p == '_';
    }
    if (!ok) {
        g_set_error(errp, HM_ERROR, 0,
                    "invalid id '%s' (a letter, then letters, digits, '-', '.' or '_'; "
                    "at most %zu characters)", id, max);
    }
    return ok;
}
