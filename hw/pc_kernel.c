/*
 * pc_kernel.c - bzImage checks and the split into setup and kernel parts.
 * Facts from the Linux x86 boot protocol (Documentation/arch/x86/boot.rst).
 */
#include "hw/pc_kernel.h"
#include "hotmem/util.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HDR_SETUP_SECTS 0x1f1
#define HDR_BOOT_FLAG   0x1fe       /* 0xaa55 */
#define HDR_MAGIC       0x202       /* "HdrS" */
#define HDR_VERSION     0x206
#define HDR_LOADFLAGS   0x211
#define HDR_LEN         0x400       /* every field checked lies below */
#define LOADED_HIGH     0x01

/* p holds the first MIN(len, HDR_LEN) bytes of a len-byte image. */
static bool check_header(const char *name, const uint8_t *p, uint64_t len,
                         uint32_t *setup_size, uint16_t *protocol, GError **errp)
{
    if (len < HDR_LEN || p[HDR_BOOT_FLAG] != 0x55 || p[HDR_BOOT_FLAG + 1] != 0xaa ||
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
    uint32_t size = (setup_sects + 1) * 512;
    if (size >= len) {
        g_set_error(errp, HM_ERROR, 0, "-kernel: %s is truncated", name);
        return false;
    }
    *setup_size = size;
    *protocol = version;
    return true;
}

bool pc_kernel_split(PcKernelImage *img, const char *name, GBytes *bzimage, GError **errp)
{
    gsize len;
    const uint8_t *p = g_bytes_get_data(bzimage, &len);
    uint32_t setup_size;
    uint16_t protocol;
    if (!check_header(name, p, len, &setup_size, &protocol, errp)) {
        return false;
    }
    if (len - setup_size > UINT32_MAX) {
        g_set_error(errp, HM_ERROR, 0, "-kernel: %s is larger than 4 GiB", name);
        return false;
    }
    img->protocol = protocol;
    img->setup_size = setup_size;
    img->kernel_size = (uint32_t)(len - setup_size);
    img->setup = g_bytes_new_from_bytes(bzimage, 0, setup_size);
    img->kernel = g_bytes_new_from_bytes(bzimage, setup_size, len - setup_size);
    return true;
}

static bool file_open(PcKernelFile *f, const char *opt, const char *path, GError **errp)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        g_set_error(errp, HM_ERROR, 0, "%s: cannot open %s: %s", opt, path, g_strerror(errno));
        return false;
    }
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        /* items are read again at every boot: a pipe or device could not be */
        g_set_error(errp, HM_ERROR, 0, "%s: %s is not a regular file", opt, path);
        close(fd);
        return false;
    }
    if ((uint64_t)st.st_size > UINT32_MAX) {
        g_set_error(errp, HM_ERROR, 0, "%s: %s is %" PRIu64 " bytes, the limit is 4 GiB - 1",
                    opt, path, (uint64_t)st.st_size);
        close(fd);
        return false;
    }
    *f = (PcKernelFile){ .open = true, .fd = fd, .path = g_strdup(path),
                         .size = (uint64_t)st.st_size, .mtime = st.st_mtim };
    /* into the page cache now, so that the firmware's DMA does not wait for
     * the disk (advice: nothing to do when it fails) */
    posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);
    return true;
}

static void file_close(PcKernelFile *f)
{
    if (f->open) {
        close(f->fd);
    }
    g_free(f->path);
    *f = (PcKernelFile){ 0 };
}

bool pc_kernel_load(PcKernelImage *img, const char *kernel_path, const char *initrd_path,
                    const char *cmdline, GError **errp)
{
    memset(img, 0, sizeof(*img));
    if (!file_open(&img->kernel_file, "-kernel", kernel_path, errp)) {
        return false;
    }
    uint8_t hdr[HDR_LEN] = { 0 };
    ssize_t n = pread(img->kernel_file.fd, hdr, sizeof(hdr), 0);
    if (n < 0) {
        g_set_error(errp, HM_ERROR, 0, "-kernel: reading %s: %s", kernel_path,
                    g_strerror(errno));
        goto fail;
    }
    /* fewer header bytes than HDR_LEN: too short to be a bzImage */
    uint64_t len = (size_t)n < sizeof(hdr) ? (uint64_t)n : img->kernel_file.size;
    if (!check_header(kernel_path, hdr, len, &img->setup_size, &img->protocol, errp)) {
        goto fail;
    }
    img->kernel_size = (uint32_t)(img->kernel_file.size - img->setup_size);
    if (initrd_path) {
        if (!file_open(&img->initrd_file, "-initrd", initrd_path, errp)) {
            goto fail;
        }
        img->initrd_size = (uint32_t)img->initrd_file.size;
    }
    img->cmdline = g_strdup(cmdline ? cmdline : "");
    return true;

fail:
    pc_kernel_clear(img);
    return false;
}

