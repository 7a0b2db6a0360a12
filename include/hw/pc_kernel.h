/*
 * pc_kernel.h - a Linux bzImage split into the fw_cfg kernel items the
 * firmware loads (setup, protected-mode kernel, initrd, command line).
 *
 * Loaded from files, the items are served from the files on demand: the
 * VMM keeps an open descriptor and the sizes, never a copy of the bytes
 * (an 8 MiB kernel plus its initrd would otherwise stay resident for the
 * whole run, for a few milliseconds of firmware work per boot).
 */
#ifndef HW_PC_KERNEL_H
#define HW_PC_KERNEL_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "hw/fw_cfg.h"

#define PC_KERNEL_MIN_PROTOCOL 0x020c      /* 2.12: 64-bit capable loaders */

/* One file kept open for the whole run. The descriptor pins the file the
 * VMM checked at start: a path renamed over or unlinked later changes
 * nothing (reset boots what start booted, as QEMU's in-memory copy would);
 * a file rewritten in place is refused at reset (pc_kernel_check). */
typedef struct PcKernelFile {
    bool open;
    int fd;
    char *path;
    uint64_t size;
    struct timespec mtime;
} PcKernelFile;

typedef struct PcKernelImage {
    /* pc_kernel_split (in-memory image): the parts; NULL when loaded from files */
    GBytes *setup;            /* (setup_sects + 1) * 512 bytes */
    GBytes *kernel;           /* the rest of the bzImage */
    GBytes *initrd;           /* may be NULL */
    /* pc_kernel_load: the files the parts are read from */
    PcKernelFile kernel_file;
    PcKernelFile initrd_file; /* .open false without -initrd */
    uint32_t setup_size;
    uint32_t kernel_size;
    uint32_t initrd_size;
    char *cmdline;            /* never NULL after a successful load */
    uint16_t protocol;
} PcKernelImage;

/* Opens and checks the files; every failure names the file and the reason. */
bool pc_kernel_load(PcKernelImage *img, const char *kernel_path, const char *initrd_path,
                    const char *cmdline, GError **errp);
/* Checks an in-memory bzImage and splits it into img->setup and img->kernel. */
bool pc_kernel_split(PcKernelImage *img, const char *name, GBytes *bzimage, GError **errp);
/* Publishes the size and data items (setup, kernel, initrd, command line). */
void pc_kernel_add_fw_cfg(PcKernelImage *img, FwCfgState *fw_cfg);
/* Before a reset boots the files again: fails when one changed in place
 * since pc_kernel_load (size or modification time), naming it. */
bool pc_kernel_check(PcKernelImage *img, GError **errp);
void pc_kernel_clear(PcKernelImage *img);

#endif
