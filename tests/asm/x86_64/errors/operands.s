mov rax                             # error: 1:1: error: expected 2 operand(s)
mov rax, rbx, rcx                   # error: expected 2 operand(s)
mov eax, rbx                        # error: operand size mismatch
inc [rax]                           # error: ambiguous operand size
lea rax, rbx                        # error: invalid operands for this instruction
push eax                            # error: invalid operands for this instruction
shl rax, rbx                        # error: invalid operands for this instruction
mov ah, r8b                         # error: requiring REX prefix
movzx eax, [rdi]                    # error: 1:12: error: ambiguous source size
cvtsi2sd xmm0, [rax]                # error: ambiguous operand size
mov rax, QWORD PTR [rax*3]          # error: scale factor must be 1, 2, 4 or 8
mov rax, QWORD PTR [rsp*2]          # error: rsp cannot be used as an index register
mov rax, QWORD PTR [rbx+rcx+rdx]    # error: too many registers in memory reference
mov eax, DWORD PTR [ax]             # error: bad register 'ax' in memory reference
jmp 5                               # error: branch target must be a symbol
