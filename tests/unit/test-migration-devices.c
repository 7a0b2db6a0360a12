/*
 * test-migration-devices.c - the "devices" section after the layout: the
 * -device list of the source against the destination's (QEMU's rule, the
 * same -device on both sides), each conflict named, and malformed lists.
 */
#include "migration/migration.h"

#include <string.h>

static const char *const BALLOON =
    "id=balloon0,addr=0x2,deflate-on-oom=off,free-page-reporting=off";

/* A machine with the chipset's unlabelled devices and, optionally, a balloon. */
static MigrationMachine machine(const char *identity)
{
    MigrationMachine m = { 0 };
    m.devices[m.ndevices++] = (MigrationDevice){ .instance = 0 };      /* i440fx ... */
    m.devices[m.ndevices++] = (MigrationDevice){ .instance = 0 };
    if (identity) {
        m.devices[m.ndevices++] = (MigrationDevice){
            .instance = 2, .label = "virtio-balloon-pci", .identity = identity };
        m.devices[m.ndevices++] = (MigrationDevice){ .instance = 2 };  /* its device half */
    }
    return m;
}

static char *check(const MigrationMachine *src, const MigrationMachine *dst)
{
    g_autoptr(GByteArray) list = migration_device_list_save(src);
    GError *err = NULL;
    if (migration_device_list_check(dst, list->data, list->len, &err)) {
        return NULL;
    }
    char *msg = g_strdup(err->message);
    g_error_free(err);
    return msg;
}

static void test_rules(void)
{
    MigrationMachine none = machine(NULL), with = machine(BALLOON);
    MigrationMachine other = machine("id=balloon0,addr=0x2,deflate-on-oom=off,"
                                     "free-page-reporting=on");
    g_assert_null(check(&none, &none));
    g_assert_null(check(&with, &with));
    g_autofree char *missing = check(&with, &none);
    g_assert_cmpstr(missing, ==, "device 'virtio-balloon-pci' (id=balloon0,addr=0x2,"
                    "deflate-on-oom=off,free-page-reporting=off) of the source is missing "
                    "on the destination");
    g_autofree char *extra = check(&none, &with);
    g_assert_cmpstr(extra, ==, "device 'virtio-balloon-pci' (id=balloon0,addr=0x2,"
                    "deflate-on-oom=off,free-page-reporting=off) is on the destination but "
                    "not on the source");
    g_autofree char *differs = check(&with, &other);
    g_assert_cmpstr(differs, ==, "device 'virtio-balloon-pci' differs: the source has "
                    "id=balloon0,addr=0x2,deflate-on-oom=off,free-page-reporting=off, the "
                    "destination id=balloon0,addr=0x2,deflate-on-oom=off,"
                    "free-page-reporting=on");
    /* another slot is another device */
    MigrationMachine moved = machine(BALLOON);
    moved.devices[2].instance = 3;
    g_autofree char *slot = check(&with, &moved);
    g_assert_nonnull(strstr(slot, "is on the destination but not on the source"));
}

static void test_malformed(void)
{
    MigrationMachine with = machine(BALLOON);
    g_autoptr(GByteArray) list = migration_device_list_save(&with);
    GError *err = NULL;
    /* every cut short is refused, never read past */
    for (guint len = 0; len < list->len; len++) {
        g_assert_false(migration_device_list_check(&with, list->data, len, &err));
        g_assert_nonnull(strstr(err->message, "malformed"));
        g_clear_error(&err);
    }
    g_autoptr(GByteArray) longer = g_byte_array_new();
    g_byte_array_append(longer, list->data, list->len);
    g_byte_array_append(longer, (const guint8 *)"x", 1);
    g_assert_false(migration_device_list_check(&with, longer->data, longer->len, &err));
    g_assert_cmpstr(err->message, ==, "the device list has 1 bytes left over");
    g_clear_error(&err);
    /* a count past the most devices a machine has */
    uint8_t many[4] = { 0xff, 0xff, 0, 0 };
    g_assert_false(migration_device_list_check(&with, many, sizeof(many), &err));
    g_assert_cmpstr(err->message, ==, "the device list is malformed");
    g_clear_error(&err);
    /* a name that is not text (it would go into error messages) */
    g_autoptr(GByteArray) ctl = g_byte_array_new();
    g_byte_array_append(ctl, list->data, list->len);
    ctl->data[5] = '\n';
    g_assert_false(migration_device_list_check(&with, ctl->data, ctl->len, &err));
    g_assert_nonnull(strstr(err->message, "malformed (entry 0)"));
    g_clear_error(&err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/migration/devices/rules", test_rules);
    g_test_add_func("/migration/devices/malformed", test_malformed);
    return g_test_run();
}
