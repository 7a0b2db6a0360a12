/*
 * mtrr.c - memory types: default write-back, the legacy VGA window and
 * the 32-bit PCI hole uncached. Linux checks that every CPU has the same
 * MTRRs and that RAM is write-back, so the APs get the same list.
 */
#include "hw/hotmem-pc.h"
#include "cpu.h"

#define MSR_MTRR_CAP             0xfe
#define MSR_MTRR_PHYS_BASE(n)    (0x200 + 2 * (n))
#define MSR_MTRR_PHYS_MASK(n)    (0x201 + 2 * (n))
#define MSR_MTRR_FIX64K_00000    0x250
#define MSR_MTRR_FIX16K_80000    0x258
#define MSR_MTRR_FIX16K_A0000    0x259
#define MSR_MTRR_FIX4K_C0000     0x268  /* ... 0x26f: 0xc0000-0xfffff */
#define MSR_MTRR_DEF_TYPE        0x2ff

#define MTRR_CAP_VCNT_MASK       0xff
#define MTRR_DEF_FIXED_ENABLE    (1u << 10)
#define MTRR_DEF_ENABLE          (1u << 11)
#define MTRR_MASK_VALID          (1u << 11)
#define MTRR_TYPE_UC             0
#define MTRR_TYPE_WB             6
#define MTRR_FIXED_ALL(t)        (0x0101010101010101ull * (t))
#define MTRR_VAR_MAX             16
#define CPUID_1_EDX_MTRR         (1u << 12)

/* Fixed ranges + (base, mask) per variable MTRR + the default type. */
static struct msr_val msrs[11 + 2 * MTRR_VAR_MAX + 1];
static u32 msr_count;

static void add_msr(u32 index, u64 v)
{
    msrs[msr_count].index = index;
    msrs[msr_count].lo = (u32)v;
    msrs[msr_count].hi = (u32)(v >> 32);
    msr_count++;
}

/* Size of the largest naturally aligned power-of-two block at start that
 * ends at or below end. */
static u64 block_size(u64 start, u64 end)
{
    u64 size = start & -start;

    while (start + size > end)
        size >>= 1;
    return size;
}

/* Number of variable MTRRs needed to cover [start, 4 GiB). */
static u32 blocks_to_4g(u64 start)
{
    u32 n = 0;

    for (; start < HM_4GIB; n++)
        start += block_size(start, HM_4GIB);
    return n;
}

/*
 * The hole starts at the end of low RAM rounded up just enough for the
 * variable MTRRs to describe it: the gap in between is unused address
 * space either way.
 */
static u64 pci_hole_start(u32 low_ram_end, u32 vcnt)
{
    u64 align, start = low_ram_end;

    for (align = MiB; align < HM_4GIB; align <<= 1) {
        start = ALIGN_UP((u64)low_ram_end, align);
        if (blocks_to_4g(start) <= vcnt)
            break;
    }
    return start;
}

const struct msr_val *mtrr_init(struct fw_info *fw, u32 *count)
{
    u32 a, b, c, d, vcnt, i, n;
    u64 start, size, phys_mask;

    cpuid(1, &a, &b, &c, &d);
    msr_count = 0;
    if (!(d & CPUID_1_EDX_MTRR)) {
        fw->pci_mem32_start = ALIGN_UP(fw->low_ram_end, MiB);
        *count = 0;
        return msrs;
    }
    vcnt = MIN(rdmsr(MSR_MTRR_CAP) & MTRR_CAP_VCNT_MASK, MTRR_VAR_MAX);
    start = pci_hole_start(fw->low_ram_end, vcnt);
    if (start >= HM_IOAPIC_BASE)
        fatal("no room for the 32-bit PCI hole above RAM end", start);
    fw->pci_mem32_start = start;

    add_msr(MSR_MTRR_FIX64K_00000, MTRR_FIXED_ALL(MTRR_TYPE_WB));
    add_msr(MSR_MTRR_FIX16K_80000, MTRR_FIXED_ALL(MTRR_TYPE_WB));
    add_msr(MSR_MTRR_FIX16K_A0000, MTRR_FIXED_ALL(MTRR_TYPE_UC));
    for (i = 0; i < 8; i++)
        add_msr(MSR_MTRR_FIX4K_C0000 + i, MTRR_FIXED_ALL(MTRR_TYPE_WB));

    phys_mask = (1ull << fw->phys_bits) - 1;
    for (n = 0; start < HM_4GIB; n++, start += size) {
        size = block_size(start, HM_4GIB);
        add_msr(MSR_MTRR_PHYS_BASE(n), start | MTRR_TYPE_UC);
        add_msr(MSR_MTRR_PHYS_MASK(n), (~(size - 1) & phys_mask) |
                MTRR_MASK_VALID);
    }
    for (; n < vcnt; n++)       /* a warm reset may have left some valid */
        add_msr(MSR_MTRR_PHYS_MASK(n), 0);
    add_msr(MSR_MTRR_DEF_TYPE, MTRR_DEF_ENABLE | MTRR_DEF_FIXED_ENABLE |
            MTRR_TYPE_WB);

    for (i = 0; i < msr_count; i++)
        wrmsr(msrs[i].index, (u64)msrs[i].hi << 32 | msrs[i].lo);
    *count = msr_count;
    return msrs;
}
