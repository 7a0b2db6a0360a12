/*
 * virtio-driver.h - for the virtio tests: a tiny virtio-pci driver that
 * does what a guest's does, through PCI config and the BAR's MMIO only:
 * find the capabilities, assign the BAR, negotiate, set up split rings in a
 * test RAM block at guest address 0, post buffers and notify.
 */
#ifndef TESTS_UNIT_VIRTIO_DRIVER_H
#define TESTS_UNIT_VIRTIO_DRIVER_H

#include "hw/hotmem-pc.h"
#include "hw/virtio.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "hotmem/pci.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define TD_RAM_SIZE    (8ULL << 20)
#define TD_BAR         0x8000000000ULL      /* 512 GiB, where a firmware might put it */
#define TD_DEVFN       (HM_VIRTIO_PCI_FIRST_SLOT << 3)
#define TD_QSIZE       16
#define TD_RINGS       0x100000ULL          /* queue q: desc, avail, used at +q*0x10000 */
#define TD_BUFS        0x200000ULL
#define TD_PAGES       0x400000ULL          /* pages the tests balloon */

/* virtio_pci_common_cfg offsets */
#define TD_DFSELECT 0x00
#define TD_DF       0x04
#define TD_GFSELECT 0x08
#define TD_GF       0x0c
#define TD_NUMQ     0x12
#define TD_STATUS   0x14
#define TD_CFGGEN   0x15
#define TD_QSELECT  0x16
#define TD_QSIZE_R  0x18
#define TD_QENABLE  0x1c
#define TD_QNOFF    0x1e
#define TD_QDESC    0x20
#define TD_QAVAIL   0x28
#define TD_QUSED    0x30

typedef struct TestDriver {
    uint8_t *ram;
    RamBlock *block;
    uint64_t common, isr, device, notify;     /* guest addresses of the regions */
    uint32_t notify_mult;
    uint16_t avail_idx[VIRTIO_MAX_QUEUES];
    uint16_t next_desc[VIRTIO_MAX_QUEUES];
    uint16_t qsize[VIRTIO_MAX_QUEUES];
    int intx;                                 /* level of the function's INTx */
    unsigned intx_changes;
    unsigned msix_cap;                        /* config offset of the MSI-X capability */
    uint64_t msi_addr;                        /* the last MSI sent, and how many */
    uint32_t msi_data;
    unsigned msi_count;
} TestDriver;

static inline void td_msi(void *opaque, uint64_t addr, uint32_t data)
{
    TestDriver *d = opaque;
    d->msi_addr = addr;
    d->msi_data = data;
    d->msi_count++;
}

static inline void td_intx(void *opaque, unsigned devfn, unsigned pin, int level)
{
    TestDriver *d = opaque;
    g_assert_cmpuint(devfn, ==, TD_DEVFN);
    g_assert_cmpuint(pin, ==, 1);
    d->intx = level;
    d->intx_changes++;
}

static inline void td_ram_up(TestDriver *d)
{
    GError *err = NULL;
    /* plain 4 KiB pages, so mincore() shows each discarded page */
    d->ram = mmap(NULL, TD_RAM_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                  -1, 0);
    g_assert_true(d->ram != MAP_FAILED);
    madvise(d->ram, TD_RAM_SIZE, MADV_NOHUGEPAGE);
    d->block = ram_block_add("test-ram", 0, TD_RAM_SIZE, d->ram, false, &err);
    g_assert_no_error(err);
}

static inline void td_ram_down(TestDriver *d)
{
    ram_block_remove_all();
    io_unregister_all();
    munmap(d->ram, TD_RAM_SIZE);
}

static inline uint64_t td_mmio_read(uint64_t addr, unsigned size)
{
    uint8_t b[8] = { 0 };
    io_dispatch(IO_SPACE_MMIO, addr, b, size, false);
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++) {
        v |= (uint64_t)b[i] << (8 * i);
    }
    return v;
}

static inline void td_mmio_write(uint64_t addr, uint64_t v, unsigned size)
{
    uint8_t b[8];
    for (unsigned i = 0; i < 8; i++) {
        b[i] = (uint8_t)(v >> (8 * i));
    }
    io_dispatch(IO_SPACE_MMIO, addr, b, size, true);
}

static inline uint64_t cc_read(TestDriver *d, unsigned off, unsigned size)
{
    return td_mmio_read(d->common + off, size);
}

