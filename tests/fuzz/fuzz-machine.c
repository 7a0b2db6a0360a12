/*
 * fuzz-machine.c - the PC machine of the fuzz targets (see fuzz-machine.h).
 */
#include "tests/fuzz/fuzz-machine.h"
#include "hw/hotmem-pc.h"
#include "hw/pc_monitor.h"
#include "hotmem/io.h"
#include "hotmem/runstate.h"
#include "monitor/machine-ops.h"
#include "monitor/memory.h"
#include "hw/hostmem.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

/* Three declared slots (two plugged at boot, one 128 MiB) and three free
 * ones, two NUMA nodes, room under maxmem for pc-dimms. */
static const char *const fuzz_argv[] = {
    "hotmem", "-m", "512M,slots=3,maxmem=8G", "-smp", "2",
    "-numa", "node,nodeid=0,cpus=0", "-numa", "node,nodeid=1,cpus=1",
    "-dimm", "id=d0,size=1G,node=1,populated=on", "-dimm", "id=d1,size=512M",
    "-dimm", "id=d2,size=128M,populated=on", NULL,
};

/* pmemsave and friends write files: keep them small and in the scratch dir */
#define FUZZ_FILE_LIMIT (1u << 20)

static char *scratch_dir;
static bool sandbox;

static void G_GNUC_NORETURN G_GNUC_PRINTF(1, 2) die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "fuzz-machine: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    abort();
}

/*
 * Linked with -Wl,--wrap=open: while a machine exists, a path the input
 * names (pmemsave's filename) is taken inside the scratch directory and
 * may not leave it, so the fuzzer cannot truncate a file of the developer's.
 */
int __real_open(const char *path, int flags, ...);
int __wrap_open(const char *path, int flags, ...);

int __wrap_open(const char *path, int flags, ...)
{
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    if (!sandbox) {
        return __real_open(path, flags, mode);
    }
    if (!*path || strchr(path, '/') || !strcmp(path, "..") || !strcmp(path, ".")) {
        errno = EACCES;
        return -1;
    }
    g_autofree char *inside = g_build_filename(scratch_dir, path, NULL);
    return __real_open(inside, flags, mode);
}

const char *fuzz_scratch_dir(void)
{
    return scratch_dir;
}

static void drop_scratch(void)
{
    fuzz_clean_scratch();
    if (scratch_dir) {
        rmdir(scratch_dir);
    }
}

static void quiet_log(const gchar *domain, GLogLevelFlags level, const gchar *msg,
                      gpointer opaque)
{
    /* warnings of the code under test are not findings; criticals are */
    if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) {
        die("glib %s: %s", domain ? domain : "", msg);
    }
}

/* Scratch dirs of processes that are gone: libFuzzer's fork-mode jobs and
 * crashes end without atexit handlers, so each start sweeps up after them. */
static void sweep_stale(const char *tmp)
{
    DIR *d = opendir(tmp);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        char *end;
        if (!g_str_has_prefix(e->d_name, "hotmem-fuzz-")) {
            continue;
        }
        long pid = strtol(e->d_name + strlen("hotmem-fuzz-"), &end, 10);
        if (*end || pid <= 0 || kill(pid, 0) == 0 || errno != ESRCH) {
            continue;
        }
        g_autofree char *dir = g_build_filename(tmp, e->d_name, NULL);
        DIR *in = opendir(dir);
        struct dirent *f;
        while (in && (f = readdir(in))) {
            g_autofree char *p = g_build_filename(dir, f->d_name, NULL);
            if (strcmp(f->d_name, ".") && strcmp(f->d_name, "..")) {
                unlink(p);
            }
        }
        if (in) {
            closedir(in);
        }
        rmdir(dir);
    }
    if (d) {
        closedir(d);
    }
}

void fuzz_process_init(void)
{
    if (scratch_dir) {
        return;
    }
    const char *tmp = g_getenv("TMPDIR");
    tmp = tmp && *tmp ? tmp : "/tmp";
    sweep_stale(tmp);
    g_autofree char *name = g_strdup_printf("hotmem-fuzz-%ld", (long)getpid());
    scratch_dir = g_build_filename(tmp, name, NULL);
    if (mkdir(scratch_dir, 0700) != 0 && errno != EEXIST) {
        die("cannot make a scratch directory %s: %s", scratch_dir, g_strerror(errno));
    }
    fuzz_clean_scratch();
    atexit(drop_scratch);
    struct rlimit rl = { FUZZ_FILE_LIMIT, FUZZ_FILE_LIMIT };
    signal(SIGXFSZ, SIG_IGN);
    setrlimit(RLIMIT_FSIZE, &rl);
    g_log_set_default_handler(quiet_log, NULL);
}

