DefinitionBlock ("", "DSDT", 2, "HOTMEM", "HMPCDSDT", 0x00000001)
{
    External (_SB_.MHPC.MDNR, IntObj)
    External (_SB_.MHPC.MTFY, MethodObj)    // 2 Arguments

    Scope (_SB)
    {
        Device (PCI0)
        {
            Name (_HID, EisaId ("PNP0A03") /* PCI Bus */)  // _HID: Hardware ID
            Name (_UID, Zero)  // _UID: Unique ID
            Name (_BBN, Zero)  // _BBN: BIOS Bus Number
            Device (ISA)
            {
                Name (_ADR, 0x00010000)  // _ADR: Address
                Device (RTC)
                {
                    Name (_HID, EisaId ("PNP0B00") /* AT Real-Time Clock */)  // _HID: Hardware ID
                    Name (_CRS, ResourceTemplate ()  // _CRS: Current Resource Settings
                    {
                        IO (Decode16,
                            0x0070,             // Range Minimum
                            0x0070,             // Range Maximum
                            0x01,               // Alignment
                            0x08,               // Length
                            )
                        IRQNoFlags ()
                            {8}
                    })
                }

                Device (COM1)
                {
                    Name (_HID, EisaId ("PNP0501") /* 16550A-compatible COM Serial Port */)  // _HID: Hardware ID
                    Name (_UID, One)  // _UID: Unique ID
                    Name (_CRS, ResourceTemplate ()  // _CRS: Current Resource Settings
                    {
                        IO (Decode16,
                            0x03F8,             // Range Minimum
                            0x03F8,             // Range Maximum
                            0x01,               // Alignment
                            0x08,               // Length
                            )
                        IRQNoFlags ()
                            {4}
                    })
                }
            }

            Device (MHPD)
            {
                Name (_HID, EisaId ("PNP0A06") /* Generic Container Device */)  // _HID: Hardware ID
                Name (_UID, "Memory hotplug resources")  // _UID: Unique ID
                Name (_CRS, ResourceTemplate ()  // _CRS: Current Resource Settings
                {
                    IO (Decode16,
                        0x0A00,             // Range Minimum
                        0x0A00,             // Range Maximum
                        0x00,               // Alignment
                        0x20,               // Length
                        )
                })
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    If (CondRefOf (\_SB.MHPC.MDNR))
                    {
                        Return (0x0B)
                    }

                    Return (Zero)
                }

                Mutex (MLCK, 0x00)
                OperationRegion (HPMR, SystemIO, 0x0A00, 0x20)
                Field (HPMR, DWordAcc, NoLock, Preserve)
                {
                    MRBL,   32, 
                    MRBH,   32, 
                    MRLL,   32, 
                    MRLH,   32, 
                    MRPX,   32
                }

                Field (HPMR, ByteAcc, NoLock, Preserve)
                {
                    Offset (0x14), 
                    MRST,   8
                }

                Field (HPMR, DWordAcc, NoLock, Preserve)
                {
                    Offset (0x18), 
                    MNXT,   32, 
                    MSIG,   32
                }

                Field (HPMR, DWordAcc, NoLock, WriteAsZeros)
                {
                    MSEL,   32, 
                    MOEV,   32, 
                    MOSC,   32
                }

                Field (HPMR, ByteAcc, NoLock, WriteAsZeros)
                {
                    Offset (0x14), 
                    MCTL,   8
                }

                Field (HPMR, DWordAcc, NoLock, WriteAsZeros)
                {
                    Offset (0x18), 
                    MPWS,   32
                }

                Method (MSTA, 1, NotSerialized)
                {
                    Local0 = Zero
                    Acquire (MLCK, 0xFFFF)
                    MSEL = Arg0
                    If ((MRST & One))
                    {
                        Local0 = 0x0F
                    }

                    Release (MLCK)
                    Return (Local0)
                }

                Method (MCRS, 1, Serialized)
                {
                    Name (MR64, ResourceTemplate ()
                    {
                        QWordMemory (ResourceProducer, PosDecode, MinFixed, MaxFixed, Cacheable, ReadWrite,
                            0x0000000000000000, // Granularity
                            0x0000000000000000, // Range Minimum
                            0xFFFFFFFFFFFFFFFE, // Range Maximum
                            0x0000000000000000, // Translation Offset
                            0xFFFFFFFFFFFFFFFF, // Length
                            ,, _Y00, AddressRangeMemory, TypeStatic)
                    })
                    CreateQWordField (MR64, \_SB.PCI0.MHPD.MCRS._Y00._MIN, MMIN)  // _MIN: Minimum Base Address
                    CreateQWordField (MR64, \_SB.PCI0.MHPD.MCRS._Y00._MAX, MMAX)  // _MAX: Maximum Base Address
                    CreateQWordField (MR64, \_SB.PCI0.MHPD.MCRS._Y00._LEN, MLEN)  // _LEN: Length
                    Acquire (MLCK, 0xFFFF)
                    MSEL = Arg0
                    MMIN = ((MRBH << 0x20) | MRBL) /* \_SB_.PCI0.MHPD.MRBL */
                    MLEN = ((MRLH << 0x20) | MRLL) /* \_SB_.PCI0.MHPD.MRLL */
                    Release (MLCK)
                    If (MLEN)
                    {
                        MMAX = ((MMIN + MLEN) - One)
                    }
                    Else
                    {
                        MMAX = MMIN /* \_SB_.PCI0.MHPD.MCRS.MMIN */
                    }

                    Return (MR64) /* \_SB_.PCI0.MHPD.MCRS.MR64 */
                }

                Method (MPXM, 1, NotSerialized)
                {
                    Acquire (MLCK, 0xFFFF)
                    MSEL = Arg0
                    Local0 = MRPX /* \_SB_.PCI0.MHPD.MRPX */
                    Release (MLCK)
                    Return (Local0)
                }

                Method (MOST, 3, NotSerialized)
                {
                    Acquire (MLCK, 0xFFFF)
                    MSEL = Arg0
                    MOEV = Arg1
                    MOSC = Arg2
                    Release (MLCK)
                }

                Method (MEJ0, 1, NotSerialized)
                {
                    Acquire (MLCK, 0xFFFF)
                    MSEL = Arg0
                    MCTL = 0x08
                    Release (MLCK)
                }

                Method (MPWR, 2, NotSerialized)
                {
                    Acquire (MLCK, 0xFFFF)
                    MSEL = Arg0
                    MPWS = Arg1
                    Release (MLCK)
                }

                Method (MEVT, 2, NotSerialized)
                {
                    If ((Arg1 & 0x02))
                    {
                        ^^^MHPC.MTFY (Arg0, One)
                        MCTL = 0x02
                    }

                    If ((Arg1 & 0x04))
                    {
                        ^^^MHPC.MTFY (Arg0, 0x03)
                        MCTL = 0x04
                    }
                }

                Method (MSCN, 0, NotSerialized)
                {
                    If (!CondRefOf (\_SB.MHPC.MDNR))
                    {
                        Return (Zero)
                    }

                    Acquire (MLCK, 0xFFFF)
                    Local2 = Zero
                    If (((MSIG == 0x31584D48) && (MNXT != 0xFFFFFFFF)))
                    {
                        Local0 = MNXT /* \_SB_.PCI0.MHPD.MNXT */
                        While (((Local0 < ^^^MHPC.MDNR) && (Local2 < ^^^MHPC.MDNR)))
                        {
                            MSEL = Local0
                            MEVT (Local0, MRST)
                            Local2++
                            Local0 = MNXT /* \_SB_.PCI0.MHPD.MNXT */
                        }
                    }
                    Else
                    {
                        While ((Local2 < ^^^MHPC.MDNR))
                        {
                            MSEL = Local2
                            MEVT (Local2, MRST)
                            Local2++
                        }
                    }

                    Release (MLCK)
                    Return (One)
                }
            }
        }
    }

    Name (_S5, Package (0x04)  // _S5_: S5 System State
    {
        Zero, 
        Zero, 
        Zero, 
        Zero
    })
    Name (PICM, Zero)
    Method (_PIC, 1, NotSerialized)  // _PIC: Interrupt Model
    {
        PICM = Arg0
    }

    Scope (_GPE)
    {
        Method (_E03, 0, NotSerialized)  // _Exx: Edge-Triggered GPE, xx=0x00-0xFF
        {
            \_SB.PCI0.MHPD.MSCN ()
        }
    }
}

