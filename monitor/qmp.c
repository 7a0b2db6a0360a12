/*
 * qmp.c - the QMP server: a listening unix socket (or stdio), one session
 * per connection, greeting on connect, replies in request order, events to
 * every negotiated client.
 */
#include "monitor/qmp.h"
#include "monitor/monitor.h"
#include "monitor/qjson.h"
#include "monitor/server.h"
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
    MonServer *mon;
    size_t out_cap;
    size_t events_dropped;    /* by clients that are gone */
};

static void send_node(QmpClient *c, JsonNode *node)
{
    GString *line = g_string_new(NULL);
    qjson_append(line, node);
    g_string_append(line, "\r\n");
    mon_stream_write(c->stream, line->str, line->len);
    g_string_free(line, TRUE);
}

static size_t client_input(MonStream *st, const char *buf, size_t len, void *client)
{
    QmpClient *c = client;
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

static void *client_open(MonStream *st, void *opaque)
{
    QmpServer *s = opaque;
    QmpClient *c = g_new0(QmpClient, 1);
    c->server = s;
    c->stream = st;
    c->parser = json_streamer_new(QJSON_DEFAULT_MAX_SIZE);
    c->session.stream = st;                 /* getfd takes the fds it passed */
    mon_stream_set_out_cap(st, s->out_cap);
    JsonNode *greeting = qmp_greeting();
    send_node(c, greeting);
    json_node_unref(greeting);
    return c;
}

static void client_close(MonStream *st, void *client, void *opaque)
{
    QmpClient *c = client;
    c->server->events_dropped += mon_stream_dropped(st);
    json_streamer_free(c->parser);
    g_free(c);
}

static const MonServerOps qmp_ops = {
    .protocol = "QMP",
    .max_clients = QMP_MAX_CLIENTS,
    .open = client_open,
    .input = client_input,
    .close = client_close,
};

static void event_to_client(MonStream *st, void *client, void *line)
{
    QmpClient *c = client;
    if (c->session.negotiated && !mon_stream_is_dead(st)) {
        mon_stream_write_optional(st, line, strlen(line));
    }
}

static void on_event(void *opaque, const char *line)
{
    QmpServer *s = opaque;
    mon_server_foreach(s->mon, event_to_client, (void *)line);
}

QmpServer *qmp_server_new(const char *path, int listen_fd, GMainContext *ctx, GError **errp)
{
    QmpServer *s = g_new0(QmpServer, 1);
    s->out_cap = MON_STREAM_OUT_CAP;
    s->mon = mon_server_new(path, listen_fd, ctx, &qmp_ops, s, errp);
    if (!s->mon) {
        g_free(s);
        return NULL;
    }
    monitor_event_add_sink(mon_server_context(s->mon), on_event, s);
    return s;
}

void qmp_server_free(QmpServer *s)
{
    if (!s) {
        return;
    }
    monitor_event_remove_sink(on_event, s);
    mon_server_free(s->mon);
    g_free(s);
}

unsigned qmp_server_client_count(const QmpServer *s)
{
    return mon_server_client_count(s->mon);
}

void qmp_server_set_out_cap(QmpServer *s, size_t cap)
{
    s->out_cap = cap;
}

static void add_dropped(MonStream *st, void *client, void *total)
{
    *(size_t *)total += mon_stream_dropped(st);
}

size_t qmp_server_events_dropped(const QmpServer *s)
{
    size_t n = s->events_dropped;
    mon_server_foreach(s->mon, add_dropped, &n);
    return n;
}