static inline void cc_write(TestDriver *d, unsigned off, uint64_t v, unsigned size)
{
    td_mmio_write(d->common + off, v, size);
}

static inline uint8_t td_status(TestDriver *d)
{
    return (uint8_t)cc_read(d, TD_STATUS, 1);
}

/* Assigns the BAR at TD_BAR, turns decoding on and reads the capability
 * list as vp_modern_probe does. */
static inline void td_probe(TestDriver *d)
{
    pci_config_write(TD_DEVFN, 0x10, 0xffffffffu, 4);
    pci_config_write(TD_DEVFN, 0x14, 0xffffffffu, 4);
    g_assert_cmphex(pci_config_read(TD_DEVFN, 0x10, 4), ==,
                    (uint32_t)~(HM_VIRTIO_PCI_BAR_SIZE - 1) | 0xc);
    g_assert_cmphex(pci_config_read(TD_DEVFN, 0x14, 4), ==, 0xffffffffu);
    pci_config_write(TD_DEVFN, 0x10, (uint32_t)TD_BAR, 4);
    pci_config_write(TD_DEVFN, 0x14, (uint32_t)(TD_BAR >> 32), 4);
    pci_config_write(TD_DEVFN, 0x04, 0x0006, 2);          /* memory + bus master */
    unsigned found = 0;
    for (unsigned at = pci_config_read(TD_DEVFN, 0x34, 1); at; ) {
        g_assert_cmpuint(at, >=, 0x40);
        if (pci_config_read(TD_DEVFN, at, 1) == 0x11) {                /* MSI-X */
            d->msix_cap = at;
            at = pci_config_read(TD_DEVFN, at + 1, 1);
            continue;
        }
        g_assert_cmpuint(pci_config_read(TD_DEVFN, at, 1), ==, 0x09);   /* vendor cap */
        unsigned type = pci_config_read(TD_DEVFN, at + 3, 1);
        g_assert_cmpuint(pci_config_read(TD_DEVFN, at + 4, 1), ==, 0);  /* BAR0 */
        uint64_t addr = TD_BAR + pci_config_read(TD_DEVFN, at + 8, 4);
        switch (type) {
        case 1: d->common = addr; break;
        case 2:
            d->notify = addr;
            d->notify_mult = pci_config_read(TD_DEVFN, at + 16, 4);
            break;
        case 3: d->isr = addr; break;
        case 4: d->device = addr; break;
        default: g_assert_not_reached();
        }
        found |= 1u << type;
        at = pci_config_read(TD_DEVFN, at + 1, 1);
    }
    g_assert_cmphex(found, ==, 0x1e);
    g_assert_cmpuint(d->msix_cap, !=, 0);
}

static inline uint64_t td_ring(unsigned q, unsigned which)
{
    return TD_RINGS + q * 0x10000ULL + which * 0x1000ULL;
}

static inline void td_setup_queue(TestDriver *d, unsigned q, uint16_t size)
{
    cc_write(d, TD_QSELECT, q, 2);
    g_assert_cmpuint(cc_read(d, TD_QSIZE_R, 2), >=, size);
    cc_write(d, TD_QSIZE_R, size, 2);
    g_assert_cmpuint(cc_read(d, TD_QSIZE_R, 2), ==, size);
    memset(d->ram + td_ring(q, 0), 0, 0x3000);
    for (unsigned w = 0; w < 3; w++) {
        uint64_t a = td_ring(q, w);
        cc_write(d, TD_QDESC + 8 * w, (uint32_t)a, 4);         /* Linux: two halves */
        cc_write(d, TD_QDESC + 8 * w + 4, a >> 32, 4);
    }
    cc_write(d, TD_QENABLE, 1, 2);
    g_assert_cmpuint(cc_read(d, TD_QENABLE, 2), ==, 1);
    d->qsize[q] = size;
    d->avail_idx[q] = 0;
    d->next_desc[q] = 0;
}

