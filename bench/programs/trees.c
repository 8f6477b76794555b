#include <stdio.h>
#include <stdlib.h>
typedef struct Tree { double depth; struct Tree *k[5]; } Tree;
__attribute__((noipa)) static Tree *tree_new(double depth) {
  Tree *t = malloc(sizeof *t);
  t->depth = depth;
  if (depth > 0) for (int i = 0; i < 5; i++) t->k[i] = tree_new(depth - 1);
  return t;
}
__attribute__((noipa)) static double walk(Tree *t) {
  if (t->depth == 0) return 0;
  return t->depth + walk(t->k[0]) + walk(t->k[1]) + walk(t->k[2]) + walk(t->k[3]) + walk(t->k[4]);
}
int main(void) {
  Tree *tree = tree_new(8);
  for (int i = 0; i < 20; i++) if (walk(tree) != 122068) puts("Error");
  printf("%g\n", walk(tree));
  return 0;
}
