/*
 * kvm.c - VM and vCPU lifecycle, memslots, interrupts and the exit loop.
 */
#include "accel/kvm-internal.h"
#include "hw/hotmem-pc.h"
#include "hotmem/io.h"
#include "hotmem/runstate.h"
#include "hotmem/util.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define KVM_IDENTITY_MAP_ADDR 0xfeffc000ULL     /* reserved in e820 by hw/pc */
#define KVM_TSS_ADDR          0xfeffd000ULL
#define KVM_VCPU_KICK_SIGNAL  SIGUSR1
#define KVM_MAX_CPUID_ENTRIES 256

static bool check_cap(KvmAccel *kvm, int cap, const char *what, GError **errp)
{
    if (ioctl(kvm->sys_fd, KVM_CHECK_EXTENSION, cap) <= 0) {
        g_set_error(errp, HM_ERROR, 0, "KVM lacks %s", what);
        return false;
    }
    return true;
}

static bool memslot_add(void *opaque, RamBlock *block, GError **errp);
static bool memslot_remove(void *opaque, RamBlock *block, GError **errp);

static void kick_handler(int sig)
{
    (void)sig;      /* only interrupts KVM_RUN */
}

KvmAccel *kvm_accel_open(const KvmTopology *topo, GError **errp)
{
    KvmAccel *kvm = g_new0(KvmAccel, 1);
    g_mutex_init(&kvm->threads_lock);
    g_cond_init(&kvm->threads_cond);
    kvm->vm_fd = -1;
    kvm->topo = *topo;
    kvm->sys_fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
    if (kvm->sys_fd < 0) {
        g_set_error(errp, HM_ERROR, 0, "cannot open /dev/kvm: %s", g_strerror(errno));
        goto fail;
    }
    if (ioctl(kvm->sys_fd, KVM_GET_API_VERSION, 0) != KVM_API_VERSION) {
        g_set_error(errp, HM_ERROR, 0, "unsupported KVM API version");
        goto fail;
    }
    if (!check_cap(kvm, KVM_CAP_IRQCHIP, "an in-kernel irqchip", errp) ||
        !check_cap(kvm, KVM_CAP_PIT2, "an in-kernel PIT", errp) ||
        !check_cap(kvm, KVM_CAP_IRQ_ROUTING, "interrupt routing", errp) ||
        !check_cap(kvm, KVM_CAP_USER_MEMORY, "user memory", errp) ||
        !check_cap(kvm, KVM_CAP_READONLY_MEM, "read-only memslots", errp) ||
        !check_cap(kvm, KVM_CAP_IMMEDIATE_EXIT, "immediate exit", errp)) {
        goto fail;
    }
    int max_vcpus = ioctl(kvm->sys_fd, KVM_CHECK_EXTENSION, KVM_CAP_MAX_VCPUS);
    if (max_vcpus > 0 && topo->ncpus > (unsigned)max_vcpus) {
        g_set_error(errp, HM_ERROR, 0, "-smp %u exceeds KVM's limit of %d vCPUs",
                    topo->ncpus, max_vcpus);
        goto fail;
    }
    int run_size = ioctl(kvm->sys_fd, KVM_GET_VCPU_MMAP_SIZE, 0);
    if (run_size <= 0) {
        g_set_error(errp, HM_ERROR, 0, "KVM_GET_VCPU_MMAP_SIZE failed");
        goto fail;
    }
    kvm->run_size = run_size;
    kvm->supported_cpuid = g_malloc0(sizeof(struct kvm_cpuid2) +
                                     KVM_MAX_CPUID_ENTRIES * sizeof(struct kvm_cpuid_entry2));
    kvm->supported_cpuid->nent = KVM_MAX_CPUID_ENTRIES;
    if (ioctl(kvm->sys_fd, KVM_GET_SUPPORTED_CPUID, kvm->supported_cpuid) < 0) {
        g_set_error(errp, HM_ERROR, 0, "KVM_GET_SUPPORTED_CPUID: %s", g_strerror(errno));
        goto fail;
    }
    struct sigaction sa = { .sa_handler = kick_handler };
    sigemptyset(&sa.sa_mask);
    sigaction(KVM_VCPU_KICK_SIGNAL, &sa, NULL);
    kvm->thread_ids = g_new0(int, topo->ncpus);
    /* every RAM block becomes a memslot, now and whenever one is added */
    kvm->memslots = g_ptr_array_new();
    RamListener memslots = { .add = memslot_add, .remove = memslot_remove, .opaque = kvm };
    if (!ram_listener_attach(&memslots, errp)) {
        goto fail;
    }
    return kvm;

fail:
    kvm_accel_close(kvm);
    return NULL;
}

