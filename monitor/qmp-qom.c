/*
 * qmp-qom.c - the part of QEMU's QOM tree that memory hotplug uses, over
 * qom-list, qom-get and qom-set, and the type queries qom-list-types and
 * device-list-properties:
 *
 *   /                            machine, objects
 *   /machine                     peripheral, peripheral-anon, unattached
 *   /machine/peripheral/ID       a plugged DIMM (pc-dimm, or dimm for -dimm),
 *                                or the balloon (virtio-balloon-pci: its guest
 *                                stats, monitor/qmp-balloon.c)
 *   /machine/unattached/device[N] vCPU N
 *   /objects/ID                  a memory backend (object-add)
 *
 * Every value comes from its owner (the DIMM, the backend, the machine
 * config) when asked. Device lock held (the DIMMs and backends live
 * under it).
 */
#include "hotmem/options.h"
#include "hw/hostmem.h"
#include "hw/objects.h"
#include "monitor/balloon.h"
#include "monitor/machine-ops.h"
#include "monitor/memory.h"
#include "monitor/qapi-runtime.h"
#include "qapi-generated.h"

#include <stdio.h>
#include <string.h>

typedef enum {
    QOM_ROOT,
    QOM_MACHINE,
    QOM_PERIPHERAL,
    QOM_PERIPHERAL_ANON,
    QOM_UNATTACHED,
    QOM_OBJECTS,
    QOM_DIMM,
    QOM_CPU,
    QOM_BACKEND,
    QOM_SECRET,
    QOM_BALLOON,
} QomKind;

typedef struct {
    QomKind kind;
    const DimmDevice *dimm;
    const HostMemBackend *backend;
    HostMemBackend ram;           /* pc.ram: the base RAM without -numa memdev= */
    unsigned cpu;
} QomNode;

static const char *const container_type = "container";

static const MachineConfig *machine_config(void)
{
    const MonitorMachineOps *ops = monitor_machine_ops();
    return ops ? ops->config : NULL;
}

static const DimmDevice *find_dimm(const char *id)
{
    PcDimms *d = monitor_memory_dimms();
    const DimmDevice *dev = d ? dimm_bus_find(d->bus, id) : NULL;
    return dev && dev->enabled ? dev : NULL;
}

/* What query-memdev lists beside object-add's backends: the base RAM as
 * QEMU's pc.ram (unless the NUMA nodes have backends of their own) and the
 * backend of each -dimm slot; QEMU keeps every backend under /objects. */
static bool base_ram(HostMemBackend *out)
{
    PcDimms *d = monitor_memory_dimms();
    const MachineConfig *cfg = machine_config();
    if (!d || (cfg && cfg->nnodes && cfg->numa[0].memdev)) {
        return false;
    }
    *out = (HostMemBackend){ .id = (char *)"pc.ram", .size = d->ram_size };
    hostmem_options_default(&out->opts, HOSTMEM_KIND_RAM);
    return true;
}

static const HostMemBackend *slot_backend(unsigned i)
{
    PcDimms *d = monitor_memory_dimms();
    const DimmDevice *dev = d && i < d->bus->nslots ? d->bus->slots[i] : NULL;
    return dev && dev->declared ? dev->backend : NULL;
}

static const HostMemBackend *find_backend(const char *id, HostMemBackend *ram)
{
    const HostMemBackend *b = hostmem_find(id);
    PcDimms *d = monitor_memory_dimms();
    for (unsigned i = 0; !b && d && i < d->bus->nslots; i++) {
        if (slot_backend(i) && !strcmp(slot_backend(i)->id, id)) {
            b = slot_backend(i);
        }
    }
    if (!b && !strcmp(id, "pc.ram") && base_ram(ram)) {
        b = ram;
    }
    return b;
}

