/* codegen.c — the back end's driver: lower the program, allocate registers, let the
 * target's emitter write each function, then write the data every program has:
 * SoxFuncInfo records, string bytes, line tables (SoxFuncDebug), the program info,
 * the roots array (.data, all SOX_UNDEF at load time) and the caches (.bss).
 * The data directives are spelled the same for both targets. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "compiler/codegen.h"
#include "compiler/codegen_target.h"
#include "compiler/lower.h"
#include "runtime/sox_abi.h"

int cg_new_label(FuncCtx *c) { return (*c->label_counter)++; }

char *cg_put_str(char *dst, const char *s) {
    while (*s) *dst++ = *s++;
    *dst = 0;
    return dst;
}

char *cg_put_dec(char *dst, int64_t v) {
    char tmp[24], *p = tmp + sizeof tmp;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do *--p = (char)('0' + u % 10); while (u /= 10);
    if (v < 0) *dst++ = '-';
    while (p < tmp + sizeof tmp) *dst++ = *p++;
    *dst = 0;
    return dst;
}

const char *cg_block_label(char *dst, const FuncCtx *c, int id) {
    cg_put_dec(cg_put_str(dst, ".LL"), c->block_base + id);
    return dst;
}

/* Line table.  The runtime only ever looks up return addresses (ra-1, see
 * runtime/sox_abi.h): only calls need the right line, so marks go just before
 * calls whose line differs from the previous call's in address order, not at
 * every statement.  A mark may sit anywhere after the previous call, so the body
 * reuses a label defined since then (a block, or the return point of the previous
 * call) and only makes a fresh one when there is none; a slow path reuses its own
 * entry label (nothing before its call can call).  Fewer labels: a faster
 * assembler. */
static void add_mark(LineMark **marks, int *n, int *cap, LineMark m) {
    if (*n == *cap) {
        *cap = *cap ? 2 * *cap : 16;
        *marks = xrealloc(*marks, *cap * sizeof **marks);
    }
    (*marks)[(*n)++] = m;
}

void cg_line(FuncCtx *c, int line) {
    if (line > 0) c->cur_line = line;
}

void cg_cold_begin(FuncCtx *c, int label, int line) {
    c->cold_label = label;
    c->cold_line = line > 0 ? line : 1;
}

void cg_call_site(FuncCtx *c, Buf *o) {
    if (o == &c->cold) {
        if (c->cold_line == c->cold_marked) return;
        add_mark(&c->cold_lines, &c->ncold, &c->capcold, (LineMark){c->cold_label, c->cold_line});
        c->cold_marked = c->cold_line;
        return;
    }
    if (c->cur_line != c->marked_line) {
        if (c->free_label < 0) cg_label(c, o, cg_new_label(c));
        add_mark(&c->lines, &c->nlines, &c->caplines, (LineMark){c->free_label, c->cur_line});
        c->marked_line = c->cur_line;
    }
    c->free_label = -1;     /* the call comes next */
}

void cg_label(FuncCtx *c, Buf *o, int n) {
    buf_fmt(o, ".LL%d:\n", n);
    if (o == c->out) c->free_label = n;
}

int cg_is_number_const(const FuncCtx *c, int v) {
    return c->is_const[v] && SOX_IS_NUMBER(c->const_val[v]);
}

int cg_known_number(const FuncCtx *c, const IrInstr *in, int v) {
    return c->is_num[v] || (v == in->a && (in->num_ops & 1)) || (v == in->b && (in->num_ops & 2));
}

/* x / d == x * (1/d) exactly when d is a power of two whose reciprocal is a
 * normal double: both are the one rounding of the same real number.  The
 * emitters use it to turn a division by such a constant into a multiplication
 * (a quarter of the latency).  Returns 0 when d does not qualify. */
int cg_exact_reciprocal(uint64_t d, uint64_t *recip) {
    uint64_t exp = (d >> 52) & 0x7ff, mantissa = d & 0xfffffffffffffULL;
    if (mantissa || exp < 1 || exp > 2045) return 0;
    *recip = (d & 0x8000000000000000ULL) | ((2046 - exp) << 52);
    return 1;
}

