/*
 * hmp-cmds.c - HMP command handlers. Each calls the C function of its QMP
 * twin and only formats the result as text (QEMU's layout where QEMU has
 * the command, the seed series' where it came from there).
 */
#include "monitor/hmp.h"
#include "qapi-generated.h"

#include <inttypes.h>
#include <string.h>

static const char *arg_str(JsonObject *args, const char *name)
{
    return json_object_has_member(args, name) ? json_object_get_string_member(args, name)
                                               : NULL;
}

void hmp_help(HmpContext *hmp, JsonObject *args)
{
    const char *name = arg_str(args, "name");
    bool info_only = name && !strcmp(name, "info");
    bool found = false;
    for (size_t i = 0; i < hmp_commands_count; i++) {
        const HmpCommand *c = &hmp_commands[i];
        if (info_only ? !c->is_info : (name && (c->is_info || strcmp(c->name, name)))) {
            continue;
        }
        found = true;
        hmp_printf(hmp, "%s%s%s%s -- %s\n", c->is_info ? "info " : "", c->name,
                   *c->params ? " " : "", c->params, c->help);
    }
    if (!found) {
        hmp_printf(hmp, "unknown command: '%s'\n", name);
    }
}

void hmp_info(HmpContext *hmp, JsonObject *args)
{
    /* only reached as plain 'info': list the subcommands */
    for (size_t i = 0; i < hmp_commands_count; i++) {
        const HmpCommand *c = &hmp_commands[i];
        if (c->is_info) {
            hmp_printf(hmp, "info %s%s%s -- %s\n", c->name, *c->params ? " " : "", c->params,
                       c->help);
        }
    }
}

void hmp_info_status(HmpContext *hmp, JsonObject *args)
{
    GError *err = NULL;
    StatusInfo *info = qmp_query_status(&err);
    if (!info) {
        hmp_report_error(hmp, err);
        return;
    }
    hmp_printf(hmp, "VM status: %s%s", info->running ? "running" : "paused",
               info->singlestep ? " (single step mode)" : "");
    if (!info->running && info->status != RUN_STATE_PAUSED) {
        hmp_printf(hmp, " (%s)", RunState_str(info->status));
    }
    hmp_printf(hmp, "\n");
    qapi_free_StatusInfo(info);
}

void hmp_info_memory_total(HmpContext *hmp, JsonObject *args)
{
    GError *err = NULL;
    int64_t total = qmp_query_memory_total(&err);
    if (err) {
        hmp_report_error(hmp, err);
        return;
    }
    hmp_printf(hmp, "MemTotal: %" PRId64 "\n", total);
}

void hmp_info_memory_hotplug(HmpContext *hmp, JsonObject *args)
{
    GError *err = NULL;
    MemHpInfoList *list = qmp_query_memory_hotplug(&err);
    if (err) {
        hmp_report_error(hmp, err);
        return;
    }
    for (MemHpInfoList *l = list; l; l = l->next) {
        hmp_printf(hmp, "dimm: %s %s %s\n", l->value->dimm, MemHpRequest_str(l->value->request),
                   MemHpResult_str(l->value->result));
    }
    qapi_free_MemHpInfoList(list);
}

void hmp_info_memory_devices(HmpContext *hmp, JsonObject *args)
{
    GError *err = NULL;
    MemoryDeviceInfoList *list = qmp_query_memory_devices(&err);
    if (err) {
        hmp_report_error(hmp, err);
        return;
    }
    for (MemoryDeviceInfoList *l = list; l; l = l->next) {
        MemoryDeviceInfo *v = l->value;
        if (v->type != MEMORY_DEVICE_INFO_KIND_DIMM || !v->u.dimm.data) {
            continue;
        }
        PCDIMMDeviceInfo *di = v->u.dimm.data;
        hmp_printf(hmp, "Memory device [%s]: \"%s\"\n", MemoryDeviceInfoKind_str(v->type),
                   di->id ? di->id : "");
        hmp_printf(hmp, "  addr: 0x%" PRIx64 "\n", (uint64_t)di->addr);
        hmp_printf(hmp, "  slot: %" PRId64 "\n", di->slot);
        hmp_printf(hmp, "  node: %" PRId64 "\n", di->node);
        hmp_printf(hmp, "  size: %" PRIu64 "\n", (uint64_t)di->size);
        hmp_printf(hmp, "  memdev: %s\n", di->memdev);
        hmp_printf(hmp, "  hotplugged: %s\n", di->hotplugged ? "true" : "false");
        hmp_printf(hmp, "  hotpluggable: %s\n", di->hotpluggable ? "true" : "false");
    }
    qapi_free_MemoryDeviceInfoList(list);
}

void hmp_info_memory_size_summary(HmpContext *hmp, JsonObject *args)
{
    GError *err = NULL;
    MemoryInfo *info = qmp_query_memory_size_summary(&err);
    if (!info) {
        hmp_report_error(hmp, err);
        return;
    }
    hmp_printf(hmp, "base memory: %" PRIu64 "\n", info->base_memory);
    if (info->has_plugged_memory) {
        hmp_printf(hmp, "plugged memory: %" PRIu64 "\n", info->plugged_memory);
    }
    qapi_free_MemoryInfo(info);
}

