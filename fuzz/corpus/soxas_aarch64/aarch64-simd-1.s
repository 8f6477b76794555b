cmgt v0.2s, v1.2s, v2.2s
cmhi v0.2d, v1.2d, v2.2d
umax v0.4h, v1.4h, v2.4h
addp v0.4s, v1.4s, v2.4s
and v0.16b, v1.16b, v2.16b
orr v0.8b, v1.8b, v2.8b
bic v0.16b, v1.16b, v2.16b
eor v0.16b, v1.16b, v2.16b
bsl v0.16b, v1.16b, v2.16b
bit v0.8b, v1.8b, v2.8b
bif v0.16b, v1.16b, v2.16b
fadd v0.2d, v1.2d, v2.2d
fadd v0.4s, v1.4s, v2.4s
fsub v0.2s, v1.2s, v2.2s
fmul v0.2d, v1.2d, v2.2d
fdiv v0.4s, v1.4s, v2.4s
fmax v0.2d, v1.2d, v2.2d
fmin v0.2d, v1.2d, v2.2d
fmaxnm v0.2d, v1.2d, v2.2d
fminnm v0.4s, v1.4s, v2.4s
fmla v0.2d, v1.2d, v2.2d
fmls v0.4s, v1.4s, v2.4s
fcmeq v0.2d, v1.2d, v2.2d
fcmge v0.2d, v1.2d, v2.2d
fcmgt v0.4s, v1.4s, v2.4s
fabd v0.2d, v1.2d, v2.2d
faddp v0.2d, v1.2d, v2.2d
neg v0.4s, v1.4s
abs v0.2d, v1.2d
not v0.16b, v1.16b
mvn v0.8b, v1.8b
fneg v0.2d, v0.2d
fabs v0.4s, v1.4s
fsqrt v0.2d, v1.2d
scvtf v0.2d, v1.2d
ucvtf v0.4s, v1.4s
fcvtzs v0.2d, v1.2d
fcvtzu v0.4s, v1.4s
frintm v0.2d, v1.2d
frintp v0.2d, v1.2d
frintz v0.4s, v1.4s
frinta v0.2d, v1.2d
frintn v0.2d, v1.2d
cmtst v0.4s, v1.4s, v2.4s
cmge v0.8h, v1.8h, v2.8h
cmhs v0.16b, v1.16b, v2.16b
smax v0.4s, v1.4s, v2.4s
smin v0.8b, v1.8b, v2.8b
umin v0.4s, v1.4s, v2.4s
mov d14, v15.d[1]
mov s16, v17.s[3]
mov h1, v2.h[7]
ins v4.b[0xf], w5
ushr d0, d1, #1
ushr d0, d1, 64
sshr d2, d3, #63
ushr v0.2d, v1.2d, #52
sshr v0.4s, v1.4s, #1
ushr v0.8h, v1.8h, #16
sshr v0.16b, v1.16b, #8
usra d0, d1, #3
ssra v0.2d, v1.2d, #7
ushr v2.2s, v3.2s, #32
rev64 v0.16b, v0.16b
rev64 v1.4s, v2.4s
rev64 v1.4h, v2.4h
rev32 v3.8h, v4.8h
rev32 v3.8b, v4.8b
