/* diag.h — diagnostics in the gcc/binutils form, shared by every tool.
 *
 *   prog: error: message                      (no location)
 *   file:line:col: error: message             (source text), then the line and a caret
 *   file: error: message                      (binary input; say the offset in the message)
 *
 * Colour only when stderr is a terminal and NO_COLOR is unset. */
#ifndef SOX_DIAG_H
#define SOX_DIAG_H
#include <stdarg.h>
#include <stddef.h>

typedef struct SrcLoc {
    const char *file;       /* path as the user gave it */
    int line, col;          /* 1-based; 0 = unknown */
    const char *line_text;  /* start of the source line (not NUL-terminated), or NULL */
    size_t line_len;
} SrcLoc;

void diag_set_program(const char *name);     /* "soxas", ... used when there is no location */
extern int diag_error_count;

void error_at(SrcLoc loc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void warning_at(SrcLoc loc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void note_at(SrcLoc loc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void error_in(const char *file, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void verror_at(const char *kind, SrcLoc loc, const char *fmt, va_list ap);
/* Prints "prog: fatal error: ...", removes pending output files, exits 1. */
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- Files ---- */
/* Reads a whole file ("-" = stdin). Returns NULL and reports "cannot open 'f': reason". */
char *read_file(const char *path, size_t *len);

/* Output written atomically: to a temporary file beside the target, renamed on commit.
 * Any output still pending at exit (error or fatal) is removed, so no partial file is
 * ever left where the user asked for one. */
typedef struct OutFile OutFile;
OutFile *out_open(const char *path);          /* NULL + error on failure */
int out_write(OutFile *f, const void *p, size_t n);
int out_commit(OutFile *f, int executable);    /* 0 on success; on failure reports and removes */
void out_abort(OutFile *f);
/* One-shot helper: writes data atomically; returns 0 or -1 (error already reported). */
int write_file_atomic(const char *path, const void *data, size_t len, int executable);
#endif
