/*
 * balloon-hostile.c - guest-side helper of tests/guest/test-balloon.py, built
 * static on the host and put into the initramfs as /bin/balloon-hostile.
 *
 *   balloon-hostile DEV CASE
 *
 * DEV is the balloon's sysfs directory (/sys/bus/pci/devices/0000:00:02.0).
 * The helper unbinds virtio-pci from it (once), enables the function, maps
 * BAR0 (resource0) and drives the modern common configuration the way no
 * driver should, one CASE per run:
 *
 *   outside    a descriptor pointing past the end of guest RAM
 *   loop       a chain whose second descriptor points back at the first
 *   zero       a zero-length descriptor
 *   long       an indirect table of 2048 entries (a chain > 1024; INDIRECT
 *              is not even offered)
 *   size       a queue size that is not a power of two (100)
 *   unconfigured  notify of a queue never set up, and of one that is not there
 *   order      DRIVER_OK before FEATURES_OK, queue_enable before the ring
 *              addresses, addresses written after enable
 *
 * It prints "HM:hostile-CASE=status 0x.. size N" (the device status, and the
 * queue size read back) after the case; a value starting with "error" names
 * what the helper itself could not do. The rings live in one 2 MiB
 * transparent huge page, so that they are physically contiguous; their guest
 * physical addresses come from /proc/self/pagemap.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define BAR_SIZE   0x8000
#define NOTIFY_OFF 0x3000
#define HUGE       (2UL << 20)

/* common cfg offsets (virtio 1.2 4.1.4.3) */
#define DFSELECT 0x00
#define GFSELECT 0x08
#define GF       0x0c
#define STATUS   0x14
#define QSELECT  0x16
#define QSIZE    0x18
#define QENABLE  0x1c
#define QDESC    0x20
#define QAVAIL   0x28
#define QUSED    0x30

#define F_NEXT     1
#define F_INDIRECT 4

static volatile uint8_t *bar;
static uint8_t *mem;
static uint64_t mem_gpa;

static void w8(unsigned off, uint8_t v) { *(volatile uint8_t *)(bar + off) = v; }
static void w16(unsigned off, uint16_t v) { *(volatile uint16_t *)(bar + off) = v; }
static void w32(unsigned off, uint32_t v) { *(volatile uint32_t *)(bar + off) = v; }
static uint8_t r8(unsigned off) { return *(volatile uint8_t *)(bar + off); }
static uint16_t r16(unsigned off) { return *(volatile uint16_t *)(bar + off); }

static void w64(unsigned off, uint64_t v)
{
    w32(off, (uint32_t)v);
    w32(off + 4, (uint32_t)(v >> 32));
}

static int fail(const char *c, const char *what)
{
    printf("HM:hostile-%s=error %s\n", c, what);
    return 1;
}

static int write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY);
    if (fd < 0) {
        return -1;
    }
    ssize_t n = write(fd, text, strlen(text));
    close(fd);
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

