/*
 * qmp.h - the QMP protocol: per-connection sessions (capabilities
 * negotiation, request checking, dispatch to the generated marshallers)
 * and the QMP server on a unix socket or stdio.
 */
#ifndef MONITOR_QMP_H
#define MONITOR_QMP_H

#include "monitor/qapi-runtime.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdbool.h>

typedef struct MonStream MonStream;

typedef struct QmpSession {
    bool negotiated;          /* qmp_capabilities was accepted */
    MonStream *stream;        /* where getfd finds a passed descriptor; NULL: none */
} QmpSession;

/* The greeting: {"QMP": {"version": ..., "capabilities": []}} */
JsonNode *qmp_greeting(void);

/*
 * Answers one request: request is the parsed value, or NULL with
 * parse_err set for malformed input. Returns the reply object ("return" or
 * "error", plus the request's "id"). Main thread; takes the device lock
 * around commands that want it.
 */
JsonNode *qmp_session_handle(QmpSession *s, JsonNode *request, const GError *parse_err);
/* The session whose command is running (qmp_capabilities needs it), NULL
 * outside QMP dispatch (HMP, human-monitor-command). */
QmpSession *qmp_session_current(void);

/* The reply object for an error: {"error": {"class": ..., "desc": ...}} */
JsonNode *qmp_error_response(const GError *err);

const QmpCommandDef *qmp_command_find(const char *name);

/* ------------------------------------------------------------ server */

typedef struct QmpServer QmpServer;

#define QMP_MAX_CLIENTS 16

/* path NULL: listen_fd (a listening socket to adopt), or with -1 one session
 * on stdin/stdout. ctx NULL: default context. */
QmpServer *qmp_server_new(const char *path, int listen_fd, GMainContext *ctx, GError **errp);
/* Flushes pending output (bounded wait), disconnects, removes the socket. */
void qmp_server_free(QmpServer *s);
unsigned qmp_server_client_count(const QmpServer *s);
/* Tests: a smaller output cap for new clients. */
void qmp_server_set_out_cap(QmpServer *s, size_t cap);
/* Events not sent to a client that did not read its output (see stream.h),
 * summed over every client so far. */
size_t qmp_server_events_dropped(const QmpServer *s);

#endif
