/*
 * qmp-dispatch.c - one QMP request in, one reply out, as QEMU 7.2 does it:
 * the same checks in the same order, the same error texts.
 */
#include "monitor/qmp.h"
#include "monitor/monitor.h"
#include "hotmem/io.h"
#include "qapi-generated.h"

#include <string.h>

static QmpSession *current;

QmpSession *qmp_session_current(void)
{
    return current;
}

const QmpCommandDef *qmp_command_find(const char *name)
{
    for (size_t i = 0; i < qmp_commands_count; i++) {
        if (!strcmp(qmp_commands[i].name, name)) {
            return &qmp_commands[i];
        }
    }
    return NULL;
}

JsonNode *qmp_greeting(void)
{
    VersionInfo *v = qmp_query_version(NULL);
    JsonObject *qmp = json_object_new();
    json_object_set_member(qmp, "version", qapi_marshal_VersionInfo(v));
    json_object_set_array_member(qmp, "capabilities", json_array_new());
    qapi_free_VersionInfo(v);
    JsonObject *root = json_object_new();
    json_object_set_object_member(root, "QMP", qmp);
    return qapi_out_object(root);
}

JsonNode *qmp_error_response(const GError *err)
{
    JsonObject *e = json_object_new();
    json_object_set_string_member(e, "class", qapi_error_class_name(err));
    json_object_set_string_member(e, "desc", err->message);
    JsonObject *rsp = json_object_new();
    json_object_set_object_member(rsp, "error", e);
    return qapi_out_object(rsp);
}

static bool is_string(JsonNode *n)
{
    return JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_STRING;
}

/* QEMU's qmp_dispatch_check_obj(): only execute, arguments and id. */
static const char *check_request(JsonObject *req, GError **errp)
{
    const char *command = NULL;
    JsonObjectIter it;
    const char *key;
    JsonNode *val;
    json_object_iter_init_ordered(&it, req);
    while (json_object_iter_next_ordered(&it, &key, &val)) {
        if (!strcmp(key, "execute")) {
            if (!is_string(val)) {
                qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                               "QMP input member 'execute' must be a string");
                return NULL;
            }
            command = json_node_get_string(val);
        } else if (!strcmp(key, "arguments")) {
            if (!JSON_NODE_HOLDS_OBJECT(val)) {
                qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                               "QMP input member 'arguments' must be an object");
                return NULL;
            }
        } else if (strcmp(key, "id") != 0) {
            /* "exec-oob" lands here too: out-of-band is never enabled */
            qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                           "QMP input member '%s' is unexpected", key);
            return NULL;
        }
    }
    if (!command) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "QMP input lacks member 'execute'");
    }
    return command;
}

JsonNode *qmp_session_handle(QmpSession *s, JsonNode *request, const GError *parse_err)
{
    GError *err = NULL;
    JsonNode *id = NULL;
    JsonNode *ret = NULL;

    if (parse_err) {
        err = g_error_copy(parse_err);
        goto out;
    }
    if (!JSON_NODE_HOLDS_OBJECT(request)) {
        qapi_error_set(&err, QAPI_ERROR_CLASS_GENERIC_ERROR, "QMP input must be a JSON object");
        goto out;
    }
    JsonObject *req = json_node_get_object(request);
    id = json_object_get_member(req, "id");
    const char *name = check_request(req, &err);
    if (!name) {
        goto out;
    }
    const QmpCommandDef *cmd = qmp_command_find(name);
    if (!s->negotiated && (!cmd || strcmp(name, "qmp_capabilities") != 0)) {
        /* QEMU offers only qmp_capabilities until negotiation is done */
        qapi_error_set(&err, QAPI_ERROR_CLASS_COMMAND_NOT_FOUND,
                       "Expecting capabilities negotiation with 'qmp_capabilities'");
        goto out;
    }
    if (!cmd) {
        qapi_error_set(&err, QAPI_ERROR_CLASS_COMMAND_NOT_FOUND,
                       "The command %s has not been found", name);
        goto out;
    }
    JsonObject *args = json_object_get_member(req, "arguments")
                       ? json_object_get_object_member(req, "arguments") : NULL;
    QmpSession *saved = current;
    current = s;
    if (cmd->flags & QMP_CMD_DEVICE_LOCK) {
        device_lock();
    }
    bool ok = cmd->fn(args, &ret, &err);
    if (cmd->flags & QMP_CMD_DEVICE_LOCK) {
        device_unlock();
    }
    current = saved;
    if (!ok && !err) {
        qapi_error_set(&err, QAPI_ERROR_CLASS_GENERIC_ERROR, "%s failed", name);
    }
    if (ok && !ret) {
        ret = qapi_out_object(json_object_new());          /* "return": {} */
    }

out:;
    JsonNode *rsp;
    if (err) {
        if (ret) {
            json_node_unref(ret);
        }
        rsp = qmp_error_response(err);
        g_error_free(err);
    } else {
        JsonObject *o = json_object_new();
        json_object_set_member(o, "return", ret);
        rsp = qapi_out_object(o);
    }
    if (id) {
        json_object_set_member(json_node_get_object(rsp), "id", json_node_copy(id));
    }
    return rsp;
}
