/*
 * kvm-speed: how fast does /dev/kvm run guest code?
 *
 * Creates a VM with one 64 KiB memslot and one vCPU in real mode running
 *     mov ecx, N ; 1: dec ecx ; jnz 1b ; hlt
 * and prints the loop iterations per second.  A slow (paravirtual, nested)
 * /dev/kvm may take minutes for N iterations, so a timer interrupts KVM_RUN
 * after a time budget and the iterations done are read back from ECX.
 *
 * Usage: kvm-speed [iterations [budget_ms]]   (default 10000000, 2000)
 * Output: "iters_per_sec=<n> iterations=<n> seconds=<s> completed=<0|1>"
 * Exit status: 0 measured, 1 /dev/kvm unusable.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define MEM_SIZE 0x10000
#define CODE_ADDR 0x1000

static void die(const char *what)
{
    fprintf(stderr, "kvm-speed: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void on_alarm(int sig)
{
    (void)sig; /* only here to make KVM_RUN return EINTR */
}

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    uint32_t iters = argc > 1 ? strtoul(argv[1], NULL, 0) : 10000000;
    long budget_ms = argc > 2 ? strtol(argv[2], NULL, 0) : 2000;
    const uint8_t code[] = {
        0x66, 0xb9, iters, iters >> 8, iters >> 16, iters >> 24, /* mov ecx */
        0x66, 0x49,                                              /* dec ecx */
        0x75, 0xfc,                                              /* jnz -4 */
        0xf4,                                                    /* hlt */
    };
    int kvm, vm, vcpu, map_size;
    struct kvm_run *run;
    struct kvm_sregs sregs;
    struct kvm_regs regs;
    struct sigaction sa;
    struct itimerval timer = { 0 };
    uint8_t *mem;
    double t0, t1;
    int completed = 0;

    kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
    if (kvm < 0) {
        die("open /dev/kvm");
    }
    vm = ioctl(kvm, KVM_CREATE_VM, 0);
    if (vm < 0) {
        die("KVM_CREATE_VM");
    }
    mem = mmap(NULL, MEM_SIZE, PROT_READ | PROT_WRITE,
               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) {
        die("mmap");
    }
    memcpy(mem + CODE_ADDR, code, sizeof(code));
    struct kvm_userspace_memory_region region = {
        .slot = 0,
        .guest_phys_addr = 0,
        .memory_size = MEM_SIZE,
        .userspace_addr = (uintptr_t)mem,
    };
    if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region) < 0) {
        die("KVM_SET_USER_MEMORY_REGION");
    }
    vcpu = ioctl(vm, KVM_CREATE_VCPU, 0);
    if (vcpu < 0) {
        die("KVM_CREATE_VCPU");
    }
    map_size = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
    if (map_size < 0) {
        die("KVM_GET_VCPU_MMAP_SIZE");
    }
    run = mmap(NULL, map_size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
    if (run == MAP_FAILED) {
        die("mmap vcpu");
    }
    if (ioctl(vcpu, KVM_GET_SREGS, &sregs) < 0) {
        die("KVM_GET_SREGS");
    }
    sregs.cs.base = 0;
    sregs.cs.selector = 0;
    if (ioctl(vcpu, KVM_SET_SREGS, &sregs) < 0) {
        die("KVM_SET_SREGS");
    }
    memset(&regs, 0, sizeof(regs));
    regs.rip = CODE_ADDR;
    regs.rflags = 0x2;
    if (ioctl(vcpu, KVM_SET_REGS, &regs) < 0) {
        die("KVM_SET_REGS");
    }

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_alarm; /* no SA_RESTART: KVM_RUN fails with EINTR */
    sigaction(SIGALRM, &sa, NULL);
    timer.it_value.tv_sec = budget_ms / 1000;
    timer.it_value.tv_usec = (budget_ms % 1000) * 1000;
    /* Re-fire in case the first signal lands before KVM_RUN is entered. */
    timer.it_interval.tv_usec = 100000;

    t0 = now();
    setitimer(ITIMER_REAL, &timer, NULL);
    for (;;) {
        if (ioctl(vcpu, KVM_RUN, 0) < 0) {
            if (errno == EINTR) {
                break;
            }
            die("KVM_RUN");
        }
        if (run->exit_reason == KVM_EXIT_HLT) {
            completed = 1;
            break;
        }
        if (run->exit_reason == KVM_EXIT_INTR) {
            break;
        }
        fprintf(stderr, "kvm-speed: unexpected exit reason %u\n",
                run->exit_reason);
        return 1;
    }
    t1 = now();
    memset(&timer, 0, sizeof(timer));
    setitimer(ITIMER_REAL, &timer, NULL);

    if (ioctl(vcpu, KVM_GET_REGS, &regs) < 0) {
        die("KVM_GET_REGS");
    }
    /* Before the mov executes, ECX is 0: nothing done yet. */
    uint64_t done = regs.rip == CODE_ADDR ? 0 : iters - (uint32_t)regs.rcx;
    double secs = t1 - t0;
    printf("iters_per_sec=%.0f iterations=%llu seconds=%.3f completed=%d\n",
           secs > 0 ? done / secs : 0.0, (unsigned long long)done, secs,
           completed);
    return 0;
}
