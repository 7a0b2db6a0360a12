/*
 * test-serial.c - 16550A behaviour the Linux 8250 driver relies on.
 */
#include "hw/serial.h"
#include "hw/hotmem-pc.h"
#include "hotmem/io.h"
#include "hotmem/util.h"

#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
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

typedef struct {
    uint16_t port;
    const uint8_t *data;
    size_t len;
    GMutex lock;
    GCond cond;
    bool done;
} StallWriter;

/* A vCPU: each THR write with the device lock held, as accel/kvm.c does. */
static gpointer stall_writer(gpointer opaque)
{
    StallWriter *w = opaque;
    for (size_t i = 0; i < w->len; i++) {
        device_lock();
        out8(w->port, w->data[i]);
        device_unlock();
    }
    g_mutex_lock(&w->lock);
    w->done = true;
    g_cond_signal(&w->cond);
    g_mutex_unlock(&w->lock);
    return NULL;
}

/* The output is a blocking pipe nobody reads: the guest's writes must still
 * return at once, the overflow is dropped and counted, and once the reader
 * drains, what was buffered arrives in order. */
static void test_stalled_output(void)
{
    GError *err = NULL;
    int p[2];
    g_assert_cmpint(pipe2(p, O_CLOEXEC), ==, 0);
    int cap = fcntl(p[1], F_SETPIPE_SZ, 4096);          /* one page: stalls sooner */
    g_assert_cmpint(cap, >=, 4096);
    g_assert_cmpint(fcntl(p[1], F_GETFL) & O_NONBLOCK, ==, 0);
    SerialState *s = serial_new(0x2f8, NULL, p[1], &err);
    g_assert_no_error(err);

    size_t total = (size_t)cap + SERIAL_OUT_BUF_LEN + 1000;
    uint8_t *data = g_malloc(total);
    for (size_t i = 0; i < total; i++) {
        data[i] = (uint8_t)(i % 251);                   /* prime period: order shows */
    }
    StallWriter w = { .port = 0x2f8, .data = data, .len = total };
    GThread *t = g_thread_new("stall-writer", stall_writer, &w);
    gint64 deadline = g_get_monotonic_time() + 10 * G_TIME_SPAN_SECOND;
    g_mutex_lock(&w.lock);
    while (!w.done && g_cond_wait_until(&w.cond, &w.lock, deadline)) {
    }
    bool done = w.done;
    g_mutex_unlock(&w.lock);
    /* before the fix the writer sits in write() with the device lock held */
    g_assert_true(done);
    g_thread_join(t);

    int queued = 0;
    g_assert_cmpint(ioctl(p[0], FIONREAD, &queued), ==, 0);
    g_assert_cmpint(queued, >, 0);
    g_assert_cmpuint(serial_output_pending(s), ==, SERIAL_OUT_BUF_LEN);
    g_assert_cmpuint(serial_output_dropped(s), ==, total - (size_t)queued - SERIAL_OUT_BUF_LEN);
    g_assert_cmphex(in8(0x2f8 + 5) & 0x60, ==, 0x60);   /* the line still looks idle */

    /* the reader wakes up: the main loop's watch flushes the ring */
    size_t want = (size_t)queued + SERIAL_OUT_BUF_LEN;
    uint8_t *got = g_malloc(want + 16);
    size_t have = 0;
    g_assert_cmpint(fcntl(p[0], F_SETFL, O_NONBLOCK), ==, 0);
    deadline = g_get_monotonic_time() + 5 * G_TIME_SPAN_SECOND;
    while (g_get_monotonic_time() < deadline) {
        ssize_t n = read(p[0], got + have, want + 16 - have);
        if (n > 0) {
            have += (size_t)n;
        }
        if (have >= want && !serial_output_pending(s)) {
            break;
        }
        g_main_context_iteration(NULL, FALSE);
    }
    g_assert_cmpuint(have, ==, want);
    g_assert_cmpint(memcmp(got, data, want), ==, 0);
    g_assert_cmpuint(serial_output_pending(s), ==, 0);
    g_assert_false(g_main_context_pending(NULL));       /* the watch is gone */

    /* drained: the next byte goes straight out again */
    device_lock();
    out8(0x2f8, 'Z');
    device_unlock();
    uint8_t c = 0;
    g_assert_cmpint(read(p[0], &c, 1), ==, 1);
    g_assert_cmphex(c, ==, 'Z');

    serial_free(s);
    /* the pipe is blocking again, as we found it (a terminal would be too) */
    g_assert_cmpint(fcntl(p[1], F_GETFL) & O_NONBLOCK, ==, 0);
    io_unregister_all();
    close(p[0]);
    close(p[1]);
    g_free(got);
    g_free(data);
}

typedef struct {
    int fd;
    size_t want;
    size_t got;
} SlowReader;

static gpointer slow_reader(gpointer opaque)
{
    SlowReader *r = opaque;
    g_usleep(200 * 1000);                               /* late, but alive */
    uint8_t buf[4096];
    while (r->got < r->want) {
        ssize_t n = read(r->fd, buf, sizeof(buf));
        if (n <= 0) {
            break;
        }
        r->got += (size_t)n;
    }
    return NULL;
}

/* At exit the buffered tail still reaches a slow reader; a stalled one
 * costs about a second, not forever. */
static void test_exit_flush(void)
{
    GError *err = NULL;
    for (int stalled = 0; stalled < 2; stalled++) {
        int p[2];
        g_assert_cmpint(pipe2(p, O_CLOEXEC), ==, 0);
        int cap = fcntl(p[1], F_SETPIPE_SZ, 4096);
        SerialState *s = serial_new(0x2f8, NULL, p[1], &err);
        g_assert_no_error(err);
        size_t total = (size_t)cap + 100;
        for (size_t i = 0; i < total; i++) {
            out8(0x2f8, (uint8_t)i);
        }
        g_assert_cmpuint(serial_output_pending(s), ==, 100);
        SlowReader r = { .fd = p[0], .want = total };
        GThread *t = stalled ? NULL : g_thread_new("slow-reader", slow_reader, &r);
        gint64 t0 = g_get_monotonic_time();
        serial_free(s);
        gint64 took_ms = (g_get_monotonic_time() - t0) / 1000;
        if (t) {
            g_thread_join(t);
            g_assert_cmpuint(r.got, ==, total);
            g_assert_cmpint(took_ms, <, 900);
        } else {
            g_assert_cmpint(took_ms, >=, 900);
            g_assert_cmpint(took_ms, <, 2000);
        }
        io_unregister_all();
        close(p[0]);
        close(p[1]);
    }
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
    g_test_add_func("/serial/stalled-output", test_stalled_output);
    g_test_add_func("/serial/exit-flush", test_exit_flush);
    return g_test_run();
}
