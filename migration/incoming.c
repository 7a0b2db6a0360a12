/*
 * incoming.c - the destination: -incoming / migrate-incoming, one
 * connection, loaded in a thread; the vCPUs start once END has arrived
 * and the KVM state is restored. Any failure ends hotmem with status 1 and
 * one line saying why (include/migration/migration.h).
 */
#include "migration-int.h"
#include "hw/pc_dimm.h"
#include "hotmem/io.h"
#include "hotmem/kvm-state.h"
#include "hotmem/runstate.h"
#include "hotmem/util.h"
#include "migration/vmstate.h"
#include "monitor/fd.h"

#include <glib-unix.h>
#include <string.h>
#include <unistd.h>

typedef struct Incoming {
    MigState *s;
    MigChannel *chan;
    KvmVmState *vm;
    KvmVcpuState *cpus;
    bool have_vm;
    bool *have_cpu;
    uint64_t ejects[HM_MEMHP_MAX_SLOTS / 64];
    MigRamStats ram;
    uint64_t bytes;
    GError *err;
    bool started;                 /* vCPUs run (or wait for 'cont') */
    bool paused;                  /* the source guest was paused */
} Incoming;

bool migration_incoming_expected(void)
{
    return mig_state.incoming_expected;
}

/* The layout and the -device list that follows it: checked before any
 * RAM comes, and on a socket the source hears the verdict before it stops. */
static bool load_layout(Incoming *in, const MigSection *sec, const MigSection *devices)
{
    MigState *s = in->s;
    if (sec->kind != MIG_SECTION_LAYOUT || strcmp(sec->name, "layout")) {
        g_set_error(&in->err, HM_ERROR, 0,
                    "the migration stream does not start with the memory layout");
        return false;
    }
    g_autofree PcDimmLayout *l = g_new0(PcDimmLayout, 1);
    bool ok = pc_dimms_layout_parse(sec->payload->data, sec->payload->len, l, &in->err);
    if (ok && s->m.dimms) {
        device_lock();
        ok = pc_dimms_layout_apply(s->m.dimms, l, &in->err);
        device_unlock();
    } else if (ok && l->ndimms) {
        g_set_error(&in->err, HM_ERROR, 0, "the source has %u DIMMs; this machine has no "
                    "memory slots", l->ndimms);
        ok = false;
    }
    const char *what = "memory layout";
    if (ok) {
        what = "devices";
        if (devices->kind != MIG_SECTION_LAYOUT || strcmp(devices->name, MIG_DEVICE_LIST)) {
            g_set_error(&in->err, HM_ERROR, 0, "the memory layout is not followed by the "
                        "device list");
            ok = false;
        } else {
            ok = migration_device_list_check(&s->m, devices->payload->data,
                                             devices->payload->len, &in->err);
        }
    }
    if (mig_channel_has_return_path(in->chan)) {
        GError *err = NULL;
        /* the source fails with the same sentence, before it stops */
        if (!mig_reply_write(in->chan, ok ? NULL : in->err->message, &err) && ok) {
            g_propagate_error(&in->err, err);
            return false;
        }
        g_clear_error(&err);
    }
    if (!ok) {
        g_prefix_error(&in->err, "%s: ", what);
    }
    return ok;
}

/* A set of DIMM slots (u32 count, then u32 slots) into set. */
static bool load_slots(Incoming *in, const MigSection *sec, uint64_t *set)
{
    const uint8_t *p = sec->payload->data;
    size_t len = sec->payload->len;
    uint32_t n = len >= 4 ? p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24 : 0;
    if (len < 4 || n > HM_MEMHP_MAX_SLOTS || len != 4 + 4 * (size_t)n) {
        g_set_error(&in->err, HM_ERROR, 0, "device section %s is malformed", sec->name);
        return false;
    }
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *q = p + 4 + 4 * i;
        uint32_t slot = q[0] | q[1] << 8 | q[2] << 16 | (uint32_t)q[3] << 24;
        if (slot >= HM_MEMHP_MAX_SLOTS) {
            g_set_error(&in->err, HM_ERROR, 0, "device section %s: slot %u", sec->name,
                        slot);
            return false;
        }
        set[slot / 64] |= 1ULL << (slot % 64);
    }
    return true;
}

