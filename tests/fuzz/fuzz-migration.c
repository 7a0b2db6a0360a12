/*
 * fuzz-migration.c - the destination's loader: a migration stream read as
 * migration/incoming.c reads it (header, then sections, each checked by its
 * CRC), on the fuzz machine with its DIMM slots. The memory layout goes
 * through pc_dimms_layout_parse/check/apply (DIMMs are created from it),
 * RAM sections through mig_ram_load into the registered RAM blocks (the
 * DIMMs' included), device sections into every chipset device's field
 * table. The DIMM invariant is checked after every section.
 *
 * Input: a first byte 'R' makes the rest a raw stream (what arrives on the
 * socket). Otherwise the input is a list of records, each
 *   kind (1 byte: 0 layout, 1 RAM, 2 device, 3 end) | target (1 byte: the
 *   RAM block or device, by index) | version (1 byte) | length (2 bytes,
 *   little-endian) | payload
 * written into a well-formed stream first (valid CRCs), so that the
 * mutations reach the section loaders rather than the CRC check.
 */
#include "tests/fuzz/fuzz-machine.h"
#include "hotmem/guest-mem.h"
#include "hotmem/io.h"
#include "migration/ram.h"
#include "migration/stream.h"
#include "migration/vmstate.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_SECTIONS 64

typedef struct FuzzDevice {
    const VmStateDesc *desc;
    void *obj;
    size_t size;
} FuzzDevice;

static void put_record(GByteArray *seed, unsigned kind, unsigned target, unsigned version,
                       const uint8_t *payload, size_t len)
{
    uint8_t h[5] = { (uint8_t)kind, (uint8_t)target, (uint8_t)version, (uint8_t)len,
                     (uint8_t)(len >> 8) };
    g_byte_array_append(seed, h, sizeof(h));
    g_byte_array_append(seed, payload, len);
}

static unsigned machine_devices(FuzzMachine *m, FuzzDevice *d);
static GByteArray *build_stream(FuzzMachine *m, const uint8_t *p, size_t left,
                                const FuzzDevice *devs, unsigned ndevs);

/* HOTMEM_FUZZ_WRITE_SEEDS=DIR: the seeds of the corpus, in the structured
 * form, from a live machine: its layout and every device's saved state
 * (one seed each, and one with all of them). */
static void write_seeds(const char *dir)
{
    FuzzMachine *m = fuzz_machine_new(FUZZ_MACHINE_DEVICES);
    FuzzDevice devs[16];
    unsigned ndevs = machine_devices(m, devs);
    g_autoptr(GByteArray) all = g_byte_array_new();
    device_lock();
    g_autoptr(GByteArray) layout = pc_dimms_layout_save(m->dimms);
    put_record(all, 0, 0, 1, layout->data, layout->len);
    for (unsigned i = 0; i < ndevs; i++) {
        g_autoptr(GByteArray) st = g_byte_array_new();
        g_assert_true(vmstate_save(devs[i].desc, devs[i].obj, st, NULL));
        g_autoptr(GByteArray) one = g_byte_array_new();
        put_record(one, 0, 0, 1, layout->data, layout->len);
        put_record(one, 2, i, devs[i].desc->version, st->data, st->len);
        put_record(all, 2, i, devs[i].desc->version, st->data, st->len);
        g_autofree char *f = g_strdup_printf("%s/device-%s", dir, devs[i].desc->name);
        g_assert_true(g_file_set_contents(f, (char *)one->data, one->len, NULL));
    }
    /* a RAM section: one zero-page record and one whole page at offset 0 */
    static const uint8_t page_rec[] = { 0, 0, 0, 0, 0, 0, 0, 0 };
    put_record(all, 1, 0, 1, page_rec, sizeof(page_rec));
    put_record(all, 3, 0, 1, NULL, 0);
    device_unlock();
    g_autofree char *f = g_strdup_printf("%s/whole-stream", dir);
    g_assert_true(g_file_set_contents(f, (char *)all->data, all->len, NULL));
    /* the same as raw bytes, the way they arrive on a socket */
    g_autoptr(GByteArray) raw = g_byte_array_new();
    g_byte_array_append(raw, (const uint8_t *)"R", 1);
    g_autoptr(GByteArray) stream = build_stream(m, all->data, all->len, devs, ndevs);
    g_byte_array_append(raw, stream->data, stream->len);
    g_autofree char *fr = g_strdup_printf("%s/raw-stream", dir);
    g_assert_true(g_file_set_contents(fr, (char *)raw->data, raw->len, NULL));
    fuzz_machine_free(m);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_process_init();
    const char *dir = g_getenv("HOTMEM_FUZZ_WRITE_SEEDS");
    if (dir) {
        write_seeds(dir);
        exit(0);
    }
    return 0;
}

