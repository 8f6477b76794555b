/* expr.c — GNU-as style expressions: constants folded, at most "sym - sym + constant". */
#include <ctype.h>
#include <string.h>
#include "assembler/asm_internal.h"

typedef struct ExprParser {
    Assembler *a;
    const char *p;
    SrcLoc loc;
    int failed;
} ExprParser;

const char *skip_space(const char *p) {
    while (*p == ' ' || *p == '\t') p++;
    return p;
}

#define SYM (ASM_CH_SYMBOL)
#define DIGIT(k) ['0' + k] = ASM_CH_DIGIT | SYM
#define LETTER(c) [c] = ASM_CH_ALPHA | SYM, [c - 'a' + 'A'] = ASM_CH_ALPHA | SYM
const unsigned char asm_char_class[256] = {
    DIGIT(0), DIGIT(1), DIGIT(2), DIGIT(3), DIGIT(4), DIGIT(5), DIGIT(6), DIGIT(7), DIGIT(8),
    DIGIT(9),
    LETTER('a'), LETTER('b'), LETTER('c'), LETTER('d'), LETTER('e'), LETTER('f'), LETTER('g'),
    LETTER('h'), LETTER('i'), LETTER('j'), LETTER('k'), LETTER('l'), LETTER('m'), LETTER('n'),
    LETTER('o'), LETTER('p'), LETTER('q'), LETTER('r'), LETTER('s'), LETTER('t'), LETTER('u'),
    LETTER('v'), LETTER('w'), LETTER('x'), LETTER('y'), LETTER('z'),
    ['_'] = SYM, ['.'] = SYM, ['$'] = SYM,
};
#undef LETTER
#undef DIGIT
#undef SYM

static int is_symbol_start(int c) { return asm_is_symbol_start(c); }
static int is_symbol_char(int c) { return asm_is_symbol_char(c); }

static void expr_error(ExprParser *e, const char *at, const char *msg) {
    if (!e->failed) error_at(asm_loc_at(e->loc, at), "%s", msg);
    e->failed = 1;
}

static int is_constant(const AsmExpr *x) { return !x->sym && !x->sub; }

int asm_eval_binary(char op, int64_t a, int64_t b, int64_t *value) {
    int64_t v = 0;
    switch (op) {
    case '*': v = (int64_t)((uint64_t)a * (uint64_t)b); break;
    case '/': case '%':
        if (b == 0) return -1;
        if (b == -1) v = op == '/' ? asm_neg(a) : 0;   /* INT64_MIN / -1 wraps */
        else v = op == '/' ? a / b : a % b;
        break;
    case '<': v = (int64_t)((uint64_t)a << (b & 63)); break;
    case '>': v = a >> (b & 63); break;
    case '|': v = a | b; break;
    case '&': v = a & b; break;
    case '^': v = a ^ b; break;
    case '!': v = a | ~b; break;   /* GNU as: a ! b = a or-not b */
    }
    *value = v;
    return 0;
}

/* sym - sub where both sit in the same section with no variable item between: constant now
 * (and so is a pending operation on it). */
static void fold_difference(AsmExpr *x) {
    if (x->sym && x->sub && x->sym->defined && x->sub->defined && !x->sym->is_equated &&
        !x->sub->is_equated && x->sym->section == x->sub->section && x->sym->nvar == x->sub->nvar) {
        x->addend = asm_add(x->addend, (int64_t)x->sym->raw - (int64_t)x->sub->raw);
        x->sym = x->sub = NULL;
        if (x->op) asm_eval_binary(x->op, x->addend, x->rhs, &x->addend);   /* rhs != 0 for / % */
        x->op = 0;
    }
}

/* Equated symbols with a constant value (.set n, 5) read as that constant. */
static void resolve_equated(AsmExpr *x) {
    if (x->sym && x->sym->is_equated && x->sym->is_absolute) {
        x->addend = asm_add(x->addend, x->sym->equated.addend);
        x->sym = NULL;
    }
    if (x->sub && x->sub->is_equated && x->sub->is_absolute) {
        x->addend = asm_add(x->addend, asm_neg(x->sub->equated.addend));
        x->sub = NULL;
    }
}

static AsmExpr parse_binary(ExprParser *e, int min_prec);