static bool resolve(const char *path, QomNode *n)
{
    unsigned cpu;
    char tail;
    *n = (QomNode){ 0 };
    if (!strcmp(path, "/")) {
        n->kind = QOM_ROOT;
    } else if (!strcmp(path, "/machine")) {
        n->kind = QOM_MACHINE;
    } else if (!strcmp(path, "/machine/peripheral")) {
        n->kind = QOM_PERIPHERAL;
    } else if (!strcmp(path, "/machine/peripheral-anon")) {
        n->kind = QOM_PERIPHERAL_ANON;
    } else if (!strcmp(path, "/machine/unattached")) {
        n->kind = QOM_UNATTACHED;
    } else if (!strcmp(path, "/objects")) {
        n->kind = QOM_OBJECTS;
    } else if (g_str_has_prefix(path, "/machine/peripheral/") && monitor_balloon_id() &&
               !strcmp(path + strlen("/machine/peripheral/"), monitor_balloon_id())) {
        n->kind = QOM_BALLOON;
    } else if (g_str_has_prefix(path, "/machine/peripheral/")) {
        n->kind = QOM_DIMM;
        n->dimm = find_dimm(path + strlen("/machine/peripheral/"));
        return n->dimm != NULL;
    } else if (sscanf(path, "/machine/unattached/device[%u%c", &cpu, &tail) == 2 &&
               tail == ']' && strlen(path) == (size_t)snprintf(NULL, 0,
                                            "/machine/unattached/device[%u]", cpu)) {
        const MachineConfig *cfg = machine_config();
        n->kind = QOM_CPU;
        n->cpu = cpu;
        return cfg && cpu < cfg->ncpus;
    } else if (g_str_has_prefix(path, "/objects/")) {
        const char *id = path + strlen("/objects/");
        n->kind = QOM_BACKEND;
        n->backend = find_backend(id, &n->ram);
        if (!n->backend && user_secret(id)) {
            n->kind = QOM_SECRET;
        }
        return n->backend || n->kind == QOM_SECRET;
    } else {
        return false;
    }
    return true;
}

static const char *type_of(const QomNode *n)
{
    switch (n->kind) {
    case QOM_ROOT:
    case QOM_PERIPHERAL:
    case QOM_PERIPHERAL_ANON:
    case QOM_UNATTACHED:
    case QOM_OBJECTS:
        return container_type;
    case QOM_MACHINE:
        return "pc-i440fx-7.2-machine";
    case QOM_DIMM:
        return n->dimm->declared ? "dimm" : "pc-dimm";
    case QOM_CPU:
        return "host-x86_64-cpu";
    case QOM_BACKEND:
        return hostmem_kind_name(n->backend->kind);
    case QOM_SECRET:
        return "secret";
    case QOM_BALLOON:
        return "virtio-balloon-pci";
    }
    return container_type;
}

/* ---- properties: name, type, value ---- */

typedef struct {
    const char *name, *type;
    JsonNode *(*get)(const QomNode *n);
} QomProp;

static JsonNode *json_uint(uint64_t v)
{
    JsonNode *j = json_node_new(JSON_NODE_VALUE);
    json_node_set_int(j, (gint64)v);
    return j;
}

static JsonNode *json_bool(bool v)
{
    JsonNode *j = json_node_new(JSON_NODE_VALUE);
    json_node_set_boolean(j, v);
    return j;
}

static JsonNode *json_str(const char *v)
{
    JsonNode *j = json_node_new(JSON_NODE_VALUE);
    json_node_set_string(j, v ? v : "");
    return j;
}

static JsonNode *dimm_addr(const QomNode *n) { return json_uint(n->dimm->base); }
static JsonNode *dimm_node(const QomNode *n) { return json_uint(n->dimm->node); }
static JsonNode *dimm_slot(const QomNode *n) { return json_uint(n->dimm->slot); }
static JsonNode *dimm_size(const QomNode *n) { return json_uint(n->dimm->size); }
static JsonNode *dimm_hotplugged(const QomNode *n) { return json_bool(n->dimm->hotplugged); }
static JsonNode *yes(const QomNode *n) { return json_bool(true); }

static JsonNode *dimm_memdev(const QomNode *n)
{
    g_autofree char *p = g_strdup_printf("/objects/%s", n->dimm->backend->id);
    return json_str(p);
}

