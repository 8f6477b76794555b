// check: oracle
	.text
	.globl test_main
test_main:
	ret
	.data
	.xword far_func - ., data_sym - .
