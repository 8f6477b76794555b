// check: oracle
// check: run 68
	.text
	.globl test_main
test_main:
	adrp x0, data_sym
	ldr x0, [x0, :lo12:data_sym]
	lsr x0, x0, #32
	and x0, x0, #0xff
	ret
