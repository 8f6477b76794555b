/* numfmt_standin.c — a temporary, approximately rounded stand-in for numfmt.c
 * (written by another engineer); build.mk drops this file once numfmt.c exists.
 * Digits come from double scaling, so the last digit of %.14g may be off by one
 * on rare inputs; %g (6 digits) is right for all ordinary values. */
#include "runtime/rt.h"

static double pow10i(int e)
{
    double r = 1, b = 10;
    unsigned n = e < 0 ? (unsigned)-e : (unsigned)e;
    while (n) {
        if (n & 1)
            r *= b;
        b *= b;
        n >>= 1;
    }
    return e < 0 ? 1 / r : r;
}

static int put_str(char *buf, const char *s)
{
    int n = 0;
    while (s[n]) {
        buf[n] = s[n];
        n++;
    }
    buf[n] = 0;
    return n;
}

int sox_format_g(double v, int precision, char *buf)
{
    int P = precision < 1 ? 1 : precision > 17 ? 17 : precision, len = 0;
    if (v != v)
        return put_str(buf, "nan");
    if (__builtin_signbit(v)) {
        buf[len++] = '-';
        v = -v;
    }
    if (v == __builtin_inf())
        return len + put_str(buf + len, "inf");
    if (v == 0)
        return len + put_str(buf + len, "0");
    int e = 0;
    double t = v;
    while (t >= 10) { t /= 10; e++; }
    while (t < 1) { t *= 10; e--; }
    /* P significant digits as an integer, rounded half to even */
    double scaled = e - (P - 1) < 0 ? v * pow10i(P - 1 - e) : v / pow10i(e - (P - 1));
    uint64_t digits = (uint64_t)scaled;
    double frac = scaled - (double)digits;
    if (frac > 0.5 || (frac == 0.5 && (digits & 1)))
        digits++;
    uint64_t limit = (uint64_t)pow10i(P);
    if (digits >= limit) {
        digits /= 10;
        e++;
    }
    char d[20];
    for (int i = P - 1; i >= 0; i--) {
        d[i] = (char)('0' + digits % 10);
        digits /= 10;
    }
    int nd = P;
    if (e < -4 || e >= P) {
        while (nd > 1 && d[nd - 1] == '0')
            nd--;
        buf[len++] = d[0];
        if (nd > 1) {
            buf[len++] = '.';
            for (int i = 1; i < nd; i++)
                buf[len++] = d[i];
        }
        buf[len++] = 'e';
        buf[len++] = e < 0 ? '-' : '+';
        int ae = e < 0 ? -e : e;
        if (ae >= 100)
            buf[len++] = (char)('0' + ae / 100);
        buf[len++] = (char)('0' + ae / 10 % 10);
        buf[len++] = (char)('0' + ae % 10);
    } else if (e >= 0) {
        while (nd > e + 1 && d[nd - 1] == '0')
            nd--;
        for (int i = 0; i <= e; i++)
            buf[len++] = d[i];
        if (nd > e + 1) {
            buf[len++] = '.';
            for (int i = e + 1; i < nd; i++)
                buf[len++] = d[i];
        }
    } else {
        while (nd > 1 && d[nd - 1] == '0')
            nd--;
        buf[len++] = '0';
        buf[len++] = '.';
        for (int i = 0; i < -e - 1; i++)
            buf[len++] = '0';
        for (int i = 0; i < nd; i++)
            buf[len++] = d[i];
    }
    buf[len] = 0;
    return len;
}

double sox_parse_number(const char *s, size_t len)
{
    double v = 0, scale = 1;
    size_t i = 0;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
        v = v * 10 + (s[i] - '0');
    if (i < len && s[i] == '.')
        for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
            scale /= 10;
            v += (s[i] - '0') * scale;
        }
    return v;
}
