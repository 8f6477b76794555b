/* sys_x86_64.c — Linux system calls on x86-64: number in rax, arguments in
 * rdi rsi rdx r10 r8 r9; the kernel clobbers rcx and r11. */
#include "runtime/rt.h"

enum {
    NR_read = 0, NR_write = 1, NR_close = 3, NR_mmap = 9, NR_mprotect = 10, NR_munmap = 11,
    NR_rt_sigaction = 13, NR_ioctl = 16, NR_madvise = 28, NR_nanosleep = 35,
    NR_fork = 57, NR_wait4 = 61, NR_clock_gettime = 228, NR_exit_group = 231,
    NR_openat = 257,
};

static long syscall6(long n, long a, long b, long c, long d, long e, long f)
{
    register long r10 __asm__("r10") = d;
    register long r8 __asm__("r8") = e;
    register long r9 __asm__("r9") = f;
    long ret;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}

#include "runtime/sys_common.h"

int64_t sys_fork(void) { return SC(NR_fork, 0, 0, 0, 0, 0, 0); }
