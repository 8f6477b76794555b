#include <stdio.h>
typedef struct Zoo { double aardvark, baboon, cat, donkey, elephant, fox; } Zoo;
__attribute__((noipa)) static double ant(Zoo *z) { return z->aardvark; }
__attribute__((noipa)) static double banana(Zoo *z) { return z->baboon; }
__attribute__((noipa)) static double tuna(Zoo *z) { return z->cat; }
__attribute__((noipa)) static double hay(Zoo *z) { return z->donkey; }
__attribute__((noipa)) static double grass(Zoo *z) { return z->elephant; }
__attribute__((noipa)) static double mouse(Zoo *z) { return z->fox; }
int main(void) {
  Zoo zoo = {1, 1, 1, 1, 1, 1};
  double sum = 0;
  while (sum < 10000000) sum = sum + ant(&zoo) + banana(&zoo) + tuna(&zoo) + hay(&zoo) + grass(&zoo) + mouse(&zoo);
  printf("%g\n", sum);
  return 0;
}
