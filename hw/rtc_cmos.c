/*
 * rtc_cmos.c - MC146818 RTC and CMOS RAM (index 0x70, data 0x71).
 *
 * The clock is host UTC: sampled once at creation and advanced with
 * hm_clock_ns(), so the seconds and the update-in-progress window agree
 * (and tests can drive both with the fake clock). Guest writes to the time
 * fields become an offset from host time, in whole seconds plus a fraction:
 * any date the registers can hold (year 0 to 25599 with the century byte in
 * binary mode, plus what out-of-range fields normalise to) fits, where guest
 * nanoseconds since 1970 would overflow after 2262-04-11. No interrupt is ever raised on
 * IRQ8: periodic, alarm and update-ended interrupts are not modelled; a
 * guest enabling one is logged once. Register C does report UF lazily.
 */
#include "hw/rtc_cmos.h"
#include "migration/vmstate.h"
#include "hw/hotmem-pc.h"
#include "hotmem/util.h"

#include <time.h>

#define RTC_SECONDS     0x00
#define RTC_MINUTES     0x02
#define RTC_HOURS       0x04
#define RTC_DAY_OF_WEEK 0x06
#define RTC_DAY         0x07
#define RTC_MONTH       0x08
#define RTC_YEAR        0x09
#define RTC_REG_A       0x0a
#define RTC_REG_B       0x0b
#define RTC_REG_C       0x0c
#define RTC_REG_D       0x0d
#define RTC_CENTURY     0x32

#define REG_A_UIP       0x80
#define REG_A_DEFAULT   0x26    /* 32.768 kHz time base, 1024 Hz rate */
#define REG_B_SET       0x80
#define REG_B_PIE       0x40
#define REG_B_AIE       0x20
#define REG_B_UIE       0x10
#define REG_B_SQWE      0x08
#define REG_B_DM        0x04    /* 1 = binary, 0 = BCD */
#define REG_B_24H       0x02
#define REG_B_DEFAULT   REG_B_24H
#define REG_B_IRQS      (REG_B_PIE | REG_B_AIE | REG_B_UIE)
#define REG_C_UF        0x10
#define REG_D_VRT       0x80    /* battery good */

#define NS_PER_S        1000000000LL
#define UIP_NS          244000LL    /* UIP rises this long before each update */

/* Host UTC as whole seconds (floor) and the nanoseconds into that second. */
static void host_now(RtcCmosState *s, int64_t *sec, int64_t *frac)
{
    int64_t ns = s->base_utc_ns + (hm_clock_ns() - s->base_clock_ns);
    *sec = ns / NS_PER_S;
    *frac = ns % NS_PER_S;
    if (*frac < 0) {
        *frac += NS_PER_S;
        (*sec)--;
    }
}

/* Guest time = host time + offset; offset_frac_ns is in [0, NS_PER_S). */
static void guest_now(RtcCmosState *s, int64_t *sec, int64_t *frac)
{
    int64_t hs, hf;
    host_now(s, &hs, &hf);
    int64_t f = hf + s->offset_frac_ns;
    *sec = hs + s->offset_s + (f >= NS_PER_S);
    *frac = f >= NS_PER_S ? f - NS_PER_S : f;
}

static int64_t guest_now_s(RtcCmosState *s)
{
    int64_t sec, frac;
    guest_now(s, &sec, &frac);
    return sec;
}

static void rtc_time_from_s(int64_t t, RtcTime *out)
{
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    *out = (RtcTime){ tm.tm_sec, tm.tm_min, tm.tm_hour, tm.tm_mday, tm.tm_mon + 1,
                      tm.tm_year + 1900 };
}

/* timegm() normalises out-of-range fields, so any guest garbage is a time. */
static int64_t rtc_time_to_s(const RtcTime *t)
{
    struct tm tm = {
        .tm_sec = t->sec, .tm_min = t->min, .tm_hour = t->hour,
        .tm_mday = t->mday, .tm_mon = t->mon - 1, .tm_year = t->year - 1900,
    };
    return (int64_t)timegm(&tm);
}

