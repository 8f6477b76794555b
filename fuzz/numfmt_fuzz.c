/* numfmt_fuzz.c — the runtime's number formatting and parsing, differentially:
 *   sox_format_g(v, p)  must equal glibc's printf("%.*g", p, v) (any NaN as "nan",
 *                       precision clamped to 1..17, as numfmt.h specifies);
 *   sox_parse_number(s) must equal glibc's correctly rounded strtod(s) for every
 *                       string of the form DIGITS ("." DIGITS)?.
 * A disagreement is a finding (abort with both texts). */
#include "runtime/numfmt.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check_format(const uint8_t *data, size_t size) {
    if (size < 9)
        return;
    double v;
    memcpy(&v, data, sizeof v);
    int precision = data[8] % 20;
    int clamped = precision < 1 ? 1 : precision > 17 ? 17 : precision;
    char got[SOX_FORMAT_G_MAX + 8], want[64];
    memset(got, 0, sizeof got);
    int n = sox_format_g(v, precision, got);
    if (v != v)
        snprintf(want, sizeof want, "nan");
    else
        snprintf(want, sizeof want, "%.*g", clamped, v);
    if (n < 0 || n >= SOX_FORMAT_G_MAX || (size_t)n != strlen(got) || strcmp(got, want) != 0) {
        fprintf(stderr, "sox_format_g(%a, %d) = \"%s\" (length %d), glibc says \"%s\"\n", v, precision,
                got, n, want);
        abort();
    }
}

/* Keeps the digits of the input and its first '.' between digits: a valid Sox number. */
static size_t number_text(const uint8_t *data, size_t size, char *out) {
    size_t n = 0;
    int dot = 0;
    for (size_t i = 0; i < size; i++) {
        if (data[i] >= '0' && data[i] <= '9')
            out[n++] = (char)data[i];
        else if (data[i] == '.' && !dot && n > 0) {
            out[n++] = '.';
            dot = 1;
        }
    }
    if (n > 0 && out[n - 1] == '.')
        n--;
    out[n] = 0;
    return n;
}

static void check_parse(const uint8_t *data, size_t size) {
    char *text = malloc(size + 1);
    size_t n = number_text(data, size, text);
    if (n > 0) {
        double got = sox_parse_number(text, n), want = strtod(text, NULL);
        if (memcmp(&got, &want, sizeof got) != 0) {
            fprintf(stderr, "sox_parse_number(\"%.200s\") = %a, strtod says %a\n", text, got, want);
            abort();
        }
    }
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    check_format(data, size);
    check_parse(data, size);
    /* Also straight on the raw bytes: must not crash, whatever it returns. */
    volatile double any = sox_parse_number((const char *)data, size);
    (void)any;
    return 0;
}
