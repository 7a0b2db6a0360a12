/*
 * machine-ops.h - what the monitor asks of the machine.
 *
 * The QMP/HMP commands stop, cont, system_reset, system_powerdown, quit and
 * query-status act through this table, so monitor/ never includes hw/ and
 * the unit tests drive the commands with a fake machine. hw/pc_monitor.c
 * fills it for the PC machine. All calls come from the main thread without
 * the device lock held.
 */
#ifndef MONITOR_MACHINE_OPS_H
#define MONITOR_MACHINE_OPS_H

#include "qapi-generated.h"

#include <glib.h>
#include <stdbool.h>

typedef struct MonitorMachineOps {
    RunState (*run_state)(void *opaque);
    /* pause the vCPUs (called only when running) */
    bool (*stop)(void *opaque, GError **errp);
    /* resume them (called only when paused) */
    bool (*cont)(void *opaque, GError **errp);
    /* post a reset request (VM_CAUSE_HOST_QMP_RESET); the main loop resets */
    void (*system_reset)(void *opaque);
    /* press the ACPI power button; takes the device lock itself */
    void (*system_powerdown)(void *opaque);
    /* post a quit request (VM_CAUSE_HOST_QMP_QUIT) */
    void (*quit)(void *opaque);
    /* the OS thread id of a vCPU (query-cpus-fast); optional */
    int (*vcpu_thread_id)(void *opaque, unsigned index);
    /* what the machine was started with (name, CPUs, NUMA); optional */
    const struct MachineConfig *config;
    void *opaque;
} MonitorMachineOps;

/* ops is copied; NULL unregisters (commands then fail with GenericError). */
void monitor_set_machine_ops(const MonitorMachineOps *ops);
const MonitorMachineOps *monitor_machine_ops(void);

#endif
