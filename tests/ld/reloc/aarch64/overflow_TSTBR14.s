// check: error relocation R_AARCH64_TSTBR14 out of range
	.text
	.globl test_main
test_main:
	tbz x0, #1, far_away
	ret
