/*
 * monitor.h - the QMP and HMP monitors as the rest of hotmem sees them:
 * servers built from -qmp/-monitor, the event queue, and the hook the main
 * loop calls so that RESET/SHUTDOWN events go out at the right moment.
 */
#ifndef MONITOR_MONITOR_H
#define MONITOR_MONITOR_H

#include "hotmem/options.h"
#include "hotmem/runstate.h"
#include "hotmem/version.h"

#include <glib.h>
#include <stdbool.h>

/* Greeting and query-version: the QEMU release whose QMP shapes hotmem
 * speaks (management tools compare major/minor), and hotmem itself. */
#define HM_QMP_QEMU_MAJOR 7
#define HM_QMP_QEMU_MINOR 2
#define HM_QMP_QEMU_MICRO 0
#define HM_MONITOR_PACKAGE "hotmem " HOTMEM_VERSION

/* ------------------------------------------------------------ servers */

typedef struct MonitorSet MonitorSet;

/* Opens every -qmp/-monitor of the configuration (sockets are listening
 * when this returns). ctx NULL: the default main context. */
MonitorSet *monitor_set_new(const MonitorConfig *cfgs, unsigned n, GMainContext *ctx,
                            GError **errp);
/* Flushes what clients have pending (up to a second), closes them and
 * removes the socket files. */
void monitor_set_free(MonitorSet *set);

/* ------------------------------------------------------------ events */

/* A destination for events (each QMP server is one). line is one JSON
 * object followed by "\r\n". Called in the main thread. */
typedef void (*MonitorEventSink)(void *opaque, const char *line);

/* Sinks live in one main context; events emitted from other threads are
 * delivered there, in emission order. With no sink, events are dropped. */
void monitor_event_add_sink(GMainContext *ctx, MonitorEventSink fn, void *opaque);
void monitor_event_remove_sink(MonitorEventSink fn, void *opaque);
/* Delivers queued events now (main thread). */
void monitor_event_flush(void);

/*
 * Bounds (monitor/event.c). Events from other threads wait in a queue for
 * the main loop: at most MONITOR_EVENT_QUEUE_MAX (a few hundred KB), more
 * are dropped and counted. Events that end an operation (DEVICE_DELETED,
 * DEVICE_UNPLUG_GUEST_ERROR, SHUTDOWN) may use MONITOR_EVENT_QUEUE_RESERVE
 * more: there is at most one per removal management requested, and the
 * requests need the main loop, so every slot's (HM_MEMHP_MAX_SLOTS = 256)
 * fits even with the queue full of other events. Throttled events are held
 * per (event, key): at most MONITOR_EVENT_THROTTLE_KEYS keys.
 */
#define MONITOR_EVENT_QUEUE_MAX 1024
#define MONITOR_EVENT_QUEUE_RESERVE 512
#define MONITOR_EVENT_THROTTLE_KEYS 1024

typedef struct MonitorEventStats {
    guint64 queue_dropped;    /* lost because the queue was full */
    guint64 coalesced;        /* held by throttling, replaced by a newer one */
    unsigned queue_len;       /* waiting for the main loop now */
    unsigned queue_max;       /* the most that ever waited */
    unsigned held;            /* throttled, to be sent when a period ends */
} MonitorEventStats;

void monitor_event_stats(MonitorEventStats *st);
/* Tests of other things than throttling, which check every event at once:
 * off, every event goes out as it is emitted. On by default. */
void monitor_event_set_throttling(bool on);

/* ------------------------------------------------------------ run state */

/*
 * The main loop calls this with every request it takes from
 * vm_request_take(), before acting on it: it emits RESET (a reset that will
 * happen), or SHUTDOWN (exit: guest power-off, quit, signal, fatal error,
 * a reset under -no-reboot), with QEMU's guest/reason values.
 */
void monitor_runstate_event(VmRequest req, VmCause cause, bool no_reboot);

#endif
