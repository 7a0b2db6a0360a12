/*
 * virtio_balloon.c - the virtio memory balloon (virtio 1.2, 5.5).
 *
 * Queues are numbered densely from the negotiated features, as drivers
 * number them: inflate 0, deflate 1, then stats (STATS_VQ) and reporting
 * (REPORTING). Pages are discarded with MADV_DONTNEED on the host mapping
 * of whichever RAM block holds them (low RAM, high RAM or a DIMM), so the
 * host gets them back at once and the guest sees zeroes if it touches them
 * again. A PFN outside writable guest RAM is skipped.
 */
#include "hw/virtio_balloon.h"
#include "hw/hotmem-pc.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "hotmem/util.h"
#include "migration/vmstate.h"

#include <string.h>
#include <sys/mman.h>

#define PAGE_SIZE      (1ULL << HM_VIRTIO_BALLOON_PFN_SHIFT)
#define PCI_CLASS_OTHERS 0xff00

enum { VQ_INFLATE, VQ_DEFLATE, VQ_STATS, VQ_REPORTING, VQ_NONE };

static unsigned queue_role(VirtioBalloon *b, unsigned index)
{
    unsigned roles[4], n = 0;
    roles[n++] = VQ_INFLATE;
    roles[n++] = VQ_DEFLATE;
    if (virtio_has_feature(&b->vdev, VIRTIO_BALLOON_F_STATS_VQ)) {
        roles[n++] = VQ_STATS;
    }
    if (virtio_has_feature(&b->vdev, VIRTIO_BALLOON_F_REPORTING)) {
        roles[n++] = VQ_REPORTING;
    }
    return index < n ? roles[index] : VQ_NONE;
}

static bool discard_range(uint64_t gpa, uint64_t len)
{
    void *host = guest_mem_range(gpa, len, true);
    if (!host || madvise(host, len, MADV_DONTNEED) != 0) {
        return false;
    }
    return true;
}

/* A run of contiguous PFNs, split into pages if it crosses RAM blocks. */
static void discard_pfns(VirtioBalloon *b, uint64_t pfn, uint64_t count)
{
    if (discard_range(pfn << HM_VIRTIO_BALLOON_PFN_SHIFT, count * PAGE_SIZE)) {
        b->discarded_pages += count;
        return;
    }
    for (uint64_t i = 0; i < count; i++) {
        if (discard_range((pfn + i) << HM_VIRTIO_BALLOON_PFN_SHIFT, PAGE_SIZE)) {
            b->discarded_pages++;
        } else {
            hm_guest_error("%s: PFN 0x%" PRIx64 " is not guest RAM", b->vdev.name, pfn + i);
        }
    }
}

static void inflate(VirtioBalloon *b, const VirtQueueElement *elem)
{
    uint64_t run_start = 0, run_len = 0;
    unsigned budget = VIRTIO_BALLOON_MAX_BUFFER_PFNS;
    for (unsigned s = 0; s < elem->out_num; s++) {
        const VirtioSg *sg = &elem->out[s];
        for (uint32_t off = 0; off + 4 <= sg->len; off += 4) {
            if (budget-- == 0) {
                hm_guest_error("%s: inflate buffer of more than %u PFNs cut short",
                               b->vdev.name, VIRTIO_BALLOON_MAX_BUFFER_PFNS);
                goto done;
            }
            uint32_t le;
            memcpy(&le, (const uint8_t *)sg->host + off, 4);
            uint64_t pfn = GUINT32_FROM_LE(le);
            if (run_len && pfn == run_start + run_len) {
                run_len++;
                continue;
            }
            if (run_len) {
                discard_pfns(b, run_start, run_len);
            }
            run_start = pfn;
            run_len = 1;
        }
    }
done:
    if (run_len) {
        discard_pfns(b, run_start, run_len);
    }
}

