/*
 * main-loop.h - the main thread: acts on reset/shutdown requests, feeds
 * the host console to the guest, handles signals. vCPUs run elsewhere.
 */
#ifndef HOTMEM_MAIN_LOOP_H
#define HOTMEM_MAIN_LOOP_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct MainLoopOps {
    /* stops vCPUs, resets devices and restarts at the reset vector */
    bool (*reset)(void *opaque, GError **errp);
    /* called with the device lock held; returns how many bytes were taken */
    size_t (*console_input)(void *opaque, const uint8_t *buf, size_t len);
    /* -no-shutdown: the guest powered off; the machine stops its vCPUs and
     * the loop goes on */
    void (*guest_shutdown)(void *opaque);
    void *opaque;
} MainLoopOps;

typedef struct MainLoopConfig {
    bool no_reboot;             /* a guest reset ends the run instead */
    bool no_shutdown;           /* a guest power-off stops the VM instead */
    bool console_stdin;         /* forward standard input to the console */
} MainLoopConfig;

/* Runs until the guest powers off, a signal arrives or a fatal error;
 * returns the process exit status. */
int main_loop_run(const MainLoopOps *ops, const MainLoopConfig *cfg);

#endif
