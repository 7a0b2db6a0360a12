/*
 * test-dimm-layout.c - the memory layout that heads a migration stream:
 * a destination with only -m slots/maxmem recreates the source's DIMMs, a
 * QEMU-style destination with the same DIMMs accepts it, each conflict is
 * refused with a sentence naming it, and malformed payloads are refused.
 */
#include "hw/hostmem.h"
#include "hw/pc_dimm.h"
#include "hw/pc_memmap.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "hotmem/options.h"
#include "monitor/qjson.h"
#include "qapi-generated.h"

#include <stdarg.h>
#include <string.h>

#define GiB (1ULL << 30)

typedef struct {
    MachineConfig cfg;
    PcMemoryLayout layout;
    PcDimms *dimms;
} Machine;

static void machine_up(Machine *m, ...)
{
    const char *argv[32] = { "hotmem" };
    int argc = 1;
    va_list ap;
    va_start(ap, m);
    for (const char *a; (a = va_arg(ap, const char *));) {
        argv[argc++] = a;
    }
    va_end(ap);
    GError *err = NULL;
    memset(m, 0, sizeof(*m));
    g_assert_true(machine_config_parse(&m->cfg, argc, (char **)argv, &err));
    pc_memory_layout_init(&m->layout, m->cfg.ram_size);
    m->dimms = pc_dimms_new(&m->cfg, &m->layout, 40, NULL, NULL, NULL, &err);
    g_assert_no_error(err);
}

static void machine_down(Machine *m)
{
    pc_dimms_free(m->dimms);
    machine_config_clear(&m->cfg);
    ram_block_remove_all();
    io_unregister_all();
}

static void plug(Machine *m, const char *id, const char *mem, uint64_t size, unsigned node,
                 unsigned slot)
{
    GError *err = NULL;
    g_assert_nonnull(hostmem_add(mem, size, NULL, &err));
    g_assert_true(pc_dimms_hotplug_pc_dimm(m->dimms, id, mem, node, slot, DIMM_ADDR_AUTO,
                                           &err));
    g_assert_no_error(err);
}

static char *devices_json(Machine *m)
{
    MemoryDeviceInfoList *l = pc_dimms_query_devices(m->dimms);
    JsonNode *n = qapi_marshal_MemoryDeviceInfoList(l);
    char *s = qjson_to_string(n);
    json_node_unref(n);
    qapi_free_MemoryDeviceInfoList(l);
    return s;
}

#define SRC_CMDLINE "-m", "512M,slots=4,maxmem=8G", "-smp", "2", \
    "-numa", "node,cpus=0", "-numa", "node,cpus=1"

/* The source: a hot-plugged pc-dimm on node 1 in slot 2, a -dimm slot. */
static GByteArray *source_layout(char **devices)
{
    Machine src;
    machine_up(&src, SRC_CMDLINE, "-dimm", "id=d0,size=1G,populated=on", NULL);
    plug(&src, "p1", "m1", GiB, 1, 2);
    GByteArray *b = pc_dimms_layout_save(src.dimms);
    *devices = devices_json(&src);
    machine_down(&src);
    return b;
}

static PcDimmLayout *parsed(GByteArray *b)
{
    PcDimmLayout *l = g_new0(PcDimmLayout, 1);
    GError *err = NULL;
    g_assert_true(pc_dimms_layout_parse(b->data, b->len, l, &err));
    g_assert_no_error(err);
    return l;
}

static void test_recreate(void)
{
    g_autofree char *want = NULL;
    g_autoptr(GByteArray) b = source_layout(&want);
    g_autofree PcDimmLayout *l = parsed(b);
    g_assert_cmpuint(l->ndimms, ==, 2);

    /* (a) only -m SIZE,slots=N,maxmem=M (and the nodes): the DIMMs appear; the
     * source's -dimm slot counts as one of the slots */
    Machine dst;
    machine_up(&dst, "-m", "512M,slots=5,maxmem=8G", "-smp", "2", "-numa", "node,cpus=0",
               "-numa", "node,cpus=1", NULL);
    GError *err = NULL;
    g_assert_true(pc_dimms_layout_apply(dst.dimms, l, &err));
    g_assert_no_error(err);
    g_autofree char *got = devices_json(&dst);
    g_assert_cmpstr(got, ==, want);
    g_assert_nonnull(strstr(got, "\"id\": \"p1\""));
    g_assert_nonnull(hostmem_find("m1"));
    g_assert_cmpstr(hostmem_find("m1")->owner, ==, "p1");
    const DimmDevice *p1 = dimm_bus_find(dst.dimms->bus, "p1");
    g_assert_nonnull(guest_mem_range(p1->base, p1->size, true));
    /* no insert event: the guest already has the memory */
    g_assert_true(dst.dimms->memhp->slots[2].dev == p1);
    g_assert_false(dst.dimms->memhp->slots[2].is_inserting);
    machine_down(&dst);

    /* (b) QEMU's way: the same DIMMs declared on the destination */
    machine_up(&dst, SRC_CMDLINE, "-dimm", "id=d0,size=1G,populated=on", NULL);
    plug(&dst, "p1", "m1", GiB, 1, 2);
    g_assert_true(pc_dimms_layout_apply(dst.dimms, l, &err));
    g_assert_no_error(err);
    g_autofree char *got_b = devices_json(&dst);
    g_assert_cmpstr(got_b, ==, want);
    machine_down(&dst);
}

