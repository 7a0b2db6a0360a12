/*
 * qmp-memory.c - the memory commands of QMP (and, through them, of HMP):
 * device_add/device_del for DIMMs, object-add/object-del for memory
 * backends, the memory queries, and the events the machine reports
 * (ACPI_DEVICE_OST, DEVICE_DELETED, DEVICE_UNPLUG_GUEST_ERROR).
 *
 * Only QMP glue lives here: the arguments are read by the generated
 * visitor, the work and every check are the machine's (hw/pc_dimm.c,
 * hw/hostmem.c), and a refused command leaves everything as it was.
 */
#include "monitor/machine-ops.h"
#include "monitor/memory.h"
#include "monitor/balloon.h"
#include "migration/migration.h"
#include "monitor/qapi-runtime.h"
#include "hw/hostmem.h"
#include "hw/objects.h"
#include "hw/memory-rules.h"
#include "qapi-generated.h"

#include <inttypes.h>
#include <string.h>

static PcDimms *machine_dimms;

PcDimms *monitor_memory_dimms(void)
{
    return machine_dimms;
}

static PcDimms *need_memory(GError **errp)
{
    if (!machine_dimms) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "this machine has no memory devices");
    }
    return machine_dimms;
}

/* The set of RAM blocks is fixed while a migration sends them. */
static bool not_migrating(const char *cmd, GError **errp)
{
    if (migration_in_progress()) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "%s not allowed while migrating",
                       cmd);
        return false;
    }
    return true;
}

static char *device_path(const char *id)
{
    return g_strdup_printf("/machine/peripheral/%s", id);
}

/* ------------------------------------------------------------ events */

static void ev_ost(void *opaque, const char *id, unsigned slot, uint32_t event,
                   uint32_t status)
{
    g_autofree char *slot_str = g_strdup_printf("%u", slot);
    ACPIOSTInfo info = {
        .device = (char *)id,
        .slot = slot_str,
        .slot_type = ACPI_SLOT_TYPE_DIMM,
        .source = event,
        .status = status,
    };
    qapi_event_send_acpi_device_ost(&info);
}

static void ev_deleted(void *opaque, const char *id, unsigned slot)
{
    g_autofree char *path = device_path(id);
    qapi_event_send_device_deleted(id, path);
}

static void ev_unplug_refused(void *opaque, const char *id, unsigned slot)
{
    g_autofree char *path = device_path(id);
    qapi_event_send_device_unplug_guest_error(id, path);
}

void monitor_memory_attach(PcDimms *dimms)
{
    if (machine_dimms) {
        pc_dimms_set_events(machine_dimms, &(PcDimmEvents){ 0 });
    }
    machine_dimms = dimms;
    if (dimms) {
        pc_dimms_set_events(dimms, &(PcDimmEvents){
            .ost = ev_ost,
            .deleted = ev_deleted,
            .unplug_refused = ev_unplug_refused,
        });
    }
}

/* ------------------------------------------------------------ devices */

/* The driver's properties: every member but driver and id. */
static JsonNode *driver_props(JsonObject *props)
{
    JsonObject *o = json_object_new();
    JsonObjectIter it;
    const char *key;
    JsonNode *val;
    json_object_iter_init_ordered(&it, props);
    while (json_object_iter_next_ordered(&it, &key, &val)) {
        if (strcmp(key, "driver") && strcmp(key, "id")) {
            json_object_set_member(o, key, json_node_copy(val));
        }
    }
    JsonNode *n = json_node_alloc();
    json_node_take_object(json_node_init(n, JSON_NODE_OBJECT), o);
    return n;
}

static bool device_add_pc_dimm(PcDimms *d, const char *id, JsonObject *props,
                               GError **errp)
{
    QapiIn in;
    PcDimmProperties *p = NULL;
    JsonNode *node = driver_props(props);
    qapi_in_init(&in, false);
    in.driver = "pc-dimm";
    bool ok = qapi_unmarshal_PcDimmProperties(&in, node, NULL, &p, errp) &&
              pc_dimm_memdev_given(p->memdev, errp) &&
              pc_dimms_hotplug_pc_dimm(d, id, p->memdev, p->has_node ? p->node : 0,
                                       p->has_slot ? p->slot : DIMM_SLOT_AUTO,
                                       p->has_addr ? p->addr : DIMM_ADDR_AUTO, errp);
    qapi_free_PcDimmProperties(p);
    qapi_in_cleanup(&in);
    json_node_unref(node);
    return ok;
}

