/*
 * test-hostmem.c - memory backends: RAM, file (a directory or a file) and
 * memfd memory mapped at claim and given back at release, the options
 * (share, prealloc, discard-data, seal), and every bad option refused at
 * object-add with nothing registered.
 */
#include "hw/hostmem.h"
#include "hotmem/io.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MiB (1ULL << 20)

static long rss_pages(void)
{
    long size = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    g_assert_nonnull(f);
    g_assert_cmpint(fscanf(f, "%ld %ld", &size, &resident), ==, 2);
    fclose(f);
    return resident;
}

static HostMemOptions opts(HostMemKind kind)
{
    HostMemOptions o;
    hostmem_options_default(&o, kind);
    return o;
}

static void test_ram(void)
{
    GError *err = NULL;
    HostMemOptions o = opts(HOSTMEM_KIND_RAM);
    o.prealloc = true;
    HostMemBackend *b = hostmem_add("r", 128 * MiB, &o, &err);
    g_assert_no_error(err);
    g_assert_null(b->host);                           /* nothing until a DIMM claims it */
    long before = rss_pages();
    g_assert_true(hostmem_claim(b, "d0", &err));
    long page = sysconf(_SC_PAGESIZE);
    g_assert_cmpint((rss_pages() - before) * page, >=, 120 * MiB);   /* preallocated */
    g_assert_false(hostmem_claim(b, "d1", &err));
    g_assert_cmpstr(err->message, ==, "memdev 'r' is already in use by DIMM 'd0'");
    g_clear_error(&err);
    g_assert_false(hostmem_del("r", &err));
    g_clear_error(&err);
    hostmem_release(b);
    g_assert_cmpint((rss_pages() - before) * page, <, 8 * MiB);      /* given back */
    g_assert_true(hostmem_del("r", &err));
}

static void test_file(void)
{
    GError *err = NULL;
    g_autofree char *dir = g_dir_make_tmp("hm-hostmem-XXXXXX", &err);
    g_assert_no_error(err);
    /* a directory: an unlinked file in it, shared */
    HostMemOptions o = opts(HOSTMEM_KIND_FILE);
    o.mem_path = dir;
    o.share = true;
    HostMemBackend *b = hostmem_add("f", 128 * MiB, &o, &err);
    g_assert_no_error(err);
    g_assert_true(hostmem_claim(b, "d0", &err));
    g_assert_cmpint(b->fd, >=, 0);
    memset(b->host, 0x5a, 64 * MiB);
    struct stat st;
    g_assert_cmpint(fstat(b->fd, &st), ==, 0);
    g_assert_cmpuint((uint64_t)st.st_size, ==, 128 * MiB);
    g_assert_cmpuint((uint64_t)st.st_blocks * 512, >=, 64 * MiB);
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    g_assert_null(g_dir_read_name(d));                /* unlinked at once */
    hostmem_release(b);
    g_assert_cmpint(b->fd, ==, -1);
    g_assert_true(hostmem_del("f", &err));

    /* a file: kept with its data, unless discard-data */
    g_autofree char *path = g_build_filename(dir, "mem", NULL);
    o.mem_path = path;
    b = hostmem_add("g", 128 * MiB, &o, &err);
    g_assert_no_error(err);
    g_assert_true(g_file_test(path, G_FILE_TEST_EXISTS));
    g_assert_true(hostmem_claim(b, "d0", &err));
    memset(b->host, 0x11, 16 * MiB);
    hostmem_release(b);
    g_assert_cmpint(stat(path, &st), ==, 0);
    g_assert_cmpuint((uint64_t)st.st_blocks * 512, >=, 16 * MiB);      /* kept */
    g_assert_true(hostmem_del("g", &err));
    o.discard_data = true;
    b = hostmem_add("h", 128 * MiB, &o, &err);
    g_assert_true(hostmem_claim(b, "d0", &err));
    g_assert_cmphex(b->host[0], ==, 0x11);            /* the file's data */
    hostmem_release(b);
    g_assert_cmpint(stat(path, &st), ==, 0);
    g_assert_cmpuint((uint64_t)st.st_blocks, ==, 0);  /* the hole is punched */
    g_assert_true(hostmem_del("h", &err));
    g_unlink(path);
    g_rmdir(dir);
}

static void test_memfd(void)
{
    GError *err = NULL;
    HostMemOptions o = opts(HOSTMEM_KIND_MEMFD);
    g_assert_true(o.share && o.seal);                 /* QEMU's defaults */
    HostMemBackend *b = hostmem_add("m", 128 * MiB, &o, &err);
    g_assert_no_error(err);
    g_assert_true(hostmem_claim(b, "d0", &err));
    int seals = fcntl(b->fd, F_GET_SEALS);
    g_assert_cmpint(seals & (F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL), ==,
                    F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL);
    memset(b->host, 0x22, 32 * MiB);
    struct stat st;
    g_assert_cmpint(fstat(b->fd, &st), ==, 0);
    g_assert_cmpuint((uint64_t)st.st_blocks * 512, >=, 32 * MiB);
    hostmem_release(b);
    g_assert_true(hostmem_del("m", &err));
}

static void test_bad_options(void)
{
    static const struct {
        HostMemKind kind;
        const char *mem_path;
        bool bind, hugetlb;
        uint64_t hugetlbsize, align;
        const char *expect;
    } cases[] = {
        { HOSTMEM_KIND_FILE, "/nonexistent-dir/x", false, false, 0, 0,
          "memory-backend-file 'x': mem-path /nonexistent-dir/x: No such file or directory" },
        { HOSTMEM_KIND_FILE, "/sys", false, false, 0, 0,
          "memory-backend-file 'x': mem-path /sys: cannot create a file there" },
        { HOSTMEM_KIND_FILE, "", false, false, 0, 0,
          "memory-backend-file 'x': mem-path is missing" },
        { HOSTMEM_KIND_FILE, "/tmp", false, false, 0, 3000,
          "memory-backend-file 'x': align 3000 is not a power of 2" },
        { HOSTMEM_KIND_RAM, NULL, true, false, 0, 0,
          "memory-backend-ram 'x': a policy other than 'default' needs host-nodes" },
        { HOSTMEM_KIND_MEMFD, NULL, false, false, 2 * MiB, 0,
          "memory-backend-memfd 'x': hugetlbsize needs hugetlb=on" },
        { HOSTMEM_KIND_MEMFD, NULL, false, true, 3 * MiB, 0,
          "memory-backend-memfd 'x': the host has no 3145728-byte huge pages" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        HostMemOptions o = opts(cases[i].kind);
        o.mem_path = (char *)cases[i].mem_path;
        o.policy = cases[i].bind ? HOSTMEM_POLICY_BIND : HOSTMEM_POLICY_DEFAULT;
        o.hugetlb = cases[i].hugetlb;
        o.hugetlbsize = cases[i].hugetlbsize;
        o.align = cases[i].align;
        GError *err = NULL;
        g_assert_null(hostmem_add("x", 128 * MiB, &o, &err));
        g_test_message("%s", err->message);
        g_assert_true(g_str_has_prefix(err->message, cases[i].expect));
        g_error_free(err);
        g_assert_null(hostmem_find("x"));
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    device_lock();            /* the backends expect it */
    g_test_add_func("/hostmem/ram", test_ram);
    g_test_add_func("/hostmem/file", test_file);
    g_test_add_func("/hostmem/memfd", test_memfd);
    g_test_add_func("/hostmem/bad-options", test_bad_options);
    return g_test_run();
}
