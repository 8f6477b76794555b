// addsub.s — add/sub/adds/subs/cmp/cmn/neg/negs: immediate (lsl #12, negative), shifted, extended, sp forms, :lo12:
// Expected words (and relocations) from GNU as; regenerate with annotate.sh.
add x1, x2, #0
add x3, x4, #4095
add x5, x6, #1, lsl #12
add x7, x8, #4096
add x9, x10, #-16
add x11, x12, #0x555000
add sp, sp, #16
add x13, x14, x15
add x16, x17, x18, lsl #3
add x19, x20, x21, lsr #31
add x22, x23, x24, asr #17
add x25, x26, w27, uxtb
add x28, x29, w30, uxth #2
add x0, x1, w2, sxtw #4
add x0, x1, w2, sxtb
add x0, x1, w2, sxth #1
add x3, sp, x4
add x3, sp, x4, lsl #2
add xzr, x1, x2
add w1, w2, #0
add w3, w4, #4095
add w5, w6, #1, lsl #12
add w7, w8, #4096
add w9, w10, #-16
add w11, w12, #0x555000
add wsp, wsp, #16
add w13, w14, w15
add w16, w17, w18, lsl #3
add w19, w20, w21, lsr #31
add w22, w23, w24, asr #17
add w25, w26, w27, uxtb
add w28, w29, w30, uxth #2
add w0, w1, w2, sxtw #4
add w0, w1, w2, sxtb
add w0, w1, w2, sxth #1
add w3, wsp, w4
add w3, wsp, w4, lsl #2
add wzr, w1, w2
add x0, x1, x2, uxtx #3
add x0, x1, x2, sxtx
add x0, x1, w2, uxtw
adds x1, x2, #0
adds x3, x4, #4095
adds x5, x6, #1, lsl #12
adds x7, x8, #4096
adds x9, x10, #-16
adds x11, x12, #0x555000
adds x0, x1, #16
adds x13, x14, x15
adds x16, x17, x18, lsl #3
adds x19, x20, x21, lsr #31
adds x22, x23, x24, asr #17
adds x25, x26, w27, uxtb
adds x28, x29, w30, uxth #2
adds x0, x1, w2, sxtw #4
adds x0, x1, w2, sxtb
adds x0, x1, w2, sxth #1
adds x3, sp, x4
adds x3, sp, x4, lsl #2
adds xzr, x1, x2
adds w1, w2, #0
adds w3, w4, #4095
