/*
 * dsdt-memhp.dsl - the memory hotplug register block and the helpers every
 * memory device calls (included into \_SB.PCI0 by dsdt.dsl).
 *
 * The block (docs/specs/acpi_hotplug.txt) is selector based: a write of a
 * slot number to 0x00 makes the other registers talk about that slot. A
 * selection and the accesses that follow must not interleave with another
 * thread's, so every helper holds MLCK from the selector write to its last
 * access. The per-slot methods in the SSDT (\_SB.MHPC.MPxx) pass their
 * slot number; they never touch the registers themselves.
 *
 * Reads and writes of the same offset mean different things, so each
 * direction has its own field names.
 */
Device (HM_AML_MHPD)
{
    Name (_HID, EisaId ("PNP0A06"))
    Name (_UID, "Memory hotplug resources")
    Name (_CRS, ResourceTemplate ()
    {
        IO (Decode16, HM_MEMHP_BASE, HM_MEMHP_BASE, 0x00, HM_MEMHP_LEN)
    })

    /* Without slots the block does not exist: claim nothing. */
    Method (_STA, 0, NotSerialized)
    {
        If (CondRefOf (HM_AML_PATH_MHPC_MDNR))
        {
            Return (0x0B)   /* present, enabled, functioning, not shown */
        }
        Return (Zero)
    }

    Mutex (MLCK, 0)
    OperationRegion (HPMR, SystemIO, HM_MEMHP_BASE, HM_MEMHP_LEN)

    /* Read registers of the selected slot. */
    Field (HPMR, DWordAcc, NoLock, Preserve)
    {
        MRBL, 32,       /* 0x00 base, bits 31:0 */
        MRBH, 32,       /* 0x04 base, bits 63:32 */
        MRLL, 32,       /* 0x08 size, bits 31:0 */
        MRLH, 32,       /* 0x0c size, bits 63:32 */
        MRPX, 32,       /* 0x10 proximity domain */
    }
    Field (HPMR, ByteAcc, NoLock, Preserve)
    {
        Offset (HM_MEMHP_STATUS),
        MRST, 8,        /* 0x14 status: enabled, insert, remove pending */
    }
    /* Extensions: all-ones where the device model lacks them. */
    Field (HPMR, DWordAcc, NoLock, Preserve)
    {
        Offset (HM_MEMHP_NEXT_PENDING),
        MNXT, 32,       /* 0x18 lowest slot with a pending event */
        MSIG, 32,       /* 0x1c signature "HMX1" */
    }

    /* Write registers (whole registers: nothing is read back first). */
    Field (HPMR, DWordAcc, NoLock, WriteAsZeros)
    {
        MSEL, 32,       /* 0x00 slot selector */
        MOEV, 32,       /* 0x04 _OST source event */
        MOSC, 32,       /* 0x08 _OST status: records the _OST */
    }
    Field (HPMR, ByteAcc, NoLock, WriteAsZeros)
    {
        Offset (HM_MEMHP_CONTROL),
        MCTL, 8,        /* 0x14 control: ack insert, ack remove, eject */
    }
    Field (HPMR, DWordAcc, NoLock, WriteAsZeros)
    {
        Offset (HM_MEMHP_POWER_STATE),
        MPWS, 32,       /* 0x18 (extension) power state 0 or 3 */
    }

    /* _STA of slot Arg0: 0x0F when a DIMM is plugged, else 0. */
    Method (HM_AML_MSTA, 1, NotSerialized)
    {
        Local0 = Zero
        Acquire (MLCK, 0xFFFF)
        MSEL = Arg0
        If (MRST & HM_MEMHP_STS_ENABLED)
        {
            Local0 = 0x0F
        }
        Release (MLCK)
        Return (Local0)
    }

    /*
     * _CRS of slot Arg0, read from the registers every time: a pc-dimm
     * slot only gets its base and size when something is plugged. An
     * empty slot reads base and size 0 and gets a zero-length range.
     */
    Method (HM_AML_MCRS, 1, Serialized)
    {
        Name (MR64, ResourceTemplate ()
        {
            QWordMemory (ResourceProducer, PosDecode, MinFixed, MaxFixed,
                Cacheable, ReadWrite,
                0x0000000000000000,     /* granularity */
                0x0000000000000000,     /* min */
                0xFFFFFFFFFFFFFFFE,     /* max */
                0x0000000000000000,     /* translation */
                0xFFFFFFFFFFFFFFFF,     /* length */
                ,, MW64, AddressRangeMemory, TypeStatic)
        })
        CreateQWordField (MR64, \_SB.PCI0.MHPD.MCRS.MW64._MIN, MMIN)
        CreateQWordField (MR64, \_SB.PCI0.MHPD.MCRS.MW64._MAX, MMAX)
        CreateQWordField (MR64, \_SB.PCI0.MHPD.MCRS.MW64._LEN, MLEN)

        Acquire (MLCK, 0xFFFF)
        MSEL = Arg0
        MMIN = (MRBH << 32) | MRBL
        MLEN = (MRLH << 32) | MRLL
        Release (MLCK)
        If (MLEN)
        {
            MMAX = MMIN + MLEN - One
        }
        Else
        {
            MMAX = MMIN
        }
        Return (MR64)
    }

    /* _PXM of slot Arg0. */
    Method (HM_AML_MPXM, 1, NotSerialized)
    {
        Acquire (MLCK, 0xFFFF)
        MSEL = Arg0
        Local0 = MRPX
        Release (MLCK)
        Return (Local0)
    }

    /* _OST of slot Arg0: source event Arg1, status Arg2 (the trigger). */
    Method (HM_AML_MOST, 3, NotSerialized)
    {
        Acquire (MLCK, 0xFFFF)
        MSEL = Arg0
        MOEV = Arg1
        MOSC = Arg2
        Release (MLCK)
    }

    /* _EJ0 of slot Arg0: the OS has offlined the memory; unplug it. */
    Method (HM_AML_MEJ0, 1, NotSerialized)
    {
        Acquire (MLCK, 0xFFFF)
        MSEL = Arg0
        MCTL = HM_MEMHP_CTL_EJECT
        Release (MLCK)
    }

    /* _PS0 / _PS3 of slot Arg0: power state Arg1 (0 or 3). */
    Method (HM_AML_MPWR, 2, NotSerialized)
    {
        Acquire (MLCK, 0xFFFF)
        MSEL = Arg0
        MPWS = Arg1
        Release (MLCK)
    }

    /* Notifies slot Arg0 of its pending events (status Arg1), then
     * acknowledges them. Called with MLCK held and Arg0 selected. */
    Method (MEVT, 2, NotSerialized)
    {
        If (Arg1 & HM_MEMHP_STS_INSERT)
        {
            HM_AML_PATH_MHPC_MTFY (Arg0, 1)    /* Device Check */
            MCTL = HM_MEMHP_CTL_CLEAR_INSERT
        }
        If (Arg1 & HM_MEMHP_STS_REMOVE)
        {
            HM_AML_PATH_MHPC_MTFY (Arg0, 3)    /* Eject Request */
            MCTL = HM_MEMHP_CTL_CLEAR_REMOVE
        }
    }

    /*
     * The GPE handler's work. With hotmem's extension the "next pending
     * slot" register names each slot with an event, so a GPE costs port
     * accesses for the changed slots only; at most MDNR rounds (an event
     * that arrives meanwhile raises the GPE again). Without the extension
     * (signature missing, e.g. QEMU's device model) every slot's status
     * is read.
     */
    Method (MSCN, 0, NotSerialized)
    {
        If (!CondRefOf (HM_AML_PATH_MHPC_MDNR))
        {
            Return (Zero)
        }
        Acquire (MLCK, 0xFFFF)
        Local2 = Zero
        If ((MSIG == HM_MEMHP_SIGNATURE_VALUE) && (MNXT != 0xFFFFFFFF))
        {
            Local0 = MNXT
            While ((Local0 < HM_AML_PATH_MHPC_MDNR) && (Local2 < HM_AML_PATH_MHPC_MDNR))
            {
                MSEL = Local0
                MEVT (Local0, MRST)
                Local2++
                Local0 = MNXT
            }
        }
        Else
        {
            While (Local2 < HM_AML_PATH_MHPC_MDNR)
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
