/* numfmt.c — exact double <-> decimal conversions, freestanding (no library calls).
 *
 * Formatting (%.Pg).  A finite double is m * 2^e with an integer m < 2^53.  %.Pg
 * wants X = round(v / 10^t), the P significant digits of v, rounded half-to-even on
 * the exact binary value, where t = k - P + 1 and k = floor(log10 v).  Every case
 * below computes floor(v / 10^t) together with the class of the discarded rest
 * (zero, below half, exactly half, above half), which is all that rounding needs:
 *   - integers below 2^64 and numbers whose fraction ends within 64 bits use
 *     uint64_t division;
 *   - fractions with t >= -27 use one 64x64->128 multiply by 5^-t and a shift:
 *     v * 10^s = m * 5^s * 2^(e+s), and 5^27 < 2^63;
 *   - everything else (huge and tiny magnitudes) uses the same identities on a
 *     small big integer: m * 5^s shifted right, or m * 2^(e-t) divided by 5^t.
 * No result is approximated, so none can be off by one ulp.
 *
 * Parsing.  A literal is read as D * 10^q with D the significant digits.  Short
 * inputs take Clinger's fast path (D and 10^|q| exact doubles, one rounding).
 * Otherwise D becomes a big integer: for q >= 0 the product D * 10^q is exact and
 * rounded from its top bits; for q < 0 a first guess from the top 64 bits of D and
 * 5^-q is corrected by exact comparisons of D against the midpoints between
 * neighbouring doubles (scaled by 5^-q * 2^...), at most a few ulps of steps.
 */
#include "numfmt.h"
#include <stdint.h>

__extension__ typedef unsigned __int128 u128;

#define FRAC_MASK  ((UINT64_C(1) << 52) - 1)
#define HIDDEN_BIT (UINT64_C(1) << 52)
#define INF_BITS   UINT64_C(0x7ff0000000000000)
#define MIN_EXP    (-1074)     /* exponent of the subnormal unit, with m < 2^53 */
#define INF_EXP    972         /* (2^52, 972) encodes inf: one step above DBL_MAX */

enum Rest { REST_ZERO, REST_BELOW_HALF, REST_HALF, REST_ABOVE_HALF };

static const uint64_t pow10_u64[20] = {
    1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
    100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
    10000000000000ull, 100000000000000ull, 1000000000000000ull, 10000000000000000ull,
    100000000000000000ull, 1000000000000000000ull, 10000000000000000000ull,
};

/* 5^0 .. 5^27: the powers of five that fit in 64 bits. */
static const uint64_t pow5_u64[28] = {
    1ull, 5ull, 25ull, 125ull, 625ull, 3125ull, 15625ull, 78125ull, 390625ull,
    1953125ull, 9765625ull, 48828125ull, 244140625ull, 1220703125ull,
    6103515625ull, 30517578125ull, 152587890625ull, 762939453125ull,
    3814697265625ull, 19073486328125ull, 95367431640625ull, 476837158203125ull,
    2384185791015625ull, 11920928955078125ull, 59604644775390625ull,
    298023223876953125ull, 1490116119384765625ull, 7450580596923828125ull,
};

/* 10^0 .. 10^22: the powers of ten that are exact doubles. */
static const double pow10_double[23] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static const char digit_pairs[201] =
    "00010203040506070809101112131415161718192021222324"
    "25262728293031323334353637383940414243444546474849"
    "50515253545556575859606162636465666768697071727374"
    "75767778798081828384858687888990919293949596979899";

static uint64_t bits_of(double v)
{
    union { double d; uint64_t u; } x = { .d = v };
    return x.u;
}

static double double_of(uint64_t u)
{
    union { uint64_t u; double d; } x = { .u = u };
    return x.d;
}

static int bitlen64(uint64_t x)
{
    return x ? 64 - __builtin_clzll(x) : 0;
}

/* floor(E * log10(2)) for |E| <= 1100.  The constant is log10(2) * 2^32 rounded
 * down; its error times 1100 (< 3e-8) is far below the closest approach of
 * E * log10(2) to an integer in that range (about 4.5e-4, at E = 485). */
