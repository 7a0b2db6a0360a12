/*
 * qapi-runtime.h - what the code generated from qapi-schema.json builds on:
 * QMP error classes, the argument reader (QEMU's texts for missing,
 * unexpected and mistyped arguments), JSON output helpers, the command
 * table entry, and helpers for device_add's free-form properties.
 */
#ifndef MONITOR_QAPI_RUNTIME_H
#define MONITOR_QAPI_RUNTIME_H

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdbool.h>
#include <stdint.h>

/* ------------------------------------------------------------ errors */

/* The "class" of a QMP error reply. A GError of another domain (HM_ERROR,
 * G_FILE_ERROR...) is reported as GenericError with its message. */
typedef enum QapiErrorClass {
    QAPI_ERROR_CLASS_GENERIC_ERROR,
    QAPI_ERROR_CLASS_COMMAND_NOT_FOUND,
    QAPI_ERROR_CLASS_DEVICE_NOT_ACTIVE,
    QAPI_ERROR_CLASS_DEVICE_NOT_FOUND,
    QAPI_ERROR_CLASS_KVM_MISSING_CAP,
} QapiErrorClass;

#define QAPI_ERROR qapi_error_quark()
GQuark qapi_error_quark(void);

void qapi_error_set(GError **errp, QapiErrorClass cls, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
/* "GenericError", "CommandNotFound", ... */
const char *qapi_error_class_name(const GError *err);

/* ------------------------------------------------------------ commands */

#define QMP_CMD_DEVICE_LOCK 0x1u     /* run the handler with device_lock() held */

/* A generated marshaller: checks args, calls qmp_<name>(), and on success
 * sets *ret (NULL for commands without a return value: the reply is {}). */
typedef bool (*QmpMarshalFn)(JsonObject *args, JsonNode **ret, GError **errp);

typedef struct QmpCommandDef {
    const char *name;
    QmpMarshalFn fn;
    unsigned flags;
} QmpCommandDef;

/* The members of every struct of the schema (generated), for code that
 * describes a struct's keys at run time (query-command-line-options). kind
 * is the member's base kind: "str", "int", "uint", "size", "number",
 * "bool", "enum", "struct", "union", "list" or "any". */
typedef struct QapiMemberInfo {
    const char *name;
    const char *kind;
    bool optional;
} QapiMemberInfo;

typedef struct QapiStructInfo {
    const char *name;
    const QapiMemberInfo *members;
    unsigned nmembers;
} QapiStructInfo;

const QapiStructInfo *qapi_struct_info(const char *name);

/* Queues an event for every negotiated QMP client (monitor/event.c);
 * takes data (NULL: no "data" member). Any thread. */
void monitor_event_emit(const char *name, JsonObject *data);

/* Prepends to a QAPI list: QAPI_LIST_PREPEND(list, value). */
#define QAPI_LIST_PREPEND(list, element) do {              \
        typeof(list) _tmp = g_malloc(sizeof(*(list)));     \
        _tmp->value = (element);                           \
        _tmp->next = (list);                               \
        (list) = _tmp;                                     \
    } while (0)

/* ------------------------------------------------------------ input */

/*
 * Reads JSON into generated C structs. Strict mode is QMP: integers must be
 * JSON integers, and so on. Keyval mode is HMP's key=value form: every
 * scalar arrives as a string and is parsed (sizes take K/M/G/T suffixes,
 * booleans are on/off).
 */
typedef struct QapiIn {
    bool keyval;
    /* device properties of this driver (device_add): scalars are JSON or
     * keyval strings, and an unknown member is "Property 'DRIVER.x' not
     * found", as QEMU's qdev says */
    const char *driver;
    /* command-line messages ("unknown parameter 'x'", "invalid size 'lots'",
     * "missing id="), for -m, -dimm, -numa and -smp */
    bool cli;
    GArray *frames;
    GString *errname;
} QapiIn;

void qapi_in_init(QapiIn *in, bool keyval);
void qapi_in_cleanup(QapiIn *in);
/* Enters the argument object of a command (NULL: no arguments). */
void qapi_in_push_root(QapiIn *in, JsonObject *args);

bool qapi_in_start_object(QapiIn *in, JsonNode *node, const char *name, GError **errp);
/* Fails with "Parameter 'x' is unexpected" for a member nobody read. */
bool qapi_in_check_object(QapiIn *in, GError **errp);
void qapi_in_end_object(QapiIn *in);
/* The member of the current object, marked as read. NULL when absent:
 * then an error ("Parameter 'x' is missing") unless optional. */
JsonNode *qapi_in_member(QapiIn *in, const char *name, bool optional, GError **errp);

bool qapi_in_start_list(QapiIn *in, JsonNode *node, const char *name, JsonArray **arr,
                        GError **errp);
void qapi_in_list_index(QapiIn *in, guint index);
void qapi_in_end_list(QapiIn *in);

/* type: the C type named in range errors ("int32_t"), as QEMU does. */
bool qapi_in_int(QapiIn *in, JsonNode *n, const char *name, int64_t min, int64_t max,
                 const char *type, int64_t *out, GError **errp);
bool qapi_in_uint(QapiIn *in, JsonNode *n, const char *name, uint64_t max, const char *type,
                  uint64_t *out, GError **errp);
bool qapi_in_size(QapiIn *in, JsonNode *n, const char *name, uint64_t *out, GError **errp);
bool qapi_in_number(QapiIn *in, JsonNode *n, const char *name, double *out, GError **errp);
bool qapi_in_bool(QapiIn *in, JsonNode *n, const char *name, bool *out, GError **errp);
bool qapi_in_str(QapiIn *in, JsonNode *n, const char *name, char **out, GError **errp);
bool qapi_in_enum(QapiIn *in, JsonNode *n, const char *name, const char *const *lookup,
                  int count, int *out, GError **errp);

/* ------------------------------------------------------------ output */

JsonNode *qapi_out_str(const char *s);
JsonNode *qapi_out_int(int64_t v);
JsonNode *qapi_out_uint(uint64_t v);
JsonNode *qapi_out_number(double v);
JsonNode *qapi_out_bool(bool v);
JsonNode *qapi_out_object(JsonObject *o);    /* takes o */
JsonNode *qapi_out_array(JsonArray *a);      /* takes a */

/* ------------------------------------------------------------ properties */

#endif
