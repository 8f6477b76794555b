// check: error relocation R_AARCH64_ABS32 out of range
	.text
	.globl test_main
test_main:
	ret
	.data
	.word abs_huge