static void rtc_current(RtcCmosState *s, RtcTime *t)
{
    if (s->cmos[RTC_REG_B] & REG_B_SET) {
        *t = s->frozen;
    } else {
        rtc_time_from_s(guest_now_s(s), t);
    }
}

/* The guest set the clock: its second starts now, as after a divider reset. */
static void rtc_set_guest_time(RtcCmosState *s, int64_t t)
{
    int64_t hs, hf;
    host_now(s, &hs, &hf);
    /* offset = t - host time, borrowing a second for a host fraction */
    s->offset_s = t - hs - (hf ? 1 : 0);
    s->offset_frac_ns = hf ? NS_PER_S - hf : 0;
    s->last_uf_s = t;
}

static uint8_t rtc_encode(RtcCmosState *s, int v)
{
    if (s->cmos[RTC_REG_B] & REG_B_DM) {
        return (uint8_t)v;
    }
    return (uint8_t)(((v / 10) << 4) | (v % 10));
}

static int rtc_decode(RtcCmosState *s, uint8_t v)
{
    if (s->cmos[RTC_REG_B] & REG_B_DM) {
        return v;
    }
    return (v >> 4) * 10 + (v & 0x0f);
}

static uint8_t rtc_encode_hour(RtcCmosState *s, int hour)
{
    if (s->cmos[RTC_REG_B] & REG_B_24H) {
        return rtc_encode(s, hour);
    }
    int h12 = hour % 12 ? hour % 12 : 12;
    return (uint8_t)(rtc_encode(s, h12) | (hour >= 12 ? 0x80 : 0));
}

static int rtc_decode_hour(RtcCmosState *s, uint8_t v)
{
    if (s->cmos[RTC_REG_B] & REG_B_24H) {
        return rtc_decode(s, v);
    }
    return rtc_decode(s, v & 0x7f) % 12 + ((v & 0x80) ? 12 : 0);
}

static uint8_t rtc_read_time(RtcCmosState *s, unsigned index)
{
    RtcTime t;
    rtc_current(s, &t);
    switch (index) {
    case RTC_SECONDS:
        return rtc_encode(s, t.sec);
    case RTC_MINUTES:
        return rtc_encode(s, t.min);
    case RTC_HOURS:
        return rtc_encode_hour(s, t.hour);
    case RTC_DAY_OF_WEEK: {
        time_t tt = (time_t)rtc_time_to_s(&t);
        struct tm tm;
        gmtime_r(&tt, &tm);
        return rtc_encode(s, tm.tm_wday + 1);       /* Sunday = 1 */
    }
    case RTC_DAY:
        return rtc_encode(s, t.mday);
    case RTC_MONTH:
        return rtc_encode(s, t.mon);
    case RTC_YEAR:
        return rtc_encode(s, ((t.year % 100) + 100) % 100);
    default:                                        /* RTC_CENTURY */
        return rtc_encode(s, t.year / 100);
    }
}

static void rtc_write_time(RtcCmosState *s, unsigned index, uint8_t v)
{
    RtcTime t;
    rtc_current(s, &t);
    switch (index) {
    case RTC_SECONDS:
        t.sec = rtc_decode(s, v);
        break;
    case RTC_MINUTES:
        t.min = rtc_decode(s, v);
        break;
    case RTC_HOURS:
        t.hour = rtc_decode_hour(s, v);
        break;
    case RTC_DAY_OF_WEEK:
        return;                                     /* derived from the date */
    case RTC_DAY:
        t.mday = rtc_decode(s, v);
        break;
    case RTC_MONTH:
        t.mon = rtc_decode(s, v);
        break;
    case RTC_YEAR:
        t.year = t.year / 100 * 100 + rtc_decode(s, v);
        break;
    default:                                        /* RTC_CENTURY */
        t.year = rtc_decode(s, v) * 100 + t.year % 100;
        break;
    }
    if (s->cmos[RTC_REG_B] & REG_B_SET) {
        /* kept as written; normalised only when SET is released */
        s->frozen = t;
        return;
    }
    rtc_set_guest_time(s, rtc_time_to_s(&t));
}

