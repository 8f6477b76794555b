#include <stdio.h>
__attribute__((noipa)) static void f(void) {}
int main(void) { for (double i = 0; i < 5000000; i = i + 1) { f(); f(); f(); f(); } puts("done"); return 0; }
