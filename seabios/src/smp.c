/*
 * smp.c - CPU facts and a single start of the application processors.
 *
 * Each AP runs the real-mode trampoline from entry.S once: it loads the
 * BSP's MTRRs, reports its APIC ID and halts with interrupts off. The OS
 * later starts it properly with INIT/SIPI. No AP ever runs C code.
 *
 * APIC IDs follow the VMM's CPU topology and may have gaps, so the MADT
 * lists the IDs the CPUs report, in ascending order (= vCPU index order).
 */
#include "hw/hotmem-pc.h"
#include "layout.h"
#include "fwcfg.h"
#include "cpu.h"

#define LAPIC_SVR              0xf0
#define LAPIC_ICR_LOW          0x300
#define LAPIC_SVR_ENABLE       0x100
#define ICR_ALL_BUT_SELF       0x000c0000
#define ICR_LEVEL_ASSERT       0x00004000
#define ICR_INIT               0x00000500
#define ICR_STARTUP            0x00000600
#define AP_WAIT_TSC            (1ull << 32)     /* ~1-2 s per attempt */

extern const char ap_trampoline[], ap_trampoline_end[];

static void lapic_write(u32 reg, u32 v)
{
    *(volatile u32 *)(u32)(HM_LAPIC_BASE + reg) = v;
}

static u8 my_apic_id(void)
{
    u32 a, b, c, d;

    cpuid(1, &a, &b, &c, &d);
    return b >> 24;
}

void cpu_init(struct fw_info *fw)
{
    u32 a, b, c, d, i;

    fw->nb_cpus = fw_cfg_read_u32(HM_FW_CFG_NB_CPUS) & 0xffff;
    if (!fw->nb_cpus)
        fw->nb_cpus = 1;
    if (fw->nb_cpus > FW_MAX_CPUS)
        fatal("too many CPUs for xAPIC IDs", fw->nb_cpus);
    /* Until the CPUs report theirs (and if some never do). */
    for (i = 0; i < fw->nb_cpus; i++)
        fw->apic_ids[i] = i;

    fw->phys_bits = 36;
    cpuid(0x80000000, &a, &b, &c, &d);
    if (a >= 0x80000008) {
        cpuid(0x80000008, &a, &b, &c, &d);
        fw->phys_bits = a & 0xff;
    }
}

static int wait_for_aps(volatile u32 *done, u32 expected)
{
    u64 start = rdtsc();

    while (*done < expected) {
        if (rdtsc() - start > AP_WAIT_TSC)
            return 0;
        cpu_relax();
    }
    return 1;
}

/* BSP first, then the APs' reports, sorted. */
static void collect_apic_ids(struct fw_info *fw, const volatile u8 *ids)
{
    u32 i, j;
    u8 t;

    fw->apic_ids[0] = my_apic_id();
    for (i = 1; i < fw->nb_cpus; i++)
        fw->apic_ids[i] = ids[i - 1];
    for (i = 1; i < fw->nb_cpus; i++) {
        t = fw->apic_ids[i];
        for (j = i; j > 0 && fw->apic_ids[j - 1] > t; j--)
            fw->apic_ids[j] = fw->apic_ids[j - 1];
        fw->apic_ids[j] = t;
    }
}

void smp_init(struct fw_info *fw, const struct msr_val *msrs, u32 n)
{
    u8 *page = (u8 *)FW_AP_TRAMPOLINE;
    volatile u32 *ticket = (volatile u32 *)(page + FW_AP_TICKET_OFF);
    volatile u32 *done = (volatile u32 *)(page + FW_AP_DONE_OFF);
    struct msr_val *list = (struct msr_val *)(page + FW_AP_MSRS_OFF);
    u32 aps = fw->nb_cpus - 1;
    u32 sipi = ICR_ALL_BUT_SELF | ICR_LEVEL_ASSERT | ICR_STARTUP |
               (FW_AP_TRAMPOLINE >> 12);

    if (!aps)
        return;
    if (n >= FW_AP_MSRS_MAX)
        fatal("too many MSRs for the APs", n);
    memcpy(page, ap_trampoline, ap_trampoline_end - ap_trampoline);
    memcpy(list, msrs, n * sizeof(*msrs));
    list[n].index = 0;
    *ticket = 0;
    *done = 0;
    barrier();

    lapic_write(LAPIC_SVR, LAPIC_SVR_ENABLE | 0xff);
    lapic_write(LAPIC_ICR_LOW, ICR_ALL_BUT_SELF | ICR_LEVEL_ASSERT | ICR_INIT);
    lapic_write(LAPIC_ICR_LOW, sipi);
    /* Virtual CPUs take the first SIPI; a second one is the SDM recipe. */
    if (!wait_for_aps(done, aps)) {
        lapic_write(LAPIC_ICR_LOW, sipi);
        if (!wait_for_aps(done, aps))
            return;             /* keep IDs 0..n-1; the OS will complain */
    }
    if (*ticket == aps)
        collect_apic_ids(fw, page + FW_AP_IDS_OFF);
}
