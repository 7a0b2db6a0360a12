/*
 * pc_balloon.c - connects the virtio balloon to the monitor's balloon ops.
 */
#include "hw/pc_balloon.h"
#include "hw/hotmem-pc.h"
#include "monitor/balloon.h"

typedef struct PcBalloon {
    VirtioBalloon *b;
    uint64_t ram_size;
    PcDimms *dimms;
} PcBalloon;

static PcBalloon pc_balloon;

/* What QEMU calls the current RAM size: -m plus the plugged DIMMs (asked
 * of their owner, under the device lock the monitor command holds). */
static uint64_t ram_now(void *opaque)
{
    PcBalloon *p = opaque;
    return p->ram_size + (p->dimms ? pc_dimms_plugged_size(p->dimms) : 0);
}

static uint64_t ballooned(void *opaque)
{
    PcBalloon *p = opaque;
    return (uint64_t)p->b->actual << HM_VIRTIO_BALLOON_PFN_SHIFT;
}

static void set_ballooned(void *opaque, uint64_t bytes)
{
    PcBalloon *p = opaque;
    uint64_t pages = bytes >> HM_VIRTIO_BALLOON_PFN_SHIFT;
    virtio_balloon_set_target(p->b, pages > UINT32_MAX ? UINT32_MAX : (uint32_t)pages);
}

static uint32_t stats_interval(void *opaque)
{
    PcBalloon *p = opaque;
    return p->b->stats_interval;
}

static void set_stats_interval(void *opaque, uint32_t secs)
{
    PcBalloon *p = opaque;
    virtio_balloon_set_stats_interval(p->b, secs);
}

static int64_t stats(void *opaque, int64_t *out)
{
    PcBalloon *p = opaque;
    G_STATIC_ASSERT(MONITOR_BALLOON_STATS == VIRTIO_BALLOON_S_NR);
    for (unsigned i = 0; i < VIRTIO_BALLOON_S_NR; i++) {
        out[i] = p->b->stats_valid[i] ? (int64_t)p->b->stats[i] : -1;
    }
    return p->b->stats_last_update;
}

static void changed(void *opaque, VirtioBalloon *b)
{
    monitor_balloon_changed();
}

void pc_balloon_attach(VirtioBalloon *b, uint64_t ram_size, PcDimms *dimms)
{
    if (!b) {
        monitor_set_balloon_ops(NULL);
        return;
    }
    pc_balloon = (PcBalloon){ .b = b, .ram_size = ram_size, .dimms = dimms };
    b->changed = changed;
    b->changed_opaque = &pc_balloon;
    MonitorBalloonOps ops = {
        .ram_size = ram_now,
        .ballooned = ballooned,
        .set_ballooned = set_ballooned,
        .id = b->id,
        .stats_interval = stats_interval,
        .set_stats_interval = set_stats_interval,
        .stats = stats,
        .opaque = &pc_balloon,
    };
    monitor_set_balloon_ops(&ops);
}

void pc_balloon_detach(void)
{
    if (pc_balloon.b) {
        pc_balloon.b->changed = NULL;
    }
    pc_balloon = (PcBalloon){ 0 };
    monitor_set_balloon_ops(NULL);
}