void kvm_accel_close(KvmAccel *kvm)
{
    if (!kvm) {
        return;
    }
    kvm_vm_destroy(kvm);
    if (kvm->threads) {
        g_mutex_lock(&kvm->threads_lock);
        for (unsigned i = 0; i < kvm->topo.ncpus; i++) {
            kvm->threads[i].quit = true;
        }
        g_cond_broadcast(&kvm->threads_cond);
        g_mutex_unlock(&kvm->threads_lock);
        for (unsigned i = 0; i < kvm->topo.ncpus; i++) {
            if (kvm->threads[i].thread) {
                g_thread_join(kvm->threads[i].thread);
            }
        }
        g_free(kvm->threads);
    }
    g_mutex_clear(&kvm->threads_lock);
    g_cond_clear(&kvm->threads_cond);
    if (kvm->memslots) {
        ram_listener_detach(kvm);
        g_ptr_array_free(kvm->memslots, TRUE);
    }
    if (kvm->sys_fd >= 0) {
        close(kvm->sys_fd);
    }
    g_free(kvm->supported_cpuid);
    g_free(kvm->thread_ids);
    g_free(kvm);
}

int kvm_vcpu_thread_id(KvmAccel *kvm, unsigned index)
{
    int tid = index < kvm->topo.ncpus ? g_atomic_int_get(&kvm->thread_ids[index]) : 0;
    return tid ? tid : getpid();              /* never ran yet: the process */
}

unsigned kvm_phys_addr_bits(const KvmAccel *kvm)
{
    const struct kvm_cpuid2 *c = kvm->supported_cpuid;
    for (unsigned i = 0; i < c->nent; i++) {
        if (c->entries[i].function == 0x80000008 && (c->entries[i].eax & 0xff)) {
            return c->entries[i].eax & 0xff;
        }
    }
    return 36;
}

/* Legacy IRQs reach both PICs and the IOAPIC; IRQ0 (PIT) is wired to IOAPIC
 * pin 2, matching the interrupt source override in the MADT. */
static bool setup_irq_routing(KvmAccel *kvm, GError **errp)
{
    struct kvm_irq_routing *r = g_malloc0(sizeof(*r) + 64 * sizeof(r->entries[0]));
    unsigned n = 0;
    for (unsigned irq = 0; irq < 16; irq++) {
        if (irq == 2) {
            continue;                      /* cascade */
        }
        r->entries[n++] = (struct kvm_irq_routing_entry){
            .gsi = irq, .type = KVM_IRQ_ROUTING_IRQCHIP,
            .u.irqchip = { .irqchip = irq < 8 ? KVM_IRQCHIP_PIC_MASTER : KVM_IRQCHIP_PIC_SLAVE,
                           .pin = irq % 8 },
        };
    }
    for (unsigned gsi = 0; gsi < 24; gsi++) {
        if (gsi == 2) {
            continue;
        }
        r->entries[n++] = (struct kvm_irq_routing_entry){
            .gsi = gsi, .type = KVM_IRQ_ROUTING_IRQCHIP,
            .u.irqchip = { .irqchip = KVM_IRQCHIP_IOAPIC, .pin = gsi == 0 ? 2 : gsi },
        };
    }
    r->nr = n;
    bool ok = ioctl(kvm->vm_fd, KVM_SET_GSI_ROUTING, r) == 0;
    if (!ok) {
        g_set_error(errp, HM_ERROR, 0, "KVM_SET_GSI_ROUTING: %s", g_strerror(errno));
    }
    g_free(r);
    return ok;
}

