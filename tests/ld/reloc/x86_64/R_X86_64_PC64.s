# check: oracle
	.text
	.globl test_main
test_main:
	ret
	.data
	.quad far_func - ., data_sym - .
