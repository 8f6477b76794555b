/* soxld.h — the static linker as a library (used by bin/soxld and by the soxcc driver).
 *
 * One call links ELF64 relocatable objects and ar archives into a static, non-PIE ET_EXEC.
 * Diagnostics go to stderr in the binutils form ("file: error: ..."); on any error nothing
 * is left at the output path. */
#ifndef SOXLD_H
#define SOXLD_H
#include "common/target.h"

typedef struct SoxldInput {
    const char *name;           /* a path, or for -l the library name ("soxrt", ":libx.a") */
    int is_library;             /* 1: search lib<name>.a in the library directories */
} SoxldInput;

typedef struct SoxldOptions {
    Target target;              /* TARGET_NONE: taken from the first object */
    const SoxldInput *inputs;   /* in command-line order (archive semantics depend on it) */
    int ninputs;
    const char *const *lib_dirs; /* -L, searched in order; "=dir" is relative to sysroot */
    int nlib_dirs;
    const char *sysroot;        /* --sysroot, or NULL */
    const char *output;         /* NULL: "a.out" */
    const char *entry;          /* NULL: "_start" */
    const char *map_file;       /* -Map, or NULL */
    int gc_sections;            /* --gc-sections */
    int strip;                  /* -s: no .symtab/.strtab */
    int verbose;                /* -v/--verbose: trace loaded files on stderr */
} SoxldOptions;

/* Returns 0 on success, 1 after reporting errors. Safe to call repeatedly in one process. */
int soxld_link(const SoxldOptions *opts);

#define SOXLD_VERSION "0.1"
#endif
