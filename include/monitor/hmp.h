/*
 * hmp.h - the human monitor: command table generated from hmp-commands.hx,
 * argument parsing, execution into a text buffer, and the HMP server.
 */
#ifndef MONITOR_HMP_H
#define MONITOR_HMP_H

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdbool.h>

/* Where a command prints. */
typedef struct HmpContext {
    GString *out;
} HmpContext;

void hmp_printf(HmpContext *hmp, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* Prints "Error: MESSAGE" and frees err (no-op for NULL). */
void hmp_report_error(HmpContext *hmp, GError *err);

typedef void (*HmpHandler)(HmpContext *hmp, JsonObject *args);

#define HMP_NOLOCK 0x1u

typedef struct HmpCommand {
    bool is_info;             /* an 'info' subcommand */
    const char *name;
    const char *args_type;
    const char *params;
    const char *help;
    HmpHandler handler;
    unsigned flags;
} HmpCommand;

extern const HmpCommand hmp_commands[];
extern const size_t hmp_commands_count;

const HmpCommand *hmp_command_find(const char *name, bool is_info);

/*
 * Parses the arguments after the command name by its args_type into an
 * object (all values are strings except 'i', an integer). *p advances.
 * On error the text is QEMU's ("device_del: string expected").
 */
JsonObject *hmp_parse_args(const HmpCommand *cmd, const char **p, GError **errp);

/* Runs one command line; output (and errors) go to hmp->out. */
void hmp_execute(HmpContext *hmp, const char *line);
/* The same, returning the text with "\r\n" line ends, as QEMU's monitor
 * prints (human-monitor-command). */
char *hmp_execute_capture(const char *line);

/* ------------------------------------------------------------ server */

typedef struct HmpServer HmpServer;

#define HMP_MAX_LINE 4096
#define HMP_MAX_CLIENTS 16          /* connections to one -monitor socket */
#define HMP_PROMPT "(qemu) "

/* path NULL: listen_fd (a listening socket to adopt), or with -1 stdin/stdout. */
HmpServer *hmp_server_new(const char *path, int listen_fd, GMainContext *ctx, GError **errp);
void hmp_server_free(HmpServer *s);

/* Command handlers (monitor/hmp-cmds.c), declared from the table. */
#define HMP_COMMAND(is_info_, name_, args_type_, params_, help_, handler_, flags_) \
    void handler_(HmpContext *hmp, JsonObject *args);
#include "hmp-commands.def"
#undef HMP_COMMAND

#endif
