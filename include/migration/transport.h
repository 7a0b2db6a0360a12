/*
 * transport.h - where a migration stream goes and comes from.
 *
 *   tcp:HOST:PORT   a TCP connection ([v6addr] in brackets; HOST may be
 *                   empty or 0 when listening: every address)
 *   unix:PATH       a unix stream socket
 *   exec:CMD        sh -c CMD: the source writes to its standard input, the
 *                   destination reads its standard output
 *   fd:NAME         a descriptor passed with the QMP command getfd
 *   file:PATH       a file (snapshots): written by the source, read by the
 *                   destination
 *
 * Sockets (tcp, unix, and fd: when it is a socket) carry a return path:
 * the destination answers the layout check on the same connection. All
 * I/O here blocks: it runs in the migration threads, never in the main
 * loop. mig_channel_shutdown may be called from another thread to make a
 * blocked read or write fail (migrate_cancel).
 */
#ifndef MIGRATION_TRANSPORT_H
#define MIGRATION_TRANSPORT_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef enum {
    MIG_URI_TCP,
    MIG_URI_UNIX,
    MIG_URI_EXEC,
    MIG_URI_FD,
    MIG_URI_FILE,
} MigUriKind;

typedef struct MigUri {
    MigUriKind kind;
    char *host;               /* tcp */
    char *port;               /* tcp */
    char *path;               /* unix, file; exec: the command; fd: the name */
} MigUri;

/* Checks the syntax only (nothing is opened); errp says what is wrong
 * ("unknown migration protocol: ..." for an unknown prefix). */
bool mig_uri_parse(const char *uri, MigUri *out, GError **errp);
void mig_uri_clear(MigUri *u);

typedef struct MigChannel MigChannel;

/* Source: connects / spawns / opens. fd: takes the descriptor (already
 * taken from the monitor's table: fd). */
MigChannel *mig_channel_open_out(const MigUri *u, int fd, GError **errp);
/* A channel on an fd the caller gives away (tests, accepted sockets). */
MigChannel *mig_channel_new_fd(int rfd, int wfd, GError **errp);
bool mig_channel_has_return_path(const MigChannel *c);
bool mig_channel_write(MigChannel *c, const void *buf, size_t len, GError **errp);
/* A MigReadFn (migration/stream.h): exactly len bytes, or an error. */
bool mig_channel_read(void *channel, void *buf, size_t len, GError **errp);
/* Makes blocked and later I/O fail; any thread. */
void mig_channel_shutdown(MigChannel *c);
/* Closes (waits for an exec: child); NULL is fine. */
void mig_channel_close(MigChannel *c);

/* Destination: -incoming / migrate-incoming. tcp and unix listen (the
 * socket is bound when this returns); exec, file and fd are ready at
 * once. */
typedef struct MigListener MigListener;
MigListener *mig_listen(const MigUri *u, int fd, GError **errp);
/* The descriptor to poll for an incoming connection; -1 when
 * mig_listener_accept will not block. */
int mig_listener_poll_fd(const MigListener *l);
/* The bound TCP port (tcp:HOST:0 picks one), 0 for other kinds. */
int mig_listener_port(const MigListener *l);
MigChannel *mig_listener_accept(MigListener *l, GError **errp);
void mig_listener_free(MigListener *l);

#endif
