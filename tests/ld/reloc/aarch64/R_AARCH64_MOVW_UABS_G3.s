// check: oracle
	.text
	.globl test_main
test_main:
	movk x0, #:abs_g3:abs_neg
	ret
