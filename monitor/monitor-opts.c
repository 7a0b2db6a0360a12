/*
 * monitor-opts.c - parsing -qmp and -monitor (QEMU's chardev spellings), and
 * -chardev socket with -mon, as libvirt connects its monitor.
 */
#include "monitor/monitor-opts.h"
#include "hotmem/keyval.h"
#include "hotmem/util.h"
#include "hw/memory-rules.h"
#include "monitor/qapi-runtime.h"
#include "monitor/stream.h"
#include "qapi-generated.h"

#include <inttypes.h>
#include <limits.h>
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

/* QEMU's QemuOpts spelling (bare "server", "nowait") read by the generated
 * visitor; NULL with errp set, prefixed with opt. */
static JsonNode *opts_node(const char *opt, const char *arg, const char *implied,
                           GError **errp)
{
    JsonObject *kv = keyval_parse(arg, implied, KEYVAL_BARE_FLAGS, errp);
    if (!kv) {
        g_prefix_error(errp, "%s: ", opt);
        return NULL;
    }
    JsonNode *n = json_node_alloc();
    json_node_take_object(json_node_init(n, JSON_NODE_OBJECT), kv);
    return n;
}

#define OPTS_READ(type, opt, node, out, errp) ({                              \
        QapiIn in_;                                                           \
        qapi_in_init(&in_, true);                                             \
        in_.cli = true;                                                       \
        bool ok_ = qapi_unmarshal_##type(&in_, node, NULL, out, errp);        \
        qapi_in_cleanup(&in_);                                                \
        if (!ok_) {                                                           \
            g_prefix_error(errp, "%s: ", opt);                                \
        }                                                                     \
        ok_;                                                                  \
    })

static const ChardevConfig *find_chardev(const MachineConfig *cfg, const char *id)
{
    for (unsigned i = 0; i < cfg->nchardevs; i++) {
        if (!strcmp(cfg->chardevs[i].id, id)) {
            return &cfg->chardevs[i];
        }
    }
    return NULL;
}

static bool check_chardev(const MachineConfig *cfg, const ChardevOptions *o, GError **errp)
{
    struct sockaddr_un sun;
    if (!mem_rule_id(o->id, MEM_OBJECT_ID_MAX, errp)) {
        g_prefix_error(errp, "-chardev: ");
        return false;
    }
    if (find_chardev(cfg, o->id)) {
        g_set_error(errp, HM_ERROR, 0, "-chardev: Duplicate ID '%s' for chardev", o->id);
        return false;
    }
    if (!!o->path == o->has_fd) {
        g_set_error(errp, HM_ERROR, 0, "-chardev %s: socket needs either path= or fd=",
                    o->id);
        return false;
    }
    if (!o->has_server || !o->server || !o->has_wait || o->wait) {
        g_set_error(errp, HM_ERROR, 0, "-chardev %s: only server=on,wait=off is supported "
                    "(a listening socket that does not wait for a client)", o->id);
        return false;
    }
    if (o->path && (!*o->path || strlen(o->path) >= sizeof(sun.sun_path))) {
        g_set_error(errp, HM_ERROR, 0, "-chardev %s: socket path is %zu bytes, 1 to %zu fit",
                    o->id, strlen(o->path), sizeof(sun.sun_path) - 1);
        return false;
    }
    for (unsigned i = 0; o->has_fd && i < cfg->nchardevs; i++) {
        if (cfg->chardevs[i].fd == o->fd) {
            g_set_error(errp, HM_ERROR, 0, "-chardev %s: fd %" PRId64 " is already chardev "
                        "'%s'", o->id, o->fd, cfg->chardevs[i].id);
            return false;
        }
    }
    if (o->has_fd && (o->fd < 0 || o->fd > INT_MAX || !mon_listen_fd_check(o->fd, errp))) {
        if (errp && !*errp) {
            g_set_error(errp, HM_ERROR, 0, "fd %" PRId64 " is not a file descriptor", o->fd);
        }
        g_prefix_error(errp, "-chardev %s: ", o->id);
        return false;
    }
    return true;
}

bool monitor_chardev_add(MachineConfig *cfg, const char *arg, GError **errp)
{
    if (cfg->nchardevs >= HM_MAX_MONITORS) {
        g_set_error(errp, HM_ERROR, 0, "-chardev: at most %d", HM_MAX_MONITORS);
        return false;
    }
    g_autoptr(JsonNode) n = opts_node("-chardev", arg, "backend", errp);
    if (!n) {
        return false;
    }
    JsonObject *kv = json_node_get_object(n);
    const char *backend = json_object_has_member(kv, "backend") ?
                          json_object_get_string_member(kv, "backend") : "";
    if (strcmp(backend, "socket")) {
        /* QEMU's text; hotmem's monitors are its only character devices */
        g_set_error(errp, HM_ERROR, 0, "-chardev: '%s' is not a valid char driver name "
                    "(hotmem has only socket, for -mon)", backend);
        return false;
    }
    g_autoptr(ChardevOptions) o = NULL;
    if (!OPTS_READ(ChardevOptions, "-chardev", n, &o, errp) || !check_chardev(cfg, o, errp)) {
        return false;
    }
    cfg->chardevs = g_renew(ChardevConfig, cfg->chardevs, cfg->nchardevs + 1);
    cfg->chardevs[cfg->nchardevs++] = (ChardevConfig){
        .id = g_steal_pointer(&o->id),
        .path = g_steal_pointer(&o->path),
        .fd = o->has_fd ? (int)o->fd : -1,
    };
    return true;
}

