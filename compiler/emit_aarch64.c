/* emit_aarch64.c — IR to AArch64 assembly (GNU syntax, DESIGN.md §3).
 *
 * Frame (AAPCS64, frame pointer kept; everything addressed from sp upwards so the
 * scaled unsigned offsets of ldr/str reach it):
 *     [x29+16...]             incoming stack arguments (words 8 and up)
 *     [x29] caller's x29, [x29+8] return address
 *     [sp+8*(nout+nbuf+nslots+i)] saved callee-saved register i
 *     [sp+8*(nout+nbuf+k)]    spill slot k
 *     [sp+8*(nout+i)]         scratch buffer word i
 *     [sp+8*j]                outgoing stack argument j
 * Allocatable registers: x19..x28 (callee-saved), and d16..d31 for numbers that no
 * call crosses.  Scratch inside one instruction: x9..x15, x16/x17, the argument
 * registers, d0/d1. */
#include <inttypes.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "compiler/codegen_target.h"
#include "runtime/sox_abi.h"

static const char *const alloc_regs[] = {"x19", "x20", "x21", "x22", "x23", "x24", "x25", "x26", "x27", "x28"};
/* number vregs no call crosses (codegen_target.h FuncCtx.fp): the caller-saved d16-d31 */
static const char *const fp_regs[] = {"d16", "d17", "d18", "d19", "d20", "d21", "d22", "d23",
                                      "d24", "d25", "d26", "d27", "d28", "d29", "d30", "d31"};
#define NFP 16
static const char *const arg_regs[] = {"x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7"};
#define NALLOC 10
#define NARGREGS 8

typedef struct A64 {
    FuncCtx *c;
    Buf *o;
    int frame;              /* bytes below x29 */
    int slot_base, save_base;
    int far;                /* function may exceed b.cond's +-1 MiB range */
    int cold_skip;
    char opbuf[4][64];
    int opnext;
} A64;

