/*
 * qmp-memory-stubs.c - PLACEHOLDERS for the memory-device commands.
 *
 * The DIMM work implements these handlers (their prototypes are generated
 * in qapi-generated.h from qapi-schema.json) next to the device model, and
 * then DELETES THIS FILE: two definitions of a handler would otherwise meet
 * in libhotmem.a. Until then each command fails cleanly.
 */
#include "qapi-generated.h"

#define NOT_YET(cmd) \
    qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "%s: not available yet", cmd)

bool qmp_device_add(const char *driver, const char *id, JsonObject *props, GError **errp)
{
    NOT_YET("device_add");
    return false;
}

bool qmp_device_del(const char *id, GError **errp)
{
    NOT_YET("device_del");
    return false;
}

bool qmp_object_add(ObjectOptions *arg, GError **errp)
{
    NOT_YET("object-add");
    return false;
}

bool qmp_object_del(const char *id, GError **errp)
{
    NOT_YET("object-del");
    return false;
}

MemoryInfo *qmp_query_memory_size_summary(GError **errp)
{
    NOT_YET("query-memory-size-summary");
    return NULL;
}

MemoryDeviceInfoList *qmp_query_memory_devices(GError **errp)
{
    NOT_YET("query-memory-devices");
    return NULL;
}

ACPIOSTInfoList *qmp_query_acpi_ospm_status(GError **errp)
{
    NOT_YET("query-acpi-ospm-status");
    return NULL;
}

int64_t qmp_query_memory_total(GError **errp)
{
    NOT_YET("query-memory-total");
    return 0;
}

MemHpInfoList *qmp_query_memory_hotplug(GError **errp)
{
    NOT_YET("query-memory-hotplug");
    return NULL;
}
