# targets.s — symbols the relocation tests refer to; linked after each test object.
# _start calls the test's test_main and exits with its result (the "run" checks).
# Intel syntax, so that soxas (DESIGN.md 3) can assemble it too.
	.intel_syntax noprefix
	.text
	.globl _start, far_func, func42, text_end
_start:
	call test_main
	mov edi, eax
	mov eax, 60
	syscall
func42:
	mov eax, 42
	ret
far_func:
	ret
	.section .text.filler,"ax"
	.space 0x30000
far_away:
	.globl far_away
	ret
	.data
	.globl near_data, data_sym, value_17
near_data:
	.byte 1
	.p2align 4
data_sym:
	.quad 0x1122334455667788
	.quad 0
value_17:
	.long 17
	.type sized_obj, @object
	.globl sized_obj
sized_obj:
	.space 24
	.size sized_obj, 24
	.globl abs_small, abs_byte, abs_huge, abs_neg
	.set abs_small, 0x1234
	.set abs_byte, 0x7f
	.set abs_huge, 0x123456789
	.set abs_neg, -5
