/* Table key order (SOX_LANGUAGE.md §8.4): the spec's examples, then a randomized
 * run of inserts and updates whose printed order is checked against an
 * independent simulation (table_order.expect.c, a hosted program). */
#include "tests/runtime/harness.h"

static uint32_t rng = 12345;
static uint32_t next_rand(void) { rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5; return rng; }

void sox_program_entry(void)
{
    sox_register_program(&program);
    Value t = roots[0] = sox_table_new();
    sox_set_property(t, S("hello"), S("world"), 0);
    sox_set_property(t, S("after"), S("goodbye"), 0);
    sox_print(t);
    Value u = roots[1] = sox_table_new();
    const char *keys[] = { "a", "b", "c", "d", "e", "f" };
    for (int i = 0; i < 6; i++)
        sox_set_property(u, S(keys[i]), N(i), 0);
    sox_print(u);
    sox_set_property(u, S("a"), N(9), 0);
    sox_print(u);
    sox_print(CALL("len", u));
    sox_set_property(u, S("g"), SOX_NIL, 0);    /* nil-valued keys still count and print */
    sox_print(u);
    sox_print(CALL("len", u));
    /* randomized: 40 rounds of up to 120 operations over a key space of 60 */
    for (int round = 0; round < 40; round++) {
        Value r = roots[2] = sox_table_new();
        int ops = 1 + (int)(next_rand() % 120);
        for (int i = 0; i < ops; i++) {
            char key[16];
            int n = rt_format_int(next_rand() % 60, key + 1);
            key[0] = 'k';
            sox_index_set(r, sox_string_intern(key, (uint64_t)n + 1), N(i));
        }
        sox_print(r);
    }
}
