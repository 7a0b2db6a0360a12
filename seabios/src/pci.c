/*
 * pci.c - bus 0: BARs, interrupt lines and the PIIX4 ACPI PM function.
 *
 * I/O BARs go from 0xc000 up, 32-bit memory BARs into the hole above low
 * RAM, 64-bit memory BARs above max(RAM above 4 GiB, reserved-memory-end).
 * Each window is filled largest BAR first, so natural alignment leaves no
 * gaps. Every config access is two port exits (0xcf8 + 0xcfc), so the
 * address latch is only rewritten when it changes.
 */
#include "hw/hotmem-pc.h"
#include "e820.h"
#include "pci.h"

#define PCI_VENDOR_ID        0x00
#define PCI_COMMAND          0x04
#define PCI_HEADER_TYPE      0x0c    /* as the dword's bits 23:16 */
#define PCI_BAR0             0x10
#define PCI_INTERRUPT_LINE   0x3c    /* line, then pin at 0x3d */
#define PCI_CMD_IO           0x0001
#define PCI_CMD_MEMORY       0x0002
#define PCI_HDR_TYPE_MASK    0x7f
#define PCI_HDR_MULTIFUNC    0x80
#define PCI_BAR_IO           0x1
#define PCI_BAR_MEM_64       0x4
#define PCI_BAR_IO_MASK      0xfffffffcu
#define PCI_BAR_MEM_MASK     0xfffffff0u

#define PCI_IO_START         0xc000
#define PCI_IO_END           0x10000
/* room for hot-plugged devices: the window size the VMM keeps free below
 * the CPU's address limit when it places the memory hotplug region */
#define PCI_MEM64_MIN_SIZE   HM_PCI_MEM64_RESERVE
#define PCI_MAX_BARS         64

/* i440fx PAM: PAM0 bits 5:4 = 0xf0000-0xfffff; PAM5/PAM6 = 0xe0000-0xeffff
 * in four 16 KiB halves. 3 = reads and writes go to RAM. */
#define I440FX_PAM0          0x59
#define I440FX_PAM4          0x5c    /* PAM4-PAM6 written as one dword */
#define PAM_RW_F0000         0x30
#define PAM_RW_E0000_EFFFF   0x33330000u

/* PIRQ A-D -> ISA IRQ (= GSI). */
static const u8 pirq_irq[4] = {
    HM_PCI_PIRQA_IRQ, HM_PCI_PIRQB_IRQ, HM_PCI_PIRQC_IRQ, HM_PCI_PIRQD_IRQ,
};

enum bar_kind { BAR_IO, BAR_MEM32, BAR_MEM64 };

struct pci_bar {
    u8 devfn;
    u8 reg;                 /* config offset of the BAR */
    u8 kind;
    u64 size;
};

static struct pci_bar bars[PCI_MAX_BARS];
static u32 bar_count;
static u32 cf8_latch;

static void pci_addr(u8 devfn, u8 reg)
{
    u32 addr = 0x80000000u | (u32)devfn << 8 | (reg & 0xfc);

    if (addr != cf8_latch) {
        outl(addr, HM_PCI_CONFIG_ADDR);
        cf8_latch = addr;
    }
}

static u32 pci_read32(u8 devfn, u8 reg)
{
    pci_addr(devfn, reg);
    return inl(HM_PCI_CONFIG_DATA);
}

static void pci_write32(u8 devfn, u8 reg, u32 v)
{
    pci_addr(devfn, reg);
    outl(v, HM_PCI_CONFIG_DATA);
}

static void pci_write16(u8 devfn, u8 reg, u16 v)
{
    pci_addr(devfn, reg);
    outw(v, HM_PCI_CONFIG_DATA + (reg & 2));
}

static void pci_write8(u8 devfn, u8 reg, u8 v)
{
    pci_addr(devfn, reg);
    outb(v, HM_PCI_CONFIG_DATA + (reg & 3));
}

/* Sizes one BAR; returns the number of BAR registers it uses (1 or 2).
 * The type bits are read-only, so the all-ones read-back shows them too. */
