#include <stdio.h>
#include <string.h>
__attribute__((noipa)) static int eq(const char *a, const char *b) { return a == b || strcmp(a, b) == 0; }
int main(void) {
  const char *a1 = "abc", *a2 = "abc", *b = "abd", *c = "a longer string that is different";
  double count = 0;
  for (double i = 0; i < 10000000; i = i + 1) {
    if (eq(a1, a2)) count++;
    if (eq(a1, b)) count++;
    if (!eq(a1, c)) count++;
    if (eq(b, c)) count++;
    if (eq(c, c)) count++;
  }
  printf("%g\n", count);
  return 0;
}
