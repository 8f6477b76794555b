# check: error unsupported relocation type 23 (R_X86_64_TPOFF32)
	.text
	.globl test_main
test_main:
	ret
	.reloc ., R_X86_64_TPOFF32, data_sym
	.long 0
