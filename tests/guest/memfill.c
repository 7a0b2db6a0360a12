/*
 * memfill.c - guest-side helper of tests/guest/test-hotplug.py and
 * test-ost-flood.py, built
 * static on the host and put into the initramfs as /bin/memfill.
 *
 *   memfill anon MIB SEED       map MIB MiB, write a pattern, verify, exit
 *                               (the pages land in ZONE_MOVABLE, i.e. in a
 *                               DIMM onlined movable, when there is one)
 *   memfill hold MIB SEED       the same, then wait for SIGUSR1, verify
 *                               again and exit (a pattern that must survive)
 *   memfill pipes MIB SEED [NODE]
 *                               create MIB 1 MiB pipes, wait for SIGUSR1,
 *                               fill them, wait for SIGUSR1, read everything
 *                               back and verify. Pipe buffers are unmovable
 *                               kernel pages: in memory onlined as kernel
 *                               memory they make the blocks impossible to
 *                               offline. NODE: allocate on that NUMA node
 *                               first (MPOL_PREFERRED), so that the pipes,
 *                               and nothing else, fill a DIMM of a node that
 *                               no CPU belongs to.
 *   memfill hostile EMPTY ENABLED
 *                               port I/O on the memory hotplug block
 *                               (iopl(3)) that a well-behaved AML never
 *                               does; prints what the block reads back
 *   memfill ostflood SLOT COUNT
 *                               COUNT _OST reports on SLOT as fast as port
 *                               I/O goes: event 3 (eject request), status
 *                               0x84-0x8b ("in progress" codes: not a
 *                               refusal, not recorded as an outcome), the
 *                               last one 0xfe; prints how long it took
 *
 * Results are "HM:key=value" lines, as the init script prints them. Each
 * value names what failed, so the host's TAP line can say it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/io.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define MIB (1024UL * 1024UL)
#define MEMHP_BASE 0x0a00

static volatile sig_atomic_t got_usr1;

static void on_usr1(int sig)
{
    (void)sig;
    got_usr1 = 1;
}

static void wait_usr1(void)
{
    sigset_t none, usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigprocmask(SIG_BLOCK, &usr1, &none);
    sigdelset(&none, SIGUSR1);
    while (!got_usr1) {
        sigsuspend(&none);
    }
}

/* the word at byte offset off of a pattern: differs per seed and place */
static uint64_t pattern(uint64_t seed, uint64_t off)
{
    uint64_t x = (off + 1) * 0x9e3779b97f4a7c15ULL ^ seed;
    x ^= x >> 31;
    return x * 0xbf58476d1ce4e5b9ULL;
}

static void fill(uint64_t *p, size_t bytes, uint64_t seed, uint64_t base)
{
    for (size_t i = 0; i < bytes / 8; i++) {
        p[i] = pattern(seed, base + i * 8);
    }
}

/* number of bad words */
static size_t check(const uint64_t *p, size_t bytes, uint64_t seed, uint64_t base)
{
    size_t bad = 0;
    for (size_t i = 0; i < bytes / 8; i++) {
        bad += p[i] != pattern(seed, base + i * 8);
    }
    return bad;
}

static int do_anon(unsigned long mib, uint64_t seed, int hold)
{
    size_t bytes = mib * MIB;
    uint64_t *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                       -1, 0);
    if (p == MAP_FAILED) {
        printf("HM:memfill=error mmap %lu MiB: %s\n", mib, strerror(errno));
        return 1;
    }
    fill(p, bytes, seed, 0);
    size_t bad = check(p, bytes, seed, 0);
    printf("HM:memfill=%s %lu MiB written, %zu bad words\n", bad ? "bad" : "ok", mib, bad);
    fflush(stdout);
    if (!hold || bad) {
        return bad != 0;
    }
    wait_usr1();
    bad = check(p, bytes, seed, 0);
    printf("HM:memfill-verify=%s %lu MiB, %zu bad words\n", bad ? "bad" : "ok", mib, bad);
    fflush(stdout);
    return bad != 0;
}

static int do_pipes(unsigned long count, uint64_t seed, long node)
{
    if (node >= 0) {
        unsigned long mask = 1UL << node;
        /* MPOL_PREFERRED = 1; no libnuma in a static busybox guest */
        if (syscall(SYS_set_mempolicy, 1, &mask, sizeof(mask) * 8) < 0) {
            printf("HM:pipes=error set_mempolicy node %ld: %s\n", node, strerror(errno));
            return 1;
        }
    }
    struct rlimit rl = { .rlim_cur = 2 * count + 64, .rlim_max = 2 * count + 64 };
    if (setrlimit(RLIMIT_NOFILE, &rl) < 0) {
        printf("HM:pipes=error setrlimit: %s\n", strerror(errno));
        return 1;
    }
    int (*fds)[2] = calloc(count, sizeof(*fds));
    uint64_t *buf = malloc(MIB);
    /* phase 1: the pipes and their buffer arrays, before the DIMM is
     * onlined as kernel memory, so that only the data pages land there */
    for (unsigned long i = 0; i < count; i++) {
        if (pipe2(fds[i], O_NONBLOCK) < 0 || fcntl(fds[i][1], F_SETPIPE_SZ, (int)MIB) < 0) {
            printf("HM:pipes=error pipe %lu: %s\n", i, strerror(errno));
            return 1;
        }
    }
    printf("HM:pipes-created=%lu\n", count);
    fflush(stdout);
    wait_usr1();
    got_usr1 = 0;
    /* phase 2: the data */
    unsigned long full = 0;
    for (unsigned long i = 0; i < count; i++) {
        fill(buf, MIB, seed, i * MIB);
        ssize_t n = write(fds[i][1], buf, MIB);
        if (n != (ssize_t)MIB) {
            printf("HM:pipes-filled=error pipe %lu took %zd bytes: %s\n", i, n,
                   n < 0 ? strerror(errno) : "short");
            fflush(stdout);
            break;
        }
        full++;
    }
    printf("HM:pipes-filled=%lu MiB\n", full);
    fflush(stdout);
    wait_usr1();
    size_t bad = 0;
    for (unsigned long i = 0; i < full; i++) {
        ssize_t n = read(fds[i][0], buf, MIB);
        bad += n != (ssize_t)MIB ? MIB / 8 : check(buf, MIB, seed, i * MIB);
    }
    printf("HM:pipes-verify=%s %lu MiB read back, %zu bad words\n", bad ? "bad" : "ok", full,
           bad);
    fflush(stdout);
    return bad != 0;
}

