# crt1_x86_64.s — process entry on x86-64 Linux.  The kernel leaves argc, argv[],
# NULL, envp[], NULL, auxv at rsp; sox_rt_start parses them.  rbp = 0 ends the
# frame chain that error traces walk.
	.intel_syntax noprefix
	.text
	.globl _start
	.type _start, @function
_start:
	xor ebp, ebp
	mov rdi, rsp
	and rsp, -16
	call sox_rt_start
	hlt
	.size _start, .-_start
	.section .note.GNU-stack,"",@progbits
