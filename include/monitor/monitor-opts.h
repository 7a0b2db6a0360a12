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
/*
 * -chardev socket,id=ID,path=PATH|fd=N,server=on,wait=off (also
 * "server,nowait"): fd must be a listening unix stream socket. Other
 * backends are refused.
 */
bool monitor_chardev_add(MachineConfig *cfg, const char *arg, GError **errp);
/* -mon [chardev=]ID[,id=NAME][,mode=control|readline]: QMP or HMP (QEMU's
 * default) on a -chardev, resolved by monitor_config_check. */
bool monitor_mon_add(MachineConfig *cfg, const char *arg, GError **errp);
/* After parsing: every -mon gets its -chardev (an unknown one, one used
 * twice or a -chardev no -mon uses is an error); at most one monitor on
 * stdio, and not with -serial stdio. */
bool monitor_config_check(MachineConfig *cfg, GError **errp);
void monitor_config_clear(MachineConfig *cfg);

#endif
