/*
 * pc_monitor.c - the monitor's machine ops for the PC machine.
 *
 * Everything here runs in the main thread. stop/cont stop and restart the
 * vCPU threads (never with the device lock held: a vCPU thread may be
 * waiting for it); reset and quit only post a request that the main loop
 * carries out, as a guest-initiated reset or power-off would be.
 *
 * The memory commands reach the DIMM slots through the memory ops below;
 * the machine's DIMM events come back here and go out as QMP events.
 */
#include "hw/pc_monitor.h"
#include "hotmem/io.h"
#include "hotmem/runstate.h"
#include "monitor/machine-ops.h"
#include "monitor/memory.h"
#include "monitor/monitor.h"

struct PcMonitor {
    KvmAccel *kvm;
    PcDimms *dimms;
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

/* ---- memory ops: the DIMM slots as the monitor sees them ---- */

typedef struct PcMemory {
    PcDimms *dimms;
    uint64_t ram_size;
} PcMemory;

static PcMemory pc_memory;

static uint64_t mem_base_memory(void *opaque)
{
    return ((PcMemory *)opaque)->ram_size;
}

static unsigned mem_slot_count(void *opaque)
{
    return ((PcMemory *)opaque)->dimms->bus->nslots;
}

static void mem_slot(void *opaque, unsigned slot, MonitorDimm *out)
{
    PcDimms *d = ((PcMemory *)opaque)->dimms;
    const DimmDevice *dev = slot < d->bus->nslots ? d->bus->slots[slot] : NULL;
    *out = (MonitorDimm){ 0 };
    if (dev) {
        out->id = dev->id;
        out->memdev = dev->memdev;
        out->addr = dev->base;
        out->size = dev->size;
        out->node = dev->node;
        out->declared = dev->declared;
        out->enabled = dev->enabled;
        out->hotplugged = dev->hotplugged;
        out->unplug_pending = dev->unplug_requested;
    }
    if (d->memhp && slot < d->memhp->nslots && d->memhp->slots[slot].ost_valid) {
        out->ost_event = d->memhp->slots[slot].ost_event;
        out->ost_status = d->memhp->slots[slot].ost_status;
    }
}

static bool mem_plug_declared(void *opaque, const char *id, GError **errp)
{
    return pc_dimms_hotplug_declared(((PcMemory *)opaque)->dimms, id, errp);
}

static bool mem_plug_pc_dimm(void *opaque, const char *id, uint64_t size, unsigned node,
                             const char *memdev, unsigned slot, uint64_t addr, GError **errp)
{
    G_STATIC_ASSERT(MONITOR_DIMM_SLOT_AUTO == DIMM_SLOT_AUTO);
    G_STATIC_ASSERT(MONITOR_DIMM_ADDR_AUTO == DIMM_ADDR_AUTO);
    return pc_dimms_hotplug_pc_dimm(((PcMemory *)opaque)->dimms, id, size, node, memdev,
                                    slot, addr, errp);
}

static bool mem_unplug_request(void *opaque, const char *id, GError **errp)
{
    return pc_dimms_unplug_request(((PcMemory *)opaque)->dimms, id, errp);
}

static void ev_ost(void *opaque, const char *id, unsigned slot, uint32_t event,
                   uint32_t status)
{
    monitor_memory_ost(id, slot, event, status);
}

static void ev_deleted(void *opaque, const char *id, unsigned slot)
{
    monitor_memory_deleted(id, slot);
}

static void ev_unplug_refused(void *opaque, const char *id, unsigned slot)
{
    monitor_memory_unplug_refused(id, slot);
}

void pc_monitor_attach_dimms(PcDimms *dimms, uint64_t ram_size)
{
    if (!dimms) {
        monitor_set_memory_ops(NULL);
        return;
    }
    pc_memory = (PcMemory){ .dimms = dimms, .ram_size = ram_size };
    MonitorMemoryOps ops = {
        .base_memory = mem_base_memory,
        .slot_count = mem_slot_count,
        .slot = mem_slot,
        .plug_declared = mem_plug_declared,
        .plug_pc_dimm = mem_plug_pc_dimm,
        .unplug_request = mem_unplug_request,
        .opaque = &pc_memory,
    };
    monitor_set_memory_ops(&ops);
    /* _PS0/_PS3 have no QMP event: they are recorded in the register block */
    PcDimmEvents ev = {
        .ost = ev_ost,
        .deleted = ev_deleted,
        .unplug_refused = ev_unplug_refused,
    };
    pc_dimms_set_events(dimms, &ev);
}

PcMonitor *pc_monitor_new(const MachineConfig *cfg, KvmAccel *kvm, AcpiPiix4State *pm,
                          PcDimms *dimms, GError **errp)
{
    PcMonitor *m = g_new0(PcMonitor, 1);
    m->kvm = kvm;
    m->pm = pm;
    m->dimms = dimms;
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
    device_lock();                /* the DIMM events and memory ops live under it */
    pc_monitor_attach_dimms(dimms, cfg->ram_size);
    device_unlock();
    m->monitors = monitor_set_new(cfg->monitors, cfg->nmonitors, NULL, errp);
    if (!m->monitors) {
        pc_monitor_detach_dimms(dimms);
        monitor_set_machine_ops(NULL);
        g_free(m);
        return NULL;
    }
    return m;
}

void pc_monitor_detach_dimms(PcDimms *dimms)
{
    device_lock();
    if (dimms) {
        pc_dimms_set_events(dimms, &(PcDimmEvents){ 0 });
    }
    monitor_set_memory_ops(NULL);
    device_unlock();
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
    pc_monitor_detach_dimms(m->dimms);
    monitor_set_machine_ops(NULL);
    g_free(m);
}
