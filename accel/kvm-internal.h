/*
 * kvm-internal.h - state shared by the files of accel/.
 */
#ifndef ACCEL_KVM_INTERNAL_H
#define ACCEL_KVM_INTERNAL_H

#include "hotmem/kvm.h"

#include <linux/kvm.h>
#include <pthread.h>

typedef struct KvmVcpu {
    KvmAccel *kvm;
    unsigned index;
    int fd;
    struct kvm_run *run;
    gint stop;                       /* atomic */
} KvmVcpu;

/* One OS thread per vCPU for the accelerator's whole life, as QEMU has:
 * tools pin and place the thread ids query-cpus-fast gives, before the
 * first cont and across stop/cont and resets. Stopped, it waits on
 * KvmAccel.threads_cond; it touches kvm->vcpus[index] only while running. */
typedef struct KvmVcpuThread {
    GThread *thread;
    pthread_t tid;
    bool go;                         /* start asked (under threads_lock) */
    bool parked;                     /* waiting, out of KVM_RUN (under threads_lock) */
    bool quit;
} KvmVcpuThread;

struct KvmAccel {
    int sys_fd;
    int vm_fd;
    KvmTopology topo;
    size_t run_size;
    struct kvm_cpuid2 *supported_cpuid;
    KvmVcpu *vcpus;
    bool running;
    GPtrArray *memslots;             /* RamBlock * by memslot number; NULL: free */
    bool dirty_logging;              /* KVM_MEM_LOG_DIRTY_PAGES on writable slots */
    int *thread_ids;                 /* per vCPU: its OS thread id (0: none yet) */
    KvmVcpuThread *threads;          /* NULL until kvm_vcpus_spawn */
    GMutex threads_lock;
    GCond threads_cond;
};

struct kvm_cpuid2 *kvm_cpuid_for_vcpu(const struct kvm_cpuid2 *supported,
                                      const KvmTopology *topo, unsigned index);

#endif
