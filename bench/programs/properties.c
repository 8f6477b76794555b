#include <stdio.h>
typedef struct Foo { double field0, field1, field2, field3, field4; } Foo;
__attribute__((noipa)) static double method0(Foo *f) { return f->field0; }
__attribute__((noipa)) static double method1(Foo *f) { return f->field1; }
__attribute__((noipa)) static double method2(Foo *f) { return f->field2; }
__attribute__((noipa)) static double method3(Foo *f) { return f->field3; }
__attribute__((noipa)) static double method4(Foo *f) { return f->field4; }
int main(void) {
  Foo foo = {1, 1, 1, 1, 1};
  double sum = 0;
  for (double i = 0; i < 1000000; i = i + 1) {
    sum = sum + method0(&foo) + method1(&foo) + method2(&foo) + method3(&foo) + method4(&foo);
    foo.field0 = foo.field1; foo.field2 = foo.field3;
  }
  printf("%g\n", sum);
  return 0;
}