static bool is_time_index(unsigned index)
{
    return index <= RTC_YEAR || index == RTC_CENTURY;
}

static void rtc_write_reg_b(RtcCmosState *s, uint8_t v)
{
    uint8_t old = s->cmos[RTC_REG_B];
    if (v & REG_B_SET) {
        v &= (uint8_t)~REG_B_UIE;                   /* SET clears UIE */
    }
    if ((v & REG_B_SET) && !(old & REG_B_SET)) {
        rtc_current(s, &s->frozen);
    } else if (!(v & REG_B_SET) && (old & REG_B_SET)) {
        rtc_set_guest_time(s, rtc_time_to_s(&s->frozen));
    }
    if ((v & REG_B_IRQS) && !s->irq_warned) {
        s->irq_warned = true;
        hm_guest_error("rtc: interrupts enabled in register B (0x%02x): not emulated", v);
    }
    s->cmos[RTC_REG_B] = v;
}

static uint8_t rtc_read_reg_a(RtcCmosState *s)
{
    uint8_t a = s->cmos[RTC_REG_A] & (uint8_t)~REG_A_UIP;
    if (!(s->cmos[RTC_REG_B] & REG_B_SET)) {
        int64_t sec, ns;
        guest_now(s, &sec, &ns);
        if (ns >= NS_PER_S - UIP_NS) {
            a |= REG_A_UIP;
        }
    }
    return a;
}

static uint8_t rtc_read_reg_c(RtcCmosState *s)
{
    /* an update cycle ends every second unless SET holds the clock */
    if (!(s->cmos[RTC_REG_B] & REG_B_SET)) {
        int64_t now = guest_now_s(s);
        if (now != s->last_uf_s) {
            s->cmos[RTC_REG_C] |= REG_C_UF;
        }
        s->last_uf_s = now;
    }
    uint8_t c = s->cmos[RTC_REG_C];
    s->cmos[RTC_REG_C] = 0;
    return c;
}

static uint64_t rtc_read(void *opaque, uint64_t offset, unsigned size)
{
    RtcCmosState *s = opaque;
    if (offset == 0) {
        return 0xff;                                /* the index port is write-only */
    }
    unsigned index = s->index;
    if (is_time_index(index)) {
        return rtc_read_time(s, index);
    }
    switch (index) {
    case RTC_REG_A:
        return rtc_read_reg_a(s);
    case RTC_REG_C:
        return rtc_read_reg_c(s);
    case RTC_REG_D:
        return REG_D_VRT;
    default:
        return s->cmos[index];
    }
}

static void rtc_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    RtcCmosState *s = opaque;
    uint8_t v = (uint8_t)value;
    if (offset == 0) {
        s->index = v & 0x7f;
        s->nmi_disabled = v & 0x80;
        return;
    }
    unsigned index = s->index;
    if (is_time_index(index)) {
        rtc_write_time(s, index, v);
        return;
    }
    switch (index) {
    case RTC_REG_A:
        s->cmos[RTC_REG_A] = v & (uint8_t)~REG_A_UIP;
        break;
    case RTC_REG_B:
        rtc_write_reg_b(s, v);
        break;
    case RTC_REG_C:
    case RTC_REG_D:
        hm_guest_error("rtc: write 0x%02x to read-only register 0x%x", v, index);
        break;
    default:
        s->cmos[index] = v;
        break;
    }
}

static const IoOps rtc_ops = {
    .read = rtc_read,
    .write = rtc_write,
    .min_size = 1,
    .max_size = 1,
};

