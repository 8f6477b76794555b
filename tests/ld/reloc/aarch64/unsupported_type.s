// check: error unsupported relocation type 550
	.text
	.globl test_main
test_main:
	.reloc ., R_AARCH64_TLSLE_ADD_TPREL_LO12, data_sym
	nop
