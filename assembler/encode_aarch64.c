/* encode_aarch64.c — the AArch64 instruction encoder of soxas.
 *
 * Table-driven in the style of binutils' aarch64-tbl.h: every mnemonic (including the
 * aliases GNU as accepts, such as cmp, mov, lsl, cset) is one row holding the encoding
 * class (a small function that checks operands and fills fields), the fixed opcode bits
 * and class-specific bits in `aux`.  Every instruction is one 32-bit word; a field that
 * depends on a symbol is recorded with asm_fixup as an R_AARCH64_* fixup and patched by
 * a64_apply_fixup when the core can resolve it (a label of the same section).
 *
 * Where an instruction has several encodings (ldr with a scaled or an unscaled offset,
 * mov as movz/movn/orr, add with a negative immediate), the choice is the one GNU as
 * makes, so objects compare byte for byte with aarch64-linux-gnu-as. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "assembler/aarch64.h"
#include "common/buf.h"
#include "common/elf.h"

struct A64Ctx {
    Assembler *a;
    SrcLoc loc;              /* the instruction */
    const char *text;        /* its operand text */
    const char *mnemonic;
};

SrcLoc a64_loc(A64Ctx *c, int col) { return asm_loc_at(c->loc, c->text + col); }

/* ------------------------------------------------------------------------------------ */
/* Expressions                                                                            */

static const struct { const char *name; A64Mod mod; } modifiers[] = {
    { "lo12", MOD_LO12 }, { "got", MOD_GOT }, { "got_lo12", MOD_GOT_LO12 },
    { "pg_hi21", MOD_PG_HI21 }, { "pg_hi21_nc", MOD_PG_HI21_NC }, { "abs_g0", MOD_ABS_G0 }, { "abs_g0_nc", MOD_ABS_G0_NC },
    { "abs_g1", MOD_ABS_G1 }, { "abs_g1_nc", MOD_ABS_G1_NC }, { "abs_g2", MOD_ABS_G2 },
    { "abs_g2_nc", MOD_ABS_G2_NC }, { "abs_g3", MOD_ABS_G3 },
};

static int word_len(const char *p)
{
    int n = 0;
    while (isalnum((unsigned char)p[n]) || p[n] == '_') n++;
    return n;
}

/* Barrier options (dmb ish) and prefetch operations (prfm pldl1keep). */
static const char *const barrier_names[16] = {
    NULL, "oshld", "oshst", "osh", NULL, "nshld", "nshst", "nsh",
    NULL, "ishld", "ishst", "ish", NULL, "ld", "st", "sy",
};

static int barrier_code(const char *s, int len)
{
    for (int i = 0; i < 16; i++)
        if (barrier_names[i] && (int)strlen(barrier_names[i]) == len &&
            strncasecmp(s, barrier_names[i], len) == 0)
            return i;
    return -1;
}

/* pld|pli|pst, l1|l2|l3, keep|strm -> type<<3 | target<<1 | policy */
static int prefetch_code(const char *s, int len)
{
    static const char *const types[] = { "pld", "pli", "pst" };
    if (len != 8 && len != 9) return -1;
    for (int t = 0; t < 3; t++) {
        if (strncasecmp(s, types[t], 3) != 0) continue;
        if (tolower((unsigned char)s[3]) != 'l' || s[4] < '1' || s[4] > '3') return -1;
        int target = s[4] - '1';
        if (len == 9 && strncasecmp(s + 5, "keep", 4) == 0) return t << 3 | target << 1;
        if (len == 9 && strncasecmp(s + 5, "strm", 4) == 0) return t << 3 | target << 1 | 1;
        return -1;
    }
    return -1;
}

static bool is_keyword(const char *s, int len)
{
    return a64_cond_code(s, len) >= 0 || barrier_code(s, len) >= 0 || prefetch_code(s, len) >= 0;
}

static bool parse_core_expr(A64Ctx *c, A64Expr *e, const char **end)
{
    if (asm_parse_expr(c->a, e->text, end, &e->core, a64_loc(c, e->col)) < 0) return false;
    e->parsed = true;
    int64_t v;
    if (asm_expr_constant(c->a, &e->core, &v)) {
        e->is_const = true;
        e->value = v;
    } else {
        e->is_const = false;
        e->value = e->core.addend;
    }
    return true;
}

bool a64_parse_expr(A64Ctx *c, const char **pp, A64Expr *out)
{
    const char *p = *pp;
    memset(out, 0, sizeof *out);
    while (*p == ' ' || *p == '\t') p++;
    if (*p == ':') {
        const char *name = p + 1;
        const char *colon = strchr(name, ':');
        size_t i = 0, n = sizeof modifiers / sizeof modifiers[0];
        for (; colon && i < n; i++)
            if (strlen(modifiers[i].name) == (size_t)(colon - name) &&
                strncasecmp(name, modifiers[i].name, colon - name) == 0)
                break;
        if (!colon || i == n) {
            error_at(a64_loc(c, (int)(p - c->text)), "unknown relocation operator");
            return false;
        }
        out->mod = modifiers[i].mod;
        p = colon + 1;
    }
    out->text = p;
    out->col = (int)(p - c->text);
    int len = word_len(p);
    const char *after = p + len;
    while (*after == ' ' || *after == '\t') after++;
    if (len && !isdigit((unsigned char)*p) && (*after == ',' || *after == 0 || *after == ']')) {
        out->ident = p;
        out->ident_len = len;
        if (out->mod == MOD_NONE && is_keyword(p, len)) {   /* parsed later if a label */
            *pp = p + len;
            return true;
        }
    }
    return parse_core_expr(c, out, pp);
}

/* The symbolic value of e, parsing a keyword-looking identifier as a symbol now. */
static bool expr_core(A64Ctx *c, A64Expr *e)
{
    const char *end;
    return e->parsed || parse_core_expr(c, e, &end);
}

/* ------------------------------------------------------------------------------------ */
/* Diagnostics and operand checks                                                         */

static bool fail(A64Ctx *c, const A64Operand *o, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool fail(A64Ctx *c, const A64Operand *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char msg[256];
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    error_at(o ? a64_loc(c, o->col) : c->loc, "%s", msg);
    return false;
}

static bool bad_operands(A64Ctx *c, const A64Operand *o)
{
    return fail(c, o, "invalid operands for '%s'", c->mnemonic);
}

static bool want_count(A64Ctx *c, const A64Operand *o, int n, int lo, int hi)
{
    if (n >= lo && n <= hi) return true;
    if (lo == hi)
        return fail(c, n > hi ? &o[hi] : NULL, "'%s' expects %d operand%s", c->mnemonic, lo, lo == 1 ? "" : "s");
    return fail(c, n > hi ? &o[hi] : NULL, "'%s' expects %d to %d operands", c->mnemonic, lo, hi);
}

static bool is_gpr(const A64Operand *o) { return o->kind == OP_REG && o->reg.kind == RK_GPR; }
static bool is_fpr(const A64Operand *o) { return o->kind == OP_REG && o->reg.kind == RK_FP; }
static bool is_sp(const A64Operand *o) { return is_gpr(o) && o->reg.is_sp; }

/* Register field 31 means either SP or ZR depending on the instruction. */
enum { R31_ZR, R31_SP };

/* A general register of width bits (0 = either), returning its field value or -1. */
static int gpr(A64Ctx *c, const A64Operand *o, int bits, int r31)
{
    if (!is_gpr(o)) {
        fail(c, o, "expected %s register for '%s'", bits == 32 ? "a W" : bits == 64 ? "an X" : "a general",
             c->mnemonic);
        return -1;
    }
    if (bits && o->reg.bits != bits) {
        fail(c, o, "expected %s register for '%s'", bits == 32 ? "a W" : "an X", c->mnemonic);
        return -1;
    }
    if (o->reg.num == 31 && o->reg.is_sp != (r31 == R31_SP)) {
        fail(c, o, "'%s' cannot be used here", o->reg.is_sp ? (o->reg.bits == 64 ? "sp" : "wsp")
                                                             : (o->reg.bits == 64 ? "xzr" : "wzr"));
        return -1;
    }
    return o->reg.num;
}

/* A constant immediate (with or without '#'). */
static bool const_imm(A64Ctx *c, const A64Operand *o, int64_t *v)
{
    if (o->kind != OP_EXPR) return fail(c, o, "expected an immediate for '%s'", c->mnemonic);
    if (o->expr.mod != MOD_NONE || !o->expr.is_const)
        return fail(c, o, "immediate must be a constant expression");
    *v = o->expr.value;
    return true;
}

static bool imm_in(A64Ctx *c, const A64Operand *o, int64_t lo, int64_t hi, int64_t *v)
{
    if (!const_imm(c, o, v)) return false;
    if (*v < lo || *v > hi)
        return fail(c, o, "immediate out of range %lld..%lld", (long long)lo, (long long)hi);
    return true;
}

static int cond_of(A64Ctx *c, const A64Operand *o)
{
    int cc = o->kind == OP_EXPR && o->expr.ident && !o->hash
                 ? a64_cond_code(o->expr.ident, o->expr.ident_len) : -1;
    if (cc < 0) fail(c, o, "expected a condition (eq, ne, lt, ...)");
    return cc;
}

static bool same_width(A64Ctx *c, const A64Operand *a, const A64Operand *b)
{
    if (a->reg.bits == b->reg.bits) return true;
    return fail(c, b, "register widths do not match");
}

/* ------------------------------------------------------------------------------------ */
/* Emission                                                                               */

static bool emit(A64Ctx *c, uint32_t word)
{
    asm_emit_u32(c->a, word);
    return true;
}

/* Records a fixup on the word about to be emitted. pcrel fixups of labels in the same
 * section are resolved by the core; ADRP-class fixups are recorded as absolute so that
 * they always become relocations, as with GNU as (the page delta depends on the link). */
static bool fixup(A64Ctx *c, int type, bool pcrel, A64Expr *e)
{
    if (!expr_core(c, e)) return false;
    asm_fixup(c->a, type, 4, pcrel, &e->core, a64_loc(c, e->col));
    return true;
}

/* A label operand: an expression that involves a symbol. */
static A64Expr *label_of(A64Ctx *c, A64Operand *o)
{
    if (o->kind != OP_EXPR || o->hash || o->expr.mod != MOD_NONE) {
        fail(c, o, "expected a label for '%s'", c->mnemonic);
        return NULL;
    }
    if (!expr_core(c, &o->expr)) return NULL;
    return &o->expr;
}

/* ------------------------------------------------------------------------------------ */
/* Instruction table                                                                      */

typedef struct A64Insn A64Insn;
typedef bool EncodeFn(A64Ctx *c, const A64Insn *in, A64Operand *o, int n);
struct A64Insn {
    const char *name;
    EncodeFn *encode;
    uint32_t opcode;         /* fixed bits */
    uint32_t aux;            /* class-specific */
};

#define SF(bits) ((uint32_t)((bits) == 64) << 31)
#define RN(r) ((uint32_t)(r) << 5)
#define RM(r) ((uint32_t)(r) << 16)
#define RA(r) ((uint32_t)(r) << 10)

/* ---- add/sub family ---- */

/* Immediate form; aux bit 1 = sub, bit 0 = S. A negative immediate flips add <-> sub. */
static bool addsub_imm(A64Ctx *c, uint32_t aux, A64Operand *o, int n)
{
    bool setflags = aux & 1;
    int sub = aux >> 1 & 1;
    int d = gpr(c, &o[0], 0, setflags ? R31_ZR : R31_SP);
    int s = d < 0 ? -1 : gpr(c, &o[1], o[0].reg.bits, R31_SP);
    if (s < 0) return false;
    int shift = 0;
    if (n == 4) {
        if (o[3].kind != OP_SHIFT || o[3].shift != SH_LSL || (o[3].amount != 0 && o[3].amount != 12))
            return fail(c, &o[3], "immediate shift must be 'lsl #0' or 'lsl #12'");
        shift = o[3].amount;
    }
    A64Expr *e = &o[2].expr;
    uint32_t word = SF(o[0].reg.bits) | (uint32_t)setflags << 29 | RN(s) | d;
    if (e->mod != MOD_NONE && e->mod != MOD_LO12)
        return fail(c, &o[2], "only ':lo12:' is allowed with '%s'", c->mnemonic);
    if (e->mod == MOD_LO12) {
        if (shift) return fail(c, &o[3], "':lo12:' cannot be shifted");
        if (!fixup(c, R_AARCH64_ADD_ABS_LO12_NC, false, e)) return false;
        return emit(c, 0x11000000 | word | (uint32_t)sub << 30);
    }
    int64_t v;
    if (!const_imm(c, &o[2], &v)) return false;
    if (v < 0 && v >= -0xffffff && !shift) {   /* add #-n is sub #n, as in GNU as */
        v = -v;
        sub ^= 1;
    }
    if (!shift && v > 0xfff && (v & 0xfff) == 0) {
        shift = 12;
        v >>= 12;
    }
    if (v < 0 || v > 0xfff) return fail(c, &o[2], "immediate out of range for '%s'", c->mnemonic);
    return emit(c, 0x11000000 | word | (uint32_t)sub << 30 | (shift ? 1u << 22 : 0) | (uint32_t)v << 10);
}

/* Extended register form: add x0, x1, w2, sxtw #2 (also what "add sp, sp, x1" means). */
static bool addsub_ext(A64Ctx *c, uint32_t aux, A64Operand *o, int n)
{
    bool setflags = aux & 1;
    int bits = o[0].reg.bits;
    int option = bits == 64 ? EX_UXTX : EX_UXTW, amount = 0;
    if (n == 4) {
        if (o[3].kind == OP_EXTEND) option = o[3].shift;
        else if (o[3].kind != OP_SHIFT || o[3].shift != SH_LSL)
            return fail(c, &o[3], "only 'lsl' or an extend may follow a register with sp");
        amount = o[3].amount;
        if (amount > 4) return fail(c, &o[3], "extend amount must be 0..4");
    }
    int mbits = bits == 64 && (option & 3) == 3 ? 64 : 32;
    int d = gpr(c, &o[0], 0, setflags ? R31_ZR : R31_SP);
    int s = d < 0 ? -1 : gpr(c, &o[1], bits, R31_SP);
    int m = s < 0 ? -1 : gpr(c, &o[2], mbits, R31_ZR);
    if (m < 0) return false;
    return emit(c, 0x0b200000 | SF(bits) | aux << 29 | RM(m) | (uint32_t)option << 13 |
                       (uint32_t)amount << 10 | RN(s) | d);
}

static bool addsub_shifted(A64Ctx *c, uint32_t aux, A64Operand *o, int n)
{
    int bits = o[0].reg.bits, shift = SH_LSL, amount = 0;
    if (n == 4) {
        if (o[3].kind != OP_SHIFT || o[3].shift > SH_ASR)
            return fail(c, &o[3], "expected lsl, lsr or asr");
        shift = o[3].shift;
        amount = o[3].amount;
        if (amount >= bits) return fail(c, &o[3], "shift amount out of range");
    }
    int d = gpr(c, &o[0], 0, R31_ZR);
    int s = d < 0 ? -1 : gpr(c, &o[1], bits, R31_ZR);
    int m = s < 0 ? -1 : gpr(c, &o[2], bits, R31_ZR);
    if (m < 0) return false;
    return emit(c, 0x0b000000 | SF(bits) | aux << 29 | (uint32_t)shift << 22 | RM(m) |
                       (uint32_t)amount << 10 | RN(s) | d);
}

static bool addsub(A64Ctx *c, uint32_t aux, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 3, 4)) return false;
    if (!is_gpr(&o[0])) return gpr(c, &o[0], 0, R31_SP) >= 0;
    if (o[2].kind == OP_EXPR) return addsub_imm(c, aux, o, n);
    if (!is_gpr(&o[2])) return bad_operands(c, &o[2]);
    bool sp_form = (is_sp(&o[0]) && !(aux & 1)) || is_sp(&o[1]);
    if ((n == 4 && o[3].kind == OP_EXTEND) || sp_form) return addsub_ext(c, aux, o, n);
    return addsub_shifted(c, aux, o, n);
}

