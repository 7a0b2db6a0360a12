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
            Name (MDNR, 0x0100)
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

                If ((Arg0 == 0x04))
                {
                    Notify (MP04, Arg1)
                }

                If ((Arg0 == 0x05))
                {
                    Notify (MP05, Arg1)
                }

                If ((Arg0 == 0x06))
                {
                    Notify (MP06, Arg1)
                }

                If ((Arg0 == 0x07))
                {
                    Notify (MP07, Arg1)
                }

                If ((Arg0 == 0x08))
                {
                    Notify (MP08, Arg1)
                }

                If ((Arg0 == 0x09))
                {
                    Notify (MP09, Arg1)
                }

                If ((Arg0 == 0x0A))
                {
                    Notify (MP0A, Arg1)
                }

                If ((Arg0 == 0x0B))
                {
                    Notify (MP0B, Arg1)
                }

                If ((Arg0 == 0x0C))
                {
                    Notify (MP0C, Arg1)
                }

                If ((Arg0 == 0x0D))
                {
                    Notify (MP0D, Arg1)
                }

                If ((Arg0 == 0x0E))
                {
                    Notify (MP0E, Arg1)
                }

                If ((Arg0 == 0x0F))
                {
                    Notify (MP0F, Arg1)
                }

                If ((Arg0 == 0x10))
                {
                    Notify (MP10, Arg1)
                }

                If ((Arg0 == 0x11))
                {
                    Notify (MP11, Arg1)
                }

                If ((Arg0 == 0x12))
                {
                    Notify (MP12, Arg1)
                }

                If ((Arg0 == 0x13))
                {
                    Notify (MP13, Arg1)
                }

                If ((Arg0 == 0x14))
                {
                    Notify (MP14, Arg1)
                }

                If ((Arg0 == 0x15))
                {
                    Notify (MP15, Arg1)
                }

                If ((Arg0 == 0x16))
                {
                    Notify (MP16, Arg1)
                }

                If ((Arg0 == 0x17))
                {
                    Notify (MP17, Arg1)
                }

                If ((Arg0 == 0x18))
                {
                    Notify (MP18, Arg1)
                }

                If ((Arg0 == 0x19))
                {
                    Notify (MP19, Arg1)
                }

                If ((Arg0 == 0x1A))
                {
                    Notify (MP1A, Arg1)
                }

                If ((Arg0 == 0x1B))
                {
                    Notify (MP1B, Arg1)
                }

                If ((Arg0 == 0x1C))
                {
                    Notify (MP1C, Arg1)
                }

                If ((Arg0 == 0x1D))
                {
                    Notify (MP1D, Arg1)
                }

                If ((Arg0 == 0x1E))
                {
                    Notify (MP1E, Arg1)
                }

                If ((Arg0 == 0x1F))
                {
                    Notify (MP1F, Arg1)
                }

                If ((Arg0 == 0x20))
                {
                    Notify (MP20, Arg1)
                }

                If ((Arg0 == 0x21))
                {
                    Notify (MP21, Arg1)
                }

                If ((Arg0 == 0x22))
                {
                    Notify (MP22, Arg1)
                }

                If ((Arg0 == 0x23))
                {
                    Notify (MP23, Arg1)
                }

                If ((Arg0 == 0x24))
                {
                    Notify (MP24, Arg1)
                }

                If ((Arg0 == 0x25))
                {
                    Notify (MP25, Arg1)
                }

                If ((Arg0 == 0x26))
                {
                    Notify (MP26, Arg1)
                }

                If ((Arg0 == 0x27))
                {
                    Notify (MP27, Arg1)
                }

                If ((Arg0 == 0x28))
                {
                    Notify (MP28, Arg1)
                }

                If ((Arg0 == 0x29))
                {
                    Notify (MP29, Arg1)
                }

                If ((Arg0 == 0x2A))
                {
                    Notify (MP2A, Arg1)
                }

                If ((Arg0 == 0x2B))
                {
                    Notify (MP2B, Arg1)
                }

                If ((Arg0 == 0x2C))
                {
                    Notify (MP2C, Arg1)
                }

                If ((Arg0 == 0x2D))
                {
                    Notify (MP2D, Arg1)
                }

                If ((Arg0 == 0x2E))
                {
                    Notify (MP2E, Arg1)
                }

                If ((Arg0 == 0x2F))
                {
                    Notify (MP2F, Arg1)
                }

                If ((Arg0 == 0x30))
                {
                    Notify (MP30, Arg1)
                }

                If ((Arg0 == 0x31))
                {
                    Notify (MP31, Arg1)
                }

                If ((Arg0 == 0x32))
                {
                    Notify (MP32, Arg1)
                }

                If ((Arg0 == 0x33))
                {
                    Notify (MP33, Arg1)
                }

                If ((Arg0 == 0x34))
                {
                    Notify (MP34, Arg1)
                }

                If ((Arg0 == 0x35))
                {
                    Notify (MP35, Arg1)
                }

                If ((Arg0 == 0x36))
                {
                    Notify (MP36, Arg1)
                }

                If ((Arg0 == 0x37))
                {
                    Notify (MP37, Arg1)
                }

                If ((Arg0 == 0x38))
                {
                    Notify (MP38, Arg1)
                }

                If ((Arg0 == 0x39))
                {
                    Notify (MP39, Arg1)
                }

                If ((Arg0 == 0x3A))
                {
                    Notify (MP3A, Arg1)
                }

                If ((Arg0 == 0x3B))
                {
                    Notify (MP3B, Arg1)
                }

                If ((Arg0 == 0x3C))
                {
                    Notify (MP3C, Arg1)
                }

                If ((Arg0 == 0x3D))
                {
                    Notify (MP3D, Arg1)
                }

                If ((Arg0 == 0x3E))
                {
                    Notify (MP3E, Arg1)
                }

                If ((Arg0 == 0x3F))
                {
                    Notify (MP3F, Arg1)
                }

                If ((Arg0 == 0x40))
                {
                    Notify (MP40, Arg1)
                }

                If ((Arg0 == 0x41))
                {
                    Notify (MP41, Arg1)
                }

                If ((Arg0 == 0x42))
                {
                    Notify (MP42, Arg1)
                }

                If ((Arg0 == 0x43))
                {
                    Notify (MP43, Arg1)
                }

                If ((Arg0 == 0x44))
                {
                    Notify (MP44, Arg1)
                }

                If ((Arg0 == 0x45))
                {
                    Notify (MP45, Arg1)
                }

                If ((Arg0 == 0x46))
                {
                    Notify (MP46, Arg1)
                }

                If ((Arg0 == 0x47))
                {
                    Notify (MP47, Arg1)
                }

                If ((Arg0 == 0x48))
                {
                    Notify (MP48, Arg1)
                }

                If ((Arg0 == 0x49))
                {
                    Notify (MP49, Arg1)
                }

                If ((Arg0 == 0x4A))
                {
                    Notify (MP4A, Arg1)
                }

                If ((Arg0 == 0x4B))
                {
                    Notify (MP4B, Arg1)
                }

                If ((Arg0 == 0x4C))
                {
                    Notify (MP4C, Arg1)
                }

                If ((Arg0 == 0x4D))
                {
                    Notify (MP4D, Arg1)
                }

                If ((Arg0 == 0x4E))
                {
                    Notify (MP4E, Arg1)
                }

                If ((Arg0 == 0x4F))
                {
                    Notify (MP4F, Arg1)
                }

                If ((Arg0 == 0x50))
                {
                    Notify (MP50, Arg1)
                }

                If ((Arg0 == 0x51))
                {
                    Notify (MP51, Arg1)
                }

                If ((Arg0 == 0x52))
                {
                    Notify (MP52, Arg1)
                }

                If ((Arg0 == 0x53))
                {
                    Notify (MP53, Arg1)
                }

                If ((Arg0 == 0x54))
                {
                    Notify (MP54, Arg1)
                }

                If ((Arg0 == 0x55))
                {
                    Notify (MP55, Arg1)
                }

                If ((Arg0 == 0x56))
                {
                    Notify (MP56, Arg1)
                }

                If ((Arg0 == 0x57))
                {
                    Notify (MP57, Arg1)
                }

                If ((Arg0 == 0x58))
                {
                    Notify (MP58, Arg1)
                }

                If ((Arg0 == 0x59))
                {
                    Notify (MP59, Arg1)
                }

                If ((Arg0 == 0x5A))
                {
                    Notify (MP5A, Arg1)
                }

                If ((Arg0 == 0x5B))
                {
                    Notify (MP5B, Arg1)
                }

                If ((Arg0 == 0x5C))
                {
                    Notify (MP5C, Arg1)
                }

                If ((Arg0 == 0x5D))
                {
                    Notify (MP5D, Arg1)
                }

                If ((Arg0 == 0x5E))
                {
                    Notify (MP5E, Arg1)
                }

                If ((Arg0 == 0x5F))
                {
                    Notify (MP5F, Arg1)
                }

                If ((Arg0 == 0x60))
                {
                    Notify (MP60, Arg1)
                }

                If ((Arg0 == 0x61))
                {
                    Notify (MP61, Arg1)
                }

                If ((Arg0 == 0x62))
                {
                    Notify (MP62, Arg1)
                }

                If ((Arg0 == 0x63))
                {
                    Notify (MP63, Arg1)
                }

                If ((Arg0 == 0x64))
                {
                    Notify (MP64, Arg1)
                }

                If ((Arg0 == 0x65))
                {
                    Notify (MP65, Arg1)
                }

                If ((Arg0 == 0x66))
                {
                    Notify (MP66, Arg1)
                }

                If ((Arg0 == 0x67))
                {
                    Notify (MP67, Arg1)
                }

                If ((Arg0 == 0x68))
                {
                    Notify (MP68, Arg1)
                }

                If ((Arg0 == 0x69))
                {
                    Notify (MP69, Arg1)
                }

                If ((Arg0 == 0x6A))
                {
                    Notify (MP6A, Arg1)
                }

                If ((Arg0 == 0x6B))
                {
                    Notify (MP6B, Arg1)
                }

                If ((Arg0 == 0x6C))
                {
                    Notify (MP6C, Arg1)
                }

                If ((Arg0 == 0x6D))
                {
                    Notify (MP6D, Arg1)
                }

                If ((Arg0 == 0x6E))
                {
                    Notify (MP6E, Arg1)
                }

                If ((Arg0 == 0x6F))
                {
                    Notify (MP6F, Arg1)
                }

                If ((Arg0 == 0x70))
                {
                    Notify (MP70, Arg1)
                }

                If ((Arg0 == 0x71))
                {
                    Notify (MP71, Arg1)
                }

                If ((Arg0 == 0x72))
                {
                    Notify (MP72, Arg1)
                }

                If ((Arg0 == 0x73))
                {
                    Notify (MP73, Arg1)
                }

                If ((Arg0 == 0x74))
                {
                    Notify (MP74, Arg1)
                }

                If ((Arg0 == 0x75))
                {
                    Notify (MP75, Arg1)
                }

                If ((Arg0 == 0x76))
                {
                    Notify (MP76, Arg1)
                }

                If ((Arg0 == 0x77))
                {
                    Notify (MP77, Arg1)
                }

                If ((Arg0 == 0x78))
                {
                    Notify (MP78, Arg1)
                }

                If ((Arg0 == 0x79))
                {
                    Notify (MP79, Arg1)
                }

                If ((Arg0 == 0x7A))
                {
                    Notify (MP7A, Arg1)
                }

                If ((Arg0 == 0x7B))
                {
                    Notify (MP7B, Arg1)
                }

                If ((Arg0 == 0x7C))
                {
                    Notify (MP7C, Arg1)
                }

                If ((Arg0 == 0x7D))
                {
                    Notify (MP7D, Arg1)
                }

                If ((Arg0 == 0x7E))
                {
                    Notify (MP7E, Arg1)
                }

                If ((Arg0 == 0x7F))
                {
                    Notify (MP7F, Arg1)
                }

                If ((Arg0 == 0x80))
                {
                    Notify (MP80, Arg1)
                }

                If ((Arg0 == 0x81))
                {
                    Notify (MP81, Arg1)
                }

                If ((Arg0 == 0x82))
                {
                    Notify (MP82, Arg1)
                }

                If ((Arg0 == 0x83))
                {
                    Notify (MP83, Arg1)
                }

                If ((Arg0 == 0x84))
                {
                    Notify (MP84, Arg1)
                }

                If ((Arg0 == 0x85))
                {
                    Notify (MP85, Arg1)
                }

                If ((Arg0 == 0x86))
                {
                    Notify (MP86, Arg1)
                }

                If ((Arg0 == 0x87))
                {
                    Notify (MP87, Arg1)
                }

                If ((Arg0 == 0x88))
                {
                    Notify (MP88, Arg1)
                }

                If ((Arg0 == 0x89))
                {
                    Notify (MP89, Arg1)
                }

                If ((Arg0 == 0x8A))
                {
                    Notify (MP8A, Arg1)
                }

                If ((Arg0 == 0x8B))
                {
                    Notify (MP8B, Arg1)
                }

                If ((Arg0 == 0x8C))
                {
                    Notify (MP8C, Arg1)
                }

                If ((Arg0 == 0x8D))
                {
                    Notify (MP8D, Arg1)
                }

                If ((Arg0 == 0x8E))
                {
                    Notify (MP8E, Arg1)
                }

                If ((Arg0 == 0x8F))
                {
                    Notify (MP8F, Arg1)
                }

                If ((Arg0 == 0x90))
                {
                    Notify (MP90, Arg1)
                }

                If ((Arg0 == 0x91))
                {
                    Notify (MP91, Arg1)
                }

                If ((Arg0 == 0x92))
                {
                    Notify (MP92, Arg1)
                }

                If ((Arg0 == 0x93))
                {
                    Notify (MP93, Arg1)
                }

                If ((Arg0 == 0x94))
                {
                    Notify (MP94, Arg1)
                }

                If ((Arg0 == 0x95))
                {
                    Notify (MP95, Arg1)
                }

                If ((Arg0 == 0x96))
                {
                    Notify (MP96, Arg1)
                }

                If ((Arg0 == 0x97))
                {
                    Notify (MP97, Arg1)
                }

                If ((Arg0 == 0x98))
                {
                    Notify (MP98, Arg1)
                }

                If ((Arg0 == 0x99))
                {
                    Notify (MP99, Arg1)
                }

                If ((Arg0 == 0x9A))
                {
                    Notify (MP9A, Arg1)
                }

                If ((Arg0 == 0x9B))
                {
                    Notify (MP9B, Arg1)
                }

                If ((Arg0 == 0x9C))
                {
                    Notify (MP9C, Arg1)
                }

                If ((Arg0 == 0x9D))
                {
                    Notify (MP9D, Arg1)
                }

                If ((Arg0 == 0x9E))
                {
                    Notify (MP9E, Arg1)
                }

                If ((Arg0 == 0x9F))
                {
                    Notify (MP9F, Arg1)
                }

                If ((Arg0 == 0xA0))
                {
                    Notify (MPA0, Arg1)
                }

                If ((Arg0 == 0xA1))
                {
                    Notify (MPA1, Arg1)
                }

                If ((Arg0 == 0xA2))
                {
                    Notify (MPA2, Arg1)
                }

                If ((Arg0 == 0xA3))
                {
                    Notify (MPA3, Arg1)
                }

                If ((Arg0 == 0xA4))
                {
                    Notify (MPA4, Arg1)
                }

                If ((Arg0 == 0xA5))
                {
                    Notify (MPA5, Arg1)
                }

                If ((Arg0 == 0xA6))
                {
                    Notify (MPA6, Arg1)
                }

                If ((Arg0 == 0xA7))
                {
                    Notify (MPA7, Arg1)
                }

                If ((Arg0 == 0xA8))
                {
                    Notify (MPA8, Arg1)
                }

                If ((Arg0 == 0xA9))
                {
                    Notify (MPA9, Arg1)
                }

                If ((Arg0 == 0xAA))
                {
                    Notify (MPAA, Arg1)
                }

                If ((Arg0 == 0xAB))
                {
                    Notify (MPAB, Arg1)
                }

                If ((Arg0 == 0xAC))
                {
                    Notify (MPAC, Arg1)
                }

                If ((Arg0 == 0xAD))
                {
                    Notify (MPAD, Arg1)
                }

                If ((Arg0 == 0xAE))
                {
                    Notify (MPAE, Arg1)
                }

                If ((Arg0 == 0xAF))
                {
                    Notify (MPAF, Arg1)
                }

                If ((Arg0 == 0xB0))
                {
                    Notify (MPB0, Arg1)
                }

                If ((Arg0 == 0xB1))
                {
                    Notify (MPB1, Arg1)
                }

                If ((Arg0 == 0xB2))
                {
                    Notify (MPB2, Arg1)
                }

                If ((Arg0 == 0xB3))
                {
                    Notify (MPB3, Arg1)
                }

                If ((Arg0 == 0xB4))
                {
                    Notify (MPB4, Arg1)
                }

                If ((Arg0 == 0xB5))
                {
                    Notify (MPB5, Arg1)
                }

                If ((Arg0 == 0xB6))
                {
                    Notify (MPB6, Arg1)
                }

                If ((Arg0 == 0xB7))
                {
                    Notify (MPB7, Arg1)
                }

                If ((Arg0 == 0xB8))
                {
                    Notify (MPB8, Arg1)
                }

                If ((Arg0 == 0xB9))
                {
                    Notify (MPB9, Arg1)
                }

                If ((Arg0 == 0xBA))
                {
                    Notify (MPBA, Arg1)
                }

                If ((Arg0 == 0xBB))
                {
                    Notify (MPBB, Arg1)
                }

                If ((Arg0 == 0xBC))
                {
                    Notify (MPBC, Arg1)
                }

                If ((Arg0 == 0xBD))
                {
                    Notify (MPBD, Arg1)
                }

                If ((Arg0 == 0xBE))
                {
                    Notify (MPBE, Arg1)
                }

                If ((Arg0 == 0xBF))
                {
                    Notify (MPBF, Arg1)
                }

                If ((Arg0 == 0xC0))
                {
                    Notify (MPC0, Arg1)
                }

                If ((Arg0 == 0xC1))
                {
                    Notify (MPC1, Arg1)
                }

                If ((Arg0 == 0xC2))
                {
                    Notify (MPC2, Arg1)
                }

                If ((Arg0 == 0xC3))
                {
                    Notify (MPC3, Arg1)
                }

                If ((Arg0 == 0xC4))
                {
                    Notify (MPC4, Arg1)
                }

                If ((Arg0 == 0xC5))
                {
                    Notify (MPC5, Arg1)
                }

                If ((Arg0 == 0xC6))
                {
                    Notify (MPC6, Arg1)
                }

                If ((Arg0 == 0xC7))
                {
                    Notify (MPC7, Arg1)
                }

                If ((Arg0 == 0xC8))
                {
                    Notify (MPC8, Arg1)
                }

                If ((Arg0 == 0xC9))
                {
                    Notify (MPC9, Arg1)
                }

                If ((Arg0 == 0xCA))
                {
                    Notify (MPCA, Arg1)
                }

                If ((Arg0 == 0xCB))
                {
                    Notify (MPCB, Arg1)
                }

                If ((Arg0 == 0xCC))
                {
                    Notify (MPCC, Arg1)
                }

                If ((Arg0 == 0xCD))
                {
                    Notify (MPCD, Arg1)
                }

                If ((Arg0 == 0xCE))
                {
                    Notify (MPCE, Arg1)
                }

                If ((Arg0 == 0xCF))
                {
                    Notify (MPCF, Arg1)
                }

                If ((Arg0 == 0xD0))
                {
                    Notify (MPD0, Arg1)
                }

                If ((Arg0 == 0xD1))
                {
                    Notify (MPD1, Arg1)
                }

                If ((Arg0 == 0xD2))
                {
                    Notify (MPD2, Arg1)
                }

                If ((Arg0 == 0xD3))
                {
                    Notify (MPD3, Arg1)
                }

                If ((Arg0 == 0xD4))
                {
                    Notify (MPD4, Arg1)
                }

                If ((Arg0 == 0xD5))
                {
                    Notify (MPD5, Arg1)
                }

                If ((Arg0 == 0xD6))
                {
                    Notify (MPD6, Arg1)
                }

                If ((Arg0 == 0xD7))
                {
                    Notify (MPD7, Arg1)
                }

                If ((Arg0 == 0xD8))
                {
                    Notify (MPD8, Arg1)
                }

                If ((Arg0 == 0xD9))
                {
                    Notify (MPD9, Arg1)
                }

                If ((Arg0 == 0xDA))
                {
                    Notify (MPDA, Arg1)
                }

                If ((Arg0 == 0xDB))
                {
                    Notify (MPDB, Arg1)
                }

                If ((Arg0 == 0xDC))
                {
                    Notify (MPDC, Arg1)
                }

                If ((Arg0 == 0xDD))
                {
                    Notify (MPDD, Arg1)
                }

                If ((Arg0 == 0xDE))
                {
                    Notify (MPDE, Arg1)
                }

                If ((Arg0 == 0xDF))
                {
                    Notify (MPDF, Arg1)
                }

                If ((Arg0 == 0xE0))
                {
                    Notify (MPE0, Arg1)
                }

                If ((Arg0 == 0xE1))
                {
                    Notify (MPE1, Arg1)
                }

                If ((Arg0 == 0xE2))
                {
                    Notify (MPE2, Arg1)
                }

                If ((Arg0 == 0xE3))
                {
                    Notify (MPE3, Arg1)
                }

                If ((Arg0 == 0xE4))
                {
                    Notify (MPE4, Arg1)
                }

                If ((Arg0 == 0xE5))
                {
                    Notify (MPE5, Arg1)
                }

                If ((Arg0 == 0xE6))
                {
                    Notify (MPE6, Arg1)
                }

                If ((Arg0 == 0xE7))
                {
                    Notify (MPE7, Arg1)
                }

                If ((Arg0 == 0xE8))
                {
                    Notify (MPE8, Arg1)
                }

                If ((Arg0 == 0xE9))
                {
                    Notify (MPE9, Arg1)
                }

                If ((Arg0 == 0xEA))
                {
                    Notify (MPEA, Arg1)
                }

                If ((Arg0 == 0xEB))
                {
                    Notify (MPEB, Arg1)
                }

                If ((Arg0 == 0xEC))
                {
                    Notify (MPEC, Arg1)
                }

                If ((Arg0 == 0xED))
                {
                    Notify (MPED, Arg1)
                }

                If ((Arg0 == 0xEE))
                {
                    Notify (MPEE, Arg1)
                }

                If ((Arg0 == 0xEF))
                {
                    Notify (MPEF, Arg1)
                }

                If ((Arg0 == 0xF0))
                {
                    Notify (MPF0, Arg1)
                }

                If ((Arg0 == 0xF1))
                {
                    Notify (MPF1, Arg1)
                }

                If ((Arg0 == 0xF2))
                {
                    Notify (MPF2, Arg1)
                }

                If ((Arg0 == 0xF3))
                {
                    Notify (MPF3, Arg1)
                }

                If ((Arg0 == 0xF4))
                {
                    Notify (MPF4, Arg1)
                }

                If ((Arg0 == 0xF5))
                {
                    Notify (MPF5, Arg1)
                }

                If ((Arg0 == 0xF6))
                {
                    Notify (MPF6, Arg1)
                }

                If ((Arg0 == 0xF7))
                {
                    Notify (MPF7, Arg1)
                }

                If ((Arg0 == 0xF8))
                {
                    Notify (MPF8, Arg1)
                }

                If ((Arg0 == 0xF9))
                {
                    Notify (MPF9, Arg1)
                }

                If ((Arg0 == 0xFA))
                {
                    Notify (MPFA, Arg1)
                }

                If ((Arg0 == 0xFB))
                {
                    Notify (MPFB, Arg1)
                }

                If ((Arg0 == 0xFC))
                {
                    Notify (MPFC, Arg1)
                }

                If ((Arg0 == 0xFD))
                {
                    Notify (MPFD, Arg1)
                }

                If ((Arg0 == 0xFE))
                {
                    Notify (MPFE, Arg1)
                }

                If ((Arg0 == 0xFF))
                {
                    Notify (MPFF, Arg1)
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

            Device (MP04)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x04)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x04))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x04))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x04))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x04, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x04)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x04, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x04, 0x03)
                }
            }

            Device (MP05)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x05)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x05))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x05))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x05))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x05, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x05)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x05, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x05, 0x03)
                }
            }

            Device (MP06)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x06)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x06))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x06))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x06))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x06, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x06)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x06, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x06, 0x03)
                }
            }

            Device (MP07)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x07)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x07))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x07))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x07))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x07, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x07)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x07, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x07, 0x03)
                }
            }

            Device (MP08)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x08)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x08))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x08))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x08))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x08, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x08)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x08, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x08, 0x03)
                }
            }

            Device (MP09)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x09)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x09))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x09))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x09))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x09, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x09)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x09, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x09, 0x03)
                }
            }

            Device (MP0A)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x0A)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x0A))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x0A))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x0A))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x0A, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x0A)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x0A, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x0A, 0x03)
                }
            }

            Device (MP0B)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x0B)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x0B))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x0B))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x0B))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x0B, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x0B)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x0B, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x0B, 0x03)
                }
            }

            Device (MP0C)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x0C)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x0C))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x0C))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x0C))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x0C, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x0C)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x0C, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x0C, 0x03)
                }
            }

            Device (MP0D)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x0D)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x0D))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x0D))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x0D))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x0D, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x0D)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x0D, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x0D, 0x03)
                }
            }

            Device (MP0E)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x0E)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x0E))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x0E))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x0E))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x0E, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x0E)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x0E, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x0E, 0x03)
                }
            }

            Device (MP0F)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x0F)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x0F))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x0F))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x0F))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x0F, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x0F)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x0F, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x0F, 0x03)
                }
            }

            Device (MP10)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x10)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x10))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x10))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x10))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x10, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x10)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x10, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x10, 0x03)
                }
            }

            Device (MP11)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x11)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x11))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x11))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x11))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x11, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x11)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x11, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x11, 0x03)
                }
            }

            Device (MP12)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x12)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x12))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x12))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x12))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x12, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x12)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x12, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x12, 0x03)
                }
            }

            Device (MP13)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x13)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x13))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x13))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x13))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x13, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x13)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x13, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x13, 0x03)
                }
            }

            Device (MP14)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x14)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x14))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x14))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x14))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x14, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x14)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x14, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x14, 0x03)
                }
            }

            Device (MP15)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x15)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x15))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x15))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x15))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x15, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x15)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x15, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x15, 0x03)
                }
            }

            Device (MP16)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x16)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x16))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x16))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x16))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x16, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x16)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x16, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x16, 0x03)
                }
            }

            Device (MP17)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x17)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x17))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x17))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x17))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x17, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x17)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x17, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x17, 0x03)
                }
            }

            Device (MP18)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x18)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x18))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x18))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x18))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x18, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x18)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x18, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x18, 0x03)
                }
            }

            Device (MP19)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x19)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x19))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x19))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x19))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x19, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x19)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x19, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x19, 0x03)
                }
            }

            Device (MP1A)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x1A)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x1A))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x1A))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x1A))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x1A, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x1A)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x1A, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x1A, 0x03)
                }
            }

            Device (MP1B)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x1B)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x1B))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x1B))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x1B))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x1B, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x1B)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x1B, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x1B, 0x03)
                }
            }

            Device (MP1C)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x1C)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x1C))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x1C))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x1C))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x1C, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x1C)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x1C, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x1C, 0x03)
                }
            }

            Device (MP1D)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x1D)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x1D))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x1D))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x1D))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x1D, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x1D)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x1D, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x1D, 0x03)
                }
            }

            Device (MP1E)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x1E)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x1E))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x1E))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x1E))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x1E, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x1E)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x1E, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x1E, 0x03)
                }
            }

            Device (MP1F)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x1F)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x1F))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x1F))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x1F))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x1F, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x1F)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x1F, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x1F, 0x03)
                }
            }

            Device (MP20)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x20)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x20))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x20))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x20))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x20, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x20)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x20, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x20, 0x03)
                }
            }

            Device (MP21)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x21)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x21))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x21))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x21))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x21, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x21)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x21, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x21, 0x03)
                }
            }

            Device (MP22)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x22)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x22))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x22))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x22))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x22, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x22)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x22, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x22, 0x03)
                }
            }

            Device (MP23)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x23)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x23))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x23))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x23))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x23, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x23)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x23, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x23, 0x03)
                }
            }

            Device (MP24)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x24)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x24))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x24))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x24))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x24, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x24)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x24, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x24, 0x03)
                }
            }

            Device (MP25)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x25)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x25))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x25))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x25))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x25, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x25)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x25, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x25, 0x03)
                }
            }

            Device (MP26)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x26)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x26))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x26))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x26))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x26, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x26)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x26, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x26, 0x03)
                }
            }

            Device (MP27)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x27)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x27))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x27))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x27))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x27, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x27)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x27, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x27, 0x03)
                }
            }

            Device (MP28)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x28)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x28))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x28))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x28))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x28, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x28)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x28, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x28, 0x03)
                }
            }

            Device (MP29)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x29)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x29))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x29))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x29))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x29, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x29)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x29, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x29, 0x03)
                }
            }

            Device (MP2A)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x2A)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x2A))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x2A))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x2A))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x2A, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x2A)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x2A, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x2A, 0x03)
                }
            }

            Device (MP2B)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x2B)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x2B))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x2B))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x2B))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x2B, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x2B)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x2B, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x2B, 0x03)
                }
            }

            Device (MP2C)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x2C)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x2C))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x2C))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x2C))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x2C, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x2C)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x2C, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x2C, 0x03)
                }
            }

            Device (MP2D)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x2D)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x2D))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x2D))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x2D))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x2D, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x2D)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x2D, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x2D, 0x03)
                }
            }

            Device (MP2E)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x2E)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x2E))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x2E))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x2E))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x2E, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x2E)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x2E, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x2E, 0x03)
                }
            }

            Device (MP2F)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x2F)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x2F))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x2F))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x2F))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x2F, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x2F)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x2F, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x2F, 0x03)
                }
            }

            Device (MP30)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x30)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x30))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x30))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x30))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x30, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x30)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x30, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x30, 0x03)
                }
            }

            Device (MP31)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x31)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x31))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x31))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x31))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x31, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x31)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x31, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x31, 0x03)
                }
            }

            Device (MP32)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x32)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x32))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x32))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x32))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x32, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x32)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x32, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x32, 0x03)
                }
            }

            Device (MP33)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x33)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x33))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x33))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x33))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x33, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x33)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x33, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x33, 0x03)
                }
            }

            Device (MP34)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x34)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x34))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x34))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x34))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x34, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x34)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x34, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x34, 0x03)
                }
            }

            Device (MP35)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x35)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x35))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x35))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x35))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x35, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x35)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x35, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x35, 0x03)
                }
            }

            Device (MP36)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x36)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x36))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x36))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x36))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x36, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x36)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x36, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x36, 0x03)
                }
            }

            Device (MP37)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x37)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x37))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x37))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x37))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x37, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x37)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x37, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x37, 0x03)
                }
            }

            Device (MP38)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x38)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x38))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x38))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x38))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x38, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x38)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x38, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x38, 0x03)
                }
            }

            Device (MP39)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x39)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x39))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x39))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x39))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x39, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x39)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x39, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x39, 0x03)
                }
            }

            Device (MP3A)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x3A)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x3A))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x3A))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x3A))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x3A, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x3A)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x3A, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x3A, 0x03)
                }
            }

            Device (MP3B)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x3B)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x3B))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x3B))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x3B))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x3B, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x3B)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x3B, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x3B, 0x03)
                }
            }

            Device (MP3C)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x3C)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x3C))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x3C))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x3C))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x3C, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x3C)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x3C, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x3C, 0x03)
                }
            }

            Device (MP3D)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x3D)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x3D))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x3D))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x3D))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x3D, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x3D)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x3D, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x3D, 0x03)
                }
            }

            Device (MP3E)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x3E)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x3E))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x3E))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x3E))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x3E, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x3E)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x3E, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x3E, 0x03)
                }
            }

            Device (MP3F)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x3F)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x3F))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x3F))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x3F))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x3F, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x3F)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x3F, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x3F, 0x03)
                }
            }

            Device (MP40)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x40)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x40))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x40))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x40))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x40, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x40)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x40, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x40, 0x03)
                }
            }

            Device (MP41)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x41)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x41))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x41))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x41))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x41, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x41)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x41, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x41, 0x03)
                }
            }

            Device (MP42)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x42)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x42))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x42))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x42))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x42, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x42)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x42, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x42, 0x03)
                }
            }

            Device (MP43)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x43)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x43))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x43))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x43))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x43, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x43)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x43, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x43, 0x03)
                }
            }

            Device (MP44)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x44)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x44))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x44))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x44))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x44, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x44)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x44, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x44, 0x03)
                }
            }

            Device (MP45)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x45)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x45))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x45))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x45))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x45, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x45)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x45, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x45, 0x03)
                }
            }

            Device (MP46)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x46)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x46))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x46))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x46))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x46, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x46)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x46, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x46, 0x03)
                }
            }

            Device (MP47)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x47)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x47))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x47))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x47))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x47, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x47)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x47, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x47, 0x03)
                }
            }

            Device (MP48)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x48)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x48))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x48))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x48))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x48, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x48)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x48, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x48, 0x03)
                }
            }

            Device (MP49)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x49)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x49))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x49))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x49))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x49, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x49)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x49, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x49, 0x03)
                }
            }

            Device (MP4A)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x4A)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x4A))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x4A))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x4A))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x4A, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x4A)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x4A, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x4A, 0x03)
                }
            }

            Device (MP4B)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x4B)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x4B))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x4B))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x4B))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x4B, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x4B)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x4B, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x4B, 0x03)
                }
            }

            Device (MP4C)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x4C)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x4C))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x4C))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x4C))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x4C, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x4C)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x4C, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x4C, 0x03)
                }
            }

            Device (MP4D)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x4D)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x4D))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x4D))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x4D))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x4D, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x4D)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x4D, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x4D, 0x03)
                }
            }

            Device (MP4E)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x4E)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x4E))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x4E))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x4E))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x4E, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x4E)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x4E, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x4E, 0x03)
                }
            }

            Device (MP4F)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x4F)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x4F))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x4F))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x4F))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x4F, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x4F)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x4F, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x4F, 0x03)
                }
            }

            Device (MP50)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x50)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x50))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x50))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x50))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x50, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x50)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x50, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x50, 0x03)
                }
            }

            Device (MP51)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x51)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x51))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x51))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x51))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x51, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x51)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x51, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x51, 0x03)
                }
            }

            Device (MP52)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x52)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x52))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x52))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x52))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x52, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x52)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x52, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x52, 0x03)
                }
            }

            Device (MP53)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x53)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x53))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x53))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x53))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x53, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x53)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x53, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x53, 0x03)
                }
            }

            Device (MP54)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x54)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x54))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x54))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x54))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x54, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x54)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x54, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x54, 0x03)
                }
            }

            Device (MP55)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x55)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x55))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x55))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x55))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x55, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x55)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x55, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x55, 0x03)
                }
            }

            Device (MP56)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x56)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x56))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x56))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x56))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x56, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x56)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x56, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x56, 0x03)
                }
            }

            Device (MP57)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x57)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x57))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x57))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x57))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x57, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x57)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x57, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x57, 0x03)
                }
            }

            Device (MP58)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x58)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x58))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x58))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x58))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x58, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x58)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x58, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x58, 0x03)
                }
            }

            Device (MP59)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x59)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x59))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x59))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x59))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x59, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x59)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x59, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x59, 0x03)
                }
            }

            Device (MP5A)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x5A)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x5A))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x5A))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x5A))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x5A, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x5A)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x5A, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x5A, 0x03)
                }
            }

            Device (MP5B)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x5B)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x5B))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x5B))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x5B))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x5B, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x5B)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x5B, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x5B, 0x03)
                }
            }

            Device (MP5C)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x5C)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x5C))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x5C))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x5C))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x5C, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x5C)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x5C, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x5C, 0x03)
                }
            }

            Device (MP5D)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x5D)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x5D))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x5D))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x5D))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x5D, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x5D)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x5D, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x5D, 0x03)
                }
            }

            Device (MP5E)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x5E)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x5E))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x5E))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x5E))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x5E, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x5E)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x5E, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x5E, 0x03)
                }
            }

            Device (MP5F)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x5F)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x5F))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x5F))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x5F))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x5F, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x5F)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x5F, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x5F, 0x03)
                }
            }

            Device (MP60)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x60)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x60))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x60))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x60))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x60, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x60)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x60, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x60, 0x03)
                }
            }

            Device (MP61)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x61)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x61))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x61))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x61))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x61, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x61)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x61, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x61, 0x03)
                }
            }

            Device (MP62)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x62)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x62))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x62))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x62))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x62, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x62)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x62, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x62, 0x03)
                }
            }

            Device (MP63)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x63)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x63))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x63))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x63))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x63, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x63)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x63, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x63, 0x03)
                }
            }

            Device (MP64)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x64)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x64))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x64))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x64))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x64, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x64)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x64, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x64, 0x03)
                }
            }

            Device (MP65)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x65)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x65))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x65))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x65))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x65, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x65)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x65, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x65, 0x03)
                }
            }

            Device (MP66)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x66)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x66))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x66))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x66))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x66, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x66)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x66, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x66, 0x03)
                }
            }

            Device (MP67)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x67)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x67))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x67))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x67))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x67, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x67)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x67, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x67, 0x03)
                }
            }

            Device (MP68)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x68)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x68))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x68))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x68))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x68, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x68)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x68, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x68, 0x03)
                }
            }

            Device (MP69)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x69)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x69))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x69))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x69))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x69, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x69)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x69, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x69, 0x03)
                }
            }

            Device (MP6A)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x6A)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x6A))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x6A))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x6A))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x6A, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x6A)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x6A, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x6A, 0x03)
                }
            }

            Device (MP6B)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x6B)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x6B))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x6B))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x6B))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x6B, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x6B)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x6B, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x6B, 0x03)
                }
            }

            Device (MP6C)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x6C)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x6C))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x6C))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x6C))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x6C, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x6C)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x6C, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x6C, 0x03)
                }
            }

            Device (MP6D)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x6D)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x6D))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x6D))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x6D))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x6D, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x6D)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x6D, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x6D, 0x03)
                }
            }

            Device (MP6E)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x6E)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x6E))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x6E))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x6E))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x6E, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x6E)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x6E, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x6E, 0x03)
                }
            }

            Device (MP6F)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x6F)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x6F))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x6F))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x6F))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x6F, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x6F)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x6F, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x6F, 0x03)
                }
            }

            Device (MP70)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x70)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x70))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x70))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x70))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x70, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x70)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x70, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x70, 0x03)
                }
            }

            Device (MP71)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x71)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x71))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x71))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x71))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x71, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x71)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x71, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x71, 0x03)
                }
            }

            Device (MP72)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x72)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x72))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x72))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x72))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x72, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x72)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x72, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x72, 0x03)
                }
            }

            Device (MP73)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x73)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x73))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x73))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x73))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x73, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x73)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x73, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x73, 0x03)
                }
            }

            Device (MP74)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x74)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x74))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x74))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x74))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x74, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x74)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x74, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x74, 0x03)
                }
            }

            Device (MP75)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x75)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x75))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x75))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x75))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x75, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x75)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x75, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x75, 0x03)
                }
            }

            Device (MP76)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x76)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x76))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x76))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x76))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x76, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x76)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x76, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x76, 0x03)
                }
            }

            Device (MP77)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x77)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x77))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x77))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x77))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x77, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x77)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x77, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x77, 0x03)
                }
            }

            Device (MP78)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x78)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x78))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x78))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x78))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x78, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x78)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x78, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x78, 0x03)
                }
            }

            Device (MP79)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x79)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x79))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x79))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x79))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x79, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x79)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x79, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x79, 0x03)
                }
            }

            Device (MP7A)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x7A)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x7A))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x7A))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x7A))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x7A, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x7A)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x7A, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x7A, 0x03)
                }
            }

            Device (MP7B)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x7B)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x7B))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x7B))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x7B))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x7B, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x7B)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x7B, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x7B, 0x03)
                }
            }

            Device (MP7C)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x7C)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x7C))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x7C))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x7C))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x7C, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x7C)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x7C, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x7C, 0x03)
                }
            }

            Device (MP7D)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x7D)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x7D))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x7D))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x7D))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x7D, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x7D)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x7D, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x7D, 0x03)
                }
            }

            Device (MP7E)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x7E)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x7E))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x7E))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x7E))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x7E, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x7E)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x7E, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x7E, 0x03)
                }
            }

            Device (MP7F)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x7F)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x7F))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x7F))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x7F))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x7F, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x7F)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x7F, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x7F, 0x03)
                }
            }

            Device (MP80)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x80)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x80))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x80))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x80))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x80, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x80)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x80, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x80, 0x03)
                }
            }

            Device (MP81)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x81)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x81))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x81))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x81))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x81, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x81)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x81, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x81, 0x03)
                }
            }

            Device (MP82)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x82)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x82))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x82))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x82))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x82, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x82)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x82, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x82, 0x03)
                }
            }

            Device (MP83)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x83)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x83))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x83))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x83))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x83, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x83)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x83, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x83, 0x03)
                }
            }

            Device (MP84)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x84)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x84))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x84))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x84))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x84, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x84)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x84, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x84, 0x03)
                }
            }

            Device (MP85)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x85)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x85))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x85))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x85))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x85, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x85)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x85, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x85, 0x03)
                }
            }

            Device (MP86)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x86)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x86))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x86))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x86))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x86, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x86)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x86, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x86, 0x03)
                }
            }

            Device (MP87)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x87)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x87))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x87))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x87))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x87, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x87)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x87, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x87, 0x03)
                }
            }

            Device (MP88)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x88)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x88))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x88))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x88))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x88, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x88)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x88, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x88, 0x03)
                }
            }

            Device (MP89)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x89)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x89))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x89))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x89))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x89, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x89)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x89, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x89, 0x03)
                }
            }

            Device (MP8A)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x8A)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x8A))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x8A))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x8A))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x8A, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x8A)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x8A, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x8A, 0x03)
                }
            }

            Device (MP8B)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x8B)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x8B))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x8B))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x8B))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x8B, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x8B)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x8B, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x8B, 0x03)
                }
            }

            Device (MP8C)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x8C)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x8C))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x8C))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x8C))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x8C, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x8C)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x8C, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x8C, 0x03)
                }
            }

            Device (MP8D)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x8D)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x8D))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x8D))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x8D))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x8D, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x8D)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x8D, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x8D, 0x03)
                }
            }

            Device (MP8E)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x8E)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x8E))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x8E))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x8E))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x8E, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x8E)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x8E, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x8E, 0x03)
                }
            }

            Device (MP8F)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x8F)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x8F))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x8F))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x8F))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x8F, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x8F)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x8F, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x8F, 0x03)
                }
            }

            Device (MP90)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x90)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x90))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x90))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x90))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x90, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x90)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x90, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x90, 0x03)
                }
            }

            Device (MP91)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x91)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x91))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x91))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x91))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x91, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x91)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x91, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x91, 0x03)
                }
            }

            Device (MP92)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x92)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x92))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x92))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x92))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x92, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x92)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x92, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x92, 0x03)
                }
            }

            Device (MP93)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x93)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x93))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x93))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x93))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x93, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x93)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x93, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x93, 0x03)
                }
            }

            Device (MP94)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x94)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x94))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x94))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x94))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x94, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x94)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x94, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x94, 0x03)
                }
            }

            Device (MP95)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x95)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x95))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x95))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x95))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x95, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x95)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x95, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x95, 0x03)
                }
            }

            Device (MP96)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x96)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x96))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x96))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x96))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x96, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x96)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x96, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x96, 0x03)
                }
            }

            Device (MP97)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x97)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x97))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x97))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x97))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x97, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x97)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x97, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x97, 0x03)
                }
            }

            Device (MP98)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x98)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x98))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x98))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x98))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x98, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x98)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x98, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x98, 0x03)
                }
            }

            Device (MP99)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x99)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x99))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x99))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x99))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x99, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x99)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x99, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x99, 0x03)
                }
            }

            Device (MP9A)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x9A)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x9A))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x9A))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x9A))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x9A, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x9A)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x9A, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x9A, 0x03)
                }
            }

            Device (MP9B)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x9B)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x9B))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x9B))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x9B))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x9B, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x9B)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x9B, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x9B, 0x03)
                }
            }

            Device (MP9C)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x9C)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x9C))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x9C))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x9C))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x9C, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x9C)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x9C, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x9C, 0x03)
                }
            }

            Device (MP9D)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x9D)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x9D))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x9D))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x9D))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x9D, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x9D)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x9D, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x9D, 0x03)
                }
            }

            Device (MP9E)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x9E)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x9E))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x9E))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x9E))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x9E, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x9E)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x9E, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x9E, 0x03)
                }
            }

            Device (MP9F)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0x9F)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0x9F))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0x9F))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0x9F))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0x9F, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0x9F)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0x9F, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0x9F, 0x03)
                }
            }

            Device (MPA0)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xA0)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xA0))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xA0))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xA0))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xA0, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xA0)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xA0, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xA0, 0x03)
                }
            }

            Device (MPA1)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xA1)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xA1))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xA1))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xA1))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xA1, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xA1)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xA1, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xA1, 0x03)
                }
            }

            Device (MPA2)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xA2)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xA2))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xA2))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xA2))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xA2, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xA2)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xA2, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xA2, 0x03)
                }
            }

            Device (MPA3)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xA3)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xA3))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xA3))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xA3))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xA3, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xA3)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xA3, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xA3, 0x03)
                }
            }

            Device (MPA4)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xA4)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xA4))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xA4))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xA4))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xA4, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xA4)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xA4, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xA4, 0x03)
                }
            }

            Device (MPA5)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xA5)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xA5))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xA5))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xA5))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xA5, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xA5)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xA5, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xA5, 0x03)
                }
            }

            Device (MPA6)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xA6)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xA6))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xA6))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xA6))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xA6, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xA6)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xA6, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xA6, 0x03)
                }
            }

            Device (MPA7)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xA7)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xA7))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xA7))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xA7))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xA7, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xA7)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xA7, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xA7, 0x03)
                }
            }

            Device (MPA8)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xA8)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xA8))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xA8))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xA8))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xA8, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xA8)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xA8, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xA8, 0x03)
                }
            }

            Device (MPA9)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xA9)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xA9))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xA9))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xA9))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xA9, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xA9)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xA9, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xA9, 0x03)
                }
            }

            Device (MPAA)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xAA)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xAA))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xAA))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xAA))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xAA, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xAA)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xAA, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xAA, 0x03)
                }
            }

            Device (MPAB)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xAB)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xAB))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xAB))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xAB))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xAB, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xAB)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xAB, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xAB, 0x03)
                }
            }

            Device (MPAC)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xAC)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xAC))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xAC))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xAC))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xAC, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xAC)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xAC, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xAC, 0x03)
                }
            }

            Device (MPAD)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xAD)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xAD))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xAD))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xAD))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xAD, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xAD)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xAD, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xAD, 0x03)
                }
            }

            Device (MPAE)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xAE)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xAE))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xAE))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xAE))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xAE, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xAE)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xAE, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xAE, 0x03)
                }
            }

            Device (MPAF)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xAF)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xAF))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xAF))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xAF))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xAF, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xAF)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xAF, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xAF, 0x03)
                }
            }

            Device (MPB0)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xB0)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xB0))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xB0))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xB0))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xB0, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xB0)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xB0, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xB0, 0x03)
                }
            }

            Device (MPB1)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xB1)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xB1))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xB1))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xB1))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xB1, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xB1)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xB1, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xB1, 0x03)
                }
            }

            Device (MPB2)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xB2)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xB2))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xB2))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xB2))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xB2, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xB2)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xB2, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xB2, 0x03)
                }
            }

            Device (MPB3)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xB3)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xB3))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xB3))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xB3))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xB3, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xB3)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xB3, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xB3, 0x03)
                }
            }

            Device (MPB4)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xB4)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xB4))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xB4))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xB4))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xB4, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xB4)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xB4, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xB4, 0x03)
                }
            }

            Device (MPB5)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xB5)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xB5))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xB5))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xB5))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xB5, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xB5)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xB5, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xB5, 0x03)
                }
            }

            Device (MPB6)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xB6)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xB6))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xB6))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xB6))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xB6, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xB6)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xB6, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xB6, 0x03)
                }
            }

            Device (MPB7)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xB7)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xB7))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xB7))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xB7))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xB7, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xB7)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xB7, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xB7, 0x03)
                }
            }

            Device (MPB8)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xB8)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xB8))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xB8))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xB8))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xB8, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xB8)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xB8, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xB8, 0x03)
                }
            }

            Device (MPB9)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xB9)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xB9))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xB9))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xB9))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xB9, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xB9)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xB9, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xB9, 0x03)
                }
            }

            Device (MPBA)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xBA)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xBA))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xBA))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xBA))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xBA, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xBA)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xBA, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xBA, 0x03)
                }
            }

            Device (MPBB)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xBB)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xBB))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xBB))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xBB))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xBB, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xBB)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xBB, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xBB, 0x03)
                }
            }

            Device (MPBC)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xBC)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xBC))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xBC))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xBC))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xBC, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xBC)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xBC, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xBC, 0x03)
                }
            }

            Device (MPBD)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xBD)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xBD))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xBD))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xBD))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xBD, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xBD)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xBD, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xBD, 0x03)
                }
            }

            Device (MPBE)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xBE)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xBE))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xBE))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xBE))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xBE, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xBE)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xBE, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xBE, 0x03)
                }
            }

            Device (MPBF)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xBF)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xBF))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xBF))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xBF))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xBF, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xBF)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xBF, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xBF, 0x03)
                }
            }

            Device (MPC0)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xC0)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xC0))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xC0))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xC0))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xC0, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xC0)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xC0, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xC0, 0x03)
                }
            }

            Device (MPC1)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xC1)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xC1))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xC1))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xC1))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xC1, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xC1)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xC1, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xC1, 0x03)
                }
            }

            Device (MPC2)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xC2)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xC2))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xC2))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xC2))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xC2, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xC2)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xC2, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xC2, 0x03)
                }
            }

            Device (MPC3)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xC3)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xC3))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xC3))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xC3))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xC3, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xC3)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xC3, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xC3, 0x03)
                }
            }

            Device (MPC4)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xC4)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xC4))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xC4))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xC4))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xC4, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xC4)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xC4, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xC4, 0x03)
                }
            }

            Device (MPC5)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xC5)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xC5))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xC5))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xC5))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xC5, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xC5)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xC5, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xC5, 0x03)
                }
            }

            Device (MPC6)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xC6)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xC6))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xC6))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xC6))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xC6, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xC6)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xC6, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xC6, 0x03)
                }
            }

            Device (MPC7)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xC7)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xC7))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xC7))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xC7))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xC7, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xC7)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xC7, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xC7, 0x03)
                }
            }

            Device (MPC8)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xC8)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xC8))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xC8))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xC8))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xC8, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xC8)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xC8, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xC8, 0x03)
                }
            }

            Device (MPC9)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xC9)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xC9))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xC9))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xC9))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xC9, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xC9)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xC9, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xC9, 0x03)
                }
            }

            Device (MPCA)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xCA)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xCA))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xCA))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xCA))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xCA, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xCA)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xCA, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xCA, 0x03)
                }
            }

            Device (MPCB)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xCB)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xCB))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xCB))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xCB))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xCB, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xCB)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xCB, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xCB, 0x03)
                }
            }

            Device (MPCC)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xCC)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xCC))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xCC))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xCC))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xCC, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xCC)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xCC, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xCC, 0x03)
                }
            }

            Device (MPCD)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xCD)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xCD))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xCD))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xCD))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xCD, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xCD)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xCD, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xCD, 0x03)
                }
            }

            Device (MPCE)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xCE)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xCE))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xCE))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xCE))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xCE, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xCE)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xCE, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xCE, 0x03)
                }
            }

            Device (MPCF)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xCF)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xCF))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xCF))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xCF))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xCF, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xCF)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xCF, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xCF, 0x03)
                }
            }

            Device (MPD0)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xD0)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xD0))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xD0))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xD0))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xD0, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xD0)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xD0, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xD0, 0x03)
                }
            }

            Device (MPD1)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xD1)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xD1))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xD1))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xD1))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xD1, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xD1)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xD1, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xD1, 0x03)
                }
            }

            Device (MPD2)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xD2)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xD2))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xD2))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xD2))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xD2, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xD2)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xD2, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xD2, 0x03)
                }
            }

            Device (MPD3)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xD3)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xD3))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xD3))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xD3))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xD3, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xD3)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xD3, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xD3, 0x03)
                }
            }

            Device (MPD4)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xD4)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xD4))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xD4))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xD4))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xD4, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xD4)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xD4, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xD4, 0x03)
                }
            }

            Device (MPD5)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xD5)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xD5))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xD5))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xD5))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xD5, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xD5)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xD5, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xD5, 0x03)
                }
            }

            Device (MPD6)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xD6)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xD6))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xD6))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xD6))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xD6, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xD6)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xD6, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xD6, 0x03)
                }
            }

            Device (MPD7)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xD7)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xD7))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xD7))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xD7))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xD7, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xD7)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xD7, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xD7, 0x03)
                }
            }

            Device (MPD8)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xD8)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xD8))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xD8))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xD8))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xD8, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xD8)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xD8, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xD8, 0x03)
                }
            }

            Device (MPD9)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xD9)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xD9))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xD9))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xD9))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xD9, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xD9)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xD9, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xD9, 0x03)
                }
            }

            Device (MPDA)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xDA)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xDA))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xDA))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xDA))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xDA, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xDA)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xDA, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xDA, 0x03)
                }
            }

            Device (MPDB)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xDB)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xDB))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xDB))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xDB))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xDB, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xDB)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xDB, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xDB, 0x03)
                }
            }

            Device (MPDC)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xDC)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xDC))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xDC))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xDC))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xDC, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xDC)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xDC, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xDC, 0x03)
                }
            }

            Device (MPDD)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xDD)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xDD))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xDD))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xDD))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xDD, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xDD)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xDD, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xDD, 0x03)
                }
            }

            Device (MPDE)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xDE)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xDE))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xDE))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xDE))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xDE, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xDE)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xDE, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xDE, 0x03)
                }
            }

            Device (MPDF)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xDF)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xDF))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xDF))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xDF))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xDF, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xDF)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xDF, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xDF, 0x03)
                }
            }

            Device (MPE0)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xE0)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xE0))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xE0))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xE0))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xE0, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xE0)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xE0, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xE0, 0x03)
                }
            }

            Device (MPE1)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xE1)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xE1))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xE1))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xE1))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xE1, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xE1)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xE1, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xE1, 0x03)
                }
            }

            Device (MPE2)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xE2)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xE2))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xE2))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xE2))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xE2, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xE2)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xE2, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xE2, 0x03)
                }
            }

            Device (MPE3)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xE3)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xE3))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xE3))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xE3))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xE3, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xE3)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xE3, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xE3, 0x03)
                }
            }

            Device (MPE4)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xE4)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xE4))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xE4))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xE4))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xE4, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xE4)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xE4, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xE4, 0x03)
                }
            }

            Device (MPE5)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xE5)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xE5))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xE5))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xE5))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xE5, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xE5)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xE5, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xE5, 0x03)
                }
            }

            Device (MPE6)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xE6)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xE6))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xE6))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xE6))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xE6, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xE6)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xE6, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xE6, 0x03)
                }
            }

            Device (MPE7)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xE7)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xE7))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xE7))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xE7))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xE7, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xE7)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xE7, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xE7, 0x03)
                }
            }

            Device (MPE8)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xE8)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xE8))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xE8))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xE8))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xE8, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xE8)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xE8, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xE8, 0x03)
                }
            }

            Device (MPE9)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xE9)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xE9))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xE9))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xE9))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xE9, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xE9)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xE9, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xE9, 0x03)
                }
            }

            Device (MPEA)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xEA)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xEA))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xEA))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xEA))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xEA, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xEA)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xEA, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xEA, 0x03)
                }
            }

            Device (MPEB)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xEB)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xEB))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xEB))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xEB))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xEB, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xEB)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xEB, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xEB, 0x03)
                }
            }

            Device (MPEC)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xEC)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xEC))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xEC))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xEC))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xEC, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xEC)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xEC, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xEC, 0x03)
                }
            }

            Device (MPED)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xED)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xED))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xED))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xED))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xED, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xED)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xED, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xED, 0x03)
                }
            }

            Device (MPEE)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xEE)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xEE))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xEE))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xEE))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xEE, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xEE)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xEE, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xEE, 0x03)
                }
            }

            Device (MPEF)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xEF)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xEF))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xEF))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xEF))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xEF, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xEF)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xEF, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xEF, 0x03)
                }
            }

            Device (MPF0)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xF0)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xF0))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xF0))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xF0))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xF0, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xF0)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xF0, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xF0, 0x03)
                }
            }

            Device (MPF1)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xF1)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xF1))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xF1))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xF1))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xF1, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xF1)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xF1, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xF1, 0x03)
                }
            }

            Device (MPF2)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xF2)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xF2))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xF2))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xF2))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xF2, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xF2)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xF2, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xF2, 0x03)
                }
            }

            Device (MPF3)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xF3)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xF3))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xF3))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xF3))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xF3, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xF3)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xF3, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xF3, 0x03)
                }
            }

            Device (MPF4)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xF4)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xF4))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xF4))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xF4))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xF4, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xF4)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xF4, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xF4, 0x03)
                }
            }

            Device (MPF5)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xF5)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xF5))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xF5))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xF5))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xF5, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xF5)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xF5, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xF5, 0x03)
                }
            }

            Device (MPF6)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xF6)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xF6))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xF6))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xF6))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xF6, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xF6)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xF6, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xF6, 0x03)
                }
            }

            Device (MPF7)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xF7)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xF7))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xF7))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xF7))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xF7, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xF7)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xF7, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xF7, 0x03)
                }
            }

            Device (MPF8)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xF8)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xF8))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xF8))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xF8))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xF8, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xF8)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xF8, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xF8, 0x03)
                }
            }

            Device (MPF9)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xF9)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xF9))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xF9))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xF9))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xF9, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xF9)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xF9, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xF9, 0x03)
                }
            }

            Device (MPFA)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xFA)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xFA))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xFA))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xFA))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xFA, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xFA)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xFA, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xFA, 0x03)
                }
            }

            Device (MPFB)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xFB)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xFB))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xFB))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xFB))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xFB, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xFB)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xFB, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xFB, 0x03)
                }
            }

            Device (MPFC)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xFC)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xFC))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xFC))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xFC))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xFC, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xFC)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xFC, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xFC, 0x03)
                }
            }

            Device (MPFD)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xFD)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xFD))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xFD))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xFD))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xFD, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xFD)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xFD, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xFD, 0x03)
                }
            }

            Device (MPFE)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xFE)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xFE))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xFE))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xFE))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xFE, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xFE)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xFE, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xFE, 0x03)
                }
            }

            Device (MPFF)
            {
                Name (_HID, EisaId ("PNP0C80") /* Memory Device */)  // _HID: Hardware ID
                Name (_UID, 0xFF)  // _UID: Unique ID
                Method (_STA, 0, NotSerialized)  // _STA: Status
                {
                    Return (MSTA (0xFF))
                }

                Method (_CRS, 0, NotSerialized)  // _CRS: Current Resource Settings
                {
                    Return (MCRS (0xFF))
                }

                Method (_PXM, 0, NotSerialized)  // _PXM: Device Proximity
                {
                    Return (MPXM (0xFF))
                }

                Method (_OST, 3, NotSerialized)  // _OST: OSPM Status Indication
                {
                    MOST (0xFF, Arg0, Arg1)
                }

                Method (_EJ0, 1, NotSerialized)  // _EJx: Eject Device, x=0-9
                {
                    MEJ0 (0xFF)
                }

                Method (_PS0, 0, NotSerialized)  // _PS0: Power State 0
                {
                    MPWR (0xFF, Zero)
                }

                Method (_PS3, 0, NotSerialized)  // _PS3: Power State 3
                {
                    MPWR (0xFF, 0x03)
                }
            }
        }
    }
}

