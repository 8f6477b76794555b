// check: oracle
// check: run 239
	.text
	.globl test_main
test_main:
	ldr x0, text_lit
	and x0, x0, #0xff
	ret
