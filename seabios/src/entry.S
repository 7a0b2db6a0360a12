/*
 * entry.S - reset vector, switch to 32-bit flat mode, C runtime set-up,
 * the Linux hand-off and the application-processor trampoline.
 *
 * The CPU leaves reset in real mode with CS base 0xffff0000 and IP 0xfff0,
 * so the 16-bit code sits in the last 64 KiB of the ROM and addresses its
 * data relative to that base. The 32-bit code is linked at the ROM's high
 * alias (0xfffe0000) and runs there: it never depends on the low alias.
 */
#include "hw/hotmem-pc.h"
#include "layout.h"

#define CR0_PE       0x00000001
#define CR0_NW_CD    0x60000000
#define SEG16_BASE   0xffff0000
/* Offset of a .entry16 label from the real-mode CS base. */
#define CS16(label)  (FW_ENTRY16_ADDR - SEG16_BASE + (label - entry16))

/* ---- 16-bit: first instructions after reset ---- */
    .section .entry16, "ax"
    .code16
entry16:
    cli
    cld
    movw $HM_FW_EVENT_PORT, %dx
    movb $HM_FW_EVENT_ENTRY, %al
    outb %al, %dx
    lgdtl %cs:CS16(gdt_desc)
    movl %cr0, %eax
    andl $~CR0_NW_CD, %eax          /* reset leaves the caches disabled */
    orl $CR0_PE, %eax
    movl %eax, %cr0
    ljmpl $FW_CS32, $entry32

/*
 * Flat GDT, in ROM so it survives until the kernel loads its own. The
 * accessed bits are preset: the CPU would otherwise write them into ROM.
 * Selectors 0x10/0x18 are the Linux boot protocol's __BOOT_CS/__BOOT_DS.
 */
    .balign 8
gdt:
    .quad 0
    .quad 0
    .quad 0x00cf9b000000ffff        /* FW_CS32: code, base 0, 4 GiB */
    .quad 0x00cf93000000ffff        /* FW_DS32: data, base 0, 4 GiB */
gdt_end:
gdt_desc:
    .word gdt_end - gdt - 1
    .long gdt

/* ---- the reset vector: the image's last 16 bytes ---- */
    .section .reset, "ax"
    .code16
    .globl reset_vector
reset_vector:
    jmp entry16

/* ---- 32-bit flat mode ---- */
    .section .text.entry32, "ax"
    .code32
entry32:
    movl $FW_DS32, %eax
    movl %eax, %ds
    movl %eax, %es
    movl %eax, %ss
    movl %eax, %fs
    movl %eax, %gs
    movl $FW_STACK_TOP, %esp
    /* RAM keeps its old contents across a reset: copy .data, zero .bss. */
    movl $_data_lma, %esi
    movl $_data_start, %edi
    movl $_data_end, %ecx
    subl %edi, %ecx
    rep movsb
    movl $_bss_start, %edi
    movl $_bss_end, %ecx
    subl %edi, %ecx
    xorl %eax, %eax
    rep stosb
    call fw_main
1:  cli
    hlt
    jmp 1b

/*
 * void linux_enter(u32 entry, u32 boot_params): the 32-bit boot protocol
 * wants CS/DS = __BOOT_CS/__BOOT_DS (already loaded), interrupts off,
 * ESI = boot_params and EBP = EDI = EBX = 0.
 */
    .globl linux_enter
linux_enter:
    cli
    movl 4(%esp), %eax
    movl 8(%esp), %esi
    xorl %ebp, %ebp
    xorl %edi, %edi
    xorl %ebx, %ebx
    jmp *%eax

/*
 * Application-processor trampoline, copied to FW_AP_TRAMPOLINE. An AP
 * starts here in real mode after the SIPI, loads the BSP's MTRRs from the
 * list the BSP stored in the same page, records its APIC ID in the slot
 * its ticket gives it, counts itself done and halts until the OS sends
 * INIT.
 */
    .section .rodata.ap_trampoline, "a"
    .code16
    .globl ap_trampoline, ap_trampoline_end
ap_trampoline:
    cli
    movw %cs, %ax
    movw %ax, %ds
    movw $FW_AP_MSRS_OFF, %si
1:  movl (%si), %ecx
    testl %ecx, %ecx
    jz 2f
    movl 4(%si), %eax
    movl 8(%si), %edx
    wrmsr
    addw $12, %si
    jmp 1b
2:  movl $1, %eax
    cpuid
    shrl $24, %ebx                  /* initial APIC ID */
    movl $1, %eax
    lock xaddl %eax, FW_AP_TICKET_OFF
    cmpl $FW_MAX_CPUS, %eax
    jae 3f
    movw %ax, %si
    movb %bl, FW_AP_IDS_OFF(%si)
3:  lock incl FW_AP_DONE_OFF
4:  hlt
    jmp 4b
    .org ap_trampoline + FW_AP_TICKET_OFF   /* fails if the code is longer */
ap_trampoline_end:
