/*
 * test-qmp-server.c - the QMP server in-process on a temporary unix socket,
 * driven by real client sockets while the test iterates the main context:
 * greeting, file mode, several clients, event broadcast, malformed input,
 * reply order, a client that does not read (loses events, not the
 * connection).
 */
#include "monitor/machine-ops.h"
#include "monitor/monitor.h"
#include "monitor/qmp.h"
#include "monitor/hmp.h"
#include "qapi-generated.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define GREETING "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, " \
                 "\"major\": 7}, \"package\": \"hotmem 0.1.0\"}, \"capabilities\": []}}"
#define TIMEOUT_US (5 * G_USEC_PER_SEC)

static int quits;

static RunState fake_state(void *o)
{
    return RUN_STATE_RUNNING;
}

static void fake_quit(void *o)
{
    quits++;
}

static void fake_nothing(void *o)
{
}

static const MonitorMachineOps fake_ops = {
    .run_state = fake_state,
    .system_reset = fake_nothing,
    .system_powerdown = fake_nothing,
    .quit = fake_quit,
};

typedef struct Client {
    int fd;
    GString *buf;
    bool eof;
} Client;

static char *tmpdir;

static char *sock_path(const char *name)
{
    return g_build_filename(tmpdir, name, NULL);
}

static void pump(void)
{
    while (g_main_context_iteration(NULL, FALSE)) {
    }
}

static Client *client_connect(const char *path)
{
    Client *c = g_new0(Client, 1);
    c->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    g_assert_cmpint(c->fd, >=, 0);
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    g_strlcpy(a.sun_path, path, sizeof(a.sun_path));
    g_assert_cmpint(connect(c->fd, (struct sockaddr *)&a, sizeof(a)), ==, 0);
    fcntl(c->fd, F_SETFL, O_NONBLOCK);
    c->buf = g_string_new(NULL);
    return c;
}

static void client_free(Client *c)
{
    close(c->fd);
    g_string_free(c->buf, TRUE);
    g_free(c);
}

/* Reads what is there without waiting. */
static void client_poll(Client *c)
{
    char tmp[65536];
    for (;;) {
        ssize_t n = read(c->fd, tmp, sizeof(tmp));
        if (n > 0) {
            g_string_append_len(c->buf, tmp, n);
            continue;
        }
        if (n == 0) {
            c->eof = true;
        }
        return;
    }
}

/* The next "\r\n"-terminated line, serving the server meanwhile; NULL on
 * EOF or timeout. */
static char *client_line(Client *c)
{
    gint64 deadline = g_get_monotonic_time() + TIMEOUT_US;
    for (;;) {
        char *end = strstr(c->buf->str, "\r\n");
        if (end) {
            char *line = g_strndup(c->buf->str, end - c->buf->str);
            g_string_erase(c->buf, 0, end - c->buf->str + 2);
            return line;
        }
        if (c->eof || g_get_monotonic_time() > deadline) {
            return NULL;
        }
        pump();
        struct pollfd p = { .fd = c->fd, .events = POLLIN };
        poll(&p, 1, 5);
        client_poll(c);
    }
}

static void client_send(Client *c, const char *text)
{
    size_t len = strlen(text);
    gint64 deadline = g_get_monotonic_time() + TIMEOUT_US;
    while (len) {
        ssize_t n = write(c->fd, text, len);
        if (n > 0) {
            text += n;
            len -= n;
            continue;
        }
        g_assert_true(n < 0 && errno == EAGAIN);
        g_assert_cmpint(g_get_monotonic_time(), <, deadline);
        pump();
    }
    pump();
}

#define ASSERT_LINE(c, want) do {                  \
        g_autofree char *l_ = client_line(c);      \
        g_assert_cmpstr(l_, ==, (want));           \
    } while (0)

static void negotiate(Client *c)
{
    ASSERT_LINE(c, GREETING);
    client_send(c, "{\"execute\": \"qmp_capabilities\"}\n");
    ASSERT_LINE(c, "{\"return\": {}}");
}

static void setup(void)
{
    GError *err = NULL;
    tmpdir = g_dir_make_tmp("hotmem-qmp-XXXXXX", &err);
    g_assert_no_error(err);
    monitor_set_machine_ops(&fake_ops);
    quits = 0;
}

