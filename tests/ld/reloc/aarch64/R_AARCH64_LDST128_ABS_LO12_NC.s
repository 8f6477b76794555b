// check: oracle
// check: run 136
	.text
	.globl test_main
test_main:
	adrp x0, data_sym
	ldr q0, [x0, :lo12:data_sym]
	umov w0, v0.b[0]
	ret
