/*
 * pc_monitor.c - the monitor's machine ops for the PC machine.
 *
 * Everything here runs in the main thread. stop/cont stop and restart the
 * vCPU threads (never with the device lock held: a vCPU thread may be
 * waiting for it); reset and quit only post a request that the main loop
 * carries out, as a guest-initiated reset or power-off would be.
 *
 * The memory commands act on the machine's memory code directly
 * (monitor_memory_attach), which reports its events to the monitor.
 */
#include "hw/pc_monitor.h"
#include "hotmem/io.h"
#include "hotmem/runstate.h"
#include "migration/migration.h"
#include "monitor/machine-ops.h"
#include "monitor/memory.h"
#include "monitor/monitor.h"
#include "qapi-generated.h"

struct PcMonitor {
    PcMachine *pc;
    PcDimms *dimms;
    AcpiPiix4State *pm;
    RunState state;           /* running, paused (stop), prelaunch (-S), shutdown */
    MonitorSet *monitors;
};

static RunState pc_run_state(void *opaque)
{
    PcMonitor *m = opaque;
    return migration_run_state(m->state);
}

static bool pc_stop(void *opaque, GError **errp)
{
    PcMonitor *m = opaque;
    pc_machine_vcpus_stop(m->pc);
    m->state = RUN_STATE_PAUSED;
    return true;
}

static bool pc_cont(void *opaque, GError **errp)
{
    PcMonitor *m = opaque;
    if (!pc_machine_vcpus_start(m->pc, errp)) {
        return false;
    }
    m->state = RUN_STATE_RUNNING;
    return true;
}

static void pc_system_reset(void *opaque)
{
    vm_request(VM_REQUEST_RESET, VM_CAUSE_HOST_QMP_RESET);
}

static void pc_system_powerdown(void *opaque)
{
    PcMonitor *m = opaque;
    device_lock();
    acpi_piix4_power_button(m->pm);
    device_unlock();
}

static int pc_vcpu_thread_id(void *opaque, unsigned index)
{
    PcMonitor *m = opaque;
    return pc_machine_vcpu_thread_id(m->pc, index);
}

static void pc_quit(void *opaque)
{
    vm_request(VM_REQUEST_QUIT, VM_CAUSE_HOST_QMP_QUIT);
}

PcMonitor *pc_monitor_new(const MachineConfig *cfg, PcMachine *pc, AcpiPiix4State *pm,
                          PcDimms *dimms, GError **errp)
{
    PcMonitor *m = g_new0(PcMonitor, 1);
    m->pc = pc;
    m->state = cfg->start_paused ? RUN_STATE_PRELAUNCH : RUN_STATE_RUNNING;
    m->pm = pm;
    m->dimms = dimms;
    MonitorMachineOps ops = {
        .run_state = pc_run_state,
        .stop = pc_stop,
        .cont = pc_cont,
        .system_reset = pc_system_reset,
        .system_powerdown = pc_system_powerdown,
        .quit = pc_quit,
        .vcpu_thread_id = pc_vcpu_thread_id,
        .config = cfg,
        .opaque = m,
    };
    monitor_set_machine_ops(&ops);
    device_lock();                /* the DIMM events and memory commands live under it */
    monitor_memory_attach(dimms);
    device_unlock();
    m->monitors = monitor_set_new(cfg->monitors, cfg->nmonitors, NULL, errp);
    if (!m->monitors) {
        pc_monitor_detach_dimms();
        monitor_set_machine_ops(NULL);
        g_free(m);
        return NULL;
    }
    return m;
}

void pc_monitor_detach_dimms(void)
{
    device_lock();
    monitor_memory_attach(NULL);
    device_unlock();
}

void pc_monitor_set_paused(PcMonitor *m, bool paused)
{
    m->state = paused ? RUN_STATE_PAUSED : RUN_STATE_RUNNING;
}

bool pc_monitor_vm_running(const PcMonitor *m)
{
    return !m || m->state == RUN_STATE_RUNNING;
}

void pc_monitor_guest_shutdown(PcMonitor *m)
{
    pc_machine_vcpus_stop(m->pc);
    m->state = RUN_STATE_SHUTDOWN;
    qapi_event_send_stop();
}

void pc_monitor_note_reset(PcMonitor *m)
{
    /* QEMU: a machine reset after a power-off waits for cont */
    if (m && m->state == RUN_STATE_SHUTDOWN) {
        m->state = RUN_STATE_PRELAUNCH;
    }
}

void pc_monitor_free(PcMonitor *m)
{
    if (!m) {
        return;
    }
    monitor_set_free(m->monitors);
    pc_monitor_detach_dimms();
    monitor_set_machine_ops(NULL);
    g_free(m);
}
