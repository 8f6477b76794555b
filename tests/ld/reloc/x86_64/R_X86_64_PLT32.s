# check: oracle
# check: run 42
	.text
	.globl test_main
test_main:
	call func42
	ret
