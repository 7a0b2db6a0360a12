/*
 * test-options.c - command-line parsing: good values land in the
 * MachineConfig, bad ones fail with a message naming the option.
 */
#include "hotmem/options.h"
#include "tests/unit/parse-options.h"

#include <string.h>

static void test_defaults(void)
{
    MachineConfig cfg;
    GError *err = NULL;
    g_assert_true(parse_options(&cfg, &err, NULL));
    g_assert_no_error(err);
    g_assert_cmpuint(cfg.ram_size, ==, 512ULL << 20);
    g_assert_cmpuint(cfg.ncpus, ==, 1);
    g_assert_cmpint(cfg.serial, ==, SERIAL_BACKEND_STDIO);
    g_assert_false(cfg.no_reboot);
    machine_config_clear(&cfg);
}

static void test_good_values(void)
{
    MachineConfig cfg;
    GError *err = NULL;
    g_assert_true(parse_options(&cfg, &err, "-m", "1G", "-smp", "4,sockets=2", "-kernel", "k",
                        "-initrd", "i", "-append", "console=ttyS0", "-nographic",
                        "-serial", "file:/tmp/x", "-display", "none", "-no-reboot",
                        "--name", "guest1", NULL));
    g_assert_no_error(err);
    g_assert_cmpuint(cfg.ram_size, ==, 1ULL << 30);
    g_assert_cmpuint(cfg.ncpus, ==, 4);
    g_assert_cmpuint(cfg.sockets, ==, 2);
    g_assert_cmpuint(cfg.cores, ==, 2);
    g_assert_cmpuint(cfg.threads, ==, 1);
    g_assert_cmpstr(cfg.kernel, ==, "k");
    g_assert_cmpstr(cfg.initrd, ==, "i");
    g_assert_cmpstr(cfg.append, ==, "console=ttyS0");
    g_assert_cmpint(cfg.serial, ==, SERIAL_BACKEND_FILE);
    g_assert_cmpstr(cfg.serial_path, ==, "/tmp/x");
    g_assert_true(cfg.nographic);
    g_assert_true(cfg.no_reboot);
    g_assert_cmpstr(cfg.name, ==, "guest1");
    machine_config_clear(&cfg);

    g_assert_true(parse_options(&cfg, &err, "-m", "size=768", NULL));
    g_assert_cmpuint(cfg.ram_size, ==, 768ULL << 20);
    machine_config_clear(&cfg);
    g_assert_true(parse_options(&cfg, &err, "-smp", "cpus=2,cores=2,threads=1", NULL));
    g_assert_cmpuint(cfg.sockets, ==, 1);
    g_assert_cmpuint(cfg.cores, ==, 2);
    machine_config_clear(&cfg);
}

typedef struct BadCase {
    const char *args[10];
    const char *expect;              /* substring of the message */
} BadCase;

