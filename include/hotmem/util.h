/*
 * util.h - small shared helpers: clock, guest-error log, size parsing.
 */
#ifndef HOTMEM_UTIL_H
#define HOTMEM_UTIL_H

#include <glib.h>
#include <stdbool.h>
#include <inttypes.h>
#include <stdint.h>

#define HM_ERROR hm_error_quark()
GQuark hm_error_quark(void);

/* Monotonic nanoseconds. Tests may freeze it with hm_clock_set_fake(). */
int64_t hm_clock_ns(void);
void hm_clock_set_fake(bool enabled, int64_t ns);

/* A guest did something invalid: logged (visible with HOTMEM_DEBUG=1) and
 * counted, never fatal. */
void hm_guest_error(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
uint64_t hm_guest_error_count(void);

/* "512M", "1G", "4096" (MiB unless a suffix says otherwise when
 * default_mib), returns false on garbage or overflow. */
bool hm_parse_size(const char *str, bool default_mib, uint64_t *out);
/* "2T", "1G", "640M" or a byte count: a size as a message shows it. */
char *hm_size_str(uint64_t v);

#endif
