/*
 * test-pc-devices.c - -device parsing (both of QEMU's syntaxes, QEMU's
 * error texts), slot assignment, and a balloon's INTx reaching an ISA IRQ
 * through the PIIX3 PIRQ routing the firmware programs.
 */
#include "hw/hotmem-pc.h"
#include "hw/pc_devices.h"
#include "hw/piix3.h"
#include "hotmem/io.h"
#include "hotmem/options.h"
#include "tests/unit/parse-options.h"

#include <string.h>

static PcDevices *parse(GError **err, ...)
{
    char *args[8];
    unsigned n = 0;
    va_list ap;
    va_start(ap, err);
    for (char *a; (a = va_arg(ap, char *)) && n < 8;) {
        args[n++] = a;
    }
    va_end(ap);
    return pc_devices_parse(args, n, err);
}

static void test_parse_errors(void)
{
    static const struct {
        const char *arg, *arg2, *expect;
    } bad[] = {
        { "foo", NULL, "-device foo: 'foo' is not a valid device model name" },
        { "pc-dimm,id=d", NULL, "-device pc-dimm,id=d: 'memdev' property must be set" },
        { "id=x", NULL, "-device id=x: Parameter 'driver' is missing" },
        { "", NULL, "-device : Parameter 'driver' is missing" },
        { "virtio-balloon-pci,bogus=1", NULL,
          "-device virtio-balloon-pci,bogus=1: Property 'virtio-balloon-pci.bogus' not found" },
        { "virtio-balloon,deflate-on-oom=maybe", NULL,
          "-device virtio-balloon,deflate-on-oom=maybe: Parameter 'deflate-on-oom' expects "
          "'on' or 'off'" },
        { "virtio-balloon-pci,id=9x", NULL,
          "-device virtio-balloon-pci,id=9x: Parameter 'id' expects an identifier" },
        { "virtio-balloon-pci,bus=pci.1", NULL,
          "-device virtio-balloon-pci,bus=pci.1: Bus 'pci.1' not found" },
        { "virtio-balloon-pci,addr=0x1", NULL,
          "-device virtio-balloon-pci,addr=0x1: Parameter 'addr' expects a slot 0x2-0x1f "
          "(function 0), not '0x1'" },
        { "virtio-balloon-pci,addr=0x3.2", NULL,
          "-device virtio-balloon-pci,addr=0x3.2: Parameter 'addr' expects a slot 0x2-0x1f "
          "(function 0), not '0x3.2'" },
        { "virtio-balloon-pci,novalue", NULL,
          "-device virtio-balloon-pci,novalue: parameter 'novalue' needs a value (key=value)" },
        /* the one key=value grammar: duplicates refused, ",," escapes */
        { "virtio-balloon-pci,id=a,id=b", NULL,
          "-device virtio-balloon-pci,id=a,id=b: parameter 'id' given twice" },
        { "virtio-balloon-pci,id=a,,b", NULL,
          "-device virtio-balloon-pci,id=a,,b: Parameter 'id' expects an identifier" },
        { "{\"driver\": \"virtio-balloon-pci\", \"id\": [1]}", NULL,
          "-device {\"driver\": \"virtio-balloon-pci\", \"id\": [1]}: Parameter 'id' expects "
          "a string, number or boolean" },
        { "{not json", NULL, "-device {not json: JSON argument is not a JSON object" },
        { "virtio-balloon-pci,id=b", "virtio-balloon-pci,id=b",
          "-device virtio-balloon-pci,id=b: Duplicate ID 'b' for device" },
        { "virtio-balloon-pci", "virtio-balloon",
          "-device virtio-balloon: Only one balloon device is supported" },
    };
    for (unsigned i = 0; i < G_N_ELEMENTS(bad); i++) {
        GError *err = NULL;
        g_assert_null(parse(&err, bad[i].arg, bad[i].arg2, NULL));
        g_assert_nonnull(err);
        g_assert_cmpstr(err->message, ==, bad[i].expect);
        g_error_free(err);
    }
}

