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
    GThread *thread;
    pthread_t tid;
    gint stop;                       /* atomic */
    gint started;                    /* atomic: tid valid */
} KvmVcpu;

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
    int *thread_ids;                 /* per vCPU: the OS thread id it last ran on */
};

struct kvm_cpuid2 *kvm_cpuid_for_vcpu(const struct kvm_cpuid2 *supported,
                                      const KvmTopology *topo, unsigned index);

#endif
