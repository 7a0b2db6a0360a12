/*
 * fd.h - descriptors passed to the monitor with getfd (SCM_RIGHTS), kept
 * by name for "fd:NAME" migration URIs. Main thread.
 */
#ifndef MONITOR_FD_H
#define MONITOR_FD_H

#include <glib.h>

#define MONITOR_FDS_MAX 64

/* Removes the descriptor from the table and hands it to the caller; -1
 * with errp set when there is none by that name. */
int monitor_fd_take(const char *name, GError **errp);
/* Closes every kept descriptor (teardown, tests). */
void monitor_fd_table_clear(void);

#endif
