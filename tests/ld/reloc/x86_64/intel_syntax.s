# Sox-format (Intel syntax) code as soxcc emits it: PLT32 call, PC32 data load, R_X86_64_64.
# check: oracle
# check: run 59
	.intel_syntax noprefix
	.text
	.globl test_main
test_main:
	push rbx
	call func42
	mov ecx, DWORD PTR [rip+value_17]
	add eax, ecx
	lea rbx, [rip+data_ptr]
	mov rbx, QWORD PTR [rbx]
	cmp rbx, QWORD PTR [rip+data_ptr]
	pop rbx
	ret
	.data
data_ptr:
	.quad far_func