static unsigned machine_devices(FuzzMachine *m, FuzzDevice *d)
{
    unsigned n = 0;
#define DEV(desc_, obj_) (d[n++] = (FuzzDevice){ &(desc_), (obj_), sizeof(*(obj_)) })
    DEV(i440fx_vmstate, m->i440fx);
    DEV(piix3_vmstate, m->piix3);
    DEV(acpi_piix4_vmstate, m->pm);
    DEV(serial_vmstate, m->serial);
    DEV(rtc_cmos_vmstate, m->rtc);
    DEV(i8042_vmstate, m->kbd);
    DEV(fw_cfg_vmstate, m->fw_cfg);
    if (m->dimms->memhp) {
        DEV(acpi_memhp_vmstate, m->dimms->memhp);
    }
#undef DEV
    return n;
}

static void collect_block(RamBlock *b, void *opaque)
{
    g_ptr_array_add(opaque, (gpointer)b->name);
}

/* The structured form, written out as a stream with valid CRCs. */
static GByteArray *build_stream(FuzzMachine *m, const uint8_t *p, size_t left,
                                const FuzzDevice *devs, unsigned ndevs)
{
    static const uint8_t kinds[] = { MIG_SECTION_LAYOUT, MIG_SECTION_RAM, MIG_SECTION_DEVICE,
                                     MIG_SECTION_END };
    GByteArray *out = g_byte_array_new();
    mig_stream_put_header(out);
    g_autoptr(GPtrArray) blocks = g_ptr_array_new();
    ram_block_foreach(collect_block, blocks);
    for (unsigned n = 0; left >= 5 && n < MAX_SECTIONS; n++) {
        uint8_t kind = kinds[p[0] % G_N_ELEMENTS(kinds)];
        uint8_t target = p[1], version = p[2];
        size_t len = MIN((size_t)(p[3] | p[4] << 8), left - 5);
        const uint8_t *payload = p + 5;
        p += 5 + len;
        left -= 5 + len;
        const char *name = "layout";
        if (kind == MIG_SECTION_RAM) {
            name = blocks->len ? g_ptr_array_index(blocks, target % blocks->len) : "none";
        } else if (kind == MIG_SECTION_DEVICE) {
            name = target < 2 * ndevs ? devs[target % ndevs].desc->name : "no-such-device";
        }
        mig_stream_put_section(out, kind, name, target >= 2 * ndevs ? target : 0, version,
                               payload, len);
    }
    return out;
}

/* One section, as incoming.c dispatches it; false ends the stream. */
static bool load_section(FuzzMachine *m, const MigSection *sec, bool first,
                         const FuzzDevice *devs, unsigned ndevs, MigRamStats *stats)
{
    GError *err = NULL;
    bool ok = false;
    if (first != (sec->kind == MIG_SECTION_LAYOUT)) {
        return false;                     /* incoming.c: the layout first, and once */
    }
    switch (sec->kind) {
    case MIG_SECTION_LAYOUT: {
        g_autofree PcDimmLayout *l = g_new0(PcDimmLayout, 1);
        ok = pc_dimms_layout_parse(sec->payload->data, sec->payload->len, l, &err);
        if (ok) {
            device_lock();
            ok = pc_dimms_layout_check(m->dimms, l, &err) &&
                 pc_dimms_layout_apply(m->dimms, l, &err);
            device_unlock();
        }
        break;
    }
    case MIG_SECTION_RAM:
        ok = mig_ram_load(sec, stats, &err);
        break;
    case MIG_SECTION_DEVICE:
        for (unsigned i = 0; i < ndevs; i++) {
            if (!strcmp(sec->name, devs[i].desc->name) && sec->instance == 0) {
                device_lock();
                ok = vmstate_load_into(devs[i].desc, devs[i].obj, devs[i].size,
                                       sec->payload->data, sec->payload->len, sec->version,
                                       &err);
                device_unlock();
                break;
            }
        }
        break;
    default:
        break;
    }
    if (!ok && err) {
        g_assert(err->message[0]);        /* every refusal says why */
    }
    g_clear_error(&err);
    device_lock();
    fuzz_dimms_check(m->dimms);
    device_unlock();
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzMachine *m = fuzz_machine_new(FUZZ_MACHINE_DEVICES);
    FuzzDevice devs[16];
    unsigned ndevs = machine_devices(m, devs);
    g_autoptr(GByteArray) built = NULL;
    MigBufReader r;
    if (size && data[0] == 'R') {
        r = (MigBufReader){ data + 1, size - 1 };
    } else {
        built = build_stream(m, data, size, devs, ndevs);
        r = (MigBufReader){ built->data, built->len };
    }
    GError *err = NULL;
    MigRamStats stats = { 0 };
    if (mig_stream_get_header(mig_buf_read, &r, &err)) {
        for (unsigned n = 0; n < MAX_SECTIONS; n++) {
            MigSection sec = { 0 };
            if (!mig_stream_get_section(mig_buf_read, &r, &sec, &err)) {
                break;
            }
            bool go_on = sec.kind != MIG_SECTION_END &&
                         load_section(m, &sec, n == 0, devs, ndevs, &stats);
            mig_section_clear(&sec);
            if (!go_on) {
                break;
            }
        }
    }
    g_clear_error(&err);
    fuzz_machine_free(m);
    return 0;
}
