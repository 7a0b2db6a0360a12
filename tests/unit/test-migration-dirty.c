/*
 * test-migration-dirty.c - RAM passes on the host's /dev/kvm: after a full
 * first pass a tiny real-mode guest writes two pages and the VMM a third;
 * the next dirty sync makes exactly those pending, the second pass sends
 * exactly them, and a destination loaded with both passes equals the
 * source byte for byte.
 */
#include "migration/ram.h"
#include "tiny-guest.h"

#define RAM_SIZE TINY_GUEST_RAM

static void load_all(const GByteArray *buf)
{
    MigBufReader r = { .p = buf->data, .left = buf->len };
    while (r.left) {
        MigSection s = { 0 };
        GError *err = NULL;
        g_assert_true(mig_stream_get_section(mig_buf_read, &r, &s, &err));
        g_assert_true(mig_ram_load(&s, NULL, &err));
        g_assert_no_error(err);
        mig_section_clear(&s);
    }
}

static void test_passes(void)
{
    TinyGuest g;
    if (!tiny_guest_open(&g)) {
        return;
    }
    GError *err = NULL;
    KvmAccel *kvm = g.kvm;
    uint8_t *ram = g.ram;
    memset(ram + 0x30000, 0x33, 0x4000);           /* some non-zero pages for pass 1 */
    tiny_guest_create(&g);
    RamBlock *block = g.block;

    /* setup as the source does it: logging on, every page to send */
    g_assert_true(kvm_dirty_log_start(kvm, &err));
    ram_dirty_tracking(true);
    MigRamState *s = mig_ram_new();
    g_assert_true(mig_ram_sync(s, kvm, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(mig_ram_pending(s), ==, RAM_SIZE / GUEST_PAGE_SIZE);
    g_autoptr(GByteArray) pass1 = g_byte_array_new();
    mig_ram_save(s, pass1, RAM_SIZE * 2);
    g_assert_cmpuint(mig_ram_pending(s), ==, 0);
    g_assert_cmpuint(mig_ram_stats(s)->normal, ==, 4 + 1);   /* 0x30000-0x33fff, code */

    /* the guest writes pages 2 and 5, the VMM page 9 */
    tiny_guest_run(&g);
    g_assert_true(guest_mem_write(0x9000, "vmm", 3));
    g_assert_true(mig_ram_sync(s, kvm, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(mig_ram_pending(s), ==, 3);
    g_assert_cmpuint(mig_ram_stats(s)->dirty_sync_count, ==, 2);
    g_autoptr(GByteArray) pass2 = g_byte_array_new();
    mig_ram_save(s, pass2, RAM_SIZE);
    g_assert_cmpuint(mig_ram_pending(s), ==, 0);
    g_assert_cmpuint(mig_ram_stats(s)->normal, ==, 5 + 3);
    /* a third sync: nothing was written since */
    g_assert_true(mig_ram_sync(s, kvm, &err));
    g_assert_cmpuint(mig_ram_pending(s), ==, 0);
    mig_ram_free(s);
    ram_dirty_tracking(false);
    kvm_dirty_log_stop(kvm);
    kvm_accel_close(kvm);

    /* the destination: the same block name on fresh memory */
    g_autofree uint8_t *copy = g_memdup2(ram, RAM_SIZE);
    g_assert_true(ram_block_remove(block, NULL));
    uint8_t *dst = guest_ram_alloc(RAM_SIZE);
    block = ram_block_add("ram", 0, RAM_SIZE, dst, false, &err);
    g_assert_no_error(err);
    load_all(pass1);
    g_assert_cmphex(dst[0x5000], ==, 0);          /* pass 1 predates the writes */
    load_all(pass2);
    g_assert_cmpmem(dst, RAM_SIZE, copy, RAM_SIZE);
    g_assert_true(ram_block_remove(block, NULL));
    guest_ram_free(dst, RAM_SIZE);
    guest_ram_free(ram, RAM_SIZE);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/migration/dirty/passes", test_passes);
    return g_test_run();
}