static int pci_probe_bar(u8 devfn, u8 reg, int max_regs)
{
    u32 lo, hi = ~0u;
    u64 mask;
    int kind;

    pci_write32(devfn, reg, ~0u);
    lo = pci_read32(devfn, reg);
    if (lo & PCI_BAR_IO) {
        kind = BAR_IO;
        lo &= PCI_BAR_IO_MASK;
        hi = lo ? ~0u : 0;
        lo |= lo ? 0xffff0000u : 0;     /* some decode only 16 bits */
    } else if ((lo & PCI_BAR_MEM_64) && max_regs > 1) {
        kind = BAR_MEM64;
        lo &= PCI_BAR_MEM_MASK;
        pci_write32(devfn, reg + 4, ~0u);
        hi = pci_read32(devfn, reg + 4);
    } else {
        kind = BAR_MEM32;
        lo &= PCI_BAR_MEM_MASK;
        hi = lo ? ~0u : 0;
    }
    mask = (u64)hi << 32 | lo;
    if (mask) {
        if (bar_count >= PCI_MAX_BARS)
            fatal("too many PCI BARs on bus 0", bar_count);
        bars[bar_count].devfn = devfn;
        bars[bar_count].reg = reg;
        bars[bar_count].kind = kind;
        bars[bar_count].size = -mask;
        bar_count++;
    }
    return kind == BAR_MEM64 ? 2 : 1;
}

/* The PIIX wiring rotates a slot's INTA-D over PIRQ A-D: slot 1 INTA is
 * PIRQA, slot 2 INTA is PIRQB, ... */
u8 pci_intx_irq(u8 slot, u8 pin)
{
    return pirq_irq[(slot - 1 + pin - 1) & 3];
}

/* Records the device's IRQ for the OS (the SSDT's _PRT says the same). */
static void pci_set_irq(u8 devfn)
{
    u32 v = pci_read32(devfn, PCI_INTERRUPT_LINE);
    u8 pin = (v >> 8) & 0xff;

    if (pin >= 1 && pin <= 4)
        pci_write8(devfn, PCI_INTERRUPT_LINE, pci_intx_irq(devfn >> 3, pin));
}

static void pci_probe_device(u8 devfn, u32 hdr_type)
{
    int reg, nbars = hdr_type == 0 ? 6 : hdr_type == 1 ? 2 : 0;
    u32 cmd = pci_read32(devfn, PCI_COMMAND) & 0xffff;

    /* No decoding while the BARs hold all-ones. */
    if (nbars && (cmd & (PCI_CMD_IO | PCI_CMD_MEMORY)))
        pci_write16(devfn, PCI_COMMAND, cmd & ~(PCI_CMD_IO | PCI_CMD_MEMORY));
    for (reg = 0; reg < nbars; )
        reg += pci_probe_bar(devfn, PCI_BAR0 + 4 * reg, nbars - reg);
    pci_set_irq(devfn);
}

static void pci_enumerate(void)
{
    u32 id, hdr;
    int devfn;

    for (devfn = 0; devfn < 256; devfn++) {
        id = pci_read32(devfn, PCI_VENDOR_ID);
        if ((id & 0xffff) == 0xffff || (id & 0xffff) == 0) {
            if (!(devfn & 7))
                devfn += 7;         /* no function 0: empty slot */
            continue;
        }
        hdr = pci_read32(devfn, PCI_HEADER_TYPE) >> 16;
        pci_probe_device(devfn, hdr & PCI_HDR_TYPE_MASK);
        if (!(devfn & 7) && !(hdr & PCI_HDR_MULTIFUNC))
            devfn += 7;
    }
}

/* Assigns every BAR of one kind from [*next, end), largest first. */
static void pci_assign(int kind, u64 *next, u64 end)
{
    u32 i, best;
    u8 done[PCI_MAX_BARS] = { 0 };
    u64 addr;

    for (;;) {
        best = bar_count;
        for (i = 0; i < bar_count; i++) {
            if (!done[i] && bars[i].kind == kind &&
                (best == bar_count || bars[i].size > bars[best].size))
                best = i;
        }
        if (best == bar_count)
            return;
        done[best] = 1;
        addr = ALIGN_UP(*next, bars[best].size);
        if (addr + bars[best].size > end)
            fatal("PCI window full, BAR size", bars[best].size);
        *next = addr + bars[best].size;
        pci_write32(bars[best].devfn, bars[best].reg,
                    (u32)addr | (kind == BAR_MEM64 ? PCI_BAR_MEM_64 : 0));
        if (kind == BAR_MEM64)
            pci_write32(bars[best].devfn, bars[best].reg + 4, addr >> 32);
    }
}

