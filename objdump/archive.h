/* archive.h — iterating over the members of a System V / GNU `ar` archive in memory.
 *
 * Understands the GNU symbol table ("/" and "/SYM64/"), the long-name table ("//" with
 * "/<offset>" references) and BSD "#1/<len>" names.  Every header field is checked; the
 * iterator reports the offset of the first bad header. */
#ifndef SOX_OBJDUMP_ARCHIVE_H
#define SOX_OBJDUMP_ARCHIVE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ArMember {
    char name[256];             /* truncated if longer */
    const uint8_t *data;
    size_t size;
    size_t header_offset;       /* where the member's 60-byte header starts */
    /* Header fields shown by -a; 0 when a field is not a number (they do not matter to us). */
    unsigned long long date, uid, gid, mode;
} ArMember;

typedef struct ArIter {
    const uint8_t *data;
    size_t size, pos;
    const char *long_names;     /* contents of the "//" member, if any */
    size_t long_names_size;
    char error[256];
} ArIter;

bool ar_is_archive(const uint8_t *data, size_t size);
void ar_begin(ArIter *it, const uint8_t *data, size_t size);
/* Fills *m with the next regular member and returns 1; returns 0 at the end, or -1 with
 * it->error set when a header is malformed. */
int ar_next(ArIter *it, ArMember *m);
#endif
