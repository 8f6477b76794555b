# check: error relocation R_X86_64_32S out of range
	.text
	.globl test_main
test_main:
	movq $abs_huge, %rax
	ret
