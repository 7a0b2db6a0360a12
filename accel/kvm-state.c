/*
 * kvm-state.c - reading and writing KVM's VM and vCPU state (kvm-state.h).
 */
#include "accel/kvm-internal.h"
#include "hotmem/kvm-state.h"
#include "hotmem/util.h"
#include "migration/vmstate.h"

#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>

static int vcpu_fd(KvmAccel *kvm, unsigned index, GError **errp)
{
    if (!kvm->vcpus || index >= kvm->topo.ncpus || kvm->vcpus[index].fd < 0) {
        g_set_error(errp, HM_ERROR, 0, "vCPU %u does not exist", index);
        return -1;
    }
    return kvm->vcpus[index].fd;
}

static bool vcpu_ioctl(KvmAccel *kvm, unsigned index, unsigned long req, void *arg,
                       const char *what, GError **errp)
{
    int fd = vcpu_fd(kvm, index, errp);
    if (fd < 0) {
        return false;
    }
    if (ioctl(fd, req, arg) < 0) {
        g_set_error(errp, HM_ERROR, 0, "%s on vCPU %u: %s", what, index, g_strerror(errno));
        return false;
    }
    return true;
}

int kvm_msrs_chunked(KvmMsrXfer xfer, void *opaque, KvmMsrValue *msrs, unsigned n,
                     unsigned chunk)
{
    unsigned done = 0, kept = 0;
    while (done < n) {
        unsigned len = MIN(chunk, n - done);
        int r = xfer(opaque, msrs + done, len);
        if (r < 0 || (unsigned)r > len) {
            return -1;
        }
        /* the first r went through; keep them (compacted to the front) */
        memmove(msrs + kept, msrs + done, (size_t)r * sizeof(*msrs));
        kept += (unsigned)r;
        done += (unsigned)r;
        if ((unsigned)r < len) {
            done++;                  /* this one KVM refuses: dropped */
        }
    }
    return (int)kept;
}

typedef struct {
    int fd;
    unsigned long req;
} MsrIoctl;

static int msr_ioctl(void *opaque, KvmMsrValue *msrs, unsigned n)
{
    MsrIoctl *m = opaque;
    struct kvm_msrs *k = g_malloc0(sizeof(*k) + n * sizeof(k->entries[0]));
    k->nmsrs = n;
    for (unsigned i = 0; i < n; i++) {
        k->entries[i].index = msrs[i].index;
        k->entries[i].data = msrs[i].data;
    }
    int r = ioctl(m->fd, m->req, k);
    for (int i = 0; i < r; i++) {
        msrs[i].data = k->entries[i].data;
    }
    g_free(k);
    return r;
}

/* The MSRs KVM says it saves and restores (KVM_GET_MSR_INDEX_LIST). */
static unsigned msr_index_list(KvmAccel *kvm, KvmMsrValue *out, GError **errp)
{
    struct kvm_msr_list probe = { .nmsrs = 0 };
    ioctl(kvm->sys_fd, KVM_GET_MSR_INDEX_LIST, &probe);      /* E2BIG, sets nmsrs */
    unsigned n = MIN(probe.nmsrs, KVM_STATE_MAX_MSRS);
    struct kvm_msr_list *l = g_malloc0(sizeof(*l) + probe.nmsrs * sizeof(l->indices[0]));
    l->nmsrs = probe.nmsrs;
    if (ioctl(kvm->sys_fd, KVM_GET_MSR_INDEX_LIST, l) < 0) {
        g_set_error(errp, HM_ERROR, 0, "KVM_GET_MSR_INDEX_LIST: %s", g_strerror(errno));
        g_free(l);
        return 0;
    }
    for (unsigned i = 0; i < n; i++) {
        out[i] = (KvmMsrValue){ .index = l->indices[i] };
    }
    g_free(l);
    return n;
}

#define MSR_CHUNK 64

