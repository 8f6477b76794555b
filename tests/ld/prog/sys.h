/* sys.h — the few system calls the freestanding test programs need (no libc). */
#ifndef TEST_SYS_H
#define TEST_SYS_H
#if defined(__x86_64__)
#define SYS_WRITE 1
#define SYS_EXIT 60
static inline long sys3(long n, long a, long b, long c) {
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
    return r;
}
#elif defined(__aarch64__)
#define SYS_WRITE 64
#define SYS_EXIT 93
static inline long sys3(long n, long a, long b, long c) {
    register long x8 __asm__("x8") = n, x0 __asm__("x0") = a, x1 __asm__("x1") = b, x2 __asm__("x2") = c;
    __asm__ volatile("svc 0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
    return x0;
}
#endif
void put_str(const char *s);     /* libt.a */
void put_num(long v);            /* libt.a */
#endif
