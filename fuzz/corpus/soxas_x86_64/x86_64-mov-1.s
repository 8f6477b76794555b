movsx rax, DWORD PTR [rdi]
movsx eax, BYTE PTR [rdi]
movsx rcx, WORD PTR [rbp-2]
movsx ax, bl
movsx r10, r11b
movsxd rax, ecx
movsxd rdx, DWORD PTR [rax+rbx*4]
lea rax, [rbx+rcx]
lea rax, [rbx+rcx*4+7]
lea eax, [rdi+rsi]
lea rdx, [rax*8]
lea rsp, [rsp+8]
lea r12, [r13+r14*2-100]
lea rax, [rip+0]
push rax
push r12
push QWORD PTR [rbp+16]
push 1
push 1000
push -1
pop rbx
pop r15
pop QWORD PTR [rax]
push ax
pop ax
xchg rax, rbx
xchg rbx, rax
xchg eax, ecx
xchg ecx, edx
xchg al, bl
xchg QWORD PTR [rdi], rax
xchg rax, QWORD PTR [rdi]
bswap eax
bswap r9
bswap rcx
