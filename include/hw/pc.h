/*
 * pc.h - the hotmem PC machine: memory map, chipset, firmware items,
 * KVM, reset and the timing of a boot.
 */
#ifndef HW_PC_H
#define HW_PC_H

#include "hotmem/options.h"

#include <glib.h>

typedef struct PcMachine PcMachine;

/* Builds everything (files read and checked first, then KVM, RAM and
 * devices); the VM is created and its vCPUs wait at the reset vector. */
PcMachine *pc_machine_new(const MachineConfig *cfg, GError **errp);
/* Starts the vCPUs and runs the main loop; returns the exit status. */
int pc_machine_run(PcMachine *pc);
void pc_machine_free(PcMachine *pc);
/* The monitor's stop and cont (main thread, device lock NOT held: a vCPU
 * may be waiting for it). */
void pc_machine_vcpus_stop(PcMachine *pc);
bool pc_machine_vcpus_start(PcMachine *pc, GError **errp);
int pc_machine_vcpu_thread_id(PcMachine *pc, unsigned index);

#endif
