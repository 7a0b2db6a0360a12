/*
 * pc.c - the machine recipe: files, RAM, chipset, ISA devices, fw_cfg,
 * KVM; reset and teardown in reverse order.
 */
#include "hw/pc.h"
#include "hw/acpi_piix4.h"
#include "hw/fw_cfg.h"
#include "hw/fw_event_port.h"
#include "hw/hotmem-pc.h"
#include "hw/i440fx.h"
#include "hw/hostmem.h"
#include "hw/i8042.h"
#include "hw/objects.h"
#include "hw/pc_balloon.h"
#include "hw/pc_devices.h"
#include "hw/pc_dimm.h"
#include "hw/pc_kernel.h"
#include "hw/pc_monitor.h"
#include "hw/pc_memmap.h"
#include "hw/piix3.h"
#include "hw/rtc_cmos.h"
#include "hw/serial.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "hotmem/kvm.h"
#include "hotmem/kvm-irq.h"
#include "hotmem/main-loop.h"
#include "hotmem/util.h"
#include "migration/migration.h"
#include "migration/vmstate.h"
#include "monitor/balloon.h"

#include <json-glib/json-glib.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PC_LEGACY_VGA_START 0xa0000ULL
#define PC_LEGACY_ROM_START 0xc0000ULL

struct PcMachine {
    MachineConfig cfg;
    PcMemoryLayout layout;
    PcKernelImage kernel;
    bool has_kernel;
    GBytes *bios;

    uint8_t *ram_host;                /* -numa memdev=: the nodes' backends, in order */
    uint8_t *low_ram;                 /* host mapping of [0, below_4g) */
    uint8_t *high_ram;                /* host mapping of RAM above 4 GiB */
    uint8_t *rom;                     /* the firmware image, read-only to the guest */
    RamBlock *ram_low;                /* [0, 0xa0000) */
    RamBlock *ram_shadow;             /* [0xc0000, below_4g), firmware copy at 0xe0000 */
    RamBlock *ram_high;
    RamBlock *rom_block;

    KvmAccel *kvm;
    IrqLine irq[24];
    int serial_fd;

    I440fxState *i440fx;
    Piix3State *piix3;
    AcpiPiix4State *pm;
    FwCfgState *fw_cfg;
    SerialState *serial;
    RtcCmosState *rtc;
    I8042State *kbd;
    FwEventPort *fw_events;
    PcMonitor *mon;
    PcDimms *dimms;                   /* DIMM slots, memory hotplug block, their fw_cfg files */
    PcDevices *devices;               /* -device */

    int64_t start_ns;
    unsigned boots;
    bool ran;                         /* the vCPUs have run: PCI is enumerated */
};

static bool pc_vcpus_start(PcMachine *pc, GError **errp)
{
    bool ok = kvm_vcpus_start(pc->kvm, errp);
    pc->ran |= ok;
    return ok;
}

/* Without -bios: the build tree next to the executable, then the installed
 * tree (PREFIX/bin/hotmem -> PREFIX/share/hotmem/bios.bin). The first that
 * exists wins; when neither does, the error names the build-tree path. */
static char *default_bios_path(void)
{
    g_autofree char *exe = g_file_read_link("/proc/self/exe", NULL);
    g_autofree char *dir = exe ? g_path_get_dirname(exe) : g_strdup(".");
    char *build = g_build_filename(dir, "seabios", "out", "bios.bin", NULL);
    char *installed = g_build_filename(dir, "..", "share", "hotmem", "bios.bin", NULL);
    if (!g_file_test(build, G_FILE_TEST_EXISTS) && g_file_test(installed, G_FILE_TEST_EXISTS)) {
        g_free(build);
        return installed;
    }
    g_free(installed);
    return build;
}

