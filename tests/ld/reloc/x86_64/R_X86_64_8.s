# check: oracle
	.text
	.globl test_main
test_main:
	ret
	.data
	.byte abs_byte, abs_small-0x1200
