/*
 * hmp-balloon.c - HMP balloon and info balloon: QEMU's text around the QMP
 * commands (the target in MiB, actual printed in MiB).
 */
#include "monitor/hmp.h"
#include "hotmem/util.h"
#include "qapi-generated.h"

#include <inttypes.h>

void hmp_balloon(HmpContext *hmp, JsonObject *args)
{
    const char *arg = json_object_get_string_member(args, "value");
    uint64_t bytes;
    if (!hm_parse_size(arg, true, &bytes) || bytes > INT64_MAX) {
        hmp_printf(hmp, "Error: invalid size '%s'\n", arg);
        return;
    }
    GError *err = NULL;
    if (!qmp_balloon((int64_t)bytes, &err)) {
        hmp_report_error(hmp, err);
    }
}

void hmp_info_balloon(HmpContext *hmp, JsonObject *args)
{
    GError *err = NULL;
    BalloonInfo *info = qmp_query_balloon(&err);
    if (!info) {
        hmp_report_error(hmp, err);
        return;
    }
    hmp_printf(hmp, "balloon: actual=%" PRId64 "\n", info->actual >> 20);
    qapi_free_BalloonInfo(info);
}