static const BadCase bad_cases[] = {
    { { "-frobnicate" }, "unknown option '-frobnicate'" },
    { { "-m" }, "option -m needs an argument" },
    { { "-m", "lots" }, "-m: invalid size 'lots'" },
    { { "-m", "16M" }, "-m: size 16M out of range" },
    { { "-m", "2T" }, "out of range" },
    { { "-m", "33000K" }, "not a multiple of 1 MiB" },
    { { "-m", "99999999999999999999G" }, "-m: invalid size" },
    { { "-smp", "0" }, "-smp: invalid value '0'" },
    { { "-smp", "65" }, "-smp: invalid value '65'" },
    { { "-smp", "3,sockets=2" }, "!= cpus (3)" },
    { { "-smp", "2,dies=2" }, "-smp: dies=2 is not supported (1)" },
    { { "-serial", "tcp:1234" }, "-serial: unsupported backend 'tcp:1234'" },
    { { "-display", "gtk" }, "-display: unsupported display 'gtk'" },
    { { "-initrd", "x" }, "-initrd needs -kernel" },
    { { "-append", "x" }, "-append needs -kernel" },
    { { "-name", "" }, "-name: must be 1 to 64" },
    { { "-bios" }, "option -bios needs an argument" },
    /* -m suboptions */
    { { "-m", "512M,frob=1" }, "-m: unknown parameter 'frob'" },
    { { "-m", "512M,slots=257,maxmem=8G" }, "-m: invalid slots '257' (0 to 256)" },
    { { "-m", "512M,slots=2" }, "-m: slots=2 needs maxmem=SIZE" },
    { { "-m", "1G,maxmem=512M" }, "-m: maxmem 512M is less than size 1G" },
    { { "-m", "1G,maxmem=lots" }, "-m: invalid maxmem 'lots'" },
    { { "-m", "slots=2,maxmem=4G" }, "-m: missing size" },
    /* -dimm: the documented bad inputs, then the rest of the syntax */
    { { "-dimm", "id=d0,size=100M" }, "-dimm: size 100M is not a multiple of 128 MiB" },
    /* found by fuzz-options: a first element with a key has no accelerator */
    { { "-accel", "thread=multi" }, "-accel: the accelerator comes first (-accel kvm)" },
    { { "-accel", "-dimm" }, "-accel: accelerator '-dimm' is not supported (only kvm)" },
    { { "-dimm", "id=d0,size=0" }, "-dimm: size 0: a DIMM cannot be empty" },
    { { "-dimm", "id=d0", "-dimm", "id=d1", "-dimm", "id=d0" }, "-dimm: duplicate id 'd0'" },
    { { "-dimm", "size=1G,node=0" }, "-dimm: missing id=" },
    { { "-dimm", "id=d0,node=1" },
      "-dimm d0: node=1 has no matching -numa node (only node 0 exists without -numa)" },
    { { "-numa", "node,nodeid=0", "-numa", "node,nodeid=1", "-dimm", "id=d0,node=2" },
      "-dimm d0: node=2 has no matching -numa node (nodes 0-1)" },
    { { "-dimm", "id=d0", "-m", "512M,slots=256,maxmem=1T" },
      "-m: slots=256 plus 1 -dimm slots is more than 256 slots" },
    { { "-m", "512M,maxmem=1G", "-dimm", "id=d0,size=256M", "-dimm", "id=d1,size=384M" },
      "-dimm: RAM 512M plus DIMMs 640M is beyond -m maxmem=1G" },
    { { "-dimm", "id=d0,colour=red" }, "-dimm: unknown parameter 'colour'" },
    { { "-dimm", "id=d0,populated=maybe" }, "-dimm: populated must be 'on' or 'off', not 'maybe'" },
    { { "-dimm", "id=0d" }, "-dimm: invalid id '0d'" },
    { { "-dimm", "id=d/0" }, "-dimm: invalid id 'd/0'" },
    { { "-dimm", "id=" }, "-dimm: invalid id ''" },
    { { "-dimm", "id=a23456789012345678901234567890123" }, "-dimm: invalid id 'a2345" },
    { { "-dimm", "id=d0,size=big" }, "-dimm: invalid size 'big'" },
    { { "-dimm", "id=d0,size=2T" }, "-dimm: size 2T is above the limit 1T" },
    { { "-dimm", "id=d0,node=x" }, "-dimm: invalid node 'x'" },
    { { "-dimm", "d0" }, "-dimm: parameter 'd0' needs a value (key=value)" },
    /* -object and -numa memdev= */
    { { "-object", "{\"qom-type\": \"memory-backend-ram\", \"id\": \"m\"}" },
      "-object: Parameter 'size' is missing" },
    { { "-object", "{\"qom-type\": \"memory-backend-ram\"," },
      "-object: JSON parse error" },
    { { "-object", "memory-backend-ram,id=m,size=1G", "-object", "secret,id=m,data=x" },
      "-object: id 'm' given twice" },
    { { "-object", "memory-backend-epc,id=m,size=1G" },
      "-object: Parameter 'qom-type' does not accept value 'memory-backend-epc'" },
    { { "-numa", "node,memdev=nope" }, "-numa: node 0: memdev 'nope' is not a memory backend" },
    { { "-object", "memory-backend-ram,id=m,size=256M", "-numa", "node,memdev=m" },
      "-numa: total memory for NUMA nodes (0x10000000) should equal RAM size (0x20000000)" },
    { { "-object", "memory-backend-ram,id=m,size=512M", "-numa", "node,memdev=m,mem=512M" },
      "-numa: mem= and memdev= cannot both be given" },
    { { "-object", "memory-backend-ram,id=m,size=256M", "-numa", "node,memdev=m",
        "-numa", "node,mem=256M" }, "-numa: memdev= must be given for every node or none" },
    /* -numa */
    { { "-smp", "2", "-numa", "node,nodeid=0,cpus=0-2" },
      "-numa: node 0: cpus 2 out of range (-smp 2: CPUs 0-1)" },
    { { "-numa", "node,cpus=1", "-smp", "1" }, "-numa: node 0: cpus 1 out of range" },
    { { "-numa", "node,nodeid=1" }, "-numa: node ids must be dense from 0: node 0 is missing" },
    { { "-smp", "2", "-numa", "node,cpus=0-1", "-numa", "node,cpus=1" },
      "-numa: CPU 1 is in node 0 and node 1" },
    { { "-numa", "node,nodeid=0", "-numa", "node,nodeid=0" }, "-numa: node 0 given twice" },
    { { "-numa", "node,mem=256M", "-numa", "node" },
      "-numa: mem= must be given for every node or none" },
    { { "-numa", "node,mem=256M", "-numa", "node,mem=128M" },
      "-numa: mem= values sum to 384M, but -m is 512M" },
    { { "-numa", "node,cpus=3-1" }, "-numa: invalid cpus '3-1'" },
    { { "-numa", "node,cpus=64" }, "-numa: invalid cpus '64'" },
    { { "-numa", "node,nodeid=64" }, "-numa: invalid nodeid '64' (0 to 63)" },
    { { "-numa", "node,weight=1" }, "-numa: unknown parameter 'weight'" },
    { { "-numa", "dist,src=0,dst=1,val=20" }, "-numa: only 'node' is supported" },
};