/* Copies o[0..n) into out with a zero register of o[0]'s width inserted at position at. */
static int insert_zr(const A64Operand *o, int n, int at, A64Operand *out)
{
    int k = 0;
    for (int i = 0; i <= n; i++) {
        if (i == at) {
            out[k] = o[0];
            out[k].kind = OP_REG;
            out[k].reg.num = 31;
            out[k].reg.is_sp = 0;
            if (o[0].kind == OP_REG && o[0].reg.kind != RK_GPR) out[k].reg.kind = RK_GPR;
            k++;
        }
        if (i < n) out[k++] = o[i];
    }
    return k;
}

static bool enc_addsub(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    return addsub(c, in->aux, o, n);
}

/* cmp/cmn: subs/adds with the zero register as destination. */
static bool enc_cmp(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    A64Operand ops[A64_MAX_OPERANDS + 1];
    if (!want_count(c, o, n, 2, 3)) return false;
    n = insert_zr(o, n, 0, ops);
    return addsub(c, in->aux, ops, n);
}

/* neg/negs: sub/subs from the zero register (shifted register form). */
static bool enc_neg(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    A64Operand ops[A64_MAX_OPERANDS + 1];
    if (!want_count(c, o, n, 2, 3)) return false;
    if (!is_gpr(&o[1])) return bad_operands(c, &o[1]);
    n = insert_zr(o, n, 1, ops);
    return addsub_shifted(c, in->aux, ops, n);
}

/* ---- logical ---- */

/* aux: opc << 1 | N (N inverts the second operand: bic, orn, eon, bics). */
static bool logical_imm(A64Ctx *c, uint32_t aux, A64Operand *o)
{
    int opc = aux >> 1, bits = o[0].reg.bits;
    int d = gpr(c, &o[0], 0, opc == 3 ? R31_ZR : R31_SP);
    int s = d < 0 ? -1 : gpr(c, &o[1], bits, R31_ZR);
    int64_t v;
    if (s < 0 || !const_imm(c, &o[2], &v)) return false;
    if (bits == 32 && (v > 0xffffffffLL || v < -0x80000000LL))
        return fail(c, &o[2], "immediate out of range for a 32-bit operation");
    uint64_t imm = aux & 1 ? ~(uint64_t)v : (uint64_t)v;
    int enc = a64_encode_bitmask(imm, bits);
    if (enc < 0) return fail(c, &o[2], "immediate cannot be encoded as a bitmask");
    return emit(c, 0x12000000 | SF(bits) | (uint32_t)opc << 29 | (uint32_t)enc << 10 | RN(s) | d);
}

static bool logical_reg(A64Ctx *c, uint32_t aux, A64Operand *o, int n)
{
    int bits = o[0].reg.bits, shift = SH_LSL, amount = 0;
    if (n == 4) {
        if (o[3].kind != OP_SHIFT || o[3].shift > SH_ROR)
            return fail(c, &o[3], "expected lsl, lsr, asr or ror");
        shift = o[3].shift;
        amount = o[3].amount;
        if (amount >= bits) return fail(c, &o[3], "shift amount out of range");
    }
    int d = gpr(c, &o[0], 0, R31_ZR);
    int s = d < 0 ? -1 : gpr(c, &o[1], bits, R31_ZR);
    int m = s < 0 ? -1 : gpr(c, &o[2], bits, R31_ZR);
    if (m < 0) return false;
    return emit(c, 0x0a000000 | SF(bits) | (aux >> 1) << 29 | (uint32_t)shift << 22 | (aux & 1) << 21 |
                       RM(m) | (uint32_t)amount << 10 | RN(s) | d);
}

static bool logical(A64Ctx *c, uint32_t aux, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 3, 4)) return false;
    if (!is_gpr(&o[0])) return gpr(c, &o[0], 0, R31_ZR) >= 0;
    if (o[2].kind == OP_EXPR) {
        if (n == 4) return bad_operands(c, &o[3]);
        return logical_imm(c, aux, o);
    }
    return logical_reg(c, aux, o, n);
}

static bool enc_logical(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    return logical(c, in->aux, o, n);
}

/* tst: ands with the zero register as destination. */
static bool enc_tst(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    A64Operand ops[A64_MAX_OPERANDS + 1];
    if (!want_count(c, o, n, 2, 3)) return false;
    n = insert_zr(o, n, 0, ops);
    return logical(c, in->aux, ops, n);
}

/* mvn: orn from the zero register. */
static bool enc_mvn(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    A64Operand ops[A64_MAX_OPERANDS + 1];
    if (!want_count(c, o, n, 2, 3)) return false;
    if (!is_gpr(&o[1])) return bad_operands(c, &o[1]);
    n = insert_zr(o, n, 1, ops);
    return logical_reg(c, in->aux, ops, n);
}

/* ---- move wide ---- */

static bool movewide(A64Ctx *c, int opc, int bits, int d, int hw, uint64_t imm16)
{
    return emit(c, 0x12800000 | SF(bits) | (uint32_t)opc << 29 | (uint32_t)hw << 21 |
                       (uint32_t)imm16 << 5 | d);
}

static const struct { A64Mod mod; int type, hw; } movw_relocs[] = {
    { MOD_ABS_G0, R_AARCH64_MOVW_UABS_G0, 0 }, { MOD_ABS_G0_NC, R_AARCH64_MOVW_UABS_G0_NC, 0 },
    { MOD_ABS_G1, R_AARCH64_MOVW_UABS_G1, 1 }, { MOD_ABS_G1_NC, R_AARCH64_MOVW_UABS_G1_NC, 1 },
    { MOD_ABS_G2, R_AARCH64_MOVW_UABS_G2, 2 }, { MOD_ABS_G2_NC, R_AARCH64_MOVW_UABS_G2_NC, 2 },
    { MOD_ABS_G3, R_AARCH64_MOVW_UABS_G3, 3 },
};

/* movz/movn/movk; aux = opc (0 movn, 2 movz, 3 movk). */
static bool enc_movewide(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 2, 3)) return false;
    int d = gpr(c, &o[0], 0, R31_ZR);
    if (d < 0) return false;
    int bits = o[0].reg.bits;
    if (o[1].kind != OP_EXPR) return bad_operands(c, &o[1]);
    A64Expr *e = &o[1].expr;
    for (size_t i = 0; i < sizeof movw_relocs / sizeof movw_relocs[0]; i++) {
        if (movw_relocs[i].mod != e->mod) continue;
        if (n == 3) return fail(c, &o[2], "a relocation operator cannot be shifted");
        if (movw_relocs[i].hw * 16 >= bits) return fail(c, &o[1], "relocation operator needs an X register");
        if (!fixup(c, movw_relocs[i].type, false, e)) return false;
        return movewide(c, in->aux, bits, d, movw_relocs[i].hw, 0);
    }
    int64_t v;
    if (!const_imm(c, &o[1], &v)) return false;
    int hw = 0;
    if (n == 3) {
        if (o[2].kind != OP_SHIFT || o[2].shift != SH_LSL || o[2].amount % 16 || o[2].amount >= bits)
            return fail(c, &o[2], "shift must be 'lsl #0', #16%s", bits == 64 ? ", #32 or #48" : "");
        hw = o[2].amount / 16;
    } else {
        while (hw < bits / 16 - 1 && v > 0xffff && ((uint64_t)v & 0xffff) == 0) {
            v = (int64_t)((uint64_t)v >> 16);
            hw++;
        }
    }
    if (v < 0 || v > 0xffff) return fail(c, &o[1], "immediate out of range 0..65535");
    return movewide(c, in->aux, bits, d, hw, (uint64_t)v);
}

/* mov Rd, #imm as GNU as: movz if one 16-bit chunk, movn if its inverse is, else orr. */
static bool mov_imm(A64Ctx *c, A64Operand *o)
{
    int bits = o[0].reg.bits;
    int64_t v;
    if (!const_imm(c, &o[1], &v)) return false;
    uint64_t mask = bits == 64 ? ~0ULL : 0xffffffffULL;
    if (bits == 32 && (v > 0xffffffffLL || v < -0x80000000LL))
        return fail(c, &o[1], "immediate out of range for a 32-bit register");
    uint64_t u = (uint64_t)v & mask, inv = ~u & mask;
    if (!is_sp(&o[0])) {
        for (int hw = 0; hw < bits / 16; hw++)
            if ((u & ~(0xffffULL << 16 * hw)) == 0) return movewide(c, 2, bits, o[0].reg.num, hw, u >> 16 * hw);
        for (int hw = 0; hw < bits / 16; hw++)
            if ((inv & ~(0xffffULL << 16 * hw)) == 0) return movewide(c, 0, bits, o[0].reg.num, hw, inv >> 16 * hw);
    }
    int enc = a64_encode_bitmask(u, bits);
    if (enc < 0) return fail(c, &o[1], "immediate cannot be loaded by one 'mov'");
    return emit(c, 0x32000000 | SF(bits) | (uint32_t)enc << 10 | RN(31) | o[0].reg.num);
}

static bool vec_mov(A64Ctx *c, A64Operand *o);

static bool enc_mov(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    (void)in;
    if (!want_count(c, o, n, 2, 2)) return false;
    if (o[0].kind == OP_REG && o[0].reg.kind == RK_VEC) return vec_mov(c, o);
    if ((is_gpr(&o[0]) || is_fpr(&o[0])) && o[1].kind == OP_REG && o[1].reg.kind == RK_VEC) return vec_mov(c, o);
    if (!is_gpr(&o[0])) return bad_operands(c, &o[0]);
    if (o[1].kind == OP_EXPR) return mov_imm(c, o);
    if (!is_gpr(&o[1])) return bad_operands(c, &o[1]);
    if (!same_width(c, &o[0], &o[1])) return false;
    int bits = o[0].reg.bits;
    if (is_sp(&o[0]) || is_sp(&o[1])) {   /* add Rd, Rn, #0 */
        if (gpr(c, &o[0], bits, R31_SP) < 0 || gpr(c, &o[1], bits, R31_SP) < 0) return false;
        return emit(c, 0x11000000 | SF(bits) | RN(o[1].reg.num) | o[0].reg.num);
    }
    return emit(c, 0x2a0003e0 | SF(bits) | RM(o[1].reg.num) | o[0].reg.num);
}

/* ---- bitfield ---- */

/* aux = opc: 0 sbfm, 1 bfm, 2 ubfm. */
static bool bitfield(A64Ctx *c, int opc, A64Operand *o, int immr, int imms)
{
    int bits = o[0].reg.bits;
    int d = gpr(c, &o[0], 0, R31_ZR);
    int s = d < 0 ? -1 : gpr(c, &o[1], bits, R31_ZR);
    if (s < 0) return false;
    return emit(c, 0x13000000 | SF(bits) | (uint32_t)opc << 29 | (uint32_t)(bits == 64) << 22 |
                       (uint32_t)immr << 16 | (uint32_t)imms << 10 | RN(s) | d);
}