static bool create_vcpu(KvmAccel *kvm, KvmVcpu *v, GError **errp)
{
    v->fd = ioctl(kvm->vm_fd, KVM_CREATE_VCPU, (unsigned long)v->index);
    if (v->fd < 0) {
        g_set_error(errp, HM_ERROR, 0, "KVM_CREATE_VCPU %u: %s", v->index, g_strerror(errno));
        return false;
    }
    v->run = mmap(NULL, kvm->run_size, PROT_READ | PROT_WRITE, MAP_SHARED, v->fd, 0);
    if (v->run == MAP_FAILED) {
        v->run = NULL;
        g_set_error(errp, HM_ERROR, 0, "mmap of vCPU %u run area: %s", v->index,
                    g_strerror(errno));
        return false;
    }
    struct kvm_cpuid2 *cpuid = kvm_cpuid_for_vcpu(kvm->supported_cpuid, &kvm->topo, v->index);
    int r = ioctl(v->fd, KVM_SET_CPUID2, cpuid);
    g_free(cpuid);
    if (r < 0) {
        g_set_error(errp, HM_ERROR, 0, "KVM_SET_CPUID2: %s", g_strerror(errno));
        return false;
    }
    return true;
}

/* ---- memslots: the RAM listener ---- */

static bool set_memslot(KvmAccel *kvm, unsigned slot, RamBlock *block, uint64_t size,
                        GError **errp)
{
    /* while migrating, KVM logs the guest's writes to every writable slot */
    uint32_t flags = block->readonly ? KVM_MEM_READONLY
                                     : kvm->dirty_logging ? KVM_MEM_LOG_DIRTY_PAGES : 0;
    struct kvm_userspace_memory_region region = {
        .slot = slot,
        .flags = flags,
        .guest_phys_addr = block->gpa,
        .memory_size = size,
        .userspace_addr = (uintptr_t)block->host,
    };
    if (ioctl(kvm->vm_fd, KVM_SET_USER_MEMORY_REGION, &region) < 0) {
        g_set_error(errp, HM_ERROR, 0, "memslot %u for %s at 0x%" PRIx64 ": %s", slot,
                    block->name, block->gpa, g_strerror(errno));
        return false;
    }
    return true;
}

/* Memslot numbers are reused, so a long run of hot add/remove cycles never
 * exhausts them; a slot's number is its index in kvm->memslots. */
static bool memslot_add(void *opaque, RamBlock *block, GError **errp)
{
    KvmAccel *kvm = opaque;
    unsigned slot = 0;
    while (slot < kvm->memslots->len && g_ptr_array_index(kvm->memslots, slot)) {
        slot++;
    }
    if (slot == kvm->memslots->len) {
        g_ptr_array_add(kvm->memslots, NULL);
    }
    /* without a VM the slot is set when kvm_vm_create makes one */
    if (kvm->vm_fd >= 0 && !set_memslot(kvm, slot, block, block->size, errp)) {
        return false;
    }
    g_ptr_array_index(kvm->memslots, slot) = block;
    return true;
}

static bool memslot_remove(void *opaque, RamBlock *block, GError **errp)
{
    KvmAccel *kvm = opaque;
    for (guint slot = 0; slot < kvm->memslots->len; slot++) {
        if (g_ptr_array_index(kvm->memslots, slot) != block) {
            continue;
        }
        if (kvm->vm_fd >= 0 && !set_memslot(kvm, slot, block, 0, errp)) {
            return false;
        }
        g_ptr_array_index(kvm->memslots, slot) = NULL;
        return true;
    }
    return true;
}

static bool map_all_memslots(KvmAccel *kvm, GError **errp)
{
    for (guint slot = 0; slot < kvm->memslots->len; slot++) {
        RamBlock *block = g_ptr_array_index(kvm->memslots, slot);
        if (block && !set_memslot(kvm, slot, block, block->size, errp)) {
            return false;
        }
    }
    return true;
}

