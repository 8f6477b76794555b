// check: oracle
// check: run 42
	.text
	.globl test_main
test_main:
	str x30, [sp, #-16]!
	bl func42
	ldr x30, [sp], #16
	ret
