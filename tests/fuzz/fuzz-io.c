/*
 * fuzz-io.c - a hostile guest and a busy host at once: the input is a
 * program of guest port I/O and MMIO accesses to every device of the PC
 * machine (through io_dispatch, as the vCPU exit path does), with host-side
 * device_add / device_del / reset / console input mixed in. After every
 * step the DIMM invariant of fuzz-machine.h is checked, and a reset the
 * guest asked for (0xcf9, 0x64) is carried out as the main loop would.
 *
 * Program format: a sequence of steps, each an opcode byte followed by its
 * operands (little-endian; an input that ends early reads zeros). See
 * enum Op below; tests/fuzz/fuzz-io.dict names the opcodes.
 */
#include "tests/fuzz/fuzz-machine.h"
#include "hw/hotmem-pc.h"
#include "hotmem/io.h"

#include <string.h>

#define MAX_STEPS 4096

typedef enum Op {
    OP_OUT,            /* dev u8, offset u8, size u8, value u32 */
    OP_IN,             /* dev u8, offset u8, size u8 */
    OP_OUT_ANY,        /* port u16, size u8, value u32 */
    OP_IN_ANY,         /* port u16, size u8 */
    OP_MMIO,           /* addr u64, write u8, size u8, value u64 */
    OP_PLUG_DECLARED,  /* id u8 */
    OP_PLUG_PC_DIMM,   /* id u8, size u8 (x128 MiB; 0: u64 follows), node u8, slot u8, addr u8 */
    OP_UNPLUG,         /* id u8 */
    OP_RESET,
    OP_RAM_WRITE,      /* offset u32, len u8, bytes */
    OP_FW_CFG_DMA,     /* desc u16 (x16), control u32, length u32, addr u32, hi u8 */
    OP_MEMHP,          /* slot u8, reg u8, value u32: select, then one write (the AML's way) */
    OP_SERIAL_RX,      /* len u8, bytes */
    OP_POWER_BUTTON,
    OP_GPE_RAISE,      /* bit u8 */
    OP_PCI_CONFIG,     /* devfn u8, offset u8, size u8, write u8, value u32 */
    OP_COUNT
} Op;

/* The devices' register ranges (the PM block is where the guest put it;
 * HM_PM_BASE is where the firmware puts it). */
static const struct {
    uint16_t base, len;
} devs[] = {
    { HM_SERIAL0_BASE, 8 },
    { HM_CMOS_BASE, 2 },
    { HM_KBD_DATA_PORT, 1 },
    { HM_KBD_CMD_PORT, 1 },
    { HM_FW_EVENT_PORT, 1 },
    { HM_PCI_CONFIG_ADDR, 4 },
    { HM_PCI_CONFIG_DATA, 4 },
    { HM_RESET_CONTROL_PORT, 1 },
    { HM_PM_BASE, HM_PM_LEN },
    { HM_GPE0_BASE, HM_GPE0_LEN },
    { HM_MEMHP_BASE, HM_MEMHP_LEN },
    { HM_FW_CFG_PORT_SEL, 2 },
    { HM_FW_CFG_PORT_DMA, 8 },
};

/* declared slots, pc-dimm names, and names nothing has */
static const char *const ids[] = { FUZZ_DECLARED_IDS, "p0", "p1", "p2", "p3", "", "nope" };

static const unsigned port_sizes[] = { 1, 2, 4 };

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_process_init();
    return 0;
}

static void port_out(uint16_t port, uint32_t value, unsigned size)
{
    uint8_t d[8] = { 0 };
    for (unsigned i = 0; i < size; i++) {
        d[i] = (uint8_t)(value >> (8 * i));
    }
    io_dispatch(IO_SPACE_PORT, port, d, size, true);
}

static uint32_t port_in(uint16_t port, unsigned size)
{
    uint8_t d[8] = { 0 };
    io_dispatch(IO_SPACE_PORT, port, d, size, false);
    uint32_t v = 0;
    for (unsigned i = 0; i < size; i++) {
        v |= (uint32_t)d[i] << (8 * i);
    }
    return v;
}

static void put_be32(uint8_t *p, uint32_t v)
{
    v = GUINT32_TO_BE(v);
    memcpy(p, &v, 4);
}

static const char *take_id(FuzzInput *in)
{
    return ids[fuzz_take(in, 1) % G_N_ELEMENTS(ids)];
}

