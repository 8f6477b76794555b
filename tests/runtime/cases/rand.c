/* mathRandom/mathRandomInt reproduce glibc's rand() after the same srand() seed
 * (expected output from the hosted program rand.expect.c). */
#include "tests/runtime/harness.h"

void sox_program_entry(void)
{
    sox_register_program(&program);
    for (int i = 0; i < 5; i++)                 /* unseeded: like srand(1) */
        sox_print(CALL("mathRandomInt", N(0), N(2147483646)));
    double seeds[] = { 0, 1, 42, 12345, 4294967295.0, -7 };
    for (unsigned s = 0; s < sizeof seeds / sizeof seeds[0]; s++) {
        CALL("mathSrand", N(seeds[s]));
        for (int i = 0; i < 40; i++)
            sox_print(CALL("mathRandomInt", N(-1000), N(1000)));
        for (int i = 0; i < 10; i++)
            sox_print(CALL0("mathRandom"));
    }
    CALL("mathSrand", N(3));
    for (int i = 0; i < 2000; i++)      /* six digits: %g prints them exactly */
        sox_print(CALL("mathRandomInt", N(0), N(999999)));
}