void fuzz_clean_scratch(void)
{
    DIR *d = scratch_dir ? opendir(scratch_dir) : NULL;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            g_autofree char *p = g_build_filename(scratch_dir, e->d_name, NULL);
            unlink(p);
        }
    }
    if (d) {
        closedir(d);
    }
}

uint64_t fuzz_take(FuzzInput *in, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++) {
        if (in->left) {
            v |= (uint64_t)*in->p << (8 * i);
            in->p++;
            in->left--;
        }
    }
    return v;
}

/* ---- the monitor's machine ops: a VM that only changes its run state ---- */

static FuzzMachine *monitor_machine;

static RunState fm_run_state(void *opaque)
{
    return monitor_machine->paused ? RUN_STATE_PAUSED : RUN_STATE_RUNNING;
}

static bool fm_stop(void *opaque, GError **errp)
{
    monitor_machine->paused = true;
    return true;
}

static bool fm_cont(void *opaque, GError **errp)
{
    monitor_machine->paused = false;
    return true;
}

static void fm_system_reset(void *opaque)
{
    vm_request(VM_REQUEST_RESET, VM_CAUSE_HOST_QMP_RESET);
}

static void fm_system_powerdown(void *opaque)
{
    device_lock();
    acpi_piix4_power_button(monitor_machine->pm);
    device_unlock();
}

static void fm_quit(void *opaque)
{
    vm_request(VM_REQUEST_QUIT, VM_CAUSE_HOST_QMP_QUIT);
}

static const MonitorMachineOps fm_machine_ops = {
    .run_state = fm_run_state,
    .stop = fm_stop,
    .cont = fm_cont,
    .system_reset = fm_system_reset,
    .system_powerdown = fm_system_powerdown,
    .quit = fm_quit,
};

/* ---- building and tearing down, in hw/pc.c's order ---- */

static void no_irq(void *opaque, unsigned gsi, int level)
{
}

static const IrqLine irq_sci = { .set_level = no_irq, .gsi = HM_SCI_IRQ };
static const IrqLine irq_serial = { .set_level = no_irq, .gsi = HM_SERIAL0_IRQ };
static const IrqLine irq_rtc = { .set_level = no_irq, .gsi = HM_CMOS_IRQ };

#define MUST(expr) do {                                                   \
        if (!(expr)) {                                                    \
            die("%s failed: %s", #expr, err ? err->message : "(no error)"); \
        }                                                                 \
    } while (0)

FuzzMachine *fuzz_machine_new(unsigned flags)
{
    FuzzMachine *m = g_new0(FuzzMachine, 1);
    GError *err = NULL;
    m->flags = flags;
    MUST(machine_config_parse(&m->cfg, G_N_ELEMENTS(fuzz_argv) - 1, (char **)fuzz_argv,
                              &err));
    pc_memory_layout_init(&m->layout, m->cfg.ram_size);
    if (flags & FUZZ_MACHINE_DEVICES) {
        m->low_ram = g_malloc0(FUZZ_LOW_RAM_SIZE);
        MUST((m->ram_low = ram_block_add("ram-low", 0, FUZZ_LOW_RAM_SIZE, m->low_ram, false,
                                         &err)));
        MUST((m->i440fx = i440fx_new(&err)));
        MUST((m->piix3 = piix3_new(&err)));
        m->i440fx->reset_control_write = piix3_reset_control_write;
        m->i440fx->reset_control_read = piix3_reset_control_read;
        m->i440fx->reset_control_opaque = m->piix3;
    }
    MUST((m->pm = acpi_piix4_new(&irq_sci, &err)));
    if (flags & FUZZ_MACHINE_DEVICES) {
        MUST((m->serial = serial_new(HM_SERIAL0_BASE, &irq_serial, -1, &err)));
        MUST((m->rtc = rtc_cmos_new(&irq_rtc, &err)));
        MUST((m->kbd = i8042_new(&err)));
        MUST((m->fw_events = fw_event_port_new(&err)));
        MUST((m->fw_cfg = fw_cfg_new(&err)));
        fw_cfg_add_i64(m->fw_cfg, HM_FW_CFG_RAM_SIZE, m->layout.ram_size);
        fw_cfg_add_i16(m->fw_cfg, HM_FW_CFG_NB_CPUS, m->cfg.ncpus);
        fw_cfg_add_i16(m->fw_cfg, HM_FW_CFG_MAX_CPUS, m->cfg.ncpus);
        GArray *e820 = pc_e820_build(&m->layout);
        MUST(fw_cfg_add_file(m->fw_cfg, HM_FW_CFG_FILE_E820, e820->data,
                             e820->len * sizeof(HmE820Entry), &err));
        g_array_free(e820, TRUE);
    }
    device_lock();                /* as hw/pc.c builds and resets devices */
    m->dimms = pc_dimms_new(&m->cfg, &m->layout, 0, m->i440fx, m->fw_cfg, m->pm, &err);
    device_unlock();
    MUST(m->dimms);
    if (flags & FUZZ_MACHINE_MONITOR) {
        monitor_machine = m;
        monitor_set_machine_ops(&fm_machine_ops);
        device_lock();
        monitor_memory_attach(m->dimms);
        device_unlock();
    }
    device_lock();
    fuzz_machine_reset(m);
    device_unlock();
    sandbox = true;
    return m;
}

