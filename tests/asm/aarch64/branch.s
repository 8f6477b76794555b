// branch.s — branches, adr/adrp and literal loads to local, global and external labels, relocations
// Expected words (and relocations) from GNU as; regenerate with annotate.sh.
start:
b start                                  // => 14000000
b fwd                                    // => 1400003e
bl start                                 // => 97fffffe
bl fwd                                   // => 9400003c
bl ext_func                              // => 94000000 R_AARCH64_CALL26 ext_func
b ext_func                               // => 14000000 R_AARCH64_JUMP26 ext_func
b ext_func+8                             // => 14000000 R_AARCH64_JUMP26 ext_func+0x8
1: b.eq 1b                               // => 54000000
b.ne 1f                                  // => 54000021
1: beq start                             // => 54fffee0
bne fwd                                  // => 540006a1
b.cs fwd                                 // => 54000682
b.hs fwd                                 // => 54000662
b.cc fwd                                 // => 54000643
b.lo fwd                                 // => 54000623
bmi fwd                                  // => 54000604
bpl fwd                                  // => 540005e5
bvs fwd                                  // => 540005c6
bvc fwd                                  // => 540005a7
bhi fwd                                  // => 54000588
bls fwd                                  // => 54000569
bge fwd                                  // => 5400054a
blt fwd                                  // => 5400052b
bgt fwd                                  // => 5400050c
ble fwd                                  // => 540004ed
b.al fwd                                 // => 540004ce
b.nv fwd                                 // => 540004af
b.eq ext_func                            // => 54000000 R_AARCH64_CONDBR19 ext_func
cbz x0, start                            // => b4fffc80
cbz w1, fwd                              // => 34000441
cbnz x2, 1b                              // => b5fffd62
cbnz w3, ext_func                        // => 35000003 R_AARCH64_CONDBR19 ext_func
tbz x0, #0, start                        // => 3607fc00
tbz w1, #31, fwd                         // => 36f803c1
tbz x2, #63, fwd                         // => b6f803a2
tbnz x3, #32, 1b                         // => b707fcc3
tbnz w4, #5, ext_func                    // => 37280004 R_AARCH64_TSTBR14 ext_func
br x0                                    // => d61f0000
blr x1                                   // => d63f0020
br x30                                   // => d61f03c0
blr x17                                  // => d63f0220
ret                                      // => d65f03c0
ret x1                                   // => d65f0020
adr x0, start                            // => 10fffaa0
adr x1, fwd                              // => 10000261
adr x2, ext_data                         // => 10000002 R_AARCH64_ADR_PREL_LO21 ext_data
adr x3, ext_data+4                       // => 10000003 R_AARCH64_ADR_PREL_LO21 ext_data+0x4
adr x4, data_label                       // => 10000004 R_AARCH64_ADR_PREL_LO21 .data
adrp x0, start                           // => 90000000 R_AARCH64_ADR_PREL_PG_HI21 .text
adrp x1, ext_data                        // => 90000001 R_AARCH64_ADR_PREL_PG_HI21 ext_data
adrp x2, ext_data+0x1000                 // => 90000002 R_AARCH64_ADR_PREL_PG_HI21 ext_data+0x1000
adrp x3, data_label                      // => 90000003 R_AARCH64_ADR_PREL_PG_HI21 .data
adrp x4, :got:ext_data                   // => 90000004 R_AARCH64_ADR_GOT_PAGE ext_data
adrp x5, :got:data_label                 // => 90000005 R_AARCH64_ADR_GOT_PAGE .data
add x0, x0, :lo12:ext_data               // => 91000000 R_AARCH64_ADD_ABS_LO12_NC ext_data
add x1, x1, #:lo12:data_label+4          // => 91000021 R_AARCH64_ADD_ABS_LO12_NC .data+0x4
ldr x2, [x2, :got_lo12:ext_data]         // => f9400042 R_AARCH64_LD64_GOT_LO12_NC ext_data
ldr x3, [x3, #:got_lo12:data_label]      // => f9400063 R_AARCH64_LD64_GOT_LO12_NC .data
ldr x4, fwd                              // => 580000a4
ldr w5, start                            // => 18fff8a5
ldr d6, ext_data                         // => 5c000006 R_AARCH64_LD_PREL_LO19 ext_data
ldrsw x7, fwd                            // => 98000047
ldr x8, data_label                       // => 58000008 R_AARCH64_LD_PREL_LO19 .data
fwd: nop                                 // => d503201f
.globl gfunc
gfunc: nop                               // => d503201f
b gfunc                                  // => 14000000 R_AARCH64_JUMP26 gfunc
bl gfunc                                 // => 94000000 R_AARCH64_CALL26 gfunc
adrp x4, :pg_hi21_nc:ext_data            // => 90000004 R_AARCH64_ADR_PREL_PG_HI21_NC ext_data
adrp x5, :pg_hi21_nc:ext_data+8          // => 90000005 R_AARCH64_ADR_PREL_PG_HI21_NC ext_data+0x8
.data
data_label: .quad 0
.quad start
.quad fwd+4
.word ext_data - .
.quad ext_data - .
.word data_label
