/*
 * layout.h - where the firmware keeps things in guest RAM.
 *
 * Plain #defines so that C, the assembler and the linker script (run
 * through cpp) share them. docs/specs/firmware.txt describes the map.
 * Everything below 1 MiB is free for Linux once the kernel has started:
 * it copies boot_params and the command line before it reuses low memory.
 */
#ifndef FW_LAYOUT_H
#define FW_LAYOUT_H

/* BIOS data area words Linux reads to find the end of base memory. */
#define FW_BDA_EBDA_SEG       0x40e     /* 0: there is no EBDA */
#define FW_BDA_BASE_MEM_KB    0x413     /* 639 KiB: 0x9fc00 */
#define FW_BASE_MEM_END       0x9fc00   /* start of the reserved legacy hole */
#define FW_LEGACY_END         0x100000

/* Application-processor start page (real mode, SIPI vector = addr >> 12):
 * code at +0; a ticket counter that hands each AP a slot; a counter of
 * APs done; one APIC ID byte per slot; then the MSR list (index, low,
 * high; index 0 ends it) every AP loads. */
#define FW_AP_TRAMPOLINE      0x8000
#define FW_AP_TICKET_OFF      0x100
#define FW_AP_DONE_OFF        0x104
#define FW_AP_IDS_OFF         0x108
#define FW_MAX_CPUS           255       /* xAPIC IDs are 8 bits */
#define FW_AP_MSRS_OFF        0x208
#define FW_AP_MSRS_MAX        64

/* Firmware .data + .bss, then the stack growing down to FW_STACK_BASE. */
#define FW_DATA_BASE          0x10000
#define FW_DATA_LIMIT         0x20000
#define FW_STACK_BASE         0x20000
#define FW_STACK_TOP          0x30000

/* Linux hand-off: the zero page and the command line. */
#define FW_BOOT_PARAMS        0x30000
#define FW_CMDLINE            0x31000
#define FW_CMDLINE_MAX        0xf000    /* bytes, NUL included */

/* The kernel's protected-mode code (32-bit boot protocol load address). */
#define FW_KERNEL_ADDR        0x100000

/* ACPI area at the top of RAM below 4 GiB: one NVS page for the FACS, then
 * the tables. 128 KiB leaves room for an SSDT with 256 memory devices. */
#define FW_ACPI_AREA_SIZE     0x20000
#define FW_ACPI_NVS_SIZE      0x1000

/* RSDP: 16-byte aligned in 0xe0000-0xfffff where OSes scan for it. */
#define FW_RSDP_ADDR          0xe0000

/* ROM addresses: the 16-bit entry must lie in the last 64 KiB, which real
 * mode reaches through CS base 0xffff0000 after reset. */
#define FW_ENTRY16_ADDR       0xfffffe00
#define FW_RESET_VECTOR       0xfffffff0

/* Flat 32-bit segments; the same GDT serves the kernel's __BOOT_CS/DS. */
#define FW_CS32               0x10
#define FW_DS32               0x18

#endif
