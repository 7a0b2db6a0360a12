/*
 * test-rtc.c - CMOS/RTC: time encoding, SET protocol, registers A-D.
 */
#include "hw/rtc_cmos.h"
#include "hw/hotmem-pc.h"
#include "hotmem/io.h"
#include "hotmem/util.h"

#include <time.h>

#define T0 1000000000000LL      /* fake clock at device creation */

typedef struct {
    RtcCmosState *rtc;
    int64_t created_utc_s;
} Fixture;

static void fixture_setup(Fixture *f, gconstpointer data)
{
    GError *err = NULL;
    hm_clock_set_fake(true, T0);
    f->created_utc_s = g_get_real_time() / 1000000;
    f->rtc = rtc_cmos_new(NULL, &err);
    g_assert_no_error(err);
}

static void fixture_teardown(Fixture *f, gconstpointer data)
{
    rtc_cmos_free(f->rtc);
    io_unregister_all();
    hm_clock_set_fake(false, 0);
}

static uint8_t cmos_read(uint8_t index)
{
    uint8_t v = index;
    io_dispatch(IO_SPACE_PORT, HM_CMOS_BASE, &v, 1, true);
    io_dispatch(IO_SPACE_PORT, HM_CMOS_BASE + 1, &v, 1, false);
    return v;
}

static void cmos_write(uint8_t index, uint8_t value)
{
    io_dispatch(IO_SPACE_PORT, HM_CMOS_BASE, &index, 1, true);
    io_dispatch(IO_SPACE_PORT, HM_CMOS_BASE + 1, &value, 1, true);
}

static int bcd(uint8_t v)
{
    return (v >> 4) * 10 + (v & 0xf);
}

/* Sets 2024-02-29 23:59:58 (a Thursday) through the SET protocol, in BCD 24h. */
static void set_leap_day(void)
{
    cmos_write(0x0b, 0x82);             /* SET, BCD, 24h */
    cmos_write(0x00, 0x58);
    cmos_write(0x02, 0x59);
    cmos_write(0x04, 0x23);
    cmos_write(0x07, 0x29);
    cmos_write(0x08, 0x02);
    cmos_write(0x09, 0x24);
    cmos_write(0x32, 0x20);
}

static void test_host_time(Fixture *f, gconstpointer data)
{
    /* defaults: BCD, 24 h; the fields give host UTC at creation */
    g_assert_cmphex(cmos_read(0x0b), ==, 0x02);
    struct tm tm = {
        .tm_sec = bcd(cmos_read(0x00)), .tm_min = bcd(cmos_read(0x02)),
        .tm_hour = bcd(cmos_read(0x04)), .tm_mday = bcd(cmos_read(0x07)),
        .tm_mon = bcd(cmos_read(0x08)) - 1,
        .tm_year = bcd(cmos_read(0x32)) * 100 + bcd(cmos_read(0x09)) - 1900,
    };
    int64_t t = (int64_t)timegm(&tm);
    g_assert_cmpint(t, >=, f->created_utc_s);
    g_assert_cmpint(t, <=, f->created_utc_s + 1);
    /* it runs with the clock */
    hm_clock_set_fake(true, T0 + 3600 * 1000000000LL);
    int h = bcd(cmos_read(0x04));
    g_assert_cmpint(h, ==, (tm.tm_hour + 1) % 24);
}

static void test_bcd_binary(Fixture *f, gconstpointer data)
{
    set_leap_day();
    g_assert_cmphex(cmos_read(0x00), ==, 0x58);
    g_assert_cmphex(cmos_read(0x04), ==, 0x23);
    g_assert_cmphex(cmos_read(0x06), ==, 0x05);         /* Thursday, Sunday = 1 */
    g_assert_cmphex(cmos_read(0x09), ==, 0x24);
    g_assert_cmphex(cmos_read(0x32), ==, 0x20);
    /* frozen while SET: the clock does not move */
    hm_clock_set_fake(true, T0 + 5000000000LL);
    g_assert_cmphex(cmos_read(0x00), ==, 0x58);
    /* binary mode, then 12-hour mode (11 PM = 0x80 | 11) */
    cmos_write(0x0b, 0x86);
    g_assert_cmphex(cmos_read(0x00), ==, 58);
    g_assert_cmphex(cmos_read(0x02), ==, 59);
    g_assert_cmphex(cmos_read(0x07), ==, 29);
    g_assert_cmphex(cmos_read(0x09), ==, 24);
    g_assert_cmphex(cmos_read(0x32), ==, 20);
    cmos_write(0x0b, 0x84);
    g_assert_cmphex(cmos_read(0x04), ==, 0x80 | 11);
    cmos_write(0x0b, 0x80);
    g_assert_cmphex(cmos_read(0x04), ==, 0x80 | 0x11);
    /* 12 AM is 0x12 without the PM bit: write 12 AM and read midnight back */
    cmos_write(0x04, 0x12);
    cmos_write(0x0b, 0x82);
    g_assert_cmphex(cmos_read(0x04), ==, 0x00);
    cmos_write(0x04, 0x23);

    /* releasing SET starts the clock from the written time */
    cmos_write(0x0b, 0x02);
    g_assert_cmphex(cmos_read(0x00), ==, 0x58);
    hm_clock_set_fake(true, T0 + 5000000000LL + 3000000000LL);
    g_assert_cmphex(cmos_read(0x00), ==, 0x01);         /* 23:59:58 + 3 s */
    g_assert_cmphex(cmos_read(0x02), ==, 0x00);
    g_assert_cmphex(cmos_read(0x04), ==, 0x00);
    g_assert_cmphex(cmos_read(0x07), ==, 0x01);         /* March 1st */
    g_assert_cmphex(cmos_read(0x08), ==, 0x03);
    g_assert_cmphex(cmos_read(0x06), ==, 0x06);         /* Friday */

    /* a write without SET moves the running clock too */
    cmos_write(0x09, 0x30);
    g_assert_cmphex(cmos_read(0x09), ==, 0x30);
    g_assert_cmphex(cmos_read(0x08), ==, 0x03);
}

