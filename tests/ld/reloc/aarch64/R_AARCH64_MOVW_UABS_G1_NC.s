// check: oracle
	.text
	.globl test_main
test_main:
	movk x0, #:abs_g1_nc:abs_huge
	ret
