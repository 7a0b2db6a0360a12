/*
 * migration.c - the migration state, the source's thread and the QMP
 * commands (include/migration/migration.h).
 */
#include "migration-int.h"
#include "hw/pc_dimm.h"
#include "hotmem/io.h"
#include "hotmem/kvm-state.h"
#include "hotmem/util.h"
#include "migration/vmstate.h"
#include "monitor/fd.h"
#include "monitor/qapi-runtime.h"

#include <string.h>
#include <unistd.h>

#define SEND_BUDGET (1u << 20)          /* RAM bytes per write */
#define THROTTLE_WINDOW_NS 50000000LL   /* max-bandwidth is enforced per 50 ms */

MigState mig_state = {
    .status = MIGRATION_STATUS_NONE,
    .max_bandwidth = 128u << 20,        /* QEMU's MAX_THROTTLE */
    .downtime_limit = 300,              /* QEMU's DEFAULT_MIGRATE_SET_DOWNTIME */
};

static int64_t ms_since(int64_t ns)
{
    return (hm_clock_ns() - ns) / 1000000;
}

void mig_set_status(MigrationStatus st)
{
    MigState *s = &mig_state;
    g_mutex_lock(&s->lock);
    s->status = st;
    g_mutex_unlock(&s->lock);
    if (s->events) {
        qapi_event_send_migration(st);
    }
}

void mig_set_error(const char *msg)
{
    MigState *s = &mig_state;
    g_mutex_lock(&s->lock);
    g_free(s->error);
    s->error = g_strdup(msg);
    g_mutex_unlock(&s->lock);
}

typedef struct MainCall {
    void (*fn)(void *data);
    void *data;
    GMutex lock;
    GCond cond;
    bool done;
} MainCall;

static gboolean main_call(gpointer opaque)
{
    MainCall *c = opaque;
    c->fn(c->data);
    g_mutex_lock(&c->lock);
    c->done = true;
    g_cond_signal(&c->cond);
    g_mutex_unlock(&c->lock);
    return G_SOURCE_REMOVE;
}

void mig_run_on_main(void (*fn)(void *data), void *data)
{
    MainCall c = { .fn = fn, .data = data };
    g_mutex_init(&c.lock);
    g_cond_init(&c.cond);
    g_main_context_invoke(NULL, main_call, &c);
    g_mutex_lock(&c.lock);
    while (!c.done) {
        g_cond_wait(&c.cond, &c.lock);
    }
    g_mutex_unlock(&c.lock);
    g_mutex_clear(&c.lock);
    g_cond_clear(&c.cond);
}

bool mig_reply_write(MigChannel *c, const char *msg, GError **errp)
{
    size_t len = msg ? MIN(strlen(msg), MIG_REPLY_MAX) : 0;
    uint8_t h[4] = { len, len >> 8, len >> 16, len >> 24 };
    return mig_channel_write(c, h, 4, errp) && (!len || mig_channel_write(c, msg, len, errp));
}

bool mig_reply_read(MigChannel *c, char **msg, GError **errp)
{
    uint8_t h[4];
    *msg = NULL;
    if (!mig_channel_read(c, h, 4, errp)) {
        return false;
    }
    uint32_t len = h[0] | h[1] << 8 | h[2] << 16 | (uint32_t)h[3] << 24;
    if (len > MIG_REPLY_MAX) {
        g_set_error(errp, HM_ERROR, 0, "the destination's reply is malformed (%u bytes)", len);
        return false;
    }
    if (len) {
        char *m = g_malloc0(len + 1);
        if (!mig_channel_read(c, m, len, errp)) {
            g_free(m);
            return false;
        }
        for (char *p = m; *p; p++) {
            if (!g_ascii_isprint(*p)) {
                *p = '?';                   /* it goes into error-desc and logs */
            }
        }
        *msg = m;
    }
    return true;
}

bool migration_in_progress(void)
{
    MigState *s = &mig_state;
    g_mutex_lock(&s->lock);
    bool busy = s->thread != NULL || (s->incoming_started && s->incoming_expected);
    g_mutex_unlock(&s->lock);
    return busy;
}

