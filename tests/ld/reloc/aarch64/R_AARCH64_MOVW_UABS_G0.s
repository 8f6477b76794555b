// check: oracle
// check: run 52
	.text
	.globl test_main
test_main:
	movz x0, #:abs_g0:abs_small
	and x0, x0, #0xff
	ret
