/* codegen.h — the back end's entry point (owned by the back-end engineer; this first
 * version only declares what the driver calls). */
#ifndef SOX_CODEGEN_H
#define SOX_CODEGEN_H
#include "common/buf.h"
#include "common/target.h"
#include "compiler/ast.h"

/* Where the assembly goes while it is produced: with a sink, codegen hands over what
 * asm_out holds (whole lines) whenever it passes CODEGEN_SINK_CHUNK bytes at a function's
 * end, and empties it; the caller takes what is left at the end. */
typedef struct CodegenSink {
    void (*take)(void *arg, const char *text, size_t len);
    void *arg;
} CodegenSink;
#define CODEGEN_SINK_CHUNK ((size_t)256 << 10)

/* Appends the Sox-format assembly (DESIGN.md §3) of the whole program for target t
 * to asm_out (through sink when not NULL).  opt_level 0..2; test_mode: emit the --test
 * entry (sox_run_tests) instead of calling main.  Returns 0, or non-zero after reporting
 * an error. */
int codegen_program(const Program *p, Target t, int opt_level, int test_mode, Buf *asm_out,
                    const CodegenSink *sink);
#endif
