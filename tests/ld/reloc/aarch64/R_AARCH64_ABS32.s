// check: oracle
	.text
	.globl test_main
test_main:
	ret
	.data
	.word data_sym, abs_small
