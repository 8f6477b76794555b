#include "buf.h"
#include "diag.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *check(void *p) {
    if (!p)
        fatal("out of memory");
    return p;
}

void *xmalloc(size_t n) { return check(malloc(n ? n : 1)); }
void *xcalloc(size_t count, size_t size) { return check(calloc(count ? count : 1, size ? size : 1)); }
void *xrealloc(void *p, size_t n) { return check(realloc(p, n ? n : 1)); }
char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *xstrndup(const char *s, size_t n) {
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *xformat(const char *fmt, ...) {
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    buf_u8(&b, 0);
    return (char *)b.data;
}

void buf_reserve(Buf *b, size_t extra) {
    if (b->len + extra <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra)
        cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

void buf_append(Buf *b, const void *p, size_t n) {
    if (n == 0)
        return;
    buf_reserve(b, n);
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

void buf_zero(Buf *b, size_t n) {
    buf_reserve(b, n);
    memset(b->data + b->len, 0, n);
    b->len += n;
}

void buf_u8(Buf *b, uint8_t v) { buf_reserve(b, 1); b->data[b->len++] = v; }
void buf_u16(Buf *b, uint16_t v) { buf_reserve(b, 2); put_u16(b->data + b->len, v); b->len += 2; }
void buf_u32(Buf *b, uint32_t v) { buf_reserve(b, 4); put_u32(b->data + b->len, v); b->len += 4; }
void buf_u64(Buf *b, uint64_t v) { buf_reserve(b, 8); put_u64(b->data + b->len, v); b->len += 8; }
void buf_str(Buf *b, const char *s) { buf_append(b, s, strlen(s)); }

void buf_vprintf(Buf *b, const char *fmt, va_list ap) {
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return;
    buf_reserve(b, (size_t)n + 1);
    vsnprintf((char *)b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void buf_printf(Buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void buf_align(Buf *b, size_t align) {
    if (align > 1 && b->len % align)
        buf_zero(b, align - b->len % align);
}

void buf_free(Buf *b) {
    free(b->data);
    *b = (Buf){0};
}

/* ---- buf_fmt: the fast formatter (see buf.h) ---- */

static char *dec_digits(char *end, uint64_t v) {
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return end;
}

void buf_dec(Buf *b, int64_t v) {
    char tmp[24], *end = tmp + sizeof tmp;
    char *p = dec_digits(end, v < 0 ? 0 - (uint64_t)v : (uint64_t)v);
    if (v < 0)
        *--p = '-';
    buf_append(b, p, (size_t)(end - p));
}

static void buf_udec(Buf *b, uint64_t v) {
    char tmp[24], *end = tmp + sizeof tmp;
    char *p = dec_digits(end, v);
    buf_append(b, p, (size_t)(end - p));
}

void buf_hex(Buf *b, uint64_t v) {
    char tmp[16], *end = tmp + sizeof tmp, *p = end;
    do {
        *--p = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v);
    buf_append(b, p, (size_t)(end - p));
}

/* One conversion at *f (just after the '%'); returns the character after it. */
static const char *fmt_one(Buf *b, const char *f, va_list *ap) {
    if (f[0] == '.' && f[1] == '*' && f[2] == 's') {
        int n = va_arg(*ap, int);
        buf_append(b, va_arg(*ap, const char *), n > 0 ? (size_t)n : 0);
        return f + 3;
    }
    int size = 0;                          /* 0 int, 1 long, 2 long long, 3 size_t */
    if (*f == 'z') size = 3, f++;
    else if (f[0] == 'l' && f[1] == 'l') size = 2, f += 2;
    else if (*f == 'l') size = 1, f++;
    switch (*f) {
    case 's': buf_str(b, va_arg(*ap, const char *)); break;
    case 'c': buf_u8(b, (uint8_t)va_arg(*ap, int)); break;
    case '%': buf_u8(b, '%'); break;
    case 'd': case 'i':
        buf_dec(b, size == 0 ? va_arg(*ap, int) : size == 1 ? va_arg(*ap, long)
                   : size == 2 ? va_arg(*ap, long long) : (int64_t)va_arg(*ap, size_t));
        break;
    case 'u': case 'x': {
        uint64_t v = size == 0 ? va_arg(*ap, unsigned) : size == 1 ? va_arg(*ap, unsigned long)
                   : size == 2 ? va_arg(*ap, unsigned long long) : va_arg(*ap, size_t);
        if (*f == 'u') buf_udec(b, v);
        else buf_hex(b, v);
        break;
    }
    default: fatal("internal error: buf_fmt does not support '%%%c'", *f);
    }
    return f + 1;
}

void buf_vfmt(Buf *b, const char *fmt, va_list ap) {
    va_list copy;
    va_copy(copy, ap);     /* passed by address: portable where va_list is an array */
    for (const char *p = fmt;;) {
        const char *q = p;
        while (*q && *q != '%') q++;
        buf_append(b, p, (size_t)(q - p));
        if (!*q) break;
        p = fmt_one(b, q + 1, &copy);
    }
    va_end(copy);
}

void buf_fmt(Buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    buf_vfmt(b, fmt, ap);
    va_end(ap);
}
