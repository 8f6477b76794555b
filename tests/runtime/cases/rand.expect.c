/* Hosted: what glibc's rand() gives for rand.c's calls, printed as Sox prints
 * numbers (%g). */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    for (int i = 0; i < 5; i++)
        printf("%g\n", (double)(0 + rand() % 2147483647));
    long long seeds[] = { 0, 1, 42, 12345, 4294967295LL, -7 };
    for (unsigned s = 0; s < sizeof seeds / sizeof seeds[0]; s++) {
        srand((unsigned)seeds[s]);
        for (int i = 0; i < 40; i++)
            printf("%g\n", (double)(-1000 + rand() % 2001));
        for (int i = 0; i < 10; i++)
            printf("%g\n", (double)rand() / RAND_MAX);
    }
    srand(3);
    for (int i = 0; i < 2000; i++)
        printf("%g\n", (double)(rand() % 1000000));
    return 0;
}
