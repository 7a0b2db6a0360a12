/*
 * test-migration-qmp.c - the migration commands' bad input, each refused
 * with QEMU's class and a clear desc and nothing changed: malformed URIs,
 * unknown transports, fd: without getfd, resume, migrate-incoming without
 * -incoming defer, getfd with no descriptor, closefd of an unknown name,
 * unsupported capabilities, out-of-range parameters; QEMU's defaults and
 * the empty query-migrate before the first migration; HMP info migrate.
 */
#include "migration/migration.h"
#include "monitor/fd.h"
#include "monitor/hmp.h"
#include "monitor/qapi-runtime.h"
#include "qapi-generated.h"

#include <string.h>

static bool fake_running(void *o)
{
    return true;
}

static void fake_stop(void *o)
{
    g_assert_not_reached();              /* no migration may start */
}

static bool fake_start(void *o, GError **errp)
{
    g_assert_not_reached();
}

static void fake_paused(void *o)
{
    g_assert_not_reached();
}

static void setup_machine(void)
{
    MigrationMachine m = {
        .ncpus = 1,
        .running = fake_running,
        .vcpus_stop = fake_stop,
        .vcpus_start = fake_start,
        .mark_paused = fake_paused,
    };
    migration_set_machine(&m);
}

static void expect_error(bool ok, GError *err, const char *desc)
{
    g_assert_false(ok);
    g_assert_nonnull(err);
    g_assert_cmpstr(qapi_error_class_name(err), ==, "GenericError");
    if (!strstr(err->message, desc)) {
        g_test_message("got '%s', want '%s'", err->message, desc);
    }
    g_assert_nonnull(strstr(err->message, desc));
    g_error_free(err);
}

/* the call first, then its error (argument order is unspecified) */
#define REFUSED(call, desc) do { bool ok_ = (call); expect_error(ok_, err, (desc)); \
                                 err = NULL; } while (0)

static void assert_no_migration(void)
{
    GError *err = NULL;
    MigrationInfo *info = qmp_query_migrate(&err);
    g_assert_no_error(err);
    g_assert_false(info->has_status);     /* QEMU: {} before the first migration */
    g_assert_null(info->ram);
    qapi_free_MigrationInfo(info);
    g_assert_false(migration_in_progress());
}

static void test_no_machine(void)
{
    migration_set_machine(NULL);
    GError *err = NULL;
    REFUSED(qmp_migrate("tcp:127.0.0.1:1", false, false, false, false, &err),
            "no machine is running");
    assert_no_migration();
}