static void teardown(void)
{
    monitor_set_machine_ops(NULL);
    pump();
    g_assert_cmpint(rmdir(tmpdir), ==, 0);     /* the server removed its socket */
    g_free(tmpdir);
}

/* setup() plus a QMP server listening on qmp.sock in the test's dir */
static QmpServer *start_server(char **path)
{
    setup();
    *path = sock_path("qmp.sock");
    GError *err = NULL;
    QmpServer *s = qmp_server_new(*path, -1, NULL, &err);
    g_assert_no_error(err);
    return s;
}

static void test_greeting_and_mode(void)
{
    g_autofree char *path = NULL;
    QmpServer *s = start_server(&path);
    struct stat st;
    g_assert_cmpint(stat(path, &st), ==, 0);
    g_assert_true(S_ISSOCK(st.st_mode));
    g_assert_cmpint(st.st_mode & 07777, ==, 0600);

    Client *c = client_connect(path);
    negotiate(c);
    g_assert_cmpuint(qmp_server_client_count(s), ==, 1);
    client_send(c, "{\"execute\": \"query-status\", \"id\": \"s1\"}");
    ASSERT_LINE(c, "{\"return\": {\"status\": \"running\", \"singlestep\": false, "
                   "\"running\": true}, \"id\": \"s1\"}");

    /* a client that leaves is forgotten */
    client_free(c);
    for (int i = 0; i < 100 && qmp_server_client_count(s); i++) {
        pump();
        g_usleep(1000);
    }
    g_assert_cmpuint(qmp_server_client_count(s), ==, 0);

    c = client_connect(path);
    ASSERT_LINE(c, GREETING);
    qmp_server_free(s);
    g_assert_cmpint(access(path, F_OK), <, 0);   /* socket file removed */
    g_assert_null(client_line(c));               /* and the client sees EOF */
    g_assert_true(c->eof);
    client_free(c);
    teardown();
}

static void test_several_clients_and_events(void)
{
    g_autofree char *path = NULL;
    QmpServer *s = start_server(&path);
    Client *a = client_connect(path);
    Client *b = client_connect(path);
    Client *quiet = client_connect(path);       /* never negotiates */
    negotiate(a);
    negotiate(b);
    ASSERT_LINE(quiet, GREETING);

    /* interleaved requests: each client gets its own replies */
    client_send(a, "{\"execute\": \"query-version\", \"id\": \"a1\"}");
    client_send(b, "{\"execute\": \"query-status\", \"id\": \"b1\"}");
    ASSERT_LINE(b, "{\"return\": {\"status\": \"running\", \"singlestep\": false, "
                   "\"running\": true}, \"id\": \"b1\"}");
    ASSERT_LINE(a, "{\"return\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}, "
                   "\"package\": \"hotmem 0.1.0\"}, \"id\": \"a1\"}");

    /* an event reaches every negotiated client */
    ACPIOSTInfo ost = { .device = (char *)"dimm0", .slot = (char *)"0",
                        .slot_type = ACPI_SLOT_TYPE_DIMM, .source = 1, .status = 0 };
    qapi_event_send_acpi_device_ost(&ost);
    const char *body = "\"event\": \"ACPI_DEVICE_OST\", \"data\": {\"info\": {\"device\": "
                       "\"dimm0\", \"source\": 1, \"status\": 0, \"slot\": \"0\", "
                       "\"slot-type\": \"DIMM\"}}}";
    for (int i = 0; i < 2; i++) {
        g_autofree char *l = client_line(i ? b : a);
        g_assert_nonnull(l);
        g_assert_true(g_str_has_prefix(l, "{\"timestamp\": {\"seconds\": "));
        g_assert_true(g_str_has_suffix(l, body));
    }
    /* ... but not one still negotiating: its next line is its own reply */
    client_send(quiet, "{\"execute\": \"qmp_capabilities\", \"id\": 1}");
    ASSERT_LINE(quiet, "{\"return\": {}, \"id\": 1}");

    client_free(a);
    client_free(b);
    client_free(quiet);
    qmp_server_free(s);
    teardown();
}

