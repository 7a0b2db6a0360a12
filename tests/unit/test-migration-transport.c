/*
 * test-migration-transport.c - migration URIs (accepted and refused forms)
 * and each transport carrying bytes over loopback: tcp, unix, exec, file,
 * an fd, and a shutdown that unblocks a reader in another thread.
 */
#include "migration/transport.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void test_parse(void)
{
    static const struct { const char *uri; MigUriKind kind; const char *a, *b; } good[] = {
        { "tcp:127.0.0.1:4444", MIG_URI_TCP, "127.0.0.1", "4444" },
        { "tcp:0:4446", MIG_URI_TCP, "0", "4446" },
        { "tcp::4446", MIG_URI_TCP, "", "4446" },
        { "tcp:[::1]:80", MIG_URI_TCP, "::1", "80" },
        { "tcp:localhost:0", MIG_URI_TCP, "localhost", "0" },
        { "unix:/tmp/mig.sock", MIG_URI_UNIX, "/tmp/mig.sock", NULL },
        { "exec:cat > /dev/null", MIG_URI_EXEC, "cat > /dev/null", NULL },
        { "fd:migrate", MIG_URI_FD, "migrate", NULL },
        { "file:/tmp/snap", MIG_URI_FILE, "/tmp/snap", NULL },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(good); i++) {
        MigUri u;
        GError *err = NULL;
        g_assert_true(mig_uri_parse(good[i].uri, &u, &err));
        g_assert_no_error(err);
        g_assert_cmpint(u.kind, ==, good[i].kind);
        if (u.kind == MIG_URI_TCP) {
            g_assert_cmpstr(u.host, ==, good[i].a);
            g_assert_cmpstr(u.port, ==, good[i].b);
        } else {
            g_assert_cmpstr(u.path, ==, good[i].a);
        }
        mig_uri_clear(&u);
    }
    static const struct { const char *uri, *msg; } bad[] = {
        { "rdma:1.2.3.4:5", "unknown migration protocol: rdma:1.2.3.4:5" },
        { "", "unknown migration protocol: " },
        { "TCP:1:2", "unknown migration protocol" },
        { "tcp:127.0.0.1", "no port" },
        { "tcp:127.0.0.1:", "port '' is not a number" },
        { "tcp:127.0.0.1:65536", "port '65536'" },
        { "tcp:127.0.0.1:12x", "port '12x'" },
        { "tcp:127.0.0.1:-1", "port '-1'" },
        { "tcp:::1:80", "needs brackets" },
        { "tcp:[::1:80", "error parsing IPv6 address" },
        { "unix:", "nothing after 'unix:'" },
        { "exec:", "nothing after 'exec:'" },
        { "file:", "nothing after 'file:'" },
        { "fd:", "nothing after 'fd:'" },
        { "fd:3", "a name, not a number" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        MigUri u;
        GError *err = NULL;
        g_assert_false(mig_uri_parse(bad[i].uri, &u, &err));
        g_assert_nonnull(err);
        if (!strstr(err->message, bad[i].msg)) {
            g_test_message("%s: got '%s'", bad[i].uri, err->message);
        }
        g_assert_nonnull(strstr(err->message, bad[i].msg));
        g_error_free(err);
        g_assert_null(u.host);
        g_assert_null(u.path);
    }
    MigUri u;
    GError *err = NULL;
    g_autofree char *longpath = g_strnfill(200, 'x');
    g_autofree char *longuri = g_strconcat("unix:/", longpath, NULL);
    g_assert_false(mig_uri_parse(longuri, &u, &err));
    g_assert_nonnull(strstr(err->message, "longer than"));
    g_error_free(err);
}

typedef struct {
    const MigUri *uri;
    MigChannel *out;
    GError *err;
} Connector;

static gpointer connect_thread(gpointer opaque)
{
    Connector *c = opaque;
    c->out = mig_channel_open_out(c->uri, -1, &c->err);
    return NULL;
}

typedef struct {
    MigChannel *c;
    const uint8_t *d;
    size_t n;
    bool ok;
} Writer;

static gpointer write_thread(gpointer opaque)
{
    Writer *w = opaque;
    w->ok = mig_channel_write(w->c, w->d, w->n, NULL);
    return NULL;
}

/* 3 MiB through the channel pair (more than a socket buffer: both ends
 * must really stream), then a reply on the return path if there is one. */
static void pump(MigChannel *out, MigChannel *in, bool return_path)
{
    const size_t n = 3u << 20;
    g_autofree uint8_t *data = g_malloc(n);
    for (size_t i = 0; i < n; i++) {
        data[i] = (uint8_t)(i * 31 + (i >> 12));
    }
    g_autofree uint8_t *got = g_malloc(n);
    GError *err = NULL;
    Writer w = { out, data, n, false };
    GThread *t = g_thread_new("writer", write_thread, &w);
    g_assert_true(mig_channel_read(in, got, n, &err));
    g_assert_no_error(err);
    g_thread_join(t);
    g_assert_true(w.ok);
    g_assert_cmpmem(got, n, data, n);
    g_assert_cmpint(mig_channel_has_return_path(out), ==, return_path);
    g_assert_cmpint(mig_channel_has_return_path(in), ==, return_path);
    if (return_path) {
        g_assert_true(mig_channel_write(in, "ok", 2, &err));
        char r[2];
        g_assert_true(mig_channel_read(out, r, 2, &err));
        g_assert_cmpmem(r, 2, "ok", 2);
    }
}

static void test_socket(const char *uri_text)
{
    MigUri u;
    GError *err = NULL;
    g_assert_true(mig_uri_parse(uri_text, &u, &err));
    MigListener *l = mig_listen(&u, -1, &err);
    g_assert_no_error(err);
    g_assert_cmpint(mig_listener_poll_fd(l), >=, 0);
    if (u.kind == MIG_URI_TCP) {
        g_assert_cmpint(mig_listener_port(l), >, 0);
        g_free(u.port);
        u.port = g_strdup_printf("%d", mig_listener_port(l));
    }
    Connector c = { .uri = &u };
    GThread *t = g_thread_new("connect", connect_thread, &c);
    MigChannel *in = mig_listener_accept(l, &err);
    g_assert_no_error(err);
    g_thread_join(t);
    g_assert_no_error(c.err);
    pump(c.out, in, true);
    /* the source closes: the destination sees the end, with a message */
    mig_channel_close(c.out);
    char b;
    g_assert_false(mig_channel_read(in, &b, 1, &err));
    g_assert_cmpstr(err->message, ==, "the stream ends early");
    g_clear_error(&err);
    mig_channel_close(in);
    mig_listener_free(l);
    mig_uri_clear(&u);
}

static void test_tcp(void)
{
    test_socket("tcp:127.0.0.1:0");
}

static void test_unix(void)
{
    g_autofree char *dir = g_dir_make_tmp("mig-XXXXXX", NULL);
    g_autofree char *uri = g_strdup_printf("unix:%s/s", dir);
    test_socket(uri);
    g_autofree char *path = g_strdup_printf("%s/s", dir);
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));   /* removed when freed */
    g_rmdir(dir);
}