static bool enc_bfm(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 4, 4) || !is_gpr(&o[0])) return n == 4 ? bad_operands(c, &o[0]) : false;
    int64_t r, s;
    int w = o[0].reg.bits;
    if (!imm_in(c, &o[2], 0, w - 1, &r) || !imm_in(c, &o[3], 0, w - 1, &s)) return false;
    return bitfield(c, in->aux, o, (int)r, (int)s);
}

/* lsb and width of ubfx/sbfx/bfxil/ubfiz/sbfiz/bfi. */
static bool lsb_width(A64Ctx *c, A64Operand *o, int n, int64_t *lsb, int64_t *width)
{
    if (!want_count(c, o, n, 4, 4)) return false;
    if (!is_gpr(&o[0])) return bad_operands(c, &o[0]);
    int w = o[0].reg.bits;
    if (!imm_in(c, &o[2], 0, w - 1, lsb) || !imm_in(c, &o[3], 1, w, width)) return false;
    if (*lsb + *width > w) return fail(c, &o[3], "bit field extends past bit %d", w - 1);
    return true;
}

/* ubfx/sbfx/bfxil: aux = opc. */
static bool enc_bfx(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    int64_t lsb, width;
    if (!lsb_width(c, o, n, &lsb, &width)) return false;
    return bitfield(c, in->aux, o, (int)lsb, (int)(lsb + width - 1));
}

/* ubfiz/sbfiz/bfi: aux = opc. */
static bool enc_bfiz(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    int64_t lsb, width;
    if (!lsb_width(c, o, n, &lsb, &width)) return false;
    int w = o[0].reg.bits;
    return bitfield(c, in->aux, o, (int)((w - lsb) % w), (int)(width - 1));
}

/* sxtb/sxth/sxtw/uxtb/uxth: aux = opc << 8 | imms, opcode bit 0 = destination may be X,
 * bit 1 = destination must be X. */
static bool enc_extend(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 2, 2)) return false;
    int dbits = in->opcode & 2 ? 64 : in->opcode & 1 ? 0 : 32;
    int d = gpr(c, &o[0], dbits, R31_ZR);
    int s = d < 0 ? -1 : gpr(c, &o[1], 32, R31_ZR);
    if (s < 0) return false;
    int bits = o[0].reg.bits;
    return emit(c, 0x13000000 | SF(bits) | (in->aux >> 8) << 29 | (uint32_t)(bits == 64) << 22 |
                       (in->aux & 0xff) << 10 | RN(s) | d);
}

static bool extr(A64Ctx *c, A64Operand *o, int d, int s, int m, int64_t lsb)
{
    int bits = o[0].reg.bits;
    return emit(c, 0x13800000 | SF(bits) | (uint32_t)(bits == 64) << 22 | RM(m) | (uint32_t)lsb << 10 |
                       RN(s) | d);
}

static bool enc_extr(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    (void)in;
    if (!want_count(c, o, n, 4, 4)) return false;
    int d = gpr(c, &o[0], 0, R31_ZR);
    int bits = o[0].reg.bits;
    int s = d < 0 ? -1 : gpr(c, &o[1], bits, R31_ZR);
    int m = s < 0 ? -1 : gpr(c, &o[2], bits, R31_ZR);
    int64_t lsb;
    if (m < 0 || !imm_in(c, &o[3], 0, bits - 1, &lsb)) return false;
    return extr(c, o, d, s, m, lsb);
}

/* Two-source data processing: aux = opcode (bits 15:10). */
static bool dp2(A64Ctx *c, uint32_t opcode, A64Operand *o)
{
    int d = gpr(c, &o[0], 0, R31_ZR);
    int bits = o[0].reg.bits;
    int s = d < 0 ? -1 : gpr(c, &o[1], bits, R31_ZR);
    int m = s < 0 ? -1 : gpr(c, &o[2], bits, R31_ZR);
    if (m < 0) return false;
    return emit(c, 0x1ac00000 | SF(bits) | RM(m) | opcode << 10 | RN(s) | d);
}

static bool enc_dp2(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    return want_count(c, o, n, 3, 3) && dp2(c, in->aux, o);
}

/* adc/adcs/sbc/sbcs Rd, Rn, Rm; ngc/ngcs Rd, Rm (aux = 1: Rn is the zero register). */
static bool enc_adc(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    A64Operand ops[A64_MAX_OPERANDS + 1];
    if (in->aux) {
        if (!want_count(c, o, n, 2, 2)) return false;
        if (!is_gpr(&o[1])) return bad_operands(c, &o[1]);
        n = insert_zr(o, n, 1, ops);
        o = ops;
    }
    if (!want_count(c, o, n, 3, 3)) return false;
    int d = gpr(c, &o[0], 0, R31_ZR);
    int bits = o[0].reg.bits;
    int s = d < 0 ? -1 : gpr(c, &o[1], bits, R31_ZR);
    int m = s < 0 ? -1 : gpr(c, &o[2], bits, R31_ZR);
    return m >= 0 && emit(c, in->opcode | SF(bits) | RM(m) | RN(s) | d);
}

/* uxtw Xd, Wn is "mov Wd, Wn" (writing a W register clears the top half). */
static bool enc_uxtw(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    (void)in;
    if (!want_count(c, o, n, 2, 2)) return false;
    int d = gpr(c, &o[0], 64, R31_ZR);
    int s = d < 0 ? -1 : gpr(c, &o[1], 32, R31_ZR);
    return s >= 0 && emit(c, 0x2a0003e0 | RM(s) | d);
}

/* lsl/lsr/asr/ror: register form (lslv...) or immediate form (ubfm/sbfm/extr). aux = SH_*. */
static bool enc_shift(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 3, 3)) return false;
    if (o[2].kind == OP_REG) return dp2(c, 0x8 | in->aux, o);
    if (!is_gpr(&o[0])) return bad_operands(c, &o[0]);
    int w = o[0].reg.bits;
    int64_t s;
    if (!imm_in(c, &o[2], 0, w - 1, &s)) return false;
    switch (in->aux) {
    case SH_LSL: return bitfield(c, 2, o, (int)((w - s) % w), (int)(w - 1 - s));
    case SH_LSR: return bitfield(c, 2, o, (int)s, w - 1);
    case SH_ASR: return bitfield(c, 0, o, (int)s, w - 1);
    default: {
        int d = gpr(c, &o[0], 0, R31_ZR);
        int r = d < 0 ? -1 : gpr(c, &o[1], w, R31_ZR);
        return r >= 0 && extr(c, o, d, r, r, s);
    }
    }
}

/* One-source: rbit, rev16, rev32, rev, clz, cls, rev64. aux = opcode; opcode field of the
 * row: 1 = X only; 2 = "rev" (opcode 2 for W, 3 for X). */
static bool enc_dp1(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 2, 2)) return false;
    int d = gpr(c, &o[0], in->opcode == 1 ? 64 : 0, R31_ZR);
    int bits = o[0].reg.bits;
    int s = d < 0 ? -1 : gpr(c, &o[1], bits, R31_ZR);
    if (s < 0) return false;
    uint32_t opcode = in->opcode == 2 ? (bits == 64 ? 3 : 2) : in->aux;
    return emit(c, 0x5ac00000 | SF(bits) | opcode << 10 | RN(s) | d);
}

/* ---- multiply ---- */

/* madd/msub (4 operands) and mul/mneg (3, Ra = zr): opcode = base, aux = 1 for 3-op. */
static bool enc_madd(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    int want = in->aux ? 3 : 4;
    if (!want_count(c, o, n, want, want)) return false;
    int d = gpr(c, &o[0], 0, R31_ZR);
    int bits = o[0].reg.bits;
    int s = d < 0 ? -1 : gpr(c, &o[1], bits, R31_ZR);
    int m = s < 0 ? -1 : gpr(c, &o[2], bits, R31_ZR);
    int a = m < 0 ? -1 : in->aux ? 31 : gpr(c, &o[3], bits, R31_ZR);
    if (a < 0) return false;
    return emit(c, in->opcode | SF(bits) | RM(m) | RA(a) | RN(s) | d);
}

/* smaddl/umaddl/smsubl/umsubl (Xd, Wn, Wm, Xa), smull/umull/smnegl/umnegl (aux = 1). */
static bool enc_maddl(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    int want = in->aux ? 3 : 4;
    if (!want_count(c, o, n, want, want)) return false;
    int d = gpr(c, &o[0], 64, R31_ZR);
    int s = d < 0 ? -1 : gpr(c, &o[1], 32, R31_ZR);
    int m = s < 0 ? -1 : gpr(c, &o[2], 32, R31_ZR);
    int a = m < 0 ? -1 : in->aux ? 31 : gpr(c, &o[3], 64, R31_ZR);
    if (a < 0) return false;
    return emit(c, in->opcode | RM(m) | RA(a) | RN(s) | d);
}

/* smulh/umulh: all X. */
static bool enc_mulh(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 3, 3)) return false;
    int d = gpr(c, &o[0], 64, R31_ZR);
    int s = d < 0 ? -1 : gpr(c, &o[1], 64, R31_ZR);
    int m = s < 0 ? -1 : gpr(c, &o[2], 64, R31_ZR);
    if (m < 0) return false;
    return emit(c, in->opcode | RM(m) | RN(s) | d);
}

/* ---- conditional ---- */

static bool csel_fields(A64Ctx *c, uint32_t base, A64Operand *o, int d, int s, int m, int cond)
{
    return emit(c, base | SF(o[0].reg.bits) | RM(m) | (uint32_t)cond << 12 | RN(s) | d);
}

static bool enc_csel(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 4, 4)) return false;
    int d = gpr(c, &o[0], 0, R31_ZR);
    int bits = o[0].reg.bits;
    int s = d < 0 ? -1 : gpr(c, &o[1], bits, R31_ZR);
    int m = s < 0 ? -1 : gpr(c, &o[2], bits, R31_ZR);
    int cond = m < 0 ? -1 : cond_of(c, &o[3]);
    return cond >= 0 && csel_fields(c, in->opcode, o, d, s, m, cond);
}

static int inverted_cond(A64Ctx *c, A64Operand *o)
{
    int cond = cond_of(c, o);
    if (cond >= 14) {
        fail(c, o, "condition '%s' cannot be inverted here", cond == 14 ? "al" : "nv");
        return -1;
    }
    return cond < 0 ? -1 : cond ^ 1;
}

/* cset/csetm Rd, cond. */
static bool enc_cset(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 2, 2)) return false;
    int d = gpr(c, &o[0], 0, R31_ZR);
    int cond = d < 0 ? -1 : inverted_cond(c, &o[1]);
    return cond >= 0 && csel_fields(c, in->opcode, o, d, 31, 31, cond);
}

/* cinc/cinv/cneg Rd, Rn, cond. */
static bool enc_cinc(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 3, 3)) return false;
    int d = gpr(c, &o[0], 0, R31_ZR);
    int s = d < 0 ? -1 : gpr(c, &o[1], o[0].reg.bits, R31_ZR);
    int cond = s < 0 ? -1 : inverted_cond(c, &o[2]);
    return cond >= 0 && csel_fields(c, in->opcode, o, d, s, s, cond);
}

/* ccmp/ccmn Rn, Rm|#imm5, #nzcv, cond. */
static bool enc_ccmp(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 4, 4)) return false;
    int s = gpr(c, &o[0], 0, R31_ZR);
    if (s < 0) return false;
    int bits = o[0].reg.bits;
    uint32_t word = in->opcode | SF(bits) | RN(s);
    if (o[1].kind == OP_EXPR) {
        int64_t imm;
        if (!imm_in(c, &o[1], 0, 31, &imm)) return false;
        word |= 0x800 | RM(imm);
    } else {
        int m = gpr(c, &o[1], bits, R31_ZR);
        if (m < 0) return false;
        word |= RM(m);
    }
    int64_t nzcv;
    if (!imm_in(c, &o[2], 0, 15, &nzcv)) return false;
    int cond = cond_of(c, &o[3]);
    return cond >= 0 && emit(c, word | (uint32_t)cond << 12 | (uint32_t)nzcv);
}

/* ---- branches ---- */

/* b/bl label: aux = relocation type. */
static bool enc_branch(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 1, 1)) return false;
    A64Expr *e = label_of(c, &o[0]);
    return e && fixup(c, in->aux, true, e) && emit(c, in->opcode);
}

/* b.cond label (aux = condition). */
static bool enc_bcond(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 1, 1)) return false;
    A64Expr *e = label_of(c, &o[0]);
    return e && fixup(c, R_AARCH64_CONDBR19, true, e) && emit(c, 0x54000000 | in->aux);
}

static bool enc_cbz(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 2, 2)) return false;
    int t = gpr(c, &o[0], 0, R31_ZR);
    A64Expr *e = t < 0 ? NULL : label_of(c, &o[1]);
    return e && fixup(c, R_AARCH64_CONDBR19, true, e) && emit(c, in->opcode | SF(o[0].reg.bits) | t);
}

