/*
 * monitor-opts.c - parsing -qmp and -monitor (QEMU's chardev spellings).
 */
#include "monitor/monitor-opts.h"
#include "hotmem/keyval.h"
#include "hotmem/util.h"

#include <string.h>
#include <sys/un.h>

static const char *opt_name(MonitorProtocol protocol)
{
    return protocol == MONITOR_PROTOCOL_QMP ? "-qmp" : "-monitor";
}

static bool parse_unix(const char *opt, const char *spec, char **path, GError **errp)
{
    /* QEMU's spelling: unix:PATH,server=on,wait=off (and the legacy
     * "server,nowait") */
    JsonObject *kv = keyval_parse(spec, "path", KEYVAL_BARE_FLAGS, errp);
    if (!kv) {
        g_prefix_error(errp, "%s: ", opt);
        return false;
    }
    bool ok = false, server = false, wait = true;   /* QEMU's defaults: client, waiting */
    /* "unix:a=b" has no path member: the first element held a key */
    const char *p = json_object_has_member(kv, "path") ?
                    json_object_get_string_member(kv, "path") : "";
    JsonObjectIter it;
    const char *key;
    JsonNode *val;
    json_object_iter_init_ordered(&it, kv);
    while (json_object_iter_next_ordered(&it, &key, &val)) {
        const char *v = json_node_get_string(val);
        if (!strcmp(key, "path")) {
            continue;
        }
        if (strcmp(key, "server") && strcmp(key, "wait")) {
            g_set_error(errp, HM_ERROR, 0,
                        "%s: unknown parameter '%s' (only server=on,wait=off)", opt, key);
            goto out;
        }
        if (!keyval_parse_bool(v, !strcmp(key, "server") ? &server : &wait)) {
            g_set_error(errp, HM_ERROR, 0, "%s: %s takes on or off, not '%s'", opt, key, v);
            goto out;
        }
    }
    if (!*p) {
        g_set_error(errp, HM_ERROR, 0, "%s: unix: needs a socket path", opt);
    } else if (strlen(p) >= sizeof(((struct sockaddr_un *)0)->sun_path)) {
        g_set_error(errp, HM_ERROR, 0, "%s: socket path is %zu bytes, at most %zu fit", opt,
                    strlen(p), sizeof(((struct sockaddr_un *)0)->sun_path) - 1);
    } else if (!server || wait) {
        g_set_error(errp, HM_ERROR, 0,
                    "%s: only server=on,wait=off is supported (a listening socket that "
                    "does not wait for a client)", opt);
    } else {
        *path = g_strdup(p);
        ok = true;
    }
out:
    json_object_unref(kv);
    return ok;
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
