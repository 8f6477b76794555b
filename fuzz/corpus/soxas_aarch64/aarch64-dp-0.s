// dp.s — one/two/three-source data processing: rbit/rev/clz/cls, div, madd family, long multiplies, adc/sbc
// Expected words (and relocations) from GNU as; regenerate with annotate.sh.
rbit x0, x1
rev16 x2, x3
rev x4, x5
clz x6, x7
cls x8, x9
udiv x0, x1, x2
sdiv x3, x4, x5
madd x0, x1, x2, x3
msub x4, x5, x6, x7
mul x8, x9, x10
mneg x11, x12, x13
rbit w0, w1
rev16 w2, w3
rev w4, w5
clz w6, w7
cls w8, w9
udiv w0, w1, w2
sdiv w3, w4, w5
madd w0, w1, w2, w3
msub w4, w5, w6, w7
mul w8, w9, w10
mneg w11, w12, w13
rev32 x0, x1
smaddl x0, w1, w2, x3
umaddl x4, w5, w6, x7
smsubl x8, w9, w10, x11
umsubl x12, w13, w14, x15
smull x0, w1, w2
umull x3, w4, w5
smnegl x6, w7, w8
umnegl x9, w10, w11
smulh x0, x1, x2
umulh x3, x4, x5
mul xzr, x1, x2
adc x0, x1, x2
adcs w0, w1, w2
sbc x6, x6, xzr
sbcs w1, w2, w3
ngc x0, x1
ngcs w0, w1
