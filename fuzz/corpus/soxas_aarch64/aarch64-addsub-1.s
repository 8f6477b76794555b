adds w5, w6, #1, lsl #12
adds w7, w8, #4096
adds w9, w10, #-16
adds w11, w12, #0x555000
adds w0, w1, #16
adds w13, w14, w15
adds w16, w17, w18, lsl #3
adds w19, w20, w21, lsr #31
adds w22, w23, w24, asr #17
adds w25, w26, w27, uxtb
adds w28, w29, w30, uxth #2
adds w0, w1, w2, sxtw #4
adds w0, w1, w2, sxtb
adds w0, w1, w2, sxth #1
adds w3, wsp, w4
adds w3, wsp, w4, lsl #2
adds wzr, w1, w2
adds x0, x1, x2, uxtx #3
adds x0, x1, x2, sxtx
adds x0, x1, w2, uxtw
sub x1, x2, #0
sub x3, x4, #4095
sub x5, x6, #1, lsl #12
sub x7, x8, #4096
sub x9, x10, #-16
sub x11, x12, #0x555000
sub sp, sp, #16
sub x13, x14, x15
sub x16, x17, x18, lsl #3
sub x19, x20, x21, lsr #31
sub x22, x23, x24, asr #17
sub x25, x26, w27, uxtb
sub x28, x29, w30, uxth #2
sub x0, x1, w2, sxtw #4
sub x0, x1, w2, sxtb
sub x0, x1, w2, sxth #1
sub x3, sp, x4
sub x3, sp, x4, lsl #2
sub xzr, x1, x2
sub w1, w2, #0
sub w3, w4, #4095
sub w5, w6, #1, lsl #12
sub w7, w8, #4096
sub w9, w10, #-16
sub w11, w12, #0x555000
sub wsp, wsp, #16
sub w13, w14, w15
sub w16, w17, w18, lsl #3
sub w19, w20, w21, lsr #31
sub w22, w23, w24, asr #17
sub w25, w26, w27, uxtb
sub w28, w29, w30, uxth #2
sub w0, w1, w2, sxtw #4
sub w0, w1, w2, sxtb
sub w0, w1, w2, sxth #1
sub w3, wsp, w4
sub w3, wsp, w4, lsl #2
sub wzr, w1, w2
sub x0, x1, x2, uxtx #3
sub x0, x1, x2, sxtx
sub x0, x1, w2, uxtw
subs x1, x2, #0
subs x3, x4, #4095
subs x5, x6, #1, lsl #12
subs x7, x8, #4096
subs x9, x10, #-16
subs x11, x12, #0x555000
subs x0, x1, #16
subs x13, x14, x15
subs x16, x17, x18, lsl #3
