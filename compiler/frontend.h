/* frontend.h — from a Sox source file to a resolved Program (see ast.h). */
#ifndef SOX_FRONTEND_H
#define SOX_FRONTEND_H
#include "compiler/ast.h"

typedef struct FrontendOptions {
    int test_mode;              /* soxcc --test: collect #[test] functions */
} FrontendOptions;

/* Reads, parses and resolves `path` and every module it imports.  Reports every
 * error as `file:line:col: error: ...` (common/diag.h) and returns NULL if there
 * was any. */
Program *frontend_parse_program(const char *path, const FrontendOptions *opts);
void program_free(Program *p);
#endif