static void test_option_collects_raw_strings(void)
{
    MachineConfig cfg;
    GError *err = NULL;
    g_assert_true(parse_options(&cfg, &err, "-device", "virtio-balloon-pci,id=b0", "-device",
                                "anything,at=all", NULL));
    g_assert_no_error(err);
    g_assert_cmpuint(cfg.ndevices, ==, 2);
    g_assert_cmpstr(cfg.devices[0], ==, "virtio-balloon-pci,id=b0");
    g_assert_cmpstr(cfg.devices[1], ==, "anything,at=all");
    machine_config_clear(&cfg);
}

typedef struct Irqs {
    int level[16];
    unsigned changes;
} Irqs;

static void irq_set(void *opaque, unsigned gsi, int level)
{
    Irqs *r = opaque;
    g_assert_cmpuint(gsi, <, 16);
    r->level[gsi] = level;
    r->changes++;
}

static void test_realize_and_intx(void)
{
    GError *err = NULL;
    Irqs irqs = { 0 };
    IrqLine lines[16];
    for (unsigned i = 0; i < 16; i++) {
        lines[i] = (IrqLine){ .set_level = irq_set, .opaque = &irqs, .gsi = i };
    }
    Piix3State *piix3 = piix3_new(&err);
    g_assert_no_error(err);
    piix3->isa_irq = lines;

    /* JSON as libvirt writes it, at slot 3 */
    PcDevices *d = parse(&err, "{\"driver\":\"virtio-balloon-pci\",\"id\":\"balloon0\","
                               "\"bus\":\"pci.0\",\"addr\":\"0x3\",\"deflate-on-oom\":true}",
                         NULL);
    g_assert_no_error(err);
    g_assert_true(pc_devices_realize(d, piix3, NULL, NULL, NULL, &err));
    g_assert_no_error(err);
    VirtioBalloon *b = pc_devices_balloon(d);
    g_assert_nonnull(b);
    g_assert_cmpstr(b->id, ==, "balloon0");
    g_assert_true(b->vdev.host_features & (1ULL << VIRTIO_BALLOON_F_DEFLATE_ON_OOM));
    g_assert_cmphex(pci_config_read(3 << 3, 0, 4), ==, 0x10451af4);

    /* slot 3 INTA is PIRQC; routing disabled after reset: no IRQ moves */
    virtio_balloon_set_target(b, 1);           /* not DRIVER_OK: no interrupt at all */
    b->vdev.status = 0x0f;
    virtio_balloon_set_target(b, 2);
    g_assert_cmpuint(irqs.changes, ==, 0);
    /* the firmware's PIRQRC: A,B -> 10, C,D -> 11 */
    pci_config_write(HM_PIIX3_DEVFN, HM_PIIX3_PIRQRC,
                     HM_PCI_PIRQA_IRQ | HM_PCI_PIRQB_IRQ << 8 | HM_PCI_PIRQC_IRQ << 16 |
                     (uint32_t)HM_PCI_PIRQD_IRQ << 24, 4);
    g_assert_cmpint(irqs.level[HM_PCI_PIRQC_IRQ], ==, 1);
    g_assert_cmpuint(irqs.changes, ==, 1);
    /* rerouted while high: the old IRQ drops, the new one rises */
    pci_config_write(HM_PIIX3_DEVFN, HM_PIIX3_PIRQRC + 2, 5, 1);
    g_assert_cmpint(irqs.level[HM_PCI_PIRQC_IRQ], ==, 0);
    g_assert_cmpint(irqs.level[5], ==, 1);
    /* ISR read: the line drops */
    virtio_isr_read(&b->vdev);
    g_assert_cmpint(irqs.level[5], ==, 0);
    /* machine reset: routing disabled, nothing left asserted */
    virtio_balloon_set_target(b, 3);
    g_assert_cmpint(irqs.level[5], ==, 1);
    piix3_reset(piix3);
    pc_devices_reset(d);
    g_assert_cmpint(irqs.level[5], ==, 0);
    g_assert_cmpuint(piix3->pirq_count[2], ==, 0);

    pc_devices_free(d);
    g_assert_cmphex(pci_config_read(3 << 3, 0, 4), ==, 0xffffffffu);
    piix3_free(piix3);
    io_unregister_all();
}