static void test_bad_uris(void)
{
    setup_machine();
    static const struct { const char *uri, *desc; } bad[] = {
        { "rdma:host:1", "unknown migration protocol: rdma:host:1" },
        { "nonsense", "unknown migration protocol: nonsense" },
        { "tcp:host", "error parsing address 'host': no port" },
        { "tcp:host:99999", "port '99999'" },
        { "unix:", "nothing after 'unix:'" },
        { "fd:nosuch", "File descriptor named 'nosuch' has not been found" },
        { "fd:7", "a name, not a number" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        GError *err = NULL;
        REFUSED(qmp_migrate(bad[i].uri, true, true, false, false, &err), bad[i].desc);
        assert_no_migration();
    }
    GError *err = NULL;
    REFUSED(qmp_migrate("tcp:127.0.0.1:1", false, false, true, true, &err), "postcopy");
    assert_no_migration();
    REFUSED(qmp_migrate_incoming("tcp:0:4446", &err),
            "'-incoming' was not specified on the command line");
    assert_no_migration();
    /* cancel with nothing running does nothing */
    g_assert_true(qmp_migrate_cancel(&err));
    g_assert_no_error(err);
    assert_no_migration();
    migration_set_machine(NULL);
}

/* a machine with a device whose state cannot travel refuses, and stays as it was */
static void test_blocker(void)
{
    MigrationMachine m = {
        .ncpus = 1,
        .running = fake_running,
        .vcpus_stop = fake_stop,
        .vcpus_start = fake_start,
        .mark_paused = fake_paused,
        .blocker = "virtio-balloon-pci",
    };
    migration_set_machine(&m);
    GError *err = NULL;
    REFUSED(qmp_migrate("tcp:127.0.0.1:1", false, false, false, false, &err),
            "State blocked by non-migratable device 'virtio-balloon-pci'");
    assert_no_migration();
    migration_set_machine(NULL);
}

static void test_fds(void)
{
    GError *err = NULL;
    /* outside a QMP connection there is no descriptor to take */
    REFUSED(qmp_getfd("migrate", &err), "No file descriptor supplied via SCM_RIGHTS");
    REFUSED(qmp_closefd("migrate", &err), "File descriptor named 'migrate' not found");
    g_assert_cmpint(monitor_fd_take("migrate", &err), ==, -1);
    g_assert_nonnull(err);
    g_error_free(err);
}

static void test_capabilities(void)
{
    GError *err = NULL;
    MigrationCapabilityStatus on = { .capability = MIGRATION_CAPABILITY_EVENTS, .state = true };
    MigrationCapabilityStatus bad = { .capability = MIGRATION_CAPABILITY_XBZRLE, .state = true };
    MigrationCapabilityStatusList l2 = { .value = &bad };
    MigrationCapabilityStatusList l1 = { .next = &l2, .value = &on };
    /* one unsupported capability refuses the whole command */
    REFUSED(qmp_migrate_set_capabilities(&l1, &err),
            "does not support the migration capability 'xbzrle'");
    MigrationCapabilityStatusList *caps = qmp_query_migrate_capabilities(&err);
    unsigned n = 0;
    for (MigrationCapabilityStatusList *l = caps; l; l = l->next, n++) {
        g_assert_false(l->value->state);
    }
    g_assert_cmpuint(n, ==, MIGRATION_CAPABILITY__MAX);
    qapi_free_MigrationCapabilityStatusList(caps);
    /* off for an unsupported one is fine, and events can be turned on */
    bad.state = false;
    g_assert_true(qmp_migrate_set_capabilities(&l1, &err));
    g_assert_no_error(err);
    caps = qmp_query_migrate_capabilities(&err);
    for (MigrationCapabilityStatusList *l = caps; l; l = l->next) {
        g_assert_cmpint(l->value->state, ==, l->value->capability == MIGRATION_CAPABILITY_EVENTS);
    }
    qapi_free_MigrationCapabilityStatusList(caps);
    on.state = false;
    g_assert_true(qmp_migrate_set_capabilities(&l1, &err));
}

static void test_parameters(void)
{
    GError *err = NULL;
    MigrationParameters *p = qmp_query_migrate_parameters(&err);
    g_assert_cmpuint(p->max_bandwidth, ==, 128u << 20);      /* QEMU's defaults */
    g_assert_cmpuint(p->downtime_limit, ==, 300);
    qapi_free_MigrationParameters(p);
    MigrationParameters bad = { .has_max_bandwidth = true, .max_bandwidth = 0,
                                .has_downtime_limit = true, .downtime_limit = 50 };
    REFUSED(qmp_migrate_set_parameters(&bad, &err), "'max-bandwidth'");
    bad = (MigrationParameters){ .has_max_bandwidth = true, .max_bandwidth = 1 << 30,
                                 .has_downtime_limit = true, .downtime_limit = 2000001 };
    REFUSED(qmp_migrate_set_parameters(&bad, &err), "'downtime-limit'");
    p = qmp_query_migrate_parameters(&err);                  /* nothing changed */
    g_assert_cmpuint(p->max_bandwidth, ==, 128u << 20);
    g_assert_cmpuint(p->downtime_limit, ==, 300);
    qapi_free_MigrationParameters(p);
    MigrationParameters good = { .has_downtime_limit = true, .downtime_limit = 100 };
    g_assert_true(qmp_migrate_set_parameters(&good, &err));
    p = qmp_query_migrate_parameters(&err);
    g_assert_cmpuint(p->max_bandwidth, ==, 128u << 20);
    g_assert_cmpuint(p->downtime_limit, ==, 100);
    qapi_free_MigrationParameters(p);
    good.downtime_limit = 300;
    g_assert_true(qmp_migrate_set_parameters(&good, &err));
}

static void test_hmp(void)
{
    g_autofree char *out = hmp_execute_capture("info migrate");
    g_assert_cmpstr(out, ==, "capabilities: events: off\r\n");
    setup_machine();
    g_autofree char *bad = hmp_execute_capture("migrate rdma:x");
    g_assert_nonnull(strstr(bad, "unknown migration protocol: rdma:x"));
    migration_set_machine(NULL);
    g_autofree char *cancel = hmp_execute_capture("migrate_cancel");
    g_assert_cmpstr(cancel, ==, "");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/migration/qmp/no-machine", test_no_machine);
    g_test_add_func("/migration/qmp/bad-uris", test_bad_uris);
    g_test_add_func("/migration/qmp/fds", test_fds);
    g_test_add_func("/migration/qmp/blocker", test_blocker);
    g_test_add_func("/migration/qmp/capabilities", test_capabilities);
    g_test_add_func("/migration/qmp/parameters", test_parameters);
    g_test_add_func("/migration/qmp/hmp", test_hmp);
    return g_test_run();
}
