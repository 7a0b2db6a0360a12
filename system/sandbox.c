/*
 * sandbox.c - -sandbox on: a seccomp-bpf allow-list (libseccomp) over the
 * system calls hotmem makes once the machine exists, with QEMU's groups:
 *   obsolete=allow|deny          obsolete system calls (never allowed here:
 *                                hotmem makes none; accepted for QEMU's line)
 *   elevateprivileges=allow|deny set*uid/set*gid/setgroups/capset
 *   spawn=allow|deny             fork, vfork, execve, clone without
 *                                CLONE_THREAD (threads stay allowed)
 *   resourcecontrol=allow|deny   affinity and scheduling changes
 * Anything else fails with EPERM rather than killing the VM: a path the
 * list misses degrades one operation, it does not end the guest. The filter
 * covers every thread (TSYNC); /proc/PID/status then says "Seccomp: 2".
 */
#include "hotmem/sandbox.h"
#include "hotmem/util.h"

#include <errno.h>
#include <sched.h>
#include <seccomp.h>
#include <string.h>

/* What hotmem does after start-up: KVM, memory, files for backends and
 * migration, sockets for the monitors and migration, GLib's main loop and
 * threads, signals, time. */
static const char *const base_calls[] = {
    "read", "write", "readv", "writev", "pread64", "pwrite64", "close", "close_range",
    "fstat", "newfstatat", "statx", "lseek", "openat", "fcntl", "dup", "dup2", "dup3",
    "ioctl", "mmap", "munmap", "mprotect", "mremap", "madvise", "brk", "mbind",
    "fallocate", "ftruncate", "memfd_create", "statfs", "fstatfs", "access", "faccessat",
    "faccessat2", "unlink", "unlinkat", "readlink", "readlinkat", "getdents64", "umask",
    "chmod", "fchmod", "getcwd", "fsync", "fdatasync", "mincore", "mlock", "mlockall",
    "munlock", "munlockall",
    "poll", "ppoll", "select", "pselect6", "epoll_create1", "epoll_ctl", "epoll_wait",
    "epoll_pwait", "eventfd2", "pipe", "pipe2",
    "socket", "socketpair", "bind", "listen", "accept", "accept4", "connect", "shutdown",
    "sendto", "recvfrom", "sendmsg", "recvmsg", "getsockopt", "setsockopt", "getsockname",
    "getpeername",
    "futex", "set_robust_list", "get_robust_list", "rseq", "sched_yield",
    "sched_getaffinity", "nanosleep", "clock_nanosleep", "clock_gettime", "clock_getres",
    "gettimeofday", "time", "getrandom", "restart_syscall",
    "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "rt_sigtimedwait", "sigaltstack",
    "tgkill", "tkill", "kill", "gettid", "getpid", "getppid", "getuid", "geteuid",
    "getgid", "getegid", "prctl", "arch_prctl", "set_tid_address", "prlimit64",
    "getrlimit", "uname", "sysinfo", "exit", "exit_group", "wait4", "waitid",
    "timerfd_create", "timerfd_settime", "timerfd_gettime",
};

static const char *const privilege_calls[] = {
    "setuid", "setgid", "setreuid", "setregid", "setresuid", "setresgid", "setgroups",
    "setfsuid", "setfsgid", "capset",
};

static const char *const spawn_calls[] = {
    "fork", "vfork", "execve", "execveat", "clone3",
};

static const char *const resource_calls[] = {
    "sched_setaffinity", "sched_setscheduler", "sched_setparam", "sched_setattr",
    "setpriority",
};

static bool spawn_denied;

bool sandbox_spawn_denied(void)
{
    return spawn_denied;
}

static bool allow_all(scmp_filter_ctx ctx, const char *const *names, size_t n,
                      GError **errp)
{
    for (size_t i = 0; i < n; i++) {
        int nr = seccomp_syscall_resolve_name(names[i]);
        if (nr == __NR_SCMP_ERROR) {
            continue;                     /* not on this architecture */
        }
        int r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0);
        if (r < 0) {
            g_set_error(errp, HM_ERROR, 0, "-sandbox: cannot allow %s: %s", names[i],
                        g_strerror(-r));
            return false;
        }
    }
    return true;
}

bool sandbox_apply(const SandboxConfig *sb, GError **errp)
{
    if (!sb->enabled) {
        return true;
    }
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ERRNO(EPERM));
    if (!ctx) {
        g_set_error(errp, HM_ERROR, 0, "-sandbox: seccomp is not available");
        return false;
    }
    bool ok = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1) == 0 &&
              allow_all(ctx, base_calls, G_N_ELEMENTS(base_calls), errp) &&
              (sb->deny_elevate_privileges ||
               allow_all(ctx, privilege_calls, G_N_ELEMENTS(privilege_calls), errp)) &&
              (sb->deny_resource_control ||
               allow_all(ctx, resource_calls, G_N_ELEMENTS(resource_calls), errp));
    if (ok && sb->deny_spawn) {
        /* threads only: glibc then falls back from clone3 (whose flags a
         * filter cannot see) to clone */
        ok = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(clone), 1,
                              SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD)) == 0 &&
             seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0) == 0;
    } else if (ok) {
        ok = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(clone), 0) == 0 &&
             allow_all(ctx, spawn_calls, G_N_ELEMENTS(spawn_calls), errp);
    }
    if (ok) {
        int r = seccomp_load(ctx);
        if (r < 0) {
            g_set_error(errp, HM_ERROR, 0, "-sandbox: cannot install the filter: %s",
                        g_strerror(-r));
            ok = false;
        }
        spawn_denied = ok && sb->deny_spawn;
    } else if (errp && !*errp) {
        g_set_error(errp, HM_ERROR, 0, "-sandbox: cannot build the filter");
    }
    seccomp_release(ctx);
    return ok;
}
