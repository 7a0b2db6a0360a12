/*
 * transport.c - migration URIs and their byte channels
 * (include/migration/transport.h).
 */
#include "migration/transport.h"
#include "hotmem/sandbox.h"
#include "hotmem/util.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define READ_BUF (256u << 10)

struct MigChannel {
    int rfd, wfd;             /* equal for a socket */
    bool is_socket;
    pid_t child;              /* exec:, 0 otherwise */
    uint8_t *buf;             /* read-ahead */
    size_t pos, len;
};

struct MigListener {
    MigUriKind kind;
    int fd;                   /* listening socket, or the ready channel's fd */
    int port;
    char *unix_path;
    MigChannel *ready;        /* exec, file, fd */
};

/* ---- URIs ---- */

void mig_uri_clear(MigUri *u)
{
    g_clear_pointer(&u->host, g_free);
    g_clear_pointer(&u->port, g_free);
    g_clear_pointer(&u->path, g_free);
}

static bool parse_host_port(const char *s, MigUri *out, GError **errp)
{
    const char *colon;
    if (s[0] == '[') {
        const char *end = strchr(s, ']');
        if (!end || end[1] != ':') {
            g_set_error(errp, HM_ERROR, 0, "error parsing IPv6 address '%s'", s);
            return false;
        }
        out->host = g_strndup(s + 1, end - s - 1);
        colon = end + 1;
    } else {
        colon = strrchr(s, ':');
        if (!colon) {
            g_set_error(errp, HM_ERROR, 0, "error parsing address '%s': no port", s);
            return false;
        }
        out->host = g_strndup(s, colon - s);
        if (strchr(out->host, ':')) {
            g_set_error(errp, HM_ERROR, 0,
                        "error parsing address '%s': an IPv6 address needs brackets", s);
            return false;
        }
    }
    const char *port = colon + 1;
    char *end;
    errno = 0;
    unsigned long v = strtoul(port, &end, 10);
    if (!*port || *end || errno || v > 65535 || port[0] == '-' || port[0] == '+') {
        g_set_error(errp, HM_ERROR, 0, "error parsing address '%s': port '%s' is not a "
                    "number from 0 to 65535", s, port);
        return false;
    }
    out->port = g_strdup(port);
    return true;
}

bool mig_uri_parse(const char *uri, MigUri *out, GError **errp)
{
    memset(out, 0, sizeof(*out));
    static const struct { const char *prefix; MigUriKind kind; } kinds[] = {
        { "tcp:", MIG_URI_TCP }, { "unix:", MIG_URI_UNIX }, { "exec:", MIG_URI_EXEC },
        { "fd:", MIG_URI_FD }, { "file:", MIG_URI_FILE },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(kinds); i++) {
        if (!g_str_has_prefix(uri, kinds[i].prefix)) {
            continue;
        }
        const char *rest = uri + strlen(kinds[i].prefix);
        out->kind = kinds[i].kind;
        if (out->kind == MIG_URI_TCP) {
            if (!parse_host_port(rest, out, errp)) {
                mig_uri_clear(out);
                return false;
            }
            return true;
        }
        if (!*rest) {
            g_set_error(errp, HM_ERROR, 0, "migration URI '%s' has nothing after '%s'", uri,
                        kinds[i].prefix);
            return false;
        }
        if (out->kind == MIG_URI_UNIX && strlen(rest) >= sizeof(((struct sockaddr_un *)0)->sun_path)) {
            g_set_error(errp, HM_ERROR, 0, "unix socket path '%s' is longer than %zu bytes",
                        rest, sizeof(((struct sockaddr_un *)0)->sun_path) - 1);
            return false;
        }
        if (out->kind == MIG_URI_EXEC && sandbox_spawn_denied()) {
            g_set_error(errp, HM_ERROR, 0, "exec: starts a process, which -sandbox "
                        "spawn=deny forbids (use tcp:, unix:, fd: or file:)");
            return false;
        }
        if (out->kind == MIG_URI_FD && g_ascii_isdigit(rest[0])) {
            /* QEMU's fd: also takes a number; hotmem wants getfd's name */
            g_set_error(errp, HM_ERROR, 0,
                        "fd:%s: name a descriptor passed with getfd (a name, not a number)",
                        rest);
            return false;
        }
        out->path = g_strdup(rest);
        return true;
    }
    g_set_error(errp, HM_ERROR, 0, "unknown migration protocol: %s", uri);
    return false;
}

/* ---- channels ---- */

static MigChannel *channel_new(int rfd, int wfd, pid_t child)
{
    MigChannel *c = g_new0(MigChannel, 1);
    c->rfd = rfd;
    c->wfd = wfd;
    c->child = child;
    struct stat st;
    c->is_socket = rfd == wfd && fstat(rfd, &st) == 0 && S_ISSOCK(st.st_mode);
    if (c->is_socket) {
        /* the last sections and the replies are small: Nagle would hold
         * them for the peer's delayed ACK, all of it downtime (fails
         * harmlessly on a unix socket) */
        int one = 1;
        setsockopt(rfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    }
    c->buf = g_malloc(READ_BUF);
    return c;
}

static bool set_blocking(int fd, GError **errp)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0) {
        g_set_error(errp, HM_ERROR, 0, "migration descriptor: %s", g_strerror(errno));
        return false;
    }
    return true;
}

