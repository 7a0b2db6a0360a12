/*
 * qmp-request.h - for the QMP unit tests: one request as text through a
 * session, the reply as text (a parse error goes to the session, as the
 * server would hand it over).
 */
#ifndef TESTS_UNIT_QMP_REQUEST_H
#define TESTS_UNIT_QMP_REQUEST_H

#include "monitor/qjson.h"
#include "monitor/qmp.h"

static inline char *qmp_request_text(QmpSession *s, const char *request)
{
    GError *err = NULL;
    JsonNode *req = qjson_parse(request, &err);
    JsonNode *rsp = qmp_session_handle(s, req, err);
    char *text = qjson_to_string(rsp);
    json_node_unref(rsp);
    if (req) {
        json_node_unref(req);
    }
    g_clear_error(&err);
    return text;
}

#endif
