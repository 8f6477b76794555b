// fp.s — scalar floating point: arithmetic, compares, fmov forms, conversions (incl. fixed point and in-register)
// Expected words (and relocations) from GNU as; regenerate with annotate.sh.
fmov s0, s1
fabs s2, s3
fneg s4, s5
fsqrt s6, s7
frintn s8, s9
frintp s8, s9
frintm s8, s9
frintz s8, s9
frinta s8, s9
frintx s8, s9
frinti s8, s9
fadd s10, s11, s12
fsub s10, s11, s12
fmul s10, s11, s12
fdiv s10, s11, s12
fmin s10, s11, s12
fmax s10, s11, s12
fminnm s10, s11, s12
fmaxnm s10, s11, s12
fnmul s10, s11, s12
fmadd s13, s14, s15, s16
fmsub s13, s14, s15, s16
fnmadd s13, s14, s15, s16
fnmsub s13, s14, s15, s16
fcmp s0, s1
fcmp s2, #0.0
fcmpe s3, s4
fcmpe s5, #0.0
fcmp s6, 0.0
fccmp s0, s1, #0, eq
fccmp s2, s3, #15, lt
fccmpe s4, s5, #4, hi
fcsel s0, s1, s2, eq
fcsel s3, s4, s5, gt
fmov s0, #1.0
fmov s1, #-2.0
fmov s2, #0.125
fmov s3, #31.0
fmov s4, #1.0e+1
fmov s5, 5.0e-1
fmov s6, #-1.9375
fcvtzs w0, s1
fcvtzs x2, s3
fcvtzu w0, s1
fcvtzu x2, s3
fcvtms w0, s1
fcvtms x2, s3
fcvtmu w0, s1
fcvtmu x2, s3
fcvtps w0, s1
fcvtps x2, s3
fcvtpu w0, s1
fcvtpu x2, s3
fcvtas w0, s1
fcvtas x2, s3
fcvtau w0, s1
fcvtau x2, s3
fcvtns w0, s1
fcvtns x2, s3
fcvtnu w0, s1
fcvtnu x2, s3
scvtf s0, w1
scvtf s2, x3
ucvtf s0, w1
ucvtf s2, x3
fmov d0, d1
fabs d2, d3
fneg d4, d5
fsqrt d6, d7
frintn d8, d9
frintp d8, d9
frintm d8, d9
frintz d8, d9
frinta d8, d9
frintx d8, d9
frinti d8, d9
fadd d10, d11, d12
fsub d10, d11, d12
fmul d10, d11, d12
fdiv d10, d11, d12
fmin d10, d11, d12
fmax d10, d11, d12
fminnm d10, d11, d12
