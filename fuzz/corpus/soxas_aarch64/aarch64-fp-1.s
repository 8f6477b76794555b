fmaxnm d10, d11, d12
fnmul d10, d11, d12
fmadd d13, d14, d15, d16
fmsub d13, d14, d15, d16
fnmadd d13, d14, d15, d16
fnmsub d13, d14, d15, d16
fcmp d0, d1
fcmp d2, #0.0
fcmpe d3, d4
fcmpe d5, #0.0
fcmp d6, 0.0
fccmp d0, d1, #0, eq
fccmp d2, d3, #15, lt
fccmpe d4, d5, #4, hi
fcsel d0, d1, d2, eq
fcsel d3, d4, d5, gt
fmov d0, #1.0
fmov d1, #-2.0
fmov d2, #0.125
fmov d3, #31.0
fmov d4, #1.0e+1
fmov d5, 5.0e-1
fmov d6, #-1.9375
fcvtzs w0, d1
fcvtzs x2, d3
fcvtzu w0, d1
fcvtzu x2, d3
fcvtms w0, d1
fcvtms x2, d3
fcvtmu w0, d1
fcvtmu x2, d3
fcvtps w0, d1
fcvtps x2, d3
fcvtpu w0, d1
fcvtpu x2, d3
fcvtas w0, d1
fcvtas x2, d3
fcvtau w0, d1
fcvtau x2, d3
fcvtns w0, d1
fcvtns x2, d3
fcvtnu w0, d1
fcvtnu x2, d3
scvtf d0, w1
scvtf d2, x3
ucvtf d0, w1
ucvtf d2, x3
fcvt d0, s1
fcvt s2, d3
fcvt h4, s5
fcvt s6, h7
fcvt d8, h9
fcvt h10, d11
fmov w0, s1
fmov s2, w3
fmov x4, d5
fmov d6, x7
fmov v0.d[1], x1
fmov x2, v3.d[1]
fmov s0, wzr
fmov d1, xzr
scvtf d0, d1
scvtf s0, s1
ucvtf d2, d3
ucvtf s4, s5
fcvtzs d0, d1
fcvtzs s2, s3
fcvtzu s0, s1
fcvtzu d4, d5
fcvtzs w1, d0, #3
fcvtzs x0, d0, #16
fcvtzu x0, s0, #64
fcvtzu w2, s3, #1
scvtf d0, x1, #5
scvtf s2, w3, #32
ucvtf s0, w1, #32
ucvtf d4, x5, #64
fabd d3, d1, d0
fabd s3, s1, s0
