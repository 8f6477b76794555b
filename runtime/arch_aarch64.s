// arch_aarch64.s — the few runtime pieces C cannot express on AArch64:
// calling compiled code with a word array, spilling callee-saved registers for the
// conservative stack scan, switching to the runtime stack, and setjmp/longjmp.
	.text

// Value sox_call_code(void *code, Value closure, uint64_t nwords, const Value *words)
// Calls code(closure, words[0], ..., words[n-1]) under AAPCS64: seven words go in
// x1..x7, the rest on the stack (sp stays 16-byte aligned).
	.globl sox_call_code
	.type sox_call_code, %function
sox_call_code:
	stp x29, x30, [sp, #-16]!
	mov x29, sp
	mov x9, x0
	mov x10, x3
	mov x16, x2
	subs x11, x2, #7
	b.le 2f
	add x12, x11, #1
	and x12, x12, #-2
	sub sp, sp, x12, lsl #3
	mov x13, #0
1:	add x14, x13, #7
	ldr x15, [x10, x14, lsl #3]
	str x15, [sp, x13, lsl #3]
	add x13, x13, #1
	cmp x13, x11
	b.lt 1b
2:	mov x0, x1
	cmp x16, #1
	b.lt 3f
	ldr x1, [x10]
	cmp x16, #2
	b.lt 3f
	ldr x2, [x10, #8]
	cmp x16, #3
	b.lt 3f
	ldr x3, [x10, #16]
	cmp x16, #4
	b.lt 3f
	ldr x4, [x10, #24]
	cmp x16, #5
	b.lt 3f
	ldr x5, [x10, #32]
	cmp x16, #6
	b.lt 3f
	ldr x6, [x10, #40]
	cmp x16, #7
	b.lt 3f
	ldr x7, [x10, #48]
3:	blr x9
	mov sp, x29
	ldp x29, x30, [sp], #16
	ret
	.size sox_call_code, .-sox_call_code

// void rt_spill_registers(uintptr_t *buf): x19..x29 and d8..d15
	.globl rt_spill_registers
	.type rt_spill_registers, %function
rt_spill_registers:
	stp x19, x20, [x0]
	stp x21, x22, [x0, #16]
	stp x23, x24, [x0, #32]
	stp x25, x26, [x0, #48]
	stp x27, x28, [x0, #64]
	str x29, [x0, #80]
	stp d8, d9, [x0, #88]
	stp d10, d11, [x0, #104]
	stp d12, d13, [x0, #120]
	stp d14, d15, [x0, #136]
	ret
	.size rt_spill_registers, .-rt_spill_registers

// void rt_switch_stack(uintptr_t new_sp, void (*fn)(void)) — never returns
	.globl rt_switch_stack
	.type rt_switch_stack, %function
rt_switch_stack:
	mov sp, x0
	mov x29, #0
	mov x30, #0
	blr x1
	brk #0
	.size rt_switch_stack, .-rt_switch_stack

// int rt_setjmp(RtJmpBuf *jb) / void rt_longjmp(RtJmpBuf *jb, int v)
	.globl rt_setjmp
	.type rt_setjmp, %function
rt_setjmp:
	stp x19, x20, [x0]
	stp x21, x22, [x0, #16]
	stp x23, x24, [x0, #32]
	stp x25, x26, [x0, #48]
	stp x27, x28, [x0, #64]
	stp x29, x30, [x0, #80]
	mov x2, sp
	str x2, [x0, #96]
	stp d8, d9, [x0, #104]
	stp d10, d11, [x0, #120]
	stp d12, d13, [x0, #136]
	stp d14, d15, [x0, #152]
	mov x0, #0
	ret
	.size rt_setjmp, .-rt_setjmp

	.globl rt_longjmp
	.type rt_longjmp, %function
rt_longjmp:
	ldp x19, x20, [x0]
	ldp x21, x22, [x0, #16]
	ldp x23, x24, [x0, #32]
	ldp x25, x26, [x0, #48]
	ldp x27, x28, [x0, #64]
	ldp x29, x30, [x0, #80]
	ldr x2, [x0, #96]
	mov sp, x2
	ldp d8, d9, [x0, #104]
	ldp d10, d11, [x0, #120]
	ldp d12, d13, [x0, #136]
	ldp d14, d15, [x0, #152]
	mov w0, w1
	ret
	.size rt_longjmp, .-rt_longjmp
	.section .note.GNU-stack,"",%progbits
