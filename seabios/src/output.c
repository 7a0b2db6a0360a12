/*
 * output.c - the firmware's only two ways to talk: progress events on the
 * VMM's debug port, and one line on COM1 before halting on a fatal error.
 * Every port access is a VM exit, so nothing else is ever printed.
 */
#include "hw/hotmem-pc.h"
#include "util.h"

void fw_event(u8 event)
{
    outb(event, HM_FW_EVENT_PORT);
}

/* An emulated 16550 accepts bytes at any speed: no LSR polling needed. */
static void serial_puts(const char *s)
{
    for (; *s; s++)
        outb(*s, HM_SERIAL0_BASE);
}

static void serial_put_hex(u64 v)
{
    char buf[19];
    int i;

    buf[0] = '0';
    buf[1] = 'x';
    for (i = 0; i < 16; i++)
        buf[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 0xf];
    buf[18] = 0;
    serial_puts(buf);
}

void fatal(const char *msg, u64 value)
{
    serial_puts("hotmem firmware: ");
    serial_puts(msg);
    serial_puts(" ");
    serial_put_hex(value);
    serial_puts("\r\n");
    for (;;)
        __asm__ volatile("cli; hlt");
}
