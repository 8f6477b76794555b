/* ir.c — building and printing the IR (see ir.h).  The printer is for debugging:
 * SOXCC_DUMP_IR=1 makes codegen_program print every function to stderr. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "compiler/ir.h"

const char *ir_own(IrProgram *p, char *s) {
    if (p->nowned == p->capowned) {
        p->capowned = p->capowned ? 2 * p->capowned : 64;
        p->owned = xrealloc(p->owned, p->capowned * sizeof *p->owned);
    }
    p->owned[p->nowned++] = s;
    return s;
}

IrFunc *ir_func_new(IrProgram *p, const char *name, const char *sym) {
    IrFunc *f = xcalloc(1, sizeof *f);
    f->name = name;
    f->sym = sym;
    f->id = p->nfuncs;
    f->info_sym = ir_own(p, xformat("%s_info", sym));
    f->getter_root = -1;
    if (p->nfuncs == p->capfuncs) {
        p->capfuncs = p->capfuncs ? 2 * p->capfuncs : 16;
        p->funcs = xrealloc(p->funcs, p->capfuncs * sizeof *p->funcs);
    }
    p->funcs[p->nfuncs++] = f;
    ir_set_block(f, ir_block_new(f));
    return f;
}

IrBlock *ir_block_new(IrFunc *f) {
    IrBlock *b = xcalloc(1, sizeof *b);
    b->id = f->nblocks;
    if (f->nblocks == f->capblocks) {
        f->capblocks = f->capblocks ? 2 * f->capblocks : 16;
        f->blocks = xrealloc(f->blocks, f->capblocks * sizeof *f->blocks);
    }
    f->blocks[f->nblocks++] = b;
    return b;
}

void ir_set_block(IrFunc *f, IrBlock *b) { f->cur = b; }

int ir_vreg(IrFunc *f) { return f->nvregs++; }

/* Appends to the current block.  Code after a terminator (a `return` in the middle
 * of a block) is unreachable: it goes to a fresh block nobody jumps to. */
IrInstr *ir_emit(IrFunc *f, IrOp op, int dst, int a, int b) {
    IrBlock *blk = f->cur;
    if (blk->nins && ir_is_terminator(blk->ins[blk->nins - 1].op)) {
        blk = ir_block_new(f);
        f->cur = blk;
    }
    if (blk->nins == blk->cap) {
        blk->cap = blk->cap ? 2 * blk->cap : 8;
        blk->ins = xrealloc(blk->ins, blk->cap * sizeof *blk->ins);
    }
    IrInstr *in = &blk->ins[blk->nins++];
    memset(in, 0, sizeof *in);
    in->op = op;
    in->dst = dst;
    in->a = a;
    in->b = b;
    in->line = f->line;
    return in;
}

int ir_const(IrFunc *f, uint64_t word) {
    int d = ir_vreg(f);
    ir_emit(f, IR_CONST, d, -1, -1)->imm = (int64_t)word;
    return d;
}

void ir_jmp(IrFunc *f, IrBlock *to) { ir_emit(f, IR_JMP, -1, -1, -1)->target = to; }

void ir_br(IrFunc *f, int cond, IrBlock *then, IrBlock *els) {
    IrInstr *in = ir_emit(f, IR_BR, -1, cond, -1);
    in->target = then;
    in->target2 = els;
}

IrInstr *ir_rtcall(IrFunc *f, int dst, const char *sym, int nargs) {
    IrInstr *in = ir_emit(f, IR_RTCALL, dst, -1, -1);
    in->sym = sym;
    in->nargs = nargs;
    in->args = xcalloc(nargs ? nargs : 1, sizeof *in->args);
    return in;
}

int ir_buf_words(IrFunc *f, int n) {
    if (n > f->nbuf) f->nbuf = n;
    return n;
}

void ir_free_body(IrFunc *f) {
    for (int k = 0; k < f->nblocks; k++) {
        IrBlock *b = f->blocks[k];
        for (int j = 0; j < b->nins; j++) free(b->ins[j].args);
        free(b->ins);
        free(b);
    }
    free(f->blocks);
    f->blocks = NULL;
    f->nblocks = f->capblocks = 0;
    f->cur = NULL;
}

