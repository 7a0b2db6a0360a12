/*
 * pc_monitor.h - the PC machine's side of the monitors: it opens the
 * -qmp/-monitor servers and gives the run-state commands (stop, cont,
 * system_reset, system_powerdown, quit) something to act on.
 */
#ifndef HW_PC_MONITOR_H
#define HW_PC_MONITOR_H

#include "hw/acpi_piix4.h"
#include "hotmem/kvm.h"
#include "hotmem/options.h"

#include <glib.h>
#include <stdbool.h>

typedef struct PcMonitor PcMonitor;

/* Registers the machine ops and opens every monitor of cfg (sockets listen
 * when it returns). Call once the VM and the PM device exist. */
PcMonitor *pc_monitor_new(const MachineConfig *cfg, KvmAccel *kvm, AcpiPiix4State *pm,
                          GError **errp);
/* False while the monitor keeps the vCPUs paused ('stop'): a reset then
 * leaves them stopped until 'cont'. NULL: true. */
bool pc_monitor_vm_running(const PcMonitor *m);
/* Flushes and closes the monitors, unregisters the machine ops. */
void pc_monitor_free(PcMonitor *m);

#endif
