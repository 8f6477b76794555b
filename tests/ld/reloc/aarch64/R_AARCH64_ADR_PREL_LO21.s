// check: oracle
// check: run 42
	.text
	.globl test_main
test_main:
	adr x1, func42
	br x1
