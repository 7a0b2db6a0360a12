/*
 * event.c - QMP events: built where they happen (often a vCPU thread, with
 * the device lock held), delivered in the main thread, in order.
 *
 * An event is turned into its JSON line at once (so the timestamp is the
 * moment it happened) and queued. Emitted from the thread that owns the
 * monitor's main context, the queue is delivered before the emitter
 * returns, so an event caused by a command precedes the command's reply,
 * as in QEMU. From another thread, an idle source delivers it.
 *
 * Two things keep a guest from flooding the monitor:
 * - events a guest can cause at will are throttled as QEMU's monitor does
 *   (rules[] below): the first one goes out at once, later ones within the
 *   period are held and only the newest is sent when the period ends, per
 *   event and per key (for ACPI_DEVICE_OST the slot), so one slot never
 *   hides another's state. A held event keeps its own timestamp.
 * - the queue from other threads is capped (MONITOR_EVENT_QUEUE_MAX, see
 *   monitor.h): while the main loop does not run, further events are
 *   dropped and counted, logged once per episode. Events that end an
 *   operation have a reserve on top of the cap.
 */
#include "monitor/monitor.h"
#include "monitor/qapi-runtime.h"
#include "monitor/qjson.h"

#include <stdio.h>
#include <string.h>

typedef struct EventRule {
    const char *name;
    unsigned period_ms;       /* throttling period; 0: never throttled */
    const char *key[2];       /* members of data ("a.b") that tell the
                               * throttled instances apart; the first
                               * present is used */
    bool ends_operation;      /* never throttled; may use the queue reserve */
} EventRule;

static const EventRule rules[] = {
    /* every guest write of the _OST status register emits one */
    { "ACPI_DEVICE_OST", 1000, { "info.slot", "info.device" }, false },
    /* the balloon driver writes its page count as often as it likes */
    { "BALLOON_CHANGE", 1000, { NULL, NULL }, false },
    { "RTC_CHANGE", 1000, { "qom-path", NULL }, false },
    /* what management waits for: one per request it made */
    { "DEVICE_DELETED", 0, { NULL, NULL }, true },
    { "DEVICE_UNPLUG_GUEST_ERROR", 0, { NULL, NULL }, true },
    { "SHUTDOWN", 0, { NULL, NULL }, true },
};

typedef struct Sink {
    MonitorEventSink fn;
    void *opaque;
} Sink;

/* One throttled (event, key) within its period. */
typedef struct Throttle {
    char *held;               /* newest line of the period, not sent yet */
    GSource *timer;           /* ends the period */
} Throttle;

static GMutex lock;
static GArray *sinks;               /* Sink */
static GQueue queue = G_QUEUE_INIT; /* char *, JSON line */
static GMainContext *context;
static GSource *pending;            /* idle source that will deliver */
static GHashTable *throttles;       /* "NAME\nkey" -> Throttle */
static MonitorEventStats stats;
static bool throttling_off;         /* tests of other things */
static bool dropping;               /* in an episode of a full queue */
static guint64 dropped_at_start;    /* stats.queue_dropped when it began */

static const EventRule *rule_for(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(rules); i++) {
        if (!strcmp(rules[i].name, name)) {
            return &rules[i];
        }
    }
    return NULL;
}

/* The value at a dotted path in data, as text; NULL when absent. */
static char *member_text(JsonObject *data, const char *path)
{
    g_auto(GStrv) parts = g_strsplit(path, ".", 0);
    JsonNode *n = NULL;
    for (int i = 0; parts[i]; i++) {
        if (!data || !json_object_has_member(data, parts[i])) {
            return NULL;
        }
        n = json_object_get_member(data, parts[i]);
        data = JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL;
    }
    return n && JSON_NODE_HOLDS_VALUE(n) ? qjson_to_string(n) : NULL;
}

static char *throttle_key(const EventRule *r, JsonObject *data)
{
    for (int i = 0; i < 2 && r->key[i]; i++) {
        g_autofree char *v = member_text(data, r->key[i]);
        if (v) {
            return g_strdup_printf("%s\n%s", r->name, v);
        }
    }
    return g_strdup(r->name);
}

static void free_throttle(gpointer p)
{
    Throttle *t = p;
    g_source_destroy(t->timer);
    g_source_unref(t->timer);
    g_free(t->held);
    g_free(t);
}

/* Queues a line (lock held); false when the queue is full and the line was
 * dropped (and freed). The owner's own events are delivered right after:
 * they never count against the cap. */
