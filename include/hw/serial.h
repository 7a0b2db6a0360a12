/*
 * serial.h - 16550A UART with an instant transmitter.
 *
 * Transmitted bytes go straight to an output fd; received bytes are pushed
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

typedef struct SerialState {
    uint16_t base;
    IrqLine irq;
    int out_fd;              /* -1: output discarded */
    bool registered;

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

/* Migration field table (migration/vmstate.h); device lock held. */
struct VmStateDesc;
extern const struct VmStateDesc serial_vmstate;

#endif
