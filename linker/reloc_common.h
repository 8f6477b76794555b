/* reloc_common.h — range-checked writers shared by the per-target relocation files. */
#ifndef SOXLD_RELOC_COMMON_H
#define SOXLD_RELOC_COMMON_H
#include "linker/ld.h"
#include "common/buf.h"

static inline RelocResult reloc_ok(void) { return (RelocResult){RR_OK, 0, 0, 0}; }

/* Checks lo <= v <= hi. */
static inline RelocResult reloc_check(int64_t v, int64_t lo, int64_t hi) {
    if (v < lo || v > hi)
        return (RelocResult){RR_OVERFLOW, v, lo, hi};
    return reloc_ok();
}

static inline RelocResult reloc_check_align(int64_t v, int64_t align) {
    if (v & (align - 1))
        return (RelocResult){RR_MISALIGNED, v, 0, align};
    return reloc_ok();
}

/* Signed n-bit range, and the "either signed or unsigned n bits" range of data words. */
#define SIGNED_RANGE(v, n) reloc_check((v), -((int64_t)1 << ((n) - 1)), ((int64_t)1 << ((n) - 1)) - 1)
#define WORD_RANGE(v, n) reloc_check((v), -((int64_t)1 << ((n) - 1)), ((int64_t)1 << (n)) - 1)
#define UNSIGNED_RANGE(v, n) reloc_check((v), 0, ((int64_t)1 << (n)) - 1)
#endif
