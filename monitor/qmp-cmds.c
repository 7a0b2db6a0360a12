/*
 * qmp-cmds.c - the QMP commands that are not about DIMMs: protocol
 * (qmp_capabilities, query-version, query-commands), run state (through
 * the machine ops), human-monitor-command and pmemsave.
 */
#include "monitor/hmp.h"
#include "monitor/machine-ops.h"
#include "monitor/monitor-internal.h"
#include "monitor/monitor.h"
#include "monitor/qmp.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "qapi-generated.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define PMEMSAVE_CHUNK (1u << 20)      /* device lock held per chunk only */
#define PAGE 4096u

bool qmp_qmp_capabilities(QMPCapabilityList *enable, GError **errp)
{
    QmpSession *s = qmp_session_current();
    if (!s) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "qmp_capabilities is only meaningful on a QMP connection");
        return false;
    }
    if (s->negotiated) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_COMMAND_NOT_FOUND,
                       "Capabilities negotiation is already complete, command ignored");
        return false;
    }
    if (enable) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "Capability '%s' not available",
                       QMPCapability_str(enable->value));
        return false;
    }
    s->negotiated = true;
    return true;
}

VersionInfo *qmp_query_version(GError **errp)
{
    VersionInfo *v = g_new0(VersionInfo, 1);
    v->qemu = g_new0(VersionTriple, 1);
    v->qemu->major = HM_QMP_QEMU_MAJOR;
    v->qemu->minor = HM_QMP_QEMU_MINOR;
    v->qemu->micro = HM_QMP_QEMU_MICRO;
    v->package = g_strdup(HM_MONITOR_PACKAGE);
    return v;
}

CommandInfoList *qmp_query_commands(GError **errp)
{
    CommandInfoList *list = NULL;
    for (size_t i = qmp_commands_count; i-- > 0;) {
        CommandInfo *info = g_new0(CommandInfo, 1);
        info->name = g_strdup(qmp_commands[i].name);
        QAPI_LIST_PREPEND(list, info);
    }
    return list;
}

char *qmp_human_monitor_command(const char *command_line, bool has_cpu_index,
                                int64_t cpu_index, GError **errp)
{
    return hmp_execute_capture(command_line);
}

static const MonitorMachineOps *need_machine(GError **errp)
{
    const MonitorMachineOps *ops = monitor_machine_ops();
    if (!ops) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "no machine is running");
    }
    return ops;
}

StatusInfo *qmp_query_status(GError **errp)
{
    const MonitorMachineOps *ops = need_machine(errp);
    if (!ops) {
        return NULL;
    }
    StatusInfo *info = g_new0(StatusInfo, 1);
    info->status = ops->run_state(ops->opaque);
    info->running = info->status == RUN_STATE_RUNNING;
    info->singlestep = false;
    return info;
}

bool qmp_stop(GError **errp)
{
    const MonitorMachineOps *ops = need_machine(errp);
    if (!ops) {
        return false;
    }
    if (ops->run_state(ops->opaque) != RUN_STATE_RUNNING) {
        return true;                      /* QEMU: stopping a stopped VM is a no-op */
    }
    if (!ops->stop(ops->opaque, errp)) {
        return false;
    }
    qapi_event_send_stop();
    return true;
}

bool qmp_cont(GError **errp)
{
    const MonitorMachineOps *ops = need_machine(errp);
    if (!ops) {
        return false;
    }
    RunState st = ops->run_state(ops->opaque);
    if (st == RUN_STATE_RUNNING) {
        return true;
    }
    if (st == RUN_STATE_SHUTDOWN || st == RUN_STATE_INTERNAL_ERROR) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "Resetting the Virtual Machine is required");   /* QEMU's words */
        return false;
    }
    if (st != RUN_STATE_PAUSED && st != RUN_STATE_PRELAUNCH) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "cannot continue: the VM is in state %s", RunState_str(st));
        return false;
    }
    if (!ops->cont(ops->opaque, errp)) {
        return false;
    }
    qapi_event_send_resume();
    return true;
}

bool qmp_system_reset(GError **errp)
{
    const MonitorMachineOps *ops = need_machine(errp);
    if (!ops) {
        return false;
    }
    ops->system_reset(ops->opaque);       /* RESET follows from the main loop */
    return true;
}

