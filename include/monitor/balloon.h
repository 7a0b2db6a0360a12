/*
 * balloon.h - what the balloon commands of the monitor ask of the machine
 * (balloon, query-balloon, HMP balloon / info balloon), and the event it
 * sends back. hw/pc_balloon.c fills the table when -device
 * virtio-balloon-pci exists; without it the commands answer DeviceNotActive.
 * Calls run with the device lock held.
 */
#ifndef MONITOR_BALLOON_H
#define MONITOR_BALLOON_H

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct MonitorBalloonOps {
    /* RAM given with -m plus the plugged DIMMs, bytes */
    uint64_t (*ram_size)(void *opaque);
    /* bytes the guest's driver says the balloon holds */
    uint64_t (*ballooned)(void *opaque);
    /* ask the driver to hold this many bytes (a multiple of 4 KiB) */
    void (*set_ballooned)(void *opaque, uint64_t bytes);
    /* the device's -device id (its QOM path /machine/peripheral/ID); NULL: none */
    const char *id;
    uint32_t (*stats_interval)(void *opaque);
    void (*set_stats_interval)(void *opaque, uint32_t secs);
    /* the guest's last stats, MONITOR_BALLOON_STATS of them (-1: never
     * reported); returns their time, seconds since the epoch, 0: none yet */
    int64_t (*stats)(void *opaque, int64_t *out);
    void *opaque;
} MonitorBalloonOps;

#define MONITOR_BALLOON_STATS 10

/* ops is copied; NULL detaches. */
void monitor_set_balloon_ops(const MonitorBalloonOps *ops);
/* The driver's count changed: BALLOON_CHANGE with the new actual. */
void monitor_balloon_changed(void);

/* device_add of virtio-balloon-pci (props: all of device_add's arguments)
 * goes to the machine's add, which may refuse with QEMU's words; without
 * one the driver is unknown. device_del of the balloon is refused. */
typedef bool (*MonitorBalloonAdd)(void *opaque, JsonObject *props, GError **errp);
void monitor_set_balloon_add(MonitorBalloonAdd add, void *opaque);
bool monitor_balloon_device_add(const char *driver, JsonObject *props, GError **errp);
/* device_del ID: true (errp set) when ID is the balloon's */
bool monitor_balloon_device_del_refused(const char *id, GError **errp);

/* QOM (monitor/qmp-qom.c): the balloon's id, NULL without one; its
 * properties as QEMU's virtio-balloon-pci has them. */
const char *monitor_balloon_id(void);
extern const char *const monitor_balloon_props[][2];   /* {name, type}, {NULL} */
JsonNode *monitor_balloon_qom_get(const char *property, GError **errp);
bool monitor_balloon_qom_set(const char *property, JsonNode *value, GError **errp);

#endif
