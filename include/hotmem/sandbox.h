/*
 * sandbox.h - -sandbox: a seccomp filter over hotmem's own system calls
 * (system/sandbox.c), installed once the machine exists.
 */
#ifndef HOTMEM_SANDBOX_H
#define HOTMEM_SANDBOX_H

#include <glib.h>
#include <stdbool.h>

typedef struct SandboxConfig {
    bool enabled;
    bool deny_obsolete;           /* QEMU's default when enabled */
    bool deny_elevate_privileges;
    bool deny_spawn;
    bool deny_resource_control;
} SandboxConfig;

/* Installs the filter on every thread; nothing when !enabled. */
bool sandbox_apply(const SandboxConfig *sb, GError **errp);
/* True once a filter with spawn=deny holds: whoever would fork (migrate
 * exec:) refuses up front instead of failing in the background. */
bool sandbox_spawn_denied(void);

#endif
