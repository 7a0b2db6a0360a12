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
#include "system/options-internal.h"
#include "monitor/qjson.h"

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
    if (!CLI_READ_LISTS(NumaOptions, "-numa", arg, "type",
                        ((const char *const[]){ "mem", NULL }),
                        ((const char *const[]){ "cpus", NULL }), &o, errp)) {
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
    for (strList *c = opts->cpus; c; c = c->next) {
        if (!parse_cpu_range(c->value, &n.cpus)) {
            g_set_error(errp, HM_ERROR, 0, "-numa: invalid cpus '%s' (A or A-B, CPUs 0 to %d)",
                        c->value, HM_MAX_CPUS - 1);
            return false;
        }
    }
    if (opts->memdev && opts->has_mem) {
        g_set_error(errp, HM_ERROR, 0, "-numa: mem= and memdev= cannot both be given");
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
    n.memdev = g_strdup(opts->memdev);
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
    unsigned with_memdev = 0;
    for (unsigned i = 0; i < count; i++) {
        const char *id = cfg->numa[i].memdev;
        if (!id) {
            continue;
        }
        const ObjectOptions *o = find_object(cfg, id);
        if (!o || o->qom_type == OBJECT_TYPE_SECRET) {
            g_set_error(errp, HM_ERROR, 0, "-numa: node %u: memdev '%s' is not a memory "
                        "backend of -object", i, id);
            return false;
        }
        cfg->numa[i].mem = object_size(o);
        cfg->numa[i].has_mem = true;
        mem_sum += cfg->numa[i].mem;
        with_mem++;
        with_memdev++;
    }
    if (with_memdev && with_memdev != count) {
        g_set_error(errp, HM_ERROR, 0, "-numa: memdev= must be given for every node or none");
        return false;
    }
    if (with_memdev && mem_sum != cfg->ram_size) {
        g_set_error(errp, HM_ERROR, 0, "-numa: total memory for NUMA nodes (0x%" PRIx64
                    ") should equal RAM size (0x%" PRIx64 ")", mem_sum, cfg->ram_size);
        return false;
    }
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

/* -object ids that name a backend hotmem makes itself (query-memdev lists
 * them): pc.ram without -numa memdev=, dimm-ID for -dimm id=ID. */
static bool check_object_ids(const MachineConfig *cfg, GError **errp)
{
    for (unsigned i = 0; cfg->objects && i < cfg->objects->len; i++) {
        const char *id = ((const ObjectOptions *)g_ptr_array_index(cfg->objects, i))->id;
        bool taken = !strcmp(id, "pc.ram") && !(cfg->nnodes && cfg->numa[0].memdev);
        for (unsigned k = 0; !taken && k < cfg->ndimms; k++) {
            taken = g_str_has_prefix(id, "dimm-") && !strcmp(id + 5, cfg->dimms[k].id);
        }
        if (taken) {
            g_set_error(errp, HM_ERROR, 0, "-object: id '%s' is taken by hotmem's own %s", id,
                        strcmp(id, "pc.ram") ? "backend of that -dimm slot" : "base RAM");
            return false;
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
    if (o->has_dies && o->dies != 1) {
        g_set_error(errp, HM_ERROR, 0, "-smp: dies=%u is not supported (1)", o->dies);
        return false;
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
    if (o->has_maxcpus && o->maxcpus != cpus) {
        g_set_error(errp, HM_ERROR, 0, "-smp: maxcpus=%u: CPUs cannot be hot-plugged "
                    "(maxcpus must equal cpus, %u)", o->maxcpus, cpus);
        return false;
    }
    cfg->ncpus = cpus;
    cfg->sockets = sockets;
    cfg->cores = cores;
    cfg->threads = threads;
    return true;
}

const ObjectOptions *find_object(const MachineConfig *cfg, const char *id)
{
    for (guint i = 0; cfg->objects && i < cfg->objects->len; i++) {
        const ObjectOptions *o = g_ptr_array_index(cfg->objects, i);
        if (!strcmp(o->id, id)) {
            return o;
        }
    }
    return NULL;
}

uint64_t object_size(const ObjectOptions *o)
{
    switch (o->qom_type) {
    case OBJECT_TYPE_MEMORY_BACKEND_FILE:
        return o->u.memory_backend_file.size;
    case OBJECT_TYPE_MEMORY_BACKEND_MEMFD:
        return o->u.memory_backend_memfd.size;
    case OBJECT_TYPE_MEMORY_BACKEND_RAM:
        return o->u.memory_backend_ram.size;
    default:
        return 0;
    }
}

/* -object TYPE,id=ID,... or -object JSON (libvirt's): read as object-add
 * reads its arguments; created with the machine. */
static bool parse_object(MachineConfig *cfg, const char *arg, GError **errp)
{
    ObjectOptions *o = NULL;
    if (arg[0] == '{') {
        GError *err = NULL;
        JsonNode *n = qjson_parse(arg, &err);
        QapiIn in;
        qapi_in_init(&in, false);
        bool ok = n && qapi_unmarshal_ObjectOptions(&in, n, NULL, &o, &err);
        qapi_in_cleanup(&in);
        if (n) {
            json_node_unref(n);
        }
        if (!ok) {
            g_set_error(errp, HM_ERROR, 0, "-object: %s", err->message);
            g_error_free(err);
            return false;
        }
    } else if (!CLI_READ(ObjectOptions, "-object", arg, "qom-type", NULL, &o, errp)) {
        return false;
    }
    if (find_object(cfg, o->id)) {
        g_set_error(errp, HM_ERROR, 0, "-object: id '%s' given twice", o->id);
        qapi_free_ObjectOptions(o);
        return false;
    }
    if (!cfg->objects) {
        cfg->objects = g_ptr_array_new_with_free_func((GDestroyNotify)qapi_free_ObjectOptions);
    }
    g_ptr_array_add(cfg->objects, o);
    return true;
}

/* -sandbox on|off[,GROUP=allow|deny]... */
static bool parse_sandbox(MachineConfig *cfg, const char *arg, GError **errp)
{
    g_autoptr(SandboxOptions) o = NULL;
    if (!CLI_READ(SandboxOptions, "-sandbox", arg, "enable", NULL, &o, errp)) {
        return false;
    }
    const struct {
        const char *name;
        bool has;
        SandboxPolicy policy;
    } groups[] = {
        { "obsolete", o->has_obsolete, o->obsolete },
        { "spawn", o->has_spawn, o->spawn },
        { "resourcecontrol", o->has_resourcecontrol, o->resourcecontrol },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(groups); i++) {
        if (groups[i].has && groups[i].policy == SANDBOX_POLICY_CHILDREN) {
            g_set_error(errp, HM_ERROR, 0, "-sandbox: %s takes allow or deny, not children",
                        groups[i].name);
            return false;
        }
    }
    cfg->sandbox = (SandboxConfig){
        .enabled = o->enable,
        .deny_obsolete = !o->has_obsolete || o->obsolete == SANDBOX_POLICY_DENY,
        .deny_elevate_privileges = o->has_elevateprivileges &&
                                   o->elevateprivileges != SANDBOX_POLICY_ALLOW,
        .deny_spawn = o->has_spawn && o->spawn == SANDBOX_POLICY_DENY,
        .deny_resource_control = o->has_resourcecontrol &&
                                 o->resourcecontrol == SANDBOX_POLICY_DENY,
    };
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
        return parse_name(cfg, arg, errp);
    case HM_OPT_UUID:
        return parse_uuid(cfg, arg, errp);
    case HM_OPT_MSG:
        return parse_msg(cfg, arg, errp);
    case HM_OPT_DAEMONIZE:
        cfg->daemonize = true;
        return true;
    case HM_OPT_PIDFILE:
        set_string(&cfg->pidfile, arg);
        return true;
    case HM_OPT_NO_USER_CONFIG:
    case HM_OPT_ENABLE_KVM:
        return true;
    case HM_OPT_NODEFAULTS:
        cfg->nodefaults = true;
        return true;
    case HM_OPT_MACHINE:
        return parse_machine(cfg, arg, errp);
    case HM_OPT_ACCEL:
        return parse_accel(cfg, arg, errp);
    case HM_OPT_CPU:
        return parse_cpu(cfg, arg, errp);
    case HM_OPT_OVERCOMMIT:
        return parse_overcommit(cfg, arg, errp);
    case HM_OPT_RTC:
        return parse_rtc(cfg, arg, errp);
    case HM_OPT_BOOT:
        return parse_boot(cfg, arg, errp);
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
    case HM_OPT_S:
        cfg->start_paused = true;
        return true;
    case HM_OPT_NO_SHUTDOWN:
        cfg->no_shutdown = true;
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
    case HM_OPT_SANDBOX:
        return parse_sandbox(cfg, arg, errp);
    case HM_OPT_OBJECT:
        return parse_object(cfg, arg, errp);
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
    case HM_OPT_CHARDEV:
        return monitor_chardev_add(cfg, arg, errp);
    case HM_OPT_MON:
        return monitor_mon_add(cfg, arg, errp);
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
    if (cfg->nodefaults && !cfg->serial_given) {
        cfg->serial = SERIAL_BACKEND_NONE;     /* QEMU: no default serial port */
    }
    if (cfg->daemonize && (cfg->serial == SERIAL_BACKEND_STDIO || cfg->nographic)) {
        g_set_error(errp, HM_ERROR, 0, "-daemonize: the serial port is on stdio "
                    "(-serial none or file:PATH, or -nodefaults)");
        return false;
    }
    for (unsigned i = 0; cfg->daemonize && i < cfg->nmonitors; i++) {
        const MonitorConfig *m = &cfg->monitors[i];
        if (!m->path && !m->has_fd && !m->chardev) {
            g_set_error(errp, HM_ERROR, 0, "-daemonize: a monitor is on stdio");
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
    if (cfg->incoming && g_str_has_prefix(cfg->incoming, "exec:") && cfg->sandbox.enabled &&
        cfg->sandbox.deny_spawn) {
        g_set_error(errp, HM_ERROR, 0, "-incoming exec: starts a process, which -sandbox "
                    "spawn=deny forbids");
        return false;
    }
    if (!monitor_config_check(cfg, errp)) {
        return false;
    }
    return resolve_numa(cfg, errp) && check_dimms(cfg, errp) && check_object_ids(cfg, errp);
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
    g_free(cfg->pidfile);
    for (unsigned i = 0; i < HM_MAX_NUMA_NODES; i++) {
        g_free(cfg->numa[i].memdev);
    }
    if (cfg->objects) {
        g_ptr_array_free(cfg->objects, TRUE);
    }
    g_free(cfg->incoming);
    monitor_config_clear(cfg);
    memset(cfg, 0, sizeof(*cfg));
}