static void test_bad_input_keeps_connection(void)
{
    g_autofree char *path = NULL;
    QmpServer *s = start_server(&path);
    Client *c = client_connect(path);
    negotiate(c);
    client_send(c, "{\"execute\": }\r\n");
    ASSERT_LINE(c, "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"JSON parse error, expecting value\"}}");
    client_send(c, "\x01garbage{\"execute\": \"query-version\", \"id\": 2}");
    ASSERT_LINE(c, "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"JSON parse error, stray '\\\\001'\"}}");
    ASSERT_LINE(c, "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"JSON parse error, invalid keyword 'garbage'\"}}");
    g_autofree char *l = client_line(c);
    g_assert_true(g_str_has_suffix(l, "\"id\": 2}"));
    client_send(c, "[\"not an object\"]");
    ASSERT_LINE(c, "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"QMP input must be a JSON object\"}}");
    client_send(c, "{\"execute\": \"nope\", \"id\": [1]}");
    ASSERT_LINE(c, "{\"id\": [1], \"error\": {\"class\": \"CommandNotFound\", \"desc\": "
                   "\"The command nope has not been found\"}}");
    client_send(c, "{\"execute\": \"device_del\", \"arguments\": {}}");
    ASSERT_LINE(c, "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                   "\"Parameter 'id' is missing\"}}");

    /* a command split over several writes, then three in one write */
    client_send(c, "{\"exec");
    client_send(c, "ute\": \"query-st");
    client_send(c, "atus\", \"id\": \"split\"}");
    g_free(l);
    l = client_line(c);
    g_assert_true(g_str_has_suffix(l, "\"id\": \"split\"}"));
    g_free(l);
    client_send(c, "{\"execute\": \"query-status\", \"id\": 1}{\"execute\": \"nope\", "
                   "\"id\": 2}\n{\"execute\": \"query-version\", \"id\": 3}");
    for (int i = 1; i <= 3; i++) {
        l = client_line(c);
        g_autofree char *want = g_strdup_printf("\"id\": %d", i);
        g_assert_nonnull(strstr(l, want));
        g_free(l);
    }
    l = NULL;
    client_free(c);
    qmp_server_free(s);
    teardown();
}

static void test_quit_order(void)
{
    g_autofree char *path = NULL;
    QmpServer *s = start_server(&path);
    Client *c = client_connect(path);
    negotiate(c);
    client_send(c, "{\"execute\": \"quit\"}");
    /* as in QEMU's transcript: the SHUTDOWN event, then the reply */
    g_autofree char *ev = client_line(c);
    g_assert_nonnull(ev);
    g_assert_true(g_str_has_suffix(ev, "\"event\": \"SHUTDOWN\", \"data\": {\"guest\": false, "
                                       "\"reason\": \"host-qmp-quit\"}}"));
    ASSERT_LINE(c, "{\"return\": {}}");
    g_assert_cmpint(quits, ==, 1);
    client_free(c);
    qmp_server_free(s);
    teardown();
}

/* Reads everything the server has for c until nothing comes for 50 ms;
 * returns the number of complete lines; the last one goes to *last. */
static guint drain(Client *c, char **last)
{
    guint lines = 0;
    gint64 quiet_since = g_get_monotonic_time();
    while (g_get_monotonic_time() - quiet_since < 50000) {
        pump();
        struct pollfd p = { .fd = c->fd, .events = POLLIN };
        if (poll(&p, 1, 5) > 0) {
            quiet_since = g_get_monotonic_time();
        }
        client_poll(c);
        for (char *e; (e = strstr(c->buf->str, "\r\n"));) {
            g_free(*last);
            *last = g_strndup(c->buf->str, e - c->buf->str);
            g_string_erase(c->buf, 0, e - c->buf->str + 2);
            lines++;
        }
    }
    return lines;
}

/* A client that never reads loses events once its pending output passes
 * the cap, but stays connected and gets its replies; the VMM never waits
 * for it, and others lose nothing. */