MigChannel *mig_channel_new_fd(int rfd, int wfd, GError **errp)
{
    if (!set_blocking(rfd, errp) || (wfd != rfd && !set_blocking(wfd, errp))) {
        return NULL;
    }
    return channel_new(rfd, wfd, 0);
}

bool mig_channel_has_return_path(const MigChannel *c)
{
    return c->is_socket;
}

static int tcp_socket(const MigUri *u, bool listening, int *port_out, GError **errp)
{
    struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
                              .ai_flags = listening ? AI_PASSIVE : 0 };
    const char *host = u->host;
    if (listening && (!*host || strcmp(host, "0") == 0)) {
        host = NULL;                     /* every address */
    }
    struct addrinfo *res = NULL;
    int rc = getaddrinfo(host, u->port, &hints, &res);
    if (rc) {
        g_set_error(errp, HM_ERROR, 0, "address resolution failed for %s:%s: %s",
                    u->host, u->port, gai_strerror(rc));
        return -1;
    }
    int fd = -1, err = 0;
    for (struct addrinfo *a = res; a; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) {
            err = errno;
            continue;
        }
        int one = 1;
        if (listening) {
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
            if (bind(fd, a->ai_addr, a->ai_addrlen) == 0 && listen(fd, 1) == 0) {
                break;
            }
        } else if (connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
            break;
        }
        err = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        g_set_error(errp, HM_ERROR, 0, "Failed to %s socket %s:%s: %s",
                    listening ? "bind" : "connect", u->host, u->port, g_strerror(err));
        return -1;
    }
    if (port_out) {
        struct sockaddr_storage ss;
        socklen_t len = sizeof(ss);
        *port_out = 0;
        if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0) {
            *port_out = ntohs(ss.ss_family == AF_INET6
                              ? ((struct sockaddr_in6 *)&ss)->sin6_port
                              : ((struct sockaddr_in *)&ss)->sin_port);
        }
    }
    return fd;
}

static int unix_socket(const char *path, bool listening, GError **errp)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    g_strlcpy(addr.sun_path, path, sizeof(addr.sun_path));
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        g_set_error(errp, HM_ERROR, 0, "socket: %s", g_strerror(errno));
        return -1;
    }
    if (listening) {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISSOCK(st.st_mode)) {
            unlink(path);                 /* left over from an earlier run */
        }
        if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0 && listen(fd, 1) == 0) {
            return fd;
        }
    } else if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0) {
        return fd;
    }
    g_set_error(errp, HM_ERROR, 0, "Failed to %s socket %s: %s",
                listening ? "bind" : "connect", path, g_strerror(errno));
    close(fd);
    return -1;
}

/* sh -c cmd with a pipe on its stdin (source) or its stdout (destination). */
static MigChannel *spawn(const char *cmd, bool to_child, GError **errp)
{
    int p[2];
    if (pipe2(p, O_CLOEXEC) < 0) {
        g_set_error(errp, HM_ERROR, 0, "exec:%s: pipe: %s", cmd, g_strerror(errno));
        return NULL;
    }
    pid_t pid = fork();
    if (pid < 0) {
        g_set_error(errp, HM_ERROR, 0, "exec:%s: fork: %s", cmd, g_strerror(errno));
        close(p[0]);
        close(p[1]);
        return NULL;
    }
    if (pid == 0) {
        /* the child: only async-signal-safe calls until exec */
        sigset_t none;
        sigemptyset(&none);
        pthread_sigmask(SIG_SETMASK, &none, NULL);
        dup2(to_child ? p[0] : p[1], to_child ? STDIN_FILENO : STDOUT_FILENO);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    close(to_child ? p[0] : p[1]);
    int fd = to_child ? p[1] : p[0];
    return channel_new(fd, fd, pid);
}

MigChannel *mig_channel_open_out(const MigUri *u, int fd, GError **errp)
{
    switch (u->kind) {
    case MIG_URI_TCP:
        fd = tcp_socket(u, false, NULL, errp);
        return fd < 0 ? NULL : channel_new(fd, fd, 0);
    case MIG_URI_UNIX:
        fd = unix_socket(u->path, false, errp);
        return fd < 0 ? NULL : channel_new(fd, fd, 0);
    case MIG_URI_EXEC:
        return spawn(u->path, true, errp);
    case MIG_URI_FD: {
        MigChannel *c = mig_channel_new_fd(fd, fd, errp);
        if (!c) {
            close(fd);
        }
        return c;
    }
    case MIG_URI_FILE:
        fd = open(u->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0) {
            g_set_error(errp, HM_ERROR, 0, "Could not open '%s': %s", u->path,
                        g_strerror(errno));
            return NULL;
        }
        return channel_new(fd, fd, 0);
    }
    return NULL;
}

/* A write to a closed pipe must fail with EPIPE, not kill hotmem: SIGPIPE
 * is blocked in this thread around the write, and a pending one eaten. */
static ssize_t pipe_write(int fd, const void *buf, size_t len)
{
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set, &old);
    ssize_t n = write(fd, buf, len);
    int err = errno;
    /* a partial write can raise it too (the reader left mid-write) */
    sigset_t pending;
    if (sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE)) {
        struct timespec zero = { 0, 0 };
        while (sigtimedwait(&set, NULL, &zero) > 0) {
        }
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    errno = err;
    return n;
}