void fuzz_machine_free(FuzzMachine *m)
{
    sandbox = false;
    if (m->flags & FUZZ_MACHINE_MONITOR) {
        pc_monitor_detach_dimms();
        monitor_set_machine_ops(NULL);
        monitor_machine = NULL;
    }
    device_lock();
    pc_dimms_free(m->dimms);
    device_unlock();
    /* backends outlive their DIMMs: the next input starts with none */
    hostmem_del_all();
    fw_event_port_free(m->fw_events);
    i8042_free(m->kbd);
    rtc_cmos_free(m->rtc);
    serial_free(m->serial);
    fw_cfg_free(m->fw_cfg);
    acpi_piix4_free(m->pm);
    piix3_free(m->piix3);
    i440fx_free(m->i440fx);
    ram_block_remove_all();
    /* a request the last input posted must not reach the next one */
    vm_request_take(NULL);
    machine_config_clear(&m->cfg);
    g_free(m->low_ram);
    g_free(m);
}

void fuzz_machine_reset(FuzzMachine *m)
{
    if (m->i440fx) {
        i440fx_reset(m->i440fx);
        piix3_reset(m->piix3);
    }
    acpi_piix4_reset(m->pm);
    pc_dimms_reset(m->dimms);
    if (m->serial) {
        serial_reset(m->serial);
        rtc_cmos_reset(m->rtc);
        i8042_reset(m->kbd);
        fw_cfg_reset(m->fw_cfg);
        fw_event_port_reset(m->fw_events);
    }
    m->resets++;
}

void fuzz_machine_service_requests(FuzzMachine *m)
{
    if (vm_request_take(NULL) == VM_REQUEST_RESET) {
        fuzz_machine_reset(m);
    }
}

/* ---- a guest driving the register block ---- */

FuzzGuest fuzz_guest_from_input(const uint8_t **data, size_t *size)
{
    if (*size && (**data == FUZZ_GUEST_COOPERATIVE || **data == FUZZ_GUEST_REFUSING ||
                  **data == FUZZ_GUEST_POWER)) {
        FuzzGuest g = **data;
        (*data)++;
        (*size)--;
        return g;
    }
    return FUZZ_GUEST_NONE;
}

static void memhp_out(unsigned off, uint32_t v, unsigned size)
{
    uint8_t d[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };
    io_dispatch(IO_SPACE_PORT, HM_MEMHP_BASE + off, d, size, true);
}

static uint32_t memhp_in(unsigned off)
{
    uint8_t d[4];
    io_dispatch(IO_SPACE_PORT, HM_MEMHP_BASE + off, d, 4, false);
    return d[0] | d[1] << 8 | d[2] << 16 | (uint32_t)d[3] << 24;
}

static void guest_ost(uint32_t event, uint32_t status)
{
    memhp_out(HM_MEMHP_OST_EVENT, event, 4);
    memhp_out(HM_MEMHP_OST_STATUS, status, 4);
}

