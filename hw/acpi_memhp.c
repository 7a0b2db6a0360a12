/*
 * acpi_memhp.c - memory hotplug register block (PIIX4 PM function, I/O
 * 0x0a00-0x0a1f), exactly as docs/specs/acpi_hotplug.txt describes it.
 *
 * Selector-based like QEMU's block, with per-slot insert/remove events that
 * the guest acknowledges one by one (write 1 to clear), so an event raised
 * while the guest is scanning is never lost. The guest cannot hurt the host
 * here: anything the spec does not define is logged as a guest error and
 * changes nothing.
 */
#include "hw/acpi_memhp.h"
#include "migration/vmstate.h"
#include "hotmem/io.h"
#include "hotmem/util.h"

#define MEMHP_CTL_KNOWN \
    (HM_MEMHP_CTL_CLEAR_INSERT | HM_MEMHP_CTL_CLEAR_REMOVE | HM_MEMHP_CTL_EJECT)

static void memhp_raise_gpe(AcpiMemhpState *s)
{
    if (s->pm) {
        acpi_piix4_gpe_raise(s->pm, HM_GPE_MEMHP_BIT);
    }
}

unsigned acpi_memhp_next_pending(const AcpiMemhpState *s)
{
    for (unsigned i = 0; i < s->nslots; i++) {
        if (s->slots[i].is_inserting || s->slots[i].is_removing) {
            return i;
        }
    }
    return s->nslots;
}

/* The 32-bit register at 4-aligned offset reg, as the guest reads it. */
static uint32_t memhp_reg_read(AcpiMemhpState *s, unsigned reg)
{
    if (reg == HM_MEMHP_NEXT_PENDING) {
        return acpi_memhp_next_pending(s);
    }
    if (reg == HM_MEMHP_SIGNATURE) {
        return HM_MEMHP_SIGNATURE_VALUE;
    }
    /* no slot selected: the standard registers read 0, as in QEMU */
    if (s->selector >= s->nslots) {
        return 0;
    }
    const MemhpSlot *m = &s->slots[s->selector];
    /* an empty slot reads base, size and node 0 */
    uint64_t base = m->dev ? m->dev->base : 0, size = m->dev ? m->dev->size : 0;
    switch (reg) {
    case HM_MEMHP_ADDR_LO:
        return (uint32_t)base;
    case HM_MEMHP_ADDR_HI:
        return (uint32_t)(base >> 32);
    case HM_MEMHP_SIZE_LO:
        return (uint32_t)size;
    case HM_MEMHP_SIZE_HI:
        return (uint32_t)(size >> 32);
    case HM_MEMHP_NODE:
        return m->dev ? m->dev->node : 0;
    case HM_MEMHP_STATUS:           /* bytes 0x15-0x17 read 0 */
        return (m->dev ? HM_MEMHP_STS_ENABLED : 0) |
               (m->is_inserting ? HM_MEMHP_STS_INSERT : 0) |
               (m->is_removing ? HM_MEMHP_STS_REMOVE : 0);
    }
    return ~0u;
}

/* Whole registers (read_unit 4): io_dispatch gives the guest any width at
 * any offset from them. */
static uint64_t memhp_read(void *opaque, uint64_t off, unsigned size)
{
    return memhp_reg_read(opaque, (unsigned)off);
}

static bool ost_code_known(uint32_t event, uint32_t status)
{
    bool event_ok = event <= 0xff || event == MEMHP_OST_EV_OSPM_SHUTDOWN ||
                    event == MEMHP_OST_EV_OSPM_EJECT || event == MEMHP_OST_EV_OSPM_INSERTION;
    /* 0-2 general codes, 0x80-0xff codes specific to the event */
    bool status_ok = status <= 2 || (status >= 0x80 && status <= 0xff);
    return event_ok && status_ok;
}

static bool ost_is_refusal(uint32_t event, uint32_t status)
{
    return (event == MEMHP_OST_EV_EJECT_REQUEST || event == MEMHP_OST_EV_OSPM_EJECT) &&
           (status == MEMHP_OST_SC_FAILURE || (status >= 0x80 && status <= 0x83));
}

