/*
 * stream.c - non-blocking monitor connections and the listening socket.
 */
#include "monitor/stream.h"
#include "hotmem/util.h"

#include <errno.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define READ_CHUNK 65536

struct MonStream {
    int in_fd;
    int out_fd;
    bool owns_fds;
    bool out_is_socket;
    GMainContext *ctx;
    GSource *in_src;
    GSource *out_src;
    GSource *close_src;       /* idle: reports the end to the owner */
    GByteArray *inbuf;        /* received, not consumed yet */
    GByteArray *outbuf;       /* not written yet */
    size_t out_cap;
    size_t dropped;           /* optional output (events) not queued */
    bool dropping;            /* in an episode of dropping: logged once */
    int in_flags, out_flags;  /* file status flags to restore, -1: none */
    bool eof;                 /* no more input will come */
    bool stalled;             /* the owner wants more input than there is */
    bool close_when_flushed;
    bool dead;
    bool processing;
    const MonStreamOps *ops;
    void *opaque;
    int passed_fd;            /* the last fd received with SCM_RIGHTS, -1: none */
};

static gboolean on_readable(gint fd, GIOCondition cond, gpointer opaque);
static gboolean on_writable(gint fd, GIOCondition cond, gpointer opaque);

static void drop_source(GSource **src)
{
    if (*src) {
        g_source_destroy(*src);
        g_source_unref(*src);
        *src = NULL;
    }
}

static GSource *fd_source(MonStream *s, int fd, GIOCondition cond, GUnixFDSourceFunc fn)
{
    GSource *src = g_unix_fd_source_new(fd, cond);
    g_source_set_callback(src, (GSourceFunc)(void (*)(void))fn, s, NULL);
    g_source_attach(src, s->ctx);
    return src;
}

static void update_sources(MonStream *s)
{
    bool want_in = !s->dead && !s->eof && !s->close_when_flushed &&
                   (s->inbuf->len == 0 || s->stalled) && s->outbuf->len < MON_STREAM_OUT_HIGH;
    bool want_out = !s->dead && s->outbuf->len > 0;
    if (want_in && !s->in_src) {
        s->in_src = fd_source(s, s->in_fd, G_IO_IN | G_IO_HUP | G_IO_ERR, on_readable);
    } else if (!want_in) {
        drop_source(&s->in_src);
    }
    if (want_out && !s->out_src) {
        s->out_src = fd_source(s, s->out_fd, G_IO_OUT | G_IO_ERR, on_writable);
    } else if (!want_out) {
        drop_source(&s->out_src);
    }
}

/* stdio is blocking by default, and a peer that stops reading would stall
 * the main loop in write(). O_NONBLOCK is a property of the open file,
 * shared with whoever else uses it (the shell's tty, a serial console on
 * the same stdout): they must tolerate EAGAIN, and the flags are put back
 * when the stream ends. Returns the flags to restore, -1 for none. */
static int set_nonblocking(int fd)
{
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || (flags & O_NONBLOCK) || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
        return -1;
    }
    return flags;
}

static void restore_flags(MonStream *s)
{
    if (s->in_flags >= 0) {
        fcntl(s->in_fd, F_SETFL, s->in_flags);
    }
    if (s->out_flags >= 0) {
        fcntl(s->out_fd, F_SETFL, s->out_flags);
    }
    s->in_flags = s->out_flags = -1;
}

static void close_fds(MonStream *s)
{
    restore_flags(s);
    if (s->owns_fds) {
        if (s->in_fd >= 0) {
            close(s->in_fd);
        }
        if (s->out_fd >= 0 && s->out_fd != s->in_fd) {
            close(s->out_fd);
        }
    }
    s->in_fd = s->out_fd = -1;
}

static void free_stream(MonStream *s)
{
    drop_source(&s->in_src);
    drop_source(&s->out_src);
    drop_source(&s->close_src);
    close_fds(s);
    if (s->passed_fd >= 0) {
        close(s->passed_fd);
    }
    g_byte_array_free(s->inbuf, TRUE);
    g_byte_array_free(s->outbuf, TRUE);
    g_free(s);
}

static gboolean report_close(gpointer opaque)
{
    MonStream *s = opaque;
    g_source_unref(s->close_src);
    s->close_src = NULL;
    s->ops->closed(s, s->opaque);
    free_stream(s);
    return G_SOURCE_REMOVE;
}

/* Ends the stream now; the owner hears of it from an idle callback, so
 * that no caller up the stack (a command being dispatched, an event being
 * broadcast) sees the stream vanish. */
