/*
 * guest-mem.h - guest physical RAM blocks and safe access to them.
 *
 * Every RAM block (low RAM, high RAM, each DIMM) is one host mapping and one
 * KVM memslot. Device code that touches guest memory (fw_cfg DMA) goes
 * through guest_mem_range(), which refuses any range not wholly inside one
 * block, so a hostile guest address can never reach host memory outside RAM.
 */
#ifndef HOTMEM_GUEST_MEM_H
#define HOTMEM_GUEST_MEM_H

#include <glib.h>
#include <stdbool.h>
#include <inttypes.h>
#include <stdint.h>

#define GUEST_PAGE_SIZE 4096ULL     /* what dirty logging and migration count in */

typedef struct RamBlock {
    char *name;
    uint64_t gpa;
    uint64_t size;
    uint8_t *host;
    bool readonly;
    uint64_t *vmm_dirty;      /* pages the VMM wrote while tracking; NULL: off */
} RamBlock;

/*
 * The one registration call for guest memory is ram_block_add(); whoever
 * has to know about guest memory (the accelerator's memslots, later dirty
 * logging) listens. A listener is told about every block already
 * registered when it attaches, then about each add and remove. add may
 * fail (the block is then not registered); remove may fail too (the block
 * then stays registered and mapped: the guest may still reach it).
 */
typedef struct RamListener {
    bool (*add)(void *opaque, RamBlock *block, GError **errp);
    bool (*remove)(void *opaque, RamBlock *block, GError **errp);
    void *opaque;
} RamListener;

/* Replays the existing blocks into l->add; fails (and stays detached) if
 * one of them fails. At most one listener per opaque. */
bool ram_listener_attach(const RamListener *l, GError **errp);
void ram_listener_detach(void *opaque);

/* Anonymous host memory for guest RAM, aligned to 2 MiB and marked for
 * transparent huge pages so that KVM can map the guest in 2 MiB pages (a
 * 4 KiB-aligned mapping forces 4 KiB guest mappings: several times more
 * nested page faults). Pages are allocated on first touch. NULL with errno
 * set on failure; release with guest_ram_free(). */
void *guest_ram_alloc(uint64_t size);
void guest_ram_free(void *host, uint64_t size);

/* Registers host memory as guest RAM at gpa and tells the listeners (the
 * accelerator maps it); on failure nothing is registered. */
RamBlock *ram_block_add(const char *name, uint64_t gpa, uint64_t size,
                        void *host, bool readonly, GError **errp);
/* Tells the listeners, then forgets the block. If a listener cannot let go
 * of it (a memslot that KVM refused to delete), the block stays registered
 * and false is returned: the caller must keep the host memory mapped. */
bool ram_block_remove(RamBlock *block, GError **errp);
/* Teardown: every block, listener failures ignored. */
void ram_block_remove_all(void);
/* Visits the blocks in address order. */
void ram_block_foreach(void (*fn)(RamBlock *block, void *opaque), void *opaque);

/* Host pointer for [gpa, gpa + len) if it lies wholly in one writable (or,
 * for_write == false, any) RAM block; NULL otherwise (also on overflow). */
void *guest_mem_range(uint64_t gpa, uint64_t len, bool for_write);

/* While a migration runs, writes the VMM makes into guest RAM (fw_cfg
 * DMA, device rings) are tracked per block, as KVM tracks the guest's:
 * every guest_mem_range(..., true) marks its pages. take ORs a block's
 * marks into bitmap (one bit per GUEST_PAGE_SIZE page) and clears them.
 * Device lock held. */
void ram_dirty_tracking(bool on);
void ram_block_take_vmm_dirty(RamBlock *block, uint64_t *bitmap);

bool guest_mem_read(uint64_t gpa, void *buf, uint64_t len);
bool guest_mem_write(uint64_t gpa, const void *buf, uint64_t len);

#endif