static void ins(A64 *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void ins(A64 *x, const char *fmt, ...) {
    va_list ap;
    if (fmt[0] == 'b' && fmt[1] == 'l' && (fmt[2] == ' ' || fmt[2] == 'r')) cg_call_site(x->c, x->o);
    va_start(ap, fmt);
    buf_u8(x->o, '\t');
    buf_vfmt(x->o, fmt, ap);
    buf_u8(x->o, '\n');
    va_end(ap);
}

static void mov_imm(A64 *x, const char *reg, uint64_t v) {
    if (v == 0) {
        ins(x, "mov %s, xzr", reg);
        return;
    }
    int first = 1;
    for (int sh = 0; sh < 64; sh += 16) {
        unsigned part = (v >> sh) & 0xffff;
        if (!part) continue;
        ins(x, "%s %s, #0x%x, lsl #%d", first ? "movz" : "movk", reg, part, sh);
        first = 0;
    }
}

/* "[sp, #off]" when the scaled offset reaches, else the address goes through x17. */
static const char *sp_mem(A64 *x, int off) {
    char *b = x->opbuf[x->opnext++ & 3];
    if (off <= 32760) {
        cg_put_str(cg_put_dec(cg_put_str(b, "[sp, #"), off), "]");
    } else {
        mov_imm(x, "x17", (uint64_t)off);
        ins(x, "add x17, sp, x17");
        cg_put_str(b, "[x17]");
    }
    return b;
}

static int slot_off(A64 *x, int v) { return x->slot_base + 8 * x->c->slot[v]; }
static int buf_off(A64 *x, int word) { return 8 * (x->c->nout + word); }

static int in_reg(A64 *x, int v) { return x->c->reg[v] >= 0; }
static const char *fp_of(A64 *x, int v) { return v >= 0 && x->c->fp[v] >= 0 ? fp_regs[x->c->fp[v]] : NULL; }

/* Register holding v: its own register, or `scratch` after a load. */
static const char *use(A64 *x, int v, const char *scratch) {
    if (fp_of(x, v)) {
        ins(x, "fmov %s, %s", scratch, fp_of(x, v));
        return scratch;
    }
    if (in_reg(x, v)) return alloc_regs[x->c->reg[v]];
    ins(x, "ldr %s, %s", scratch, sp_mem(x, slot_off(x, v)));
    return scratch;
}

static void load_vreg(A64 *x, const char *reg, int v) {
    const char *r = use(x, v, reg);
    if (strcmp(r, reg)) ins(x, "mov %s, %s", reg, r);
}

static void store_vreg(A64 *x, int v, const char *reg) {
    if (v < 0 || !x->c->uses[v]) return;   /* nobody reads it (a call's unused result) */
    if (fp_of(x, v)) {
        ins(x, "fmov %s, %s", fp_of(x, v), reg);
    } else if (in_reg(x, v)) {
        if (strcmp(alloc_regs[x->c->reg[v]], reg)) ins(x, "mov %s, %s", alloc_regs[x->c->reg[v]], reg);
    } else {
        ins(x, "str %s, %s", reg, sp_mem(x, slot_off(x, v)));
    }
}

static const char *block_label(A64 *x, const IrBlock *b) {
    return cg_block_label(x->opbuf[x->opnext++ & 3], x->c, b->id);
}

static void root_addr(A64 *x, const char *reg, int root) {
    ins(x, "adrp %s, .Lroots+%d", reg, 8 * root);
}

static void load_root(A64 *x, const char *reg, int root) {
    root_addr(x, "x16", root);
    ins(x, "ldr %s, [x16, :lo12:.Lroots+%d]", reg, 8 * root);
}

static void untag(A64 *x, const char *dst, const char *src) {
    ins(x, "and %s, %s, #0xffffffffffff", dst, src);
}

/* Branches to `slow` unless reg holds an object of the given type, else leaves its
 * pointer in x10 (objects have the top 14 bits set); clobbers x14. */
static void object_of_type(A64 *x, const char *reg, int type, int slow) {
    ins(x, "asr x10, %s, #50", reg);
    ins(x, "cmn x10, #1");
    ins(x, "b.ne .LL%d", slow);
    untag(x, "x10", reg);
    ins(x, "ldrb w14, [x10]");
    ins(x, "cmp w14, #%d", type);
    ins(x, "b.ne .LL%d", slow);
}

/* object_of_type for in's operand reg, an instance: `this` needs no test. */
static void instance_of(A64 *x, const IrInstr *in, const char *reg, int slow) {
    if (in->a_instance) untag(x, "x10", reg);
    else object_of_type(x, reg, SOX_OBJ_INSTANCE, slow);
}

/* Branches to `slow` unless in's operand reg holds an instance of the class the site's
 * cache describes; leaves the instance in x10 and the cache's address in x16
 * (clobbers x9, x14). */
static void instance_of_cached_class(A64 *x, const IrInstr *in, const char *reg, int cache,
                                     int slow) {
    instance_of(x, in, reg, slow);
    ins(x, "adrp x16, .Lcache+%d", cache);
    ins(x, "add x16, x16, :lo12:.Lcache+%d", cache);
    ins(x, "ldr x9, [x10, #%d]", SOX_INSTANCE_CLASS);
    ins(x, "ldr x9, [x9, #%d]", SOX_CLASS_ID);
    ins(x, "ldr x14, [x16, #%d]", 8 * SOX_CACHE_CLASS_ID);
    ins(x, "cmp x9, x14");
    ins(x, "b.ne .LL%d", slow);
}

/* Branches to `slow` unless reg holds a number (some QNAN bit clear). */
static void check_number(A64 *x, const char *reg, int slow) {
    ins(x, "mvn x15, %s", reg);
    ins(x, "tst x15, #0x%" PRIx64, (uint64_t)SOX_QNAN);
    ins(x, "b.eq .LL%d", slow);
}

static void bool_from_cond(A64 *x, const char *cond) {
    ins(x, "cset x9, %s", cond);
    mov_imm(x, "x10", SOX_FALSE);
    ins(x, "orr x9, x9, x10");
}

/* Slow paths are written to the cold buffer, after the function body.  In huge
 * functions conditional branches could not reach it, so they stay inline. */
static void cold_begin(A64 *x, int label, int line) {
    if (x->far) {
        x->cold_skip = cg_new_label(x->c);
        ins(x, "b .LL%d", x->cold_skip);
        cg_label(x->c, x->o, label);
        cg_line(x->c, line);
        return;
    }
    x->o = &x->c->cold;
    cg_label(x->c, x->o, label);
    cg_cold_begin(x->c, label, line);
}

static void cold_end(A64 *x) {
    if (x->far) cg_label(x->c, x->o, x->cold_skip);
    x->o = x->c->out;
}

static const char *slow_entry(IrOp op) {
    switch (op) {
    case IR_ADD: return "sox_add";
    case IR_SUB: return "sox_sub";
    case IR_MUL: return "sox_mul";
    case IR_DIV: return "sox_div";
    case IR_LT: return "sox_less";
    case IR_LE: return "sox_less_equal";
    case IR_GT: return "sox_greater";
    case IR_GE: return "sox_greater_equal";
    case IR_EQ: return "sox_equal";
    case IR_NE: return "sox_not_equal";
    default: return "sox_negate";
    }
}

/* After fcmp, these conditions are false for unordered operands (mi, ls, gt, ge,
 * eq) except ne, which is what != wants. */
static const char *fcmp_cond(IrOp op) {
    switch (op) {
    case IR_LT: return "mi";
    case IR_LE: return "ls";
    case IR_GT: return "gt";
    case IR_GE: return "ge";
    case IR_EQ: return "eq";
    default: return "ne";
    }
}

static const char *invert_cond(const char *cond) {
    static const char *const pairs[][2] = {
        {"eq", "ne"}, {"ls", "hi"}, {"lt", "ge"}, {"mi", "pl"}, {"gt", "le"}, {"lo", "hs"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        if (!strcmp(cond, pairs[i][0])) return pairs[i][1];
        if (!strcmp(cond, pairs[i][1])) return pairs[i][0];
    }
    return "al";
}

/* A conditional branch to a block; in huge functions it becomes an inverted
 * branch over an unconditional `b` (+-128 MiB). */
static void branch_if(A64 *x, const char *cond, const IrBlock *to) {
    if (!x->far) {
        ins(x, "b.%s %s", cond, block_label(x, to));
        return;
    }
    int skip = cg_new_label(x->c);
    ins(x, "b.%s .LL%d", invert_cond(cond), skip);
    ins(x, "b %s", block_label(x, to));
    cg_label(x->c, x->o, skip);
}

static int next_is(const IrBlock *b, const IrBlock *to) { return to->id == b->id + 1; }

/* Two-way branch on the flags: cond -> t, else f, falling through when possible. */
static void branch2(A64 *x, const IrBlock *b, const char *cond, const IrBlock *t, const IrBlock *f) {
    if (next_is(b, t)) {
        branch_if(x, invert_cond(cond), f);
        return;
    }
    branch_if(x, cond, t);
    if (!next_is(b, f)) ins(x, "b %s", block_label(x, f));
}

/* flags for truthiness of reg: "hi" = truthy (v - NIL > 1 unsigned) */
static void truthy_flags(A64 *x, const char *reg) {
    mov_imm(x, "x10", SOX_NIL);
    ins(x, "sub x9, %s, x10", reg);
    ins(x, "cmp x9, #1");
}

static const char *const_or_use(A64 *x, int v, int known, const char *scratch) {
    if (known) {
        mov_imm(x, scratch, x->c->const_val[v]);
        return scratch;
    }
    return use(x, v, scratch);
}

/* The result of == / != when the Z flag says whether the operands are equal: the branch
 * on it, or the bool. */
static void equality_from_z(A64 *x, const IrBlock *b, const IrInstr *in, const IrInstr *br) {
    const char *cond = in->op == IR_EQ ? "eq" : "ne";
    if (br) branch2(x, b, cond, br->target, br->target2);
    else { bool_from_cond(x, cond); store_vreg(x, in->dst, "x9"); }
}

/* == / != against a constant that is not a number: identity is equality. */
static int emit_identity_compare(A64 *x, const IrBlock *b, const IrInstr *in, const IrInstr *br) {
    FuncCtx *c = x->c;
    int ka = c->is_const[in->a] && !SOX_IS_NUMBER(c->const_val[in->a]);
    int kb = c->is_const[in->b] && !SOX_IS_NUMBER(c->const_val[in->b]);
    if ((in->op != IR_EQ && in->op != IR_NE) || (!ka && !kb)) return 0;
    int other = kb ? in->a : in->b;
    mov_imm(x, "x10", kb ? c->const_val[in->b] : c->const_val[in->a]);
    ins(x, "cmp %s, x10", const_or_use(x, other, c->is_const[other], "x11"));
    equality_from_z(x, b, in, br);
    return 1;
}

/* == / != of values of any type, inline: numbers compare by value (0 == -0, NaN != NaN),
 * everything else by identity (strings are interned).  Equal words are equal values unless
 * they are a NaN number; different words only when both are zeros. */
/* x9 = 1 when the operands of == / != are equal: the branch on it, or the bool. */
static void equality_result(A64 *x, const IrBlock *b, const IrInstr *in, const IrInstr *br) {
    if (br) {
        ins(x, "cmp x9, #0");
        branch2(x, b, in->op == IR_EQ ? "ne" : "eq", br->target, br->target2);
        return;
    }
    if (in->op == IR_NE) ins(x, "eor x9, x9, #1");
    mov_imm(x, "x10", SOX_FALSE);
    ins(x, "orr x9, x9, x10");
    store_vreg(x, in->dst, "x9");
}

/* Equality with a number constant k of a value of unknown type: a zero equals exactly
 * the two zeros, a NaN nothing, any other number exactly its own bits.  Returns 1 with
 * Z set when they are equal, or 0 with x9 = 0 (k is a NaN). */
static int equality_with_number(A64 *x, int v, uint64_t k) {
    const char *V = use(x, v, "x11");
    if ((k << 1) == 0) {
        ins(x, "tst %s, #0x7fffffffffffffff", V);
        return 1;
    }
    if ((k << 1) > 0xffe0000000000000ull) {
        ins(x, "mov x9, xzr");
        return 0;
    }
    mov_imm(x, "x12", k);
    ins(x, "cmp %s, x12", V);
    return 1;
}

static void emit_equality(A64 *x, const IrBlock *b, const IrInstr *in, const IrInstr *br) {
    FuncCtx *c = x->c;
    int ka = cg_is_number_const(c, in->a), kb = cg_is_number_const(c, in->b);
    if (ka != kb) {
        if (equality_with_number(x, ka ? in->b : in->a, c->const_val[ka ? in->a : in->b]))
            equality_from_z(x, b, in, br);
        else
            equality_result(x, b, in, br);
        return;
    }
    int differ = cg_new_label(c), done = cg_new_label(c);
    const char *a = const_or_use(x, in->a, c->is_const[in->a], "x11");
    const char *bb = const_or_use(x, in->b, c->is_const[in->b], "x12");
    ins(x, "cmp %s, %s", a, bb);
    ins(x, "b.ne .LL%d", differ);
    ins(x, "mov x9, #1");
    check_number(x, a, done);            /* not a number: the same object */
    ins(x, "fmov d0, %s", a);
    ins(x, "fcmp d0, d0");
    ins(x, "cset x9, vc");
    ins(x, "b .LL%d", done);
    cg_label(c, x->o, differ);
    ins(x, "orr x15, %s, %s", a, bb);
    ins(x, "tst x15, #0x7fffffffffffffff");
    ins(x, "cset x9, eq");
    cg_label(c, x->o, done);
    equality_result(x, b, in, br);
}

/* The d register holding number operand v: its FP register, else moved into scratch. */
static const char *fp_operand(A64 *x, int v, const char *scratch, uint64_t constant, int is_const) {
    if (fp_of(x, v)) return fp_of(x, v);
    if (is_const) {
        mov_imm(x, "x9", constant);
        ins(x, "fmov %s, x9", scratch);
    } else {
        ins(x, "fmov %s, %s", scratch, use(x, v, "x9"));
    }
    return scratch;
}

/* a op b of two known numbers when one of the three lives in an FP register: no check,
 * no slow path, no trip through the integer registers. */
static int emit_fp_binary(A64 *x, const IrBlock *b, const IrInstr *in, const IrInstr *br) {
    FuncCtx *c = x->c;
    int arith = in->op <= IR_DIV;
    if (!cg_known_number(c, in, in->a) || !cg_known_number(c, in, in->b)) return 0;
    if (!fp_of(x, in->a) && !fp_of(x, in->b) && !(arith && fp_of(x, in->dst))) return 0;
    uint64_t recip = 0;
    int by_recip = in->op == IR_DIV && cg_is_number_const(c, in->b) &&
                   cg_exact_reciprocal(c->const_val[in->b], &recip);
    const char *XA = fp_operand(x, in->a, "d0", c->const_val[in->a], cg_is_number_const(c, in->a));
    const char *XB = fp_operand(x, in->b, "d1", by_recip ? recip : c->const_val[in->b],
                                cg_is_number_const(c, in->b));
    if (!arith) {
        ins(x, "fcmp %s, %s", XA, XB);
        if (br) {
            branch2(x, b, fcmp_cond(in->op), br->target, br->target2);
        } else {
            bool_from_cond(x, fcmp_cond(in->op));
            store_vreg(x, in->dst, "x9");
        }
        return 1;
    }
    static const char *const fop[] = {"fadd", "fsub", "fmul", "fdiv"};
    const char *D = fp_of(x, in->dst) ? fp_of(x, in->dst) : "d0";
    ins(x, "%s %s, %s, %s", by_recip ? "fmul" : fop[in->op - IR_ADD], D, XA, XB);
    if (!fp_of(x, in->dst)) {
        const char *d = in_reg(x, in->dst) ? alloc_regs[c->reg[in->dst]] : "x9";
        ins(x, "fmov %s, d0", d);
        store_vreg(x, in->dst, d);
    }
    return 1;
}

static void emit_binary(A64 *x, const IrBlock *b, const IrInstr *in, const IrInstr *br) {
    FuncCtx *c = x->c;
    if (emit_identity_compare(x, b, in, br)) return;
    if ((in->op == IR_EQ || in->op == IR_NE) &&
        !(cg_known_number(c, in, in->a) && cg_known_number(c, in, in->b))) {
        emit_equality(x, b, in, br);
        return;
    }
    if (emit_fp_binary(x, b, in, br)) return;
    int slow = cg_new_label(c), back = cg_new_label(c);
    int ka = cg_is_number_const(c, in->a), kb = cg_is_number_const(c, in->b);
    const char *a = const_or_use(x, in->a, ka, "x11");
    const char *bb = const_or_use(x, in->b, kb, "x12");
    int ca = !ka && !cg_known_number(c, in, in->a), cb = !kb && !cg_known_number(c, in, in->b);
    if (ca) check_number(x, a, slow);
    if (cb) check_number(x, bb, slow);
    uint64_t recip = 0;
    int by_recip = kb && in->op == IR_DIV && cg_exact_reciprocal(c->const_val[in->b], &recip);
    if (by_recip) mov_imm(x, "x13", recip);   /* x12 keeps d for the slow path */
    ins(x, "fmov d0, %s", a);
    ins(x, "fmov d1, %s", by_recip ? "x13" : bb);
    int arith = in->op <= IR_DIV;
    if (arith) {
        static const char *const fop[] = {"fadd", "fsub", "fmul", "fdiv"};
        ins(x, "%s d0, d0, d1", by_recip ? "fmul" : fop[in->op - IR_ADD]);
        const char *d = in_reg(x, in->dst) ? alloc_regs[c->reg[in->dst]] : "x9";
        ins(x, "fmov %s, d0", d);
        store_vreg(x, in->dst, d);
    } else {
        ins(x, "fcmp d0, d1");
        if (br) {
            branch2(x, b, fcmp_cond(in->op), br->target, br->target2);
        } else {
            bool_from_cond(x, fcmp_cond(in->op));
            store_vreg(x, in->dst, "x9");
        }
    }
    if (!ca && !cb) return;   /* both known numbers: no way to the runtime */
    if (!br || arith) cg_label(x->c, x->o, back);
    cold_begin(x, slow, in->line);
    if (in->op == IR_EQ || in->op == IR_NE) {
        /* not both numbers: every string is interned, so equality is identity */
        const char *cond = in->op == IR_EQ ? "eq" : "ne";
        ins(x, "cmp %s, %s", a, bb);
        if (br) {
            branch_if(x, cond, br->target);
            ins(x, "b %s", block_label(x, br->target2));
        } else {
            bool_from_cond(x, cond);
            store_vreg(x, in->dst, "x9");
            ins(x, "b .LL%d", back);
        }
        cold_end(x);
        return;
    }
    ins(x, "mov x0, %s", a);
    ins(x, "mov x1, %s", bb);
    ins(x, "bl %s", slow_entry(in->op));
    if (br && !arith) {
        /* the runtime's comparisons return SOX_TRUE or SOX_FALSE: bit 0 tells */
        ins(x, "tst x0, #1");
        branch_if(x, "eq", br->target2);
        ins(x, "b %s", block_label(x, br->target));
    } else {
        store_vreg(x, in->dst, "x0");
        ins(x, "b .LL%d", back);
    }
    cold_end(x);
}

static void emit_neg(A64 *x, const IrInstr *in) {
    int slow = cg_new_label(x->c), back = cg_new_label(x->c);
    const char *a = use(x, in->a, "x11");
    int known = cg_known_number(x->c, in, in->a);
    if (!known) check_number(x, a, slow);
    ins(x, "eor x9, %s, #0x8000000000000000", a);
    if (!known) cg_label(x->c, x->o, back);
    store_vreg(x, in->dst, "x9");
    if (known) return;
    cold_begin(x, slow, in->line);
    ins(x, "mov x0, %s", a);
    ins(x, "bl sox_negate");
    ins(x, "mov x9, x0");
    ins(x, "b .LL%d", back);
    cold_end(x);
}

/* Falsey values are nil and false, adjacent encodings: v - NIL <= 1 unsigned. */
static void falsey_test(A64 *x, int v) {
    const char *a = use(x, v, "x11");
    mov_imm(x, "x10", SOX_NIL);
    ins(x, "sub x9, %s, x10", a);
    ins(x, "cmp x9, #1");
}

static void load_arg(A64 *x, const char *reg, const IrArg *a) {
    switch (a->kind) {
    case ARG_VREG:
        if (x->c->unmaterialized[a->v]) mov_imm(x, reg, x->c->const_val[a->v]);
        else load_vreg(x, reg, (int)a->v);
        break;
    case ARG_IMM: mov_imm(x, reg, (uint64_t)a->v); break;
    case ARG_SYM:
        ins(x, "adrp %s, %s", reg, a->sym);
        ins(x, "add %s, %s, :lo12:%s", reg, reg, a->sym);
        break;
    case ARG_BUF: ins(x, "add %s, sp, #%d", reg, buf_off(x, (int)a->v)); break;
    }
}

static void place_args(A64 *x, const IrArg *args, int n, int first_word) {
    for (int i = 0; i < n; i++) {
        int w = first_word + i;
        if (w < NARGREGS) continue;
        load_arg(x, "x12", &args[i]);
        ins(x, "str x12, %s", sp_mem(x, 8 * (w - NARGREGS)));
    }
    for (int i = 0; i < n; i++)
        if (first_word + i < NARGREGS) load_arg(x, arg_regs[first_word + i], &args[i]);
}

static void emit_rtcall(A64 *x, const IrInstr *in) {
    place_args(x, in->args, in->nargs, 0);
    ins(x, "bl %s", in->sym);
    store_vreg(x, in->dst, "x0");
}

static void emit_call(A64 *x, const IrInstr *in) {
    load_vreg(x, "x9", in->a);
    if (in->sym) {   /* surely a closure of that code (lower.c known_callee) */
        place_args(x, in->args, in->nargs, 1);
        ins(x, "mov x0, x9");
        ins(x, "bl %s", in->sym);
        store_vreg(x, in->dst, "x0");
        return;
    }
    int slow = cg_new_label(x->c), done = cg_new_label(x->c);
    object_of_type(x, "x9", SOX_OBJ_CLOSURE, slow);
    ins(x, "ldr w11, [x10, #24]");
    ins(x, "cmp w11, #%d", in->nargs);
    ins(x, "b.ne .LL%d", slow);
    place_args(x, in->args, in->nargs, 1);
    ins(x, "mov x0, x9");
    ins(x, "ldr x16, [x10, #16]");
    ins(x, "blr x16");
    cg_label(x->c, x->o, done);
    store_vreg(x, in->dst, "x0");
    cold_begin(x, slow, in->line);
    for (int i = 0; i < in->nargs; i++) {
        int v = (int)in->args[i].v;
        const char *r = x->c->unmaterialized[v] ? const_or_use(x, v, 1, "x12") : use(x, v, "x12");
        ins(x, "str %s, %s", r, sp_mem(x, buf_off(x, i)));
    }
    ins(x, "mov x0, x9");
    mov_imm(x, "x1", (uint64_t)in->nargs);
    ins(x, "add x2, sp, #%d", buf_off(x, 0));
    ins(x, "bl sox_call");
    ins(x, "b .LL%d", done);
    cold_end(x);
}

/* a[i] / a[i] = v: an array with a number index in range is read or written
 * inline (SoxArray items at +16, count at +24); anything else, including every
 * error, goes to the runtime. */
static void emit_index(A64 *x, const IrInstr *in) {
    int slow = cg_new_label(x->c), back = cg_new_label(x->c);
    int set = in->op == IR_INDEX_SET;
    const char *a = use(x, in->a, "x11");
    const char *i = use(x, in->b, "x12");
    const char *v = set ? use(x, (int)in->args[0].v, "x13") : NULL;
    object_of_type(x, a, SOX_OBJ_ARRAY, slow);
    if (!cg_is_number_const(x->c, in->b)) check_number(x, i, slow);
    ins(x, "fmov d0, %s", i);
    ins(x, "fcmp d0, d0");
    ins(x, "b.vs .LL%d", slow);             /* NaN would convert to 0 */
    ins(x, "fcvtzs x14, d0");
    ins(x, "ldr x9, [x10, #24]");
    ins(x, "cmp x14, x9");
    ins(x, "b.hs .LL%d", slow);
    ins(x, "ldr x10, [x10, #16]");
    if (set) {
        ins(x, "str %s, [x10, x14, lsl #3]", v);
        ins(x, "mov x9, %s", v);
    } else {
        ins(x, "ldr x9, [x10, x14, lsl #3]");
    }
    cg_label(x->c, x->o, back);
    store_vreg(x, in->dst, "x9");
    cold_begin(x, slow, in->line);
    ins(x, "mov x0, %s", a);
    ins(x, "mov x1, %s", i);
    if (set) ins(x, "mov x2, %s", v);
    ins(x, "bl %s", set ? "sox_index_set" : "sox_index_get");
    ins(x, "mov x9, x0");
    ins(x, "b .LL%d", back);
    cold_end(x);
}

/* x17 = the index the site's cache (x16) holds for its field and x15 = the values of
 * the instance in x10; to `miss` when the instance has no room for that index. */
static void cached_field_slot(A64 *x, int miss) {
    ins(x, "ldr x17, [x16, #%d]", 8 * SOX_CACHE_FIELD);
    ins(x, "ldr w14, [x10, #%d]", SOX_INSTANCE_CAPACITY);
    ins(x, "cmp x17, x14");
    ins(x, "b.hs .LL%d", miss);
    ins(x, "ldr x15, [x10, #%d]", SOX_INSTANCE_VALUES);
}

/* x9 = the field at that slot; to `miss` when the instance lacks it. */
static void cached_field_value(A64 *x, int miss) {
    ins(x, "ldr x9, [x15, x17, lsl #3]");
    mov_imm(x, "x14", SOX_UNDEF);
    ins(x, "cmp x9, x14");
    ins(x, "b.eq .LL%d", miss);
}

/* a.name / a.name = v: an instance of the class the site's cache describes, with
 * room for the field at the index the cache remembers, is read or updated inline (the
 * test of sox_abi.h "Inline field access"; a read also needs the field to be there);
 * anything else, every error included, goes to the runtime, which also refills the
 * cache.  The name itself is only needed by the runtime. */
static void emit_property(A64 *x, const IrInstr *in) {
    int slow = cg_new_label(x->c), back = cg_new_label(x->c);
    int set = in->op == IR_PROP_SET;
    int cache = 32 * (int)in->imm;
    const char *a = use(x, in->a, "x11");
    const char *n = x->c->cold_name[in->b] ? NULL : use(x, in->b, "x12");
    const char *v = set ? use(x, (int)in->args[0].v, "x13") : NULL;
    instance_of_cached_class(x, in, a, cache, slow);
    cached_field_slot(x, slow);
    if (set) {
        ins(x, "str %s, [x15, x17, lsl #3]", v);
        if (x->c->uses[in->dst]) ins(x, "mov x9, %s", v);
    } else {
        cached_field_value(x, slow);
    }
    cg_label(x->c, x->o, back);
    store_vreg(x, in->dst, "x9");
    cold_begin(x, slow, in->line);
    ins(x, "mov x0, %s", a);
    if (n) ins(x, "mov x1, %s", n);
    else load_root(x, "x1", (int)x->c->const_val[in->b]);
    if (set) ins(x, "mov x2, %s", v);
    const char *c = set ? "x3" : "x2";
    ins(x, "adrp %s, .Lcache+%d", c, cache);
    ins(x, "add %s, %s, :lo12:.Lcache+%d", c, c, cache);
    ins(x, "bl %s", set ? "sox_set_property" : "sox_get_property");
    ins(x, "mov x9, x0");
    ins(x, "b .LL%d", back);
    cold_end(x);
}

/* An invocation without arguments of a getter the site's cache (address in x16) holds
 * (sox_abi.h): the field's value in x0 and on to `back` when the instance in x10 has
 * it.  Keeps x10, x11 and x16 when it falls through to the call. */
static void getter_field(A64 *x, int back) {
    int call = cg_new_label(x->c);
    cached_field_slot(x, call);
    cached_field_value(x, call);
    ins(x, "mov x0, x9");
    ins(x, "b .LL%d", back);
    cg_label(x->c, x->o, call);
}

/* a.name(args): when the site's cache proves the method (the test of sox_abi.h
 * "Inline method invocation"), its code is called directly, code(closure, a,
 * args...); anything else goes to sox_invoke with the arguments in the buffer.
 * Besides the runtime call this saves, each site gets its own indirect call,
 * which predicts far better than sox_invoke's one jump to every method. */
static void emit_invoke(A64 *x, const IrInstr *in) {
    int slow = cg_new_label(x->c), back = cg_new_label(x->c);
    int cache = 32 * (int)in->imm;
    const char *r = use(x, in->a, "x11");
    const char *n = x->c->cold_name[in->b] ? NULL : use(x, in->b, "x12");
    instance_of_cached_class(x, in, r, cache, slow);
    ins(x, "ldr x13, [x16, #%d]", 8 * SOX_CACHE_NAME);
    ins(x, "ldrh w14, [x13, #%d]", (int)offsetof(SoxObj, flags));
    ins(x, "tst w14, #%u", SOX_STR_FIELD_NAME);
    ins(x, "b.ne .LL%d", slow);
    if (in->nargs == 0) getter_field(x, back);
    ins(x, "ldr x15, [x16, #%d]", 8 * SOX_CACHE_METHOD);
    ins(x, "ldr w14, [x15, #%d]", (int)offsetof(SoxClosure, arity));
    ins(x, "cmp w14, #%d", in->nargs);
    ins(x, "b.ne .LL%d", slow);
    /* the arguments never live in x0 or x1, and loading them keeps x15 */
    ins(x, "mov x1, %s", r);
    place_args(x, in->args, in->nargs, 2);
    ins(x, "orr x0, x15, #0x%" PRIx64, (uint64_t)SOX_OBJ_TAG);
    ins(x, "ldr x16, [x15, #%d]", (int)offsetof(SoxClosure, code));
    ins(x, "blr x16");
    cg_label(x->c, x->o, back);
    store_vreg(x, in->dst, "x0");
    cold_begin(x, slow, in->line);
    for (int i = 0; i < in->nargs; i++) {
        int v = (int)in->args[i].v;
        const char *a = x->c->unmaterialized[v] ? const_or_use(x, v, 1, "x13") : use(x, v, "x13");
        ins(x, "str %s, %s", a, sp_mem(x, buf_off(x, i)));
    }
    ins(x, "mov x0, %s", r);
    if (n) ins(x, "mov x1, %s", n);
    else load_root(x, "x1", (int)x->c->const_val[in->b]);
    mov_imm(x, "x2", (uint64_t)in->nargs);
    ins(x, "add x3, sp, #%d", buf_off(x, 0));
    ins(x, "adrp x4, .Lcache+%d", cache);
    ins(x, "add x4, x4, :lo12:.Lcache+%d", cache);
    ins(x, "bl sox_invoke");
    ins(x, "b .LL%d", back);
    cold_end(x);
}

/* Leaves the global's value in x9. */
static void undefined_check(A64 *x, const IrInstr *in) {
    int fail = cg_new_label(x->c);
    load_root(x, "x9", (int)in->imm);
    mov_imm(x, "x10", SOX_UNDEF);
    ins(x, "cmp x9, x10");
    ins(x, "b.eq .LL%d", fail);
    cold_begin(x, fail, in->line);
    load_root(x, "x0", (int)in->imm2);
    ins(x, "bl sox_undefined_variable");
    cold_end(x);
}

static void jump_to(A64 *x, const IrBlock *from, const IrBlock *to) {
    if (to->id != from->id + 1) ins(x, "b %s", block_label(x, to));
}

static void for_saved_regs(A64 *x, const char *op) {
    int k = 0;
    for (int i = 0; i < NALLOC; i++)
        if (x->c->used_regs & (1u << i)) ins(x, "%s %s, %s", op, alloc_regs[i], sp_mem(x, x->save_base + 8 * k++));
}

static void epilogue(A64 *x) {
    for_saved_regs(x, "ldr");
    ins(x, "mov sp, x29");
    ins(x, "ldp x29, x30, [sp], #16");
    ins(x, "ret");
}

/* The instruction after `in` when it is a branch that only `in`'s result feeds. */
static const IrInstr *fusable_branch(A64 *x, const IrBlock *b, const IrInstr *in) {
    if (in->dst < 0 || in + 1 >= b->ins + b->nins) return NULL;
    const IrInstr *next = in + 1;
    if (next->op != IR_BR || next->a != in->dst || x->c->uses[in->dst] != 1) return NULL;
    return next;
}

/* Emits `in`; returns 1 when it also consumed the following branch. */
static int emit_instr(A64 *x, const IrBlock *b, const IrInstr *in) {
    cg_line(x->c, in->line);
    const IrInstr *br = fusable_branch(x, b, in);
    if (br && in->op >= IR_LT && in->op <= IR_NE) {
        emit_binary(x, b, in, br);
        return 1;
    }
    if (br && in->op == IR_NOT) {
        truthy_flags(x, use(x, in->a, "x11"));
        branch2(x, b, "hi", br->target2, br->target);
        return 1;
    }
    switch (in->op) {
    case IR_CONST:
        if (x->c->unmaterialized[in->dst]) break;
        if (fp_of(x, in->dst)) {
            if (in->imm == 0) {
                ins(x, "fmov %s, xzr", fp_of(x, in->dst));
            } else {
                mov_imm(x, "x9", (uint64_t)in->imm);
                ins(x, "fmov %s, x9", fp_of(x, in->dst));
            }
        } else if (in_reg(x, in->dst)) mov_imm(x, alloc_regs[x->c->reg[in->dst]], (uint64_t)in->imm);
        else { mov_imm(x, "x9", (uint64_t)in->imm); store_vreg(x, in->dst, "x9"); }
        break;
    case IR_MOV:
        if (fp_of(x, in->dst)) {
            if (!x->c->uses[in->dst]) break;
            if (fp_of(x, in->a)) {
                if (strcmp(fp_of(x, in->a), fp_of(x, in->dst)))
                    ins(x, "fmov %s, %s", fp_of(x, in->dst), fp_of(x, in->a));
            } else {
                const char *r = x->c->unmaterialized[in->a] ? const_or_use(x, in->a, 1, "x9")
                                                            : use(x, in->a, "x9");
                ins(x, "fmov %s, %s", fp_of(x, in->dst), r);
            }
        } else if (in_reg(x, in->dst)) {
            load_vreg(x, alloc_regs[x->c->reg[in->dst]], in->a);
        } else {
            store_vreg(x, in->dst, use(x, in->a, "x9"));
        }
        break;
    case IR_PARAM:
        if (in->imm < NARGREGS) {
            store_vreg(x, in->dst, arg_regs[in->imm]);
        } else {
            ins(x, "ldr x9, [x29, #%d]", 16 + 8 * (int)(in->imm - NARGREGS));
            store_vreg(x, in->dst, "x9");
        }
        break;
    case IR_ROOT_GET:
    case IR_GLOBAL_GET: {
        if (x->c->cold_name[in->dst]) break;   /* loaded by the slow paths that read it */
        if (fp_of(x, in->dst)) {   /* surely defined: no check */
            root_addr(x, "x16", (int)in->imm);
            ins(x, "ldr %s, [x16, :lo12:.Lroots+%d]", fp_of(x, in->dst), 8 * (int)in->imm);
            break;
        }
        /* straight into the destination's register when it has one */
        const char *d = in_reg(x, in->dst) ? alloc_regs[x->c->reg[in->dst]] : "x9";
        if (in->op == IR_GLOBAL_GET && in->imm2 >= 0) { undefined_check(x, in); d = "x9"; }
        else load_root(x, d, (int)in->imm);
        store_vreg(x, in->dst, d);
        break;
    }
    case IR_GLOBAL_SET:
        if (in->imm2 >= 0) undefined_check(x, in);
        /* fall through */
    case IR_GLOBAL_DEF: {
        const char *v = fp_of(x, in->a) ? fp_of(x, in->a) : use(x, in->a, "x9");
        root_addr(x, "x16", (int)in->imm);
        ins(x, "str %s, [x16, :lo12:.Lroots+%d]", v, 8 * (int)in->imm);
        break;
    }
    case IR_LOAD:
        untag(x, "x9", use(x, in->a, "x9"));
        ins(x, "ldr x9, [x9, #%d]", (int)in->imm);
        store_vreg(x, in->dst, "x9");
        break;
    case IR_STORE: {
        untag(x, "x9", use(x, in->a, "x9"));
        const char *v = use(x, in->b, "x10");
        ins(x, "str %s, [x9, #%d]", v, (int)in->imm);
        break;
    }
    case IR_UNTAG:
        untag(x, "x9", use(x, in->a, "x9"));
        store_vreg(x, in->dst, "x9");
        break;
    case IR_BUF_STORE:
        ins(x, "str %s, %s", use(x, in->a, "x9"), sp_mem(x, buf_off(x, (int)in->imm)));
        break;
    case IR_BUF_LOAD:
        ins(x, "ldr x9, %s", sp_mem(x, buf_off(x, (int)in->imm)));
        store_vreg(x, in->dst, "x9");
        break;
    case IR_ADD: case IR_SUB: case IR_MUL: case IR_DIV:
    case IR_LT: case IR_LE: case IR_GT: case IR_GE: case IR_EQ: case IR_NE:
        emit_binary(x, b, in, NULL);
        break;
    case IR_NEG: emit_neg(x, in); break;
    case IR_NOT:
        falsey_test(x, in->a);
        bool_from_cond(x, "ls");
        store_vreg(x, in->dst, "x9");
        break;
    case IR_CALL: emit_call(x, in); break;
    case IR_RTCALL: emit_rtcall(x, in); break;
    case IR_JMP: jump_to(x, b, in->target); break;
    case IR_BR:
        truthy_flags(x, use(x, in->a, "x11"));
        branch2(x, b, "hi", in->target, in->target2);
        break;
    case IR_BR_NEG:
        ins(x, "cmp %s, #0", use(x, in->a, "x9"));
        branch_if(x, "lt", in->target);
        jump_to(x, b, in->target2);
        break;
    case IR_BR_IS: {
        const char *a = use(x, in->a, "x9");
        mov_imm(x, "x10", (uint64_t)in->imm);
        ins(x, "cmp %s, x10", a);
        branch_if(x, "eq", in->target);
        jump_to(x, b, in->target2);
        break;
    }
    case IR_RET:
        if (x->c->unmaterialized[in->a]) mov_imm(x, "x0", x->c->const_val[in->a]);
        else load_vreg(x, "x0", in->a);
        if (b->id + 1 != x->c->f->nblocks) ins(x, "b .Lret%d", x->c->fid);
        break;
    case IR_INDEX_GET:
    case IR_INDEX_SET: emit_index(x, in); break;
    case IR_PROP_GET:
    case IR_PROP_SET: emit_property(x, in); break;
    case IR_INVOKE: emit_invoke(x, in); break;
    case IR_TABLE_CALL: {
        int loop = cg_new_label(x->c), done = cg_new_label(x->c);
        int cur = buf_off(x, (int)in->imm);
        ins(x, "adrp x9, %s", in->sym);
        ins(x, "add x9, x9, :lo12:%s", in->sym);
        ins(x, "str x9, [sp, #%d]", cur);
        cg_label(x->c, x->o, loop);
        ins(x, "ldr x9, [sp, #%d]", cur);
        ins(x, "ldr x0, [x9]");
        ins(x, "cbz x0, .LL%d", done);
        ins(x, "ldr x1, [x9, #8]");
        ins(x, "bl %s", in->rtsym);
        ins(x, "ldr x9, [sp, #%d]", cur);
        ins(x, "ldr x10, [x9, #16]");
        ins(x, "adrp x11, .Lroots");
        ins(x, "add x11, x11, :lo12:.Lroots");
        ins(x, "str x0, [x11, x10]");
        ins(x, "add x9, x9, #24");
        ins(x, "str x9, [sp, #%d]", cur);
        ins(x, "b .LL%d", loop);
        cg_label(x->c, x->o, done);
        break;
    }
    case IR_OP_COUNT: break;
    }
    return 0;
}

static int popcount(unsigned v) { return __builtin_popcount(v); }

static void sub_sp(A64 *x, int bytes) {
    if (bytes <= 4095) {
        ins(x, "sub sp, sp, #%d", bytes);
    } else {
        mov_imm(x, "x16", (uint64_t)bytes);
        ins(x, "sub sp, sp, x16");
    }
}

static void prologue(A64 *x) {
    FuncCtx *c = x->c;
    x->slot_base = 8 * (c->nout + c->f->nbuf);
    x->save_base = x->slot_base + 8 * c->nslots;
    x->frame = (x->save_base + 8 * popcount(c->used_regs) + 15) & ~15;
    ins(x, "stp x29, x30, [sp, #-16]!");
    ins(x, "mov x29, sp");
    if (x->frame) sub_sp(x, x->frame);
    for_saved_regs(x, "str");
    int overflow = cg_new_label(c);
    ins(x, "adrp x16, sox_stack_limit");
    ins(x, "ldr x16, [x16, :lo12:sox_stack_limit]");
    ins(x, "mov x17, sp");
    ins(x, "cmp x17, x16");
    ins(x, "b.lo .LL%d", overflow);
    cold_begin(x, overflow, c->cur_line);
    ins(x, "bl sox_stack_overflow");
    cold_end(x);
}

static void emit_func_aarch64(FuncCtx *c) {
    A64 x = {.c = c, .o = c->out};
    const IrFunc *f = c->f;
    buf_str(x.o, "\n\t.p2align 2\n");
    if (f->is_global) buf_fmt(x.o, "\t.globl %s\n", f->sym);
    buf_fmt(x.o, "\t.type %s, %%function\n%s:\n", f->sym, f->sym);
    c->cur_line = 0;
    int nins = 0;
    for (int i = 0; i < f->nblocks; i++) nins += f->blocks[i]->nins;
    x.far = nins > 4000;
    cg_line(c, f->blocks[0]->nins ? f->blocks[0]->ins[0].line : 1);
    prologue(&x);
    for (int i = 0; i < f->nblocks; i++) {
        const IrBlock *b = f->blocks[i];
        if (c->targeted[b->id]) cg_label(c, x.o, c->block_base + b->id);
        for (int k = 0; k < b->nins; k++) k += emit_instr(&x, b, &b->ins[k]);
    }
    /* the one epilogue every return jumps to (the last block falls into it) */
    buf_fmt(x.o, ".Lret%d:\n", c->fid);
    epilogue(&x);
}

const TargetDesc target_desc_aarch64 = {
    .header = "",
    .nregs = NALLOC,
    .nargregs = NARGREGS,
    .nfp = NFP,
    .emit_func = emit_func_aarch64,
};
