/*
 * migration-qmp.c - the migration commands besides migrate itself:
 * migrate_cancel, query-migrate, capabilities, parameters and
 * migrate-incoming (include/migration/migration.h).
 */
#include "migration-int.h"
#include "hotmem/util.h"
#include "monitor/qapi-runtime.h"

#include <string.h>

#define DOWNTIME_LIMIT_MAX 2000000      /* ms, QEMU's bound */

bool qmp_migrate_cancel(GError **errp)
{
    MigState *s = &mig_state;
    g_mutex_lock(&s->lock);
    bool running = s->thread != NULL && s->outgoing &&
                   (s->status == MIGRATION_STATUS_SETUP || s->status == MIGRATION_STATUS_ACTIVE);
    if (running) {
        g_atomic_int_set(&s->cancel, 1);
        if (s->chan) {
            mig_channel_shutdown(s->chan);
        }
    }
    g_mutex_unlock(&s->lock);
    if (running) {
        mig_set_status(MIGRATION_STATUS_CANCELLING);
    }
    return true;
}

MigrationInfo *qmp_query_migrate(GError **errp)
{
    MigState *s = &mig_state;
    MigrationInfo *info = g_new0(MigrationInfo, 1);
    g_mutex_lock(&s->lock);
    if (s->status == MIGRATION_STATUS_NONE) {
        g_mutex_unlock(&s->lock);
        return info;                       /* QEMU: {} before the first migration */
    }
    info->has_status = true;
    info->status = s->status;
    bool over = s->status == MIGRATION_STATUS_COMPLETED || s->status == MIGRATION_STATUS_FAILED ||
                s->status == MIGRATION_STATUS_CANCELLED;
    if (s->has_ram) {
        info->ram = g_memdup2(&s->ram, sizeof(s->ram));
    }
    if (s->outgoing && s->start_ns) {
        info->has_total_time = true;
        info->total_time = ((over && s->end_ns ? s->end_ns : hm_clock_ns()) - s->start_ns) /
                           1000000;
        if (s->setup_ms) {
            info->has_setup_time = true;
            info->setup_time = s->setup_ms;
        }
        if (s->status == MIGRATION_STATUS_ACTIVE) {
            info->has_expected_downtime = true;
            info->expected_downtime = s->expected_downtime_ms;
        }
        if (s->status == MIGRATION_STATUS_COMPLETED) {
            info->has_downtime = true;
            info->downtime = s->downtime_ms;
        }
    }
    if (s->status == MIGRATION_STATUS_FAILED && s->error) {
        info->error_desc = g_strdup(s->error);
    }
    g_mutex_unlock(&s->lock);
    return info;
}

bool qmp_migrate_set_capabilities(MigrationCapabilityStatusList *caps, GError **errp)
{
    if (migration_in_progress()) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "There's a migration process in progress");
        return false;
    }
    for (MigrationCapabilityStatusList *l = caps; l; l = l->next) {
        if (l->value->state && l->value->capability != MIGRATION_CAPABILITY_EVENTS) {
            qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                           "hotmem does not support the migration capability '%s'",
                           MigrationCapability_str(l->value->capability));
            return false;
        }
    }
    for (MigrationCapabilityStatusList *l = caps; l; l = l->next) {
        if (l->value->capability == MIGRATION_CAPABILITY_EVENTS) {
            mig_state.events = l->value->state;
        }
    }
    return true;
}

MigrationCapabilityStatusList *qmp_query_migrate_capabilities(GError **errp)
{
    MigrationCapabilityStatusList *list = NULL;
    for (int c = MIGRATION_CAPABILITY__MAX - 1; c >= 0; c--) {
        MigrationCapabilityStatus *st = g_new0(MigrationCapabilityStatus, 1);
        st->capability = c;
        st->state = c == MIGRATION_CAPABILITY_EVENTS && mig_state.events;
        QAPI_LIST_PREPEND(list, st);
    }
    return list;
}

bool qmp_migrate_set_parameters(MigrationParameters *p, GError **errp)
{
    if (p->has_max_bandwidth && p->max_bandwidth == 0) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "Parameter 'max-bandwidth' expects a number of bytes per second "
                       "above 0");
        return false;
    }
    if (p->has_downtime_limit && p->downtime_limit > DOWNTIME_LIMIT_MAX) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "Parameter 'downtime-limit' expects an integer in the range of 0 to "
                       "%d milliseconds", DOWNTIME_LIMIT_MAX);
        return false;
    }
    if (p->has_max_bandwidth) {
        mig_state.max_bandwidth = p->max_bandwidth;
    }
    if (p->has_downtime_limit) {
        mig_state.downtime_limit = p->downtime_limit;
    }
    return true;
}

MigrationParameters *qmp_query_migrate_parameters(GError **errp)
{
    MigrationParameters *p = g_new0(MigrationParameters, 1);
    p->has_max_bandwidth = p->has_downtime_limit = true;
    p->max_bandwidth = mig_state.max_bandwidth;
    p->downtime_limit = mig_state.downtime_limit;
    return p;
}

bool qmp_migrate_incoming(const char *uri, GError **errp)
{
    MigState *s = &mig_state;
    if (!s->incoming_expected) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "'-incoming' was not specified on the command line");
        return false;
    }
    if (s->incoming_started) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "The incoming migration has already been started");
        return false;
    }
    GError *err = NULL;
    if (!mig_incoming_start(uri, &err)) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "%s", err->message);
        g_error_free(err);
        return false;
    }
    return true;
}
