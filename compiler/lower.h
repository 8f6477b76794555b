/* lower.h — AST to IR (lower.c). */
#ifndef SOX_LOWER_H
#define SOX_LOWER_H
#include "compiler/ast.h"
#include "compiler/ir.h"

/* Lowers every function of the program.  test_mode: the entry runs the #[test]
 * functions (sox_run_tests) instead of the script and main. */
IrProgram *lower_program(const Program *p, int test_mode);
#endif
