/*
 * balloon.h - what the balloon commands of the monitor ask of the machine
 * (balloon, query-balloon, HMP balloon / info balloon), and the event it
 * sends back. hw/pc_balloon.c fills the table when -device
 * virtio-balloon-pci exists; without it the commands answer DeviceNotActive.
 * Calls run with the device lock held.
 */
#ifndef MONITOR_BALLOON_H
#define MONITOR_BALLOON_H

#include <stdint.h>

typedef struct MonitorBalloonOps {
    /* RAM given with -m plus the plugged DIMMs, bytes */
    uint64_t (*ram_size)(void *opaque);
    /* bytes the guest's driver says the balloon holds */
    uint64_t (*ballooned)(void *opaque);
    /* ask the driver to hold this many bytes (a multiple of 4 KiB) */
    void (*set_ballooned)(void *opaque, uint64_t bytes);
    void *opaque;
} MonitorBalloonOps;

/* ops is copied; NULL detaches. */
void monitor_set_balloon_ops(const MonitorBalloonOps *ops);
/* The driver's count changed: BALLOON_CHANGE with the new actual. */
void monitor_balloon_changed(void);

#endif
