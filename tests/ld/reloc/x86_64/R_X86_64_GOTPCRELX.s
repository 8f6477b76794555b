# check: run 42
	.text
	.globl test_main
test_main:
	push %rbx
	mov value_17@GOTPCREL(%rip), %ebx
	call *func42@GOTPCREL(%rip)
	add (%rbx), %eax
	sub $17, %eax
	pop %rbx
	jmp *tail@GOTPCREL(%rip)
	.globl tail
tail:
	ret
