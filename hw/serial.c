/*
 * serial.c - 16550A UART (8 registers at base, one IRQ line).
 *
 * Transmission is instant: a THR write goes straight to the output fd (or,
 * in loopback, to our own receiver), so THR and the shift register are
 * always empty. Behaviour follows what Linux's 8250 driver probes: FIFO
 * detection through IIR bits 7:6, the loopback modem-line test, and a THRE
 * interrupt that re-asserts whenever IER.ETBEI is enabled with THR empty.
 */
#include "hw/serial.h"
#include "hotmem/util.h"
#include "migration/vmstate.h"

#include <errno.h>
#include <unistd.h>

#define UART_LEN        8

/* register offsets */
#define UART_RBR_THR    0   /* DLL when LCR.DLAB */
#define UART_IER        1   /* DLM when LCR.DLAB */
#define UART_IIR_FCR    2
#define UART_LCR        3
#define UART_MCR        4
#define UART_LSR        5
#define UART_MSR        6
#define UART_SCR        7

#define IER_RDI         0x01
#define IER_THRI        0x02
#define IER_RLSI        0x04
#define IER_MSI         0x08
#define IER_MASK        0x0f

#define IIR_NO_INT      0x01
#define IIR_MSI         0x00
#define IIR_THRI        0x02
#define IIR_RDI         0x04
#define IIR_RLSI        0x06
#define IIR_CTI         0x0c
#define IIR_FIFO        0xc0

#define FCR_ENABLE      0x01
#define FCR_CLEAR_RX    0x02
#define FCR_STORED      0xc9    /* enable, DMA mode, trigger level */

#define LCR_DLAB        0x80

#define MCR_DTR         0x01
#define MCR_RTS         0x02
#define MCR_OUT1        0x04
#define MCR_OUT2        0x08
#define MCR_LOOP        0x10
#define MCR_MASK        0x1f

#define LSR_DR          0x01
#define LSR_OE          0x02
#define LSR_ERRORS      0x1e    /* OE, PE, FE, BI: latched until LSR is read */
#define LSR_THRE        0x20
#define LSR_TEMT        0x40

#define MSR_DCTS        0x01
#define MSR_DDSR        0x02
#define MSR_TERI        0x04
#define MSR_DDCD        0x08
#define MSR_DELTAS      0x0f
#define MSR_CTS         0x10
#define MSR_DSR         0x20
#define MSR_RI          0x40
#define MSR_DCD         0x80

static bool fifo_enabled(SerialState *s)
{
    return s->fcr & FCR_ENABLE;
}

static unsigned rx_capacity(SerialState *s)
{
    /* without the FIFO the receiver holds a single character */
    return fifo_enabled(s) ? SERIAL_FIFO_LEN : 1;
}

static unsigned rx_trigger(SerialState *s)
{
    static const unsigned levels[4] = { 1, 4, 8, 14 };
    return levels[s->fcr >> 6];
}

static uint8_t serial_lsr(SerialState *s)
{
    return (uint8_t)((s->lsr & LSR_ERRORS) | (s->rx_count ? LSR_DR : 0) | LSR_THRE | LSR_TEMT);
}

/* Highest-priority pending interrupt, as IIR bits 3:0. */
static uint8_t serial_iir_id(SerialState *s)
{
    if ((s->ier & IER_RLSI) && (s->lsr & LSR_ERRORS)) {
        return IIR_RLSI;
    }
    if ((s->ier & IER_RDI) && s->rx_count) {
        /* below the trigger level a real chip reports a character timeout
         * after four character times; with no line timing that is now */
        return fifo_enabled(s) && s->rx_count < rx_trigger(s) ? IIR_CTI : IIR_RDI;
    }
    if ((s->ier & IER_THRI) && s->thr_ipending) {
        return IIR_THRI;
    }
    if ((s->ier & IER_MSI) && (s->msr & MSR_DELTAS)) {
        return IIR_MSI;
    }
    return IIR_NO_INT;
}

static void serial_update_irq(SerialState *s)
{
    irq_line_set(&s->irq, serial_iir_id(s) != IIR_NO_INT);
}

/* Modem inputs: all asserted (a terminal is always there), or in loopback
 * the outputs wired back: RTS->CTS, DTR->DSR, OUT1->RI, OUT2->DCD. */
