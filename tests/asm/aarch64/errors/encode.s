// One case per line, assembled alone: it must fail with a diagnostic containing
// 'LINE:COL: error: TEXT' (as written after '// error: '), exit 1 and leave no object.
// '\n' in the input stands for a line break. See tests/asm/README.md.
frob x0, x1                              // error: 1:1: error: unknown instruction 'frob'
add x0, x1                               // error: 1:1: error: 'add' expects 3 to 4 operands
add x0, x1, #0x1001000                   // error: 1:13: error: immediate out of range for 'add'
add x0, w1, #1                           // error: 1:9: error: expected an X register for 'add'
add xzr, x1, #1                          // error: 1:5: error: 'xzr' cannot be used here
adds sp, x1, #1                          // error: 1:6: error: 'sp' cannot be used here
add x0, x1, x2, ror #3                   // error: 1:17: error: expected lsl, lsr or asr
add x0, x1, x2, lsl #64                  // error: 1:22: error: shift amount must be a constant 0..63
add x0, x1, w2, uxtw #5                  // error: 1:17: error: extend amount must be 0..4
and x0, x1, #0                           // error: 1:13: error: immediate cannot be encoded as a bitmask
and x0, x1, #0x1234                      // error: 1:13: error: immediate cannot be encoded as a bitmask
and w0, w1, #0x100000000                 // error: 1:13: error: immediate out of range for a 32-bit operation
ands sp, x0, #1                          // error: 1:6: error: 'sp' cannot be used here
mov x0, #0x1234567                       // error: 1:9: error: immediate cannot be loaded by one 'mov'
mov w0, #0x100000000                     // error: 1:9: error: immediate out of range for a 32-bit register
movz x0, #0x10000, lsl #16               // error: 1:10: error: immediate out of range 0..65535
movz w0, #1, lsl #32                     // error: 1:14: error: shift must be 'lsl #0', #16
movk x0, #1, lsl #8                      // error: 1:14: error: shift must be 'lsl #0', #16, #32 or #48
lsl x0, x1, #64                          // error: 1:13: error: immediate out of range 0..63
ubfx w0, w1, #30, #3                     // error: 1:19: error: bit field extends past bit 31
sbfx x0, x1, #64, #1                     // error: 1:14: error: immediate out of range 0..63
sxtw w0, w1                              // error: 1:6: error: expected an X register for 'sxtw'
uxtb x0, w1                              // error: 1:6: error: expected a W register for 'uxtb'
csel x0, x1, x2, xx                      // error: 1:18: error: expected a condition (eq, ne, lt, ...)
cset x0, al                              // error: 1:10: error: condition 'al' cannot be inverted here
ccmp x0, #32, #0, eq                     // error: 1:10: error: immediate out of range 0..31
ccmp x0, x1, #16, eq                     // error: 1:14: error: immediate out of range 0..15
b #8                                     // error: 1:3: error: expected a label for 'b'
cbz x0, #4                               // error: 1:9: error: expected a label for 'cbz'
tbz w0, #32, 1f                          // error: 1:9: error: immediate out of range 0..31
tbz x0, #64, 1f                          // error: 1:9: error: immediate out of range 0..63
adr w0, sym                              // error: 1:5: error: expected an X register for 'adr'
ldr x0, [x1, #32761]                     // error: 1:9: error: offset out of range (0..32760 in steps of 8, or -256..255)
ldr x0, [x1, #-257]                      // error: 1:9: error: offset out of range (0..32760 in steps of 8, or -256..255)
ldr x0, [x1, #256]!                      // error: 1:9: error: offset out of range -256..255
ldr x0, [x1], #-257                      // error: 1:9: error: offset out of range -256..255
ldur x0, [x1, #256]                      // error: 1:10: error: offset out of range -256..255
ldr x0, [x1, x2, lsl #2]                 // error: 1:9: error: index shift must be #0 or #3
ldr x0, [x1, w2]                         // error: 1:9: error: expected an X register for 'ldr'
ldr x0, [x1, w2, uxtb]                   // error: 1:9: error: index extend must be uxtw, sxtw or sxtx
ldr x0, [xzr]                            // error: 1:9: error: 'xzr' cannot be used here
ldrb x0, [x1]                            // error: 1:6: error: expected a W register for 'ldrb'
ldrsw w0, [x1]                           // error: 1:7: error: expected an X register for 'ldrsw'
str x0, sym                              // error: 1:9: error: invalid operands for 'str'
ldrb w0, sym                             // error: 1:10: error: invalid operands for 'ldrb'
ldp x0, w1, [x2]                         // error: 1:9: error: invalid operands for 'ldp'
ldp x0, x1, [x2, #4]                     // error: 1:13: error: offset must be a multiple of 8 in -512..504
ldp x0, x1, [x2, #512]                   // error: 1:13: error: offset must be a multiple of 8 in -512..504
ldp s0, s1, [x2, #-260]                  // error: 1:13: error: offset must be a multiple of 4 in -256..252
ldpsw w0, w1, [x2]                       // error: 1:7: error: expected an X register for 'ldpsw'
fadd d0, d1, s2                          // error: 1:14: error: expected a register of the same type as the first
fmov d0, #0.1                            // error: 1:10: error: floating point immediate cannot be encoded in 8 bits
fmov d0, #0.0                            // error: 1:10: error: floating point immediate cannot be encoded in 8 bits
fmov s0, x0                              // error: 1:6: error: invalid operands for 'fmov'
fcvt d0, d1                              // error: 1:10: error: invalid operands for 'fcvt'
fcmp d0, #1.0                            // error: 1:10: error: expected a register of the same type as the first
fcvtzs x0, d0, #65                       // error: 1:16: error: immediate out of range 1..64
fcvtzs w0, d0, #33                       // error: 1:16: error: immediate out of range 1..32
svc #0x10000                             // error: 1:5: error: immediate out of range 0..65535
dmb #16                                  // error: 1:5: error: immediate out of range 0..15
dmb foo                                  // error: 1:5: error: invalid barrier option for 'dmb'
isb ish                                  // error: 1:5: error: invalid barrier option for 'isb'
movi v0.4s, #0x1234                      // error: 1:13: error: immediate cannot be encoded for 'movi'
movi v0.2d, #0x12                        // error: 1:13: error: immediate cannot be encoded for 'movi'
ext v0.16b, v1.16b, v2.16b, #16          // error: 1:29: error: immediate out of range 0..15
add v0.1d, v1.1d, v2.1d                  // error: 1:5: error: invalid arrangement for 'add'
add x0, x1, :got:sym                     // error: 1:13: error: only ':lo12:' is allowed with 'add'
ldr x0, [x1, :lo12:sym]!                 // error: 1:9: error: ':lo12:' needs an unsigned offset
ldr w0, [x1, :got_lo12:sym]              // error: 1:9: error: ':got_lo12:' needs a 64-bit load
add x0, x1, :foo:sym                     // error: 1:13: error: unknown relocation operator
ldr x0, [x1, #8                          // error: 1:16: error: expected ']'
ldr x0, [x1, #8]]                        // error: 1:17: error: junk at end of operand: ']'
add x0, x1, x2, lsl #3, lsl #3           // error: 1:25: error: 'add' expects 3 to 4 operands
mov x0, x1,                              // error: 1:12: error: missing expression
b.eq                                     // error: 1:1: error: 'b.eq' expects 1 operand
tbz x0, #1, .+0x8000                     // error: 1:13: error: test-and-branch target out of range
b .+0x8000000                            // error: 1:3: error: branch target out of range
adr x0, .+0x100000                       // error: 1:9: error: adr target out of range
ldr x0, .+0x100000                       // error: 1:9: error: literal load target out of range
b .+2                                    // error: 1:3: error: branch target is not 4-byte aligned
ldr x0, =0x1234                          // error: 1:9: error: literal pools
b 1f\n.skip 0x8000000\n1: nop            // error: 1:3: error: branch target out of range
b.eq 1f\n.skip 0x100000\n1: nop          // error: 1:6: error: conditional branch target out of range
ld1 {v0.16b, v2.16b}, [x0]               // error: 1:14: error: registers of a list must be consecutive
ld1 {v0.4s, v1.4s}, [x1], #16            // error: 1:21: error: post-index immediate must be #32