/* Free page reporting: each device-writable segment is a free range. */
static void report(VirtioBalloon *b, const VirtQueueElement *elem)
{
    for (unsigned s = 0; s < elem->in_num; s++) {
        const VirtioSg *sg = &elem->in[s];
        if ((sg->gpa | sg->len) & (PAGE_SIZE - 1)) {
            hm_guest_error("%s: reported range 0x%" PRIx64 "+0x%x not page aligned",
                           b->vdev.name, sg->gpa, sg->len);
            continue;
        }
        if (sg->len && madvise(sg->host, sg->len, MADV_DONTNEED) == 0) {
            b->discarded_pages += sg->len / PAGE_SIZE;
            b->reported_bytes += sg->len;
        }
    }
}

/* The stats buffer: {le16 tag, le64 val} entries, packed. */
static void take_stats(VirtioBalloon *b, const VirtQueueElement *elem)
{
    uint8_t entry[10];
    unsigned have = 0;
    for (unsigned s = 0; s < elem->out_num; s++) {
        const uint8_t *p = elem->out[s].host;
        for (uint32_t i = 0; i < elem->out[s].len; i++) {
            entry[have++] = p[i];
            if (have < sizeof(entry)) {
                continue;
            }
            have = 0;
            uint16_t tag = entry[0] | entry[1] << 8;
            uint64_t val = 0;
            for (int k = 7; k >= 0; k--) {
                val = val << 8 | entry[2 + k];
            }
            if (tag < VIRTIO_BALLOON_S_NR) {
                b->stats[tag] = val;
                b->stats_valid[tag] = true;
            }
        }
    }
    b->stats_last_update = g_get_real_time() / G_USEC_PER_SEC;
}

static void balloon_queue_notify(VirtioDevice *vdev, unsigned index)
{
    VirtioBalloon *b = vdev->opaque;
    unsigned role = queue_role(b, index);
    VirtQueueElement elem;
    bool used = false;
    /* bounded: every pop consumes one avail entry, at most a queue's worth */
    for (unsigned n = 0; n < vdev->vq[index].size; n++) {
        int r = virtqueue_pop(vdev, index, &elem);
        if (r <= 0) {
            break;
        }
        switch (role) {
        case VQ_INFLATE:
            inflate(b, &elem);
            break;
        case VQ_DEFLATE:
            break;                      /* the pages come back on first touch */
        case VQ_STATS:
            take_stats(b, &elem);
            /* kept until the host wants fresh numbers; one at a time */
            if (b->stats_held) {
                virtqueue_element_clear(&b->stats_elem);
            }
            b->stats_elem = elem;
            b->stats_held = true;
            b->stats_queue = index;
            continue;
        case VQ_REPORTING:
            report(b, &elem);
            break;
        default:
            break;
        }
        virtqueue_push(vdev, index, &elem, 0);
        virtqueue_element_clear(&elem);
        used = true;
    }
    if (used) {
        virtqueue_notify_driver(vdev, index);
    }
}

static void balloon_config_written(VirtioDevice *vdev, unsigned offset, unsigned size)
{
    VirtioBalloon *b = vdev->opaque;
    uint32_t actual = pci_get_long(vdev->config + VIRTIO_BALLOON_CFG_ACTUAL);
    if (actual != b->actual) {
        b->actual = actual;
        if (b->changed) {
            b->changed(b->changed_opaque, b);
        }
    }
}

static void drop_stats(VirtioBalloon *b)
{
    if (b->stats_held) {
        virtqueue_element_clear(&b->stats_elem);
        b->stats_held = false;
    }
}

/* The driver reset the device: the pages it held are its own again. */
static void balloon_reset(VirtioDevice *vdev)
{
    VirtioBalloon *b = vdev->opaque;
    drop_stats(b);
    pci_set_long(vdev->config + VIRTIO_BALLOON_CFG_NUM_PAGES, b->num_pages);
    pci_set_long(vdev->config + VIRTIO_BALLOON_CFG_ACTUAL, 0);
    if (b->actual) {
        b->actual = 0;
        if (b->changed) {
            b->changed(b->changed_opaque, b);
        }
    }
}