static void serial_update_msr(SerialState *s)
{
    uint8_t lines = MSR_CTS | MSR_DSR | MSR_DCD;
    if (s->mcr & MCR_LOOP) {
        lines = (uint8_t)(((s->mcr & MCR_RTS) ? MSR_CTS : 0) |
                          ((s->mcr & MCR_DTR) ? MSR_DSR : 0) |
                          ((s->mcr & MCR_OUT1) ? MSR_RI : 0) |
                          ((s->mcr & MCR_OUT2) ? MSR_DCD : 0));
    }
    uint8_t old = s->msr, changed = old ^ lines;
    uint8_t delta = s->msr & MSR_DELTAS;
    delta |= (changed & MSR_CTS) ? MSR_DCTS : 0;
    delta |= (changed & MSR_DSR) ? MSR_DDSR : 0;
    delta |= (changed & MSR_DCD) ? MSR_DDCD : 0;
    delta |= ((old & MSR_RI) && !(lines & MSR_RI)) ? MSR_TERI : 0;   /* trailing edge */
    s->msr = (uint8_t)((lines & 0xf0) | delta);
}

static void rx_clear(SerialState *s)
{
    s->rx_head = 0;
    s->rx_count = 0;
}

static bool rx_push(SerialState *s, uint8_t byte)
{
    if (s->rx_count >= rx_capacity(s)) {
        return false;
    }
    s->rx_fifo[(s->rx_head + s->rx_count) % SERIAL_FIFO_LEN] = byte;
    s->rx_count++;
    return true;
}

static uint8_t rx_pop(SerialState *s)
{
    if (!s->rx_count) {
        return 0;
    }
    uint8_t byte = s->rx_fifo[s->rx_head];
    s->rx_head = (s->rx_head + 1) % SERIAL_FIFO_LEN;
    s->rx_count--;
    return byte;
}

static void serial_transmit(SerialState *s, uint8_t byte)
{
    if (s->mcr & MCR_LOOP) {
        if (!rx_push(s, byte)) {
            s->lsr |= LSR_OE;
        }
        return;
    }
    if (s->out_fd < 0) {
        return;
    }
    ssize_t n;
    do {
        n = write(s->out_fd, &byte, 1);
    } while (n < 0 && errno == EINTR);
    /* a full or broken output loses the byte: the guest must not stall on it */
}

static uint64_t serial_read(void *opaque, uint64_t offset, unsigned size)
{
    SerialState *s = opaque;
    uint8_t v = 0;

    switch (offset) {
    case UART_RBR_THR:
        v = (s->lcr & LCR_DLAB) ? s->dll : rx_pop(s);
        break;
    case UART_IER:
        v = (s->lcr & LCR_DLAB) ? s->dlm : s->ier;
        break;
    case UART_IIR_FCR: {
        uint8_t id = serial_iir_id(s);
        /* reading IIR acknowledges THRE when that is what it reports */
        if (id == IIR_THRI) {
            s->thr_ipending = false;
        }
        v = (uint8_t)(id | (fifo_enabled(s) ? IIR_FIFO : 0));
        break;
    }
    case UART_LCR:
        v = s->lcr;
        break;
    case UART_MCR:
        v = s->mcr;
        break;
    case UART_LSR:
        v = serial_lsr(s);
        s->lsr &= (uint8_t)~LSR_ERRORS;
        break;
    case UART_MSR:
        v = s->msr;
        s->msr &= (uint8_t)~MSR_DELTAS;
        break;
    case UART_SCR:
        v = s->scr;
        break;
    }
    serial_update_irq(s);
    return v;
}

static void serial_write_fcr(SerialState *s, uint8_t v)
{
    /* toggling the enable resets both FIFOs; the other bits need it set */
    if ((v ^ s->fcr) & FCR_ENABLE || (v & FCR_CLEAR_RX)) {
        rx_clear(s);
    }
    s->fcr = (v & FCR_ENABLE) ? (v & FCR_STORED) : 0;
}

