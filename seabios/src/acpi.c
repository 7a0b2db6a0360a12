/*
 * acpi.c - builds the ACPI tables, one function per table.
 *
 * The tables live in the ACPI area at the top of low RAM (reported to the
 * OS as ACPI/NVS in e820): the FACS in its NVS page, then DSDT, FADT, MADT,
 * SSDT, SRAT (when there is NUMA or a DIMM slot), XSDT and RSDT. The RSDP goes to FW_RSDP_ADDR in the BIOS area, where
 * OSes scan for it, and into boot_params. docs/specs/acpi-tables.txt lists
 * every field that matters.
 */
#include "hw/hotmem-pc.h"
#include "layout.h"
#include "aml.h"
#include "pci.h"
#include "hpmem.h"
#include "ssdt-memhp.h"
#include "acpi.h"

#define ACPI_OEM_ID             "HOTMEM"
#define ACPI_OEM_TABLE_PREFIX   "HMPC"      /* + the 4-char signature */
#define ACPI_OEM_REVISION       1
#define ACPI_CREATOR_ID         "HMFW"
#define ACPI_CREATOR_REVISION   1

#define ACPI_GAS_SYSTEM_IO      1
#define ACPI_GAS_ACCESS_BYTE    1

/* FADT flags and IA-PC boot architecture flags */
#define FADT_F_WBINVD           (1u << 0)
#define FADT_F_PROC_C1          (1u << 2)
#define FADT_F_SLP_BUTTON       (1u << 5)   /* no fixed-feature sleep button */
#define FADT_F_RESET_REG_SUP    (1u << 10)
#define FADT_F_PLATFORM_CLOCK   (1u << 15)
#define FADT_BOOT_LEGACY_DEVS   (1u << 0)   /* ISA devices: RTC, COM1 */
#define FADT_BOOT_NO_VGA        (1u << 2)
#define FADT_C2_NOT_SUPPORTED   0x0fff      /* latency > 100 us */
#define FADT_C3_NOT_SUPPORTED   0x0fff      /* latency > 1000 us */

#define MADT_PCAT_COMPAT        (1u << 0)   /* dual 8259 PICs present */
#define MADT_LAPIC_ENABLED      (1u << 0)
#define MADT_IRQ_LEVEL_HIGH     0x000d      /* active high, level */
#define MADT_IOAPIC_ID          0
#define MADT_MAX_OVERRIDES      8

#define PCI_SLOTS               32

#define SSDT_REVISION           2           /* 64-bit AML integers */

#define SRAT_REVISION           3           /* ACPI 5.1+ layout */
#define SRAT_CPU_ENABLED        (1u << 0)
#define SRAT_MEM_ENABLED        (1u << 0)
#define SRAT_MEM_HOTPLUGGABLE   (1u << 1)
#define SRAT_LEGACY_HOLE_START  0xa0000     /* VGA window and BIOS area */

extern const u8 dsdt_aml[], dsdt_aml_end[];

_Static_assert(sizeof(struct acpi_header) == 36, "ACPI header layout");
_Static_assert(sizeof(struct acpi_rsdp) == 36, "RSDP layout");
_Static_assert(sizeof(struct acpi_facs) == 64, "FACS layout");
_Static_assert(sizeof(struct acpi_fadt) == 244, "FADT rev 3 layout");
_Static_assert(sizeof(struct acpi_srat) == 48, "SRAT layout");
_Static_assert(sizeof(struct srat_cpu_affinity) == 16, "SRAT CPU entry");
_Static_assert(sizeof(struct srat_mem_affinity) == 40, "SRAT memory entry");

/* Bump allocator over the ACPI area, past the NVS page. */
struct acpi_area {
    u32 next;
    u32 end;
};

static void *acpi_alloc(struct acpi_area *a, u32 size, u32 align)
{
    u32 addr = ALIGN_UP(a->next, align);

    if (addr + size > a->end || addr + size < addr)
        fatal("ACPI area full, table size", size);
    a->next = addr + size;
    memset((void *)addr, 0, size);
    return (void *)addr;
}

static u8 acpi_checksum(const void *p, u32 len)
{
    const u8 *b = p;
    u8 sum = 0;

    while (len--)
        sum += *b++;
    return -sum;
}

