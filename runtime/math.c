/* math.c — the math Sox needs, without libm.
 *   sqrt: the hardware instruction (sqrtsd / fsqrt), correctly rounded.
 *   floor/ceil/trunc/round: exact bit manipulation.
 *   sin/cos/tan: Cody-Waite reduction by pi/2 (three-part constant) into a
 *     double-double remainder, then Taylor polynomials on [-pi/4, pi/4], which
 *     converge far below an ulp there; tan divides in double-double.
 *   pow: exp(y*log(x)) carried in double-double arithmetic, with C99's special
 *     cases; integral exponents use double-double repeated squaring.
 *   rand: glibc's TYPE_3 additive feedback generator, so mathRandom sequences
 *     match a C program's rand() after the same srand(). */
#include "runtime/rt.h"

static uint64_t bits_of(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static double double_of(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }
static double fabs_(double x) { return double_of(bits_of(x) & ~SOX_SIGN); }
static bool is_nan(double x) { return x != x; }
static bool is_inf(double x) { return fabs_(x) == __builtin_inf(); }

double rt_sqrt(double x)
{
#if defined(__x86_64__)
    __asm__("sqrtsd %1, %0" : "=x"(x) : "x"(x));
#else
    __asm__("fsqrt %d0, %d1" : "=w"(x) : "w"(x));
#endif
    return x;
}

double rt_trunc(double x)
{
    uint64_t u = bits_of(x);
    int e = (int)((u >> 52) & 0x7ff) - 1023;
    if (e >= 52)
        return x;                       /* integral, inf or nan */
    if (e < 0)
        return double_of(u & SOX_SIGN); /* |x| < 1: signed zero */
    return double_of(u & ~((1ull << (52 - e)) - 1));
}

double rt_floor(double x)
{
    double t = rt_trunc(x);
    return t > x ? t - 1 : t;
}

double rt_ceil(double x)
{
    double t = rt_trunc(x);
    return t < x ? t + 1 : t;
}

double rt_round(double x)          /* half away from zero, like C round() */
{
    double t = rt_trunc(x);
    if (fabs_(x - t) >= 0.5)
        t += x < 0 ? -1 : 1;
    return t;
}

double rt_fmod(double x, double y)  /* only used with integral, small operands */
{
    return x - rt_trunc(x / y) * y;
}


/* ---- sin, cos, tan ------------------------------------------------------------------ */

static const double PIO2_1 = 0x1.921fb544p+0;        /* 33 bits of pi/2 */
static const double PIO2_2 = 0x1.0b4611a6p-34;       /* the next 33 */
static const double PIO2_3 = 0x1.3198a2e037073p-69;  /* the rest */
static const double TWO_OVER_PI = 0x1.45f306dc9c883p-1;

/* ---- double-double arithmetic (trig remainders, tan, pow) ------------------------ */

typedef struct DD { double hi, lo; } DD;

static DD two_sum(double a, double b)
{
    double s = a + b, bb = s - a;
    return (DD){ s, (a - (s - bb)) + (b - bb) };
}

static DD two_prod(double a, double b)
{
    const double split = 134217729.0;   /* 2^27 + 1: Veltkamp splitting */
    double p = a * b;
    double ta = split * a, ah = ta - (ta - a), al = a - ah;
    double tb = split * b, bh = tb - (tb - b), bl = b - bh;
    return (DD){ p, ((ah * bh - p) + ah * bl + al * bh) + al * bl };
}

static DD dd_add(DD a, DD b)
{
    DD s = two_sum(a.hi, b.hi);
    s.lo += a.lo + b.lo;
    return two_sum(s.hi, s.lo);
}

static DD dd_mul(DD a, DD b)
{
    DD p = two_prod(a.hi, b.hi);
    p.lo += a.hi * b.lo + a.lo * b.hi;
    return two_sum(p.hi, p.lo);
}

static DD dd_div(DD a, DD b)
{
    double q1 = a.hi / b.hi;
    DD r = dd_add(a, dd_mul(b, (DD){ -q1, 0 }));
    double q2 = r.hi / b.hi;
    return two_sum(q1, q2);
}

/* The binary digits of 2/pi, 64 per word, most significant first (enough for
 * the largest double exponent plus a 192-bit window). */
static const uint64_t TWO_OVER_PI_BITS[] = {
    0xa2f9836e4e441529ull, 0xfc2757d1f534ddc0ull, 0xdb6295993c439041ull, 0xfe5163abdebbc561ull,
    0xb7246e3a424dd2e0ull, 0x06492eea09d1921cull, 0xfe1deb1cb129a73eull, 0xe88235f52ebb4484ull,
    0xe99c7026b45f7e41ull, 0x3991d639835339f4ull, 0x9c845f8bbdf9283bull, 0x1ff897ffde05980full,
    0xef2f118b5a0a6d1full, 0x6d367ecf27cb09b7ull, 0x4f463f669e5fea2dull, 0x7527bac7ebe5f17bull,
    0x3d0739f78a5292eaull, 0x6bfb5fb11f8d5d08ull, 0x56033046fc7b6babull, 0xf0cfbc209af4361dull,
};
static const DD PIO2_DD = { 0x1.921fb54442d18p+0, 0x1.1a62633145c07p-54 };

/* 64 bits of 2/pi starting at bit p (bit 1 is the first after the point). */
static uint64_t two_over_pi_bits(int p)
{
    int q = p - 1;
    if (q < 0)
        return q <= -64 ? 0 : two_over_pi_bits(1) >> -q;
    int k = q / 64, o = q % 64;
    return o ? TWO_OVER_PI_BITS[k] << o | TWO_OVER_PI_BITS[k + 1] >> (64 - o) : TWO_OVER_PI_BITS[k];
}

/* Payne-Hanek reduction for large |x| = m * 2^E (m a 53-bit integer): only a
 * 192-bit window of 2/pi matters, because the digits before it contribute
 * multiples of 4 quadrants and those after it less than 2^-137.  The low 192
 * bits of m * window are x*2/pi mod 4 with 190 fraction bits. */
static int reduce_large(double ax, double *rh, double *rl)
{
    uint64_t u = bits_of(ax);
    int E = (int)(u >> 52) - 1075;
    uint64_t m = (u & ((1ull << 52) - 1)) | 1ull << 52;
    int s = E - 2;
    uint64_t w0 = two_over_pi_bits(s + 1), w1 = two_over_pi_bits(s + 65), w2 = two_over_pi_bits(s + 129);
    unsigned __int128 p = (unsigned __int128)m * w2;
    uint64_t lo0 = (uint64_t)p;
    p = (unsigned __int128)m * w1 + (uint64_t)(p >> 64);
    uint64_t lo1 = (uint64_t)p;
    p = (unsigned __int128)m * w0 + (uint64_t)(p >> 64);
    uint64_t lo2 = (uint64_t)p;
    int n = (int)(lo2 >> 62);
    uint64_t f_hi = lo2 << 2 | lo1 >> 62, f_lo = lo1 << 2 | lo0 >> 62;
    bool negative = f_hi >> 63;           /* fraction >= 1/2: take the next quadrant */
    if (negative) {
        n++;
        f_hi = ~f_hi;
        f_lo = ~f_lo + 1;
        if (f_lo == 0)
            f_hi++;
    }
    DD f = two_sum((double)(f_hi >> 11) * 0x1p-53,
                   (double)(f_hi & 0x7ff) * 0x1p-64 + (double)(f_lo >> 11) * 0x1p-117);
    DD r = dd_mul(f, PIO2_DD);
    *rh = negative ? -r.hi : r.hi;
    *rl = negative ? -r.lo : r.lo;
    return n & 3;
}

/* x = n*pi/2 + r with r = *rh + *rl carried in double-double (|r| <= ~pi/4);
 * returns n mod 4.  Below 2^19, x - n*PIO2_1 and n*PIO2_2 are exact (n < 2^20);
 * above, Payne-Hanek. */
static int reduce_pio2(double x, double *rh, double *rl)
{
    if (fabs_(x) <= 0x1.921fb54442d18p-1) {
        *rh = x;
        *rl = 0;
        return 0;
    }
    if (fabs_(x) >= 0x1p19) {
        int q = reduce_large(fabs_(x), rh, rl);
        if (x < 0) {
            *rh = -*rh;
            *rl = -*rl;
            q = -q & 3;
        }
        return q;
    }
    double n = rt_round(x * TWO_OVER_PI);
    DD t = two_sum(x - n * PIO2_1, -(n * PIO2_2));
    t = two_sum(t.hi, t.lo - n * PIO2_3);
    *rh = t.hi;
    *rl = t.lo;
    int64_t q = (int64_t)rt_fmod(n, 4);
    return (int)(q & 3);
}

/* sin(rh + rl) as a double-double: Taylor to x^21, then rl*cos(rh) */
static DD sin_dd(double x, double rl)
{
    double z = x * x;
    double p = 1.0 / 51090942171709440000.0;
    p = -1.0 / 121645100408832000.0 + z * p;
    p = 1.0 / 355687428096000.0 + z * p;
    p = -1.0 / 1307674368000.0 + z * p;
    p = 1.0 / 6227020800.0 + z * p;
    p = -1.0 / 39916800.0 + z * p;
    p = 1.0 / 362880.0 + z * p;
    p = -1.0 / 5040.0 + z * p;
    p = 1.0 / 120.0 + z * p;
    p = -1.0 / 6.0 + z * p;
    return two_sum(x, x * z * p + rl * (1 - 0.5 * z));
}

/* cos(rh + rl) as a double-double: Taylor to x^22, then -rl*sin(rh) */
static DD cos_dd(double x, double rl)
{
    double z = x * x;
    double p = -1.0 / 1124000727777607680000.0;
    p = 1.0 / 2432902008176640000.0 + z * p;
    p = -1.0 / 6402373705728000.0 + z * p;
    p = 1.0 / 20922789888000.0 + z * p;
    p = -1.0 / 87178291200.0 + z * p;
    p = 1.0 / 479001600.0 + z * p;
    p = -1.0 / 3628800.0 + z * p;
    p = 1.0 / 40320.0 + z * p;
    p = -1.0 / 720.0 + z * p;
    p = 1.0 / 24.0 + z * p;
    double hz = 0.5 * z, w = 1.0 - hz;
    /* 1 - z/2 + z^2*p, keeping the rounding error of 1 - z/2 */
    return two_sum(w, ((1.0 - w) - hz) + z * z * p - x * rl);
}

static double dd_value(DD d) { return d.hi + d.lo; }
static DD dd_neg(DD d) { return (DD){ -d.hi, -d.lo }; }

/* sin (which=0) or cos (which=1) as a double-double */
static DD sincos_dd(double x, int which)
{
    double rh, rl;
    int q = (reduce_pio2(x, &rh, &rl) + which) & 3;
    switch (q) {
    case 0: return sin_dd(rh, rl);
    case 1: return cos_dd(rh, rl);
    case 2: return dd_neg(sin_dd(rh, rl));
    default: return dd_neg(cos_dd(rh, rl));
    }
}

double rt_sin(double x)
{
    if (is_nan(x) || is_inf(x))
        return __builtin_nan("");
    return dd_value(sincos_dd(x, 0));
}

double rt_cos(double x)
{
    if (is_nan(x) || is_inf(x))
        return __builtin_nan("");
    return dd_value(sincos_dd(x, 1));
}

double rt_tan(double x)
{
    if (is_nan(x) || is_inf(x))
        return __builtin_nan("");
    return dd_value(dd_div(sincos_dd(x, 0), sincos_dd(x, 1)));
}

static const DD LN2 = { 0x1.62e42fefa38p-1, 0x1.ef35793c7673p-45 };  /* hi has 42 bits */

/* log(x) for finite x > 0, as a double-double. */
static DD dd_log(double x)
{
    uint64_t u = bits_of(x);
    int k = 0;
    if ((u >> 52) == 0) {               /* subnormal: scale up by 2^54 */
        x *= 0x1p54;
        u = bits_of(x);
        k = -54;
    }
    k += (int)(u >> 52) - 1023;
    double m = double_of((u & ((1ull << 52) - 1)) | (1023ull << 52));  /* [1, 2) */
    if (m > 1.4142135623730951) {
        m *= 0.5;
        k++;
    }
    /* log(m) = 2 atanh(s), s = (m-1)/(m+1) */
    DD s = dd_div((DD){ m - 1, 0 }, two_sum(m, 1));
    double z = s.hi * s.hi, q = 1.0 / 27;
    for (int d = 25; d >= 3; d -= 2)
        q = 1.0 / d + z * q;
    DD two_s = { 2 * s.hi, 2 * s.lo };
    DD logm = dd_add(two_s, (DD){ two_s.hi * z * q, 0 });
    DD klog2 = { k * LN2.hi, k * LN2.lo };   /* k*LN2.hi is exact */
    return dd_add(klog2, logm);
}

static double scale_by_pow2(double x, int n)
{
    while (n > 1000) { x *= 0x1p1000; n -= 1000; }
    while (n < -1000) { x *= 0x1p-1000; n += 1000; }
    /* split so that no intermediate underflows before the final rounding */
    if (n < -1000 + 100) {
        x *= 0x1p-100;
        n += 100;
    }
    return x * double_of((uint64_t)(n + 1023) << 52);
}

/* exp(z) for a double-double z. */
static double dd_exp(DD z)
{
    if (z.hi > 709.8)
        return __builtin_inf();
    if (z.hi < -745.2)
        return 0;
    double n = rt_round(z.hi * 0x1.71547652b82fep+0);
    DD r = dd_add(z, (DD){ -n * LN2.hi, -n * LN2.lo });
    double rh = r.hi, t = 1.0 / 6402373705728000.0;   /* 1/18! */
    for (int d = 17; d >= 3; d--) {
        static const double fact_inv[18] = {
            1, 1, 0.5, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320,
            1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800.0,
            1.0 / 87178291200.0, 1.0 / 1307674368000.0, 1.0 / 20922789888000.0,
            1.0 / 355687428096000.0,
        };
        t = fact_inv[d] + rh * t;
    }
    /* exp(rh) = 1 + rh + rh^2/2 + rh^3*t */
    DD e = two_sum(1, rh);
    DD sq = two_prod(rh, rh);
    e = dd_add(e, (DD){ 0.5 * sq.hi, 0.5 * sq.lo });
    e = dd_add(e, (DD){ rh * sq.hi * t, 0 });
    e = dd_add(e, (DD){ e.hi * r.lo, 0 });     /* exp(rh + rl) ~ exp(rh) (1 + rl) */
    return scale_by_pow2(e.hi + e.lo, (int)n);
}

static bool is_integer(double y) { return rt_trunc(y) == y; }
static bool is_odd_integer(double y)
{
    return is_integer(y) && fabs_(y) < 0x1p53 && rt_fmod(y, 2) != 0;
}

/* x^n for integral |n| < 2^31, in double-double. */
static double pow_int(double x, double y)
{
    uint64_t n = (uint64_t)fabs_(y);
    DD acc = { 1, 0 }, b = { x, 0 };
    while (n) {
        if (n & 1)
            acc = dd_mul(acc, b);
        b = dd_mul(b, b);
        n >>= 1;
    }
    if (y < 0)
        acc = dd_div((DD){ 1, 0 }, acc);
    return acc.hi + acc.lo;
}

double rt_pow(double x, double y)
{
    if (y == 0 || x == 1)
        return 1;
    if (is_nan(x) || is_nan(y))
        return __builtin_nan("");
    double ax = fabs_(x);
    if (is_inf(y)) {
        if (ax == 1)
            return 1;
        return (ax > 1) == (y > 0) ? __builtin_inf() : 0;
    }
    bool odd = is_odd_integer(y);
    if (x == 0) {
        double r = y < 0 ? __builtin_inf() : 0;
        return odd ? double_of(bits_of(r) | (bits_of(x) & SOX_SIGN)) : r;
    }
    if (is_inf(x)) {
        if (x > 0)
            return y < 0 ? 0 : __builtin_inf();
        if (y < 0)
            return odd ? -0.0 : 0;
        return odd ? -__builtin_inf() : __builtin_inf();
    }
    if (x < 0 && !is_integer(y))
        return __builtin_nan("");
    double r;
    if (is_integer(y) && fabs_(y) < 2147483648.0 && fabs_(y) <= 64)
        r = pow_int(ax, y);
    else
        r = dd_exp(dd_mul(dd_log(ax), (DD){ y, 0 }));
    return x < 0 && odd ? -r : r;
}

/* ---- rand: glibc TYPE_3 ----------------------------------------------------------------- */

static int32_t rand_state[34];
static int rand_front, rand_rear;
static bool rand_seeded;

void rt_srand(uint32_t seed)
{
    int32_t r[34];
    r[0] = seed ? (int32_t)seed : 1;
    for (int i = 1; i < 31; i++) {
        /* r[i] = 16807 * r[i-1] % 2147483647 without overflow (Schrage) */
        int64_t hi = r[i - 1] / 127773, lo = r[i - 1] % 127773;
        int64_t w = 16807 * lo - 2836 * hi;
        if (w < 0)
            w += 2147483647;
        r[i] = (int32_t)w;
    }
    for (int i = 0; i < 31; i++)
        rand_state[i] = r[i];
    rand_front = 3;
    rand_rear = 0;
    rand_seeded = true;
    for (int i = 0; i < 310; i++)
        rt_rand();
}

int32_t rt_rand(void)
{
    if (!rand_seeded)
        rt_srand(1);
    uint32_t v = (uint32_t)rand_state[rand_front] + (uint32_t)rand_state[rand_rear];
    rand_state[rand_front] = (int32_t)v;
    rand_front = (rand_front + 1) % 31;
    rand_rear = (rand_rear + 1) % 31;
    return (int32_t)(v >> 1);
}
