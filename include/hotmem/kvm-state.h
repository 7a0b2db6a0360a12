/*
 * kvm-state.h - the state KVM keeps for a VM and its vCPUs, read out and
 * written back for migration and snapshots (facts: the KVM API document;
 * the order rules below are KVM's).
 *
 * Save (vCPUs stopped): mp_state first (reading it makes KVM deliver
 * pending INIT/SIPI), vcpu_events last. Restore: mp_state, regs, sregs,
 * xsave, xcrs, debugregs, lapic (after sregs: the APIC base), MSRs (after
 * the LAPIC: TSC deadline), vcpu_events (after regs: setting regs drops a
 * pending exception). The per-VM state is PIC x2, IOAPIC, PIT and kvmclock.
 */
#ifndef HOTMEM_KVM_STATE_H
#define HOTMEM_KVM_STATE_H

#include "hotmem/kvm.h"

#include <glib.h>
#include <linux/kvm.h>
#include <stdbool.h>
#include <stdint.h>

#define KVM_STATE_MAX_MSRS   512
#define KVM_STATE_XSAVE_MAX  (16u << 10)    /* KVM_CAP_XSAVE2 sizes seen: 4-11 KiB */

typedef struct KvmMsrValue {
    uint32_t index;
    uint64_t data;
} KvmMsrValue;

typedef struct KvmVcpuState {
    struct kvm_mp_state mp_state;
    struct kvm_regs regs;
    struct kvm_sregs sregs;
    uint32_t xsave_size;                     /* bytes of xsave used */
    uint8_t xsave[KVM_STATE_XSAVE_MAX];
    struct kvm_xcrs xcrs;
    struct kvm_debugregs debugregs;
    struct kvm_lapic_state lapic;
    uint32_t nmsrs;
    KvmMsrValue msrs[KVM_STATE_MAX_MSRS];
    struct kvm_vcpu_events events;
    uint32_t tsc_khz;
} KvmVcpuState;

typedef struct KvmVmState {
    struct kvm_irqchip pic_master, pic_slave, ioapic;
    struct kvm_pit_state2 pit;
    struct kvm_clock_data clock;
} KvmVmState;

/* vCPUs must be stopped (kvm_vcpus_stop). */
bool kvm_vcpu_state_save(KvmAccel *kvm, unsigned index, KvmVcpuState *st, GError **errp);
bool kvm_vcpu_state_restore(KvmAccel *kvm, unsigned index, const KvmVcpuState *st,
                            GError **errp);
bool kvm_vm_state_save(KvmAccel *kvm, KvmVmState *st, GError **errp);
bool kvm_vm_state_restore(KvmAccel *kvm, const KvmVmState *st, GError **errp);
/* Before a restored VM resumes, its vCPUs still stopped (a vCPU ioctl
 * blocks while that vCPU is in KVM_RUN): tells the guest's kvmclock it was
 * paused. */
void kvm_state_resumed(KvmAccel *kvm);

/*
 * MSRs in chunks: KVM_GET_MSRS/KVM_SET_MSRS stop at the first MSR they
 * cannot do and return how many they did. xfer is that ioctl on n entries;
 * this goes on after each failing index, so every MSR that works is done.
 * Returns how many of the n entries were kept (the failing ones are
 * dropped, the rest keep their order); -1 if xfer failed outright.
 */
typedef int (*KvmMsrXfer)(void *opaque, KvmMsrValue *msrs, unsigned n);
int kvm_msrs_chunked(KvmMsrXfer xfer, void *opaque, KvmMsrValue *msrs, unsigned n,
                     unsigned chunk);

/* Their migration field tables (migration/vmstate.h). */
struct VmStateDesc;
extern const struct VmStateDesc kvm_vcpu_vmstate;
extern const struct VmStateDesc kvm_vm_vmstate;

#endif
