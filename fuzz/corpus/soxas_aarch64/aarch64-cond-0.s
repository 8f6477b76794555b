// cond.s — csel family and aliases with every condition, ccmp/ccmn register and immediate
// Expected words (and relocations) from GNU as; regenerate with annotate.sh.
csel w0, w1, w2, eq
csinc w3, w4, w5, eq
csinv w6, w7, w8, eq
csneg w9, w10, w11, eq
ccmp w1, w2, #0, eq
ccmn w3, #5, #15, eq
ccmp w4, #31, #0, eq
ccmn w5, w6, #8, eq
cset w0, eq
csetm w1, eq
cinc w2, w3, eq
cinv w4, w5, eq
cneg w6, w7, eq
csel x0, x1, x2, ne
csinc x3, x4, x5, ne
csinv x6, x7, x8, ne
csneg x9, x10, x11, ne
ccmp x1, x2, #1, ne
ccmn x3, #6, #14, ne
ccmp x4, #31, #0, ne
ccmn x5, x6, #8, ne
cset x0, ne
csetm x1, ne
cinc x2, x3, ne
cinv x4, x5, ne
cneg x6, x7, ne
csel w0, w1, w2, cs
csinc w3, w4, w5, cs
csinv w6, w7, w8, cs
csneg w9, w10, w11, cs
ccmp w1, w2, #2, cs
ccmn w3, #7, #13, cs
ccmp w4, #31, #0, cs
ccmn w5, w6, #8, cs
cset w0, cs
csetm w1, cs
cinc w2, w3, cs
cinv w4, w5, cs
cneg w6, w7, cs
csel x0, x1, x2, hs
csinc x3, x4, x5, hs
csinv x6, x7, x8, hs
csneg x9, x10, x11, hs
ccmp x1, x2, #3, hs
ccmn x3, #8, #12, hs
ccmp x4, #31, #0, hs
ccmn x5, x6, #8, hs
cset x0, hs
csetm x1, hs
cinc x2, x3, hs
cinv x4, x5, hs
cneg x6, x7, hs
csel w0, w1, w2, cc
csinc w3, w4, w5, cc
csinv w6, w7, w8, cc
csneg w9, w10, w11, cc
ccmp w1, w2, #4, cc
ccmn w3, #9, #11, cc
ccmp w4, #31, #0, cc
ccmn w5, w6, #8, cc
cset w0, cc
csetm w1, cc
cinc w2, w3, cc
cinv w4, w5, cc
cneg w6, w7, cc
csel x0, x1, x2, lo
csinc x3, x4, x5, lo
csinv x6, x7, x8, lo
csneg x9, x10, x11, lo
ccmp x1, x2, #5, lo
ccmn x3, #10, #10, lo
ccmp x4, #31, #0, lo
