// check: error relocation R_AARCH64_ADR_PREL_LO21 out of range
	.text
	.globl test_main
test_main:
	adr x0, far_away
	ret
