# check: oracle
# check: run 17
	.text
	.globl test_main
test_main:
	mov value_17(%rip), %eax
	ret
	.data
	.long data_sym - .
