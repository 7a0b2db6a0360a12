/*
 * pci.h - PCI configuration space for the devices on bus 0.
 *
 * The i440fx host bridge (hw/i440fx.c) decodes 0xcf8/0xcfc and forwards
 * accesses to the PciDevice registered at the addressed devfn. A device
 * owns a 256-byte config image and a mask of guest-writable bits; an
 * optional hook sees every write after it has been applied.
 */
#ifndef HOTMEM_PCI_H
#define HOTMEM_PCI_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#define PCI_CONFIG_SPACE_SIZE 256

typedef struct PciDevice PciDevice;

struct PciDevice {
    const char *name;
    unsigned devfn;
    uint8_t config[PCI_CONFIG_SPACE_SIZE];
    uint8_t wmask[PCI_CONFIG_SPACE_SIZE];     /* 1 bits are guest-writable */
    void (*config_written)(PciDevice *dev, unsigned offset, unsigned size);
    void *opaque;
};

/* Fills vendor/device/class/header type; everything else zero and read-only. */
void pci_device_init_config(PciDevice *dev, uint16_t vendor, uint16_t device,
                            uint16_t class_code, uint8_t header_type);
bool pci_bus_register(PciDevice *dev, GError **errp);
void pci_bus_unregister(PciDevice *dev);
PciDevice *pci_bus_find(unsigned devfn);

/* Config access to the device at devfn (bus 0); absent devices read ~0. */
uint32_t pci_config_read(unsigned devfn, unsigned offset, unsigned size);
void pci_config_write(unsigned devfn, unsigned offset, uint32_t value,
                      unsigned size);

static inline uint16_t pci_get_word(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}
static inline uint32_t pci_get_long(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}
static inline void pci_set_word(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}
static inline void pci_set_long(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

#endif