bool kvm_vcpu_state_save(KvmAccel *kvm, unsigned index, KvmVcpuState *st, GError **errp)
{
    memset(st, 0, sizeof(*st));
    if (!vcpu_ioctl(kvm, index, KVM_GET_MP_STATE, &st->mp_state, "KVM_GET_MP_STATE", errp) ||
        !vcpu_ioctl(kvm, index, KVM_GET_REGS, &st->regs, "KVM_GET_REGS", errp) ||
        !vcpu_ioctl(kvm, index, KVM_GET_SREGS, &st->sregs, "KVM_GET_SREGS", errp)) {
        return false;
    }
    int xsave2 = ioctl(kvm->sys_fd, KVM_CHECK_EXTENSION, KVM_CAP_XSAVE2);
    st->xsave_size = xsave2 > (int)sizeof(struct kvm_xsave) ? (uint32_t)xsave2
                                                            : sizeof(struct kvm_xsave);
    if (st->xsave_size > KVM_STATE_XSAVE_MAX) {
        g_set_error(errp, HM_ERROR, 0, "XSAVE area of %u bytes (at most %u)", st->xsave_size,
                    KVM_STATE_XSAVE_MAX);
        return false;
    }
    if (!vcpu_ioctl(kvm, index, xsave2 > (int)sizeof(struct kvm_xsave) ? KVM_GET_XSAVE2
                                                                        : KVM_GET_XSAVE,
                    st->xsave, "KVM_GET_XSAVE", errp) ||
        !vcpu_ioctl(kvm, index, KVM_GET_XCRS, &st->xcrs, "KVM_GET_XCRS", errp) ||
        !vcpu_ioctl(kvm, index, KVM_GET_DEBUGREGS, &st->debugregs, "KVM_GET_DEBUGREGS",
                    errp) ||
        !vcpu_ioctl(kvm, index, KVM_GET_LAPIC, &st->lapic, "KVM_GET_LAPIC", errp)) {
        return false;
    }
    unsigned n = msr_index_list(kvm, st->msrs, errp);
    if (!n) {
        return false;
    }
    MsrIoctl m = { kvm->vcpus[index].fd, KVM_GET_MSRS };
    int kept = kvm_msrs_chunked(msr_ioctl, &m, st->msrs, n, MSR_CHUNK);
    if (kept < 0) {
        g_set_error(errp, HM_ERROR, 0, "KVM_GET_MSRS on vCPU %u: %s", index,
                    g_strerror(errno));
        return false;
    }
    st->nmsrs = (uint32_t)kept;
    int khz = ioctl(kvm->vcpus[index].fd, KVM_GET_TSC_KHZ, 0);
    st->tsc_khz = khz > 0 ? (uint32_t)khz : 0;
    return vcpu_ioctl(kvm, index, KVM_GET_VCPU_EVENTS, &st->events, "KVM_GET_VCPU_EVENTS",
                      errp);
}

bool kvm_vcpu_state_restore(KvmAccel *kvm, unsigned index, const KvmVcpuState *st,
                            GError **errp)
{
    if (st->nmsrs > KVM_STATE_MAX_MSRS || st->xsave_size > KVM_STATE_XSAVE_MAX) {
        g_set_error(errp, HM_ERROR, 0, "vCPU %u state: %u MSRs, %u XSAVE bytes", index,
                    st->nmsrs, st->xsave_size);
        return false;
    }
    int fd = vcpu_fd(kvm, index, errp);
    if (fd < 0) {
        return false;
    }
    int khz = ioctl(fd, KVM_GET_TSC_KHZ, 0);
    if (st->tsc_khz && khz > 0 && (uint32_t)khz != st->tsc_khz &&
        ioctl(fd, KVM_SET_TSC_KHZ, (unsigned long)st->tsc_khz) < 0) {
        /* no TSC scaling on this host: the guest sees this host's rate */
        g_debug("vCPU %u: TSC stays at %d kHz: %s", index, khz, g_strerror(errno));
    }
    /* the ioctls take non-const pointers; KVM only reads them */
    KvmVcpuState *s = (KvmVcpuState *)st;
    if (!vcpu_ioctl(kvm, index, KVM_SET_MP_STATE, &s->mp_state, "KVM_SET_MP_STATE", errp) ||
        !vcpu_ioctl(kvm, index, KVM_SET_REGS, &s->regs, "KVM_SET_REGS", errp) ||
        !vcpu_ioctl(kvm, index, KVM_SET_SREGS, &s->sregs, "KVM_SET_SREGS", errp) ||
        !vcpu_ioctl(kvm, index, KVM_SET_XSAVE, s->xsave, "KVM_SET_XSAVE", errp) ||
        !vcpu_ioctl(kvm, index, KVM_SET_XCRS, &s->xcrs, "KVM_SET_XCRS", errp) ||
        !vcpu_ioctl(kvm, index, KVM_SET_DEBUGREGS, &s->debugregs, "KVM_SET_DEBUGREGS",
                    errp) ||
        !vcpu_ioctl(kvm, index, KVM_SET_LAPIC, &s->lapic, "KVM_SET_LAPIC", errp)) {
        return false;
    }
    g_autofree KvmMsrValue *msrs = g_memdup2(st->msrs, st->nmsrs * sizeof(*msrs));
    MsrIoctl m = { fd, KVM_SET_MSRS };
    int kept = kvm_msrs_chunked(msr_ioctl, &m, msrs, st->nmsrs, MSR_CHUNK);
    if (kept < 0) {
        g_set_error(errp, HM_ERROR, 0, "KVM_SET_MSRS on vCPU %u: %s", index,
                    g_strerror(errno));
        return false;
    }
    if ((uint32_t)kept != st->nmsrs) {
        g_debug("vCPU %u: %u of %u MSRs not restored", index, st->nmsrs - kept, st->nmsrs);
    }
    return vcpu_ioctl(kvm, index, KVM_SET_VCPU_EVENTS, &s->events, "KVM_SET_VCPU_EVENTS",
                      errp);
}

static bool vm_ioctl(KvmAccel *kvm, unsigned long req, void *arg, const char *what,
                     GError **errp)
{
    if (kvm->vm_fd < 0 || ioctl(kvm->vm_fd, req, arg) < 0) {
        g_set_error(errp, HM_ERROR, 0, "%s: %s", what,
                    kvm->vm_fd < 0 ? "no VM" : g_strerror(errno));
        return false;
    }
    return true;
}

