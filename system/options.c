/*
 * options.c - command-line parsing driven by the table that
 * scripts/hxtool.py generates from qemu-options.hx.
 */
#include "hotmem/options.h"
#include "hotmem/util.h"

#include <string.h>

typedef enum {
#define HM_OPTION(id, name, has_arg, usage, summary) id,
#define HM_OPTION_HEADING(text)
#include "qemu-options.def"
#undef HM_OPTION
#undef HM_OPTION_HEADING
    HM_OPT__COUNT
} OptionId;

typedef struct OptionDesc {
    OptionId id;
    const char *name;
    bool has_arg;
    const char *usage;
    const char *summary;
} OptionDesc;

static const OptionDesc options[] = {
#define HM_OPTION(id, name, has_arg, usage, summary) { id, name, has_arg, usage, summary },
#define HM_OPTION_HEADING(text) { HM_OPT__COUNT, NULL, false, text, NULL },
#include "qemu-options.def"
#undef HM_OPTION
#undef HM_OPTION_HEADING
};

void machine_config_print_help(FILE *out)
{
    fprintf(out, "usage: hotmem [options]\n");
    for (size_t i = 0; i < G_N_ELEMENTS(options); i++) {
        const OptionDesc *o = &options[i];
        if (!o->name) {
            fprintf(out, "\n%s:\n", o->usage);
        } else if (strlen(o->usage) < 30) {
            fprintf(out, "  %-30s %s\n", o->usage, o->summary);
        } else {
            fprintf(out, "  %s\n  %-30s %s\n", o->usage, "", o->summary);
        }
    }
}

static const OptionDesc *find_option(const char *arg)
{
    if (arg[0] != '-' || arg[1] == '\0') {
        return NULL;
    }
    const char *name = arg + 1 + (arg[1] == '-');  /* -opt and --opt */
    for (size_t i = 0; i < G_N_ELEMENTS(options); i++) {
        if (options[i].name && strcmp(options[i].name, name) == 0) {
            return &options[i];
        }
    }
    return NULL;
}

static bool parse_uint(const char *s, unsigned max, unsigned *out)
{
    if (!s || !g_ascii_isdigit(*s)) {
        return false;
    }
    char *end;
    guint64 v = g_ascii_strtoull(s, &end, 10);
    if (*end || v > max) {
        return false;
    }
    *out = (unsigned)v;
    return true;
}

static bool parse_ram(MachineConfig *cfg, const char *arg, GError **errp)
{
    const char *value = g_str_has_prefix(arg, "size=") ? arg + 5 : arg;
    uint64_t size;
    if (!hm_parse_size(value, true, &size)) {
        g_set_error(errp, HM_ERROR, 0, "-m: invalid size '%s'", value);
        return false;
    }
    if (size < HM_MIN_RAM_SIZE || size > HM_MAX_RAM_SIZE) {
        g_set_error(errp, HM_ERROR, 0,
                    "-m: size %s out of range (32M to 1T)", value);
        return false;
    }
    if (size & 0xfffff) {
        g_set_error(errp, HM_ERROR, 0, "-m: size %s is not a multiple of 1 MiB", value);
        return false;
    }
    cfg->ram_size = size;
    return true;
}

static bool parse_smp(MachineConfig *cfg, const char *arg, GError **errp)
{
    unsigned cpus = 0, sockets = 0, cores = 0, threads = 0;
    g_auto(GStrv) parts = g_strsplit(arg, ",", -1);
    for (int i = 0; parts[i]; i++) {
        const char *p = parts[i];
        const char *eq = strchr(p, '=');
        unsigned *dst;
        const char *val;
        if (!eq && i == 0) {
            dst = &cpus;
            val = p;
        } else if (eq) {
            g_autofree char *key = g_strndup(p, eq - p);
            val = eq + 1;
            if (!strcmp(key, "cpus")) {
                dst = &cpus;
            } else if (!strcmp(key, "sockets")) {
                dst = &sockets;
            } else if (!strcmp(key, "cores")) {
                dst = &cores;
            } else if (!strcmp(key, "threads")) {
                dst = &threads;
            } else {
                g_set_error(errp, HM_ERROR, 0, "-smp: unknown parameter '%s'", key);
                return false;
            }
        } else {
            g_set_error(errp, HM_ERROR, 0, "-smp: invalid parameter '%s'", p);
            return false;
        }
        if (!parse_uint(val, HM_MAX_CPUS, dst) || *dst == 0) {
            g_set_error(errp, HM_ERROR, 0, "-smp: invalid value '%s' (1 to %d)",
                        val, HM_MAX_CPUS);
            return false;
        }
    }
    /* Derive what is missing, sockets first (the pc machine's preference). */
    if (!cpus) {
        cpus = (sockets ? sockets : 1) * (cores ? cores : 1) * (threads ? threads : 1);
    }
    if (!threads) {
        threads = 1;
    }
    if (!cores) {
        cores = sockets ? MAX(cpus / (sockets * threads), 1u) : 1;
    }
    if (!sockets) {
        sockets = MAX(cpus / (cores * threads), 1u);
    }
    if (cpus > HM_MAX_CPUS || sockets * cores * threads != cpus) {
        g_set_error(errp, HM_ERROR, 0,
                    "-smp: sockets (%u) * cores (%u) * threads (%u) != cpus (%u)",
                    sockets, cores, threads, cpus);
        return false;
    }
    cfg->ncpus = cpus;
    cfg->sockets = sockets;
    cfg->cores = cores;
    cfg->threads = threads;
    return true;
}

