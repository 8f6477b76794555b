// check: oracle
// check: run 17
	.text
	.globl test_main
test_main:
	adrp x0, value_17
	add x0, x0, :lo12:value_17
	ldr w0, [x0]
	ret