static int floor_log10_pow2(int E)
{
    return (int)(((int64_t)E * 1292913986) >> 32);
}

/* ---- Big integers ------------------------------------------------------------
 * Fixed capacity, no allocation.  The largest value ever built is a parse
 * comparison of about 2650 bits (781 digits against 5^1105 * a 55-bit midpoint);
 * formatting needs at most about 1100 bits. */
enum { BIG_LIMBS = 50 };

typedef struct {
    int len;                    /* limbs in use; the top one is nonzero */
    uint64_t limb[BIG_LIMBS];   /* little-endian, base 2^64 */
} Big;

static void big_set_u64(Big *b, uint64_t v)
{
    b->limb[0] = v;
    b->len = v != 0;
}

static void big_copy(Big *dst, const Big *src)
{
    dst->len = src->len;
    for (int i = 0; i < src->len; i++) dst->limb[i] = src->limb[i];
}

/* b = b * mul + add.  Growth past the capacity cannot happen within the limits
 * above; the check only keeps memory safe. */
static void big_mul_add(Big *b, uint64_t mul, uint64_t add)
{
    uint64_t carry = add;
    for (int i = 0; i < b->len; i++) {
        u128 p = (u128)b->limb[i] * mul + carry;
        b->limb[i] = (uint64_t)p;
        carry = (uint64_t)(p >> 64);
    }
    if (carry && b->len < BIG_LIMBS) b->limb[b->len++] = carry;
}

static void big_mul_pow5(Big *b, int n)
{
    for (; n >= 27; n -= 27) big_mul_add(b, pow5_u64[27], 0);
    if (n > 0) big_mul_add(b, pow5_u64[n], 0);
}

static void big_shl(Big *b, int bits)
{
    if (b->len == 0 || bits <= 0) return;
    int words = bits / 64, sh = bits % 64;
    int top = b->len + words;           /* index of the limb that receives the carry-out */
    if (top >= BIG_LIMBS) return;       /* unreachable within the limits above */
    uint64_t carry_out = sh ? b->limb[b->len - 1] >> (64 - sh) : 0;
    for (int i = b->len - 1; i >= 0; i--) {
        uint64_t from_below = (sh && i > 0) ? b->limb[i - 1] >> (64 - sh) : 0;
        b->limb[i + words] = (b->limb[i] << sh) | from_below;
    }
    for (int i = 0; i < words; i++) b->limb[i] = 0;
    b->limb[top] = carry_out;
    b->len = top + (carry_out != 0);
}

static int big_cmp(const Big *a, const Big *b)
{
    if (a->len != b->len) return a->len < b->len ? -1 : 1;
    for (int i = a->len - 1; i >= 0; i--)
        if (a->limb[i] != b->limb[i]) return a->limb[i] < b->limb[i] ? -1 : 1;
    return 0;
}

static int big_bitlen(const Big *b)
{
    return b->len ? 64 * (b->len - 1) + bitlen64(b->limb[b->len - 1]) : 0;
}

/* Bits [lo, lo + count) of b, count <= 64. */
static uint64_t big_bits(const Big *b, int lo, int count)
{
    int w = lo / 64, sh = lo % 64;
    uint64_t low = w < b->len ? b->limb[w] : 0, high = w + 1 < b->len ? b->limb[w + 1] : 0;
    uint64_t r = sh ? low >> sh | high << (64 - sh) : low;
    return count < 64 ? r & ((UINT64_C(1) << count) - 1) : r;
}

/* Is any bit below position `bit` set? */
static int big_any_below(const Big *b, int bit)
{
    int w = bit / 64, sh = bit % 64;
    for (int i = 0; i < w && i < b->len; i++)
        if (b->limb[i]) return 1;
    return sh && w < b->len && (b->limb[w] & ((UINT64_C(1) << sh) - 1)) != 0;
}

/* The top 64 bits of b, with its most significant bit at bit 63. */
static uint64_t big_top64(const Big *b)
{
    int L = big_bitlen(b);
    return L >= 64 ? big_bits(b, L - 64, 64) : big_bits(b, 0, 64) << (64 - L);
}

