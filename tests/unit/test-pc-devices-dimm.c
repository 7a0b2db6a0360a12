/*
 * test-pc-devices-dimm.c - -device pc-dimm (key=value and libvirt's JSON):
 * read by the schema's PcDimmProperties, cold-plugged with the machine
 * like a -dimm populated=on, shown by query-memory-devices with its memdev
 * (not hotplugged, hotpluggable), and removable; bad properties and plug
 * failures refused with one message naming the device.
 */
#include "hw/fw_cfg.h"
#include "hw/hostmem.h"
#include "hw/hotmem-abi.h"
#include "hw/hotmem-pc.h"
#include "hw/pc_devices.h"
#include "hw/pc_dimm.h"
#include "hw/pc_memmap.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "hotmem/options.h"
#include "qapi-generated.h"
#include "tests/unit/parse-options.h"

#include <string.h>

#define MiB (1ULL << 20)

typedef struct {
    MachineConfig cfg;
    PcMemoryLayout layout;
    PcDimms *dimms;
} Machine;

static void machine_up(Machine *m)
{
    GError *err = NULL;
    memset(m, 0, sizeof(*m));
    g_assert_true(parse_options(&m->cfg, &err, "-m", "512M,slots=4,maxmem=4G", "-smp", "2",
                                "-numa", "node,cpus=0", "-numa", "node,cpus=1", NULL));
    pc_memory_layout_init(&m->layout, m->cfg.ram_size);
    m->dimms = pc_dimms_new(&m->cfg, &m->layout, 40, NULL, NULL, NULL, &err);
    g_assert_no_error(err);
    g_assert_nonnull(hostmem_add("m0", 256 * MiB, NULL, &err));
    g_assert_nonnull(hostmem_add("m1", 128 * MiB, NULL, &err));
    g_assert_no_error(err);
}

static void machine_down(Machine *m)
{
    pc_dimms_free(m->dimms);
    machine_config_clear(&m->cfg);
    ram_block_remove_all();
    io_unregister_all();
}

static PcDevices *parse2(const char *a, const char *b, GError **err)
{
    char *args[2] = { (char *)a, (char *)b };
    return pc_devices_parse(args, b ? 2 : 1, err);
}

