// check: oracle
// check: run 42
	.text
	.globl test_main
test_main:
	b func42
