/*
 * memory-rules.h - the rules every DIMM and memory backend obeys, stated
 * once. The command line (-m, -dimm), the monitor (object-add, device_add)
 * and the DIMM bus's pre-plug all call these, so a rule gives the same
 * sentence wherever it is broken; callers prefix what they were doing
 * ("-dimm: ", "memory-backend-ram 'm1': ").
 */
#ifndef HW_MEMORY_RULES_H
#define HW_MEMORY_RULES_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#define MEM_DIMM_ID_MAX     32      /* -dimm and pc-dimm ids */
#define MEM_OBJECT_ID_MAX   128     /* memory backend ids */
#define MEM_DIMM_SIZE_MAX   (1ULL << 40)

/* A DIMM (and so a backend behind one) is a non-zero multiple of the
 * guest's 128 MiB memory block, at most 1 TiB. */
bool mem_rule_dimm_size(uint64_t size, GError **errp);
/* RAM plus every DIMM that holds memory (used) plus a new one (add) must
 * stay within maxmem (0: no maxmem, nothing to check). */
bool mem_rule_maxmem(uint64_t ram, uint64_t used, uint64_t add, uint64_t maxmem,
                     GError **errp);
/* QEMU's id syntax: a letter, then letters, digits, '-', '.' or '_'. */
bool mem_rule_id(const char *id, size_t max, GError **errp);

#endif
