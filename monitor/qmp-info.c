/*
 * qmp-info.c - what management tools ask to find out about the machine:
 * query-machines, -target, -kvm, -name, -uuid, -cpus-fast,
 * -hotpluggable-cpus, -events, -command-line-options, -memdev and -chardev,
 * in QEMU 7.2's shapes.
 */
#include "hotmem/options.h"
#include "hw/hostmem.h"
#include "monitor/machine-ops.h"
#include "monitor/memory.h"
#include "monitor/qapi-runtime.h"
#include "qapi-generated.h"

#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define MACHINE_TYPE "pc-i440fx-7.2"
#define CPU_TYPE "host-x86_64-cpu"

static const MachineConfig *machine_config(void)
{
    const MonitorMachineOps *ops = monitor_machine_ops();
    return ops ? ops->config : NULL;
}

MachineInfoList *qmp_query_machines(GError **errp)
{
    MachineInfo *m = g_new0(MachineInfo, 1);
    m->name = g_strdup(MACHINE_TYPE);
    m->alias = g_strdup("pc");
    m->has_is_default = true;
    m->is_default = true;
    m->cpu_max = HM_MAX_CPUS;
    m->numa_mem_supported = true;
    m->default_cpu_type = g_strdup(CPU_TYPE);
    m->default_ram_id = g_strdup("pc.ram");
    m->acpi = true;
    MachineInfoList *l = NULL;
    QAPI_LIST_PREPEND(l, m);
    return l;
}

TargetInfo *qmp_query_target(GError **errp)
{
    TargetInfo *t = g_new0(TargetInfo, 1);
    t->arch = g_strdup("x86_64");
    return t;
}

KvmInfo *qmp_query_kvm(GError **errp)
{
    KvmInfo *k = g_new0(KvmInfo, 1);
    k->enabled = true;                     /* hotmem has no other accelerator */
    k->present = true;
    return k;
}

NameInfo *qmp_query_name(GError **errp)
{
    const MachineConfig *cfg = machine_config();
    NameInfo *n = g_new0(NameInfo, 1);
    n->name = cfg && cfg->name ? g_strdup(cfg->name) : NULL;
    return n;
}

UuidInfo *qmp_query_uuid(GError **errp)
{
    const MachineConfig *cfg = machine_config();
    UuidInfo *u = g_new0(UuidInfo, 1);
    u->UUID = g_strdup(cfg && cfg->uuid[0] ? cfg->uuid
                                           : "00000000-0000-0000-0000-000000000000");
    return u;
}

/* CPU i of the topology: sockets x cores x threads, as the CPUID code and
 * the MADT count them. */
static CpuInstanceProperties *cpu_props(const MachineConfig *cfg, unsigned i)
{
    CpuInstanceProperties *p = g_new0(CpuInstanceProperties, 1);
    unsigned threads = MAX(cfg->threads, 1u), cores = MAX(cfg->cores, 1u);
    p->has_node_id = p->has_socket_id = p->has_core_id = p->has_thread_id = true;
    p->node_id = cfg->cpu_node[i];
    p->thread_id = i % threads;
    p->core_id = (i / threads) % cores;
    p->socket_id = i / (threads * cores);
    return p;
}

static unsigned cpu_count(const MachineConfig *cfg)
{
    return cfg ? cfg->ncpus : 0;
}

CpuInfoFastList *qmp_query_cpus_fast(GError **errp)
{
    const MonitorMachineOps *ops = monitor_machine_ops();
    const MachineConfig *cfg = machine_config();
    CpuInfoFastList *l = NULL;
    for (unsigned i = cpu_count(cfg); i-- > 0;) {
        CpuInfoFast *c = g_new0(CpuInfoFast, 1);
        c->cpu_index = i;
        c->qom_path = g_strdup_printf("/machine/unattached/device[%u]", i);
        c->thread_id = ops->vcpu_thread_id ? ops->vcpu_thread_id(ops->opaque, i) : getpid();
        c->props = cpu_props(cfg, i);
        c->target = g_strdup("x86_64");
        QAPI_LIST_PREPEND(l, c);
    }
    return l;
}

