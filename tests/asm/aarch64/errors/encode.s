// Each line is assembled alone and must fail with 'file:1:COL: error: TEXT' (see check.sh).
frob x0, x1                              // error: 1: unknown instruction 'frob'
add x0, x1                               // error: 1: 'add' expects 3 to 4 operands
add x0, x1, #0x1001000                   // error: 13: immediate out of range for 'add'
add x0, w1, #1                           // error: 9: expected an X register for 'add'
add xzr, x1, #1                          // error: 5: 'xzr' cannot be used here
adds sp, x1, #1                          // error: 6: 'sp' cannot be used here
add x0, x1, x2, ror #3                   // error: 17: expected lsl, lsr or asr
add x0, x1, x2, lsl #64                  // error: 22: shift amount must be a constant 0..63
add x0, x1, w2, uxtw #5                  // error: 17: extend amount must be 0..4
and x0, x1, #0                           // error: 13: immediate cannot be encoded as a bitmask
and x0, x1, #0x1234                      // error: 13: immediate cannot be encoded as a bitmask
and w0, w1, #0x100000000                 // error: 13: immediate out of range for a 32-bit operation
ands sp, x0, #1                          // error: 6: 'sp' cannot be used here
mov x0, #0x1234567                       // error: 9: immediate cannot be loaded by one 'mov'
mov w0, #0x100000000                     // error: 9: immediate out of range for a 32-bit register
movz x0, #0x10000, lsl #16               // error: 10: immediate out of range 0..65535
movz w0, #1, lsl #32                     // error: 14: shift must be 'lsl #0', #16
movk x0, #1, lsl #8                      // error: 14: shift must be 'lsl #0', #16, #32 or #48
lsl x0, x1, #64                          // error: 13: immediate out of range 0..63
ubfx w0, w1, #30, #3                     // error: 19: bit field extends past bit 31
sbfx x0, x1, #64, #1                     // error: 14: immediate out of range 0..63
sxtw w0, w1                              // error: 6: expected an X register for 'sxtw'
uxtb x0, w1                              // error: 6: expected a W register for 'uxtb'
csel x0, x1, x2, xx                      // error: 18: expected a condition (eq, ne, lt, ...)
cset x0, al                              // error: 10: condition 'al' cannot be inverted here
ccmp x0, #32, #0, eq                     // error: 10: immediate out of range 0..31
ccmp x0, x1, #16, eq                     // error: 14: immediate out of range 0..15
b #8                                     // error: 3: expected a label for 'b'
cbz x0, #4                               // error: 9: expected a label for 'cbz'
tbz w0, #32, 1f                          // error: 9: immediate out of range 0..31
tbz x0, #64, 1f                          // error: 9: immediate out of range 0..63
adr w0, sym                              // error: 5: expected an X register for 'adr'
ldr x0, [x1, #32761]                     // error: 9: offset out of range (0..32760 in steps of 8, or -256..255)
ldr x0, [x1, #-257]                      // error: 9: offset out of range (0..32760 in steps of 8, or -256..255)
ldr x0, [x1, #256]!                      // error: 9: offset out of range -256..255
ldr x0, [x1], #-257                      // error: 9: offset out of range -256..255
ldur x0, [x1, #256]                      // error: 10: offset out of range -256..255
ldr x0, [x1, x2, lsl #2]                 // error: 9: index shift must be #0 or #3
ldr x0, [x1, w2]                         // error: 9: expected an X register for 'ldr'
ldr x0, [x1, w2, uxtb]                   // error: 9: index extend must be uxtw, sxtw or sxtx
ldr x0, [xzr]                            // error: 9: 'xzr' cannot be used here
ldrb x0, [x1]                            // error: 6: expected a W register for 'ldrb'
ldrsw w0, [x1]                           // error: 7: expected an X register for 'ldrsw'
str x0, sym                              // error: 9: invalid operands for 'str'
ldrb w0, sym                             // error: 10: invalid operands for 'ldrb'
ldp x0, w1, [x2]                         // error: 9: invalid operands for 'ldp'
ldp x0, x1, [x2, #4]                     // error: 13: offset must be a multiple of 8 in -512..504
ldp x0, x1, [x2, #512]                   // error: 13: offset must be a multiple of 8 in -512..504
ldp s0, s1, [x2, #-260]                  // error: 13: offset must be a multiple of 4 in -256..252
ldpsw w0, w1, [x2]                       // error: 7: expected an X register for 'ldpsw'
fadd d0, d1, s2                          // error: 14: expected a register of the same type as the first
fmov d0, #0.1                            // error: 10: floating point immediate cannot be encoded in 8 bits
fmov d0, #0.0                            // error: 10: floating point immediate cannot be encoded in 8 bits
fmov s0, x0                              // error: 6: invalid operands for 'fmov'
fcvt d0, d1                              // error: 10: invalid operands for 'fcvt'
fcmp d0, #1.0                            // error: 10: expected a register of the same type as the first
fcvtzs x0, d0, #65                       // error: 16: immediate out of range 1..64
fcvtzs w0, d0, #33                       // error: 16: immediate out of range 1..32
svc #0x10000                             // error: 5: immediate out of range 0..65535
dmb #16                                  // error: 5: immediate out of range 0..15
dmb foo                                  // error: 5: invalid barrier option for 'dmb'
isb ish                                  // error: 5: invalid barrier option for 'isb'
movi v0.4s, #0x1234                      // error: 13: immediate cannot be encoded for 'movi'
movi v0.2d, #0x12                        // error: 13: immediate cannot be encoded for 'movi'
ext v0.16b, v1.16b, v2.16b, #16          // error: 29: immediate out of range 0..15
add v0.1d, v1.1d, v2.1d                  // error: 5: invalid arrangement for 'add'
add x0, x1, :got:sym                     // error: 13: only ':lo12:' is allowed with 'add'
ldr x0, [x1, :lo12:sym]!                 // error: 9: ':lo12:' needs an unsigned offset
ldr w0, [x1, :got_lo12:sym]              // error: 9: ':got_lo12:' needs a 64-bit load
add x0, x1, :foo:sym                     // error: 13: unknown relocation operator
ldr x0, [x1, #8                          // error: 16: expected ']'
ldr x0, [x1, #8]]                        // error: 17: junk at end of operand: ']'
add x0, x1, x2, lsl #3, lsl #3           // error: 25: 'add' expects 3 to 4 operands
mov x0, x1,                              // error: 12: missing expression
b.eq                                     // error: 1: 'b.eq' expects 1 operand
tbz x0, #1, .+0x8000                     // error: 13: test-and-branch target out of range
b .+0x8000000                            // error: 3: branch target out of range
adr x0, .+0x100000                       // error: 9: adr target out of range
ldr x0, .+0x100000                       // error: 9: literal load target out of range
b .+2                                    // error: 3: branch target is not 4-byte aligned
