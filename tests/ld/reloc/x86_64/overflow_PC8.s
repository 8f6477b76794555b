# check: error relocation R_X86_64_PC8 out of range
	.text
	.globl test_main
test_main:
	ret
	.data
	.byte far_away - .