bool qmp_system_powerdown(GError **errp)
{
    const MonitorMachineOps *ops = need_machine(errp);
    if (!ops) {
        return false;
    }
    ops->system_powerdown(ops->opaque);
    qapi_event_send_powerdown();
    return true;
}

bool qmp_quit(GError **errp)
{
    const MonitorMachineOps *ops = need_machine(errp);
    if (!ops) {
        return false;
    }
    /* QEMU sends SHUTDOWN before the reply to quit */
    qapi_event_send_shutdown(false, SHUTDOWN_CAUSE_HOST_QMP_QUIT);
    monitor_note_shutdown_sent();
    ops->quit(ops->opaque);
    return true;
}

static bool write_all(int fd, const uint8_t *buf, size_t len)
{
    while (len) {
        ssize_t n = write(fd, buf, len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        buf += n;
        len -= n;
    }
    return true;
}

/* Copies guest RAM; false when part of it is not RAM (any more). */
static bool read_guest(uint64_t gpa, uint8_t *buf, size_t len)
{
    const void *p = guest_mem_range(gpa, len, false);
    if (p) {
        memcpy(buf, p, len);
        return true;
    }
    while (len) {                          /* across adjacent blocks */
        size_t n = MIN(len, PAGE - (gpa & (PAGE - 1)));
        p = guest_mem_range(gpa, n, false);
        if (!p) {
            return false;
        }
        memcpy(buf, p, n);
        gpa += n;
        buf += n;
        len -= n;
    }
    return true;
}

typedef struct Coverage {
    uint64_t next;            /* [start, next) is RAM so far */
    uint64_t end;
} Coverage;

static void cover(RamBlock *b, void *opaque)
{
    Coverage *c = opaque;
    if (c->next < c->end && b->gpa <= c->next && b->gpa + b->size > c->next) {
        c->next = b->gpa + b->size;
    }
}

/* The first address of [start, end) that is not RAM; end if all is. */
static uint64_t first_hole(uint64_t start, uint64_t end)
{
    Coverage c = { start, end };
    ram_block_foreach(cover, &c);          /* address order: one pass does */
    return MIN(c.next, end);
}

bool qmp_pmemsave(int64_t val, int64_t size, const char *filename, GError **errp)
{
    if (size < 0) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "pmemsave: size %" PRId64 " is negative", size);
        return false;
    }
    uint64_t start = (uint64_t)val, end = start + (uint64_t)size;
    if (end < start) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "pmemsave: 0x%" PRIx64 " + 0x%" PRIx64 " goes past the end of the "
                       "address space", start, (uint64_t)size);
        return false;
    }
    /* the copy runs in the main thread: it is bounded by the RAM there is */
    device_lock();
    uint64_t hole = first_hole(start, end);
    device_unlock();
    if (hole < end) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "Invalid parameter: [0x%" PRIx64 ", 0x%" PRIx64 ") is not all guest "
                       "RAM (none at 0x%" PRIx64 ")", start, end, hole);
        return false;
    }
    /* O_NONBLOCK: a FIFO nobody reads is an error, not a stalled main loop */
    int fd = open(filename, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NONBLOCK, 0600);
    if (fd < 0) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "Could not open '%s': %s",
                       filename, g_strerror(errno));
        return false;
    }
    uint8_t *buf = g_malloc(MIN((uint64_t)PMEMSAVE_CHUNK, MAX(end - start, 1)));
    uint64_t addr = start;
    bool ok = true, gone = false;
    while (addr < end) {
        size_t n = MIN(end - addr, PMEMSAVE_CHUNK);
        device_lock();                    /* a DIMM must not go away mid-copy */
        gone = !read_guest(addr, buf, n);
        device_unlock();
        if (gone || !write_all(fd, buf, n)) {
            ok = false;
            break;
        }
        addr += n;
    }
    int saved = errno;
    if (close(fd) < 0 && ok) {
        ok = false;
        saved = errno;
    }
    g_free(buf);
    if (gone) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "pmemsave: guest RAM in "
                       "[0x%" PRIx64 ", +%u) was unplugged during the copy", addr,
                       PMEMSAVE_CHUNK);
    } else if (!ok) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR, "pmemsave: cannot write %s: %s",
                       filename, g_strerror(saved));
    }
    return ok;
}
