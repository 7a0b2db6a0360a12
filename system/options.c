/*
 * options.c - command-line parsing driven by the table that
 * scripts/hxtool.py generates from qemu-options.hx.
 */
#include "hotmem/options.h"
#include "hotmem/util.h"
#include "hw/hotmem-pc.h"
#include "monitor/monitor-opts.h"

#include <string.h>

G_STATIC_ASSERT(HM_MAX_CPUS <= 64);              /* NumaNodeConfig.cpus is a u64 */
G_STATIC_ASSERT(HM_MAX_DIMM_SLOTS == HM_MEMHP_MAX_SLOTS);

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

/* "1G", "640M" or a byte count, for messages about computed sizes. */
static char *size_str(uint64_t v)
{
    if (v && !(v & ((1ULL << 30) - 1))) {
        return g_strdup_printf("%" PRIu64 "G", v >> 30);
    }
    if (v && !(v & ((1ULL << 20) - 1))) {
        return g_strdup_printf("%" PRIu64 "M", v >> 20);
    }
    return g_strdup_printf("%" PRIu64, v);
}

/* Splits "KEY=VALUE" (or a bare VALUE for the first part when implied_key
 * is given); returns false for a part without '='. */
static bool split_param(const char *part, bool first, const char *implied_key,
                        char **key, const char **value)
{
    const char *eq = strchr(part, '=');
    if (!eq) {
        if (!first || !implied_key) {
            return false;
        }
        *key = g_strdup(implied_key);
        *value = part;
        return true;
    }
    *key = g_strndup(part, eq - part);
    *value = eq + 1;
    return true;
}

static bool parse_ram_size(const char *value, uint64_t *size, GError **errp)
{
    if (!hm_parse_size(value, true, size)) {
        g_set_error(errp, HM_ERROR, 0, "-m: invalid size '%s'", value);
        return false;
    }
    if (*size < HM_MIN_RAM_SIZE || *size > HM_MAX_RAM_SIZE) {
        g_set_error(errp, HM_ERROR, 0,
                    "-m: size %s out of range (32M to 1T)", value);
        return false;
    }
    if (*size & 0xfffff) {
        g_set_error(errp, HM_ERROR, 0, "-m: size %s is not a multiple of 1 MiB", value);
        return false;
    }
    return true;
}

/* -m [size=]SIZE[,slots=N][,maxmem=SIZE]; every -m replaces the previous one. */
static bool parse_ram(MachineConfig *cfg, const char *arg, GError **errp)
{
    uint64_t size = 0, maxmem = 0;
    unsigned slots = 0;
    bool have_size = false;
    g_auto(GStrv) parts = g_strsplit(arg, ",", -1);
    for (int i = 0; parts[i]; i++) {
        g_autofree char *key = NULL;
        const char *val;
        if (!split_param(parts[i], i == 0, "size", &key, &val)) {
            g_set_error(errp, HM_ERROR, 0, "-m: invalid parameter '%s'", parts[i]);
            return false;
        }
        if (!strcmp(key, "size")) {
            if (!parse_ram_size(val, &size, errp)) {
                return false;
            }
            have_size = true;
        } else if (!strcmp(key, "slots")) {
            if (!parse_uint(val, HM_MAX_DIMM_SLOTS, &slots)) {
                g_set_error(errp, HM_ERROR, 0, "-m: invalid slots '%s' (0 to %d)", val,
                            HM_MAX_DIMM_SLOTS);
                return false;
            }
        } else if (!strcmp(key, "maxmem")) {
            if (!hm_parse_size(val, true, &maxmem) || maxmem == 0) {
                g_set_error(errp, HM_ERROR, 0, "-m: invalid maxmem '%s'", val);
                return false;
            }
        } else {
            g_set_error(errp, HM_ERROR, 0, "-m: unknown parameter '%s'", key);
            return false;
        }
    }
    if (!have_size) {
        g_set_error(errp, HM_ERROR, 0, "-m: missing size in '%s'", arg);
        return false;
    }
    if (maxmem && maxmem < size) {
        g_autofree char *m = size_str(maxmem), *r = size_str(size);
        g_set_error(errp, HM_ERROR, 0, "-m: maxmem %s is less than size %s", m, r);
        return false;
    }
    cfg->ram_size = size;
    cfg->maxmem = maxmem;
    cfg->extra_slots = slots;
    return true;
}

static bool valid_dimm_id(const char *id)
{
    if (!g_ascii_isalpha(id[0]) || strlen(id) > HM_MAX_DIMM_ID) {
        return false;
    }
    for (const char *p = id; *p; p++) {
        if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_' && *p != '.') {
            return false;
        }
    }
    return true;
}

