/*
 * dsdt.dsl - the static part of the hotmem PC's ACPI namespace.
 *
 * Compiled by iasl at build time; numbers come from the shared constants
 * header. Everything that depends on the configuration (PCI0._CRS windows,
 * the memory devices \_SB.MHPC.MPxx) is in the SSDT the firmware builds at
 * run time with its AML builder (src/aml.c, src/ssdt-memhp.c).
 */
#include "hw/hotmem-pc.h"

DefinitionBlock ("", "DSDT", 2, "HOTMEM", "HMPCDSDT", 1)
{
    /* Defined by the SSDT only when the machine has DIMM slots. */
    External (HM_AML_PATH_MHPC_MDNR, IntObj)          /* slot count */
    External (HM_AML_PATH_MHPC_MTFY, MethodObj)       /* (slot, code): Notify MPxx */

    Scope (\_SB)
    {
        /* The i440fx host bridge; _CRS is in the SSDT. */
        Device (PCI0)
        {
            Name (_HID, EisaId ("PNP0A03"))
            Name (_UID, 0)
            Name (_BBN, 0)

            /* PIIX3 ISA bridge, 00:01.0 */
            Device (ISA)
            {
                Name (_ADR, 0x00010000)

                Device (RTC)
                {
                    Name (_HID, EisaId ("PNP0B00"))
                    Name (_CRS, ResourceTemplate ()
                    {
                        IO (Decode16, HM_CMOS_BASE, HM_CMOS_BASE, 0x01, 0x08)
                        IRQNoFlags () {HM_CMOS_IRQ}
                    })
                }

                Device (COM1)
                {
                    Name (_HID, EisaId ("PNP0501"))
                    Name (_UID, 1)
                    Name (_CRS, ResourceTemplate ()
                    {
                        IO (Decode16, HM_SERIAL0_BASE, HM_SERIAL0_BASE, 0x01, 0x08)
                        IRQNoFlags () {HM_SERIAL0_IRQ}
                    })
                }
            }

#include "dsdt-memhp.dsl"
        }
    }

    /* S5 (soft off): SLP_TYP for PM1a and PM1b, two reserved values. */
    Name (_S5, Package () {HM_SLP_TYP_S5, HM_SLP_TYP_S5, 0, 0})

    /* The OS reports the interrupt model (0 PIC, 1 APIC); routing is fixed. */
    Name (PICM, 0)
    Method (_PIC, 1, NotSerialized)
    {
        PICM = Arg0
    }

    Scope (\_GPE)
    {
        /* Memory hotplug, GPE0 bit 3: notify the slots that changed. */
        Method (_E03, 0, NotSerialized)
        {
            \_SB.PCI0.MHPD.MSCN ()
        }
    }
}