static bool load_bios(PcMachine *pc, GError **errp)
{
    g_autofree char *path = pc->cfg.bios ? g_strdup(pc->cfg.bios) : default_bios_path();
    char *data;
    gsize len;
    GError *err = NULL;
    if (!g_file_get_contents(path, &data, &len, &err)) {
        g_set_error(errp, HM_ERROR, 0, "-bios: %s", err->message);
        g_error_free(err);
        return false;
    }
    if (len == 0 || len % 0x10000 || len > HM_BIOS_SIZE) {
        g_set_error(errp, HM_ERROR, 0,
                    "-bios: %s is %zu bytes; a multiple of 64 KiB up to 128 KiB is needed",
                    path, (size_t)len);
        g_free(data);
        return false;
    }
    pc->bios = g_bytes_new_take(data, len);
    return true;
}

static uint8_t *map_anonymous(uint64_t size, const char *what, GError **errp)
{
    void *p = guest_ram_alloc(size);
    if (!p) {
        g_set_error(errp, HM_ERROR, 0, "cannot map %s (%" PRIu64 " bytes): %s", what, size,
                    g_strerror(errno));
        return NULL;
    }
    return p;
}

/* -machine dump-guest-core= and mem-merge= (QEMU's defaults: on, on). */
static void base_ram_advice(PcMachine *pc, void *host, uint64_t size)
{
    if (pc->cfg.no_dump_guest_core) {
        madvise(host, size, MADV_DONTDUMP);
    }
    madvise(host, size, pc->cfg.no_mem_merge ? MADV_UNMERGEABLE : MADV_MERGEABLE);
}

/* -object: the backends and secrets, before anything uses them */
static bool create_objects(PcMachine *pc, GError **errp)
{
    for (guint i = 0; pc->cfg.objects && i < pc->cfg.objects->len; i++) {
        if (!user_object_add(g_ptr_array_index(pc->cfg.objects, i), errp)) {
            g_prefix_error(errp, "-object: ");
            return false;
        }
    }
    return true;
}

/* -numa memdev=: base RAM is the nodes' backends, node after node, mapped
 * over one reservation, so that RAM below and above 4 GiB keep their one
 * host mapping each. */
static bool map_node_backends(PcMachine *pc, GError **errp)
{
    const MachineConfig *cfg = &pc->cfg;
    pc->ram_host = map_anonymous(cfg->ram_size, "RAM", errp);
    if (!pc->ram_host) {
        return false;
    }
    uint64_t off = 0;
    for (unsigned i = 0; i < cfg->nnodes; i++) {
        HostMemBackend *b = hostmem_find(cfg->numa[i].memdev);
        g_autofree char *owner = g_strdup_printf("node%u", i);
        if (!b || !hostmem_claim_at(b, owner, pc->ram_host + off, errp)) {
            if (!b) {
                g_set_error(errp, HM_ERROR, 0, "-numa: memdev '%s' does not exist",
                            cfg->numa[i].memdev);
            }
            g_prefix_error(errp, "-numa node %u: ", i);
            return false;
        }
        b->numa_node = true;
        off += b->size;
    }
    pc->low_ram = pc->ram_host;
    pc->high_ram = pc->layout.above_4g ? pc->ram_host + pc->layout.below_4g : NULL;
    return true;
}

