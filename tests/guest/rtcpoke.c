/*
 * rtcpoke.c - static guest helper: sets and reads the CMOS clock through
 * ports 0x70/0x71 itself, century byte (0x32) included.
 *
 *   rtcpoke set YYYY MM DD hh mm ss    SET protocol, in the clock's own mode
 *   rtcpoke get                        prints HM:rtc=YYYY-MM-DD hh:mm:ss
 *
 * The guest's FADT has no century register, so Linux (hwclock) only keeps
 * years 1970-2069; this reaches every year the registers hold. Needs iopl
 * (root); the kernel's rtc-cmos driver is idle in the test guest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/io.h>

#define CMOS_INDEX 0x70
#define CMOS_DATA  0x71
#define REG_A      0x0a
#define REG_B      0x0b
#define CENTURY    0x32
#define REG_A_UIP  0x80
#define REG_B_SET  0x80
#define REG_B_DM   0x04     /* binary */

static unsigned cmos_in(unsigned idx)
{
    outb((unsigned char)idx, CMOS_INDEX);
    return inb(CMOS_DATA);
}

static void cmos_out(unsigned idx, unsigned v)
{
    outb((unsigned char)idx, CMOS_INDEX);
    outb((unsigned char)v, CMOS_DATA);
}

static int binary_mode(void)
{
    return cmos_in(REG_B) & REG_B_DM;
}

static unsigned enc(int v)
{
    return binary_mode() ? (unsigned)v : (unsigned)(((v / 10) << 4) | (v % 10));
}

static int dec(unsigned v)
{
    return binary_mode() ? (int)v : (int)((v >> 4) * 10 + (v & 0x0f));
}

static void get(void)
{
    int t[7], again[7];
    /* read twice outside the update window until both reads agree */
    for (int tries = 0; tries < 1000; tries++) {
        while (cmos_in(REG_A) & REG_A_UIP) {
        }
        static const unsigned idx[7] = { CENTURY, 0x09, 0x08, 0x07, 0x04, 0x02, 0x00 };
        for (int i = 0; i < 7; i++) {
            t[i] = dec(cmos_in(idx[i]));
        }
        for (int i = 0; i < 7; i++) {
            again[i] = dec(cmos_in(idx[i]));
        }
        int same = 1;
        for (int i = 0; i < 7; i++) {
            same &= t[i] == again[i];
        }
        if (same) {
            break;
        }
    }
    printf("HM:rtc=%04d-%02d-%02d %02d:%02d:%02d\n", t[0] * 100 + t[1], t[2], t[3],
           t[4], t[5], t[6]);
}

static void set(char **f)
{
    int year = atoi(f[0]);
    unsigned b = cmos_in(REG_B);
    cmos_out(REG_B, b | REG_B_SET);             /* hold the clock while we write */
    cmos_out(0x00, enc(atoi(f[5])));
    cmos_out(0x02, enc(atoi(f[4])));
    cmos_out(0x04, enc(atoi(f[3])));            /* 24-hour mode, as Linux leaves it */
    cmos_out(0x07, enc(atoi(f[2])));
    cmos_out(0x08, enc(atoi(f[1])));
    cmos_out(0x09, enc(year % 100));
    cmos_out(CENTURY, enc(year / 100));
    cmos_out(REG_B, b & ~REG_B_SET);
    printf("HM:rtc-set=%04d\n", year);
}

int main(int argc, char **argv)
{
    if (iopl(3) < 0) {
        perror("rtcpoke: iopl");
        return 1;
    }
    if (argc == 2 && argv[1][0] == 'g') {
        get();
        return 0;
    }
    if (argc == 8 && argv[1][0] == 's') {
        set(argv + 2);
        return 0;
    }
    fprintf(stderr, "usage: rtcpoke set YYYY MM DD hh mm ss | rtcpoke get\n");
    return 2;
}