static bool enc_tbz(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 3, 3)) return false;
    int t = gpr(c, &o[0], 0, R31_ZR);
    int64_t bit;
    if (t < 0 || !imm_in(c, &o[1], 0, o[0].reg.bits - 1, &bit)) return false;
    A64Expr *e = label_of(c, &o[2]);
    return e && fixup(c, R_AARCH64_TSTBR14, true, e) &&
           emit(c, in->opcode | (uint32_t)(bit >> 5) << 31 | (uint32_t)(bit & 31) << 19 | t);
}

/* br/blr Xn; ret {Xn} (aux = 1: operand optional, default x30). */
static bool enc_branch_reg(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, in->aux ? 0 : 1, 1)) return false;
    int r = n == 0 ? 30 : gpr(c, &o[0], 64, R31_ZR);
    return r >= 0 && emit(c, in->opcode | RN(r));
}

/* adr/adrp Xd, label (aux = 1 for adrp). */
static bool enc_adr(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 2, 2)) return false;
    int d = gpr(c, &o[0], 64, R31_ZR);
    if (d < 0) return false;
    if (o[1].kind != OP_EXPR || o[1].hash) return bad_operands(c, &o[1]);
    A64Expr *e = &o[1].expr;
    int type;
    if (!in->aux) {
        if (e->mod != MOD_NONE) return fail(c, &o[1], "relocation operator not allowed with 'adr'");
        type = R_AARCH64_ADR_PREL_LO21;
    } else if (e->mod == MOD_GOT) {
        type = R_AARCH64_ADR_GOT_PAGE;
    } else if (e->mod == MOD_NONE || e->mod == MOD_PG_HI21) {
        type = R_AARCH64_ADR_PREL_PG_HI21;
    } else if (e->mod == MOD_PG_HI21_NC) {
        type = R_AARCH64_ADR_PREL_PG_HI21_NC;
    } else {
        return fail(c, &o[1], "relocation operator not allowed with 'adrp'");
    }
    return fixup(c, type, !in->aux, e) && emit(c, in->opcode | d);
}

/* ---- system ---- */

static bool enc_imm16(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    int64_t v;
    if (!want_count(c, o, n, 1, 1) || !imm_in(c, &o[0], 0, 0xffff, &v)) return false;
    return emit(c, in->opcode | (uint32_t)v << 5);
}

static bool enc_fixed(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    (void)o;
    return want_count(c, o, n, 0, 0) && emit(c, in->opcode);
}

/* dmb/dsb/isb {option|#imm}; aux = 1: only sy (isb). */
static bool enc_barrier(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, in->aux ? 0 : 1, 1)) return false;
    int64_t crm = 15;
    if (n == 1) {
        int code = o[0].kind == OP_EXPR && o[0].expr.ident && !o[0].hash
                       ? barrier_code(o[0].expr.ident, o[0].expr.ident_len) : -1;
        if (code >= 0 && (!in->aux || code == 15)) crm = code;
        else if (o[0].kind == OP_EXPR && o[0].expr.ident && !o[0].hash)
            return fail(c, &o[0], "invalid barrier option for '%s'", c->mnemonic);
        else if (!imm_in(c, &o[0], 0, 15, &crm)) return false;
    }
    return emit(c, in->opcode | (uint32_t)crm << 8);
}

/* ------------------------------------------------------------------------------------ */
/* Loads and stores                                                                       */

/* aux of a load/store row */
enum {
    LS_SIZE = 3,            /* size field (bits 31:30) */
    LS_OPC_SHIFT = 2,       /* opc field (bits 23:22) at aux bits 3:2 */
    LS_SIGNED = 1 << 4,     /* ldrsb/ldrsh: opc 2 for X, 3 for W */
    LS_ANY = 1 << 5,        /* ldr/str/ldur/stur: size and V from the register */
    LS_LOAD = 1 << 6,       /* (with LS_ANY) load */
    LS_UNSCALED = 1 << 7,   /* ldur family: only the 9-bit signed offset */
    LS_PRFM = 1 << 8,       /* first operand is a prefetch operation */
    LS_WONLY = 1 << 9,      /* Rt must be W */
    LS_XONLY = 1 << 10,     /* Rt must be X */
};

typedef struct LdSt {
    int size, opc, v;       /* instruction fields */
    int scale;              /* log2 of the access size (Q: 4) */
    int rt;
} LdSt;

static bool ldst_access(A64Ctx *c, uint32_t aux, A64Operand *o, LdSt *ls)
{
    ls->v = 0;
    ls->size = aux & LS_SIZE;
    ls->opc = aux >> LS_OPC_SHIFT & 3;
    if (aux & LS_PRFM) {
        int code = o->kind == OP_EXPR && o->expr.ident && !o->hash
                       ? prefetch_code(o->expr.ident, o->expr.ident_len) : -1;
        int64_t v = code;
        if (code < 0 && !imm_in(c, o, 0, 31, &v)) return false;
        ls->rt = (int)v;
    } else if ((aux & LS_ANY) && is_fpr(o)) {
        static const int scale_of_bits[] = { [1] = 0, [2] = 1, [4] = 2, [8] = 3, [16] = 4 };
        ls->v = 1;
        ls->scale = scale_of_bits[o->reg.bits / 8];
        ls->size = ls->scale & 3;
        ls->opc = (ls->scale == 4 ? 2 : 0) | ((aux & LS_LOAD) != 0);
        ls->rt = o->reg.num;
        return true;
    } else {
        int bits = aux & LS_WONLY ? 32 : aux & LS_XONLY ? 64 : 0;
        ls->rt = gpr(c, o, bits, R31_ZR);
        if (ls->rt < 0) return false;
        if (aux & LS_ANY) {
            ls->size = o->reg.bits == 64 ? 3 : 2;
            ls->opc = (aux & LS_LOAD) != 0;
        } else if (aux & LS_SIGNED) {
            ls->opc = o->reg.bits == 64 ? 2 : 3;
        }
    }
    ls->scale = ls->size;
    return true;
}

static uint32_t ldst_base(const LdSt *ls, int rn)
{
    return (uint32_t)ls->size << 30 | (uint32_t)ls->v << 26 | (uint32_t)ls->opc << 22 | RN(rn) | ls->rt;
}

static const int lo12_reloc[] = {
    R_AARCH64_LDST8_ABS_LO12_NC, R_AARCH64_LDST16_ABS_LO12_NC, R_AARCH64_LDST32_ABS_LO12_NC,
    R_AARCH64_LDST64_ABS_LO12_NC, R_AARCH64_LDST128_ABS_LO12_NC,
};

static bool ldst_regoff(A64Ctx *c, A64Operand *o, const LdSt *ls, int rn)
{
    A64Mem *m = &o->mem;
    int option = EX_UXTX, xbits = 64;
    if (m->ext >= 0 && !m->ext_is_lsl) {
        option = m->ext;
        if (option != EX_UXTW && option != EX_SXTW && option != EX_SXTX)
            return fail(c, o, "index extend must be uxtw, sxtw or sxtx");
        xbits = option == EX_SXTX ? 64 : 32;
    }
    int rm = gpr(c, &(A64Operand){ .kind = OP_REG, .reg = m->index, .col = o->col }, xbits, R31_ZR);
    if (rm < 0) return false;
    int s = 0;
    if (m->has_amount) {
        if (m->amount != 0 && m->amount != ls->scale)
            return fail(c, o, "index shift must be #0 or #%d", ls->scale);
        s = ls->scale == 0 || m->amount != 0;
    }
    return emit(c, 0x38200800 | ldst_base(ls, rn) | RM(rm) | (uint32_t)option << 13 | (uint32_t)s << 12);
}

static bool ldst_imm(A64Ctx *c, uint32_t aux, A64Operand *o, const LdSt *ls, int rn)
{
    A64Mem *m = &o->mem;
    A64Expr *e = &m->imm;
    if (e->mod == MOD_LO12 || e->mod == MOD_GOT_LO12) {
        if (m->mode != AM_OFFSET || (aux & LS_UNSCALED))
            return fail(c, o, "':lo12:' needs an unsigned offset");
        int type = lo12_reloc[ls->scale];
        if (e->mod == MOD_GOT_LO12) {
            if (ls->v || ls->size != 3) return fail(c, o, "':got_lo12:' needs a 64-bit load");
            type = R_AARCH64_LD64_GOT_LO12_NC;
        }
        return fixup(c, type, false, e) && emit(c, 0x39000000 | ldst_base(ls, rn));
    }
    if (e->mod != MOD_NONE || !e->is_const) return fail(c, o, "offset must be a constant");
    int64_t v = e->value;
    if (m->mode != AM_OFFSET) {
        if (aux & LS_UNSCALED) return bad_operands(c, o);
        if (v < -256 || v > 255) return fail(c, o, "offset out of range -256..255");
        return emit(c, 0x38000000 | ldst_base(ls, rn) | ((uint32_t)v & 0x1ff) << 12 |
                           (m->mode == AM_PRE ? 3u : 1u) << 10);
    }
    int64_t unit = (int64_t)1 << ls->scale;
    if (!(aux & LS_UNSCALED) && v >= 0 && v % unit == 0 && v / unit < 4096)
        return emit(c, 0x39000000 | ldst_base(ls, rn) | (uint32_t)(v / unit) << 10);
    if (v >= -256 && v <= 255) return emit(c, 0x38000000 | ldst_base(ls, rn) | ((uint32_t)v & 0x1ff) << 12);
    if (aux & LS_UNSCALED) return fail(c, o, "offset out of range -256..255");
    return fail(c, o, "offset out of range (0..%lld in steps of %lld, or -256..255)",
                (long long)(4095 * unit), (long long)unit);
}

/* ldr Rt, label: the pc-relative literal form. */
static bool ldst_literal(A64Ctx *c, uint32_t aux, A64Operand *o, const LdSt *ls)
{
    uint32_t opc;
    if (aux & LS_UNSCALED) return bad_operands(c, o);
    if (aux & LS_PRFM) opc = 3;
    else if ((aux & LS_SIGNED) && (aux & LS_XONLY)) opc = 2;               /* ldrsw */
    else if (!(aux & LS_ANY) || !(aux & LS_LOAD)) return bad_operands(c, o);
    else if (!ls->v) opc = ls->size == 3;                                   /* W 0, X 1 */
    else if (ls->scale >= 2) opc = ls->scale - 2;                           /* S 0, D 1, Q 2 */
    else return bad_operands(c, o);
    A64Expr *e = label_of(c, o);
    return e && fixup(c, R_AARCH64_LD_PREL_LO19, true, e) &&
           emit(c, 0x18000000 | opc << 30 | (uint32_t)ls->v << 26 | ls->rt);
}

static bool enc_ldst(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 2, 2)) return false;
    LdSt ls;
    if (!ldst_access(c, in->aux, &o[0], &ls)) return false;
    if (o[1].kind == OP_EXPR) return ldst_literal(c, in->aux, &o[1], &ls);
    if (o[1].kind != OP_MEM) return bad_operands(c, &o[1]);
    int rn = gpr(c, &(A64Operand){ .kind = OP_REG, .reg = o[1].mem.base, .col = o[1].col }, 64, R31_SP);
    if (rn < 0) return false;
    if (o[1].mem.has_index) {
        if (in->aux & LS_UNSCALED || o[1].mem.mode != AM_OFFSET) return bad_operands(c, &o[1]);
        return ldst_regoff(c, &o[1], &ls, rn);
    }
    return ldst_imm(c, in->aux, &o[1], &ls, rn);
}

/* ldp/stp/ldpsw/ldnp/stnp: opcode = L and fixed bits; aux 1 = ldpsw, 2 = non-temporal. */
static bool enc_ldp(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 3, 3)) return false;
    if (o[0].kind != OP_REG || o[1].kind != OP_REG || o[0].reg.kind != o[1].reg.kind ||
        o[0].reg.bits != o[1].reg.bits || o[0].reg.kind == RK_VEC)
        return bad_operands(c, &o[1]);
    int opc, v = 0, scale, bits = o[0].reg.bits;
    if (o[0].reg.kind == RK_FP) {
        if (in->aux & 1 || bits < 32) return bad_operands(c, &o[0]);
        v = 1;
        opc = bits == 32 ? 0 : bits == 64 ? 1 : 2;
        scale = bits == 32 ? 2 : bits == 64 ? 3 : 4;
    } else {
        if (gpr(c, &o[0], in->aux & 1 ? 64 : 0, R31_ZR) < 0 || gpr(c, &o[1], 0, R31_ZR) < 0) return false;
        opc = in->aux & 1 ? 1 : bits == 64 ? 2 : 0;
        scale = in->aux & 1 ? 2 : bits == 64 ? 3 : 2;
    }
    if (o[2].kind != OP_MEM || o[2].mem.has_index) return bad_operands(c, &o[2]);
    A64Mem *m = &o[2].mem;
    int rn = gpr(c, &(A64Operand){ .kind = OP_REG, .reg = m->base, .col = o[2].col }, 64, R31_SP);
    if (rn < 0) return false;
    if (m->imm.mod != MOD_NONE || !m->imm.is_const) return fail(c, &o[2], "offset must be a constant");
    int64_t off = m->imm.value, unit = (int64_t)1 << scale;
    if (off % unit || off / unit < -64 || off / unit > 63)
        return fail(c, &o[2], "offset must be a multiple of %lld in %lld..%lld", (long long)unit,
                    (long long)(-64 * unit), (long long)(63 * unit));
    int idx = m->mode == AM_POST ? 1 : m->mode == AM_PRE ? 3 : 2;
    if (in->aux & 2) {
        if (m->mode != AM_OFFSET) return bad_operands(c, &o[2]);
        idx = 0;
    }
    return emit(c, in->opcode | (uint32_t)opc << 30 | (uint32_t)v << 26 | (uint32_t)idx << 23 |
                       ((uint32_t)(off / unit) & 0x7f) << 15 | RA(o[1].reg.num) | RN(rn) | o[0].reg.num);
}

