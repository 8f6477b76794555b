/* fuzz_util.c — see fuzz_util.h. */
#include "fuzz/fuzz_util.h"
#include "common/buf.h"
#include "common/diag.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char scratch[256];

static void remove_scratch(void) {
    DIR *d = opendir(scratch);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            char path[512];
            snprintf(path, sizeof path, "%s/%s", scratch, e->d_name);
            unlink(path);
        }
    closedir(d);
    rmdir(scratch);
}

const char *fuzz_scratch_dir(void) {
    if (scratch[0])
        return scratch;
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(scratch, sizeof scratch, "%s/soxfuzz.XXXXXX", base);
    if (!mkdtemp(scratch)) {
        perror("mkdtemp");
        abort();
    }
    atexit(remove_scratch);
    return scratch;
}

const char *fuzz_path(const char *name) {
    /* A few slots, so that two paths can be live at once. */
    static char paths[4][512];
    static int next;
    char *p = paths[next++ % 4];
    snprintf(p, sizeof paths[0], "%s/%s", fuzz_scratch_dir(), name);
    return p;
}

const char *fuzz_write_file(const char *name, const uint8_t *data, size_t size) {
    const char *path = fuzz_path(name);
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        perror(path);
        abort();
    }
    return path;
}

char *fuzz_strndup(const uint8_t *data, size_t size) {
    char *s = xmalloc(size + 1);
    memcpy(s, data, size);
    s[size] = 0;
    return s;
}

/* True when stderr goes to /dev/null, as with libFuzzer's -close_fd_mask=2 (fuzz/run.sh). */
static int stderr_discarded(void) {
    struct stat err, null;
    return fstat(2, &err) == 0 && stat("/dev/null", &null) == 0 && err.st_dev == null.st_dev &&
           err.st_ino == null.st_ino;
}

void fuzz_reset_diagnostics(void) {
    /* The tools' stderr is unbuffered (a diagnostic appears at once), so one error with its
     * source line and caret costs dozens of write(2) calls, and most mutated inputs earn
     * several errors: those writes were a large part of every execution.  When the output is
     * discarded anyway it is fully buffered instead: the same diagnostic code runs, with a
     * few system calls per buffer instead.  A replayed input (stderr a terminal or a file)
     * keeps every diagnostic in order with a sanitizer report. */
    static char buffer[1 << 16];
    static int checked;
    if (!checked) {
        checked = 1;
        if (stderr_discarded())
            setvbuf(stderr, buffer, _IOFBF, sizeof buffer);
    }
    diag_error_count = 0;
}
