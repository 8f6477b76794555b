/* The math natives give the same bits on both targets (the .out file was made on
 * x86-64; aarch64 must match it digit for digit at 17 significant digits). */
#include "tests/runtime/harness.h"

static void show(double v)
{
    char buf[40];
    int n = sox_format_g(v, 17, buf);
    buf[n++] = '\n';
    rt_out_write(buf, (size_t)n);
}

void sox_program_entry(void)
{
    sox_register_program(&program);
    double xs[] = { 0, -0.0, 1e-300, 0.5, 1, 2, 3, 3.14159265358979, 10, 100, 1234.5678, 1e5,
                    -0.75, -7, -1e4, 1e300 };
    for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        double x = xs[i];
        show(rt_sin(x));
        show(rt_cos(x));
        show(rt_tan(x));
        show(rt_sqrt(x < 0 ? -x : x));
        show(rt_pow(x, 0.5));
        show(rt_pow(x, 3));
        show(rt_pow(1.0001, x));
        show(rt_pow(x < 0 ? -x : x, -2.25));
    }
}
