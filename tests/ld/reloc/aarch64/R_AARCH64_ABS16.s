// check: oracle
	.text
	.globl test_main
test_main:
	ret
	.data
	.hword abs_small, abs_small