/* a = a - b, for a >= b. */
static void big_sub(Big *a, const Big *b)
{
    uint64_t borrow = 0;
    for (int i = 0; i < a->len && (i < b->len || borrow); i++) {
        uint64_t x = a->limb[i], y = i < b->len ? b->limb[i] : 0;
        a->limb[i] = x - y - borrow;
        borrow = x < y || (x - y) < borrow;
    }
    while (a->len > 0 && a->limb[a->len - 1] == 0) a->len--;
}

/* 5^(27 * k) for k <= POW5_CACHED, built on first use: formatting needs 5^s for
 * s up to 342, and one copy plus one multiplication beats a dozen of them.
 * (Single-threaded users only, like the rest of the runtime.) */
enum { POW5_CACHED = 12, POW5_CACHE_LIMBS = 13 };
static uint64_t pow5_cache[POW5_CACHED + 1][POW5_CACHE_LIMBS];
static int pow5_cache_len[POW5_CACHED + 1];

/* b = 5^n */
static void big_set_pow5(Big *b, int n)
{
    if (pow5_cache_len[0] == 0) {
        big_set_u64(b, 1);
        for (int k = 0; k <= POW5_CACHED; k++) {
            for (int i = 0; i < b->len; i++) pow5_cache[k][i] = b->limb[i];
            pow5_cache_len[k] = b->len;
            big_mul_add(b, pow5_u64[27], 0);
        }
    }
    int k = n / 27 <= POW5_CACHED ? n / 27 : POW5_CACHED;
    b->len = pow5_cache_len[k];
    for (int i = 0; i < b->len; i++) b->limb[i] = pow5_cache[k][i];
    big_mul_pow5(b, n - 27 * k);
}

/* Returns floor(N / D), which must be below 2^62, and leaves N = N mod D.  Each
 * round subtracts a multiple of D estimated from the leading 64 bits of both; the
 * estimate is scaled down by 2^-50 so that it never exceeds the true quotient
 * despite truncation and double rounding (relative error < 4 * 2^-53), and the
 * rest after one round is below 2^13 * D. */
static uint64_t big_divmod(Big *N, const Big *D)
{
    uint64_t q = 0;
    Big t;
    for (int round = 0; round < 3 && big_cmp(N, D) >= 0; round++) {
        double ratio = (double)big_top64(N) / (double)big_top64(D);
        int scale = big_bitlen(N) - big_bitlen(D);      /* 0..62 */
        double estimate = ratio * (double)(UINT64_C(1) << scale) * (1 - 0x1p-50);
        uint64_t qe = (uint64_t)estimate;
        if (qe == 0) break;
        big_copy(&t, D);
        big_mul_add(&t, qe, 0);
        big_sub(N, &t);
        q += qe;
    }
    /* At most two more subtractions remain; the bound only keeps a bug from
     * becoming a hang. */
    for (int extra = 0; extra < 8 && big_cmp(N, D) >= 0; extra++) {
        big_sub(N, D);
        q++;
    }
    return q;
}

/* ---- Formatting --------------------------------------------------------------- */

/* Digits of x that do not fit in n decimal places are dropped; x < 10^n expected. */
static void put_digits(char *out, uint64_t x, int n)
{
    while (n >= 2) {
        unsigned pair = (unsigned)(x % 100);
        x /= 100;
        n -= 2;
        out[n] = digit_pairs[2 * pair];
        out[n + 1] = digit_pairs[2 * pair + 1];
    }
    if (n) out[0] = (char)('0' + x % 10);
}

static int count_digits(uint64_t x)
{
    int t = (bitlen64(x | 1) * 1233) >> 12;     /* 1233 / 4096 ~ log10(2) */
    return t + (x >= pow10_u64[t]);
}

static char *copy_chars(char *p, const char *s, int n)
{
    for (int i = 0; i < n; i++) *p++ = s[i];
    return p;
}

/* The rest is a remainder r of a division by 2 * half, plus a nonzero tail below
 * r when tail is set. */
