/*
 * acpi.h - ACPI table layouts (ACPI 6.x, chapter 5.2) and the builder.
 */
#ifndef FW_ACPI_H
#define FW_ACPI_H

#include "fw.h"

struct acpi_header {
    char signature[4];
    u32 length;
    u8 revision;
    u8 checksum;
    char oem_id[6];
    char oem_table_id[8];
    u32 oem_revision;
    char creator_id[4];
    u32 creator_revision;
} PACKED;

struct acpi_rsdp {
    char signature[8];
    u8 checksum;                /* first 20 bytes */
    char oem_id[6];
    u8 revision;
    u32 rsdt;
    u32 length;
    u64 xsdt;
    u8 ext_checksum;            /* all 36 bytes */
    u8 reserved[3];
} PACKED;

struct acpi_gas {               /* Generic Address Structure */
    u8 space_id;
    u8 bit_width;
    u8 bit_offset;
    u8 access_size;
    u64 address;
} PACKED;

struct acpi_facs {
    char signature[4];
    u32 length;
    u32 hardware_signature;
    u32 waking_vector;
    u32 global_lock;
    u32 flags;
    u64 x_waking_vector;
    u8 version;
    u8 reserved[3];
    u32 ospm_flags;
    u8 reserved2[24];
} PACKED;

struct acpi_fadt {              /* revision 3 (ACPI 2.0+ layout) */
    struct acpi_header header;
    u32 firmware_ctrl;
    u32 dsdt;
    u8 reserved0;
    u8 preferred_pm_profile;
    u16 sci_int;
    u32 smi_cmd;
    u8 acpi_enable;
    u8 acpi_disable;
    u8 s4bios_req;
    u8 pstate_cnt;
    u32 pm1a_evt_blk;
    u32 pm1b_evt_blk;
    u32 pm1a_cnt_blk;
    u32 pm1b_cnt_blk;
    u32 pm2_cnt_blk;
    u32 pm_tmr_blk;
    u32 gpe0_blk;
    u32 gpe1_blk;
    u8 pm1_evt_len;
    u8 pm1_cnt_len;
    u8 pm2_cnt_len;
    u8 pm_tmr_len;
    u8 gpe0_blk_len;
    u8 gpe1_blk_len;
    u8 gpe1_base;
    u8 cst_cnt;
    u16 p_lvl2_lat;
    u16 p_lvl3_lat;
    u16 flush_size;
    u16 flush_stride;
    u8 duty_offset;
    u8 duty_width;
    u8 day_alrm;
    u8 mon_alrm;
    u8 century;
    u16 iapc_boot_arch;
    u8 reserved1;
    u32 flags;
    struct acpi_gas reset_reg;
    u8 reset_value;
    u8 reserved2[3];
    u64 x_firmware_ctrl;
    u64 x_dsdt;
    struct acpi_gas x_pm1a_evt_blk;
    struct acpi_gas x_pm1b_evt_blk;
    struct acpi_gas x_pm1a_cnt_blk;
    struct acpi_gas x_pm1b_cnt_blk;
    struct acpi_gas x_pm2_cnt_blk;
    struct acpi_gas x_pm_tmr_blk;
    struct acpi_gas x_gpe0_blk;
    struct acpi_gas x_gpe1_blk;
} PACKED;

struct acpi_madt {
    struct acpi_header header;
    u32 lapic_addr;
    u32 flags;
} PACKED;

struct madt_lapic {             /* type 0 */
    u8 type;
    u8 length;
    u8 processor_uid;
    u8 apic_id;
    u32 flags;
} PACKED;

struct madt_ioapic {            /* type 1 */
    u8 type;
    u8 length;
    u8 id;
    u8 reserved;
    u32 address;
    u32 gsi_base;
} PACKED;

struct madt_irq_override {      /* type 2 */
    u8 type;
    u8 length;
    u8 bus;
    u8 source;
    u32 gsi;
    u16 flags;
} PACKED;

struct acpi_srat {              /* revision 3 */
    struct acpi_header header;
    u32 reserved1;              /* 1, for backward compatibility */
    u64 reserved2;
} PACKED;

struct srat_cpu_affinity {      /* type 0: Processor Local APIC Affinity */
    u8 type;
    u8 length;
    u8 proximity_lo;            /* proximity domain bits 7:0 */
    u8 apic_id;
    u32 flags;
    u8 local_sapic_eid;
    u8 proximity_hi[3];         /* bits 31:8 */
    u32 clock_domain;
} PACKED;

struct srat_mem_affinity {      /* type 1: Memory Affinity */
    u8 type;
    u8 length;
    u32 proximity;
    u16 reserved1;
    u64 base;
    u64 length_bytes;
    u32 reserved2;
    u32 flags;
    u64 reserved3;
} PACKED;

/* Builds every table in fw->acpi_base's area and the RSDP; sets fw->rsdp. */
void acpi_setup(struct fw_info *fw);

#endif
