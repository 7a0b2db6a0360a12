/*
 * fuzz-options.c - the command line: the input is an argv, one argument
 * per line, parsed by machine_config_parse() (every option and its
 * key=value sub-options, -qmp/-monitor through monitor/monitor-opts.c),
 * then checked as vl.c does (monitor_config_check). A configuration the
 * parser accepts is then laid out as the machine would: the DIMM slots are
 * built and placed (pc_dimms_new without KVM), the populated ones plugged,
 * and the DIMM invariant checked, so that an accepted value the machine
 * cannot honour is found here too. Lines starting with '@' go straight to
 * monitor_config_add() ("@q" QMP, "@h" HMP, the rest is the argument).
 */
#include "tests/fuzz/fuzz-machine.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "monitor/monitor-opts.h"

#include <string.h>

#define MAX_ARGS 256

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_process_init();
    return 0;
}

static void direct_monitor_opt(const char *line)
{
    MachineConfig cfg = { 0 };
    GError *err = NULL;
    MonitorProtocol proto = line[1] == 'h' ? MONITOR_PROTOCOL_HMP : MONITOR_PROTOCOL_QMP;
    if (monitor_config_add(&cfg, proto, line[1] ? line + 2 : line + 1, &err)) {
        g_assert(cfg.nmonitors == 1);
        monitor_config_check(&cfg, NULL);
    } else {
        g_assert(err && err->message[0]);
        g_error_free(err);
    }
    monitor_config_clear(&cfg);
}

static void lay_out(const MachineConfig *cfg)
{
    PcMemoryLayout layout;
    GError *err = NULL;
    pc_memory_layout_init(&layout, cfg->ram_size);
    device_lock();
    PcDimms *d = pc_dimms_new(cfg, &layout, 0, NULL, NULL, NULL, &err);
    if (d) {
        fuzz_dimms_check(d);
        pc_dimms_free(d);
    } else {
        g_assert(err && err->message[0]);
        g_error_free(err);
    }
    device_unlock();
    /* everything pc_dimms_new registered is gone again */
    g_assert(!guest_mem_range(4ULL << 30, 1, false));
    ram_block_remove_all();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *text = g_strndup((const char *)data, size);
    g_auto(GStrv) lines = g_strsplit(text, "\n", MAX_ARGS);
    GPtrArray *argv = g_ptr_array_new();
    g_ptr_array_add(argv, "hotmem");
    for (char **l = lines; *l; l++) {
        if (**l == '@') {
            direct_monitor_opt(*l);
        } else if (**l || l[1]) {
            g_ptr_array_add(argv, *l);
        }
    }
    g_ptr_array_add(argv, NULL);

    MachineConfig cfg = { 0 };
    GError *err = NULL;
    bool ok = machine_config_parse(&cfg, argv->len - 1, (char **)argv->pdata, &err);
    if (ok) {
        g_assert_no_error(err);
        ok = monitor_config_check(&cfg, &err);
    }
    if (ok) {
        g_assert_no_error(err);
        if (!cfg.want_help && !cfg.want_version) {
            lay_out(&cfg);
        }
    } else {
        /* vl.c prints the message: it must say something */
        g_assert(err && err->message[0]);
        g_error_free(err);
    }
    machine_config_clear(&cfg);
    g_ptr_array_free(argv, TRUE);
    return 0;
}
