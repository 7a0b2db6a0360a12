/*
 * fw_event_port.c - timestamps for firmware milestones (reset entry, ACPI
 * tables done, kernel entry), so boot figures come from the VMM's clock
 * rather than from guest output.
 */
#include "hw/fw_event_port.h"
#include "hw/hotmem-pc.h"
#include "hotmem/io.h"
#include "hotmem/util.h"

static void fw_event_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    FwEventPort *s = opaque;
    if (value == 0 || value >= FW_EVENT_MAX) {
        hm_guest_error("firmware event port: unknown code 0x%" PRIx64, value);
        return;
    }
    int64_t now = hm_clock_ns();
    if (!s->first_ns[value]) {
        s->first_ns[value] = now;
    }
    s->last_ns[value] = now;
    s->count[value]++;
}

static uint64_t fw_event_read(void *opaque, uint64_t offset, unsigned size)
{
    return ~0ULL;        /* absent-device value: QEMU reads the same */
}

static const IoOps fw_event_ops = {
    .read = fw_event_read,
    .write = fw_event_write,
    .min_size = 1,
    .max_size = 1,
};

FwEventPort *fw_event_port_new(GError **errp)
{
    FwEventPort *s = g_new0(FwEventPort, 1);
    if (!io_register(IO_SPACE_PORT, HM_FW_EVENT_PORT, 1, &fw_event_ops, s,
                     "firmware-event-port", errp)) {
        g_free(s);
        return NULL;
    }
    return s;
}

void fw_event_port_reset(FwEventPort *s)
{
    for (int i = 0; i < FW_EVENT_MAX; i++) {
        s->first_ns[i] = 0;
    }
}

void fw_event_port_free(FwEventPort *s)
{
    if (s) {
        io_unregister(IO_SPACE_PORT, HM_FW_EVENT_PORT);
        g_free(s);
    }
}