static void test_coldplug(void)
{
    Machine m;
    machine_up(&m);
    GError *err = NULL;
    PcDevices *d = parse2("pc-dimm,id=d0,memdev=m0,node=1,slot=2",
                          "{\"driver\":\"pc-dimm\",\"id\":\"d1\",\"memdev\":\"m1\"}", &err);
    g_assert_no_error(err);
    g_assert_true(pc_devices_realize(d, NULL, m.dimms, NULL, NULL, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(pc_dimms_plugged_size(m.dimms), ==, 384 * MiB);
    MemoryDeviceInfoList *l = pc_dimms_query_devices(m.dimms);
    unsigned n = 0;
    for (MemoryDeviceInfoList *e = l; e; e = e->next, n++) {
        PCDIMMDeviceInfo *i = e->value->u.dimm.data;
        bool first = !strcmp(i->id, "d0");
        g_assert_cmpstr(i->memdev, ==, first ? "/objects/m0" : "/objects/m1");
        g_assert_cmpint(i->size, ==, first ? 256 * MiB : 128 * MiB);
        g_assert_cmpint(i->node, ==, first ? 1 : 0);
        if (first) {
            g_assert_cmpint(i->slot, ==, 2);
        }
        g_assert_false(i->hotplugged);          /* plugged at boot */
        g_assert_true(i->hotpluggable);
    }
    g_assert_cmpuint(n, ==, 2);
    qapi_free_MemoryDeviceInfoList(l);
    /* device_del can remove it: the request goes to the guest */
    g_assert_true(pc_dimms_unplug_request(m.dimms, "d0", &err));
    g_assert_no_error(err);
    pc_devices_free(d);
    machine_down(&m);
}

static void select_key(uint16_t key)
{
    uint8_t d[2] = { (uint8_t)key, (uint8_t)(key >> 8) };
    io_dispatch(IO_SPACE_PORT, HM_FW_CFG_PORT_SEL, d, 2, true);
}

static void read_data(void *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        io_dispatch(IO_SPACE_PORT, HM_FW_CFG_PORT_DATA, (uint8_t *)buf + i, 1, false);
    }
}

/* etc/hotplug-memory as the firmware reads it, through the ports. */
static GByteArray *read_hotplug_memory(void)
{
    uint32_t count;
    select_key(HM_FW_CFG_FILE_DIR);
    read_data(&count, 4);
    count = GUINT32_FROM_BE(count);
    for (uint32_t i = 0; i < count; i++) {
        HmFwCfgFile e;
        read_data(&e, sizeof(e));
        if (!strcmp(e.name, HM_FW_CFG_FILE_HOTPLUG_MEMORY)) {
            GByteArray *a = g_byte_array_new();
            g_byte_array_set_size(a, GUINT32_FROM_BE(e.size));
            select_key(GUINT16_FROM_BE(e.select));
            read_data(a->data, a->len);
            return a;
        }
    }
    return NULL;
}

/* The machine's recipe: the DIMM files are published once the cold
 * pc-dimms are in, so the firmware sees them populated with their base,
 * size and node, as it sees a -dimm populated=on. */
static void test_fw_cfg_file(void)
{
    Machine m;
    machine_up(&m);
    GError *err = NULL;
    FwCfgState *fw = fw_cfg_new(&err);
    g_assert_no_error(err);
    PcDevices *d = parse2("pc-dimm,id=d0,memdev=m0,node=1,slot=2", NULL, &err);
    g_assert_true(pc_devices_realize(d, NULL, m.dimms, NULL, NULL, &err));
    g_assert_true(pc_dimms_publish(m.dimms, &m.cfg, fw, &err));
    g_assert_no_error(err);
    GByteArray *f = read_hotplug_memory();
    g_assert_nonnull(f);
    g_assert_cmpuint(f->len, ==, sizeof(HmHpmemHeader) + 4 * sizeof(HmHpmemEntry));
    for (unsigned i = 0; i < 4; i++) {
        HmHpmemEntry e;
        memcpy(&e, f->data + sizeof(HmHpmemHeader) + i * sizeof(e), sizeof(e));
        uint32_t flags = GUINT32_FROM_LE(e.flags);
        if (i == 2) {
            g_assert_cmpuint(flags, ==, HM_HPMEM_F_HOTPLUGGABLE | HM_HPMEM_F_POPULATED);
            g_assert_cmpuint(GUINT64_FROM_LE(e.size), ==, 256 * MiB);
            g_assert_cmpuint(GUINT64_FROM_LE(e.base), >=, 4ULL << 30);
            g_assert_cmpuint(GUINT32_FROM_LE(e.node), ==, 1);
        } else {
            g_assert_cmpuint(flags, ==, HM_HPMEM_F_HOTPLUGGABLE);
            g_assert_cmpuint(GUINT64_FROM_LE(e.size), ==, 0);
        }
    }
    g_byte_array_free(f, TRUE);
    pc_devices_free(d);
    fw_cfg_free(fw);
    machine_down(&m);
}

static void expect_parse_error(const char *arg, const char *want)
{
    GError *err = NULL;
    g_assert_null(parse2(arg, NULL, &err));
    g_assert_nonnull(err);
    if (!strstr(err->message, want) || !g_str_has_prefix(err->message, "-device ")) {
        g_error("%s: got '%s', wanted '%s'", arg, err->message, want);
    }
    g_error_free(err);
}

static void expect_plug_error(const char *arg, const char *arg2, const char *want)
{
    Machine m;
    machine_up(&m);
    GError *err = NULL;
    PcDevices *d = parse2(arg, arg2, &err);
    g_assert_no_error(err);
    g_assert_false(pc_devices_realize(d, NULL, m.dimms, NULL, NULL, &err));
    g_assert_nonnull(err);
    if (!strstr(err->message, want) || !g_str_has_prefix(err->message, "-device pc-dimm,id=")) {
        g_error("%s: got '%s', wanted '%s'", arg, err->message, want);
    }
    g_error_free(err);
    pc_devices_free(d);
    machine_down(&m);
}

static void test_refused(void)
{
    expect_parse_error("pc-dimm,id=d0", "'memdev' property must be set");
    expect_parse_error("pc-dimm,memdev=m0", "pc-dimm needs an id");
    expect_parse_error("pc-dimm,id=d0,memdev=m0,colour=red", "Property 'pc-dimm.colour' not found");
    expect_parse_error("pc-dimm,id=d0,memdev=m0,node=x", "node");
    expect_parse_error("pc-dimm,id=9,memdev=m0", "Parameter 'id' expects an identifier");
    expect_parse_error("{\"driver\":\"pc-dimm\",\"id\":\"d0\",\"memdev\":\"m0\",\"slot\":true}",
                       "slot");
    expect_plug_error("pc-dimm,id=d0,memdev=nope", NULL, "Device 'nope' not found");
    expect_plug_error("pc-dimm,id=d0,memdev=m0", "pc-dimm,id=d1,memdev=m0",
                      "memdev 'm0' is already in use by DIMM 'd0'");
    expect_plug_error("pc-dimm,id=d0,memdev=m0,slot=9", NULL, "slot");
    expect_plug_error("pc-dimm,id=d0,memdev=m0,node=5", NULL, "node");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    device_lock();            /* the machine's memory code expects it */
    g_test_add_func("/pc-devices-dimm/coldplug", test_coldplug);
    g_test_add_func("/pc-devices-dimm/refused", test_refused);
    g_test_add_func("/pc-devices-dimm/fw-cfg-file", test_fw_cfg_file);
    return g_test_run();
}
