/* bigint_test.c — unit tests of numfmt.c's internal big integers, which the
 * differential test reaches only through rare inputs (borrows across equal limbs,
 * every division fix-up).  It includes the source to see its static functions.
 *
 *   bigint_test LABEL ITERATIONS      prints "PASS numfmt/LABEL/bigint" or FAIL
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/numfmt.c"

static long failures;
static char first[256];

static void expect(int ok, const char *what, long iteration)
{
    if (ok) return;
    if (failures++ == 0) snprintf(first, sizeof first, "%s (iteration %ld)", what, iteration);
}

static uint64_t state = 0x1234567887654321ull;

static uint64_t rnd(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

/* Random big integer of 1..limbs limbs; limbs are sometimes all ones or zero, to
 * provoke carries and borrows that run across whole limbs. */
static void random_big(Big *b, int limbs)
{
    b->len = 1 + (int)(rnd() % (uint64_t)limbs);
    for (int i = 0; i < b->len; i++) {
        uint64_t r = rnd();
        b->limb[i] = r % 4 == 0 ? 0 : r % 4 == 1 ? ~UINT64_C(0) : rnd();
    }
    if (b->limb[b->len - 1] == 0) b->limb[b->len - 1] = 1;
}

/* a += b, the reference for big_sub. */
static void big_add(Big *a, const Big *b)
{
    uint64_t carry = 0;
    int n = a->len > b->len ? a->len : b->len;
    for (int i = 0; i < n; i++) {
        uint64_t x = i < a->len ? a->limb[i] : 0, y = i < b->len ? b->limb[i] : 0;
        uint64_t s = x + y + carry;
        carry = s < x || (s == x && (y | carry) != 0);
        a->limb[i] = s;
    }
    a->len = n;
    if (carry) a->limb[a->len++] = 1;
}

static void test_borrow_chain(void)
{
    Big a, b;
    a.len = 3; a.limb[0] = 0; a.limb[1] = 5; a.limb[2] = 1;       /* 2^128 + 5 * 2^64 */
    b.len = 2; b.limb[0] = 1; b.limb[1] = 5;                      /* 5 * 2^64 + 1 */
    big_sub(&a, &b);
    expect(a.len == 2 && a.limb[0] == ~UINT64_C(0) && a.limb[1] == ~UINT64_C(0),
           "borrow through an equal limb", 0);
}

int main(int argc, char **argv)
{
    const char *label = argc > 1 ? argv[1] : "host";
    long n = argc > 2 ? atol(argv[2]) : 100000;
    test_borrow_chain();
    for (long it = 0; it < n; it++) {
        Big a, b, c;
        /* (a + b) - b == a */
        random_big(&a, 20);
        random_big(&b, 20);
        big_copy(&c, &a);
        big_add(&c, &b);
        big_sub(&c, &b);
        expect(big_cmp(&c, &a) == 0, "(a + b) - b != a", it);
        /* N = D * q + r with r < D: big_divmod gives q back and leaves r */
        Big D, N, r;
        random_big(&D, 18);
        uint64_t q = (rnd() >> (2 + rnd() % 62)) | 1;
        random_big(&r, D.len);
        if (big_cmp(&r, &D) >= 0 || rnd() % 8 == 0) r.len = 0;
        big_copy(&N, &D);
        big_mul_add(&N, q, 0);
        big_add(&N, &r);
        uint64_t got = big_divmod(&N, &D);
        expect(got == q && big_cmp(&N, &r) == 0, "big_divmod", it);
        /* shifting left by k moves every bit k places up */
        int k = (int)(rnd() % 700);
        random_big(&a, 10);
        big_copy(&b, &a);
        big_shl(&b, k);
        expect(big_bitlen(&b) == big_bitlen(&a) + k, "big_shl length", it);
        int lo = (int)(rnd() % (uint64_t)big_bitlen(&a));
        expect(big_bits(&b, lo + k, 64) == big_bits(&a, lo, 64), "big_shl bits", it);
        expect(big_any_below(&b, k) == 0 && big_any_below(&b, k + 1) == (int)(a.limb[0] & 1),
               "big_any_below", it);
    }
    /* 5^e from the cache equals 5^e by repeated multiplication, for every e used */
    Big want, got;
    big_set_u64(&want, 1);
    for (int e = 0; e <= 1200; e++) {
        big_set_pow5(&got, e);
        expect(big_cmp(&got, &want) == 0, "big_set_pow5", e);
        big_mul_add(&want, 5, 0);
    }
    if (failures)
        printf("FAIL numfmt/%s/bigint: %ld failures; first: %s\n", label, failures, first);
    else
        printf("PASS numfmt/%s/bigint (%ld iterations)\n", label, n);
    return 0;
}
