/*
 * i440fx.h - the i440FX host bridge: PCI 00:00.0 and the 0xcf8/0xcfc
 * configuration mechanism #1.
 */
#ifndef HW_I440FX_H
#define HW_I440FX_H

#include "hotmem/pci.h"

typedef struct I440fxState {
    PciDevice pci;
    uint32_t config_address;          /* last dword written to 0xcf8 */
    /* byte writes to 0xcf9 belong to the PIIX3 reset control register */
    void (*reset_control_write)(void *opaque, uint8_t value);
    uint8_t (*reset_control_read)(void *opaque);
    void *reset_control_opaque;
} I440fxState;

I440fxState *i440fx_new(GError **errp);
void i440fx_reset(I440fxState *s);
void i440fx_free(I440fxState *s);

/* Its migration state (migration/vmstate.h). */
struct VmStateDesc;
extern const struct VmStateDesc i440fx_vmstate;

#endif
