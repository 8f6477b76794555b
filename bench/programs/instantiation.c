#include <stdio.h>
#include <stdlib.h>
typedef struct Foo { void *fields; } Foo;
__attribute__((noipa)) static void init(Foo *f) { f->fields = 0; }
__attribute__((noipa)) static Foo *foo_new(void) { Foo *f = malloc(sizeof *f); init(f); return f; }
int main(void) {
  for (double i = 0; i < 1000000; i = i + 1)
    for (int k = 0; k < 5; k++) free(foo_new());
  puts("done");
  return 0;
}