static void test_refused(void)
{
    GError *err = NULL;
    MigUri u;
    g_autofree char *dir = g_dir_make_tmp("mig-XXXXXX", NULL);
    g_autofree char *uri = g_strdup_printf("unix:%s/nobody", dir);
    g_assert_true(mig_uri_parse(uri, &u, &err));
    g_assert_null(mig_channel_open_out(&u, -1, &err));
    g_assert_nonnull(strstr(err->message, "Failed to connect socket"));
    g_clear_error(&err);
    mig_uri_clear(&u);
    g_assert_true(mig_uri_parse("file:/nonexistent-dir/x", &u, &err));
    g_assert_null(mig_channel_open_out(&u, -1, &err));
    g_assert_nonnull(strstr(err->message, "Could not open '/nonexistent-dir/x'"));
    g_clear_error(&err);
    g_assert_null(mig_listen(&u, -1, &err));
    g_clear_error(&err);
    mig_uri_clear(&u);
    g_rmdir(dir);
}

static void test_exec_and_file(void)
{
    GError *err = NULL;
    g_autofree char *dir = g_dir_make_tmp("mig-XXXXXX", NULL);
    g_autofree char *file = g_build_filename(dir, "snap", NULL);
    /* source: exec writes through a shell into a file */
    g_autofree char *out_uri = g_strdup_printf("exec:cat > '%s'", file);
    MigUri u;
    g_assert_true(mig_uri_parse(out_uri, &u, &err));
    MigChannel *c = mig_channel_open_out(&u, -1, &err);
    g_assert_no_error(err);
    g_assert_false(mig_channel_has_return_path(c));
    g_assert_true(mig_channel_write(c, "hello stream", 12, &err));
    mig_channel_close(c);                 /* waits for cat */
    mig_uri_clear(&u);
    /* destination: exec reads it back through another shell */
    g_autofree char *in_uri = g_strdup_printf("exec:cat '%s'", file);
    g_assert_true(mig_uri_parse(in_uri, &u, &err));
    MigListener *l = mig_listen(&u, -1, &err);
    g_assert_no_error(err);
    g_assert_cmpint(mig_listener_poll_fd(l), ==, -1);
    c = mig_listener_accept(l, &err);
    char buf[12];
    g_assert_true(mig_channel_read(c, buf, 12, &err));
    g_assert_cmpmem(buf, 12, "hello stream", 12);
    g_assert_false(mig_channel_read(c, buf, 1, &err));
    g_clear_error(&err);
    mig_channel_close(c);
    mig_listener_free(l);
    mig_uri_clear(&u);
    /* file: both ways */
    g_autofree char *file_uri = g_strdup_printf("file:%s", file);
    g_assert_true(mig_uri_parse(file_uri, &u, &err));
    c = mig_channel_open_out(&u, -1, &err);
    g_assert_true(mig_channel_write(c, "snapshot", 8, &err));
    mig_channel_close(c);
    l = mig_listen(&u, -1, &err);
    c = mig_listener_accept(l, &err);
    g_assert_true(mig_channel_read(c, buf, 8, &err));
    g_assert_cmpmem(buf, 8, "snapshot", 8);
    mig_channel_close(c);
    mig_listener_free(l);
    mig_uri_clear(&u);
    /* a command whose stdin closes: the write fails, hotmem lives on */
    g_assert_true(mig_uri_parse("exec:exit 0", &u, &err));
    c = mig_channel_open_out(&u, -1, &err);
    g_autofree uint8_t *big = g_malloc0(1u << 20);
    g_assert_false(mig_channel_write(c, big, 1u << 20, &err));
    g_assert_nonnull(strstr(err->message, "write failed"));
    g_clear_error(&err);
    mig_channel_close(c);
    mig_uri_clear(&u);
    g_unlink(file);
    g_rmdir(dir);
}

