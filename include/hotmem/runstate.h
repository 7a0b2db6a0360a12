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

void vm_request(VmRequest req, const char *reason);
/* Takes the pending request (highest priority wins) and clears it. */
VmRequest vm_request_take(const char **reason);
VmRequest vm_request_peek(void);
/* Called after every request is posted (the main loop wakes up), with the
 * request lock held: it must be quick and must not post or take requests.
 * Replacing it (NULL to clear) waits for a call in progress, so the old
 * opaque may be freed as soon as this returns. */
void vm_request_set_notify(void (*notify)(void *opaque), void *opaque);

#endif
