// check: error is not aligned to 8 bytes
	.text
	.globl test_main
test_main:
	adrp x0, data_sym
	ldr x0, [x0, :lo12:data_sym+4]
	ret
