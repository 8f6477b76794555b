# check: oracle
	.text
	.globl test_main
test_main:
	ret
	.data
	.byte near_data - .
