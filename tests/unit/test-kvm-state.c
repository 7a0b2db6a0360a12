/*
 * test-kvm-state.c - the MSR chunking (against a fake ioctl), and KVM's
 * VM and vCPU state through save, a fresh VM, restore and save again on
 * the host's /dev/kvm, also through the field tables.
 */
#include "hotmem/guest-mem.h"
#include "hotmem/kvm-state.h"
#include "migration/vmstate.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* A fake KVM_GET_MSRS: stops at any index in refused. */
static const uint32_t refused[] = { 3, 4, 9 };

static int fake_xfer(void *opaque, KvmMsrValue *msrs, unsigned n)
{
    unsigned *calls = opaque;
    (*calls)++;
    for (unsigned i = 0; i < n; i++) {
        for (size_t r = 0; r < G_N_ELEMENTS(refused); r++) {
            if (msrs[i].index == refused[r]) {
                return (int)i;
            }
        }
        msrs[i].data = msrs[i].index * 10;
    }
    return (int)n;
}

static void test_msr_chunking(void)
{
    KvmMsrValue m[12];
    for (unsigned i = 0; i < 12; i++) {
        m[i] = (KvmMsrValue){ .index = i };
    }
    unsigned calls = 0;
    int kept = kvm_msrs_chunked(fake_xfer, &calls, m, 12, 5);
    g_assert_cmpint(kept, ==, 9);
    const uint32_t want[] = { 0, 1, 2, 5, 6, 7, 8, 10, 11 };
    for (unsigned i = 0; i < 9; i++) {
        g_assert_cmpuint(m[i].index, ==, want[i]);
        g_assert_cmpuint(m[i].data, ==, want[i] * 10);
    }
    g_assert_cmpuint(calls, <=, 7);
    /* nothing refused: one call per chunk */
    for (unsigned i = 0; i < 12; i++) {
        m[i] = (KvmMsrValue){ .index = 100 + i };
    }
    calls = 0;
    g_assert_cmpint(kvm_msrs_chunked(fake_xfer, &calls, m, 12, 5), ==, 12);
    g_assert_cmpuint(calls, ==, 3);
}

static const KvmMsrValue *find_msr(const KvmVcpuState *st, uint32_t index)
{
    for (uint32_t i = 0; i < st->nmsrs; i++) {
        if (st->msrs[i].index == index) {
            return &st->msrs[i];
        }
    }
    return NULL;
}

#define MSR_IA32_SYSENTER_CS 0x174

static void test_round_trip(void)
{
    int fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        g_test_skip("no usable /dev/kvm on this host");
        return;
    }
    close(fd);
    GError *err = NULL;
    KvmTopology topo = { .ncpus = 2, .sockets = 2, .cores = 1, .threads = 1 };
    KvmAccel *kvm = kvm_accel_open(&topo, &err);
    g_assert_no_error(err);
    void *ram = guest_ram_alloc(2 << 20);
    RamBlock *b = ram_block_add("ram", 0, 2 << 20, ram, false, &err);
    g_assert_no_error(err);
    g_assert_true(kvm_vm_create(kvm, &err));
    g_assert_no_error(err);

    /* something to carry over, on vCPU 1 */
    g_autofree KvmVcpuState *st = g_new0(KvmVcpuState, 1);
    g_assert_true(kvm_vcpu_state_save(kvm, 1, st, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(st->nmsrs, >, 5);
    g_assert_cmpuint(st->xsave_size, >=, 4096);
    st->regs.rax = 0x1234abcd;
    st->regs.rip = 0xfff0;
    st->sregs.cr0 |= 1;                       /* protected mode */
    KvmMsrValue *cs = (KvmMsrValue *)find_msr(st, MSR_IA32_SYSENTER_CS);
    g_assert_nonnull(cs);
    cs->data = 0x10;
    st->lapic.regs[0x80] = 0x20;              /* TPR */
    g_assert_true(kvm_vcpu_state_restore(kvm, 1, st, &err));
    g_assert_no_error(err);
    g_autofree KvmVcpuState *saved = g_new0(KvmVcpuState, 1);
    g_assert_true(kvm_vcpu_state_save(kvm, 1, saved, &err));
    KvmVmState vm;
    g_assert_true(kvm_vm_state_save(kvm, &vm, &err));
    g_assert_no_error(err);

    /* through the field table, as the stream carries it */
    g_autoptr(GByteArray) bytes = g_byte_array_new();
    g_assert_true(vmstate_save(&kvm_vcpu_vmstate, saved, bytes, &err));
    g_autofree KvmVcpuState *wire = g_new0(KvmVcpuState, 1);
    g_assert_true(vmstate_load_into(&kvm_vcpu_vmstate, wire, sizeof(*wire), bytes->data,
                                    bytes->len, 1, &err));
    g_assert_no_error(err);
    g_assert_cmpmem(wire, sizeof(*wire), saved, sizeof(*saved));

    /* a fresh VM at the reset state, then the saved state */
    kvm_vm_destroy(kvm);
    g_assert_true(kvm_vm_create(kvm, &err));
    g_autofree KvmVcpuState *fresh = g_new0(KvmVcpuState, 1);
    g_assert_true(kvm_vcpu_state_save(kvm, 1, fresh, &err));
    g_assert_cmphex(fresh->regs.rax, !=, 0x1234abcd);
    g_assert_true(kvm_vm_state_restore(kvm, &vm, &err));
    g_assert_true(kvm_vcpu_state_restore(kvm, 1, wire, &err));
    g_assert_no_error(err);
    g_autofree KvmVcpuState *back = g_new0(KvmVcpuState, 1);
    g_assert_true(kvm_vcpu_state_save(kvm, 1, back, &err));
    g_assert_cmphex(back->regs.rax, ==, 0x1234abcd);
    g_assert_cmphex(back->regs.rip, ==, 0xfff0);
    g_assert_cmpmem(&back->sregs, sizeof(back->sregs), &saved->sregs, sizeof(saved->sregs));
    g_assert_cmphex(find_msr(back, MSR_IA32_SYSENTER_CS)->data, ==, 0x10);
    g_assert_cmphex(back->lapic.regs[0x80], ==, 0x20);
    g_assert_cmpmem(&back->xcrs, sizeof(back->xcrs), &saved->xcrs, sizeof(saved->xcrs));
    KvmVmState vm2;
    g_assert_true(kvm_vm_state_save(kvm, &vm2, &err));
    g_assert_cmpmem(&vm2.ioapic, sizeof(vm2.ioapic), &vm.ioapic, sizeof(vm.ioapic));
    g_assert_cmpmem(&vm2.pic_master, sizeof(vm2.pic_master), &vm.pic_master,
                    sizeof(vm.pic_master));
    g_assert_cmpuint(vm2.clock.clock, >=, vm.clock.clock);   /* kvmclock never goes back */

    /* a state with impossible counts is refused */
    back->nmsrs = KVM_STATE_MAX_MSRS + 1;
    g_assert_false(kvm_vcpu_state_restore(kvm, 1, back, &err));
    g_clear_error(&err);
    g_assert_false(kvm_vcpu_state_save(kvm, 7, back, &err));
    g_assert_cmpstr(err->message, ==, "vCPU 7 does not exist");
    g_clear_error(&err);

    kvm_accel_close(kvm);
    g_assert_true(ram_block_remove(b, NULL));
    guest_ram_free(ram, 2 << 20);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/kvm-state/msr-chunking", test_msr_chunking);
    g_test_add_func("/kvm-state/round-trip", test_round_trip);
    return g_test_run();
}