static bool setup_ram(PcMachine *pc, GError **errp)
{
    const PcMemoryLayout *l = &pc->layout;
    if (pc->cfg.nnodes && pc->cfg.numa[0].memdev) {
        if (!map_node_backends(pc, errp)) {
            return false;
        }
    } else {
        pc->low_ram = map_anonymous(l->below_4g, "RAM", errp);
        if (!pc->low_ram) {
            return false;
        }
        if (l->above_4g) {
            pc->high_ram = map_anonymous(l->above_4g, "RAM above 4 GiB", errp);
            if (!pc->high_ram) {
                return false;
            }
            base_ram_advice(pc, pc->high_ram, l->above_4g);
        }
    }
    base_ram_advice(pc, pc->low_ram, l->below_4g);
    /* 0xa0000-0xbffff is the legacy VGA window: no RAM, reads all-ones */
    pc->ram_low = ram_block_add("ram-low", 0, PC_LEGACY_VGA_START, pc->low_ram, false, errp);
    if (!pc->ram_low) {
        return false;
    }
    pc->ram_shadow = ram_block_add("ram-below-4g", PC_LEGACY_ROM_START,
                                   l->below_4g - PC_LEGACY_ROM_START,
                                   pc->low_ram + PC_LEGACY_ROM_START, false, errp);
    if (!pc->ram_shadow) {
        return false;
    }
    if (l->above_4g) {
        pc->ram_high = ram_block_add("ram-above-4g", HM_4GIB, l->above_4g, pc->high_ram,
                                     false, errp);
        if (!pc->ram_high) {
            return false;
        }
    }
    gsize bios_len;
    const void *bios = g_bytes_get_data(pc->bios, &bios_len);
    pc->rom = map_anonymous(bios_len, "firmware", errp);
    if (!pc->rom) {
        return false;
    }
    memcpy(pc->rom, bios, bios_len);
    /* the ROM mapping is the one copy kept: drop the file's buffer */
    GBytes *rom = g_bytes_new_static(pc->rom, bios_len);
    g_bytes_unref(pc->bios);
    pc->bios = rom;
    pc->rom_block = ram_block_add("bios", HM_4GIB - bios_len, bios_len, pc->rom, true, errp);
    return pc->rom_block != NULL;
}

/* The reset-time view of 0xe0000-0xfffff: a copy of the firmware's top
 * 128 KiB, as a BIOS shadow would leave it. */
static void copy_rom_shadow(PcMachine *pc)
{
    gsize len = g_bytes_get_size(pc->bios);
    gsize shadow = MIN(len, (gsize)(0x100000 - HM_BIOS_LOW_ALIAS));
    memcpy(pc->low_ram + 0x100000 - shadow, pc->rom + len - shadow, shadow);
}

static bool setup_fw_cfg(PcMachine *pc, GError **errp)
{
    pc->fw_cfg = fw_cfg_new(errp);
    if (!pc->fw_cfg) {
        return false;
    }
    FwCfgState *f = pc->fw_cfg;
    fw_cfg_add_i64(f, HM_FW_CFG_RAM_SIZE, pc->layout.ram_size);
    fw_cfg_add_i16(f, HM_FW_CFG_NB_CPUS, pc->cfg.ncpus);
    fw_cfg_add_i16(f, HM_FW_CFG_MAX_CPUS, pc->cfg.ncpus);

    GArray *e820 = pc_e820_build(&pc->layout);
    bool ok = fw_cfg_add_file(f, HM_FW_CFG_FILE_E820, e820->data,
                              e820->len * sizeof(HmE820Entry), errp);
    g_array_free(e820, TRUE);
    if (!ok) {
        return false;
    }
    if (pc->has_kernel) {
        pc_kernel_add_fw_cfg(&pc->kernel, f);
    }
    return true;
}

static bool open_serial_backend(PcMachine *pc, GError **errp)
{
    pc->serial_fd = -1;
    switch (pc->cfg.serial) {
    case SERIAL_BACKEND_STDIO:
        pc->serial_fd = STDOUT_FILENO;
        return true;
    case SERIAL_BACKEND_NONE:
        return true;
    case SERIAL_BACKEND_FILE:
        pc->serial_fd = open(pc->cfg.serial_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                             0600);
        if (pc->serial_fd < 0) {
            g_set_error(errp, HM_ERROR, 0, "-serial: cannot open %s: %s", pc->cfg.serial_path,
                        g_strerror(errno));
            return false;
        }
        return true;
    }
    return true;
}

