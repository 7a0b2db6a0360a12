/*
 * fwcfg.h - QEMU-compatible fw_cfg: legacy port for the probe, DMA for data.
 */
#ifndef FW_FWCFG_H
#define FW_FWCFG_H

#include "util.h"

/* Checks the signature and the DMA feature, then caches the directory. */
void fw_cfg_init(void);

/* Selects key and reads len bytes of it from the start. */
void fw_cfg_read(u16 key, void *buf, u32 len);

/* Small items: u16/u32 little-endian values of a legacy key. */
u32 fw_cfg_read_u32(u16 key);

/* Looks a file up in the directory: its key, or 0 (size set) if absent. */
u16 fw_cfg_find_file(const char *name, u32 *size);

#endif