static void test_slow_client_loses_events(void)
{
    g_autofree char *path = NULL;
    QmpServer *s = start_server(&path);
    qmp_server_set_out_cap(s, 64 * 1024);
    Client *slow = client_connect(path);
    Client *fast = client_connect(path);
    negotiate(slow);
    negotiate(fast);
    guint received = 0, emitted = 0;
    gint64 start = g_get_monotonic_time();
    for (int batch = 0; batch < 200; batch++) {
        for (int i = 0; i < 100; i++, emitted++) {
            qapi_event_send_device_deleted("dimm-with-a-rather-long-name",
                                           "/machine/peripheral/dimm-with-a-rather-long-name");
        }
        pump();
        client_poll(fast);
        for (char *p; (p = strstr(fast->buf->str, "\r\n"));) {
            g_string_erase(fast->buf, 0, p - fast->buf->str + 2);
            received++;
        }
    }
    g_assert_cmpint(g_get_monotonic_time() - start, <, TIMEOUT_US);
    g_assert_cmpuint(qmp_server_client_count(s), ==, 2);
    size_t dropped = qmp_server_events_dropped(s);
    g_assert_cmpuint(dropped, >, 0);
    /* the fast one lost nothing: every event, then the reply */
    client_send(fast, "{\"execute\": \"query-status\", \"id\": \"alive\"}");
    g_autofree char *l = NULL;
    do {
        g_free(l);
        l = client_line(fast);
        g_assert_nonnull(l);
        received++;
    } while (!g_str_has_suffix(l, "\"id\": \"alive\"}"));
    g_assert_cmpuint(received, ==, emitted + 1);
    /* the slow one: what fitted under the cap (the socket buffer holds some
     * more), then the reply to a command, and later events again */
    client_send(slow, "{\"execute\": \"query-status\", \"id\": \"slow\"}");
    g_autofree char *last = NULL;
    guint got = drain(slow, &last);
    g_assert_cmpuint(got, ==, emitted - dropped + 1);
    g_assert_cmpuint(got, <, emitted / 2);
    g_assert_cmpstr(last, ==, "{\"return\": {\"status\": \"running\", \"singlestep\": false, "
                              "\"running\": true}, \"id\": \"slow\"}");
    qapi_event_send_device_deleted("d9", "/machine/peripheral/d9");
    g_autofree char *ev = client_line(slow);
    g_assert_nonnull(ev);
    g_assert_true(g_str_has_suffix(ev, "\"event\": \"DEVICE_DELETED\", \"data\": {\"device\": "
                                       "\"d9\", \"path\": \"/machine/peripheral/d9\"}}"));
    g_assert_cmpuint(qmp_server_client_count(s), ==, 2);
    client_free(slow);
    client_free(fast);
    qmp_server_free(s);
    teardown();
}

static long rss_kb(void)
{
    g_autofree char *status = NULL;
    g_assert_true(g_file_get_contents("/proc/self/status", &status, NULL, NULL));
    const char *p = strstr(status, "VmRSS:");
    g_assert_nonnull(p);
    return strtol(p + 6, NULL, 10);
}

/* An event line's timestamp, in microseconds. */
static gint64 event_time(const char *line)
{
    gint64 sec = 0, usec = -1;
    g_assert_cmpint(sscanf(line, "{\"timestamp\": {\"seconds\": %" G_GINT64_FORMAT
                           ", \"microseconds\": %" G_GINT64_FORMAT, &sec, &usec), ==, 2);
    return sec * G_USEC_PER_SEC + usec;
}

#define OST_BODY(status, src) "\"event\": \"ACPI_DEVICE_OST\", \"data\": {\"info\": {" \
    "\"device\": \"dimm0\", \"source\": " src ", \"status\": " status ", \"slot\": \"0\", " \
    "\"slot-type\": \"DIMM\"}}}"

/* A guest that writes _OST without pause, a client that does not read:
 * the events of the slot are throttled (the first at once, the newest when
 * the second is over), so the client stays connected, memory stays
 * bounded, and the DEVICE_DELETED that follows is not lost. */
