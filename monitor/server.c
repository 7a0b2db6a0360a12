/*
 * server.c - a monitor server: listener, connections, client limit.
 */
#include "monitor/server.h"

#include <stdio.h>
#include <unistd.h>

typedef struct MonConn {
    MonServer *server;
    MonStream *stream;
    void *client;             /* the protocol's state (ops->open) */
} MonConn;

struct MonServer {
    const MonServerOps *ops;
    void *opaque;
    GMainContext *ctx;
    MonListener *listener;    /* NULL for stdio */
    GList *conns;             /* MonConn, oldest first */
};

static size_t conn_input(MonStream *st, const char *buf, size_t len, void *opaque)
{
    MonConn *c = opaque;
    return c->server->ops->input(st, buf, len, c->client);
}

static void conn_end(MonConn *c)
{
    c->server->ops->close(c->stream, c->client, c->server->opaque);
    c->server->conns = g_list_remove(c->server->conns, c);
    g_free(c);
}

static void conn_closed(MonStream *st, void *opaque)
{
    conn_end(opaque);
}

static const MonStreamOps conn_ops = {
    .input = conn_input,
    .closed = conn_closed,
};

static void add_conn(MonServer *s, int in_fd, int out_fd, bool owns_fds)
{
    MonConn *c = g_new0(MonConn, 1);
    c->server = s;
    c->stream = mon_stream_new(in_fd, out_fd, owns_fds, s->ctx, &conn_ops, c);
    s->conns = g_list_append(s->conns, c);
    c->client = s->ops->open(c->stream, s->opaque);
}

static void on_accept(int fd, void *opaque)
{
    MonServer *s = opaque;
    if (g_list_length(s->conns) >= s->ops->max_clients) {
        fprintf(stderr, "hotmem: %s connection refused: %u clients already\n",
                s->ops->protocol, s->ops->max_clients);
        close(fd);
        return;
    }
    add_conn(s, fd, fd, true);
}

MonServer *mon_server_new(const char *path, int listen_fd, GMainContext *ctx,
                          const MonServerOps *ops, void *opaque, GError **errp)
{
    MonServer *s = g_new0(MonServer, 1);
    s->ops = ops;
    s->opaque = opaque;
    s->ctx = ctx ? ctx : g_main_context_default();
    if (path || listen_fd >= 0) {
        s->listener = path ? mon_listener_new(path, s->ctx, on_accept, s, errp)
                           : mon_listener_new_fd(listen_fd, s->ctx, on_accept, s, errp);
        if (!s->listener) {
            g_free(s);
            return NULL;
        }
    } else {
        add_conn(s, STDIN_FILENO, STDOUT_FILENO, false);
    }
    return s;
}

void mon_server_free(MonServer *s)
{
    if (!s) {
        return;
    }
    mon_listener_free(s->listener);
    while (s->conns) {
        MonConn *c = s->conns->data;
        MonStream *st = c->stream;
        conn_end(c);
        /* mon_stream_free does not call conn_closed again */
        mon_stream_free(st, true);
    }
    g_free(s);
}

GMainContext *mon_server_context(const MonServer *s)
{
    return s->ctx;
}

unsigned mon_server_client_count(const MonServer *s)
{
    return g_list_length(s->conns);
}

void mon_server_foreach(const MonServer *s,
                        void (*fn)(MonStream *st, void *client, void *opaque), void *opaque)
{
    for (GList *l = s->conns; l; l = l->next) {
        MonConn *c = l->data;
        fn(c->stream, c->client, opaque);
    }
}