/* The shared header; call acpi_table_done() once the length is final. */
static void acpi_header_init(struct acpi_header *h, const char *sig, u8 rev)
{
    memcpy(h->signature, sig, 4);
    h->revision = rev;
    memcpy(h->oem_id, ACPI_OEM_ID, 6);
    memcpy(h->oem_table_id, ACPI_OEM_TABLE_PREFIX, 4);
    memcpy(h->oem_table_id + 4, sig, 4);
    h->oem_revision = ACPI_OEM_REVISION;
    memcpy(h->creator_id, ACPI_CREATOR_ID, 4);
    h->creator_revision = ACPI_CREATOR_REVISION;
}

static void acpi_table_done(struct acpi_header *h, u32 length)
{
    h->length = length;
    h->checksum = 0;
    h->checksum = acpi_checksum(h, length);
}

/* 64-byte aligned, in the NVS page: the OS writes its waking vector and
 * the global lock here. No checksum. */
static struct acpi_facs *build_facs(struct fw_info *fw)
{
    struct acpi_facs *facs = (struct acpi_facs *)fw->acpi_base;

    memset(facs, 0, FW_ACPI_NVS_SIZE);
    memcpy(facs->signature, "FACS", 4);
    facs->length = sizeof(*facs);
    facs->version = 1;
    return facs;
}

/* Static AML compiled by iasl at build time (src/dsdt.dsl). */
static struct acpi_header *build_dsdt(struct acpi_area *a)
{
    u32 len = dsdt_aml_end - dsdt_aml;
    struct acpi_header *dsdt = acpi_alloc(a, len, 16);

    memcpy(dsdt, dsdt_aml, len);
    return dsdt;
}

static void gas_io(struct acpi_gas *g, u16 port, u8 len)
{
    g->space_id = ACPI_GAS_SYSTEM_IO;
    g->bit_width = 8 * len;
    g->address = port;
}

static struct acpi_header *build_fadt(struct acpi_area *a,
                                      struct acpi_facs *facs,
                                      struct acpi_header *dsdt)
{
    struct acpi_fadt *f = acpi_alloc(a, sizeof(*f), 16);

    acpi_header_init(&f->header, "FACP", 3);
    /* 32-bit FACS pointer only: with both set, ACPICA maps it twice. */
    f->firmware_ctrl = (u32)facs;
    f->dsdt = (u32)dsdt;
    f->x_dsdt = (u32)dsdt;
    f->sci_int = HM_SCI_IRQ;
    f->smi_cmd = 0;                     /* no SMM: always in ACPI mode */

    f->pm1a_evt_blk = HM_PM_BASE + HM_PM1A_EVT_OFF;
    f->pm1_evt_len = 4;
    gas_io(&f->x_pm1a_evt_blk, f->pm1a_evt_blk, f->pm1_evt_len);
    f->pm1a_cnt_blk = HM_PM_BASE + HM_PM1A_CNT_OFF;
    f->pm1_cnt_len = 2;
    gas_io(&f->x_pm1a_cnt_blk, f->pm1a_cnt_blk, f->pm1_cnt_len);
    f->pm_tmr_blk = HM_PM_BASE + HM_PM_TMR_OFF;
    f->pm_tmr_len = 4;                  /* 24-bit counter: no TMR_VAL_EXT */
    gas_io(&f->x_pm_tmr_blk, f->pm_tmr_blk, f->pm_tmr_len);
    f->gpe0_blk = HM_GPE0_BASE;
    f->gpe0_blk_len = HM_GPE0_LEN;
    gas_io(&f->x_gpe0_blk, f->gpe0_blk, f->gpe0_blk_len);

    f->p_lvl2_lat = FADT_C2_NOT_SUPPORTED;
    f->p_lvl3_lat = FADT_C3_NOT_SUPPORTED;
    f->century = 0;                     /* no CMOS century byte */
    f->iapc_boot_arch = FADT_BOOT_LEGACY_DEVS | FADT_BOOT_NO_VGA;
    f->flags = FADT_F_WBINVD | FADT_F_PROC_C1 | FADT_F_SLP_BUTTON |
               FADT_F_RESET_REG_SUP | FADT_F_PLATFORM_CLOCK;

    gas_io(&f->reset_reg, HM_RESET_CONTROL_PORT, 1);
    f->reset_reg.access_size = ACPI_GAS_ACCESS_BYTE;
    f->reset_value = HM_RESET_CONTROL_VALUE;

    acpi_table_done(&f->header, sizeof(*f));
    return &f->header;
}

