/*
 * hotmem-pc.h - the guest-visible numbers of the hotmem PC machine.
 *
 * Constants only (plain #defines, no types, no includes): this one file is
 * shared by the device model (hw/), the firmware (seabios/, including the
 * iasl-compiled DSDT, whose preprocessor reads it) and the tests.
 * docs/specs/ describes what each register does.
 */
#ifndef HOTMEM_PC_H
#define HOTMEM_PC_H

/* ---- Legacy ISA devices ---- */
#define HM_SERIAL0_BASE          0x3f8
#define HM_SERIAL0_IRQ           4
#define HM_CMOS_BASE             0x70      /* index 0x70, data 0x71 */
#define HM_CMOS_IRQ              8
#define HM_KBD_DATA_PORT         0x60
#define HM_KBD_CMD_PORT          0x64
#define HM_KBD_CMD_RESET         0xfe      /* pulse the CPU reset line */

/* Firmware progress port: the firmware writes one HM_FW_EVENT_* byte at each
 * milestone, the VMM timestamps it (QEMU ignores the port). */
#define HM_FW_EVENT_PORT         0x402
#define HM_FW_EVENT_ENTRY        0x01      /* first instruction after reset */
#define HM_FW_EVENT_TABLES_DONE  0x02      /* ACPI tables built */
#define HM_FW_EVENT_KERNEL_ENTRY 0x03      /* about to jump to the kernel */

/* ---- PCI ---- */
#define HM_PCI_CONFIG_ADDR       0xcf8
#define HM_PCI_CONFIG_DATA       0xcfc     /* 4 bytes, 0xcfc-0xcff */
#define HM_RESET_CONTROL_PORT    0xcf9     /* PIIX3 RCR: bit2 = reset */
#define HM_RESET_CONTROL_VALUE   0x06      /* what the FADT RESET_REG writes */

#define HM_PCI_VENDOR_INTEL      0x8086
#define HM_I440FX_DEVFN          0x00      /* 00:00.0 host bridge */
#define HM_I440FX_DEVICE_ID      0x1237
#define HM_PIIX3_DEVFN           0x08      /* 00:01.0 ISA bridge */
#define HM_PIIX3_DEVICE_ID       0x7000
#define HM_PIIX3_PIRQRC          0x60      /* config: PIRQ A-D -> ISA IRQ, 1 byte each */

/* PCI INTx: bus-0 slot S, interrupt pin P (config 0x3d, 1 = INTA) raises
 * PIRQ (S - 1 + P - 1) mod 4 (A = 0), which reaches the ISA IRQ / IOAPIC
 * GSI below: level-triggered, active high (firmware: PIRQRC, interrupt
 * line registers, SSDT _PRT, MADT overrides). */
#define HM_PCI_PIRQA_IRQ         10
#define HM_PCI_PIRQB_IRQ         10
#define HM_PCI_PIRQC_IRQ         11
#define HM_PCI_PIRQD_IRQ         11
#define HM_PIIX4_PM_DEVFN        0x0b      /* 00:01.3 ACPI PM function */
#define HM_PIIX4_PM_DEVICE_ID    0x7113
#define HM_PIIX4_PMBA            0x40      /* config: PM I/O base (bit0 = 1) */
#define HM_PIIX4_PMREGMISC       0x80      /* config: bit0 = PM I/O enable */

/* ---- virtio-pci, modern (docs/specs/virtio-pci.txt) ---- */
#define HM_VIRTIO_PCI_VENDOR     0x1af4
#define HM_VIRTIO_PCI_DEVICE_BASE 0x1040   /* + virtio device id */
#define HM_VIRTIO_PCI_SUBSYS_ID  0x1100
#define HM_VIRTIO_PCI_REVISION   0x01      /* modern only */
#define HM_VIRTIO_PCI_FIRST_SLOT 2         /* 00:02.0, then 00:03.0 ... */
#define HM_VIRTIO_PCI_MAX_DEVICES 8
#define HM_VIRTIO_PCI_CAP_FIRST  0x40      /* capability list in config space */
/* BAR0/1: one 64-bit prefetchable memory BAR holding every region */
#define HM_VIRTIO_PCI_BAR_SIZE   0x8000
#define HM_VIRTIO_PCI_COMMON_OFF 0x0000
#define HM_VIRTIO_PCI_COMMON_LEN 0x0038
#define HM_VIRTIO_PCI_ISR_OFF    0x1000
#define HM_VIRTIO_PCI_ISR_LEN    0x0004
#define HM_VIRTIO_PCI_DEVICE_OFF 0x2000
#define HM_VIRTIO_PCI_DEVICE_LEN 0x1000
#define HM_VIRTIO_PCI_NOTIFY_OFF 0x3000
#define HM_VIRTIO_PCI_NOTIFY_LEN 0x1000
#define HM_VIRTIO_PCI_NOTIFY_MULT 4        /* queue N notifies at NOTIFY_OFF + 4 * N */
#define HM_VIRTIO_PCI_MSIX_CAP   0x84      /* MSI-X capability in config space */
#define HM_VIRTIO_PCI_MSIX_TABLE 0x4000    /* MSI-X table: 16 bytes per vector */
#define HM_VIRTIO_PCI_MSIX_PBA   0x5000    /* pending bits, 8 bytes */
#define HM_VIRTIO_QUEUE_SIZE     256       /* every queue's maximum size */