HotpluggableCPUList *qmp_query_hotpluggable_cpus(GError **errp)
{
    const MachineConfig *cfg = machine_config();
    HotpluggableCPUList *l = NULL;
    for (unsigned i = cpu_count(cfg); i-- > 0;) {
        HotpluggableCPU *c = g_new0(HotpluggableCPU, 1);
        c->type = g_strdup(CPU_TYPE);
        c->vcpus_count = 1;
        c->props = cpu_props(cfg, i);
        c->qom_path = g_strdup_printf("/machine/unattached/device[%u]", i);
        QAPI_LIST_PREPEND(l, c);
    }
    return l;
}

EventInfoList *qmp_query_events(GError **errp)
{
    EventInfoList *l = NULL;
    for (size_t i = qapi_event_count; i-- > 0;) {
        EventInfo *e = g_new0(EventInfo, 1);
        e->name = g_strdup(qapi_event_names[i]);
        QAPI_LIST_PREPEND(l, e);
    }
    return l;
}

/* ---- query-command-line-options: the option table and the schema ---- */

static const char *const option_names[] = {
#define HM_OPTION(id, name, has_arg, usage, summary) name,
#define HM_OPTION_HEADING(text)
#include "qemu-options.def"
#undef HM_OPTION
#undef HM_OPTION_HEADING
};

/* options whose sub-options the schema describes */
static const struct {
    const char *option, *schema_struct;
} described[] = {
    { "m", "MemoryOptions" }, { "dimm", "DimmOptions" }, { "numa", "NumaNodeOptions" },
    { "smp", "SmpOptions" },
};

static const char *param_type(const char *kind)
{
    if (!strcmp(kind, "size")) {
        return "size";
    }
    if (!strcmp(kind, "bool")) {
        return "boolean";
    }
    if (!strcmp(kind, "int") || !strcmp(kind, "uint") || !strcmp(kind, "number")) {
        return "number";
    }
    return "string";
}

static CommandLineOptionInfo *option_info(const char *name)
{
    CommandLineOptionInfo *o = g_new0(CommandLineOptionInfo, 1);
    o->option = g_strdup(name);
    for (size_t i = 0; i < G_N_ELEMENTS(described); i++) {
        const QapiStructInfo *s = strcmp(described[i].option, name) ? NULL :
                                  qapi_struct_info(described[i].schema_struct);
        for (unsigned k = s ? s->nmembers : 0; k-- > 0;) {
            CommandLineParameterInfo *p = g_new0(CommandLineParameterInfo, 1);
            p->name = g_strdup(s->members[k].name);
            p->type = g_strdup(param_type(s->members[k].kind));
            QAPI_LIST_PREPEND(o->parameters, p);
        }
    }
    return o;
}

CommandLineOptionInfoList *qmp_query_command_line_options(const char *option, GError **errp)
{
    CommandLineOptionInfoList *l = NULL;
    for (size_t i = G_N_ELEMENTS(option_names); i-- > 0;) {
        if (option_names[i] && (!option || !strcmp(option, option_names[i]))) {
            QAPI_LIST_PREPEND(l, option_info(option_names[i]));
        }
    }
    if (option && !l) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "invalid option name: %s",
                       option);
    }
    return l;
}

/* ---- query-memdev ---- */

static Memdev *memdev_of(const char *id, uint64_t size, const HostMemOptions *o)
{
    Memdev *m = g_new0(Memdev, 1);
    m->id = g_strdup(id);
    m->size = size;
    m->merge = o->merge;
    m->dump = o->dump;
    m->prealloc = o->prealloc;
    m->share = o->share;
    m->has_reserve = true;
    m->reserve = o->reserve;
    for (int n = HOSTMEM_MAX_HOST_NODES; n-- > 0;) {
        if (o->host_nodes & (1ULL << n)) {
            QAPI_LIST_PREPEND(m->host_nodes, (uint16_t)n);
        }
    }
    m->policy = (HostMemPolicy)o->policy;
    return m;
}