/* The source's pending removals: each slot must hold a DIMM (the layout
 * plugged it); the guest's answer then completes or refuses it here. */
static bool load_unplug(Incoming *in, const MigSection *sec)
{
    uint64_t set[HM_MEMHP_MAX_SLOTS / 64] = { 0 };
    if (!load_slots(in, sec, set)) {
        return false;
    }
    PcDimms *d = in->s->m.dimms;
    bool ok = true;
    device_lock();
    for (unsigned slot = 0; slot < HM_MEMHP_MAX_SLOTS && ok; slot++) {
        if (!(set[slot / 64] & (1ULL << (slot % 64)))) {
            continue;
        }
        DimmDevice *dev = d ? dimm_bus_slot(d->bus, slot) : NULL;
        if (!dev || !dev->enabled) {
            g_set_error(&in->err, HM_ERROR, 0, "device section %s: slot %u holds no DIMM",
                        sec->name, slot);
            ok = false;
        } else {
            dev->unplug_requested = true;
        }
    }
    device_unlock();
    return ok;
}

static bool load_device(Incoming *in, const MigSection *sec)
{
    MigState *s = in->s;
    const uint8_t *p = sec->payload->data;
    size_t len = sec->payload->len;
    if (strcmp(sec->name, kvm_vm_vmstate.name) == 0 && sec->instance == 0) {
        in->have_vm = vmstate_load_into(&kvm_vm_vmstate, in->vm, sizeof(*in->vm), p, len,
                                        sec->version, &in->err);
        return in->have_vm;
    }
    if (strcmp(sec->name, kvm_vcpu_vmstate.name) == 0) {
        if (sec->instance >= s->m.ncpus) {
            g_set_error(&in->err, HM_ERROR, 0, "state for vCPU %u, but this machine has %u",
                        sec->instance, s->m.ncpus);
            return false;
        }
        in->have_cpu[sec->instance] =
            vmstate_load_into(&kvm_vcpu_vmstate, &in->cpus[sec->instance],
                              sizeof(KvmVcpuState), p, len, sec->version, &in->err);
        return in->have_cpu[sec->instance];
    }
    for (unsigned i = 0; i < s->m.ndevices; i++) {
        const MigrationDevice *dev = &s->m.devices[i];
        if (strcmp(sec->name, dev->desc->name) == 0 && sec->instance == dev->instance) {
            device_lock();
            bool ok = vmstate_load_into(dev->desc, dev->obj, dev->size, p, len, sec->version,
                                        &in->err);
            device_unlock();
            return ok;
        }
    }
    if (strcmp(sec->name, MIG_DEV_EJECTS) == 0) {
        return load_slots(in, sec, in->ejects);
    }
    if (strcmp(sec->name, MIG_DEV_UNPLUG) == 0) {
        return load_unplug(in, sec);
    }
    if (strcmp(sec->name, MIG_DEV_SYNC) == 0) {
        if (len) {
            g_set_error(&in->err, HM_ERROR, 0, "device section %s is malformed", MIG_DEV_SYNC);
            return false;
        }
        return !mig_channel_has_return_path(in->chan) ||
               mig_reply_write(in->chan, NULL, &in->err);
    }
    if (strcmp(sec->name, MIG_DEV_RUNSTATE) == 0) {
        if (len != 1 || p[0] > 1) {
            g_set_error(&in->err, HM_ERROR, 0, "device section %s is malformed",
                        MIG_DEV_RUNSTATE);
            return false;
        }
        in->paused = !p[0];
        return true;
    }
    g_set_error(&in->err, HM_ERROR, 0, "unknown device section '%s' (instance %u)",
                sec->name, sec->instance);
    return false;
}

