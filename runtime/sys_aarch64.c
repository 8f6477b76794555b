/* sys_aarch64.c — Linux system calls on AArch64: number in x8, arguments in
 * x0..x5, result in x0.  There is no fork: clone(SIGCHLD) does the same. */
#include "runtime/rt.h"

enum {
    NR_ioctl = 29, NR_openat = 56, NR_close = 57, NR_read = 63, NR_write = 64,
    NR_exit_group = 94, NR_nanosleep = 101, NR_clock_gettime = 113,
    NR_rt_sigaction = 134, NR_munmap = 215, NR_clone = 220, NR_mmap = 222, NR_mprotect = 226,
    NR_madvise = 233, NR_wait4 = 260,
};

static long syscall6(long n, long a, long b, long c, long d, long e, long f)
{
    register long x8 __asm__("x8") = n;
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c;
    register long x3 __asm__("x3") = d;
    register long x4 __asm__("x4") = e;
    register long x5 __asm__("x5") = f;
    __asm__ volatile("svc #0"
                     : "+r"(x0)
                     : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
                     : "memory");
    return x0;
}

#include "runtime/sys_common.h"

int64_t sys_fork(void) { return SC(NR_clone, 17 /* SIGCHLD */, 0, 0, 0, 0, 0); }
