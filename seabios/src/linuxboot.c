/*
 * linuxboot.c - the Linux/x86 32-bit boot protocol (facts from the
 * kernel's Documentation/arch/x86/boot.rst).
 *
 * The VMM's fw_cfg kernel items hold a bzImage split in two: SETUP_DATA is
 * the real-mode part (only its setup header is used here) and KERNEL_DATA
 * the protected-mode code, which is loaded at 1 MiB and entered at its
 * start with ESI pointing to a zeroed boot_params page.
 */
#include "hw/hotmem-pc.h"
#include "layout.h"
#include "fwcfg.h"
#include "e820.h"
#include "linuxboot.h"

#define BP_ACPI_RSDP_ADDR     0x070     /* u64 */
#define BP_E820_ENTRIES       0x1e8     /* u8 */
#define BP_SETUP_HEADER       0x1f1
#define BP_E820_TABLE         0x2d0     /* E820_MAX_ENTRIES entries */
#define BP_SIZE               0x1000

#define HDR_MAGIC             0x53726448  /* "HdrS" */
#define HDR_BOOT_FLAG         0xaa55
#define HDR_MIN_VERSION       0x020c      /* 2.12 */
#define HDR_JUMP_OFFSET       0x201       /* the short jump's displacement */
#define HDR_END_BASE          0x202
#define LOADER_TYPE_UNKNOWN   0xff
#define LOADFLAG_LOADED_HIGH  0x01
#define LOADFLAG_CAN_USE_HEAP 0x80
#define HEAP_END_PTR          0xde00      /* unused by the 32-bit entry */
#define SETUP_READ_SIZE       0x400       /* covers any setup header */

struct setup_header {                     /* boot_params offset 0x1f1 */
    u8 setup_sects;
    u16 root_flags;
    u32 syssize;
    u16 ram_size;
    u16 vid_mode;
    u16 root_dev;
    u16 boot_flag;
    u16 jump;
    u32 header;
    u16 version;
    u32 realmode_swtch;
    u16 start_sys_seg;
    u16 kernel_version;
    u8 type_of_loader;
    u8 loadflags;
    u16 setup_move_size;
    u32 code32_start;
    u32 ramdisk_image;
    u32 ramdisk_size;
    u32 bootsect_kludge;
    u16 heap_end_ptr;
    u8 ext_loader_ver;
    u8 ext_loader_type;
    u32 cmd_line_ptr;
    u32 initrd_addr_max;
    u32 kernel_alignment;
    u8 relocatable_kernel;
    u8 min_alignment;
    u16 xloadflags;
    u32 cmdline_size;
    u32 hardware_subarch;
    u64 hardware_subarch_data;
    u32 payload_offset;
    u32 payload_length;
    u64 setup_data;
    u64 pref_address;
    u32 init_size;
    u32 handover_offset;
    u32 kernel_info_offset;
} PACKED;

_Static_assert(BP_SETUP_HEADER + sizeof(struct setup_header) == 0x26c,
               "setup header layout");

void NORETURN linux_enter(u32 entry, u32 boot_params);

static u8 setup_buf[SETUP_READ_SIZE];

/* Copies the kernel's setup header into boot_params and checks it. */
static struct setup_header *load_setup_header(u8 *bp)
{
    u32 size = fw_cfg_read_u32(HM_FW_CFG_SETUP_SIZE);
    struct setup_header *hdr = (struct setup_header *)(setup_buf +
                                                       BP_SETUP_HEADER);
    u32 end;

    if (size < SETUP_READ_SIZE)
        fatal("kernel setup too small, bytes", size);
    fw_cfg_read(HM_FW_CFG_SETUP_DATA, setup_buf, SETUP_READ_SIZE);
    if (hdr->boot_flag != HDR_BOOT_FLAG || hdr->header != HDR_MAGIC)
        fatal("not a bzImage, header magic", hdr->header);
    if (hdr->version < HDR_MIN_VERSION)
        fatal("boot protocol older than 2.12, version", hdr->version);
    end = HDR_END_BASE + setup_buf[HDR_JUMP_OFFSET];

