cvttss2si eax, xmm0
cvtsd2ss xmm0, xmm1
cvtss2sd xmm0, xmm1
cvtss2sd xmm0, DWORD PTR [rax]
cvtdq2pd xmm0, xmm1
cvtpd2ps xmm0, xmm1
cvtps2pd xmm0, xmm1
xorpd xmm0, xmm0
xorpd xmm0, XMMWORD PTR [rip+mask]
xorps xmm1, xmm1
andpd xmm0, xmm1
andnpd xmm0, xmm1
andps xmm0, XMMWORD PTR [rax]
orpd xmm0, xmm1
pxor xmm0, xmm0
pxor xmm8, xmm9
pand xmm0, xmm1
por xmm0, xmm1
shufpd xmm0, xmm1, 1
shufps xmm0, xmm0, 0
pshufd xmm0, xmm1, 78
unpcklpd xmm0, xmm1
unpckhpd xmm0, xmm1
unpcklps xmm0, xmm1
punpckldq xmm0, xmm1
punpcklqdq xmm0, xmm1
punpckhqdq xmm0, xmm1
cmpsd xmm0, xmm1, 1
cmpeqsd xmm0, xmm1
cmpltsd xmm0, xmm1
cmplesd xmm0, QWORD PTR [rax]
cmpunordsd xmm0, xmm1
cmpneqsd xmm2, xmm3
cmpnltsd xmm0, xmm1
cmpnlesd xmm0, xmm1
cmpordsd xmm0, xmm1
cmpltss xmm0, xmm1
cmpeqpd xmm0, xmm1
movmskpd eax, xmm0
movmskps eax, xmm1
pmovmskb eax, xmm2
psrlq xmm0, 32
psllq xmm1, 1
psrlq xmm0, xmm1
psrldq xmm0, 8
paddd xmm0, xmm1
paddq xmm0, xmm1
psubq xmm0, xmm1
pcmpeqd xmm0, xmm1
movhlps xmm0, xmm1
movlhps xmm0, xmm1
roundsd xmm0, xmm1, 9
movlpd xmm0, QWORD PTR [rdi]
movhpd xmm0, QWORD PTR [rdi+8]
