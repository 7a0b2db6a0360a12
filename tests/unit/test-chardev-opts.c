/*
 * test-chardev-opts.c - -chardev socket and -mon, libvirt's way of giving
 * hotmem its monitor: a socket path or a listening socket passed as a
 * descriptor, resolved into monitors after parsing; every other shape is
 * refused with one message naming the option.
 */
#include "hotmem/options.h"
#include "monitor/qmp.h"
#include "monitor/stream.h"
#include "tests/unit/parse-options.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

/* A unix stream socket bound in a scratch directory, listening or not. */
static int unix_socket(char **path, bool listening)
{
    g_autofree char *dir = g_dir_make_tmp("hm-chardev-XXXXXX", NULL);
    g_assert_nonnull(dir);
    *path = g_build_filename(dir, "s", NULL);
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    g_strlcpy(sa.sun_path, *path, sizeof(sa.sun_path));
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), ==, 0);
    if (listening) {
        g_assert_cmpint(listen(fd, 4), ==, 0);
    }
    return fd;
}

static void remove_socket(char *path)
{
    unlink(path);
    g_autofree char *dir = g_path_get_dirname(path);
    rmdir(dir);
    g_free(path);
}

static void test_good(void)
{
    MachineConfig cfg;
    GError *err = NULL;
    char *sock;
    int fd = unix_socket(&sock, true);
    g_autofree char *fdarg = g_strdup_printf("socket,id=charmonitor,fd=%d,server=on,wait=off",
                                             fd);
    /* libvirt's order and spelling; the -mon may also come first */
    g_assert_true(parse_options(&cfg, &err, "-mon", "chardev=h,mode=readline",
                                "-chardev", fdarg,
                                "-mon", "chardev=charmonitor,id=monitor,mode=control",
                                "-chardev", "socket,id=h,path=/tmp/h,,1.sock,server,nowait",
                                "-chardev", "socket,id=d,path=/tmp/d.sock,server=on,wait=off",
                                "-mon", "d", NULL));
    g_assert_no_error(err);
    g_assert_cmpuint(cfg.nchardevs, ==, 3);
    g_assert_cmpuint(cfg.nmonitors, ==, 3);
    g_assert_cmpint(cfg.monitors[0].protocol, ==, MONITOR_PROTOCOL_HMP);
    g_assert_cmpstr(cfg.monitors[0].path, ==, "/tmp/h,1.sock");
    g_assert_false(cfg.monitors[0].has_fd);
    g_assert_cmpint(cfg.monitors[1].protocol, ==, MONITOR_PROTOCOL_QMP);
    g_assert_null(cfg.monitors[1].path);
    g_assert_true(cfg.monitors[1].has_fd);
    g_assert_cmpint(cfg.monitors[1].fd, ==, fd);
    /* QEMU's default mode is the human monitor */
    g_assert_cmpint(cfg.monitors[2].protocol, ==, MONITOR_PROTOCOL_HMP);
    g_assert_cmpstr(cfg.monitors[2].path, ==, "/tmp/d.sock");
    machine_config_clear(&cfg);
    g_assert_cmpuint(cfg.nchardevs, ==, 0);
    g_assert_null(cfg.chardevs);
    /* -daemonize: a monitor on a chardev is not on stdio */
    g_assert_true(parse_options(&cfg, &err, "-daemonize", "-serial", "none", "-chardev",
                                "socket,id=m,path=/tmp/m.sock,server=on,wait=off", "-mon",
                                "chardev=m,mode=control", NULL));
    g_assert_no_error(err);
    machine_config_clear(&cfg);
    close(fd);
    remove_socket(sock);
}

static void expect_error(const char *prefix, const char *want, ...)
{
    const char *argv[32] = { "hotmem" };
    int argc = 1;
    va_list ap;
    va_start(ap, want);
    for (const char *a; (a = va_arg(ap, const char *)) && argc < 32;) {
        argv[argc++] = a;
    }
    va_end(ap);
    MachineConfig cfg;
    GError *err = NULL;
    g_assert_false(machine_config_parse(&cfg, argc, (char **)argv, &err));
    g_assert_nonnull(err);
    if (!strstr(err->message, want) || !g_str_has_prefix(err->message, prefix)) {
        g_error("%s: got '%s', wanted '%s' ... '%s'", argv[1], err->message, prefix, want);
    }
    g_error_free(err);
    machine_config_clear(&cfg);
}

