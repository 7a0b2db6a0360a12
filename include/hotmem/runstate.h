/*
 * runstate.h - requests that end or restart the VM, from any thread.
 *
 * Devices (PM1 S5, reset control, keyboard controller) only post a request;
 * the main loop acts on it (vCPUs stopped, devices reset, or exit).
 */
#ifndef HOTMEM_RUNSTATE_H
#define HOTMEM_RUNSTATE_H

#include <stdbool.h>

typedef enum {
    VM_REQUEST_NONE = 0,
    VM_REQUEST_RESET,
    VM_REQUEST_SHUTDOWN,      /* guest powered off (S5) */
    VM_REQUEST_QUIT,          /* host asked (signal, monitor) */
    VM_REQUEST_ERROR,         /* the VM cannot go on (KVM failure): exit 1 */
} VmRequest;

/* Why: what the monitor's SHUTDOWN/RESET events report (QEMU's
 * ShutdownCause) and what an error exit prints. */
typedef enum {
    VM_CAUSE_NONE = 0,
    VM_CAUSE_GUEST_RESET_CONTROL,     /* the guest wrote 0xcf9 */
    VM_CAUSE_GUEST_KBD_RESET,         /* the guest pulsed the i8042 reset line */
    VM_CAUSE_GUEST_TRIPLE_FAULT,
    VM_CAUSE_GUEST_SYSTEM_EVENT,      /* KVM_EXIT_SYSTEM_EVENT (PSCI-like) */
    VM_CAUSE_GUEST_S5,                /* ACPI power-off */
    VM_CAUSE_HOST_SIGNAL,             /* SIGINT/SIGTERM/SIGHUP */
    VM_CAUSE_HOST_QMP_QUIT,           /* quit */
    VM_CAUSE_HOST_QMP_RESET,          /* system_reset */
    VM_CAUSE_KVM_ENTRY_FAILED,
    VM_CAUSE_KVM_INTERNAL_ERROR,
    VM_CAUSE_KVM_UNEXPECTED_EXIT,
    VM_CAUSE_KVM_RUN_FAILED,
    VM_CAUSE_MIGRATION_FAILED,        /* the destination could not load the stream */
} VmCause;

/* A sentence for logs and the error exit ("guest S5", "KVM internal error"). */
const char *vm_cause_text(VmCause cause);
/* The guest asked (a guest reset or power-off), not the host. */
bool vm_cause_is_guest(VmCause cause);

void vm_request(VmRequest req, VmCause cause);
/* VM_REQUEST_ERROR with a sentence saying why ("CAUSE: detail"), which
 * the error exit prints instead of the cause alone. */
void vm_request_error(VmCause cause, const char *detail);
/* That sentence (the caller frees it), or NULL. */
char *vm_request_take_error_detail(void);
/* Takes the pending request (highest priority wins) and clears it. */
VmRequest vm_request_take(VmCause *cause);
VmRequest vm_request_peek(void);
/* Called after every request is posted (the main loop wakes up), with the
 * request lock held: it must be quick and must not post or take requests.
 * Replacing it (NULL to clear) waits for a call in progress, so the old
 * opaque may be freed as soon as this returns. */
void vm_request_set_notify(void (*notify)(void *opaque), void *opaque);

#endif
