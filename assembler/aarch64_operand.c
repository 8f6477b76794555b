/* aarch64_operand.c — parses the operand text of one AArch64 instruction in GNU
 * syntax into A64Operand values.  The parser knows the shapes (register, #imm,
 * float, [mem], shift, extend) but not what an instruction accepts: that is the
 * encoder's job, so one error message per mismatch comes from one place.
 * Register names and shift/extend keywords are matched case-insensitively, as
 * GNU as does; anything else is an expression handed to the core's parser. */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "assembler/aarch64.h"

static bool is_ident_char(int ch) { return asm_is_symbol_char(ch); }
static const char *skip_ws(const char *p) { while (*p == ' ' || *p == '\t') p++; return p; }

static int ident_len(const char *p)
{
    int n = 0;
    while (asm_is_alnum(p[n]) || p[n] == '_') n++;
    return n;
}

/* Case-insensitive match of p[0..len) against a lower-case word. */
static bool word_is(const char *p, int len, const char *word)
{
    int i = 0;
    for (; i < len; i++)
        if (!word[i] || (p[i] | 0x20) != word[i]) return false;
    return word[i] == 0;
}

/* Parses a decimal register number 0..31 spanning the whole of s[0..len). */
static int reg_number(const char *s, int len)
{
    if (len < 1 || len > 2 || !isdigit((unsigned char)s[0])) return -1;
    if (len == 1) return s[0] - '0';
    if (!isdigit((unsigned char)s[1]) || s[0] == '0') return -1;
    int n = (s[0] - '0') * 10 + (s[1] - '0');
    return n <= 31 ? n : -1;
}

static bool set_gpr(A64Reg *r, int num, int bits, bool sp)
{
    *r = (A64Reg){ .kind = RK_GPR, .num = num, .bits = bits, .is_sp = sp, .index = -1 };
    return true;
}