static void test_reg_a_uip(Fixture *f, gconstpointer data)
{
    set_leap_day();
    cmos_write(0x0b, 0x02);             /* the second starts at T0 */
    g_assert_cmphex(cmos_read(0x0a), ==, 0x26);
    hm_clock_set_fake(true, T0 + 1000000000LL - 244000 - 1);
    g_assert_cmphex(cmos_read(0x0a), ==, 0x26);
    hm_clock_set_fake(true, T0 + 1000000000LL - 244000);
    g_assert_cmphex(cmos_read(0x0a), ==, 0xa6);
    g_assert_cmphex(cmos_read(0x00), ==, 0x58);         /* not yet updated */
    hm_clock_set_fake(true, T0 + 1000000000LL);
    g_assert_cmphex(cmos_read(0x0a), ==, 0x26);
    g_assert_cmphex(cmos_read(0x00), ==, 0x59);
    /* UIP is read-only; the rest of A is writable */
    cmos_write(0x0a, 0xa0);
    g_assert_cmphex(cmos_read(0x0a), ==, 0x20);
}

static void test_reg_c_d(Fixture *f, gconstpointer data)
{
    g_assert_cmphex(cmos_read(0x0d), ==, 0x80);          /* VRT: battery good */
    uint64_t errs = hm_guest_error_count();
    cmos_write(0x0d, 0x00);
    g_assert_cmphex(cmos_read(0x0d), ==, 0x80);
    cmos_write(0x0c, 0xff);
    g_assert_cmpuint(hm_guest_error_count(), ==, errs + 2);

    g_assert_cmphex(cmos_read(0x0c), ==, 0x00);
    /* an update cycle ended: UF, then clear on read */
    hm_clock_set_fake(true, T0 + 1500000000LL);
    g_assert_cmphex(cmos_read(0x0c), ==, 0x10);
    g_assert_cmphex(cmos_read(0x0c), ==, 0x00);
    /* no update while SET holds the clock */
    cmos_write(0x0b, 0x82);
    hm_clock_set_fake(true, T0 + 4500000000LL);
    g_assert_cmphex(cmos_read(0x0c), ==, 0x00);
    cmos_write(0x0b, 0x02);

    /* interrupt enables are accepted, logged once, and raise nothing */
    errs = hm_guest_error_count();
    cmos_write(0x0b, 0x02 | 0x40);
    cmos_write(0x0b, 0x02 | 0x20);
    g_assert_cmpuint(hm_guest_error_count(), ==, errs + 1);
    g_assert_cmphex(cmos_read(0x0b), ==, 0x22);
    /* SET clears UIE */
    cmos_write(0x0b, 0x80 | 0x10 | 0x02);
    g_assert_cmphex(cmos_read(0x0b), ==, 0x82);
    cmos_write(0x0b, 0x42);
    rtc_cmos_reset(f->rtc);
    g_assert_cmphex(cmos_read(0x0b), ==, 0x02);
}

static void test_cmos_ram(Fixture *f, gconstpointer data)
{
    rtc_cmos_set(f->rtc, 0x34, 0x12);
    g_assert_cmphex(cmos_read(0x34), ==, 0x12);
    /* NMI mask bit in the index does not change the register */
    uint8_t idx = 0x80 | 0x34, v;
    io_dispatch(IO_SPACE_PORT, HM_CMOS_BASE, &idx, 1, true);
    io_dispatch(IO_SPACE_PORT, HM_CMOS_BASE + 1, &v, 1, false);
    g_assert_cmphex(v, ==, 0x12);
    g_assert_true(f->rtc->nmi_disabled);
    cmos_write(0x7f, 0xab);
    g_assert_cmphex(rtc_cmos_get(f->rtc, 0x7f), ==, 0xab);
    /* CMOS RAM survives a reset */
    rtc_cmos_reset(f->rtc);
    g_assert_cmphex(cmos_read(0x7f), ==, 0xab);
    g_assert_cmphex(cmos_read(0x34), ==, 0x12);
    /* garbage time writes are normalised, never fatal */
    cmos_write(0x0b, 0x82);
    cmos_write(0x08, 0xff);
    cmos_write(0x07, 0xff);
    cmos_write(0x0b, 0x02);
    uint8_t mon = cmos_read(0x08);
    g_assert_cmpint(bcd(mon), >=, 1);
    g_assert_cmpint(bcd(mon), <=, 12);
}

