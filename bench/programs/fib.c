#include <stdio.h>
__attribute__((noipa)) static double fib(double n) { return n < 2 ? n : fib(n - 2) + fib(n - 1); }
int main(void) { printf("%g\n", fib(35)); return 0; }