/* Named registers that are not a letter plus a number. */
static bool named_reg(const char *s, int len, A64Reg *r)
{
    static const struct { const char *name; int num, bits; bool sp; } names[] = {
        { "sp", 31, 64, true }, { "wsp", 31, 32, true }, { "xzr", 31, 64, false },
        { "wzr", 31, 32, false }, { "fp", 29, 64, false }, { "lr", 30, 64, false },
        { "ip0", 16, 64, false }, { "ip1", 17, 64, false },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (word_is(s, len, names[i].name))
            return set_gpr(r, names[i].num, names[i].bits, names[i].sp);
    return false;
}

static int elem_bits_of(int ch)
{
    switch (tolower(ch)) {
    case 'b': return 8;
    case 'h': return 16;
    case 's': return 32;
    case 'd': return 64;
    case 'q': return 128;
    }
    return 0;
}

/* After "vN": ".4s" (arrangement), ".s[1]" (element) or nothing. */
static bool vector_suffix(const char **pp, A64Reg *r)
{
    const char *p = *pp;
    if (*p != '.') return true;
    p++;
    int lanes = 0;
    while (isdigit((unsigned char)*p) && lanes < 100) lanes = lanes * 10 + (*p++ - '0');
    int bits = elem_bits_of(*p);
    if (!bits) return false;
    p++;
    if (lanes) {
        int total = lanes * bits;
        if (total != 64 && total != 128 && !(lanes == 1 && bits == 128)) return false;
    } else if (*p == '[') {
        char *end;
        long idx = strtol(p + 1, &end, 0);
        if (end == p + 1 || *end != ']' || idx < 0 || idx >= 128 / bits) return false;
        r->index = (int8_t)idx;
        p = end + 1;
    }
    r->bits = bits;
    r->lanes = lanes;
    *pp = p;
    return true;
}

bool a64_parse_reg(const char **pp, A64Reg *r)
{
    const char *p = *pp;
    /* fast path for the most common operand: x0..x30, w0..w30 */
    int letter = p[0] | 0x20;
    if ((letter == 'x' || letter == 'w') && p[1] >= '0' && p[1] <= '9') {
        int len = 2, num = p[1] - '0';
        if (p[2] >= '0' && p[2] <= '9' && p[1] != '0') num = num * 10 + (p[len++] - '0');
        if (num < 31 && !is_ident_char(p[len])) {
            set_gpr(r, num, letter == 'x' ? 64 : 32, false);
            *pp = p + len;
            return true;
        }
    }
    int len = ident_len(p);
    if (len < 2 || (is_ident_char(p[len]) && p[len] != '.')) return false;
    int num = reg_number(p + 1, len - 1);
    if (num < 0 && len <= 3 && named_reg(p, len, r)) {   /* sp, xzr, fp, lr, ... */
        *pp = p + len;
        return true;
    }
    if (num < 0) return false;
    letter = tolower((unsigned char)p[0]);
    if ((letter == 'x' || letter == 'w') && num < 31) {
        set_gpr(r, num, letter == 'x' ? 64 : 32, false);
    } else if (letter == 'v') {
        *r = (A64Reg){ .kind = RK_VEC, .num = num, .index = -1 };
        const char *q = p + len;
        if (!vector_suffix(&q, r)) return false;
        *pp = q;
        return true;
    } else if (elem_bits_of(letter)) {
        *r = (A64Reg){ .kind = RK_FP, .num = num, .bits = elem_bits_of(letter), .index = -1 };
    } else {
        return false;
    }
    if (p[len] == '.') return false;
    *pp = p + len;
    return true;
}

static const char *const cond_names[16] = {
    "eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "nv",
};

int a64_cond_code(const char *s, int len)
{
    if (len != 2) return -1;
    for (int i = 0; i < 16; i++)
        if (word_is(s, 2, cond_names[i])) return i;
    if (word_is(s, 2, "hs")) return 2;
    if (word_is(s, 2, "lo")) return 3;
    return -1;
}

static int shift_keyword(const char *p, int len)
{
    if (len != 3) return -1;
    static const char *const names[] = { "lsl", "lsr", "asr", "ror", "msl" };
    for (int i = 0; i < 5; i++)
        if (word_is(p, len, names[i])) return i;
    return -1;
}

static int extend_keyword(const char *p, int len)
{
    if (len != 4) return -1;
    static const char *const names[] = { "uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx" };
    for (int i = 0; i < 8; i++)
        if (word_is(p, len, names[i])) return i;
    return -1;
}

/* The "#3" of "lsl #3" (the '#' is optional, as gcc omits it). */
static bool parse_amount(A64Ctx *c, const char **pp, const char *text, int *amount)
{
    const char *p = skip_ws(*pp);
    if (*p == '#') p++;
    A64Expr e;
    const char *start = p;
    if (!a64_parse_expr(c, &p, &e)) return false;
    if (!e.is_const || e.mod != MOD_NONE || e.value < 0 || e.value > 63) {
        error_at(a64_loc(c, (int)(start - text)), "shift amount must be a constant 0..63");
        return false;
    }
    *amount = (int)e.value;
    *pp = p;
    return true;
}

/* "lsl #3" or "sxtw" / "uxtw #2"; returns 0 when the text is not a shift or extend. */
static int parse_shift_extend(A64Ctx *c, const char **pp, const char *text, int *kind,
                              int *is_extend, bool *has_amount, int *amount)
{
    const char *p = *pp;
    int len = ident_len(p);
    int sh = shift_keyword(p, len), ex = extend_keyword(p, len);
    if (sh < 0 && ex < 0) return 0;
    const char *after = skip_ws(p + len);
    bool amount_follows = *after == '#' || isdigit((unsigned char)*after) || *after == '(';
    if (sh >= 0 && !amount_follows) return 0;   /* a symbol called "lsl"? let it be */
    *kind = sh >= 0 ? sh : ex;
    *is_extend = sh < 0;
    *has_amount = amount_follows;
    *amount = 0;
    if (amount_follows && !parse_amount(c, &after, text, amount)) return -1;
    *pp = after;
    return 1;
}

/* A floating point literal: digits with '.', or an exponent, or inf/nan words. */
static bool looks_like_float(const char *p)
{
    if (*p == '-' || *p == '+') p++;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) return false;
    if (!isdigit((unsigned char)*p)) return false;
    while (isdigit((unsigned char)*p)) p++;
    return *p == '.' || *p == 'e' || *p == 'E';
}

static int col_of(const char *text, const char *p) { return (int)(p - text); }

static bool parse_mem(A64Ctx *c, const char **pp, const char *text, A64Operand *op)
{
    const char *p = skip_ws(*pp + 1);
    A64Mem *m = &op->mem;
    memset(m, 0, sizeof *m);
    m->ext = -1;
    m->imm.is_const = true;
    if (!a64_parse_reg(&p, &m->base)) {
        error_at(a64_loc(c, col_of(text, p)), "expected a base register");
        return false;
    }
    p = skip_ws(p);
    if (*p == ',') {
        p = skip_ws(p + 1);
        A64Reg idx;
        if (a64_parse_reg(&p, &idx)) {
            m->has_index = true;
            m->index = idx;
            p = skip_ws(p);
            if (*p == ',') {
                p = skip_ws(p + 1);
                int kind, is_ext;
                int r = parse_shift_extend(c, &p, text, &kind, &is_ext, &m->has_amount, &m->amount);
                if (r < 0) return false;
                if (r == 0 || (!is_ext && kind != SH_LSL)) {
                    error_at(a64_loc(c, col_of(text, p)), "expected lsl or an extend (uxtw, sxtw, sxtx)");
                    return false;
                }
                m->ext = is_ext ? kind : EX_UXTX;
                m->ext_is_lsl = !is_ext;
            }
        } else {
            if (*p == '#') p++;
            m->has_imm = true;
            if (!a64_parse_expr(c, &p, &m->imm)) return false;
        }
        p = skip_ws(p);
    }
    if (*p != ']') {
        error_at(a64_loc(c, col_of(text, p)), "expected ']'");
        return false;
    }
    p = skip_ws(p + 1);
    if (*p == '!') {
        m->mode = AM_PRE;
        p++;
    }
    *pp = p;
    return true;
}

