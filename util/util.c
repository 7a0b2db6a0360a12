/*
 * util.c - clock, guest-error accounting and size parsing.
 */
#include "hotmem/util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

G_DEFINE_QUARK(hotmem-error-quark, hm_error)

static bool clock_fake;
static int64_t clock_fake_ns;

int64_t hm_clock_ns(void)
{
    if (clock_fake) {
        return clock_fake_ns;
    }
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

void hm_clock_set_fake(bool enabled, int64_t ns)
{
    clock_fake = enabled;
    clock_fake_ns = ns;
}

static gint64 guest_errors;

void hm_guest_error(const char *fmt, ...)
{
    g_atomic_pointer_add(&guest_errors, 1);
    static int verbose = -1;
    if (verbose < 0) {
        verbose = g_getenv("HOTMEM_DEBUG") != NULL;
    }
    if (!verbose) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    fprintf(stderr, "hotmem: guest error: %s\n", msg);
    g_free(msg);
}

uint64_t hm_guest_error_count(void)
{
    return (uint64_t)g_atomic_pointer_get(&guest_errors);
}

bool hm_parse_size(const char *str, bool default_mib, uint64_t *out)
{
    if (!str || !g_ascii_isdigit(str[0])) {
        return false;
    }
    errno = 0;
    char *end;
    guint64 value = g_ascii_strtoull(str, &end, 10);
    if (errno) {
        return false;
    }
    uint64_t shift = default_mib ? 20 : 0;
    if (*end) {
        switch (g_ascii_toupper(*end)) {
        case 'B': shift = 0; break;
        case 'K': shift = 10; break;
        case 'M': shift = 20; break;
        case 'G': shift = 30; break;
        case 'T': shift = 40; break;
        default: return false;
        }
        end++;
        /* accept "1GiB"/"1GB" style spellings of the same unit */
        if (shift && (g_ascii_strcasecmp(end, "iB") == 0 || g_ascii_strcasecmp(end, "B") == 0)) {
            end += strlen(end);
        }
        if (*end) {
            return false;
        }
    }
    if (shift && value > (UINT64_MAX >> shift)) {
        return false;
    }
    *out = value << shift;
    return true;
}

char *hm_size_str(uint64_t v)
{
    static const char units[] = "TGM";
    for (int i = 0; i < 3; i++) {
        unsigned shift = 40 - 10 * i;
        if (v && !(v & ((1ULL << shift) - 1))) {
            return g_strdup_printf("%" PRIu64 "%c", v >> shift, units[i]);
        }
    }
    return g_strdup_printf("%" PRIu64, v);
}
