#include <stdio.h>
#include <stdlib.h>
typedef struct Tree { double item, depth; struct Tree *left, *right; } Tree;
__attribute__((noipa)) static Tree *tree_new(double item, double depth) {
  Tree *t = malloc(sizeof *t);
  t->item = item; t->depth = depth;
  if (depth > 0) {
    double item2 = item + item;
    depth = depth - 1;
    t->left = tree_new(item2 - 1, depth);
    t->right = tree_new(item2, depth);
  } else t->left = t->right = NULL;
  return t;
}
__attribute__((noipa)) static double check(Tree *t) {
  return t->left ? t->item + check(t->left) - check(t->right) : t->item;
}
static void tree_free(Tree *t) { if (t) { tree_free(t->left); tree_free(t->right); free(t); } }
static double check_free(Tree *t) { double c = check(t); tree_free(t); return c; }
int main(void) {
  int minDepth = 4, maxDepth = 12, stretch = maxDepth + 1;
  printf("stretch tree of depth %d check: %g\n", stretch, check_free(tree_new(0, stretch)));
  Tree *longLived = tree_new(0, maxDepth);
  double iterations = 1;
  for (int i = 0; i < maxDepth; i++) iterations *= 2;
  for (int d = minDepth; d < stretch; d += 2) {
    double c = 0;
    for (double i = 1; i <= iterations; i++) c += check_free(tree_new(i, d)) + check_free(tree_new(-i, d));
    printf("num trees: %g, depth: %d, check: %g\n", iterations * 2, d, c);
    iterations /= 4;
  }
  printf("long lived tree of depth: %d, check: %g\n", maxDepth, check(longLived));
  return 0;
}