/* -dimm id=NAME[,size=SIZE][,node=N][,populated=on|off] */
static bool parse_dimm(MachineConfig *cfg, const char *arg, GError **errp)
{
    g_autofree char *id = NULL;
    uint64_t size = 1ULL << 30;
    unsigned node = 0;
    bool populated = false;
    g_auto(GStrv) parts = g_strsplit(arg, ",", -1);
    for (int i = 0; parts[i]; i++) {
        g_autofree char *key = NULL;
        const char *val;
        if (!split_param(parts[i], i == 0, NULL, &key, &val)) {
            g_set_error(errp, HM_ERROR, 0, "-dimm: invalid parameter '%s' (KEY=VALUE)",
                        parts[i]);
            return false;
        }
        if (!strcmp(key, "id")) {
            if (!valid_dimm_id(val)) {
                g_set_error(errp, HM_ERROR, 0,
                            "-dimm: invalid id '%s' (a letter, then letters, digits, '-', "
                            "'_' or '.'; at most %d characters)", val, HM_MAX_DIMM_ID);
                return false;
            }
            g_free(id);
            id = g_strdup(val);
        } else if (!strcmp(key, "size")) {
            if (!hm_parse_size(val, true, &size)) {
                g_set_error(errp, HM_ERROR, 0, "-dimm: invalid size '%s'", val);
                return false;
            }
            if (size == 0) {
                g_set_error(errp, HM_ERROR, 0, "-dimm: size %s: a DIMM cannot be empty", val);
                return false;
            }
            if (size % HM_DIMM_SIZE_UNIT) {
                g_set_error(errp, HM_ERROR, 0,
                            "-dimm: size %s is not a multiple of 128 MiB", val);
                return false;
            }
            if (size > HM_MAX_DIMM_SIZE) {
                g_set_error(errp, HM_ERROR, 0, "-dimm: size %s is above the limit 1T", val);
                return false;
            }
        } else if (!strcmp(key, "node")) {
            if (!parse_uint(val, HM_MAX_NUMA_NODES - 1, &node)) {
                g_set_error(errp, HM_ERROR, 0, "-dimm: invalid node '%s' (0 to %d)", val,
                            HM_MAX_NUMA_NODES - 1);
                return false;
            }
        } else if (!strcmp(key, "populated")) {
            if (!strcmp(val, "on")) {
                populated = true;
            } else if (!strcmp(val, "off")) {
                populated = false;
            } else {
                g_set_error(errp, HM_ERROR, 0,
                            "-dimm: populated must be 'on' or 'off', not '%s'", val);
                return false;
            }
        } else {
            g_set_error(errp, HM_ERROR, 0, "-dimm: unknown parameter '%s'", key);
            return false;
        }
    }
    if (!id) {
        g_set_error(errp, HM_ERROR, 0, "-dimm: missing id= in '%s'", arg);
        return false;
    }
    for (unsigned i = 0; i < cfg->ndimms; i++) {
        if (!strcmp(cfg->dimms[i].id, id)) {
            g_set_error(errp, HM_ERROR, 0, "-dimm: duplicate id '%s'", id);
            return false;
        }
    }
    if (cfg->ndimms >= HM_MAX_DIMM_SLOTS) {
        g_set_error(errp, HM_ERROR, 0, "-dimm %s: more than %d DIMM slots", id,
                    HM_MAX_DIMM_SLOTS);
        return false;
    }
    cfg->dimms = g_renew(DimmConfig, cfg->dimms, cfg->ndimms + 1);
    cfg->dimms[cfg->ndimms++] = (DimmConfig){
        .id = g_steal_pointer(&id), .size = size, .node = node, .populated = populated,
    };
    return true;
}

/* "A" or "A-B" into a CPU mask; the -smp range is checked after parsing. */
static bool parse_cpu_range(const char *val, uint64_t *mask)
{
    g_auto(GStrv) ends = g_strsplit(val, "-", 3);
    unsigned a, b;
    if (!ends[0] || !parse_uint(ends[0], HM_MAX_CPUS - 1, &a)) {
        return false;
    }
    b = a;
    if (ends[1] && (ends[2] || !parse_uint(ends[1], HM_MAX_CPUS - 1, &b) || b < a)) {
        return false;
    }
    for (unsigned i = a; i <= b; i++) {
        *mask |= 1ULL << i;
    }
    return true;
}

