/*
 * options-qemu.c - the options QEMU's management tools pass (libvirt's
 * command line for a direct-kernel-boot domain): each is QEMU's spelling,
 * read by the generated visitor, and either does what QEMU does or, where
 * hotmem has only one answer (one machine, KVM, the host CPU), accepts
 * that answer and refuses the others with one line naming them.
 */
#include "system/options-internal.h"
#include "hotmem/util.h"

#include <string.h>

bool parse_name(MachineConfig *cfg, const char *arg, GError **errp)
{
    g_autoptr(NameOptions) o = NULL;
    if (!CLI_READ(NameOptions, "-name", arg, "guest", NULL, &o, errp)) {
        return false;
    }
    if (!*o->guest || strlen(o->guest) > HM_MAX_NAME) {
        g_set_error(errp, HM_ERROR, 0, "-name: must be 1 to %d characters", HM_MAX_NAME);
        return false;
    }
    for (const char *p = o->guest; *p; p++) {
        if (!g_ascii_isprint(*p)) {
            g_set_error(errp, HM_ERROR, 0, "-name: non-printable character");
            return false;
        }
    }
    g_free(cfg->name);
    cfg->name = g_steal_pointer(&o->guest);
    return true;
}

static bool is_kvm(const char *opt, const char *accel, GError **errp)
{
    if (strcmp(accel, "kvm")) {
        g_set_error(errp, HM_ERROR, 0, "%s: accelerator '%s' is not supported (only kvm)",
                    opt, accel);
        return false;
    }
    return true;
}

bool parse_machine(MachineConfig *cfg, const char *arg, GError **errp)
{
    g_autoptr(MachineOptions) o = NULL;
    if (!CLI_READ(MachineOptions, "-machine", arg, "type", NULL, &o, errp)) {
        return false;
    }
    if (strcmp(o->type, "pc") && !g_str_has_prefix(o->type, "pc-i440fx-")) {
        g_set_error(errp, HM_ERROR, 0, "-machine: machine type '%s' is not supported (only "
                    "pc, the i440FX PC)", o->type);
        return false;
    }
    if (o->accel && !is_kvm("-machine accel", o->accel, errp)) {
        return false;
    }
    if (o->has_usb && o->usb) {
        g_set_error(errp, HM_ERROR, 0, "-machine: usb=on is not supported (no USB controller)");
        return false;
    }
    cfg->no_dump_guest_core = o->has_dump_guest_core && !o->dump_guest_core;
    cfg->no_mem_merge = o->has_mem_merge && !o->mem_merge;
    return true;
}

bool parse_accel(MachineConfig *cfg, const char *arg, GError **errp)
{
    g_autoptr(JsonNode) n = cli_keyval(arg, "accel", NULL, NULL, errp);
    if (!n) {
        g_prefix_error(errp, "-accel: ");
        return false;
    }
    JsonObject *o = json_node_get_object(n);
    if (json_object_get_size(o) != 1) {
        g_set_error(errp, HM_ERROR, 0, "-accel: kvm takes no properties here");
        return false;
    }
    /* "-accel thread=multi": the first element named a key, so no accelerator */
    if (!json_object_has_member(o, "accel")) {
        g_set_error(errp, HM_ERROR, 0, "-accel: the accelerator comes first (-accel kvm)");
        return false;
    }
    return is_kvm("-accel", json_object_get_string_member(o, "accel"), errp);
}

bool parse_cpu(MachineConfig *cfg, const char *arg, GError **errp)
{
    /* the guest gets the host's CPU model: what KVM supports */
    if (strcmp(arg, "host") && strcmp(arg, "max")) {
        g_set_error(errp, HM_ERROR, 0, "-cpu: model '%s' is not supported (host or max, "
                    "without features)", arg);
        return false;
    }
    return true;
}

bool parse_overcommit(MachineConfig *cfg, const char *arg, GError **errp)
{
    g_autoptr(OvercommitOptions) o = NULL;
    if (!CLI_READ(OvercommitOptions, "-overcommit", arg, NULL, NULL, &o, errp)) {
        return false;
    }
    if (o->has_cpu_pm && o->cpu_pm) {
        g_set_error(errp, HM_ERROR, 0, "-overcommit: cpu-pm=on is not supported");
        return false;
    }
    cfg->mem_lock = o->has_mem_lock && o->mem_lock;
    return true;
}

bool parse_uuid(MachineConfig *cfg, const char *arg, GError **errp)
{
    static const int dashes[] = { 8, 13, 18, 23 };
    bool ok = strlen(arg) == 36;
    for (int i = 0; ok && i < 36; i++) {
        bool dash = i == dashes[0] || i == dashes[1] || i == dashes[2] || i == dashes[3];
        ok = dash ? arg[i] == '-' : g_ascii_isxdigit(arg[i]);
    }
    if (!ok) {
        g_set_error(errp, HM_ERROR, 0, "-uuid: '%s' is not a UUID "
                    "(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)", arg);
        return false;
    }
    for (int i = 0; i < 36; i++) {
        cfg->uuid[i] = g_ascii_tolower(arg[i]);
    }
    cfg->uuid[36] = 0;
    return true;
}

bool parse_rtc(MachineConfig *cfg, const char *arg, GError **errp)
{
    g_autoptr(RtcOptions) o = NULL;
    if (!CLI_READ(RtcOptions, "-rtc", arg, NULL, NULL, &o, errp)) {
        return false;
    }
    if (o->base && strcmp(o->base, "utc") && strcmp(o->base, "localtime")) {
        g_set_error(errp, HM_ERROR, 0, "-rtc: base '%s' is not supported (utc or localtime)",
                    o->base);
        return false;
    }
    if (o->clock && strcmp(o->clock, "host")) {
        g_set_error(errp, HM_ERROR, 0, "-rtc: clock '%s' is not supported (host)", o->clock);
        return false;
    }
    if (o->driftfix && strcmp(o->driftfix, "none") && strcmp(o->driftfix, "slew")) {
        g_set_error(errp, HM_ERROR, 0, "-rtc: driftfix '%s' is not supported (none or slew)",
                    o->driftfix);
        return false;
    }
    cfg->rtc_localtime = o->base && !strcmp(o->base, "localtime");
    return true;
}

bool parse_boot(MachineConfig *cfg, const char *arg, GError **errp)
{
    g_autoptr(BootOptions) o = NULL;
    return CLI_READ(BootOptions, "-boot", arg, "order", NULL, &o, errp);
}

bool parse_msg(MachineConfig *cfg, const char *arg, GError **errp)
{
    g_autoptr(MsgOptions) o = NULL;
    if (!CLI_READ(MsgOptions, "-msg", arg, NULL, NULL, &o, errp)) {
        return false;
    }
    cfg->msg_timestamp = o->has_timestamp && o->timestamp;
    cfg->msg_guest_name = o->has_guest_name && o->guest_name;
    return true;
}
