/*
 * kvm-irq.c - the kernel's shortcuts for devices: MSIs (virtio-pci MSI-X)
 * through KVM_SIGNAL_MSI, and ioeventfds, which turn a guest's notify write
 * into an eventfd signal without a return to the vCPU thread.
 */
#include "accel/kvm-internal.h"
#include "hotmem/kvm-irq.h"

#include <errno.h>
#include <sys/ioctl.h>

bool kvm_has_msi(KvmAccel *kvm)
{
    return ioctl(kvm->sys_fd, KVM_CHECK_EXTENSION, KVM_CAP_SIGNAL_MSI) > 0;
}

void kvm_signal_msi(void *opaque, uint64_t address, uint32_t data)
{
    KvmAccel *kvm = opaque;
    if (kvm->vm_fd < 0) {
        return;
    }
    struct kvm_msi msi = {
        .address_lo = (uint32_t)address,
        .address_hi = (uint32_t)(address >> 32),
        .data = data,
    };
    /* 0: the message was blocked by the guest's APIC setup, not an error */
    if (ioctl(kvm->vm_fd, KVM_SIGNAL_MSI, &msi) < 0) {
        g_debug("KVM_SIGNAL_MSI 0x%" PRIx64 "/0x%x: %s", address, data, g_strerror(errno));
    }
}

bool kvm_has_ioeventfd(KvmAccel *kvm)
{
    return ioctl(kvm->sys_fd, KVM_CHECK_EXTENSION, KVM_CAP_IOEVENTFD) > 0;
}

bool kvm_ioeventfd(void *opaque, uint64_t addr, unsigned len, int fd, bool assign)
{
    KvmAccel *kvm = opaque;
    if (kvm->vm_fd < 0) {
        return false;               /* the VM is being recreated: nothing to undo */
    }
    struct kvm_ioeventfd e = {
        .addr = addr,
        .len = len,
        .fd = fd,
        .flags = assign ? 0 : KVM_IOEVENTFD_FLAG_DEASSIGN,
    };
    if (ioctl(kvm->vm_fd, KVM_IOEVENTFD, &e) < 0) {
        g_debug("KVM_IOEVENTFD %s 0x%" PRIx64 "/%u: %s", assign ? "add" : "del", addr, len,
                g_strerror(errno));
        return false;
    }
    return true;
}
