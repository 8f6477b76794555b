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
