add al, 300                         # error: 1:9: error: immediate out of range
mov eax, 0x100000000                # error: immediate out of range
add rax, 0x80000000                 # error: immediate out of range
ret 70000                           # error: immediate out of range
shl eax, 256                        # error: immediate out of range
mov rax, QWORD PTR [rbx+0x80000000] # error: displacement out of range
.byte y-x+300\nx:\ny:                # error: does not fit in 1 bytes
.data\n.zero 1073741824               # error: 2:1: error: 1073741824 bytes of fill in section '.data' is more than
.bss\n.zero 1073741825                # error: bad size 1073741825