static void start_guest(void *data)
{
    Incoming *in = data;
    MigState *s = in->s;
    if (in->paused) {
        s->m.mark_paused(s->m.opaque);      /* as the source had it: 'cont' runs it */
    } else {
        /* before the vCPUs run: a vCPU ioctl waits for KVM_RUN to return,
         * which a halted guest that does no I/O may never do */
        kvm_state_resumed(s->m.kvm);
        if (!s->m.vcpus_start(s->m.opaque, &in->err)) {
            return;
        }
    }
    in->started = true;
    s->incoming_expected = false;
    if (s->m.quiesce) {
        s->m.quiesce(s->m.opaque, false);   /* the devices catch up on kicks and interrupts */
    }
    device_lock();
    if (s->m.dimms) {
        /* ejects the guest asked for while it was being sent */
        pc_dimms_defer_ejects(s->m.dimms, false);
        memcpy(s->m.dimms->deferred_ejects, in->ejects, sizeof(in->ejects));
        pc_dimms_run_deferred_ejects(s->m.dimms);
    }
    device_unlock();
    if (!in->paused) {
        qapi_event_send_resume();
    }
}

static bool incoming_run(Incoming *in)
{
    MigState *s = in->s;
    MigSection sec = { 0 }, devices = { 0 };
    if (!mig_stream_get_header(mig_channel_read, in->chan, &in->err) ||
        !mig_stream_get_section(mig_channel_read, in->chan, &sec, &in->err)) {
        return false;
    }
    /* a stream that does not start with the layout is refused unread */
    bool ok = sec.kind == MIG_SECTION_LAYOUT &&
              mig_stream_get_section(mig_channel_read, in->chan, &devices, &in->err);
    ok = (ok || !in->err) && load_layout(in, &sec, &devices);
    mig_section_clear(&sec);
    mig_section_clear(&devices);
    if (!ok) {
        return false;
    }
    mig_set_status(MIGRATION_STATUS_ACTIVE);
    for (;;) {
        if (!mig_stream_get_section(mig_channel_read, in->chan, &sec, &in->err)) {
            return false;
        }
        in->bytes += sec.payload->len;
        switch (sec.kind) {
        case MIG_SECTION_RAM:
            ok = mig_ram_load(&sec, &in->ram, &in->err);
            break;
        case MIG_SECTION_DEVICE:
            ok = load_device(in, &sec);
            break;
        case MIG_SECTION_END:
            mig_section_clear(&sec);
            goto end;
        default:
            g_set_error(&in->err, HM_ERROR, 0, "unexpected section kind %u ('%s')", sec.kind,
                        sec.name);
            ok = false;
        }
        mig_section_clear(&sec);
        if (!ok) {
            return false;
        }
        g_mutex_lock(&s->lock);
        s->has_ram = true;
        s->ram.transferred = in->bytes;
        s->ram.duplicate = in->ram.duplicate;
        s->ram.normal = in->ram.normal;
        s->ram.normal_bytes = in->ram.normal_bytes;
        s->ram.page_size = GUEST_PAGE_SIZE;
        g_mutex_unlock(&s->lock);
    }
end:
    if (!in->have_vm) {
        g_set_error(&in->err, HM_ERROR, 0, "the migration stream has no KVM VM state");
        return false;
    }
    for (unsigned i = 0; i < s->m.ncpus; i++) {
        if (!in->have_cpu[i]) {
            g_set_error(&in->err, HM_ERROR, 0, "the migration stream has no state for vCPU %u",
                        i);
            return false;
        }
    }
    if (!kvm_vm_state_restore(s->m.kvm, in->vm, &in->err)) {
        return false;
    }
    for (unsigned i = 0; i < s->m.ncpus; i++) {
        if (!kvm_vcpu_state_restore(s->m.kvm, i, &in->cpus[i], &in->err)) {
            return false;
        }
    }
    mig_run_on_main(start_guest, in);
    if (!in->started) {
        return false;
    }
    if (mig_channel_has_return_path(in->chan)) {
        GError *err = NULL;
        if (!mig_reply_write(in->chan, NULL, &err)) {
            /* the guest runs here already: the source will say failed, and
             * stays paused, as QEMU's does when the last ack is lost */
            g_warning("migration: the source was not told: %s", err->message);
            g_error_free(err);
        }
    }
    return true;
}