static uint8_t to_bcd(int v)
{
    return (uint8_t)(((v / 10) << 4) | (v % 10));
}

/* Every year the guest can write with BCD registers and the century byte
 * (0x32, up to 0x99) reads back, and runs: the time is kept as a whole-second
 * offset that cannot overflow (guest ns since 1970 overflow after 2262-04-11). */
static void test_years(Fixture *f, gconstpointer data)
{
    static const struct {
        int year;
        int wday;                       /* of July 4th, Sunday = 1 */
    } cases[] = {
        { 1970, 7 }, { 2038, 1 }, { 2100, 1 }, { 2262, 6 }, { 2263, 7 }, { 2999, 5 },
        { 9999, 1 }, { 0, 3 },
    };
    int64_t clk = T0;
    for (unsigned i = 0; i < G_N_ELEMENTS(cases); i++) {
        int y = cases[i].year;
        cmos_write(0x0b, 0x82);         /* SET, BCD, 24h */
        cmos_write(0x00, 0x56);
        cmos_write(0x02, 0x34);
        cmos_write(0x04, 0x12);
        cmos_write(0x07, 0x04);
        cmos_write(0x08, 0x07);
        cmos_write(0x09, to_bcd(y % 100));
        cmos_write(0x32, to_bcd(y / 100));
        cmos_write(0x0b, 0x02);         /* runs from here */
        clk += 2 * 1000000000LL;
        hm_clock_set_fake(true, clk);
        g_test_message("year %d", y);
        g_assert_cmphex(cmos_read(0x00), ==, 0x58);
        g_assert_cmphex(cmos_read(0x02), ==, 0x34);
        g_assert_cmphex(cmos_read(0x04), ==, 0x12);
        g_assert_cmphex(cmos_read(0x07), ==, 0x04);
        g_assert_cmphex(cmos_read(0x08), ==, 0x07);
        g_assert_cmpint(bcd(cmos_read(0x32)) * 100 + bcd(cmos_read(0x09)), ==, y);
        g_assert_cmpint(cmos_read(0x06), ==, cases[i].wday);
        /* UIP and UF follow the new second, too */
        hm_clock_set_fake(true, clk + 1000000000LL - 1000);
        g_assert_cmphex(cmos_read(0x0a) & 0x80, ==, 0x80);
        cmos_read(0x0c);
        clk += 1000000000LL;
        hm_clock_set_fake(true, clk);
        g_assert_cmphex(cmos_read(0x0c), ==, 0x10);
        g_assert_cmphex(cmos_read(0x00), ==, 0x59);
    }

    /* the running clock (no SET), a year boundary past 2262 */
    cmos_write(0x32, 0x22);
    cmos_write(0x09, 0x99);
    cmos_write(0x08, 0x12);
    cmos_write(0x07, 0x31);
    cmos_write(0x04, 0x23);
    cmos_write(0x02, 0x59);
    cmos_write(0x00, 0x59);
    hm_clock_set_fake(true, clk + 1000000000LL);
    g_assert_cmphex(cmos_read(0x32), ==, 0x23);
    g_assert_cmphex(cmos_read(0x09), ==, 0x00);
    g_assert_cmphex(cmos_read(0x08), ==, 0x01);
    g_assert_cmphex(cmos_read(0x00), ==, 0x00);

    /* binary mode reaches century 255: year 25599, the largest a register holds */
    cmos_write(0x0b, 0x86);
    cmos_write(0x32, 255);
    cmos_write(0x09, 99);
    cmos_write(0x08, 7);
    cmos_write(0x07, 4);
    cmos_write(0x0b, 0x06);
    g_assert_cmpint(cmos_read(0x32), ==, 255);
    g_assert_cmpint(cmos_read(0x09), ==, 99);
    g_assert_cmpint(cmos_read(0x08), ==, 7);
    g_assert_cmpint(cmos_read(0x06), ==, 1);            /* 25599-07-04: a Sunday */
    /* every field at its maximum normalises to a later time, still no overflow */
    cmos_write(0x0b, 0x86);
    for (uint8_t idx = 0; idx <= 0x09; idx++) {
        cmos_write(idx, 0xff);
    }
    cmos_write(0x32, 0xff);
    cmos_write(0x0b, 0x06);
    g_assert_cmpint(cmos_read(0x08), >=, 1);
    g_assert_cmpint(cmos_read(0x08), <=, 12);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
#define ADD(path, fn) \
    g_test_add(path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
    ADD("/rtc/host-time", test_host_time);
    ADD("/rtc/bcd-binary", test_bcd_binary);
    ADD("/rtc/reg-a-uip", test_reg_a_uip);
    ADD("/rtc/reg-c-d", test_reg_c_d);
    ADD("/rtc/cmos-ram", test_cmos_ram);
    ADD("/rtc/years", test_years);
    return g_test_run();
}