static void memhp_ost(AcpiMemhpState *s, unsigned slot, uint32_t status)
{
    uint32_t event = s->ost_event_latch;
    MemhpSlot *m = &s->slots[slot];
    if (!ost_code_known(event, status)) {
        hm_guest_error("memhp: slot %u: _OST(0x%x, 0x%x) has undefined codes, ignored",
                       slot, event, status);
        return;
    }
    /* recorded raw: management sees what the guest said */
    m->ost_event = event;
    m->ost_status = status;
    m->ost_valid = true;
    if (s->ops && s->ops->ost) {
        s->ops->ost(s->opaque, slot, event, status);
    }
    if (ost_is_refusal(event, status)) {
        m->is_removing = false;
        if (s->ops && s->ops->unplug_refused) {
            s->ops->unplug_refused(s->opaque, slot);
        }
    }
}

static void memhp_control(AcpiMemhpState *s, unsigned slot, uint64_t value)
{
    MemhpSlot *m = &s->slots[slot];
    if (value & ~(uint64_t)MEMHP_CTL_KNOWN) {
        /* bit 0 and bits 4-7 (and bytes 0x15-0x17 of a wide write) are reserved:
         * the defined bits of the same write still act */
        hm_guest_error("memhp: slot %u: reserved control bits 0x%" PRIx64 " ignored", slot,
                       value & ~(uint64_t)MEMHP_CTL_KNOWN);
    } else if (!value) {
        hm_guest_error("memhp: slot %u: control write of 0 does nothing", slot);
    }
    if (value & HM_MEMHP_CTL_CLEAR_INSERT) {
        m->is_inserting = false;
    }
    if (value & HM_MEMHP_CTL_CLEAR_REMOVE) {
        m->is_removing = false;
    }
    if (value & HM_MEMHP_CTL_EJECT) {
        if (!m->dev) {
            hm_guest_error("memhp: eject of empty slot %u ignored", slot);
        } else if (!s->ops || !s->ops->eject || s->ops->eject(s->opaque, slot)) {
            acpi_memhp_slot_emptied(s, slot);
        }
    }
}

static void memhp_power_state(AcpiMemhpState *s, unsigned slot, uint64_t value)
{
    if (value != 0 && value != 3) {
        hm_guest_error("memhp: slot %u: power state %" PRIu64 " ignored (0 or 3)", slot,
                       value);
        return;
    }
    /* recorded and reported only: memory goes away by _EJ0, never by _PS3 */
    s->slots[slot].power_state = (uint32_t)value;
    if (s->ops && s->ops->power_state) {
        s->ops->power_state(s->opaque, slot, (uint32_t)value);
    }
}

/* Writes start at a register's offset; narrower ones are zero-extended,
 * as QEMU treats them. */
static void memhp_write(void *opaque, uint64_t off, uint64_t value, unsigned size)
{
    AcpiMemhpState *s = opaque;
    if (off == HM_MEMHP_SELECTOR) {
        s->selector = (uint32_t)value;
        if (s->selector >= s->nslots) {
            hm_guest_error("memhp: selector %u out of range (%u slots)", s->selector,
                           s->nslots);
        }
        return;
    }
    if (off != HM_MEMHP_OST_EVENT && off != HM_MEMHP_OST_STATUS &&
        off != HM_MEMHP_CONTROL && off != HM_MEMHP_POWER_STATE) {
        hm_guest_error("memhp: write of %u bytes at offset 0x%" PRIx64 " ignored", size, off);
        return;
    }
    if (s->selector >= s->nslots) {
        hm_guest_error("memhp: write at 0x%" PRIx64 " with selector %u out of range "
                       "ignored", off, s->selector);
        return;
    }
    unsigned slot = s->selector;
    switch (off) {
    case HM_MEMHP_OST_EVENT:
        s->ost_event_latch = (uint32_t)value;
        break;
    case HM_MEMHP_OST_STATUS:
        memhp_ost(s, slot, (uint32_t)value);
        break;
    case HM_MEMHP_CONTROL:
        memhp_control(s, slot, value);
        break;
    case HM_MEMHP_POWER_STATE:
        memhp_power_state(s, slot, value);
        break;
    }
}

static const IoOps memhp_ops = {
    .read = memhp_read,
    .write = memhp_write,
    .min_size = 1,
    .max_size = 4,
    .read_unit = 4,
};