static int setup(const char *dev)
{
    char path[256], link[256];
    snprintf(path, sizeof(path), "%s/driver", dev);
    ssize_t n = readlink(path, link, sizeof(link) - 1);
    if (n > 0) {
        const char *slot = strrchr(dev, '/') + 1;
        snprintf(path, sizeof(path), "%s/driver/unbind", dev);
        if (write_file(path, slot) < 0) {
            return -1;
        }
    }
    snprintf(path, sizeof(path), "%s/enable", dev);
    write_file(path, "1");
    snprintf(path, sizeof(path), "%s/resource0", dev);
    int fd = open(path, O_RDWR | O_SYNC);
    if (fd < 0) {
        return -2;
    }
    void *p = mmap(NULL, BAR_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (p == MAP_FAILED) {
        return -3;
    }
    bar = p;

    uint8_t *raw = mmap(NULL, 2 * HUGE, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) {
        return -4;
    }
    mem = (uint8_t *)(((uintptr_t)raw + HUGE - 1) & ~(HUGE - 1));
    madvise(mem, HUGE, MADV_HUGEPAGE);
    memset(mem, 0, HUGE);
    mlock(mem, HUGE);
    int pm = open("/proc/self/pagemap", O_RDONLY);
    uint64_t first = 0, last = 0;
    if (pm < 0 ||
        pread(pm, &first, 8, (off_t)((uintptr_t)mem / 4096 * 8)) != 8 ||
        pread(pm, &last, 8, (off_t)(((uintptr_t)mem + HUGE - 4096) / 4096 * 8)) != 8) {
        return -5;
    }
    close(pm);
    uint64_t pfn0 = first & ((1ULL << 55) - 1), pfn1 = last & ((1ULL << 55) - 1);
    if (!(first >> 63) || !pfn0 || pfn1 != pfn0 + HUGE / 4096 - 1) {
        return -6;                      /* not one contiguous huge page */
    }
    mem_gpa = pfn0 * 4096;
    return 0;
}

/* queue 0: desc at +0, avail at +0x1000, used at +0x2000, buffers from +0x10000 */
static uint64_t gpa(unsigned off) { return mem_gpa + off; }

static void put_desc(unsigned table, unsigned i, uint64_t addr, uint32_t len,
                     uint16_t flags, uint16_t next)
{
    uint8_t *d = mem + table + 16 * i;
    memcpy(d, &addr, 8);
    memcpy(d + 8, &len, 4);
    memcpy(d + 12, &flags, 2);
    memcpy(d + 14, &next, 2);
}

static void publish(uint16_t head)
{
    uint16_t *avail = (uint16_t *)(mem + 0x1000);
    uint16_t idx = avail[1];
    avail[2 + idx % 16] = head;
    __sync_synchronize();
    avail[1] = idx + 1;
    __sync_synchronize();
    w16(NOTIFY_OFF, 0);
}

/* reset, ACK, DRIVER, VERSION_1, FEATURES_OK; queue 0 of size 16 enabled; DRIVER_OK */
static void bring_up(void)
{
    w8(STATUS, 0);
    for (int i = 0; i < 1000 && r8(STATUS); i++) {
        usleep(1000);                   /* the reset completes when status reads 0 */
    }
    memset(mem, 0, 0x20000);
    w8(STATUS, 1);
    w8(STATUS, 3);
    w32(GFSELECT, 1);
    w32(GF, 1);                         /* VERSION_1 */
    w8(STATUS, 0xb);
    w16(QSELECT, 0);
    w16(QSIZE, 16);
    w64(QDESC, gpa(0));
    w64(QAVAIL, gpa(0x1000));
    w64(QUSED, gpa(0x2000));
    w16(QENABLE, 1);
    w8(STATUS, 0xf);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: balloon-hostile DEV CASE\n");
        return 2;
    }
    const char *c = argv[2];
    int r = setup(argv[1]);
    if (r) {
        char why[32];
        snprintf(why, sizeof(why), "setup %d", r);
        return fail(c, why);
    }
    if (!strcmp(c, "outside")) {
        bring_up();
        put_desc(0, 0, 1ULL << 50, 4096, 0, 0);
        publish(0);
    } else if (!strcmp(c, "loop")) {
        bring_up();
        put_desc(0, 0, gpa(0x10000), 4, F_NEXT, 1);
        put_desc(0, 1, gpa(0x10004), 4, F_NEXT, 0);
        publish(0);
    } else if (!strcmp(c, "zero")) {
        bring_up();
        put_desc(0, 0, gpa(0x10000), 0, 0, 0);
        publish(0);
    } else if (!strcmp(c, "long")) {
        bring_up();
        for (unsigned i = 0; i < 2048; i++) {
            put_desc(0x20000, i, gpa(0x10000), 4, i < 2047 ? F_NEXT : 0, (uint16_t)(i + 1));
        }
        put_desc(0, 0, gpa(0x20000), 2048 * 16, F_INDIRECT, 0);
        publish(0);
    } else if (!strcmp(c, "size")) {
        w8(STATUS, 0);
        w8(STATUS, 3);
        w16(QSELECT, 0);
        w16(QSIZE, 100);
    } else if (!strcmp(c, "unconfigured")) {
        bring_up();
        w16(NOTIFY_OFF + 4 * 2, 2);     /* the stats queue, never set up */
        w16(NOTIFY_OFF + 4 * 9, 9);     /* no queue 9 */
        w16(NOTIFY_OFF + 0xffc, 0xffff);
    } else if (!strcmp(c, "order")) {
        w8(STATUS, 0);
        w8(STATUS, 1);
        w8(STATUS, 7);                  /* DRIVER_OK without FEATURES_OK */
        w16(QSELECT, 0);
        w16(QENABLE, 1);                /* before any address */
        w64(QDESC, gpa(0));
        w64(QAVAIL, gpa(0x1000));
        w64(QUSED, gpa(0x2000));
        w8(STATUS, 0xb);                /* FEATURES_OK after DRIVER_OK */
        publish(0);
    } else {
        return fail(c, "unknown case");
    }
    usleep(200000);
    w16(QSELECT, 0);
    printf("HM:hostile-%s=status 0x%02x size %u\n", c, r8(STATUS), r16(QSIZE));
    w8(STATUS, 0);                      /* leave it reset */
    return 0;
}
