// check: oracle
	.text
	.globl test_main
test_main:
	movk x0, #:abs_g2_nc:abs_neg
	ret
