/*
 * virtio_balloon.h - virtio-balloon (device id 5) on the modern PCI
 * transport: inflate/deflate queues of 4 KiB PFNs, a stats queue and, when
 * asked for, free page reporting. Inflated and reported pages are given
 * back to the host (MADV_DONTNEED on the RAM block that holds them);
 * deflating only changes the count.
 */
#ifndef HW_VIRTIO_BALLOON_H
#define HW_VIRTIO_BALLOON_H

#include "hw/virtio.h"
#include "hw/virtio_pci.h"

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

/* feature bits (virtio 1.2, 5.5.3) */
#define VIRTIO_BALLOON_F_MUST_TELL_HOST 0
#define VIRTIO_BALLOON_F_STATS_VQ       1
#define VIRTIO_BALLOON_F_DEFLATE_ON_OOM 2
#define VIRTIO_BALLOON_F_REPORTING      5

/* config layout */
#define VIRTIO_BALLOON_CFG_NUM_PAGES    0
#define VIRTIO_BALLOON_CFG_ACTUAL       4
#define VIRTIO_BALLOON_CFG_LEN          8

#define VIRTIO_BALLOON_S_NR             10    /* stat tags 0-9 */
/* PFNs used from one inflate buffer (Linux sends at most 256): a buffer
 * as big as guest RAM must not hold the thread that serves it */
#define VIRTIO_BALLOON_MAX_BUFFER_PFNS  16384

typedef struct VirtioBalloonOptions {
    const char *id;               /* NULL: no id */
    bool deflate_on_oom;
    bool free_page_reporting;
} VirtioBalloonOptions;

typedef struct VirtioBalloon VirtioBalloon;

/* Called (device lock held, any thread) when the driver's "actual" count
 * of ballooned pages changed. */
typedef void (*VirtioBalloonChanged)(void *opaque, VirtioBalloon *b);

struct VirtioBalloon {
    VirtioDevice vdev;
    VirtioPci *pci;
    char *id;
    uint32_t num_pages;           /* target the host set */
    uint32_t actual;              /* pages the driver says it holds */
    uint64_t discarded_pages;     /* 4 KiB pages given back to the host */
    uint64_t reported_bytes;      /* of those, from free page reporting */
    bool stats_held;              /* the driver's stats buffer, not yet returned */
    VirtQueueElement stats_elem;
    uint64_t stats[VIRTIO_BALLOON_S_NR];
    bool stats_valid[VIRTIO_BALLOON_S_NR];
    int64_t stats_last_update;    /* seconds since the epoch; 0: never */
    unsigned stats_queue;         /* index of the stats queue the buffer came on */
    uint32_t stats_interval;      /* guest-stats-polling-interval, s; 0: off */
    GSource *stats_timer;         /* main loop: gives the buffer back to the guest */
    VirtioBalloonChanged changed;
    void *changed_opaque;
    /* migration: the -device properties a destination must repeat */
    char *identity;
    bool mig_stats_held;          /* the source held a stats buffer */
};

VirtioBalloon *virtio_balloon_new(const VirtioBalloonOptions *opts, unsigned devfn,
                                  const PciIntxRouter *intx, GError **errp);
/* Machine reset (the guest starts over with every page). */
void virtio_balloon_reset(VirtioBalloon *b);
void virtio_balloon_free(VirtioBalloon *b);
/* Asks the driver to hold pages pages (a config change interrupt). */
void virtio_balloon_set_target(VirtioBalloon *b, uint32_t pages);
/* Polls the guest's stats every secs seconds (0 stops): a timer on the
 * main context returns the held stats buffer, the driver refills it and
 * sends it back. Main thread, device lock held. */
void virtio_balloon_set_stats_interval(VirtioBalloon *b, uint32_t secs);

/* Migration (docs/specs/migration.txt): the device's state besides the
 * transport's (virtio_pci_vmstate, loaded first): the common virtio state,
 * target, actual, the stats (last values, interval) and whether the driver's
 * stats buffer was held; that buffer is taken from the ring again on load.
 * Reported and inflated pages are not state: they arrive as zero pages. */
extern const struct VmStateDesc virtio_balloon_vmstate;
/* No guest or timer work while quiesced (a migration's switch-over and,
 * on the destination, from the load until the guest runs). */
void virtio_balloon_set_quiesced(VirtioBalloon *b, bool quiesced);

#endif
