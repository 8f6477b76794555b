/* util.c — the other side of main.c's references. */
#include "sys.h"
extern const char greeting[];
extern int shared_counter;
__attribute__((common)) int shared_counter;

int util_table[4] = {10, 20, 30, 40};
const char *util_greeting_ptr = greeting;   /* pointer into another object */

__attribute__((weak)) int hook(void) { return 1; }
int util_hook(void) { return hook() * 100 + shared_counter; }
int util_add(int a, int b) { shared_counter++; return a + b; }

/* Hidden: resolved across objects, but a local symbol in the executable. */
__attribute__((visibility("hidden"))) int hidden_twice(int x) { return 2 * x; }
