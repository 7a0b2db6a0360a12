/*
 * pc_kernel.c - bzImage checks and the split into setup and kernel parts.
 * Facts from the Linux x86 boot protocol (Documentation/arch/x86/boot.rst).
 */
#include "hw/pc_kernel.h"
#include "hotmem/util.h"

#include <string.h>

#define HDR_SETUP_SECTS 0x1f1
#define HDR_BOOT_FLAG   0x1fe       /* 0xaa55 */
#define HDR_MAGIC       0x202       /* "HdrS" */
#define HDR_VERSION     0x206
#define HDR_LOADFLAGS   0x211
#define LOADED_HIGH     0x01

bool pc_kernel_split(PcKernelImage *img, const char *name, GBytes *bzimage, GError **errp)
{
    gsize len;
    const uint8_t *p = g_bytes_get_data(bzimage, &len);
    if (len < 0x400 || p[HDR_BOOT_FLAG] != 0x55 || p[HDR_BOOT_FLAG + 1] != 0xaa ||
        memcmp(p + HDR_MAGIC, "HdrS", 4) != 0) {
        g_set_error(errp, HM_ERROR, 0, "-kernel: %s is not a Linux bzImage", name);
        return false;
    }
    uint16_t version = p[HDR_VERSION] | (p[HDR_VERSION + 1] << 8);
    if (version < PC_KERNEL_MIN_PROTOCOL) {
        g_set_error(errp, HM_ERROR, 0,
                    "-kernel: %s uses boot protocol %u.%02u, 2.12 or newer is needed", name,
                    version >> 8, version & 0xff);
        return false;
    }
    if (!(p[HDR_LOADFLAGS] & LOADED_HIGH)) {
        g_set_error(errp, HM_ERROR, 0, "-kernel: %s is not a bzImage (zImage)", name);
        return false;
    }
    unsigned setup_sects = p[HDR_SETUP_SECTS] ? p[HDR_SETUP_SECTS] : 4;
    gsize setup_size = (gsize)(setup_sects + 1) * 512;
    if (setup_size >= len) {
        g_set_error(errp, HM_ERROR, 0, "-kernel: %s is truncated", name);
        return false;
    }
    img->protocol = version;
    img->setup = g_bytes_new_from_bytes(bzimage, 0, setup_size);
    img->kernel = g_bytes_new_from_bytes(bzimage, setup_size, len - setup_size);
    return true;
}

static GBytes *read_file(const char *opt, const char *path, GError **errp)
{
    char *data;
    gsize len;
    GError *err = NULL;
    if (!g_file_get_contents(path, &data, &len, &err)) {
        g_set_error(errp, HM_ERROR, 0, "%s: %s", opt, err->message);
        g_error_free(err);
        return NULL;
    }
    return g_bytes_new_take(data, len);
}

bool pc_kernel_load(PcKernelImage *img, const char *kernel_path, const char *initrd_path,
                    const char *cmdline, GError **errp)
{
    memset(img, 0, sizeof(*img));
    GBytes *bz = read_file("-kernel", kernel_path, errp);
    if (!bz) {
        return false;
    }
    bool ok = pc_kernel_split(img, kernel_path, bz, errp);
    g_bytes_unref(bz);
    if (!ok) {
        return false;
    }
    if (initrd_path) {
        img->initrd = read_file("-initrd", initrd_path, errp);
        if (!img->initrd) {
            pc_kernel_clear(img);
            return false;
        }
    }
    img->cmdline = g_strdup(cmdline ? cmdline : "");
    return true;
}

void pc_kernel_clear(PcKernelImage *img)
{
    g_clear_pointer(&img->setup, g_bytes_unref);
    g_clear_pointer(&img->kernel, g_bytes_unref);
    g_clear_pointer(&img->initrd, g_bytes_unref);
    g_clear_pointer(&img->cmdline, g_free);
}
