// check: oracle
// check: run 136
	.text
	.globl test_main
test_main:
	adrp x0, data_sym
	ldrb w0, [x0, :lo12:data_sym]
	ret
