/*
 * options.c - command-line parsing driven by the table that
 * scripts/hxtool.py generates from qemu-options.hx.
 */
#include "hotmem/options.h"
#include "hotmem/keyval.h"
#include "hotmem/util.h"
#include "hw/hotmem-pc.h"
#include "hw/memory-rules.h"
#include "migration/transport.h"
#include "monitor/monitor-opts.h"
#include "monitor/qapi-runtime.h"
#include "qapi-generated.h"

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

/* ---- sub-options: the key=value grammar, read by the generated code ---- */

/*
 * Splits arg with the key=value grammar (util/keyval.c) into a JSON object
 * for the generated visitor in keyval mode. A size given without a suffix
 * in one of the mib keys is in MiB, as QEMU's -m and -numa mem= are.
 */
static JsonNode *cli_keyval(const char *arg, const char *implied, const char *const *mib,
                            GError **errp)
{
    JsonObject *kv = keyval_parse(arg, implied, 0, errp);
    if (!kv) {
        return NULL;
    }
    for (const char *const *k = mib; k && *k; k++) {
        const char *v = json_object_has_member(kv, *k) ?
                        json_object_get_string_member(kv, *k) : NULL;
        if (v && *v && strspn(v, "0123456789") == strlen(v)) {
            g_autofree char *with_unit = g_strconcat(v, "M", NULL);
            json_object_set_string_member(kv, *k, with_unit);
        }
    }
    JsonNode *n = json_node_alloc();
    json_node_take_object(json_node_init(n, JSON_NODE_OBJECT), kv);
    return n;
}

static void cli_in_init(QapiIn *in)
{
    qapi_in_init(in, true);
    in->cli = true;
}

/* Reads -OPT ARG into a generated struct: out is set, or errp is set with
 * "-OPT: " in front. */
#define CLI_READ(type, opt, arg, implied, mib, out, errp) ({                  \
        QapiIn in_;                                                           \
        JsonNode *node_ = cli_keyval(arg, implied, mib, errp);                \
        bool ok_ = node_ && qapi_unmarshal_##type(&in_, (cli_in_init(&in_), node_), \
                                                  NULL, out, errp);           \
        if (node_) {                                                          \
            qapi_in_cleanup(&in_);                                            \
            json_node_unref(node_);                                           \
        }                                                                     \
        if (!ok_) {                                                           \
            g_prefix_error(errp, "%s: ", opt);                                \
        }                                                                     \
        ok_;                                                                  \
    })

/* -m [size=]SIZE[,slots=N][,maxmem=SIZE]; every -m replaces the previous one. */
static bool parse_ram(MachineConfig *cfg, const char *arg, GError **errp)
{
    g_autoptr(MemoryOptions) m = NULL;
    if (!CLI_READ(MemoryOptions, "-m", arg, "size",
                  ((const char *const[]){ "size", "maxmem", NULL }), &m, errp)) {
        return false;
    }
    g_autofree char *size = hm_size_str(m->size), *maxmem = hm_size_str(m->maxmem);
    if (!m->has_size) {
        g_set_error(errp, HM_ERROR, 0, "-m: missing size in '%s'", arg);
    } else if (m->size < HM_MIN_RAM_SIZE || m->size > HM_MAX_RAM_SIZE) {
        g_set_error(errp, HM_ERROR, 0, "-m: size %s out of range (32M to 1T)", size);
    } else if (m->size & 0xfffff) {
        g_set_error(errp, HM_ERROR, 0, "-m: size %s is not a multiple of 1 MiB", size);
    } else if (m->has_slots && m->slots > HM_MAX_DIMM_SLOTS) {
        g_set_error(errp, HM_ERROR, 0, "-m: invalid slots '%u' (0 to %d)", m->slots,
                    HM_MAX_DIMM_SLOTS);
    } else if (m->has_maxmem && m->maxmem == 0) {
        g_set_error(errp, HM_ERROR, 0, "-m: invalid maxmem '0'");
    } else if (m->has_maxmem && m->maxmem < m->size) {
        g_set_error(errp, HM_ERROR, 0, "-m: maxmem %s is less than size %s", maxmem, size);
    } else {
        cfg->ram_size = m->size;
        cfg->maxmem = m->has_maxmem ? m->maxmem : 0;
        cfg->extra_slots = m->has_slots ? m->slots : 0;
        return true;
    }
    return false;
}

