/* out.c — buffered stdout and unbuffered stderr.  stdout is flushed at exit, at
 * sysExit, before runtime errors, and after each line when it is a terminal.  A
 * closed stdout (EPIPE, EBADF) ends the process quietly with status 0: nobody is
 * left to read the output, and a crash would be worse. */
#include "runtime/rt.h"

#define OUT_CAP 65536
static char out_buf[OUT_CAP];
static size_t out_len;
static bool out_is_tty;

void rt_out_init(void)
{
    char termios[64];
    out_is_tty = sys_ioctl(1, 0x5401 /* TCGETS */, termios) == 0;
    sys_ignore_sigpipe();
}

static void write_all(int fd, const char *p, size_t n, bool quit_on_error)
{
    while (n > 0) {
        int64_t w = sys_write(fd, p, n);
        if (w == -RT_EINTR || w == -RT_EAGAIN)
            continue;
        if (w <= 0) {
            if (quit_on_error)
                sys_exit_group(0);
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

void rt_out_flush(void)
{
    size_t n = out_len;
    out_len = 0;
    write_all(1, out_buf, n, true);
}

void rt_out_write(const char *s, size_t n)
{
    if (n > OUT_CAP - out_len) {
        rt_out_flush();
        if (n >= OUT_CAP) {
            write_all(1, s, n, true);
            return;
        }
    }
    memcpy(out_buf + out_len, s, n);
    out_len += n;
    if (out_is_tty && n > 0 && s[n - 1] == '\n')
        rt_out_flush();
}

void rt_err_write(const char *s, size_t n) { write_all(2, s, n, false); }
void rt_err_str(const char *s) { rt_err_write(s, rt_strlen(s)); }

void rt_str_put(RtStr *s, const char *p, size_t n)
{
    if (s->len + n + 1 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        while (cap < s->len + n + 1)
            cap *= 2;
        s->p = rt_raw_realloc(s->p, s->cap, cap);
        s->cap = cap;
    }
    memcpy(s->p + s->len, p, n);
    s->len += n;
    s->p[s->len] = 0;
}

void rt_str_putc(RtStr *s, char c) { rt_str_put(s, &c, 1); }

void rt_str_free(RtStr *s)
{
    if (s->p)
        rt_raw_free(s->p, s->cap);
    s->p = 0;
    s->len = s->cap = 0;
}
