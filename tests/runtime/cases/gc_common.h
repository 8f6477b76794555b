/* Shared by the GC tests: peak resident memory from /proc/self/status (VmHWM). */
#include "tests/runtime/harness.h"

static int64_t peak_rss_kib(void)
{
    char buf[4096];
    int64_t fd = sys_openat_read("/proc/self/status");
    if (fd < 0)
        return -1;
    int64_t n = sys_read((int)fd, buf, sizeof buf - 1);
    sys_close((int)fd);
    if (n <= 0)
        return -1;
    buf[n] = 0;
    for (char *p = buf; *p; p++)
        if (memcmp(p, "VmHWM:", 6) == 0) {
            int64_t kib = 0;
            for (p += 6; *p == ' ' || *p == '\t'; p++)
                ;
            for (; *p >= '0' && *p <= '9'; p++)
                kib = kib * 10 + (*p - '0');
            return kib;
        }
    return -1;
}