/* ------------------------------------------------------------------------------------ */
/* Floating point (scalar)                                                                */

/* The "type" field: S 0, D 1, H 3; -1 for other registers. */
static int fp_type(const A64Operand *o)
{
    if (!is_fpr(o)) return -1;
    switch (o->reg.bits) {
    case 32: return 0;
    case 64: return 1;
    case 16: return 3;
    }
    return -1;
}

/* Checks that o[0..count) are FP registers of one type; returns the type or -1. */
static int fp_same(A64Ctx *c, A64Operand *o, int count)
{
    int type = fp_type(&o[0]);
    if (type < 0) {
        fail(c, &o[0], "expected an S, D or H register for '%s'", c->mnemonic);
        return -1;
    }
    for (int i = 1; i < count; i++) {
        if (fp_type(&o[i]) != type) {
            fail(c, &o[i], "expected a register of the same type as the first");
            return -1;
        }
    }
    return type;
}

static uint32_t fp_regs(A64Operand *o, int count)
{
    static const int shifts[] = { 0, 5, 16, 10 };   /* Rd, Rn, Rm, Ra */
    uint32_t w = 0;
    for (int i = 0; i < count; i++) w |= (uint32_t)o[i].reg.num << shifts[i];
    return w;
}

/* fabs/fneg/fsqrt/frint*: opcode = full base, 2 operands. */
static bool enc_fp1(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 2, 2)) return false;
    int type = fp_same(c, o, 2);
    return type >= 0 && emit(c, in->opcode | (uint32_t)type << 22 | fp_regs(o, 2));
}

/* fadd/fsub/...: 3 operands; fmadd/...: 4 operands (aux = count). */
static bool enc_fpn(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, in->aux, in->aux)) return false;
    int type = fp_same(c, o, n);
    return type >= 0 && emit(c, in->opcode | (uint32_t)type << 22 | fp_regs(o, n));
}

static bool enc_fcvt(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 2, 2)) return false;
    int dt = fp_type(&o[0]), st = fp_type(&o[1]);
    if (dt < 0 || st < 0 || dt == st) return bad_operands(c, dt < 0 ? &o[0] : &o[1]);
    return emit(c, in->opcode | (uint32_t)st << 22 | (uint32_t)dt << 15 | fp_regs(o, 2));
}

static bool is_zero_fimm(const A64Operand *o)
{
    return (o->kind == OP_FIMM && o->fimm == 0.0) || (o->kind == OP_EXPR && o->expr.is_const &&
                                                       o->expr.mod == MOD_NONE && o->expr.value == 0);
}

/* fcmp/fcmpe Rn, Rm|#0.0; opcode holds the E bit. */
static bool enc_fcmp(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 2, 2)) return false;
    if (is_zero_fimm(&o[1])) {
        int type = fp_same(c, o, 1);
        return type >= 0 && emit(c, in->opcode | (uint32_t)type << 22 | 8 | RN(o[0].reg.num));
    }
    int type = fp_same(c, o, 2);
    return type >= 0 && emit(c, in->opcode | (uint32_t)type << 22 | RM(o[1].reg.num) | RN(o[0].reg.num));
}

/* fccmp/fccmpe Rn, Rm, #nzcv, cond. */
static bool enc_fccmp(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 4, 4)) return false;
    int type = fp_same(c, o, 2);
    int64_t nzcv;
    if (type < 0 || !imm_in(c, &o[2], 0, 15, &nzcv)) return false;
    int cond = cond_of(c, &o[3]);
    return cond >= 0 && emit(c, in->opcode | (uint32_t)type << 22 | RM(o[1].reg.num) | (uint32_t)cond << 12 |
                                    RN(o[0].reg.num) | (uint32_t)nzcv);
}

static bool enc_fcsel(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 4, 4)) return false;
    int type = fp_same(c, o, 3);
    int cond = type < 0 ? -1 : cond_of(c, &o[3]);
    return cond >= 0 && emit(c, in->opcode | (uint32_t)type << 22 | (uint32_t)cond << 12 | fp_regs(o, 3));
}

/* Conversion between a general and an FP register: sf, type, rmode:opcode (in aux). */
static bool fp_int(A64Ctx *c, uint32_t rmode_opcode, int sf, int type, int d, int s)
{
    return emit(c, 0x1e200000 | (uint32_t)sf << 31 | (uint32_t)type << 22 | rmode_opcode << 16 | RN(s) | d);
}

/* The "#fbits" of a fixed-point conversion, as the scale field 64 - fbits. */
static int fixed_scale(A64Ctx *c, A64Operand *o, int gpr_bits)
{
    int64_t fbits;
    if (!imm_in(c, o, 1, gpr_bits, &fbits)) return -1;
    return (int)(64 - fbits);
}

/* Integer <-> FP in FP registers (scvtf d0, d1): AdvSIMD scalar, sz selects S/D. */
static bool scalar_cvt(A64Ctx *c, uint32_t base, A64Operand *o)
{
    int type = fp_same(c, o, 2);
    if (type > 1) return bad_operands(c, &o[0]);
    return type >= 0 && emit(c, base | (uint32_t)type << 22 | fp_regs(o, 2));
}

/* fcvtzs Wd|Xd, Sn|Dn {, #fbits} and friends (aux = rmode:opcode; opcode = scalar
 * AdvSIMD form for fcvtzs/fcvtzu d0, d1, 0 if none). */
static bool enc_fcvt_to_int(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 2, in->opcode ? 3 : 2)) return false;
    if (is_fpr(&o[0]) && in->opcode && n == 2) return scalar_cvt(c, in->opcode, o);
    int d = gpr(c, &o[0], 0, R31_ZR);
    int type = d < 0 ? -1 : fp_same(c, &o[1], 1);
    if (type < 0) return false;
    int sf = o[0].reg.bits == 64;
    if (n == 3) {
        int scale = fixed_scale(c, &o[2], o[0].reg.bits);
        return scale >= 0 && emit(c, 0x1e000000 | (uint32_t)sf << 31 | (uint32_t)type << 22 | in->aux << 16 |
                                         (uint32_t)scale << 10 | RN(o[1].reg.num) | d);
    }
    return fp_int(c, in->aux, sf, type, d, o[1].reg.num);
}

/* scvtf/ucvtf Sd|Dd, Wn|Xn {, #fbits} (aux = rmode:opcode) or Sd|Dd, Sn|Dn (opcode). */
static bool enc_int_to_fp(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 2, 3)) return false;
    if (n == 2 && is_fpr(&o[1])) return scalar_cvt(c, in->opcode, o);
    int type = fp_same(c, o, 1);
    int s = type < 0 ? -1 : gpr(c, &o[1], 0, R31_ZR);
    if (s < 0) return false;
    int sf = o[1].reg.bits == 64;
    if (n == 3) {
        int scale = fixed_scale(c, &o[2], o[1].reg.bits);
        return scale >= 0 && emit(c, 0x1e000000 | (uint32_t)sf << 31 | (uint32_t)type << 22 | in->aux << 16 |
                                         (uint32_t)scale << 10 | RN(s) | o[0].reg.num);
    }
    return fp_int(c, in->aux, sf, type, o[0].reg.num, s);
}

/* fmov: register, immediate, general <-> FP, and the top half of a vector (v0.d[1]). */
static bool enc_fmov(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    (void)in;
    if (!want_count(c, o, n, 2, 2)) return false;
    if (is_fpr(&o[0]) && (o[1].kind == OP_FIMM || o[1].kind == OP_EXPR)) {
        int type = fp_same(c, o, 1);
        if (type < 0) return false;
        double v = o[1].kind == OP_FIMM ? o[1].fimm : (double)o[1].expr.value;
        if (o[1].kind == OP_EXPR && (!o[1].expr.is_const || o[1].expr.mod != MOD_NONE))
            return bad_operands(c, &o[1]);
        int imm8 = a64_encode_fp8(v);
        if (imm8 < 0) return fail(c, &o[1], "floating point immediate cannot be encoded in 8 bits");
        return emit(c, 0x1e201000 | (uint32_t)type << 22 | (uint32_t)imm8 << 13 | o[0].reg.num);
    }
    if (is_fpr(&o[0]) && is_fpr(&o[1])) {
        int type = fp_same(c, o, 2);
        return type >= 0 && emit(c, 0x1e204000 | (uint32_t)type << 22 | fp_regs(o, 2));
    }
    bool to_gpr = is_gpr(&o[0]);
    A64Operand *g = to_gpr ? &o[0] : &o[1], *f = to_gpr ? &o[1] : &o[0];
    int r = gpr(c, g, 0, R31_ZR);
    if (r < 0) return false;
    uint32_t opcode = to_gpr ? 6 : 7;
    if (f->kind == OP_REG && f->reg.kind == RK_VEC) {   /* fmov x0, v0.d[1] */
        if (f->reg.bits != 64 || f->reg.index != 1 || g->reg.bits != 64) return bad_operands(c, f);
        return fp_int(c, 8 | opcode, 1, 2, to_gpr ? r : f->reg.num, to_gpr ? f->reg.num : r);
    }
    int type = fp_type(f);
    if (type < 0 || (type == 0 && g->reg.bits != 32) || (type == 1 && g->reg.bits != 64))
        return bad_operands(c, f);
    return fp_int(c, opcode, g->reg.bits == 64, type, to_gpr ? r : f->reg.num, to_gpr ? f->reg.num : r);
}

/* ------------------------------------------------------------------------------------ */
/* AdvSIMD: the forms gcc emits for scalar code (movi, dup, ins, umov, ext, orr)         */

static bool is_vec(const A64Operand *o) { return o->kind == OP_REG && o->reg.kind == RK_VEC; }

static int vec_q(const A64Reg *r) { return r->lanes * r->bits == 128; }

/* imm5 of an element index: size marker + index. */
static uint32_t elem_imm5(const A64Reg *r)
{
    int log = r->bits == 8 ? 0 : r->bits == 16 ? 1 : r->bits == 32 ? 2 : 3;
    return ((uint32_t)r->index << (log + 1) | 1u << log) & 0x1f;
}

static bool is_elem(const A64Operand *o) { return is_vec(o) && o->reg.index >= 0; }
static bool is_arr(const A64Operand *o) { return is_vec(o) && o->reg.lanes; }

/* mov between vectors and elements (orr, ins, umov). */
static bool vec_mov(A64Ctx *c, A64Operand *o)
{
    if (is_arr(&o[0]) && is_arr(&o[1]) && o[0].reg.bits == o[1].reg.bits && o[0].reg.lanes == o[1].reg.lanes &&
        o[0].reg.bits == 8)
        return emit(c, 0x0ea01c00 | (uint32_t)vec_q(&o[0].reg) << 30 | RM(o[1].reg.num) | RN(o[1].reg.num) |
                           o[0].reg.num);
    if (is_elem(&o[0]) && is_gpr(&o[1])) {       /* ins v0.s[1], w0 */
        int want = o[0].reg.bits == 64 ? 64 : 32;
        int r = gpr(c, &o[1], want, R31_ZR);
        return r >= 0 && emit(c, 0x4e001c00 | RM(elem_imm5(&o[0].reg)) | RN(r) | o[0].reg.num);
    }
    if (is_elem(&o[0]) && is_elem(&o[1]) && o[0].reg.bits == o[1].reg.bits) {   /* ins element */
        int log = o[1].reg.bits == 8 ? 0 : o[1].reg.bits == 16 ? 1 : o[1].reg.bits == 32 ? 2 : 3;
        return emit(c, 0x6e000400 | RM(elem_imm5(&o[0].reg)) | (uint32_t)(o[1].reg.index << log) << 11 |
                           RN(o[1].reg.num) | o[0].reg.num);
    }
    if (is_gpr(&o[0]) && is_elem(&o[1]) && o[1].reg.bits >= 32) {    /* umov w0, v0.s[1] */
        int r = gpr(c, &o[0], o[1].reg.bits, R31_ZR);
        return r >= 0 && emit(c, 0x0e003c00 | (uint32_t)(o[1].reg.bits == 64) << 30 | RM(elem_imm5(&o[1].reg)) |
                                     RN(o[1].reg.num) | r);
    }
    if (is_fpr(&o[0]) && is_elem(&o[1]) && o[0].reg.bits == o[1].reg.bits)   /* dup d0, v1.d[1] */
        return emit(c, 0x5e000400 | RM(elem_imm5(&o[1].reg)) | RN(o[1].reg.num) | o[0].reg.num);
    return bad_operands(c, &o[1]);
}

/* umov/smov Rd, Vn.T[i]: opcode = base; aux 1 = smov (X or W destination). */
static bool enc_umov(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 2, 2)) return false;
    if (!is_elem(&o[1])) return bad_operands(c, &o[1]);
    int want = in->aux ? 0 : o[1].reg.bits == 64 ? 64 : 32;
    int r = gpr(c, &o[0], want, R31_ZR);
    if (r < 0) return false;
    int q = in->aux ? o[0].reg.bits == 64 : o[1].reg.bits == 64;
    return emit(c, in->opcode | (uint32_t)q << 30 | RM(elem_imm5(&o[1].reg)) | RN(o[1].reg.num) | r);
}

