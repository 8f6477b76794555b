ands w0, w1, #1
ands w2, w3, #0xff00
ands w4, w5, #0x7ffffffe
ands w6, w7, #0xaaaaaaaa
ands w8, w9, #-2
ands w10, w11, #0x3c3c3c3c
and sp, x0, #0xff
orr wsp, w1, #3
eor sp, x2, #0x8000000000000000
tst x0, #1
tst w1, #0x80000000
tst x2, x3
tst w4, w5, lsl #3
tst x6, x7, ror #60
mvn x0, x1
mvn w2, w3
mvn x4, x5, lsl #6
mvn w6, w7, asr #1
