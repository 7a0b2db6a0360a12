/*
 * test-mon-stream.c - monitor streams on their own: a stdio-like stream
 * whose peer stops reading never blocks the main loop (and the fd flags
 * are given back), and a dead stream is reaped even while a default
 * priority source is always ready.
 */
#include "monitor/monitor.h"
#include "monitor/stream.h"
#include "qapi-generated.h"

#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static size_t no_input(MonStream *s, const char *buf, size_t len, void *opaque)
{
    return len;
}

static void count_closed(MonStream *s, void *opaque)
{
    (*(int *)opaque)++;
}

static const MonStreamOps ops = {
    .input = no_input,
    .closed = count_closed,
};

typedef struct Writer {
    MonStream *s;
    const char *data;
    size_t len;
    gint done;
} Writer;

static gpointer write_in_thread(gpointer opaque)
{
    Writer *w = opaque;
    mon_stream_write(w->s, w->data, w->len);
    g_atomic_int_set(&w->done, 1);
    return NULL;
}

static gboolean tick(gpointer opaque)
{
    (*(int *)opaque)++;
    return G_SOURCE_CONTINUE;
}

/* -qmp stdio / -monitor stdio: blocking fds that the stream did not open.
 * A peer that stops reading must not stall the main loop in write(). */
static void test_stdio_peer_stops_reading(void)
{
    int in[2], out[2];
    g_assert_cmpint(pipe(in), ==, 0);
    g_assert_cmpint(pipe(out), ==, 0);
    int closed = 0;
    MonStream *s = mon_stream_new(in[0], out[1], false, NULL, &ops, &closed);

    /* much more than a pipe holds (64 KiB); nobody reads out[0] yet. The
     * write runs in a thread only so that a blocking one fails the test
     * instead of hanging it. */
    enum { LEN = 1 << 20 };
    char *data = g_malloc(LEN);
    for (size_t i = 0; i < LEN; i++) {
        data[i] = (char)('a' + i % 26);
    }
    Writer w = { s, data, LEN, 0 };
    GThread *t = g_thread_new("writer", write_in_thread, &w);
    gint64 deadline = g_get_monotonic_time() + 2 * G_USEC_PER_SEC;
    while (!g_atomic_int_get(&w.done) && g_get_monotonic_time() < deadline) {
        g_usleep(1000);
    }
    if (!g_atomic_int_get(&w.done)) {
        g_error("mon_stream_write() blocked for 2 s on a pipe nobody reads");
    }
    g_thread_join(t);
    g_assert_cmpuint(mon_stream_pending_output(s), >, 0);

    /* the main context goes on dispatching */
    int ticks = 0;
    guint id = g_timeout_add(5, tick, &ticks);
    deadline = g_get_monotonic_time() + G_USEC_PER_SEC;
    while (ticks < 10 && g_get_monotonic_time() < deadline) {
        g_main_context_iteration(NULL, FALSE);
        g_usleep(1000);
    }
    g_source_remove(id);
    g_assert_cmpint(ticks, >=, 10);
    g_assert_false(mon_stream_is_dead(s));

    /* once the peer reads, everything arrives, in order */
    GString *got = g_string_new(NULL);
    fcntl(out[0], F_SETFL, O_NONBLOCK);
    deadline = g_get_monotonic_time() + 5 * G_USEC_PER_SEC;
    while (got->len < LEN && g_get_monotonic_time() < deadline) {
        char buf[65536];
        ssize_t n = read(out[0], buf, sizeof(buf));
        if (n > 0) {
            g_string_append_len(got, buf, n);
        }
        g_main_context_iteration(NULL, FALSE);
    }
    g_assert_cmpuint(got->len, ==, LEN);
    g_assert_cmpmem(got->str, LEN, data, LEN);
    g_string_free(got, TRUE);

    /* the flags of the shared open files are given back */
    mon_stream_free(s, true);
    g_assert_cmpint(fcntl(in[0], F_GETFL) & O_NONBLOCK, ==, 0);
    g_assert_cmpint(fcntl(out[1], F_GETFL) & O_NONBLOCK, ==, 0);
    g_assert_cmpint(closed, ==, 0);
    close(in[0]);
    close(in[1]);
    close(out[0]);
    close(out[1]);
    g_free(data);
}

static gboolean always_ready(gpointer opaque)
{
    (*(int *)opaque)++;
    return G_SOURCE_CONTINUE;
}

static void ignore_event(void *opaque, const char *line)
{
}

static gpointer emit_until_told(gpointer opaque)
{
    while (!g_atomic_int_get((gint *)opaque)) {
        qapi_event_send_stop();
        g_usleep(10);
    }
    return NULL;
}

/* The peer hangs up while the main context always has a default priority
 * source ready (as the event idle is when a vCPU thread emits without
 * pause): the dead stream is still reaped. */
static void test_dead_stream_reaped_under_load(void)
{
    int sv[2];
    g_assert_cmpint(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv), ==, 0);
    int closed = 0;
    mon_stream_new(sv[0], sv[0], true, NULL, &ops, &closed);    /* frees itself */
    int busy = 0;
    GSource *idle = g_idle_source_new();
    g_source_set_priority(idle, G_PRIORITY_DEFAULT);
    g_source_set_callback(idle, always_ready, &busy, NULL);
    g_source_attach(idle, NULL);
    monitor_event_add_sink(NULL, ignore_event, NULL);
    gint stop = 0;
    GThread *t = g_thread_new("emitter", emit_until_told, &stop);

    close(sv[1]);                                  /* the client goes away */
    gint64 deadline = g_get_monotonic_time() + 2 * G_USEC_PER_SEC;
    while (!closed && g_get_monotonic_time() < deadline) {
        g_main_context_iteration(NULL, FALSE);
    }
    g_atomic_int_set(&stop, 1);
    g_thread_join(t);
    g_assert_cmpint(busy, >, 0);
    g_assert_cmpint(closed, ==, 1);                /* closed, and freed */

    monitor_event_remove_sink(ignore_event, NULL);
    g_source_destroy(idle);
    g_source_unref(idle);
    while (g_main_context_iteration(NULL, FALSE)) {
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/mon-stream/stdio-peer-stops-reading", test_stdio_peer_stops_reading);
    g_test_add_func("/mon-stream/dead-stream-reaped-under-load",
                    test_dead_stream_reaped_under_load);
    return g_test_run();
}
