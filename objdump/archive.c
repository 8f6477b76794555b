/* archive.c — see archive.h. */
#include "objdump/archive.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define AR_MAGIC "!<arch>\n"
enum { AR_MAGIC_LEN = 8, AR_HEADER = 60, AR_NAME = 16, AR_SIZE_AT = 48, AR_SIZE_LEN = 10 };

static int fail(ArIter *it, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(ArIter *it, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(it->error, sizeof it->error, fmt, ap);
    va_end(ap);
    return -1;
}

bool ar_is_archive(const uint8_t *data, size_t size) {
    return size >= AR_MAGIC_LEN && memcmp(data, AR_MAGIC, AR_MAGIC_LEN) == 0;
}

void ar_begin(ArIter *it, const uint8_t *data, size_t size) {
    memset(it, 0, sizeof *it);
    it->data = data;
    it->size = size;
    it->pos = AR_MAGIC_LEN;
}

/* A decimal field padded with spaces; returns false if anything else is in it. */
static bool parse_decimal(const uint8_t *p, size_t len, uint64_t *out) {
    size_t i = 0;
    uint64_t v = 0;
    while (i < len && p[i] >= '0' && p[i] <= '9')
        v = v * 10 + (uint64_t)(p[i++] - '0');
    if (i == 0)
        return false;
    for (; i < len; i++)
        if (p[i] != ' ')
            return false;
    *out = v;
    return true;
}

/* A space-padded number field read leniently (digits up to the first non-digit). */
static unsigned long long header_number(const uint8_t *p, size_t len, unsigned base) {
    unsigned long long v = 0;
    for (size_t i = 0; i < len && p[i] >= '0' && p[i] < '0' + (int)base; i++)
        v = v * base + (unsigned)(p[i] - '0');
    return v;
}

static void copy_name(ArMember *m, const char *s, size_t len) {
    if (len >= sizeof m->name)
        len = sizeof m->name - 1;
    memcpy(m->name, s, len);
    m->name[len] = 0;
}

/* Resolves "/123" against the long-name table, whose entries end in "/\n". */
static int long_name(ArIter *it, ArMember *m, const uint8_t *hdr) {
    uint64_t off;
    size_t digits = 1;
    while (digits < AR_NAME && hdr[digits] != ' ')
        digits++;
    if (!parse_decimal(hdr + 1, AR_NAME - 1, &off) || !it->long_names || off >= it->long_names_size)
        return fail(it, "bad long member name reference '%.*s' at offset 0x%zx", (int)digits, hdr,
                    m->header_offset);
    const char *s = it->long_names + off;
    size_t max = it->long_names_size - off, len = 0;
    while (len < max && s[len] != '\n' && !(s[len] == '/' && (len + 1 == max || s[len + 1] == '\n')))
        len++;
    copy_name(m, s, len);
    return 1;
}

/* Short names end in '/' (GNU) or are space padded (BSD without the long form). */
static void short_name(ArMember *m, const uint8_t *hdr) {
    size_t len = AR_NAME;
    while (len > 0 && hdr[len - 1] == ' ')
        len--;
    if (len > 0 && hdr[len - 1] == '/')
        len--;
    copy_name(m, (const char *)hdr, len);
}

/* BSD "#1/<len>": the name is the first <len> bytes of the member data. */
static int bsd_name(ArIter *it, ArMember *m, const uint8_t *hdr) {
    uint64_t len;
    if (!parse_decimal(hdr + 3, AR_NAME - 3, &len) || len > m->size)
        return fail(it, "bad BSD member name length at offset 0x%zx", m->header_offset);
    copy_name(m, (const char *)m->data, (size_t)len);
    m->data += len;
    m->size -= (size_t)len;
    return 1;
}

/* Reads the header at it->pos and advances past the member; 0 at end, -1 on error. */
static int read_member(ArIter *it, ArMember *m, const uint8_t **hdr_out) {
    if (it->pos >= it->size)
        return 0;
    size_t at = it->pos;
    if (it->size - at < AR_HEADER)
        return fail(it, "truncated archive member header at offset 0x%zx", at);
    const uint8_t *hdr = it->data + at;
    uint64_t size;
    if (hdr[58] != '`' || hdr[59] != '\n')
        return fail(it, "bad archive member header magic at offset 0x%zx", at + 58);
    if (!parse_decimal(hdr + AR_SIZE_AT, AR_SIZE_LEN, &size))
        return fail(it, "bad archive member size '%.10s' at offset 0x%zx", (const char *)hdr + AR_SIZE_AT,
                    at + AR_SIZE_AT);
    if (size > it->size - at - AR_HEADER)
        return fail(it, "archive member at offset 0x%zx (size %llu) runs past the end of the file", at,
                    (unsigned long long)size);
    memset(m, 0, sizeof *m);
    m->header_offset = at;
    m->date = header_number(hdr + 16, 12, 10);
    m->uid = header_number(hdr + 28, 6, 10);
    m->gid = header_number(hdr + 34, 6, 10);
    m->mode = header_number(hdr + 40, 8, 8);
    m->data = hdr + AR_HEADER;
    m->size = (size_t)size;
    it->pos = at + AR_HEADER + (size_t)size;
    it->pos += it->pos & 1;     /* members are padded to an even offset */
    *hdr_out = hdr;
    return 1;
}

static bool name_is(const uint8_t *hdr, const char *s) {
    size_t n = strlen(s);
    for (size_t i = n; i < AR_NAME; i++)
        if (hdr[i] != ' ')
            return false;
    return memcmp(hdr, s, n) == 0;
}

int ar_next(ArIter *it, ArMember *m) {
    for (;;) {
        const uint8_t *hdr = NULL;
        int rc = read_member(it, m, &hdr);
        if (rc <= 0)
            return rc;
        if (name_is(hdr, "/") || name_is(hdr, "/SYM64/") || name_is(hdr, "__.SYMDEF") ||
            name_is(hdr, "__.SYMDEF SORTED"))
            continue;           /* symbol index: not a member users asked about */
        if (name_is(hdr, "//")) {
            it->long_names = (const char *)m->data;
            it->long_names_size = m->size;
            continue;
        }
        if (hdr[0] == '/' && hdr[1] >= '0' && hdr[1] <= '9')
            return long_name(it, m, hdr);
        if (memcmp(hdr, "#1/", 3) == 0)
            return bsd_name(it, m, hdr);
        short_name(m, hdr);
        return 1;
    }
}