typedef struct {
    MigChannel *c;
    GError *err;
} Reader;

static gpointer read_thread(gpointer opaque)
{
    Reader *r = opaque;
    char b;
    mig_channel_read(r->c, &b, 1, &r->err);
    return NULL;
}

static void test_fd_and_shutdown(void)
{
    int sv[2];
    g_assert_cmpint(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), ==, 0);
    GError *err = NULL;
    MigUri u;
    g_assert_true(mig_uri_parse("fd:migrate", &u, &err));
    MigChannel *out = mig_channel_open_out(&u, sv[0], &err);
    g_assert_no_error(err);
    MigListener *l = mig_listen(&u, sv[1], &err);
    MigChannel *in = mig_listener_accept(l, &err);
    g_assert_no_error(err);
    pump(out, in, true);
    /* migrate_cancel: a reader blocked in another thread gets an error */
    Reader r = { .c = in };
    GThread *t = g_thread_new("reader", read_thread, &r);
    g_usleep(50000);
    mig_channel_shutdown(in);
    g_thread_join(t);
    g_assert_nonnull(r.err);
    g_error_free(r.err);
    mig_channel_close(in);
    mig_channel_close(out);
    mig_listener_free(l);
    mig_uri_clear(&u);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/migration/transport/parse", test_parse);
    g_test_add_func("/migration/transport/tcp", test_tcp);
    g_test_add_func("/migration/transport/unix", test_unix);
    g_test_add_func("/migration/transport/refused", test_refused);
    g_test_add_func("/migration/transport/exec-and-file", test_exec_and_file);
    g_test_add_func("/migration/transport/fd-and-shutdown", test_fd_and_shutdown);
    return g_test_run();
}
