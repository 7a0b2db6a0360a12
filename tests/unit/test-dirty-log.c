/*
 * test-dirty-log.c - dirty logging on the host's /dev/kvm: a tiny real-mode
 * guest writes two pages, KVM's log reports exactly those, a second sync
 * reports none; the VMM's own writes into guest RAM are tracked beside it.
 */
#include "hotmem/guest-mem.h"
#include "hotmem/kvm-state.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define RAM_SIZE (1u << 20)

typedef struct {
    RamBlock *block;
    uint64_t bits[RAM_SIZE / GUEST_PAGE_SIZE / 64];
    unsigned calls;
} Dirty;

static void collect(void *opaque, RamBlock *block, const uint64_t *bitmap, size_t pages)
{
    Dirty *d = opaque;
    if (block != d->block) {
        return;
    }
    d->calls++;
    g_assert_cmpuint(pages, ==, RAM_SIZE / GUEST_PAGE_SIZE);
    for (size_t i = 0; i < G_N_ELEMENTS(d->bits); i++) {
        d->bits[i] |= bitmap[i];
    }
}

static GString *pages_of(const uint64_t *bits, size_t words)
{
    GString *s = g_string_new("");
    for (size_t p = 0; p < words * 64; p++) {
        if (bits[p / 64] & (1ULL << (p % 64))) {
            g_string_append_printf(s, "%zu ", p);
        }
    }
    return s;
}

static void test_guest_writes(void)
{
    int fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        g_test_skip("no usable /dev/kvm on this host");
        return;
    }
    close(fd);
    GError *err = NULL;
    KvmTopology topo = { .ncpus = 1, .sockets = 1, .cores = 1, .threads = 1 };
    KvmAccel *kvm = kvm_accel_open(&topo, &err);
    g_assert_no_error(err);
    uint8_t *ram = guest_ram_alloc(RAM_SIZE);
    /* 0x1000: mov byte [0x2000], 0x55; mov byte [0x5000], 0xaa; hlt; jmp $-1 */
    static const uint8_t code[] = { 0xc6, 0x06, 0x00, 0x20, 0x55, 0xc6, 0x06, 0x00, 0x50,
                                    0xaa, 0xf4, 0xeb, 0xfd };
    memcpy(ram + 0x1000, code, sizeof(code));
    Dirty d = { 0 };
    d.block = ram_block_add("ram", 0, RAM_SIZE, ram, false, &err);
    g_assert_no_error(err);
    g_assert_true(kvm_vm_create(kvm, &err));
    g_autofree KvmVcpuState *st = g_new0(KvmVcpuState, 1);
    g_assert_true(kvm_vcpu_state_save(kvm, 0, st, &err));
    st->sregs.cs.base = 0;
    st->sregs.cs.selector = 0;
    st->regs.rip = 0x1000;
    g_assert_true(kvm_vcpu_state_restore(kvm, 0, st, &err));
    g_assert_no_error(err);

    g_assert_true(kvm_dirty_log_start(kvm, &err));
    g_assert_no_error(err);
    ram_dirty_tracking(true);
    g_assert_true(kvm_vcpus_start(kvm, &err));
    for (int i = 0; i < 500 && ram[0x5000] != 0xaa; i++) {
        g_usleep(10000);
    }
    kvm_vcpus_stop(kvm);
    g_assert_cmphex(ram[0x2000], ==, 0x55);
    g_assert_cmphex(ram[0x5000], ==, 0xaa);

    g_assert_true(kvm_dirty_log_sync(kvm, collect, &d, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(d.calls, ==, 1);
    g_autoptr(GString) first = pages_of(d.bits, G_N_ELEMENTS(d.bits));
    g_assert_cmpstr(first->str, ==, "2 5 ");

    /* the log was cleared; the VMM's own write shows in its own bitmap */
    memset(d.bits, 0, sizeof(d.bits));
    g_assert_nonnull(guest_mem_range(0x7ff0, 0x20, true));       /* pages 7 and 8 */
    g_assert_true(kvm_dirty_log_sync(kvm, collect, &d, &err));
    g_autoptr(GString) second = pages_of(d.bits, G_N_ELEMENTS(d.bits));
    g_assert_cmpstr(second->str, ==, "");
    ram_block_take_vmm_dirty(d.block, d.bits);
    g_autoptr(GString) vmm = pages_of(d.bits, G_N_ELEMENTS(d.bits));
    g_assert_cmpstr(vmm->str, ==, "7 8 ");
    memset(d.bits, 0, sizeof(d.bits));
    ram_block_take_vmm_dirty(d.block, d.bits);                   /* taken: cleared */
    g_autoptr(GString) none = pages_of(d.bits, G_N_ELEMENTS(d.bits));
    g_assert_cmpstr(none->str, ==, "");

    ram_dirty_tracking(false);
    kvm_dirty_log_stop(kvm);
    g_assert_false(kvm_dirty_log_sync(kvm, collect, &d, &err));
    g_assert_cmpstr(err->message, ==, "dirty logging is off");
    g_clear_error(&err);
    kvm_accel_close(kvm);
    g_assert_true(ram_block_remove(d.block, NULL));
    guest_ram_free(ram, RAM_SIZE);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/dirty-log/guest-writes", test_guest_writes);
    return g_test_run();
}