static void serial_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    SerialState *s = opaque;
    uint8_t v = (uint8_t)value;

    switch (offset) {
    case UART_RBR_THR:
        if (s->lcr & LCR_DLAB) {
            s->dll = v;
            break;
        }
        /* THR empties at once, so THRE re-asserts right after the write */
        serial_transmit(s, v);
        s->thr_ipending = true;
        break;
    case UART_IER:
        if (s->lcr & LCR_DLAB) {
            s->dlm = v;
            break;
        }
        if ((v & IER_THRI) && !(s->ier & IER_THRI)) {
            s->thr_ipending = true;         /* enabling with THR empty */
        } else if (!(v & IER_THRI)) {
            s->thr_ipending = false;
        }
        s->ier = v & IER_MASK;
        break;
    case UART_IIR_FCR:
        serial_write_fcr(s, v);
        break;
    case UART_LCR:
        s->lcr = v;
        break;
    case UART_MCR:
        s->mcr = v & MCR_MASK;
        serial_update_msr(s);
        break;
    case UART_SCR:
        s->scr = v;
        break;
    default:
        hm_guest_error("serial 0x%x: write 0x%02x to read-only register %" PRIu64,
                       s->base, v, offset);
        break;
    }
    serial_update_irq(s);
}

static const IoOps serial_ops = {
    .read = serial_read,
    .write = serial_write,
    .min_size = 1,
    .max_size = 1,
};

size_t serial_can_receive(SerialState *s)
{
    /* in loopback the receiver listens to our own transmitter only */
    if (s->mcr & MCR_LOOP) {
        return 0;
    }
    return rx_capacity(s) - s->rx_count;
}

size_t serial_receive(SerialState *s, const uint8_t *buf, size_t len)
{
    size_t n = MIN(len, serial_can_receive(s));
    for (size_t i = 0; i < n; i++) {
        rx_push(s, buf[i]);
    }
    if (n) {
        serial_update_irq(s);
    }
    return n;
}

void serial_reset(SerialState *s)
{
    rx_clear(s);
    s->ier = 0;
    s->fcr = 0;
    s->lcr = 0;
    s->mcr = 0;
    s->lsr = 0;
    s->scr = 0;
    s->dll = 0x0c;                          /* 9600 baud */
    s->dlm = 0;
    s->thr_ipending = false;
    s->msr = 0;
    serial_update_msr(s);
    s->msr &= (uint8_t)~MSR_DELTAS;         /* lines were already up */
    serial_update_irq(s);
}

SerialState *serial_new(uint16_t base, const IrqLine *irq, int out_fd, GError **errp)
{
    SerialState *s = g_new0(SerialState, 1);
    s->base = base;
    if (irq) {
        s->irq = *irq;
    }
    s->out_fd = out_fd;
    if (!io_register(IO_SPACE_PORT, base, UART_LEN, &serial_ops, s, "serial", errp)) {
        g_free(s);
        return NULL;
    }
    s->registered = true;
    serial_reset(s);
    return s;
}

void serial_free(SerialState *s)
{
    if (!s) {
        return;
    }
    if (s->registered) {
        io_unregister(IO_SPACE_PORT, s->base);
    }
    g_free(s);
}

/* ---- migration: the guest-visible registers and the RX FIFO; the host
 * side (output fd, IRQ line) is the destination's own ---- */

static bool serial_post_load(void *obj, GError **errp)
{
    SerialState *s = obj;
    if (s->rx_head >= SERIAL_FIFO_LEN || s->rx_count > SERIAL_FIFO_LEN) {
        g_set_error(errp, HM_ERROR, 0, "RX FIFO head %u / count %u out of range",
                    s->rx_head, s->rx_count);
        s->rx_head = s->rx_count = 0;
        return false;
    }
    serial_update_irq(s);
    return true;
}

const VmStateDesc serial_vmstate = {
    .name = "serial",
    .version = 1,
    .min_version = 1,
    .post_load = serial_post_load,
    .fields = (const VmStateField[]){
        VMSTATE_BUFFER(SerialState, rx_fifo),
        VMSTATE_U8(SerialState, rx_head),
        VMSTATE_U8(SerialState, rx_count),
        VMSTATE_U8(SerialState, ier),
        VMSTATE_U8(SerialState, fcr),
        VMSTATE_U8(SerialState, lcr),
        VMSTATE_U8(SerialState, mcr),
        VMSTATE_U8(SerialState, lsr),
        VMSTATE_U8(SerialState, msr),
        VMSTATE_U8(SerialState, scr),
        VMSTATE_U8(SerialState, dll),
        VMSTATE_U8(SerialState, dlm),
        VMSTATE_BOOL(SerialState, thr_ipending),
        VMSTATE_END,
    },
};
