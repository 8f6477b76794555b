# gccforms.s — operand spellings of gcc -masm=intel: sym[rip], OFFSET FLAT:, sym[0+reg*8], @PLT
mov rax, QWORD PTR stdout[rip]
mov eax, DWORD PTR counter[rip]
mov DWORD PTR counter[rip], 5
mov QWORD PTR table[rip+8], rax
movsd xmm0, QWORD PTR .LC0[rip]
lea rax, .LC1[rip]
lea rdi, buffer[rip+16]
lea rdx, [rip+sym+8]
mov eax, OFFSET FLAT:buffer
mov edi, OFFSET FLAT:.LC2
mov rax, OFFSET FLAT:buffer
mov rax, QWORD PTR jump_table[0+rax*8]
mov eax, DWORD PTR ints[0+rdx*4]
movsd xmm0, QWORD PTR doubles[0+rax*8]
lea rax, tab[rax+rax*2]
mov QWORD PTR [rbx], OFFSET FLAT:handler
push OFFSET FLAT:msg
add rax, OFFSET FLAT:base
cmp rax, OFFSET FLAT:limit
call printf@PLT
jmp abort@PLT
movabs rax, OFFSET FLAT:far_away
movzx eax, BYTE PTR table[rax]
mov rax, QWORD PTR fs:40
