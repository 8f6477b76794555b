// targets.s — symbols the relocation tests refer to; linked after each test object.
// _start calls the test's test_main and exits with its result (the "run" checks).
	.text
	.globl _start, far_func, func42, text_lit
_start:
	bl test_main
	mov x8, #93
	svc #0
func42:
	mov x0, #42
	ret
far_func:
	ret
	.p2align 3
text_lit:
	.xword 0x0123456789abcdef
	.section .text.filler,"ax"
	.space 0x200000
	.globl far_away
far_away:
	ret
	.data
	.globl near_data, data_sym, value_17, sized_obj
near_data:
	.byte 1
	.p2align 4
data_sym:
	.xword 0x1122334455667788
	.xword 0
value_17:
	.word 17
	.type sized_obj, %object
sized_obj:
	.space 24
	.size sized_obj, 24
	.globl abs_small, abs_byte, abs_huge, abs_neg
	.set abs_small, 0x1234
	.set abs_byte, 0x7f
	.set abs_huge, 0x123456789
	.set abs_neg, -5
