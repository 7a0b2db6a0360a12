/*
 * runstate.c - pending reset/shutdown requests posted by devices.
 */
#include "hotmem/runstate.h"

#include <glib.h>

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
    g_mutex_unlock(&request_lock);
    if (notify_fn) {
        notify_fn(notify_opaque);
    }
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
    notify_fn = notify;
    notify_opaque = opaque;
}