RunState migration_run_state(RunState machine_state)
{
    MigState *s = &mig_state;
    if (s->incoming_expected) {
        return RUN_STATE_INMIGRATE;
    }
    if (s->finish_migrate) {
        return RUN_STATE_FINISH_MIGRATE;
    }
    if (s->postmigrate && machine_state == RUN_STATE_RUNNING) {
        return RUN_STATE_POSTMIGRATE;       /* stopped by the migration, not by 'stop' */
    }
    return machine_state;
}

void migration_set_machine(const MigrationMachine *m)
{
    mig_state.has_machine = m != NULL;
    if (m) {
        mig_state.m = *m;
    }
}

/* ---- the source ---- */

typedef struct Source {
    MigState *s;
    MigUri uri;
    int fd;                               /* fd: taken from getfd */
    MigChannel *chan;
    MigRamState *ram;
    GByteArray *buf;
    uint64_t sent;
    uint64_t downtime_bytes;
    bool stopped;                         /* vCPUs stopped by us */
    bool was_running;
    bool tracking;                        /* dirty logging on */
    int64_t active_ns;
    GError *err;
} Source;

static void publish_ram(Source *src, bool final)
{
    MigState *s = src->s;
    const MigRamStats *st = mig_ram_stats(src->ram);
    g_mutex_lock(&s->lock);
    s->has_ram = true;
    s->ram.transferred = src->sent;
    s->ram.remaining = mig_ram_pending(src->ram) * GUEST_PAGE_SIZE;
    s->ram.total = st->total;
    s->ram.duplicate = st->duplicate;
    s->ram.normal = st->normal;
    s->ram.normal_bytes = st->normal_bytes;
    s->ram.dirty_sync_count = st->dirty_sync_count;
    s->ram.page_size = GUEST_PAGE_SIZE;
    s->ram.precopy_bytes = src->sent - src->downtime_bytes;
    s->ram.downtime_bytes = src->downtime_bytes;
    double secs = (hm_clock_ns() - src->active_ns) / 1e9;
    if (secs > 0) {
        s->ram.mbps = src->sent * 8 / secs / 1e6;
        s->ram.pages_per_second = (st->normal + st->duplicate) / secs;
    }
    (void)final;
    g_mutex_unlock(&s->lock);
}

/* Sends what is in buf, keeping to max-bandwidth while the guest runs. */
static bool flush(Source *src, int64_t *window_ns, uint64_t *window_bytes)
{
    GByteArray *b = src->buf;
    if (!b->len) {
        return true;
    }
    if (g_atomic_int_get(&src->s->cancel)) {
        g_set_error(&src->err, HM_ERROR, 0, "migration cancelled");
        return false;
    }
    if (!mig_channel_write(src->chan, b->data, b->len, &src->err)) {
        return false;
    }
    src->sent += b->len;
    if (src->stopped) {
        src->downtime_bytes += b->len;
    }
    if (window_ns && !src->stopped) {
        /* sleep until the window's bytes fit max-bandwidth, then start a
         * new window every THROTTLE_WINDOW_NS */
        *window_bytes += b->len;
        int64_t elapsed = hm_clock_ns() - *window_ns;
        int64_t need = (int64_t)(*window_bytes * 1e9 / src->s->max_bandwidth);
        if (need > elapsed) {
            g_usleep((need - elapsed) / 1000);
        }
        if (hm_clock_ns() - *window_ns >= THROTTLE_WINDOW_NS) {
            *window_ns = hm_clock_ns();
            *window_bytes = 0;
        }
    }
    g_byte_array_set_size(b, 0);
    return true;
}

static void put_device(Source *src, const VmStateDesc *d, uint32_t instance, void *obj)
{
    GByteArray *p = g_byte_array_new();
    GError *err = NULL;
    if (!vmstate_save(d, obj, p, &err)) {
        g_propagate_prefixed_error(&src->err, err, "saving %s: ", d->name);
    } else {
        mig_stream_put_section(src->buf, MIG_SECTION_DEVICE, d->name, instance, d->version,
                               p->data, p->len);
    }
    g_byte_array_free(p, TRUE);
}

