/*
 * event.c - QMP events: built where they happen (often a vCPU thread, with
 * the device lock held), delivered in the main thread, in order.
 *
 * An event is turned into its JSON line at once (so the timestamp is the
 * moment it happened) and queued. Emitted from the thread that owns the
 * monitor's main context, the queue is delivered before the emitter
 * returns, so an event caused by a command precedes the command's reply,
 * as in QEMU. From another thread, an idle source delivers it.
 */
#include "monitor/monitor.h"
#include "monitor/qapi-runtime.h"
#include "monitor/qjson.h"

typedef struct Sink {
    MonitorEventSink fn;
    void *opaque;
} Sink;

static GMutex lock;
static GArray *sinks;               /* Sink */
static GQueue queue = G_QUEUE_INIT; /* char *, JSON line */
static GMainContext *context;
static GSource *pending;            /* idle source that will deliver */

static gboolean deliver_idle(gpointer opaque)
{
    g_mutex_lock(&lock);
    if (pending) {
        g_source_unref(pending);
        pending = NULL;
    }
    g_mutex_unlock(&lock);
    monitor_event_flush();
    return G_SOURCE_REMOVE;
}

void monitor_event_flush(void)
{
    for (;;) {
        g_mutex_lock(&lock);
        char *line = g_queue_pop_head(&queue);
        GArray *copy = NULL;
        if (line && sinks) {
            copy = g_array_sized_new(FALSE, FALSE, sizeof(Sink), sinks->len);
            g_array_append_vals(copy, sinks->data, sinks->len);
        }
        g_mutex_unlock(&lock);
        if (!line) {
            return;
        }
        for (guint i = 0; copy && i < copy->len; i++) {
            Sink *s = &g_array_index(copy, Sink, i);
            s->fn(s->opaque, line);
        }
        if (copy) {
            g_array_free(copy, TRUE);
        }
        g_free(line);
    }
}

void monitor_event_emit(const char *name, JsonObject *data)
{
    gint64 now = g_get_real_time();
    JsonObject *ts = json_object_new();
    json_object_set_int_member(ts, "seconds", now / G_USEC_PER_SEC);
    json_object_set_int_member(ts, "microseconds", now % G_USEC_PER_SEC);
    JsonObject *ev = json_object_new();
    json_object_set_object_member(ev, "timestamp", ts);
    json_object_set_string_member(ev, "event", name);
    if (data) {
        json_object_set_object_member(ev, "data", data);
    }
    JsonNode *node = qapi_out_object(ev);
    GString *line = g_string_new(NULL);
    qjson_append(line, node);
    g_string_append(line, "\r\n");
    json_node_unref(node);

    g_mutex_lock(&lock);
    if (!sinks || !sinks->len) {
        g_mutex_unlock(&lock);
        g_string_free(line, TRUE);
        return;
    }
    g_queue_push_tail(&queue, g_string_free(line, FALSE));
    bool owner = g_main_context_is_owner(context);
    if (!owner && !pending) {
        pending = g_idle_source_new();
        g_source_set_priority(pending, G_PRIORITY_DEFAULT);
        g_source_set_callback(pending, deliver_idle, NULL, NULL);
        g_source_attach(pending, context);
    }
    g_mutex_unlock(&lock);
    if (owner) {
        monitor_event_flush();
    }
}

void monitor_event_add_sink(GMainContext *ctx, MonitorEventSink fn, void *opaque)
{
    g_mutex_lock(&lock);
    if (!sinks) {
        sinks = g_array_new(FALSE, FALSE, sizeof(Sink));
    }
    if (!sinks->len) {
        context = ctx ? ctx : g_main_context_default();
    }
    g_assert(context == (ctx ? ctx : g_main_context_default()));
    Sink s = { fn, opaque };
    g_array_append_val(sinks, s);
    g_mutex_unlock(&lock);
}

void monitor_event_remove_sink(MonitorEventSink fn, void *opaque)
{
    g_mutex_lock(&lock);
    for (guint i = 0; sinks && i < sinks->len; i++) {
        Sink *s = &g_array_index(sinks, Sink, i);
        if (s->fn == fn && s->opaque == opaque) {
            g_array_remove_index(sinks, i);
            break;
        }
    }
    if (sinks && !sinks->len) {
        g_queue_clear_full(&queue, g_free);
        if (pending) {
            g_source_destroy(pending);
            g_source_unref(pending);
            pending = NULL;
        }
        context = NULL;
    }
    g_mutex_unlock(&lock);
}
