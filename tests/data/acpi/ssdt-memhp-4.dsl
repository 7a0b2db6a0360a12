DefinitionBlock ("", "SSDT", 2, "HOTMEM", "HMPCSSDT", 0x00000001)
{
    External (_SB_.PCI0.MHPD.MCRS, MethodObj)    // 1 Arguments
    External (_SB_.PCI0.MHPD.MEJ0, MethodObj)    // 1 Arguments
    External (_SB_.PCI0.MHPD.MOST, MethodObj)    // 3 Arguments
    External (_SB_.PCI0.MHPD.MPWR, MethodObj)    // 2 Arguments
    External (_SB_.PCI0.MHPD.MPXM, MethodObj)    // 1 Arguments
    External (_SB_.PCI0.MHPD.MSTA, MethodObj)    // 1 Arguments

    Scope (\_SB)
    {
        Device (MHPC)
        {
            Name (_HID, EisaId ("PNP0A06") /* Generic Container Device */)  // _HID: Hardware ID
            Name (_UID, "DIMM devices")  // _UID: Unique ID
            Name (MDNR, 0x04)
            Method (MTFY, 2, NotSerialized)
            {
                If ((Arg0 == Zero))
                {
                    Notify (MP00, Arg1)
                }

                If ((Arg0 == One))
                {
                    Notify (MP01, Arg1)
                }

                If ((Arg0 == 0x02))
                {
                    Notify (MP02, Arg1)
                }

                If ((Arg0 == 0x03))
                {
                    Notify (MP03, Arg1)
                }
            }

            Method (MCRS, 1, NotSerialized)
            {
                Return (\_SB.PCI0.MHPD.MCRS (Arg0))
            }

            Method (MEJ0, 1, NotSerialized)
            {
                \_SB.PCI0.MHPD.MEJ0 (Arg0)
            }

            Method (MOST, 3, NotSerialized)
            {
                \_SB.PCI0.MHPD.MOST (Arg0, Arg1, Arg2)
            }

            Method (MPWR, 2, NotSerialized)
            {
                \_SB.PCI0.MHPD.MPWR (Arg0, Arg1)
            }

            Method (MPXM, 1, NotSerialized)
            {
                Return (\_SB.PCI0.MHPD.MPXM (Arg0))
            }

            Method (MSTA, 1, NotSerialized)
            {
                Return (\_SB.PCI0.MHPD.MSTA (Arg0))
            }

            Device (MP00)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, Zero)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (Zero))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (Zero))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (Zero))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (Zero, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (Zero)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (Zero, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (Zero, 0x03)
                }
            }

            Device (MP01)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, One)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (One))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (One))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (One))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (One, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (One)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (One, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (One, 0x03)
                }
            }

            Device (MP02)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x02)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x02))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x02))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x02))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x02, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x02)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x02, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x02, 0x03)
                }
            }

            Device (MP03)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x03)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x03))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x03))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x03))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x03, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x03)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x03, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x03, 0x03)
                }
            }
        }
    }
}

