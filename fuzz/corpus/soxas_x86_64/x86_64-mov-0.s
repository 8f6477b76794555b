# mov.s — mov in all widths and forms, movabs, movzx/movsx/movsxd, lea, push/pop, xchg
mov rax, rbx
mov eax, ebx
mov ax, bx
mov al, bl
mov r8, rax
mov rax, r8
mov r12d, r13d
mov sil, al
mov ah, al
mov rax, QWORD PTR [rdi]
mov QWORD PTR [rdi], rax
mov eax, DWORD PTR [rsp]
mov DWORD PTR [rsp+4], eax
mov rax, QWORD PTR [rbp]
mov rax, QWORD PTR [r13]
mov rax, QWORD PTR [r12]
mov rax, QWORD PTR [rbp-8]
mov rax, QWORD PTR [rbp-128]
mov rax, QWORD PTR [rbp-129]
mov rax, QWORD PTR [rbp+127]
mov rax, QWORD PTR [rbp+128]
mov rax, QWORD PTR [rax+rbx]
mov rax, QWORD PTR [rax+rbx*2]
mov rax, QWORD PTR [rax+rbx*4+8]
mov rax, QWORD PTR [rax+rbx*8-8]
mov rax, QWORD PTR [r8+r9*8+1024]
mov rax, QWORD PTR [rbp+r13*1]
mov rax, QWORD PTR [rsp+rbp*2]
mov rax, QWORD PTR [rbx*8]
mov rax, QWORD PTR [rbx*8+16]
mov rax, QWORD PTR [r11*4-4]
mov eax, DWORD PTR ds:4096
mov ax, WORD PTR [rsi]
mov WORD PTR [rdi], ax
mov BYTE PTR [rdi], al
mov al, BYTE PTR [rsi+rcx]
mov eax, 0
mov eax, 1
mov eax, -1
mov eax, 4294967295
mov rax, 0
mov rax, -1
mov rax, 2147483647
mov rax, 4294967295
mov rax, 81985529216486895
mov r10, -2147483648
mov r9d, 7
mov ax, 1234
mov al, 255
mov r11b, 3
mov QWORD PTR [rax], 0
mov QWORD PTR [rax+8], -1
mov DWORD PTR [rbp-20], 1000000
mov WORD PTR [rbx], 65535
mov BYTE PTR [rcx+rdx], 10
movabs rax, 1
movabs rax, -9223372036854775808
movabs r15, 1311768467463790320
movzx eax, al
movzx eax, BYTE PTR [rdi]
movzx ecx, WORD PTR [rsi+2]
movzx rax, bl
movzx eax, ax
movzx r8d, r9b
movzx ax, cl
movsx rax, eax
