/*
 * pc_dimm.h - the machine's memory code: the one coordinator of memory
 * hotplug. It builds the dimmbus from the command line, places it above
 * RAM, creates the ACPI register block, cold-plugs populated DIMMs and
 * publishes the fw_cfg files etc/hotplug-memory, etc/numa and
 * etc/reserved-memory-end.
 *
 * It orders every operation (docs/devel/memory.md):
 *   hot-add  pre-plug (checks, memory, RAM block) -> plug -> insert event
 *   eject    guest _EJ0 -> unplug (RAM block, memory) -> slot emptied
 *            -> DEVICE_DELETED
 * and is what the monitors call (device_add, device_del, the queries).
 * Everything here runs with the device lock held.
 */
#ifndef HW_PC_DIMM_H
#define HW_PC_DIMM_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "hw/acpi_memhp.h"
#include "hw/acpi_piix4.h"
#include "hw/dimm.h"
#include "hw/fw_cfg.h"
#include "hw/memory-rules.h"
#include "hw/pc_memmap.h"
#include "qapi-generated.h"
#include "hotmem/options.h"

/* What the machine reports to the monitors (the second and last callback
 * seam of memory hotplug; the first is AcpiMemhpOps); each optional. id is
 * NULL for a slot that holds no DIMM. */
typedef struct PcDimmEvents {
    /* every _OST the guest reports (ACPI_DEVICE_OST) */
    void (*ost)(void *opaque, const char *id, unsigned slot, uint32_t event,
                uint32_t status);
    /* the DIMM is gone: guest eject, or a reset completing a device_del
     * (DEVICE_DELETED) */
    void (*deleted)(void *opaque, const char *id, unsigned slot);
    /* the guest refused a removal; the DIMM stays */
    void (*unplug_refused)(void *opaque, const char *id, unsigned slot);
    /* _PS0 (0) / _PS3 (3); QMP has no event for it (the block records it) */
    void (*power_state)(void *opaque, const char *id, unsigned slot, uint32_t state);
    void *opaque;
} PcDimmEvents;

/* One outcome for query-memory-hotplug (the seed's result list). */
typedef struct PcDimmRecord {
    char *id;
    bool removal;             /* false: a hot-add */
    bool success;
} PcDimmRecord;

#define PC_DIMM_RECORDS_MAX 1024   /* the oldest go first */

typedef struct PcDimms {
    DimmBus *bus;
    AcpiMemhpState *memhp;    /* NULL when there are no slots */
    uint64_t ram_size;        /* base memory (-m) */
    uint64_t reserved_end;    /* etc/reserved-memory-end */
    PcDimmEvents events;
    GQueue records;           /* PcDimmRecord *, oldest first */
    /* a migration runs: a guest _EJ0 is noted here and carried out when it
     * ends (no memory is unmapped while it is being sent) */
    bool defer_ejects;
    uint64_t deferred_ejects[HM_MEMHP_MAX_SLOTS / 64];
} PcDimms;

/*
 * Call after fw_cfg and the PM function exist, before the VM is created.
 * phys_bits: the guest's physical address width (CPUID 0x80000008 EAX[7:0]),
 * 0 if unknown (40 is assumed). fw_cfg, pm and host_bridge may be NULL
 * (unit tests): no files, no GPE.
 */
PcDimms *pc_dimms_new(const MachineConfig *cfg, const PcMemoryLayout *layout,
                      unsigned phys_bits, void *host_bridge, FwCfgState *fw_cfg,
                      AcpiPiix4State *pm, GError **errp);
/* The fw_cfg files (etc/hotplug-memory, etc/numa, etc/reserved-memory-end)
 * of a PcDimms made with fw_cfg NULL, once the cold-plugged -device
 * pc-dimms are in: they are listed populated, as -dimm populated=on is. */
bool pc_dimms_publish(PcDimms *d, const MachineConfig *cfg, FwCfgState *fw, GError **errp);
/* Machine reset: completes every removal the guest has not finished (the
 * guest no longer uses that memory), then clears all pending events.
 * Plugged DIMMs stay plugged. */
void pc_dimms_reset(PcDimms *d);
/* Unmaps every DIMM, drops the memory backends and unregisters the block.
 * Call before the RAM block registry is emptied. */
void pc_dimms_free(PcDimms *d);
void pc_dimms_set_events(PcDimms *d, const PcDimmEvents *events);

