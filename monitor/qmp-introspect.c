/*
 * qmp-introspect.c - query-qmp-schema: the SchemaInfo list the generator
 * wrote from qapi-schema.json (scripts/qapi/introspect.py).
 */
#include "monitor/qjson.h"
#include "qapi-generated.h"

JsonNode *qmp_query_qmp_schema(GError **errp)
{
    static JsonNode *schema;
    if (!schema) {
        schema = qjson_parse(qapi_introspection_json, errp);
        if (!schema) {
            return NULL;
        }
    }
    return json_node_copy(schema);
}
