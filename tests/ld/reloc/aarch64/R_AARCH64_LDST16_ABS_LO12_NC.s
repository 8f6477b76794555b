// check: oracle
// check: run 102
	.text
	.globl test_main
test_main:
	adrp x0, data_sym
	ldrh w0, [x0, :lo12:data_sym+2]
	and w0, w0, #0xff
	ret
