/* lower.h — AST to IR (lower.c). */
#ifndef SOX_LOWER_H
#define SOX_LOWER_H
#include "compiler/ast.h"
#include "compiler/ir.h"

/* Receives each function as soon as it is lowered (the script last, then the
 * --test entry), so the back end can emit it and free its body (ir_free_body)
 * before the next one exists: the IR of the whole program is never in memory. */
typedef void (*LowerSink)(IrProgram *ir, IrFunc *f, void *ctx);

/* Lowers every function of the program.  test_mode: the entry runs the #[test]
 * functions (sox_run_tests) instead of the script and main. */
IrProgram *lower_program(const Program *p, int test_mode, LowerSink sink, void *ctx);
#endif