static void test_ost_flood(void)
{
    g_autofree char *path = NULL;
    QmpServer *s = start_server(&path);
    Client *c = client_connect(path);
    negotiate(c);
    long rss0 = rss_kb();
    MonitorEventStats st0, st;
    monitor_event_stats(&st0);
    enum { N = 20000 };                  /* ~3.4 MB of events unthrottled */
    gint64 t0 = g_get_monotonic_time();
    for (int i = 0; i < N; i++) {
        ACPIOSTInfo ost = { .device = (char *)"dimm0", .slot = (char *)"0",
                            .slot_type = ACPI_SLOT_TYPE_DIMM, .source = i < N - 1 ? 3 : 1,
                            .status = i < N - 1 ? 0x84 : 0 };
        qapi_event_send_acpi_device_ost(&ost);
        if (i % 100 == 0) {
            pump();
        }
    }
    gint64 flood_end = g_get_real_time();
    gint64 flood_us = g_get_monotonic_time() - t0;
    MonitorEventStats st_end;                /* before any iteration */
    monitor_event_stats(&st_end);
    /* another slot is not held back by slot 0's flood, nor DEVICE_DELETED */
    ACPIOSTInfo other = { .device = (char *)"d1", .slot = (char *)"1",
                          .slot_type = ACPI_SLOT_TYPE_DIMM, .source = 1, .status = 0 };
    qapi_event_send_acpi_device_ost(&other);
    qapi_event_send_device_deleted("d1", "/machine/peripheral/d1");
    pump();
    g_assert_cmpuint(qmp_server_client_count(s), ==, 1);
    g_assert_cmpuint(qmp_server_events_dropped(s), ==, 0);
    bool asan = false;        /* its quarantine keeps what was freed: RSS tells nothing */
#ifdef __SANITIZE_ADDRESS__
    asan = true;
#endif
    if (!asan) {
        g_assert_cmpint(rss_kb() - rss0, <, 2048);
    }
    /* the last one was held (no iteration since it came), and kept alone */
    g_assert_cmpuint(st_end.held, ==, 1);
    g_assert_cmpuint(st_end.queue_len, ==, 0);

    /* now the client reads: the first _OST at once, one per second after
     * that (if the flood took that long), slot 1's and DEVICE_DELETED at
     * once, slot 0's last state when its second is over */
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    gint64 t_last = 0;
    while (!t_last) {
        char *l = client_line(c);
        g_assert_nonnull(l);
        g_ptr_array_add(lines, l);
        if (g_str_has_suffix(l, OST_BODY("0", "1"))) {
            t_last = g_get_monotonic_time();
        }
    }
    guint ost0 = 0, other_at = 0, deleted_at = 0;
    for (guint i = 0; i < lines->len; i++) {
        const char *l = g_ptr_array_index(lines, i);
        if (strstr(l, "\"slot\": \"0\"")) {
            ost0++;
        } else if (strstr(l, "\"slot\": \"1\"")) {
            other_at = i;
        } else if (strstr(l, "DEVICE_DELETED")) {
            deleted_at = i;
        }
    }
    const char *first = g_ptr_array_index(lines, 0);
    const char *last = g_ptr_array_index(lines, lines->len - 1);
    g_assert_true(g_str_has_suffix(first, OST_BODY("132", "3")));
    g_assert_cmpuint(other_at, >, 0);
    g_assert_cmpuint(deleted_at, >, 0);
    g_assert_cmpuint(lines->len, ==, ost0 + 2);
    g_assert_cmpuint(ost0, <=, 2 + flood_us / G_USEC_PER_SEC + 1);
    monitor_event_stats(&st);
    g_assert_cmpuint(st.coalesced - st0.coalesced, ==, N - ost0);   /* none lost else */
    g_assert_cmpint(t_last - t0, >=, 900 * 1000);
    g_assert_cmpint(t_last - t0, <, flood_us + 2 * G_USEC_PER_SEC);
    /* the held event kept the time the guest wrote it */
    g_assert_cmpint(event_time(last), >, event_time(first));
    g_assert_cmpint(event_time(last), <=, flood_end);
    g_ptr_array_free(lines, TRUE);
    gint64 t4 = t_last;

    /* a period with nothing held ends the throttling: then at once again */
    g_usleep(1100 * 1000);
    pump();
    ACPIOSTInfo again = { .device = (char *)"dimm0", .slot = (char *)"0",
                          .slot_type = ACPI_SLOT_TYPE_DIMM, .source = 3, .status = 0x84 };
    qapi_event_send_acpi_device_ost(&again);
    g_autofree char *l5 = client_line(c);
    g_assert_true(g_str_has_suffix(l5, OST_BODY("132", "3")));
    g_assert_cmpint(g_get_monotonic_time() - t4, <, 1500 * 1000);
    client_free(c);
    qmp_server_free(s);
    teardown();
}