static int classify_u64(uint64_t r, uint64_t half, int tail)
{
    if (r < half) return (r == 0 && !tail) ? REST_ZERO : REST_BELOW_HALF;
    if (r == half) return tail ? REST_ABOVE_HALF : REST_HALF;
    return REST_ABOVE_HALF;
}

/* The same for a rest held as a bit at the half position and a tail below it. */
static int classify_bits(int half_bit, int below)
{
    if (half_bit) return below ? REST_ABOVE_HALF : REST_HALF;
    return below ? REST_BELOW_HALF : REST_ZERO;
}

/* floor(I / 10^t) for a number I + (a fraction, nonzero when tail is set). */
static uint64_t scale_down_u64(uint64_t I, int tail, int t, int *rest)
{
    uint64_t d = pow10_u64[t];
    *rest = classify_u64(I % d, d / 2, tail);
    return I / d;
}

/* floor(m * 2^e / 10^t) for a big integer m * 2^e, e > 11: the quotient of
 * N = m * 2^(e-t) by D = 5^t (moving the power of two to D when e < t).  The rest
 * is N mod D, compared with half of D. */
static uint64_t scale_down_big(uint64_t m, int e, int t, int *rest)
{
    Big N, D;
    big_set_u64(&N, m);
    big_shl(&N, e - t);
    big_set_pow5(&D, t);
    big_shl(&D, t - e);
    uint64_t X = big_divmod(&N, &D);
    if (N.len == 0) {
        *rest = REST_ZERO;
    } else {
        big_shl(&N, 1);
        int c = big_cmp(&N, &D);
        *rest = c < 0 ? REST_BELOW_HALF : c == 0 ? REST_HALF : REST_ABOVE_HALF;
    }
    return X;
}

/* Bits [pos, pos + 64) of the 128-bit number hi:lo, pos < 128.  (Variable shifts
 * of unsigned __int128 become libgcc calls at -Os on AArch64, so none are used.) */
static uint64_t u128_bits_from(uint64_t hi, uint64_t lo, int pos)
{
    if (pos == 0) return lo;
    if (pos < 64) return lo >> pos | hi << (64 - pos);
    return hi >> (pos - 64);
}

/* Is any bit of hi:lo below position pos set? */
static int u128_any_below(uint64_t hi, uint64_t lo, int pos)
{
    if (pos < 64) return (lo & ((UINT64_C(1) << pos) - 1)) != 0;
    return lo != 0 || (hi & ((UINT64_C(1) << (pos - 64)) - 1)) != 0;
}

/* floor(m * 2^e * 10^s) = (m * 5^s) >> (-e - s), s <= 27, exact in 128 bits. */
static uint64_t scale_up_small(uint64_t m, int e, int s, int *rest)
{
    u128 prod = (u128)m * pow5_u64[s];
    uint64_t hi = (uint64_t)(prod >> 64), lo = (uint64_t)prod;
    int sh = -e - s;
    if (sh <= 0) {                          /* then the product is below 10^18 */
        *rest = REST_ZERO;
        return lo << -sh;
    }
    *rest = classify_bits((int)(u128_bits_from(hi, lo, sh - 1) & 1), u128_any_below(hi, lo, sh - 1));
    return u128_bits_from(hi, lo, sh);
}

/* The same for tiny numbers (s > 27), with a big integer. */
static uint64_t scale_up_big(uint64_t m, int e, int s, int *rest)
{
    Big b;
    big_set_pow5(&b, s);
    big_mul_add(&b, m, 0);
    int sh = -e - s;
    if (sh <= 0) {
        big_shl(&b, -sh);
        *rest = REST_ZERO;
        return big_bits(&b, 0, 64);
    }
    *rest = classify_bits((int)big_bits(&b, sh - 1, 1), big_any_below(&b, sh - 1));
    return big_bits(&b, sh, 64);
}

/* x had one digit too many: fold its last digit into the rest. */
static uint64_t drop_digit(uint64_t x, int *rest)
{
    unsigned d = (unsigned)(x % 10);
    if (d == 0) *rest = *rest == REST_ZERO ? REST_ZERO : REST_BELOW_HALF;
    else if (d < 5) *rest = REST_BELOW_HALF;
    else if (d == 5) *rest = *rest == REST_ZERO ? REST_HALF : REST_ABOVE_HALF;
    else *rest = REST_ABOVE_HALF;
    return x / 10;
}

