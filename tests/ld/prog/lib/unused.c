/* lib/unused.c — never referenced: must not be pulled from the archive (it would clash). */
int util_add(int a, int b) { return a - b; }
int never_called(void) { return 99; }
