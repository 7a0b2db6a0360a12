/*
 * qmp-balloon.c - balloon and query-balloon, with QEMU's semantics
 * (system/balloon.c and virtio-balloon's to_target/stat):
 *   actual = RAM + plugged DIMMs - ballooned;
 *   balloon: no device first (DeviceNotActive), then value <= 0 is refused,
 *   a value above RAM + DIMMs is clamped to it, and the driver is asked to
 *   hold RAM + DIMMs - value (rounded down to 4 KiB pages).
 */
#include "monitor/balloon.h"
#include "monitor/qapi-runtime.h"
#include "qapi-generated.h"

#define BALLOON_PAGE 4096ULL

static MonitorBalloonOps balloon_ops;
static bool have_balloon_ops;

void monitor_set_balloon_ops(const MonitorBalloonOps *ops)
{
    have_balloon_ops = ops != NULL;
    balloon_ops = ops ? *ops : (MonitorBalloonOps){ 0 };
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