static void plug_pc_dimm(FuzzMachine *m, FuzzInput *in)
{
    const char *id = take_id(in);
    uint64_t size = fuzz_take(in, 1) * HM_DIMM_SIZE_UNIT;
    if (!size) {
        size = fuzz_take(in, 8);
    }
    /* the backend named after the DIMM: made here unless it exists */
    g_autofree char *memdev = g_strdup_printf("mem-%s", id);
    if (!hostmem_find(memdev)) {
        HostMemOptions opts;
        hostmem_options_default(&opts, HOSTMEM_KIND_RAM);
        GError *berr = NULL;
        if (!hostmem_add(memdev, size, &opts, &berr)) {
            g_assert(berr && berr->message[0]);
            g_error_free(berr);
            return;
        }
    }
    unsigned node = fuzz_take(in, 1) % 4;
    unsigned slot = fuzz_take(in, 1);
    slot = slot == 0xff ? DIMM_SLOT_AUTO : slot % 8;
    unsigned amode = fuzz_take(in, 1);
    uint64_t addr = DIMM_ADDR_AUTO;
    if (amode == 1) {
        addr = fuzz_take(in, 8);
    } else if (amode > 1) {
        addr = m->dimms->bus->region_base + (uint64_t)(amode - 2) * HM_DIMM_SIZE_UNIT;
    }
    GError *err = NULL;
    if (!pc_dimms_hotplug_pc_dimm(m->dimms, id, memdev, node, slot, addr, &err)) {
        g_assert(err && err->message[0]);
        g_error_free(err);
    }
}

static void fw_cfg_dma(FuzzMachine *m, FuzzInput *in)
{
    uint32_t desc = (uint32_t)fuzz_take(in, 2) * 16 % FUZZ_LOW_RAM_SIZE;
    uint32_t control = fuzz_take(in, 4);
    uint32_t length = fuzz_take(in, 4);
    uint32_t addr = fuzz_take(in, 4);
    uint8_t hi = fuzz_take(in, 1);
    /* a descriptor that may run past the end of RAM: only the part inside */
    uint8_t d[16] = { 0 };
    put_be32(d, control);
    put_be32(d + 4, length);
    put_be32(d + 8, hi);
    put_be32(d + 12, addr);
    memcpy(m->low_ram + desc, d, MIN(sizeof(d), FUZZ_LOW_RAM_SIZE - desc));
    uint64_t desc_addr = desc | (hi & 0x80 ? (uint64_t)hi << 32 : 0);
    if (hi & 1) {
        uint8_t b[8];
        uint64_t be = GUINT64_TO_BE(desc_addr);
        memcpy(b, &be, 8);
        io_dispatch(IO_SPACE_PORT, HM_FW_CFG_PORT_DMA, b, 8, true);
    } else {
        port_out(HM_FW_CFG_PORT_DMA, GUINT32_TO_BE((uint32_t)(desc_addr >> 32)), 4);
        port_out(HM_FW_CFG_PORT_DMA + 4, GUINT32_TO_BE((uint32_t)desc_addr), 4);
    }
}

static void memhp(FuzzInput *in)
{
    static const uint8_t regs[] = {
        HM_MEMHP_CONTROL, HM_MEMHP_OST_EVENT, HM_MEMHP_OST_STATUS, HM_MEMHP_POWER_STATE,
        HM_MEMHP_STATUS, HM_MEMHP_ADDR_LO, HM_MEMHP_NEXT_PENDING,
    };
    port_out(HM_MEMHP_BASE + HM_MEMHP_SELECTOR, fuzz_take(in, 1), 4);
    uint8_t reg = regs[fuzz_take(in, 1) % G_N_ELEMENTS(regs)];
    uint32_t value = fuzz_take(in, 4);
    if (reg == HM_MEMHP_STATUS || reg == HM_MEMHP_ADDR_LO) {
        port_in(HM_MEMHP_BASE + reg, 4);
        if (reg == HM_MEMHP_STATUS) {
            port_out(HM_MEMHP_BASE + HM_MEMHP_CONTROL, value & 0xe, 1);
        }
    } else {
        port_out(HM_MEMHP_BASE + reg, value, 4);
    }
}

