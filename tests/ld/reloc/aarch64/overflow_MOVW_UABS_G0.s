// check: error relocation R_AARCH64_MOVW_UABS_G0 out of range
	.text
	.globl test_main
test_main:
	movz x0, #:abs_g0:data_sym
	ret