/* Main thread: stop the vCPUs for the switch-over. */
static void stop_for_switchover(void *data)
{
    Source *src = data;
    MigState *s = src->s;
    src->was_running = s->m.running(s->m.opaque);
    if (src->was_running) {
        s->m.vcpus_stop(s->m.opaque);
        qapi_event_send_stop();
    }
    if (s->m.quiesce) {
        s->m.quiesce(s->m.opaque, true);  /* nothing writes guest RAM behind the last pass */
    }
    s->finish_migrate = true;
    src->stopped = true;
}

/* A set of DIMM slots as a device section: u32 count, then u32 slots. */
static void put_slots(Source *src, const char *name, const uint64_t *set)
{
    GByteArray *p = g_byte_array_new();
    uint32_t n = 0;
    g_byte_array_set_size(p, 4);
    for (uint32_t slot = 0; slot < HM_MEMHP_MAX_SLOTS; slot++) {
        if (set[slot / 64] & (1ULL << (slot % 64))) {
            uint8_t le[4] = { slot, slot >> 8, slot >> 16, slot >> 24 };
            g_byte_array_append(p, le, 4);
            n++;
        }
    }
    uint8_t le[4] = { n, n >> 8, n >> 16, n >> 24 };
    memcpy(p->data, le, 4);
    mig_stream_put_section(src->buf, MIG_SECTION_DEVICE, name, 0, 1, p->data, p->len);
    g_byte_array_free(p, TRUE);
}

static bool save_device_state(Source *src)
{
    MigState *s = src->s;
    KvmVmState *vm = g_new0(KvmVmState, 1);
    bool ok = kvm_vm_state_save(s->m.kvm, vm, &src->err);
    if (ok) {
        put_device(src, &kvm_vm_vmstate, 0, vm);
    }
    g_free(vm);
    KvmVcpuState *cpu = g_new0(KvmVcpuState, 1);
    for (unsigned i = 0; ok && !src->err && i < s->m.ncpus; i++) {
        ok = kvm_vcpu_state_save(s->m.kvm, i, cpu, &src->err);
        if (ok) {
            put_device(src, &kvm_vcpu_vmstate, i, cpu);
        }
    }
    g_free(cpu);
    if (!ok || src->err) {
        return false;
    }
    PcDimms *d = s->m.dimms;
    device_lock();
    for (unsigned i = 0; i < s->m.ndevices && !src->err; i++) {
        const MigrationDevice *dev = &s->m.devices[i];
        put_device(src, dev->desc, dev->instance, dev->obj);
    }
    if (d) {
        /* ejects the guest asked for during the migration: the destination
         * carries them out once it runs */
        put_slots(src, MIG_DEV_EJECTS, d->deferred_ejects);
        /* removals asked for (device_del) that the guest has not finished:
         * they stay pending there (a refusal is reported, a reset completes
         * them) */
        uint64_t unplug[HM_MEMHP_MAX_SLOTS / 64] = { 0 };
        for (unsigned slot = 0; slot < d->bus->nslots; slot++) {
            const DimmDevice *dev = d->bus->slots[slot];
            if (dev && dev->enabled && dev->unplug_requested) {
                unplug[slot / 64] |= 1ULL << (slot % 64);
            }
        }
        put_slots(src, MIG_DEV_UNPLUG, unplug);
    }
    device_unlock();
    uint8_t running = src->was_running;
    mig_stream_put_section(src->buf, MIG_SECTION_DEVICE, MIG_DEV_RUNSTATE, 0, 1, &running, 1);
    return !src->err;
}

static bool start_tracking(Source *src)
{
    MigState *s = src->s;
    device_lock();
    bool ok = kvm_dirty_log_start(s->m.kvm, &src->err);
    if (ok) {
        ram_dirty_tracking(true);
        src->ram = mig_ram_new();
        src->tracking = true;
        /* KVM's log starts empty: the first pass covers everything */
        ok = mig_ram_sync(src->ram, s->m.kvm, &src->err);
    }
    device_unlock();
    return ok;
}

