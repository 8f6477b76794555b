// check: oracle
// check: run 1
	.text
	.globl test_main
test_main:
	movz x0, #:abs_g2:abs_huge
	lsr x0, x0, #32
	ret
