/*
 * ssdt-memhp.h - the SSDT's memory devices (\_SB.MHPC and one PNP0C80
 * device per DIMM slot), docs/specs/acpi-tables.txt section 9.
 */
#ifndef FW_SSDT_MEMHP_H
#define FW_SSDT_MEMHP_H

#include "aml.h"
#include "fw.h"

/* Appends Scope (\_SB) { Device (MHPC) { ... } } when the machine has DIMM
 * slots; nothing otherwise. */
void ssdt_memory_devices(struct aml_buf *b, const struct fw_info *fw);

#endif
