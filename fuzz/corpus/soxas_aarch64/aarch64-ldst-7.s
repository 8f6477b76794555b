ldur d16, [sp, #8]
ldr d16, sym
ldr d16, sym+8
ldr q17, [x1]
ldr q17, [sp]
ldr q17, [x2, #16]
ldr q17, [x3, #65520]
ldr q17, [x4, #-1]
ldr q17, [x5, #-256]
ldr q17, [x6, #255]
ldr q17, [x7, #48]!
ldr q17, [x8, #-256]!
ldr q17, [x9], #255
ldr q17, [x10], #-8
ldr q17, [sp, #16]!
ldr q17, [x11, x12]
ldr q17, [x13, x14, lsl #4]
ldr q17, [x15, w16, uxtw]
ldr q17, [x17, w18, sxtw #4]
ldr q17, [x19, x20, sxtx]
ldr q17, [x21, x22, sxtx #4]
ldr q17, [x23, w24, uxtw #4]
ldr q17, [x25, x26, lsl #0]
ldr q17, [x27, #:lo12:sym]
ldr q17, [x28, :lo12:sym+32]
ldr q17, [x29, #17]
ldr q17, [x30, #33]
ldur q17, [x1]
ldur q17, [x2, #-256]
ldur q17, [x3, #255]
ldur q17, [sp, #16]
ldr q17, sym
ldr q17, sym+8
str b18, [x1]
str b18, [sp]
str b18, [x2, #1]
str b18, [x3, #4095]
str b18, [x4, #-1]
str b18, [x5, #-256]
str b18, [x6, #255]
str b18, [x7, #3]!
str b18, [x8, #-256]!
str b18, [x9], #255
str b18, [x10], #-8
str b18, [sp, #16]!
str b18, [x11, x12]
str b18, [x13, x14, lsl #0]
str b18, [x15, w16, uxtw]
str b18, [x17, w18, sxtw #0]
str b18, [x19, x20, sxtx]
str b18, [x21, x22, sxtx #0]
str b18, [x23, w24, uxtw #0]
str b18, [x25, x26, lsl #0]
str b18, [x27, #:lo12:sym]
str b18, [x28, :lo12:sym+2]
stur b18, [x1]
stur b18, [x2, #-256]
stur b18, [x3, #255]
stur b18, [sp, #1]
str h19, [x1]
str h19, [sp]
str h19, [x2, #2]
str h19, [x3, #8190]
str h19, [x4, #-1]
str h19, [x5, #-256]
str h19, [x6, #255]
str h19, [x7, #6]!
str h19, [x8, #-256]!
str h19, [x9], #255
str h19, [x10], #-8
str h19, [sp, #16]!
str h19, [x11, x12]
