/*
 * migration.h - the migration engine as the machine and the monitors see
 * it (docs/specs/migration.txt).
 *
 * Source: qmp_migrate starts a thread that connects, sends the memory
 * layout and waits for the destination's verdict (a socket has a return
 * path; exec: and file: have none, the destination then checks at load),
 * starts dirty logging, sends RAM passes until what is left fits
 * downtime-limit at the measured bandwidth, asks the main thread to stop
 * the vCPUs, sends the last pass, the KVM and device state and END, and
 * waits for the destination to say it runs. A failure or migrate_cancel
 * before that point leaves the source guest running; dirty logging is off
 * again in every case.
 *
 * Destination: -incoming URI (or -incoming defer + migrate-incoming)
 * keeps the vCPUs stopped, takes one connection and loads it in a thread;
 * the vCPUs start when END has arrived and the state is restored. A failed
 * incoming migration makes hotmem exit with status 1 and one line saying
 * why, as QEMU's destination does.
 *
 * While a migration (either way) runs, memory hotplug commands are refused
 * and a guest eject is deferred until it ends.
 */
#ifndef MIGRATION_MIGRATION_H
#define MIGRATION_MIGRATION_H

#include "hotmem/kvm.h"
#include "qapi-generated.h"

#include <glib.h>
#include <stdbool.h>

struct PcDimms;

/* A device whose field table travels in the stream (saved and loaded
 * with the device lock held; obj is size bytes). */
typedef struct MigrationDevice {
    const struct VmStateDesc *desc;
    uint32_t instance;
    void *obj;
    size_t size;
    /* a device the command line adds (-device): its driver name and the
     * properties a destination must repeat. Labelled devices travel in the
     * "devices" list after the layout, and a destination without the same
     * ones refuses before the source stops (NULL: a chipset device). */
    const char *label;
    const char *identity;
} MigrationDevice;

#define MIGRATION_DEVICES_MAX 16

/* What the engine needs of the machine (hw/pc.c fills it). The vCPU calls
 * come from the main thread, device lock not held. */
typedef struct MigrationMachine {
    KvmAccel *kvm;
    unsigned ncpus;
    struct PcDimms *dimms;
    MigrationDevice devices[MIGRATION_DEVICES_MAX];
    unsigned ndevices;
    bool (*running)(void *opaque);          /* vCPUs run (not 'stop'ped) */
    void (*vcpus_stop)(void *opaque);
    bool (*vcpus_start)(void *opaque, GError **errp);
    /* destination: the source guest was paused; it stays so until 'cont' */
    void (*mark_paused)(void *opaque);
    /* devices hold back main-loop work (true) from the switch-over's start
     * until the migration has failed or the destination's guest runs, so the
     * last RAM pass and their state agree (NULL: nothing to hold) */
    void (*quiesce)(void *opaque, bool on);
    void *opaque;
    /* a device whose state cannot travel (NULL: none): migrate refuses */
    const char *blocker;
} MigrationMachine;

/* m copied; NULL unregisters. */
void migration_set_machine(const MigrationMachine *m);

/* The "devices" section (migration/device-list.c): the labelled devices,
 * and the destination's verdict on the source's list. */
GByteArray *migration_device_list_save(const MigrationMachine *m);
bool migration_device_list_check(const MigrationMachine *m, const uint8_t *buf, size_t len,
                                 GError **errp);

/* -incoming: "defer", or a URI to listen on at once. The vCPUs must not
 * be started while an incoming migration is expected. */
bool migration_incoming_init(const char *incoming, GError **errp);
/* True from -incoming until the incoming guest runs. */
bool migration_incoming_expected(void);

/* An outgoing or incoming migration is under way: hotplug is refused. */
bool migration_in_progress(void);
/* The run state the monitors report, given the machine's own (running or
 * paused): inmigrate, finish-migrate and postmigrate come from here. */
RunState migration_run_state(RunState machine_state);

/* Main thread: cancels what runs and waits for its thread to end (a guest
 * reset must not recreate the VM or complete removals under a migration). */
void migration_cancel_and_wait(void);
/* Teardown (main thread): the same, then forgets the machine. */
void migration_shutdown(void);

#endif
