# check: oracle
# check: run 17
	.text
	.globl test_main
test_main:
	movl $value_17, %ecx
	movl (%rcx), %eax
	ret
	.data
	.long data_sym
