# A self-contained program for a static link: calls, data references, an exit syscall.
        .intel_syntax noprefix
        .text
        .globl  _start
_start:
        call    compute
        mov     edi, eax
        mov     eax, 60
        syscall
        .type   compute, @function
compute:
        mov     eax, DWORD PTR [rip+value]
        add     eax, DWORD PTR [rip+value+4]
        lea     rcx, [rip+words]
        movsx   rdx, BYTE PTR [rcx]
        add     eax, edx
        ret
        .size   compute, .-compute
        .data
value:  .long   1, 2
        .section .rodata
words:  .ascii  "\003"
        .section .note.GNU-stack,"",@progbits