static void test_bad_value(gconstpointer data)
{
    const BadCase *c = data;
    const char *argv[12] = { "hotmem" };
    int argc = 1;
    for (int i = 0; i < 10 && c->args[i]; i++) {
        argv[argc++] = c->args[i];
    }
    MachineConfig cfg;
    GError *err = NULL;
    g_assert_false(machine_config_parse(&cfg, argc, (char **)argv, &err));
    g_assert_nonnull(err);
    if (!strstr(err->message, c->expect)) {
        g_test_message("got '%s', expected '%s'", err->message, c->expect);
        g_test_fail();
    }
    g_assert_null(strchr(err->message, '\n'));          /* one line */
    g_error_free(err);
    machine_config_clear(&cfg);
}

static void test_long_append(void)
{
    char *big = g_malloc(HM_MAX_CMDLINE + 2);
    memset(big, 'a', HM_MAX_CMDLINE + 1);
    big[HM_MAX_CMDLINE + 1] = '\0';
    MachineConfig cfg;
    GError *err = NULL;
    g_assert_false(parse_options(&cfg, &err, "-kernel", "k", "-append", big, NULL));
    g_assert_nonnull(strstr(err->message, "-append: command line longer than 4095"));
    g_error_free(err);
    machine_config_clear(&cfg);
    big[HM_MAX_CMDLINE] = '\0';
    g_assert_true(parse_options(&cfg, &err, "-kernel", "k", "-append", big, NULL));
    machine_config_clear(&cfg);
    g_free(big);
}

static void test_dimm_defaults(void)
{
    MachineConfig cfg;
    GError *err = NULL;
    g_assert_true(parse_options(&cfg, &err, "-dimm", "id=d0", NULL));
    g_assert_no_error(err);
    g_assert_cmpuint(cfg.ndimms, ==, 1);
    g_assert_cmpstr(cfg.dimms[0].id, ==, "d0");
    g_assert_cmpuint(cfg.dimms[0].size, ==, 1ULL << 30);
    g_assert_cmpuint(cfg.dimms[0].node, ==, 0);
    g_assert_false(cfg.dimms[0].populated);
    g_assert_cmpuint(cfg.maxmem, ==, 0);
    g_assert_cmpuint(cfg.extra_slots, ==, 0);
    /* no -numa: one node with all RAM and every CPU */
    g_assert_false(cfg.numa_given);
    g_assert_cmpuint(cfg.nnodes, ==, 1);
    g_assert_cmpuint(cfg.node_mem[0], ==, cfg.ram_size);
    machine_config_clear(&cfg);
}

