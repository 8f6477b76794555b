// logical.s — and/orr/eor/ands/bic/orn/eon/bics/tst/mvn: bitmask immediates and shifted registers
// Expected words (and relocations) from GNU as; regenerate with annotate.sh.
and x0, x1, x2
and x3, x4, x5, lsl #1
and x6, x7, x8, lsr #9
and x9, x10, x11, asr #12
and x12, x13, x14, ror #15
and w0, w1, w2
and w3, w4, w5, lsl #1
and w6, w7, w8, lsr #9
and w9, w10, w11, asr #12
and w12, w13, w14, ror #15
orr x0, x1, x2
orr x3, x4, x5, lsl #1
orr x6, x7, x8, lsr #9
orr x9, x10, x11, asr #12
orr x12, x13, x14, ror #15
orr w0, w1, w2
orr w3, w4, w5, lsl #1
orr w6, w7, w8, lsr #9
orr w9, w10, w11, asr #12
orr w12, w13, w14, ror #15
eor x0, x1, x2
eor x3, x4, x5, lsl #1
eor x6, x7, x8, lsr #9
eor x9, x10, x11, asr #12
eor x12, x13, x14, ror #15
eor w0, w1, w2
eor w3, w4, w5, lsl #1
eor w6, w7, w8, lsr #9
eor w9, w10, w11, asr #12
eor w12, w13, w14, ror #15
ands x0, x1, x2
ands x3, x4, x5, lsl #1
ands x6, x7, x8, lsr #9
ands x9, x10, x11, asr #12
ands x12, x13, x14, ror #15
ands w0, w1, w2
ands w3, w4, w5, lsl #1
ands w6, w7, w8, lsr #9
ands w9, w10, w11, asr #12
ands w12, w13, w14, ror #15
bic x0, x1, x2
bic x3, x4, x5, lsl #1
bic x6, x7, x8, lsr #9
bic x9, x10, x11, asr #12
bic x12, x13, x14, ror #15
bic w0, w1, w2
bic w3, w4, w5, lsl #1
bic w6, w7, w8, lsr #9
bic w9, w10, w11, asr #12
bic w12, w13, w14, ror #15
orn x0, x1, x2
orn x3, x4, x5, lsl #1
orn x6, x7, x8, lsr #9
orn x9, x10, x11, asr #12
orn x12, x13, x14, ror #15
orn w0, w1, w2
orn w3, w4, w5, lsl #1
orn w6, w7, w8, lsr #9
orn w9, w10, w11, asr #12