void hmp_device_add(HmpContext *hmp, JsonObject *args)
{
    GError *err = NULL;
    qmp_device_add(arg_str(args, "driver"), arg_str(args, "id"), args, &err);
    hmp_report_error(hmp, err);
}

void hmp_device_del(HmpContext *hmp, JsonObject *args)
{
    GError *err = NULL;
    qmp_device_del(arg_str(args, "id"), &err);
    hmp_report_error(hmp, err);
}

void hmp_object_add(HmpContext *hmp, JsonObject *args)
{
    /* the key=value strings go through the generated reader in keyval
     * mode: same members, same checks as QMP object-add */
    GError *err = NULL;
    QapiIn in;
    ObjectOptions *opts = NULL;
    JsonNode *node = json_node_alloc();
    json_node_init_object(node, args);
    qapi_in_init(&in, true);
    if (qapi_unmarshal_ObjectOptions(&in, node, NULL, &opts, &err)) {
        qmp_object_add(opts, &err);
    }
    qapi_in_cleanup(&in);
    qapi_free_ObjectOptions(opts);
    json_node_unref(node);
    hmp_report_error(hmp, err);
}

void hmp_object_del(HmpContext *hmp, JsonObject *args)
{
    GError *err = NULL;
    qmp_object_del(arg_str(args, "id"), &err);
    hmp_report_error(hmp, err);
}

void hmp_stop(HmpContext *hmp, JsonObject *args)
{
    GError *err = NULL;
    qmp_stop(&err);
    hmp_report_error(hmp, err);
}

void hmp_cont(HmpContext *hmp, JsonObject *args)
{
    GError *err = NULL;
    qmp_cont(&err);
    hmp_report_error(hmp, err);
}

void hmp_system_reset(HmpContext *hmp, JsonObject *args)
{
    GError *err = NULL;
    qmp_system_reset(&err);
    hmp_report_error(hmp, err);
}

void hmp_system_powerdown(HmpContext *hmp, JsonObject *args)
{
    GError *err = NULL;
    qmp_system_powerdown(&err);
    hmp_report_error(hmp, err);
}

void hmp_quit(HmpContext *hmp, JsonObject *args)
{
    GError *err = NULL;
    qmp_quit(&err);
    hmp_report_error(hmp, err);
}

/* ---- migration ---- */

void hmp_migrate(HmpContext *hmp, JsonObject *args)
{
    GError *err = NULL;
    if (!qmp_migrate(arg_str(args, "uri"), false, false, false, false, &err)) {
        hmp_report_error(hmp, err);
    }
}

void hmp_migrate_cancel(HmpContext *hmp, JsonObject *args)
{
    qmp_migrate_cancel(NULL);
}

void hmp_info_migrate(HmpContext *hmp, JsonObject *args)
{
    GError *err = NULL;
    MigrationCapabilityStatusList *caps = qmp_query_migrate_capabilities(&err);
    hmp_printf(hmp, "capabilities:");
    for (MigrationCapabilityStatusList *l = caps; l; l = l->next) {
        if (l->value->capability == MIGRATION_CAPABILITY_EVENTS) {
            hmp_printf(hmp, " events: %s", l->value->state ? "on" : "off");
        }
    }
    hmp_printf(hmp, "\n");
    qapi_free_MigrationCapabilityStatusList(caps);
    MigrationInfo *info = qmp_query_migrate(&err);
    if (!info->has_status) {
        qapi_free_MigrationInfo(info);
        return;
    }
    hmp_printf(hmp, "Migration status: %s\n", MigrationStatus_str(info->status));
    if (info->error_desc) {
        hmp_printf(hmp, "Migration error: %s\n", info->error_desc);
    }
    if (info->has_total_time) {
        hmp_printf(hmp, "total time: %" PRId64 " ms\n", info->total_time);
    }
    if (info->has_expected_downtime) {
        hmp_printf(hmp, "expected downtime: %" PRId64 " ms\n", info->expected_downtime);
    }
    if (info->has_downtime) {
        hmp_printf(hmp, "downtime: %" PRId64 " ms\n", info->downtime);
    }
    if (info->has_setup_time) {
        hmp_printf(hmp, "setup: %" PRId64 " ms\n", info->setup_time);
    }
    MigrationStats *r = info->ram;
    if (r) {
        hmp_printf(hmp, "transferred ram: %" PRId64 " kbytes\n", r->transferred >> 10);
        hmp_printf(hmp, "throughput: %0.2f mbps\n", r->mbps);
        hmp_printf(hmp, "remaining ram: %" PRId64 " kbytes\n", r->remaining >> 10);
        hmp_printf(hmp, "total ram: %" PRId64 " kbytes\n", r->total >> 10);
        hmp_printf(hmp, "duplicate: %" PRId64 " pages\n", r->duplicate);
        hmp_printf(hmp, "skipped: %" PRId64 " pages\n", r->skipped);
        hmp_printf(hmp, "normal: %" PRId64 " pages\n", r->normal);
        hmp_printf(hmp, "normal bytes: %" PRId64 " kbytes\n", r->normal_bytes >> 10);
        hmp_printf(hmp, "dirty sync count: %" PRId64 "\n", r->dirty_sync_count);
        hmp_printf(hmp, "page size: %" PRId64 " kbytes\n", r->page_size >> 10);
        hmp_printf(hmp, "pages-per-second: %" PRIu64 "\n", r->pages_per_second);
    }
    qapi_free_MigrationInfo(info);
}
