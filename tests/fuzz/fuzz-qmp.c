/*
 * fuzz-qmp.c - the input is what one client sends to a real QMP server
 * (unix socket, the greeting, qmp_capabilities negotiation, the streaming
 * JSON reader, the dispatcher and every command) on a machine with real
 * DIMM slots and no KVM. The client then closes its sending side; the
 * server must answer what it received and close. After every main-loop
 * turn the DIMM invariant is checked, and the guest of the input's first
 * byte (fuzz-machine.h, FuzzGuest) answers the register block, so that its
 * _OST, ejects and refusals reach the client as events.
 *
 * A server that stops answering (a blocked main loop) shows up as a
 * libFuzzer timeout; a crash, sanitizer report or broken invariant as a
 * crash.
 */
#include "tests/fuzz/fuzz-machine.h"
#include "hotmem/io.h"
#include "monitor/qmp.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

/* a turn of the main loop that makes no progress for this long is a hang */
#define IDLE_TURNS_MAX 20000

static char *sock_path;
static bool verbose;        /* HOTMEM_FUZZ_VERBOSE=1: the replies go to stderr */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_process_init();
    verbose = g_strcmp0(g_getenv("HOTMEM_FUZZ_VERBOSE"), "1") == 0;
    sock_path = g_build_filename(fuzz_scratch_dir(), "qmp.sock", NULL);
    return 0;
}

static int client_connect(void)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    g_strlcpy(sa.sun_path, sock_path, sizeof(sa.sun_path));
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
        fprintf(stderr, "fuzz-qmp: cannot connect to %s: %s\n", sock_path, g_strerror(errno));
        abort();
    }
    return fd;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzGuest guest = fuzz_guest_from_input(&data, &size);
    FuzzMachine *m = fuzz_machine_new(FUZZ_MACHINE_DEVICES | FUZZ_MACHINE_MONITOR);
    GMainContext *ctx = g_main_context_default();
    GError *err = NULL;
    QmpServer *srv = qmp_server_new(sock_path, -1, ctx, &err);
    if (!srv) {
        fprintf(stderr, "fuzz-qmp: server: %s\n", err->message);
        abort();
    }
    int fd = client_connect();
    size_t sent = 0, chunk_end = 0;
    bool shut = false, eof = false, quiet = true;
    unsigned idle = 0;
    char buf[65536];
    while (!eof) {
        bool progress = false;
        /* with a guest, a line at a time, the next once the server is quiet:
         * the guest then answers between requests, and its events come
         * between replies; without one, everything at once (pipelining) */
        if (sent == chunk_end && sent < size && quiet) {
            const uint8_t *nl = guest ? memchr(data + sent, '\n', size - sent) : NULL;
            chunk_end = nl ? (size_t)(nl - data) + 1 : size;
        }
        if (sent < chunk_end) {
            ssize_t n = send(fd, data + sent, chunk_end - sent, MSG_NOSIGNAL);
            if (n > 0) {
                sent += n;
                progress = true;
            } else if (n < 0 && errno != EAGAIN) {
                break;                        /* the server dropped us: allowed */
            }
        } else if (sent == size && !shut) {
            shutdown(fd, SHUT_WR);
            shut = true;
        }
        /* read every reply: a client that does not read is throttled */
        ssize_t n;
        while ((n = recv(fd, buf, sizeof(buf), 0)) > 0) {
            progress = true;
            if (verbose) {
                fwrite(buf, 1, n, stderr);
            }
        }
        if (n == 0) {
            eof = true;
        } else if (errno != EAGAIN) {
            break;
        }
        progress |= g_main_context_iteration(ctx, FALSE);
        device_lock();
        fuzz_machine_service_requests(m);
        fuzz_dimms_check(m->dimms);
        fuzz_guest_run(m, guest);
        fuzz_dimms_check(m->dimms);
        device_unlock();
        quiet = !progress;
        idle = progress ? 0 : idle + 1;
        if (idle > IDLE_TURNS_MAX) {
            fprintf(stderr, "fuzz-qmp: the server stopped answering (%zu of %zu bytes "
                    "taken)\n", sent, size);
            abort();
        }
    }
    close(fd);
    /* let the server see the close and free the client */
    while (qmp_server_client_count(srv) && g_main_context_iteration(ctx, FALSE)) {
    }
    qmp_server_free(srv);
    while (g_main_context_iteration(ctx, FALSE)) {
    }
    fuzz_machine_free(m);
    fuzz_clean_scratch();
    return 0;
}
