/*
 * tiny-guest.h - for the dirty-logging unit tests: a 1 MiB real-mode guest on
 * the host's /dev/kvm whose code at 0x1000 writes byte 0x55 to page 2 and
 * 0xaa to page 5, then halts.  The tests differ in what they do around it.
 */
#ifndef TESTS_UNIT_TINY_GUEST_H
#define TESTS_UNIT_TINY_GUEST_H

#include "hotmem/guest-mem.h"
#include "hotmem/kvm-state.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define TINY_GUEST_RAM (1u << 20)

typedef struct {
    KvmAccel *kvm;
    uint8_t *ram;
    RamBlock *block;
} TinyGuest;

/* False (and the test skipped) on a host without a usable /dev/kvm. */
static inline bool tiny_guest_open(TinyGuest *g)
{
    int fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        g_test_skip("no usable /dev/kvm on this host");
        return false;
    }
    close(fd);
    GError *err = NULL;
    KvmTopology topo = { .ncpus = 1, .sockets = 1, .cores = 1, .threads = 1 };
    g->kvm = kvm_accel_open(&topo, &err);
    g_assert_no_error(err);
    g->ram = guest_ram_alloc(TINY_GUEST_RAM);
    /* 0x1000: mov byte [0x2000], 0x55; mov byte [0x5000], 0xaa; hlt; jmp $-1 */
    static const uint8_t code[] = { 0xc6, 0x06, 0x00, 0x20, 0x55, 0xc6, 0x06, 0x00, 0x50,
                                    0xaa, 0xf4, 0xeb, 0xfd };
    memcpy(g->ram + 0x1000, code, sizeof(code));
    return true;
}

/* After the test's own set-up of RAM: the block, the VM, the vCPU at 0:0x1000. */
static inline void tiny_guest_create(TinyGuest *g)
{
    GError *err = NULL;
    g->block = ram_block_add("ram", 0, TINY_GUEST_RAM, g->ram, false, &err);
    g_assert_no_error(err);
    g_assert_true(kvm_vm_create(g->kvm, &err));
    g_autofree KvmVcpuState *st = g_new0(KvmVcpuState, 1);
    g_assert_true(kvm_vcpu_state_save(g->kvm, 0, st, &err));
    st->sregs.cs.base = 0;
    st->sregs.cs.selector = 0;
    st->regs.rip = 0x1000;
    g_assert_true(kvm_vcpu_state_restore(g->kvm, 0, st, &err));
    g_assert_no_error(err);
}

/* Run the vCPU until the second write landed (at most 5 s), then stop it. */
static inline void tiny_guest_run(TinyGuest *g)
{
    GError *err = NULL;
    g_assert_true(kvm_vcpus_start(g->kvm, &err));
    for (int i = 0; i < 500 && g->ram[0x5000] != 0xaa; i++) {
        g_usleep(10000);
    }
    kvm_vcpus_stop(g->kvm);
    g_assert_cmphex(g->ram[0x2000], ==, 0x55);
    g_assert_cmphex(g->ram[0x5000], ==, 0xaa);
}

#endif