static int64_t parse_number(ExprParser *e, const char **pp) {
    const char *p = *pp;
    uint64_t v = 0;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        p += 2;
        if (!isxdigit((unsigned char)*p)) expr_error(e, p, "bad hexadecimal number");
        while (isxdigit((unsigned char)*p)) {
            int c = tolower((unsigned char)*p++);
            v = v * 16 + (uint64_t)(c <= '9' ? c - '0' : c - 'a' + 10);
        }
    } else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B') && (p[2] == '0' || p[2] == '1')) {
        p += 2;
        while (*p == '0' || *p == '1') v = v * 2 + (uint64_t)(*p++ - '0');
    } else if (p[0] == '0' && isdigit((unsigned char)p[1])) {
        while (*p >= '0' && *p <= '7') v = v * 8 + (uint64_t)(*p++ - '0');
    } else {
        while (isdigit((unsigned char)*p)) v = v * 10 + (uint64_t)(*p++ - '0');
    }
    if (is_symbol_char((unsigned char)*p)) expr_error(e, p, "bad number");
    *pp = p;
    return (int64_t)v;
}

static AsmExpr parse_primary(ExprParser *e) {
    AsmExpr x = {0};
    const char *p = skip_space(e->p);
    if (*p == '(') {
        e->p = p + 1;
        x = parse_binary(e, 0);
        p = skip_space(e->p);
        if (*p != ')') expr_error(e, p, "missing ')' in expression");
        else p++;
        e->p = p;
        return x;
    }
    if (*p == '-' || *p == '~' || *p == '+' || *p == '!') {
        char op = *p;
        e->p = p + 1;
        x = parse_primary(e);
        if (op == '+') return x;
        if (x.op) {
            expr_error(e, p, "expression too complex");
            return x;
        }
        if (op == '-' && x.sym && !x.sub) {
            x.sub = x.sym;       /* -sym is only useful as part of a - b; keep it */
            x.sym = NULL;
            x.addend = asm_neg(x.addend);
            return x;
        }
        if (op == '-' && x.sym && x.sub) {
            AsmSymbol *t = x.sym;
            x.sym = x.sub;
            x.sub = t;
            x.addend = asm_neg(x.addend);
            return x;
        }
        if (!is_constant(&x)) {
            expr_error(e, p, "operator needs a constant operand");
            return x;
        }
        x.addend = op == '-' ? asm_neg(x.addend) : op == '~' ? ~x.addend : !x.addend;
        return x;
    }
    if (isdigit((unsigned char)*p)) {
        /* 1f / 1b: numeric local labels */
        const char *q = p;
        while (isdigit((unsigned char)*q)) q++;
        if ((*q == 'f' || *q == 'b') && !is_symbol_char((unsigned char)q[1]) && q - p <= 2) {
            int n = atoi(p);
            AsmSymbol *s = asm_numeric_label_ref(e->a, n, *q == 'f');
            if (!s) expr_error(e, p, "backward reference to an undefined local label");
            x.sym = s;
            e->p = q + 1;
            return x;
        }
        x.addend = parse_number(e, &p);
        e->p = p;
        return x;
    }
    if (*p == '\'') {
        /* 'c  or 'c' character constants */
        p++;
        if (*p == '\\' && p[1]) {
            p++;
            x.addend = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p == '0' ? 0 : (unsigned char)*p;
        } else if (*p) {
            x.addend = (unsigned char)*p;
        } else {
            expr_error(e, p, "bad character constant");
        }
        p++;
        if (*p == '\'') p++;
        e->p = p;
        return x;
    }
    if (*p == '.' && !is_symbol_char((unsigned char)p[1])) {
        x.sym = asm_symbol_temp(e->a);
        e->p = p + 1;
        return x;
    }
    if (is_symbol_start((unsigned char)*p) || *p == '"') {
        const char *name = p;
        size_t len;
        if (*p == '"') {
            name = ++p;
            while (*p && *p != '"') p++;
            len = (size_t)(p - name);
            if (*p) p++;
        } else {
            while (is_symbol_char((unsigned char)*p)) p++;
            len = (size_t)(p - name);
        }
        x.sym = asm_symbol_get(e->a, name, len);
        asm_symbol_referenced(e->a, x.sym);
        e->p = p;
        return x;
    }
    expr_error(e, p, *p ? "bad expression" : "missing expression");
    e->p = p;
    return x;
}

static int binary_prec(const char *p, int *oplen) {
    *oplen = 1;
    switch (p[0]) {
    case '*': case '/': case '%': return 5;
    case '<': if (p[1] == '<') { *oplen = 2; return 5; } return -1;
    case '>': if (p[1] == '>') { *oplen = 2; return 5; } return -1;
    case '|': case '&': case '^': case '!': return p[1] == p[0] ? -1 : 4;
    case '+': case '-': return 3;
    default: return -1;
    }
}

