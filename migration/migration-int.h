/*
 * migration-int.h - shared by migration/migration.c (state, source,
 * commands) and migration/incoming.c (destination) only.
 */
#ifndef MIGRATION_MIGRATION_INT_H
#define MIGRATION_MIGRATION_INT_H

#include "migration/migration.h"
#include "migration/ram.h"
#include "migration/stream.h"
#include "migration/transport.h"

#include <glib.h>

/* The return path: the destination answers with a u32 length and that
 * many bytes of text; length 0 means yes. */
#define MIG_REPLY_MAX 4096
/* device section names besides the field tables' own */
#define MIG_DEV_EJECTS "dimm-ejects"   /* u32 count, u32 slots: ejects deferred */
#define MIG_DEV_UNPLUG "dimm-unplug"   /* u32 count, u32 slots: removals pending */
#define MIG_DEV_RUNSTATE "runstate"    /* u8: 1 the source guest ran, 0 it was paused */
#define MIG_DEV_SYNC "sync"            /* empty: answer once everything before is loaded */
/* the second layout-kind section: the -device list (migration/device-list.c) */
#define MIG_DEVICE_LIST "devices"

typedef struct MigState {
    GMutex lock;                  /* everything query-migrate reads */
    MigrationStatus status;
    bool outgoing;                /* the last migration went out (false: came in) */
    char *error;
    int64_t start_ns, end_ns;
    int64_t setup_ms, downtime_ms, expected_downtime_ms;
    bool has_ram;
    MigrationStats ram;

    /* parameters and capabilities (main thread) */
    bool events;
    uint64_t max_bandwidth;       /* bytes/s */
    uint64_t downtime_limit;      /* ms */

    MigrationMachine m;
    bool has_machine;

    GThread *thread;
    MigChannel *chan;             /* while the thread has one (for cancel) */
    gint cancel;                  /* atomic */
    bool finish_migrate;          /* source: vCPUs stopped for the switch-over */
    bool postmigrate;             /* source: completed, guest paused here */

    /* destination */
    bool incoming_expected;
    bool incoming_started;
    MigListener *listener;
    guint listen_watch;
} MigState;

extern MigState mig_state;

void mig_set_status(MigrationStatus st);
void mig_set_error(const char *msg);
/* Runs fn(data) in the main thread and waits for it. */
void mig_run_on_main(void (*fn)(void *data), void *data);
bool mig_reply_write(MigChannel *c, const char *msg, GError **errp);
/* *msg is NULL for yes, else the destination's refusal. */
bool mig_reply_read(MigChannel *c, char **msg, GError **errp);

/* incoming.c */
bool mig_incoming_start(const char *uri, GError **errp);

#endif
