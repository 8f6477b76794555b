// check: oracle
	.text
	.globl test_main
test_main:
	ret
	.data
	.word far_func - ., data_sym - .
