/*
 * qmp-memory.c - the memory commands of QMP (and, through them, of HMP):
 * device_add/device_del for DIMMs, object-add/object-del for
 * memory-backend-ram, the memory queries, and the events the machine
 * reports (ACPI_DEVICE_OST, DEVICE_DELETED, DEVICE_UNPLUG_GUEST_ERROR).
 *
 * The DIMM slots belong to the machine (include/monitor/memory.h); what is
 * kept here is the monitor's own bookkeeping: memory backends, which are
 * only an (id, size) pair until a pc-dimm takes one (the DIMM maps its own
 * memory at plug time), and the list of hotplug outcomes of
 * query-memory-hotplug. Everything runs with the device lock held, which
 * also guards this bookkeeping: the machine's events arrive with it held.
 *
 * Every check comes before anything changes, so a refused command leaves
 * the machine and the bookkeeping exactly as they were.
 */
#include "monitor/memory.h"
#include "monitor/qapi-runtime.h"
#include "hw/hotmem-pc.h"
#include "hotmem/options.h"
#include "qapi-generated.h"

#include <inttypes.h>
#include <string.h>

#define BACKEND_ID_MAX 128

typedef struct MemBackend {
    char *id;
    uint64_t size;
    char *user;               /* id of the pc-dimm that uses it, NULL when free */
} MemBackend;

static MonitorMemoryOps mem_ops;
static bool have_mem_ops;
static GPtrArray *backends;   /* MemBackend *, in creation order */
static GQueue records = G_QUEUE_INIT;   /* MemHpInfo *, oldest first */

/* ------------------------------------------------------------ bookkeeping */

static void backend_free(gpointer p)
{
    MemBackend *b = p;
    g_free(b->id);
    g_free(b->user);
    g_free(b);
}

static void forget_all(void)
{
    if (backends) {
        g_ptr_array_free(backends, TRUE);
        backends = NULL;
    }
    g_queue_clear_full(&records, (GDestroyNotify)qapi_free_MemHpInfo);
}

void monitor_set_memory_ops(const MonitorMemoryOps *ops)
{
    forget_all();
    have_mem_ops = ops != NULL;
    mem_ops = ops ? *ops : (MonitorMemoryOps){ 0 };
}

static const MonitorMemoryOps *need_memory(GError **errp)
{
    if (!have_mem_ops) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "this machine has no memory devices");
        return NULL;
    }
    return &mem_ops;
}

static MemBackend *backend_find(const char *id)
{
    for (guint i = 0; backends && i < backends->len; i++) {
        MemBackend *b = g_ptr_array_index(backends, i);
        if (!strcmp(b->id, id)) {
            return b;
        }
    }
    return NULL;
}

static void record(const char *id, MemHpRequest request, MemHpResult result)
{
    MemHpInfo *r = g_new0(MemHpInfo, 1);
    r->dimm = g_strdup(id);
    r->request = request;
    r->result = result;
    g_queue_push_tail(&records, r);
    /* a guest that keeps writing _OST must not grow the host without end */
    while (g_queue_get_length(&records) > MONITOR_MEMHP_RECORDS_MAX) {
        qapi_free_MemHpInfo(g_queue_pop_head(&records));
    }
}

/* QEMU's rule for ids: a letter, then letters, digits, '-', '.', '_'. */
static bool id_wellformed(const char *id, size_t max)
{
    if (!g_ascii_isalpha(id[0]) || strlen(id) > max) {
        return false;
    }
    for (const char *p = id; *p; p++) {
        if (!g_ascii_isalnum(*p) && *p != '-' && *p != '.' && *p != '_') {
            return false;
        }
    }
    return true;
}

static bool check_id(const char *what, const char *id, size_t max, GError **errp)
{
    if (!id_wellformed(id, max)) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "%s id '%s' is not valid: a letter, then letters, digits, '-', "
                       "'.' or '_', at most %zu characters", what, id, max);
        return false;
    }
    return true;
}

static char *device_path(const char *id)
{
    return g_strdup_printf("/machine/peripheral/%s", id);
}

/* ------------------------------------------------------------ events */

void monitor_memory_ost(const char *id, unsigned slot, uint32_t event, uint32_t status)
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
    if (!id) {
        return;
    }
    /* the seed's records: the outcome of an insertion (Device Check or
     * insertion processing); 0x84-style progress codes are not outcomes */
    if (event == 0x01 || event == 0x200) {
        if (status == 0) {
            record(id, MEM_HP_REQUEST_HOT_ADD, MEM_HP_RESULT_SUCCESS);
        } else if (status <= 0x83) {
            record(id, MEM_HP_REQUEST_HOT_ADD, MEM_HP_RESULT_FAILURE);
        }
    }
}

