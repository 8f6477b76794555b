// crt1_aarch64.s — process entry on AArch64 Linux.  sp points at argc, argv[],
// NULL, envp[], NULL, auxv; sox_rt_start parses them.  x29 = 0 ends the frame chain.
	.text
	.globl _start
	.type _start, %function
_start:
	mov x29, #0
	mov x30, #0
	mov x0, sp
	bl sox_rt_start
	brk #0
	.size _start, .-_start
	.section .note.GNU-stack,"",%progbits