static void test_refused(void)
{
    const char *ok = "socket,id=m,path=/tmp/m.sock,server=on,wait=off";
    const char *only = "only server=on,wait=off is supported";
    expect_error("-chardev", "'pty' is not a valid char driver name", "-chardev", "pty,id=m",
                 NULL);
    expect_error("-chardev", "'stdio' is not a valid char driver name", "-chardev",
                 "stdio,id=m", NULL);
    expect_error("-chardev m", only, "-chardev", "socket,id=m,path=/tmp/m,server=off,wait=off",
                 NULL);
    expect_error("-chardev m", only, "-chardev", "socket,id=m,path=/tmp/m,server", NULL);
    expect_error("-chardev m", only, "-chardev", "socket,id=m,path=/tmp/m", NULL);
    expect_error("-chardev m", "either path= or fd=", "-chardev",
                 "socket,id=m,server=on,wait=off", NULL);
    expect_error("-chardev m", "either path= or fd=", "-chardev",
                 "socket,id=m,path=/tmp/m,fd=3,server=on,wait=off", NULL);
    expect_error("-chardev", "id", "-chardev", "socket,path=/tmp/m,server=on,wait=off", NULL);
    expect_error("-chardev", "invalid id '1x'", "-chardev",
                 "socket,id=1x,path=/tmp/m,server=on,wait=off", NULL);
    expect_error("-chardev", "Duplicate ID 'm' for chardev", "-chardev", ok, "-chardev", ok,
                 NULL);
    expect_error("-chardev", "nodelay", "-chardev",
                 "socket,id=m,path=/tmp/m,server=on,wait=off,nodelay=on", NULL);
    expect_error("-chardev m", "fd 999 is not open", "-chardev",
                 "socket,id=m,fd=999,server=on,wait=off", NULL);
    expect_error("-chardev m", "fd -1 is not a file descriptor", "-chardev",
                 "socket,id=m,fd=-1,server=on,wait=off", NULL);
    expect_error("-chardev", "fd 'x'", "-chardev", "socket,id=m,fd=x,server=on,wait=off", NULL);
    expect_error("-chardev m", "not used by any -mon", "-chardev", ok, NULL);
    expect_error("-mon", "chardev \"nope\" not found", "-chardev", ok, "-mon", "m", "-mon",
                 "chardev=nope,mode=control", NULL);
    expect_error("-mon", "chardev \"m\" is already used", "-chardev", ok, "-mon", "m", "-mon",
                 "chardev=m,mode=control", NULL);
    expect_error("-mon", "mode 'json' is not control or readline", "-chardev", ok, "-mon",
                 "chardev=m,mode=json", NULL);
    expect_error("-mon", "pretty=on", "-chardev", ok, "-mon", "chardev=m,pretty=on", NULL);
    expect_error("-mon", "chardev", "-mon", "mode=control", NULL);
    expect_error("socket /tmp/m.sock", "two monitors", "-chardev", ok, "-mon", "m", "-qmp",
                 "unix:/tmp/m.sock,server=on,wait=off", NULL);
}

/* fd= must be what libvirt passes: a listening unix stream socket. */
static void test_fd_kinds(void)
{
    char *sock;
    int bound = unix_socket(&sock, false);
    int pipefd[2];
    g_assert_cmpint(pipe(pipefd), ==, 0);
    int dgram = socket(AF_UNIX, SOCK_DGRAM, 0);
    int tcp = socket(AF_INET, SOCK_STREAM, 0);
    g_assert_cmpint(dgram, >=, 0);
    g_assert_cmpint(tcp, >=, 0);
    struct { int fd; const char *want; } cases[] = {
        { bound, "is not a listening socket" },
        { pipefd[0], "is not a unix socket" },
        { tcp, "is not a unix socket" },
        { dgram, "is not a stream socket" },
    };
    for (unsigned i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *arg = g_strdup_printf("socket,id=m,fd=%d,server=on,wait=off",
                                               cases[i].fd);
        expect_error("-chardev m", cases[i].want, "-chardev", arg, "-mon", "m", NULL);
    }
    close(bound);
    close(pipefd[0]);
    close(pipefd[1]);
    close(dgram);
    close(tcp);
    remove_socket(sock);
}

/* The QMP server adopts a passed socket: a client connecting to the file the
 * caller bound gets the greeting; the file stays the caller's. */
static void test_adopted_listener(void)
{
    char *sock;
    int fd = unix_socket(&sock, true);
    GError *err = NULL;
    QmpServer *s = qmp_server_new(NULL, fd, NULL, &err);
    g_assert_no_error(err);
    g_assert_nonnull(s);
    int c = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    g_strlcpy(sa.sun_path, sock, sizeof(sa.sun_path));
    g_assert_cmpint(connect(c, (struct sockaddr *)&sa, sizeof(sa)), ==, 0);
    char buf[512] = "";
    size_t got = 0;
    for (int i = 0; i < 1000 && !memchr(buf, '\n', got); i++) {
        g_main_context_iteration(NULL, FALSE);
        ssize_t n = recv(c, buf + got, sizeof(buf) - 1 - got, MSG_DONTWAIT);
        if (n > 0) {
            got += n;
        } else {
            g_usleep(1000);
        }
    }
    g_assert_nonnull(strstr(buf, "{\"QMP\""));
    close(c);
    qmp_server_free(s);
    g_assert_true(g_file_test(sock, G_FILE_TEST_EXISTS));
    /* the server closed the adopted descriptor */
    g_assert_cmpint(fcntl(fd, F_GETFD), ==, -1);
    remove_socket(sock);

    int p[2];
    g_assert_cmpint(pipe(p), ==, 0);
    g_assert_null(qmp_server_new(NULL, p[0], NULL, &err));
    g_assert_nonnull(strstr(err->message, "is not a unix socket"));
    g_clear_error(&err);
    close(p[0]);
    close(p[1]);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/chardev-opts/good", test_good);
    g_test_add_func("/chardev-opts/refused", test_refused);
    g_test_add_func("/chardev-opts/fd-kinds", test_fd_kinds);
    g_test_add_func("/chardev-opts/adopted-listener", test_adopted_listener);
    return g_test_run();
}
