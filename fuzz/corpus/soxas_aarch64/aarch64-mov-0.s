// mov.s — mov aliases (movz/movn/orr choice as GNU as, register, sp), movz/movn/movk with lsl and :abs_gN: operators
// Expected words (and relocations) from GNU as; regenerate with annotate.sh.
mov x0, x1
mov w2, w3
mov x4, sp
mov sp, x5
mov wsp, w6
mov w7, wsp
mov x0, #0
mov x1, #1
mov x2, #0xffff
mov x3, #0x10000
mov x4, #0xffff0000
mov x5, #0xffff00000000
mov x6, #0xffff000000000000
mov x7, #-1
mov x8, #-2
mov x9, #-65536
mov x10, #0xffffffff
mov x11, #0x5555555555555555
mov x12, #0xfffffffffffeffff
mov w0, #0
mov w1, #0xffff
mov w2, #0x10000
mov w3, #-1
mov w4, #0xfffffffe
mov w5, #0x55555555
mov w6, #-65536
mov w7, #0xffff0000
mov w8, #0x7fffffff
mov x13, xzr
mov w14, wzr
mov x15, #0x1234000000000000
mov sp, #0xff00
movz x0, #1
movz x1, #0xffff, lsl #16
movz x2, #2, lsl #32
movz x3, #3, lsl #48
movz w4, #4
movz w5, #5, lsl #16
movn x6, #0
movn x7, #7, lsl #16
movn w8, #8
movn w9, #9, lsl #16
movk x10, #10
movk x11, #0xbeef, lsl #16
movk x12, #12, lsl #32
movk x13, #13, lsl #48
movk w14, #14
movk w15, #15, lsl #16
movz x0, #:abs_g0:sym
movz x1, #:abs_g1:sym
movz x2, #:abs_g2:sym
movz x3, #:abs_g3:sym
movk x0, #:abs_g0_nc:sym
movk x1, #:abs_g1_nc:sym
movk x2, #:abs_g2_nc:sym+16
movz w4, #:abs_g1:sym
