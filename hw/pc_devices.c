/*
 * pc_devices.c - -device: one place that knows the driver names.
 *
 * Arguments take QEMU's two forms, "DRIVER,KEY=VALUE,..." (or
 * "driver=DRIVER,...") and the JSON object libvirt passes; both become a
 * list of key/value strings checked against the driver's properties, with
 * QEMU's error texts. Everything is parsed before the machine exists.
 */
#include "hw/pc_devices.h"
#include "hw/dimm.h"
#include "hw/hotmem-pc.h"
#include "hw/memory-rules.h"
#include "hotmem/keyval.h"
#include "hotmem/util.h"
#include "monitor/qapi-runtime.h"
#include "qapi-generated.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define PCI_SLOTS 32

typedef enum {
    PC_DEVICE_VIRTIO_BALLOON,
    PC_DEVICE_PC_DIMM,
} PcDeviceKind;

typedef struct PcDeviceSpec {
    PcDeviceKind kind;
    char *driver;
    char *id;
    int slot;                     /* -1: the next free one */
    bool deflate_on_oom;
    bool free_page_reporting;
    PcDimmProperties *dimm;       /* pc-dimm: read by the schema's visitor */
} PcDeviceSpec;

struct PcDevices {
    PcDeviceSpec *specs;
    unsigned n;
    VirtioBalloon *balloon;
    /* what realize was given, for a device_add before boot */
    PciIntxRouter intx;
    PciMsiSender msi;
    PciIoeventfdOps ioeventfd;
    bool has_msi, has_ioeventfd;
};

static const char *const balloon_drivers[] = { "virtio-balloon-pci", "virtio-balloon" };

static bool parse_bool(const char *key, const char *val, bool *out, GError **errp)
{
    if (!keyval_parse_bool(val, out)) {
        g_set_error(errp, HM_ERROR, 0, "Parameter '%s' expects 'on' or 'off'", key);
        return false;
    }
    return true;
}

/* addr=SLOT[.0] in hex, as QEMU writes it ("0x2", "3", "0x4.0"). */
static bool parse_addr(const char *val, int *slot, GError **errp)
{
    char *end;
    guint64 s = g_ascii_strtoull(val, &end, 16);
    if (end != val && !strcmp(end, ".0")) {
        end += 2;
    }
    if (end == val || *end || s < HM_VIRTIO_PCI_FIRST_SLOT || s >= PCI_SLOTS) {
        g_set_error(errp, HM_ERROR, 0,
                    "Parameter 'addr' expects a slot 0x%x-0x1f (function 0), not '%s'",
                    HM_VIRTIO_PCI_FIRST_SLOT, val);
        return false;
    }
    *slot = (int)s;
    return true;
}

static bool apply_prop(PcDeviceSpec *s, const char *key, const char *val, GError **errp)
{
    if (!strcmp(key, "id")) {
        if (!mem_rule_id(val, MEM_DIMM_ID_MAX, NULL)) {       /* the rule; QEMU's words */
            g_set_error(errp, HM_ERROR, 0, "Parameter 'id' expects an identifier");
            return false;
        }
        g_free(s->id);
        s->id = g_strdup(val);
        return true;
    }
    if (!strcmp(key, "bus")) {
        if (strcmp(val, "pci.0") != 0) {
            g_set_error(errp, HM_ERROR, 0, "Bus '%s' not found", val);
            return false;
        }
        return true;
    }
    if (!strcmp(key, "addr")) {
        return parse_addr(val, &s->slot, errp);
    }
    if (!strcmp(key, "deflate-on-oom")) {
        return parse_bool(key, val, &s->deflate_on_oom, errp);
    }
    if (!strcmp(key, "free-page-reporting")) {
        return parse_bool(key, val, &s->free_page_reporting, errp);
    }
    g_set_error(errp, HM_ERROR, 0, "Property '%s.%s' not found", s->driver, key);
    return false;
}

/* A pc-dimm's properties (all but driver and id) read by the generated
 * visitor, as device_add reads them: the same names, checks and texts. */