static bool sync_pass(Source *src, int64_t *pass)
{
    device_lock();
    bool ok = mig_ram_sync(src->ram, src->s->m.kvm, &src->err);
    device_unlock();
    if (ok) {
        qapi_event_send_migration_pass(++*pass);
    }
    return ok;
}

static bool source_run(Source *src)
{
    MigState *s = src->s;
    src->chan = mig_channel_open_out(&src->uri, src->fd, &src->err);
    src->fd = -1;
    if (!src->chan) {
        return false;
    }
    g_mutex_lock(&s->lock);
    s->chan = src->chan;
    g_mutex_unlock(&s->lock);
    if (g_atomic_int_get(&s->cancel)) {
        mig_channel_shutdown(src->chan);  /* cancelled while connecting */
    }

    /* the layout first: a conflict ends it here, the guest untouched */
    mig_stream_put_header(src->buf);
    device_lock();
    GByteArray *layout = s->m.dimms ? pc_dimms_layout_save(s->m.dimms) : g_byte_array_new();
    if (s->m.dimms) {
        /* from the layout on: an eject landing before the destination
         * answers would otherwise remove a DIMM that it is creating */
        pc_dimms_defer_ejects(s->m.dimms, true);
    }
    device_unlock();
    mig_stream_put_section(src->buf, MIG_SECTION_LAYOUT, "layout", 0, 1, layout->data,
                           layout->len);
    g_byte_array_free(layout, TRUE);
    /* and the -device list: the destination answers for both */
    GByteArray *devices = migration_device_list_save(&s->m);
    mig_stream_put_section(src->buf, MIG_SECTION_LAYOUT, MIG_DEVICE_LIST, 0, 1, devices->data,
                           devices->len);
    g_byte_array_free(devices, TRUE);
    if (!flush(src, NULL, NULL)) {
        return false;
    }
    if (mig_channel_has_return_path(src->chan)) {
        char *refusal = NULL;
        if (!mig_reply_read(src->chan, &refusal, &src->err)) {
            g_prefix_error(&src->err, "no answer to the memory layout and devices: ");
            return false;
        }
        if (refusal) {
            g_set_error(&src->err, HM_ERROR, 0, "the destination refused the migration: %s",
                        refusal);
            g_free(refusal);
            return false;
        }
    }

    if (!start_tracking(src)) {
        return false;
    }
    g_mutex_lock(&s->lock);
    s->setup_ms = ms_since(s->start_ns);
    g_mutex_unlock(&s->lock);
    mig_set_status(MIGRATION_STATUS_ACTIVE);
    src->active_ns = hm_clock_ns();
    int64_t pass = 0;
    qapi_event_send_migration_pass(++pass);

    int64_t window_ns = hm_clock_ns(), pass_ns = window_ns;
    uint64_t window_bytes = 0, pass_bytes = 0;
    MigConvergence conv = { 0 };
    for (;;) {
        if (!mig_ram_pending(src->ram)) {
            /* a pass is over: what was written meanwhile is the next one */
            double pass_ms = MAX((hm_clock_ns() - pass_ns) / 1e6, 1.0);
            double total_ms = MAX((hm_clock_ns() - src->active_ns) / 1e6, 1.0);
            /* bytes per ms: the last pass when it was big enough to tell */
            double bw = pass_bytes >= SEND_BUDGET ? pass_bytes / pass_ms : src->sent / total_ms;
            if (!sync_pass(src, &pass)) {
                return false;
            }
            double left = mig_ram_pending(src->ram) * (double)GUEST_PAGE_SIZE;
            int64_t expected = bw > 0 ? (int64_t)(left / bw) : 0;
            g_mutex_lock(&s->lock);
            s->expected_downtime_ms = expected;
            g_mutex_unlock(&s->lock);
            publish_ram(src, false);
            if (mig_ram_converged(&conv, (uint64_t)left, expected, (int64_t)s->downtime_limit)) {
                break;
            }
            pass_ns = hm_clock_ns();
            pass_bytes = 0;
        }
        pass_bytes += mig_ram_save(src->ram, src->buf, SEND_BUDGET);
        if (!flush(src, &window_ns, &window_bytes)) {
            return false;
        }
        publish_ram(src, false);
    }

    /* let the destination drain what is still in flight while the guest
     * runs: otherwise loading that backlog would count as downtime */
    if (mig_channel_has_return_path(src->chan)) {
        mig_stream_put_section(src->buf, MIG_SECTION_DEVICE, MIG_DEV_SYNC, 0, 1, NULL, 0);
        char *refusal = NULL;
        if (!flush(src, NULL, NULL) || !mig_reply_read(src->chan, &refusal, &src->err)) {
            return false;
        }
        if (refusal) {
            g_set_error(&src->err, HM_ERROR, 0, "the destination failed: %s", refusal);
            g_free(refusal);
            return false;
        }
    }

    /* switch-over: from here the guest waits for us */
    mig_run_on_main(stop_for_switchover, src);
    int64_t stop_ns = hm_clock_ns();
    if (!sync_pass(src, &pass)) {
        return false;
    }
    while (mig_ram_pending(src->ram)) {
        mig_ram_save(src->ram, src->buf, SEND_BUDGET);
        if (!flush(src, NULL, NULL)) {
            return false;
        }
    }
    if (!save_device_state(src)) {
        return false;
    }
    mig_stream_put_section(src->buf, MIG_SECTION_END, "", 0, 0, NULL, 0);
    if (!flush(src, NULL, NULL)) {
        return false;
    }
    if (mig_channel_has_return_path(src->chan)) {
        char *refusal = NULL;
        if (!mig_reply_read(src->chan, &refusal, &src->err)) {
            g_prefix_error(&src->err, "the destination did not confirm: ");
            return false;
        }
        if (refusal) {
            g_set_error(&src->err, HM_ERROR, 0, "the destination failed: %s", refusal);
            g_free(refusal);
            return false;
        }
    }
    g_mutex_lock(&s->lock);
    s->downtime_ms = (hm_clock_ns() - stop_ns) / 1000000;
    g_mutex_unlock(&s->lock);
    publish_ram(src, true);
    return true;
}

