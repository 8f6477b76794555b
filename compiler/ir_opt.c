/* ir_opt.c — small clean-ups on the IR before register allocation.
 *
 * Unreachable blocks are dropped.  Dead-code elimination: lowering is simple-minded and leaves values nobody reads
 * (the closure parameter of functions without captures, a `var` initial value that
 * is overwritten, ...).  Pure instructions whose result has no reader are dropped,
 * repeatedly, since dropping one can orphan its operands. */
#include <stdlib.h>
#include "compiler/ir.h"

static int is_pure(IrOp op) {
    switch (op) {
    case IR_CONST: case IR_MOV: case IR_PARAM: case IR_ROOT_GET: case IR_LOAD:
    case IR_UNTAG: case IR_BUF_LOAD:
        return 1;
    default:
        return 0;
    }
}

static void count_uses(const IrFunc *f, int *uses) {
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->nins; k++) {
            const IrInstr *in = &f->blocks[i]->ins[k];
            if (in->a >= 0) uses[in->a]++;
            if (in->b >= 0) uses[in->b]++;
            for (int j = 0; j < in->nargs; j++)
                if (in->args[j].kind == ARG_VREG) uses[in->args[j].v]++;
        }
}

static int remove_dead(IrFunc *f, int *uses) {
    int removed = 0;
    for (int i = 0; i < f->nblocks; i++) {
        IrBlock *b = f->blocks[i];
        int n = 0;
        for (int k = 0; k < b->nins; k++) {
            IrInstr *in = &b->ins[k];
            if (is_pure(in->op) && in->dst >= 0 && uses[in->dst] == 0) {
                removed++;
                continue;
            }
            b->ins[n++] = *in;
        }
        b->nins = n;
    }
    return removed;
}

/* Drops blocks no path from the entry reaches (code after `return`, `break`),
 * keeping the order of the rest, and renumbers them. */
static void remove_unreachable(IrFunc *f) {
    char *seen = calloc(f->nblocks + 1, 1);
    IrBlock **work = malloc((f->nblocks + 1) * sizeof *work);
    int n = 0;
    work[n++] = f->blocks[0];
    seen[0] = 1;
    while (n) {
        IrBlock *b = work[--n];
        if (!b->nins) continue;
        IrInstr *last = &b->ins[b->nins - 1];
        IrBlock *succ[2] = {last->target, last->target2};
        for (int i = 0; i < 2; i++)
            if (succ[i] && !seen[succ[i]->id]) {
                seen[succ[i]->id] = 1;
                work[n++] = succ[i];
            }
    }
    int k = 0;
    for (int i = 0; i < f->nblocks; i++) {
        IrBlock *b = f->blocks[i];
        if (seen[i]) {
            f->blocks[k++] = b;
            continue;
        }
        for (int j = 0; j < b->nins; j++) free(b->ins[j].args);
        free(b->ins);
        free(b);
    }
    f->nblocks = k;
    for (int i = 0; i < k; i++) f->blocks[i]->id = i;
    free(seen);
    free(work);
}

void ir_optimize(IrFunc *f, int opt_level) {
    remove_unreachable(f);
    if (opt_level == 0) return;
    int *uses = malloc((f->nvregs + 1) * sizeof *uses);
    for (;;) {
        for (int v = 0; v <= f->nvregs; v++) uses[v] = 0;
        count_uses(f, uses);
        if (!remove_dead(f, uses)) break;
    }
    free(uses);
}
