ldrsw x12, [x5, #-256]
ldrsw x12, [x6, #255]
ldrsw x12, [x7, #12]!
ldrsw x12, [x8, #-256]!
ldrsw x12, [x9], #255
ldrsw x12, [x10], #-8
ldrsw x12, [sp, #16]!
ldrsw x12, [x11, x12]
ldrsw x12, [x13, x14, lsl #2]
ldrsw x12, [x15, w16, uxtw]
ldrsw x12, [x17, w18, sxtw #2]
ldrsw x12, [x19, x20, sxtx]
ldrsw x12, [x21, x22, sxtx #2]
ldrsw x12, [x23, w24, uxtw #2]
ldrsw x12, [x25, x26, lsl #0]
ldrsw x12, [x27, #:lo12:sym]
ldrsw x12, [x28, :lo12:sym+8]
ldrsw x12, [x29, #5]
ldrsw x12, [x30, #9]
ldursw x12, [x1]
ldursw x12, [x2, #-256]
ldursw x12, [x3, #255]
ldursw x12, [sp, #4]
ldrsw x12, sym
ldrsw x12, sym+8
ldr b13, [x1]
ldr b13, [sp]
ldr b13, [x2, #1]
ldr b13, [x3, #4095]
ldr b13, [x4, #-1]
ldr b13, [x5, #-256]
ldr b13, [x6, #255]
ldr b13, [x7, #3]!
ldr b13, [x8, #-256]!
ldr b13, [x9], #255
ldr b13, [x10], #-8
ldr b13, [sp, #16]!
ldr b13, [x11, x12]
ldr b13, [x13, x14, lsl #0]
ldr b13, [x15, w16, uxtw]
ldr b13, [x17, w18, sxtw #0]
ldr b13, [x19, x20, sxtx]
ldr b13, [x21, x22, sxtx #0]
ldr b13, [x23, w24, uxtw #0]
ldr b13, [x25, x26, lsl #0]
ldr b13, [x27, #:lo12:sym]
ldr b13, [x28, :lo12:sym+2]
ldur b13, [x1]
ldur b13, [x2, #-256]
ldur b13, [x3, #255]
ldur b13, [sp, #1]
ldr h14, [x1]
ldr h14, [sp]
ldr h14, [x2, #2]
ldr h14, [x3, #8190]
ldr h14, [x4, #-1]
ldr h14, [x5, #-256]
ldr h14, [x6, #255]
ldr h14, [x7, #6]!
ldr h14, [x8, #-256]!
ldr h14, [x9], #255
ldr h14, [x10], #-8
ldr h14, [sp, #16]!
ldr h14, [x11, x12]
ldr h14, [x13, x14, lsl #1]
ldr h14, [x15, w16, uxtw]
ldr h14, [x17, w18, sxtw #1]
