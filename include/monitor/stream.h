/*
 * stream.h - byte streams of the monitors: a listening unix socket and the
 * connections it accepts (or stdio), on a GLib main context.
 *
 * A stream never blocks the main loop: its fds are made non-blocking (stdio
 * too; the flags are restored when the stream ends). Output that the peer
 * does not read at once is buffered; above MON_STREAM_OUT_HIGH pending
 * bytes the stream stops reading input (so a client that pipelines commands
 * but never reads replies is throttled, not dropped, and replies stay
 * bounded). Optional output (events) that would take the pending bytes over
 * the stream's cap (MON_STREAM_OUT_CAP by default) is dropped and counted,
 * logged once per episode: a client that reads slowly misses events but
 * stays connected and still gets every reply.
 */
#ifndef MONITOR_STREAM_H
#define MONITOR_STREAM_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

#define MON_STREAM_OUT_HIGH (64u * 1024)
#define MON_STREAM_OUT_CAP (1024u * 1024)
#define MON_STREAM_FLUSH_MS 1000          /* at most, when freed with flush */

typedef struct MonStream MonStream;

typedef struct MonStreamOps {
    /* New input: returns how many bytes it consumed; the rest is offered
     * again later (0 means "wait for more"). */
    size_t (*input)(MonStream *s, const char *buf, size_t len, void *opaque);
    /* The peer went away, an error happened or the stream was dropped; the
     * stream is freed right after this returns. */
    void (*closed)(MonStream *s, void *opaque);
} MonStreamOps;

/* owns_fds: close them when the stream ends (not for stdio). */
MonStream *mon_stream_new(int in_fd, int out_fd, bool owns_fds, GMainContext *ctx,
                          const MonStreamOps *ops, void *opaque);
void mon_stream_set_out_cap(MonStream *s, size_t cap);
/* Queues output; false when the stream is (now) dead. */
bool mon_stream_write(MonStream *s, const char *data, size_t len);
/* The same for output that may be lost (events): above the cap it is
 * dropped and counted; false when dropped or dead. */
bool mon_stream_write_optional(MonStream *s, const char *data, size_t len);
/* How many optional writes were dropped. */
size_t mon_stream_dropped(const MonStream *s);
/* Ends the stream once its pending output is written. */
void mon_stream_close_when_flushed(MonStream *s);
bool mon_stream_is_dead(const MonStream *s);
/* The last descriptor received with SCM_RIGHTS (the caller owns it), -1. */
int mon_stream_take_fd(MonStream *s);
size_t mon_stream_pending_output(const MonStream *s);
/* Frees at once (ops->closed is not called); with flush, first waits up to
 * MON_STREAM_FLUSH_MS for pending output to be written. */
void mon_stream_free(MonStream *s, bool flush);

typedef struct MonListener MonListener;
typedef void (*MonAcceptFn)(int fd, void *opaque);

/* Listens on a unix socket: the file gets mode 0600, a stale socket file
 * is replaced, a live one (another process listening) is an error, and so
 * is a path that exists but is not a socket. */
MonListener *mon_listener_new(const char *path, GMainContext *ctx, MonAcceptFn accept_fn,
                              void *opaque, GError **errp);
/* Whether fd is a listening unix stream socket (SO_ACCEPTCONN), as a
 * caller that opened it (libvirt's -chardev socket,fd=N) must pass it. */
bool mon_listen_fd_check(int fd, GError **errp);
/* Adopts such a socket (made non-blocking and close-on-exec; closed when
 * freed, the file it is bound to is the caller's). */
MonListener *mon_listener_new_fd(int fd, GMainContext *ctx, MonAcceptFn accept_fn,
                                 void *opaque, GError **errp);
/* Stops listening and removes the socket file (if it is still ours). */
void mon_listener_free(MonListener *l);

#endif
