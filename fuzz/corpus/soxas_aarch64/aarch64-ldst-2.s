ldrb w4, [x27, #:lo12:sym]
ldrb w4, [x28, :lo12:sym+2]
ldurb w4, [x1]
ldurb w4, [x2, #-256]
ldurb w4, [x3, #255]
ldurb w4, [sp, #1]
strb w5, [x1]
strb w5, [sp]
strb w5, [x2, #1]
strb w5, [x3, #4095]
strb w5, [x4, #-1]
strb w5, [x5, #-256]
strb w5, [x6, #255]
strb w5, [x7, #3]!
strb w5, [x8, #-256]!
strb w5, [x9], #255
strb w5, [x10], #-8
strb w5, [sp, #16]!
strb w5, [x11, x12]
strb w5, [x13, x14, lsl #0]
strb w5, [x15, w16, uxtw]
strb w5, [x17, w18, sxtw #0]
strb w5, [x19, x20, sxtx]
strb w5, [x21, x22, sxtx #0]
strb w5, [x23, w24, uxtw #0]
strb w5, [x25, x26, lsl #0]
strb w5, [x27, #:lo12:sym]
strb w5, [x28, :lo12:sym+2]
sturb w5, [x1]
sturb w5, [x2, #-256]
sturb w5, [x3, #255]
sturb w5, [sp, #1]
ldrh w6, [x1]
ldrh w6, [sp]
ldrh w6, [x2, #2]
ldrh w6, [x3, #8190]
ldrh w6, [x4, #-1]
ldrh w6, [x5, #-256]
ldrh w6, [x6, #255]
ldrh w6, [x7, #6]!
ldrh w6, [x8, #-256]!
ldrh w6, [x9], #255
ldrh w6, [x10], #-8
ldrh w6, [sp, #16]!
ldrh w6, [x11, x12]
ldrh w6, [x13, x14, lsl #1]
ldrh w6, [x15, w16, uxtw]
ldrh w6, [x17, w18, sxtw #1]
ldrh w6, [x19, x20, sxtx]
ldrh w6, [x21, x22, sxtx #1]
ldrh w6, [x23, w24, uxtw #1]
ldrh w6, [x25, x26, lsl #0]
ldrh w6, [x27, #:lo12:sym]
ldrh w6, [x28, :lo12:sym+4]
ldrh w6, [x29, #3]
ldrh w6, [x30, #5]
ldurh w6, [x1]
ldurh w6, [x2, #-256]
ldurh w6, [x3, #255]
ldurh w6, [sp, #2]
strh w7, [x1]
strh w7, [sp]
strh w7, [x2, #2]
strh w7, [x3, #8190]
strh w7, [x4, #-1]
strh w7, [x5, #-256]
strh w7, [x6, #255]
strh w7, [x7, #6]!
strh w7, [x8, #-256]!
strh w7, [x9], #255
strh w7, [x10], #-8