/* Reset, negotiate want (must be accepted), set up nqueues, DRIVER_OK. */
static inline void td_init(TestDriver *d, uint64_t want, unsigned nqueues)
{
    cc_write(d, TD_STATUS, 0, 1);
    g_assert_cmpuint(td_status(d), ==, 0);
    cc_write(d, TD_STATUS, VIRTIO_STATUS_ACKNOWLEDGE, 1);
    cc_write(d, TD_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER, 1);
    cc_write(d, TD_DFSELECT, 0, 4);
    uint64_t offer = cc_read(d, TD_DF, 4);
    cc_write(d, TD_DFSELECT, 1, 4);
    offer |= cc_read(d, TD_DF, 4) << 32;
    g_assert_cmphex(offer & want, ==, want);
    cc_write(d, TD_GFSELECT, 0, 4);
    cc_write(d, TD_GF, (uint32_t)want, 4);
    cc_write(d, TD_GFSELECT, 1, 4);
    cc_write(d, TD_GF, want >> 32, 4);
    cc_write(d, TD_STATUS, 0x0b, 1);
    g_assert_cmphex(td_status(d), ==, 0x0b);              /* FEATURES_OK stuck */
    for (unsigned q = 0; q < nqueues; q++) {
        td_setup_queue(d, q, TD_QSIZE);
    }
    cc_write(d, TD_STATUS, 0x0f, 1);
    g_assert_cmphex(td_status(d), ==, 0x0f);
}

typedef struct TdSeg {
    uint64_t gpa;
    uint32_t len;
    bool write;
} TdSeg;

static inline void td_put_desc(TestDriver *d, unsigned q, uint16_t i, uint64_t addr,
                               uint32_t len, uint16_t flags, uint16_t next)
{
    uint8_t *p = d->ram + td_ring(q, 0) + 16ULL * i;
    memcpy(p, &addr, 8);
    memcpy(p + 8, &len, 4);
    memcpy(p + 12, &flags, 2);
    memcpy(p + 14, &next, 2);
}

/* Publishes head in the avail ring (no notify). */
static inline void td_publish(TestDriver *d, unsigned q, uint16_t head)
{
    uint8_t *avail = d->ram + td_ring(q, 1);
    memcpy(avail + 4 + 2 * (d->avail_idx[q] % d->qsize[q]), &head, 2);
    d->avail_idx[q]++;
    memcpy(avail + 2, &d->avail_idx[q], 2);
}

static inline void td_notify(TestDriver *d, unsigned q)
{
    td_mmio_write(d->notify + (uint64_t)q * d->notify_mult, q, 2);
}

/* A chain of n segments from the next free descriptors, published and
 * notified; returns the head. */
static inline uint16_t td_add(TestDriver *d, unsigned q, const TdSeg *segs, unsigned n)
{
    uint16_t head = d->next_desc[q];
    for (unsigned i = 0; i < n; i++) {
        uint16_t idx = (head + i) % d->qsize[q];
        uint16_t flags = (segs[i].write ? VRING_DESC_F_WRITE : 0) |
                         (i + 1 < n ? VRING_DESC_F_NEXT : 0);
        td_put_desc(d, q, idx, segs[i].gpa, segs[i].len, flags, (idx + 1) % d->qsize[q]);
    }
    d->next_desc[q] = (head + n) % d->qsize[q];
    td_publish(d, q, head);
    td_notify(d, q);
    return head;
}

static inline uint16_t td_used_idx(TestDriver *d, unsigned q)
{
    uint16_t v;
    memcpy(&v, d->ram + td_ring(q, 2) + 2, 2);
    return v;
}

/* used ring entry n: id and len */
static inline void td_used_elem(TestDriver *d, unsigned q, unsigned n, uint32_t *id,
                                uint32_t *len)
{
    const uint8_t *e = d->ram + td_ring(q, 2) + 4 + 8 * (n % d->qsize[q]);
    memcpy(id, e, 4);
    memcpy(len, e + 4, 4);
}

static inline void td_set_used_event(TestDriver *d, unsigned q, uint16_t v)
{
    memcpy(d->ram + td_ring(q, 1) + 4 + 2 * d->qsize[q], &v, 2);
}

static inline uint16_t td_avail_event(TestDriver *d, unsigned q)
{
    uint16_t v;
    memcpy(&v, d->ram + td_ring(q, 2) + 4 + 8 * d->qsize[q], 2);
    return v;
}

/* Resident 4 KiB pages of [gpa, gpa + len) in the test RAM. */
static inline unsigned td_resident(TestDriver *d, uint64_t gpa, uint64_t len)
{
    unsigned char vec[4096];
    uint64_t pages = len / 4096;
    g_assert_cmpuint(pages, <=, sizeof(vec));
    g_assert_cmpint(mincore(d->ram + gpa, len, vec), ==, 0);
    unsigned n = 0;
    for (uint64_t i = 0; i < pages; i++) {
        n += vec[i] & 1;
    }
    return n;
}

#endif