/* ISA IRQs that are not edge/high on their own pin: the PIT's IRQ0 is
 * wired to pin 2; the SCI and the PCI INTx IRQs are level/high. */
static u32 madt_overrides(struct madt_irq_override *iso)
{
    u8 level_high[] = {
        HM_SCI_IRQ, HM_PCI_PIRQA_IRQ, HM_PCI_PIRQB_IRQ, HM_PCI_PIRQC_IRQ,
        HM_PCI_PIRQD_IRQ,
    };
    u32 n = 0, i, j;

    iso[n].source = 0;
    iso[n++].gsi = 2;
    for (i = 0; i < ARRAY_SIZE(level_high); i++) {
        for (j = 1; j < n && iso[j].source != level_high[i]; j++)
            ;
        if (j < n)
            continue;                   /* already listed */
        iso[n].source = level_high[i];
        iso[n].gsi = level_high[i];
        iso[n++].flags = MADT_IRQ_LEVEL_HIGH;
    }
    for (i = 0; i < n; i++) {
        iso[i].type = 2;
        iso[i].length = sizeof(*iso);
    }
    return n;
}

static struct acpi_header *build_madt(struct acpi_area *a, struct fw_info *fw)
{
    u32 len = sizeof(struct acpi_madt) +
              fw->nb_cpus * sizeof(struct madt_lapic) +
              sizeof(struct madt_ioapic) +
              MADT_MAX_OVERRIDES * sizeof(struct madt_irq_override);
    struct acpi_madt *madt = acpi_alloc(a, len, 16);
    struct madt_lapic *lapic = (struct madt_lapic *)(madt + 1);
    struct madt_ioapic *ioapic;
    struct madt_irq_override *iso;
    u32 i;

    acpi_header_init(&madt->header, "APIC", 3);
    madt->lapic_addr = HM_LAPIC_BASE;
    madt->flags = MADT_PCAT_COMPAT;

    for (i = 0; i < fw->nb_cpus; i++, lapic++) {
        lapic->type = 0;
        lapic->length = sizeof(*lapic);
        lapic->processor_uid = i;
        lapic->apic_id = fw->apic_ids[i];
        lapic->flags = MADT_LAPIC_ENABLED;
    }
    ioapic = (struct madt_ioapic *)lapic;
    ioapic->type = 1;
    ioapic->length = sizeof(*ioapic);
    ioapic->id = MADT_IOAPIC_ID;
    ioapic->address = HM_IOAPIC_BASE;
    ioapic->gsi_base = 0;
    iso = (struct madt_irq_override *)(ioapic + 1);
    iso += madt_overrides(iso);

    len = (u8 *)iso - (u8 *)madt;
    a->next = (u32)iso;                 /* give back the unused overrides */
    acpi_table_done(&madt->header, len);
    return &madt->header;
}

/* PCI0's resource windows, as the firmware assigned them (pci.c). */
static void ssdt_pci0_crs(struct aml_buf *b, struct fw_info *fw)
{
    aml_name_decl(b, "_CRS");
    aml_resource_template(b);
    aml_word_bus_number(b, 0x00, 0xff);
    aml_io(b, HM_PCI_CONFIG_ADDR, HM_PCI_CONFIG_ADDR, 1, 8);
    aml_dword_io(b, 0x0000, 0x0cf7);
    aml_dword_io(b, 0x0d00, 0xffff);
    aml_dword_memory(b, 0xa0000, 0xbffff, 1);
    aml_dword_memory(b, fw->pci_mem32_start, fw->pci_mem32_end - 1, 0);
    if (fw->pci_mem64_end > fw->pci_mem64_start)
        aml_qword_memory(b, fw->pci_mem64_start, fw->pci_mem64_end - 1, 0);
    aml_end(b);
}

/*
 * PCI0's interrupt routing: every slot's INTA-D to its GSI directly (no
 * link devices: the routing is fixed). The GSIs equal the ISA IRQs, so
 * the table holds in PIC mode too.
 */
static void ssdt_pci0_prt(struct aml_buf *b)
{
    u32 slot, pin;

    aml_name_decl(b, "_PRT");
    aml_package(b, (PCI_SLOTS - 1) * 4);
    for (slot = 1; slot < PCI_SLOTS; slot++) {
        for (pin = 0; pin < 4; pin++) {
            aml_package(b, 4);
            aml_integer(b, slot << 16 | 0xffff);    /* any function */
            aml_integer(b, pin);
            aml_integer(b, 0);                      /* no link device */
            aml_integer(b, pci_intx_irq(slot, pin + 1));
            aml_end(b);
        }
    }
    aml_end(b);
}

