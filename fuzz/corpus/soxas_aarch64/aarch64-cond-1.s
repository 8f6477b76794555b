ccmn x5, x6, #8, lo
cset x0, lo
csetm x1, lo
cinc x2, x3, lo
cinv x4, x5, lo
cneg x6, x7, lo
csel w0, w1, w2, mi
csinc w3, w4, w5, mi
csinv w6, w7, w8, mi
csneg w9, w10, w11, mi
ccmp w1, w2, #6, mi
ccmn w3, #11, #9, mi
ccmp w4, #31, #0, mi
ccmn w5, w6, #8, mi
cset w0, mi
csetm w1, mi
cinc w2, w3, mi
cinv w4, w5, mi
cneg w6, w7, mi
csel x0, x1, x2, pl
csinc x3, x4, x5, pl
csinv x6, x7, x8, pl
csneg x9, x10, x11, pl
ccmp x1, x2, #7, pl
ccmn x3, #12, #8, pl
ccmp x4, #31, #0, pl
ccmn x5, x6, #8, pl
cset x0, pl
csetm x1, pl
cinc x2, x3, pl
cinv x4, x5, pl
cneg x6, x7, pl
csel w0, w1, w2, vs
csinc w3, w4, w5, vs
csinv w6, w7, w8, vs
csneg w9, w10, w11, vs
ccmp w1, w2, #8, vs
ccmn w3, #13, #7, vs
ccmp w4, #31, #0, vs
ccmn w5, w6, #8, vs
cset w0, vs
csetm w1, vs
cinc w2, w3, vs
cinv w4, w5, vs
cneg w6, w7, vs
csel x0, x1, x2, vc
csinc x3, x4, x5, vc
csinv x6, x7, x8, vc
csneg x9, x10, x11, vc
ccmp x1, x2, #9, vc
ccmn x3, #14, #6, vc
ccmp x4, #31, #0, vc
ccmn x5, x6, #8, vc
cset x0, vc
csetm x1, vc
cinc x2, x3, vc
cinv x4, x5, vc
cneg x6, x7, vc
csel w0, w1, w2, hi
csinc w3, w4, w5, hi
csinv w6, w7, w8, hi
csneg w9, w10, w11, hi
ccmp w1, w2, #10, hi
ccmn w3, #15, #5, hi
ccmp w4, #31, #0, hi
ccmn w5, w6, #8, hi
cset w0, hi
csetm w1, hi
cinc w2, w3, hi
cinv w4, w5, hi
cneg w6, w7, hi
csel x0, x1, x2, ls
csinc x3, x4, x5, ls
csinv x6, x7, x8, ls
csneg x9, x10, x11, ls
ccmp x1, x2, #11, ls
ccmn x3, #16, #4, ls
ccmp x4, #31, #0, ls
ccmn x5, x6, #8, ls
cset x0, ls
csetm x1, ls
cinc x2, x3, ls
cinv x4, x5, ls
cneg x6, x7, ls
