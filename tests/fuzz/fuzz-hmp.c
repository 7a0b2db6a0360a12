/*
 * fuzz-hmp.c - the input is a series of HMP command lines ("\n"
 * separated, as the HMP server splits them), each run with
 * hmp_execute_capture() as the server and human-monitor-command do, on a
 * machine with real DIMM slots and no KVM. The DIMM invariant is checked
 * after every line, and the guest of the input's first byte (fuzz-machine.h,
 * FuzzGuest) answers the register block.
 */
#include "tests/fuzz/fuzz-machine.h"
#include "hotmem/io.h"
#include "monitor/hmp.h"

#include <stdio.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool verbose;        /* HOTMEM_FUZZ_VERBOSE=1: the output goes to stderr */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    verbose = g_strcmp0(g_getenv("HOTMEM_FUZZ_VERBOSE"), "1") == 0;
    fuzz_process_init();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzGuest guest = fuzz_guest_from_input(&data, &size);
    FuzzMachine *m = fuzz_machine_new(FUZZ_MACHINE_DEVICES | FUZZ_MACHINE_MONITOR);
    const char *p = (const char *)data, *end = p + size;
    while (p < end) {
        const char *nl = memchr(p, '\n', end - p);
        size_t len = (nl ? nl : end) - p;
        /* the server's line limit; a NUL ends the line, as in its buffer */
        g_autofree char *line = g_strndup(p, MIN(len, (size_t)HMP_MAX_LINE));
        size_t l = strlen(line);
        if (l && line[l - 1] == '\r') {
            line[l - 1] = '\0';
        }
        g_autofree char *out = hmp_execute_capture(line);
        if (verbose) {
            fprintf(stderr, "(qemu) %s\n%s", line, out);
        }
        device_lock();
        fuzz_machine_service_requests(m);
        fuzz_dimms_check(m->dimms);
        fuzz_guest_run(m, guest);
        fuzz_dimms_check(m->dimms);
        device_unlock();
        p += len + (nl != NULL);
    }
    fuzz_machine_free(m);
    fuzz_clean_scratch();
    return 0;
}