void acpi_memhp_insert(AcpiMemhpState *s, const DimmDevice *dev, bool hotplug)
{
    assert_device_lock();
    g_return_if_fail(dev->slot < s->nslots);
    MemhpSlot *m = &s->slots[dev->slot];
    m->dev = dev;
    m->is_removing = false;
    m->power_state = 0;
    /* a cold-plugged DIMM is simply there when the firmware looks */
    if (hotplug) {
        m->is_inserting = true;
        memhp_raise_gpe(s);
    }
}

void acpi_memhp_request_removal(AcpiMemhpState *s, unsigned slot)
{
    assert_device_lock();
    g_return_if_fail(slot < s->nslots);
    s->slots[slot].is_removing = true;
    memhp_raise_gpe(s);
}

void acpi_memhp_slot_emptied(AcpiMemhpState *s, unsigned slot)
{
    assert_device_lock();
    g_return_if_fail(slot < s->nslots);
    MemhpSlot *m = &s->slots[slot];
    m->dev = NULL;
    m->is_inserting = false;
    m->is_removing = false;
    m->power_state = 0;
}

void acpi_memhp_reset(AcpiMemhpState *s)
{
    assert_device_lock();
    s->selector = 0;
    s->ost_event_latch = 0;
    for (unsigned i = 0; i < s->nslots; i++) {
        s->slots[i].is_inserting = false;
        s->slots[i].is_removing = false;
        /* the guest starts over with every device in D0; _OST history stays */
        s->slots[i].power_state = 0;
    }
}

unsigned acpi_memhp_slot_count(const AcpiMemhpState *s)
{
    return s ? s->nslots : 0;
}

AcpiMemhpState *acpi_memhp_new(AcpiPiix4State *pm, unsigned nslots,
                               const AcpiMemhpOps *ops, void *opaque, GError **errp)
{
    if (nslots == 0 || nslots > HM_MEMHP_MAX_SLOTS) {
        g_set_error(errp, HM_ERROR, 0, "memory hotplug: %u slots (1 to %d)", nslots,
                    HM_MEMHP_MAX_SLOTS);
        return NULL;
    }
    AcpiMemhpState *s = g_new0(AcpiMemhpState, 1);
    s->pm = pm;
    s->ops = ops;
    s->opaque = opaque;
    s->nslots = nslots;
    if (!io_register(IO_SPACE_PORT, HM_MEMHP_BASE, HM_MEMHP_LEN, &memhp_ops, s,
                     "acpi-memhp", errp)) {
        g_free(s);
        return NULL;
    }
    s->registered = true;
    acpi_memhp_reset(s);
    return s;
}

void acpi_memhp_free(AcpiMemhpState *s)
{
    if (!s) {
        return;
    }
    if (s->registered) {
        io_unregister(IO_SPACE_PORT, HM_MEMHP_BASE);
    }
    g_free(s);
}

/* ---- migration: the guest protocol's state; which slots hold a DIMM
 * comes from the DIMM layout, loaded before this ---- */

static const VmStateDesc memhp_slot_vmstate = {
    .name = "memhp-slot",
    .version = 1,
    .min_version = 1,
    .fields = (const VmStateField[]){
        VMSTATE_BOOL(MemhpSlot, is_inserting),
        VMSTATE_BOOL(MemhpSlot, is_removing),
        VMSTATE_U32(MemhpSlot, ost_event),
        VMSTATE_U32(MemhpSlot, ost_status),
        VMSTATE_BOOL(MemhpSlot, ost_valid),
        VMSTATE_U32(MemhpSlot, power_state),
        VMSTATE_END,
    },
};

const VmStateDesc acpi_memhp_vmstate = {
    .name = "memhp",
    .version = 1,
    .min_version = 1,
    .fields = (const VmStateField[]){
        VMSTATE_U32(AcpiMemhpState, selector),
        VMSTATE_U32(AcpiMemhpState, ost_event_latch),
        VMSTATE_ARRAY(AcpiMemhpState, slots, HM_MEMHP_MAX_SLOTS, MemhpSlot,
                      &memhp_slot_vmstate),
        VMSTATE_END,
    },
};
