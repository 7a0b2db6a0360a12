/*
 * pc_dimm_query.c - what the monitors report about memory devices, filled
 * from the owners: each DIMM for its layout and plug state, the register
 * block for the guest's last _OST, the machine's records for the outcomes
 * (QEMU's fill_device_info idea; QMP and HMP print the same lists).
 */
#include "hw/pc_dimm.h"

uint64_t pc_dimms_plugged_size(const PcDimms *d)
{
    return dimm_bus_plugged_size(d->bus);
}

MemoryDeviceInfoList *pc_dimms_query_devices(const PcDimms *d)
{
    MemoryDeviceInfoList *list = NULL;
    for (unsigned i = d->bus->nslots; i-- > 0;) {
        const DimmDevice *dev = d->bus->slots[i];
        if (!dev || !dev->enabled) {
            continue;
        }
        PCDIMMDeviceInfo *di = g_new0(PCDIMMDeviceInfo, 1);
        di->id = g_strdup(dev->id);
        di->addr = (int64_t)dev->base;
        di->size = (int64_t)dev->size;
        di->slot = i;
        di->node = dev->node;
        /* a -dimm slot's private backend is named after it, as its RAM
         * block is */
        di->memdev = g_strdup_printf("/objects/%s", dev->backend->id);
        di->hotplugged = dev->hotplugged;
        di->hotpluggable = true;
        MemoryDeviceInfo *v = g_new0(MemoryDeviceInfo, 1);
        v->type = MEMORY_DEVICE_INFO_KIND_DIMM;
        v->u.dimm.data = di;
        QAPI_LIST_PREPEND(list, v);
    }
    return list;
}

ACPIOSTInfoList *pc_dimms_query_ospm(const PcDimms *d)
{
    ACPIOSTInfoList *list = NULL;
    for (unsigned i = d->bus->nslots; i-- > 0;) {
        const DimmDevice *dev = d->bus->slots[i];
        const MemhpSlot *m = d->memhp ? &d->memhp->slots[i] : NULL;
        ACPIOSTInfo *info = g_new0(ACPIOSTInfo, 1);
        info->device = dev ? g_strdup(dev->id) : NULL;
        info->slot = g_strdup_printf("%u", i);
        info->slot_type = ACPI_SLOT_TYPE_DIMM;
        if (m && m->ost_valid) {
            info->source = m->ost_event;
            info->status = m->ost_status;
        }
        QAPI_LIST_PREPEND(list, info);
    }
    return list;
}

MemHpInfoList *pc_dimms_query_records(const PcDimms *d)
{
    MemHpInfoList *list = NULL;
    for (GList *l = g_queue_peek_tail_link((GQueue *)&d->records); l; l = l->prev) {
        const PcDimmRecord *r = l->data;
        MemHpInfo *info = g_new0(MemHpInfo, 1);
        info->dimm = g_strdup(r->id);
        info->request = r->removal ? MEM_HP_REQUEST_HOT_REMOVE : MEM_HP_REQUEST_HOT_ADD;
        info->result = r->success ? MEM_HP_RESULT_SUCCESS : MEM_HP_RESULT_FAILURE;
        QAPI_LIST_PREPEND(list, info);
    }
    return list;
}