/* virtio-balloon (device id 5) */
#define HM_VIRTIO_ID_BALLOON     5
#define HM_VIRTIO_BALLOON_PFN_SHIFT 12

/* ---- ACPI PM (PIIX4 function 3) ---- */
#define HM_PM_BASE               0xb000
#define HM_PM_LEN                0x40
#define HM_PM1A_EVT_OFF          0x00      /* 2 status + 2 enable */
#define HM_PM1A_CNT_OFF          0x04      /* 2 bytes */
#define HM_PM_TMR_OFF            0x08      /* 4 bytes, 24-bit counter */
#define HM_PM_TMR_HZ             3579545
#define HM_PM1_EVT_TMR_STS       0x0001
#define HM_PM1_EVT_PWRBTN_STS    0x0100
#define HM_PM1_EVT_WAK_STS       0x8000
#define HM_PM1_CNT_SCI_EN        0x0001
#define HM_PM1_CNT_SLP_TYP_SHIFT 10
#define HM_PM1_CNT_SLP_TYP_MASK  0x1c00
#define HM_PM1_CNT_SLP_EN        0x2000
#define HM_SLP_TYP_S5            0         /* _S5 package value */

#define HM_GPE0_BASE             0xafe0
#define HM_GPE0_LEN              4         /* 2 status bytes, 2 enable bytes */
#define HM_GPE_MEMHP_BIT         3         /* \_GPE._E03 */
#define HM_SCI_IRQ               9         /* level, active high */

/* ---- Memory hotplug register block (docs/specs/acpi_hotplug.txt) ---- */
#define HM_MEMHP_BASE            0x0a00
#define HM_MEMHP_LEN             0x20      /* 0x18 standard + extensions */
#define HM_MEMHP_MAX_SLOTS       256
/* read registers */
#define HM_MEMHP_ADDR_LO         0x00
#define HM_MEMHP_ADDR_HI         0x04
#define HM_MEMHP_SIZE_LO         0x08
#define HM_MEMHP_SIZE_HI         0x0c
#define HM_MEMHP_NODE            0x10
#define HM_MEMHP_STATUS          0x14
#define HM_MEMHP_NEXT_PENDING    0x18      /* extension */
#define HM_MEMHP_SIGNATURE       0x1c      /* extension */
#define HM_MEMHP_SIGNATURE_VALUE 0x31584d48 /* "HMX1" */
/* write registers */
#define HM_MEMHP_SELECTOR        0x00
#define HM_MEMHP_OST_EVENT       0x04
#define HM_MEMHP_OST_STATUS      0x08
#define HM_MEMHP_CONTROL         0x14
#define HM_MEMHP_POWER_STATE     0x18      /* extension: 0 = D0, 3 = D3 */
/* status bits */
#define HM_MEMHP_STS_ENABLED     0x01
#define HM_MEMHP_STS_INSERT      0x02
#define HM_MEMHP_STS_REMOVE      0x04
/* control bits */
#define HM_MEMHP_CTL_CLEAR_INSERT 0x02
#define HM_MEMHP_CTL_CLEAR_REMOVE 0x04
#define HM_MEMHP_CTL_EJECT       0x08
/* fw_cfg "etc/hotplug-memory" */
#define HM_FW_CFG_FILE_HOTPLUG_MEMORY "etc/hotplug-memory"
#define HM_HPMEM_MAGIC           0x504d4848 /* "HHMP" */
#define HM_HPMEM_VERSION         1
#define HM_HPMEM_HEADER_SIZE     40
#define HM_HPMEM_ENTRY_SIZE      32
#define HM_HPMEM_F_POPULATED     0x01
#define HM_HPMEM_F_HOTPLUGGABLE  0x02
#define HM_DIMM_ALIGN            0x40000000ULL /* 1 GiB */
#define HM_DIMM_SIZE_UNIT        0x08000000ULL /* 128 MiB: the guest's memory block */
/* The hotplug region ends at most this far below 2^(the guest's physical
 * address width), however large -m maxmem is: the room kept for the
 * firmware's 64-bit PCI window above it, which is also the smallest window
 * the firmware opens (docs/specs/fwcfg.txt). */
#define HM_PCI_MEM64_RESERVE     0x800000000ULL /* 32 GiB */

