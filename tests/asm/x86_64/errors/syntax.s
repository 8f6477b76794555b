frobnicate rax                      # error: 1:1: error: unknown instruction 'frobnicate'
.bogus 1                            # error: 1:1: error: unknown directive '.bogus'
.att_syntax                         # error: AT&T syntax is not supported
add rax, [rbx                       # error: 1:11: error: missing ']'
.byte 1, , 2                        # error: 1:10: error: bad expression
.ascii "abc                         # error: unterminated string
.long x+y                           # error: 1:8: error: cannot add two symbols
.section .foo, "q"                  # error: unknown section flag 'q'
.p2align 40                         # error: alignment too large: 40
.balign 3                           # error: alignment 3 is not a power of 2
mov rax, 1 junk                     # error: junk in operand
.long x*2                           # error: 1:8: error: operator needs constant operands
1: .byte (2f-1b)/4+1\n2:            # error: 1:19: error: expression too complex
1: .byte (2f-1b)/0\n2:              # error: 1:17: error: division by zero
1: .byte (2f-1b)*100\nnop\nnop\n2:  # error: 1:10: error: value 300 does not fit in 1 bytes
.byte (x-y)/4                       # error: 1:7: error: can't resolve 'x' - 'y'
