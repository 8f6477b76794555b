/* start.c — _start: runs .init_array (between linker-defined bounds), main, then exit. */
#include "sys.h"
typedef void (*InitFn)(void);
extern InitFn __init_array_start[], __init_array_end[];
int main(void);

void start_c(void) {
    for (InitFn *f = __init_array_start; f < __init_array_end; f++)
        (*f)();
    sys3(SYS_EXIT, main(), 0, 0);
    for (;;)
        ;
}

#if defined(__x86_64__)
__asm__(".text\n.globl _start\n_start:\n xor %ebp, %ebp\n and $-16, %rsp\n call start_c\n hlt\n");
#else
__asm__(".text\n.globl _start\n_start:\n mov x29, #0\n mov x30, #0\n bl start_c\n brk #0\n");
#endif
