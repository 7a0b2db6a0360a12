/*
 * options-internal.h - what the command-line parsers of system/ share: the
 * key=value grammar read by the generated visitor in command-line mode.
 */
#ifndef SYSTEM_OPTIONS_INTERNAL_H
#define SYSTEM_OPTIONS_INTERNAL_H

#include "hotmem/keyval.h"
#include "hotmem/options.h"
#include "monitor/qapi-runtime.h"
#include "qapi-generated.h"

/* arg split with the key=value grammar into a JSON object for the
 * generated visitor in keyval mode; a size without a suffix in one of the
 * mib keys is in MiB, as QEMU's -m and -numa mem= are. */
JsonNode *cli_keyval(const char *arg, const char *implied, const char *const *mib,
                     const char *const *lists, GError **errp);
void cli_in_init(QapiIn *in);

/* Reads -OPT ARG into a generated struct: out is set, or errp is set with
 * "-OPT: " in front. */
#define CLI_READ(type, opt, arg, implied, mib, out, errp) \
    CLI_READ_LISTS(type, opt, arg, implied, mib, NULL, out, errp)
/* lists: the keys that may repeat (list members of the struct) */
#define CLI_READ_LISTS(type, opt, arg, implied, mib, lists, out, errp) ({                  \
        QapiIn in_;                                                           \
        JsonNode *node_ = cli_keyval(arg, implied, mib, lists, errp);                \
        bool ok_ = node_ && qapi_unmarshal_##type(&in_, (cli_in_init(&in_), node_), \
                                                  NULL, out, errp);           \
        if (node_) {                                                          \
            qapi_in_cleanup(&in_);                                            \
            json_node_unref(node_);                                           \
        }                                                                     \
        if (!ok_) {                                                           \
            g_prefix_error(errp, "%s: ", opt);                                \
        }                                                                     \
        ok_;                                                                  \
    })

/* A -object by id, and a memory backend's size (0 for other types). */
const ObjectOptions *find_object(const MachineConfig *cfg, const char *id);
uint64_t object_size(const ObjectOptions *o);

/* The options QEMU's management tools pass (system/options-qemu.c). */
bool parse_name(MachineConfig *cfg, const char *arg, GError **errp);
bool parse_machine(MachineConfig *cfg, const char *arg, GError **errp);
bool parse_accel(MachineConfig *cfg, const char *arg, GError **errp);
bool parse_cpu(MachineConfig *cfg, const char *arg, GError **errp);
bool parse_overcommit(MachineConfig *cfg, const char *arg, GError **errp);
bool parse_uuid(MachineConfig *cfg, const char *arg, GError **errp);
bool parse_rtc(MachineConfig *cfg, const char *arg, GError **errp);
bool parse_boot(MachineConfig *cfg, const char *arg, GError **errp);
bool parse_msg(MachineConfig *cfg, const char *arg, GError **errp);

#endif
