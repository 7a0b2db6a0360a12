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
static const char *pending_reason;
static void (*notify_fn)(void *opaque);
static void *notify_opaque;

void vm_request(VmRequest req, const char *reason)
{
    g_mutex_lock(&request_lock);
    /* shutdown/quit outrank reset: a reset racing a poweroff must not revive the VM */
    if (req > pending) {
        pending = req;
        pending_reason = reason;
    }
    if (notify_fn) {
        notify_fn(notify_opaque);
    }
    g_mutex_unlock(&request_lock);
}

VmRequest vm_request_take(const char **reason)
{
    g_mutex_lock(&request_lock);
    VmRequest req = pending;
    if (reason) {
        *reason = pending_reason;
    }
    pending = VM_REQUEST_NONE;
    pending_reason = NULL;
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
