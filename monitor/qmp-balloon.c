/*
 * qmp-balloon.c - balloon and query-balloon, with QEMU's semantics
 * (system/balloon.c and virtio-balloon's to_target/stat):
 *   actual = RAM + plugged DIMMs - ballooned;
 *   balloon: no device first (DeviceNotActive), then value <= 0 is refused,
 *   a value above RAM + DIMMs is clamped to it, and the driver is asked to
 *   hold RAM + DIMMs - value (rounded down to 4 KiB pages).
 * The QOM properties guest-stats and guest-stats-polling-interval are
 * QEMU's too (their errors, the stats' names and shape).
 */
#include "monitor/balloon.h"
#include "monitor/qapi-runtime.h"
#include "qapi-generated.h"

#include <string.h>

#define BALLOON_PAGE 4096ULL

static MonitorBalloonOps balloon_ops;
static bool have_balloon_ops;

void monitor_set_balloon_ops(const MonitorBalloonOps *ops)
{
    have_balloon_ops = ops != NULL;
    balloon_ops = ops ? *ops : (MonitorBalloonOps){ 0 };
}

static MonitorBalloonAdd balloon_add;
static void *balloon_add_opaque;

void monitor_set_balloon_add(MonitorBalloonAdd add, void *opaque)
{
    balloon_add = add;
    balloon_add_opaque = opaque;
}

bool monitor_balloon_device_add(const char *driver, JsonObject *props, GError **errp)
{
    if (!balloon_add) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "'%s' is not a valid device model name", driver);
        return false;
    }
    return balloon_add(balloon_add_opaque, props, errp);
}

bool monitor_balloon_device_del_refused(const char *id, GError **errp)
{
    if (!have_balloon_ops || !balloon_ops.id || strcmp(id, balloon_ops.id)) {
        return false;
    }
    /* hotmem's pci.0 has no hotplug controller: QEMU's words for such a bus */
    qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                   "Bus 'pci.0' does not support hotplugging");
    return true;
}

static const MonitorBalloonOps *need_balloon(GError **errp)
{
    if (!have_balloon_ops) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_DEVICE_NOT_ACTIVE,
                       "No balloon device has been activated");
        return NULL;
    }
    return &balloon_ops;
}

static int64_t current_actual(const MonitorBalloonOps *ops)
{
    uint64_t ram = ops->ram_size(ops->opaque);
    uint64_t held = ops->ballooned(ops->opaque);
    /* a driver may claim more than the guest has; never report < 0 */
    return (int64_t)(held < ram ? ram - held : 0);
}

BalloonInfo *qmp_query_balloon(GError **errp)
{
    const MonitorBalloonOps *ops = need_balloon(errp);
    if (!ops) {
        return NULL;
    }
    BalloonInfo *info = g_new0(BalloonInfo, 1);
    info->actual = current_actual(ops);
    return info;
}

bool qmp_balloon(int64_t value, GError **errp)
{
    const MonitorBalloonOps *ops = need_balloon(errp);
    if (!ops) {
        return false;
    }
    if (value <= 0) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "Parameter 'value' expects a size");
        return false;
    }
    uint64_t ram = ops->ram_size(ops->opaque);
    uint64_t target = MIN((uint64_t)value, ram);
    ops->set_ballooned(ops->opaque, (ram - target) & ~(BALLOON_PAGE - 1));
    return true;
}

void monitor_balloon_changed(void)
{
    if (have_balloon_ops) {
        qapi_event_send_balloon_change(current_actual(&balloon_ops));
    }
}

/* virtio 1.2 5.5.6.3 tags 0-9, by QEMU's names */
static const char *const stat_names[MONITOR_BALLOON_STATS] = {
    "stat-swap-in", "stat-swap-out", "stat-major-faults", "stat-minor-faults",
    "stat-free-memory", "stat-total-memory", "stat-available-memory",
    "stat-disk-caches", "stat-htlb-pgalloc", "stat-htlb-pgfail",
};

const char *const monitor_balloon_props[][2] = {
    { "guest-stats", "guest statistics" },      /* QEMU's type name */
    { "guest-stats-polling-interval", "int" },
    { NULL, NULL },
};

const char *monitor_balloon_id(void)
{
    return have_balloon_ops ? balloon_ops.id : NULL;
}

static JsonNode *int_node(int64_t v)
{
    JsonNode *j = json_node_new(JSON_NODE_VALUE);
    json_node_set_int(j, v);
    return j;
}

JsonNode *monitor_balloon_qom_get(const char *property, GError **errp)
{
    const MonitorBalloonOps *ops = need_balloon(errp);
    if (!ops) {
        return NULL;
    }
    if (!strcmp(property, "guest-stats-polling-interval")) {
        return int_node(ops->stats_interval(ops->opaque));
    }
    if (strcmp(property, "guest-stats")) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "Property 'virtio-balloon-pci.%s' not found", property);
        return NULL;
    }
    int64_t st[MONITOR_BALLOON_STATS];
    int64_t when = ops->stats(ops->opaque, st);
    if (!when) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "guest hasn't updated any stats yet");
        return NULL;
    }
    JsonObject *stats = json_object_new();
    for (unsigned i = 0; i < MONITOR_BALLOON_STATS; i++) {
        json_object_set_int_member(stats, stat_names[i], st[i]);
    }
    JsonObject *o = json_object_new();
    json_object_set_int_member(o, "last-update", when);
    json_object_set_object_member(o, "stats", stats);
    JsonNode *j = json_node_new(JSON_NODE_OBJECT);
    json_node_take_object(j, o);
    return j;
}

bool monitor_balloon_qom_set(const char *property, JsonNode *value, GError **errp)
{
    const MonitorBalloonOps *ops = need_balloon(errp);
    if (!ops) {
        return false;
    }
    if (!strcmp(property, "guest-stats")) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "Property '%s' is not writable", property);
        return false;
    }
    if (strcmp(property, "guest-stats-polling-interval")) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "Property 'virtio-balloon-pci.%s' not found", property);
        return false;
    }
    if (!value || !JSON_NODE_HOLDS_VALUE(value) ||
        json_node_get_value_type(value) != G_TYPE_INT64) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "Invalid parameter type for '%s', expected: integer", property);
        return false;
    }
    int64_t secs = json_node_get_int(value);
    if (secs < 0) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "timer value must be greater than zero");
        return false;
    }
    if (secs > UINT32_MAX) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "timer value is too big");
        return false;
    }
    ops->set_stats_interval(ops->opaque, (uint32_t)secs);
    return true;
}