static void pci_config(FuzzInput *in)
{
    unsigned devfn = fuzz_take(in, 1);
    unsigned off = fuzz_take(in, 1);
    unsigned size = port_sizes[fuzz_take(in, 1) % 3];
    bool write = fuzz_take(in, 1) & 1;
    uint32_t value = fuzz_take(in, 4);
    port_out(HM_PCI_CONFIG_ADDR, 0x80000000u | devfn << 8 | (off & 0xfc), 4);
    if (write) {
        port_out(HM_PCI_CONFIG_DATA + (off & 3), value, size);
    } else {
        port_in(HM_PCI_CONFIG_DATA + (off & 3), size);
    }
}

static void step(FuzzMachine *m, FuzzInput *in)
{
    GError *err = NULL;
    Op op = (Op)(fuzz_take(in, 1) % OP_COUNT);
    switch (op) {
    case OP_OUT:
    case OP_IN: {
        bool write = op == OP_OUT;
        unsigned dev = fuzz_take(in, 1) % G_N_ELEMENTS(devs);
        uint16_t port = devs[dev].base + fuzz_take(in, 1) % devs[dev].len;
        unsigned size = port_sizes[fuzz_take(in, 1) % 3];
        if (write) {
            port_out(port, fuzz_take(in, 4), size);
        } else {
            port_in(port, size);
        }
        break;
    }
    case OP_OUT_ANY: {
        uint16_t port = fuzz_take(in, 2);
        unsigned size = port_sizes[fuzz_take(in, 1) % 3];
        port_out(port, fuzz_take(in, 4), size);
        break;
    }
    case OP_IN_ANY: {
        uint16_t port = fuzz_take(in, 2);
        port_in(port, port_sizes[fuzz_take(in, 1) % 3]);
        break;
    }
    case OP_MMIO: {
        uint64_t addr = fuzz_take(in, 8);
        bool write = fuzz_take(in, 1) & 1;
        unsigned size = 1 + fuzz_take(in, 1) % 8;
        uint64_t value = fuzz_take(in, 8);
        uint8_t d[8];
        memcpy(d, &value, 8);
        io_dispatch(IO_SPACE_MMIO, addr, d, size, write);
        break;
    }
    case OP_PLUG_DECLARED:
        if (!pc_dimms_hotplug_declared(m->dimms, take_id(in), &err)) {
            g_assert(err && err->message[0]);
            g_clear_error(&err);
        }
        break;
    case OP_PLUG_PC_DIMM:
        plug_pc_dimm(m, in);
        break;
    case OP_UNPLUG:
        if (!pc_dimms_unplug_request(m->dimms, take_id(in), &err)) {
            g_assert(err && err->message[0]);
            g_clear_error(&err);
        }
        break;
    case OP_RESET:
        fuzz_machine_reset(m);
        break;
    case OP_RAM_WRITE: {
        uint32_t off = fuzz_take(in, 4) % FUZZ_LOW_RAM_SIZE;
        size_t len = fuzz_take(in, 1);      /* not inside MIN(): it takes input */
        len = MIN(MIN(len, in->left), (size_t)(FUZZ_LOW_RAM_SIZE - off));
        memcpy(m->low_ram + off, in->p, len);
        in->p += len;
        in->left -= len;
        break;
    }
    case OP_FW_CFG_DMA:
        fw_cfg_dma(m, in);
        break;
    case OP_MEMHP:
        memhp(in);
        break;
    case OP_SERIAL_RX: {
        size_t len = fuzz_take(in, 1);
        len = MIN(len, in->left);
        serial_receive(m->serial, in->p, len);
        in->p += len;
        in->left -= len;
        break;
    }
    case OP_POWER_BUTTON:
        acpi_piix4_power_button(m->pm);
        break;
    case OP_GPE_RAISE:
        acpi_piix4_gpe_raise(m->pm, fuzz_take(in, 1) % 16);
        break;
    case OP_PCI_CONFIG:
        pci_config(in);
        break;
    case OP_COUNT:
        break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the monitor attached: the guest's _OST and ejects reach its records */
    FuzzMachine *m = fuzz_machine_new(FUZZ_MACHINE_DEVICES | FUZZ_MACHINE_MONITOR);
    FuzzInput in = { data, size };
    device_lock();
    fuzz_dimms_check(m->dimms);
    for (unsigned n = 0; in.left && n < MAX_STEPS; n++) {
        step(m, &in);
        fuzz_machine_service_requests(m);
        fuzz_dimms_check(m->dimms);
    }
    device_unlock();
    fuzz_machine_free(m);
    return 0;
}
