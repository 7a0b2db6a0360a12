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
