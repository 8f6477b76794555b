#include "diag.h"
#include "buf.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *program = "sox";
int diag_error_count;

void diag_set_program(const char *name) { program = name; }

static int use_color(void) {
    static int cached = -1;
    if (cached < 0) {
        const char *no = getenv("NO_COLOR");
        cached = isatty(2) && !(no && *no);
    }
    return cached;
}

static const char *kind_color(const char *kind) {
    if (strcmp(kind, "error") == 0 || strcmp(kind, "fatal error") == 0)
        return "\033[1;31m";
    if (strcmp(kind, "warning") == 0)
        return "\033[1;35m";
    return "\033[1;36m";
}

void verror_at(const char *kind, SrcLoc loc, const char *fmt, va_list ap) {
    int color = use_color();
    if (color)
        fputs("\033[1m", stderr);
    if (loc.file && loc.line > 0 && loc.col > 0)
        fprintf(stderr, "%s:%d:%d: ", loc.file, loc.line, loc.col);
    else if (loc.file && loc.line > 0)
        fprintf(stderr, "%s:%d: ", loc.file, loc.line);
    else if (loc.file)
        fprintf(stderr, "%s: ", loc.file);
    else
        fprintf(stderr, "%s: ", program);
    if (color)
        fprintf(stderr, "%s%s:\033[0m\033[1m ", kind_color(kind), kind);
    else
        fprintf(stderr, "%s: ", kind);
    vfprintf(stderr, fmt, ap);
    if (color)
        fputs("\033[0m", stderr);
    fputc('\n', stderr);
    if (loc.line_text) {
        fprintf(stderr, "%5d | %.*s\n      | ", loc.line, (int)loc.line_len, loc.line_text);
        /* Keep tabs so the caret lines up under tab-indented source. */
        for (int i = 1; i < loc.col && (size_t)(i - 1) < loc.line_len; i++)
            fputc(loc.line_text[i - 1] == '\t' ? '\t' : ' ', stderr);
        fputs(color ? "\033[1;32m^\033[0m\n" : "^\n", stderr);
    }
    if (strcmp(kind, "error") == 0 || strcmp(kind, "fatal error") == 0)
        diag_error_count++;
}

#define FORWARD(kind, loc)                                                                         \
    do {                                                                                           \
        va_list ap;                                                                                \
        va_start(ap, fmt);                                                                         \
        verror_at(kind, loc, fmt, ap);                                                             \
        va_end(ap);                                                                                \
    } while (0)

void error_at(SrcLoc loc, const char *fmt, ...) { FORWARD("error", loc); }
void warning_at(SrcLoc loc, const char *fmt, ...) { FORWARD("warning", loc); }
void note_at(SrcLoc loc, const char *fmt, ...) { FORWARD("note", loc); }
void error_in(const char *file, const char *fmt, ...) { FORWARD("error", ((SrcLoc){.file = file})); }
void error(const char *fmt, ...) { FORWARD("error", ((SrcLoc){0})); }

/* ---- Atomic output ---- */

struct OutFile {
    char *path, *tmp;   /* tmp == NULL: writing in place (a device, a pipe) */
    int fd;
    OutFile *next;
};

static OutFile *pending;

static void unlink_pending(void) {
    for (OutFile *f = pending; f; f = f->next)
        if (f->tmp)
            unlink(f->tmp);
}

_Noreturn void fatal(const char *fmt, ...) {
    FORWARD("fatal error", ((SrcLoc){0}));
    unlink_pending();
    exit(1);
}

static void unlist(OutFile *f) {
    for (OutFile **p = &pending; *p; p = &(*p)->next)
        if (*p == f) {
            *p = f->next;
            return;
        }
}

OutFile *out_open(const char *path) {
    static int registered;
    if (!registered) {
        atexit(unlink_pending);
        registered = 1;
    }
    OutFile *f = xcalloc(1, sizeof *f);
    f->path = xstrdup(path);
    /* Only regular files are replaced by renaming: /dev/null, /dev/full, a FIFO or a
     * terminal must be written in place, never replaced by a file of ours. */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        f->fd = open(path, O_WRONLY);
    } else {
        f->tmp = xformat("%s.tmp%ld", path, (long)getpid());
        f->fd = open(f->tmp, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    }
    if (f->fd < 0) {
        error("cannot open output file '%s': %s", path, strerror(errno));
        free(f->path);
        free(f->tmp);
        free(f);
        return NULL;
    }
    f->next = pending;
    pending = f;
    return f;
}

int out_write(OutFile *f, const void *p, size_t n) {
    const char *c = p;
    while (n > 0) {
        ssize_t k = write(f->fd, c, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            error("cannot write '%s': %s", f->path, strerror(errno));
            return -1;
        }
        c += k;
        n -= (size_t)k;
    }
    return 0;
}

static void out_free(OutFile *f) {
    unlist(f);
    free(f->path);
    free(f->tmp);
    free(f);
}

void out_abort(OutFile *f) {
    if (!f)
        return;
    close(f->fd);
    if (f->tmp)
        unlink(f->tmp);
    out_free(f);
}

int out_commit(OutFile *f, int executable) {
    int rc = 0;
    if (!f->tmp) {
        if (close(f->fd) != 0) {
            error("cannot write '%s': %s", f->path, strerror(errno));
            rc = -1;
        }
        out_free(f);
        return rc;
    }
    if (executable) {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(f->fd, 0777 & ~mask);
    }
    if (close(f->fd) != 0) {
        error("cannot write '%s': %s", f->path, strerror(errno));
        rc = -1;
    } else if (rename(f->tmp, f->path) != 0) {
        error("cannot create '%s': %s", f->path, strerror(errno));
        rc = -1;
    }
    if (rc)
        unlink(f->tmp);
    out_free(f);
    return rc;
}

int write_file_atomic(const char *path, const void *data, size_t len, int executable) {
    OutFile *f = out_open(path);
    if (!f)
        return -1;
    if (out_write(f, data, len) != 0) {
        out_abort(f);
        return -1;
    }
    return out_commit(f, executable);
}

char *read_file(const char *path, size_t *len) {
    int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
    if (fd < 0) {
        error("cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    Buf b = {0};
    /* A regular file's size is known: one allocation of that size (and a byte to see the end
     * and one for the NUL) instead of 64 KiB and a doubling realloc even for a 1 KB file. */
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
        buf_reserve(&b, (size_t)st.st_size + 2);
    for (;;) {
        if (b.cap - b.len < 2)
            buf_reserve(&b, 1 << 16);
        ssize_t n = read(fd, b.data + b.len, b.cap - b.len - 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            error("cannot read '%s': %s", path, strerror(errno));
            if (fd)
                close(fd);
            buf_free(&b);
            return NULL;
        }
        if (n == 0)
            break;
        b.len += (size_t)n;
    }
    if (fd)
        close(fd);
    buf_reserve(&b, 1);
    b.data[b.len] = 0;
    *len = b.len;
    return (char *)b.data;
}
