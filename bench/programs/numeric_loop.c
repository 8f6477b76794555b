#include <stdio.h>
int main(void) {
  volatile double x = 0.5;
  double sum = 0;
  for (double i = 0; i < 20000000; i = i + 1) sum = sum + i * x - sum / 1024;
  printf("%g\n", sum);
  return 0;
}