static void sel(uint32_t slot)
{
    outl(slot, MEMHP_BASE + 0x00);
}

static int do_hostile(uint32_t empty, uint32_t enabled)
{
    if (iopl(3) < 0) {
        printf("HM:hostile=error iopl: %s\n", strerror(errno));
        return 1;
    }
    uint32_t nslots_guess = inl(MEMHP_BASE + 0x18);   /* next pending: nslots when idle */
    sel(enabled);
    uint8_t before = inb(MEMHP_BASE + 0x14);
    /* eject of an empty slot */
    sel(empty);
    outb(0x08, MEMHP_BASE + 0x14);
    /* selector out of range, then everything on it */
    sel(0xffffffff);
    outb(0x08, MEMHP_BASE + 0x14);
    outl(3, MEMHP_BASE + 0x04);
    outl(0x82, MEMHP_BASE + 0x08);
    outl(3, MEMHP_BASE + 0x18);
    uint32_t oor = inl(MEMHP_BASE + 0x14) | inl(MEMHP_BASE + 0x08) | inl(MEMHP_BASE + 0x04);
    sel(nslots_guess);
    outb(0x08, MEMHP_BASE + 0x14);
    /* garbage _OST codes on the enabled slot */
    sel(enabled);
    outl(0x12345678, MEMHP_BASE + 0x04);
    outl(0, MEMHP_BASE + 0x08);
    outl(1, MEMHP_BASE + 0x04);
    outl(0xdeadbeef, MEMHP_BASE + 0x08);
    outl(0x101, MEMHP_BASE + 0x04);
    outl(0x82, MEMHP_BASE + 0x08);
    /* reserved control bits alone (never bit 3 on the enabled slot) */
    outb(0x01, MEMHP_BASE + 0x14);
    outb(0xf0, MEMHP_BASE + 0x14);
    outw(0xff00, MEMHP_BASE + 0x14);
    outb(0x00, MEMHP_BASE + 0x14);
    /* read-only, reserved and unaligned offsets; bad power states */
    outl(0xffffffff, MEMHP_BASE + 0x0c);
    outl(0xffffffff, MEMHP_BASE + 0x10);
    outb(0xff, MEMHP_BASE + 0x15);
    outl(0, MEMHP_BASE + 0x1c);
    outw(0x0808, MEMHP_BASE + 0x13);
    outl(7, MEMHP_BASE + 0x18);
    sel(enabled);
    uint8_t after = inb(MEMHP_BASE + 0x14);
    uint32_t sig = inl(MEMHP_BASE + 0x1c);
    sel(0);
    printf("HM:hostile=done before=0x%x after=0x%x out_of_range=0x%x signature=0x%x "
           "next=%u\n", before, after, oor, sig, nslots_guess);
    fflush(stdout);
    return 0;
}

static int do_ostflood(uint32_t slot, unsigned long count)
{
    if (iopl(3) < 0) {
        printf("HM:ostflood=error iopl: %s\n", strerror(errno));
        return 1;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    sel(slot);
    for (unsigned long i = 0; i < count; i++) {
        outl(3, MEMHP_BASE + 0x04);
        outl(i + 1 < count ? 0x84 + (i % 8) : 0xfe, MEMHP_BASE + 0x08);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    sel(0);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    printf("HM:ostflood=done %lu %ld\n", count, ms);
    fflush(stdout);
    return 0;
}

int main(int argc, char **argv)
{
    signal(SIGUSR1, on_usr1);
    if (argc == 4 && !strcmp(argv[1], "anon")) {
        return do_anon(strtoul(argv[2], NULL, 0), strtoull(argv[3], NULL, 0), 0);
    }
    if (argc == 4 && !strcmp(argv[1], "hold")) {
        return do_anon(strtoul(argv[2], NULL, 0), strtoull(argv[3], NULL, 0), 1);
    }
    if ((argc == 4 || argc == 5) && !strcmp(argv[1], "pipes")) {
        return do_pipes(strtoul(argv[2], NULL, 0), strtoull(argv[3], NULL, 0),
                        argc == 5 ? strtol(argv[4], NULL, 0) : -1);
    }
    if (argc == 4 && !strcmp(argv[1], "hostile")) {
        return do_hostile(strtoul(argv[2], NULL, 0), strtoul(argv[3], NULL, 0));
    }
    if (argc == 4 && !strcmp(argv[1], "ostflood")) {
        return do_ostflood(strtoul(argv[2], NULL, 0), strtoul(argv[3], NULL, 0));
    }
    fprintf(stderr, "usage: memfill anon|hold MIB SEED | pipes MIB SEED [NODE] | "
                    "hostile EMPTY ENABLED | ostflood SLOT COUNT\n");
    return 2;
}