void fuzz_guest_run(FuzzMachine *m, FuzzGuest guest)
{
    if (guest == FUZZ_GUEST_NONE || !m->dimms->memhp) {
        return;
    }
    bool refuse = guest == FUZZ_GUEST_REFUSING;
    for (unsigned i = 0; i < m->dimms->memhp->nslots; i++) {
        memhp_out(HM_MEMHP_SELECTOR, i, 4);
        uint32_t st = memhp_in(HM_MEMHP_STATUS);
        if (st & HM_MEMHP_STS_INSERT) {
            memhp_out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_CLEAR_INSERT, 1);
            guest_ost(MEMHP_OST_EV_DEVICE_CHECK, refuse ? MEMHP_OST_SC_FAILURE : 0);
        }
        if (st & HM_MEMHP_STS_REMOVE) {
            memhp_out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_CLEAR_REMOVE, 1);
            if (refuse) {
                guest_ost(MEMHP_OST_EV_EJECT_REQUEST, 0x82);
            } else {
                guest_ost(MEMHP_OST_EV_EJECT_REQUEST, MEMHP_OST_SC_EJECT_IN_PROGRESS);
                memhp_out(HM_MEMHP_CONTROL, HM_MEMHP_CTL_EJECT, 1);
                guest_ost(MEMHP_OST_EV_EJECT_REQUEST, MEMHP_OST_SC_SUCCESS);
            }
        }
        if (guest == FUZZ_GUEST_POWER) {
            memhp_out(HM_MEMHP_POWER_STATE, 3, 4);
            memhp_out(HM_MEMHP_POWER_STATE, 0, 4);
        }
    }
}

/* ---- the invariant ---- */

typedef struct {
    const DimmBus *bus;
    const RamBlock *stray;
} BlockCheck;

static void check_block(RamBlock *b, void *opaque)
{
    BlockCheck *c = opaque;
    const DimmBus *bus = c->bus;
    uint64_t end = bus->region_base + bus->region_size;
    if (b->gpa + b->size <= bus->region_base || b->gpa >= end) {
        return;
    }
    for (unsigned i = 0; i < bus->nslots; i++) {
        const DimmDevice *dev = bus->slots[i];
        if (dev && dev->enabled && dev->ram == b) {
            return;
        }
    }
    c->stray = b;
}

void fuzz_dimms_check(const PcDimms *d)
{
    const DimmBus *bus = d->bus;
    const AcpiMemhpState *hp = d->memhp;
    if (!hp) {
        if (bus->nslots) {
            die("%u slots and no register block", bus->nslots);
        }
        return;
    }
    for (unsigned i = 0; i < bus->nslots; i++) {
        const DimmDevice *dev = bus->slots[i];
        const MemhpSlot *hs = &hp->slots[i];
        if (!dev) {
            if ((hs->dev != NULL)) {
                die("slot %u is free but the register block reports it enabled", i);
            }
            continue;
        }
        if (dev->slot != i) {
            die("slot %u holds DIMM %s that believes it is in slot %u", i, dev->id, dev->slot);
        }
        if (!dev->enabled) {
            if (guest_mem_range(dev->base, 1, false) ||
                guest_mem_range(dev->base + dev->size - 1, 1, false)) {
                die("disabled DIMM %s (slot %u) at 0x%" PRIx64 " still resolves", dev->id, i,
                    dev->base);
            }
            if (dev->ram || (hs->dev != NULL)) {
                die("disabled DIMM %s (slot %u) keeps ram %p / reads enabled %d", dev->id, i,
                    (void *)dev->ram, (hs->dev != NULL));
            }
            continue;
        }
        const RamBlock *b = dev->ram;
        const uint8_t *host = dev->backend ? dev->backend->host : NULL;
        if (!b || !host || b->gpa != dev->base || b->size != dev->size || b->host != host) {
            die("enabled DIMM %s (slot %u, 0x%" PRIx64 "+0x%" PRIx64 ") has RAM block "
                "%p (0x%" PRIx64 "+0x%" PRIx64 ")", dev->id, i, dev->base, dev->size,
                (void *)b, b ? b->gpa : 0, b ? b->size : 0);
        }
        if (guest_mem_range(dev->base, dev->size, true) != host) {
            die("enabled DIMM %s (slot %u) at 0x%" PRIx64 " does not resolve to its mapping",
                dev->id, i, dev->base);
        }
        if (hs->dev != dev) {
            die("enabled DIMM %s (slot %u) is not the register block's slot %u device (%p)",
                dev->id, i, i, (const void *)hs->dev);
        }
    }
    for (unsigned i = bus->nslots; i < hp->nslots; i++) {
        if ((hp->slots[i].dev != NULL)) {
            die("register block slot %u beyond the bus's %u reads enabled", i, bus->nslots);
        }
    }
    BlockCheck c = { .bus = bus };
    ram_block_foreach(check_block, &c);
    if (c.stray) {
        die("RAM block %s at 0x%" PRIx64 " lies in the hotplug region but no enabled DIMM "
            "owns it", c.stray->name, c.stray->gpa);
    }
}