static const QomProp dimm_props[] = {
    { "addr", "uint64", dimm_addr },
    { "node", "uint32", dimm_node },
    { "slot", "int32", dimm_slot },
    { "size", "uint64", dimm_size },
    { "memdev", "link<memory-backend>", dimm_memdev },
    { "hotplugged", "bool", dimm_hotplugged },
    { "hotpluggable", "bool", yes },
    { "realized", "bool", yes },
    { 0 },
};

#define BACKEND_BOOL(field)                                          \
    static JsonNode *backend_##field(const QomNode *n)               \
    {                                                                \
        return json_bool(n->backend->opts.field);                    \
    }
BACKEND_BOOL(merge)
BACKEND_BOOL(dump)
BACKEND_BOOL(prealloc)
BACKEND_BOOL(share)
BACKEND_BOOL(reserve)
BACKEND_BOOL(discard_data)
BACKEND_BOOL(readonly)
BACKEND_BOOL(hugetlb)
BACKEND_BOOL(seal)

static JsonNode *backend_size(const QomNode *n) { return json_uint(n->backend->size); }
static JsonNode *backend_align(const QomNode *n) { return json_uint(n->backend->opts.align); }

static JsonNode *backend_hugetlbsize(const QomNode *n)
{
    return json_uint(n->backend->opts.hugetlbsize);
}

static JsonNode *backend_mem_path(const QomNode *n)
{
    return json_str(n->backend->opts.mem_path);
}

static JsonNode *backend_policy(const QomNode *n)
{
    return json_str(HostMemPolicy_str((HostMemPolicy)n->backend->opts.policy));
}

static JsonNode *backend_host_nodes(const QomNode *n)
{
    JsonArray *a = json_array_new();
    for (unsigned i = 0; i < HOSTMEM_MAX_HOST_NODES; i++) {
        if (n->backend->opts.host_nodes & (1ULL << i)) {
            json_array_add_int_element(a, i);
        }
    }
    JsonNode *j = json_node_new(JSON_NODE_ARRAY);
    json_node_take_array(j, a);
    return j;
}

static const QomProp backend_props[] = {
    { "size", "uint64", backend_size },
    { "merge", "bool", backend_merge },
    { "dump", "bool", backend_dump },
    { "prealloc", "bool", backend_prealloc },
    { "share", "bool", backend_share },
    { "reserve", "bool", backend_reserve },
    { "host-nodes", "uint16List", backend_host_nodes },
    { "policy", "HostMemPolicy", backend_policy },
    { 0 },
};

static const QomProp file_props[] = {
    { "mem-path", "string", backend_mem_path },
    { "discard-data", "bool", backend_discard_data },
    { "align", "uint64", backend_align },
    { "readonly", "bool", backend_readonly },
    { 0 },
};

static const QomProp memfd_props[] = {
    { "hugetlb", "bool", backend_hugetlb },
    { "hugetlbsize", "uint64", backend_hugetlbsize },
    { "seal", "bool", backend_seal },
    { 0 },
};

static unsigned cpu_topology(unsigned cpu, int which)
{
    const MachineConfig *cfg = machine_config();
    unsigned threads = MAX(cfg->threads, 1u), cores = MAX(cfg->cores, 1u);
    switch (which) {
    case 0:
        return cpu / (threads * cores);
    case 1:
        return (cpu / threads) % cores;
    case 2:
        return cpu % threads;
    default:
        return cfg->cpu_node[cpu];
    }
}

static JsonNode *cpu_socket(const QomNode *n) { return json_uint(cpu_topology(n->cpu, 0)); }
static JsonNode *cpu_core(const QomNode *n) { return json_uint(cpu_topology(n->cpu, 1)); }
static JsonNode *cpu_thread(const QomNode *n) { return json_uint(cpu_topology(n->cpu, 2)); }
static JsonNode *cpu_node(const QomNode *n) { return json_uint(cpu_topology(n->cpu, 3)); }

static const QomProp cpu_props[] = {
    { "socket-id", "int32", cpu_socket },
    { "core-id", "int32", cpu_core },
    { "thread-id", "int32", cpu_thread },
    { "node-id", "int32", cpu_node },
    { 0 },
};

