/*
 * piix3.h - PIIX3 PCI-to-ISA bridge (00:01.0) and its reset control
 * register (0xcf9).
 */
#ifndef HW_PIIX3_H
#define HW_PIIX3_H

#include "hotmem/pci.h"

typedef struct Piix3State {
    PciDevice pci;
    uint8_t reset_control;            /* RCR, port 0xcf9 */
} Piix3State;

Piix3State *piix3_new(GError **errp);
void piix3_reset(Piix3State *s);
void piix3_free(Piix3State *s);
/* RCR accessors, wired to the host bridge's 0xcf9 byte */
void piix3_reset_control_write(void *opaque, uint8_t value);
uint8_t piix3_reset_control_read(void *opaque);

/* Its migration state (migration/vmstate.h). */
struct VmStateDesc;
extern const struct VmStateDesc piix3_vmstate;

#endif
