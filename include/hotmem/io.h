/*
 * io.h - one callback shape and one registration call for port I/O and MMIO.
 *
 * Devices describe their registers with a static IoOps table and register a
 * range; vCPU exits are dispatched here with the device lock held, so
 * handlers never lock themselves.
 */
#ifndef HOTMEM_IO_H
#define HOTMEM_IO_H

#include <glib.h>
#include <stdbool.h>
#include <inttypes.h>
#include <stdint.h>

typedef enum {
    IO_SPACE_PORT,
    IO_SPACE_MMIO,
} IoSpace;

typedef struct IoOps {
    /* offset is relative to the registered base; size is 1, 2, 4 or 8 */
    uint64_t (*read)(void *opaque, uint64_t offset, unsigned size);
    void (*write)(void *opaque, uint64_t offset, uint64_t value, unsigned size);
    /* accesses outside [min_size, max_size] read all-ones and are not written */
    unsigned min_size;
    unsigned max_size;
    /* The width the device implements, so that handlers see whole registers
     * (io_dispatch fits the guest's accesses to it):
     * read_unit 0: reads arrive as the guest made them; 2, 4 or 8: every
     *   naturally aligned unit a read touches is read once, whole, and the
     *   guest gets the bytes it asked for (unaligned and wider reads work);
     * write_bytes: writes arrive one byte at a time, in address order
     *   (otherwise as the guest made them). */
    unsigned read_unit;
    bool write_bytes;
} IoOps;

bool io_register(IoSpace space, uint64_t base, uint64_t len, const IoOps *ops,
                 void *opaque, const char *name, GError **errp);
void io_unregister(IoSpace space, uint64_t base);
/* Drops every registration (used by tests and at exit). */
void io_unregister_all(void);

/* Called by the vCPU exit path (with the device lock held): data is the
 * little-endian access buffer; unclaimed reads return all-ones. */
void io_dispatch(IoSpace space, uint64_t addr, uint8_t *data, unsigned size,
                 bool is_write);

/* The device lock (big lock): it protects the state of every device, the
 * RAM block and memory backend registries and the machine's memory code
 * (docs/devel/memory.md). Taken around every vCPU exit's dispatch, by the
 * monitors for commands that touch devices, and by the machine for reset
 * and creation. Not recursive. */
void device_lock(void);
void device_unlock(void);
/* True when the calling thread holds it: functions that need it assert so. */
bool device_lock_held(void);
#define assert_device_lock() g_assert(device_lock_held())

/* Interrupt line: devices call irq_line_set(); the machine wires the
 * callback to KVM (tests wire their own). */
typedef struct IrqLine {
    void (*set_level)(void *opaque, unsigned gsi, int level);
    void *opaque;
    unsigned gsi;
} IrqLine;

static inline void irq_line_set(const IrqLine *irq, int level)
{
    if (irq && irq->set_level) {
        irq->set_level(irq->opaque, irq->gsi, level);
    }
}

#endif
