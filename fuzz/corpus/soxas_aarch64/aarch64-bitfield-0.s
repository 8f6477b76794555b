// bitfield.s — sbfm/bfm/ubfm and aliases, shifts by immediate and register, extr, sxt*/uxt*
// Expected words (and relocations) from GNU as; regenerate with annotate.sh.
sbfm x0, x1, #3, #7
bfm x2, x3, #63, #0
ubfm x4, x5, #0, #63
asr x0, x1, #1
asr x2, x3, #63
lsr x4, x5, #0
lsr x6, x7, #32
lsl x8, x9, #1
lsl x10, x11, #63
lsl x12, x13, #0
ror x14, x15, #3
asr x0, x1, x2
lsr x3, x4, x5
lsl x6, x7, x8
ror x9, x10, x11
asrv x0, x1, x2
lsrv x3, x4, x5
lslv x6, x7, x8
rorv x9, x10, x11
sbfx x0, x1, #2, #5
ubfx x2, x3, #0, #64
bfxil x4, x5, #56, #8
sbfiz x6, x7, #3, #4
ubfiz x8, x9, #0, #1
bfi x10, x11, #63, #1
ubfiz x12, x13, #4, #60
extr x0, x1, x2, #0
extr x3, x4, x5, #63
sxtb x0, w1
sxth x2, w3
sbfm w0, w1, #3, #7
bfm w2, w3, #31, #0
ubfm w4, w5, #0, #31
asr w0, w1, #1
asr w2, w3, #31
lsr w4, w5, #0
lsr w6, w7, #16
lsl w8, w9, #1
lsl w10, w11, #31
lsl w12, w13, #0
ror w14, w15, #3
asr w0, w1, w2
lsr w3, w4, w5
lsl w6, w7, w8
ror w9, w10, w11
asrv w0, w1, w2
lsrv w3, w4, w5
lslv w6, w7, w8
rorv w9, w10, w11
sbfx w0, w1, #2, #5
ubfx w2, w3, #0, #32
bfxil w4, w5, #24, #8
sbfiz w6, w7, #3, #4
ubfiz w8, w9, #0, #1
bfi w10, w11, #31, #1
ubfiz w12, w13, #4, #28
extr w0, w1, w2, #0
extr w3, w4, w5, #31
sxtb w0, w1
sxth w2, w3
sxtw x4, w5
uxtb w6, w7
uxth w8, w9
uxtw x0, w1
uxtw x2, wzr