static bool parse_pc_dimm(PcDeviceSpec *s, GPtrArray *kv, GError **errp)
{
    JsonObject *o = json_object_new();
    for (guint i = 0; i + 1 < kv->len; i += 2) {
        if (strcmp(kv->pdata[i], "driver") && strcmp(kv->pdata[i], "id")) {
            json_object_set_string_member(o, kv->pdata[i], kv->pdata[i + 1]);
        }
    }
    JsonNode *n = json_node_alloc();
    json_node_take_object(json_node_init(n, JSON_NODE_OBJECT), o);
    QapiIn in;
    qapi_in_init(&in, true);
    in.driver = "pc-dimm";
    bool ok = qapi_unmarshal_PcDimmProperties(&in, n, NULL, &s->dimm, errp) &&
              pc_dimm_memdev_given(s->dimm->memdev, errp);
    qapi_in_cleanup(&in);
    json_node_unref(n);
    if (ok && !s->id) {
        /* device_del and query-memory-devices name a DIMM by its id */
        g_set_error(errp, HM_ERROR, 0, "pc-dimm needs an id");
        return false;
    }
    return ok;
}

/* QEMU's JSON form: {"driver": "...", "id": "...", ...} */
static bool split_json(const char *arg, GPtrArray *kv, GError **errp)
{
    g_autoptr(JsonParser) parser = json_parser_new();
    JsonNode *root;
    if (!json_parser_load_from_data(parser, arg, -1, NULL) ||
        !(root = json_parser_get_root(parser)) || !JSON_NODE_HOLDS_OBJECT(root)) {
        g_set_error(errp, HM_ERROR, 0, "JSON argument is not a JSON object");
        return false;
    }
    JsonObject *o = json_node_get_object(root);
    g_autoptr(GList) members = json_object_get_members(o);
    for (GList *m = members; m; m = m->next) {
        JsonNode *v = json_object_get_member(o, m->data);
        GType t = JSON_NODE_HOLDS_VALUE(v) ? json_node_get_value_type(v) : G_TYPE_NONE;
        char *str = t == G_TYPE_STRING    ? g_strdup(json_node_get_string(v))
                    : t == G_TYPE_BOOLEAN ? g_strdup(json_node_get_boolean(v) ? "on" : "off")
                    : t == G_TYPE_INT64   ? g_strdup_printf("%" G_GINT64_FORMAT,
                                                            json_node_get_int(v))
                                          : NULL;
        if (!str) {
            g_set_error(errp, HM_ERROR, 0, "Parameter '%s' expects a string, number or "
                        "boolean", (const char *)m->data);
            return false;
        }
        g_ptr_array_add(kv, g_strdup(m->data));
        g_ptr_array_add(kv, str);
    }
    return true;
}

/* DRIVER,KEY=VALUE,... (the driver may also be given as driver=): the
 * one key=value grammar (util/keyval.c) */
static bool split_keyval(const char *arg, GPtrArray *kv, GError **errp)
{
    JsonObject *o = keyval_parse(arg, "driver", 0, errp);
    if (!o) {
        return false;
    }
    JsonObjectIter it;
    const char *key;
    JsonNode *val;
    json_object_iter_init_ordered(&it, o);
    while (json_object_iter_next_ordered(&it, &key, &val)) {
        g_ptr_array_add(kv, g_strdup(key));
        g_ptr_array_add(kv, g_strdup(json_node_get_string(val)));
    }
    json_object_unref(o);
    return true;
}

/* The argument as (key, value) pairs, driver included; NULL on a syntax error. */
static GPtrArray *split_arg(const char *arg, GError **errp)
{
    GPtrArray *kv = g_ptr_array_new_with_free_func(g_free);
    if (!(arg[0] == '{' ? split_json(arg, kv, errp) : split_keyval(arg, kv, errp))) {
        g_ptr_array_free(kv, TRUE);
        return NULL;
    }
    return kv;
}

