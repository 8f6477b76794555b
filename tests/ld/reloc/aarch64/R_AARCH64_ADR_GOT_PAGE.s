// check: run 17
	.text
	.globl test_main
test_main:
	adrp x0, :got:value_17
	ldr x0, [x0, :got_lo12:value_17]
	ldr w0, [x0]
	ret
