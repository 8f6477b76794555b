# check: oracle
# check: run 28
	.text
	.globl test_main
test_main:
	movabs $sized_obj@SIZE+4, %rax
	ret
