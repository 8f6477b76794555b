str x2, [x6, #255]
str x2, [x7, #24]!
str x2, [x8, #-256]!
str x2, [x9], #255
str x2, [x10], #-8
str x2, [sp, #16]!
str x2, [x11, x12]
str x2, [x13, x14, lsl #3]
str x2, [x15, w16, uxtw]
str x2, [x17, w18, sxtw #3]
str x2, [x19, x20, sxtx]
str x2, [x21, x22, sxtx #3]
str x2, [x23, w24, uxtw #3]
str x2, [x25, x26, lsl #0]
str x2, [x27, #:lo12:sym]
str x2, [x28, :lo12:sym+16]
str x2, [x29, #9]
str x2, [x30, #17]
stur x2, [x1]
stur x2, [x2, #-256]
stur x2, [x3, #255]
stur x2, [sp, #8]
str w3, [x1]
str w3, [sp]
str w3, [x2, #4]
str w3, [x3, #16380]
str w3, [x4, #-1]
str w3, [x5, #-256]
str w3, [x6, #255]
str w3, [x7, #12]!
str w3, [x8, #-256]!
str w3, [x9], #255
str w3, [x10], #-8
str w3, [sp, #16]!
str w3, [x11, x12]
str w3, [x13, x14, lsl #2]
str w3, [x15, w16, uxtw]
str w3, [x17, w18, sxtw #2]
str w3, [x19, x20, sxtx]
str w3, [x21, x22, sxtx #2]
str w3, [x23, w24, uxtw #2]
str w3, [x25, x26, lsl #0]
str w3, [x27, #:lo12:sym]
str w3, [x28, :lo12:sym+8]
str w3, [x29, #5]
str w3, [x30, #9]
stur w3, [x1]
stur w3, [x2, #-256]
stur w3, [x3, #255]
stur w3, [sp, #4]
ldrb w4, [x1]
ldrb w4, [sp]
ldrb w4, [x2, #1]
ldrb w4, [x3, #4095]
ldrb w4, [x4, #-1]
ldrb w4, [x5, #-256]
ldrb w4, [x6, #255]
ldrb w4, [x7, #3]!
ldrb w4, [x8, #-256]!
ldrb w4, [x9], #255
ldrb w4, [x10], #-8
ldrb w4, [sp, #16]!
ldrb w4, [x11, x12]
ldrb w4, [x13, x14, lsl #0]
ldrb w4, [x15, w16, uxtw]
ldrb w4, [x17, w18, sxtw #0]
ldrb w4, [x19, x20, sxtx]
ldrb w4, [x21, x22, sxtx #0]
ldrb w4, [x23, w24, uxtw #0]
ldrb w4, [x25, x26, lsl #0]
