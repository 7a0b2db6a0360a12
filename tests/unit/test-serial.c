/*
 * test-serial.c - 16550A behaviour the Linux 8250 driver relies on.
 */
#include "hw/serial.h"
#include "hw/hotmem-pc.h"
#include "hotmem/io.h"
#include "hotmem/util.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define B HM_SERIAL0_BASE
#define RBR (B + 0)
#define THR (B + 0)
#define IER (B + 1)
#define IIR (B + 2)
#define FCR (B + 2)
#define LCR (B + 3)
#define MCR (B + 4)
#define LSR (B + 5)
#define MSR (B + 6)
#define SCR (B + 7)

typedef struct {
    SerialState *uart;
    int pipe_fd[2];
    int level;
    unsigned rises;
} Fixture;

static void record_level(void *opaque, unsigned gsi, int level)
{
    Fixture *f = opaque;
    g_assert_cmpuint(gsi, ==, HM_SERIAL0_IRQ);
    if (level && f->level != 1) {
        f->rises++;
    }
    f->level = level;
}

static void fixture_setup(Fixture *f, gconstpointer data)
{
    GError *err = NULL;
    g_assert_cmpint(pipe2(f->pipe_fd, O_NONBLOCK), ==, 0);
    f->level = -1;
    IrqLine irq = { .set_level = record_level, .opaque = f, .gsi = HM_SERIAL0_IRQ };
    f->uart = serial_new(B, &irq, f->pipe_fd[1], &err);
    g_assert_no_error(err);
    g_assert_cmpint(f->level, ==, 0);
}

static void fixture_teardown(Fixture *f, gconstpointer data)
{
    serial_free(f->uart);
    io_unregister_all();
    close(f->pipe_fd[0]);
    close(f->pipe_fd[1]);
}

static uint8_t in8(uint16_t port)
{
    uint8_t v = 0;
    io_dispatch(IO_SPACE_PORT, port, &v, 1, false);
    return v;
}

static void out8(uint16_t port, uint8_t v)
{
    io_dispatch(IO_SPACE_PORT, port, &v, 1, true);
}

static void test_output(Fixture *f, gconstpointer data)
{
    const char *msg = "hello\n";
    for (const char *p = msg; *p; p++) {
        g_assert_cmphex(in8(LSR) & 0x60, ==, 0x60);     /* THRE | TEMT */
        out8(THR, (uint8_t)*p);
    }
    char buf[16] = { 0 };
    g_assert_cmpint(read(f->pipe_fd[0], buf, sizeof(buf)), ==, (ssize_t)strlen(msg));
    g_assert_cmpstr(buf, ==, msg);

    /* DLAB redirects offset 0/1 to the divisor latch: nothing sent */
    out8(LCR, 0x80);
    out8(THR, 0x01);
    out8(IER, 0x00);
    g_assert_cmphex(in8(RBR), ==, 0x01);
    g_assert_cmphex(in8(IER), ==, 0x00);
    out8(LCR, 0x03);
    g_assert_cmpint(read(f->pipe_fd[0], buf, sizeof(buf)), <, 0);

    /* scratch register */
    out8(SCR, 0x5a);
    g_assert_cmphex(in8(SCR), ==, 0x5a);
    /* IER keeps only its low four bits (no XScale UUE, no 16750 sleep) */
    out8(IER, 0xff);
    g_assert_cmphex(in8(IER), ==, 0x0f);
}