/* Main thread, after the thread ended: undo what the migration set up. */
static void source_finish(void *data)
{
    Source *src = data;
    MigState *s = src->s;
    bool ok = !src->err;
    if (src->tracking) {
        device_lock();
        ram_dirty_tracking(false);
        device_unlock();
        kvm_dirty_log_stop(s->m.kvm);
    }
    device_lock();
    if (s->m.dimms) {
        pc_dimms_defer_ejects(s->m.dimms, false);
        if (ok) {
            /* the destination completes them; this side stays paused */
            memset(s->m.dimms->deferred_ejects, 0, sizeof(s->m.dimms->deferred_ejects));
        } else {
            pc_dimms_run_deferred_ejects(s->m.dimms);
        }
    }
    device_unlock();
    s->finish_migrate = false;
    if (src->stopped && s->m.quiesce) {
        s->m.quiesce(s->m.opaque, false);
    }
    if (!ok && src->stopped && src->was_running) {
        GError *err = NULL;
        if (s->m.vcpus_start(s->m.opaque, &err)) {
            qapi_event_send_resume();
        } else {
            g_warning("cannot restart the vCPUs after a failed migration: %s", err->message);
            g_error_free(err);
        }
    }
    s->postmigrate = ok && src->was_running;
    g_mutex_lock(&s->lock);
    s->end_ns = hm_clock_ns();
    s->chan = NULL;
    g_mutex_unlock(&s->lock);
    if (ok) {
        mig_set_status(MIGRATION_STATUS_COMPLETED);
    } else {
        bool cancelled = g_atomic_int_get(&s->cancel);
        if (!cancelled) {
            mig_set_error(src->err->message);
        }
        mig_set_status(cancelled ? MIGRATION_STATUS_CANCELLED : MIGRATION_STATUS_FAILED);
    }
}