static bool setup_devices(PcMachine *pc, GError **errp)
{
    for (unsigned i = 0; i < G_N_ELEMENTS(pc->irq); i++) {
        pc->irq[i] = (IrqLine){ .set_level = kvm_set_irq, .opaque = pc->kvm, .gsi = i };
    }
    pc->i440fx = i440fx_new(errp);
    if (!pc->i440fx) {
        return false;
    }
    pc->piix3 = piix3_new(errp);
    if (!pc->piix3) {
        return false;
    }
    pc->piix3->isa_irq = pc->irq;
    pc->i440fx->reset_control_write = piix3_reset_control_write;
    pc->i440fx->reset_control_read = piix3_reset_control_read;
    pc->i440fx->reset_control_opaque = pc->piix3;
    pc->pm = acpi_piix4_new(&pc->irq[HM_SCI_IRQ], errp);
    if (!pc->pm) {
        return false;
    }
    pc->serial = serial_new(HM_SERIAL0_BASE, &pc->irq[HM_SERIAL0_IRQ], pc->serial_fd, errp);
    if (!pc->serial) {
        return false;
    }
    pc->rtc = rtc_cmos_new(&pc->irq[HM_CMOS_IRQ], errp);
    if (!pc->rtc) {
        return false;
    }
    if (pc->cfg.rtc_localtime) {
        g_autoptr(GDateTime) now = g_date_time_new_now_local();
        rtc_cmos_set_offset(pc->rtc, g_date_time_get_utc_offset(now) / G_USEC_PER_SEC);
    }
    pc->kbd = i8042_new(errp);
    if (!pc->kbd) {
        return false;
    }
    pc->fw_events = fw_event_port_new(errp);
    if (!pc->fw_events) {
        return false;
    }
    if (!setup_fw_cfg(pc, errp)) {
        return false;
    }
    /* after fw_cfg and PM: also publishes etc/reserved-memory-end. DIMMs
     * must stay below what the guest's CPUs can address. */
    pc->dimms = pc_dimms_new(&pc->cfg, &pc->layout, kvm_phys_addr_bits(pc->kvm), pc->i440fx,
                             NULL, pc->pm, errp);
    PciMsiSender msi = { .send = kvm_signal_msi, .opaque = pc->kvm };
    PciIoeventfdOps ioeventfd = { .set = kvm_ioeventfd, .opaque = pc->kvm };
    /* the DIMM files list the -device pc-dimms too: published after them */
    return pc->dimms != NULL &&
           pc_devices_realize(pc->devices, pc->piix3, pc->dimms,
                              kvm_has_msi(pc->kvm) ? &msi : NULL,
                              kvm_has_ioeventfd(pc->kvm) ? &ioeventfd : NULL, errp) &&
           pc_dimms_publish(pc->dimms, &pc->cfg, pc->fw_cfg, errp);
}

static void reset_devices(PcMachine *pc)
{
    i440fx_reset(pc->i440fx);
    piix3_reset(pc->piix3);
    pc_devices_reset(pc->devices);
    acpi_piix4_reset(pc->pm);
    pc_dimms_reset(pc->dimms);
    serial_reset(pc->serial);
    rtc_cmos_reset(pc->rtc);
    i8042_reset(pc->kbd);
    fw_cfg_reset(pc->fw_cfg);
    fw_event_port_reset(pc->fw_events);
    copy_rom_shadow(pc);
}

/* ---- what the migration engine asks of the machine (main thread) ---- */

static bool pc_mig_running(void *opaque)
{
    PcMachine *pc = opaque;
    return pc_monitor_vm_running(pc->mon);
}

static void pc_mig_vcpus_stop(void *opaque)
{
    PcMachine *pc = opaque;
    kvm_vcpus_stop(pc->kvm);
}

static bool pc_mig_vcpus_start(void *opaque, GError **errp)
{
    PcMachine *pc = opaque;
    return pc_vcpus_start(pc, errp);
}

static void pc_mig_quiesce(void *opaque, bool on)
{
    PcMachine *pc = opaque;
    VirtioBalloon *b = pc_devices_balloon(pc->devices);
    if (b) {
        device_lock();
        virtio_balloon_set_quiesced(b, on);
        device_unlock();
    }
}

