#include <stdio.h>
#include <stdbool.h>
typedef struct Toggle Toggle;
struct Toggle { bool state; double count, countMax; Toggle *(*activate)(Toggle *); };
__attribute__((noipa)) static bool value(Toggle *t) { return t->state; }
__attribute__((noipa)) static Toggle *toggle_activate(Toggle *t) { t->state = !t->state; return t; }
__attribute__((noipa)) static Toggle *nth_activate(Toggle *t) {
  t->count = t->count + 1;
  if (t->count >= t->countMax) { toggle_activate(t); t->count = 0; }
  return t;
}
int main(void) {
  int n = 1000000;
  bool val = true;
  Toggle toggle = {val, 0, 0, toggle_activate};
  for (int i = 0; i < n; i++)
    for (int k = 0; k < 5; k++) val = value(toggle.activate(&toggle));
  puts(value(&toggle) ? "true" : "false");
  Toggle nt = {true, 0, 3, nth_activate};
  for (int i = 0; i < n; i++)
    for (int k = 0; k < 5; k++) val = value(nt.activate(&nt));
  puts(value(&nt) ? "true" : "false");
  return val ? 0 : 0;
}
