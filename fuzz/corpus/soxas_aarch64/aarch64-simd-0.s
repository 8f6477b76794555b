// simd.s — AdvSIMD forms gcc emits: movi/mvni, ext, dup, ins, umov/smov, mov, cnt/addv/shl, vector integer and FP arithmetic
// Expected words (and relocations) from GNU as; regenerate with annotate.sh.
movi d0, #0
movi v1.2d, #0
movi v2.2d, #0xff00ff00ff00ff00
movi d3, #0xffffffffffffffff
movi v4.4s, #1
movi v5.2s, #0xff
movi v6.4s, #0x20, lsl #8
movi v7.2s, #1, lsl #24
movi v8.4s, #3, msl #8
movi v9.2s, #4, msl #16
movi v10.8h, #5
movi v11.4h, #6, lsl #8
movi v12.16b, #0x7f
movi v13.8b, #0
movi v14.4s, 0
mvni v15.4s, #1
mvni v16.2s, #2, lsl #16
mvni v17.8h, #3, lsl #8
mvni v18.4s, #4, msl #8
ext v0.16b, v1.16b, v2.16b, #8
ext v3.8b, v4.8b, v5.8b, #3
dup v0.4s, w1
dup v2.2d, x3
dup v4.16b, w5
dup v6.8h, w7
dup v8.2s, w9
dup v10.4s, v11.s[1]
dup v12.2d, v13.d[1]
dup d14, v15.d[1]
dup s16, v17.s[3]
ins v0.s[1], w1
ins v2.d[1], x3
ins v4.b[15], w5
ins v6.h[3], w7
ins v8.s[2], v9.s[0]
ins v10.d[0], v11.d[1]
mov v0.s[1], w1
mov v2.d[1], x3
mov v4.d[1], v5.d[0]
mov v6.16b, v7.16b
mov v8.8b, v9.8b
umov w0, v1.s[1]
umov x2, v3.d[1]
umov w4, v5.b[7]
umov w6, v7.h[2]
mov w8, v9.s[0]
mov x10, v11.d[0]
smov w0, v1.b[3]
smov x2, v3.h[1]
smov x4, v5.s[1]
cnt v0.8b, v0.8b
cnt v1.16b, v2.16b
addv b0, v0.8b
addv b0, v1.16b
addv h0, v1.8h
addv h2, v3.4h
addv s0, v1.4s
shl d1, d1, 52
shl d2, d3, #0
shl v0.4s, v1.4s, #3
shl v2.2d, v3.2d, #63
shl v4.8b, v5.8b, #7
add v0.4s, v1.4s, v2.4s
add v0.2d, v1.2d, v2.2d
add v3.8b, v4.8b, v5.8b
sub v0.8h, v1.8h, v2.8h
mul v0.4s, v1.4s, v2.4s
cmeq v0.16b, v1.16b, v2.16b
