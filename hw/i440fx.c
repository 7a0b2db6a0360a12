/*
 * i440fx.c - i440FX host bridge (00:00.0) and PCI configuration mechanism #1.
 *
 * 0xcf8 holds the config address (dword accesses only); 0xcfc-0xcff carry
 * the data of the addressed register. A byte at 0xcf9 is not part of the
 * address register: on PIIX it is the reset control register, forwarded.
 */
#include "hw/i440fx.h"
#include "migration/vmstate.h"
#include "hw/hotmem-pc.h"
#include "hotmem/io.h"
#include "hotmem/util.h"

#define I440FX_PAM0        0x59     /* 0x59-0x5f: BIOS/shadow area attributes */
#define I440FX_SMRAM       0x72
#define CONFIG_ADDR_ENABLE 0x80000000u

static uint64_t config_addr_read(void *opaque, uint64_t offset, unsigned size)
{
    I440fxState *s = opaque;
    if (offset == 0 && size == 4) {
        return s->config_address;
    }
    if (offset == 1 && size == 1 && s->reset_control_read) {
        return s->reset_control_read(s->reset_control_opaque);
    }
    return ~0ULL;
}

static void config_addr_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    I440fxState *s = opaque;
    if (offset == 0 && size == 4) {
        s->config_address = (uint32_t)value & 0x80fffffcu;
    } else if (offset == 1 && size == 1 && s->reset_control_write) {
        s->reset_control_write(s->reset_control_opaque, (uint8_t)value);
    }
}

static const IoOps config_addr_ops = {
    .read = config_addr_read,
    .write = config_addr_write,
    .min_size = 1,
    .max_size = 4,
};

/* Returns the devfn addressed by 0xcf8, or -1 if disabled or not bus 0. */
static int addressed_devfn(I440fxState *s)
{
    if (!(s->config_address & CONFIG_ADDR_ENABLE) || ((s->config_address >> 16) & 0xff)) {
        return -1;
    }
    return (s->config_address >> 8) & 0xff;
}

static uint64_t config_data_read(void *opaque, uint64_t offset, unsigned size)
{
    I440fxState *s = opaque;
    int devfn = addressed_devfn(s);
    if (devfn < 0) {
        return ~0ULL;
    }
    return pci_config_read(devfn, (s->config_address & 0xfc) + offset, size);
}

static void config_data_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    I440fxState *s = opaque;
    int devfn = addressed_devfn(s);
    if (devfn >= 0) {
        pci_config_write(devfn, (s->config_address & 0xfc) + offset, (uint32_t)value, size);
    }
}

static const IoOps config_data_ops = {
    .read = config_data_read,
    .write = config_data_write,
    .min_size = 1,
    .max_size = 4,
};

void i440fx_reset(I440fxState *s)
{
    s->config_address = 0;
    for (int i = 0; i < 7; i++) {
        s->pci.config[I440FX_PAM0 + i] = 0;
    }
    s->pci.config[I440FX_SMRAM] = 0x02;
}

I440fxState *i440fx_new(GError **errp)
{
    I440fxState *s = g_new0(I440fxState, 1);
    s->pci.name = "i440fx";
    s->pci.devfn = HM_I440FX_DEVFN;
    s->pci.opaque = s;
    pci_device_init_config(&s->pci, HM_PCI_VENDOR_INTEL, HM_I440FX_DEVICE_ID, 0x0600, 0x00);
    s->pci.config[0x08] = 0x02;              /* revision */
    /* PAM and SMRAM are accepted and kept: RAM at 0xc0000-0xfffff is always
     * read/write in hotmem, so firmware that programs them works as on QEMU. */
    for (int i = 0; i < 7; i++) {
        s->pci.wmask[I440FX_PAM0 + i] = 0xff;
    }
    s->pci.wmask[I440FX_SMRAM] = 0x78;
    i440fx_reset(s);
    if (!pci_bus_register(&s->pci, errp)) {
        g_free(s);
        return NULL;
    }
    if (!io_register(IO_SPACE_PORT, HM_PCI_CONFIG_ADDR, 4, &config_addr_ops, s,
                     "pci-config-address", errp)) {
        goto fail_bus;
    }
    if (!io_register(IO_SPACE_PORT, HM_PCI_CONFIG_DATA, 4, &config_data_ops, s,
                     "pci-config-data", errp)) {
        goto fail_addr;
    }
    return s;

fail_addr:
    io_unregister(IO_SPACE_PORT, HM_PCI_CONFIG_ADDR);
fail_bus:
    pci_bus_unregister(&s->pci);
    g_free(s);
    return NULL;
}

void i440fx_free(I440fxState *s)
{
    if (!s) {
        return;
    }
    io_unregister(IO_SPACE_PORT, HM_PCI_CONFIG_DATA);
    io_unregister(IO_SPACE_PORT, HM_PCI_CONFIG_ADDR);
    pci_bus_unregister(&s->pci);
    g_free(s);
}

/* ---- migration ---- */

const VmStateDesc i440fx_vmstate = {
    .name = "i440fx",
    .version = 1,
    .min_version = 1,
    .fields = (const VmStateField[]){
        VMSTATE_BUFFER(I440fxState, pci.config),
        VMSTATE_U32(I440fxState, config_address),
        VMSTATE_END,
    },
};
