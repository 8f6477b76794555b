# check: oracle
	.text
	.globl test_main
test_main:
	ret
	.data
	.word abs_small, abs_small+2
