// A self-contained program for a static link: calls, data references, an exit syscall.
        .text
        .globl  _start
_start:
        bl      compute
        mov     x8, #93
        svc     #0
        .type   compute, %function
compute:
        adrp    x1, value
        add     x1, x1, :lo12:value
        ldp     w2, w3, [x1]
        add     w0, w2, w3
        adrp    x4, words
        ldrb    w5, [x4, :lo12:words]
        add     w0, w0, w5
        ret
        .size   compute, .-compute
        .data
value:  .word   1, 2
        .section .rodata
words:  .ascii  "\003"
        .section .note.GNU-stack,"",%progbits
