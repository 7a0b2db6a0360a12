/*
 * fwcfg.c - reads the VMM's fw_cfg items.
 *
 * The probe uses the legacy byte port (a few exits); every data item is
 * then read with one DMA transfer: the firmware writes the physical
 * address of a big-endian descriptor to the DMA register and the VMM
 * copies the whole item into guest memory during that single exit.
 */
#include "hw/hotmem-pc.h"
#include "fwcfg.h"
#include "hw/hotmem-abi.h"

#define FW_CFG_DIR_MAX   256
#define FW_CFG_DMA_WAIT_TSC  (1ull << 34)   /* several seconds */

static HmFwCfgFile dir[FW_CFG_DIR_MAX];
static u32 dir_count;
static HmFwCfgDma dma __attribute__((aligned(16)));

static void fw_cfg_select(u16 key)
{
    outw(key, HM_FW_CFG_PORT_SEL);
}

static void fw_cfg_read_port(void *buf, u32 len)
{
    u8 *p = buf;

    while (len--)
        *p++ = inb(HM_FW_CFG_PORT_DATA);
}

static void fw_cfg_dma_transfer(u32 control, void *buf, u32 len)
{
    u32 addr = (u32)&dma;
    u64 start;
    u32 ctl;

    dma.control = be32(control);
    dma.length = be32(len);
    dma.address = be64((u32)buf);
    barrier();
    /* Big-endian 64-bit address: high half first, the low half starts it. */
    outl(0, HM_FW_CFG_PORT_DMA);
    outl(be32(addr), HM_FW_CFG_PORT_DMA + 4);
    /* Both VMMs finish within the write; the wait is for anything else. */
    start = rdtsc();
    for (;;) {
        ctl = be32(*(volatile u32 *)&dma.control);
        if (ctl & HM_FW_CFG_DMA_CTL_ERROR)
            fatal("fw_cfg DMA error, control", control);
        if (!ctl)
            break;
        if (rdtsc() - start > FW_CFG_DMA_WAIT_TSC)
            fatal("fw_cfg DMA never completed, control", control);
        cpu_relax();
    }
}

void fw_cfg_read(u16 key, void *buf, u32 len)
{
    fw_cfg_dma_transfer((u32)key << 16 | HM_FW_CFG_DMA_CTL_SELECT |
                        HM_FW_CFG_DMA_CTL_READ, buf, len);
}

u32 fw_cfg_read_u32(u16 key)
{
    u32 v = 0;

    fw_cfg_read(key, &v, sizeof(v));
    return v;
}

/* Continues reading the item selected by the previous transfer. */
static void fw_cfg_read_next(void *buf, u32 len)
{
    fw_cfg_dma_transfer(HM_FW_CFG_DMA_CTL_READ, buf, len);
}

void fw_cfg_init(void)
{
    char sig[4];
    u8 id;

    fw_cfg_select(HM_FW_CFG_SIGNATURE);
    fw_cfg_read_port(sig, sizeof(sig));
    if (memcmp(sig, "QEMU", 4))
        fatal("no fw_cfg device, signature", *(u32 *)sig);
    fw_cfg_select(HM_FW_CFG_ID);
    fw_cfg_read_port(&id, 1);
    if (!(id & HM_FW_CFG_ID_DMA))
        fatal("fw_cfg has no DMA interface, id", id);

    fw_cfg_read(HM_FW_CFG_FILE_DIR, &dir_count, sizeof(dir_count));
    dir_count = be32(dir_count);
    if (dir_count > FW_CFG_DIR_MAX)
        fatal("too many fw_cfg files", dir_count);
    fw_cfg_read_next(dir, dir_count * sizeof(dir[0]));
}

u16 fw_cfg_find_file(const char *name, u32 *size)
{
    size_t n = strlen(name);
    u32 i;

    /* Names fill the 56 bytes without a NUL at most: compare bounded. */
    for (i = 0; i < dir_count && n < HM_FW_CFG_NAME_LEN; i++) {
        if (!memcmp(dir[i].name, name, n + 1)) {
            *size = be32(dir[i].size);
            return be16(dir[i].select);
        }
    }
    *size = 0;
    return 0;
}
