/*
 * vl.c - hotmem's main: options -> machine -> run. No device logic here.
 */
#include "hw/pc.h"
#include "hotmem/options.h"
#include "hotmem/sandbox.h"
#include "hotmem/version.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    MachineConfig cfg;
    GError *err = NULL;
    /* a monitor client or a serial reader that goes away is an EPIPE for
     * the stream that wrote to it, never the end of the VM */
    signal(SIGPIPE, SIG_IGN);
    if (!machine_config_parse(&cfg, argc, argv, &err)) {
        fprintf(stderr, "hotmem: %s\n", err->message);
        return 1;
    }
    if (cfg.want_help) {
        machine_config_print_help(stdout);
        return 0;
    }
    if (cfg.want_version) {
        printf("hotmem version %s\n", HOTMEM_VERSION);
        return 0;
    }
    PcMachine *pc = pc_machine_new(&cfg, &err);
    if (!pc) {
        fprintf(stderr, "hotmem: %s\n", err->message);
        g_error_free(err);
        machine_config_clear(&cfg);
        return 1;
    }
    /* the files, KVM and sockets are open: from here on the filter holds */
    if (!sandbox_apply(&cfg.sandbox, &err)) {
        fprintf(stderr, "hotmem: %s\n", err->message);
        g_error_free(err);
        pc_machine_free(pc);
        machine_config_clear(&cfg);
        return 1;
    }
    int status = pc_machine_run(pc);
    pc_machine_free(pc);
    machine_config_clear(&cfg);
    return status;
}
