/*
 * test-qmp-qom.c - the QOM tree over qom-list/qom-get/qom-set (every listed
 * property reads), the type queries, and the machine-discovery queries,
 * against a machine without KVM with DIMMs and backends.
 */
#include "hw/acpi_piix4.h"
#include "hw/hotmem-pc.h"
#include "hw/pc_dimm.h"
#include "hw/pc_memmap.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "hotmem/options.h"
#include "monitor/machine-ops.h"
#include "monitor/memory.h"
#include "monitor/qjson.h"
#include "monitor/qmp.h"
#include "qapi-generated.h"
#include "qmp-request.h"

#include <string.h>

static MachineConfig cfg;
static PcDimms *dimms;

static RunState fake_state(void *o)
{
    return RUN_STATE_RUNNING;
}

static int fake_tid(void *o, unsigned index)
{
    return 1000 + (int)index;
}

static char *run(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
static char *run(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *req = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_strdelimit(req, "'", '"');
    QmpSession s = { .negotiated = true };
    return qmp_request_text(&s, req);
}

static JsonNode *run_json(const char *req)
{
    g_autofree char *text = run("%s", req);
    GError *err = NULL;
    JsonNode *n = qjson_parse(text, &err);
    g_assert_no_error(err);
    JsonObject *o = json_node_get_object(n);
    if (!json_object_has_member(o, "return")) {
        g_test_message("%s -> %s", req, text);
    }
    g_assert_true(json_object_has_member(o, "return"));
    JsonNode *r = json_node_copy(json_object_get_member(o, "return"));
    json_node_unref(n);
    return r;
}

static void machine_up(void)
{
    const char *argv[] = { "hotmem", "-name", "guest1", "-m", "512M,slots=2,maxmem=4G",
                           "-smp", "4,sockets=2,cores=2", "-numa", "node,cpus=0-1",
                           "-numa", "node,cpus=2-3", "-dimm", "id=d0,size=1G,populated=on" };
    GError *err = NULL;
    g_assert_true(machine_config_parse(&cfg, G_N_ELEMENTS(argv), (char **)argv, &err));
    PcMemoryLayout layout;
    pc_memory_layout_init(&layout, cfg.ram_size);
    device_lock();
    dimms = pc_dimms_new(&cfg, &layout, 40, NULL, NULL, NULL, &err);
    g_assert_no_error(err);
    monitor_memory_attach(dimms);
    device_unlock();
    MonitorMachineOps ops = { .run_state = fake_state, .vcpu_thread_id = fake_tid,
                              .config = &cfg };
    monitor_set_machine_ops(&ops);
    g_autofree char *a = run("{'execute': 'object-add', 'arguments': {'qom-type': "
                             "'memory-backend-ram', 'id': 'm1', 'size': 1073741824, "
                             "'host-nodes': [0], 'policy': 'preferred'}}");
    g_assert_cmpstr(a, ==, "{\"return\": {}}");
    g_autofree char *b = run("{'execute': 'object-add', 'arguments': {'qom-type': "
                             "'memory-backend-memfd', 'id': 'f1', 'size': 134217728}}");
    g_assert_cmpstr(b, ==, "{\"return\": {}}");
    g_autofree char *c = run("{'execute': 'device_add', 'arguments': {'driver': 'pc-dimm', "
                             "'id': 'p1', 'memdev': 'm1', 'node': 1}}");
    g_assert_cmpstr(c, ==, "{\"return\": {}}");
}

static void machine_down(void)
{
    monitor_set_machine_ops(NULL);
    device_lock();
    monitor_memory_attach(NULL);
    pc_dimms_free(dimms);
    device_unlock();
    machine_config_clear(&cfg);
    ram_block_remove_all();
    io_unregister_all();
}

/* qom-list of path; every listed property must read with qom-get */
static GString *list_and_get_all(const char *path)
{
    g_autofree char *req = g_strdup_printf("{\"execute\": \"qom-list\", \"arguments\": "
                                           "{\"path\": \"%s\"}}", path);
    g_autoptr(JsonNode) l = run_json(req);
    GString *names = g_string_new("");
    JsonArray *a = json_node_get_array(l);
    for (guint i = 0; i < json_array_get_length(a); i++) {
        JsonObject *p = json_array_get_object_element(a, i);
        const char *name = json_object_get_string_member(p, "name");
        g_string_append_printf(names, "%s:%s ", name, json_object_get_string_member(p, "type"));
        g_autofree char *get = g_strdup_printf("{\"execute\": \"qom-get\", \"arguments\": "
                                               "{\"path\": \"%s\", \"property\": \"%s\"}}",
                                               path, name);
        g_autoptr(JsonNode) v = run_json(get);
        g_assert_nonnull(v);
    }
    return names;
}

static void test_tree(void)
{
    machine_up();
    static const char *const paths[] = {
        "/", "/machine", "/machine/peripheral", "/machine/unattached", "/objects",
        "/machine/peripheral/p1", "/machine/peripheral/d0", "/machine/unattached/device[3]",
        "/objects/m1", "/objects/f1", "/objects/pc.ram", "/objects/dimm-d0",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(paths); i++) {
        g_autoptr(GString) names = list_and_get_all(paths[i]);
        g_test_message("%s: %s", paths[i], names->str);
        g_assert_true(g_str_has_prefix(names->str, "type:string "));
    }
    g_autoptr(GString) objects = list_and_get_all("/objects");
    g_assert_nonnull(strstr(objects->str, "m1:child<memory-backend-ram>"));
    g_assert_nonnull(strstr(objects->str, "f1:child<memory-backend-memfd>"));
    /* every backend query-memdev lists is under /objects, as in QEMU */
    g_assert_nonnull(strstr(objects->str, "pc.ram:child<memory-backend-ram>"));
    g_assert_nonnull(strstr(objects->str, "dimm-d0:child<memory-backend-ram>"));
    g_autofree char *ram = run("{'execute': 'qom-get', 'arguments': {'path': "
                               "'/objects/pc.ram', 'property': 'size'}}");
    g_assert_cmpstr(ram, ==, "{\"return\": 536870912}");
    g_autoptr(GString) periph = list_and_get_all("/machine/peripheral");
    g_assert_nonnull(strstr(periph->str, "p1:child<pc-dimm>"));
    g_assert_nonnull(strstr(periph->str, "d0:child<dimm>"));

    g_autofree char *memdev = run("{'execute': 'qom-get', 'arguments': {'path': "
                                  "'/machine/peripheral/p1', 'property': 'memdev'}}");
    g_assert_cmpstr(memdev, ==, "{\"return\": \"/objects/m1\"}");
    g_autofree char *node = run("{'execute': 'qom-get', 'arguments': {'path': "
                                "'/machine/peripheral/p1', 'property': 'node'}}");
    g_assert_cmpstr(node, ==, "{\"return\": 1}");
    g_autofree char *hn = run("{'execute': 'qom-get', 'arguments': {'path': "
                              "'/objects/m1', 'property': 'host-nodes'}}");
    g_assert_cmpstr(hn, ==, "{\"return\": [0]}");
    g_autofree char *pol = run("{'execute': 'qom-get', 'arguments': {'path': "
                               "'/objects/m1', 'property': 'policy'}}");
    g_assert_cmpstr(pol, ==, "{\"return\": \"preferred\"}");
    g_autofree char *cpu = run("{'execute': 'qom-get', 'arguments': {'path': "
                               "'/machine/unattached/device[3]', 'property': 'socket-id'}}");
    g_assert_cmpstr(cpu, ==, "{\"return\": 1}");

    /* errors: QEMU's classes */
    g_autofree char *nopath = run("{'execute': 'qom-list', 'arguments': {'path': "
                                  "'/machine/peripheral/zz'}}");
    g_assert_cmpstr(nopath, ==, "{\"error\": {\"class\": \"DeviceNotFound\", \"desc\": "
                    "\"Device '/machine/peripheral/zz' not found\"}}");
    g_autofree char *cpu9 = run("{'execute': 'qom-list', 'arguments': {'path': "
                                "'/machine/unattached/device[9]'}}");
    g_assert_nonnull(strstr(cpu9, "DeviceNotFound"));
    g_autofree char *noprop = run("{'execute': 'qom-get', 'arguments': {'path': "
                                  "'/objects/m1', 'property': 'colour'}}");
    g_assert_cmpstr(noprop, ==, "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"Property 'memory-backend-ram.colour' not found\"}}");
    g_autofree char *set = run("{'execute': 'qom-set', 'arguments': {'path': "
                               "'/machine/peripheral/p1', 'property': 'addr', 'value': 0}}");
    g_assert_cmpstr(set, ==, "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"Attempt to set property 'addr' on device 'p1' (type 'pc-dimm') after "
                    "it was realized\"}}");
    machine_down();
}

static void test_types(void)
{
    machine_up();
    g_autofree char *be = run("{'execute': 'qom-list-types', 'arguments': "
                              "{'implements': 'memory-backend'}}");
    g_assert_nonnull(strstr(be, "\"memory-backend-ram\""));
    g_assert_nonnull(strstr(be, "\"memory-backend-file\""));
    g_assert_nonnull(strstr(be, "\"memory-backend-memfd\""));
    g_assert_null(strstr(be, "\"name\": \"memory-backend\""));     /* abstract */
    g_autofree char *all = run("{'execute': 'qom-list-types'}");
    g_assert_nonnull(strstr(all, "\"pc-dimm\""));
    g_autofree char *abs = run("{'execute': 'qom-list-types', 'arguments': "
                               "{'implements': 'memory-backend', 'abstract': true}}");
    g_test_message("%s", abs);
    g_assert_nonnull(strstr(abs, "\"name\": \"memory-backend\""));
    g_assert_nonnull(strstr(abs, "\"abstract\": true"));
    g_autofree char *props = run("{'execute': 'device-list-properties', 'arguments': "
                                 "{'typename': 'pc-dimm'}}");
    g_assert_nonnull(strstr(props, "{\"name\": \"memdev\", \"type\": \"link<memory-backend>\"}"));
    g_assert_nonnull(strstr(props, "\"slot\""));
    /* the balloon, as QEMU 7.2 lists it (libvirt's probe) */
    g_autofree char *vpci = run("{'execute': 'qom-list-types', 'arguments': "
                                "{'implements': 'virtio-pci'}}");
    g_assert_nonnull(strstr(vpci, "{\"name\": \"virtio-balloon-pci\", "
                                  "\"parent\": \"virtio-balloon-pci-base\"}"));
    g_assert_null(strstr(vpci, "pc-dimm"));
    g_autofree char *pcidev = run("{'execute': 'qom-list-types', 'arguments': "
                                  "{'implements': 'pci-device'}}");
    g_assert_nonnull(strstr(pcidev, "\"virtio-balloon-pci\""));
    g_assert_nonnull(strstr(all, "\"virtio-balloon-pci\""));
    g_autofree char *bprops = run("{'execute': 'device-list-properties', 'arguments': "
                                  "{'typename': 'virtio-balloon-pci'}}");
    g_test_message("%s", bprops);
    g_assert_nonnull(strstr(bprops, "{\"name\": \"deflate-on-oom\", \"description\": "
                                    "\"on/off\", \"type\": \"bool\"}"));
    g_assert_nonnull(strstr(bprops, "{\"name\": \"free-page-reporting\", \"description\": "
                                    "\"on/off\", \"type\": \"bool\"}"));
    g_assert_nonnull(strstr(bprops, "{\"name\": \"guest-stats-polling-interval\", "
                                    "\"type\": \"int\"}"));
    g_assert_nonnull(strstr(bprops, "{\"name\": \"guest-stats\", "
                                    "\"type\": \"guest statistics\"}"));
    g_autofree char *base = run("{'execute': 'device-list-properties', 'arguments': "
                                "{'typename': 'virtio-balloon-pci-base'}}");
    g_assert_nonnull(strstr(base, "non-abstract device type"));
    g_autofree char *nodev = run("{'execute': 'device-list-properties', 'arguments': "
                                 "{'typename': 'virtio-net-pci'}}");
    g_assert_cmpstr(nodev, ==, "{\"error\": {\"class\": \"DeviceNotFound\", \"desc\": "
                    "\"Device 'virtio-net-pci' not found\"}}");
    g_autofree char *notdev = run("{'execute': 'device-list-properties', 'arguments': "
                                  "{'typename': 'memory-backend-ram'}}");
    g_assert_nonnull(strstr(notdev, "expects device type"));
    machine_down();
}

static void test_queries(void)
{
    machine_up();
    g_autoptr(JsonNode) cpus = run_json("{\"execute\": \"query-cpus-fast\"}");
    JsonArray *ca = json_node_get_array(cpus);
    g_assert_cmpuint(json_array_get_length(ca), ==, 4);
    JsonObject *c3 = json_array_get_object_element(ca, 3);
    g_assert_cmpint(json_object_get_int_member(c3, "cpu-index"), ==, 3);
    g_assert_cmpint(json_object_get_int_member(c3, "thread-id"), ==, 1003);
    g_assert_cmpstr(json_object_get_string_member(c3, "qom-path"), ==,
                    "/machine/unattached/device[3]");
    g_assert_cmpstr(json_object_get_string_member(c3, "target"), ==, "x86_64");
    JsonObject *p3 = json_object_get_object_member(c3, "props");
    g_assert_cmpint(json_object_get_int_member(p3, "node-id"), ==, 1);
    g_assert_cmpint(json_object_get_int_member(p3, "socket-id"), ==, 1);
    g_assert_cmpint(json_object_get_int_member(p3, "core-id"), ==, 1);
    g_assert_cmpint(json_object_get_int_member(p3, "thread-id"), ==, 0);
    g_autofree char *hp = run("{'execute': 'query-hotpluggable-cpus'}");
    g_assert_nonnull(strstr(hp, "\"qom-path\": \"/machine/unattached/device[0]\""));
    g_autofree char *name = run("{'execute': 'query-name'}");
    g_assert_cmpstr(name, ==, "{\"return\": {\"name\": \"guest1\"}}");
    g_autofree char *kvm = run("{'execute': 'query-kvm'}");
    g_assert_cmpstr(kvm, ==, "{\"return\": {\"enabled\": true, \"present\": true}}");
    g_autofree char *target = run("{'execute': 'query-target'}");
    g_assert_cmpstr(target, ==, "{\"return\": {\"arch\": \"x86_64\"}}");
    g_autofree char *uuid = run("{'execute': 'query-uuid'}");
    g_assert_cmpstr(uuid, ==, "{\"return\": {\"UUID\": "
                    "\"00000000-0000-0000-0000-000000000000\"}}");
    g_autofree char *mach = run("{'execute': 'query-machines'}");
    g_assert_nonnull(strstr(mach, "\"alias\": \"pc\""));
    g_autofree char *ev = run("{'execute': 'query-events'}");
    g_assert_nonnull(strstr(ev, "{\"name\": \"DEVICE_DELETED\"}"));
    g_assert_nonnull(strstr(ev, "{\"name\": \"ACPI_DEVICE_OST\"}"));
    g_autofree char *smp = run("{'execute': 'query-command-line-options', 'arguments': "
                               "{'option': 'smp'}}");
    g_assert_nonnull(strstr(smp, "{\"name\": \"cpus\", \"type\": \"number\"}"));
    g_autofree char *m = run("{'execute': 'query-command-line-options', 'arguments': "
                             "{'option': 'm'}}");
    g_assert_nonnull(strstr(m, "{\"name\": \"maxmem\", \"type\": \"size\"}"));
    g_autofree char *bad = run("{'execute': 'query-command-line-options', 'arguments': "
                               "{'option': 'spice'}}");
    g_assert_cmpstr(bad, ==, "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                    "\"invalid option name: spice\"}}");
    g_autofree char *all = run("{'execute': 'query-command-line-options'}");
    g_assert_nonnull(strstr(all, "\"option\": \"kernel\""));
    g_autoptr(JsonNode) md = run_json("{\"execute\": \"query-memdev\"}");
    JsonArray *ma = json_node_get_array(md);
    g_autoptr(GString) ids = g_string_new("");
    for (guint i = 0; i < json_array_get_length(ma); i++) {
        JsonObject *e = json_array_get_object_element(ma, i);
        const char *id = json_object_get_string_member(e, "id");
        g_string_append_printf(ids, "%s ", id);
        gint64 size = json_object_get_int_member(e, "size");
        bool share = json_object_get_boolean_member(e, "share");
        const char *policy = json_object_get_string_member(e, "policy");
        guint nodes = json_array_get_length(json_object_get_array_member(e, "host-nodes"));
        g_assert_true(json_object_get_boolean_member(e, "merge"));
        g_assert_true(json_object_get_boolean_member(e, "dump"));
        g_assert_false(json_object_get_boolean_member(e, "prealloc"));
        if (!strcmp(id, "pc.ram")) {
            g_assert_cmpint(size, ==, 512 << 20);
            g_assert_false(share);
            g_assert_cmpstr(policy, ==, "default");
            g_assert_cmpuint(nodes, ==, 0);
        } else if (!strcmp(id, "m1")) {
            g_assert_cmpint(size, ==, 1 << 30);
            g_assert_cmpstr(policy, ==, "preferred");
            g_assert_cmpuint(nodes, ==, 1);
        } else if (!strcmp(id, "f1")) {
            g_assert_cmpint(size, ==, 128 << 20);
            g_assert_true(share);                           /* memfd's default */
        }
    }
    g_assert_cmpstr(ids->str, ==, "pc.ram dimm-d0 m1 f1 ");
    machine_down();
}

/* query-chardev: each monitor's socket, a -chardev by its id, the serial
 * backend */
static void test_chardev(void)
{
    const char *argv[] = { "hotmem", "-qmp", "unix:/tmp/hm-unit-q.sock,server=on,wait=off",
                           "-chardev", "socket,id=charmonitor,path=/tmp/hm-unit-c.sock,"
                           "server=on,wait=off",
                           "-mon", "chardev=charmonitor,id=monitor,mode=control",
                           "-monitor", "unix:/tmp/hm-unit-h.sock,server=on,wait=off",
                           "-serial", "file:/tmp/hm-unit-serial.txt" };
    MachineConfig c = { 0 };
    GError *err = NULL;
    g_assert_true(machine_config_parse(&c, G_N_ELEMENTS(argv), (char **)argv, &err));
    MonitorMachineOps ops = { .run_state = fake_state, .config = &c };
    monitor_set_machine_ops(&ops);
    g_autofree char *r = run("{'execute': 'query-chardev'}");
    g_assert_cmpstr(r, ==, "{\"return\": ["
        "{\"frontend-open\": true, \"filename\": \"unix:/tmp/hm-unit-q.sock,server=on\", "
        "\"label\": \"compat_monitor0\"}, "
        "{\"frontend-open\": true, \"filename\": \"unix:/tmp/hm-unit-c.sock,server=on\", "
        "\"label\": \"charmonitor\"}, "
        "{\"frontend-open\": true, \"filename\": \"unix:/tmp/hm-unit-h.sock,server=on\", "
        "\"label\": \"compat_monitor1\"}, "
        "{\"frontend-open\": true, \"filename\": \"file:/tmp/hm-unit-serial.txt\", "
        "\"label\": \"serial0\"}]}");
    monitor_set_machine_ops(NULL);
    machine_config_clear(&c);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qmp-qom/tree", test_tree);
    g_test_add_func("/qmp-qom/types", test_types);
    g_test_add_func("/qmp-qom/queries", test_queries);
    g_test_add_func("/qmp-qom/chardev", test_chardev);
    return g_test_run();
}