bool kvm_vm_create(KvmAccel *kvm, GError **errp)
{
    kvm->vm_fd = ioctl(kvm->sys_fd, KVM_CREATE_VM, 0);
    if (kvm->vm_fd < 0) {
        g_set_error(errp, HM_ERROR, 0, "KVM_CREATE_VM: %s", g_strerror(errno));
        return false;
    }
    fcntl(kvm->vm_fd, F_SETFD, FD_CLOEXEC);
    uint64_t ident = KVM_IDENTITY_MAP_ADDR;
    if (ioctl(kvm->vm_fd, KVM_SET_IDENTITY_MAP_ADDR, &ident) < 0 ||
        ioctl(kvm->vm_fd, KVM_SET_TSS_ADDR, (unsigned long)KVM_TSS_ADDR) < 0) {
        /* only VMX needs them; SVM hosts may refuse harmlessly */
        g_debug("identity map / TSS address not set: %s", g_strerror(errno));
    }
    if (ioctl(kvm->vm_fd, KVM_CREATE_IRQCHIP, 0) < 0) {
        g_set_error(errp, HM_ERROR, 0, "KVM_CREATE_IRQCHIP: %s", g_strerror(errno));
        goto fail;
    }
    struct kvm_pit_config pit = { .flags = 0 };
    if (ioctl(kvm->vm_fd, KVM_CREATE_PIT2, &pit) < 0) {
        g_set_error(errp, HM_ERROR, 0, "KVM_CREATE_PIT2: %s", g_strerror(errno));
        goto fail;
    }
    if (!setup_irq_routing(kvm, errp)) {
        goto fail;
    }
    if (!map_all_memslots(kvm, errp)) {
        goto fail;
    }
    kvm->vcpus = g_new0(KvmVcpu, kvm->topo.ncpus);
    for (unsigned i = 0; i < kvm->topo.ncpus; i++) {
        kvm->vcpus[i] = (KvmVcpu){ .kvm = kvm, .index = i, .fd = -1 };
    }
    for (unsigned i = 0; i < kvm->topo.ncpus; i++) {
        if (!create_vcpu(kvm, &kvm->vcpus[i], errp)) {
            goto fail;
        }
    }
    return true;

fail:
    kvm_vm_destroy(kvm);
    return false;
}

void kvm_vm_destroy(KvmAccel *kvm)
{
    kvm_vcpus_stop(kvm);
    if (kvm->vcpus) {
        for (unsigned i = 0; i < kvm->topo.ncpus; i++) {
            KvmVcpu *v = &kvm->vcpus[i];
            if (v->run) {
                munmap(v->run, kvm->run_size);
            }
            if (v->fd >= 0) {
                close(v->fd);
            }
        }
        g_free(kvm->vcpus);
        kvm->vcpus = NULL;
    }
    if (kvm->vm_fd >= 0) {
        close(kvm->vm_fd);
        kvm->vm_fd = -1;
    }
}

/* ---- dirty logging ---- */

static bool set_dirty_logging(KvmAccel *kvm, bool on, GError **errp)
{
    kvm->dirty_logging = on;
    if (kvm->vm_fd < 0) {
        return true;
    }
    for (guint slot = 0; slot < kvm->memslots->len; slot++) {
        RamBlock *block = g_ptr_array_index(kvm->memslots, slot);
        if (block && !block->readonly && !set_memslot(kvm, slot, block, block->size, errp)) {
            return false;
        }
    }
    return true;
}

bool kvm_dirty_log_start(KvmAccel *kvm, GError **errp)
{
    if (!set_dirty_logging(kvm, true, errp)) {
        set_dirty_logging(kvm, false, NULL);
        return false;
    }
    return true;
}

void kvm_dirty_log_stop(KvmAccel *kvm)
{
    GError *err = NULL;
    if (!set_dirty_logging(kvm, false, &err)) {
        g_warning("dirty logging stays on: %s", err->message);
        g_error_free(err);
    }
}

bool kvm_dirty_log_sync(KvmAccel *kvm, KvmDirtyFn fn, void *opaque, GError **errp)
{
    if (!kvm->dirty_logging || kvm->vm_fd < 0) {
        g_set_error(errp, HM_ERROR, 0, "dirty logging is off");
        return false;
    }
    for (guint slot = 0; slot < kvm->memslots->len; slot++) {
        RamBlock *block = g_ptr_array_index(kvm->memslots, slot);
        if (!block || block->readonly) {
            continue;
        }
        size_t pages = block->size / GUEST_PAGE_SIZE;
        g_autofree uint64_t *bitmap = g_new0(uint64_t, (pages + 63) / 64);
        struct kvm_dirty_log log = { .slot = slot, .dirty_bitmap = bitmap };
        if (ioctl(kvm->vm_fd, KVM_GET_DIRTY_LOG, &log) < 0) {
            g_set_error(errp, HM_ERROR, 0, "KVM_GET_DIRTY_LOG for %s: %s", block->name,
                        g_strerror(errno));
            return false;
        }
        fn(opaque, block, bitmap, pages);
    }
    return true;
}

void kvm_set_irq(void *opaque, unsigned gsi, int level)
{
    KvmAccel *kvm = opaque;
    if (kvm->vm_fd < 0) {
        return;
    }
    struct kvm_irq_level irq = { .irq = gsi, .level = level ? 1 : 0 };
    if (ioctl(kvm->vm_fd, KVM_IRQ_LINE, &irq) < 0) {
        g_debug("KVM_IRQ_LINE %u: %s", gsi, g_strerror(errno));
    }
}