static void add_backend(HostMemBackend *b, void *opaque)
{
    MemdevList ***tail = opaque;
    MemdevList *e = g_new0(MemdevList, 1);
    e->value = memdev_of(b->id, b->size, &b->opts);
    **tail = e;
    *tail = &e->next;
}

MemdevList *qmp_query_memdev(GError **errp)
{
    PcDimms *d = monitor_memory_dimms();
    MemdevList *l = NULL, **tail = &l;
    const MachineConfig *cfg = machine_config();
    bool node_backends = cfg && cfg->nnodes && cfg->numa[0].memdev;
    if (d && !node_backends) {
        /* base RAM of its own (QEMU's pc.ram); with -numa memdev= it is the
         * nodes' backends, listed below */
        HostMemOptions ram;
        hostmem_options_default(&ram, HOSTMEM_KIND_RAM);
        add_backend(&(HostMemBackend){ .id = (char *)"pc.ram", .size = d->ram_size,
                                       .opts = ram }, &tail);
    }
    for (unsigned i = 0; d && i < d->bus->nslots; i++) {
        const DimmDevice *dev = d->bus->slots[i];
        if (dev && dev->declared) {
            add_backend(dev->backend, &tail);
        }
    }
    hostmem_foreach(add_backend, &tail);
    return l;
}

/* ---- query-chardev: the monitors' sockets and the serial backend ---- */

static char *socket_filename(const MonitorConfig *m)
{
    if (m->path) {
        return g_strdup_printf("unix:%s,server=on", m->path);
    }
    if (!m->has_fd) {
        return g_strdup("stdio");
    }
    /* an inherited listening socket: the path it is bound to, as QEMU says */
    struct sockaddr_un a = { 0 };
    socklen_t len = sizeof(a);
    if (getsockname(m->fd, (struct sockaddr *)&a, &len) == 0 && a.sun_family == AF_UNIX &&
        len > offsetof(struct sockaddr_un, sun_path) && a.sun_path[0]) {
        return g_strdup_printf("unix:%.*s,server=on",
                               (int)(len - offsetof(struct sockaddr_un, sun_path)),
                               a.sun_path);
    }
    return g_strdup_printf("fd:%d", m->fd);
}

static void add_chardev(ChardevInfoList ***tail, char *label, char *filename)
{
    ChardevInfo *c = g_new0(ChardevInfo, 1);
    c->label = label;
    c->filename = filename;
    c->frontend_open = true;
    ChardevInfoList *e = g_new0(ChardevInfoList, 1);
    e->value = c;
    **tail = e;
    *tail = &e->next;
}

ChardevInfoList *qmp_query_chardev(GError **errp)
{
    const MachineConfig *cfg = machine_config();
    ChardevInfoList *l = NULL, **tail = &l;
    unsigned compat = 0;
    for (unsigned i = 0; cfg && i < cfg->nmonitors; i++) {
        const MonitorConfig *m = &cfg->monitors[i];
        add_chardev(&tail, m->chardev ? g_strdup(m->chardev)
                                      : g_strdup_printf("compat_monitor%u", compat++),
                    socket_filename(m));
    }
    if (cfg && cfg->serial == SERIAL_BACKEND_STDIO) {
        add_chardev(&tail, g_strdup("serial0"), g_strdup("stdio"));
    } else if (cfg && cfg->serial == SERIAL_BACKEND_FILE) {
        add_chardev(&tail, g_strdup("serial0"), g_strdup_printf("file:%s", cfg->serial_path));
    }
    return l;
}
