orn w12, w13, w14, ror #15
eon x0, x1, x2
eon x3, x4, x5, lsl #1
eon x6, x7, x8, lsr #9
eon x9, x10, x11, asr #12
eon x12, x13, x14, ror #15
eon w0, w1, w2
eon w3, w4, w5, lsl #1
eon w6, w7, w8, lsr #9
eon w9, w10, w11, asr #12
eon w12, w13, w14, ror #15
bics x0, x1, x2
bics x3, x4, x5, lsl #1
bics x6, x7, x8, lsr #9
bics x9, x10, x11, asr #12
bics x12, x13, x14, ror #15
bics w0, w1, w2
bics w3, w4, w5, lsl #1
bics w6, w7, w8, lsr #9
bics w9, w10, w11, asr #12
bics w12, w13, w14, ror #15
and x0, x1, #1
and x2, x3, #0xff
and x4, x5, #0xfffffffffffffffe
and x6, x7, #0x5555555555555555
and x8, x9, #0x00ff00ff00ff00ff
and x10, x11, #0xf0000000000000ff
and w0, w1, #1
and w2, w3, #0xff00
and w4, w5, #0x7ffffffe
and w6, w7, #0xaaaaaaaa
and w8, w9, #-2
and w10, w11, #0x3c3c3c3c
orr x0, x1, #1
orr x2, x3, #0xff
orr x4, x5, #0xfffffffffffffffe
orr x6, x7, #0x5555555555555555
orr x8, x9, #0x00ff00ff00ff00ff
orr x10, x11, #0xf0000000000000ff
orr w0, w1, #1
orr w2, w3, #0xff00
orr w4, w5, #0x7ffffffe
orr w6, w7, #0xaaaaaaaa
orr w8, w9, #-2
orr w10, w11, #0x3c3c3c3c
eor x0, x1, #1
eor x2, x3, #0xff
eor x4, x5, #0xfffffffffffffffe
eor x6, x7, #0x5555555555555555
eor x8, x9, #0x00ff00ff00ff00ff
eor x10, x11, #0xf0000000000000ff
eor w0, w1, #1
eor w2, w3, #0xff00
eor w4, w5, #0x7ffffffe
eor w6, w7, #0xaaaaaaaa
eor w8, w9, #-2
eor w10, w11, #0x3c3c3c3c
ands x0, x1, #1
ands x2, x3, #0xff
ands x4, x5, #0xfffffffffffffffe
ands x6, x7, #0x5555555555555555
ands x8, x9, #0x00ff00ff00ff00ff
ands x10, x11, #0xf0000000000000ff