bool mig_channel_write(MigChannel *c, const void *buf, size_t len, GError **errp)
{
    const uint8_t *p = buf;
    while (len) {
        ssize_t n = c->is_socket ? send(c->wfd, p, len, MSG_NOSIGNAL)
                                 : pipe_write(c->wfd, p, len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            g_set_error(errp, HM_ERROR, 0, "migration stream write failed: %s",
                        g_strerror(n < 0 ? errno : EPIPE));
            return false;
        }
        p += n;
        len -= n;
    }
    return true;
}

bool mig_channel_read(void *channel, void *buf, size_t len, GError **errp)
{
    MigChannel *c = channel;
    uint8_t *out = buf;
    while (len) {
        if (c->pos == c->len) {
            ssize_t n;
            do {
                n = read(c->rfd, c->buf, READ_BUF);
            } while (n < 0 && errno == EINTR);
            if (n <= 0) {
                g_set_error(errp, HM_ERROR, 0, n == 0 ? "the stream ends early"
                            : "migration stream read failed: %s", g_strerror(errno));
                return false;
            }
            c->pos = 0;
            c->len = n;
        }
        size_t k = MIN(len, c->len - c->pos);
        memcpy(out, c->buf + c->pos, k);
        c->pos += k;
        out += k;
        len -= k;
    }
    return true;
}

void mig_channel_shutdown(MigChannel *c)
{
    if (c->is_socket) {
        shutdown(c->rfd, SHUT_RDWR);
    } else if (c->child > 0) {
        kill(c->child, SIGTERM);         /* its pipe then breaks */
    }
}

void mig_channel_close(MigChannel *c)
{
    if (!c) {
        return;
    }
    close(c->rfd);
    if (c->wfd != c->rfd) {
        close(c->wfd);
    }
    if (c->child > 0) {
        int status;
        while (waitpid(c->child, &status, 0) < 0 && errno == EINTR) {
        }
    }
    g_free(c->buf);
    g_free(c);
}

/* ---- listening ---- */

MigListener *mig_listen(const MigUri *u, int fd, GError **errp)
{
    MigListener *l = g_new0(MigListener, 1);
    l->kind = u->kind;
    l->fd = -1;
    switch (u->kind) {
    case MIG_URI_TCP:
        l->fd = tcp_socket(u, true, &l->port, errp);
        break;
    case MIG_URI_UNIX:
        l->fd = unix_socket(u->path, true, errp);
        if (l->fd >= 0) {
            l->unix_path = g_strdup(u->path);
        }
        break;
    case MIG_URI_EXEC:
        l->ready = spawn(u->path, false, errp);
        break;
    case MIG_URI_FD:
        l->ready = mig_channel_new_fd(fd, fd, errp);
        if (!l->ready) {
            close(fd);
        }
        break;
    case MIG_URI_FILE:
        fd = open(u->path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            g_set_error(errp, HM_ERROR, 0, "Could not open '%s': %s", u->path,
                        g_strerror(errno));
        } else {
            l->ready = channel_new(fd, fd, 0);
        }
        break;
    }
    if (l->fd < 0 && !l->ready) {
        g_free(l);
        return NULL;
    }
    return l;
}

int mig_listener_poll_fd(const MigListener *l)
{
    return l->ready ? -1 : l->fd;
}

int mig_listener_port(const MigListener *l)
{
    return l->port;
}

MigChannel *mig_listener_accept(MigListener *l, GError **errp)
{
    if (l->ready) {
        MigChannel *c = l->ready;
        l->ready = NULL;
        return c;
    }
    int fd;
    do {
        fd = accept4(l->fd, NULL, NULL, SOCK_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        g_set_error(errp, HM_ERROR, 0, "accept on the migration socket: %s",
                    g_strerror(errno));
        return NULL;
    }
    return mig_channel_new_fd(fd, fd, errp);
}

void mig_listener_free(MigListener *l)
{
    if (!l) {
        return;
    }
    if (l->fd >= 0) {
        close(l->fd);
    }
    if (l->unix_path) {
        unlink(l->unix_path);
        g_free(l->unix_path);
    }
    mig_channel_close(l->ready);
    g_free(l);
}