bool monitor_mon_add(MachineConfig *cfg, const char *arg, GError **errp)
{
    if (cfg->nmonitors >= HM_MAX_MONITORS) {
        g_set_error(errp, HM_ERROR, 0, "-mon: at most %d -qmp/-monitor/-mon options",
                    HM_MAX_MONITORS);
        return false;
    }
    g_autoptr(JsonNode) n = opts_node("-mon", arg, "chardev", errp);
    g_autoptr(MonOptions) o = NULL;
    if (!n || !OPTS_READ(MonOptions, "-mon", n, &o, errp)) {
        return false;
    }
    /* QEMU's default is the human monitor */
    const char *mode = o->mode ? o->mode : "readline";
    if (strcmp(mode, "control") && strcmp(mode, "readline")) {
        g_set_error(errp, HM_ERROR, 0, "-mon: mode '%s' is not control or readline", mode);
        return false;
    }
    if (o->has_pretty && o->pretty) {
        g_set_error(errp, HM_ERROR, 0, "-mon: pretty=on is not supported");
        return false;
    }
    cfg->monitors = g_renew(MonitorConfig, cfg->monitors, cfg->nmonitors + 1);
    cfg->monitors[cfg->nmonitors++] = (MonitorConfig){
        .protocol = strcmp(mode, "control") ? MONITOR_PROTOCOL_HMP : MONITOR_PROTOCOL_QMP,
        .chardev = g_steal_pointer(&o->chardev),
    };
    return true;
}

/* Gives every -mon its chardev's socket: each chardev serves one monitor,
 * and each must serve one (hotmem has no other character devices). */
static bool resolve_chardevs(MachineConfig *cfg, GError **errp)
{
    g_autofree bool *used = g_new0(bool, cfg->nchardevs + 1);
    for (unsigned i = 0; i < cfg->nmonitors; i++) {
        MonitorConfig *m = &cfg->monitors[i];
        if (!m->chardev) {
            continue;
        }
        const ChardevConfig *c = find_chardev(cfg, m->chardev);
        if (!c) {
            g_set_error(errp, HM_ERROR, 0, "-mon: chardev \"%s\" not found", m->chardev);
            return false;
        }
        if (used[c - cfg->chardevs]) {
            g_set_error(errp, HM_ERROR, 0, "-mon: chardev \"%s\" is already used by another "
                        "monitor", m->chardev);
            return false;
        }
        used[c - cfg->chardevs] = true;
        g_free(m->path);
        m->path = g_strdup(c->path);
        m->has_fd = c->fd >= 0;
        m->fd = c->fd;
    }
    for (unsigned i = 0; i < cfg->nchardevs; i++) {
        if (!used[i]) {
            g_set_error(errp, HM_ERROR, 0, "-chardev %s: not used by any -mon (hotmem's "
                        "character devices are only for monitors)", cfg->chardevs[i].id);
            return false;
        }
    }
    for (unsigned i = 0; i < cfg->nmonitors; i++) {
        for (unsigned j = 0; cfg->monitors[i].path && j < i; j++) {
            if (!g_strcmp0(cfg->monitors[i].path, cfg->monitors[j].path)) {
                g_set_error(errp, HM_ERROR, 0, "socket %s is used by two monitors",
                            cfg->monitors[i].path);
                return false;
            }
        }
    }
    return true;
}

bool monitor_config_check(MachineConfig *cfg, GError **errp)
{
    const MonitorConfig *on_stdio = NULL;
    if (!resolve_chardevs(cfg, errp)) {
        return false;
    }
    for (unsigned i = 0; i < cfg->nmonitors; i++) {
        const MonitorConfig *m = &cfg->monitors[i];
        if (m->path || m->has_fd) {
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
        g_free(cfg->monitors[i].chardev);
    }
    for (unsigned i = 0; i < cfg->nchardevs; i++) {
        g_free(cfg->chardevs[i].id);
        g_free(cfg->chardevs[i].path);
    }
    g_free(cfg->chardevs);
    cfg->chardevs = NULL;
    cfg->nchardevs = 0;
    g_free(cfg->monitors);
    cfg->monitors = NULL;
    cfg->nmonitors = 0;
}