/* Run-time AML: everything that depends on the machine's configuration. */
static struct acpi_header *build_ssdt(struct acpi_area *a, struct fw_info *fw)
{
    struct acpi_header *ssdt = acpi_alloc(a, sizeof(*ssdt), 16);
    struct aml_buf b;
    u32 len;

    aml_init(&b, ssdt + 1, a->end - a->next);
    aml_scope(&b, "\\_SB.PCI0");
    ssdt_pci0_crs(&b, fw);
    ssdt_pci0_prt(&b);
    aml_end(&b);
    ssdt_memory_devices(&b, fw);
    len = aml_finish(&b);
    if (!len)
        fatal("SSDT AML does not fit, bytes", b.len);
    a->next += len;

    acpi_header_init(ssdt, "SSDT", SSDT_REVISION);
    acpi_table_done(ssdt, sizeof(*ssdt) + len);
    return ssdt;
}

static struct srat_mem_affinity *srat_mem(struct acpi_area *a, u64 base,
                                          u64 len, u32 node, u32 flags)
{
    struct srat_mem_affinity *m = acpi_alloc(a, sizeof(*m), 1);

    m->type = 1;
    m->length = sizeof(*m);
    m->proximity = node;
    m->base = base;
    m->length_bytes = len;
    m->flags = flags;
    return m;
}

/*
 * RAM by node (docs/specs/fwcfg.txt, etc/numa): RAM counted in address
 * order, [0, low end) then [4 GiB, high end), is one sequence; node n owns
 * the next node_mem[n] bytes of it, the last node whatever is left. Each
 * node's share is cut at the legacy hole [0xa0000, 1 MiB) and at the PCI
 * hole, so a node has up to three entries.
 */
static void srat_ram(struct acpi_area *a, const struct fw_info *fw)
{
    const struct hpmem_info *hp = fw->hpmem;
    u64 low_end = fw->low_ram_end;
    u64 total = low_end + (fw->high_ram_end - HM_4GIB);
    const struct {
        u64 seq, end, addr;     /* [seq, end) of the sequence is at addr */
    } pieces[] = {
        { 0, SRAT_LEGACY_HOLE_START, 0 },
        { FW_LEGACY_END, low_end, FW_LEGACY_END },
        { low_end, total, HM_4GIB },
    };
    u64 pos = 0, len, s, e;
    u32 n, i;

    for (n = 0; n < hp->nodes && pos < total; n++) {
        len = n + 1 == hp->nodes ? total - pos : MIN(hp->node_mem[n],
                                                     total - pos);
        for (i = 0; i < ARRAY_SIZE(pieces); i++) {
            s = MAX(pos, pieces[i].seq);
            e = MIN(pos + len, pieces[i].end);
            if (s < e)
                srat_mem(a, pieces[i].addr + (s - pieces[i].seq), e - s, n,
                         SRAT_MEM_ENABLED);
        }
        pos += len;
    }
}

/*
 * DIMM slots: one Hot-Pluggable entry per slot with a fixed range (the
 * -dimm slots, plugged or not). The empty slots (pc-dimm, no range yet)
 * share one entry for the rest of the hotplug region, from the first
 * 1 GiB boundary after the last fixed slot, in the last node as QEMU
 * does; Linux then knows the range is hot-pluggable memory. Entries never
 * overlap: Linux refuses NUMA when two nodes' ranges do.
 */
static void srat_slots(struct acpi_area *a, const struct hpmem_info *hp)
{
    const u32 flags = SRAT_MEM_ENABLED | SRAT_MEM_HOTPLUGGABLE;
    u64 free_start = hp->region_base;
    u64 region_end = hp->region_base + hp->region_size;
    int has_empty = 0;
    u32 i;

    for (i = 0; i < hp->slot_count; i++) {
        const HmHpmemEntry *slot = &hp->slots[i];

        if (!slot->size) {
            has_empty = 1;
            continue;
        }
        srat_mem(a, slot->base, slot->size, slot->node, flags);
        free_start = MAX(free_start, ALIGN_UP(slot->base + slot->size, GiB));
    }
    if (has_empty && free_start < region_end)
        srat_mem(a, free_start, region_end - free_start, hp->nodes - 1, flags);
}

