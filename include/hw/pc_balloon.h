/*
 * pc_balloon.h - the PC machine's balloon as the monitor sees it: its
 * size arithmetic counts the -m RAM and the DIMMs plugged now.
 */
#ifndef HW_PC_BALLOON_H
#define HW_PC_BALLOON_H

#include "hw/pc_dimm.h"
#include "hw/virtio_balloon.h"

#include <stdint.h>

/* Gives the balloon commands b (NULL: none, they fail DeviceNotActive) and
 * turns the driver's changes into BALLOON_CHANGE. dimms may be NULL.
 * Device lock held. */
void pc_balloon_attach(VirtioBalloon *b, uint64_t ram_size, PcDimms *dimms);
void pc_balloon_detach(void);

#endif
