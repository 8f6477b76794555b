#include <stdio.h>
/* Values as tagged words, compared the way a dynamic language must. */
typedef struct { int tag; double num; const char *str; } V;
__attribute__((noipa)) static int eq(V a, V b) {
  if (a.tag != b.tag) return 0;
  if (a.tag == 1) return a.num == b.num;
  if (a.tag == 2) return a.str == b.str;
  return 1;
}
int main(void) {
  double count = 0;
  V nil = {0, 0, 0}, one = {1, 1, 0}, two = {1, 2, 0}, t = {3, 1, 0}, f = {3, 0, 0}, s = {2, 0, "str"};
  for (double i = 0; i < 10000000; i = i + 1) {
    V vi = {1, i, 0}, vi1 = {1, i + 1, 0};
    if (eq(one, one)) count++;
    if (eq(one, two)) count++;
    if (eq(nil, nil)) count++;
    if (eq(t, f)) count++;
    if (eq(vi, s)) count++;
    if (eq(nil, vi)) count++;
    if (eq(t, t)) count++;
    if (!eq(vi, vi1)) count++;
  }
  printf("%g\n", count);
  return 0;
}
