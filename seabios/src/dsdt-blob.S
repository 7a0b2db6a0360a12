/* dsdt-blob.S - links the iasl-compiled DSDT into the ROM (read-only). */
    .section .rodata.dsdt, "a"
    .balign 16
    .globl dsdt_aml, dsdt_aml_end
dsdt_aml:
    .incbin DSDT_AML
dsdt_aml_end:
