/*
 * server.h - one monitor server, whatever the protocol: a listening unix
 * socket (or stdio) and the list of its connections. QMP and HMP differ
 * only in what a connection says (MonServerOps); accepting, the client
 * limit, closing and the client list live here once.
 */
#ifndef MONITOR_SERVER_H
#define MONITOR_SERVER_H

#include "monitor/stream.h"

#include <glib.h>
#include <stdbool.h>

typedef struct MonServer MonServer;

typedef struct MonServerOps {
    const char *protocol;     /* "QMP", "HMP": names the server in messages */
    unsigned max_clients;     /* more connections are refused (closed at once) */
    /* A new connection: returns its protocol state and may greet on st. */
    void *(*open)(MonStream *st, void *opaque);
    size_t (*input)(MonStream *st, const char *buf, size_t len, void *client);
    /* The connection ended (st still valid, freed right after). */
    void (*close)(MonStream *st, void *client, void *opaque);
} MonServerOps;

/* path NULL and listen_fd >= 0: adopts that listening socket (libvirt's
 * -chardev fd=); both unset (NULL, -1): one connection on stdin/stdout,
 * which is never closed. */
MonServer *mon_server_new(const char *path, int listen_fd, GMainContext *ctx,
                          const MonServerOps *ops, void *opaque, GError **errp);
/* Stops listening, flushes and ends every connection (ops->close for each). */
void mon_server_free(MonServer *s);
GMainContext *mon_server_context(const MonServer *s);
unsigned mon_server_client_count(const MonServer *s);
/* fn for every connection, oldest first (a dead one too, until it is closed). */
void mon_server_foreach(const MonServer *s,
                        void (*fn)(MonStream *st, void *client, void *opaque), void *opaque);

#endif