/* -numa node[,nodeid=N][,cpus=A[-B]]...[,mem=SIZE] */
static bool parse_numa(MachineConfig *cfg, const char *arg, GError **errp)
{
    g_auto(GStrv) parts = g_strsplit(arg, ",", -1);
    if (!parts[0] || strcmp(parts[0], "node") != 0) {
        g_set_error(errp, HM_ERROR, 0, "-numa: only 'node' is supported, not '%s'", arg);
        return false;
    }
    /* without nodeid= the node takes the next number, as in QEMU */
    unsigned nodeid = 0;
    while (nodeid < HM_MAX_NUMA_NODES && cfg->numa[nodeid].given) {
        nodeid++;
    }
    NumaNodeConfig n = { .given = true };
    for (int i = 1; parts[i]; i++) {
        g_autofree char *key = NULL;
        const char *val;
        if (!split_param(parts[i], false, NULL, &key, &val)) {
            g_set_error(errp, HM_ERROR, 0, "-numa: invalid parameter '%s' (KEY=VALUE)",
                        parts[i]);
            return false;
        }
        if (!strcmp(key, "nodeid")) {
            if (!parse_uint(val, HM_MAX_NUMA_NODES - 1, &nodeid)) {
                g_set_error(errp, HM_ERROR, 0, "-numa: invalid nodeid '%s' (0 to %d)", val,
                            HM_MAX_NUMA_NODES - 1);
                return false;
            }
        } else if (!strcmp(key, "cpus")) {
            if (!parse_cpu_range(val, &n.cpus)) {
                g_set_error(errp, HM_ERROR, 0,
                            "-numa: invalid cpus '%s' (A or A-B, CPUs 0 to %d)", val,
                            HM_MAX_CPUS - 1);
                return false;
            }
        } else if (!strcmp(key, "mem")) {
            if (!hm_parse_size(val, true, &n.mem) || n.mem > HM_MAX_RAM_SIZE) {
                g_set_error(errp, HM_ERROR, 0, "-numa: invalid mem '%s'", val);
                return false;
            }
            n.has_mem = true;
        } else {
            g_set_error(errp, HM_ERROR, 0, "-numa: unknown parameter '%s'", key);
            return false;
        }
    }
    if (nodeid >= HM_MAX_NUMA_NODES) {
        g_set_error(errp, HM_ERROR, 0, "-numa: more than %d nodes", HM_MAX_NUMA_NODES);
        return false;
    }
    if (cfg->numa[nodeid].given) {
        g_set_error(errp, HM_ERROR, 0, "-numa: node %u given twice", nodeid);
        return false;
    }
    for (unsigned i = 0; i < HM_MAX_NUMA_NODES; i++) {
        uint64_t both = cfg->numa[i].cpus & n.cpus;
        if (both) {
            g_set_error(errp, HM_ERROR, 0, "-numa: CPU %d is in node %u and node %u",
                        __builtin_ctzll(both), i, nodeid);
            return false;
        }
    }
    cfg->numa[nodeid] = n;
    cfg->numa_given = true;
    return true;
}

/* Cross-option checks and derived values, once every option is known. */
static bool resolve_numa(MachineConfig *cfg, GError **errp)
{
    unsigned count = 0, top = 0, with_mem = 0;
    uint64_t mem_sum = 0;
    uint64_t all_cpus = cfg->ncpus >= 64 ? ~0ULL : (1ULL << cfg->ncpus) - 1;
    for (unsigned i = 0; i < HM_MAX_NUMA_NODES; i++) {
        const NumaNodeConfig *n = &cfg->numa[i];
        if (!n->given) {
            continue;
        }
        count++;
        top = i;
        if (n->cpus & ~all_cpus) {
            g_set_error(errp, HM_ERROR, 0,
                        "-numa: node %u: cpus %d out of range (-smp %u: CPUs 0-%u)", i,
                        63 - __builtin_clzll(n->cpus), cfg->ncpus, cfg->ncpus - 1);
            return false;
        }
        if (n->has_mem) {
            with_mem++;
            mem_sum += n->mem;
        }
    }
    if (!cfg->numa_given) {
        cfg->nnodes = 1;
        cfg->node_mem[0] = cfg->ram_size;
        memset(cfg->cpu_node, 0, sizeof(cfg->cpu_node));
        return true;
    }
    if (count != top + 1) {
        for (unsigned i = 0; i < top; i++) {
            if (!cfg->numa[i].given) {
                g_set_error(errp, HM_ERROR, 0,
                            "-numa: node ids must be dense from 0: node %u is missing", i);
                return false;
            }
        }
    }
    cfg->nnodes = count;
    if (with_mem && with_mem != count) {
        g_set_error(errp, HM_ERROR, 0, "-numa: mem= must be given for every node or none");
        return false;
    }
    if (with_mem) {
        if (mem_sum != cfg->ram_size) {
            g_autofree char *s = size_str(mem_sum), *r = size_str(cfg->ram_size);
            g_set_error(errp, HM_ERROR, 0, "-numa: mem= values sum to %s, but -m is %s", s,
                        r);
            return false;
        }
        for (unsigned i = 0; i < count; i++) {
            cfg->node_mem[i] = cfg->numa[i].mem;
        }
    } else {
        /* even split in 8 MiB units, the remainder in the last node (QEMU's rule) */
        uint64_t share = (cfg->ram_size / count) & ~((8ULL << 20) - 1);
        for (unsigned i = 0; i < count; i++) {
            cfg->node_mem[i] = i + 1 < count ? share : cfg->ram_size - share * (count - 1);
        }
    }
    for (unsigned c = 0; c < cfg->ncpus; c++) {
        cfg->cpu_node[c] = 0;               /* CPUs no node names: node 0 */
        for (unsigned i = 0; i < count; i++) {
            if (cfg->numa[i].cpus & (1ULL << c)) {
                cfg->cpu_node[c] = i;
            }
        }
    }
    return true;
}

