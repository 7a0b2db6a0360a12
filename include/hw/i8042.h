/*
 * i8042.h - keyboard controller stub: no devices behind it, but the reset
 * command (0xfe on port 0x64) resets the machine.
 */
#ifndef HW_I8042_H
#define HW_I8042_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct I8042State {
    uint8_t status;
    bool registered_data;
    bool registered_cmd;
} I8042State;

I8042State *i8042_new(GError **errp);
void i8042_reset(I8042State *s);
void i8042_free(I8042State *s);

/* Its migration state (migration/vmstate.h). */
struct VmStateDesc;
extern const struct VmStateDesc i8042_vmstate;

#endif