static const VirtioDeviceOps balloon_ops = {
    .queue_notify = balloon_queue_notify,
    .config_written = balloon_config_written,
    .reset = balloon_reset,
};

VirtioBalloon *virtio_balloon_new(const VirtioBalloonOptions *opts, unsigned devfn,
                                  const PciIntxRouter *intx, GError **errp)
{
    VirtioBalloon *b = g_new0(VirtioBalloon, 1);
    b->id = g_strdup(opts->id);
    uint64_t features = 1ULL << VIRTIO_BALLOON_F_STATS_VQ | 1ULL << VIRTIO_F_EVENT_IDX;
    if (opts->deflate_on_oom) {
        features |= 1ULL << VIRTIO_BALLOON_F_DEFLATE_ON_OOM;
    }
    if (opts->free_page_reporting) {
        features |= 1ULL << VIRTIO_BALLOON_F_REPORTING;
    }
    unsigned nqueues = opts->free_page_reporting ? 4 : 3;
    virtio_device_init(&b->vdev, "virtio-balloon", HM_VIRTIO_ID_BALLOON, features, nqueues,
                       HM_VIRTIO_QUEUE_SIZE, VIRTIO_BALLOON_CFG_LEN, &balloon_ops, b);
    memset(b->vdev.config_wmask + VIRTIO_BALLOON_CFG_ACTUAL, 0xff, 4);
    b->pci = virtio_pci_new(&b->vdev, devfn, PCI_CLASS_OTHERS, intx, errp);
    /* what QEMU requires of a destination: the same -device */
    b->identity = g_strdup_printf("id=%s,addr=0x%x,deflate-on-oom=%s,free-page-reporting=%s",
                                  opts->id ? opts->id : "", devfn >> 3,
                                  opts->deflate_on_oom ? "on" : "off",
                                  opts->free_page_reporting ? "on" : "off");
    if (!b->pci) {
        g_free(b->identity);
        g_free(b->id);
        g_free(b);
        return NULL;
    }
    return b;
}

void virtio_balloon_reset(VirtioBalloon *b)
{
    virtio_pci_reset(b->pci);
}

void virtio_balloon_set_target(VirtioBalloon *b, uint32_t pages)
{
    b->num_pages = pages;
    pci_set_long(b->vdev.config + VIRTIO_BALLOON_CFG_NUM_PAGES, pages);
    virtio_config_changed(&b->vdev);
}

/* The poll: the held buffer goes back (used, nothing written), which the
 * driver answers with fresh numbers. Without a buffer (no driver yet, or
 * it has not answered the last poll) the next period tries again. */
static gboolean stats_poll(gpointer opaque)
{
    VirtioBalloon *b = opaque;
    device_lock();
    if (b->stats_held && b->vdev.status & VIRTIO_STATUS_DRIVER_OK && !b->vdev.quiesced) {
        b->stats_held = false;
        virtqueue_push(&b->vdev, b->stats_queue, &b->stats_elem, 0);
        virtqueue_element_clear(&b->stats_elem);
        virtqueue_notify_driver(&b->vdev, b->stats_queue);
    }
    device_unlock();
    return G_SOURCE_CONTINUE;
}

static void stop_stats_timer(VirtioBalloon *b)
{
    if (b->stats_timer) {
        g_source_destroy(b->stats_timer);
        g_source_unref(b->stats_timer);
        b->stats_timer = NULL;
    }
}

void virtio_balloon_set_stats_interval(VirtioBalloon *b, uint32_t secs)
{
    if (secs == b->stats_interval) {
        return;
    }
    stop_stats_timer(b);
    b->stats_interval = secs;
    if (secs) {
        b->stats_timer = g_timeout_source_new_seconds(secs);
        g_source_set_callback(b->stats_timer, stats_poll, b, NULL);
        g_source_attach(b->stats_timer, g_main_context_default());
    }
}

void virtio_balloon_free(VirtioBalloon *b)
{
    if (!b) {
        return;
    }
    stop_stats_timer(b);
    virtio_pci_free(b->pci);
    drop_stats(b);
    g_free(b->identity);
    g_free(b->id);
    g_free(b);
}