/* The property tables of a node, in listing order (at most two). */
static void prop_tables(const QomNode *n, const QomProp *out[2])
{
    out[0] = out[1] = NULL;
    if (n->kind == QOM_DIMM) {
        out[0] = dimm_props;
    } else if (n->kind == QOM_CPU) {
        out[0] = cpu_props;
    } else if (n->kind == QOM_BACKEND) {
        out[0] = backend_props;
        out[1] = n->backend->kind == HOSTMEM_KIND_FILE ? file_props :
                 n->backend->kind == HOSTMEM_KIND_MEMFD ? memfd_props : NULL;
    }
}

static const QomProp *find_prop(const QomNode *n, const char *name)
{
    const QomProp *t[2];
    prop_tables(n, t);
    for (int i = 0; i < 2; i++) {
        for (const QomProp *p = t[i]; p && p->name; p++) {
            if (!strcmp(p->name, name)) {
                return p;
            }
        }
    }
    return NULL;
}

/* ---- children ---- */

typedef void (*ChildFn)(const char *name, const char *type, void *opaque);

static void add_backend_child(HostMemBackend *b, void *opaque)
{
    void **cb = opaque;
    g_autofree char *t = g_strdup_printf("child<%s>", hostmem_kind_name(b->kind));
    ((ChildFn)cb[0])(b->id, t, cb[1]);
}

static void add_secret_child(const char *id, void *opaque)
{
    void **cb = opaque;
    ((ChildFn)cb[0])(id, "child<secret>", cb[1]);
}

static void children(const QomNode *n, ChildFn fn, void *opaque)
{
    switch (n->kind) {
    case QOM_ROOT:
        fn("machine", "child<pc-i440fx-7.2-machine>", opaque);
        fn("objects", "child<container>", opaque);
        break;
    case QOM_MACHINE:
        fn("peripheral", "child<container>", opaque);
        fn("peripheral-anon", "child<container>", opaque);
        fn("unattached", "child<container>", opaque);
        break;
    case QOM_PERIPHERAL: {
        PcDimms *d = monitor_memory_dimms();
        for (unsigned i = 0; d && i < d->bus->nslots; i++) {
            const DimmDevice *dev = d->bus->slots[i];
            if (dev && dev->enabled) {
                fn(dev->id, dev->declared ? "child<dimm>" : "child<pc-dimm>", opaque);
            }
        }
        if (monitor_balloon_id()) {
            fn(monitor_balloon_id(), "child<virtio-balloon-pci>", opaque);
        }
        break;
    }
    case QOM_UNATTACHED: {
        const MachineConfig *cfg = machine_config();
        for (unsigned i = 0; cfg && i < cfg->ncpus; i++) {
            g_autofree char *name = g_strdup_printf("device[%u]", i);
            fn(name, "child<host-x86_64-cpu>", opaque);
        }
        break;
    }
    case QOM_OBJECTS: {
        HostMemBackend ram;
        PcDimms *d = monitor_memory_dimms();
        if (base_ram(&ram)) {
            fn(ram.id, "child<memory-backend-ram>", opaque);
        }
        for (unsigned i = 0; d && i < d->bus->nslots; i++) {
            if (slot_backend(i)) {
                add_backend_child((HostMemBackend *)slot_backend(i),
                                  (void *[]){ (void *)fn, opaque });
            }
        }
        hostmem_foreach(add_backend_child, (void *[]){ (void *)fn, opaque });
        user_secrets_foreach(add_secret_child, (void *[]){ (void *)fn, opaque });
        break;
    }
    default:
        break;
    }
}

/* ---- the commands ---- */

static bool need_node(const char *path, QomNode *n, GError **errp)
{
    if (!resolve(path, n)) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found", path);
        return false;
    }
    return true;
}

static void list_child(const char *name, const char *type, void *opaque)
{
    ObjectPropertyInfoList ***tail = opaque;
    ObjectPropertyInfo *p = g_new0(ObjectPropertyInfo, 1);
    p->name = g_strdup(name);
    p->type = g_strdup(type);
    ObjectPropertyInfoList *e = g_new0(ObjectPropertyInfoList, 1);
    e->value = p;
    **tail = e;
    *tail = &e->next;
}

