# Every x86-64 relocation kind of DESIGN.md section 4 and a few branch shapes.
        .intel_syntax noprefix
        .text
        .globl  entry
        .type   entry, @function
entry:
        push    rbp
        mov     rbp, rsp
        mov     eax, DWORD PTR [rip+counter]
        cmp     eax, 10
        jg      1f
        call    sox_print
        lea     rdi, [rip+message]
        mov     rsi, QWORD PTR [rdi+rax*8+16]
        movabs  rdx, 0x1122334455667788
1:      mov     ecx, OFFSET counter
        add     rax, QWORD PTR [rip+table+8]
        jmp     helper
        .size   entry, .-entry

        .type   helper, @function
helper:
        xor     eax, eax
        test    rdi, rdi
        je      2f
        imul    rax, rdi, 3
2:      pop     rbp
        ret
        .size   helper, .-helper

        .data
        .globl  counter
counter:
        .long   7
table:
        .quad   helper
        .quad   sox_print+16
        .long   counter

        .section .rodata
message:
        .asciz  "basic x86-64"

        .bss
scratch:
        .zero   64
        .section .note.GNU-stack,"",@progbits