void monitor_memory_deleted(const char *id, unsigned slot)
{
    if (!id) {
        return;
    }
    for (guint i = 0; backends && i < backends->len; i++) {
        MemBackend *b = g_ptr_array_index(backends, i);
        if (b->user && !strcmp(b->user, id)) {
            g_clear_pointer(&b->user, g_free);
        }
    }
    record(id, MEM_HP_REQUEST_HOT_REMOVE, MEM_HP_RESULT_SUCCESS);
    g_autofree char *path = device_path(id);
    qapi_event_send_device_deleted(id, path);
}

void monitor_memory_unplug_refused(const char *id, unsigned slot)
{
    if (!id) {
        return;
    }
    record(id, MEM_HP_REQUEST_HOT_REMOVE, MEM_HP_RESULT_FAILURE);
    g_autofree char *path = device_path(id);
    qapi_event_send_device_unplug_guest_error(id, path);
}

/* ------------------------------------------------------------ devices */

static bool device_add_dimm(const MonitorMemoryOps *ops, const char *id, JsonObject *props,
                            GError **errp)
{
    if (!qapi_props_check(props, "dimm", (const char *const[]){ NULL }, errp)) {
        return false;
    }
    return ops->plug_declared(ops->opaque, id, errp);
}

static bool device_add_pc_dimm(const MonitorMemoryOps *ops, const char *id,
                               JsonObject *props, GError **errp)
{
    static const char *const known[] = { "memdev", "slot", "node", "addr", NULL };
    const char *memdev = NULL;
    bool has_slot, has_node, has_addr;
    uint64_t slot = MONITOR_DIMM_SLOT_AUTO, node = 0, addr = 0;
    if (!qapi_props_check(props, "pc-dimm", known, errp) ||
        !qapi_prop_str(props, "memdev", &memdev, errp) ||
        !qapi_prop_uint(props, "slot", &has_slot, &slot, errp) ||
        !qapi_prop_uint(props, "node", &has_node, &node, errp) ||
        !qapi_prop_uint(props, "addr", &has_addr, &addr, errp)) {
        return false;
    }
    if (!memdev) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "pc-dimm '%s': property 'memdev' is missing (the id of a "
                       "memory-backend-ram from object-add)", id);
        return false;
    }
    MemBackend *b = backend_find(memdev);
    if (!b) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "pc-dimm '%s': memdev '%s' not found (no memory-backend-ram with "
                       "that id)", id, memdev);
        return false;
    }
    if (b->user) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "pc-dimm '%s': memdev '%s' is already in use by DIMM '%s'", id,
                       memdev, b->user);
        return false;
    }
    if (has_slot && slot >= HM_MEMHP_MAX_SLOTS) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "pc-dimm '%s': invalid slot %" PRIu64 ", valid range is [0-%u]", id,
                       slot, ops->slot_count(ops->opaque) - 1);
        return false;
    }
    if (node > UINT32_MAX) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "pc-dimm '%s': node %" PRIu64 " does not exist", id, node);
        return false;
    }
    /* the bus checks slot, node, size, address range and maxmem */
    if (!ops->plug_pc_dimm(ops->opaque, id, b->size, (unsigned)node, memdev,
                           has_slot ? (unsigned)slot : MONITOR_DIMM_SLOT_AUTO,
                           has_addr ? addr : MONITOR_DIMM_ADDR_AUTO, errp)) {
        return false;
    }
    b->user = g_strdup(id);
    return true;
}

bool qmp_device_add(const char *driver, const char *id, JsonObject *props, GError **errp)
{
    const MonitorMemoryOps *ops = need_memory(errp);
    if (!ops) {
        return false;
    }
    /* HMP "device_add id=foo" has no implied first key, so no driver */
    if (!driver) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "Parameter 'driver' is missing");
        return false;
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
    if (!check_id("device", id, HM_MAX_DIMM_ID, errp)) {
        return false;
    }
    return is_dimm ? device_add_dimm(ops, id, props, errp)
                   : device_add_pc_dimm(ops, id, props, errp);
}

bool qmp_device_del(const char *id, GError **errp)
{
    const MonitorMemoryOps *ops = need_memory(errp);
    return ops && ops->unplug_request(ops->opaque, id, errp);
}

/* ------------------------------------------------------------ backends */

bool qmp_object_add(ObjectOptions *arg, GError **errp)
{
    if (!need_memory(errp) || !check_id("object", arg->id, BACKEND_ID_MAX, errp)) {
        return false;
    }
    uint64_t size = arg->u.memory_backend_ram.size;
    if (backend_find(arg->id)) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "object '%s' already exists", arg->id);
        return false;
    }
    if (size == 0 || size % HM_DIMM_SIZE_UNIT || size > HM_MAX_DIMM_SIZE) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "memory-backend-ram '%s': size %" PRIu64 " is not a multiple of "
                       "128 MiB between 128 MiB and 1 TiB", arg->id, size);
        return false;
    }
    if (backends && backends->len >= MONITOR_BACKENDS_MAX) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "memory-backend-ram '%s': too many memory backends (at most %d)",
                       arg->id, MONITOR_BACKENDS_MAX);
        return false;
    }
    if (!backends) {
        backends = g_ptr_array_new_with_free_func(backend_free);
    }
    /* prealloc, share, merge, dump and reserve change nothing here: the
     * DIMM's memory is a private MAP_NORESERVE mapping made at plug time */
    MemBackend *b = g_new0(MemBackend, 1);
    b->id = g_strdup(arg->id);
    b->size = size;
    g_ptr_array_add(backends, b);
    return true;
}