static void test_conflicts(void)
{
    g_autofree char *want = NULL;
    g_autoptr(GByteArray) b = source_layout(&want);
    g_autofree PcDimmLayout *l = parsed(b);
    static const struct {
        const char *what, *m, *numa2, *expect;
        bool other_dimm;
    } cases[] = {
        { "different base RAM", "1G,slots=4,maxmem=8G", "node,cpus=1",
          "base RAM differs: the source has -m 512M, this machine -m 1G", false },
        { "too few slots", "512M,slots=1,maxmem=8G", "node,cpus=1",
          "too few DIMM slots: the source has 5, this machine 2", false },
        { "smaller maxmem", "512M,slots=4,maxmem=4G", "node,cpus=1",
          "maxmem is smaller: the source has maxmem=8G, this machine 4G", false },
        { "a missing NUMA node", "512M,slots=4,maxmem=8G", NULL,
          "NUMA node 1 is missing: the source has 2 nodes, this machine 1", false },
        { "a slot holding another DIMM", "512M,slots=4,maxmem=8G", "node,cpus=1",
          "slot 2 holds DIMM 'q'", true },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        Machine dst;
        if (cases[i].numa2) {
            machine_up(&dst, "-m", cases[i].m, "-smp", "2", "-numa", "node,cpus=0", "-numa",
                       cases[i].numa2, "-dimm", "id=d0,size=1G,populated=on", NULL);
        } else {
            machine_up(&dst, "-m", cases[i].m, "-smp", "2", "-dimm",
                       "id=d0,size=1G,populated=on", NULL);
        }
        if (cases[i].other_dimm) {
            plug(&dst, "q", "mq", GiB, 0, 2);
        }
        g_autofree char *before = devices_json(&dst);
        GError *err = NULL;
        g_assert_false(pc_dimms_layout_apply(dst.dimms, l, &err));
        g_test_message("%s: %s", cases[i].what, err->message);
        g_assert_true(g_str_has_prefix(err->message, cases[i].expect));
        g_error_free(err);
        g_autofree char *after = devices_json(&dst);
        g_assert_cmpstr(after, ==, before);                /* nothing changed */
        machine_down(&dst);
    }
    /* a DIMM plugged here that the source's slot does not hold */
    Machine dst;
    machine_up(&dst, SRC_CMDLINE, "-dimm", "id=d0,size=1G,populated=on", NULL);
    plug(&dst, "p1", "m1", GiB, 1, 2);
    plug(&dst, "extra", "mx", GiB, 0, 3);
    GError *err = NULL;
    g_assert_false(pc_dimms_layout_apply(dst.dimms, l, &err));
    g_assert_cmpstr(err->message, ==, "DIMM 'extra' is plugged in slot 3 here, the source's "
                    "slot 3 is empty");
    g_error_free(err);
    machine_down(&dst);
}

static void test_malformed(void)
{
    g_autofree char *want = NULL;
    g_autoptr(GByteArray) b = source_layout(&want);
    PcDimmLayout l;
    GError *err = NULL;
    for (guint cut = 0; cut < b->len; cut++) {
        g_assert_false(pc_dimms_layout_parse(b->data, cut, &l, &err));
        g_assert_nonnull(strstr(err->message, "ends early"));
        g_clear_error(&err);
    }
    g_byte_array_append(b, (const guint8 *)"z", 1);
    g_assert_false(pc_dimms_layout_parse(b->data, b->len, &l, &err));
    g_assert_cmpstr(err->message, ==, "memory layout: 1 bytes left over");
    g_clear_error(&err);
    g_byte_array_set_size(b, b->len - 1);
    b->data[0] = 7;                                          /* version */
    g_assert_false(pc_dimms_layout_parse(b->data, b->len, &l, &err));
    g_assert_cmpstr(err->message, ==, "memory layout version 7 is not supported");
    g_clear_error(&err);
    b->data[0] = 1;
    b->data[33] = '/';                                       /* first id: "d0" -> "/0" */
    g_assert_false(pc_dimms_layout_parse(b->data, b->len, &l, &err));
    g_assert_nonnull(strstr(err->message, "invalid id '/0'"));
    g_clear_error(&err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    device_lock();            /* the machine's memory code expects it */
    g_test_add_func("/dimm-layout/recreate", test_recreate);
    g_test_add_func("/dimm-layout/conflicts", test_conflicts);
    g_test_add_func("/dimm-layout/malformed", test_malformed);
    return g_test_run();
}