/* A block only entered by falling through needs no label: fewer lines to
 * assemble.  The emitters name a branch's successor when it is not the next block,
 * and both successors of a compare fused with its branch (its slow path jumps to
 * either); BR_NEG and BR_IS always name their taken target. */
static void mark_targeted(FuncCtx *c) {
    const IrFunc *f = c->f;
    c->targeted = xcalloc(f->nblocks + 1, 1);
    for (int i = 0; i < f->nblocks; i++) {
        const IrBlock *b = f->blocks[i];
        if (!b->nins) continue;
        const IrInstr *last = &b->ins[b->nins - 1], *prev = b->nins > 1 ? last - 1 : NULL;
        int fused = last->op == IR_BR && prev && prev->op >= IR_LT && prev->op <= IR_NE &&
                    prev->dst == last->a && c->uses[last->a] == 1;
        int always = fused || last->op == IR_BR_NEG || last->op == IR_BR_IS;
        if (last->target && (always || last->target->id != i + 1)) c->targeted[last->target->id] = 1;
        if (last->target2 && (fused || last->target2->id != i + 1)) c->targeted[last->target2->id] = 1;
    }
}

/* Whether instruction `in` surely writes a number, given what is_num says of its
 * operands: a number constant, -, *, / and unary - (their slow paths return a
 * number or raise), + of two numbers, a copy of a number. */
static int defines_number(const IrInstr *in, const uint8_t *is_num) {
    switch (in->op) {
    case IR_CONST: return SOX_IS_NUMBER((uint64_t)in->imm);
    case IR_SUB: case IR_MUL: case IR_DIV: case IR_NEG: return 1;
    case IR_ADD: return is_num[in->a] && is_num[in->b];
    case IR_MOV: return is_num[in->a];
    default: return 0;
    }
}

/* The vregs every definition of which writes a number (loop counters, arithmetic
 * results): start from "all defined vregs" and drop any with a definition that
 * may not, until nothing changes.  Vregs are always written before they are read,
 * so such a vreg holds a number at every read and needs no number check. */
static void find_numbers(FuncCtx *c, const int *defs) {
    const IrFunc *f = c->f;
    c->is_num = xcalloc(f->nvregs + 1, 1);
    for (int v = 0; v < f->nvregs; v++) c->is_num[v] = defs[v] > 0;
    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = 0; i < f->nblocks; i++)
            for (int k = 0; k < f->blocks[i]->nins; k++) {
                const IrInstr *in = &f->blocks[i]->ins[k];
                if (in->dst >= 0 && c->is_num[in->dst] && !defines_number(in, c->is_num)) {
                    c->is_num[in->dst] = 0;
                    changed = 1;
                }
            }
    }
}

static void find_fp_candidates(FuncCtx *c);

/* An interned name that only property reads, writes and invocations take as their name
 * operand is needed on their slow paths alone: it gets no register, and those load it
 * (const_val = its root). */
static void find_cold_names(FuncCtx *c, const int *defs) {
    const IrFunc *f = c->f;
    c->cold_name = xcalloc(f->nvregs + 1, 1);
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->nins; k++) {
            const IrInstr *in = &f->blocks[i]->ins[k];
            if (in->op == IR_ROOT_GET && defs[in->dst] == 1) {
                c->cold_name[in->dst] = 1;
                c->const_val[in->dst] = (uint64_t)in->imm;
            }
        }
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->nins; k++) {
            const IrInstr *in = &f->blocks[i]->ins[k];
            int property = in->op == IR_PROP_GET || in->op == IR_PROP_SET || in->op == IR_INVOKE;
            if (in->a >= 0) c->cold_name[in->a] = 0;
            if (in->b >= 0 && !property) c->cold_name[in->b] = 0;
            for (int j = 0; j < in->nargs; j++)
                if (in->args[j].kind == ARG_VREG) c->cold_name[in->args[j].v] = 0;
        }
}

/* Per-vreg facts the emitters use: read counts (to fuse a comparison with the
 * branch that is its only reader) and constants (to skip type checks). */