static bool parse_one(PcDevices *d, const char *arg, PcDeviceSpec *s, GError **errp)
{
    GPtrArray *kv = split_arg(arg, errp);
    if (!kv) {
        return false;
    }
    bool ok = false;
    for (guint i = 0; i + 1 < kv->len; i += 2) {
        if (!strcmp(kv->pdata[i], "driver")) {
            g_free(s->driver);
            s->driver = g_strdup(kv->pdata[i + 1]);
        }
    }
    if (!s->driver || !*s->driver) {
        g_set_error(errp, HM_ERROR, 0, "Parameter 'driver' is missing");
        goto out;
    }
    bool known = false;
    for (unsigned i = 0; i < G_N_ELEMENTS(balloon_drivers); i++) {
        known |= !strcmp(s->driver, balloon_drivers[i]);
    }
    if (!strcmp(s->driver, "pc-dimm")) {
        s->kind = PC_DEVICE_PC_DIMM;
    } else if (!known) {
        g_set_error(errp, HM_ERROR, 0, "'%s' is not a valid device model name", s->driver);
        goto out;
    } else {
        s->kind = PC_DEVICE_VIRTIO_BALLOON;
    }
    for (guint i = 0; i + 1 < kv->len; i += 2) {
        bool dimm_prop = s->kind == PC_DEVICE_PC_DIMM && strcmp(kv->pdata[i], "id");
        if (strcmp(kv->pdata[i], "driver") != 0 && !dimm_prop &&
            !apply_prop(s, kv->pdata[i], kv->pdata[i + 1], errp)) {
            goto out;
        }
    }
    if (s->kind == PC_DEVICE_PC_DIMM && !parse_pc_dimm(s, kv, errp)) {
        goto out;
    }
    for (unsigned i = 0; i < d->n; i++) {
        if (s->id && d->specs[i].id && !strcmp(s->id, d->specs[i].id)) {
            g_set_error(errp, HM_ERROR, 0, "Duplicate ID '%s' for device", s->id);
            goto out;
        }
        if (s->slot >= 0 && s->slot == d->specs[i].slot) {
            g_set_error(errp, HM_ERROR, 0, "PCI: slot %d function 0 not available for %s",
                        s->slot, s->driver);
            goto out;
        }
        if (s->kind == PC_DEVICE_VIRTIO_BALLOON && d->specs[i].kind == s->kind) {
            g_set_error(errp, HM_ERROR, 0, "Only one balloon device is supported");
            goto out;
        }
    }
    ok = true;
out:
    g_ptr_array_free(kv, TRUE);
    return ok;
}

static void spec_clear(PcDeviceSpec *s)
{
    g_free(s->driver);
    g_free(s->id);
    qapi_free_PcDimmProperties(s->dimm);
}

PcDevices *pc_devices_parse(char *const *args, unsigned n, GError **errp)
{
    PcDevices *d = g_new0(PcDevices, 1);
    d->specs = g_new0(PcDeviceSpec, n ? n : 1);
    for (unsigned i = 0; i < n; i++) {
        PcDeviceSpec s = { .slot = -1 };
        GError *err = NULL;
        if (!parse_one(d, args[i], &s, &err)) {
            g_set_error(errp, HM_ERROR, 0, "-device %s: %s", args[i], err->message);
            g_error_free(err);
            spec_clear(&s);
            pc_devices_free(d);
            return NULL;
        }
        d->specs[d->n++] = s;
    }
    return d;
}

/* The first slot from 00:02 that nothing uses and no later -device asks for. */
static int free_slot(PcDevices *d, unsigned from)
{
    for (int slot = HM_VIRTIO_PCI_FIRST_SLOT; slot < PCI_SLOTS; slot++) {
        bool taken = pci_bus_find(slot << 3) != NULL;
        for (unsigned i = from; i < d->n && !taken; i++) {
            taken = d->specs[i].slot == slot;
        }
        if (!taken) {
            return slot;
        }
    }
    return -1;
}

