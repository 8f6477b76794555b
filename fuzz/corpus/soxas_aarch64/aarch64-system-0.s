// system.s — svc/hvc/brk/hlt, hints, barriers
// Expected words (and relocations) from GNU as; regenerate with annotate.sh.
nop
svc #0
svc #0xffff
hvc #1
brk #0
brk #0x3e8
hlt #0xf000
yield
wfe
wfi
sev
sevl
dmb sy
dmb ish
dmb ishld
dmb ishst
dmb osh
dmb oshld
dmb oshst
dmb nsh
dmb nshld
dmb nshst
dmb ld
dmb st
dmb #0
dsb sy
dsb ish
dsb #4
isb
isb sy
isb #3