/* The DIMM acceptance command line (tests/guest/test-dimm.py's). */
static void test_dimm_numa_good(void)
{
    MachineConfig cfg;
    GError *err = NULL;
    g_assert_true(parse_options(&cfg, &err, "-m", "512M", "-smp", "2",
                        "-numa", "node,nodeid=0,cpus=0", "-numa", "node,nodeid=1,cpus=1",
                        "-dimm", "id=d0,size=1G,node=1,populated=on",
                        "-dimm", "id=d1,size=512M,node=0,populated=off", NULL));
    g_assert_no_error(err);
    g_assert_cmpuint(cfg.ndimms, ==, 2);
    g_assert_cmpstr(cfg.dimms[0].id, ==, "d0");
    g_assert_cmpuint(cfg.dimms[0].node, ==, 1);
    g_assert_true(cfg.dimms[0].populated);
    g_assert_cmpstr(cfg.dimms[1].id, ==, "d1");
    g_assert_cmpuint(cfg.dimms[1].size, ==, 512ULL << 20);
    g_assert_false(cfg.dimms[1].populated);
    g_assert_true(cfg.numa_given);
    g_assert_cmpuint(cfg.nnodes, ==, 2);
    g_assert_cmpuint(cfg.node_mem[0], ==, 256ULL << 20);     /* even split */
    g_assert_cmpuint(cfg.node_mem[1], ==, 256ULL << 20);
    g_assert_cmpuint(cfg.cpu_node[0], ==, 0);
    g_assert_cmpuint(cfg.cpu_node[1], ==, 1);
    machine_config_clear(&cfg);

    /* mem= for every node, cpus ranges, nodeid implied, unlisted CPU -> node 0 */
    g_assert_true(parse_options(&cfg, &err, "-smp", "4", "-m", "size=1G,slots=4,maxmem=8G",
                        "-numa", "node,mem=256M,cpus=1", "-numa", "node,mem=768,cpus=2-3",
                        "-numa", "node,mem=0", "-dimm", "id=a.b-c_d,size=128M,node=2",
                        NULL));
    g_assert_no_error(err);
    g_assert_cmpuint(cfg.ram_size, ==, 1ULL << 30);
    g_assert_cmpuint(cfg.extra_slots, ==, 4);
    g_assert_cmpuint(cfg.maxmem, ==, 8ULL << 30);
    g_assert_cmpuint(cfg.nnodes, ==, 3);
    g_assert_cmpuint(cfg.node_mem[0], ==, 256ULL << 20);
    g_assert_cmpuint(cfg.node_mem[1], ==, 768ULL << 20);    /* bare number: MiB */
    g_assert_cmpuint(cfg.node_mem[2], ==, 0);
    g_assert_cmpuint(cfg.cpu_node[0], ==, 0);
    g_assert_cmpuint(cfg.cpu_node[1], ==, 0);
    g_assert_cmpuint(cfg.cpu_node[2], ==, 1);
    g_assert_cmpuint(cfg.cpu_node[3], ==, 1);
    g_assert_cmpuint(cfg.dimms[0].node, ==, 2);
    machine_config_clear(&cfg);

    /* uneven split: 8 MiB units, the rest in the last node */
    g_assert_true(parse_options(&cfg, &err, "-m", "1000M", "-numa", "node", "-numa", "node",
                        "-numa", "node", NULL));
    g_assert_cmpuint(cfg.node_mem[0], ==, 328ULL << 20);
    g_assert_cmpuint(cfg.node_mem[1], ==, 328ULL << 20);
    g_assert_cmpuint(cfg.node_mem[2], ==, 344ULL << 20);
    machine_config_clear(&cfg);

    /* maxmem exactly covering RAM + DIMMs; a later -m replaces slots/maxmem */
    g_assert_true(parse_options(&cfg, &err, "-m", "512M,maxmem=2G", "-dimm", "id=d0,size=1536M",
                        NULL));
    machine_config_clear(&cfg);
    g_assert_true(parse_options(&cfg, &err, "-m", "512M,slots=3,maxmem=2G", "-m", "1G", NULL));
    g_assert_cmpuint(cfg.extra_slots, ==, 0);
    g_assert_cmpuint(cfg.maxmem, ==, 0);
    machine_config_clear(&cfg);
}