static bool realize_balloon(PcDevices *d, unsigned i, GError **errp)
{
    PcDeviceSpec *s = &d->specs[i];
    int slot = s->slot >= 0 ? s->slot : free_slot(d, i + 1);
    if (slot < 0) {
        g_set_error(errp, HM_ERROR, 0, "-device %s: no free PCI slot", s->driver);
        return false;
    }
    VirtioBalloonOptions opts = {
        .id = s->id,
        .deflate_on_oom = s->deflate_on_oom,
        .free_page_reporting = s->free_page_reporting,
    };
    VirtioBalloon *b = virtio_balloon_new(&opts, (unsigned)slot << 3, &d->intx, errp);
    if (!b) {
        return false;
    }
    virtio_pci_set_msi(b->pci, d->has_msi ? &d->msi : NULL);
    if (d->has_ioeventfd && !virtio_pci_set_ioeventfd(b->pci, &d->ioeventfd, errp)) {
        virtio_balloon_free(b);
        return false;
    }
    s->slot = slot;
    d->balloon = b;
    return true;
}

bool pc_devices_realize(PcDevices *d, Piix3State *piix3, PcDimms *dimms,
                        const PciMsiSender *msi, const PciIoeventfdOps *ioeventfd,
                        GError **errp)
{
    d->intx = (PciIntxRouter){ .set = piix3_pci_set_irq, .opaque = piix3 };
    d->has_msi = msi != NULL;
    d->msi = msi ? *msi : (PciMsiSender){ 0 };
    d->has_ioeventfd = ioeventfd != NULL;
    d->ioeventfd = ioeventfd ? *ioeventfd : (PciIoeventfdOps){ 0 };
    for (unsigned i = 0; i < d->n; i++) {
        PcDeviceSpec *s = &d->specs[i];
        if (s->kind == PC_DEVICE_PC_DIMM) {
            const PcDimmProperties *p = s->dimm;
            if (!pc_dimms_coldplug_pc_dimm(dimms, s->id, p->memdev,
                                           p->has_node ? p->node : 0,
                                           p->has_slot ? p->slot : DIMM_SLOT_AUTO,
                                           p->has_addr ? p->addr : DIMM_ADDR_AUTO, errp)) {
                g_prefix_error(errp, "-device pc-dimm,id=%s: ", s->id);
                return false;
            }
            continue;
        }
        if (!realize_balloon(d, i, errp)) {
            return false;
        }
    }
    return true;
}

bool pc_devices_is_balloon_driver(const char *driver)
{
    for (unsigned i = 0; i < G_N_ELEMENTS(balloon_drivers); i++) {
        if (!strcmp(driver, balloon_drivers[i])) {
            return true;
        }
    }
    return false;
}

VirtioBalloon *pc_devices_add_balloon(PcDevices *d, const char *json, GError **errp)
{
    PcDeviceSpec s = { .slot = -1 };
    if (!parse_one(d, json, &s, errp)) {
        spec_clear(&s);
        return NULL;
    }
    g_assert(s.kind == PC_DEVICE_VIRTIO_BALLOON);
    d->specs = g_renew(PcDeviceSpec, d->specs, d->n + 1);
    d->specs[d->n] = s;
    if (!realize_balloon(d, d->n, errp)) {
        spec_clear(&d->specs[d->n]);
        return NULL;
    }
    d->n++;
    virtio_balloon_reset(d->balloon);     /* as a machine reset leaves a -device one */
    return d->balloon;
}

void pc_devices_reset(PcDevices *d)
{
    if (d && d->balloon) {
        virtio_balloon_reset(d->balloon);
    }
}

VirtioBalloon *pc_devices_balloon(PcDevices *d)
{
    return d ? d->balloon : NULL;
}

void pc_devices_free(PcDevices *d)
{
    if (!d) {
        return;
    }
    virtio_balloon_free(d->balloon);
    for (unsigned i = 0; i < d->n; i++) {
        spec_clear(&d->specs[i]);
    }
    g_free(d->specs);
    g_free(d);
}
