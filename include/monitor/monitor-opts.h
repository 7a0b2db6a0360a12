/*
 * monitor-opts.h - -qmp and -monitor on the command line.
 */
#ifndef MONITOR_MONITOR_OPTS_H
#define MONITOR_MONITOR_OPTS_H

#include "hotmem/options.h"

#include <glib.h>
#include <stdbool.h>

#define HM_MAX_MONITORS 8

/*
 * Parses "unix:PATH,server=on,wait=off" (also "unix:PATH,server,nowait";
 * ",," stands for a comma in PATH) or "stdio" and appends it to
 * cfg->monitors. Anything but a listening socket that does not wait fails:
 * "only server=on,wait=off is supported".
 */
bool monitor_config_add(MachineConfig *cfg, MonitorProtocol protocol, const char *arg,
                        GError **errp);
/* After parsing: at most one monitor on stdio, and not with -serial stdio. */
bool monitor_config_check(const MachineConfig *cfg, GError **errp);
void monitor_config_clear(MachineConfig *cfg);

#endif
