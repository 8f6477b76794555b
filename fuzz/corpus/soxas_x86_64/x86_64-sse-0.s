# sse.s — SSE2 scalar double/single and the moves, logic and shuffles gcc uses
movsd xmm0, xmm1
movsd xmm0, QWORD PTR [rax]
movsd QWORD PTR [rsp+8], xmm15
movsd xmm8, QWORD PTR [rip+c1]
movss xmm1, DWORD PTR [rdi]
movss DWORD PTR [rdi], xmm2
movss xmm3, xmm4
movapd xmm0, xmm1
movapd xmm9, XMMWORD PTR [rax]
movapd XMMWORD PTR [rsp], xmm2
movaps xmm0, xmm12
movaps XMMWORD PTR [rbp-32], xmm6
movupd xmm0, XMMWORD PTR [rsi]
movups XMMWORD PTR [rdi], xmm1
movups xmm1, XMMWORD PTR [rdi+16]
movdqa xmm0, XMMWORD PTR [rax]
movdqa XMMWORD PTR [rax], xmm7
movdqu xmm0, XMMWORD PTR [rsi+rcx]
movdqu XMMWORD PTR [rdi], xmm10
movq xmm0, rax
movq rax, xmm0
movq xmm0, xmm1
movq xmm0, QWORD PTR [rdi]
movq QWORD PTR [rdi], xmm0
movq r9, xmm14
movd xmm0, eax
movd eax, xmm0
movd xmm1, DWORD PTR [rsi]
movd DWORD PTR [rsi], xmm1
addsd xmm0, xmm1
addsd xmm0, QWORD PTR [rax+8]
subsd xmm2, xmm3
mulsd xmm4, QWORD PTR [rip+k]
divsd xmm10, xmm11
sqrtsd xmm0, xmm0
sqrtsd xmm1, QWORD PTR [rdi]
minsd xmm0, xmm1
maxsd xmm0, QWORD PTR [rsp]
addss xmm0, xmm1
mulss xmm0, DWORD PTR [rax]
subss xmm1, xmm2
divss xmm3, xmm4
sqrtss xmm0, xmm1
addpd xmm0, xmm1
mulpd xmm2, XMMWORD PTR [rax]
ucomisd xmm0, xmm1
ucomisd xmm0, QWORD PTR [rip+zero]
comisd xmm2, xmm3
ucomiss xmm0, xmm1
comiss xmm0, DWORD PTR [rdi]
cvtsi2sd xmm0, eax
cvtsi2sd xmm0, rax
cvtsi2sd xmm1, DWORD PTR [rbp-4]
cvtsi2sd xmm1, QWORD PTR [rbp-8]
cvtsi2ss xmm0, eax
cvtsi2ss xmm0, rdx
cvttsd2si eax, xmm0
cvttsd2si rax, xmm1
cvttsd2si rcx, QWORD PTR [rdi]
cvtsd2si rax, xmm0
