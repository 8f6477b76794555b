// check: run 42
	.text
	.globl test_main
test_main:
	adrp x1, :got:func42
	ldr x1, [x1, :got_lo12:func42]
	adrp x2, :got:abs_small
	ldr x2, [x2, :got_lo12:abs_small]
	mov x3, #0x1234
	cmp x2, x3
	b.ne 1f
	br x1
1:	mov x0, #1
	ret
