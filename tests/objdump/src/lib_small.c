int lib_add(int a, int b) { return a + b; }
int lib_value = 42;
