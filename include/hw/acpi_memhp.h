/*
 * acpi_memhp.h - the memory hotplug register block of the PIIX4 PM function
 * (I/O 0x0a00, 32 bytes). Guest interface: docs/specs/acpi_hotplug.txt.
 *
 * The block keeps the guest protocol's state of every slot and reads the
 * layout from the slot's DIMM; the machine's memory code tells it about
 * plugs, removal requests and removals, and it calls the machine when the
 * guest ejects a DIMM, reports an _OST or changes a power state.
 */
#ifndef HW_ACPI_MEMHP_H
#define HW_ACPI_MEMHP_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "hw/acpi_piix4.h"
#include "hw/dimm.h"
#include "hw/hotmem-pc.h"

/* _OST codes the block interprets (ACPI 6.5, 6.3.5) */
#define MEMHP_OST_EV_DEVICE_CHECK    0x01
#define MEMHP_OST_EV_EJECT_REQUEST   0x03
#define MEMHP_OST_EV_OSPM_SHUTDOWN   0x100
#define MEMHP_OST_EV_OSPM_EJECT      0x103
#define MEMHP_OST_EV_OSPM_INSERTION  0x200
#define MEMHP_OST_SC_SUCCESS         0x00
#define MEMHP_OST_SC_FAILURE         0x01
#define MEMHP_OST_SC_EJECT_IN_PROGRESS 0x84

/* Per-slot state: what the guest protocol owns. The slot's layout (base,
 * size, node) and whether it is plugged belong to its DIMM, which the slot
 * points to while the DIMM is plugged. Plain fields, so a migration field
 * table can list them. */
typedef struct MemhpSlot {
    const DimmDevice *dev;    /* the plugged DIMM (status bit 0); NULL: empty */
    bool is_inserting;        /* status bit 1: Device Check not yet acknowledged */
    bool is_removing;         /* status bit 2: Eject Request not yet acknowledged */
    uint32_t ost_event;       /* last _OST the guest reported */
    uint32_t ost_status;
    bool ost_valid;           /* an _OST has been reported */
    uint32_t power_state;     /* 0 = D0, 3 = D3 (_PS0/_PS3) */
} MemhpSlot;

/* What the guest asks of the machine's memory code; each optional, called
 * with the device lock from the register block's write handler. The
 * callbacks act on the DIMMs and report; they never call back into the
 * block (it updates its own slot from the return value). */
typedef struct AcpiMemhpOps {
    /* _EJ0 on a plugged slot: true when the DIMM is gone (the block then
     * empties the slot), false when it stays (a host failure). Without the
     * callback the slot is emptied. */
    bool (*eject)(void *opaque, unsigned slot);
    /* every accepted _OST (ACPI_DEVICE_OST) */
    void (*ost)(void *opaque, unsigned slot, uint32_t event, uint32_t status);
    /* _OST reporting a refused removal (event 3 or 0x103, status 1 or 0x80-0x83) */
    void (*unplug_refused)(void *opaque, unsigned slot);
    /* _PS0 (0) or _PS3 (3) */
    void (*power_state)(void *opaque, unsigned slot, uint32_t state);
} AcpiMemhpOps;

typedef struct AcpiMemhpState {
    AcpiPiix4State *pm;       /* owner of GPE0; NULL: no GPE (tests) */
    const AcpiMemhpOps *ops;
    void *opaque;
    unsigned nslots;          /* 1 to HM_MEMHP_MAX_SLOTS */

    /* guest-visible state */
    uint32_t selector;
    uint32_t ost_event_latch; /* written at 0x04, recorded by the 0x08 write */
    MemhpSlot slots[HM_MEMHP_MAX_SLOTS];

    bool registered;
} AcpiMemhpState;

/* Registers the block at HM_MEMHP_BASE; nslots must be 1-256. */
AcpiMemhpState *acpi_memhp_new(AcpiPiix4State *pm, unsigned nslots,
                               const AcpiMemhpOps *ops, void *opaque, GError **errp);
/* Pending events and the selector clear; enabled slots stay enabled. The
 * machine completes pending removals before calling this. */
void acpi_memhp_reset(AcpiMemhpState *s);
void acpi_memhp_free(AcpiMemhpState *s);
unsigned acpi_memhp_slot_count(const AcpiMemhpState *s);

/* What the machine's memory code tells the block (device lock held), after
 * the DIMM has done its part. A hot plug sets the insert event and raises
 * GPE0 bit 3; a cold plug only fills the slot. */
void acpi_memhp_insert(AcpiMemhpState *s, const DimmDevice *dev, bool hotplug);
void acpi_memhp_request_removal(AcpiMemhpState *s, unsigned slot);
/* The DIMM is gone without a guest eject (a reset completed its removal):
 * the slot reads empty, its events clear. */
void acpi_memhp_slot_emptied(AcpiMemhpState *s, unsigned slot);

/* The block's migration state (migration/vmstate.h): selector, _OST latch
 * and each slot's events, last _OST and power state. */
struct VmStateDesc;
extern const struct VmStateDesc acpi_memhp_vmstate;

/* The next-pending register's value: lowest slot with an insert or remove
 * event pending, nslots when none is. */
unsigned acpi_memhp_next_pending(const AcpiMemhpState *s);

#endif