bool kvm_vm_state_save(KvmAccel *kvm, KvmVmState *st, GError **errp)
{
    memset(st, 0, sizeof(*st));
    st->pic_master.chip_id = KVM_IRQCHIP_PIC_MASTER;
    st->pic_slave.chip_id = KVM_IRQCHIP_PIC_SLAVE;
    st->ioapic.chip_id = KVM_IRQCHIP_IOAPIC;
    return vm_ioctl(kvm, KVM_GET_IRQCHIP, &st->pic_master, "KVM_GET_IRQCHIP", errp) &&
           vm_ioctl(kvm, KVM_GET_IRQCHIP, &st->pic_slave, "KVM_GET_IRQCHIP", errp) &&
           vm_ioctl(kvm, KVM_GET_IRQCHIP, &st->ioapic, "KVM_GET_IRQCHIP", errp) &&
           vm_ioctl(kvm, KVM_GET_PIT2, &st->pit, "KVM_GET_PIT2", errp) &&
           vm_ioctl(kvm, KVM_GET_CLOCK, &st->clock, "KVM_GET_CLOCK", errp);
}

bool kvm_vm_state_restore(KvmAccel *kvm, const KvmVmState *st, GError **errp)
{
    KvmVmState s = *st;
    if (s.pic_master.chip_id != KVM_IRQCHIP_PIC_MASTER ||
        s.pic_slave.chip_id != KVM_IRQCHIP_PIC_SLAVE || s.ioapic.chip_id != KVM_IRQCHIP_IOAPIC) {
        g_set_error(errp, HM_ERROR, 0, "irqchip state: wrong chip ids %u/%u/%u",
                    s.pic_master.chip_id, s.pic_slave.chip_id, s.ioapic.chip_id);
        return false;
    }
    /* only the clock value: the flags say what the source's host had */
    struct kvm_clock_data clock = { .clock = s.clock.clock };
    return vm_ioctl(kvm, KVM_SET_IRQCHIP, &s.pic_master, "KVM_SET_IRQCHIP", errp) &&
           vm_ioctl(kvm, KVM_SET_IRQCHIP, &s.pic_slave, "KVM_SET_IRQCHIP", errp) &&
           vm_ioctl(kvm, KVM_SET_IRQCHIP, &s.ioapic, "KVM_SET_IRQCHIP", errp) &&
           vm_ioctl(kvm, KVM_SET_PIT2, &s.pit, "KVM_SET_PIT2", errp) &&
           vm_ioctl(kvm, KVM_SET_CLOCK, &clock, "KVM_SET_CLOCK", errp);
}

void kvm_state_resumed(KvmAccel *kvm)
{
    for (unsigned i = 0; kvm->vcpus && i < kvm->topo.ncpus; i++) {
        /* EINVAL without a kvmclock in the guest: nothing to tell */
        ioctl(kvm->vcpus[i].fd, KVM_KVMCLOCK_CTRL, 0);
    }
}

/* ---- field tables: the kernel's structs travel as their bytes (their
 * layouts are KVM's ABI) ---- */

static const VmStateDesc msr_vmstate = {
    .name = "kvm-msr", .version = 1, .min_version = 1,
    .fields = (const VmStateField[]){
        VMSTATE_U32(KvmMsrValue, index),
        VMSTATE_U64(KvmMsrValue, data),
        VMSTATE_END,
    },
};

const VmStateDesc kvm_vcpu_vmstate = {
    .name = "kvm-vcpu", .version = 1, .min_version = 1,
    .fields = (const VmStateField[]){
        VMSTATE_BUFFER(KvmVcpuState, mp_state),
        VMSTATE_BUFFER(KvmVcpuState, regs),
        VMSTATE_BUFFER(KvmVcpuState, sregs),
        VMSTATE_U32(KvmVcpuState, xsave_size),
        VMSTATE_BUFFER(KvmVcpuState, xsave),
        VMSTATE_BUFFER(KvmVcpuState, xcrs),
        VMSTATE_BUFFER(KvmVcpuState, debugregs),
        VMSTATE_BUFFER(KvmVcpuState, lapic),
        VMSTATE_VARRAY(KvmVcpuState, msrs, KVM_STATE_MAX_MSRS, nmsrs, KvmMsrValue,
                       &msr_vmstate),
        VMSTATE_BUFFER(KvmVcpuState, events),
        VMSTATE_U32(KvmVcpuState, tsc_khz),
        VMSTATE_END,
    },
};

const VmStateDesc kvm_vm_vmstate = {
    .name = "kvm-vm", .version = 1, .min_version = 1,
    .fields = (const VmStateField[]){
        VMSTATE_BUFFER(KvmVmState, pic_master),
        VMSTATE_BUFFER(KvmVmState, pic_slave),
        VMSTATE_BUFFER(KvmVmState, ioapic),
        VMSTATE_BUFFER(KvmVmState, pit),
        VMSTATE_BUFFER(KvmVmState, clock),
        VMSTATE_END,
    },
};
