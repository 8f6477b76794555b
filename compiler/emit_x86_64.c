/* emit_x86_64.c — IR to x86-64 assembly (Intel syntax, DESIGN.md §3).
 *
 * Frame (System V, frame pointer kept):
 *     [rbp+16...]        incoming stack arguments (words 6 and up)
 *     [rbp+8]            return address, [rbp] caller's rbp
 *     [rbp-8*(i+1)]      saved callee-saved registers used by the allocator
 *     [rbp-8*(nsave+k+1)] spill slot k
 *     [rsp+8*(nout+i)]   scratch buffer word i (argument arrays for the runtime)
 *     [rsp+8*j]          outgoing stack argument j
 * Allocatable registers: rbx r12 r13 r14 r15 (callee-saved), and xmm2-xmm15 for numbers
 * that no call crosses.  Scratch: rax rcx rdx r10 r11, the argument registers and
 * xmm0/xmm1, only inside one instruction. */
#include <inttypes.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "compiler/codegen_target.h"
#include "runtime/sox_abi.h"

static const char *const alloc_regs[] = {"rbx", "r12", "r13", "r14", "r15"};
/* number vregs no call crosses (codegen_target.h FuncCtx.fp); xmm0/xmm1 are scratch */
static const char *const fp_regs[] = {"xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8",
                                      "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15"};
#define NFP 14
static const char *const arg_regs[] = {"rdi", "rsi", "rdx", "rcx", "r8", "r9"};
#define NALLOC 5
#define NARGREGS 6

typedef struct X86 {
    FuncCtx *c;
    Buf *o;
    int nsave;
    int save_slot[NALLOC];  /* frame word of each saved register */
    char opbuf[4][64];
    int opnext;
} X86;