/* A client that pipelines many requests before reading is throttled (its
 * input is not read while replies pile up), not dropped, and gets every
 * reply in order. */
static void test_pipelined_client_throttled(void)
{
    g_autofree char *path = NULL;
    QmpServer *s = start_server(&path);
    qmp_server_set_out_cap(s, 128 * 1024);
    Client *c = client_connect(path);
    negotiate(c);
    enum { N = 4000 };                            /* ~440 KB of replies */
    GString *req = g_string_new(NULL);
    for (int i = 0; i < N; i++) {
        g_string_append_printf(req, "{\"execute\": \"query-version\", \"id\": %d}", i);
    }
    client_send(c, req->str);
    g_string_free(req, TRUE);
    for (int i = 0; i < N; i++) {
        g_autofree char *l = client_line(c);
        g_assert_nonnull(l);
        g_autofree char *want = g_strdup_printf("\"id\": %d}", i);
        g_assert_true(g_str_has_suffix(l, want));
    }
    g_assert_cmpuint(qmp_server_client_count(s), ==, 1);
    client_free(c);
    qmp_server_free(s);
    teardown();
}

static void test_socket_file_rules(void)
{
    setup();
    GError *err = NULL;
    /* a stale socket file (nobody listens) is replaced */
    g_autofree char *path = sock_path("stale.sock");
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    g_strlcpy(a.sun_path, path, sizeof(a.sun_path));
    g_assert_cmpint(bind(fd, (struct sockaddr *)&a, sizeof(a)), ==, 0);
    close(fd);
    QmpServer *s = qmp_server_new(path, -1, NULL, &err);
    g_assert_no_error(err);
    /* a live one is not taken over */
    QmpServer *s2 = qmp_server_new(path, -1, NULL, &err);
    g_assert_null(s2);
    g_assert_nonnull(strstr(err->message, "another process is listening"));
    g_clear_error(&err);
    Client *c = client_connect(path);
    ASSERT_LINE(c, GREETING);
    client_free(c);
    qmp_server_free(s);

    /* a regular file is never removed */
    g_autofree char *file = sock_path("file");
    g_assert_true(g_file_set_contents(file, "data", -1, NULL));
    g_assert_null(qmp_server_new(file, -1, NULL, &err));
    g_assert_nonnull(strstr(err->message, "exists and is not a socket"));
    g_clear_error(&err);
    g_assert_cmpint(unlink(file), ==, 0);

    /* a path that cannot be a socket address */
    GString *longp = g_string_new(tmpdir);
    while (longp->len < 200) {
        g_string_append(longp, "/x");
    }
    g_assert_null(qmp_server_new(longp->str, -1, NULL, &err));
    g_assert_nonnull(strstr(err->message, "at most 107 fit"));
    g_clear_error(&err);
    g_string_free(longp, TRUE);
    teardown();
}

/* The HMP server on a socket: banner, prompt, commands, \r\n lines. */
static void test_hmp_socket(void)
{
    setup();
    g_autofree char *path = sock_path("hmp.sock");
    GError *err = NULL;
    HmpServer *s = hmp_server_new(path, -1, NULL, &err);
    g_assert_no_error(err);
    struct stat st;
    g_assert_cmpint(stat(path, &st), ==, 0);
    g_assert_cmpint(st.st_mode & 07777, ==, 0600);
    Client *c = client_connect(path);
    ASSERT_LINE(c, "hotmem 0.1.0 monitor - type 'help' for more information");
    client_send(c, "info status\r\n");
    ASSERT_LINE(c, "(qemu) VM status: running");
    client_send(c, "device_del\n");
    ASSERT_LINE(c, "(qemu) device_del: string expected");
    ASSERT_LINE(c, "Try \"help device_del\" for more information");
    GString *big = g_string_new(NULL);
    for (int i = 0; i < HMP_MAX_LINE + 10; i++) {
        g_string_append_c(big, 'x');
    }
    g_string_append(big, "\ninfo status\n");
    client_send(c, big->str);
    g_string_free(big, TRUE);
    ASSERT_LINE(c, "(qemu) line too long (at most 4096 bytes): ignored");
    ASSERT_LINE(c, "(qemu) VM status: running");
    client_free(c);
    hmp_server_free(s);
    teardown();
}

