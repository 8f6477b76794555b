// branch.s — branches, adr/adrp and literal loads to local, global and external labels, relocations
// Expected words (and relocations) from GNU as; regenerate with annotate.sh.
start:
b start
b fwd
bl start
bl fwd
bl ext_func
b ext_func
b ext_func+8
1: b.eq 1b
b.ne 1f
1: beq start
bne fwd
b.cs fwd
b.hs fwd
b.cc fwd
b.lo fwd
bmi fwd
bpl fwd
bvs fwd
bvc fwd
bhi fwd
bls fwd
bge fwd
blt fwd
bgt fwd
ble fwd
b.al fwd
b.nv fwd
b.eq ext_func
cbz x0, start
cbz w1, fwd
cbnz x2, 1b
cbnz w3, ext_func
tbz x0, #0, start
tbz w1, #31, fwd
tbz x2, #63, fwd
tbnz x3, #32, 1b
tbnz w4, #5, ext_func
br x0
blr x1
br x30
blr x17
ret
ret x1
adr x0, start
adr x1, fwd
adr x2, ext_data
adr x3, ext_data+4
adr x4, data_label
adrp x0, start
adrp x1, ext_data
adrp x2, ext_data+0x1000
adrp x3, data_label
adrp x4, :got:ext_data
adrp x5, :got:data_label
add x0, x0, :lo12:ext_data
add x1, x1, #:lo12:data_label+4
ldr x2, [x2, :got_lo12:ext_data]
ldr x3, [x3, #:got_lo12:data_label]
ldr x4, fwd
ldr w5, start
ldr d6, ext_data
ldrsw x7, fwd
ldr x8, data_label
fwd: nop
.globl gfunc
gfunc: nop
b gfunc
bl gfunc
.data
data_label: .quad 0
.quad start
.quad fwd+4
.word ext_data - .
.quad ext_data - .
.word data_label
