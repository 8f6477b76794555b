# check: error relocation R_X86_64_32 out of range
	.text
	.globl test_main
test_main:
	ret
	.data
	.long abs_huge
