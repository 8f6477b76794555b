stp x11, x12, [x13, #-16]!
stp x14, x15, [sp, #40]!
stp x16, x17, [x18], #8
stp x19, x20, [sp], #-512
stp x21, x22, [x23], #504
stnp x1, x2, [x3]
stnp x1, x2, [x3, #-64]
stp w0, w1, [x2]
stp w3, w4, [sp, #4]
stp w5, w6, [x7, #-256]
stp w8, w9, [x10, #252]
stp w11, w12, [x13, #-8]!
stp w14, w15, [sp, #20]!
stp w16, w17, [x18], #4
stp w19, w20, [sp], #-256
stp w21, w22, [x23], #252
stnp w1, w2, [x3]
stnp w1, w2, [x3, #-32]
stp s0, s1, [x2]
stp s3, s4, [sp, #4]
stp s5, s6, [x7, #-256]
stp s8, s9, [x10, #252]
stp s11, s12, [x13, #-8]!
stp s14, s15, [sp, #20]!
stp s16, s17, [x18], #4
stp s19, s20, [sp], #-256
stp s21, s22, [x23], #252
stnp s1, s2, [x3]
stnp s1, s2, [x3, #-32]
stp d0, d1, [x2]
stp d3, d4, [sp, #8]
stp d5, d6, [x7, #-512]
stp d8, d9, [x10, #504]
stp d11, d12, [x13, #-16]!
stp d14, d15, [sp, #40]!
stp d16, d17, [x18], #8
stp d19, d20, [sp], #-512
stp d21, d22, [x23], #504
stnp d1, d2, [x3]
stnp d1, d2, [x3, #-64]
stp q0, q1, [x2]
stp q3, q4, [sp, #16]
stp q5, q6, [x7, #-1024]
stp q8, q9, [x10, #1008]
stp q11, q12, [x13, #-32]!
stp q14, q15, [sp, #80]!
stp q16, q17, [x18], #16
stp q19, q20, [sp], #-1024
stp q21, q22, [x23], #1008
stnp q1, q2, [x3]
stnp q1, q2, [x3, #-128]
stp x29, x30, [sp, #-16]!
ldp x29, x30, [sp], #16
ldpsw x0, x1, [x2]
ldpsw x3, x4, [x5, #-256]!
ldpsw x6, x7, [sp], #252
ldpsw x8, x9, [x10, #4]
stp xzr, xzr, [x0]
stp wzr, w1, [x0, #8]