static void test_default_slot(void)
{
    GError *err = NULL;
    Piix3State *piix3 = piix3_new(&err);
    g_assert_no_error(err);
    PcDevices *d = parse(&err, "driver=virtio-balloon,free-page-reporting=on", NULL);
    g_assert_no_error(err);
    g_assert_true(pc_devices_realize(d, piix3, NULL, NULL, NULL, &err));
    VirtioBalloon *b = pc_devices_balloon(d);
    g_assert_cmpuint(b->pci->pci.devfn, ==, HM_VIRTIO_PCI_FIRST_SLOT << 3);
    g_assert_null(b->id);
    g_assert_cmpuint(b->vdev.num_queues, ==, 4);
    pc_devices_free(d);
    /* no -device at all */
    d = parse(&err, NULL);
    g_assert_no_error(err);
    g_assert_true(pc_devices_realize(d, piix3, NULL, NULL, NULL, &err));
    g_assert_null(pc_devices_balloon(d));
    pc_devices_free(d);
    piix3_free(piix3);
    io_unregister_all();
}

/* device_add of a balloon before boot: -device's parser and checks, the
 * next free slot, one balloon at most; a refusal adds nothing. */
static void test_add_balloon(void)
{
    GError *err = NULL;
    Piix3State *piix3 = piix3_new(&err);
    g_assert_no_error(err);
    PcDevices *d = parse(&err, NULL);
    g_assert_no_error(err);
    g_assert_true(pc_devices_realize(d, piix3, NULL, NULL, NULL, &err));
    g_assert_null(pc_devices_add_balloon(d, "{\"driver\": \"virtio-balloon-pci\", "
                                         "\"id\": \"b0\", \"bogus\": 1}", &err));
    g_assert_cmpstr(err->message, ==, "Property 'virtio-balloon-pci.bogus' not found");
    g_clear_error(&err);
    g_assert_null(pc_devices_balloon(d));
    g_assert_cmphex(pci_config_read(HM_VIRTIO_PCI_FIRST_SLOT << 3, 0, 4), ==, 0xffffffffu);
    VirtioBalloon *b = pc_devices_add_balloon(d, "{\"driver\": \"virtio-balloon-pci\", "
                                              "\"id\": \"balloon0\", "
                                              "\"deflate-on-oom\": true}", &err);
    g_assert_no_error(err);
    g_assert_true(b == pc_devices_balloon(d));
    g_assert_cmpstr(b->id, ==, "balloon0");
    g_assert_cmpuint(b->pci->pci.devfn, ==, HM_VIRTIO_PCI_FIRST_SLOT << 3);
    g_assert_cmphex(pci_config_read(HM_VIRTIO_PCI_FIRST_SLOT << 3, 0, 4), ==, 0x10451af4u);
    g_assert_true(b->vdev.host_features & (1ULL << VIRTIO_BALLOON_F_DEFLATE_ON_OOM));
    g_assert_null(pc_devices_add_balloon(d, "{\"driver\": \"virtio-balloon-pci\", "
                                         "\"id\": \"balloon1\"}", &err));
    g_assert_cmpstr(err->message, ==, "Only one balloon device is supported");
    g_clear_error(&err);
    g_assert_true(b == pc_devices_balloon(d));
    g_assert_cmphex(pci_config_read((HM_VIRTIO_PCI_FIRST_SLOT + 1) << 3, 0, 4), ==,
                    0xffffffffu);
    pc_devices_free(d);
    piix3_free(piix3);
    io_unregister_all();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pc-devices/parse-errors", test_parse_errors);
    g_test_add_func("/pc-devices/option-collects-raw-strings", test_option_collects_raw_strings);
    g_test_add_func("/pc-devices/realize-and-intx", test_realize_and_intx);
    g_test_add_func("/pc-devices/default-slot", test_default_slot);
    g_test_add_func("/pc-devices/add-balloon", test_add_balloon);
    return g_test_run();
}
