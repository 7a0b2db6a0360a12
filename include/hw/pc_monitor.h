/*
 * pc_monitor.h - the PC machine's side of the monitors: it opens the
 * -qmp/-monitor servers and gives the run-state commands (stop, cont,
 * system_reset, system_powerdown, quit) something to act on.
 */
#ifndef HW_PC_MONITOR_H
#define HW_PC_MONITOR_H

#include "hw/acpi_piix4.h"
#include "hw/pc.h"
#include "hw/pc_dimm.h"
#include "hotmem/options.h"

#include <glib.h>
#include <stdbool.h>

typedef struct PcMonitor PcMonitor;

/* Registers the machine ops, gives the memory commands the DIMM slots
 * (dimms may be NULL) and opens every monitor of cfg (sockets listen when
 * it returns). Call once the VM, the PM device and the slots exist. */
PcMonitor *pc_monitor_new(const MachineConfig *cfg, PcMachine *pc, AcpiPiix4State *pm,
                          PcDimms *dimms, GError **errp);
/* Detaches the memory commands from the DIMM slots (takes the device lock). */
void pc_monitor_detach_dimms(void);
/* False while the monitor keeps the vCPUs paused ('stop'): a reset then
 * leaves them stopped until 'cont'. NULL: true. */
bool pc_monitor_vm_running(const PcMonitor *m);
/* -no-shutdown: the guest powered off; vCPUs stop, status shutdown. */
void pc_monitor_guest_shutdown(PcMonitor *m);
/* After a machine reset: a powered-off VM becomes prelaunch. */
void pc_monitor_note_reset(PcMonitor *m);
/* An incoming migration brought a paused guest: 'cont' starts it. */
void pc_monitor_set_paused(PcMonitor *m, bool paused);
/* Flushes and closes the monitors, unregisters the machine ops. */
void pc_monitor_free(PcMonitor *m);

#endif
