// Every AArch64 relocation kind of DESIGN.md section 4, literal data in code, branch shapes.
        .text
        .globl  entry
        .type   entry, %function
entry:
        stp     x29, x30, [sp, #-16]!
        mov     x29, sp
        adrp    x0, counter
        ldr     w1, [x0, :lo12:counter]
        cmp     w1, #10
        b.gt    1f
        bl      sox_print
        adrp    x2, message
        add     x2, x2, :lo12:message
        cbz     x2, 2f
        tbnz    w1, #3, 2f
1:      movz    x3, #:abs_g1:table
        movk    x3, #:abs_g0_nc:table
        ldr     x4, [x3, #8]
2:      ldp     x29, x30, [sp], #16
        b       helper
        .size   entry, .-entry

        .type   helper, %function
helper:
        mov     w0, #0
        ret
        .word   0x12345678
        .size   helper, .-helper

        .data
        .globl  counter
counter:
        .word   7
table:
        .xword  helper
        .xword  sox_print+16
        .word   counter

        .section .rodata
message:
        .asciz  "basic aarch64"

        .bss
scratch:
        .zero   64
        .section .note.GNU-stack,"",%progbits