static bool enqueue_locked(char *line, const EventRule *r, bool owner)
{
    guint limit = MONITOR_EVENT_QUEUE_MAX;
    if (r && r->ends_operation) {
        limit += MONITOR_EVENT_QUEUE_RESERVE;
    }
    if (!owner && queue.length >= limit) {
        stats.queue_dropped++;
        if (!dropping) {
            dropping = true;
            dropped_at_start = stats.queue_dropped - 1;
            fprintf(stderr, "hotmem: monitor event queue full (%u events, the main loop is "
                    "not running): dropping events until it catches up\n", queue.length);
        }
        g_free(line);
        return false;
    }
    g_queue_push_tail(&queue, line);
    stats.queue_max = MAX(stats.queue_max, queue.length);
    return true;
}

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
        if (!line && dropping) {
            dropping = false;
            fprintf(stderr, "hotmem: monitor event queue drained: %" G_GUINT64_FORMAT
                    " events were dropped\n", stats.queue_dropped - dropped_at_start);
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

/* The end of a throttling period (main thread): the held line goes out
 * and a new period starts; with nothing held, the throttle is forgotten.
 * opaque is the key: the Throttle may be gone already (last sink removed
 * meanwhile by another thread), and only the table says. */
static gboolean period_end(gpointer opaque)
{
    const char *key = opaque;
    g_mutex_lock(&lock);
    Throttle *t = throttles ? g_hash_table_lookup(throttles, key) : NULL;
    if (!t || t->timer != g_main_current_source()) {
        g_mutex_unlock(&lock);
        return G_SOURCE_REMOVE;
    }
    if (!t->held) {
        g_hash_table_remove(throttles, key);
        g_mutex_unlock(&lock);
        return G_SOURCE_REMOVE;
    }
    char *line = t->held;
    t->held = NULL;
    enqueue_locked(line, NULL, true);
    g_mutex_unlock(&lock);
    monitor_event_flush();
    return G_SOURCE_CONTINUE;
}

/* Lock held. True when the line was taken (held for later): the caller
 * must not queue it. */
static bool throttle_locked(const EventRule *r, char *key, char *line)
{
    if (!throttles) {
        throttles = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_throttle);
    }
    Throttle *t = g_hash_table_lookup(throttles, key);
    if (t) {
        if (t->held) {
            stats.coalesced++;
        }
        g_free(t->held);
        t->held = line;
        g_free(key);
        return true;
    }
    if (g_hash_table_size(throttles) >= MONITOR_EVENT_THROTTLE_KEYS) {
        g_free(key);          /* cannot happen with hotmem's keys; stay bounded */
        return false;
    }
    t = g_new0(Throttle, 1);
    t->timer = g_timeout_source_new(r->period_ms);
    g_source_set_callback(t->timer, period_end, g_strdup(key), g_free);
    g_source_attach(t->timer, context);
    g_hash_table_insert(throttles, key, t);
    return false;             /* the first of a period goes out at once */
}

void monitor_event_emit(const char *name, JsonObject *data)
{
    gint64 now = g_get_real_time();
    const EventRule *rule = rule_for(name);
    char *key = rule && rule->period_ms && !throttling_off ? throttle_key(rule, data) : NULL;
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
    GString *text = g_string_new(NULL);
    qjson_append(text, node);
    g_string_append(text, "\r\n");
    json_node_unref(node);
    char *line = g_string_free(text, FALSE);

    g_mutex_lock(&lock);
    if (!sinks || !sinks->len) {
        g_mutex_unlock(&lock);
        g_free(key);
        g_free(line);
        return;
    }
    if (key && throttle_locked(rule, key, line)) {
        g_mutex_unlock(&lock);
        return;
    }
    bool owner = g_main_context_is_owner(context);
    bool queued = enqueue_locked(line, rule, owner);
    if (queued && !owner && !pending) {
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

void monitor_event_set_throttling(bool on)
{
    g_mutex_lock(&lock);
    throttling_off = !on;
    g_mutex_unlock(&lock);
}

void monitor_event_stats(MonitorEventStats *out)
{
    g_mutex_lock(&lock);
    *out = stats;
    out->queue_len = queue.length;
    out->held = 0;
    if (throttles) {
        GHashTableIter it;
        gpointer v;
        g_hash_table_iter_init(&it, throttles);
        while (g_hash_table_iter_next(&it, NULL, &v)) {
            out->held += ((Throttle *)v)->held != NULL;
        }
    }
    g_mutex_unlock(&lock);
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
        /* nobody to tell: what is queued or held goes, timers too */
        g_queue_clear_full(&queue, g_free);
        g_clear_pointer(&throttles, g_hash_table_destroy);
        if (pending) {
            g_source_destroy(pending);
            g_source_unref(pending);
            pending = NULL;
        }
        dropping = false;
        context = NULL;
    }
    g_mutex_unlock(&lock);
}
