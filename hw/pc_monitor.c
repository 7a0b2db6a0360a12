/*
 * pc_monitor.c - the monitor's machine ops for the PC machine.
 *
 * Everything here runs in the main thread. stop/cont stop and restart the
 * vCPU threads (never with the device lock held: a vCPU thread may be
 * waiting for it); reset and quit only post a request that the main loop
 * carries out, as a guest-initiated reset or power-off would be.
 */
#include "hw/pc_monitor.h"
#include "hotmem/io.h"
#include "hotmem/runstate.h"
#include "monitor/machine-ops.h"
#include "monitor/monitor.h"

struct PcMonitor {
    KvmAccel *kvm;
    AcpiPiix4State *pm;
    bool paused;
    MonitorSet *monitors;
};

static RunState pc_run_state(void *opaque)
{
    PcMonitor *m = opaque;
    return m->paused ? RUN_STATE_PAUSED : RUN_STATE_RUNNING;
}

static bool pc_stop(void *opaque, GError **errp)
{
    PcMonitor *m = opaque;
    kvm_vcpus_stop(m->kvm);
    m->paused = true;
    return true;
}

static bool pc_cont(void *opaque, GError **errp)
{
    PcMonitor *m = opaque;
    if (!kvm_vcpus_start(m->kvm, errp)) {
        return false;
    }
    m->paused = false;
    return true;
}

static void pc_system_reset(void *opaque)
{
    vm_request(VM_REQUEST_RESET, MONITOR_REQUEST_RESET);
}

static void pc_system_powerdown(void *opaque)
{
    PcMonitor *m = opaque;
    device_lock();
    acpi_piix4_power_button(m->pm);
    device_unlock();
}

static void pc_quit(void *opaque)
{
    vm_request(VM_REQUEST_QUIT, MONITOR_REQUEST_QUIT);
}

PcMonitor *pc_monitor_new(const MachineConfig *cfg, KvmAccel *kvm, AcpiPiix4State *pm,
                          GError **errp)
{
    PcMonitor *m = g_new0(PcMonitor, 1);
    m->kvm = kvm;
    m->pm = pm;
    MonitorMachineOps ops = {
        .run_state = pc_run_state,
        .stop = pc_stop,
        .cont = pc_cont,
        .system_reset = pc_system_reset,
        .system_powerdown = pc_system_powerdown,
        .quit = pc_quit,
        .opaque = m,
    };
    monitor_set_machine_ops(&ops);
    m->monitors = monitor_set_new(cfg->monitors, cfg->nmonitors, NULL, errp);
    if (!m->monitors) {
        monitor_set_machine_ops(NULL);
        g_free(m);
        return NULL;
    }
    return m;
}

bool pc_monitor_vm_running(const PcMonitor *m)
{
    return !m || !m->paused;
}

void pc_monitor_free(PcMonitor *m)
{
    if (!m) {
        return;
    }
    monitor_set_free(m->monitors);
    monitor_set_machine_ops(NULL);
    g_free(m);
}
