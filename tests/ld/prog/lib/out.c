/* lib/out.c — output helpers (archive member pulled by main.o). */
#include "../sys.h"
static unsigned long length(const char *s) {
    unsigned long n = 0;
    while (s[n])
        n++;
    return n;
}
void put_str(const char *s) { sys3(SYS_WRITE, 1, (long)s, (long)length(s)); }
void put_num(long v) {
    char buf[24], *p = buf + sizeof buf;
    int neg = v < 0;
    unsigned long u = neg ? -(unsigned long)v : (unsigned long)v;
    do
        *--p = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (neg)
        *--p = '-';
    sys3(SYS_WRITE, 1, (long)p, (long)(buf + sizeof buf - p));
}
