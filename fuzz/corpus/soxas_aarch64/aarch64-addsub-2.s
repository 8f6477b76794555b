subs x19, x20, x21, lsr #31
subs x22, x23, x24, asr #17
subs x25, x26, w27, uxtb
subs x28, x29, w30, uxth #2
subs x0, x1, w2, sxtw #4
subs x0, x1, w2, sxtb
subs x0, x1, w2, sxth #1
subs x3, sp, x4
subs x3, sp, x4, lsl #2
subs xzr, x1, x2
subs w1, w2, #0
subs w3, w4, #4095
subs w5, w6, #1, lsl #12
subs w7, w8, #4096
subs w9, w10, #-16
subs w11, w12, #0x555000
subs w0, w1, #16
subs w13, w14, w15
subs w16, w17, w18, lsl #3
subs w19, w20, w21, lsr #31
subs w22, w23, w24, asr #17
subs w25, w26, w27, uxtb
subs w28, w29, w30, uxth #2
subs w0, w1, w2, sxtw #4
subs w0, w1, w2, sxtb
subs w0, w1, w2, sxth #1
subs w3, wsp, w4
subs w3, wsp, w4, lsl #2
subs wzr, w1, w2
subs x0, x1, x2, uxtx #3
subs x0, x1, x2, sxtx
subs x0, x1, w2, uxtw
cmp x0, #0
cmp x1, #4095
cmp x2, #-1
cmp x3, x4
cmp x5, x6, lsl #7
cmp sp, #16
cmp sp, x1
cmp x7, w8, sxtw
cmn x0, #1
cmn x1, x2
cmn x3, #2, lsl #12
cmn x4, x5, asr #3
neg x0, x1
neg x2, x3, lsl #4
negs x4, x5
negs x6, x7, asr #2
add x0, x0, #1
sub sp, sp, #32
add x29, sp, #0
cmp w0, #0
cmp w1, #4095
cmp w2, #-1
cmp w3, w4
cmp w5, w6, lsl #7
cmp wsp, #16
cmp wsp, w1
cmp w7, w8, uxtb
cmn w0, #1
cmn w1, w2
cmn w3, #2, lsl #12
cmn w4, w5, asr #3
neg w0, w1
neg w2, w3, lsl #4
negs w4, w5
negs w6, w7, asr #2
add w0, w0, #1
sub wsp, wsp, #32
add w29, wsp, #0
add x0, x0, :lo12:sym
add x1, x2, #:lo12:sym+8
add w0, w0, :lo12:sym
