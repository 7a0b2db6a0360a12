/*
 * pc_dimm.h - the machine side of memory hotplug: builds the dimmbus from
 * the command line, places it above RAM, wires it to the ACPI register
 * block, cold-plugs populated DIMMs and publishes the fw_cfg files
 * etc/hotplug-memory, etc/numa and etc/reserved-memory-end.
 *
 * Entry points for the monitor (device_add / device_del) are here too; call
 * them with the device lock held.
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
#include "hw/pc_memmap.h"
#include "hotmem/kvm.h"
#include "hotmem/options.h"

/* What the machine reports (QMP events later); each optional. id is NULL
 * for a slot that holds no DIMM. */
typedef struct PcDimmEvents {
    /* every _OST the guest reports (ACPI_DEVICE_OST) */
    void (*ost)(void *opaque, const char *id, unsigned slot, uint32_t event,
                uint32_t status);
    /* the DIMM is gone: guest eject, or a reset completing a device_del
     * (DEVICE_DELETED) */
    void (*deleted)(void *opaque, const char *id, unsigned slot);
    /* the guest refused a removal; the DIMM stays */
    void (*unplug_refused)(void *opaque, const char *id, unsigned slot);
    /* _PS0 (0) / _PS3 (3) */
    void (*power_state)(void *opaque, const char *id, unsigned slot, uint32_t state);
    void *opaque;
} PcDimmEvents;

typedef struct PcDimms {
    DimmBus *bus;
    AcpiMemhpState *memhp;    /* NULL when there are no slots */
    uint64_t reserved_end;    /* etc/reserved-memory-end */
    PcDimmEvents events;
} PcDimms;

/*
 * Call after fw_cfg and the PM function exist, before the VM is created.
 * phys_bits: the guest's physical address width (CPUID 0x80000008 EAX[7:0]),
 * 0 if unknown (40 is assumed). kvm, fw_cfg, pm and host_bridge may be NULL
 * (unit tests): no memslots, no files, no GPE.
 */
PcDimms *pc_dimms_new(const MachineConfig *cfg, const PcMemoryLayout *layout,
                      unsigned phys_bits, void *host_bridge, KvmAccel *kvm,
                      FwCfgState *fw_cfg, AcpiPiix4State *pm, GError **errp);
/* Machine reset: completes every removal the guest has not finished (the
 * guest no longer uses that memory), then clears all pending events.
 * Plugged DIMMs stay plugged. */
void pc_dimms_reset(PcDimms *d);
/* Unmaps every DIMM and unregisters the block. Call before the RAM block
 * registry is emptied. */
void pc_dimms_free(PcDimms *d);
void pc_dimms_set_events(PcDimms *d, const PcDimmEvents *events);

/* device_add dimm,id=ID: hot-plugs a -dimm slot declared at start-up. */
bool pc_dimms_hotplug_declared(PcDimms *d, const char *id, GError **errp);
/* device_add pc-dimm,id=ID,size=,node=[,slot=][,addr=]: a new DIMM in a
 * free slot (slot DIMM_SLOT_AUTO, addr DIMM_ADDR_AUTO for first fit). */
bool pc_dimms_hotplug_pc_dimm(PcDimms *d, const char *id, uint64_t size, unsigned node,
                              const char *memdev, unsigned slot, uint64_t addr,
                              GError **errp);
/* device_del ID: asks the guest to eject; completion is the deleted event.
 * Fails while an earlier request for the DIMM is still unanswered. */
bool pc_dimms_unplug_request(PcDimms *d, const char *id, GError **errp);

/* The fw_cfg file contents (docs/specs/acpi_hotplug.txt, docs/specs/fwcfg.txt). */
GByteArray *pc_dimms_hotplug_memory_file(const DimmBus *bus, unsigned nnodes);
GByteArray *pc_dimms_numa_file(const MachineConfig *cfg);

#endif