static gboolean incoming_reap(gpointer data)
{
    Incoming *in = data;
    MigState *s = in->s;
    g_thread_join(s->thread);
    g_mutex_lock(&s->lock);
    s->thread = NULL;
    s->chan = NULL;
    s->end_ns = hm_clock_ns();
    g_mutex_unlock(&s->lock);
    if (in->err) {
        mig_set_error(in->err->message);
        mig_set_status(MIGRATION_STATUS_FAILED);
        /* QEMU's destination exits too; the line says why */
        vm_request_error(VM_CAUSE_MIGRATION_FAILED, in->err->message);
    } else {
        mig_set_status(MIGRATION_STATUS_COMPLETED);
    }
    mig_channel_close(in->chan);
    g_free(in->vm);
    g_free(in->cpus);
    g_free(in->have_cpu);
    g_clear_error(&in->err);
    g_free(in);
    return G_SOURCE_REMOVE;
}

static gpointer incoming_thread(gpointer data)
{
    Incoming *in = data;
    incoming_run(in);
    g_idle_add(incoming_reap, in);
    return NULL;
}

static void incoming_go(MigChannel *c)
{
    MigState *s = &mig_state;
    Incoming *in = g_new0(Incoming, 1);
    in->s = s;
    in->chan = c;
    in->vm = g_new0(KvmVmState, 1);
    in->cpus = g_new0(KvmVcpuState, s->m.ncpus);
    in->have_cpu = g_new0(bool, s->m.ncpus);
    device_lock();
    if (s->m.dimms) {
        pc_dimms_defer_ejects(s->m.dimms, true);
    }
    device_unlock();
    g_mutex_lock(&s->lock);
    s->outgoing = false;
    s->chan = c;
    s->start_ns = hm_clock_ns();
    s->thread = g_thread_new("migration-in", incoming_thread, in);
    g_mutex_unlock(&s->lock);
}

static gboolean on_incoming_connection(gint fd, GIOCondition cond, gpointer opaque)
{
    MigState *s = &mig_state;
    GError *err = NULL;
    MigChannel *c = mig_listener_accept(s->listener, &err);
    if (!c) {
        g_warning("migration: %s", err->message);
        g_error_free(err);
        return G_SOURCE_CONTINUE;
    }
    /* one connection: stop listening */
    s->listen_watch = 0;
    g_clear_pointer(&s->listener, mig_listener_free);
    incoming_go(c);
    return G_SOURCE_REMOVE;
}

bool mig_incoming_start(const char *uri, GError **errp)
{
    MigState *s = &mig_state;
    if (!s->has_machine) {
        g_set_error(errp, HM_ERROR, 0, "no machine is running");
        return false;
    }
    MigUri u;
    if (!mig_uri_parse(uri, &u, errp)) {
        return false;
    }
    int fd = -1;
    if (u.kind == MIG_URI_FD) {
        fd = monitor_fd_take(u.path, errp);
        if (fd < 0) {
            mig_uri_clear(&u);
            return false;
        }
    }
    MigListener *l = mig_listen(&u, fd, errp);
    mig_uri_clear(&u);
    if (!l) {
        return false;
    }
    s->incoming_started = true;
    mig_set_status(MIGRATION_STATUS_SETUP);
    int pfd = mig_listener_poll_fd(l);
    if (pfd < 0) {
        GError *err = NULL;
        MigChannel *c = mig_listener_accept(l, &err);
        mig_listener_free(l);
        if (!c) {
            g_propagate_error(errp, err);
            return false;
        }
        incoming_go(c);
        return true;
    }
    s->listener = l;
    s->listen_watch = g_unix_fd_add(pfd, G_IO_IN, on_incoming_connection, NULL);
    return true;
}

bool migration_incoming_init(const char *incoming, GError **errp)
{
    MigState *s = &mig_state;
    s->incoming_expected = true;
    if (strcmp(incoming, "defer") == 0) {
        return true;
    }
    return mig_incoming_start(incoming, errp);
}