void ir_free_program(IrProgram *p) {
    for (int i = 0; i < p->nfuncs; i++) {
        ir_free_body(p->funcs[i]);
        free(p->funcs[i]);
    }
    for (int i = 0; i < p->nowned; i++) free(p->owned[i]);
    free(p->owned);
    free(p->funcs);
    free(p->strings);
    free(p->tests);
    free(p->native_str);
    free(p->native_slot);
    free(p);
}

static const char *const op_names[IR_OP_COUNT] = {
    [IR_CONST] = "const", [IR_MOV] = "mov", [IR_PARAM] = "param", [IR_ROOT_GET] = "root",
    [IR_GLOBAL_GET] = "gget", [IR_GLOBAL_SET] = "gset", [IR_GLOBAL_DEF] = "gdef",
    [IR_LOAD] = "load", [IR_STORE] = "store", [IR_UNTAG] = "untag",
    [IR_BUF_STORE] = "bufstore", [IR_BUF_LOAD] = "bufload",
    [IR_ADD] = "add", [IR_SUB] = "sub", [IR_MUL] = "mul", [IR_DIV] = "div",
    [IR_LT] = "lt", [IR_LE] = "le", [IR_GT] = "gt", [IR_GE] = "ge", [IR_EQ] = "eq", [IR_NE] = "ne",
    [IR_NEG] = "neg", [IR_NOT] = "not", [IR_CALL] = "call", [IR_RTCALL] = "rtcall",
    [IR_JMP] = "jmp", [IR_BR] = "br", [IR_BR_NEG] = "brneg", [IR_BR_IS] = "bris", [IR_RET] = "ret", [IR_TABLE_CALL] = "tablecall", [IR_INDEX_GET] = "indexget", [IR_INDEX_SET] = "indexset",
    [IR_PROP_GET] = "propget", [IR_PROP_SET] = "propset", [IR_INVOKE] = "invoke",
};

const char *ir_op_name(IrOp op) { return op < IR_OP_COUNT ? op_names[op] : "?"; }

int ir_is_terminator(IrOp op) {
    return op == IR_JMP || op == IR_BR || op == IR_BR_NEG || op == IR_BR_IS || op == IR_RET;
}

static void print_args(Buf *out, const IrInstr *in) {
    for (int i = 0; i < in->nargs; i++) {
        const IrArg *a = &in->args[i];
        buf_str(out, i ? ", " : " (");
        switch (a->kind) {
        case ARG_VREG: buf_printf(out, "v%" PRId64, a->v); break;
        case ARG_IMM: buf_printf(out, "%" PRId64, a->v); break;
        case ARG_SYM: buf_printf(out, "&%s", a->sym); break;
        case ARG_BUF: buf_printf(out, "&buf[%" PRId64 "]", a->v); break;
        }
    }
    if (in->nargs) buf_str(out, ")");
}

static void print_instr(Buf *out, const IrInstr *in) {
    buf_str(out, "    ");
    if (in->dst >= 0) buf_printf(out, "v%d = ", in->dst);
    buf_str(out, ir_op_name(in->op));
    if (in->op == IR_RTCALL) buf_printf(out, " %s", in->sym);
    if (in->a >= 0) buf_printf(out, " v%d", in->a);
    if (in->b >= 0) buf_printf(out, " v%d", in->b);
    if (in->op == IR_CONST) buf_printf(out, " 0x%" PRIx64, (uint64_t)in->imm);
    else if (in->imm || in->imm2) buf_printf(out, " #%" PRId64 " #%" PRId64, in->imm, in->imm2);
    print_args(out, in);
    if (in->target) buf_printf(out, " -> b%d", in->target->id);
    if (in->target2) buf_printf(out, ", b%d", in->target2->id);
    buf_printf(out, "    ; line %d\n", in->line);
}

void ir_print_func(Buf *out, const IrFunc *f) {
    buf_printf(out, "func %s (%s) arity %d params %d vregs %d buf %d\n", f->name, f->sym,
               f->arity, f->nparams, f->nvregs, f->nbuf);
    for (int i = 0; i < f->nblocks; i++) {
        const IrBlock *b = f->blocks[i];
        buf_printf(out, "  b%d:\n", b->id);
        for (int k = 0; k < b->nins; k++) print_instr(out, &b->ins[k]);
    }
}

void ir_print_program(Buf *out, const IrProgram *p) {
    for (int i = 0; i < p->nfuncs; i++) ir_print_func(out, p->funcs[i]);
}
