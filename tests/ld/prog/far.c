/* far.c — a function and a string placed after 2 MiB of filler, so that calls and
 * page-relative addressing cross more than 1 MiB (AArch64 ADR's range). */
__asm__(".section .text.filler,\"ax\"\n.globl filler_start\nfiller_start:\n.space 0x200000\n.text\n");
__asm__(".section .rodata.filler,\"a\"\n.space 0x180000\n.text\n");
const char far_message[] = "far-ok";
long far_function(long x) { return x * 3 + 2; }
