// ldst.s — single loads/stores: unsigned offset, unscaled, pre/post-index, register offset, literal, :lo12:, prfm
// Expected words (and relocations) from GNU as; regenerate with annotate.sh.
ldr x0, [x1]
ldr x0, [sp]
ldr x0, [x2, #8]
ldr x0, [x3, #32760]
ldr x0, [x4, #-1]
ldr x0, [x5, #-256]
ldr x0, [x6, #255]
ldr x0, [x7, #24]!
ldr x0, [x8, #-256]!
ldr x0, [x9], #255
ldr x0, [x10], #-8
ldr x0, [sp, #16]!
ldr x0, [x11, x12]
ldr x0, [x13, x14, lsl #3]
ldr x0, [x15, w16, uxtw]
ldr x0, [x17, w18, sxtw #3]
ldr x0, [x19, x20, sxtx]
ldr x0, [x21, x22, sxtx #3]
ldr x0, [x23, w24, uxtw #3]
ldr x0, [x25, x26, lsl #0]
ldr x0, [x27, #:lo12:sym]
ldr x0, [x28, :lo12:sym+16]
ldr x0, [x29, #9]
ldr x0, [x30, #17]
ldur x0, [x1]
ldur x0, [x2, #-256]
ldur x0, [x3, #255]
ldur x0, [sp, #8]
ldr x0, sym
ldr x0, sym+8
ldr w1, [x1]
ldr w1, [sp]
ldr w1, [x2, #4]
ldr w1, [x3, #16380]
ldr w1, [x4, #-1]
ldr w1, [x5, #-256]
ldr w1, [x6, #255]
ldr w1, [x7, #12]!
ldr w1, [x8, #-256]!
ldr w1, [x9], #255
ldr w1, [x10], #-8
ldr w1, [sp, #16]!
ldr w1, [x11, x12]
ldr w1, [x13, x14, lsl #2]
ldr w1, [x15, w16, uxtw]
ldr w1, [x17, w18, sxtw #2]
ldr w1, [x19, x20, sxtx]
ldr w1, [x21, x22, sxtx #2]
ldr w1, [x23, w24, uxtw #2]
ldr w1, [x25, x26, lsl #0]
ldr w1, [x27, #:lo12:sym]
ldr w1, [x28, :lo12:sym+8]
ldr w1, [x29, #5]
ldr w1, [x30, #9]
ldur w1, [x1]
ldur w1, [x2, #-256]
ldur w1, [x3, #255]
ldur w1, [sp, #4]
ldr w1, sym
ldr w1, sym+8
str x2, [x1]
str x2, [sp]
str x2, [x2, #8]
str x2, [x3, #32760]
str x2, [x4, #-1]
str x2, [x5, #-256]