void pc_kernel_add_fw_cfg(PcKernelImage *img, FwCfgState *f)
{
    fw_cfg_add_i32(f, HM_FW_CFG_SETUP_SIZE, img->setup_size);
    fw_cfg_add_i32(f, HM_FW_CFG_KERNEL_SIZE, img->kernel_size);
    if (img->kernel_file.open) {
        int fd = img->kernel_file.fd;
        fw_cfg_add_from_fd(f, HM_FW_CFG_SETUP_DATA, fd, 0, img->setup_size);
        fw_cfg_add_from_fd(f, HM_FW_CFG_KERNEL_DATA, fd, img->setup_size, img->kernel_size);
    } else {
        fw_cfg_add_bytes(f, HM_FW_CFG_SETUP_DATA, g_bytes_get_data(img->setup, NULL),
                         img->setup_size);
        fw_cfg_add_bytes(f, HM_FW_CFG_KERNEL_DATA, g_bytes_get_data(img->kernel, NULL),
                         img->kernel_size);
    }
    if (img->initrd_file.open) {
        fw_cfg_add_i32(f, HM_FW_CFG_INITRD_SIZE, img->initrd_size);
        fw_cfg_add_from_fd(f, HM_FW_CFG_INITRD_DATA, img->initrd_file.fd, 0, img->initrd_size);
    } else if (img->initrd) {
        gsize len;
        const void *data = g_bytes_get_data(img->initrd, &len);
        fw_cfg_add_i32(f, HM_FW_CFG_INITRD_SIZE, len);
        fw_cfg_add_bytes(f, HM_FW_CFG_INITRD_DATA, data, len);
    }
    const char *cmdline = img->cmdline ? img->cmdline : "";
    size_t len = strlen(cmdline) + 1;
    fw_cfg_add_i32(f, HM_FW_CFG_CMDLINE_SIZE, len);
    fw_cfg_add_bytes(f, HM_FW_CFG_CMDLINE_DATA, cmdline, len);
}

static bool file_check(const PcKernelFile *f, const char *opt, GError **errp)
{
    struct stat st;
    if (!f->open) {
        return true;
    }
    if (fstat(f->fd, &st) < 0) {
        g_set_error(errp, HM_ERROR, 0, "%s: %s: %s", opt, f->path, g_strerror(errno));
        return false;
    }
    if ((uint64_t)st.st_size != f->size || st.st_mtim.tv_sec != f->mtime.tv_sec ||
        st.st_mtim.tv_nsec != f->mtime.tv_nsec) {
        g_autofree char *what = (uint64_t)st.st_size != f->size ?
            g_strdup_printf("%" PRIu64 " bytes then, %" PRIu64 " now", f->size,
                            (uint64_t)st.st_size) :
            g_strdup("same size, new modification time");
        g_set_error(errp, HM_ERROR, 0,
                    "%s: %s was modified since hotmem started (%s); restart hotmem to boot "
                    "the new file", opt, f->path, what);
        return false;
    }
    posix_fadvise(f->fd, 0, 0, POSIX_FADV_WILLNEED);
    return true;
}

bool pc_kernel_check(PcKernelImage *img, GError **errp)
{
    return file_check(&img->kernel_file, "-kernel", errp) &&
           file_check(&img->initrd_file, "-initrd", errp);
}

void pc_kernel_clear(PcKernelImage *img)
{
    g_clear_pointer(&img->setup, g_bytes_unref);
    g_clear_pointer(&img->kernel, g_bytes_unref);
    g_clear_pointer(&img->initrd, g_bytes_unref);
    g_clear_pointer(&img->cmdline, g_free);
    file_close(&img->kernel_file);
    file_close(&img->initrd_file);
}
