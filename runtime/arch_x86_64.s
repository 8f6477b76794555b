# arch_x86_64.s — the few runtime pieces C cannot express on x86-64:
# calling compiled code with a word array, spilling callee-saved registers for the
# conservative stack scan, switching to the runtime stack, and setjmp/longjmp.
	.intel_syntax noprefix
	.text

# Value sox_call_code(void *code, Value closure, uint64_t nwords, const Value *words)
# Calls code(closure, words[0], ..., words[n-1]) under the System V ABI: five words
# go in rsi rdx rcx r8 r9, the rest on the stack, rsp 16-byte aligned at the call.
	.globl sox_call_code
	.type sox_call_code, @function
sox_call_code:
	push rbp
	mov rbp, rsp
	mov r11, rdi
	mov r10, rsi
	mov rax, rdx
	sub rax, 5
	jle 3f
	test rax, 1
	jz 1f
	sub rsp, 8
1:	mov rax, rdx
2:	dec rax
	push QWORD PTR [rcx+rax*8]
	cmp rax, 5
	jg 2b
3:	mov rdi, r10
	mov rax, rdx
	mov r10, rcx
	test rax, rax
	jz 4f
	mov rsi, QWORD PTR [r10]
	cmp rax, 2
	jb 4f
	mov rdx, QWORD PTR [r10+8]
	cmp rax, 3
	jb 4f
	mov rcx, QWORD PTR [r10+16]
	cmp rax, 4
	jb 4f
	mov r8, QWORD PTR [r10+24]
	cmp rax, 5
	jb 4f
	mov r9, QWORD PTR [r10+32]
4:	call r11
	leave
	ret
	.size sox_call_code, .-sox_call_code

# void rt_spill_registers(uintptr_t *buf)
	.globl rt_spill_registers
	.type rt_spill_registers, @function
rt_spill_registers:
	mov QWORD PTR [rdi], rbx
	mov QWORD PTR [rdi+8], rbp
	mov QWORD PTR [rdi+16], r12
	mov QWORD PTR [rdi+24], r13
	mov QWORD PTR [rdi+32], r14
	mov QWORD PTR [rdi+40], r15
	ret
	.size rt_spill_registers, .-rt_spill_registers

# void rt_switch_stack(uintptr_t new_sp, void (*fn)(void)) — never returns
	.globl rt_switch_stack
	.type rt_switch_stack, @function
rt_switch_stack:
	mov rsp, rdi
	xor ebp, ebp
	call rsi
	hlt
	.size rt_switch_stack, .-rt_switch_stack

# int rt_setjmp(RtJmpBuf *jb) / void rt_longjmp(RtJmpBuf *jb, int v)
	.globl rt_setjmp
	.type rt_setjmp, @function
rt_setjmp:
	mov QWORD PTR [rdi], rbx
	mov QWORD PTR [rdi+8], rbp
	mov QWORD PTR [rdi+16], r12
	mov QWORD PTR [rdi+24], r13
	mov QWORD PTR [rdi+32], r14
	mov QWORD PTR [rdi+40], r15
	lea rdx, [rsp+8]
	mov QWORD PTR [rdi+48], rdx
	mov rdx, QWORD PTR [rsp]
	mov QWORD PTR [rdi+56], rdx
	xor eax, eax
	ret
	.size rt_setjmp, .-rt_setjmp

	.globl rt_longjmp
	.type rt_longjmp, @function
rt_longjmp:
	mov eax, esi
	mov rbx, QWORD PTR [rdi]
	mov rbp, QWORD PTR [rdi+8]
	mov r12, QWORD PTR [rdi+16]
	mov r13, QWORD PTR [rdi+24]
	mov r14, QWORD PTR [rdi+32]
	mov r15, QWORD PTR [rdi+40]
	mov rsp, QWORD PTR [rdi+48]
	jmp QWORD PTR [rdi+56]
	.size rt_longjmp, .-rt_longjmp
	.section .note.GNU-stack,"",@progbits
