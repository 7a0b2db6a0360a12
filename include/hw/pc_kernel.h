/*
 * pc_kernel.h - a Linux bzImage split into the fw_cfg kernel items the
 * firmware loads (setup, protected-mode kernel, initrd, command line).
 */
#ifndef HW_PC_KERNEL_H
#define HW_PC_KERNEL_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#define PC_KERNEL_MIN_PROTOCOL 0x020c      /* 2.12: 64-bit capable loaders */

typedef struct PcKernelImage {
    GBytes *setup;            /* (setup_sects + 1) * 512 bytes */
    GBytes *kernel;           /* the rest of the bzImage */
    GBytes *initrd;           /* may be NULL */
    char *cmdline;            /* never NULL */
    uint16_t protocol;
} PcKernelImage;

/* Reads and checks the files; every failure names the file and the reason. */
bool pc_kernel_load(PcKernelImage *img, const char *kernel_path, const char *initrd_path,
                    const char *cmdline, GError **errp);
/* Checks an in-memory bzImage and splits it (used by pc_kernel_load). */
bool pc_kernel_split(PcKernelImage *img, const char *name, GBytes *bzimage, GError **errp);
void pc_kernel_clear(PcKernelImage *img);

#endif