static void test_loopback(Fixture *f, gconstpointer data)
{
    /* the 8250 autoconfig test: MCR = LOOP|OUT2|RTS -> MSR[7:4] = DCD|CTS */
    g_assert_cmphex(in8(MSR) & 0xf0, ==, 0xb0);
    out8(MCR, 0x10 | 0x0a);
    g_assert_cmphex(in8(MSR) & 0xf0, ==, 0x90);
    out8(MCR, 0x10 | 0x05);                             /* DTR|OUT1 -> DSR|RI */
    g_assert_cmphex(in8(MSR) & 0xf0, ==, 0x60);
    out8(MCR, 0x10);
    g_assert_cmphex(in8(MSR), ==, 0x04 | 0x02);         /* TERI, DDSR; lines down */
    g_assert_cmphex(in8(MSR), ==, 0x00);                /* deltas clear on read */

    /* bytes come back to the receiver, not to the output */
    out8(THR, 0x42);
    g_assert_cmphex(in8(LSR) & 0x01, ==, 0x01);
    g_assert_cmphex(in8(RBR), ==, 0x42);
    g_assert_cmphex(in8(LSR) & 0x01, ==, 0x00);
    char buf[4];
    g_assert_cmpint(read(f->pipe_fd[0], buf, sizeof(buf)), <, 0);
    /* without the FIFO a second byte overruns */
    out8(THR, 1);
    out8(THR, 2);
    g_assert_cmphex(in8(LSR) & 0x03, ==, 0x03);
    g_assert_cmphex(in8(LSR) & 0x02, ==, 0x00);         /* OE clears on read */
    g_assert_cmphex(in8(RBR), ==, 1);
    /* host input waits while in loopback */
    g_assert_cmpuint(serial_can_receive(f->uart), ==, 0);
    g_assert_cmpuint(serial_receive(f->uart, (const uint8_t *)"x", 1), ==, 0);

    out8(MCR, 0x0b);
    g_assert_cmphex(in8(MSR) & 0xf0, ==, 0xb0);
    g_assert_cmpuint(serial_can_receive(f->uart), ==, 1);
}

static void test_fifo_detection(Fixture *f, gconstpointer data)
{
    g_assert_cmphex(in8(IIR), ==, 0x01);                /* no FIFO, no interrupt */
    out8(FCR, 0x01);
    g_assert_cmphex(in8(IIR) >> 6, ==, 3);              /* 16550A */
    /* 16750 probe: FCR bit 5 must not show up as IIR bit 5 */
    out8(FCR, 0x21);
    g_assert_cmphex(in8(IIR) & 0xe0, ==, 0xc0);
    /* DLAB does not hide IIR: no EFR, so not a 16650 */
    out8(LCR, 0xbf);
    g_assert_cmphex(in8(IIR), !=, 0);
    out8(LCR, 0x03);
    out8(FCR, 0x00);
    g_assert_cmphex(in8(IIR) & 0xc0, ==, 0);

    /* the FIFO holds 16 bytes, then the host must wait */
    out8(FCR, 0x07);
    uint8_t data_in[20];
    for (unsigned i = 0; i < sizeof(data_in); i++) {
        data_in[i] = (uint8_t)(0x30 + i);
    }
    g_assert_cmpuint(serial_can_receive(f->uart), ==, 16);
    g_assert_cmpuint(serial_receive(f->uart, data_in, 20), ==, 16);
    g_assert_cmpuint(serial_can_receive(f->uart), ==, 0);
    for (unsigned i = 0; i < 16; i++) {
        g_assert_cmphex(in8(LSR) & 0x01, ==, 1);
        g_assert_cmphex(in8(RBR), ==, data_in[i]);
    }
    g_assert_cmphex(in8(LSR) & 0x01, ==, 0);
    /* FCR bit 1 clears the receive FIFO */
    serial_receive(f->uart, data_in, 3);
    out8(FCR, 0x03);
    g_assert_cmphex(in8(LSR) & 0x01, ==, 0);
}

static void test_thre_interrupt(Fixture *f, gconstpointer data)
{
    /* enabling ETBEI with THR empty raises THRE (Linux's startup test) */
    out8(IER, 0x02);
    g_assert_cmpint(f->level, ==, 1);
    g_assert_cmphex(in8(IIR), ==, 0x02);
    /* reading IIR while THRE is the source acknowledges it */
    g_assert_cmpint(f->level, ==, 0);
    g_assert_cmphex(in8(IIR), ==, 0x01);
    /* off and on again re-asserts it */
    out8(IER, 0x00);
    out8(IER, 0x02);
    g_assert_cmpint(f->level, ==, 1);
    g_assert_cmphex(in8(IIR) & 0x0f, ==, 0x02);
    g_assert_cmpint(f->level, ==, 0);
    /* a THR write empties at once: THRE pending again, as a new rising edge */
    unsigned rises = f->rises;
    out8(THR, 'a');
    g_assert_cmpint(f->level, ==, 1);
    g_assert_cmpuint(f->rises, ==, rises + 1);
    /* clearing ETBEI drops it */
    out8(IER, 0x00);
    g_assert_cmpint(f->level, ==, 0);
    g_assert_cmphex(in8(IIR), ==, 0x01);
    /* with ETBEI off a transmit raises nothing */
    out8(THR, 'b');
    g_assert_cmpint(f->level, ==, 0);
}

