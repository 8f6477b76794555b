/* Float kernels: dot product, axpy, polynomial evaluation, Newton sqrt, statistics, matmul. */
#include <math.h>
#include <stddef.h>

double dot(const double *a, const double *b, size_t n) {
    double s = 0;
    for (size_t i = 0; i < n; i++) s += a[i] * b[i];
    return s;
}

void axpy(double *y, const double *x, double a, int n) {
    for (int i = 0; i < n; i++) y[i] = a * x[i] + y[i];
}

double horner(const double *c, int n, double x) {
    double r = 0;
    for (int i = n - 1; i >= 0; i--) r = r * x + c[i];
    return r;
}

double newton_sqrt(double v) {
    if (v <= 0) return 0;
    double x = v > 1 ? v / 2 : 1;
    for (int i = 0; i < 60; i++) {
        double nx = 0.5 * (x + v / x);
        if (fabs(nx - x) < 1e-15 * nx) break;
        x = nx;
    }
    return x;
}

void stats(const double *v, int n, double *mean, double *var, double *mn, double *mx) {
    double s = 0, q = 0, lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < n; i++) {
        s += v[i];
        q += v[i] * v[i];
        lo = v[i] < lo ? v[i] : lo;
        hi = v[i] > hi ? v[i] : hi;
    }
    *mean = s / n;
    *var = q / n - *mean * *mean;
    *mn = lo;
    *mx = hi;
}

void matmul(int n, const double *a, const double *b, double *c) {
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < n; k++) s += a[i * n + k] * b[k * n + j];
            c[i * n + j] = s;
        }
}

long to_fixed(double d) { return (long)(d * 65536.0); }
float narrow(double d) { return (float)d; }
double widen(float f, int i, long l) { return f + i + (double)l; }
int classify(double d) { return d != d ? 0 : d == INFINITY ? 1 : d < 0 ? 2 : 3; }
double clampd(double x, double lo, double hi) { return fmin(fmax(x, lo), hi); }