static void die(MonStream *s)
{
    if (s->dead) {
        return;
    }
    s->dead = true;
    drop_source(&s->in_src);
    drop_source(&s->out_src);
    close_fds(s);
    s->close_src = g_idle_source_new();
    /* above every other source: an idle of default priority that is always
     * ready (events emitted from a vCPU thread without pause) would
     * otherwise starve it, and the dead client would never be reaped */
    g_source_set_priority(s->close_src, G_PRIORITY_HIGH);
    g_source_set_callback(s->close_src, report_close, s, NULL);
    g_source_attach(s->close_src, s->ctx);
}

static void maybe_finish(MonStream *s)
{
    if (s->dead || s->outbuf->len) {
        return;
    }
    if (s->close_when_flushed || (s->eof && (s->inbuf->len == 0 || s->stalled))) {
        die(s);
    }
}

static void process(MonStream *s)
{
    if (s->processing) {
        return;
    }
    s->processing = true;
    while (!s->dead && !s->close_when_flushed && s->inbuf->len &&
           s->outbuf->len < MON_STREAM_OUT_HIGH) {
        size_t n = s->ops->input(s, (const char *)s->inbuf->data, s->inbuf->len, s->opaque);
        if (n == 0) {
            s->stalled = true;
            break;
        }
        s->stalled = false;
        g_byte_array_remove_range(s->inbuf, 0, MIN(n, s->inbuf->len));
    }
    s->processing = false;
    maybe_finish(s);
    if (!s->dead) {
        update_sources(s);
    }
}

static ssize_t raw_write(MonStream *s, const void *data, size_t len)
{
    ssize_t n;
    do {
        n = s->out_is_socket ? send(s->out_fd, data, len, MSG_NOSIGNAL | MSG_DONTWAIT)
                             : write(s->out_fd, data, len);
    } while (n < 0 && errno == EINTR);
    return n;
}

/* On a socket, descriptors may come with the bytes (QMP getfd): only the
 * last one is kept, so a client cannot make hotmem hoard them. */
static ssize_t stream_read(MonStream *s, int fd, void *buf, size_t len)
{
    if (!s->out_is_socket || s->in_fd != s->out_fd) {
        return read(fd, buf, len);
    }
    union { struct cmsghdr align; char buf[CMSG_SPACE(sizeof(int) * 4)]; } ctl;
    struct iovec iov = { .iov_base = buf, .iov_len = len };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
                          .msg_controllen = sizeof(ctl.buf) };
    ssize_t n = recvmsg(fd, &msg, MSG_CMSG_CLOEXEC);
    for (struct cmsghdr *c = n >= 0 ? CMSG_FIRSTHDR(&msg) : NULL; c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) {
            continue;
        }
        size_t nfds = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (size_t i = 0; i < nfds; i++) {
            int passed;
            memcpy(&passed, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
            if (s->passed_fd >= 0) {
                close(s->passed_fd);
            }
            s->passed_fd = passed;
        }
    }
    return n;
}

int mon_stream_take_fd(MonStream *s)
{
    int fd = s->passed_fd;
    s->passed_fd = -1;
    return fd;
}

static gboolean on_readable(gint fd, GIOCondition cond, gpointer opaque)
{
    MonStream *s = opaque;
    guint old = s->inbuf->len;
    g_byte_array_set_size(s->inbuf, old + READ_CHUNK);
    ssize_t n;
    do {
        n = stream_read(s, fd, s->inbuf->data + old, READ_CHUNK);
    } while (n < 0 && errno == EINTR);
    g_byte_array_set_size(s->inbuf, old + MAX(n, 0));
    if (n < 0 && errno == EAGAIN) {
        return G_SOURCE_CONTINUE;
    }
    if (n < 0) {
        die(s);                             /* connection reset */
        return G_SOURCE_CONTINUE;
    }
    if (n == 0) {
        s->eof = true;                      /* answer what came, then close */
    }
    process(s);
    return G_SOURCE_CONTINUE;
}

static gboolean on_writable(gint fd, GIOCondition cond, gpointer opaque)
{
    MonStream *s = opaque;
    ssize_t n = raw_write(s, s->outbuf->data, s->outbuf->len);
    if (n < 0 && errno != EAGAIN) {
        die(s);
        return G_SOURCE_CONTINUE;
    }
    if (n > 0) {
        g_byte_array_remove_range(s->outbuf, 0, n);
    }
    if (s->dropping && s->outbuf->len < MIN(MON_STREAM_OUT_HIGH, s->out_cap / 2)) {
        s->dropping = false;
        fprintf(stderr, "hotmem: monitor client reads its output again (%zu events dropped "
                "for it so far)\n", s->dropped);
    }
    process(s);                             /* may resume throttled input */
    return G_SOURCE_CONTINUE;
}

