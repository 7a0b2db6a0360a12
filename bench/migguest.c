/*
 * migguest.c - guest side of the bench's migration part (bench/migrate.py),
 * built static on the host and put into the bench's initramfs.
 *
 *   migguest ticker PERIOD_MS   every PERIOD_MS reads CLOCK_MONOTONIC and
 *                               keeps the largest step between two reads.
 *                               SIGUSR2: forget it (start of a measured
 *                               window); SIGUSR1: print it and forget it.
 *   migguest dirty MIB PERIOD_MS
 *                               map MIB MiB and write one word into every
 *                               4 KiB page of it, pass after pass; after the
 *                               first pass (which faults the pages in) each
 *                               pass is spread evenly over PERIOD_MS, MiB by
 *                               MiB (0: as fast as it goes); SIGUSR1 prints
 *                               the passes and the rate.
 *
 * Output lines are HM:key=value, as the init script prints them:
 *   HM:gap=MAX_US STEPS LOOPS  the largest step (us), the steps counted
 *   HM:dirty=started MIB       the dirtier mapped and wrote its first pass
 *   HM:dirtied=PASSES MIB_S    passes done and the mean write rate
 *
 * A step larger than PERIOD_MS is time the loop did not run: another task,
 * or a pause of the whole VM that the guest's clock saw.  The guest's clock
 * is kvmclock, which a VMM may stop while the VM is stopped; the host side of
 * the bench measures the pause on the host clock as well.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#define PAGE 4096UL
#define MIB (1024UL * 1024UL)

static volatile sig_atomic_t want_print, want_reset;

static void on_usr1(int sig)
{
    (void)sig;
    want_print = 1;
}

static void on_usr2(int sig)
{
    (void)sig;
    want_reset = 1;
}

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void sleep_ns(int64_t ns)
{
    struct timespec ts = { ns / 1000000000LL, ns % 1000000000LL };
    while (nanosleep(&ts, &ts) != 0) {
        if (want_print || want_reset) {
            return;     /* a signal: answer it, the caller sleeps again */
        }
    }
}

static void handlers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    sa.sa_handler = on_usr2;
    sigaction(SIGUSR2, &sa, NULL);
}

_Noreturn static void ticker(long period_ms)
{
    int64_t period = period_ms * 1000000LL, last = now_ns(), max = 0;
    long steps = 0;
    handlers();
    for (;;) {
        sleep_ns(period);
        int64_t t = now_ns();
        if (t - last > max) {
            max = t - last;
        }
        steps++;
        last = t;
        if (want_print) {
            want_print = 0;
            printf("HM:gap=%lld %ld %ld\n", (long long)(max / 1000), steps, period_ms);
            fflush(stdout);
            want_reset = 1;
        }
        if (want_reset) {
            want_reset = 0;
            max = 0;
            steps = 0;
            last = now_ns();
        }
    }
}

static int dirty(unsigned long mib, long period_ms)
{
    size_t len = mib * MIB;
    volatile uint64_t *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
                                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        printf("HM:dirty=failed mmap of %lu MiB\n", mib);
        return 1;
    }
    handlers();
    uint64_t pass = 0;
    int64_t t0 = now_ns();
    for (;;) {
        int64_t start = now_ns();
        pass++;
        for (size_t off = 0; off < len; off += PAGE) {
            p[off / sizeof(*p)] = pass ^ off;
            if (want_print && pass > 1) {
                want_print = 0;
                double s = (now_ns() - t0) / 1e9;
                double done = (pass - 2) * (double)mib + (double)off / MIB;
                printf("HM:dirtied=%llu %.1f\n", (unsigned long long)pass - 1,
                       s > 0 ? done / s : 0.0);
                fflush(stdout);
            }
            if (pass > 1 && period_ms && (off + PAGE) % MIB == 0) {
                /* spread the pass evenly over the period, MiB by MiB */
                int64_t due = start + (int64_t)((off + PAGE) / MIB) * period_ms * 1000000LL /
                              (int64_t)mib;
                if (due > now_ns()) {
                    sleep_ns(due - now_ns());
                }
            }
        }
        if (pass == 1) {
            /* the first pass faults the pages in: not paced, not counted */
            printf("HM:dirty=started %lu\n", mib);
            fflush(stdout);
            t0 = now_ns();
        }
    }
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "ticker") && atol(argv[2]) > 0) {
        ticker(atol(argv[2]));
    }
    if (argc == 4 && !strcmp(argv[1], "dirty") && atol(argv[2]) > 0 && atol(argv[3]) >= 0) {
        return dirty(strtoul(argv[2], NULL, 10), atol(argv[3]));
    }
    fprintf(stderr, "usage: migguest ticker PERIOD_MS | dirty MIB PERIOD_MS\n");
    return 2;
}