static void ins(X86 *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void ins(X86 *x, const char *fmt, ...) {
    va_list ap;
    if (fmt[0] == 'c' && fmt[1] == 'a' && fmt[2] == 'l' && fmt[3] == 'l') cg_call_site(x->c, x->o);
    va_start(ap, fmt);
    buf_u8(x->o, '\t');
    buf_vfmt(x->o, fmt, ap);
    buf_u8(x->o, '\n');
    va_end(ap);
}

/* The operand text of vreg v: its register or its stack slot. */
static const char *opnd(X86 *x, int v) {
    if (x->c->reg[v] >= 0) return alloc_regs[x->c->reg[v]];
    char *b = x->opbuf[x->opnext++ & 3];
    cg_put_str(cg_put_dec(cg_put_str(b, "QWORD PTR [rbp-"), 8 * (x->nsave + x->c->slot[v] + 1)), "]");
    return b;
}

static const char *fp_of(X86 *x, int v) { return v >= 0 && x->c->fp[v] >= 0 ? fp_regs[x->c->fp[v]] : NULL; }

static void load_vreg(X86 *x, const char *reg, int v) {
    if (fp_of(x, v)) {
        ins(x, "movq %s, %s", reg, fp_of(x, v));
        return;
    }
    const char *src = opnd(x, v);
    if (strcmp(src, reg)) ins(x, "mov %s, %s", reg, src);
}

static void store_vreg(X86 *x, int v, const char *reg) {
    if (v < 0 || !x->c->uses[v]) return;   /* nobody reads it (a call's unused result) */
    if (fp_of(x, v)) {
        ins(x, "movq %s, %s", fp_of(x, v), reg);
        return;
    }
    const char *dst = opnd(x, v);
    if (strcmp(dst, reg)) ins(x, "mov %s, %s", dst, reg);
}

static void mov_imm(X86 *x, const char *reg, uint64_t v) {
    if ((int64_t)v >= INT32_MIN && (int64_t)v <= INT32_MAX) ins(x, "mov %s, %" PRId64, reg, (int64_t)v);
    else ins(x, "movabs %s, 0x%" PRIx64, reg, v);
}

static int buf_offset(X86 *x, int word) { return 8 * (x->c->nout + word); }

static const char *block_label(X86 *x, const IrBlock *b) {
    return cg_block_label(x->opbuf[x->opnext++ & 3], x->c, b->id);
}

static void untag(X86 *x, const char *reg) {
    ins(x, "shl %s, 16", reg);
    ins(x, "shr %s, 16", reg);
}

/* A non-number has every QNAN bit (50..62) set: doubled, those are bits 51..63,
 * so it is at least QNAN << 1 unsigned and a number is below.  Three short
 * instructions (lea, then a fused cmp/jae) instead of mov/and/cmp/je. */
#define NUMBER_LIMIT ((uint64_t)SOX_QNAN << 1)

static void load_number_limit(X86 *x, const char *reg) {
    ins(x, "movabs %s, 0x%" PRIx64, reg, NUMBER_LIMIT);
}

/* Jumps to `slow` unless reg holds a number (limit: a register holding
 * NUMBER_LIMIT); clobbers rdx. */
static void check_number_with(X86 *x, const char *reg, const char *limit, int slow) {
    ins(x, "lea rdx, [%s+%s]", reg, reg);
    ins(x, "cmp rdx, %s", limit);
    ins(x, "jae .LL%d", slow);
}

static void check_number(X86 *x, const char *reg, int slow) { check_number_with(x, reg, "r11", slow); }

/* Jumps to `slow` unless reg holds an object, else leaves its pointer in r11.
 * Objects are the words with the top 14 bits set (SOX_OBJ_TAG | a 48-bit
 * pointer): adding 2^50 carries out of exactly those, and leaves the pointer. */
static void object_check(X86 *x, const char *reg, int slow) {
    ins(x, "movabs r11, 0x%" PRIx64, (uint64_t)(0 - SOX_OBJ_TAG));
    ins(x, "add r11, %s", reg);
    ins(x, "jnc .LL%d", slow);
}

/* rax = SOX_FALSE | al */
static void bool_from_al(X86 *x) {
    ins(x, "movzx eax, al");
    ins(x, "movabs rcx, 0x%" PRIx64, (uint64_t)SOX_FALSE);
    ins(x, "or rax, rcx");
}

/* Slow paths are written to the cold buffer, after the function body. */
static void cold_begin(X86 *x, int label, int line) {
    x->o = &x->c->cold;
    cg_label(x->c, x->o, label);
    cg_cold_begin(x->c, label, line);
}

static void cold_end(X86 *x) { x->o = x->c->out; }

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

/* The register holding v for reading: its own, or `scratch` after a load. */
static const char *src(X86 *x, int v, const char *scratch) {
    if (x->c->fp[v] < 0 && x->c->reg[v] >= 0) return alloc_regs[x->c->reg[v]];
    load_vreg(x, scratch, v);
    return scratch;
}

static int next_is(const IrBlock *b, const IrBlock *to) { return to->id == b->id + 1; }

/* Branch on the flags of `ucomisd xmm0, xmm1` (or of xmm1, xmm0 for < and <=):
 * the "above" conditions are false for unordered operands. */
static void fused_jumps(X86 *x, IrOp op, const IrBlock *b, const IrInstr *br) {
    const IrBlock *t = br->target, *f = br->target2;
    switch (op) {
    case IR_EQ:
        ins(x, "jp %s", block_label(x, f));
        if (next_is(b, t)) { ins(x, "jne %s", block_label(x, f)); return; }
        ins(x, "je %s", block_label(x, t));
        break;
    case IR_NE:
        ins(x, "jp %s", block_label(x, t));
        if (next_is(b, t)) { ins(x, "je %s", block_label(x, f)); return; }
        ins(x, "jne %s", block_label(x, t));
        break;
    default: {
        int strict = op == IR_LT || op == IR_GT;
        if (next_is(b, t)) { ins(x, "%s %s", strict ? "jbe" : "jb", block_label(x, f)); return; }
        ins(x, "%s %s", strict ? "ja" : "jae", block_label(x, t));
        break;
    }
    }
    if (!next_is(b, f)) ins(x, "jmp %s", block_label(x, f));
}

/* Branches on the truthiness of the Value in rax (clobbers rax, rcx). */
static void branch_truthy(X86 *x, const IrBlock *b, const IrBlock *t, const IrBlock *f) {
    ins(x, "movabs rcx, 0x%" PRIx64, (uint64_t)SOX_NIL);
    ins(x, "sub rax, rcx");
    ins(x, "cmp rax, 1");
    if (next_is(b, f)) { ins(x, "ja %s", block_label(x, t)); return; }
    ins(x, "jbe %s", block_label(x, f));
    if (!next_is(b, t)) ins(x, "jmp %s", block_label(x, t));
}

static void compare_flags(X86 *x, IrOp op) {
    if (op == IR_LT || op == IR_LE) ins(x, "ucomisd xmm1, xmm0");
    else ins(x, "ucomisd xmm0, xmm1");
}

static void setcc_al(X86 *x, IrOp op) {
    switch (op) {
    case IR_LT: case IR_GT: ins(x, "seta al"); break;
    case IR_LE: case IR_GE: ins(x, "setae al"); break;
    case IR_EQ: ins(x, "sete al"); ins(x, "setnp cl"); ins(x, "and al, cl"); break;
    default: ins(x, "setne al"); ins(x, "setp cl"); ins(x, "or al, cl"); break;
    }
}

/* The result of == / != when ZF says whether the operands are equal: the branch on it,
 * or the bool. */
static void equality_from_zf(X86 *x, const IrBlock *b, const IrInstr *in, const IrInstr *br) {
    if (br) {
        const IrBlock *t = br->target, *f = br->target2;
        if (in->op == IR_NE) { const IrBlock *tmp = t; t = f; f = tmp; }
        if (next_is(b, t)) ins(x, "jne %s", block_label(x, f));
        else { ins(x, "je %s", block_label(x, t)); if (!next_is(b, f)) ins(x, "jmp %s", block_label(x, f)); }
        return;
    }
    ins(x, in->op == IR_EQ ? "sete al" : "setne al");
    bool_from_al(x);
    store_vreg(x, in->dst, "rax");
}

/* == / != against a constant that is not a number: identity is equality. */
static int emit_identity_compare(X86 *x, const IrBlock *b, const IrInstr *in, const IrInstr *br) {
    FuncCtx *c = x->c;
    int ka = c->is_const[in->a] && !SOX_IS_NUMBER(c->const_val[in->a]);
    int kb = c->is_const[in->b] && !SOX_IS_NUMBER(c->const_val[in->b]);
    if ((in->op != IR_EQ && in->op != IR_NE) || (!ka && !kb)) return 0;
    int other = kb ? in->a : in->b;
    uint64_t k = kb ? c->const_val[in->b] : c->const_val[in->a];
    mov_imm(x, "rcx", k);
    if (c->is_const[other]) mov_imm(x, "rax", c->const_val[other]);
    ins(x, "cmp %s, rcx", c->is_const[other] ? "rax" : src(x, other, "rax"));
    equality_from_zf(x, b, in, br);
    return 1;
}

/* == / != of values of any type, inline: numbers compare by value (0 == -0, NaN != NaN),
 * everything else by identity (strings are interned).  Equal words are equal values unless
 * they are a NaN number; different words only when both are zeros. */
/* al = 1 when the operands of == / != are equal: the branch on it, or the bool. */
static void equality_result(X86 *x, const IrBlock *b, const IrInstr *in, const IrInstr *br) {
    if (br) {
        const IrBlock *t = br->target, *f = br->target2;
        if (in->op == IR_NE) { const IrBlock *tmp = t; t = f; f = tmp; }
        ins(x, "test al, al");
        if (next_is(b, t)) ins(x, "je %s", block_label(x, f));
        else { ins(x, "jne %s", block_label(x, t)); if (!next_is(b, f)) ins(x, "jmp %s", block_label(x, f)); }
        return;
    }
    if (in->op == IR_NE) ins(x, "xor al, 1");
    bool_from_al(x);
    store_vreg(x, in->dst, "rax");
}

/* Equality with a number constant k of a value of unknown type: a zero equals exactly
 * the two zeros, a NaN nothing, any other number exactly its own bits.  Returns 1 with
 * ZF set when they are equal, or 0 with al = 0 (k is a NaN). */
static int equality_with_number(X86 *x, int v, uint64_t k) {
    const char *V = src(x, v, "rdi");
    if ((k << 1) == 0) {
        ins(x, "lea rdx, [%s+%s]", V, V);
        ins(x, "test rdx, rdx");
        return 1;
    }
    if ((k << 1) > 0xffe0000000000000ull) {
        ins(x, "xor eax, eax");
        return 0;
    }
    mov_imm(x, "rsi", k);
    ins(x, "cmp %s, rsi", V);
    return 1;
}

static void emit_equality(X86 *x, const IrBlock *b, const IrInstr *in, const IrInstr *br) {
    FuncCtx *c = x->c;
    int ka = cg_is_number_const(c, in->a), kb = cg_is_number_const(c, in->b);
    if (ka != kb) {
        if (equality_with_number(x, ka ? in->b : in->a, c->const_val[ka ? in->a : in->b]))
            equality_from_zf(x, b, in, br);
        else
            equality_result(x, b, in, br);
        return;
    }
    int differ = cg_new_label(c), done = cg_new_label(c);
    const char *A = "rdi", *B = "rsi";   /* not rax: the answer is built in al */
    if (c->is_const[in->a]) mov_imm(x, A, c->const_val[in->a]); else A = src(x, in->a, A);
    if (c->is_const[in->b]) mov_imm(x, B, c->const_val[in->b]); else B = src(x, in->b, B);
    ins(x, "cmp %s, %s", A, B);
    ins(x, "jne .LL%d", differ);
    ins(x, "mov al, 1");
    load_number_limit(x, "r11");
    ins(x, "lea rdx, [%s+%s]", A, A);
    ins(x, "cmp rdx, r11");
    ins(x, "jae .LL%d", done);           /* not a number: the same object */
    ins(x, "movq xmm0, %s", A);
    ins(x, "ucomisd xmm0, xmm0");
    ins(x, "setnp al");
    ins(x, "jmp .LL%d", done);
    cg_label(c, x->o, differ);
    ins(x, "mov rdx, %s", A);
    ins(x, "or rdx, %s", B);
    ins(x, "add rdx, rdx");
    ins(x, "sete al");
    cg_label(c, x->o, done);
    equality_result(x, b, in, br);
}

/* The xmm register holding number operand v: its FP register, else loaded into scratch. */
static const char *fp_operand(X86 *x, int v, const char *scratch, uint64_t constant, int is_const) {
    if (fp_of(x, v)) return fp_of(x, v);
    if (is_const) {
        mov_imm(x, "rax", constant);
        ins(x, "movq %s, rax", scratch);
    } else {
        ins(x, "movq %s, %s", scratch, src(x, v, "rax"));
    }
    return scratch;
}

/* a op b of two known numbers when one of the three lives in an FP register: no check,
 * no slow path, no trip through the integer registers. */
static int emit_fp_binary(X86 *x, const IrBlock *b, const IrInstr *in, const IrInstr *br) {
    FuncCtx *c = x->c;
    int arith = in->op <= IR_DIV;
    if (!cg_known_number(c, in, in->a) || !cg_known_number(c, in, in->b)) return 0;
    if (!fp_of(x, in->a) && !fp_of(x, in->b) && !(arith && fp_of(x, in->dst))) return 0;
    uint64_t recip = 0;
    int by_recip = in->op == IR_DIV && cg_is_number_const(c, in->b) &&
                   cg_exact_reciprocal(c->const_val[in->b], &recip);
    const char *XA = fp_operand(x, in->a, "xmm0", c->const_val[in->a], cg_is_number_const(c, in->a));
    const char *XB = fp_operand(x, in->b, "xmm1", by_recip ? recip : c->const_val[in->b],
                                cg_is_number_const(c, in->b));
    if (!arith) {
        if (in->op == IR_LT || in->op == IR_LE) ins(x, "ucomisd %s, %s", XB, XA);
        else ins(x, "ucomisd %s, %s", XA, XB);
        if (br) {
            fused_jumps(x, in->op, b, br);
        } else {
            setcc_al(x, in->op);
            bool_from_al(x);
            store_vreg(x, in->dst, "rax");
        }
        return 1;
    }
    static const char *const fop[] = {"addsd", "subsd", "mulsd", "divsd"};
    const char *op = by_recip ? "mulsd" : fop[in->op - IR_ADD];
    const char *D = fp_of(x, in->dst) ? fp_of(x, in->dst) : "xmm0";
    if (!strcmp(D, XB) && strcmp(D, XA)) {   /* d = a op d: through xmm0 */
        if (strcmp(XA, "xmm0")) ins(x, "movapd xmm0, %s", XA);
        ins(x, "%s xmm0, %s", op, XB);
        ins(x, "movapd %s, xmm0", D);
    } else {
        if (strcmp(D, XA)) ins(x, "movapd %s, %s", D, XA);
        ins(x, "%s %s, %s", op, D, XB);
    }
    if (!fp_of(x, in->dst)) {
        const char *d = c->reg[in->dst] >= 0 ? alloc_regs[c->reg[in->dst]] : "rax";
        ins(x, "movq %s, xmm0", d);
        store_vreg(x, in->dst, d);
    }
    return 1;
}

/* a op b with both numbers inline, anything else through the runtime (cold).
 * br: the branch that is the comparison's only reader, fused with it. */
static void emit_binary(X86 *x, const IrBlock *b, const IrInstr *in, const IrInstr *br) {
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
    const char *A = ka ? NULL : src(x, in->a, "rax");
    const char *B = kb ? NULL : src(x, in->b, "rcx");
    int ca = !ka && !cg_known_number(c, in, in->a), cb = !kb && !cg_known_number(c, in, in->b);
    if (ca || cb) load_number_limit(x, "r11");
    if (ca) check_number(x, A, slow);
    if (cb) check_number(x, B, slow);
    if (ka) mov_imm(x, "rax", c->const_val[in->a]);
    uint64_t recip = 0;
    int by_recip = kb && in->op == IR_DIV && cg_exact_reciprocal(c->const_val[in->b], &recip);
    if (kb) mov_imm(x, "rcx", by_recip ? recip : c->const_val[in->b]);
    ins(x, "movq xmm0, %s", ka ? "rax" : A);
    ins(x, "movq xmm1, %s", kb ? "rcx" : B);
    int arith = in->op <= IR_DIV;
    if (arith) {
        static const char *const fop[] = {"addsd", "subsd", "mulsd", "divsd"};
        ins(x, "%s xmm0, xmm1", by_recip ? "mulsd" : fop[in->op - IR_ADD]);
        const char *d = c->reg[in->dst] >= 0 ? alloc_regs[c->reg[in->dst]] : "rax";
        ins(x, "movq %s, xmm0", d);
        store_vreg(x, in->dst, d);
    } else {
        compare_flags(x, in->op);
        if (br) {
            fused_jumps(x, in->op, b, br);
        } else {
            setcc_al(x, in->op);
            bool_from_al(x);
            store_vreg(x, in->dst, "rax");
        }
    }
    if (!ca && !cb) return;   /* both known numbers: no way to the runtime */
    if (!br || arith) cg_label(x->c, x->o, back);
    cold_begin(x, slow, in->line);
    if (ka) mov_imm(x, "rdi", c->const_val[in->a]); else ins(x, "mov rdi, %s", A);
    if (kb) mov_imm(x, "rsi", c->const_val[in->b]); else ins(x, "mov rsi, %s", B);
    if (in->op == IR_EQ || in->op == IR_NE) {
        /* not both numbers: every string is interned, so equality is identity */
        int eq = in->op == IR_EQ;
        ins(x, "cmp rdi, rsi");
        if (br) {
            ins(x, "%s %s", eq ? "je" : "jne", block_label(x, br->target));
            ins(x, "jmp %s", block_label(x, br->target2));
        } else {
            ins(x, eq ? "sete al" : "setne al");
            bool_from_al(x);
            store_vreg(x, in->dst, "rax");
            ins(x, "jmp .LL%d", back);
        }
        cold_end(x);
        return;
    }
    ins(x, "call %s", slow_entry(in->op));
    if (br && !arith) {
        /* the runtime's comparisons return SOX_TRUE or SOX_FALSE: bit 0 tells */
        ins(x, "test al, 1");
        ins(x, "je %s", block_label(x, br->target2));
        ins(x, "jmp %s", block_label(x, br->target));
    } else {
        store_vreg(x, in->dst, "rax");
        ins(x, "jmp .LL%d", back);
    }
    cold_end(x);
}

static void emit_neg(X86 *x, const IrInstr *in) {
    int slow = cg_new_label(x->c), back = cg_new_label(x->c);
    load_vreg(x, "rax", in->a);
    int known = cg_known_number(x->c, in, in->a);
    if (!known) {
        load_number_limit(x, "r11");
        check_number(x, "rax", slow);
    }
    ins(x, "btc rax, 63");
    if (!known) cg_label(x->c, x->o, back);
    store_vreg(x, in->dst, "rax");
    if (known) return;
    cold_begin(x, slow, in->line);
    ins(x, "mov rdi, rax");
    ins(x, "call sox_negate");
    ins(x, "jmp .LL%d", back);
    cold_end(x);
}

/* Falsey values are nil and false, adjacent encodings: v - NIL <= 1 unsigned. */
static void falsey_test(X86 *x, int v) {
    load_vreg(x, "rax", v);
    ins(x, "movabs rcx, 0x%" PRIx64, (uint64_t)SOX_NIL);
    ins(x, "sub rax, rcx");
    ins(x, "cmp rax, 1");
}

static void emit_not(X86 *x, const IrInstr *in) {
    falsey_test(x, in->a);
    ins(x, "setbe al");
    bool_from_al(x);
    store_vreg(x, in->dst, "rax");
}

/* Loads one call argument into reg (an argument register or r10). */
static void load_arg(X86 *x, const char *reg, const IrArg *a) {
    switch (a->kind) {
    case ARG_VREG:
        if (x->c->unmaterialized[a->v]) mov_imm(x, reg, x->c->const_val[a->v]);
        else load_vreg(x, reg, (int)a->v);
        break;
    case ARG_IMM: mov_imm(x, reg, (uint64_t)a->v); break;
    case ARG_SYM: ins(x, "lea %s, [rip+%s]", reg, a->sym); break;
    case ARG_BUF: ins(x, "lea %s, [rsp+%d]", reg, buf_offset(x, (int)a->v)); break;
    }
}

static void place_args(X86 *x, const IrArg *args, int n, int first_word) {
    for (int i = 0; i < n; i++) {
        int w = first_word + i;
        if (w < NARGREGS) continue;
        load_arg(x, "r10", &args[i]);
        ins(x, "mov QWORD PTR [rsp+%d], r10", 8 * (w - NARGREGS));
    }
    for (int i = 0; i < n; i++)
        if (first_word + i < NARGREGS) load_arg(x, arg_regs[first_word + i], &args[i]);
}

static void emit_rtcall(X86 *x, const IrInstr *in) {
    place_args(x, in->args, in->nargs, 0);
    ins(x, "call %s", in->sym);
    store_vreg(x, in->dst, "rax");
}

/* The inline call: a closure of the right arity is called through its code
 * pointer; anything else goes to sox_call with the arguments in the buffer. */
static void emit_call(X86 *x, const IrInstr *in) {
    /* the callee goes straight to rdi, its place in both calls: the arguments
     * never live in argument registers */
    load_vreg(x, "rdi", in->a);
    if (in->sym) {
        place_args(x, in->args, in->nargs, 1);
        ins(x, "call %s", in->sym);
        store_vreg(x, in->dst, "rax");
        return;
    }
    int slow = cg_new_label(x->c), back = cg_new_label(x->c);
    object_check(x, "rdi", slow);
    ins(x, "cmp BYTE PTR [r11], %d", SOX_OBJ_CLOSURE);
    ins(x, "jne .LL%d", slow);
    ins(x, "cmp DWORD PTR [r11+24], %d", in->nargs);
    ins(x, "jne .LL%d", slow);
    place_args(x, in->args, in->nargs, 1);
    ins(x, "call QWORD PTR [r11+16]");
    cg_label(x->c, x->o, back);
    store_vreg(x, in->dst, "rax");
    cold_begin(x, slow, in->line);
    for (int i = 0; i < in->nargs; i++) {
        int v = (int)in->args[i].v;
        if (x->c->unmaterialized[v]) mov_imm(x, "r10", x->c->const_val[v]);
        ins(x, "mov QWORD PTR [rsp+%d], %s", buf_offset(x, i), x->c->unmaterialized[v] ? "r10" : src(x, v, "r10"));
    }
    ins(x, "mov esi, %d", in->nargs);
    ins(x, "lea rdx, [rsp+%d]", buf_offset(x, 0));
    ins(x, "call sox_call");
    ins(x, "jmp .LL%d", back);
    cold_end(x);
}

/* a[i] / a[i] = v: an array with a number index in range is read or written
 * inline (SoxArray items at +16, count at +24); anything else, including every
 * error, goes to the runtime. */
static void emit_index(X86 *x, const IrInstr *in) {
    int slow = cg_new_label(x->c), back = cg_new_label(x->c);
    int set = in->op == IR_INDEX_SET;
    const char *A = src(x, in->a, "rax");
    const char *I = src(x, in->b, "rcx");
    const char *V = set ? src(x, (int)in->args[0].v, "r9") : NULL;
    object_check(x, A, slow);
    ins(x, "cmp BYTE PTR [r11], %d", SOX_OBJ_ARRAY);
    ins(x, "jne .LL%d", slow);
    if (!cg_is_number_const(x->c, in->b)) {
        load_number_limit(x, "r10");
        check_number_with(x, I, "r10", slow);
    }
    ins(x, "movq xmm0, %s", I);
    ins(x, "cvttsd2si rdx, xmm0");          /* NaN and huge give INT64_MIN */
    ins(x, "cmp rdx, QWORD PTR [r11+24]");
    ins(x, "jae .LL%d", slow);
    ins(x, "mov r11, QWORD PTR [r11+16]");
    if (set) {
        ins(x, "mov QWORD PTR [r11+rdx*8], %s", V);
        ins(x, "mov rax, %s", V);
    } else {
        ins(x, "mov rax, QWORD PTR [r11+rdx*8]");
    }
    cg_label(x->c, x->o, back);
    store_vreg(x, in->dst, "rax");
    cold_begin(x, slow, in->line);
    ins(x, "mov rdi, %s", A);
    ins(x, "mov rsi, %s", I);
    if (set) ins(x, "mov rdx, %s", V);
    ins(x, "call %s", set ? "sox_index_set" : "sox_index_get");
    ins(x, "jmp .LL%d", back);
    cold_end(x);
}

/* Jumps to `slow` unless in's operand A holds an instance, else leaves its pointer in
 * r11 (an object has the top 14 bits set: adding 2^50 carries out and untags it).
 * `this` needs no test. */
static void instance_of(X86 *x, const IrInstr *in, const char *A, int slow) {
    ins(x, "movabs r11, 0x%" PRIx64, (uint64_t)(0 - SOX_OBJ_TAG));
    ins(x, "add r11, %s", A);
    if (in->a_instance) return;
    ins(x, "jnc .LL%d", slow);
    ins(x, "cmp BYTE PTR [r11], %d", SOX_OBJ_INSTANCE);
    ins(x, "jne .LL%d", slow);
}

/* Jumps to `slow` unless in's operand A holds an instance of the class the site's cache
 * describes; leaves the instance in r11 (clobbers rdx). */
static void instance_of_cached_class(X86 *x, const IrInstr *in, const char *A, int cache, int slow) {
    instance_of(x, in, A, slow);
    ins(x, "mov rdx, QWORD PTR [r11+%d]", SOX_INSTANCE_CLASS);
    ins(x, "mov rdx, QWORD PTR [rdx+%d]", SOX_CLASS_ID);
    ins(x, "cmp rdx, QWORD PTR [rip+.Lcache+%d]", cache + 8 * SOX_CACHE_CLASS_ID);
    ins(x, "jne .LL%d", slow);
}

/* rdx = the index the site's cache holds for its field and rsi = the values of the
 * instance in r11; to `miss` when the instance has no room for that index. */
static void cached_field_slot(X86 *x, int cache, int miss) {
    ins(x, "mov rdx, QWORD PTR [rip+.Lcache+%d]", cache + 8 * SOX_CACHE_FIELD);
    ins(x, "cmp edx, DWORD PTR [r11+%d]", SOX_INSTANCE_CAPACITY);   /* NO_FIELD: 2^32-1 */
    ins(x, "jae .LL%d", miss);
    ins(x, "mov rsi, QWORD PTR [r11+%d]", SOX_INSTANCE_VALUES);
}

/* rax = the field at that slot; to `miss` (rax kept) when the instance lacks it. */
static void cached_field_value(X86 *x, int miss) {
    ins(x, "mov r10, QWORD PTR [rsi+rdx*8]");
    ins(x, "movabs rsi, 0x%" PRIx64, (uint64_t)SOX_UNDEF);
    ins(x, "cmp r10, rsi");
    ins(x, "je .LL%d", miss);
    ins(x, "mov rax, r10");
}

/* a.name / a.name = v: an instance of the class the site's cache describes, with
 * room for the field at the index the cache remembers, is read or updated inline (the
 * test of sox_abi.h "Inline field access"; a read also needs the field to be there);
 * anything else, every error included, goes to the runtime, which also refills the
 * cache.  The name itself is only needed by the runtime. */
static void emit_property(X86 *x, const IrInstr *in) {
    int slow = cg_new_label(x->c), back = cg_new_label(x->c);
    int set = in->op == IR_PROP_SET;
    int cache = 32 * (int)in->imm;
    const char *A = src(x, in->a, "rax");
    const char *N = x->c->cold_name[in->b] ? NULL : src(x, in->b, "rcx");
    const char *V = set ? src(x, (int)in->args[0].v, "r9") : NULL;
    instance_of_cached_class(x, in, A, cache, slow);
    cached_field_slot(x, cache, slow);
    if (set) {
        ins(x, "mov QWORD PTR [rsi+rdx*8], %s", V);
        if (x->c->uses[in->dst]) ins(x, "mov rax, %s", V);
    } else {
        cached_field_value(x, slow);
    }
    cg_label(x->c, x->o, back);
    store_vreg(x, in->dst, "rax");
    cold_begin(x, slow, in->line);
    ins(x, "mov rdi, %s", A);
    if (N) ins(x, "mov rsi, %s", N);
    else ins(x, "mov rsi, QWORD PTR [rip+.Lroots+%d]", 8 * (int)x->c->const_val[in->b]);
    if (set) ins(x, "mov rdx, %s", V);
    ins(x, "lea %s, [rip+.Lcache+%d]", set ? "rcx" : "rdx", cache);
    ins(x, "call %s", set ? "sox_set_property" : "sox_get_property");
    ins(x, "jmp .LL%d", back);
    cold_end(x);
}

_Static_assert(SOX_STR_FIELD_NAME <= 0xff, "the flag is tested in the low byte of obj.flags");

/* An invocation without arguments of a getter the site's cache holds (sox_abi.h): the
 * field's value in rax and on to `back` when the instance in r11 has it.  Keeps rax
 * (the receiver may be there) and r11 when it falls through to the call. */
static void getter_field(X86 *x, int cache, int back) {
    int call = cg_new_label(x->c);
    cached_field_slot(x, cache, call);
    cached_field_value(x, call);
    ins(x, "jmp .LL%d", back);
    cg_label(x->c, x->o, call);
}

/* a.name(args): when the site's cache proves the method (the test of sox_abi.h
 * "Inline method invocation"), its code is called directly, code(closure, a,
 * args...); anything else goes to sox_invoke with the arguments in the buffer.
 * Besides the runtime call this saves, each site gets its own indirect call,
 * which predicts far better than sox_invoke's one jump to every method. */
static void emit_invoke(X86 *x, const IrInstr *in) {
    int slow = cg_new_label(x->c), back = cg_new_label(x->c);
    int cache = 32 * (int)in->imm;
    const char *R = src(x, in->a, "rax");
    const char *N = x->c->cold_name[in->b] ? NULL : src(x, in->b, "rcx");
    instance_of_cached_class(x, in, R, cache, slow);
    ins(x, "mov r10, QWORD PTR [rip+.Lcache+%d]", cache + 8 * SOX_CACHE_NAME);
    ins(x, "test BYTE PTR [r10+%d], %u", (int)offsetof(SoxObj, flags), SOX_STR_FIELD_NAME);
    ins(x, "jne .LL%d", slow);
    if (in->nargs == 0) getter_field(x, cache, back);
    ins(x, "mov r11, QWORD PTR [rip+.Lcache+%d]", cache + 8 * SOX_CACHE_METHOD);
    ins(x, "cmp DWORD PTR [r11+%d], %d", (int)offsetof(SoxClosure, arity), in->nargs);
    ins(x, "jne .LL%d", slow);
    /* the arguments never live in rsi or rdi, and loading them keeps rax and r11 */
    ins(x, "mov rsi, %s", R);
    place_args(x, in->args, in->nargs, 2);
    ins(x, "movabs rdi, 0x%" PRIx64, (uint64_t)SOX_OBJ_TAG);
    ins(x, "or rdi, r11");
    ins(x, "call QWORD PTR [r11+%d]", (int)offsetof(SoxClosure, code));
    cg_label(x->c, x->o, back);
    store_vreg(x, in->dst, "rax");
    cold_begin(x, slow, in->line);
    for (int i = 0; i < in->nargs; i++) {
        int v = (int)in->args[i].v;
        if (x->c->unmaterialized[v]) mov_imm(x, "r10", x->c->const_val[v]);
        ins(x, "mov QWORD PTR [rsp+%d], %s", buf_offset(x, i), x->c->unmaterialized[v] ? "r10" : src(x, v, "r10"));
    }
    ins(x, "mov rdi, %s", R);
    if (N) ins(x, "mov rsi, %s", N);
    else ins(x, "mov rsi, QWORD PTR [rip+.Lroots+%d]", 8 * (int)x->c->const_val[in->b]);
    ins(x, "mov edx, %d", in->nargs);
    ins(x, "lea rcx, [rsp+%d]", buf_offset(x, 0));
    ins(x, "lea r8, [rip+.Lcache+%d]", cache);
    ins(x, "call sox_invoke");
    ins(x, "jmp .LL%d", back);
    cold_end(x);
}

/* Leaves the global's value in reg (not rcx). */
static void undefined_check(X86 *x, const IrInstr *in, const char *reg) {
    int fail = cg_new_label(x->c);
    ins(x, "mov %s, QWORD PTR [rip+.Lroots+%d]", reg, 8 * (int)in->imm);
    ins(x, "movabs rcx, 0x%" PRIx64, (uint64_t)SOX_UNDEF);
    ins(x, "cmp %s, rcx", reg);
    ins(x, "je .LL%d", fail);
    cold_begin(x, fail, in->line);
    ins(x, "mov rdi, QWORD PTR [rip+.Lroots+%d]", 8 * (int)in->imm2);
    ins(x, "call sox_undefined_variable");
    cold_end(x);
}

static void jump_to(X86 *x, const IrBlock *from, const IrBlock *to) {
    if (to->id != from->id + 1) ins(x, "jmp %s", block_label(x, to));
}

static void epilogue(X86 *x) {
    for (int i = 0; i < NALLOC; i++)
        if (x->c->used_regs & (1u << i)) ins(x, "mov %s, QWORD PTR [rbp-%d]", alloc_regs[i], 8 * (x->save_slot[i] + 1));
    ins(x, "leave");
    ins(x, "ret");
}

/* The instruction after `in` when it is a branch that only `in`'s result feeds. */
static const IrInstr *fusable_branch(X86 *x, const IrBlock *b, const IrInstr *in) {
    if (in->dst < 0 || in + 1 >= b->ins + b->nins) return NULL;
    const IrInstr *next = in + 1;
    if (next->op != IR_BR || next->a != in->dst || x->c->uses[in->dst] != 1) return NULL;
    return next;
}

/* Emits `in`; returns 1 when it also consumed the following branch. */
static int emit_instr(X86 *x, const IrBlock *b, const IrInstr *in) {
    cg_line(x->c, in->line);
    const IrInstr *br = fusable_branch(x, b, in);
    if (br && in->op >= IR_LT && in->op <= IR_NE) {
        emit_binary(x, b, in, br);
        return 1;
    }
    if (br && in->op == IR_NOT) {
        load_vreg(x, "rax", in->a);
        branch_truthy(x, b, br->target2, br->target);
        return 1;
    }
    switch (in->op) {
    case IR_CONST:
        if (x->c->unmaterialized[in->dst]) break;
        if (fp_of(x, in->dst)) {
            if (in->imm == 0) {
                ins(x, "xorpd %s, %s", fp_of(x, in->dst), fp_of(x, in->dst));
            } else {
                mov_imm(x, "rax", (uint64_t)in->imm);
                ins(x, "movq %s, rax", fp_of(x, in->dst));
            }
        } else if (x->c->reg[in->dst] >= 0) {
            mov_imm(x, opnd(x, in->dst), (uint64_t)in->imm);
        } else if (in->imm >= INT32_MIN && in->imm <= INT32_MAX) {
            ins(x, "mov %s, %" PRId64, opnd(x, in->dst), in->imm);
        } else {
            mov_imm(x, "rax", (uint64_t)in->imm);
            store_vreg(x, in->dst, "rax");
        }
        break;
    case IR_MOV:
        if (fp_of(x, in->dst)) {
            if (!x->c->uses[in->dst]) break;
            if (fp_of(x, in->a)) {
                if (strcmp(fp_of(x, in->a), fp_of(x, in->dst)))
                    ins(x, "movapd %s, %s", fp_of(x, in->dst), fp_of(x, in->a));
            } else if (x->c->unmaterialized[in->a]) {
                mov_imm(x, "rax", x->c->const_val[in->a]);
                ins(x, "movq %s, rax", fp_of(x, in->dst));
            } else {
                ins(x, "movq %s, %s", fp_of(x, in->dst), src(x, in->a, "rax"));
            }
        } else if (x->c->reg[in->dst] >= 0) {
            load_vreg(x, opnd(x, in->dst), in->a);
        } else {
            store_vreg(x, in->dst, src(x, in->a, "rax"));
        }
        break;
    case IR_PARAM:
        if (in->imm < NARGREGS) {
            store_vreg(x, in->dst, arg_regs[in->imm]);
        } else {
            ins(x, "mov rax, QWORD PTR [rbp+%d]", 16 + 8 * (int)(in->imm - NARGREGS));
            store_vreg(x, in->dst, "rax");
        }
        break;
    case IR_ROOT_GET:
    case IR_GLOBAL_GET: {
        if (x->c->cold_name[in->dst]) break;   /* loaded by the slow paths that read it */
        if (fp_of(x, in->dst)) {   /* surely defined: no check */
            ins(x, "movq %s, QWORD PTR [rip+.Lroots+%d]", fp_of(x, in->dst), 8 * (int)in->imm);
            break;
        }
        /* straight into the destination's register when it has one */
        const char *d = x->c->reg[in->dst] >= 0 ? alloc_regs[x->c->reg[in->dst]] : "rax";
        if (in->op == IR_GLOBAL_GET && in->imm2 >= 0) undefined_check(x, in, d);
        else ins(x, "mov %s, QWORD PTR [rip+.Lroots+%d]", d, 8 * (int)in->imm);
        store_vreg(x, in->dst, d);
        break;
    }
    case IR_GLOBAL_SET:
        if (in->imm2 >= 0) undefined_check(x, in, "rax");
        /* fall through */
    case IR_GLOBAL_DEF:
        if (fp_of(x, in->a))
            ins(x, "movq QWORD PTR [rip+.Lroots+%d], %s", 8 * (int)in->imm, fp_of(x, in->a));
        else
            ins(x, "mov QWORD PTR [rip+.Lroots+%d], %s", 8 * (int)in->imm, src(x, in->a, "rax"));
        break;
    case IR_LOAD:
        load_vreg(x, "rax", in->a);
        untag(x, "rax");
        ins(x, "mov rax, QWORD PTR [rax+%d]", (int)in->imm);
        store_vreg(x, in->dst, "rax");
        break;
    case IR_STORE:
        load_vreg(x, "rax", in->a);
        untag(x, "rax");
        load_vreg(x, "rcx", in->b);
        ins(x, "mov QWORD PTR [rax+%d], rcx", (int)in->imm);
        break;
    case IR_UNTAG:
        load_vreg(x, "rax", in->a);
        untag(x, "rax");
        store_vreg(x, in->dst, "rax");
        break;
    case IR_BUF_STORE:
        load_vreg(x, "rax", in->a);
        ins(x, "mov QWORD PTR [rsp+%d], rax", buf_offset(x, (int)in->imm));
        break;
    case IR_BUF_LOAD:
        ins(x, "mov rax, QWORD PTR [rsp+%d]", buf_offset(x, (int)in->imm));
        store_vreg(x, in->dst, "rax");
        break;
    case IR_ADD: case IR_SUB: case IR_MUL: case IR_DIV:
    case IR_LT: case IR_LE: case IR_GT: case IR_GE: case IR_EQ: case IR_NE:
        emit_binary(x, b, in, NULL);
        break;
    case IR_NEG: emit_neg(x, in); break;
    case IR_NOT: emit_not(x, in); break;
    case IR_CALL: emit_call(x, in); break;
    case IR_RTCALL: emit_rtcall(x, in); break;
    case IR_JMP: jump_to(x, b, in->target); break;
    case IR_BR:
        load_vreg(x, "rax", in->a);
        branch_truthy(x, b, in->target, in->target2);
        break;
    case IR_BR_NEG:
        load_vreg(x, "rax", in->a);
        ins(x, "test rax, rax");
        ins(x, "js %s", block_label(x, in->target));
        jump_to(x, b, in->target2);
        break;
    case IR_BR_IS:
        load_vreg(x, "rax", in->a);
        mov_imm(x, "rcx", (uint64_t)in->imm);
        ins(x, "cmp rax, rcx");
        ins(x, "je %s", block_label(x, in->target));
        jump_to(x, b, in->target2);
        break;
    case IR_RET:
        if (x->c->unmaterialized[in->a]) mov_imm(x, "rax", x->c->const_val[in->a]);
        else load_vreg(x, "rax", in->a);
        if (b->id + 1 != x->c->f->nblocks) ins(x, "jmp .Lret%d", x->c->fid);
        break;
    case IR_INDEX_GET:
    case IR_INDEX_SET: emit_index(x, in); break;
    case IR_PROP_GET:
    case IR_PROP_SET: emit_property(x, in); break;
    case IR_INVOKE: emit_invoke(x, in); break;
    case IR_TABLE_CALL: {
        int loop = cg_new_label(x->c), done = cg_new_label(x->c);
        int cur = buf_offset(x, (int)in->imm);
        ins(x, "lea rax, [rip+%s]", in->sym);
        ins(x, "mov QWORD PTR [rsp+%d], rax", cur);
        cg_label(x->c, x->o, loop);
        ins(x, "mov rax, QWORD PTR [rsp+%d]", cur);
        ins(x, "mov rdi, QWORD PTR [rax]");
        ins(x, "test rdi, rdi");
        ins(x, "je .LL%d", done);
        ins(x, "mov rsi, QWORD PTR [rax+8]");
        ins(x, "call %s", in->rtsym);
        ins(x, "mov rcx, QWORD PTR [rsp+%d]", cur);
        ins(x, "mov rdx, QWORD PTR [rcx+16]");
        ins(x, "lea rsi, [rip+.Lroots]");
        ins(x, "mov QWORD PTR [rsi+rdx], rax");
        ins(x, "add rcx, 24");
        ins(x, "mov QWORD PTR [rsp+%d], rcx", cur);
        ins(x, "jmp .LL%d", loop);
        cg_label(x->c, x->o, done);
        break;
    }
    case IR_OP_COUNT: break;
    }
    return 0;
}

static void prologue(X86 *x) {
    FuncCtx *c = x->c;
    const IrFunc *f = c->f;
    x->nsave = 0;
    for (int i = 0; i < NALLOC; i++)
        if (c->used_regs & (1u << i)) x->save_slot[i] = x->nsave++;
    int words = x->nsave + c->nslots + f->nbuf + c->nout;
    int frame = (8 * words + 15) & ~15;
    ins(x, "push rbp");
    ins(x, "mov rbp, rsp");
    if (frame) ins(x, "sub rsp, %d", frame);
    for (int i = 0; i < NALLOC; i++)
        if (c->used_regs & (1u << i)) ins(x, "mov QWORD PTR [rbp-%d], %s", 8 * (x->save_slot[i] + 1), alloc_regs[i]);
    int overflow = cg_new_label(c);
    ins(x, "cmp rsp, QWORD PTR [rip+sox_stack_limit]");
    ins(x, "jb .LL%d", overflow);
    cold_begin(x, overflow, c->cur_line);
    ins(x, "call sox_stack_overflow");
    cold_end(x);
}

static void emit_func_x86_64(FuncCtx *c) {
    X86 x = {.c = c, .o = c->out};
    const IrFunc *f = c->f;
    buf_str(x.o, "\n\t.p2align 4\n");
    if (f->is_global) buf_fmt(x.o, "\t.globl %s\n", f->sym);
    buf_fmt(x.o, "\t.type %s, @function\n%s:\n", f->sym, f->sym);
    c->cur_line = 0;
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

const TargetDesc target_desc_x86_64 = {
    .header = "\t.intel_syntax noprefix\n",
    .nregs = NALLOC,
    .nargregs = NARGREGS,
    .nfp = NFP,
    .emit_func = emit_func_x86_64,
};