/* Both protocols share one server (monitor/server.c): the 17th connection
 * is closed unanswered, a free place is usable again, and freeing the
 * server ends every connection. */
static void test_client_limit(void)
{
    setup();
    g_autofree char *qpath = sock_path("qmp.sock");
    g_autofree char *hpath = sock_path("hmp.sock");
    GError *err = NULL;
    QmpServer *q = qmp_server_new(qpath, -1, NULL, &err);
    g_assert_no_error(err);
    HmpServer *h = hmp_server_new(hpath, -1, NULL, &err);
    g_assert_no_error(err);
    Client *qc[QMP_MAX_CLIENTS + 1], *hc[HMP_MAX_CLIENTS + 1];
    for (int i = 0; i < QMP_MAX_CLIENTS; i++) {
        qc[i] = client_connect(qpath);
        ASSERT_LINE(qc[i], GREETING);
    }
    for (int i = 0; i < HMP_MAX_CLIENTS; i++) {
        hc[i] = client_connect(hpath);
        ASSERT_LINE(hc[i], "hotmem 0.1.0 monitor - type 'help' for more information");
    }
    g_assert_cmpuint(qmp_server_client_count(q), ==, QMP_MAX_CLIENTS);
    qc[QMP_MAX_CLIENTS] = client_connect(qpath);
    hc[HMP_MAX_CLIENTS] = client_connect(hpath);
    g_assert_null(client_line(qc[QMP_MAX_CLIENTS]));
    g_assert_true(qc[QMP_MAX_CLIENTS]->eof);
    g_assert_null(client_line(hc[HMP_MAX_CLIENTS]));
    g_assert_true(hc[HMP_MAX_CLIENTS]->eof);
    g_assert_cmpuint(qmp_server_client_count(q), ==, QMP_MAX_CLIENTS);
    client_free(qc[QMP_MAX_CLIENTS]);
    client_free(hc[HMP_MAX_CLIENTS]);

    /* a place freed is a place again */
    client_free(qc[0]);
    for (int i = 0; i < 100 && qmp_server_client_count(q) == QMP_MAX_CLIENTS; i++) {
        pump();
        g_usleep(1000);
    }
    qc[0] = client_connect(qpath);
    negotiate(qc[0]);
    g_assert_cmpuint(qmp_server_client_count(q), ==, QMP_MAX_CLIENTS);

    qmp_server_free(q);
    hmp_server_free(h);
    for (int i = 0; i < QMP_MAX_CLIENTS; i++) {
        client_poll(qc[i]);
        g_assert_true(qc[i]->eof);
        client_free(qc[i]);
    }
    for (int i = 0; i < HMP_MAX_CLIENTS; i++) {
        client_poll(hc[i]);
        g_assert_true(hc[i]->eof);
        client_free(hc[i]);
    }
    teardown();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qmp-server/greeting-and-mode", test_greeting_and_mode);
    g_test_add_func("/qmp-server/several-clients-and-events", test_several_clients_and_events);
    g_test_add_func("/qmp-server/bad-input-keeps-connection", test_bad_input_keeps_connection);
    g_test_add_func("/qmp-server/quit-order", test_quit_order);
    g_test_add_func("/qmp-server/slow-client-loses-events", test_slow_client_loses_events);
    g_test_add_func("/qmp-server/pipelined-client-throttled", test_pipelined_client_throttled);
    g_test_add_func("/qmp-server/ost-flood", test_ost_flood);
    g_test_add_func("/qmp-server/socket-file-rules", test_socket_file_rules);
    g_test_add_func("/qmp-server/hmp-socket", test_hmp_socket);
    g_test_add_func("/qmp-server/client-limit", test_client_limit);
    return g_test_run();
}
