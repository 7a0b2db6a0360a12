/*
 * runstate.c - pending reset/shutdown requests posted by devices.
 */
#include "hotmem/runstate.h"

#include <glib.h>

/* Guards the pending request and the notifier. The notifier runs with it
 * held: once vm_request_set_notify() has returned, the previous notifier is
 * neither running nor about to run, so its owner may free what opaque points
 * to (the main loop's state lives on its stack). */
static GMutex request_lock;
static VmRequest pending;
static VmCause pending_cause;
static void (*notify_fn)(void *opaque);
static void *notify_opaque;
static char *error_detail;         /* vm_request_error's sentence, until taken */

const char *vm_cause_text(VmCause cause)
{
    static const char *const text[] = {
        [VM_CAUSE_NONE] = "no request",
        [VM_CAUSE_GUEST_RESET_CONTROL] = "reset control register (0xcf9)",
        [VM_CAUSE_GUEST_KBD_RESET] = "keyboard controller reset",
        [VM_CAUSE_GUEST_TRIPLE_FAULT] = "triple fault",
        [VM_CAUSE_GUEST_SYSTEM_EVENT] = "system event",
        [VM_CAUSE_GUEST_S5] = "guest S5",
        [VM_CAUSE_HOST_SIGNAL] = "signal",
        [VM_CAUSE_HOST_QMP_QUIT] = "monitor: quit",
        [VM_CAUSE_HOST_QMP_RESET] = "monitor: system_reset",
        [VM_CAUSE_KVM_ENTRY_FAILED] = "vCPU entry failed",
        [VM_CAUSE_KVM_INTERNAL_ERROR] = "KVM internal error",
        [VM_CAUSE_KVM_UNEXPECTED_EXIT] = "unexpected KVM exit",
        [VM_CAUSE_KVM_RUN_FAILED] = "KVM_RUN failed",
        [VM_CAUSE_MIGRATION_FAILED] = "incoming migration failed",
    };
    return (unsigned)cause < G_N_ELEMENTS(text) && text[cause] ? text[cause] : "unknown";
}

bool vm_cause_is_guest(VmCause cause)
{
    return cause >= VM_CAUSE_GUEST_RESET_CONTROL && cause <= VM_CAUSE_GUEST_S5;
}

void vm_request(VmRequest req, VmCause cause)
{
    g_mutex_lock(&request_lock);
    /* shutdown/quit outrank reset: a reset racing a poweroff must not revive the VM */
    if (req > pending) {
        pending = req;
        pending_cause = cause;
    }
    if (notify_fn) {
        notify_fn(notify_opaque);
    }
    g_mutex_unlock(&request_lock);
}

VmRequest vm_request_take(VmCause *cause)
{
    g_mutex_lock(&request_lock);
    VmRequest req = pending;
    if (cause) {
        *cause = pending_cause;
    }
    pending = VM_REQUEST_NONE;
    pending_cause = VM_CAUSE_NONE;
    g_mutex_unlock(&request_lock);
    return req;
}

VmRequest vm_request_peek(void)
{
    g_mutex_lock(&request_lock);
    VmRequest req = pending;
    g_mutex_unlock(&request_lock);
    return req;
}

void vm_request_set_notify(void (*notify)(void *opaque), void *opaque)
{
    g_mutex_lock(&request_lock);
    notify_fn = notify;
    notify_opaque = opaque;
    g_mutex_unlock(&request_lock);
}

void vm_request_error(VmCause cause, const char *detail)
{
    g_mutex_lock(&request_lock);
    if (!error_detail) {                  /* the first error is the one to report */
        error_detail = g_strdup_printf("%s: %s", vm_cause_text(cause), detail);
    }
    g_mutex_unlock(&request_lock);
    vm_request(VM_REQUEST_ERROR, cause);
}

char *vm_request_take_error_detail(void)
{
    g_mutex_lock(&request_lock);
    char *d = error_detail;
    error_detail = NULL;
    g_mutex_unlock(&request_lock);
    return d;
}
