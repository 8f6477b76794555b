/* numfmt.h — exact conversions between doubles and decimal text.
 *
 * Shared by the freestanding runtime (printing, string concatenation, arrayJoin)
 * and the hosted compiler (number literals), so it depends on <stddef.h> only and
 * the implementation calls no library function at all.
 */
#ifndef SOX_NUMFMT_H
#define SOX_NUMFMT_H
#include <stddef.h>

/* The largest string sox_format_g writes, terminating NUL included.  The longest
 * outputs are "-1.2345678901234567e-308" (24 characters) and
 * "-0.00012345678901234567" (23). */
#define SOX_FORMAT_G_MAX 32

/* Writes v as C's printf("%.<precision>g", v) does with glibc, and returns the
 * length (the NUL written after it is not counted).  The decimal digits are the
 * exact binary value rounded half-to-even, as glibc does.  Differences from glibc,
 * on purpose (DESIGN.md §6): every NaN prints as "nan", never "-nan".
 * precision < 1 is taken as 1 (as C does for 0) and precision > 17 as 17:
 * 17 digits already identify every double.  buf must hold SOX_FORMAT_G_MAX bytes.
 * print uses precision 6 ("%g"), arrayJoin 14 ("%.14g"). */
int sox_format_g(double v, int precision, char *buf);

/* Returns the double nearest to the decimal number s[0..len) (ties to even), which
 * has the form DIGITS ("." DIGITS)? of a Sox number literal.  Any number of digits
 * is exact.  Values above DBL_MAX round to inf, tiny ones to subnormals or 0.
 * Parsing stops at the first character that does not fit the form; an input with
 * no digits gives 0. */
double sox_parse_number(const char *s, size_t len);

#endif