static void dump_vcpu(KvmVcpu *v, const char *why)
{
    struct kvm_regs regs;
    struct kvm_sregs sregs;
    fprintf(stderr, "hotmem: vCPU %u: %s\n", v->index, why);
    if (ioctl(v->fd, KVM_GET_REGS, &regs) == 0 && ioctl(v->fd, KVM_GET_SREGS, &sregs) == 0) {
        fprintf(stderr,
                "hotmem:   rip=%016llx rsp=%016llx rflags=%08llx cs=%04x(base %llx) "
                "cr0=%llx cr3=%llx cr4=%llx efer=%llx\n",
                regs.rip, regs.rsp, regs.rflags, sregs.cs.selector, sregs.cs.base,
                sregs.cr0, sregs.cr3, sregs.cr4, sregs.efer);
    }
}

static void handle_io_exit(struct kvm_run *run)
{
    uint8_t *data = (uint8_t *)run + run->io.data_offset;
    device_lock();
    for (uint32_t i = 0; i < run->io.count; i++) {
        io_dispatch(IO_SPACE_PORT, run->io.port, data + i * run->io.size, run->io.size,
                    run->io.direction == KVM_EXIT_IO_OUT);
    }
    device_unlock();
}

static void handle_mmio_exit(struct kvm_run *run)
{
    device_lock();
    io_dispatch(IO_SPACE_MMIO, run->mmio.phys_addr, run->mmio.data, run->mmio.len,
                run->mmio.is_write);
    device_unlock();
}

/* Runs one exit; false when the vCPU must stop. */
static bool handle_exit(KvmVcpu *v)
{
    struct kvm_run *run = v->run;
    switch (run->exit_reason) {
    case KVM_EXIT_IO:
        handle_io_exit(run);
        return true;
    case KVM_EXIT_MMIO:
        handle_mmio_exit(run);
        return true;
    case KVM_EXIT_INTR:
        return true;
    case KVM_EXIT_SHUTDOWN:
        /* triple fault: what a PC does is reset */
        vm_request(VM_REQUEST_RESET, VM_CAUSE_GUEST_TRIPLE_FAULT);
        return false;
    case KVM_EXIT_SYSTEM_EVENT:
        vm_request(run->system_event.type == KVM_SYSTEM_EVENT_RESET ? VM_REQUEST_RESET
                                                                    : VM_REQUEST_SHUTDOWN,
                   VM_CAUSE_GUEST_SYSTEM_EVENT);
        return false;
    case KVM_EXIT_HLT:
        return true;
    case KVM_EXIT_FAIL_ENTRY:
        dump_vcpu(v, "KVM_EXIT_FAIL_ENTRY");
        vm_request(VM_REQUEST_ERROR, VM_CAUSE_KVM_ENTRY_FAILED);
        return false;
    case KVM_EXIT_INTERNAL_ERROR:
        dump_vcpu(v, "KVM_EXIT_INTERNAL_ERROR");
        vm_request(VM_REQUEST_ERROR, VM_CAUSE_KVM_INTERNAL_ERROR);
        return false;
    default: {
        char *why = g_strdup_printf("unexpected exit reason %u", run->exit_reason);
        dump_vcpu(v, why);
        g_free(why);
        vm_request(VM_REQUEST_ERROR, VM_CAUSE_KVM_UNEXPECTED_EXIT);
        return false;
    }
    }
}

typedef struct {
    KvmAccel *kvm;
    unsigned index;
} VcpuThreadArg;

/* The KVM_RUN loop of one start: until stop, or an exit that asks the main
 * loop for something (the thread then waits for the next start). */
static void vcpu_run(KvmVcpu *v)
{
    while (!g_atomic_int_get(&v->stop)) {
        int r = ioctl(v->fd, KVM_RUN, 0);
        if (r < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                continue;
            }
            char *why = g_strdup_printf("KVM_RUN: %s", g_strerror(errno));
            dump_vcpu(v, why);
            g_free(why);
            vm_request(VM_REQUEST_ERROR, VM_CAUSE_KVM_RUN_FAILED);
            return;
        }
        if (!handle_exit(v)) {
            return;
        }
    }
}

