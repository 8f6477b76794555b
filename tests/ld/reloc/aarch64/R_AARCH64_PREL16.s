// check: oracle
	.text
	.globl test_main
test_main:
	ret
	.data
	.hword near_data - .
