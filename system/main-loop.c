/*
 * main-loop.c - GLib main loop of the main thread.
 *
 * Devices post requests from vCPU threads (vm_request); an eventfd wakes
 * this loop, which is the only place that stops vCPUs, resets or exits.
 */
#include "hotmem/main-loop.h"
#include "hotmem/io.h"
#include "hotmem/runstate.h"
#include "monitor/monitor.h"

#include <errno.h>
#include <glib-unix.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <termios.h>
#include <unistd.h>

typedef struct MainLoop {
    const MainLoopOps *ops;
    const MainLoopConfig *cfg;
    GMainLoop *loop;
    int wake_fd;
    int exit_status;
    uint8_t input[4096];
    size_t input_len;
    size_t input_pos;
    guint input_watch;
    guint input_retry;
} MainLoop;

static struct termios saved_tty;
static bool tty_saved;

static void restore_tty(void)
{
    if (tty_saved) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
        tty_saved = false;
    }
}

/* Characters go to the guest as typed; Ctrl-C still ends hotmem. */
static void setup_tty(void)
{
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved_tty) < 0) {
        return;
    }
    struct termios t = saved_tty;
    t.c_lflag &= ~(ICANON | ECHO | ECHONL | IEXTEN);
    t.c_iflag &= ~(ICRNL | INLCR | IXON);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    tty_saved = true;
    atexit(restore_tty);
    tcsetattr(STDIN_FILENO, TCSANOW, &t);
}

static void wake_main_loop(void *opaque)
{
    MainLoop *ml = opaque;
    uint64_t one = 1;
    if (write(ml->wake_fd, &one, sizeof(one)) < 0 && errno != EAGAIN) {
        perror("hotmem: eventfd");
    }
}

static void finish(MainLoop *ml, int status, const char *why)
{
    ml->exit_status = status;
    if (status && why) {
        fprintf(stderr, "hotmem: %s\n", why);
    }
    g_main_loop_quit(ml->loop);
}

static gboolean on_request(gint fd, GIOCondition cond, gpointer opaque)
{
    MainLoop *ml = opaque;
    uint64_t n;
    if (read(fd, &n, sizeof(n)) < 0 && errno != EAGAIN) {
        perror("hotmem: eventfd");
    }
    VmCause cause;
    VmRequest req = vm_request_take(&cause);
    monitor_runstate_event(req, cause, ml->cfg->no_reboot);
    switch (req) {
    case VM_REQUEST_NONE:
        break;
    case VM_REQUEST_RESET:
        if (ml->cfg->no_reboot) {
            finish(ml, 0, NULL);
            break;
        }
        GError *err = NULL;
        if (!ml->ops->reset(ml->ops->opaque, &err)) {
            fprintf(stderr, "hotmem: reset failed: %s\n", err->message);
            g_error_free(err);
            finish(ml, 1, NULL);
        }
        break;
    case VM_REQUEST_SHUTDOWN:
        if (ml->cfg->no_shutdown && ml->ops->guest_shutdown) {
            ml->ops->guest_shutdown(ml->ops->opaque);
            break;
        }
        finish(ml, 0, NULL);
        break;
    case VM_REQUEST_QUIT:
        finish(ml, 0, NULL);
        break;
    case VM_REQUEST_ERROR: {
        g_autofree char *detail = vm_request_take_error_detail();
        finish(ml, 1, detail ? detail : vm_cause_text(cause));
        break;
    }
    }
    return G_SOURCE_CONTINUE;
}

static gboolean on_signal(gpointer opaque)
{
    vm_request(VM_REQUEST_QUIT, VM_CAUSE_HOST_SIGNAL);
    return G_SOURCE_CONTINUE;
}

static gboolean on_input(gint fd, GIOCondition cond, gpointer opaque);

static void push_input(MainLoop *ml)
{
    device_lock();
    size_t taken = ml->ops->console_input(ml->ops->opaque, ml->input + ml->input_pos,
                                          ml->input_len - ml->input_pos);
    device_unlock();
    ml->input_pos += taken;
}

static gboolean retry_input(gpointer opaque)
{
    MainLoop *ml = opaque;
    push_input(ml);
    if (ml->input_pos < ml->input_len) {
        return G_SOURCE_CONTINUE;     /* the guest has not drained its FIFO yet */
    }
    ml->input_retry = 0;
    ml->input_watch = g_unix_fd_add(STDIN_FILENO, G_IO_IN | G_IO_HUP, on_input, ml);
    return G_SOURCE_REMOVE;
}

static gboolean on_input(gint fd, GIOCondition cond, gpointer opaque)
{
    MainLoop *ml = opaque;
    ssize_t n = read(fd, ml->input, sizeof(ml->input));
    if (n <= 0) {
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
            return G_SOURCE_CONTINUE;
        }
        ml->input_watch = 0;          /* EOF: the console stays output-only */
        return G_SOURCE_REMOVE;
    }
    ml->input_len = n;
    ml->input_pos = 0;
    push_input(ml);
    if (ml->input_pos < ml->input_len) {
        ml->input_watch = 0;
        ml->input_retry = g_timeout_add(5, retry_input, ml);
        return G_SOURCE_REMOVE;
    }
    return G_SOURCE_CONTINUE;
}

int main_loop_run(const MainLoopOps *ops, const MainLoopConfig *cfg)
{
    MainLoop ml = { .ops = ops, .cfg = cfg };
    ml.loop = g_main_loop_new(NULL, FALSE);
    ml.wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (ml.wake_fd < 0) {
        perror("hotmem: eventfd");
        return 1;
    }
    guint request_watch = g_unix_fd_add(ml.wake_fd, G_IO_IN, on_request, &ml);
    vm_request_set_notify(wake_main_loop, &ml);
    /* a request posted before the loop existed still counts */
    if (vm_request_peek() != VM_REQUEST_NONE) {
        wake_main_loop(&ml);
    }
    guint sig[3] = {
        g_unix_signal_add(SIGINT, on_signal, &ml),
        g_unix_signal_add(SIGTERM, on_signal, &ml),
        g_unix_signal_add(SIGHUP, on_signal, &ml),
    };
    if (cfg->console_stdin && ops->console_input) {
        setup_tty();
        ml.input_watch = g_unix_fd_add(STDIN_FILENO, G_IO_IN | G_IO_HUP, on_input, &ml);
    }

    g_main_loop_run(ml.loop);

    restore_tty();
    if (ml.input_watch) {
        g_source_remove(ml.input_watch);
    }
    if (ml.input_retry) {
        g_source_remove(ml.input_retry);
    }
    for (int i = 0; i < 3; i++) {
        g_source_remove(sig[i]);
    }
    g_source_remove(request_watch);
    /* waits out a vm_request() still writing to wake_fd: ml is about to go */
    vm_request_set_notify(NULL, NULL);
    close(ml.wake_fd);
    g_main_loop_unref(ml.loop);
    return ml.exit_status;
}
