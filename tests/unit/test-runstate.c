/*
 * test-runstate.c - requests posted from other threads while the main loop
 * that listens for them comes and goes.
 */
#include "hotmem/main-loop.h"
#include "hotmem/runstate.h"

#include <glib.h>

#ifdef __SANITIZE_ADDRESS__
/* A notifier called on a loop that has returned is a stack-use-after-return;
 * ASan only sees it with fake stacks. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return "detect_stack_use_after_return=1";
}
#endif

typedef struct {
    GMutex lock;
    GCond cond;
    bool entered;
    bool owner_alive;        /* what the notifier's opaque points into */
    bool used_after_owner;
    unsigned calls;
} Probe;

static void probe_notify(void *opaque)
{
    Probe *p = opaque;
    g_mutex_lock(&p->lock);
    p->calls++;
    p->entered = true;
    g_cond_broadcast(&p->cond);
    /* stay inside long enough for an unsynchronised owner to go away */
    gint64 until = g_get_monotonic_time() + 200 * G_TIME_SPAN_MILLISECOND;
    while (p->owner_alive && g_cond_wait_until(&p->cond, &p->lock, until)) {
    }
    if (!p->owner_alive) {
        p->used_after_owner = true;
    }
    g_mutex_unlock(&p->lock);
}

static gpointer post_reset(gpointer opaque)
{
    vm_request(VM_REQUEST_RESET, VM_CAUSE_GUEST_RESET_CONTROL);
    return NULL;
}

/* Once vm_request_set_notify(NULL, ...) returns, no notifier call may still
 * be running: the owner frees what opaque points to right after. */
static void test_clear_waits_for_notifier(void)
{
    Probe p = { .owner_alive = true };
    vm_request_set_notify(probe_notify, &p);
    GThread *t = g_thread_new("poster", post_reset, NULL);
    g_mutex_lock(&p.lock);
    while (!p.entered) {
        g_cond_wait(&p.cond, &p.lock);
    }
    g_mutex_unlock(&p.lock);

    vm_request_set_notify(NULL, NULL);
    g_mutex_lock(&p.lock);
    p.owner_alive = false;                  /* the owner's teardown */
    g_cond_broadcast(&p.cond);
    g_mutex_unlock(&p.lock);
    g_thread_join(t);
    g_assert_false(p.used_after_owner);

    /* and no new call starts */
    vm_request(VM_REQUEST_RESET, VM_CAUSE_GUEST_TRIPLE_FAULT);
    g_assert_cmpuint(p.calls, ==, 1);
    VmCause cause = VM_CAUSE_NONE;
    g_assert_cmpint(vm_request_take(&cause), ==, VM_REQUEST_RESET);
    g_assert_cmpint(vm_request_peek(), ==, VM_REQUEST_NONE);
}

static volatile gint stress_stop;

static gpointer post_quit_loop(gpointer opaque)
{
    unsigned *posted = opaque;
    while (!g_atomic_int_get(&stress_stop)) {
        vm_request(VM_REQUEST_QUIT, VM_CAUSE_HOST_SIGNAL);
        (*posted)++;
    }
    return NULL;
}

static bool no_reset(void *opaque, GError **errp)
{
    g_assert_not_reached();
    return false;
}

/* Two threads post quit without pause while the main loop starts and ends
 * 300 times: every run must end on the quit, and no post may touch a loop
 * that has already returned (ASan: stack-use-after-return before the fix). */
static void test_stress_loop_restart(void)
{
    MainLoopOps ops = { .reset = no_reset };
    MainLoopConfig cfg = { 0 };
    unsigned posted[2] = { 0, 0 };
    g_atomic_int_set(&stress_stop, 0);
    GThread *t[2] = {
        g_thread_new("quit-0", post_quit_loop, &posted[0]),
        g_thread_new("quit-1", post_quit_loop, &posted[1]),
    };
    for (int i = 0; i < 300; i++) {
        g_assert_cmpint(main_loop_run(&ops, &cfg), ==, 0);
    }
    g_atomic_int_set(&stress_stop, 1);
    g_thread_join(t[0]);
    g_thread_join(t[1]);
    g_assert_cmpuint(posted[0] + posted[1], >, 0);
    vm_request_take(NULL);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/runstate/clear-waits-for-notifier", test_clear_waits_for_notifier);
    g_test_add_func("/runstate/stress-loop-restart", test_stress_loop_restart);
    return g_test_run();
}
