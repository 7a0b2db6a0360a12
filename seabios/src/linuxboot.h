/*
 * linuxboot.h - loads Linux from fw_cfg and enters it (32-bit protocol).
 */
#ifndef FW_LINUXBOOT_H
#define FW_LINUXBOOT_H

#include "fw.h"

void NORETURN linux_boot(struct fw_info *fw);

#endif