/*
 * System Resource Affinity Table: the node of each CPU and of each memory
 * range. Built when the machine has more than one node or any DIMM slot;
 * otherwise there is nothing to say that "all in node 0" does not.
 */
static struct acpi_header *build_srat(struct acpi_area *a, struct fw_info *fw)
{
    const struct hpmem_info *hp = fw->hpmem;
    struct acpi_srat *srat;
    struct srat_cpu_affinity *cpu;
    u32 i, node;

    if (hp->nodes < 2 && !hp->slot_count)
        return NULL;
    srat = acpi_alloc(a, sizeof(*srat), 16);
    acpi_header_init(&srat->header, "SRAT", SRAT_REVISION);
    srat->reserved1 = 1;
    for (i = 0; i < fw->nb_cpus; i++) {
        node = hp->cpu_node[i];
        cpu = acpi_alloc(a, sizeof(*cpu), 1);
        cpu->type = 0;
        cpu->length = sizeof(*cpu);
        cpu->proximity_lo = node;
        cpu->apic_id = fw->apic_ids[i];
        cpu->flags = SRAT_CPU_ENABLED;
    }
    srat_ram(a, fw);
    srat_slots(a, hp);
    acpi_table_done(&srat->header, a->next - (u32)srat);
    return &srat->header;
}

/* XSDT and RSDT: the same list with 8- or 4-byte entries. */
static struct acpi_header *build_root_table(struct acpi_area *a,
                                            const char *sig, u32 entry_size,
                                            struct acpi_header **tables, u32 n)
{
    u32 len = sizeof(struct acpi_header) + n * entry_size;
    struct acpi_header *t = acpi_alloc(a, len, 16);
    u8 *entry = (u8 *)(t + 1);
    u64 addr;
    u32 i;

    acpi_header_init(t, sig, 1);
    for (i = 0; i < n; i++) {
        addr = (u32)tables[i];
        memcpy(entry + i * entry_size, &addr, entry_size);  /* LE */
    }
    acpi_table_done(t, len);
    return t;
}

static struct acpi_header *build_xsdt(struct acpi_area *a,
                                      struct acpi_header **tables, u32 n)
{
    return build_root_table(a, "XSDT", sizeof(u64), tables, n);
}

static struct acpi_header *build_rsdt(struct acpi_area *a,
                                      struct acpi_header **tables, u32 n)
{
    return build_root_table(a, "RSDT", sizeof(u32), tables, n);
}

/* Needs the BIOS area writable (i440fx_bios_area_writable()). */
static struct acpi_rsdp *build_rsdp(struct acpi_header *rsdt,
                                    struct acpi_header *xsdt)
{
    struct acpi_rsdp *rsdp = (struct acpi_rsdp *)FW_RSDP_ADDR;

    memset(rsdp, 0, sizeof(*rsdp));
    memcpy(rsdp->signature, "RSD PTR ", 8);
    memcpy(rsdp->oem_id, ACPI_OEM_ID, 6);
    rsdp->revision = 2;
    rsdp->rsdt = (u32)rsdt;
    rsdp->length = sizeof(*rsdp);
    rsdp->xsdt = (u32)xsdt;
    rsdp->checksum = acpi_checksum(rsdp, 20);
    rsdp->ext_checksum = acpi_checksum(rsdp, sizeof(*rsdp));
    return rsdp;
}

void acpi_setup(struct fw_info *fw)
{
    struct acpi_area area = {
        .next = fw->acpi_base + FW_ACPI_NVS_SIZE,
        .end = fw->acpi_base + FW_ACPI_AREA_SIZE,
    };
    struct acpi_header *tables[4], *dsdt, *rsdt, *xsdt, *srat;
    struct acpi_facs *facs;
    u32 n = 0;

    facs = build_facs(fw);
    dsdt = build_dsdt(&area);
    tables[n++] = build_fadt(&area, facs, dsdt);
    tables[n++] = build_madt(&area, fw);
    tables[n++] = build_ssdt(&area, fw);
    srat = build_srat(&area, fw);
    if (srat)
        tables[n++] = srat;
    xsdt = build_xsdt(&area, tables, n);
    rsdt = build_rsdt(&area, tables, n);
    fw->rsdp = (u32)build_rsdp(rsdt, xsdt);
}
