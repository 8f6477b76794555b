# check: oracle
# check: run 24
	.text
	.globl test_main
test_main:
	movl $sized_obj@SIZE, %eax
	ret
