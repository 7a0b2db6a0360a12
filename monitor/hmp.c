/*
 * hmp.c - the human monitor: the table from hmp-commands.hx, QEMU-style
 * argument parsing, execution, and the line-oriented server.
 */
#include "monitor/hmp.h"
#include "hotmem/keyval.h"
#include "monitor/monitor.h"
#include "monitor/server.h"
#include "monitor/stream.h"
#include "monitor/qapi-runtime.h"
#include "hotmem/io.h"
#include "hotmem/util.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

const HmpCommand hmp_commands[] = {
#define HMP_COMMAND(is_info_, name_, args_type_, params_, help_, handler_, flags_) \
    { is_info_, name_, args_type_, params_, help_, handler_, flags_ },
#include "hmp-commands.def"
#undef HMP_COMMAND
};
const size_t hmp_commands_count = G_N_ELEMENTS(hmp_commands);

void hmp_printf(HmpContext *hmp, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_string_append_vprintf(hmp->out, fmt, ap);
    va_end(ap);
}

void hmp_report_error(HmpContext *hmp, GError *err)
{
    if (err) {
        hmp_printf(hmp, "Error: %s\n", err->message);
        g_error_free(err);
    }
}

const HmpCommand *hmp_command_find(const char *name, bool is_info)
{
    for (size_t i = 0; i < hmp_commands_count; i++) {
        if (hmp_commands[i].is_info == is_info && !strcmp(hmp_commands[i].name, name)) {
            return &hmp_commands[i];
        }
    }
    return NULL;
}

/* ------------------------------------------------------------ parsing */

static void skip_space(const char **p)
{
    while (g_ascii_isspace(**p)) {
        (*p)++;
    }
}

/* A bare word, or a "quoted string" with \n \r \\ \' \" escapes (QEMU's
 * get_str). Returns false on an unterminated or bad string. */
static bool get_word(const char **pp, GString *out)
{
    const char *p = *pp;
    g_string_truncate(out, 0);
    if (*p == '"') {
        p++;
        while (*p && *p != '"') {
            if (*p == '\\') {
                p++;
                switch (*p) {
                case 'n': g_string_append_c(out, '\n'); break;
                case 'r': g_string_append_c(out, '\r'); break;
                case '\\': case '\'': case '"': g_string_append_c(out, *p); break;
                default:
                    return false;
                }
                p++;
            } else {
                g_string_append_c(out, *p++);
            }
        }
        if (*p != '"') {
            return false;
        }
        p++;
    } else {
        while (*p && !g_ascii_isspace(*p)) {
            g_string_append_c(out, *p++);
        }
    }
    *pp = p;
    return true;
}

/* "pc-dimm,id=d0,memdev=m0" into args; the first item may omit its key. */
static bool parse_options(const HmpCommand *cmd, const char *implied, const char *text,
                          JsonObject *args, GError **errp)
{
    JsonObject *kv = keyval_parse(text, implied, 0, errp);
    if (!kv) {
        g_prefix_error(errp, "%s: ", cmd->name);
        return false;
    }
    JsonObjectIter it;
    const char *key;
    JsonNode *val;
    bool ok = true;
    json_object_iter_init_ordered(&it, kv);
    while (ok && json_object_iter_next_ordered(&it, &key, &val)) {
        ok = !json_object_has_member(args, key);
        if (!ok) {
            g_set_error(errp, HM_ERROR, 0, "%s: parameter '%s' given twice", cmd->name, key);
        } else {
            json_object_set_member(args, key, json_node_copy(val));
        }
    }
    json_object_unref(kv);
    return ok;
}

JsonObject *hmp_parse_args(const HmpCommand *cmd, const char **pp, GError **errp)
{
    JsonObject *args = json_object_new();
    g_auto(GStrv) specs = g_strsplit(cmd->args_type, ",", -1);
    GString *word = g_string_new(NULL);
    const char *p = *pp;
    bool ok = true;
    for (int i = 0; ok && specs[i]; i++) {
        const char *spec = specs[i];
        if (!*spec) {
            continue;
        }
        const char *colon = strchr(spec, ':');
        g_assert(colon);
        g_autofree char *name = g_strndup(spec, colon - spec);
        char type = colon[1];
        bool optional = colon[2] == '?';
        static const char *const expected[] = {
            ['s'] = "string", ['S'] = "string", ['O'] = "options", ['i'] = "integer",
        };
        skip_space(&p);
        if (!*p) {
            if (!optional) {
                g_set_error(errp, HM_ERROR, 0, "%s: %s expected", cmd->name,
                            expected[(unsigned char)type]);
                ok = false;
            }
            break;
        }
        switch (type) {
        case 'S': {
            g_autofree char *rest = g_strstrip(g_strdup(p));
            json_object_set_string_member(args, name, rest);
            p += strlen(p);
            break;
        }
        case 's':
        case 'O':
        case 'i':
            if (!get_word(&p, word)) {
                g_set_error(errp, HM_ERROR, 0, "%s: %s expected (unterminated or "
                            "bad string)", cmd->name, expected[(unsigned char)type]);
                ok = false;
                break;
            }
            if (type == 's') {
                json_object_set_string_member(args, name, word->str);
            } else if (type == 'O') {
                ok = parse_options(cmd, name, word->str, args, errp);
            } else {
                char *end;
                errno = 0;
                gint64 v = g_ascii_strtoll(word->str, &end, 0);
                if (errno || *end || !word->len) {
                    g_set_error(errp, HM_ERROR, 0, "%s: invalid integer '%s'",
                                cmd->name, word->str);
                    ok = false;
                    break;
                }
                json_object_set_int_member(args, name, v);
            }
            break;
        default:
            g_assert_not_reached();
        }
    }
    if (ok) {
        skip_space(&p);
        if (*p) {
            g_set_error(errp, HM_ERROR, 0,
                        "%s: extraneous characters at the end of line", cmd->name);
            ok = false;
        }
    }
    g_string_free(word, TRUE);
    if (!ok) {
        json_object_unref(args);
        return NULL;
    }
    *pp = p;
    return args;
}

