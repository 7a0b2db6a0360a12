/*
 * fw_cfg.c - firmware configuration device (QEMU-compatible I/O interface).
 *
 * Selector at 0x510 (16-bit write), data at 0x511 (8-bit sequential read),
 * DMA address at 0x514 (big-endian). Items are immutable copies made by the
 * machine before the guest runs, or ranges of a file read on demand (the
 * kernel and initrd: megabytes the VMM need not keep resident once the
 * firmware has loaded them); the guest can only read them. DMA goes
 * through guest_mem_range() so a hostile descriptor can touch nothing but
 * the RAM it names. Interface: docs/specs/fwcfg.txt.
 */
#include "hw/fw_cfg.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "hotmem/util.h"
#include "migration/vmstate.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define FW_CFG_CTL_LEN  2       /* selector + data, 0x510-0x511 */
#define FW_CFG_DMA_LEN  8       /* 0x514-0x51b */

#define FW_CFG_DMA_CTL_KNOWN \
    (HM_FW_CFG_DMA_CTL_ERROR | HM_FW_CFG_DMA_CTL_READ | HM_FW_CFG_DMA_CTL_SKIP | \
     HM_FW_CFG_DMA_CTL_SELECT | HM_FW_CFG_DMA_CTL_WRITE)

static bool entry_present(const FwCfgEntry *e)
{
    return e->data || e->from_fd;
}

static FwCfgEntry *cur_entry(FwCfgState *s)
{
    if (s->cur_key >= FW_CFG_MAX_ENTRIES || !entry_present(&s->entries[s->cur_key])) {
        return NULL;
    }
    return &s->entries[s->cur_key];
}

static void fw_cfg_select(FwCfgState *s, uint16_t key)
{
    s->cur_offset = 0;
    /* QEMU's bit 14 (write channel) and bit 15 (arch-local) name no item here */
    if (key >= FW_CFG_MAX_ENTRIES || !entry_present(&s->entries[key])) {
        if (key != FW_CFG_INVALID_KEY) {
            hm_guest_error("fw_cfg: select of unknown key 0x%x", key);
        }
        s->cur_key = FW_CFG_INVALID_KEY;
        return;
    }
    s->cur_key = key;
}

/* Reads [offset, offset + len) of a file-backed item into dst. A host
 * problem, not a guest one: said once per item on stderr, whatever the
 * guest retries. */