static void analyse_vregs(FuncCtx *c) {
    const IrFunc *f = c->f;
    int n = f->nvregs + 1;
    c->uses = xcalloc(n, sizeof *c->uses);
    c->is_const = xcalloc(n, 1);
    c->const_val = xcalloc(n, sizeof *c->const_val);
    int *defs = xcalloc(n, sizeof *defs);
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->nins; k++) {
            const IrInstr *in = &f->blocks[i]->ins[k];
            if (in->a >= 0) c->uses[in->a]++;
            if (in->b >= 0) c->uses[in->b]++;
            for (int j = 0; j < in->nargs; j++)
                if (in->args[j].kind == ARG_VREG) c->uses[in->args[j].v]++;
            if (in->dst >= 0) {
                defs[in->dst]++;
                if (in->op == IR_CONST) c->const_val[in->dst] = (uint64_t)in->imm;
                c->is_const[in->dst] = in->op == IR_CONST;
            }
        }
    for (int v = 0; v < f->nvregs; v++)
        if (defs[v] != 1) c->is_const[v] = 0;
    find_numbers(c, defs);
    find_cold_names(c, defs);
    free(defs);
    mark_targeted(c);
    /* A constant every reader takes as an immediate gets no register: number operands of
     * arithmetic and comparisons, call arguments and returned values. */
    c->unmaterialized = xcalloc(n, 1);
    for (int v = 0; v < f->nvregs; v++)
        c->unmaterialized[v] = c->is_const[v];
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->nins; k++) {
            const IrInstr *in = &f->blocks[i]->ins[k];
            if (in->op >= IR_ADD && in->op <= IR_NE) {
                if (in->a >= 0 && !SOX_IS_NUMBER(c->const_val[in->a])) c->unmaterialized[in->a] = 0;
                if (in->b >= 0 && !SOX_IS_NUMBER(c->const_val[in->b])) c->unmaterialized[in->b] = 0;
            } else if (in->op != IR_RET) {
                if (in->a >= 0) c->unmaterialized[in->a] = 0;
                if (in->b >= 0) c->unmaterialized[in->b] = 0;
            }
            /* call arguments are loaded straight into their argument registers */
            int inline_args = in->op == IR_CALL || in->op == IR_RTCALL || in->op == IR_INVOKE;
            for (int j = 0; j < in->nargs; j++)
                if (in->args[j].kind == ARG_VREG && !inline_args) c->unmaterialized[in->args[j].v] = 0;
        }
    for (int v = 0; v < f->nvregs; v++)
        if (c->cold_name[v]) c->unmaterialized[v] = 1;
    find_fp_candidates(c);
}

/* Arithmetic or a comparison of two operands known to be numbers: no check, no slow path. */
static int pure_number_op(const FuncCtx *c, const IrInstr *in) {
    return in->op >= IR_ADD && in->op <= IR_NE && cg_known_number(c, in, in->a) &&
           cg_known_number(c, in, in->b);
}

int cg_may_call(const FuncCtx *c, const IrInstr *in) {
    switch (in->op) {
    case IR_CONST: case IR_MOV: case IR_PARAM: case IR_ROOT_GET: case IR_LOAD: case IR_STORE:
    case IR_UNTAG: case IR_BUF_STORE: case IR_BUF_LOAD: case IR_NOT: case IR_JMP: case IR_BR:
    case IR_BR_NEG: case IR_BR_IS: case IR_RET:
    case IR_GLOBAL_GET: case IR_GLOBAL_SET: case IR_GLOBAL_DEF:   /* their call never returns */
        return 0;
    case IR_EQ: case IR_NE: return 0;                              /* inline for any type */
    case IR_NEG: return !cg_known_number(c, in, in->a);
    default: return !pure_number_op(c, in);
    }
}

/* The vregs the emitters may keep in FP registers: numbers whose every definition and read
 * is a number constant, a move, a load or store of a global (no undefined check on the
 * load), a return, or arithmetic and comparisons of known numbers. */
