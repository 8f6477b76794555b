/* Sorting: insertion sort, quicksort with median of three, merge sort, and a checker. */
#include <stdlib.h>
#include <string.h>

static void insertion(int *a, int n) {
    for (int i = 1; i < n; i++) {
        int v = a[i], j = i - 1;
        while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
        a[j + 1] = v;
    }
}

static void swap(int *a, int *b) { int t = *a; *a = *b; *b = t; }

void quicksort(int *a, int n) {
    while (n > 16) {
        int m = n / 2;
        if (a[m] < a[0]) swap(&a[m], &a[0]);
        if (a[n - 1] < a[0]) swap(&a[n - 1], &a[0]);
        if (a[n - 1] < a[m]) swap(&a[n - 1], &a[m]);
        int pivot = a[m], i = 0, j = n - 1;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) swap(&a[i++], &a[j--]);
        }
        if (j + 1 < n - i) { quicksort(a, j + 1); a += i; n -= i; }
        else { quicksort(a + i, n - i); n = j + 1; }
    }
    insertion(a, n);
}

void merge_sort(long *a, long *tmp, size_t n) {
    if (n < 2) return;
    size_t h = n / 2;
    merge_sort(a, tmp, h);
    merge_sort(a + h, tmp, n - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
    while (i < h) tmp[k++] = a[i++];
    while (j < n) tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

static int cmp_double(const void *x, const void *y) {
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

int sorted_check(void) {
    int a[100];
    unsigned s = 12345;
    for (int i = 0; i < 100; i++) { s = s * 1103515245u + 12345u; a[i] = (int)(s >> 16) % 1000; }
    quicksort(a, 100);
    for (int i = 1; i < 100; i++) if (a[i - 1] > a[i]) return 0;
    double d[8] = { 3.5, -1, 2, 8, 0.5, 7, 7, -3 };
    qsort(d, 8, sizeof *d, cmp_double);
    return d[0] < d[7];
}
