/*
 * qmp.c - the QMP server: a listening unix socket (or stdio), one session
 * per connection, greeting on connect, replies in request order, events to
 * every negotiated client.
 */
#include "monitor/qmp.h"
#include "monitor/monitor.h"
#include "monitor/qjson.h"
#include "monitor/stream.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct QmpClient {
    QmpServer *server;
    MonStream *stream;
    JsonStreamer *parser;
    QmpSession session;
} QmpClient;

struct QmpServer {
    MonListener *listener;    /* NULL for stdio */
    GMainContext *ctx;
    GList *clients;           /* QmpClient */
    size_t out_cap;
};

static void send_node(QmpClient *c, JsonNode *node)
{
    GString *line = g_string_new(NULL);
    qjson_append(line, node);
    g_string_append(line, "\r\n");
    mon_stream_write(c->stream, line->str, line->len);
    g_string_free(line, TRUE);
}

static size_t client_input(MonStream *st, const char *buf, size_t len, void *opaque)
{
    QmpClient *c = opaque;
    size_t used = 0;
    /* one request per call, so that the stream can stop between requests
     * when the client does not read its replies */
    while (used < len) {
        JsonNode *req = NULL;
        GError *err = NULL;
        used += json_streamer_feed(c->parser, buf + used, len - used, &req, &err);
        if (!req && !err) {
            break;
        }
        JsonNode *rsp = qmp_session_handle(&c->session, req, err);
        send_node(c, rsp);
        json_node_unref(rsp);
        if (req) {
            json_node_unref(req);
        }
        g_clear_error(&err);
        if (used) {
            break;
        }
    }
    return used;
}

static void free_client(QmpClient *c)
{
    json_streamer_free(c->parser);
    g_free(c);
}

static void client_closed(MonStream *st, void *opaque)
{
    QmpClient *c = opaque;
    c->server->clients = g_list_remove(c->server->clients, c);
    free_client(c);
}

static const MonStreamOps client_ops = {
    .input = client_input,
    .closed = client_closed,
};

static void add_client(QmpServer *s, int in_fd, int out_fd, bool owns_fds)
{
    QmpClient *c = g_new0(QmpClient, 1);
    c->server = s;
    c->parser = json_streamer_new(QJSON_DEFAULT_MAX_SIZE);
    c->stream = mon_stream_new(in_fd, out_fd, owns_fds, s->ctx, &client_ops, c);
    mon_stream_set_out_cap(c->stream, s->out_cap);
    c->session.stream = c->stream;
    s->clients = g_list_append(s->clients, c);
    JsonNode *greeting = qmp_greeting();
    send_node(c, greeting);
    json_node_unref(greeting);
}

static void on_accept(int fd, void *opaque)
{
    QmpServer *s = opaque;
    if (g_list_length(s->clients) >= QMP_MAX_CLIENTS) {
        fprintf(stderr, "hotmem: QMP connection refused: %d clients already\n",
                QMP_MAX_CLIENTS);
        close(fd);
        return;
    }
    add_client(s, fd, fd, true);
}

static void on_event(void *opaque, const char *line)
{
    QmpServer *s = opaque;
    for (GList *l = s->clients; l; l = l->next) {
        QmpClient *c = l->data;
        if (c->session.negotiated && !mon_stream_is_dead(c->stream)) {
            mon_stream_write(c->stream, line, strlen(line));
        }
    }
}

QmpServer *qmp_server_new(const char *path, GMainContext *ctx, GError **errp)
{
    QmpServer *s = g_new0(QmpServer, 1);
    s->ctx = ctx ? ctx : g_main_context_default();
    s->out_cap = MON_STREAM_OUT_CAP;
    if (path) {
        s->listener = mon_listener_new(path, s->ctx, on_accept, s, errp);
        if (!s->listener) {
            g_free(s);
            return NULL;
        }
    } else {
        add_client(s, STDIN_FILENO, STDOUT_FILENO, false);
    }
    monitor_event_add_sink(s->ctx, on_event, s);
    return s;
}

void qmp_server_free(QmpServer *s)
{
    if (!s) {
        return;
    }
    monitor_event_remove_sink(on_event, s);
    mon_listener_free(s->listener);
    for (GList *l = s->clients; l; l = l->next) {
        QmpClient *c = l->data;
        mon_stream_free(c->stream, true);
        free_client(c);
    }
    g_list_free(s->clients);
    g_free(s);
}

unsigned qmp_server_client_count(const QmpServer *s)
{
    return g_list_length(s->clients);
}

void qmp_server_set_out_cap(QmpServer *s, size_t cap)
{
    s->out_cap = cap;
}
