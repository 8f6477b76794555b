csel w0, w1, w2, ge
csinc w3, w4, w5, ge
csinv w6, w7, w8, ge
csneg w9, w10, w11, ge
ccmp w1, w2, #12, ge
ccmn w3, #17, #3, ge
ccmp w4, #31, #0, ge
ccmn w5, w6, #8, ge
cset w0, ge
csetm w1, ge
cinc w2, w3, ge
cinv w4, w5, ge
cneg w6, w7, ge
csel x0, x1, x2, lt
csinc x3, x4, x5, lt
csinv x6, x7, x8, lt
csneg x9, x10, x11, lt
ccmp x1, x2, #13, lt
ccmn x3, #18, #2, lt
ccmp x4, #31, #0, lt
ccmn x5, x6, #8, lt
cset x0, lt
csetm x1, lt
cinc x2, x3, lt
cinv x4, x5, lt
cneg x6, x7, lt
csel w0, w1, w2, gt
csinc w3, w4, w5, gt
csinv w6, w7, w8, gt
csneg w9, w10, w11, gt
ccmp w1, w2, #14, gt
ccmn w3, #19, #1, gt
ccmp w4, #31, #0, gt
ccmn w5, w6, #8, gt
cset w0, gt
csetm w1, gt
cinc w2, w3, gt
cinv w4, w5, gt
cneg w6, w7, gt
csel x0, x1, x2, le
csinc x3, x4, x5, le
csinv x6, x7, x8, le
csneg x9, x10, x11, le
ccmp x1, x2, #15, le
ccmn x3, #20, #0, le
ccmp x4, #31, #0, le
ccmn x5, x6, #8, le
cset x0, le
csetm x1, le
cinc x2, x3, le
cinv x4, x5, le
cneg x6, x7, le
csel w0, w1, w2, al
csinc w3, w4, w5, al
csinv w6, w7, w8, al
csneg w9, w10, w11, al
ccmp w1, w2, #0, al
ccmn w3, #21, #15, al
ccmp w4, #31, #0, al
ccmn w5, w6, #8, al
csel x0, x1, x2, nv
csinc x3, x4, x5, nv
csinv x6, x7, x8, nv
csneg x9, x10, x11, nv
ccmp x1, x2, #1, nv
ccmn x3, #22, #14, nv
ccmp x4, #31, #0, nv
ccmn x5, x6, #8, nv
