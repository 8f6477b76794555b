// ldp.s — ldp/stp/ldpsw/ldnp/stnp: offset, pre, post for X, W, S, D, Q
// Expected words (and relocations) from GNU as; regenerate with annotate.sh.
ldp x0, x1, [x2]
ldp x3, x4, [sp, #8]
ldp x5, x6, [x7, #-512]
ldp x8, x9, [x10, #504]
ldp x11, x12, [x13, #-16]!
ldp x14, x15, [sp, #40]!
ldp x16, x17, [x18], #8
ldp x19, x20, [sp], #-512
ldp x21, x22, [x23], #504
ldnp x1, x2, [x3]
ldnp x1, x2, [x3, #-64]
ldp w0, w1, [x2]
ldp w3, w4, [sp, #4]
ldp w5, w6, [x7, #-256]
ldp w8, w9, [x10, #252]
ldp w11, w12, [x13, #-8]!
ldp w14, w15, [sp, #20]!
ldp w16, w17, [x18], #4
ldp w19, w20, [sp], #-256
ldp w21, w22, [x23], #252
ldnp w1, w2, [x3]
ldnp w1, w2, [x3, #-32]
ldp s0, s1, [x2]
ldp s3, s4, [sp, #4]
ldp s5, s6, [x7, #-256]
ldp s8, s9, [x10, #252]
ldp s11, s12, [x13, #-8]!
ldp s14, s15, [sp, #20]!
ldp s16, s17, [x18], #4
ldp s19, s20, [sp], #-256
ldp s21, s22, [x23], #252
ldnp s1, s2, [x3]
ldnp s1, s2, [x3, #-32]
ldp d0, d1, [x2]
ldp d3, d4, [sp, #8]
ldp d5, d6, [x7, #-512]
ldp d8, d9, [x10, #504]
ldp d11, d12, [x13, #-16]!
ldp d14, d15, [sp, #40]!
ldp d16, d17, [x18], #8
ldp d19, d20, [sp], #-512
ldp d21, d22, [x23], #504
ldnp d1, d2, [x3]
ldnp d1, d2, [x3, #-64]
ldp q0, q1, [x2]
ldp q3, q4, [sp, #16]
ldp q5, q6, [x7, #-1024]
ldp q8, q9, [x10, #1008]
ldp q11, q12, [x13, #-32]!
ldp q14, q15, [sp, #80]!
ldp q16, q17, [x18], #16
ldp q19, q20, [sp], #-1024
ldp q21, q22, [x23], #1008
ldnp q1, q2, [x3]
ldnp q1, q2, [x3, #-128]
stp x0, x1, [x2]
stp x3, x4, [sp, #8]
stp x5, x6, [x7, #-512]
stp x8, x9, [x10, #504]