static bool check_dimms(MachineConfig *cfg, GError **errp)
{
    uint64_t dimm_sum = 0;
    for (unsigned i = 0; i < cfg->ndimms; i++) {
        const DimmConfig *d = &cfg->dimms[i];
        if (d->node >= cfg->nnodes) {
            if (cfg->numa_given) {
                g_set_error(errp, HM_ERROR, 0,
                            "-dimm %s: node=%u has no matching -numa node (nodes 0-%u)",
                            d->id, d->node, cfg->nnodes - 1);
            } else {
                g_set_error(errp, HM_ERROR, 0,
                            "-dimm %s: node=%u has no matching -numa node (only node 0 "
                            "exists without -numa)", d->id, d->node);
            }
            return false;
        }
        dimm_sum += d->size;
    }
    if (cfg->ndimms + cfg->extra_slots > HM_MAX_DIMM_SLOTS) {
        g_set_error(errp, HM_ERROR, 0,
                    "-m: slots=%u plus %u -dimm slots is more than %d slots",
                    cfg->extra_slots, cfg->ndimms, HM_MAX_DIMM_SLOTS);
        return false;
    }
    if (cfg->extra_slots && !cfg->maxmem) {
        g_set_error(errp, HM_ERROR, 0, "-m: slots=%u needs maxmem=SIZE", cfg->extra_slots);
        return false;
    }
    /* dimm_sum <= 256 TiB and ram_size <= 1 TiB: no overflow */
    if (cfg->maxmem && cfg->ram_size + dimm_sum > cfg->maxmem) {
        g_autofree char *r = size_str(cfg->ram_size), *d = size_str(dimm_sum);
        g_autofree char *m = size_str(cfg->maxmem);
        g_set_error(errp, HM_ERROR, 0,
                    "-dimm: RAM %s plus DIMMs %s is beyond -m maxmem=%s", r, d, m);
        return false;
    }
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
    case HM_OPT_DIMM:
        return parse_dimm(cfg, arg, errp);
    case HM_OPT_NUMA:
        return parse_numa(cfg, arg, errp);
    case HM_OPT_DEVICE:
        if (cfg->ndevices >= HM_MAX_DEVICES) {
            g_set_error(errp, HM_ERROR, 0, "-device: more than %d devices", HM_MAX_DEVICES);
            return false;
        }
        cfg->devices = g_renew(char *, cfg->devices, cfg->ndevices + 1);
        cfg->devices[cfg->ndevices++] = g_strdup(arg);
        return true;
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
    case HM_OPT_QMP:
        return monitor_config_add(cfg, MONITOR_PROTOCOL_QMP, arg, errp);
    case HM_OPT_MONITOR:
        return monitor_config_add(cfg, MONITOR_PROTOCOL_HMP, arg, errp);
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
    if (!monitor_config_check(cfg, errp)) {
        return false;
    }
    return resolve_numa(cfg, errp) && check_dimms(cfg, errp);
}

void machine_config_clear(MachineConfig *cfg)
{
    for (unsigned i = 0; i < cfg->ndimms; i++) {
        g_free(cfg->dimms[i].id);
    }
    g_free(cfg->dimms);
    for (unsigned i = 0; i < cfg->ndevices; i++) {
        g_free(cfg->devices[i]);
    }
    g_free(cfg->devices);
    g_free(cfg->kernel);
    g_free(cfg->initrd);
    g_free(cfg->append);
    g_free(cfg->bios);
    g_free(cfg->name);
    g_free(cfg->serial_path);
    monitor_config_clear(cfg);
    memset(cfg, 0, sizeof(*cfg));
}