static void pc_mig_mark_paused(void *opaque)
{
    PcMachine *pc = opaque;
    pc_monitor_set_paused(pc->mon, true);
}

static void pc_migration_attach(PcMachine *pc)
{
    MigrationMachine m = {
        .kvm = pc->kvm,
        .ncpus = pc->cfg.ncpus,
        .dimms = pc->dimms,
        .running = pc_mig_running,
        .vcpus_stop = pc_mig_vcpus_stop,
        .vcpus_start = pc_mig_vcpus_start,
        .mark_paused = pc_mig_mark_paused,
        .quiesce = pc_mig_quiesce,
        .opaque = pc,
    };
    /* the devices whose state the guest would miss on a destination */
#define MIG_DEVICE(d, o) \
    (m.devices[m.ndevices++] = (MigrationDevice){ .desc = &(d), .obj = (o), .size = sizeof(*(o)) })
    MIG_DEVICE(i440fx_vmstate, pc->i440fx);
    MIG_DEVICE(piix3_vmstate, pc->piix3);
    MIG_DEVICE(acpi_piix4_vmstate, pc->pm);
    MIG_DEVICE(serial_vmstate, pc->serial);
    MIG_DEVICE(rtc_cmos_vmstate, pc->rtc);
    MIG_DEVICE(i8042_vmstate, pc->kbd);
    if (pc->dimms->memhp) {
        MIG_DEVICE(acpi_memhp_vmstate, pc->dimms->memhp);
    }
#undef MIG_DEVICE
    VirtioBalloon *b = pc_devices_balloon(pc->devices);
    if (b) {
        /* after piix3 (its PIRQ routing carries the INTx line); the
         * transport before the device, whose load re-drives the line */
        unsigned slot = b->pci->pci.devfn >> 3;
        m.devices[m.ndevices++] = (MigrationDevice){
            .desc = &virtio_pci_vmstate, .instance = slot, .obj = b->pci,
            .size = sizeof(*b->pci), .label = "virtio-balloon-pci", .identity = b->identity };
        m.devices[m.ndevices++] = (MigrationDevice){
            .desc = &virtio_balloon_vmstate, .instance = slot, .obj = b, .size = sizeof(*b) };
    }
    migration_set_machine(&m);
}

/* device_add virtio-balloon-pci (device lock held): only before the first
 * boot, while the firmware has not enumerated PCI yet; hotmem's pci.0 has
 * no hotplug controller, and QEMU says so in these words for such a bus. */
static bool pc_add_balloon(void *opaque, JsonObject *props, GError **errp)
{
    PcMachine *pc = opaque;
    if (pc->ran || pc->boots) {
        g_set_error(errp, HM_ERROR, 0, "Bus 'pci.0' does not support hotplugging");
        return false;
    }
    JsonNode *n = json_node_init_object(json_node_alloc(), props);
    g_autofree char *json = json_to_string(n, FALSE);
    json_node_unref(n);
    VirtioBalloon *b = pc_devices_add_balloon(pc->devices, json, errp);
    if (!b) {
        return false;
    }
    pc_balloon_attach(b, pc->cfg.ram_size, pc->dimms);
    pc_migration_attach(pc);
    return true;
}