/* ------------------------------------------------------------ execution */

void hmp_execute(HmpContext *hmp, const char *line)
{
    const char *p = line;
    skip_space(&p);
    if (!*p) {
        return;
    }
    const char *start = p;
    while (*p && !g_ascii_isspace(*p)) {
        p++;
    }
    g_autofree char *name = g_strndup(start, p - start);
    const HmpCommand *cmd = hmp_command_find(name, false);
    if (!cmd) {
        hmp_printf(hmp, "unknown command: '%s'\n", name);
        return;
    }
    if (!strcmp(cmd->name, "info")) {
        skip_space(&p);
        if (*p) {
            start = p;
            while (*p && !g_ascii_isspace(*p)) {
                p++;
            }
            g_autofree char *sub = g_strndup(start, p - start);
            cmd = hmp_command_find(sub, true);
            if (!cmd) {
                hmp_printf(hmp, "unknown command: 'info %s'\n", sub);
                return;
            }
        }
    }
    GError *err = NULL;
    JsonObject *args = hmp_parse_args(cmd, &p, &err);
    if (!args) {
        hmp_printf(hmp, "%s\n", err->message);
        hmp_printf(hmp, "Try \"help %s%s\" for more information\n", cmd->is_info ? "info " : "",
                   cmd->name);
        g_error_free(err);
        return;
    }
    bool lock = !(cmd->flags & HMP_NOLOCK);
    if (lock) {
        device_lock();
    }
    cmd->handler(hmp, args);
    if (lock) {
        device_unlock();
    }
    json_object_unref(args);
}

/* QEMU's monitor turns every "\n" into "\r\n". */
static char *crlf(const char *text)
{
    GString *out = g_string_sized_new(strlen(text) + 16);
    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            g_string_append_c(out, '\r');
        }
        g_string_append_c(out, *p);
    }
    return g_string_free(out, FALSE);
}

char *hmp_execute_capture(const char *line)
{
    HmpContext hmp = { .out = g_string_new(NULL) };
    hmp_execute(&hmp, line);
    char *text = crlf(hmp.out->str);
    g_string_free(hmp.out, TRUE);
    return text;
}

/* ------------------------------------------------------------ server */

typedef struct HmpClient {
    MonStream *stream;
    GString *line;
    bool overlong;
} HmpClient;

struct HmpServer {
    MonServer *mon;
};

static void send_text(HmpClient *c, const char *text)
{
    g_autofree char *t = crlf(text);
    mon_stream_write(c->stream, t, strlen(t));
}

static size_t client_input(MonStream *st, const char *buf, size_t len, void *client)
{
    HmpClient *c = client;
    for (size_t i = 0; i < len; i++) {
        if (buf[i] != '\n') {
            if (c->line->len < HMP_MAX_LINE) {
                g_string_append_c(c->line, buf[i]);
            } else {
                c->overlong = true;
            }
            continue;
        }
        if (c->line->len && c->line->str[c->line->len - 1] == '\r') {
            g_string_truncate(c->line, c->line->len - 1);
        }
        if (c->overlong) {
            g_autofree char *msg = g_strdup_printf("line too long (at most %d bytes): "
                                                   "ignored\n", HMP_MAX_LINE);
            send_text(c, msg);
        } else {
            g_autofree char *out = hmp_execute_capture(c->line->str);
            mon_stream_write(c->stream, out, strlen(out));
        }
        g_string_truncate(c->line, 0);
        c->overlong = false;
        mon_stream_write(c->stream, HMP_PROMPT, strlen(HMP_PROMPT));
        return i + 1;                     /* one command per call */
    }
    return len;
}

static void *client_open(MonStream *st, void *opaque)
{
    HmpClient *c = g_new0(HmpClient, 1);
    c->stream = st;
    c->line = g_string_new(NULL);
    send_text(c, HM_MONITOR_PACKAGE " monitor - type 'help' for more information\n");
    mon_stream_write(st, HMP_PROMPT, strlen(HMP_PROMPT));
    return c;
}

static void client_close(MonStream *st, void *client, void *opaque)
{
    HmpClient *c = client;
    g_string_free(c->line, TRUE);
    g_free(c);
}

static const MonServerOps hmp_ops = {
    .protocol = "HMP",
    .max_clients = HMP_MAX_CLIENTS,
    .open = client_open,
    .input = client_input,
    .close = client_close,
};

HmpServer *hmp_server_new(const char *path, int listen_fd, GMainContext *ctx, GError **errp)
{
    HmpServer *s = g_new0(HmpServer, 1);
    s->mon = mon_server_new(path, listen_fd, ctx, &hmp_ops, s, errp);
    if (!s->mon) {
        g_free(s);
        return NULL;
    }
    return s;
}

void hmp_server_free(HmpServer *s)
{
    if (!s) {
        return;
    }
    mon_server_free(s->mon);
    g_free(s);
}