/* device_add dimm,id=ID: hot-plugs a -dimm slot declared at start-up. */
bool pc_dimms_hotplug_declared(PcDimms *d, const char *id, GError **errp);
/* device_add pc-dimm,id=ID,memdev=M[,node=][,slot=][,addr=]: a new DIMM on
 * the memory backend M in a free slot (slot DIMM_SLOT_AUTO, addr
 * DIMM_ADDR_AUTO for first fit). */
/* pc-dimm's memdev is required; QEMU's words when it is not given (the
 * schema has it optional so that unknown properties are reported first). */
bool pc_dimm_memdev_given(const char *memdev, GError **errp);
bool pc_dimms_hotplug_pc_dimm(PcDimms *d, const char *id, const char *memdev, unsigned node,
                              unsigned slot, uint64_t addr, GError **errp);
/* -device pc-dimm,...: the same, plugged before the guest starts (enabled,
 * no insert event, no GPE), like a -dimm populated=on; still removable. */
bool pc_dimms_coldplug_pc_dimm(PcDimms *d, const char *id, const char *memdev, unsigned node,
                               unsigned slot, uint64_t addr, GError **errp);
/* device_del ID: asks the guest to eject; completion is the deleted event.
 * Fails while an earlier request for the DIMM is still unanswered. */
bool pc_dimms_unplug_request(PcDimms *d, const char *id, GError **errp);

/* Migration: while deferring, a guest eject empties the slot for the guest
 * and only sets the slot's bit in deferred_ejects (the DIMM stays mapped
 * and listed); run_deferred_ejects carries each out (the DIMM goes,
 * DEVICE_DELETED follows) and clears the bits. */
void pc_dimms_defer_ejects(PcDimms *d, bool on);
void pc_dimms_run_deferred_ejects(PcDimms *d);

/* What the monitors report, filled from the owners (pc_dimm_query.c). */
uint64_t pc_dimms_plugged_size(const PcDimms *d);
MemoryDeviceInfoList *pc_dimms_query_devices(const PcDimms *d);
ACPIOSTInfoList *pc_dimms_query_ospm(const PcDimms *d);
MemHpInfoList *pc_dimms_query_records(const PcDimms *d);

/* ---- the memory layout at the head of a migration stream ---- */
typedef struct PcDimmLayoutEntry {
    char id[MEM_DIMM_ID_MAX + 1];
    uint32_t slot;
    uint64_t base, size;
    uint32_t node;
    bool declared;            /* a -dimm slot on the source */
    bool hotplugged;
    char memdev[MEM_OBJECT_ID_MAX + 1];   /* "" for a -dimm slot */
    uint8_t kind;             /* HostMemKind */
} PcDimmLayoutEntry;

typedef struct PcDimmLayout {
    uint64_t ram_size;
    uint32_t nslots;
    uint64_t maxmem;
    uint32_t nnodes;
    uint32_t ndimms;
    PcDimmLayoutEntry dimms[HM_MEMHP_MAX_SLOTS];
} PcDimmLayout;

/* The source's layout: every plugged DIMM (hw/pc_dimm_layout.c). */
GByteArray *pc_dimms_layout_save(const PcDimms *d);
/* Reads a layout payload, checking every length, id and flag. */
bool pc_dimms_layout_parse(const uint8_t *buf, size_t len, PcDimmLayout *out, GError **errp);
/* Whether this machine can take the source's layout: the same base RAM, at
 * least as many slots, maxmem and NUMA nodes, no slot holding a different
 * DIMM, no DIMM plugged here that the source lacks. errp names the
 * conflict. */
bool pc_dimms_layout_check(const PcDimms *d, const PcDimmLayout *l, GError **errp);
/* Checks, then plugs the source's DIMMs that are not here yet (creating
 * their backends), without insert events: pending events come with the
 * register block's state. On failure the migration fails; DIMMs restored
 * before the failing one stay (the destination is then discarded). */
bool pc_dimms_layout_apply(PcDimms *d, const PcDimmLayout *l, GError **errp);

/* The fw_cfg file contents (docs/specs/acpi_hotplug.txt, docs/specs/fwcfg.txt). */
GByteArray *pc_dimms_hotplug_memory_file(const DimmBus *bus, unsigned nnodes);
GByteArray *pc_dimms_numa_file(const MachineConfig *cfg);

#endif
