/* buf.h — growable byte buffers and small allocation helpers (abort on OOM with a message). */
#ifndef SOX_BUF_H
#define SOX_BUF_H
#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xformat(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

typedef struct Buf { uint8_t *data; size_t len, cap; } Buf;

void buf_reserve(Buf *b, size_t extra);
void buf_append(Buf *b, const void *p, size_t n);
void buf_zero(Buf *b, size_t n);            /* append n zero bytes */
void buf_u8(Buf *b, uint8_t v);
void buf_u16(Buf *b, uint16_t v);           /* little-endian */
void buf_u32(Buf *b, uint32_t v);
void buf_u64(Buf *b, uint64_t v);
void buf_str(Buf *b, const char *s);        /* without the NUL */
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
void buf_align(Buf *b, size_t align);       /* pad with zeros */
void buf_free(Buf *b);

/* A small formatter for hot text paths (the compiler's assembly): %s %.*s %c %d %u
 * %x with the l/ll/z length modifiers, and %%; no widths, flags or precision on
 * numbers (anything else is an internal error).  One pass straight into the
 * buffer, with none of vsnprintf's stream set-up, locale and double formatting. */
void buf_fmt(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vfmt(Buf *b, const char *fmt, va_list ap);
void buf_dec(Buf *b, int64_t v);            /* decimal */
void buf_hex(Buf *b, uint64_t v);           /* lowercase hex digits, no 0x */

static inline void put_u16(uint8_t *p, uint16_t v) { p[0] = v; p[1] = v >> 8; }
static inline void put_u32(uint8_t *p, uint32_t v) { for (int i = 0; i < 4; i++) p[i] = v >> (8 * i); }
static inline void put_u64(uint8_t *p, uint64_t v) { for (int i = 0; i < 8; i++) p[i] = v >> (8 * i); }
static inline uint16_t get_u16(const uint8_t *p) { return p[0] | p[1] << 8; }
static inline uint32_t get_u32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static inline uint64_t get_u64(const uint8_t *p) { return get_u32(p) | (uint64_t)get_u32(p + 4) << 32; }
#endif
