x:\nx:                              # error: 2:1: error: symbol 'x' is already defined
jmp 1f                              # error: local label '1' is not defined
jmp 2b                              # error: 1:5: error: backward reference to an undefined local label
.set a, a+1\n.long a                # error: defined in terms of itself
.size f, g                          # error: 1:1: error: .size expression for 'f' does not evaluate to a constant
.long x-y\n.data\nx:\n.bss\ny:      # error: can't resolve
123456:                             # error: numeric local label 123456 is too large
.globl x\nx:\n.bss\n.byte 1         # error: attempt to store non-zero value in section '.bss'
