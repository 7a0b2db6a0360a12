/*
 * vl.c - hotmem's main: options -> machine -> run. No device logic here.
 */
#include "hw/pc.h"
#include "hotmem/options.h"
#include "hotmem/version.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* vCPU threads and glib's worker need a few KiB of stack, not glibc's
 * 8 MiB default: under transparent huge pages a touched 8 MiB stack gets a
 * 2 MiB page, which a stack smaller than 2 MiB never can. */
#define THREAD_STACK_SIZE (1024 * 1024)

static void set_thread_stack_size(void)
{
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) == 0) {
        if (pthread_attr_setstacksize(&attr, THREAD_STACK_SIZE) == 0) {
            pthread_setattr_default_np(&attr);
        }
        pthread_attr_destroy(&attr);
    }
}

int main(int argc, char **argv)
{
    MachineConfig cfg;
    GError *err = NULL;
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
    set_thread_stack_size();
    PcMachine *pc = pc_machine_new(&cfg, &err);
    if (!pc) {
        fprintf(stderr, "hotmem: %s\n", err->message);
        g_error_free(err);
        machine_config_clear(&cfg);
        return 1;
    }
    int status = pc_machine_run(pc);
    pc_machine_free(pc);
    machine_config_clear(&cfg);
    return status;
}
