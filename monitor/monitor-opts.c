/*
 * monitor-opts.c - parsing -qmp and -monitor (QEMU's chardev spellings).
 */
#include "monitor/monitor-opts.h"
#include "hotmem/util.h"

#include <string.h>
#include <sys/un.h>

static const char *opt_name(MonitorProtocol protocol)
{
    return protocol == MONITOR_PROTOCOL_QMP ? "-qmp" : "-monitor";
}

/* QEMU's boolean spellings; returns -1 for anything else */
static int parse_bool(const char *s)
{
    if (!strcmp(s, "on") || !strcmp(s, "yes") || !strcmp(s, "true") || !strcmp(s, "y")) {
        return 1;
    }
    if (!strcmp(s, "off") || !strcmp(s, "no") || !strcmp(s, "false") || !strcmp(s, "n")) {
        return 0;
    }
    return -1;
}

/* Splits at single commas; ",," is a literal comma. */
static GPtrArray *split_opts(const char *s)
{
    GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);
    GString *cur = g_string_new(NULL);
    for (const char *p = s; *p; p++) {
        if (*p == ',' && p[1] == ',') {
            g_string_append_c(cur, ',');
            p++;
        } else if (*p == ',') {
            g_ptr_array_add(parts, g_string_free(cur, FALSE));
            cur = g_string_new(NULL);
        } else {
            g_string_append_c(cur, *p);
        }
    }
    g_ptr_array_add(parts, g_string_free(cur, FALSE));
    return parts;
}

static bool parse_unix(const char *opt, const char *spec, char **path, GError **errp)
{
    g_autoptr(GPtrArray) parts = split_opts(spec);
    const char *p = g_ptr_array_index(parts, 0);
    if (!*p) {
        g_set_error(errp, HM_ERROR, 0, "%s: unix: needs a socket path", opt);
        return false;
    }
    if (strlen(p) >= sizeof(((struct sockaddr_un *)0)->sun_path)) {
        g_set_error(errp, HM_ERROR, 0, "%s: socket path is %zu bytes, at most %zu fit", opt,
                    strlen(p), sizeof(((struct sockaddr_un *)0)->sun_path) - 1);
        return false;
    }
    int server = 0, wait = 1;             /* QEMU's defaults: client, waiting */
    for (guint i = 1; i < parts->len; i++) {
        const char *kv = g_ptr_array_index(parts, i);
        const char *eq = strchr(kv, '=');
        g_autofree char *key = eq ? g_strndup(kv, eq - kv) : g_strdup(kv);
        int val = 1;
        if (eq) {
            val = parse_bool(eq + 1);
        } else if (!strcmp(kv, "nowait")) {
            g_free(key);
            key = g_strdup("wait");
            val = 0;
        } else if (!strcmp(kv, "noserver")) {
            g_free(key);
            key = g_strdup("server");
            val = 0;
        }
        if (strcmp(key, "server") && strcmp(key, "wait")) {
            g_set_error(errp, HM_ERROR, 0,
                        "%s: unknown parameter '%s' (only server=on,wait=off)", opt, key);
            return false;
        }
        if (val < 0) {
            g_set_error(errp, HM_ERROR, 0, "%s: %s takes on or off, not '%s'", opt, key,
                        eq + 1);
            return false;
        }
        *(strcmp(key, "server") ? &wait : &server) = val;
    }
    if (!server || wait) {
        g_set_error(errp, HM_ERROR, 0,
                    "%s: only server=on,wait=off is supported (a listening socket that "
                    "does not wait for a client)", opt);
        return false;
    }
    *path = g_strdup(p);
    return true;
}

bool monitor_config_add(MachineConfig *cfg, MonitorProtocol protocol, const char *arg,
                        GError **errp)
{
    const char *opt = opt_name(protocol);
    char *path = NULL;
    if (cfg->nmonitors >= HM_MAX_MONITORS) {
        g_set_error(errp, HM_ERROR, 0, "%s: at most %d -qmp/-monitor options", opt,
                    HM_MAX_MONITORS);
        return false;
    }
    if (!strcmp(arg, "stdio")) {
        path = NULL;
    } else if (g_str_has_prefix(arg, "unix:")) {
        if (!parse_unix(opt, arg + 5, &path, errp)) {
            return false;
        }
    } else {
        g_set_error(errp, HM_ERROR, 0,
                    "%s: unsupported backend '%s' (unix:PATH,server=on,wait=off or stdio)",
                    opt, arg);
        return false;
    }
    for (unsigned i = 0; path && i < cfg->nmonitors; i++) {
        if (g_strcmp0(cfg->monitors[i].path, path) == 0) {
            g_set_error(errp, HM_ERROR, 0, "%s: socket %s is already used by another monitor",
                        opt, path);
            g_free(path);
            return false;
        }
    }
    cfg->monitors = g_renew(MonitorConfig, cfg->monitors, cfg->nmonitors + 1);
    cfg->monitors[cfg->nmonitors++] = (MonitorConfig){ .protocol = protocol, .path = path };
    return true;
}

bool monitor_config_check(const MachineConfig *cfg, GError **errp)
{
    const MonitorConfig *on_stdio = NULL;
    for (unsigned i = 0; i < cfg->nmonitors; i++) {
        const MonitorConfig *m = &cfg->monitors[i];
        if (m->path) {
            continue;
        }
        if (on_stdio) {
            g_set_error(errp, HM_ERROR, 0, "%s stdio: standard input already has a monitor",
                        opt_name(m->protocol));
            return false;
        }
        on_stdio = m;
    }
    if (on_stdio && cfg->serial == SERIAL_BACKEND_STDIO) {
        g_set_error(errp, HM_ERROR, 0,
                    "%s stdio: the serial port also uses stdio%s; move it with -serial none "
                    "or -serial file:PATH", opt_name(on_stdio->protocol),
                    cfg->serial_given ? "" : " (the default, also with -nographic)");
        return false;
    }
    return true;
}

void monitor_config_clear(MachineConfig *cfg)
{
    for (unsigned i = 0; i < cfg->nmonitors; i++) {
        g_free(cfg->monitors[i].path);
    }
    g_free(cfg->monitors);
    cfg->monitors = NULL;
    cfg->nmonitors = 0;
}
