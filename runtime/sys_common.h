/* sys_common.h — the named system-call wrappers, written once over the per-target
 * `syscall6` and NR_* numbers that sys_<arch>.c defines before including this. */
#ifndef SOX_SYS_COMMON_H
#define SOX_SYS_COMMON_H

#define SC(n, a, b, c, d, e, f) \
    syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

int64_t sys_write(int fd, const void *buf, uint64_t len) { return SC(NR_write, fd, buf, len, 0, 0, 0); }
int64_t sys_read(int fd, void *buf, uint64_t len) { return SC(NR_read, fd, buf, len, 0, 0, 0); }
int64_t sys_close(int fd) { return SC(NR_close, fd, 0, 0, 0, 0, 0); }

void sys_exit_group(int status)
{
    for (;;)
        SC(NR_exit_group, status, 0, 0, 0, 0, 0);
}

void *sys_mmap(void *addr, uint64_t len, int prot, int flags, int fd, int64_t off)
{
    return (void *)SC(NR_mmap, addr, len, prot, flags, fd, off);
}

int64_t sys_munmap(void *addr, uint64_t len) { return SC(NR_munmap, addr, len, 0, 0, 0, 0); }
int64_t sys_madvise(void *addr, uint64_t len, int advice) { return SC(NR_madvise, addr, len, advice, 0, 0, 0); }
int64_t sys_mprotect(void *addr, uint64_t len, int prot) { return SC(NR_mprotect, addr, len, prot, 0, 0, 0); }
int64_t sys_clock_gettime(int clock, RtTimespec *ts) { return SC(NR_clock_gettime, clock, ts, 0, 0, 0, 0); }
int64_t sys_nanosleep(const RtTimespec *req, RtTimespec *rem) { return SC(NR_nanosleep, req, rem, 0, 0, 0, 0); }
int64_t sys_ioctl(int fd, uint64_t req, void *arg) { return SC(NR_ioctl, fd, req, arg, 0, 0, 0); }
int64_t sys_wait4(int64_t pid, int *status, int options) { return SC(NR_wait4, pid, status, options, 0, 0, 0); }

/* openat(AT_FDCWD, path, O_RDONLY|O_CLOEXEC) */
int64_t sys_openat_read(const char *path) { return SC(NR_openat, -100, path, 02000000, 0, 0, 0); }

int64_t sys_ignore_sigpipe(void)
{
    struct { unsigned long handler, flags, restorer, mask; } act = { 1 /* SIG_IGN */, 0, 0, 0 };
    return SC(NR_rt_sigaction, 13 /* SIGPIPE */, &act, 0, 8, 0, 0);
}

#endif
