# relax.s — jmp/jcc relaxation at the short/near boundary, numeric labels, cross-section branches
	.text
	.globl	start
start:
	jmp 1f
	je 2f
	.zero 120
1:	jne 1b
	jmp 3f
	.zero 125
2:	jmp 2b
	.zero 126
3:	jl 4f
	jmp start
	.zero 127
4:	jg start
	.zero 128
	jmp 4b
	jb farther
	jmp other
	call other
	call local
	jmp local
	jmp ext
	jmp ext+8
	call ext+8
	jmp wk
	.weak wk
wk:	ret
	.p2align 4
local:	jmp .Lend
	.zero 200
	.p2align 6
	je .Lend
.Lend:	ret
	.section .text.other,"ax",@progbits
other:	jmp start
	jne local
	call start
	ret
	.text
farther:	ret
	.section .note.GNU-stack,"",@progbits
