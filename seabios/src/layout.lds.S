/*
 * layout.lds.S - the ROM image (run through cpp for layout.h).
 *
 * The image is linked where it runs: the 128 KiB just below 4 GiB. Code,
 * read-only data and the initial .data image sit at the bottom; .data and
 * .bss run from low RAM; the 16-bit entry and the reset vector fill the
 * top. scripts/checkimage.py checks the result.
 */
#include "layout.h"

OUTPUT_FORMAT("elf32-i386")
OUTPUT_ARCH(i386)
ENTRY(reset_vector)

SECTIONS
{
    . = 0xfffe0000;                     /* HM_BIOS_BASE */
    .text : {
        *(.text.entry32)
        *(.text .text.*)
    }
    .rodata : {
        *(.rodata .rodata.*)
    }
    .data FW_DATA_BASE : AT(ADDR(.rodata) + SIZEOF(.rodata)) {
        _data_start = .;
        *(.data .data.*)
        _data_end = .;
    }
    _data_lma = LOADADDR(.data);
    _rom_used_end = LOADADDR(.data) + SIZEOF(.data);
    .bss (NOLOAD) : {
        _bss_start = .;
        *(.bss .bss.* COMMON)
        _bss_end = .;
    }

    /* Real-mode code must sit in the last 64 KiB (CS base 0xffff0000). */
    .entry16 FW_ENTRY16_ADDR : {
        *(.entry16)
    }
    .reset FW_RESET_VECTOR : {
        *(.reset)
        . = 16;
    } =0

    /DISCARD/ : {
        *(.eh_frame*) *(.note*) *(.comment*)
    }

    ASSERT(_rom_used_end <= ADDR(.entry16), "ROM code runs into the 16-bit entry")
    ASSERT(_bss_end <= FW_DATA_LIMIT, "firmware .data/.bss outgrow their RAM area")
}