static void test_rx_interrupt(Fixture *f, gconstpointer data)
{
    serial_receive(f->uart, (const uint8_t *)"a", 1);
    g_assert_cmpint(f->level, ==, 0);                   /* RDI not enabled */
    out8(IER, 0x01);
    g_assert_cmpint(f->level, ==, 1);
    g_assert_cmphex(in8(IIR), ==, 0x04);
    g_assert_cmpint(f->level, ==, 1);                   /* IIR read does not ack RX */
    g_assert_cmphex(in8(RBR), ==, 'a');
    g_assert_cmpint(f->level, ==, 0);
    g_assert_cmphex(in8(IIR), ==, 0x01);

    /* RX outranks THRE; with the FIFO below trigger it reports a timeout */
    out8(FCR, 0x81);                                    /* trigger 8 */
    out8(IER, 0x03);
    serial_receive(f->uart, (const uint8_t *)"xyz", 3);
    g_assert_cmphex(in8(IIR), ==, 0xcc);
    serial_receive(f->uart, (const uint8_t *)"12345", 5);
    g_assert_cmphex(in8(IIR), ==, 0xc4);
    out8(FCR, 0x83);                                    /* flush */
    g_assert_cmphex(in8(IIR), ==, 0xc2);                /* THRE shows next */
    g_assert_cmphex(in8(IIR), ==, 0xc1);
    g_assert_cmpint(f->level, ==, 0);

    /* line status interrupt on overrun (loopback with a full FIFO) */
    out8(IER, 0x04);
    out8(MCR, 0x10);
    for (int i = 0; i < 17; i++) {
        out8(THR, (uint8_t)i);
    }
    g_assert_cmpint(f->level, ==, 1);
    g_assert_cmphex(in8(IIR), ==, 0xc6);
    g_assert_cmphex(in8(LSR) & 0x03, ==, 0x03);
    g_assert_cmpint(f->level, ==, 0);

    /* modem status interrupt on a loopback line change */
    in8(MSR);
    out8(IER, 0x08);
    g_assert_cmpint(f->level, ==, 0);
    out8(MCR, 0x12);                                    /* RTS -> CTS */
    g_assert_cmpint(f->level, ==, 1);
    g_assert_cmphex(in8(IIR), ==, 0xc0);
    g_assert_cmphex(in8(MSR), ==, 0x11);
    g_assert_cmpint(f->level, ==, 0);

    /* reset lowers everything */
    out8(IER, 0x0f);
    serial_reset(f->uart);
    g_assert_cmpint(f->level, ==, 0);
    g_assert_cmphex(in8(IIR), ==, 0x01);
    g_assert_cmphex(in8(LSR), ==, 0x60);
    g_assert_cmphex(in8(MSR), ==, 0xb0);
}

static void test_bad_access(Fixture *f, gconstpointer data)
{
    uint64_t errs = hm_guest_error_count();
    out8(LSR, 0xff);
    out8(MSR, 0xff);
    g_assert_cmpuint(hm_guest_error_count(), ==, errs + 2);
    g_assert_cmphex(in8(LSR), ==, 0x60);
    uint8_t d[2] = { 0x41, 0x42 };
    io_dispatch(IO_SPACE_PORT, THR, d, 2, true);        /* wrong width: dropped */
    char buf[4];
    g_assert_cmpint(read(f->pipe_fd[0], buf, sizeof(buf)), <, 0);
}

static void test_discard(void)
{
    GError *err = NULL;
    SerialState *s = serial_new(0x2f8, NULL, -1, &err);
    g_assert_no_error(err);
    out8(0x2f8, 'x');                                   /* goes nowhere, no crash */
    g_assert_null(serial_new(0x2f8, NULL, -1, &err));   /* ports taken */
    g_assert_nonnull(err);
    g_clear_error(&err);
    serial_free(s);
    io_unregister_all();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
#define ADD(path, fn) \
    g_test_add(path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
    ADD("/serial/output", test_output);
    ADD("/serial/loopback", test_loopback);
    ADD("/serial/fifo-detection", test_fifo_detection);
    ADD("/serial/thre-interrupt", test_thre_interrupt);
    ADD("/serial/rx-interrupt", test_rx_interrupt);
    ADD("/serial/bad-access", test_bad_access);
    g_test_add_func("/serial/discard", test_discard);
    return g_test_run();
}
