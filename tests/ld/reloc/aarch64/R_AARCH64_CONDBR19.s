// check: oracle
// check: run 42
	.text
	.globl test_main
test_main:
	cmp x0, x0
	b.eq func42
	mov x0, #1
	ret
