/* numfmt_test.c — differential test of runtime/numfmt.c against the C library.
 *
 *   numfmt_test LABEL ITERATIONS DATADIR [bench]
 *
 * Prints one suite line per case ("PASS numfmt/LABEL/case" or "FAIL ...: why").
 * The harness is hosted (printf, strtod); numfmt.c itself is compiled freestanding
 * and linked in.  Expected text comes from snprintf("%.*g"), except that every NaN
 * is expected as "nan" (DESIGN.md §6).  Parsing is compared bit for bit with strtod.
 * ITERATIONS scales the random cases; the same seed gives the same inputs.
 */
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/numfmt.h"

static const char *label;
static long checks, mismatches;
static char first_failure[512];

/* ---- reporting ---- */

static void begin_case(void)
{
    checks = mismatches = 0;
    first_failure[0] = '\0';
}

static void end_case(const char *name)
{
    if (mismatches == 0)
        printf("PASS numfmt/%s/%s (%ld checks)\n", label, name, checks);
    else
        printf("FAIL numfmt/%s/%s: %ld of %ld differ; first: %s\n", label, name, mismatches,
               checks, first_failure);
    fflush(stdout);
}

static void mismatch(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void mismatch(const char *fmt, ...)
{
    va_list ap;
    if (mismatches++ < 5) {
        char line[512];
        va_start(ap, fmt);
        vsnprintf(line, sizeof line, fmt, ap);
        va_end(ap);
        fprintf(stderr, "numfmt/%s: %s\n", label, line);
        if (!first_failure[0]) snprintf(first_failure, sizeof first_failure, "%s", line);
    }
}

/* ---- random numbers (splitmix64: tiny, deterministic) ---- */

static uint64_t rng_state = 0x5eed0f50c5ull;

static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static int rnd_int(int lo, int hi) /* inclusive */
{
    return lo + (int)(rnd() % (uint64_t)(hi - lo + 1));
}

static double from_bits(uint64_t u)
{
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

static uint64_t to_bits(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

/* ---- formatting checks ---- */

static void check_format(double v, int precision)
{
    char want[64], got[SOX_FORMAT_G_MAX + 8];
    memset(got, 0x55, sizeof got);
    if (isnan(v))
        strcpy(want, "nan");
    else
        snprintf(want, sizeof want, "%.*g", precision, v);
    int n = sox_format_g(v, precision, got);
    checks++;
    if (n < 0 || n >= SOX_FORMAT_G_MAX || got[n] != '\0' || strcmp(got, want) != 0)
        mismatch("%%.%dg of %a (%.17g): got \"%.*s\" (len %d), want \"%s\"", precision, v, v,
                 n >= 0 && n < SOX_FORMAT_G_MAX ? n : 0, got, n, want);
}

static void check_all_precisions(double v)
{
    for (int p = 1; p <= 17; p++) check_format(v, p);
}

/* Golden data: "precision value expected", value in any strtod syntax. */
static void case_format_data(const char *dir)
{
    char path[1024], line[512];
    snprintf(path, sizeof path, "%s/format_cases.txt", dir);
    FILE *f = fopen(path, "r");
    begin_case();
    if (!f) {
        mismatch("cannot open %s", path);
        end_case("format-data");
        return;
    }
    while (fgets(line, sizeof line, f)) {
        int precision;
        char value[256], expected[256], got[SOX_FORMAT_G_MAX];
        if (line[0] == '#' || sscanf(line, "%d %255s %255s", &precision, value, expected) != 3)
            continue;
        double v = strtod(value, NULL);
        sox_format_g(v, precision, got);
        checks++;
        if (strcmp(got, expected) != 0)
            mismatch("%%.%dg of %s: got \"%s\", want \"%s\" (file)", precision, value, got, expected);
        check_format(v, precision); /* and the live C library agrees */
    }
    fclose(f);
    end_case("format-data");
}

static void case_format_special(void)
{
    static const double values[] = {
        0.0, 1.0, 0.5, 2.5, 1.5, 0.25, 0.125, 999999.5, 9999995.0, 99999.95, 0.1, 0.2,
        0.3, 1.0 / 3, 2.0 / 3, 3.14159265359, 12345.678, 100000, 999999, 1000000, 1234567,
        4294967296.0, 1e21, 0.0001, 0.00001, 9.9999995e-5, 9.999995e-5, 0.00009999995,
        DBL_MIN, DBL_MAX, DBL_EPSILON, 4.9406564584124654e-324, 2.2250738585072009e-308,
        9007199254740992.0, 9007199254740993.0, 18446744073709551615.0, 1e15, 1e16, 1e17,
        123456789012345678.0, 5e-324, 1e-320, 1e308, 1.7976931348623157e308,
    };
    begin_case();
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        check_all_precisions(values[i]);
        check_all_precisions(-values[i]);
    }
    check_all_precisions(-0.0);
    check_all_precisions(INFINITY);
    check_all_precisions(-INFINITY);
    check_all_precisions(NAN);
    check_all_precisions(-NAN);
    check_all_precisions(from_bits(0x7ff0000000000001ull)); /* signalling payload */
    check_all_precisions(from_bits(0xfff8000000000000ull)); /* x86's default -nan */
    check_all_precisions(from_bits(0x7ffc000000000000ull));
    /* precision outside 1..17 is clamped; 0 means 1 as in C */
    char got[SOX_FORMAT_G_MAX];
    checks++;
    sox_format_g(123.456, 0, got);
    if (strcmp(got, "1e+02") != 0) mismatch("precision 0: got \"%s\", want \"1e+02\"", got);
    checks++;
    sox_format_g(0.1, 40, got);
    if (strcmp(got, "0.10000000000000001") != 0) mismatch("precision 40: got \"%s\"", got);
    end_case("format-special");
}

/* Subnormals: the extremes and random mantissas; normal numbers near DBL_MIN. */
static void case_format_subnormal(long n)
{
    begin_case();
    check_all_precisions(from_bits(1));
    check_all_precisions(from_bits(0x000fffffffffffffull));
    check_all_precisions(from_bits(0x0010000000000000ull));
    for (long i = 0; i < n; i++) {
        uint64_t bits = rnd() & 0x001fffffffffffffull; /* subnormal or the first binade */
        check_format(from_bits(bits), rnd_int(1, 17));
        check_format(from_bits(bits >> rnd_int(0, 52)), rnd_int(1, 17));
    }
    end_case("format-subnormal");
}

/* 10^j for every j from -323 to 308, and the doubles one and two ulps away. */
static void case_format_powers_of_ten(void)
{
    begin_case();
    for (int j = -323; j <= 308; j++) {
        char text[32];
        snprintf(text, sizeof text, "1e%d", j);
        double v = strtod(text, NULL);
        for (int d = -2; d <= 2; d++) check_all_precisions(from_bits(to_bits(v) + (uint64_t)d));
    }
    end_case("format-powers-of-ten");
}

/* Values at and around every rounding boundary 99..95 * 10^j of each precision. */
static void case_format_boundaries(void)
{
    begin_case();
    for (int p = 1; p <= 17; p++) {
        for (int j = -330; j <= 310; j += (j > -30 && j < 30) ? 1 : 7) {
            char text[64];
            int len = 0;
            for (int i = 0; i < p; i++) text[len++] = '9';
            snprintf(text + len, sizeof text - len, "5e%d", j);
            double v = strtod(text, NULL);
            if (v == 0 || isinf(v)) continue;
            for (int d = -2; d <= 2; d++) {
                double w = from_bits(to_bits(v) + (uint64_t)d);
                check_format(w, p);
                check_format(w, p + 1 <= 17 ? p + 1 : p);
            }
        }
    }
    end_case("format-boundaries");
}

/* Exact ties: dyadic fractions a / 2^b, whose decimal expansions end in 5, at
 * every precision, so that some precision stops exactly before the final 5. */
static void case_format_halfway(long n)
{
    begin_case();
    for (long i = 0; i < n; i++) {
        int bits = rnd_int(1, 53);
        uint64_t a = (rnd() >> (64 - bits)) | 1;
        int b = rnd_int(1, 70);
        check_all_precisions(ldexp((double)a, -b));
        uint64_t integer = rnd() >> rnd_int(11, 63);
        check_all_precisions((double)integer + 0.5);
    }
    end_case("format-halfway");
}

/* Every binary exponent at every precision, so that each conversion path and the
 * edges between them (128-bit vs big integers, integer vs fraction) are reached:
 * the extreme mantissas and a few random ones per exponent. */
static void case_format_every_binade(int per_exponent)
{
    begin_case();
    for (uint64_t biased = 0; biased < 2047; biased++) {
        for (int i = 0; i < per_exponent + 2; i++) {
            uint64_t mantissa = i == 0 ? 0 : i == 1 ? 0x000fffffffffffffull : rnd() & 0x000fffffffffffffull;
            check_all_precisions(from_bits(biased << 52 | mantissa));
        }
    }
    end_case("format-every-binade");
}

/* Random bit patterns: every exponent, sign, NaNs and infinities included. */
static void case_format_random_bits(long n)
{
    begin_case();
    for (long i = 0; i < n; i++) {
        double v = from_bits(rnd());
        check_format(v, 6);
        check_format(v, 14);
        check_format(v, rnd_int(1, 17));
    }
    end_case("format-random-bits");
}

/* Random "short" decimals, the numbers programs really print: few digits, small
 * exponents, and integers of every size. */
static void case_format_random_short(long n)
{
    begin_case();
    for (long i = 0; i < n; i++) {
        char text[64];
        static const uint64_t limit[] = { 10, 100, 1000, 10000, 100000, 1000000, 10000000,
            100000000, 1000000000, 10000000000ull, 100000000000ull, 1000000000000ull,
            10000000000000ull, 100000000000000ull, 1000000000000000ull, 10000000000000000ull,
            100000000000000000ull };
        uint64_t mantissa = rnd() % limit[rnd_int(0, 16)];
        snprintf(text, sizeof text, "%llue%d", (unsigned long long)mantissa, rnd_int(-25, 25));
        double v = strtod(text, NULL);
        check_format(v, 6);
        check_format(v, 14);
        check_format(v, rnd_int(1, 17));
        double integer = (double)(int64_t)(rnd() >> rnd_int(1, 63));
        check_format(integer, 6);
        check_format(-integer, 14);
    }
    end_case("format-random-short");
}

/* ---- parsing checks ---- */

/* Rewrites "d.ddde[+-]X" (from printf %e) as a plain "DIGITS.DIGITS" literal. */
static void positional(const char *sci, char *out, size_t cap)
{
    char digits[4096];
    size_t nd = 0;
    const char *p = sci;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9' && nd < sizeof digits - 1) digits[nd++] = *p;
    int exp10 = *p == 'e' ? atoi(p + 1) : 0;
    /* value = 0.digits * 10^(exp10 + 1) */
    long point = exp10 + 1;
    size_t o = 0;
    if (point <= 0) {
        o += (size_t)snprintf(out + o, cap - o, "0.");
        for (long i = 0; i < -point && o < cap - 1; i++) out[o++] = '0';
        for (size_t i = 0; i < nd && o < cap - 1; i++) out[o++] = digits[i];
    } else {
        for (long i = 0; i < point && o < cap - 1; i++) out[o++] = (size_t)i < nd ? digits[i] : '0';
        if ((size_t)point < nd) {
            out[o++] = '.';
            for (size_t i = (size_t)point; i < nd && o < cap - 1; i++) out[o++] = digits[i];
        }
    }
    out[o] = '\0';
}

static void check_parse(const char *text)
{
    size_t len = strlen(text);
    double want = strtod(text, NULL);
    double got = sox_parse_number(text, len);
    checks++;
    if (to_bits(got) != to_bits(want))
        mismatch("parse \"%.60s%s\" (%zu chars): got %a, want %a", text, len > 60 ? "..." : "",
                 len, got, want);
}

/* Golden data: "literal expected" with the expected value in strtod syntax. */
static void case_parse_data(const char *dir)
{
    char path[1024], line[8192];
    snprintf(path, sizeof path, "%s/parse_cases.txt", dir);
    FILE *f = fopen(path, "r");
    begin_case();
    if (!f) {
        mismatch("cannot open %s", path);
        end_case("parse-data");
        return;
    }
    while (fgets(line, sizeof line, f)) {
        char literal[4096], expected[256];
        if (line[0] == '#' || sscanf(line, "%4095s %255s", literal, expected) != 2) continue;
        double want = strtod(expected, NULL);
        double got = sox_parse_number(literal, strlen(literal));
        checks++;
        if (to_bits(got) != to_bits(want))
            mismatch("parse \"%.60s\": got %a, want %a (file)", literal, got, want);
        check_parse(literal);
    }
    fclose(f);
    end_case("parse-data");
}

static void random_digits(char *out, int n, int allow_leading_zero)
{
    for (int i = 0; i < n; i++) out[i] = (char)('0' + rnd() % 10);
    if (!allow_leading_zero && n > 1 && out[0] == '0') out[0] = '1';
    out[n] = '\0';
}

static void random_literal(char *out, int int_digits, int frac_digits)
{
    random_digits(out, int_digits, 0);
    if (frac_digits > 0) {
        out[int_digits] = '.';
        random_digits(out + int_digits + 1, frac_digits, 1);
    }
}

static void case_parse_random_short(long n)
{
    char text[64];
    begin_case();
    for (long i = 0; i < n; i++) {
        random_literal(text, rnd_int(1, 20), rnd() & 1 ? rnd_int(1, 20) : 0);
        check_parse(text);
    }
    end_case("parse-random-short");
}

static void case_parse_random_long(long n)
{
    static char text[12000];
    begin_case();
    for (long i = 0; i < n; i++) {
        int int_digits = rnd_int(1, (i % 4 == 0) ? 320 : 40);
        int frac_digits = rnd_int(0, (i % 50 == 0) ? 5000 : 800);
        random_literal(text, int_digits, frac_digits);
        if (i % 3 == 0 && frac_digits > 0) { /* tiny: 0.000...ddd */
            int zeros = rnd_int(0, 340);
            text[0] = '0';
            text[1] = '.';
            for (int z = 0; z < zeros; z++) text[2 + z] = '0';
            random_digits(text + 2 + zeros, rnd_int(1, 800), 1);
        }
        check_parse(text);
    }
    end_case("parse-random-long");
}

/* Exact midpoints between neighbouring doubles, and values a hair above and below:
 * the midpoint of two doubles is exact in long double, and glibc prints it exactly. */
static void check_midpoint(double lo)
{
    static char sci[2000], text[4000];
    double hi = nextafter(lo, INFINITY);
    long double mid = ((long double)lo + (long double)hi) / 2;
    snprintf(sci, sizeof sci, "%.800Le", mid);
    positional(sci, text, sizeof text - 8);
    check_parse(text);
    /* strip trailing zeros, then nudge the last digit either way */
    size_t len = strlen(text);
    while (len > 1 && text[len - 1] == '0') text[--len] = '\0';
    if (text[len - 1] == '.') text[--len] = '\0';
    strcat(text, "000001");
    check_parse(text);
    text[len] = '\0';
    if (text[len - 1] == '5' && strchr(text, '.')) {
        text[len - 1] = '4';
        strcat(text, "99999999999999999999");
        check_parse(text);
    }
}

static void case_parse_halfway(long n)
{
    begin_case();
    for (long i = 0; i < n; i++) {
        double lo;
        do {
            uint64_t bits = rnd() & 0x7fffffffffffffffull;
            if (i % 4 == 0) bits &= 0x001fffffffffffffull; /* subnormal range */
            else if (i % 4 == 1) bits = (bits & 0x800fffffffffffffull) | (uint64_t)rnd_int(1000, 1100) << 52;
            lo = from_bits(bits);
        } while (isnan(lo) || isinf(lo) || lo == DBL_MAX);
        check_midpoint(lo);
    }
    end_case("parse-halfway");
}

/* Overflow to inf and underflow to subnormals and zero. */
static void case_parse_limits(void)
{
    static char sci[2000], text[4000];
    begin_case();
    check_midpoint(DBL_MAX / 2);
    check_midpoint(nextafter(DBL_MAX, 0));
    check_midpoint(0.0);
    check_midpoint(from_bits(1));
    check_midpoint(from_bits(0x000fffffffffffffull));
    check_midpoint(DBL_MIN);
    /* DBL_MAX + half an ulp = 2^1024 - 2^970 rounds to inf (tie, even), just below not */
    long double edge = (long double)DBL_MAX + ldexpl(1.0L, 970);
    snprintf(sci, sizeof sci, "%.400Le", edge);
    positional(sci, text, sizeof text);
    check_parse(text);
    char *point = strchr(text, '.');
    if (point) *point = '\0';
    text[strlen(text) - 1] = '7'; /* ...368 -> ...367: below the tie */
    check_parse(text);
    for (int digits = 300; digits <= 320; digits++) {
        memset(text, '9', (size_t)digits);
        text[digits] = '\0';
        check_parse(text);
        text[0] = '1';
        memset(text + 1, '0', (size_t)digits - 1);
        check_parse(text);
    }
    for (int zeros = 300; zeros <= 340; zeros++) { /* 0.000...0dddd around 1e-324 */
        strcpy(text, "0.");
        memset(text + 2, '0', (size_t)zeros);
        strcpy(text + 2 + zeros, "2470328229206232720882");
        check_parse(text);
        strcpy(text + 2 + zeros, "9");
        check_parse(text);
    }
    static const char *const fixed[] = { "0", "0.0", "000.000", "1", "12", "3.5", "0.1",
        "17976931348623157" "0000000000000000000000000000000000000000000000000000000000000000"
        "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        "00", "9007199254740993", "9007199254740993.0000000000000000000000001",
        "123456789012345678901234567890", "0.000000000000000000000000000000000000001" };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) check_parse(fixed[i]);
    /* a literal ends at the first character outside DIGITS ("." DIGITS)? */
    checks++;
    if (sox_parse_number("1.5.3", 5) != 1.5 || sox_parse_number("25x", 3) != 25 ||
        sox_parse_number("", 0) != 0 || sox_parse_number("7", 0) != 0)
        mismatch("literal end is not respected");
    end_case("parse-limits");
}

/* ---- speed (informational) ---- */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void bench(void)
{
    enum { N = 1 << 20 };
    static double ints[N], shorts[N], randoms[N];
    char buf[64];
    for (int i = 0; i < N; i++) {
        ints[i] = (double)(rnd() % 1000000);
        shorts[i] = (double)(rnd() % 1000000) / 1000.0;
        do randoms[i] = from_bits(rnd()); while (isnan(randoms[i]) || isinf(randoms[i]));
    }
    static const struct { const char *name; double *values; } sets[] = {
        { "integers < 1e6", ints }, { "short decimals", shorts }, { "random doubles", randoms } };
    unsigned sink = 0;
    for (size_t s = 0; s < 3; s++) {
        for (int precision = 6; precision <= 17; precision += 11) {
            double t0 = now();
            for (int i = 0; i < N; i++) sink += (unsigned)sox_format_g(sets[s].values[i], precision, buf);
            double t1 = now();
            for (int i = 0; i < N; i++) sink += (unsigned)snprintf(buf, sizeof buf, "%.*g", precision, sets[s].values[i]);
            double t2 = now();
            printf("bench %-16s %%.%dg  sox_format_g %6.1f ns  snprintf %6.1f ns  (%.1fx)\n",
                   sets[s].name, precision, (t1 - t0) * 1e9 / N, (t2 - t1) * 1e9 / N,
                   (t2 - t1) / (t1 - t0));
        }
    }
    static char texts[4096][24];
    for (int i = 0; i < 4096; i++) random_literal(texts[i], rnd_int(1, 6), rnd_int(0, 6));
    double t0 = now();
    double acc = 0;
    for (int i = 0; i < N; i++) acc += sox_parse_number(texts[i & 4095], strlen(texts[i & 4095]));
    double t1 = now();
    for (int i = 0; i < N; i++) acc += strtod(texts[i & 4095], NULL);
    double t2 = now();
    printf("bench %-16s        sox_parse_number %6.1f ns  strtod %6.1f ns  (%.1fx)\n", "short literals",
           (t1 - t0) * 1e9 / N, (t2 - t1) * 1e9 / N, (t2 - t1) / (t1 - t0));
    if (sink == 1 && acc == 1) printf("\n");
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s LABEL ITERATIONS DATADIR [bench]\n", argv[0]);
        return 2;
    }
    label = argv[1];
    long n = atol(argv[2]);
    const char *dir = argv[3];
    if (argc > 4 && strcmp(argv[4], "bench") == 0) {
        bench();
        return 0;
    }
    case_format_data(dir);
    case_format_special();
    case_format_subnormal(n / 20);
    case_format_powers_of_ten();
    case_format_boundaries();
    case_format_halfway(n / 20);
    case_format_every_binade(n >= 1000000 ? 8 : 2);
    case_format_random_bits(n);
    case_format_random_short(n / 2);
    case_parse_data(dir);
    case_parse_random_short(n);
    case_parse_random_long(n / 500);
    case_parse_halfway(n / 100);
    case_parse_limits();
    return 0;
}
