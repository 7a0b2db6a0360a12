/*
 * pc_devices.h - the -device list: every argument parsed (driver name
 * first) before any VM exists, the devices created with the machine, reset
 * and freed with it.
 */
#ifndef HW_PC_DEVICES_H
#define HW_PC_DEVICES_H

#include "hw/pc_dimm.h"
#include "hw/piix3.h"
#include "hw/virtio_balloon.h"

#include <glib.h>
#include <stdbool.h>

typedef struct PcDevices PcDevices;

/* Parses "DRIVER[,id=ID][,PROP=VALUE...]" (or "driver=DRIVER,...") for each
 * argument (virtio-balloon-pci, pc-dimm); an unknown driver or property
 * fails with one line naming it. */
PcDevices *pc_devices_parse(char *const *args, unsigned n, GError **errp);
/* Creates the devices in command-line order: PCI ones on bus 0, INTx
 * through piix3, MSI-X messages through msi (NULL: MSI-X vectors only
 * pend), queue notifications through ioeventfd (NULL: MMIO exits);
 * pc-dimms cold-plugged into dimms (their memdev objects exist already). */
bool pc_devices_realize(PcDevices *d, Piix3State *piix3, PcDimms *dimms,
                        const PciMsiSender *msi, const PciIoeventfdOps *ioeventfd,
                        GError **errp);
void pc_devices_reset(PcDevices *d);
void pc_devices_free(PcDevices *d);
/* The balloon, NULL if there is none. */
VirtioBalloon *pc_devices_balloon(PcDevices *d);
/* device_add of a balloon before the guest first runs (the firmware has not
 * enumerated PCI yet, so it is as good as -device): json is device_add's
 * arguments; -device's checks and texts. The new balloon, reset; NULL with
 * errp set and nothing changed. Device lock held. */
VirtioBalloon *pc_devices_add_balloon(PcDevices *d, const char *json, GError **errp);
bool pc_devices_is_balloon_driver(const char *driver);

#endif