static bool enc_ins(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    (void)in;
    if (!want_count(c, o, n, 2, 2)) return false;
    if (!is_elem(&o[0])) return bad_operands(c, &o[0]);
    return vec_mov(c, o);
}

/* dup Vd.T, Rn | Vd.T, Vn.Ts[i] | Vd_scalar, Vn.Ts[i]. */
static bool enc_dup(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    (void)in;
    if (!want_count(c, o, n, 2, 2)) return false;
    if (is_arr(&o[0]) && is_gpr(&o[1])) {
        A64Reg t = o[0].reg;
        t.index = 0;
        int r = gpr(c, &o[1], t.bits == 64 ? 64 : 32, R31_ZR);
        return r >= 0 && emit(c, 0x0e000c00 | (uint32_t)vec_q(&o[0].reg) << 30 | RM(elem_imm5(&t)) | RN(r) |
                                     o[0].reg.num);
    }
    if (is_arr(&o[0]) && is_elem(&o[1]) && o[0].reg.bits == o[1].reg.bits)
        return emit(c, 0x0e000400 | (uint32_t)vec_q(&o[0].reg) << 30 | RM(elem_imm5(&o[1].reg)) |
                           RN(o[1].reg.num) | o[0].reg.num);
    if (is_fpr(&o[0]) && is_elem(&o[1]) && o[0].reg.bits == o[1].reg.bits)
        return emit(c, 0x5e000400 | RM(elem_imm5(&o[1].reg)) | RN(o[1].reg.num) | o[0].reg.num);
    return bad_operands(c, &o[1]);
}

/* ext Vd.T, Vn.T, Vm.T, #index (T = 8b or 16b). */
static bool enc_ext(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 4, 4)) return false;
    for (int i = 0; i < 3; i++)
        if (!is_arr(&o[i]) || o[i].reg.bits != 8 || o[i].reg.lanes != o[0].reg.lanes)
            return bad_operands(c, &o[i]);
    int q = vec_q(&o[0].reg);
    int64_t idx;
    if (!imm_in(c, &o[3], 0, q ? 15 : 7, &idx)) return false;
    return emit(c, in->opcode | (uint32_t)q << 30 | RM(o[2].reg.num) | (uint32_t)idx << 11 |
                       RN(o[1].reg.num) | o[0].reg.num);
}

/* movi/mvni: Dd, #imm64 | Vd.2D, #imm64 | Vd.T, #imm8 {, lsl|msl #n}. aux 1 = mvni. */
static bool enc_movi(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 2, 3)) return false;
    int elem, q;
    if (is_fpr(&o[0]) && o[0].reg.bits == 64) {
        elem = 64;
        q = 0;
    } else if (is_arr(&o[0])) {
        elem = o[0].reg.bits;
        q = vec_q(&o[0].reg);
        if (elem == 64 && !q) return bad_operands(c, &o[0]);
    } else {
        return bad_operands(c, &o[0]);
    }
    int64_t v;
    if (!const_imm(c, &o[1], &v)) return false;
    int shift_kind = SH_LSL, shift = -1;
    if (n == 3) {
        if (o[2].kind != OP_SHIFT || (o[2].shift != SH_LSL && o[2].shift != SH_MSL))
            return bad_operands(c, &o[2]);
        shift_kind = o[2].shift;
        shift = o[2].amount;
    }
    if (elem == 64 || elem == 8) shift = shift < 0 ? 0 : shift;
    int enc = a64_encode_simd_imm((uint64_t)v, elem, shift_kind, shift, in->aux);
    if (enc < 0) return fail(c, &o[1], "immediate cannot be encoded for '%s'", c->mnemonic);
    uint32_t imm8 = enc & 0xff;
    return emit(c, 0x0f000400 | (uint32_t)q << 30 | (uint32_t)(enc >> 12) << 29 | (imm8 >> 5) << 16 |
                       (uint32_t)(enc >> 8 & 0xf) << 12 | (imm8 & 0x1f) << 5 | o[0].reg.num);
}

/* fabd Sd|Dd, Sn|Dn, Sm|Dm (AdvSIMD scalar: sz selects S/D). */
static bool enc_fabd(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 3, 3)) return false;
    int type = fp_same(c, o, 3);
    if (type > 1) return bad_operands(c, &o[0]);
    return type >= 0 && emit(c, in->opcode | (uint32_t)type << 22 | fp_regs(o, 3));
}

/* cnt Vd.8B|16B, Vn.8B|16B. */
static bool enc_cnt(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 2, 2)) return false;
    for (int i = 0; i < 2; i++)
        if (!is_arr(&o[i]) || o[i].reg.bits != 8 || o[i].reg.lanes != o[0].reg.lanes)
            return bad_operands(c, &o[i]);
    return emit(c, in->opcode | (uint32_t)vec_q(&o[0].reg) << 30 | RN(o[1].reg.num) | o[0].reg.num);
}

/* addv/umaxv/...: Bd|Hd|Sd, Vn.T (across lanes; not 2D or 2S). */
static bool enc_across(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 2, 2)) return false;
    if (!is_arr(&o[1]) || o[1].reg.bits > 32 || (o[1].reg.bits == 32 && o[1].reg.lanes != 4))
        return bad_operands(c, &o[1]);
    if (!is_fpr(&o[0]) || o[0].reg.bits != o[1].reg.bits) return bad_operands(c, &o[0]);
    int size = o[1].reg.bits == 8 ? 0 : o[1].reg.bits == 16 ? 1 : 2;
    return emit(c, in->opcode | (uint32_t)vec_q(&o[1].reg) << 30 | (uint32_t)size << 22 | RN(o[1].reg.num) |
                       o[0].reg.num);
}

/* shl Dd, Dn, #s (scalar) and shl Vd.T, Vn.T, #s: immh:immb = element bits + s;
 * right shifts (ushr, sshr, usra, ssra; aux = 1): immh:immb = 2 * element bits - s. */
static bool enc_shl(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 3, 3)) return false;
    uint32_t base = in->opcode;
    int bits;
    if (is_fpr(&o[0]) && o[0].reg.bits == 64 && is_fpr(&o[1]) && o[1].reg.bits == 64) {
        bits = 64;
        base |= 0x50000000;
    } else if (is_arr(&o[0]) && is_arr(&o[1]) && o[0].reg.bits == o[1].reg.bits &&
               o[0].reg.lanes == o[1].reg.lanes && !(o[0].reg.bits == 64 && !vec_q(&o[0].reg))) {
        bits = o[0].reg.bits;
        base |= (uint32_t)vec_q(&o[0].reg) << 30;
    } else {
        return bad_operands(c, &o[0]);
    }
    int64_t sh;
    if (in->aux) {
        if (!imm_in(c, &o[2], 1, bits, &sh)) return false;
        return emit(c, base | (uint32_t)(2 * bits - sh) << 16 | RN(o[1].reg.num) | o[0].reg.num);
    }
    if (!imm_in(c, &o[2], 0, bits - 1, &sh)) return false;
    return emit(c, base | (uint32_t)(bits + sh) << 16 | RN(o[1].reg.num) | o[0].reg.num);
}

/* tbl/tbx Vd.8B|16B, {Vn.16B, ...}, Vm.8B|16B (opcode holds the tbx bit). */
static bool enc_tbl(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    if (!want_count(c, o, n, 3, 3)) return false;
    if (!is_arr(&o[0]) || o[0].reg.bits != 8) return bad_operands(c, &o[0]);
    if (o[1].kind != OP_LIST || o[1].reg.bits != 8 || o[1].reg.lanes != 16) return bad_operands(c, &o[1]);
    if (!is_arr(&o[2]) || o[2].reg.bits != 8 || o[2].reg.lanes != o[0].reg.lanes) return bad_operands(c, &o[2]);
    return emit(c, in->opcode | (uint32_t)vec_q(&o[0].reg) << 30 | RM(o[2].reg.num) |
                       (uint32_t)(o[1].count - 1) << 13 | RN(o[1].reg.num) | o[0].reg.num);
}

/* ld1/st1 {list}, [Xn] | [Xn], #bytes | [Xn], Xm (multiple structures; opcode holds L). */
static bool enc_ld1(A64Ctx *c, const A64Insn *in, A64Operand *o, int n)
{
    static const uint32_t opcode_of_count[] = { 0, 0x7, 0xa, 0x6, 0x2 };
    if (!want_count(c, o, n, 2, 3)) return false;
    if (o[0].kind != OP_LIST) return bad_operands(c, &o[0]);
    if (o[1].kind != OP_MEM || o[1].mem.has_index || (o[1].mem.has_imm && o[1].mem.mode != AM_POST) ||
        o[1].mem.mode == AM_PRE)
        return bad_operands(c, &o[1]);
    int rn = gpr(c, &(A64Operand){ .kind = OP_REG, .reg = o[1].mem.base, .col = o[1].col }, 64, R31_SP);
    if (rn < 0) return false;
    int bits = o[0].reg.bits;
    int q = vec_q(&o[0].reg), size = bits == 8 ? 0 : bits == 16 ? 1 : bits == 32 ? 2 : 3;
    uint32_t word = in->opcode | (uint32_t)q << 30 | opcode_of_count[o[0].count] << 12 | (uint32_t)size << 10 |
                    RN(rn) | o[0].reg.num;
    if (n == 3) {                                  /* post-index by a register */
        int rm = gpr(c, &o[2], 64, R31_ZR);
        return rm >= 0 && emit(c, word | 0x00800000 | RM(rm));
    }
    if (o[1].mem.mode == AM_POST) {                /* post-index by the transfer size */
        int64_t bytes = (int64_t)o[0].count * (q ? 16 : 8);
        if (!o[1].mem.imm.is_const || o[1].mem.imm.mod != MOD_NONE || o[1].mem.imm.value != bytes)
            return fail(c, &o[1], "post-index immediate must be #%lld", (long long)bytes);
        return emit(c, word | 0x00800000 | RM(31));
    }
    return emit(c, word);
}

/* ---- Vector arithmetic (what gcc's vectorizer emits in ordinary C) ---- */

/* Allowed element sizes of a vector row (aux bits) */
enum { VB = 1, VH = 2, VS = 4, VD = 8, V_NOSIZE = 16 /* size field is part of the opcode */,
       V_FP = 32 /* sz bit 22: S or D elements */ };

static int elem_log(int bits) { return bits == 8 ? 0 : bits == 16 ? 1 : bits == 32 ? 2 : 3; }

/* Vd.T, Vn.T{, Vm.T}: count registers with the same arrangement; aux restricts T. */
static bool vector_same(A64Ctx *c, const A64Insn *in, A64Operand *o, int n, int count)
{
    if (!want_count(c, o, n, count, count)) return false;
    for (int i = 0; i < count; i++)
        if (!is_arr(&o[i]) || o[i].reg.bits != o[0].reg.bits || o[i].reg.lanes != o[0].reg.lanes)
            return bad_operands(c, &o[i]);
    int log = elem_log(o[0].reg.bits), q = vec_q(&o[0].reg);
    if (!(in->aux & 1u << log) || (log == 3 && !q)) return fail(c, &o[0], "invalid arrangement for '%s'", c->mnemonic);
    uint32_t word = in->opcode | (uint32_t)q << 30 | RN(o[1].reg.num) | o[0].reg.num;
    if (count == 3) word |= RM(o[2].reg.num);
    if (in->aux & V_FP) word |= (uint32_t)(log == 3) << 22;
    else if (!(in->aux & V_NOSIZE)) word |= (uint32_t)log << 22;
    return emit(c, word);
}

static bool enc_vec3(A64Ctx *c, const A64Insn *in, A64Operand *o, int n) { return vector_same(c, in, o, n, 3); }
static bool enc_vec2(A64Ctx *c, const A64Insn *in, A64Operand *o, int n) { return vector_same(c, in, o, n, 2); }

#define VBHS (VB | VH | VS)
#define VALL (VB | VH | VS | VD)
#define VFP (VS | VD | V_FP)
#define VBYTES (VB | V_NOSIZE)

/* Vector forms of mnemonics that also have scalar forms; used when the first operand is
 * an arrangement (v0.4s). */
