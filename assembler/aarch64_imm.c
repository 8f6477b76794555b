/* aarch64_imm.c — the three compressed immediate formats of AArch64:
 * logical (bitmask) immediates, the 8-bit floating point immediate of fmov, and
 * the AdvSIMD "modified immediate" of movi/mvni.  Each encoder either returns the
 * exact field bits or -1, so callers can fall back to another form (mov picks
 * movz, movn, then orr exactly like GNU as). */
#include <math.h>
#include "assembler/aarch64.h"

static uint64_t ones(int n) { return n >= 64 ? ~0ULL : (1ULL << n) - 1; }

static uint64_t ror_bits(uint64_t v, int r, int width)
{
    if (r == 0) return v;
    return ((v >> r) | (v << (width - r))) & ones(width);
}

/* A logical immediate is a 2/4/.../64-bit element, replicated, whose bits are a
 * rotated run of ones.  Example: 0x00ff00ff00ff00ff is the 16-bit element 0x00ff
 * (8 ones, no rotation) -> N=0 immr=0 imms=0b100111. */
int a64_encode_bitmask(uint64_t imm, int width)
{
    if (width == 32) {
        imm &= 0xffffffffULL;
        imm |= imm << 32;
    }
    if (imm == 0 || imm == ~0ULL) return -1;
    int size = 64;
    while (size > 2) {                    /* smallest element that replicates to imm */
        int half = size / 2;
        if ((imm & ones(half)) != ((imm >> half) & ones(half))) break;
        size = half;
    }
    uint64_t elem = imm & ones(size);
    int count = __builtin_popcountll(elem);
    uint64_t run = ones(count);
    for (int r = 0; r < size; r++) {
        if (ror_bits(run, r, size) != elem) continue;
        int imms = (int)((~(unsigned)(size - 1) << 1 | (unsigned)(count - 1)) & 0x3f);
        int n = size == 64;
        return n << 12 | r << 6 | imms;
    }
    return -1;
}

/* imm8 = a:bcd:efgh stands for (-1)^a * (16 + efgh) / 16 * 2^e, where the 3-bit
 * field bcd maps to e = (bcd ^ 4) - 3, i.e. -3..4.  256 candidates: try them all. */
int a64_encode_fp8(double v)
{
    /* imm8 = a:bcd:efgh stands for (-1)^a * (16 + efgh) / 16 * 2^e, e = (bcd ^ 4) - 3 */
    double m = fabs(v);
    if (!(m >= 0.125 && m <= 31.0)) return -1;   /* also rejects NaN */
    int e = 0;
    while (m >= 2.0) { m /= 2; e++; }   /* exact: scaling by two */
    while (m < 1.0) { m *= 2; e--; }
    double f = (m - 1.0) * 16.0;
    if (f != (double)(int)f || e < -3 || e > 4) return -1;
    int imm8 = ((e + 3) ^ 4) << 4 | (int)f;
    return signbit(v) ? imm8 | 0x80 : imm8;
}

static int pack_simd(int op, int cmode, int imm8) { return op << 12 | cmode << 8 | imm8; }

/* The 64-bit form: every byte of imm is 0x00 or 0xff and becomes one bit. */
static int simd_bytemask(uint64_t imm)
{
    int imm8 = 0;
    for (int i = 0; i < 8; i++) {
        int byte = (imm >> (8 * i)) & 0xff;
        if (byte == 0xff) imm8 |= 1 << i;
        else if (byte != 0) return -1;
    }
    return imm8;
}

/* cmode for a 16- or 32-bit element shifted left by 'shift'. */
static int simd_lsl_cmode(int elem_bits, int shift)
{
    if (shift % 8 || shift >= elem_bits) return -1;
    return elem_bits == 16 ? 0x8 | (shift / 8) << 1 : (shift / 8) << 1;
}

int a64_encode_simd_imm(uint64_t imm, int elem_bits, int shift_kind, int shift, bool invert)
{
    int op = invert;
    switch (elem_bits) {
    case 8:
        if (invert || shift || imm > 0xff) return -1;
        return pack_simd(0, 0xe, (int)imm);
    case 64: {
        if (invert || shift) return -1;
        int imm8 = simd_bytemask(imm);
        return imm8 < 0 ? -1 : pack_simd(1, 0xe, imm8);
    }
    case 16:
    case 32:
        if (shift_kind == SH_MSL) {
            if (elem_bits != 32 || (shift != 8 && shift != 16) || imm > 0xff) return -1;
            return pack_simd(op, shift == 8 ? 0xc : 0xd, (int)imm);
        }
        if (shift < 0) {                  /* no shift written: find one that fits */
            for (shift = 0; shift < elem_bits; shift += 8)
                if ((imm & ~(0xffULL << shift)) == 0) break;
            if (shift >= elem_bits) return -1;
            imm >>= shift;
        }
        if (imm > 0xff) return -1;
        int cmode = simd_lsl_cmode(elem_bits, shift);
        return cmode < 0 ? -1 : pack_simd(op, cmode, (int)imm);
    }
    return -1;
}
