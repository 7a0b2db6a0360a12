/*
 * fw_event_port.h - the firmware progress port (HM_FW_EVENT_PORT): the
 * firmware writes a milestone code, the VMM timestamps it.
 */
#ifndef HW_FW_EVENT_PORT_H
#define HW_FW_EVENT_PORT_H

#include <glib.h>
#include <stdint.h>

#define FW_EVENT_MAX 8

typedef struct FwEventPort {
    int64_t first_ns[FW_EVENT_MAX];   /* first time each code was seen since reset, 0 = never */
    int64_t last_ns[FW_EVENT_MAX];    /* latest time, kept across resets */
    unsigned count[FW_EVENT_MAX];     /* how often, across resets */
} FwEventPort;

FwEventPort *fw_event_port_new(GError **errp);
void fw_event_port_reset(FwEventPort *s);
void fw_event_port_free(FwEventPort *s);

#endif