PcMachine *pc_machine_new(const MachineConfig *cfg, GError **errp)
{
    PcMachine *pc = g_new0(PcMachine, 1);
    pc->start_ns = hm_clock_ns();
    pc->serial_fd = -1;
    pc->cfg = *cfg;
    /* the strings stay owned by the caller's MachineConfig */
    pc_memory_layout_init(&pc->layout, cfg->ram_size);

    /* Files and host resources first: a bad value fails before any VM exists. */
    if (!load_bios(pc, errp)) {
        goto fail;
    }
    if (cfg->kernel) {
        if (!pc_kernel_load(&pc->kernel, cfg->kernel, cfg->initrd, cfg->append, errp)) {
            goto fail;
        }
        pc->has_kernel = true;
    }
    if (!open_serial_backend(pc, errp)) {
        goto fail;
    }
    pc->devices = pc_devices_parse(cfg->devices, cfg->ndevices, errp);
    if (!pc->devices) {
        goto fail;
    }
    KvmTopology topo = { .ncpus = cfg->ncpus, .sockets = cfg->sockets, .cores = cfg->cores,
                         .threads = cfg->threads };
    pc->kvm = kvm_accel_open(&topo, errp);
    if (!pc->kvm) {
        goto fail;
    }
    /* devices are built and reset under the lock their code expects */
    device_lock();
    bool built = create_objects(pc, errp) && setup_ram(pc, errp) && setup_devices(pc, errp);
    if (built) {
        reset_devices(pc);
    }
    device_unlock();
    if (!built || !kvm_vm_create(pc->kvm, errp)) {
        goto fail;
    }
    pc->mon = pc_monitor_new(&pc->cfg, pc, pc->pm, pc->dimms, errp);
    if (!pc->mon) {
        goto fail;
    }
    device_lock();
    pc_balloon_attach(pc_devices_balloon(pc->devices), cfg->ram_size, pc->dimms);
    device_unlock();
    pc_migration_attach(pc);
    monitor_set_balloon_add(pc_add_balloon, pc);
    return pc;

fail:
    pc_machine_free(pc);
    return NULL;
}

void pc_machine_vcpus_stop(PcMachine *pc)
{
    kvm_vcpus_stop(pc->kvm);
}

bool pc_machine_vcpus_start(PcMachine *pc, GError **errp)
{
    return pc_vcpus_start(pc, errp);
}

int pc_machine_vcpu_thread_id(PcMachine *pc, unsigned index)
{
    return kvm_vcpu_thread_id(pc->kvm, index);
}

static bool pc_machine_reset(void *opaque, GError **errp)
{
    PcMachine *pc = opaque;
    /* the firmware reads the kernel items from their files again: refuse a
     * file changed in place before anything is torn down */
    if (pc->has_kernel && !pc_kernel_check(&pc->kernel, errp)) {
        return false;
    }
    if (migration_in_progress()) {
        migration_cancel_and_wait();      /* its dirty log and RAM blocks go away here */
    }
    kvm_vcpus_stop(pc->kvm);
    device_lock();
    kvm_vm_destroy(pc->kvm);
    reset_devices(pc);
    bool ok = kvm_vm_create(pc->kvm, errp);
    device_unlock();
    if (!ok) {
        return false;
    }
    pc->boots++;
    pc_monitor_note_reset(pc->mon);
    if (!pc_monitor_vm_running(pc->mon) || migration_incoming_expected()) {
        return true;                  /* 'stop' holds across reset until 'cont' */
    }
    return pc_vcpus_start(pc, errp);
}

static size_t pc_console_input(void *opaque, const uint8_t *buf, size_t len)
{
    PcMachine *pc = opaque;
    return serial_receive(pc->serial, buf, len);
}

static void write_timing_report(PcMachine *pc, int status)
{
    const char *path = g_getenv("HOTMEM_TIMING");
    if (!path || !*path) {
        return;
    }
    FwEventPort *ev = pc->fw_events;
    int64_t now = hm_clock_ns();
#define MS(ns) ((ns) ? ((ns) - pc->start_ns) / 1e6 : -1.0)
    g_autofree char *json = g_strdup_printf(
        "{\"exit_status\": %d, \"boots\": %u, \"run_ms\": %.3f,"
        " \"fw_entry_ms\": %.3f, \"fw_tables_ms\": %.3f, \"kernel_entry_ms\": %.3f,"
        " \"fw_entry_count\": %u}\n",
        status, pc->boots + 1, (now - pc->start_ns) / 1e6,
        MS(ev ? ev->last_ns[HM_FW_EVENT_ENTRY] : 0),
        MS(ev ? ev->last_ns[HM_FW_EVENT_TABLES_DONE] : 0),
        MS(ev ? ev->last_ns[HM_FW_EVENT_KERNEL_ENTRY] : 0),
        ev ? ev->count[HM_FW_EVENT_ENTRY] : 0);
#undef MS
    GError *err = NULL;
    if (!g_file_set_contents(path, json, -1, &err)) {
        fprintf(stderr, "hotmem: HOTMEM_TIMING: %s\n", err->message);
        g_error_free(err);
    }
}

