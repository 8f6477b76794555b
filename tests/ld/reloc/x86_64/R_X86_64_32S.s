# check: oracle
# check: run 17
	.text
	.globl test_main
test_main:
	xor %ecx, %ecx
	movl value_17(,%rcx,4), %eax
	ret
	.data
	.quad 0
