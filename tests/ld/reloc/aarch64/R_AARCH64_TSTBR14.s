// check: oracle
// check: run 42
	.text
	.globl test_main
test_main:
	mov x0, #0
	tbz x0, #3, func42
	mov x0, #1
	ret