MonStream *mon_stream_new(int in_fd, int out_fd, bool owns_fds, GMainContext *ctx,
                          const MonStreamOps *ops, void *opaque)
{
    MonStream *s = g_new0(MonStream, 1);
    s->in_fd = in_fd;
    s->out_fd = out_fd;
    s->owns_fds = owns_fds;
    s->passed_fd = -1;
    struct stat st;
    s->out_is_socket = fstat(out_fd, &st) == 0 && S_ISSOCK(st.st_mode);
    s->ctx = ctx ? ctx : g_main_context_default();
    s->inbuf = g_byte_array_new();
    s->outbuf = g_byte_array_new();
    s->out_cap = MON_STREAM_OUT_CAP;
    s->ops = ops;
    s->opaque = opaque;
    s->in_flags = set_nonblocking(in_fd);
    s->out_flags = out_fd == in_fd ? -1 : set_nonblocking(out_fd);
    update_sources(s);
    return s;
}

void mon_stream_set_out_cap(MonStream *s, size_t cap)
{
    s->out_cap = cap;
}

bool mon_stream_write(MonStream *s, const char *data, size_t len)
{
    if (s->dead) {
        return false;
    }
    if (!s->outbuf->len) {
        ssize_t n = raw_write(s, data, len);
        if (n < 0 && errno != EAGAIN) {
            die(s);
            return false;
        }
        if (n > 0) {
            data += n;
            len -= n;
        }
    }
    if (len) {
        g_byte_array_append(s->outbuf, (const guint8 *)data, len);
    }
    if (!s->processing) {
        update_sources(s);
    }
    return true;
}

bool mon_stream_write_optional(MonStream *s, const char *data, size_t len)
{
    if (s->dead) {
        return false;
    }
    if (s->outbuf->len && s->outbuf->len + len > s->out_cap) {
        s->dropped++;
        if (!s->dropping) {
            s->dropping = true;
            fprintf(stderr, "hotmem: monitor client does not read its output (%u bytes "
                    "pending, limit %zu): dropping events for it until it catches up\n",
                    s->outbuf->len, s->out_cap);
        }
        return false;
    }
    return mon_stream_write(s, data, len);
}

size_t mon_stream_dropped(const MonStream *s)
{
    return s->dropped;
}

void mon_stream_close_when_flushed(MonStream *s)
{
    s->close_when_flushed = true;
    if (!s->processing) {
        maybe_finish(s);
        if (!s->dead) {
            update_sources(s);
        }
    }
}

bool mon_stream_is_dead(const MonStream *s)
{
    return s->dead;
}

size_t mon_stream_pending_output(const MonStream *s)
{
    return s->outbuf->len;
}

void mon_stream_free(MonStream *s, bool flush)
{
    if (!s) {
        return;
    }
    if (flush && !s->dead) {
        int64_t deadline = g_get_monotonic_time() + MON_STREAM_FLUSH_MS * 1000;
        while (s->outbuf->len) {
            int64_t left = (deadline - g_get_monotonic_time()) / 1000;
            struct pollfd pfd = { .fd = s->out_fd, .events = POLLOUT };
            if (left <= 0 || poll(&pfd, 1, (int)left) <= 0) {
                break;
            }
            ssize_t n = raw_write(s, s->outbuf->data, s->outbuf->len);
            if (n < 0 && errno != EAGAIN) {
                break;
            }
            if (n > 0) {
                g_byte_array_remove_range(s->outbuf, 0, n);
            }
        }
    }
    free_stream(s);
}

/* ------------------------------------------------------------ listener */

struct MonListener {
    int fd;
    char *path;
    dev_t dev;
    ino_t ino;
    bool from_fd;             /* adopted: no file of ours to remove */
    GSource *src;
    MonAcceptFn accept_fn;
    void *opaque;
};

static gboolean on_accept(gint fd, GIOCondition cond, gpointer opaque)
{
    MonListener *l = opaque;
    for (;;) {
        int c = accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (c < 0) {
            if (errno == EINTR || errno == ECONNABORTED) {
                continue;
            }
            if (errno != EAGAIN) {
                fprintf(stderr, "hotmem: accept on %s: %s\n", l->path, g_strerror(errno));
            }
            break;
        }
        l->accept_fn(c, l->opaque);
    }
    return G_SOURCE_CONTINUE;
}

/* A socket file nobody listens on is left over from an earlier run. */
static bool socket_is_live(const struct sockaddr_un *addr)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return false;
    }
    bool live = connect(fd, (const struct sockaddr *)addr, sizeof(*addr)) == 0;
    close(fd);
    return live;
}