static AsmExpr combine(ExprParser *e, const char *at, char op, AsmExpr l, AsmExpr r) {
    resolve_equated(&l);
    resolve_equated(&r);
    if ((op == '+' || op == '-') && (l.op || r.op)) {
        expr_error(e, at, "expression too complex");
        return l;
    }
    if (op == '+') {
        if (l.sym && r.sym) { expr_error(e, at, "cannot add two symbols"); return l; }
        if (l.sub && r.sub) { expr_error(e, at, "cannot subtract two symbols here"); return l; }
        AsmExpr x = { .sym = l.sym ? l.sym : r.sym, .sub = l.sub ? l.sub : r.sub,
                      .addend = asm_add(l.addend, r.addend) };
        fold_difference(&x);
        return x;
    }
    if (op == '-') {
        AsmExpr neg = { .sym = r.sub, .sub = r.sym, .addend = asm_neg(r.addend) };
        return combine(e, at, '+', l, neg);
    }
    fold_difference(&l);
    fold_difference(&r);
    if ((op == '/' || op == '%') && is_constant(&r) && r.addend == 0) {
        expr_error(e, at, "division by zero");
        return l;
    }
    if (l.sym && l.sub && !l.op && is_constant(&r) && r.addend == (int32_t)r.addend) {
        l.op = op;   /* a label difference not known before layout: finished then */
        l.rhs = (int32_t)r.addend;
        return l;
    }
    if (!is_constant(&l) || !is_constant(&r)) {
        expr_error(e, at, l.op || r.op ? "expression too complex" : "operator needs constant operands");
        return l;
    }
    AsmExpr x = {0};
    asm_eval_binary(op, l.addend, r.addend, &x.addend);
    return x;
}

static AsmExpr parse_binary(ExprParser *e, int min_prec) {
    AsmExpr l = parse_primary(e);
    for (;;) {
        const char *p = skip_space(e->p);
        int oplen, prec = binary_prec(p, &oplen);
        if (prec < 0 || prec < min_prec || e->failed) break;
        e->p = p + oplen;
        AsmExpr r = parse_binary(e, prec + 1);
        l = combine(e, p, p[0], l, r);
    }
    return l;
}

static int hex_digit(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The most common operand by far: a plain decimal or hexadecimal constant, maybe negated, that
 * is the whole expression.  Read here with the full parser's result; anything else (octal,
 * binary, 1f/1b, operators, long numbers) is left to the full parser. */
static int simple_constant(const char *s, const char **end, int64_t *value) {
    const char *p = skip_space(s);
    int neg = *p == '-';
    p += neg;
    uint64_t v = 0;
    const char *digits;
    if (p[0] == '0' && (p[1] | 0x20) == 'x') {
        digits = p += 2;
        for (int d; (d = hex_digit(*p)) >= 0; p++) v = v * 16 + (uint64_t)d;
        if (p - digits > 16) return 0;
    } else {
        if (p[0] == '0' && p[1] >= '0' && p[1] <= '9') return 0;   /* octal */
        digits = p;
        for (; *p >= '0' && *p <= '9'; p++) v = v * 10 + (uint64_t)(*p - '0');
        if (p - digits > 18) return 0;
    }
    if (p == digits || is_symbol_char((unsigned char)*p)) return 0;
    p = skip_space(p);
    if (*p && *p != ',' && *p != ']') return 0;
    *value = neg ? asm_neg((int64_t)v) : (int64_t)v;
    *end = p;
    return 1;
}

int asm_parse_expr(Assembler *a, const char *s, const char **end, AsmExpr *out, SrcLoc loc) {
    int64_t value;
    const char *after;
    if (simple_constant(s, &after, &value)) {
        *out = (AsmExpr){ .addend = value };
        if (end) *end = after;
        return 0;
    }
    ExprParser e = { a, s, loc, 0 };
    AsmExpr x = parse_binary(&e, 0);
    resolve_equated(&x);
    fold_difference(&x);
    if (!e.failed && !x.sym && x.sub) {
        expr_error(&e, s, "cannot negate a symbol");
    }
    if (end) *end = skip_space(e.p);
    *out = x;
    return e.failed ? -1 : 0;
}

int asm_expr_constant(Assembler *a, const AsmExpr *e, int64_t *value) {
    (void)a;
    AsmExpr x = *e;
    resolve_equated(&x);
    fold_difference(&x);
    if (!is_constant(&x)) return 0;
    *value = x.addend;
    return 1;
}
