# branch.s — calls and jumps to external symbols, indirect forms, ret/leave/nop and friends
call foo
call foo@PLT
call foo+4
call rax
call r11
call QWORD PTR [rax]
call QWORD PTR [rbx+rcx*8+16]
call QWORD PTR [rip+tab]
jmp foo
jmp foo@PLT
jmp rax
jmp QWORD PTR [rax*8+table]
jmp QWORD PTR [rip+vec+8]
jne foo
je bar
jg foo
jl foo
jae foo
jb foo
ja foo
jbe foo
js foo
jns foo
jle foo
jge foo
jp foo
jnp foo
jo foo
jno foo
jz foo
jnz foo
jc foo
jnc foo
ret
ret 8
leave
nop
nop DWORD PTR [rax]
nop WORD PTR [rax+rax*1+0]
nop QWORD PTR [rax]
ud2
int3
int 128
syscall
endbr64
hlt
pause
mfence
lfence
sfence
cpuid
rdtsc
cld
rep stosq
rep stosb
rep movsb
rep movsq
repz ret
lock xadd DWORD PTR [rdi], eax
lock cmpxchg QWORD PTR [rdi], rcx
lock add DWORD PTR [rax], 1