/* The P-digit decimal significand of m * 2^e (m > 0) rounded half-to-even, and its
 * decimal exponent in *k: v ~ X * 10^(*k - P + 1). */
static uint64_t decimal_digits(uint64_t m, int e, int P, int *k)
{
    int E = e + bitlen64(m) - 1;            /* 2^E <= v < 2^(E+1) */
    int kk = floor_log10_pow2(E);           /* k or k - 1 */
    int t = kk - P + 1;
    int rest;
    uint64_t X;
    if (t <= 0) {
        int s = -t;
        if (e >= 0) {                       /* v < 10^18: an exact small integer */
            X = (m << e) * pow10_u64[s];
            rest = REST_ZERO;
        } else if (s <= 27) {
            X = scale_up_small(m, e, s, &rest);
        } else {
            X = scale_up_big(m, e, s, &rest);
        }
    } else if (e < 0) {                     /* 10 <= v < 2^53: -e <= 52 */
        X = scale_down_u64(m >> -e, (m & ((UINT64_C(1) << -e) - 1)) != 0, t, &rest);
    } else if (e <= 11) {
        X = scale_down_u64(m << e, 0, t, &rest);
    } else {
        X = scale_down_big(m, e, t, &rest);
    }
    if (X >= pow10_u64[P]) {                /* the estimate of k was one low */
        X = drop_digit(X, &rest);
        kk++;
    }
    if (rest == REST_ABOVE_HALF || (rest == REST_HALF && (X & 1))) X++;
    if (X == pow10_u64[P]) {                /* 9.99..5 rounded up to 10.0 */
        X = pow10_u64[P - 1];
        kk++;
    }
    *k = kk;
    return X;
}

/* %g layout of the P digits of X with decimal exponent k: style e when k < -4 or
 * k >= P, style f otherwise; trailing zeros and a bare point removed. */
static char *write_g(char *p, uint64_t X, int k, int P)
{
    char d[20];
    put_digits(d, X, P);
    int n = P;
    while (n > 1 && d[n - 1] == '0') n--;
    if (k < -4 || k >= P) {
        *p++ = d[0];
        if (n > 1) {
            *p++ = '.';
            p = copy_chars(p, d + 1, n - 1);
        }
        *p++ = 'e';
        *p++ = k < 0 ? '-' : '+';
        int ak = k < 0 ? -k : k;
        if (ak >= 100) {
            *p++ = (char)('0' + ak / 100);
            ak %= 100;
        }
        *p++ = (char)('0' + ak / 10);
        *p++ = (char)('0' + ak % 10);
    } else if (k >= 0) {
        p = copy_chars(p, d, k + 1);
        if (n > k + 1) {
            *p++ = '.';
            p = copy_chars(p, d + k + 1, n - k - 1);
        }
    } else {
        *p++ = '0';
        *p++ = '.';
        for (int i = -1; i > k; i--) *p++ = '0';
        p = copy_chars(p, d, n);
    }
    return p;
}

static char *format_finite(char *p, int biased, uint64_t frac, int P)
{
    uint64_t m = biased ? frac | HIDDEN_BIT : frac;
    int e = biased ? biased - 1075 : MIN_EXP;
    /* The hot case: an integer that fits in P digits prints as itself. */
    int is_u64_integer = e >= 0 ? e <= 11 : (e >= -52 && (m & ((UINT64_C(1) << -e) - 1)) == 0);
    if (is_u64_integer) {
        uint64_t I = e >= 0 ? m << e : m >> -e;
        int n = count_digits(I);
        if (n <= P) {
            put_digits(p, I, n);
            return p + n;
        }
    }
    int k;
    uint64_t X = decimal_digits(m, e, P, &k);
    return write_g(p, X, k, P);
}