/* ---- fw_cfg (docs/specs/fwcfg.txt) ---- */
#define HM_FW_CFG_PORT_SEL       0x510     /* 16-bit selector */
#define HM_FW_CFG_PORT_DATA      0x511     /* 8-bit data */
#define HM_FW_CFG_PORT_DMA       0x514     /* 64-bit BE DMA address, hi @0x514 lo @0x518 */
#define HM_FW_CFG_DMA_SIGNATURE  0x51454d5520434647ULL /* "QEMU CFG" */

#define HM_FW_CFG_SIGNATURE      0x00
#define HM_FW_CFG_ID             0x01      /* bit0 traditional, bit1 DMA */
#define HM_FW_CFG_RAM_SIZE       0x03
#define HM_FW_CFG_NB_CPUS        0x05
#define HM_FW_CFG_MAX_CPUS       0x0f
#define HM_FW_CFG_KERNEL_SIZE    0x08
#define HM_FW_CFG_INITRD_SIZE    0x0b
#define HM_FW_CFG_KERNEL_DATA    0x11      /* protected-mode part of bzImage */
#define HM_FW_CFG_INITRD_DATA    0x12
#define HM_FW_CFG_CMDLINE_SIZE   0x14      /* includes the trailing NUL */
#define HM_FW_CFG_CMDLINE_DATA   0x15
#define HM_FW_CFG_SETUP_SIZE     0x17
#define HM_FW_CFG_SETUP_DATA     0x18      /* real-mode part: (setup_sects+1)*512 */
#define HM_FW_CFG_FILE_DIR       0x19
#define HM_FW_CFG_FILE_FIRST     0x20

#define HM_FW_CFG_ID_TRADITIONAL 0x01
#define HM_FW_CFG_ID_DMA         0x02

#define HM_FW_CFG_DMA_CTL_ERROR  0x01
#define HM_FW_CFG_DMA_CTL_READ   0x02
#define HM_FW_CFG_DMA_CTL_SKIP   0x04
#define HM_FW_CFG_DMA_CTL_SELECT 0x08
#define HM_FW_CFG_DMA_CTL_WRITE  0x10

#define HM_FW_CFG_FILE_E820              "etc/e820"
#define HM_FW_CFG_FILE_RESERVED_MEM_END  "etc/reserved-memory-end"
#define HM_FW_CFG_FILE_NUMA              "etc/numa"  /* docs/specs/fwcfg.txt */

/* e820 entry types (etc/e820 and boot_params) */
#define HM_E820_RAM              1
#define HM_E820_RESERVED         2
#define HM_E820_ACPI             3
#define HM_E820_NVS              4

/* ---- Memory map ---- */
#define HM_PCI_HOLE_START        0xe0000000ULL  /* low RAM ends here at most */
#define HM_BIOS_SIZE             0x20000        /* 128 KiB at 4 GiB - 128 KiB */
#define HM_BIOS_BASE             0xfffe0000ULL
#define HM_BIOS_LOW_ALIAS        0xe0000        /* 0xe0000-0xfffff */
#define HM_IOAPIC_BASE           0xfec00000ULL
#define HM_LAPIC_BASE            0xfee00000ULL
#define HM_4GIB                  0x100000000ULL

/* ---- AML names shared by the DSDT (dsdt-memhp.dsl, through iasl's
 * preprocessor) and the firmware's SSDT builder (ssdt-memhp.c, as strings
 * through HM_AML_STR there). The per-slot devices are HM_AML_SLOT_PREFIX
 * followed by the slot number in two hex digits (MP00-MPFF). ---- */
#define HM_AML_MHPD MHPD    /* the PCI0 device of the register block and the helpers (DSDT) */
#define HM_AML_MHPC MHPC    /* the \_SB container of the memory devices (SSDT) */
#define HM_AML_MDNR MDNR    /* MHPC: the slot count */
#define HM_AML_MTFY MTFY    /* MHPC: Notify a slot's device (slot, code) */
#define HM_AML_MSTA MSTA    /* MHPD helper: _STA of a slot */
#define HM_AML_MCRS MCRS    /* MHPD helper: _CRS of a slot */
#define HM_AML_MPXM MPXM    /* MHPD helper: _PXM of a slot */
#define HM_AML_MOST MOST    /* MHPD helper: _OST of a slot */
#define HM_AML_MEJ0 MEJ0    /* MHPD helper: _EJ0 of a slot */
#define HM_AML_MPWR MPWR    /* MHPD helper: _PS0/_PS3 of a slot */
#define HM_AML_SLOT_PREFIX "MP"
/* iasl's preprocessor does not expand a name inside a dotted path, so the
 * DSDT refers to the other table's objects through whole paths, spelled
 * from the names above (the golden tables in tests/data/acpi/ show any
 * change): */
#define HM_AML_PATH_MHPC_MDNR \_SB.MHPC.MDNR
#define HM_AML_PATH_MHPC_MTFY \_SB.MHPC.MTFY
#define HM_AML_PATH_MHPD      \_SB.PCI0.MHPD

#endif
