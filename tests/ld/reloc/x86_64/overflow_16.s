# check: error relocation R_X86_64_16 out of range
	.text
	.globl test_main
test_main:
	ret
	.data
	.word data_sym
