/*
 * pci.c - bus 0 of the PCI configuration space: a table of devices by devfn
 * and the config read/write rules (writable-bit masks, absent devices).
 */
#include "hotmem/pci.h"
#include "hotmem/util.h"

#include <string.h>

static PciDevice *bus0[256];

void pci_device_init_config(PciDevice *dev, uint16_t vendor, uint16_t device,
                            uint16_t class_code, uint8_t header_type)
{
    memset(dev->config, 0, sizeof(dev->config));
    memset(dev->wmask, 0, sizeof(dev->wmask));
    pci_set_word(dev->config + 0x00, vendor);
    pci_set_word(dev->config + 0x02, device);
    pci_set_word(dev->config + 0x0a, class_code);
    dev->config[0x0e] = header_type;
    /* command: I/O, memory, bus master enables are guest-controlled */
    dev->wmask[0x04] = 0x07;
    dev->wmask[0x0c] = 0xff;       /* cache line size */
    dev->wmask[0x0d] = 0xff;       /* latency timer */
    dev->wmask[0x3c] = 0xff;       /* interrupt line (firmware scratch) */
}

bool pci_bus_register(PciDevice *dev, GError **errp)
{
    if (dev->devfn > 0xff) {
        g_set_error(errp, HM_ERROR, 0, "%s: invalid devfn 0x%x", dev->name, dev->devfn);
        return false;
    }
    if (bus0[dev->devfn]) {
        g_set_error(errp, HM_ERROR, 0, "%s: PCI 00:%02x.%x is taken by %s", dev->name,
                    dev->devfn >> 3, dev->devfn & 7, bus0[dev->devfn]->name);
        return false;
    }
    bus0[dev->devfn] = dev;
    return true;
}

void pci_bus_unregister(PciDevice *dev)
{
    if (dev->devfn <= 0xff && bus0[dev->devfn] == dev) {
        bus0[dev->devfn] = NULL;
    }
}

PciDevice *pci_bus_find(unsigned devfn)
{
    return devfn <= 0xff ? bus0[devfn] : NULL;
}

static bool access_ok(unsigned offset, unsigned size)
{
    return (size == 1 || size == 2 || size == 4) && offset + size <= PCI_CONFIG_SPACE_SIZE &&
           (offset & (size - 1)) == 0;
}

uint32_t pci_config_read(unsigned devfn, unsigned offset, unsigned size)
{
    PciDevice *dev = pci_bus_find(devfn);
    if (!dev || !access_ok(offset, size)) {
        return size == 4 ? 0xffffffffu : (1u << (8 * size)) - 1;
    }
    uint32_t v = 0;
    memcpy(&v, dev->config + offset, size);     /* little-endian, as the bus */
    return v;
}

void pci_config_write(unsigned devfn, unsigned offset, uint32_t value, unsigned size)
{
    PciDevice *dev = pci_bus_find(devfn);
    if (!dev) {
        return;
    }
    if (!access_ok(offset, size)) {
        hm_guest_error("pci %s: bad config write at 0x%x size %u", dev->name, offset, size);
        return;
    }
    /* only the guest-writable bits change */
    uint32_t old = 0, mask = 0;
    memcpy(&old, dev->config + offset, size);
    memcpy(&mask, dev->wmask + offset, size);
    uint32_t v = (old & ~mask) | (value & mask);
    memcpy(dev->config + offset, &v, size);
    if (dev->config_written) {
        dev->config_written(dev, offset, size);
    }
}