static void find_fp_candidates(FuncCtx *c) {
    const IrFunc *f = c->f;
    c->fp_ok = xcalloc(f->nvregs + 1, 1);
    for (int v = 0; v < f->nvregs; v++) c->fp_ok[v] = c->is_num[v] && !c->unmaterialized[v];
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->nins; k++) {
            const IrInstr *in = &f->blocks[i]->ins[k];
            int ok_dst = 0, ok_a = 0, ok_b = 0;
            switch (in->op) {
            case IR_CONST: ok_dst = 1; break;
            case IR_MOV: ok_dst = ok_a = 1; break;
            case IR_GLOBAL_GET: ok_dst = in->imm2 < 0; break;
            case IR_GLOBAL_SET: case IR_GLOBAL_DEF: case IR_RET: ok_a = 1; break;
            default:
                if (pure_number_op(c, in)) ok_dst = in->op <= IR_DIV, ok_a = ok_b = 1;
                break;
            }
            if (in->dst >= 0 && !ok_dst) c->fp_ok[in->dst] = 0;
            if (in->a >= 0 && !ok_a) c->fp_ok[in->a] = 0;
            if (in->b >= 0 && !ok_b) c->fp_ok[in->b] = 0;
            for (int j = 0; j < in->nargs; j++)
                if (in->args[j].kind == ARG_VREG) c->fp_ok[in->args[j].v] = 0;
        }
}

/* The slow paths go after the body; their line marks follow the body's. */
static void finish_function(FuncCtx *c) {
    buf_append(c->out, c->cold.data, c->cold.len);
    for (int i = 0; i < c->ncold; i++)   /* the body's last entry may already cover it */
        if (!c->nlines || c->lines[c->nlines - 1].line != c->cold_lines[i].line)
            add_mark(&c->lines, &c->nlines, &c->caplines, c->cold_lines[i]);
    buf_free(&c->cold);
    free(c->cold_lines);
    free(c->uses);
    free(c->is_const);
    free(c->is_num);
    free(c->const_val);
    free(c->unmaterialized);
    free(c->cold_name);
    free(c->targeted);
    free(c->fp_ok);
    free(c->fp);
}

/* Words a call passes on the stack, maximised over the function. */
int cg_outgoing_words(const IrFunc *f, int nargregs) {
    int most = 0;
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->nins; k++) {
            const IrInstr *in = &f->blocks[i]->ins[k];
            int words = in->op == IR_TABLE_CALL ? 2 : in->op == IR_CALL ? in->nargs + 1
                      : in->op == IR_INVOKE ? in->nargs + 2 : in->op == IR_RTCALL ? in->nargs : 0;
            if (words - nargregs > most) most = words - nargregs;
        }
    return most;
}

static void emit_string_bytes(Buf *out, const char *s, int len) {
    buf_str(out, "\t.byte ");
    for (int i = 0; i < len; i++) buf_fmt(out, "%s%u", i ? "," : "", (unsigned char)s[i]);
    buf_str(out, len ? ",0\n" : "0\n");
}

static void emit_strings(Buf *out, const IrProgram *ir) {
    for (int i = 0; i < ir->nstrings; i++) {
        const IrString *s = &ir->strings[i];
        buf_fmt(out, ".Lstr%d:\n", i);
        /* printable text stays readable; anything else goes through .byte */
        int plain = 1;
        for (int k = 0; k < s->len; k++) {
            unsigned char ch = s->chars[k];
            if (ch < 32 || ch > 126 || ch == '"' || ch == '\\') plain = 0;
        }
        if (plain) buf_fmt(out, "\t.asciz \"%.*s\"\n", s->len, s->chars);
        else emit_string_bytes(out, s->chars, s->len);
    }
}

static void emit_func_info(Buf *out, const IrFunc *f, int name_label) {
    buf_fmt(out, "\t.p2align 3\n%s:\n", f->info_sym);
    buf_fmt(out, "\t.quad .Lfname%d\n", name_label);
    buf_fmt(out, "\t.long %d, %d, %d, %d\n", (int)strlen(f->name), f->arity, f->flags, f->ncells);
    if (f->getter_root >= 0) buf_fmt(out, "\t.quad .Lroots+%d\n", 8 * f->getter_root);
    else buf_str(out, "\t.quad 0\n");
}

