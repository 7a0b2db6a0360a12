/*
 * kvm.h - the KVM accelerator: one VM with in-kernel irqchip and PIT, one
 * thread per vCPU, memslots for the RAM blocks, I/O exits dispatched to
 * io_dispatch().
 *
 * A machine reset creates a fresh KVM VM on the same host memory, so every
 * vCPU starts at the architectural reset state (CS base 0xffff0000,
 * IP 0xfff0) exactly as after power-on.
 */
#ifndef HOTMEM_KVM_H
#define HOTMEM_KVM_H

#include "hotmem/guest-mem.h"

#include <glib.h>
#include <stdbool.h>

typedef struct KvmTopology {
    unsigned ncpus;
    unsigned sockets;
    unsigned cores;       /* per socket */
    unsigned threads;     /* per core */
} KvmTopology;

typedef struct KvmAccel KvmAccel;

/* Opens /dev/kvm and checks what hotmem needs; no VM yet. From here on
 * every RAM block (ram_block_add) is a memslot of the VM. */
KvmAccel *kvm_accel_open(const KvmTopology *topo, GError **errp);
void kvm_accel_close(KvmAccel *kvm);

/* Creates the VM, its irqchip, PIT, interrupt routing, vCPUs (at the reset
 * vector) and a memslot for every registered RAM block. */
bool kvm_vm_create(KvmAccel *kvm, GError **errp);
/* Stops vCPUs (if running) and drops the VM; RAM blocks stay. */
void kvm_vm_destroy(KvmAccel *kvm);

/* Creates the vCPU threads, stopped, if they do not exist yet (start does
 * it too): their ids are then known before the guest first runs. */
bool kvm_vcpus_spawn(KvmAccel *kvm, GError **errp);
bool kvm_vcpus_start(KvmAccel *kvm, GError **errp);
/* Returns once every vCPU thread has left KVM_RUN and waits (the threads
 * stay, with their ids, until kvm_accel_close). */
void kvm_vcpus_stop(KvmAccel *kvm);

/* Dirty logging for migration: every writable memslot (DIMMs included)
 * gets KVM_MEM_LOG_DIRTY_PAGES, also memslots added later. sync hands fn
 * each block's bitmap of pages the guest wrote since the last sync (bit i:
 * page i of the block, 4 KiB pages) and clears it in KVM. */
typedef void (*KvmDirtyFn)(void *opaque, RamBlock *block, const uint64_t *bitmap,
                           size_t pages);
bool kvm_dirty_log_start(KvmAccel *kvm, GError **errp);
void kvm_dirty_log_stop(KvmAccel *kvm);
bool kvm_dirty_log_sync(KvmAccel *kvm, KvmDirtyFn fn, void *opaque, GError **errp);

/* IrqLine callback: opaque is the KvmAccel. */
void kvm_set_irq(void *opaque, unsigned gsi, int level);

/* The OS thread id vCPU index last ran on (query-cpus-fast's thread-id);
 * the process id before it first ran. */
int kvm_vcpu_thread_id(KvmAccel *kvm, unsigned index);

/* Guest physical address width KVM reports (CPUID 0x80000008 EAX[7:0]);
 * 36 when the leaf is missing, as the architecture defines. */
unsigned kvm_phys_addr_bits(const KvmAccel *kvm);

/* APIC ID of vCPU index (matches what CPUID and the MADT report). */
unsigned kvm_topology_apic_id(const KvmTopology *topo, unsigned index);

#endif