static bool parse_serial(MachineConfig *cfg, const char *arg, GError **errp)
{
    if (!strcmp(arg, "stdio")) {
        cfg->serial = SERIAL_BACKEND_STDIO;
    } else if (!strcmp(arg, "none") || !strcmp(arg, "null")) {
        cfg->serial = SERIAL_BACKEND_NONE;
    } else if (g_str_has_prefix(arg, "file:") && arg[5]) {
        cfg->serial = SERIAL_BACKEND_FILE;
        g_free(cfg->serial_path);
        cfg->serial_path = g_strdup(arg + 5);
    } else {
        g_set_error(errp, HM_ERROR, 0,
                    "-serial: unsupported backend '%s' (stdio, file:PATH or none)", arg);
        return false;
    }
    cfg->serial_given = true;
    return true;
}

static void set_string(char **dst, const char *value)
{
    g_free(*dst);
    *dst = g_strdup(value);
}

static bool apply_option(MachineConfig *cfg, const OptionDesc *o, const char *arg,
                         GError **errp)
{
    switch (o->id) {
    case HM_OPT_H:
    case HM_OPT_HELP:
        cfg->want_help = true;
        return true;
    case HM_OPT_VERSION:
        cfg->want_version = true;
        return true;
    case HM_OPT_NAME:
        if (!*arg || strlen(arg) > HM_MAX_NAME) {
            g_set_error(errp, HM_ERROR, 0, "-name: must be 1 to %d characters",
                        HM_MAX_NAME);
            return false;
        }
        for (const char *p = arg; *p; p++) {
            if (!g_ascii_isprint(*p)) {
                g_set_error(errp, HM_ERROR, 0, "-name: non-printable character");
                return false;
            }
        }
        set_string(&cfg->name, arg);
        return true;
    case HM_OPT_M:
        return parse_ram(cfg, arg, errp);
    case HM_OPT_SMP:
        return parse_smp(cfg, arg, errp);
    case HM_OPT_BIOS:
        set_string(&cfg->bios, arg);
        return true;
    case HM_OPT_NO_REBOOT:
        cfg->no_reboot = true;
        return true;
    case HM_OPT_KERNEL:
        set_string(&cfg->kernel, arg);
        return true;
    case HM_OPT_INITRD:
        set_string(&cfg->initrd, arg);
        return true;
    case HM_OPT_APPEND:
        if (strlen(arg) > HM_MAX_CMDLINE) {
            g_set_error(errp, HM_ERROR, 0, "-append: command line longer than %d bytes",
                        HM_MAX_CMDLINE);
            return false;
        }
        set_string(&cfg->append, arg);
        return true;
    case HM_OPT_NOGRAPHIC:
        cfg->nographic = true;
        return true;
    case HM_OPT_DISPLAY:
        if (strcmp(arg, "none") != 0) {
            g_set_error(errp, HM_ERROR, 0,
                        "-display: unsupported display '%s' (only 'none')", arg);
            return false;
        }
        return true;
    case HM_OPT_SERIAL:
        return parse_serial(cfg, arg, errp);
    default:
        break;
    }
    g_set_error(errp, HM_ERROR, 0, "option -%s is not implemented", o->name);
    return false;
}

bool machine_config_parse(MachineConfig *cfg, int argc, char **argv, GError **errp)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->ram_size = HM_DEFAULT_RAM_SIZE;
    cfg->ncpus = cfg->sockets = cfg->cores = cfg->threads = 1;
    cfg->serial = SERIAL_BACKEND_STDIO;

    for (int i = 1; i < argc; i++) {
        const OptionDesc *o = find_option(argv[i]);
        if (!o) {
            g_set_error(errp, HM_ERROR, 0, "unknown option '%s' (see -h)", argv[i]);
            return false;
        }
        const char *arg = NULL;
        if (o->has_arg) {
            if (i + 1 >= argc) {
                g_set_error(errp, HM_ERROR, 0, "option -%s needs an argument", o->name);
                return false;
            }
            arg = argv[++i];
        }
        if (!apply_option(cfg, o, arg, errp)) {
            return false;
        }
    }
    if (cfg->initrd && !cfg->kernel) {
        g_set_error(errp, HM_ERROR, 0, "-initrd needs -kernel");
        return false;
    }
    if (cfg->append && !cfg->kernel) {
        g_set_error(errp, HM_ERROR, 0, "-append needs -kernel");
        return false;
    }
    return true;
}

void machine_config_clear(MachineConfig *cfg)
{
    g_free(cfg->kernel);
    g_free(cfg->initrd);
    g_free(cfg->append);
    g_free(cfg->bios);
    g_free(cfg->name);
    g_free(cfg->serial_path);
    memset(cfg, 0, sizeof(*cfg));
}
