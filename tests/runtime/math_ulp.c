/* Hosted differential check of runtime/math.c against glibc's libm: the largest
 * error in ulps of rt_sin/rt_cos/rt_tan/rt_pow over random arguments.  Built and
 * run by run.sh on the host; prints one PASS/FAIL line per function. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double rt_sin(double), rt_cos(double), rt_tan(double), rt_pow(double, double), rt_sqrt(double);
double rt_floor(double), rt_ceil(double), rt_round(double);

static double ulps(double got, double want)
{
    if (got == want || (isnan(got) && isnan(want)))
        return 0;
    if (isinf(want) || isinf(got) || want == 0)
        return 1e9;
    return fabs(got - want) / (nextafter(fabs(want), INFINITY) - fabs(want));
}

static uint64_t rng = 88172645463325252ull;
static double uniform(double lo, double hi)
{
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return lo + (hi - lo) * ((rng >> 11) * 0x1p-53);
}

static void report(const char *name, double worst, double limit, double at)
{
    if (worst <= limit)
        printf("PASS runtime/math-%s (max %.2f ulp)\n", name, worst);
    else
        printf("FAIL runtime/math-%s: %.2f ulp at %.17g (limit %.1f)\n", name, worst, at, limit);
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 200000;
    struct { const char *name; double (*ours)(double); double (*ref)(double); double lo, hi; } f1[] = {
        { "sin", rt_sin, sin, -1e5, 1e5 }, { "cos", rt_cos, cos, -1e5, 1e5 },
        { "tan", rt_tan, tan, -1e3, 1e3 }, { "sin-small", rt_sin, sin, -4, 4 },
        { "cos-small", rt_cos, cos, -4, 4 }, { "sqrt", rt_sqrt, sqrt, 0, 1e300 },
        { "floor", rt_floor, floor, -1e17, 1e17 }, { "ceil", rt_ceil, ceil, -1e6, 1e6 },
        { "round", rt_round, round, -1e6, 1e6 },
    };
    for (unsigned k = 0; k < sizeof f1 / sizeof f1[0]; k++) {
        double worst = 0, at = 0;
        for (int i = 0; i < n; i++) {
            double x = uniform(f1[k].lo, f1[k].hi), e = ulps(f1[k].ours(x), f1[k].ref(x));
            if (e > worst) worst = e, at = x;
        }
        report(f1[k].name, worst, strcmp(f1[k].name, "sqrt") && strncmp(f1[k].name, "sin", 3) &&
               strncmp(f1[k].name, "cos", 3) && strcmp(f1[k].name, "tan") ? 0 : 2, at);
    }
    /* large arguments: Payne-Hanek reduction, x = +-[1,2) * 2^[19, 1000] */
    double (*trig_ours[3])(double) = { rt_sin, rt_cos, rt_tan }, (*trig_ref[3])(double) = { sin, cos, tan };
    const char *trig_names[3] = { "sin-huge", "cos-huge", "tan-huge" };
    for (int k = 0; k < 3; k++) {
        double worst = 0, at = 0;
        for (int i = 0; i < n / 4; i++) {
            double x = ldexp(uniform(1, 2), (int)uniform(19, 1000)) * (i & 1 ? -1 : 1);
            double e = ulps(trig_ours[k](x), trig_ref[k](x));
            if (e > worst) worst = e, at = x;
        }
        report(trig_names[k], worst, 2, at);
    }
    double worst = 0, atx = 0;
    for (int i = 0; i < n; i++) {
        double x = uniform(0, 100), y = uniform(-150, 150);
        double e = ulps(rt_pow(x, y), pow(x, y));
        if (e > worst) worst = e, atx = x;
    }
    report("pow", worst, 2, atx);
    worst = 0;
    for (int i = 0; i < n; i++) {
        double x = uniform(-20, 20), y = (double)(int)uniform(-40, 40);
        double e = ulps(rt_pow(x, y), pow(x, y));
        if (e > worst) worst = e, atx = x;
    }
    report("pow-int", worst, 2, atx);
    /* C99 special cases */
    double sx[] = { 0.0, -0.0, 1, -1, 2, -2, 0.5, INFINITY, -INFINITY, NAN };
    int bad = 0;
    for (unsigned i = 0; i < 10; i++)
        for (unsigned j = 0; j < 10; j++) {
            double a = rt_pow(sx[i], sx[j]), b = pow(sx[i], sx[j]);
            if (!(a == b && signbit(a) == signbit(b)) && !(isnan(a) && isnan(b))) {
                printf("# pow(%g, %g) = %g, want %g\n", sx[i], sx[j], a, b);
                bad++;
            }
        }
    printf("%s runtime/math-pow-special%s\n", bad ? "FAIL" : "PASS", bad ? ": see above" : "");
    return 0;
}
