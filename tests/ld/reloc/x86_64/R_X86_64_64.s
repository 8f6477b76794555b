# check: oracle
	.text
	.globl test_main
test_main:
	ret
	.data
	.quad data_sym+8, far_func, abs_neg