static bool entry_pread(FwCfgState *s, FwCfgEntry *e, uint32_t offset, uint8_t *dst,
                        uint32_t len)
{
    uint32_t done = 0;
    int err = 0;
    while (done < len) {
        ssize_t n = pread(e->fd, dst + done, len - done, (off_t)(e->fd_offset + offset + done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            err = n < 0 ? errno : 0;
            break;
        }
        done += (uint32_t)n;
    }
    if (done == len) {
        return true;
    }
    memset(dst + done, 0, len - done);
    if (!e->fd_failed) {
        e->fd_failed = true;
        fprintf(stderr, "hotmem: fw_cfg item 0x%x: cannot read %u bytes at offset %u of "
                "its file: %s\n", (unsigned)(e - s->entries), len, offset,
                err ? g_strerror(err) : "the file is shorter than when it was added");
    }
    return false;
}

static uint8_t fw_cfg_read_byte(FwCfgState *s)
{
    FwCfgEntry *e = cur_entry(s);
    if (!e || s->cur_offset >= e->len) {
        return 0;
    }
    if (e->from_fd) {
        uint8_t b;
        entry_pread(s, e, s->cur_offset++, &b, 1);
        return b;
    }
    return e->data[s->cur_offset++];
}

static uint64_t fw_cfg_ctl_read(void *opaque, uint64_t offset, unsigned size)
{
    FwCfgState *s = opaque;
    if (offset == 1 && size == 1) {
        return fw_cfg_read_byte(s);
    }
    hm_guest_error("fw_cfg: read of %u bytes at selector offset %" PRIu64, size, offset);
    return ~0ULL;
}

static void fw_cfg_ctl_write(void *opaque, uint64_t offset, uint64_t value,
                             unsigned size)
{
    FwCfgState *s = opaque;
    if (offset == 0 && size == 2) {
        fw_cfg_select(s, (uint16_t)value);
        return;
    }
    /* data writes were never part of the guest ABI we offer: every item is read-only */
    hm_guest_error("fw_cfg: write of %u bytes at selector offset %" PRIu64 " ignored",
                   size, offset);
}

static const IoOps fw_cfg_ctl_ops = {
    .read = fw_cfg_ctl_read,
    .write = fw_cfg_ctl_write,
    .min_size = 1,
    .max_size = 2,
};

/* Runs one descriptor; returns the control word to write back. */
static uint32_t fw_cfg_dma_run(FwCfgState *s, uint32_t control, uint32_t length,
                               uint64_t address)
{
    uint32_t known = FW_CFG_DMA_CTL_KNOWN;
    if (control & HM_FW_CFG_DMA_CTL_SELECT) {
        known |= 0xffff0000u;
    }
    if (control & ~known) {
        hm_guest_error("fw_cfg: DMA control 0x%x has unknown bits", control);
        return HM_FW_CFG_DMA_CTL_ERROR;
    }
    if (control & HM_FW_CFG_DMA_CTL_SELECT) {
        fw_cfg_select(s, control >> 16);
    }
    if (control & HM_FW_CFG_DMA_CTL_WRITE) {
        hm_guest_error("fw_cfg: DMA write refused (no writable items)");
        return HM_FW_CFG_DMA_CTL_ERROR;
    }

    FwCfgEntry *e = cur_entry(s);
    uint32_t avail = e && s->cur_offset < e->len ? e->len - s->cur_offset : 0;
    uint32_t n = MIN(length, avail);

    if (control & HM_FW_CFG_DMA_CTL_READ) {
        uint8_t *dst = length ? guest_mem_range(address, length, true) : NULL;
        if (length && !dst) {
            hm_guest_error("fw_cfg: DMA read to [0x%" PRIx64 ", +0x%x) not in writable RAM",
                           address, length);
            return HM_FW_CFG_DMA_CTL_ERROR;
        }
        if (n && e->from_fd) {
            if (!entry_pread(s, e, s->cur_offset, dst, n)) {
                return HM_FW_CFG_DMA_CTL_ERROR;
            }
        } else if (n) {
            memcpy(dst, e->data + s->cur_offset, n);
        }
        /* past the end of the item the guest gets zeroes, like QEMU */
        if (length > n) {
            memset(dst + n, 0, length - n);
        }
        s->cur_offset += n;
    } else if (control & HM_FW_CFG_DMA_CTL_SKIP) {
        s->cur_offset += n;
    }
    return 0;
}

static void fw_cfg_dma_transfer(FwCfgState *s)
{
    uint64_t desc_addr = s->dma_addr;
    s->dma_addr = 0;
    uint8_t *p = guest_mem_range(desc_addr, sizeof(HmFwCfgDma), true);
    if (!p) {
        /* nowhere to report the error: the guest will see control unchanged */
        hm_guest_error("fw_cfg: DMA descriptor at 0x%" PRIx64 " not in writable RAM",
                       desc_addr);
        return;
    }
    /* read the descriptor once: other vCPUs may change it under us */
    HmFwCfgDma d;
    memcpy(&d, p, sizeof(d));
    uint32_t result = fw_cfg_dma_run(s, GUINT32_FROM_BE(d.control),
                                     GUINT32_FROM_BE(d.length),
                                     GUINT64_FROM_BE(d.address));
    uint32_t be = GUINT32_TO_BE(result);
    memcpy(p + offsetof(HmFwCfgDma, control), &be, sizeof(be));
}

static uint64_t fw_cfg_dma_read(void *opaque, uint64_t offset, unsigned size)
{
    /* byte i of the register is byte i of the big-endian signature; the
     * host is little-endian (x86), so the bytes land in order in value */
    uint64_t sig = GUINT64_TO_BE(HM_FW_CFG_DMA_SIGNATURE);
    uint64_t value = 0;
    if (offset + size <= sizeof(sig)) {
        memcpy(&value, (const uint8_t *)&sig + offset, size);
    }
    return value;
}

static void fw_cfg_dma_write(void *opaque, uint64_t offset, uint64_t value,
                             unsigned size)
{
    FwCfgState *s = opaque;
    if (size == 4 && offset == 0) {
        uint32_t hi = GUINT32_FROM_BE((uint32_t)value);
        s->dma_addr = ((uint64_t)hi << 32) | (uint32_t)s->dma_addr;
    } else if (size == 4 && offset == 4) {
        uint32_t lo = GUINT32_FROM_BE((uint32_t)value);
        s->dma_addr = (s->dma_addr & 0xffffffff00000000ULL) | lo;
        fw_cfg_dma_transfer(s);
    } else if (size == 8 && offset == 0) {
        s->dma_addr = GUINT64_FROM_BE(value);
        fw_cfg_dma_transfer(s);
    } else {
        hm_guest_error("fw_cfg: DMA register write of %u bytes at offset %" PRIu64,
                       size, offset);
    }
}

static const IoOps fw_cfg_dma_ops = {
    .read = fw_cfg_dma_read,
    .write = fw_cfg_dma_write,
    .min_size = 1,
    .max_size = 8,
};

static void fw_cfg_set_entry(FwCfgState *s, uint16_t key, const void *data, size_t len)
{
    FwCfgEntry *e = &s->entries[key];
    g_free(e->data);
    *e = (FwCfgEntry){ 0 };
    /* never NULL, so a zero-length item still exists */
    e->data = g_malloc(len ? len : 1);
    if (len) {
        memcpy(e->data, data, len);
    }
    e->len = (uint32_t)len;
}

static void fw_cfg_rebuild_dir(FwCfgState *s)
{
    size_t len = 4 + (size_t)s->nb_files * sizeof(HmFwCfgFile);
    uint8_t *dir = g_malloc0(len);
    uint32_t count = GUINT32_TO_BE(s->nb_files);
    memcpy(dir, &count, 4);
    for (unsigned i = 0; i < s->nb_files; i++) {
        HmFwCfgFile d = {
            .size = GUINT32_TO_BE(s->entries[HM_FW_CFG_FILE_FIRST + i].len),
            .select = GUINT16_TO_BE(HM_FW_CFG_FILE_FIRST + i),
        };
        memcpy(d.name, s->file_names[i], FW_CFG_NAME_LEN);
        memcpy(dir + 4 + i * sizeof(d), &d, sizeof(d));
    }
    fw_cfg_set_entry(s, HM_FW_CFG_FILE_DIR, dir, len);
    g_free(dir);
}

void fw_cfg_add_bytes(FwCfgState *s, uint16_t key, const void *data, size_t len)
{
    g_return_if_fail(key < HM_FW_CFG_FILE_FIRST && key != HM_FW_CFG_FILE_DIR);
    g_return_if_fail(len <= UINT32_MAX);
    fw_cfg_set_entry(s, key, data, len);
}

void fw_cfg_add_from_fd(FwCfgState *s, uint16_t key, int fd, uint64_t offset, uint32_t len)
{
    g_return_if_fail(key < HM_FW_CFG_FILE_FIRST && key != HM_FW_CFG_FILE_DIR);
    g_return_if_fail(fd >= 0);
    FwCfgEntry *e = &s->entries[key];
    g_free(e->data);
    *e = (FwCfgEntry){ .len = len, .from_fd = true, .fd = fd, .fd_offset = offset };
}

void fw_cfg_add_i16(FwCfgState *s, uint16_t key, uint16_t value)
{
    uint16_t le = GUINT16_TO_LE(value);
    fw_cfg_add_bytes(s, key, &le, sizeof(le));
}

void fw_cfg_add_i32(FwCfgState *s, uint16_t key, uint32_t value)
{
    uint32_t le = GUINT32_TO_LE(value);
    fw_cfg_add_bytes(s, key, &le, sizeof(le));
}

void fw_cfg_add_i64(FwCfgState *s, uint16_t key, uint64_t value)
{
    uint64_t le = GUINT64_TO_LE(value);
    fw_cfg_add_bytes(s, key, &le, sizeof(le));
}

bool fw_cfg_add_file(FwCfgState *s, const char *name, const void *data,
                     size_t len, GError **errp)
{
    size_t name_len = strlen(name);
    if (name_len == 0 || name_len >= FW_CFG_NAME_LEN) {
        g_set_error(errp, HM_ERROR, 0,
                    "fw_cfg file name '%s' must be 1 to %d characters",
                    name, FW_CFG_NAME_LEN - 1);
        return false;
    }
    if (len > UINT32_MAX) {
        g_set_error(errp, HM_ERROR, 0, "fw_cfg file '%s': %zu bytes, limit is %u",
                    name, len, UINT32_MAX);
        return false;
    }
    if (s->nb_files >= FW_CFG_MAX_FILES) {
        g_set_error(errp, HM_ERROR, 0, "fw_cfg file '%s': directory full (%d files)",
                    name, FW_CFG_MAX_FILES);
        return false;
    }
    unsigned pos = 0;
    while (pos < s->nb_files) {
        int cmp = strcmp(name, s->file_names[pos]);
        if (cmp == 0) {
            g_set_error(errp, HM_ERROR, 0, "fw_cfg file '%s' already exists", name);
            return false;
        }
        if (cmp < 0) {
            break;
        }
        pos++;
    }
    /* shift later files up one key, keeping keys in name order as QEMU does */
    unsigned tail = s->nb_files - pos;
    memmove(&s->file_names[pos + 1], &s->file_names[pos], tail * FW_CFG_NAME_LEN);
    memmove(&s->entries[HM_FW_CFG_FILE_FIRST + pos + 1],
            &s->entries[HM_FW_CFG_FILE_FIRST + pos], tail * sizeof(FwCfgEntry));
    s->entries[HM_FW_CFG_FILE_FIRST + pos] = (FwCfgEntry){ 0 };
    memset(s->file_names[pos], 0, FW_CFG_NAME_LEN);
    memcpy(s->file_names[pos], name, name_len);
    s->nb_files++;
    fw_cfg_set_entry(s, HM_FW_CFG_FILE_FIRST + pos, data, len);
    fw_cfg_rebuild_dir(s);
    return true;
}

void fw_cfg_reset(FwCfgState *s)
{
    s->cur_key = HM_FW_CFG_SIGNATURE;
    s->cur_offset = 0;
    s->dma_addr = 0;
}

FwCfgState *fw_cfg_new(GError **errp)
{
    FwCfgState *s = g_new0(FwCfgState, 1);

    if (!io_register(IO_SPACE_PORT, HM_FW_CFG_PORT_SEL, FW_CFG_CTL_LEN,
                     &fw_cfg_ctl_ops, s, "fw_cfg", errp)) {
        fw_cfg_free(s);
        return NULL;
    }
    s->registered_ctl = true;
    if (!io_register(IO_SPACE_PORT, HM_FW_CFG_PORT_DMA, FW_CFG_DMA_LEN,
                     &fw_cfg_dma_ops, s, "fw_cfg-dma", errp)) {
        fw_cfg_free(s);
        return NULL;
    }
    s->registered_dma = true;

    fw_cfg_add_bytes(s, HM_FW_CFG_SIGNATURE, "QEMU", 4);
    fw_cfg_add_i32(s, HM_FW_CFG_ID, HM_FW_CFG_ID_TRADITIONAL | HM_FW_CFG_ID_DMA);
    fw_cfg_rebuild_dir(s);
    fw_cfg_reset(s);
    return s;
}

void fw_cfg_free(FwCfgState *s)
{
    if (!s) {
        return;
    }
    if (s->registered_ctl) {
        io_unregister(IO_SPACE_PORT, HM_FW_CFG_PORT_SEL);
    }
    if (s->registered_dma) {
        io_unregister(IO_SPACE_PORT, HM_FW_CFG_PORT_DMA);
    }
    for (unsigned i = 0; i < FW_CFG_MAX_ENTRIES; i++) {
        g_free(s->entries[i].data);
    }
    g_free(s);
}

/* The guest's place in an item: a transfer can be cut anywhere by the
 * migration, and the other side has the same items (same command line). */
static bool fw_cfg_check(const void *obj, GError **errp)
{
    const FwCfgState *s = obj;
    if (s->cur_key == FW_CFG_INVALID_KEY) {
        return true;
    }
    if (s->cur_key >= FW_CFG_MAX_ENTRIES || !entry_present(&s->entries[s->cur_key])) {
        g_set_error(errp, HM_ERROR, 0, "selected item 0x%x does not exist here", s->cur_key);
        return false;
    }
    if (s->cur_offset > s->entries[s->cur_key].len) {
        g_set_error(errp, HM_ERROR, 0, "offset %u is past the end of item 0x%x (%u bytes)",
                    s->cur_offset, s->cur_key, s->entries[s->cur_key].len);
        return false;
    }
    return true;
}

const VmStateDesc fw_cfg_vmstate = {
    .name = "fw_cfg",
    .version = 1,
    .min_version = 1,
    .check = fw_cfg_check,
    .fields = (const VmStateField[]){
        VMSTATE_U16(FwCfgState, cur_key),
        VMSTATE_U32(FwCfgState, cur_offset),
        VMSTATE_U64(FwCfgState, dma_addr),
        VMSTATE_END,
    },
};
