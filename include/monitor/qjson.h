/*
 * qjson.h - JSON for QMP: a streaming reader that cuts a byte stream into
 * values (several per read, or one split across reads) and a writer that
 * prints exactly as QEMU 7.2 does.
 *
 * Values are json-glib JsonNodes. Differences from json-glib's own parser,
 * all QEMU's behaviour: single-quoted strings are accepted, error texts are
 * QEMU's ("JSON parse error, ..."), and after an error the stream resumes at
 * the end of the broken value, so one bad request costs one error reply.
 * Integers above INT64_MAX (up to UINT64_MAX) become doubles: json-glib has
 * no unsigned integers.
 */
#ifndef MONITOR_QJSON_H
#define MONITOR_QJSON_H

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdbool.h>
#include <stddef.h>

#define QJSON_MAX_NESTING     1024           /* QEMU's limit */
#define QJSON_DEFAULT_MAX_SIZE (1u << 20)     /* bytes in one value */

typedef struct JsonStreamer JsonStreamer;

/* max_size: longest value accepted (whitespace inside it counts). A longer
 * value is answered with "JSON token size limit exceeded" as soon as it
 * passes the limit; the rest of it is then skipped and nothing of it kept. */
JsonStreamer *json_streamer_new(size_t max_size);
void json_streamer_free(JsonStreamer *s);
/* Bytes the reader holds for the value in progress (about max_size at most,
 * plus the parsed tokens' overhead). */
size_t json_streamer_buffered(const JsonStreamer *s);

/*
 * Consumes input up to the end of the next complete top-level value and
 * returns how many bytes it took (len when no value ended). When a value
 * ended, either *value (new reference) or *err is set; otherwise both stay
 * NULL and the partial value is kept for the next call.
 */
size_t json_streamer_feed(JsonStreamer *s, const char *buf, size_t len,
                          JsonNode **value, GError **err);

/* Parses one complete value (trailing whitespace allowed). */
JsonNode *qjson_parse(const char *text, GError **errp);

/* QEMU's compact layout ({"a": 1, "b": [true, null]}), object members in
 * the order QEMU's QDict hash table yields them, non-ASCII as \uXXXX. */
void qjson_append(GString *out, JsonNode *node);
char *qjson_to_string(JsonNode *node);

#endif