int sox_format_g(double v, int precision, char *buf)
{
    uint64_t bits = bits_of(v);
    int biased = (int)(bits >> 52) & 0x7ff;
    uint64_t frac = bits & FRAC_MASK;
    char *p = buf;
    if (biased == 0x7ff && frac != 0) {
        p = copy_chars(p, "nan", 3);    /* never "-nan": DESIGN.md §6 */
    } else {
        if (bits >> 63) *p++ = '-';
        if (biased == 0x7ff) {
            p = copy_chars(p, "inf", 3);
        } else if (biased == 0 && frac == 0) {
            *p++ = '0';
        } else {
            int P = precision < 1 ? 1 : precision > 17 ? 17 : precision;
            p = format_finite(p, biased, frac, P);
        }
    }
    *p = '\0';
    return (int)(p - buf);
}

/* ---- Parsing ------------------------------------------------------------------ */

/* Any double has at most 767 significant decimal digits, and any midpoint between
 * two neighbouring doubles at most 768 (both reached just below 2^-1022).  Keeping
 * 780 digits plus one nonzero "sticky" digit for a nonzero dropped tail therefore
 * puts the value on the same side of every midpoint as the full input, and keeps
 * the big integers bounded. */
enum { MAX_SIG_DIGITS = 780 };

/* A candidate result m * 2^e: 2^52 <= m < 2^53 and MIN_EXP <= e < INF_EXP, or a
 * subnormal/zero (e == MIN_EXP, m < 2^52), or inf (m == 2^52, e == INF_EXP). */
typedef struct {
    uint64_t m;
    int e;
} Candidate;

static double candidate_to_double(Candidate c)
{
    if (c.m < HIDDEN_BIT) return double_of(c.m);           /* subnormal or zero */
    if (c.e >= INF_EXP) return double_of(INF_BITS);
    return double_of((uint64_t)(c.e + 1075) << 52 | (c.m & FRAC_MASK));
}

static Candidate next_candidate(Candidate c)
{
    c.m++;
    if (c.m >> 53) {
        c.m = HIDDEN_BIT;
        c.e++;
    }
    return c;
}

static Candidate prev_candidate(Candidate c)
{
    if (c.m == HIDDEN_BIT && c.e > MIN_EXP) {
        c.m = (UINT64_C(1) << 53) - 1;
        c.e--;
    } else {
        c.m--;
    }
    return c;
}

/* Rounds a big integer to the nearest double. */
static double big_to_double(const Big *x)
{
    int L = big_bitlen(x);
    if (L <= 53) return (double)big_bits(x, 0, 64);
    uint64_t top = big_bits(x, L - 54, 54);         /* 53 bits and the rounding bit */
    uint64_t mant = top >> 1;
    if ((top & 1) && (big_any_below(x, L - 54) || (mant & 1))) mant++;
    Candidate c = { mant, L - 53 };
    if (mant >> 53) c = (Candidate){ HIDDEN_BIT, L - 52 };
    return candidate_to_double(c);
}

/* A guess within a few ulps of D / (5^n * 2^n). */
static Candidate approximate_quotient(const Big *D, const Big *pow5n, int n)
{
    double r = (double)big_top64(D) / (double)big_top64(pow5n);  /* in (1/2, 2) */
    uint64_t rb = bits_of(r);
    Candidate c = { (rb & FRAC_MASK) | HIDDEN_BIT,
                    (int)(rb >> 52) - 1075 + big_bitlen(D) - big_bitlen(pow5n) - n };
    if (c.e >= INF_EXP) return (Candidate){ HIDDEN_BIT, INF_EXP };
    if (c.e < MIN_EXP) {
        int shift = MIN_EXP - c.e;
        c.m = shift > 53 ? 0 : c.m >> shift;
        c.e = MIN_EXP;
    }
    return c;
}

