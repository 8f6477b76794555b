# check: error undefined reference to 'missing_sym'
	.text
	.globl test_main
test_main:
	call missing_sym
	ret