static const A64Insn vector_insns[] = {
    { "add", enc_vec3, 0x0e208400, VALL }, { "sub", enc_vec3, 0x2e208400, VALL },
    { "mul", enc_vec3, 0x0e209c00, VBHS }, { "cmeq", enc_vec3, 0x2e208c00, VALL },
    { "cmgt", enc_vec3, 0x0e203400, VALL }, { "cmge", enc_vec3, 0x0e203c00, VALL },
    { "cmhi", enc_vec3, 0x2e203400, VALL }, { "cmhs", enc_vec3, 0x2e203c00, VALL },
    { "smax", enc_vec3, 0x0e206400, VBHS }, { "smin", enc_vec3, 0x0e206c00, VBHS },
    { "umax", enc_vec3, 0x2e206400, VBHS }, { "umin", enc_vec3, 0x2e206c00, VBHS },
    { "addp", enc_vec3, 0x0e20bc00, VALL }, { "cmtst", enc_vec3, 0x0e208c00, VALL },
    { "and", enc_vec3, 0x0e201c00, VBYTES }, { "bic", enc_vec3, 0x0e601c00, VBYTES },
    { "orr", enc_vec3, 0x0ea01c00, VBYTES }, { "orn", enc_vec3, 0x0ee01c00, VBYTES },
    { "eor", enc_vec3, 0x2e201c00, VBYTES }, { "bsl", enc_vec3, 0x2e601c00, VBYTES },
    { "bit", enc_vec3, 0x2ea01c00, VBYTES }, { "bif", enc_vec3, 0x2ee01c00, VBYTES },
    { "fadd", enc_vec3, 0x0e20d400, VFP }, { "fsub", enc_vec3, 0x0ea0d400, VFP },
    { "fmul", enc_vec3, 0x2e20dc00, VFP }, { "fdiv", enc_vec3, 0x2e20fc00, VFP },
    { "fmax", enc_vec3, 0x0e20f400, VFP }, { "fmin", enc_vec3, 0x0ea0f400, VFP },
    { "fmaxnm", enc_vec3, 0x0e20c400, VFP }, { "fminnm", enc_vec3, 0x0ea0c400, VFP },
    { "fmla", enc_vec3, 0x0e20cc00, VFP }, { "fmls", enc_vec3, 0x0ea0cc00, VFP },
    { "fcmeq", enc_vec3, 0x0e20e400, VFP }, { "fcmge", enc_vec3, 0x2e20e400, VFP },
    { "fcmgt", enc_vec3, 0x2ea0e400, VFP }, { "fabd", enc_vec3, 0x2ea0d400, VFP },
    { "faddp", enc_vec3, 0x2e20d400, VFP },
    { "rev64", enc_vec2, 0x0e200800, VBHS }, { "rev32", enc_vec2, 0x2e200800, VB | VH },
    { "rev16", enc_vec2, 0x0e201800, VB },
    { "neg", enc_vec2, 0x2e20b800, VALL }, { "abs", enc_vec2, 0x0e20b800, VALL },
    { "not", enc_vec2, 0x2e205800, VBYTES }, { "mvn", enc_vec2, 0x2e205800, VBYTES },
    { "fneg", enc_vec2, 0x2ea0f800, VFP }, { "fabs", enc_vec2, 0x0ea0f800, VFP },
    { "fsqrt", enc_vec2, 0x2ea1f800, VFP }, { "scvtf", enc_vec2, 0x0e21d800, VFP },
    { "ucvtf", enc_vec2, 0x2e21d800, VFP }, { "fcvtzs", enc_vec2, 0x0ea1b800, VFP },
    { "fcvtzu", enc_vec2, 0x2ea1b800, VFP }, { "frintm", enc_vec2, 0x0e219800, VFP },
    { "frintp", enc_vec2, 0x0ea18800, VFP }, { "frintz", enc_vec2, 0x0ea19800, VFP },
    { "frinta", enc_vec2, 0x2e218800, VFP }, { "frintn", enc_vec2, 0x0e218800, VFP },
};

static const A64Insn *find_vector_insn(const char *name)
{
    for (size_t i = 0; i < sizeof vector_insns / sizeof vector_insns[0]; i++)
        if (strcmp(vector_insns[i].name, name) == 0) return &vector_insns[i];
    return NULL;
}

/* ------------------------------------------------------------------------------------ */
/* The table                                                                              */

static const A64Insn insns[] = {
    /* add/sub: aux = sub << 1 | S */
    { "add", enc_addsub, 0, 0 }, { "adds", enc_addsub, 0, 1 },
    { "sub", enc_addsub, 0, 2 }, { "subs", enc_addsub, 0, 3 },
    { "cmn", enc_cmp, 0, 1 }, { "cmp", enc_cmp, 0, 3 },
    { "neg", enc_neg, 0, 2 }, { "negs", enc_neg, 0, 3 },
    /* logical: aux = opc << 1 | N */
    { "and", enc_logical, 0, 0 }, { "bic", enc_logical, 0, 1 },
    { "orr", enc_logical, 0, 2 }, { "orn", enc_logical, 0, 3 },
    { "eor", enc_logical, 0, 4 }, { "eon", enc_logical, 0, 5 },
    { "ands", enc_logical, 0, 6 }, { "bics", enc_logical, 0, 7 },
    { "tst", enc_tst, 0, 6 }, { "mvn", enc_mvn, 0, 3 },
    /* moves */
    { "mov", enc_mov, 0, 0 },
    { "movn", enc_movewide, 0, 0 }, { "movz", enc_movewide, 0, 2 }, { "movk", enc_movewide, 0, 3 },
    /* bitfield: aux = opc */
    { "sbfm", enc_bfm, 0, 0 }, { "bfm", enc_bfm, 0, 1 }, { "ubfm", enc_bfm, 0, 2 },
    { "sbfx", enc_bfx, 0, 0 }, { "bfxil", enc_bfx, 0, 1 }, { "ubfx", enc_bfx, 0, 2 },
    { "sbfiz", enc_bfiz, 0, 0 }, { "bfi", enc_bfiz, 0, 1 }, { "ubfiz", enc_bfiz, 0, 2 },
    { "sxtb", enc_extend, 1, 0 << 8 | 7 }, { "sxth", enc_extend, 1, 0 << 8 | 15 },
    { "sxtw", enc_extend, 2, 0 << 8 | 31 }, { "uxtb", enc_extend, 0, 2 << 8 | 7 },
    { "uxth", enc_extend, 0, 2 << 8 | 15 },
    { "lsl", enc_shift, 0, SH_LSL }, { "lsr", enc_shift, 0, SH_LSR },
    { "asr", enc_shift, 0, SH_ASR }, { "ror", enc_shift, 0, SH_ROR },
    { "extr", enc_extr, 0, 0 },
    /* data processing */
    { "rbit", enc_dp1, 0, 0 }, { "rev16", enc_dp1, 0, 1 }, { "rev32", enc_dp1, 1, 2 },
    { "rev", enc_dp1, 2, 0 }, { "clz", enc_dp1, 0, 4 }, { "cls", enc_dp1, 0, 5 },
    { "adc", enc_adc, 0x1a000000, 0 }, { "adcs", enc_adc, 0x3a000000, 0 },
    { "sbc", enc_adc, 0x5a000000, 0 }, { "sbcs", enc_adc, 0x7a000000, 0 },
    { "ngc", enc_adc, 0x5a000000, 1 }, { "ngcs", enc_adc, 0x7a000000, 1 },
    { "uxtw", enc_uxtw, 0, 0 },
    { "udiv", enc_dp2, 0, 2 }, { "sdiv", enc_dp2, 0, 3 }, { "lslv", enc_dp2, 0, 8 },
    { "lsrv", enc_dp2, 0, 9 }, { "asrv", enc_dp2, 0, 10 }, { "rorv", enc_dp2, 0, 11 },
    { "madd", enc_madd, 0x1b000000, 0 }, { "msub", enc_madd, 0x1b008000, 0 },
    { "mul", enc_madd, 0x1b000000, 1 }, { "mneg", enc_madd, 0x1b008000, 1 },
    { "smaddl", enc_maddl, 0x9b200000, 0 }, { "smsubl", enc_maddl, 0x9b208000, 0 },
    { "umaddl", enc_maddl, 0x9ba00000, 0 }, { "umsubl", enc_maddl, 0x9ba08000, 0 },
    { "smull", enc_maddl, 0x9b200000, 1 }, { "smnegl", enc_maddl, 0x9b208000, 1 },
    { "umull", enc_maddl, 0x9ba00000, 1 }, { "umnegl", enc_maddl, 0x9ba08000, 1 },
    { "smulh", enc_mulh, 0x9b407c00, 0 }, { "umulh", enc_mulh, 0x9bc07c00, 0 },
    /* conditional */
    { "csel", enc_csel, 0x1a800000, 0 }, { "csinc", enc_csel, 0x1a800400, 0 },
    { "csinv", enc_csel, 0x5a800000, 0 }, { "csneg", enc_csel, 0x5a800400, 0 },
    { "cset", enc_cset, 0x1a800400, 0 }, { "csetm", enc_cset, 0x5a800000, 0 },
    { "cinc", enc_cinc, 0x1a800400, 0 }, { "cinv", enc_cinc, 0x5a800000, 0 },
    { "cneg", enc_cinc, 0x5a800400, 0 },
    { "ccmn", enc_ccmp, 0x3a400000, 0 }, { "ccmp", enc_ccmp, 0x7a400000, 0 },
    /* branches */
    { "b", enc_branch, 0x14000000, R_AARCH64_JUMP26 }, { "bl", enc_branch, 0x94000000, R_AARCH64_CALL26 },
    { "cbz", enc_cbz, 0x34000000, 0 }, { "cbnz", enc_cbz, 0x35000000, 0 },
    { "tbz", enc_tbz, 0x36000000, 0 }, { "tbnz", enc_tbz, 0x37000000, 0 },
    { "br", enc_branch_reg, 0xd61f0000, 0 }, { "blr", enc_branch_reg, 0xd63f0000, 0 },
    { "ret", enc_branch_reg, 0xd65f0000, 1 },
    { "adr", enc_adr, 0x10000000, 0 }, { "adrp", enc_adr, 0x90000000, 1 },
    /* system */
    { "svc", enc_imm16, 0xd4000001, 0 }, { "hvc", enc_imm16, 0xd4000002, 0 },
    { "smc", enc_imm16, 0xd4000003, 0 }, { "brk", enc_imm16, 0xd4200000, 0 },
    { "hlt", enc_imm16, 0xd4400000, 0 }, { "udf", enc_imm16, 0x00000000, 0 },
    { "nop", enc_fixed, 0xd503201f, 0 }, { "yield", enc_fixed, 0xd503203f, 0 },
    { "wfe", enc_fixed, 0xd503205f, 0 }, { "wfi", enc_fixed, 0xd503207f, 0 },
    { "sev", enc_fixed, 0xd503209f, 0 }, { "sevl", enc_fixed, 0xd50320bf, 0 },
    { "dsb", enc_barrier, 0xd503309f, 0 }, { "dmb", enc_barrier, 0xd50330bf, 0 },
    { "isb", enc_barrier, 0xd50330df, 1 },
    /* loads and stores: aux = flags | opc << 2 | size */
    { "ldr", enc_ldst, 0, LS_ANY | LS_LOAD }, { "str", enc_ldst, 0, LS_ANY },
    { "ldur", enc_ldst, 0, LS_ANY | LS_LOAD | LS_UNSCALED }, { "stur", enc_ldst, 0, LS_ANY | LS_UNSCALED },
    { "strb", enc_ldst, 0, LS_WONLY | 0 << 2 | 0 }, { "ldrb", enc_ldst, 0, LS_WONLY | 1 << 2 | 0 },
    { "strh", enc_ldst, 0, LS_WONLY | 0 << 2 | 1 }, { "ldrh", enc_ldst, 0, LS_WONLY | 1 << 2 | 1 },
    { "ldrsb", enc_ldst, 0, LS_SIGNED | 0 }, { "ldrsh", enc_ldst, 0, LS_SIGNED | 1 },
    { "ldrsw", enc_ldst, 0, LS_SIGNED | LS_XONLY | 2 << 2 | 2 },
    { "sturb", enc_ldst, 0, LS_UNSCALED | LS_WONLY | 0 << 2 | 0 },
    { "ldurb", enc_ldst, 0, LS_UNSCALED | LS_WONLY | 1 << 2 | 0 },
    { "sturh", enc_ldst, 0, LS_UNSCALED | LS_WONLY | 0 << 2 | 1 },
    { "ldurh", enc_ldst, 0, LS_UNSCALED | LS_WONLY | 1 << 2 | 1 },
    { "ldursb", enc_ldst, 0, LS_UNSCALED | LS_SIGNED | 0 }, { "ldursh", enc_ldst, 0, LS_UNSCALED | LS_SIGNED | 1 },
    { "ldursw", enc_ldst, 0, LS_UNSCALED | LS_SIGNED | LS_XONLY | 2 << 2 | 2 },
    { "prfm", enc_ldst, 0, LS_PRFM | 2 << 2 | 3 }, { "prfum", enc_ldst, 0, LS_PRFM | LS_UNSCALED | 2 << 2 | 3 },
    { "stp", enc_ldp, 0x28000000, 0 }, { "ldp", enc_ldp, 0x28400000, 0 },
    { "ldpsw", enc_ldp, 0x28400000, 1 },
    { "stnp", enc_ldp, 0x28000000, 2 }, { "ldnp", enc_ldp, 0x28400000, 2 },
    /* floating point */
    { "fmov", enc_fmov, 0, 0 },
    { "fabs", enc_fp1, 0x1e20c000, 0 }, { "fneg", enc_fp1, 0x1e214000, 0 }, { "fsqrt", enc_fp1, 0x1e21c000, 0 },
    { "frintn", enc_fp1, 0x1e244000, 0 }, { "frintp", enc_fp1, 0x1e24c000, 0 },
    { "frintm", enc_fp1, 0x1e254000, 0 }, { "frintz", enc_fp1, 0x1e25c000, 0 },
    { "frinta", enc_fp1, 0x1e264000, 0 }, { "frintx", enc_fp1, 0x1e274000, 0 },
    { "frinti", enc_fp1, 0x1e27c000, 0 },
    { "fcvt", enc_fcvt, 0x1e224000, 0 },
    { "fmul", enc_fpn, 0x1e200800, 3 }, { "fdiv", enc_fpn, 0x1e201800, 3 },
    { "fadd", enc_fpn, 0x1e202800, 3 }, { "fsub", enc_fpn, 0x1e203800, 3 },
    { "fmax", enc_fpn, 0x1e204800, 3 }, { "fmin", enc_fpn, 0x1e205800, 3 },
    { "fmaxnm", enc_fpn, 0x1e206800, 3 }, { "fminnm", enc_fpn, 0x1e207800, 3 },
    { "fnmul", enc_fpn, 0x1e208800, 3 },
    { "fmadd", enc_fpn, 0x1f000000, 4 }, { "fmsub", enc_fpn, 0x1f008000, 4 },
    { "fnmadd", enc_fpn, 0x1f200000, 4 }, { "fnmsub", enc_fpn, 0x1f208000, 4 },
    { "fcmp", enc_fcmp, 0x1e202000, 0 }, { "fcmpe", enc_fcmp, 0x1e202010, 0 },
    { "fccmp", enc_fccmp, 0x1e200400, 0 }, { "fccmpe", enc_fccmp, 0x1e200410, 0 },
    { "fcsel", enc_fcsel, 0x1e200c00, 0 },
    /* conversions: aux = rmode << 3 | opcode */
    { "fcvtns", enc_fcvt_to_int, 0, 0 }, { "fcvtnu", enc_fcvt_to_int, 0, 1 },
    { "fcvtas", enc_fcvt_to_int, 0, 4 }, { "fcvtau", enc_fcvt_to_int, 0, 5 },
    { "fcvtps", enc_fcvt_to_int, 0, 8 }, { "fcvtpu", enc_fcvt_to_int, 0, 9 },
    { "fcvtms", enc_fcvt_to_int, 0, 16 }, { "fcvtmu", enc_fcvt_to_int, 0, 17 },
    { "fcvtzs", enc_fcvt_to_int, 0x5ea1b800, 24 }, { "fcvtzu", enc_fcvt_to_int, 0x7ea1b800, 25 },
    { "scvtf", enc_int_to_fp, 0x5e21d800, 2 }, { "ucvtf", enc_int_to_fp, 0x7e21d800, 3 },
    { "fabd", enc_fabd, 0x7ea0d400, 0 },
    /* AdvSIMD */
    { "movi", enc_movi, 0, 0 }, { "mvni", enc_movi, 0, 1 },
    { "ext", enc_ext, 0x2e000000, 0 }, { "dup", enc_dup, 0, 0 }, { "ins", enc_ins, 0, 0 },
    { "tbl", enc_tbl, 0x0e000000, 0 }, { "tbx", enc_tbl, 0x0e001000, 0 },
    { "ld1", enc_ld1, 0x0c400000, 0 }, { "st1", enc_ld1, 0x0c000000, 0 },
    { "cnt", enc_cnt, 0x0e205800, 0 }, { "addv", enc_across, 0x0e31b800, 0 },
    { "shl", enc_shl, 0x0f005400, 0 }, { "sshr", enc_shl, 0x0f000400, 1 },
    { "ushr", enc_shl, 0x2f000400, 1 }, { "ssra", enc_shl, 0x0f001400, 1 },
    { "usra", enc_shl, 0x2f001400, 1 },
    { "umov", enc_umov, 0x0e003c00, 0 }, { "smov", enc_umov, 0x0e002c00, 1 },
};