/* {v0.16b, v1.16b, ...} or {v0.16b-v3.16b}: consecutive registers (mod 32), one arrangement. */
static bool parse_list(A64Ctx *c, const char **pp, const char *text, A64Operand *op)
{
    const char *p = skip_ws(*pp + 1);
    op->kind = OP_LIST;
    for (;;) {
        A64Reg r;
        const char *at = p;
        if (!a64_parse_reg(&p, &r) || r.kind != RK_VEC || !r.lanes) {
            error_at(a64_loc(c, col_of(text, at)), "expected a vector register with an arrangement");
            return false;
        }
        int want = op->count ? (op->reg.num + op->count) % 32 : r.num;
        if (op->count && (r.num != want || r.bits != op->reg.bits || r.lanes != op->reg.lanes)) {
            error_at(a64_loc(c, col_of(text, at)), "registers of a list must be consecutive and alike");
            return false;
        }
        if (!op->count) op->reg = r;
        op->count++;
        p = skip_ws(p);
        if (*p == '-' && op->count == 1) {
            const char *last_at = p = skip_ws(p + 1);
            A64Reg last;
            if (!a64_parse_reg(&p, &last) || last.kind != RK_VEC || last.bits != r.bits || last.lanes != r.lanes) {
                error_at(a64_loc(c, col_of(text, last_at)), "expected the last register of the range");
                return false;
            }
            op->count = (last.num - r.num + 32) % 32 + 1;
            p = skip_ws(p);
        }
        if (*p != ',') break;
        p = skip_ws(p + 1);
    }
    if (*p != '}' || op->count > 4) {
        error_at(a64_loc(c, col_of(text, p)), op->count > 4 ? "at most 4 registers in a list" : "expected '}'");
        return false;
    }
    *pp = p + 1;
    return true;
}

static bool parse_one(A64Ctx *c, const char **pp, const char *text, A64Operand *op)
{
    const char *p = *pp;
    /* everything but the memory operand, which parse_mem clears itself (encoders read it
     * only of OP_MEM operands): this runs for every operand */
    memset(op, 0, offsetof(A64Operand, mem));
    op->shift = 0;
    op->has_amount = false;
    op->amount = 0;
    op->count = 0;
    op->col = col_of(text, p);
    if (*p == '[') {
        op->kind = OP_MEM;
        if (!parse_mem(c, &p, text, op)) return false;
        *pp = p;
        return true;
    }
    if (*p == '{') {
        if (!parse_list(c, &p, text, op)) return false;
        *pp = p;
        return true;
    }
    if (a64_parse_reg(&p, &op->reg)) {
        op->kind = OP_REG;
        *pp = p;
        return true;
    }
    int kind, is_ext;
    int r = parse_shift_extend(c, &p, text, &kind, &is_ext, &op->has_amount, &op->amount);
    if (r < 0) return false;
    if (r > 0) {
        op->kind = is_ext ? OP_EXTEND : OP_SHIFT;
        op->shift = kind;
        *pp = p;
        return true;
    }
    if (*p == '=') {
        error_at(a64_loc(c, op->col), "literal pools ('ldr Rt, =value') are not supported");
        return false;
    }
    if (*p == '#') {
        op->hash = true;
        p = skip_ws(p + 1);
    }
    if (looks_like_float(p)) {
        char *end;
        op->kind = OP_FIMM;
        op->fimm = strtod(p, &end);
        *pp = end;
        return true;
    }
    op->kind = OP_EXPR;
    if (!a64_parse_expr(c, &p, &op->expr)) return false;
    *pp = p;
    return true;
}

int a64_parse_operands(A64Ctx *c, const char *text, A64Operand *ops, int max)
{
    const char *p = skip_ws(text);
    int n = 0;
    if (!*p) return 0;
    for (;;) {
        if (n == max) {
            error_at(a64_loc(c, col_of(text, p)), "too many operands");
            return -1;
        }
        if (!parse_one(c, &p, text, &ops[n])) return -1;
        n++;
        p = skip_ws(p);
        if (!*p) break;
        if (*p != ',') {
            error_at(a64_loc(c, col_of(text, p)), "junk at end of operand: '%s'", p);
            return -1;
        }
        p = skip_ws(p + 1);
    }
    /* "[xN], #imm" is one post-indexed operand in the architecture's terms. */
    if (n >= 2 && ops[n - 2].kind == OP_MEM && ops[n - 2].mem.mode == AM_OFFSET &&
        !ops[n - 2].mem.has_imm && !ops[n - 2].mem.has_index && ops[n - 1].kind == OP_EXPR) {
        ops[n - 2].mem.mode = AM_POST;
        ops[n - 2].mem.has_imm = true;
        ops[n - 2].mem.imm = ops[n - 1].expr;
        n--;
    }
    return n;
}