ObjectPropertyInfoList *qmp_qom_list(const char *path, GError **errp)
{
    QomNode n;
    if (!need_node(path, &n, errp)) {
        return NULL;
    }
    ObjectPropertyInfoList *l = NULL, **tail = &l;
    list_child("type", "string", &tail);
    children(&n, list_child, &tail);
    const QomProp *t[2];
    prop_tables(&n, t);
    for (int i = 0; i < 2; i++) {
        for (const QomProp *p = t[i]; p && p->name; p++) {
            list_child(p->name, p->type, &tail);
        }
    }
    for (unsigned i = 0; n.kind == QOM_BALLOON && monitor_balloon_props[i][0]; i++) {
        list_child(monitor_balloon_props[i][0], monitor_balloon_props[i][1], &tail);
    }
    return l;
}

typedef struct {
    const char *want;
    char *found_type;
} ChildLookup;

static void match_child(const char *name, const char *type, void *opaque)
{
    ChildLookup *c = opaque;
    if (!c->found_type && !strcmp(name, c->want)) {
        c->found_type = g_strdup(type);
    }
}

JsonNode *qmp_qom_get(const char *path, const char *property, GError **errp)
{
    QomNode n;
    if (!need_node(path, &n, errp)) {
        return NULL;
    }
    if (!strcmp(property, "type")) {
        return json_str(type_of(&n));
    }
    if (n.kind == QOM_BALLOON) {
        return monitor_balloon_qom_get(property, errp);
    }
    const QomProp *p = find_prop(&n, property);
    if (p) {
        return p->get(&n);
    }
    ChildLookup c = { .want = property };
    children(&n, match_child, &c);
    if (c.found_type) {
        g_free(c.found_type);
        /* a child property reads as the child's path */
        g_autofree char *child = g_strdup_printf("%s%s%s", path,
                                                 g_str_has_suffix(path, "/") ? "" : "/",
                                                 property);
        return json_str(child);
    }
    qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "Property '%s.%s' not found",
                   type_of(&n), property);
    return NULL;
}

bool qmp_qom_set(const char *path, const char *property, JsonNode *value, GError **errp)
{
    QomNode n;
    if (!need_node(path, &n, errp)) {
        return false;
    }
    if (n.kind == QOM_BALLOON && strcmp(property, "type")) {
        return monitor_balloon_qom_set(property, value, errp);
    }
    bool known = !strcmp(property, "type") || find_prop(&n, property);
    if (!known) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "Property '%s.%s' not found",
                       type_of(&n), property);
    } else if (n.kind == QOM_DIMM) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "Attempt to set property '%s' "
                       "on device '%s' (type '%s') after it was realized", property,
                       n.dimm->id, type_of(&n));
    } else {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "Property '%s.%s' can not be "
                       "set once the object exists", type_of(&n), property);
    }
    return false;
}

/* ---- types ---- */

static const struct {
    const char *name, *parent;
    bool abstract, device;
} types[] = {
    { "object", NULL, true, false },
    { "container", "object", false, false },
    { "device", "object", true, false },
    { "pc-dimm", "device", false, true },
    { "dimm", "device", false, true },
    { "memory-backend", "object", true, false },
    { "memory-backend-ram", "memory-backend", false, false },
    { "memory-backend-file", "memory-backend", false, false },
    { "memory-backend-memfd", "memory-backend", false, false },
    { "secret", "object", false, false },
    { "cpu", "device", true, false },
    { "x86_64-cpu", "cpu", true, false },
    { "host-x86_64-cpu", "x86_64-cpu", false, false },
    { "machine", "object", true, false },
    { "pc-i440fx-7.2-machine", "machine", false, false },
    /* QEMU 7.2's chain for the balloon: qom-list-types implements=virtio-pci
     * or pci-device finds it */
    { "pci-device", "device", true, false },
    { "virtio-pci", "pci-device", true, false },
    { "virtio-balloon-pci-base", "virtio-pci", true, false },
    { "virtio-balloon-pci", "virtio-balloon-pci-base", false, true },
};

