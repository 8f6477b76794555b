# check: oracle
	.text
	.globl test_main
test_main:
	ret
	.data
	.word near_data - .
