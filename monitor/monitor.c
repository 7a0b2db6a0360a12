/*
 * monitor.c - the monitors of a machine: servers from -qmp/-monitor, the
 * machine ops the run-state commands use, and the run-state events.
 */
#include "monitor/monitor.h"
#include "monitor/hmp.h"
#include "monitor/machine-ops.h"
#include "monitor/monitor-internal.h"
#include "monitor/qmp.h"
#include "hotmem/util.h"
#include "qapi-generated.h"

#include <string.h>

/* ------------------------------------------------------------ machine ops */

static MonitorMachineOps machine_ops;
static bool have_machine_ops;
static bool shutdown_sent;

void monitor_set_machine_ops(const MonitorMachineOps *ops)
{
    have_machine_ops = ops != NULL;
    machine_ops = ops ? *ops : (MonitorMachineOps){ 0 };
    shutdown_sent = false;
}

const MonitorMachineOps *monitor_machine_ops(void)
{
    return have_machine_ops ? &machine_ops : NULL;
}

void monitor_note_shutdown_sent(void)
{
    shutdown_sent = true;
}

/* ------------------------------------------------------------ run state */

static void send_shutdown(bool guest, ShutdownCause cause)
{
    if (!shutdown_sent) {
        shutdown_sent = true;
        qapi_event_send_shutdown(guest, cause);
    }
}

void monitor_runstate_event(VmRequest req, VmCause cause, bool no_reboot)
{
    bool by_monitor_reset = cause == VM_CAUSE_HOST_QMP_RESET;
    bool by_monitor_quit = cause == VM_CAUSE_HOST_QMP_QUIT;
    ShutdownCause reset_cause = by_monitor_reset ? SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET
                                                 : SHUTDOWN_CAUSE_GUEST_RESET;
    switch (req) {
    case VM_REQUEST_NONE:
        break;
    case VM_REQUEST_RESET:
        if (no_reboot) {
            send_shutdown(!by_monitor_reset, reset_cause);   /* -no-reboot: we exit */
        } else {
            qapi_event_send_reset(!by_monitor_reset, reset_cause);
        }
        break;
    case VM_REQUEST_SHUTDOWN:
        send_shutdown(true, SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
        break;
    case VM_REQUEST_QUIT:
        send_shutdown(false, by_monitor_quit ? SHUTDOWN_CAUSE_HOST_QMP_QUIT
                                             : SHUTDOWN_CAUSE_HOST_SIGNAL);
        break;
    case VM_REQUEST_ERROR:
        send_shutdown(false, SHUTDOWN_CAUSE_HOST_ERROR);
        break;
    }
}

/* ------------------------------------------------------------ servers */

struct MonitorSet {
    GPtrArray *qmp;           /* QmpServer */
    GPtrArray *hmp;           /* HmpServer */
};

MonitorSet *monitor_set_new(const MonitorConfig *cfgs, unsigned n, GMainContext *ctx,
                            GError **errp)
{
    MonitorSet *set = g_new0(MonitorSet, 1);
    set->qmp = g_ptr_array_new();
    set->hmp = g_ptr_array_new();
    for (unsigned i = 0; i < n; i++) {
        const MonitorConfig *c = &cfgs[i];
        bool qmp = c->protocol == MONITOR_PROTOCOL_QMP;
        GError *err = NULL;
        if (qmp) {
            QmpServer *s = qmp_server_new(c->path, c->has_fd ? c->fd : -1, ctx, &err);
            if (s) {
                g_ptr_array_add(set->qmp, s);
            }
        } else {
            HmpServer *s = hmp_server_new(c->path, c->has_fd ? c->fd : -1, ctx, &err);
            if (s) {
                g_ptr_array_add(set->hmp, s);
            }
        }
        if (err) {
            if (c->chardev) {
                g_set_error(errp, HM_ERROR, 0, "-chardev %s: %s", c->chardev, err->message);
            } else {
                g_set_error(errp, HM_ERROR, 0, "%s: %s", qmp ? "-qmp" : "-monitor",
                            err->message);
            }
            g_error_free(err);
            monitor_set_free(set);
            return NULL;
        }
    }
    return set;
}

void monitor_set_free(MonitorSet *set)
{
    if (!set) {
        return;
    }
    monitor_event_flush();                /* SHUTDOWN and the last replies go out */
    for (guint i = 0; i < set->qmp->len; i++) {
        qmp_server_free(g_ptr_array_index(set->qmp, i));
    }
    for (guint i = 0; i < set->hmp->len; i++) {
        hmp_server_free(g_ptr_array_index(set->hmp, i));
    }
    g_ptr_array_free(set->qmp, TRUE);
    g_ptr_array_free(set->hmp, TRUE);
    g_free(set);
}
