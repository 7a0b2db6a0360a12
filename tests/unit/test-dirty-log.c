/*
 * test-dirty-log.c - dirty logging on the host's /dev/kvm: a tiny real-mode
 * guest writes two pages, KVM's log reports exactly those, a second sync
 * reports none; the VMM's own writes into guest RAM are tracked beside it.
 */
#include "tiny-guest.h"

#define RAM_SIZE TINY_GUEST_RAM

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
    TinyGuest g;
    if (!tiny_guest_open(&g)) {
        return;
    }
    GError *err = NULL;
    KvmAccel *kvm = g.kvm;
    uint8_t *ram = g.ram;
    Dirty d = { 0 };
    tiny_guest_create(&g);
    d.block = g.block;

    g_assert_true(kvm_dirty_log_start(kvm, &err));
    g_assert_no_error(err);
    ram_dirty_tracking(true);
    tiny_guest_run(&g);

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
