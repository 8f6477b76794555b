add al, 300                         # error: 1:9: error: immediate out of range
mov eax, 0x100000000                # error: immediate out of range
add rax, 0x80000000                 # error: immediate out of range
ret 70000                           # error: immediate out of range
shl eax, 256                        # error: immediate out of range
mov rax, QWORD PTR [rbx+0x80000000] # error: displacement out of range
.byte y-x+300\nx:\ny:                # error: does not fit in 1 bytes
