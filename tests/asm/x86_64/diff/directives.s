# directives.s — every directive of DESIGN.md §3, compared with GNU as as a whole
	.file	"directives.c"
	.text
	.globl	f
	.type	f, @function
f:
	ret
	.size	f, .-f
	.p2align 4,,10
	.p2align 3
g:	nop
	.balign 8, 0x90
	.align 16
	.p2align 5,,3
	ret
	.section .rodata
	.align 8
table:	.quad f, g+4, 0x123456789abcdef0, -1
	.long f, 7, -2147483648
	.word 1, 0xffff
	.short 2
	.hword 3
	.2byte 4
	.value 5
	.4byte 6
	.int 7
	.8byte 8
	.byte 1, 2, 'a, 255, -1
	.ascii "abc\n\t\"\\\101\x42"
	.asciz "zero"
	.string "str", "two"
	.zero 5
	.skip 3, 0xaa
	.space 2
	.balign 4, 0xcc
diff:	.long g-f, table-., .-table, diff-table+1
	.quad ext-., ext+16
	.section .rodata.str1.1,"aMS",@progbits,1
.LC0:	.string "merge"
.LC1:	.string "me"
	.section .data.rel.local,"aw"
	.align 8
ptrs:	.quad .LC0, .LC1+1, ptrs
	.data
	.type	counter, @object
	.size	counter, 4
counter:	.long 42
	.globl	wk
	.weak	wk
wk:	.long 1
	.hidden	hid
	.globl	hid
hid:	.byte 0
	.protected prot
	.globl prot
prot:	.byte 0
	.bss
	.align 32
	.type	buf, @object
	.size	buf, 100
buf:	.zero 100
	.local	lc
	.comm	lc, 24, 8
	.comm	common_sym, 64, 32
	.lcomm	lcomm_sym, 12
	.set	five, 5
	.equ	six, five+1
	.set	alias, f
	seven = six + 1
	.section .text.unlikely,"ax",@progbits
cold:	mov eax, five
	mov eax, six*2
	call alias
	.section .init_array,"aw"
	.align 8
	.quad f
	.section .tdata,"awT",@progbits
tv:	.long 3
	.section .note.GNU-stack,"",@progbits
	.ident	"GCC: (test) 1.0"
	.ident	"second"
