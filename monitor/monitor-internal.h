/*
 * monitor-internal.h - shared between the files of monitor/ only.
 */
#ifndef MONITOR_MONITOR_INTERNAL_H
#define MONITOR_MONITOR_INTERNAL_H

/* SHUTDOWN went out with the reply to quit: the main loop's hook must not
 * send a second one when it acts on the quit request. */
void monitor_note_shutdown_sent(void);

#endif