static void emit_line_table(Buf *out, const IrFunc *f, const FuncCtx *c, int index) {
    buf_fmt(out, "\t.p2align 3\n.Llines%d:\n", index);
    for (int i = 0; i < c->nlines; i++)
        buf_fmt(out, "\t.long .LL%d-%s, %d\n", c->lines[i].label, f->sym, c->lines[i].line);
}

static void emit_program_data(Buf *out, const IrProgram *ir, const FuncCtx *ctx, const int *order) {
    buf_str(out, "\n\t.section .rodata\n");
    emit_strings(out, ir);
    for (int i = 0; i < ir->nfuncs; i++)
        buf_fmt(out, ".Lfname%d:\n\t.asciz \"%s\"\n", i, ir->funcs[i]->name);
    for (int i = 0; i < ir->nfuncs; i++) {
        emit_func_info(out, ir->funcs[i], i);
        emit_line_table(out, ir->funcs[i], &ctx[i], i);
    }
    buf_str(out, "\t.p2align 3\n.Lintern_table:\n");
    for (int i = 0; i < ir->nstrings; i++)
        if (ir->strings[i].root >= 0)
            buf_fmt(out, "\t.quad .Lstr%d, %d, %d\n", i, ir->strings[i].len, 8 * ir->strings[i].root);
    buf_str(out, "\t.quad 0, 0, 0\n.Lnative_table:\n");
    for (int i = 0; i < ir->nnatives; i++)
        buf_fmt(out, "\t.quad .Lstr%d, %d, %d\n", ir->native_str[i],
                   ir->strings[ir->native_str[i]].len, 8 * ir->native_slot[i]);
    buf_str(out, "\t.quad 0, 0, 0\n");
    buf_str(out, "\t.p2align 3\n.Lfuncs:\n");
    for (int k = 0; k < ir->nfuncs; k++) {     /* sorted by start: the runtime bisects */
        int i = order[k];
        const IrFunc *f = ir->funcs[i];
        buf_fmt(out, "\t.quad %s, .Lend%d, .Lfname%d, .Llines%d, %d\n", f->sym, i, i, i,
                   ctx[i].nlines);
    }
    buf_str(out, ".Lprogram_info:\n");
    buf_fmt(out, "\t.quad %d, .Lroots, %d, .Lfuncs, %d\n", SOX_ABI_VERSION, ir->nroots, ir->nfuncs);
    buf_fmt(out, "\t.long %u, 0\n", ir->end_line);
    if (ir->ntests) {
        buf_str(out, ".Ltests:\n");
        for (int i = 0; i < ir->ntests; i++)
            buf_fmt(out, "\t.quad .Lstr%d, .Lroots+%d\n", ir->tests[i].name_str, 8 * ir->tests[i].slot);
    } else {
        buf_str(out, ".Ltests:\n\t.quad 0, 0\n");
    }
    buf_str(out, "\n\t.data\n\t.p2align 4\n.Lroots:\n");
    for (int i = 0; i < ir->nroots; i++) buf_fmt(out, "\t.quad 0x%" PRIx64 "\n", (uint64_t)SOX_UNDEF);
    if (!ir->nroots) buf_str(out, "\t.quad 0\n");
    buf_str(out, "\n\t.bss\n\t.p2align 4\n.Lcache:\n");
    buf_fmt(out, "\t.zero %d\n", 32 * (ir->ncaches ? ir->ncaches : 1));
}

static const TargetDesc *target_desc(Target t) {
    return t == TARGET_AARCH64 ? &target_desc_aarch64 : &target_desc_x86_64;
}

/* The assembly of a big program runs to tens of megabytes, and taking one page
 * fault per 4 KB of it as it is first written cost a fifth of the compile time.
 * Past OUT_EAGER bytes, the next OUT_WINDOW bytes of the buffer are reserved and
 * populated in one madvise call per window (a no-op where unsupported).  Small
 * programs (hello world) never pay for it. */
#define OUT_EAGER ((size_t)1 << 20)
#define OUT_WINDOW ((size_t)8 << 20)

