/*
 * fw_cfg.h - the QEMU-compatible firmware configuration device.
 *
 * The machine fills numbered items and named files before the guest runs;
 * the firmware reads them through the selector/data ports or by DMA.
 * Guest interface: docs/specs/fwcfg.txt.
 */
#ifndef HW_FW_CFG_H
#define HW_FW_CFG_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "hw/hotmem-pc.h"
#include "hw/hotmem-abi.h"

#define FW_CFG_MAX_FILES     256
#define FW_CFG_MAX_ENTRIES   (HM_FW_CFG_FILE_FIRST + FW_CFG_MAX_FILES)
#define FW_CFG_NAME_LEN      HM_FW_CFG_NAME_LEN     /* including the NUL */
#define FW_CFG_INVALID_KEY   0xffff

typedef struct FwCfgEntry {
    uint8_t *data;          /* owned copy; NULL when unused or file-backed */
    uint32_t len;
    /* file-backed: the bytes are read at [fd_offset, fd_offset + len) of fd
     * whenever the guest reads them, so no copy stays resident */
    bool from_fd;
    bool fd_failed;         /* a failed read was reported once */
    int fd;
    uint64_t fd_offset;
} FwCfgEntry;

typedef struct FwCfgState {
    /* items 0..0x1f by key; files at HM_FW_CFG_FILE_FIRST + index */
    FwCfgEntry entries[FW_CFG_MAX_ENTRIES];
    char file_names[FW_CFG_MAX_FILES][FW_CFG_NAME_LEN];  /* sorted */
    unsigned nb_files;

    /* guest-visible state */
    uint16_t cur_key;       /* FW_CFG_INVALID_KEY when nothing valid is selected */
    uint32_t cur_offset;
    uint64_t dma_addr;

    bool registered_ctl;
    bool registered_dma;
} FwCfgState;

/* Registers the selector/data ports (0x510) and the DMA register (0x514). */
FwCfgState *fw_cfg_new(GError **errp);
/* cur_key, cur_offset, dma_addr (checked against the items of this side) */
struct VmStateDesc;
extern const struct VmStateDesc fw_cfg_vmstate;
void fw_cfg_reset(FwCfgState *s);
void fw_cfg_free(FwCfgState *s);

/* Numbered items (key < HM_FW_CFG_FILE_FIRST, not the directory); the data
 * is copied, replacing any previous value. */
void fw_cfg_add_bytes(FwCfgState *s, uint16_t key, const void *data, size_t len);
void fw_cfg_add_i16(FwCfgState *s, uint16_t key, uint16_t value);   /* LE */
void fw_cfg_add_i32(FwCfgState *s, uint16_t key, uint32_t value);   /* LE */
void fw_cfg_add_i64(FwCfgState *s, uint16_t key, uint64_t value);   /* LE */
/* Numbered item served from a file on demand (pread at every guest read,
 * DMA straight into guest RAM). The caller keeps fd open for as long as the
 * item exists; a read error or a file shorter than offset + len fails the
 * transfer (DMA ERROR, data port 0) and is reported on stderr. */
void fw_cfg_add_from_fd(FwCfgState *s, uint16_t key, int fd, uint64_t offset, uint32_t len);

/* Named file (copied); keys are assigned in sorted-name order from
 * HM_FW_CFG_FILE_FIRST, so they move when a smaller name is added: add
 * every file before the guest runs. Fails on a duplicate or too long name,
 * a full directory or len >= 4 GiB. */
bool fw_cfg_add_file(FwCfgState *s, const char *name, const void *data,
                     size_t len, GError **errp);

#endif
