# alu.s — add/or/adc/sbb/and/sub/xor/cmp/test in every operand form and width
add rax, rbx
add eax, ebx
add ax, bx
add al, bl
add r8, r15
add r9d, eax
add spl, dil
add ah, bl
add rax, QWORD PTR [rbx]
add QWORD PTR [rbx], rax
add DWORD PTR [rbp-8], ecx
add ecx, DWORD PTR [rbp-8]
add BYTE PTR [rsi+1], dl
add rax, 1
add rax, -128
add rax, 127
add rax, 128
add rax, 100000
add rax, -2147483648
add eax, 5
add eax, 1000
add ecx, 1000
add ax, 1000
add ax, 5
add cx, 1000
add al, 5
add cl, 5
add BYTE PTR [rax], 200
add QWORD PTR [rsp+8], 16
add DWORD PTR [r12], 70000
add WORD PTR [r13+2], 3
or rdx, rcx
or DWORD PTR [rip+0], 4
adc rax, rbx
adc eax, 1
sbb rcx, rcx
sbb eax, eax
and rax, -16
and eax, 255
and esi, 65535
and r11, QWORD PTR [r10+r9*8]
sub rsp, 8
sub rsp, 136
sub r14d, 1
xor eax, eax
xor r15d, r15d
xor al, 1
xor rdx, QWORD PTR [rdi]
cmp rax, rbx
cmp eax, 10
cmp al, 48
cmp BYTE PTR [rdi], 0
cmp QWORD PTR [rbx+8], 0
cmp DWORD PTR [rbp-4], 99
cmp rcx, QWORD PTR [rax+rdx*8+16]
cmp r8b, r9b
test rax, rax
test eax, eax
test al, al
test dil, dil
test al, 1
test eax, 256
test ecx, 8
test rdi, 4
test BYTE PTR [rax], 1
test DWORD PTR [rbx+4], 3
test QWORD PTR [rax], rdx
test rdx, QWORD PTR [rax]
and r14w, 65425
add eax, 0xffffff91
imul ax, bx, 65535
imul eax, ebx, 4294967295