#define NINSNS (sizeof insns / sizeof insns[0])

/* Open-addressing hash of the table by mnemonic, built on first use. */
static int16_t insn_hash[1024];
static bool insn_hash_ready;

static uint32_t hash_name(const char *s)
{
    uint32_t h = 2166136261u;
    while (*s) h = (h ^ (uint8_t)*s++) * 16777619u;
    return h;
}

static const A64Insn *find_insn(const char *name)
{
    if (!insn_hash_ready) {
        for (size_t i = 0; i < NINSNS; i++) {
            uint32_t h = hash_name(insns[i].name) & 1023;
            while (insn_hash[h]) h = (h + 1) & 1023;
            insn_hash[h] = (int16_t)(i + 1);
        }
        insn_hash_ready = true;
    }
    for (uint32_t h = hash_name(name) & 1023; insn_hash[h]; h = (h + 1) & 1023)
        if (strcmp(insns[insn_hash[h] - 1].name, name) == 0) return &insns[insn_hash[h] - 1];
    return NULL;
}

/* b.eq, beq, b.hs ...: a conditional branch row made on the fly. */
static bool branch_cond(const char *name, A64Insn *row)
{
    if (name[0] != 'b') return false;
    const char *cc = name[1] == '.' ? name + 2 : name + 1;
    int cond = a64_cond_code(cc, (int)strlen(cc));
    if (cond < 0 || (cond >= 14 && cc == name + 1)) return false;   /* GNU as has no "bal" */
    *row = (A64Insn){ name, enc_bcond, 0, (uint32_t)cond };
    return true;
}

static int a64_encode(Assembler *a, const char *mnemonic, const char *operands, SrcLoc loc)
{
    A64Ctx c = { a, loc, operands, mnemonic };
    A64Insn cond_row;
    const A64Insn *in = find_insn(mnemonic);
    if (!in && branch_cond(mnemonic, &cond_row)) in = &cond_row;
    if (!in) in = find_vector_insn(mnemonic);
    if (!in) {
        error_at(loc, "unknown instruction '%s'", mnemonic);
        return -1;
    }
    A64Operand ops[A64_MAX_OPERANDS];
    int n = a64_parse_operands(&c, operands, ops, A64_MAX_OPERANDS);
    if (n < 0) return -1;
    if (n > 0 && is_arr(&ops[0])) {
        const A64Insn *v = find_vector_insn(mnemonic);
        if (v) in = v;
    }
    return in->encode(&c, in, ops, n) ? 0 : -1;
}

/* ------------------------------------------------------------------------------------ */
/* Fixups                                                                                 */

/* Inserts value into bits [lo, lo+width) of the instruction word. */
static uint32_t insert_bits(uint32_t word, int lo, int width, uint64_t value)
{
    uint32_t mask = (width == 32 ? ~0u : (1u << width) - 1) << lo;
    return (word & ~mask) | ((uint32_t)(value << lo) & mask);
}

static bool fits_signed(int64_t v, int bits) { return v >= -((int64_t)1 << (bits - 1)) && v < (int64_t)1 << (bits - 1); }

/* A pc-relative branch or literal: word-aligned, signed field of `bits` at `lo`. */
static int patch_pcrel(const AsmFixup *f, uint8_t *p, int64_t value, int lo, int bits, const char *what)
{
    if (value & 3) {
        error_at(f->loc, "%s target is not 4-byte aligned", what);
        return -1;
    }
    if (!fits_signed(value >> 2, bits)) {
        error_at(f->loc, "%s target out of range (%lld bytes away)", what, (long long)value);
        return -1;
    }
    put_u32(p, insert_bits(get_u32(p), lo, bits, (uint64_t)(value >> 2)));
    return 0;
}

/* Scaled 12-bit offset of a load/store: the access size comes from the reloc type. */
static int patch_lo12(const AsmFixup *f, uint8_t *p, int64_t value, int shift)
{
    uint64_t lo = (uint64_t)value & 0xfff;
    if (lo & ((1u << shift) - 1)) {
        error_at(f->loc, "':lo12:' offset is not a multiple of %d", 1 << shift);
        return -1;
    }
    put_u32(p, insert_bits(get_u32(p), 10, 12, lo >> shift));
    return 0;
}

static int patch_movw(uint8_t *p, int64_t value, int group)
{
    put_u32(p, insert_bits(get_u32(p), 5, 16, (uint64_t)value >> (16 * group)));
    return 0;
}

static int patch_adr(uint8_t *p, int64_t value)
{
    uint32_t w = insert_bits(get_u32(p), 29, 2, (uint64_t)value & 3);
    put_u32(p, insert_bits(w, 5, 19, (uint64_t)value >> 2));
    return 0;
}

static int a64_apply_fixup(Assembler *a, const AsmFixup *f, uint8_t *p, int64_t value)
{
    (void)a;
    switch (f->reloc_type) {
    case R_AARCH64_JUMP26:
    case R_AARCH64_CALL26: return patch_pcrel(f, p, value, 0, 26, "branch");
    case R_AARCH64_CONDBR19: return patch_pcrel(f, p, value, 5, 19, "conditional branch");
    case R_AARCH64_TSTBR14: return patch_pcrel(f, p, value, 5, 14, "test-and-branch");
    case R_AARCH64_LD_PREL_LO19: return patch_pcrel(f, p, value, 5, 19, "literal load");
    case R_AARCH64_ADR_PREL_LO21:
        if (!fits_signed(value, 21)) {
            error_at(f->loc, "adr target out of range (%lld bytes away)", (long long)value);
            return -1;
        }
        return patch_adr(p, value);
    case R_AARCH64_ADR_PREL_PG_HI21:
    case R_AARCH64_ADR_PREL_PG_HI21_NC:
    case R_AARCH64_ADR_GOT_PAGE:
        return patch_adr(p, value >> 12);     /* only reached for an absolute value */
    case R_AARCH64_ADD_ABS_LO12_NC: put_u32(p, insert_bits(get_u32(p), 10, 12, (uint64_t)value)); return 0;
    case R_AARCH64_LDST8_ABS_LO12_NC: return patch_lo12(f, p, value, 0);
    case R_AARCH64_LDST16_ABS_LO12_NC: return patch_lo12(f, p, value, 1);
    case R_AARCH64_LDST32_ABS_LO12_NC: return patch_lo12(f, p, value, 2);
    case R_AARCH64_LDST64_ABS_LO12_NC:
    case R_AARCH64_LD64_GOT_LO12_NC: return patch_lo12(f, p, value, 3);
    case R_AARCH64_LDST128_ABS_LO12_NC: return patch_lo12(f, p, value, 4);
    case R_AARCH64_MOVW_UABS_G0:
    case R_AARCH64_MOVW_UABS_G0_NC: return patch_movw(p, value, 0);
    case R_AARCH64_MOVW_UABS_G1:
    case R_AARCH64_MOVW_UABS_G1_NC: return patch_movw(p, value, 1);
    case R_AARCH64_MOVW_UABS_G2:
    case R_AARCH64_MOVW_UABS_G2_NC: return patch_movw(p, value, 2);
    case R_AARCH64_MOVW_UABS_G3: return patch_movw(p, value, 3);
    case R_AARCH64_ABS64: put_u64(p, (uint64_t)value); return 0;
    case R_AARCH64_PREL64: put_u64(p, (uint64_t)value); return 0;
    case R_AARCH64_ABS32:
    case R_AARCH64_PREL32:
        if (value < INT32_MIN || value > (int64_t)UINT32_MAX) {
            error_at(f->loc, "value %lld does not fit in 32 bits", (long long)value);
            return -1;
        }
        put_u32(p, (uint32_t)value);
        return 0;
    case R_AARCH64_ABS16:
    case R_AARCH64_PREL16:
        if (value < INT16_MIN || value > UINT16_MAX) {
            error_at(f->loc, "value %lld does not fit in 16 bits", (long long)value);
            return -1;
        }
        put_u16(p, (uint16_t)value);
        return 0;
    }
    error_at(f->loc, "internal error: unhandled AArch64 fixup %d", f->reloc_type);
    return -1;
}

/* ------------------------------------------------------------------------------------ */
/* Target hooks                                                                           */

/* Code padding: NOP words, after zero bytes up to the next word boundary (as GNU as). */
static void a64_fill_code(uint8_t *out, size_t n)
{
    size_t i = 0;
    for (; i < n % 4; i++) out[i] = 0;
    for (; i + 4 <= n; i += 4) put_u32(out + i, 0xd503201f);
}

/* .arch/.cpu/.arch_extension are accepted (we encode the base A64 set regardless);
 * .inst emits raw instruction words. */
static int a64_directive(Assembler *a, const char *name, const char *args, SrcLoc loc)
{
    if (!strcmp(name, ".arch") || !strcmp(name, ".cpu") || !strcmp(name, ".arch_extension")) return 1;
    if (strcmp(name, ".inst") != 0) return 0;
    const char *p = args;
    for (;;) {
        AsmExpr e;
        int64_t v;
        if (asm_parse_expr(a, p, &p, &e, asm_loc_at(loc, p)) < 0) return 1;
        if (!asm_expr_constant(a, &e, &v)) {
            error_at(asm_loc_at(loc, p), ".inst needs a constant");
            return 1;
        }
        asm_emit_u32(a, (uint32_t)v);
        while (*p == ' ' || *p == '\t') p++;
        if (*p != ',') break;
        p++;
    }
    return 1;
}

static int a64_data_reloc(int size, int pcrel)
{
    switch (size) {
    case 8: return pcrel ? R_AARCH64_PREL64 : R_AARCH64_ABS64;
    case 4: return pcrel ? R_AARCH64_PREL32 : R_AARCH64_ABS32;
    case 2: return pcrel ? R_AARCH64_PREL16 : R_AARCH64_ABS16;
    }
    return -1;
}

const AsmTarget asm_target_aarch64 = {
    .target = TARGET_AARCH64,
    .line_comment = "//",
    .start_comment = "#",
    .code_alignment_unit = 4,
    .encode = a64_encode,
    .apply_fixup = a64_apply_fixup,
    .keep_local_symbol = NULL,
    .fill_code = a64_fill_code,
    .directive = a64_directive,
    .relax_size = NULL,
    .relax_write = NULL,
    .data_reloc = a64_data_reloc,
};
