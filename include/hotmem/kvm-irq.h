/*
 * kvm-irq.h - message-signalled interrupts into the KVM VM (KVM_SIGNAL_MSI:
 * the in-kernel irqchip routes the message to a local APIC).
 */
#ifndef HOTMEM_KVM_IRQ_H
#define HOTMEM_KVM_IRQ_H

#include "hotmem/kvm.h"

#include <stdbool.h>
#include <stdint.h>

/* Whether the VM can take MSIs (KVM_CAP_SIGNAL_MSI). */
bool kvm_has_msi(KvmAccel *kvm);
/* Sends one MSI; opaque is the KvmAccel (a PciMsiSender callback). Lost,
 * with a debug message, if the VM does not exist (reset in progress). */
void kvm_signal_msi(void *opaque, uint64_t address, uint32_t data);

/* Whether KVM can signal an eventfd on a guest MMIO write (KVM_CAP_IOEVENTFD). */
bool kvm_has_ioeventfd(KvmAccel *kvm);
/* (De)assigns fd to len-byte MMIO writes at addr, any value; opaque is the
 * KvmAccel. False when KVM refuses (the write then exits as before). */
bool kvm_ioeventfd(void *opaque, uint64_t addr, unsigned len, int fd, bool assign);

#endif