/* A listening fd (owned from here on) watched on ctx; path is taken. */
static MonListener *listener_start(int fd, char *path, GMainContext *ctx,
                                   MonAcceptFn accept_fn, void *opaque)
{
    MonListener *l = g_new0(MonListener, 1);
    l->fd = fd;
    l->path = path;
    l->accept_fn = accept_fn;
    l->opaque = opaque;
    l->src = g_unix_fd_source_new(fd, G_IO_IN);
    g_source_set_callback(l->src, (GSourceFunc)(void (*)(void))on_accept, l, NULL);
    g_source_attach(l->src, ctx ? ctx : g_main_context_default());
    return l;
}

MonListener *mon_listener_new(const char *path, GMainContext *ctx, MonAcceptFn accept_fn,
                              void *opaque, GError **errp)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    if (strlen(path) >= sizeof(addr.sun_path)) {
        g_set_error(errp, HM_ERROR, 0, "socket path %s is %zu bytes, at most %zu fit", path,
                    strlen(path), sizeof(addr.sun_path) - 1);
        return NULL;
    }
    memcpy(addr.sun_path, path, strlen(path));
    struct stat st;
    if (lstat(path, &st) == 0) {
        if (!S_ISSOCK(st.st_mode)) {
            g_set_error(errp, HM_ERROR, 0, "%s exists and is not a socket", path);
            return NULL;
        }
        if (socket_is_live(&addr)) {
            g_set_error(errp, HM_ERROR, 0, "%s: another process is listening on it", path);
            return NULL;
        }
        if (unlink(path) < 0) {
            g_set_error(errp, HM_ERROR, 0, "cannot remove stale socket %s: %s", path,
                        g_strerror(errno));
            return NULL;
        }
    }
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        g_set_error(errp, HM_ERROR, 0, "socket: %s", g_strerror(errno));
        return NULL;
    }
    /* the file is born 0600: connections are refused until listen(), and
     * the chmod covers a filesystem that ignores the umask */
    mode_t old = umask(0177);
    int rc = bind(fd, (struct sockaddr *)&addr, sizeof(addr));
    int bind_errno = errno;
    umask(old);
    if (rc < 0) {
        g_set_error(errp, HM_ERROR, 0, "cannot bind %s: %s", path, g_strerror(bind_errno));
        close(fd);
        return NULL;
    }
    if (chmod(path, 0600) < 0 || stat(path, &st) < 0 || listen(fd, 16) < 0) {
        g_set_error(errp, HM_ERROR, 0, "cannot listen on %s: %s", path, g_strerror(errno));
        unlink(path);
        close(fd);
        return NULL;
    }
    MonListener *l = listener_start(fd, g_strdup(path), ctx, accept_fn, opaque);
    l->dev = st.st_dev;
    l->ino = st.st_ino;
    return l;
}

bool mon_listen_fd_check(int fd, GError **errp)
{
    struct sockaddr_storage sa;
    socklen_t salen = sizeof(sa);
    int type = 0, listening = 0;
    socklen_t len = sizeof(int);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0) {
        g_set_error(errp, HM_ERROR, 0, "fd %d is not open", fd);
        return false;
    }
    if (!S_ISSOCK(st.st_mode) || getsockname(fd, (struct sockaddr *)&sa, &salen) < 0 ||
        sa.ss_family != AF_UNIX) {
        g_set_error(errp, HM_ERROR, 0, "fd %d is not a unix socket", fd);
        return false;
    }
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) < 0 || type != SOCK_STREAM) {
        g_set_error(errp, HM_ERROR, 0, "fd %d is not a stream socket", fd);
        return false;
    }
    len = sizeof(int);
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) < 0 || !listening) {
        g_set_error(errp, HM_ERROR, 0, "fd %d is not a listening socket (listen() it "
                    "before passing it)", fd);
        return false;
    }
    return true;
}

MonListener *mon_listener_new_fd(int fd, GMainContext *ctx, MonAcceptFn accept_fn,
                                 void *opaque, GError **errp)
{
    if (!mon_listen_fd_check(fd, errp)) {
        return NULL;
    }
    /* on_accept loops until EAGAIN, and a migrate exec: child must not
     * inherit the monitor */
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0 ||
        fcntl(fd, F_SETFD, FD_CLOEXEC) < 0) {
        g_set_error(errp, HM_ERROR, 0, "fd %d: %s", fd, g_strerror(errno));
        return NULL;
    }
    MonListener *l = listener_start(fd, g_strdup_printf("fd %d", fd), ctx, accept_fn, opaque);
    l->from_fd = true;
    return l;
}

void mon_listener_free(MonListener *l)
{
    if (!l) {
        return;
    }
    drop_source(&l->src);
    close(l->fd);
    struct stat st;
    /* a later hotmem may have replaced the file: leave that one alone */
    if (!l->from_fd && stat(l->path, &st) == 0 && st.st_dev == l->dev && st.st_ino == l->ino) {
        unlink(l->path);
    }
    g_free(l->path);
    g_free(l);
}
