// check: oracle
	.text
	.globl test_main
test_main:
	ret
	.data
	.xword data_sym+8, far_func, abs_neg
