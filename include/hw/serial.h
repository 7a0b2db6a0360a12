/*
 * serial.h - 16550A UART with an instant transmitter.
 *
 * Transmitted bytes go to an output fd that is never allowed to block the
 * vCPU: it is made non-blocking (its flags are restored by serial_free), and
 * what it cannot take at once waits in a bounded buffer that a GLib fd watch
 * on the main context flushes when the fd becomes writable. When the buffer
 * is full, further bytes are dropped and counted. Received bytes are pushed
 * by the main loop with serial_receive().
 */
#ifndef HW_SERIAL_H
#define HW_SERIAL_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hotmem/io.h"

#define SERIAL_FIFO_LEN 16
/* Output waiting for a slow reader: ~6 s of a 115200-baud console. */
#define SERIAL_OUT_BUF_LEN (64 * 1024)

typedef struct SerialState {
    uint16_t base;
    IrqLine irq;
    int out_fd;              /* -1: output discarded */
    int out_saved_flags;     /* out_fd's flags before O_NONBLOCK; -1: untouched */
    bool registered;

    /* Output the fd did not take yet (device lock): a ring of
     * SERIAL_OUT_BUF_LEN bytes, flushed by out_watch on ctx. */
    uint8_t *out_buf;
    size_t out_head;         /* index of the oldest byte */
    size_t out_len;
    uint64_t out_dropped;    /* bytes lost: buffer full or output broken */
    GMainContext *ctx;
    GSource *out_watch;      /* set while out_buf waits for the fd */

    uint8_t rx_fifo[SERIAL_FIFO_LEN];
    uint8_t rx_head;         /* index of the oldest byte */
    uint8_t rx_count;

    uint8_t ier;
    uint8_t fcr;             /* last FCR write: bit0 FIFO enable, 7:6 trigger */
    uint8_t lcr;
    uint8_t mcr;
    uint8_t lsr;             /* DR and THRE/TEMT are recomputed; error bits latch */
    uint8_t msr;
    uint8_t scr;
    uint8_t dll;
    uint8_t dlm;
    bool thr_ipending;       /* THRE interrupt latched, see serial.c */
} SerialState;

SerialState *serial_new(uint16_t base, const IrqLine *irq, int out_fd, GError **errp);
void serial_reset(SerialState *s);
void serial_free(SerialState *s);

/* Main loop side, device lock held: how many bytes the RX FIFO can take now,
 * and push bytes (returns how many were taken; the rest stay with the caller). */
size_t serial_can_receive(SerialState *s);
size_t serial_receive(SerialState *s, const uint8_t *buf, size_t len);

/* Device lock held: output bytes lost so far, and bytes still buffered. */
uint64_t serial_output_dropped(SerialState *s);
size_t serial_output_pending(SerialState *s);

/* Its migration state (migration/vmstate.h). */
struct VmStateDesc;
extern const struct VmStateDesc serial_vmstate;

#endif
