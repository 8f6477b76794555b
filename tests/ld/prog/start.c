/* start.c — _start: runs .init_array (between linker-defined bounds), main, then exit.
 * Plain C (no assembly), so it compiles the same for AT&T, Intel (-masm=intel) and AArch64;
 * x86-64 enters _start with a 16-byte aligned stack, hence force_align_arg_pointer. */
#include "sys.h"
typedef void (*InitFn)(void);
extern InitFn __init_array_start[], __init_array_end[];
int main(void);

#if defined(__x86_64__)
__attribute__((force_align_arg_pointer))
#endif
__attribute__((noreturn)) void _start(void) {
    for (InitFn *f = __init_array_start; f < __init_array_end; f++)
        (*f)();
    sys3(SYS_EXIT, main(), 0, 0);
    for (;;)
        ;
}