    memset(bp, 0, BP_SIZE);
    memcpy(bp + BP_SETUP_HEADER, hdr, end - BP_SETUP_HEADER);
    return (struct setup_header *)(bp + BP_SETUP_HEADER);
}

/* Where the kernel's image and its decompression buffer end. */
static u64 kernel_end(struct setup_header *hdr, u32 kernel_size)
{
    u64 runtime = MAX((u64)FW_KERNEL_ADDR, hdr->pref_address);

    return MAX((u64)FW_KERNEL_ADDR + kernel_size, runtime + hdr->init_size);
}

static void load_cmdline(struct setup_header *hdr)
{
    u32 size = fw_cfg_read_u32(HM_FW_CFG_CMDLINE_SIZE);
    char *cmdline = (char *)FW_CMDLINE;

    if (size > FW_CMDLINE_MAX || (size && size - 1 > hdr->cmdline_size))
        fatal("kernel command line too long, bytes", size);
    if (size)
        fw_cfg_read(HM_FW_CFG_CMDLINE_DATA, cmdline, size);
    cmdline[size ? size - 1 : 0] = 0;
    hdr->cmd_line_ptr = FW_CMDLINE;
}

/* Page-aligned, as high as allowed: below the ACPI area and the
 * kernel's initrd_addr_max, above everything the kernel uses. */
static void load_initrd(struct fw_info *fw, struct setup_header *hdr,
                        u64 kend)
{
    u32 size = fw_cfg_read_u32(HM_FW_CFG_INITRD_SIZE);
    u64 limit = MIN((u64)hdr->initrd_addr_max + 1, (u64)fw->acpi_base);
    u64 addr;

    if (!size)
        return;
    addr = size < limit ? ALIGN_DOWN(limit - size, 0x1000) : 0;
    if (addr < kend || addr < fw->low_ram_start)
        fatal("no room for the initrd, bytes", size);
    fw_cfg_read(HM_FW_CFG_INITRD_DATA, (void *)(u32)addr, size);
    hdr->ramdisk_image = addr;
    hdr->ramdisk_size = size;
}

static void fill_e820(u8 *bp)
{
    u32 count;
    const HmE820Entry *map = e820_get(&count);

    memcpy(bp + BP_E820_TABLE, map, count * sizeof(*map));
    bp[BP_E820_ENTRIES] = count;
}

void linux_boot(struct fw_info *fw)
{
    u8 *bp = (u8 *)FW_BOOT_PARAMS;
    u32 kernel_size = fw_cfg_read_u32(HM_FW_CFG_KERNEL_SIZE);
    struct setup_header *hdr;
    u64 kend;

    if (!kernel_size)
        fatal("no kernel in fw_cfg (use -kernel), size", 0);
    hdr = load_setup_header(bp);
    kend = kernel_end(hdr, kernel_size);
    if (kend > fw->acpi_base)
        fatal("kernel does not fit in low RAM, ends at", kend);
    fw_cfg_read(HM_FW_CFG_KERNEL_DATA, (void *)FW_KERNEL_ADDR, kernel_size);
    load_cmdline(hdr);
    load_initrd(fw, hdr, kend);

    hdr->type_of_loader = LOADER_TYPE_UNKNOWN;
    hdr->loadflags |= LOADFLAG_LOADED_HIGH | LOADFLAG_CAN_USE_HEAP;
    hdr->heap_end_ptr = HEAP_END_PTR;
    hdr->code32_start = FW_KERNEL_ADDR;
    *(u64 *)(bp + BP_ACPI_RSDP_ADDR) = fw->rsdp;
    fill_e820(bp);

    fw_event(HM_FW_EVENT_KERNEL_ENTRY);
    linux_enter(FW_KERNEL_ADDR, FW_BOOT_PARAMS);
}