bool qmp_device_add(const char *driver, const char *id, JsonObject *props, GError **errp)
{
    PcDimms *d = need_memory(errp);
    if (!d || !not_migrating("device_add", errp)) {
        return false;
    }
    /* HMP "device_add id=foo" has no implied first key, so no driver */
    if (!driver) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "Parameter 'driver' is missing");
        return false;
    }
    if (!strcmp(driver, "virtio-balloon-pci") || !strcmp(driver, "virtio-balloon")) {
        return monitor_balloon_device_add(driver, props, errp);
    }
    bool is_dimm = !strcmp(driver, "dimm");
    if (!is_dimm && strcmp(driver, "pc-dimm")) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "'%s' is not a valid device model name (hotmem has 'dimm' and "
                       "'pc-dimm')", driver);
        return false;
    }
    if (!id) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "Parameter 'id' is missing");
        return false;
    }
    if (!mem_rule_id(id, MEM_DIMM_ID_MAX, errp)) {
        g_prefix_error(errp, "%s: ", driver);
        return false;
    }
    if (!is_dimm) {
        return device_add_pc_dimm(d, id, props, errp);
    }
    /* a -dimm slot has everything from the command line: no properties */
    JsonNode *node = driver_props(props);
    bool none = !json_object_get_size(json_node_get_object(node));
    if (!none) {
        GList *keys = json_object_get_members(json_node_get_object(node));
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "Property 'dimm.%s' not found",
                       (const char *)keys->data);
        g_list_free(keys);
    }
    json_node_unref(node);
    return none && pc_dimms_hotplug_declared(d, id, errp);
}

bool qmp_device_del(const char *id, GError **errp)
{
    PcDimms *d = need_memory(errp);
    return d && not_migrating("device_del", errp) &&
           !monitor_balloon_device_del_refused(id, errp) && pc_dimms_unplug_request(d, id, errp);
}

/* ------------------------------------------------------------ backends */

/* The ids of the backends hotmem made itself, which query-memdev and
 * /objects list beside object-add's: the base RAM as pc.ram (without
 * -numa memdev=) and each -dimm slot's dimm-ID. */
static bool id_free(PcDimms *d, const char *id, GError **errp)
{
    const MonitorMachineOps *ops = monitor_machine_ops();
    const MachineConfig *cfg = ops ? ops->config : NULL;
    bool taken = !strcmp(id, "pc.ram") && !(cfg && cfg->nnodes && cfg->numa[0].memdev);
    for (unsigned i = 0; !taken && i < d->bus->nslots; i++) {
        const DimmDevice *dev = d->bus->slots[i];
        taken = dev && dev->declared && !strcmp(dev->backend->id, id);
    }
    if (taken) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, HOSTMEM_DUPLICATE_ID_FMT, id);
    }
    return !taken;
}

bool qmp_object_add(ObjectOptions *arg, GError **errp)
{
    PcDimms *d = need_memory(errp);
    return d && not_migrating("object-add", errp) && id_free(d, arg->id, errp) &&
           user_object_add(arg, errp);
}

bool qmp_object_del(const char *id, GError **errp)
{
    return need_memory(errp) && not_migrating("object-del", errp) && user_object_del(id, errp);
}

/* ------------------------------------------------------------ queries */

MemoryInfo *qmp_query_memory_size_summary(GError **errp)
{
    PcDimms *d = need_memory(errp);
    if (!d) {
        return NULL;
    }
    MemoryInfo *info = g_new0(MemoryInfo, 1);
    info->base_memory = d->ram_size;
    /* as QEMU: present when the machine can take memory devices at all */
    info->has_plugged_memory = d->bus->nslots > 0;
    info->plugged_memory = pc_dimms_plugged_size(d);
    return info;
}

int64_t qmp_query_memory_total(GError **errp)
{
    PcDimms *d = need_memory(errp);
    return d ? (int64_t)(d->ram_size + pc_dimms_plugged_size(d)) : 0;
}

/* NULL is the empty list: errors go through errp */
MemoryDeviceInfoList *qmp_query_memory_devices(GError **errp)
{
    PcDimms *d = need_memory(errp);
    return d ? pc_dimms_query_devices(d) : NULL;
}

ACPIOSTInfoList *qmp_query_acpi_ospm_status(GError **errp)
{
    PcDimms *d = need_memory(errp);
    return d ? pc_dimms_query_ospm(d) : NULL;
}

MemHpInfoList *qmp_query_memory_hotplug(GError **errp)
{
    PcDimms *d = need_memory(errp);
    return d ? pc_dimms_query_records(d) : NULL;
}
