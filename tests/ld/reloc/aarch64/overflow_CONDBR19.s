// check: error relocation R_AARCH64_CONDBR19 out of range
	.text
	.globl test_main
test_main:
	b.eq far_away
	ret
