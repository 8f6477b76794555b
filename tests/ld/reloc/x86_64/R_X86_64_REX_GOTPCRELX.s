# check: run 17
	.text
	.globl test_main
test_main:
	movq value_17@GOTPCREL(%rip), %r9
	movl (%r9), %eax
	movq abs_small@GOTPCREL(%rip), %rcx
	cmp $0x1234, %rcx
	jne 1f
	addq data_sym@GOTPCREL(%rip), %rcx
	ret
1:	mov $1, %eax
	ret
