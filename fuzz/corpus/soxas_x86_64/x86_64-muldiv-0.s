# muldiv.s — inc/dec/neg/not, imul (all forms), mul/div/idiv, sign extension, shifts, bit ops
inc rax
inc eax
inc al
inc DWORD PTR [rdi]
inc QWORD PTR [rbx+8]
dec r8
dec BYTE PTR [rax]
neg rax
neg ecx
not rdx
not BYTE PTR [rsi]
mul rbx
mul DWORD PTR [rdi]
div rcx
div r8d
idiv rsi
idiv QWORD PTR [rsp+8]
imul rbx
imul DWORD PTR [rax]
imul rax, rbx
imul eax, DWORD PTR [rdi+4]
imul rax, rbx, 10
imul rax, rbx, 1000
imul eax, eax, -3
imul rcx, QWORD PTR [rdx], 24
imul rax, 7
imul r9, r10
imul ax, bx
cqo
cdq
cdqe
cwde
cbw
cwd
shl rax, 1
shl rax, 4
shl eax, cl
shl BYTE PTR [rdi], 1
shl DWORD PTR [rdi], 3
shl rax
sal rcx, 2
sal edx, cl
shr rax, 63
shr edx, cl
shr r9, 1
sar rax, 3
sar ecx, cl
sar BYTE PTR [rbx], 7
rol eax, 8
rol rcx, cl
ror rdx, 13
ror ax, 8
rcl eax, 1
rcr edx, 2
bt rax, rcx
bt eax, 5
bt DWORD PTR [rdi], 3
bt QWORD PTR [rdi], rax
bts rax, 63
btr ecx, edx
btc rax, rdx
btc eax, 31
bsf rax, rbx
bsr eax, DWORD PTR [rdi]
popcnt rax, rdi
lzcnt eax, ecx
tzcnt rax, QWORD PTR [rsi]
setne al
sete cl
setg dil
setl BYTE PTR [rax]
seta r8b
setb al
setbe dl
setae bl
setle al
setge al
sets al
setns al
setp al
setnp al
seto al
setno al
cmove rax, rbx
cmovne eax, DWORD PTR [rdi]
cmovl rcx, rdx
cmovg r8, r9
cmova eax, ecx
cmovb rax, QWORD PTR [rbp-8]
cmovae ax, bx
cmovs rax, rbx
shld rax, rdx, 3
shld eax, edx, cl
shrd rax, rdx, 3
shrd QWORD PTR [rdi], rdx, cl