static int type_index(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(types); i++) {
        if (!strcmp(types[i].name, name)) {
            return (int)i;
        }
    }
    return -1;
}

static bool derives_from(int t, const char *ancestor)
{
    for (; t >= 0; t = types[t].parent ? type_index(types[t].parent) : -1) {
        if (!strcmp(types[t].name, ancestor)) {
            return true;
        }
    }
    return false;
}

ObjectTypeInfoList *qmp_qom_list_types(const char *implements, bool has_abstract,
                                       bool abstract, GError **errp)
{
    ObjectTypeInfoList *l = NULL;
    for (size_t i = G_N_ELEMENTS(types); i-- > 0;) {
        if ((types[i].abstract && !(has_abstract && abstract)) ||
            (implements && !derives_from((int)i, implements))) {
            continue;
        }
        ObjectTypeInfo *t = g_new0(ObjectTypeInfo, 1);
        t->name = g_strdup(types[i].name);
        t->parent = g_strdup(types[i].parent);
        if (types[i].abstract) {
            t->has_abstract = true;
            t->abstract = true;
        }
        QAPI_LIST_PREPEND(l, t);
    }
    return l;
}

static void prepend_prop(ObjectPropertyInfoList **l, const char *name, const char *type,
                         const char *description)
{
    ObjectPropertyInfo *p = g_new0(ObjectPropertyInfo, 1);
    p->name = g_strdup(name);
    p->type = g_strdup(type);
    p->description = g_strdup(description);
    QAPI_LIST_PREPEND(*l, p);
}

/* What -device/device_add virtio-balloon-pci take (hw/pc_devices.c), then
 * the runtime properties of /machine/peripheral/ID, with QEMU 7.2's types
 * and descriptions; only what hotmem accepts, so a client that believes the
 * list (libvirt) never sends a property hotmem refuses. */
static ObjectPropertyInfoList *balloon_properties(void)
{
    static const char *const props[][3] = {
        { "addr", "int32", "Slot and optional function number, example: 06.0 or 06" },
        { "deflate-on-oom", "bool", "on/off" },
        { "free-page-reporting", "bool", "on/off" },
    };
    ObjectPropertyInfoList *l = NULL;
    unsigned n = 0;
    while (monitor_balloon_props[n][0]) {
        n++;
    }
    while (n-- > 0) {
        prepend_prop(&l, monitor_balloon_props[n][0], monitor_balloon_props[n][1], NULL);
    }
    for (size_t i = G_N_ELEMENTS(props); i-- > 0;) {
        prepend_prop(&l, props[i][0], props[i][1], props[i][2]);
    }
    return l;
}

ObjectPropertyInfoList *qmp_device_list_properties(const char *typename, GError **errp)
{
    int t = type_index(typename);
    if (t < 0) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found",
                       typename);
        return NULL;
    }
    if (!derives_from(t, "device")) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "Parameter 'typename' expects device type");
        return NULL;
    }
    if (types[t].abstract) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "Parameter 'typename' expects a non-abstract device type");
        return NULL;
    }
    ObjectPropertyInfoList *l = NULL;
    if (!strcmp(typename, "virtio-balloon-pci")) {
        return balloon_properties();
    }
    if (strcmp(typename, "pc-dimm")) {
        return l;                       /* a -dimm slot takes nothing: its id names it */
    }
    /* what device_add pc-dimm takes (PcDimmProperties in the schema) */
    const QapiStructInfo *s = qapi_struct_info("PcDimmProperties");
    for (unsigned i = s->nmembers; i-- > 0;) {
        const char *name = s->members[i].name;
        ObjectPropertyInfo *p = g_new0(ObjectPropertyInfo, 1);
        p->name = g_strdup(name);
        p->type = g_strdup(!strcmp(name, "memdev") ? "link<memory-backend>" :
                           !strcmp(name, "addr") ? "uint64" :
                           !strcmp(name, "slot") ? "int32" : "uint32");
        QAPI_LIST_PREPEND(l, p);
    }
    return l;
}