/* 256 slots are fine, 257 are not: from -dimm lines alone or mixed with slots=. */
/* -object (JSON and key=value) and -numa memdev=: each node's RAM is its
 * backend's size; cpus= may repeat. */
static void test_numa_memdev(void)
{
    MachineConfig cfg;
    GError *err = NULL;
    g_assert_true(parse_options(&cfg, &err, "-m", "768M", "-smp", "4",
        "-object", "{\"qom-type\": \"memory-backend-ram\", \"id\": \"n0\", "
        "\"size\": 268435456}",
        "-object", "memory-backend-memfd,id=n1,size=512M,share=on",
        "-numa", "node,nodeid=0,cpus=0,cpus=2,memdev=n0",
        "-numa", "node,nodeid=1,cpus=1,cpus=3,memdev=n1", NULL));
    g_assert_no_error(err);
    g_assert_cmpuint(cfg.nnodes, ==, 2);
    g_assert_cmphex(cfg.node_mem[0], ==, 256ULL << 20);
    g_assert_cmphex(cfg.node_mem[1], ==, 512ULL << 20);
    g_assert_cmpstr(cfg.numa[1].memdev, ==, "n1");
    g_assert_cmpuint(cfg.cpu_node[2], ==, 0);
    g_assert_cmpuint(cfg.cpu_node[3], ==, 1);
    g_assert_cmpuint(cfg.objects->len, ==, 2);
    machine_config_clear(&cfg);
}

static void test_slot_limit(void)
{
    GPtrArray *args = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(args, g_strdup("hotmem"));
    g_ptr_array_add(args, g_strdup("-m"));
    g_ptr_array_add(args, g_strdup("512M,slots=56,maxmem=1T"));
    for (int i = 0; i < 200; i++) {
        g_ptr_array_add(args, g_strdup("-dimm"));
        g_ptr_array_add(args, g_strdup_printf("id=dimm%d,size=128M", i));
    }
    MachineConfig cfg;
    GError *err = NULL;
    g_assert_true(machine_config_parse(&cfg, args->len, (char **)args->pdata, &err));
    g_assert_no_error(err);
    g_assert_cmpuint(cfg.ndimms + cfg.extra_slots, ==, 256);
    machine_config_clear(&cfg);

    g_free(args->pdata[2]);
    args->pdata[2] = g_strdup("512M,slots=57,maxmem=1T");
    g_assert_false(machine_config_parse(&cfg, args->len, (char **)args->pdata, &err));
    g_assert_nonnull(strstr(err->message, "-m: slots=57 plus 200 -dimm slots is more than 256"));
    g_clear_error(&err);
    machine_config_clear(&cfg);

    g_free(args->pdata[2]);
    args->pdata[2] = g_strdup("512M");
    for (int i = 200; i < 257; i++) {
        g_ptr_array_add(args, g_strdup("-dimm"));
        g_ptr_array_add(args, g_strdup_printf("id=dimm%d,size=128M", i));
    }
    g_assert_false(machine_config_parse(&cfg, args->len, (char **)args->pdata, &err));
    g_assert_nonnull(strstr(err->message, "-dimm dimm256: more than 256 DIMM slots"));
    g_clear_error(&err);
    machine_config_clear(&cfg);
    g_ptr_array_unref(args);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/options/defaults", test_defaults);
    g_test_add_func("/options/good-values", test_good_values);
    g_test_add_func("/options/long-append", test_long_append);
    g_test_add_func("/options/dimm-defaults", test_dimm_defaults);
    g_test_add_func("/options/dimm-numa-good", test_dimm_numa_good);
    g_test_add_func("/options/slot-limit", test_slot_limit);
    g_test_add_func("/options/numa-memdev", test_numa_memdev);
    for (size_t i = 0; i < G_N_ELEMENTS(bad_cases); i++) {
        char *path = g_strdup_printf("/options/bad/%zu", i);
        g_test_add_data_func(path, &bad_cases[i], test_bad_value);
        g_free(path);
    }
    return g_test_run();
}
