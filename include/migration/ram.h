/*
 * ram.h - guest RAM in the migration stream (docs/specs/migration.txt,
 * "RAM payloads").
 *
 * The source keeps one "to send" bitmap per writable RAM block (DIMMs
 * included; the read-only firmware image is the destination's own). Setup
 * marks every page; mig_ram_save emits sections of at most MIG_RAM_CHUNK
 * bytes of page records, round robin over the blocks; mig_ram_sync adds
 * what the guest (KVM's dirty log) and the VMM (ram_block_take_vmm_dirty)
 * wrote since the previous sync. The block set is fixed while a migration
 * runs: hotplug is refused and guest ejects are deferred.
 *
 * Page record: u64 offset-in-block | flags (the offset is 4 KiB aligned,
 * so the low 12 bits carry the flags), followed by the 4096 page bytes for
 * MIG_RAM_PAGE, nothing for MIG_RAM_ZERO.
 */
#ifndef MIGRATION_RAM_H
#define MIGRATION_RAM_H

#include "hotmem/guest-mem.h"
#include "hotmem/kvm.h"
#include "migration/stream.h"

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#define MIG_RAM_VERSION     1
#define MIG_RAM_ZERO        0x1u          /* an all-zero page: no bytes follow */
#define MIG_RAM_PAGE        0x2u          /* 4096 bytes follow */
#define MIG_RAM_FLAGS_MASK  0xfffu
#define MIG_RAM_CHUNK       (1u << 20)    /* payload bytes per RAM section, about */

/* The counters of query-migrate's "ram" member (bytes and pages). */
typedef struct MigRamStats {
    uint64_t total;              /* bytes of RAM being migrated */
    uint64_t duplicate;          /* zero pages sent as markers */
    uint64_t normal;             /* pages sent whole */
    uint64_t normal_bytes;
    uint64_t transferred;        /* section bytes emitted, framing included */
    uint64_t dirty_sync_count;
} MigRamStats;

typedef struct MigRamState MigRamState;

/* Takes the current writable blocks and marks all their pages to send
 * (the first full pass). Device lock held. */
MigRamState *mig_ram_new(void);
void mig_ram_free(MigRamState *s);

/* Adds the pages written since the last sync: KVM's dirty log when kvm is
 * not NULL (dirty logging must be on), and the VMM's own writes. Counts
 * one dirty sync. Device lock held. */
bool mig_ram_sync(MigRamState *s, KvmAccel *kvm, GError **errp);
/* Pages still to send. */
uint64_t mig_ram_pending(const MigRamState *s);
/* Appends RAM sections to out until about budget bytes were added or
 * nothing is pending; returns the bytes added. No lock needed: blocks
 * cannot go away during a migration and the guest may keep writing (the
 * next sync catches it). */
size_t mig_ram_save(MigRamState *s, GByteArray *out, size_t budget);
const MigRamStats *mig_ram_stats(const MigRamState *s);

/*
 * When to stop the guest. Fitting the downtime limit is necessary, not
 * sufficient: while each pass still leaves clearly less behind (a guest
 * dirtying slower than the link), a few more passes make the stop a
 * fraction of the limit instead of up to all of it.
 */
#define MIG_REFINE_PASSES 4        /* extra passes once the rest fits */
#define MIG_REFINE_FLOOR_MS 20     /* a rest this short is not worth a pass */
typedef struct {
    uint64_t prev_left;            /* bytes the previous pass left (0: none yet) */
    unsigned refined;              /* extra passes made */
} MigConvergence;
/* After a pass and its dirty sync: left bytes still to send, expected_ms
 * to send them at the measured bandwidth. True: stop the guest now. */
bool mig_ram_converged(MigConvergence *c, uint64_t left, int64_t expected_ms,
                       int64_t limit_ms);

/*
 * Destination: one RAM section. The block must exist here with the same
 * name; every record is checked (offset inside the block, page aligned,
 * known flags, complete) before any page is written, so a bad section
 * changes nothing. stats (may be NULL) counts pages.
 */
bool mig_ram_load(const MigSection *sec, MigRamStats *stats, GError **errp);

#endif