static void populate_output(Buf *out, size_t *ready) {
#ifdef MADV_POPULATE_WRITE
    if (out->len < OUT_EAGER || *ready >= out->len + OUT_WINDOW / 2) return;
    buf_reserve(out, OUT_WINDOW);
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = ((uintptr_t)out->data + out->len + page - 1) & ~(page - 1);
    uintptr_t end = ((uintptr_t)out->data + out->len + OUT_WINDOW) & ~(page - 1);
    if (end > start) madvise((void *)start, end - start, MADV_POPULATE_WRITE);
    *ready = out->len + OUT_WINDOW;
#else
    (void)out;
    (void)ready;
#endif
}

/* The back end's state while the lowerer hands it functions one by one. */
typedef struct Codegen {
    const TargetDesc *td;
    Buf *out;
    const CodegenSink *sink;
    size_t out_ready;       /* out->data is populated up to here (populate_output) */
    int opt_level;
    int dump_ir;
    int labels;             /* label counter, program-wide */
    FuncCtx *ctx;           /* per IrFunc.id: kept for the line tables */
    int nctx;
    int *order;             /* IrFunc.id in emission (= address) order */
    int nordered;
} Codegen;

static void grow_ctx(Codegen *g, int id) {
    if (id < g->nctx) return;
    int n = g->nctx ? 2 * g->nctx : 64;
    while (n <= id) n *= 2;
    g->ctx = xrealloc(g->ctx, n * sizeof *g->ctx);
    memset(g->ctx + g->nctx, 0, (n - g->nctx) * sizeof *g->ctx);
    g->order = xrealloc(g->order, n * sizeof *g->order);
    g->nctx = n;
}

/* LowerSink: optimise, allocate and emit one function, then drop its IR. */
static void emit_function(IrProgram *ir, IrFunc *f, void *arg) {
    (void)ir;
    Codegen *g = arg;
    if (g->dump_ir) {
        Buf dump = {0};
        ir_print_func(&dump, f);
        fwrite(dump.data, 1, dump.len, stderr);
        buf_free(&dump);
    }
    grow_ctx(g, f->id);
    populate_output(g->out, &g->out_ready);
    FuncCtx *c = &g->ctx[f->id];
    c->out = g->out;
    c->f = f;
    c->fid = f->id;
    c->label_counter = &g->labels;
    c->marked_line = c->cold_marked = c->free_label = -1;
    ir_optimize(f, g->opt_level);
    c->block_base = g->labels;
    g->labels += f->nblocks;
    analyse_vregs(c);
    regalloc(c, g->td->nregs, g->td->nfp, g->opt_level);
    c->nout = cg_outgoing_words(f, g->td->nargregs);
    g->td->emit_func(c);
    finish_function(c);
    buf_fmt(g->out, ".Lend%d:\n\t.size %s, .-%s\n", f->id, f->sym, f->sym);
    free(c->reg);
    free(c->slot);
    ir_free_body(f);
    g->order[g->nordered++] = f->id;
    if (g->sink && g->out->len >= CODEGEN_SINK_CHUNK) {
        g->sink->take(g->sink->arg, (const char *)g->out->data, g->out->len);
        g->out->len = 0;
    }
}

int codegen_program(const Program *p, Target t, int opt_level, int test_mode, Buf *asm_out,
                    const CodegenSink *sink) {
    Codegen g = {.td = target_desc(t), .out = asm_out, .sink = sink, .opt_level = opt_level,
                 .dump_ir = getenv("SOXCC_DUMP_IR") != NULL};
    buf_str(asm_out, g.td->header);
    buf_str(asm_out, "\t.text\n");
    IrProgram *ir = lower_program(p, test_mode, emit_function, &g);
    emit_program_data(asm_out, ir, g.ctx, g.order);
    buf_str(asm_out, "\t.section .note.GNU-stack,\"\",@progbits\n");
    for (int i = 0; i < ir->nfuncs; i++) free(g.ctx[i].lines);
    free(g.ctx);
    free(g.order);
    ir_free_program(ir);
    return 0;
}