static gboolean source_reap(gpointer data)
{
    Source *src = data;
    MigState *s = src->s;
    g_thread_join(s->thread);
    g_mutex_lock(&s->lock);
    s->thread = NULL;
    g_mutex_unlock(&s->lock);
    mig_ram_free(src->ram);
    mig_channel_close(src->chan);
    if (src->fd >= 0) {
        close(src->fd);
    }
    mig_uri_clear(&src->uri);
    g_byte_array_free(src->buf, TRUE);
    g_clear_error(&src->err);
    g_free(src);
    return G_SOURCE_REMOVE;
}

static gpointer source_thread(gpointer data)
{
    Source *src = data;
    source_run(src);
    mig_run_on_main(source_finish, src);
    /* the join happens in the main loop, after this thread is gone */
    g_idle_add(source_reap, src);
    return NULL;
}

/* ---- QMP ---- */

static bool need_machine(GError **errp)
{
    if (!mig_state.has_machine) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "no machine is running");
    }
    return mig_state.has_machine;
}

bool qmp_migrate(const char *uri, bool has_detach, bool detach, bool has_resume, bool resume,
                 GError **errp)
{
    MigState *s = &mig_state;
    if (!need_machine(errp)) {
        return false;
    }
    if (has_resume && resume) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "migrate: resume is only for postcopy, which hotmem does not do");
        return false;
    }
    if (migration_in_progress() || s->incoming_expected) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       s->incoming_expected ? "Guest is waiting for an incoming migration"
                                            : "There's a migration process in progress");
        return false;
    }
    if (s->postmigrate) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "the guest was migrated away already (state postmigrate)");
        return false;
    }
    if (s->m.blocker) {                   /* QEMU's words for a migration blocker */
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "State blocked by non-migratable device '%s'", s->m.blocker);
        return false;
    }
    Source *src = g_new0(Source, 1);
    src->s = s;
    src->fd = -1;
    GError *err = NULL;
    if (!mig_uri_parse(uri, &src->uri, &err)) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "%s", err->message);
        g_error_free(err);
        g_free(src);
        return false;
    }
    if (src->uri.kind == MIG_URI_FD) {
        src->fd = monitor_fd_take(src->uri.path, errp);
        if (src->fd < 0) {
            mig_uri_clear(&src->uri);
            g_free(src);
            return false;
        }
    }
    src->buf = g_byte_array_sized_new(SEND_BUDGET + 65536);
    g_mutex_lock(&s->lock);
    s->outgoing = true;
    s->has_ram = false;
    memset(&s->ram, 0, sizeof(s->ram));
    g_clear_pointer(&s->error, g_free);
    s->start_ns = hm_clock_ns();
    s->end_ns = 0;
    s->setup_ms = s->downtime_ms = s->expected_downtime_ms = 0;
    g_atomic_int_set(&s->cancel, 0);
    g_mutex_unlock(&s->lock);
    mig_set_status(MIGRATION_STATUS_SETUP);
    g_mutex_lock(&s->lock);
    s->thread = g_thread_new("migration", source_thread, src);
    g_mutex_unlock(&s->lock);
    return true;
}

void migration_cancel_and_wait(void)
{
    MigState *s = &mig_state;
    qmp_migrate_cancel(NULL);
    g_mutex_lock(&s->lock);
    if (s->chan) {
        mig_channel_shutdown(s->chan);
    }
    g_mutex_unlock(&s->lock);
    /* the thread may be waiting for the main thread: keep serving it */
    while (s->thread) {
        g_main_context_iteration(NULL, FALSE);
        g_usleep(1000);
    }
}

void migration_shutdown(void)
{
    MigState *s = &mig_state;
    migration_cancel_and_wait();
    if (s->listen_watch) {
        g_source_remove(s->listen_watch);
        s->listen_watch = 0;
    }
    g_clear_pointer(&s->listener, mig_listener_free);
    migration_set_machine(NULL);
}
