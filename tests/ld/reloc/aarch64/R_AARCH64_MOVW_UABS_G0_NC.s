// check: oracle
// check: run 17
	.text
	.globl test_main
test_main:
	movz x0, #:abs_g3:value_17
	movk x0, #:abs_g2_nc:value_17
	movk x0, #:abs_g1_nc:value_17
	movk x0, #:abs_g0_nc:value_17
	ldr w0, [x0]
	ret