void rtc_cmos_set(RtcCmosState *s, unsigned index, uint8_t value)
{
    g_return_if_fail(index < RTC_CMOS_SIZE && index > RTC_REG_D && index != RTC_CENTURY);
    s->cmos[index] = value;
}

uint8_t rtc_cmos_get(RtcCmosState *s, unsigned index)
{
    g_return_val_if_fail(index < RTC_CMOS_SIZE, 0);
    return s->cmos[index];
}

/* The RESET pin: interrupt enables and flags clear; time and RAM survive
 * (they are battery-backed). */
void rtc_cmos_reset(RtcCmosState *s)
{
    s->cmos[RTC_REG_B] &= (uint8_t)~(REG_B_IRQS | REG_B_SQWE);
    s->cmos[RTC_REG_C] = 0;
    s->last_uf_s = guest_now_s(s);
    irq_line_set(&s->irq, 0);
}

RtcCmosState *rtc_cmos_new(const IrqLine *irq, GError **errp)
{
    RtcCmosState *s = g_new0(RtcCmosState, 1);
    if (irq) {
        s->irq = *irq;
    }
    s->base_utc_ns = g_get_real_time() * 1000;
    s->base_clock_ns = hm_clock_ns();
    s->cmos[RTC_REG_A] = REG_A_DEFAULT;
    s->cmos[RTC_REG_B] = REG_B_DEFAULT;
    s->cmos[RTC_REG_D] = REG_D_VRT;
    if (!io_register(IO_SPACE_PORT, HM_CMOS_BASE, 2, &rtc_ops, s, "rtc-cmos", errp)) {
        g_free(s);
        return NULL;
    }
    s->registered = true;
    rtc_cmos_reset(s);
    return s;
}

void rtc_cmos_set_offset(RtcCmosState *s, int64_t seconds)
{
    s->offset_s = seconds;
    s->offset_frac_ns = 0;
}

void rtc_cmos_free(RtcCmosState *s)
{
    if (!s) {
        return;
    }
    if (s->registered) {
        io_unregister(IO_SPACE_PORT, HM_CMOS_BASE);
    }
    g_free(s);
}

/* ---- migration: the CMOS bytes and the guest's offset from host UTC
 * (the destination's host clock then runs it on) ---- */

static const VmStateDesc rtc_time_vmstate = {
    .name = "rtc-time",
    .version = 1,
    .min_version = 1,
    .fields = (const VmStateField[]){
        VMSTATE_U32(RtcTime, sec),
        VMSTATE_U32(RtcTime, min),
        VMSTATE_U32(RtcTime, hour),
        VMSTATE_U32(RtcTime, mday),
        VMSTATE_U32(RtcTime, mon),
        VMSTATE_U32(RtcTime, year),
        VMSTATE_END,
    },
};

static bool rtc_check(const void *obj, GError **errp)
{
    const RtcCmosState *s = obj;
    if (s->index >= RTC_CMOS_SIZE || s->offset_frac_ns < 0 ||
        s->offset_frac_ns >= 1000000000) {
        g_set_error(errp, HM_ERROR, 0, "index %u, fraction %" PRId64 " ns out of range",
                    s->index, s->offset_frac_ns);
        return false;
    }
    return true;
}

const VmStateDesc rtc_cmos_vmstate = {
    .name = "rtc-cmos",
    .version = 1,
    .min_version = 1,
    .check = rtc_check,
    .fields = (const VmStateField[]){
        VMSTATE_BUFFER(RtcCmosState, cmos),
        VMSTATE_U8(RtcCmosState, index),
        VMSTATE_BOOL(RtcCmosState, nmi_disabled),
        VMSTATE_U64(RtcCmosState, offset_s),
        VMSTATE_U64(RtcCmosState, offset_frac_ns),
        VMSTATE_ARRAY(RtcCmosState, frozen, 1, RtcTime, &rtc_time_vmstate),
        VMSTATE_U64(RtcCmosState, last_uf_s),
        VMSTATE_END,
    },
};
