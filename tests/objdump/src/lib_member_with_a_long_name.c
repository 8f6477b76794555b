extern int lib_add(int, int);
int lib_twice(int a) { return lib_add(a, a); }
const char lib_text[] = "archive member with a long name";
