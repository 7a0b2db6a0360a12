/*
 * vl.c - hotmem's main: options -> machine -> run. No device logic here;
 * what is process-wide lives here too: -daemonize, -pidfile, -overcommit
 * mem-lock, -msg, -sandbox.
 */
#include "hw/pc.h"
#include "hotmem/options.h"
#include "hotmem/sandbox.h"
#include "hotmem/version.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

/* One error line, as -msg asks: "[TIME ]hotmem[:guest=NAME]: message". */
static void report(const MachineConfig *cfg, const char *msg)
{
    g_autofree char *stamp = NULL;
    if (cfg->msg_timestamp) {
        g_autoptr(GDateTime) now = g_date_time_new_now_utc();
        stamp = g_date_time_format(now, "%Y-%m-%dT%H:%M:%S.%fZ ");
    }
    g_autofree char *guest = cfg->msg_guest_name && cfg->name ?
                             g_strdup_printf(":guest=%s", cfg->name) : NULL;
    fprintf(stderr, "%shotmem%s: %s\n", stamp ? stamp : "", guest ? guest : "", msg);
}

static int fail(MachineConfig *cfg, GError *err)
{
    report(cfg, err->message);
    g_error_free(err);
    machine_config_clear(cfg);
    return 1;
}

/* -daemonize: the parent returns once the child says the machine exists
 * (0), or when the child dies first (1: the child printed why). */
static int daemonize(int *ready_fd, GError **errp)
{
    int p[2];
    if (pipe(p) < 0) {
        g_set_error(errp, G_FILE_ERROR, 0, "-daemonize: pipe: %s", g_strerror(errno));
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        g_set_error(errp, G_FILE_ERROR, 0, "-daemonize: fork: %s", g_strerror(errno));
        return -1;
    }
    if (pid > 0) {
        close(p[1]);
        char c;
        ssize_t n;
        do {
            n = read(p[0], &c, 1);
        } while (n < 0 && errno == EINTR);
        if (n == 1) {
            _exit(0);
        }
        int status;
        waitpid(pid, &status, 0);
        _exit(1);
    }
    close(p[0]);
    setsid();
    *ready_fd = p[1];
    return 0;
}

static void detached(int ready_fd)
{
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        dup2(null, STDIN_FILENO);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        if (null > STDERR_FILENO) {
            close(null);
        }
    }
    if (write(ready_fd, "", 1) < 0) {
        /* the parent is gone: nothing to tell */
    }
    close(ready_fd);
}

/* -pidfile: written and locked (lockf) while hotmem runs. */
static int write_pidfile(const char *path, GError **errp)
{
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        g_set_error(errp, G_FILE_ERROR, 0, "-pidfile %s: %s", path, g_strerror(errno));
        return -1;
    }
    if (lockf(fd, F_TLOCK, 0) < 0) {
        g_set_error(errp, G_FILE_ERROR, 0, "-pidfile %s: another process holds it", path);
        close(fd);
        return -1;
    }
    g_autofree char *pid = g_strdup_printf("%d\n", (int)getpid());
    if (ftruncate(fd, 0) < 0 || write(fd, pid, strlen(pid)) != (ssize_t)strlen(pid)) {
        g_set_error(errp, G_FILE_ERROR, 0, "-pidfile %s: %s", path, g_strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

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
    int ready_fd = -1, pid_fd = -1;
    /* a monitor client or a serial reader that goes away is an EPIPE for
     * the stream that wrote to it, never the end of the VM */
    signal(SIGPIPE, SIG_IGN);
    if (!machine_config_parse(&cfg, argc, argv, &err)) {
        return fail(&cfg, err);
    }
    if (cfg.want_help) {
        machine_config_print_help(stdout);
        return 0;
    }
    if (cfg.want_version) {
        printf("hotmem version %s\n", HOTMEM_VERSION);
        return 0;
    }
    if (cfg.daemonize && daemonize(&ready_fd, &err) < 0) {
        return fail(&cfg, err);
    }
    /* after the fork: memory locks are not inherited */
    if (cfg.mem_lock && mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT) < 0) {
        g_set_error(&err, G_FILE_ERROR, 0, "-overcommit mem-lock=on: mlockall: %s",
                    g_strerror(errno));
        return fail(&cfg, err);
    }
    set_thread_stack_size();
    PcMachine *pc = pc_machine_new(&cfg, &err);
    if (!pc) {
        return fail(&cfg, err);
    }
    if (cfg.pidfile && (pid_fd = write_pidfile(cfg.pidfile, &err)) < 0) {
        pc_machine_free(pc);
        return fail(&cfg, err);
    }
    /* the files, KVM and sockets are open: from here on the filter holds */
    if (!sandbox_apply(&cfg.sandbox, &err)) {
        pc_machine_free(pc);
        return fail(&cfg, err);
    }
    if (ready_fd >= 0) {
        detached(ready_fd);                   /* the monitors listen: the parent may go */
    }
    int status = pc_machine_run(pc);
    pc_machine_free(pc);
    if (pid_fd >= 0) {
        unlink(cfg.pidfile);
        close(pid_fd);
    }
    machine_config_clear(&cfg);
    return status;
}