static u64 pci_kind_total(int kind)
{
    u64 total = 0;
    u32 i;

    for (i = 0; i < bar_count; i++) {
        if (bars[i].kind == kind)
            total += bars[i].size;
    }
    return total;
}

/* One command-register update per device (its BARs are listed together). */
static void pci_enable_decoding(void)
{
    u32 i, cmd, bits = 0;

    for (i = 0; i < bar_count; i++) {
        bits |= bars[i].kind == BAR_IO ? PCI_CMD_IO : PCI_CMD_MEMORY;
        if (i + 1 < bar_count && bars[i + 1].devfn == bars[i].devfn)
            continue;
        cmd = pci_read32(bars[i].devfn, PCI_COMMAND) & 0xffff;
        pci_write16(bars[i].devfn, PCI_COMMAND, cmd | bits);
        bits = 0;
    }
}

/*
 * The 64-bit window: above all RAM and the hotplug region, 1 GiB aligned,
 * at least PCI_MEM64_MIN_SIZE, never past what the CPU can address nor
 * into a range the VMM's e820 lists (QEMU reserves one below 1 TiB).
 */
static void pci_mem64_window(struct fw_info *fw)
{
    u64 start = ALIGN_UP(MAX(fw->high_ram_end, fw->reserved_mem_end), GiB);
    u64 end = start + MAX(ALIGN_UP(pci_kind_total(BAR_MEM64), GiB),
                          PCI_MEM64_MIN_SIZE);
    const HmE820Entry *map;
    u32 i, n;

    end = MIN(end, 1ull << fw->phys_bits);
    map = e820_get(&n);
    for (i = 0; i < n; i++) {
        if (map[i].addr + map[i].size > start && map[i].addr < end)
            end = MAX(start, map[i].addr);
    }
    fw->pci_mem64_start = start;
    fw->pci_mem64_end = MAX(start, end);
}

/* PIIX4 function 3: PM registers at HM_PM_BASE, then ACPI mode on. */
static void piix4_pm_setup(void)
{
    u8 devfn = HM_PIIX4_PM_DEVFN;
    u32 id = pci_read32(devfn, PCI_VENDOR_ID);

    if (id != (HM_PIIX4_PM_DEVICE_ID << 16 | HM_PCI_VENDOR_INTEL))
        fatal("no PIIX4 PM at 00:01.3, id", id);
    pci_write32(devfn, HM_PIIX4_PMBA, HM_PM_BASE | 1);
    pci_write8(devfn, HM_PIIX4_PMREGMISC, 1);
    outw(HM_PM1_CNT_SCI_EN, HM_PM_BASE + HM_PM1A_CNT_OFF);
}

void i440fx_bios_area_writable(void)
{
    pci_write8(HM_I440FX_DEVFN, I440FX_PAM0, PAM_RW_F0000);
    pci_write32(HM_I440FX_DEVFN, I440FX_PAM4, PAM_RW_E0000_EFFFF);
}

void pci_setup(struct fw_info *fw)
{
    u64 next;

    pci_write32(HM_PIIX3_DEVFN, HM_PIIX3_PIRQRC,
                pirq_irq[0] | pirq_irq[1] << 8 | pirq_irq[2] << 16 |
                (u32)pirq_irq[3] << 24);
    pci_enumerate();

    next = PCI_IO_START;
    pci_assign(BAR_IO, &next, PCI_IO_END);
    fw->pci_mem32_end = HM_IOAPIC_BASE;
    next = fw->pci_mem32_start;
    pci_assign(BAR_MEM32, &next, fw->pci_mem32_end);
    pci_mem64_window(fw);
    next = fw->pci_mem64_start;
    pci_assign(BAR_MEM64, &next, fw->pci_mem64_end);
    pci_enable_decoding();

    piix4_pm_setup();
}
