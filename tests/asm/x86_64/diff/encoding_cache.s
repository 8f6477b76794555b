# encoding_cache.s — the same instruction text again and again (soxas keeps the bytes of
# symbol-free instructions by their text): texts whose meaning changes must not be reused.
# A symbol .set again keeps its old value for the uses before (GNU as clones it).
	.text
f:
	cmp rdx, r11
	cmp rdx, r11
	mov eax, N
	.set N, 5
	mov eax, N
	.set N, 300
	mov eax, N
	mov eax, N
	lea rax, [rip+.]
	lea rax, [rip+.]
	jmp 1f
1:	jmp 1f
1:	jmp 1b
	mov rax, QWORD PTR [rbx+8]
	mov rax, QWORD PTR [rbx+8]
	.section .text.other,"ax",@progbits
	mov rax, QWORD PTR [rbx+8]
	cmp rdx, r11
	.previous
	mov rax, QWORD PTR [rbx+8]
	movabs r11, 0xfff8000000000000
	movabs r11, 0xfff8000000000000
	.set N, 7
	mov eax, N
	ret
g:
	.set A, f
	lea rax, [rip+A]
	.set A, g
	lea rax, [rip+A]
	mov eax, B
	B = 1
	B = 2
	mov eax, B