bool qmp_object_del(const char *id, GError **errp)
{
    if (!need_memory(errp)) {
        return false;
    }
    MemBackend *b = backend_find(id);
    if (!b) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "object '%s' not found", id);
        return false;
    }
    if (b->user) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "object '%s' is in use by DIMM '%s', can not be deleted", id,
                       b->user);
        return false;
    }
    g_ptr_array_remove(backends, b);
    return true;
}

/* ------------------------------------------------------------ queries */

static uint64_t plugged_size(const MonitorMemoryOps *ops)
{
    uint64_t sum = 0;
    unsigned n = ops->slot_count(ops->opaque);
    for (unsigned i = 0; i < n; i++) {
        MonitorDimm d;
        ops->slot(ops->opaque, i, &d);
        if (d.enabled) {
            sum += d.size;
        }
    }
    return sum;
}

MemoryInfo *qmp_query_memory_size_summary(GError **errp)
{
    const MonitorMemoryOps *ops = need_memory(errp);
    if (!ops) {
        return NULL;
    }
    MemoryInfo *info = g_new0(MemoryInfo, 1);
    info->base_memory = ops->base_memory(ops->opaque);
    /* as QEMU: present when the machine can take memory devices at all */
    info->has_plugged_memory = ops->slot_count(ops->opaque) > 0;
    info->plugged_memory = plugged_size(ops);
    return info;
}

int64_t qmp_query_memory_total(GError **errp)
{
    const MonitorMemoryOps *ops = need_memory(errp);
    if (!ops) {
        return 0;
    }
    return (int64_t)(ops->base_memory(ops->opaque) + plugged_size(ops));
}

MemoryDeviceInfoList *qmp_query_memory_devices(GError **errp)
{
    const MonitorMemoryOps *ops = need_memory(errp);
    if (!ops) {
        return NULL;
    }
    MemoryDeviceInfoList *list = NULL;
    for (unsigned i = ops->slot_count(ops->opaque); i-- > 0;) {
        MonitorDimm d;
        ops->slot(ops->opaque, i, &d);
        if (!d.id || !d.enabled) {
            continue;
        }
        PCDIMMDeviceInfo *di = g_new0(PCDIMMDeviceInfo, 1);
        di->id = g_strdup(d.id);
        di->addr = (int64_t)d.addr;
        di->size = (int64_t)d.size;
        di->slot = i;
        di->node = d.node;
        /* a -dimm slot has no backend object: its memory is named after it,
         * as its RAM block is */
        di->memdev = d.memdev ? g_strdup_printf("/objects/%s", d.memdev)
                              : g_strdup_printf("/objects/dimm-%s", d.id);
        di->hotplugged = d.hotplugged;
        di->hotpluggable = true;
        MemoryDeviceInfo *v = g_new0(MemoryDeviceInfo, 1);
        v->type = MEMORY_DEVICE_INFO_KIND_DIMM;
        v->u.dimm.data = di;
        QAPI_LIST_PREPEND(list, v);
    }
    return list;              /* NULL is the empty list: errors go through errp */
}

ACPIOSTInfoList *qmp_query_acpi_ospm_status(GError **errp)
{
    const MonitorMemoryOps *ops = need_memory(errp);
    if (!ops) {
        return NULL;
    }
    ACPIOSTInfoList *list = NULL;
    for (unsigned i = ops->slot_count(ops->opaque); i-- > 0;) {
        MonitorDimm d;
        ops->slot(ops->opaque, i, &d);
        ACPIOSTInfo *info = g_new0(ACPIOSTInfo, 1);
        info->device = g_strdup(d.id);
        info->slot = g_strdup_printf("%u", i);
        info->slot_type = ACPI_SLOT_TYPE_DIMM;
        info->source = d.ost_event;
        info->status = d.ost_status;
        QAPI_LIST_PREPEND(list, info);
    }
    return list;
}

MemHpInfoList *qmp_query_memory_hotplug(GError **errp)
{
    if (!need_memory(errp)) {
        return NULL;
    }
    MemHpInfoList *list = NULL;
    for (GList *l = g_queue_peek_tail_link(&records); l; l = l->prev) {
        const MemHpInfo *r = l->data;
        MemHpInfo *copy = g_new0(MemHpInfo, 1);
        copy->dimm = g_strdup(r->dimm);
        copy->request = r->request;
        copy->result = r->result;
        QAPI_LIST_PREPEND(list, copy);
    }
    return list;
}