/* -dimm id=NAME[,size=SIZE][,node=N][,populated=on|off] */
static bool parse_dimm(MachineConfig *cfg, const char *arg, GError **errp)
{
    g_autoptr(DimmOptions) d = NULL;
    if (!CLI_READ(DimmOptions, "-dimm", arg, NULL, ((const char *const[]){ "size", NULL }),
                  &d, errp)) {
        return false;
    }
    uint64_t size = d->has_size ? d->size : 1ULL << 30;
    if (!mem_rule_id(d->id, MEM_DIMM_ID_MAX, errp) || !mem_rule_dimm_size(size, errp)) {
        g_prefix_error(errp, "-dimm: ");
        return false;
    }
    if (d->has_node && d->node >= HM_MAX_NUMA_NODES) {
        g_set_error(errp, HM_ERROR, 0, "-dimm: invalid node '%u' (0 to %d)", d->node,
                    HM_MAX_NUMA_NODES - 1);
        return false;
    }
    for (unsigned i = 0; i < cfg->ndimms; i++) {
        if (!strcmp(cfg->dimms[i].id, d->id)) {
            g_set_error(errp, HM_ERROR, 0, "-dimm: duplicate id '%s'", d->id);
            return false;
        }
    }
    if (cfg->ndimms >= HM_MAX_DIMM_SLOTS) {
        g_set_error(errp, HM_ERROR, 0, "-dimm %s: more than %d DIMM slots", d->id,
                    HM_MAX_DIMM_SLOTS);
        return false;
    }
    cfg->dimms = g_renew(DimmConfig, cfg->dimms, cfg->ndimms + 1);
    cfg->dimms[cfg->ndimms++] = (DimmConfig){
        .id = g_steal_pointer(&d->id), .size = size, .node = d->has_node ? d->node : 0,
        .populated = d->has_populated && d->populated,
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

/* -numa node[,nodeid=N][,cpus=A[-B]][,mem=SIZE] */
static bool parse_numa(MachineConfig *cfg, const char *arg, GError **errp)
{
    if (strcmp(arg, "node") && !g_str_has_prefix(arg, "node,")) {
        g_set_error(errp, HM_ERROR, 0, "-numa: only 'node' is supported, not '%s'", arg);
        return false;
    }
    g_autoptr(NumaOptions) o = NULL;
    if (!CLI_READ(NumaOptions, "-numa", arg, "type", ((const char *const[]){ "mem", NULL }),
                  &o, errp)) {
        return false;
    }
    NumaNodeOptions *opts = &o->u.node;
    /* without nodeid= the node takes the next number, as in QEMU */
    unsigned nodeid = 0;
    while (nodeid < HM_MAX_NUMA_NODES && cfg->numa[nodeid].given) {
        nodeid++;
    }
    NumaNodeConfig n = { .given = true, .mem = opts->mem, .has_mem = opts->has_mem };
    if (opts->has_nodeid && opts->nodeid >= HM_MAX_NUMA_NODES) {
        g_set_error(errp, HM_ERROR, 0, "-numa: invalid nodeid '%u' (0 to %d)", opts->nodeid,
                    HM_MAX_NUMA_NODES - 1);
        return false;
    }
    if (opts->has_nodeid) {
        nodeid = opts->nodeid;
    }
    if (opts->cpus && !parse_cpu_range(opts->cpus, &n.cpus)) {
        g_set_error(errp, HM_ERROR, 0, "-numa: invalid cpus '%s' (A or A-B, CPUs 0 to %d)",
                    opts->cpus, HM_MAX_CPUS - 1);
        return false;
    }
    if (n.mem > HM_MAX_RAM_SIZE) {
        g_autofree char *m = hm_size_str(n.mem);
        g_set_error(errp, HM_ERROR, 0, "-numa: invalid mem '%s'", m);
        return false;
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
            g_autofree char *s = hm_size_str(mem_sum), *r = hm_size_str(cfg->ram_size);
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
    if (!mem_rule_maxmem(cfg->ram_size, dimm_sum, 0, cfg->maxmem, errp)) {
        g_prefix_error(errp, "-dimm: ");
        return false;
    }
    return true;
}

static bool parse_smp(MachineConfig *cfg, const char *arg, GError **errp)
{
    g_autoptr(SmpOptions) o = NULL;
    if (!CLI_READ(SmpOptions, "-smp", arg, "cpus", NULL, &o, errp)) {
        return false;
    }
    const struct {
        bool given;
        uint32_t value;
    } given[] = { { o->has_cpus, o->cpus }, { o->has_sockets, o->sockets },
                  { o->has_cores, o->cores }, { o->has_threads, o->threads } };
    for (size_t i = 0; i < G_N_ELEMENTS(given); i++) {
        if (given[i].given && (given[i].value == 0 || given[i].value > HM_MAX_CPUS)) {
            g_set_error(errp, HM_ERROR, 0, "-smp: invalid value '%u' (1 to %d)",
                        given[i].value, HM_MAX_CPUS);
            return false;
        }
    }
    unsigned cpus = o->has_cpus ? o->cpus : 0, sockets = o->has_sockets ? o->sockets : 0;
    unsigned cores = o->has_cores ? o->cores : 0, threads = o->has_threads ? o->threads : 0;
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
    case HM_OPT_INCOMING: {
        MigUri u;
        if (strcmp(arg, "defer") != 0 && !mig_uri_parse(arg, &u, errp)) {
            g_prefix_error(errp, "-incoming: ");
            return false;
        }
        if (strcmp(arg, "defer") != 0) {
            mig_uri_clear(&u);
        }
        set_string(&cfg->incoming, arg);
        return true;
    }
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
    g_free(cfg->kernel);
    g_free(cfg->initrd);
    g_free(cfg->append);
    g_free(cfg->bios);
    g_free(cfg->name);
    g_free(cfg->serial_path);
    g_free(cfg->incoming);
    monitor_config_clear(cfg);
    memset(cfg, 0, sizeof(*cfg));
}
