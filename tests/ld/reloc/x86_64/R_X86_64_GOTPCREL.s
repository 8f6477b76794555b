# check: run 17
# as-flags: -mrelax-relocations=no
	.text
	.globl test_main
test_main:
	movq value_17@GOTPCREL(%rip), %rcx
	movl (%rcx), %eax
	ret
