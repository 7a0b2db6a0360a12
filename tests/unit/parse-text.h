/*
 * parse-text.h - for the parser unit tests: what a parse produced, as text
 * to compare: the JSON object (consumed), or "ERR:" and the message
 * (consumed).
 */
#ifndef TESTS_UNIT_PARSE_TEXT_H
#define TESTS_UNIT_PARSE_TEXT_H

#include "monitor/qjson.h"

static inline char *parse_result_text(JsonObject *obj, GError *err)
{
    if (!obj) {
        char *r = g_strdup_printf("ERR:%s", err->message);
        g_error_free(err);
        return r;
    }
    JsonNode *n = json_node_alloc();
    json_node_init_object(n, obj);
    char *r = qjson_to_string(n);
    json_node_unref(n);
    json_object_unref(obj);
    return r;
}

#endif