static void pc_guest_shutdown(void *opaque)
{
    PcMachine *pc = opaque;
    pc_monitor_guest_shutdown(pc->mon);
}

int pc_machine_run(PcMachine *pc)
{
    GError *err = NULL;
    /* -incoming: the vCPUs start when the migrated state has arrived;
     * -S: the monitor's cont starts them. Their threads exist already, so
     * query-cpus-fast gives the ids a tool pins before cont. */
    bool ok = pc->cfg.incoming ? migration_incoming_init(pc->cfg.incoming, &err) &&
                                     kvm_vcpus_spawn(pc->kvm, &err)
              : pc->cfg.start_paused ? kvm_vcpus_spawn(pc->kvm, &err)
                                     : pc_vcpus_start(pc, &err);
    if (!ok) {
        fprintf(stderr, "hotmem: %s\n", err->message);
        g_error_free(err);
        migration_shutdown();
        return 1;
    }
    MainLoopOps ops = {
        .reset = pc_machine_reset,
        .console_input = pc_console_input,
        .guest_shutdown = pc_guest_shutdown,
        .opaque = pc,
    };
    MainLoopConfig mcfg = {
        .no_reboot = pc->cfg.no_reboot,
        .no_shutdown = pc->cfg.no_shutdown,
        .console_stdin = pc->cfg.serial == SERIAL_BACKEND_STDIO,
    };
    int status = main_loop_run(&ops, &mcfg);
    migration_shutdown();
    kvm_vcpus_stop(pc->kvm);
    write_timing_report(pc, status);
    return status;
}

void pc_machine_free(PcMachine *pc)
{
    if (!pc) {
        return;
    }
    monitor_set_balloon_add(NULL, NULL);
    pc_balloon_detach();
    migration_shutdown();
    pc_monitor_free(pc->mon);
    if (pc->kvm) {
        kvm_vm_destroy(pc->kvm);
    }
    device_lock();
    pc_dimms_free(pc->dimms);                 /* and every backend with it */
    pc_devices_free(pc->devices);
    user_objects_clear();
    device_unlock();
    fw_event_port_free(pc->fw_events);
    i8042_free(pc->kbd);
    rtc_cmos_free(pc->rtc);
    serial_free(pc->serial);
    fw_cfg_free(pc->fw_cfg);
    acpi_piix4_free(pc->pm);
    piix3_free(pc->piix3);
    i440fx_free(pc->i440fx);
    kvm_accel_close(pc->kvm);
    ram_block_remove_all();
    if (pc->rom) {
        munmap(pc->rom, g_bytes_get_size(pc->bios));
    }
    if (pc->ram_host) {
        guest_ram_free(pc->ram_host, pc->cfg.ram_size);   /* the backends went above */
    } else {
        if (pc->high_ram) {
            guest_ram_free(pc->high_ram, pc->layout.above_4g);
        }
        if (pc->low_ram) {
            guest_ram_free(pc->low_ram, pc->layout.below_4g);
        }
    }
    if (pc->serial_fd > STDERR_FILENO) {
        close(pc->serial_fd);
    }
    pc_kernel_clear(&pc->kernel);
    if (pc->bios) {
        g_bytes_unref(pc->bios);
    }
    g_free(pc);
}
