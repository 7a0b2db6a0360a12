/*
 * rtc_cmos.h - MC146818 real-time clock and 128 bytes of CMOS at 0x70/0x71.
 *
 * Time comes from the host's UTC clock; no periodic, alarm or update
 * interrupts are generated.
 */
#ifndef HW_RTC_CMOS_H
#define HW_RTC_CMOS_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "hotmem/io.h"

#define RTC_CMOS_SIZE 128

/* Broken-down calendar time (UTC), as the guest sees it. */
typedef struct RtcTime {
    int sec, min, hour;      /* 0-59, 0-59, 0-23 */
    int mday, mon, year;     /* 1-31, 1-12, full year */
} RtcTime;

typedef struct RtcCmosState {
    IrqLine irq;             /* IRQ8: kept for the wiring, never raised */
    bool registered;

    uint8_t cmos[RTC_CMOS_SIZE];   /* time fields are computed, not stored here */
    uint8_t index;
    bool nmi_disabled;       /* bit 7 of the last index write; no NMI source exists */

    int64_t base_utc_ns;     /* host UTC when the device was created ... */
    int64_t base_clock_ns;   /* ... and hm_clock_ns() at that moment */
    /* guest time minus host time, set by guest writes: whole seconds (any
     * date the registers hold fits) plus offset_frac_ns in [0, 1e9) */
    int64_t offset_s;
    int64_t offset_frac_ns;
    RtcTime frozen;          /* guest time while register B SET is 1 */
    int64_t last_uf_s;       /* guest second when register C was last read */
    bool irq_warned;
} RtcCmosState;

RtcCmosState *rtc_cmos_new(const IrqLine *irq, GError **errp);
void rtc_cmos_reset(RtcCmosState *s);
void rtc_cmos_free(RtcCmosState *s);
/* The guest clock runs seconds ahead of host UTC (-rtc base=localtime:
 * the host's UTC offset). */
void rtc_cmos_set_offset(RtcCmosState *s, int64_t seconds);

/* For the machine: plain CMOS bytes (not the clock registers 0x00-0x0d). */
void rtc_cmos_set(RtcCmosState *s, unsigned index, uint8_t value);
uint8_t rtc_cmos_get(RtcCmosState *s, unsigned index);

/* Its migration state (migration/vmstate.h). */
struct VmStateDesc;
extern const struct VmStateDesc rtc_cmos_vmstate;

#endif
