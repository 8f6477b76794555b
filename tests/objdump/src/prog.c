/* A freestanding program exercising what soxobjdump must show: functions calling each other
 * (PLT32 / CALL26), data, bss and rodata references, a jump table, floating point, weak and
 * hidden symbols, and an _start entry point. */
typedef unsigned long size_t;

long counter;                                   /* .bss */
long table[8] = {1, 2, 3, 5, 8, 13, 21, 34};    /* .data */
static const char greeting[] = "hello, objdump"; /* .rodata */
__attribute__((visibility("hidden"))) int hidden_flag = 1;
__attribute__((weak)) int weak_hook(int x) { return x + 1; }

__attribute__((noinline)) static size_t length(const char *s) {
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

__attribute__((noinline)) long classify(long v) {
    switch (v) {
    case 0: return 10;
    case 1: return 22;
    case 2: return 31;
    case 3: return 47;
    case 4: return 53;
    case 5: return 68;
    default: return -1;
    }
}

__attribute__((noinline)) double scale(double x, long n) {
    double r = x * (double)n + 0.25;
    return r > 100.0 ? r / 3.0 : r;
}

__attribute__((noinline)) long sum_table(void) {
    long s = 0;
    for (int i = 0; i < 8; i++)
        s += table[i] * (long)weak_hook(i);
    return s;
}

void _start(void) {
    counter = (long)length(greeting) + classify(counter & 7) + sum_table() + hidden_flag;
    counter += (long)scale(1.5, counter);
    for (;;)
        counter++;
}