void virtio_balloon_set_quiesced(VirtioBalloon *b, bool quiesced)
{
    virtio_set_quiesced(&b->vdev, quiesced);
}

/* ---- migration ---- */

static bool balloon_pre_save(void *obj, GError **errp)
{
    VirtioBalloon *b = obj;
    virtio_device_pre_save(&b->vdev);
    b->mig_stats_held = b->stats_held;
    return true;
}

static bool balloon_check(const void *obj, GError **errp)
{
    const VirtioBalloon *b = obj;
    const VirtioDevice *v = &b->vdev;
    if (!virtio_device_check(v, b->pci->msix_vectors, errp)) {
        return false;
    }
    const uint8_t *valid = (const uint8_t *)b->stats_valid;   /* raw bytes from the stream */
    for (unsigned i = 0; i < sizeof(b->stats_valid); i++) {
        if (valid[i] > 1) {
            g_set_error(errp, HM_ERROR, 0, "stats_valid[%u] is %u, not a boolean", i, valid[i]);
            return false;
        }
    }
    if (pci_get_long(v->config + VIRTIO_BALLOON_CFG_NUM_PAGES) != b->num_pages ||
        pci_get_long(v->config + VIRTIO_BALLOON_CFG_ACTUAL) != b->actual) {
        g_set_error(errp, HM_ERROR, 0, "num_pages %u / actual %u disagree with the config",
                    b->num_pages, b->actual);
        return false;
    }
    if (b->mig_stats_held) {
        /* the held buffer is the last one the stats queue took */
        unsigned q = b->stats_queue;
        if (!virtio_has_feature(v, VIRTIO_BALLOON_F_STATS_VQ) || q != VQ_STATS ||
            !v->vq[q].enabled || v->vq[q].last_avail == v->vq[q].used_idx) {
            g_set_error(errp, HM_ERROR, 0, "a stats buffer is held, but queue %u has none", q);
            return false;
        }
    }
    return true;
}

static bool balloon_post_load(void *obj, GError **errp)
{
    VirtioBalloon *b = obj;
    drop_stats(b);                    /* this side's, if it had one */
    virtio_device_post_load(&b->vdev);
    if (b->mig_stats_held) {
        /* QEMU's way: step back over the buffer and take it again */
        VirtQueue *vq = &b->vdev.vq[b->stats_queue];
        vq->last_avail--;
        VirtQueueElement elem;
        int r = virtqueue_pop(&b->vdev, b->stats_queue, &elem);
        if (r > 0) {
            b->stats_elem = elem;
            b->stats_held = true;
        } else if (r == 0) {
            vq->last_avail++;         /* the ring does not show it: poll without it */
        }
    }
    uint32_t secs = b->stats_interval;
    b->stats_interval = 0;
    stop_stats_timer(b);
    virtio_balloon_set_stats_interval(b, secs);
    virtio_pci_update_intx(b->pci);   /* the INTx line as the loaded ISR says */
    return true;
}

const VmStateDesc virtio_balloon_vmstate = {
    .name = "virtio-balloon",
    .version = 1,
    .min_version = 1,
    .fields = (const VmStateField[]){
        VMSTATE_ARRAY(VirtioBalloon, vdev, 1, VirtioDevice, &virtio_device_vmstate),
        VMSTATE_U32(VirtioBalloon, num_pages),
        VMSTATE_U32(VirtioBalloon, actual),
        VMSTATE_BUFFER(VirtioBalloon, stats),
        VMSTATE_BUFFER(VirtioBalloon, stats_valid),
        VMSTATE_U64(VirtioBalloon, stats_last_update),
        VMSTATE_U32(VirtioBalloon, stats_interval),
        VMSTATE_U32(VirtioBalloon, stats_queue),
        VMSTATE_BOOL(VirtioBalloon, mig_stats_held),
        VMSTATE_END,
    },
    .pre_save = balloon_pre_save,
    .check = balloon_check,
    .post_load = balloon_post_load,
};
