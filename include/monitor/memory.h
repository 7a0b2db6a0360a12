/*
 * memory.h - the monitors' side of memory hotplug.
 *
 * device_add/device_del, object-add/object-del and the memory queries act
 * on the machine's memory code (hw/pc_dimm.h) attached here; the
 * machine's events come back through the functions below and go out as
 * QMP events. Everything runs with the device lock held: the QMP
 * dispatcher takes it for these commands, and the machine reports its
 * events with it held (often from a vCPU thread, where the guest's eject
 * or _OST happened).
 */
#ifndef MONITOR_MEMORY_H
#define MONITOR_MEMORY_H

#include "hw/pc_dimm.h"

/* NULL detaches (the memory commands then fail). The machine's events are
 * routed to the monitor while attached. */
void monitor_memory_attach(PcDimms *dimms);
/* The attached machine's memory code, NULL when none is. */
PcDimms *monitor_memory_dimms(void);

#endif