/* Compares D / (5^n * 2^n) with the midpoint of the neighbours a < b. */
static int compare_with_midpoint(const Big *D, const Big *pow5n, int n, Candidate a, Candidate b)
{
    uint64_t M = a.m + (b.m << (b.e - a.e));        /* midpoint = M * 2^(a.e - 1) */
    int x = a.e - 1 + n;                            /* D vs M * 5^n * 2^x */
    Big rhs;
    big_copy(&rhs, pow5n);
    big_mul_add(&rhs, M, 0);
    if (x >= 0) {
        big_shl(&rhs, x);
        return big_cmp(D, &rhs);
    }
    Big lhs;
    big_copy(&lhs, D);
    big_shl(&lhs, -x);
    return big_cmp(&lhs, &rhs);
}

/* The double nearest to D / 10^n, ties to even. */
static double nearest_quotient(const Big *D, int n)
{
    Big pow5n;
    big_set_pow5(&pow5n, n);
    Candidate c = approximate_quotient(D, &pow5n, n);
    /* Each step moves one ulp toward the value; the guess is a few ulps off.  The
     * bound only guards against a bug turning into a hang. */
    for (int step = 0; step < 64; step++) {
        if (c.e < INF_EXP) {
            Candidate up = next_candidate(c);
            int cmp = compare_with_midpoint(D, &pow5n, n, c, up);
            if (cmp > 0) {
                c = up;
                continue;
            }
            if (cmp == 0) {
                if (c.m & 1) c = up;
                break;
            }
        }
        if (c.m != 0) {
            Candidate down = prev_candidate(c);
            int cmp = compare_with_midpoint(D, &pow5n, n, down, c);
            if (cmp < 0) {
                c = down;
                continue;
            }
            if (cmp == 0 && (c.m & 1)) c = down;
        }
        break;
    }
    return candidate_to_double(c);
}

static double parse_slow(const unsigned char *sig, int nd, int q)
{
    Big D;
    D.len = 0;
    for (int i = 0; i < nd;) {
        uint64_t chunk = 0;
        int n = 0;
        for (; n < 19 && i < nd; n++, i++) chunk = chunk * 10 + sig[i];
        big_mul_add(&D, pow10_u64[n], chunk);
    }
    if (q >= 0) {
        big_mul_pow5(&D, q);
        big_shl(&D, q);
        return big_to_double(&D);
    }
    return nearest_quotient(&D, -q);
}

double sox_parse_number(const char *s, size_t len)
{
    unsigned char sig[MAX_SIG_DIGITS + 1];
    int nd = 0, seen_point = 0, dropped_nonzero = 0;
    int64_t q = 0;                  /* value = sig * 10^q */
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '.' && !seen_point) {
            seen_point = 1;
            continue;
        }
        if (c < '0' || c > '9') break;
        if (nd == 0 && c == '0') {          /* leading zero */
            q -= seen_point;
        } else if (nd < MAX_SIG_DIGITS) {
            sig[nd++] = (unsigned char)(c - '0');
            q -= seen_point;
        } else {
            dropped_nonzero |= c != '0';
            q += !seen_point;
        }
    }
    if (dropped_nonzero) {
        sig[nd++] = 1;
        q--;
    } else {
        while (nd > 0 && sig[nd - 1] == 0) {
            nd--;
            q++;
        }
    }
    if (nd == 0) return 0.0;
    int64_t lead_exp = nd + q - 1;          /* 10^lead_exp <= value < 10^(lead_exp+1) */
    if (lead_exp > 309) return double_of(INF_BITS);
    if (lead_exp < -325) return 0.0;        /* below 10^-324, half the least subnormal */
    if (nd <= 19) {
        uint64_t w = 0;
        for (int i = 0; i < nd; i++) w = w * 10 + sig[i];
        if (w <= UINT64_C(1) << 53) {       /* Clinger: exact operands, one rounding */
            if (q >= 0 && q <= 22) return (double)w * pow10_double[q];
            if (q < 0 && q >= -22) return (double)w / pow10_double[-q];
            /* w * 10^q = (w * 10^(q-22)) * 10^22, exact while w * 10^(q-22) <= 2^53 */
            int64_t i = 22;
            for (; i < q && w <= UINT64_C(1) << 53; i++) w *= 10;
            if (i == q && w <= UINT64_C(1) << 53) return (double)w * pow10_double[22];
        }
    }
    return parse_slow(sig, nd, (int)q);
}