static gpointer vcpu_thread(gpointer opaque)
{
    VcpuThreadArg arg = *(VcpuThreadArg *)opaque;
    g_free(opaque);
    KvmAccel *kvm = arg.kvm;
    KvmVcpuThread *t = &kvm->threads[arg.index];
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, KVM_VCPU_KICK_SIGNAL);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);

    g_mutex_lock(&kvm->threads_lock);
    t->tid = pthread_self();
    g_atomic_int_set(&kvm->thread_ids[arg.index], (int)syscall(SYS_gettid));
    for (;;) {
        t->parked = true;
        g_cond_broadcast(&kvm->threads_cond);
        while (!t->go && !t->quit) {
            g_cond_wait(&kvm->threads_cond, &kvm->threads_lock);
        }
        if (t->quit) {
            break;
        }
        t->go = false;
        t->parked = false;
        /* start made the vCPUs before asking, and stop waits for us to
         * park again before anything frees them */
        KvmVcpu *v = &kvm->vcpus[arg.index];
        g_mutex_unlock(&kvm->threads_lock);
        vcpu_run(v);
        g_mutex_lock(&kvm->threads_lock);
    }
    g_mutex_unlock(&kvm->threads_lock);
    return NULL;
}

bool kvm_vcpus_spawn(KvmAccel *kvm, GError **errp)
{
    if (kvm->threads) {
        return true;
    }
    /* vCPU threads inherit this mask: the kick signal is only delivered
     * to them, where it interrupts KVM_RUN */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, KVM_VCPU_KICK_SIGNAL);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    kvm->threads = g_new0(KvmVcpuThread, kvm->topo.ncpus);
    for (unsigned i = 0; i < kvm->topo.ncpus; i++) {
        char name[16];
        snprintf(name, sizeof(name), "vcpu%u", i);
        VcpuThreadArg *arg = g_new(VcpuThreadArg, 1);
        *arg = (VcpuThreadArg){ .kvm = kvm, .index = i };
        kvm->threads[i].thread = g_thread_try_new(name, vcpu_thread, arg, NULL);
        if (!kvm->threads[i].thread) {
            g_free(arg);
            g_set_error(errp, HM_ERROR, 0, "cannot start vCPU thread %u", i);
            return false;             /* kvm_accel_close ends those made */
        }
    }
    /* every thread has its id once this returns */
    g_mutex_lock(&kvm->threads_lock);
    for (unsigned i = 0; i < kvm->topo.ncpus; i++) {
        while (!kvm->threads[i].parked) {
            g_cond_wait(&kvm->threads_cond, &kvm->threads_lock);
        }
    }
    g_mutex_unlock(&kvm->threads_lock);
    return true;
}

bool kvm_vcpus_start(KvmAccel *kvm, GError **errp)
{
    if (!kvm_vcpus_spawn(kvm, errp)) {
        return false;
    }
    g_mutex_lock(&kvm->threads_lock);
    for (unsigned i = 0; i < kvm->topo.ncpus; i++) {
        KvmVcpu *v = &kvm->vcpus[i];
        g_atomic_int_set(&v->stop, 0);
        v->run->immediate_exit = 0;
        kvm->threads[i].go = true;
    }
    g_cond_broadcast(&kvm->threads_cond);
    g_mutex_unlock(&kvm->threads_lock);
    kvm->running = true;
    return true;
}

void kvm_vcpus_stop(KvmAccel *kvm)
{
    if (!kvm->running || !kvm->vcpus || !kvm->threads) {
        return;
    }
    for (unsigned i = 0; i < kvm->topo.ncpus; i++) {
        KvmVcpu *v = &kvm->vcpus[i];
        g_atomic_int_set(&v->stop, 1);
        if (v->run) {
            v->run->immediate_exit = 1;
        }
    }
    g_mutex_lock(&kvm->threads_lock);
    for (unsigned i = 0; i < kvm->topo.ncpus; i++) {
        KvmVcpuThread *t = &kvm->threads[i];
        /* keep kicking until the thread waits again: a signal that lands
         * just before KVM_RUN is covered by immediate_exit */
        while (t->go || !t->parked) {
            pthread_kill(t->tid, KVM_VCPU_KICK_SIGNAL);
            g_cond_wait_until(&kvm->threads_cond, &kvm->threads_lock,
                              g_get_monotonic_time() + 1000);
        }
    }
    g_mutex_unlock(&kvm->threads_lock);
    kvm->running = false;
}
