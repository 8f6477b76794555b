/* encode_x86_64.c — x86-64 encoder for Intel syntax (GNU as ".intel_syntax noprefix").
 *
 * Operands are parsed into Operand records; each mnemonic maps (through one hash table) to a
 * family handler plus its opcode parameters; the handlers pick the encoding GNU as picks and
 * funnel into emit_insn, which lays out prefixes, REX, opcode, ModRM/SIB, displacement and
 * immediate and records the fixups. */
#include <ctype.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include "assembler/asm.h"
#include "common/buf.h"
#include "common/elf.h"

/* ---- registers ---- */
enum { RC_NONE, RC_GPR, RC_XMM, RC_RIP, RC_SEG };
typedef struct Reg {
    const char *name;
    uint8_t cls, num, size;   /* size in bytes for GPRs */
    uint8_t high8;            /* ah ch dh bh: cannot be used with REX */
    uint8_t need_rex;         /* spl bpl sil dil */
} Reg;

#define GPR(n, s, num) { n, RC_GPR, num, s, 0, 0 }
static const Reg registers[] = {
    GPR("rax", 8, 0), GPR("rcx", 8, 1), GPR("rdx", 8, 2), GPR("rbx", 8, 3), GPR("rsp", 8, 4),
    GPR("rbp", 8, 5), GPR("rsi", 8, 6), GPR("rdi", 8, 7), GPR("r8", 8, 8), GPR("r9", 8, 9),
    GPR("r10", 8, 10), GPR("r11", 8, 11), GPR("r12", 8, 12), GPR("r13", 8, 13),
    GPR("r14", 8, 14), GPR("r15", 8, 15),
    GPR("eax", 4, 0), GPR("ecx", 4, 1), GPR("edx", 4, 2), GPR("ebx", 4, 3), GPR("esp", 4, 4),
    GPR("ebp", 4, 5), GPR("esi", 4, 6), GPR("edi", 4, 7), GPR("r8d", 4, 8), GPR("r9d", 4, 9),
    GPR("r10d", 4, 10), GPR("r11d", 4, 11), GPR("r12d", 4, 12), GPR("r13d", 4, 13),
    GPR("r14d", 4, 14), GPR("r15d", 4, 15),
    GPR("ax", 2, 0), GPR("cx", 2, 1), GPR("dx", 2, 2), GPR("bx", 2, 3), GPR("sp", 2, 4),
    GPR("bp", 2, 5), GPR("si", 2, 6), GPR("di", 2, 7), GPR("r8w", 2, 8), GPR("r9w", 2, 9),
    GPR("r10w", 2, 10), GPR("r11w", 2, 11), GPR("r12w", 2, 12), GPR("r13w", 2, 13),
    GPR("r14w", 2, 14), GPR("r15w", 2, 15),
    GPR("al", 1, 0), GPR("cl", 1, 1), GPR("dl", 1, 2), GPR("bl", 1, 3),
    { "spl", RC_GPR, 4, 1, 0, 1 }, { "bpl", RC_GPR, 5, 1, 0, 1 }, { "sil", RC_GPR, 6, 1, 0, 1 },
    { "dil", RC_GPR, 7, 1, 0, 1 },
    { "ah", RC_GPR, 4, 1, 1, 0 }, { "ch", RC_GPR, 5, 1, 1, 0 }, { "dh", RC_GPR, 6, 1, 1, 0 },
    { "bh", RC_GPR, 7, 1, 1, 0 },
    GPR("r8b", 1, 8), GPR("r9b", 1, 9), GPR("r10b", 1, 10), GPR("r11b", 1, 11),
    GPR("r12b", 1, 12), GPR("r13b", 1, 13), GPR("r14b", 1, 14), GPR("r15b", 1, 15),
    GPR("r8l", 1, 8), GPR("r9l", 1, 9), GPR("r10l", 1, 10), GPR("r11l", 1, 11),
    GPR("r12l", 1, 12), GPR("r13l", 1, 13), GPR("r14l", 1, 14), GPR("r15l", 1, 15),
    { "rip", RC_RIP, 0, 8, 0, 0 },
    { "es", RC_SEG, 0, 2, 0, 0 }, { "cs", RC_SEG, 1, 2, 0, 0 }, { "ss", RC_SEG, 2, 2, 0, 0 },
    { "ds", RC_SEG, 3, 2, 0, 0 }, { "fs", RC_SEG, 4, 2, 0, 0 }, { "gs", RC_SEG, 5, 2, 0, 0 },
};
static const char *const xmm_names[16] = {
    "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
    "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15",
};

/* Register names are looked up in a small open-addressing table keyed by the lower-cased
 * name (every operand word goes through here, so it must be cheap). */
static const Reg *reg_slots[512];
static Reg xmm_regs[16];

static uint32_t reg_hash(const char *s, size_t n) {
    uint32_t h = 5381;
    for (size_t i = 0; i < n; i++) h = h * 33 + (uint8_t)s[i];
    return h;
}

static void reg_insert(const Reg *r) {
    size_t n = strlen(r->name);
    uint32_t h = reg_hash(r->name, n) & 511;
    while (reg_slots[h]) h = (h + 1) & 511;
    reg_slots[h] = r;
}

static void reg_table_build(void) {
    for (size_t i = 0; i < sizeof registers / sizeof *registers; i++) reg_insert(&registers[i]);
    for (int i = 0; i < 16; i++) {
        xmm_regs[i] = (Reg){ xmm_names[i], RC_XMM, (uint8_t)i, 16, 0, 0 };
        reg_insert(&xmm_regs[i]);
    }
}

static const Reg *find_register(const char *s, size_t n) {
    char low[8];
    if (n < 2 || n > 5) return NULL;
    uint32_t h = 5381;   /* reg_hash of the lower-cased name, computed while lowering it */
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        low[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
        h = h * 33 + (uint8_t)low[i];
    }
    static int built;
    if (!built) {
        built = 1;
        reg_table_build();
    }
    for (h &= 511; reg_slots[h]; h = (h + 1) & 511) {
        const Reg *r = reg_slots[h];
        size_t i = 0;   /* low has no NUL in it: a shorter name stops at its end */
        while (i < n && r->name[i] == low[i]) i++;
        if (i == n && !r->name[n]) return r;
    }
    return NULL;
}

/* ---- operands ---- */
enum { OP_REG, OP_MEM, OP_IMM };
typedef struct Operand {
    int kind;
    int size;                 /* bytes: register width, PTR size, 0 = unspecified */
    const Reg *reg;           /* OP_REG */
    /* OP_MEM */
    int base, index, scale;   /* -1 = none */
    int rip;
    int addr32;               /* 32-bit address registers (0x67 prefix) */
    int seg;                  /* segment override prefix byte or 0 */
    AsmExpr disp;             /* displacement / immediate value */
    int has_sym;              /* disp or imm refers to a symbol */
    int plt;                  /* f@PLT */
    int gotpcrel;             /* sym@GOTPCREL[rip] */
    int bare;                 /* no brackets, no PTR: a plain expression */
    const char *text;
} Operand;

typedef struct X86 {
    Assembler *a;
    SrcLoc loc;
    Operand op[4];
    int nops;
    int failed;
} X86;

static void err(X86 *x, const char *at, const char *fmt, const char *arg) {
    if (x->failed) return;
    x->failed = 1;
    SrcLoc l = at ? asm_loc_at(x->loc, at) : x->loc;
    error_at(l, fmt, arg ? arg : "");
}

typedef struct SizeName { const char *name; int size; } SizeName;
static const SizeName size_names[] = {
    { "byte", 1 }, { "word", 2 }, { "dword", 4 }, { "qword", 8 }, { "xmmword", 16 },
    { "oword", 16 }, { "tbyte", 10 }, { "fword", 6 }, { "mmword", 8 },
};

static int is_ident_char(int c) { return asm_is_symbol_char(c); }

static int word_is(const char *p, const char *w) { return asm_word_at(p, w); }

static int64_t value_of(const AsmExpr *e) { return e->addend; }

static const char *skip_blank(const char *p) {
    while (*p == ' ' || *p == '\t') p++;
    return p;
}

/* Adds one register term ("rax", "rax*8", "8*rax") to o; returns 1 if the term was one. */
static int register_term(X86 *x, const char *t, Operand *o, int sign) {
    const char *p = skip_blank(t), *start = p;
    int64_t scale = 0;
    if (isdigit((unsigned char)*p)) {           /* 8*rax */
        const char *q = p;
        while (isdigit((unsigned char)*q)) q++;
        q = skip_blank(q);
        if (*q != '*') return 0;
        scale = strtol(p, NULL, 10);
        p = skip_blank(q + 1);
        start = p;
    }
    while (is_ident_char((unsigned char)*p)) p++;
    const Reg *r = p > start ? find_register(start, (size_t)(p - start)) : NULL;
    if (!r || (r->cls != RC_GPR && r->cls != RC_RIP)) return 0;
    p = skip_blank(p);
    if (*p == '*' && !scale) {
        p = skip_blank(p + 1);
        const char *q = p;
        while (isdigit((unsigned char)*q)) q++;
        scale = q > p ? strtol(p, NULL, 10) : -1;
        p = skip_blank(q);
    }
    if (*p) {
        err(x, p, "junk in memory reference: '%s'", p);
        return -1;
    }
    if (sign < 0) {
        err(x, t, "cannot subtract a register%s", "");
        return -1;
    }
    if (r->cls == RC_GPR && r->size != 8 && r->size != 4) {
        err(x, start, "bad register '%s' in memory reference", r->name);
        return -1;
    }
    if (r->cls == RC_GPR && r->size == 4) o->addr32 = 1;
    if (scale) {
        if (!(scale == 1 || scale == 2 || scale == 4 || scale == 8)) {
            err(x, t, "scale factor must be 1, 2, 4 or 8%s", "");
            return -1;
        }
        if (o->index >= 0 || r->cls == RC_RIP) {
            err(x, start, "bad index register in memory reference%s", "");
            return -1;
        }
        o->index = r->num;
        o->scale = (int)scale;
    } else if (r->cls == RC_RIP) {
        if (o->base >= 0 || o->rip) { err(x, start, "bad memory reference%s", ""); return -1; }
        o->rip = 1;
    } else if (o->base < 0 && !o->rip) {
        o->base = r->num;
    } else if (o->index < 0) {
        o->index = r->num;
        o->scale = 1;
    } else {
        err(x, start, "too many registers in memory reference%s", "");
        return -1;
    }
    return 1;
}

/* Parses "[...]" contents into base/index/scale/disp, one +/- separated term at a time. The
 * operand text lives in the core's writable statement buffer, so each term is terminated in
 * place for the expression parser (keeping exact columns for diagnostics) and restored. */
static int parse_brackets(X86 *x, const char **pp, Operand *o) {
    char *p = (char *)*pp + 1;
    int sign = 1;
    for (;;) {
        p = (char *)skip_blank(p);
        char *t = p;
        int depth = 0;
        while (*p && (depth || (*p != '+' && *p != '-' && *p != ']'))) {
            if (*p == '(') depth++;
            if (*p == ')') depth--;
            p++;
        }
        if (!*p) { err(x, t, "missing ']'%s", ""); return -1; }
        if (p == t) { err(x, t, "missing term in memory reference%s", ""); return -1; }
        char saved = *p;
        *p = 0;
        int rt = register_term(x, t, o, sign);
        if (rt == 0) {
            AsmExpr e;
            const char *end;
            if (asm_parse_expr(x->a, t, &end, &e, x->loc)) x->failed = 1, rt = -1;
            else if (*end) err(x, end, "junk in memory reference: '%s'", end), rt = -1;
            else {
                if (sign < 0) {
                    AsmExpr neg = { .sym = e.sub, .sub = e.sym, .addend = asm_neg(e.addend) };
                    e = neg;
                }
                if (e.op) {
                    err(x, t, "displacement expression too complex%s", "");
                    rt = -1;
                } else if ((o->disp.sym && e.sym) || (o->disp.sub && e.sub)) {
                    err(x, t, "bad displacement%s", "");
                    rt = -1;
                } else {
                    if (e.sym) o->disp.sym = e.sym;
                    if (e.sub) o->disp.sub = e.sub;
                    o->disp.addend = asm_add(o->disp.addend, e.addend);
                }
            }
        }
        *p = saved;
        if (rt < 0) return -1;
        if (*p == ']') break;
        sign = *p == '-' ? -1 : 1;
        p++;
    }
    *pp = p + 1;
    return 0;
}

static int parse_operand(X86 *x, const char *p, const char *end, Operand *o) {
    memset(o, 0, sizeof *o);
    o->base = o->index = -1;
    o->text = p;
    p = skip_blank(p);
    /* gcc writes indirect calls as "call [QWORD PTR 16[rbx]]": drop the outer brackets */
    if (*p == '[' && end[-1] == ']') {
        const char *q = skip_blank(p + 1);
        for (size_t i = 0; i < sizeof size_names / sizeof *size_names; i++) {
            if (word_is(q, size_names[i].name)) {
                p = q;
                end--;
                break;
            }
        }
    }
    /* fast path: a lone register (the common case) */
    const char *w = p;
    while (is_ident_char((unsigned char)*w)) w++;
    if (w > p && skip_blank(w) == end) {
        const Reg *r = find_register(p, (size_t)(w - p));
        if (r && r->cls != RC_RIP && r->cls != RC_SEG) {
            o->kind = OP_REG;
            o->reg = r;
            o->size = r->size;
            return 0;
        }
    }
    /* size PTR: only worth trying when a blank follows the first word */
    for (size_t i = 0; (*w == ' ' || *w == '\t') && i < sizeof size_names / sizeof *size_names; i++) {
        if (word_is(p, size_names[i].name)) {
            const char *q = skip_blank(p + strlen(size_names[i].name));
            if (word_is(q, "ptr")) {
                o->size = size_names[i].size;
                o->kind = OP_MEM;
                p = skip_blank(q + 3);
            }
            break;
        }
    }
    int is_offset = 0;
    if ((*p == 'o' || *p == 'O') && word_is(p, "offset")) {
        p = skip_blank(p + 6);
        if (word_is(p, "flat")) {
            p = skip_blank(p + 4);
            if (*p == ':') p = skip_blank(p + 1);
        }
        is_offset = 1;
    }
    /* register? */
    const char *start = p;
    while (is_ident_char((unsigned char)*p)) p++;
    const Reg *r = p > start ? find_register(start, (size_t)(p - start)) : NULL;
    if (r && r->cls == RC_SEG && *skip_blank(p) == ':') {
        static const uint8_t seg_prefix[] = { 0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65 };
        o->seg = seg_prefix[r->num];
        o->kind = OP_MEM;
        p = skip_blank(skip_blank(p) + 1);
        start = p;
        r = NULL;
    }
    if (r && !is_offset && o->kind != OP_MEM) {
        if (skip_blank(p) != end) { err(x, p, "junk after register: '%s'", p); return -1; }
        if (r->cls == RC_RIP || r->cls == RC_SEG) { err(x, start, "bad use of register '%s'", r->name); return -1; }
        o->kind = OP_REG;
        o->reg = r;
        o->size = r->size;
        return 0;
    }
    p = start;
    /* displacement / immediate expression before an optional [ */
    if (*p != '[') {
        const char *e;
        if (asm_parse_expr(x->a, p, &e, &o->disp, x->loc)) { x->failed = 1; return -1; }
        p = e;
        if (*p == '@') {
            const char *s = ++p;
            while (is_ident_char((unsigned char)*p)) p++;
            size_t n = (size_t)(p - s);
            if (n == 3 && !strncasecmp(s, "plt", 3)) o->plt = 1;
            else if (n == 8 && !strncasecmp(s, "gotpcrel", 8)) {
                /* like GNU as, any GOT reference brings in _GLOBAL_OFFSET_TABLE_ */
                AsmExpr got;
                o->gotpcrel = 1;
                if (!asm_parse_expr(x->a, "_GLOBAL_OFFSET_TABLE_", NULL, &got, x->loc) && got.sym)
                    asm_symbol_keep(got.sym);
            }
            else { err(x, s - 1, "unsupported relocation operator '%s'", s - 1); return -1; }
            p = skip_blank(p);
        }
    }
    if (*p == '[') {
        if (is_offset) { err(x, p, "OFFSET cannot take a memory reference%s", ""); return -1; }
        o->kind = OP_MEM;
        while (*p == '[') {
            if (parse_brackets(x, &p, o)) return -1;
            p = skip_blank(p);
        }
        /* trailing "+8" after the brackets */
        if (*p == '+' || *p == '-') {
            AsmExpr e;
            const char *q;
            if (asm_parse_expr(x->a, p, &q, &e, x->loc)) { x->failed = 1; return -1; }
            if (e.sym && o->disp.sym) { err(x, p, "bad displacement%s", ""); return -1; }
            if (e.sym) o->disp.sym = e.sym;
            o->disp.addend = asm_add(o->disp.addend, e.addend);
            p = q;
        }
    } else if (o->kind != OP_MEM) {
        o->kind = OP_IMM;
        o->bare = !is_offset;
    }
    if (skip_blank(p) != end) { err(x, p, "junk in operand: '%s'", p); return -1; }
    o->has_sym = o->disp.sym != NULL || o->disp.sub != NULL;
    if (o->kind == OP_MEM && o->rip && (o->base >= 0 || o->index >= 0)) {
        err(x, o->text, "bad RIP-relative memory reference%s", "");
        return -1;
    }
    if (o->kind == OP_MEM && o->index == 4 && !o->addr32) {
        /* rsp cannot be an index; "[rsp+rax]" has rsp as base already */
        err(x, o->text, "rsp cannot be used as an index register%s", "");
        return -1;
    }
    return 0;
}

static int parse_operands(X86 *x, const char *ops) {
    x->nops = 0;
    const char *p = skip_blank(ops);
    if (!*p) return 0;
    for (;;) {
        const char *q = p;
        int depth = 0;
        for (;;) {
            q += strcspn(q, ",[]()\"");   /* ordinary characters in one step */
            if (!*q || (!depth && *q == ',')) break;
            if (*q == '[' || *q == '(') depth++;
            if (*q == ']' || *q == ')') depth--;
            if (*q == '"') {
                for (q++; *q && *q != '"'; q++) {}
                if (!*q) break;
            }
            q++;
        }
        const char *end = q;
        while (end > p && (end[-1] == ' ' || end[-1] == '\t')) end--;
        if (x->nops == 4) { err(x, p, "too many operands%s", ""); return -1; }
        if (end == p) { err(x, p, "missing operand%s", ""); return -1; }
        if (parse_operand(x, p, end, &x->op[x->nops])) return -1;
        x->nops++;
        if (!*q) return 0;
        p = skip_blank(q + 1);
    }
}

/* ---- emission ---- */
typedef struct Insn {
    uint8_t prefix[4];
    int nprefix;
    int rexw, force_rex;
    uint8_t opc[3];
    int opclen;
    int modrm;                 /* has a ModRM byte */
    int reg;                   /* ModRM.reg (register number or /digit) */
    const Operand *rm;         /* register or memory operand for ModRM.rm */
    int opreg;                 /* register added to the last opcode byte (+r), -1 = none */
    int imm_size;              /* 0, 1, 2, 4, 8 */
    const Operand *imm;
    int imm_signed;            /* imm32 of a 64-bit operation (sign-extended) */
    int no_rex_allowed;        /* an ah/bh/ch/dh operand is present */
    int disp_zero_extended;    /* lea r32: GNU as relocates the displacement with R_X86_64_32 */
} Insn;

static void insn_init(Insn *in) {
    memset(in, 0, sizeof *in);
    in->opreg = -1;
}

static void add_prefix(Insn *in, uint8_t p) { in->prefix[in->nprefix++] = p; }

static void set_opcode(Insn *in, const uint8_t *o, int n) {
    memcpy(in->opc, o, (size_t)n);
    in->opclen = n;
}

static int fits8(int64_t v) { return v >= -128 && v <= 127; }
static int fits32s(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

/* Emits a symbol-free or symbolic field of `size` bytes. */
static void emit_field(X86 *x, const AsmExpr *e, int has_sym, int size, int reloc, int pcrel) {
    if (has_sym) {
        asm_fixup(x->a, reloc, size, pcrel, e, x->loc);
        uint8_t zero[8] = {0};
        asm_emit(x->a, zero, (size_t)size);
        return;
    }
    uint64_t v = (uint64_t)e->addend;
    uint8_t b[8];
    for (int i = 0; i < size; i++) b[i] = (uint8_t)(v >> (8 * i));
    asm_emit(x->a, b, (size_t)size);
}

static int imm_reloc(int size, int is_signed) {
    switch (size) {
    case 1: return R_X86_64_8;
    case 2: return R_X86_64_16;
    case 4: return is_signed ? R_X86_64_32S : R_X86_64_32;
    default: return R_X86_64_64;
    }
}

static int emit_insn(X86 *x, Insn *in) {
    if (x->failed) return -1;
    int rex = in->rexw ? 8 : 0;
    const Operand *m = in->rm;
    int mod = 0, rm = 0, sib = -1, disp_size = 0;
    if (in->modrm) {
        if (in->reg & 8) rex |= 4;
        if (m->kind == OP_REG) {
            mod = 3;
            rm = m->reg->num & 7;
            if (m->reg->num & 8) rex |= 1;
            if (m->reg->need_rex) in->force_rex = 1;
            if (m->reg->high8) in->no_rex_allowed = 1;
        } else if (m->rip) {
            mod = 0;
            rm = 5;
            disp_size = 4;
        } else if (m->base < 0) {
            /* no base: SIB with base=101 and disp32 */
            rm = 4;
            int idx = m->index >= 0 ? m->index : 4;
            if (idx & 8) rex |= 2;
            sib = (m->index >= 0 ? (m->scale == 8 ? 3 : m->scale == 4 ? 2 : m->scale == 2 ? 1 : 0) << 6 : 0) |
                  (idx & 7) << 3 | 5;
            disp_size = 4;
        } else {
            int64_t d = value_of(&m->disp);
            if (m->base & 8) rex |= 1;
            if (m->has_sym) { mod = 2; disp_size = 4; }
            else if (d == 0 && (m->base & 7) != 5) mod = 0;
            else if (fits8(d)) { mod = 1; disp_size = 1; }
            else { mod = 2; disp_size = 4; }
            if (m->index >= 0 || (m->base & 7) == 4) {
                rm = 4;
                int idx = m->index >= 0 ? m->index : 4;
                if (idx & 8) rex |= 2;
                int ss = m->index >= 0 ? (m->scale == 8 ? 3 : m->scale == 4 ? 2 : m->scale == 2 ? 1 : 0) : 0;
                sib = ss << 6 | (idx & 7) << 3 | (m->base & 7);
            } else {
                rm = m->base & 7;
            }
        }
    }
    if (in->opreg >= 0 && (in->opreg & 8)) rex |= 1;
    if (rex || in->force_rex) {
        if (in->no_rex_allowed) {
            err(x, NULL, "can't encode register '%sh' in an instruction requiring REX prefix",
                "a/b/c/d");
            return -1;
        }
    }
    uint8_t buf[24];
    int n = 0;
    /* like GNU as, drop a segment override that names the default segment */
    int default_seg = m && m->kind == OP_MEM && m->base >= 0 && ((m->base & 7) == 4 || (m->base & 7) == 5)
                          ? 0x36 : 0x3e;
    if (m && m->kind == OP_MEM && m->seg && m->seg != default_seg) buf[n++] = (uint8_t)m->seg;
    if (m && m->kind == OP_MEM && m->addr32) buf[n++] = 0x67;
    for (int i = 0; i < in->nprefix; i++) buf[n++] = in->prefix[i];
    if (rex || in->force_rex) buf[n++] = (uint8_t)(0x40 | rex);
    for (int i = 0; i < in->opclen; i++) buf[n++] = in->opc[i];
    if (in->opreg >= 0) buf[n - 1] = (uint8_t)(buf[n - 1] + (in->opreg & 7));
    if (in->modrm) {
        buf[n++] = (uint8_t)(mod << 6 | (in->reg & 7) << 3 | rm);
        if (sib >= 0) buf[n++] = (uint8_t)sib;
    }
    asm_emit(x->a, buf, (size_t)n);
    if (disp_size) {
        if (m->rip) {
            AsmExpr e = m->disp;
            if (m->has_sym) e.addend = asm_add(e.addend, -(4 + in->imm_size));
            int reloc = R_X86_64_PC32;
            if (m->gotpcrel) reloc = rex ? R_X86_64_REX_GOTPCRELX : R_X86_64_GOTPCRELX;
            if (!m->has_sym) {
                emit_field(x, &e, 0, 4, 0, 0);
            } else {
                emit_field(x, &e, 1, 4, reloc, 1);
            }
        } else {
            if (disp_size == 4 && !m->has_sym && !fits32s(value_of(&m->disp)) &&
                !(m->disp.addend >= 0 && m->disp.addend <= 0xffffffffLL && m->addr32)) {
                err(x, m->text, "displacement out of range%s", "");
                return -1;
            }
            emit_field(x, &m->disp, m->has_sym, disp_size,
                       m->addr32 || in->disp_zero_extended ? R_X86_64_32 : R_X86_64_32S, 0);
        }
    }
    if (in->imm_size) {
        const Operand *im = in->imm;
        if (!im->has_sym) {
            int64_t v = value_of(&im->disp);
            int ok = in->imm_size == 8 ||
                     (in->imm_size == 4 && (in->imm_signed ? fits32s(v) : (v >= INT32_MIN && v <= 0xffffffffLL))) ||
                     (in->imm_size == 2 && v >= -32768 && v <= 0xffff) ||
                     (in->imm_size == 1 && v >= -128 && v <= 0xff);
            if (!ok) {
                err(x, im->text, "immediate out of range for this instruction%s", "");
                return -1;
            }
        }
        emit_field(x, &im->disp, im->has_sym, in->imm_size, imm_reloc(in->imm_size, in->imm_signed), 0);
    }
    return 0;
}

/* ---- mnemonic families ---- */
typedef struct Mnemonic Mnemonic;
typedef int (*Handler)(X86 *x, const Mnemonic *m);
struct Mnemonic {
    const char *name;
    Handler fn;
    int a, b, c;
};

static int is_reg(const Operand *o) { return o->kind == OP_REG && o->reg->cls == RC_GPR; }
static int is_xmm(const Operand *o) { return o->kind == OP_REG && o->reg->cls == RC_XMM; }
static int is_mem(const Operand *o) { return o->kind == OP_MEM; }
static int is_rm(const Operand *o) { return is_reg(o) || is_mem(o); }
static int is_imm(const Operand *o) { return o->kind == OP_IMM; }

static int want_ops(X86 *x, int n) {
    if (x->nops != n) {
        char buf[32];
        snprintf(buf, sizeof buf, "%d", n);
        err(x, NULL, "expected %s operand(s)", buf);
        return -1;
    }
    return 0;
}

static int bad_operands(X86 *x) {
    err(x, NULL, "invalid operands for this instruction%s", "");
    return -1;
}

/* Operation size from the operands (registers and PTR sizes must agree). */
static int op_size(X86 *x, const Operand *a, const Operand *b) {
    int sa = a && a->kind != OP_IMM ? a->size : 0;
    int sb = b && b->kind != OP_IMM ? b->size : 0;
    if (sa && sb && sa != sb) {
        err(x, NULL, "operand size mismatch%s", "");
        return -1;
    }
    int s = sa ? sa : sb;
    if (!s) {
        err(x, NULL, "ambiguous operand size (use BYTE/WORD/DWORD/QWORD PTR)%s", "");
        return -1;
    }
    if (s != 1 && s != 2 && s != 4 && s != 8) {
        err(x, NULL, "invalid operand size for this instruction%s", "");
        return -1;
    }
    return s;
}

static void size_prefix(Insn *in, int size) {
    if (size == 2) add_prefix(in, 0x66);
    if (size == 8) in->rexw = 1;
}

static void reg_field(Insn *in, const Reg *r) {
    in->modrm = 1;
    in->reg = r->num;
    if (r->need_rex) in->force_rex = 1;
    if (r->high8) in->no_rex_allowed = 1;
}

static int encode_rm(X86 *x, int size, int prefix66_etc, const uint8_t *opc, int opclen, int reg,
                     const Reg *regop, const Operand *rm) {
    Insn in;
    insn_init(&in);
    if (prefix66_etc) add_prefix(&in, (uint8_t)prefix66_etc);
    size_prefix(&in, size);
    set_opcode(&in, opc, opclen);
    in.modrm = 1;
    in.rm = rm;
    if (regop) reg_field(&in, regop);
    else in.reg = reg;
    return emit_insn(x, &in);
}

static int imm_value_fits8(const Operand *o) {
    return !o->has_sym && fits8(value_of(&o->disp));
}

/* GNU as sees an immediate as a value of the operation's width: 0xff91 in a 16-bit operation
 * (or 0xffffff91 in a 32-bit one) is -111 and takes the sign-extended imm8 form. */
static int imm_fits8_at(const Operand *o, int size, Operand *narrowed) {
    if (o->has_sym) return 0;
    int64_t v = value_of(&o->disp);
    if (size == 2 && v >= -32768 && v <= 0xffff) v = (int16_t)v;
    if (size == 4 && v >= INT32_MIN && v <= 0xffffffffLL) v = (int32_t)v;
    *narrowed = *o;
    narrowed->disp.addend = v;
    return fits8(v);
}

/* add or adc sbb and sub xor cmp */
static int h_alu(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 2)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1];
    int n = m->a;
    int size = op_size(x, d, s);
    if (size < 0) return -1;
    if (is_rm(d) && is_reg(s)) {
        uint8_t o = (uint8_t)(n * 8 + (size == 1 ? 0 : 1));
        return encode_rm(x, size, 0, &o, 1, 0, s->reg, d);
    }
    if (is_reg(d) && is_mem(s)) {
        uint8_t o = (uint8_t)(n * 8 + (size == 1 ? 2 : 3));
        return encode_rm(x, size, 0, &o, 1, 0, d->reg, s);
    }
    if (is_rm(d) && is_imm(s)) {
        Insn in;
        Operand narrowed;
        insn_init(&in);
        size_prefix(&in, size);
        in.imm = s;
        in.imm_signed = size == 8;
        if (size == 1) {
            in.imm_size = 1;
            if (is_reg(d) && d->reg->num == 0 && !d->reg->high8) {
                in.opc[0] = (uint8_t)(n * 8 + 4);
                in.opclen = 1;
                return emit_insn(x, &in);
            }
            in.opc[0] = 0x80;
        } else if (imm_fits8_at(s, size, &narrowed)) {
            in.opc[0] = 0x83;
            in.imm = &narrowed;
            in.imm_size = 1;
        } else {
            in.imm_size = size == 2 ? 2 : 4;
            if (is_reg(d) && d->reg->num == 0) {
                in.opc[0] = (uint8_t)(n * 8 + 5);
                in.opclen = 1;
                return emit_insn(x, &in);
            }
            in.opc[0] = 0x81;
        }
        in.opclen = 1;
        in.modrm = 1;
        in.reg = n;
        in.rm = d;
        return emit_insn(x, &in);
    }
    return bad_operands(x);
}

static int h_test(X86 *x, const Mnemonic *m) {
    (void)m;
    if (want_ops(x, 2)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1];
    if (is_reg(d) && is_mem(s)) { Operand *t = d; d = s; s = t; }
    int size = op_size(x, d, s);
    if (size < 0) return -1;
    if (is_rm(d) && is_reg(s)) {
        uint8_t o = size == 1 ? 0x84 : 0x85;
        return encode_rm(x, size, 0, &o, 1, 0, s->reg, d);
    }
    if (is_rm(d) && is_imm(s)) {
        Insn in;
        insn_init(&in);
        size_prefix(&in, size);
        in.imm = s;
        in.imm_size = size == 1 ? 1 : size == 2 ? 2 : 4;
        in.imm_signed = size == 8;
        in.opclen = 1;
        if (is_reg(d) && d->reg->num == 0 && !d->reg->high8) {
            in.opc[0] = size == 1 ? 0xa8 : 0xa9;
            return emit_insn(x, &in);
        }
        in.opc[0] = size == 1 ? 0xf6 : 0xf7;
        in.modrm = 1;
        in.rm = d;
        return emit_insn(x, &in);
    }
    return bad_operands(x);
}

static int h_mov(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 2)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1];
    int size = op_size(x, d, s);
    if (size < 0) return -1;
    if (is_rm(d) && is_reg(s) && !m->a) {
        uint8_t o = size == 1 ? 0x88 : 0x89;
        return encode_rm(x, size, 0, &o, 1, 0, s->reg, d);
    }
    if (is_reg(d) && is_mem(s) && !m->a) {
        uint8_t o = size == 1 ? 0x8a : 0x8b;
        return encode_rm(x, size, 0, &o, 1, 0, d->reg, s);
    }
    if (is_reg(d) && is_imm(s)) {
        Insn in;
        insn_init(&in);
        size_prefix(&in, size);
        in.imm = s;
        int64_t v = value_of(&s->disp);
        if (size == 8 && !m->a && (s->has_sym || fits32s(v))) {
            /* mov r64, simm32: C7 /0 (sign-extended) as GNU as does */
            in.opc[0] = 0xc7;
            in.opclen = 1;
            in.modrm = 1;
            in.rm = d;
            in.imm_size = 4;
            in.imm_signed = 1;
            return emit_insn(x, &in);
        }
        in.opc[0] = size == 1 ? 0xb0 : 0xb8;
        in.opclen = 1;
        in.opreg = d->reg->num;
        if (d->reg->need_rex) in.force_rex = 1;
        if (d->reg->high8) in.no_rex_allowed = 1;
        in.imm_size = size;
        return emit_insn(x, &in);
    }
    if (is_mem(d) && is_imm(s) && !m->a) {
        Insn in;
        insn_init(&in);
        size_prefix(&in, size);
        in.opc[0] = size == 1 ? 0xc6 : 0xc7;
        in.opclen = 1;
        in.modrm = 1;
        in.rm = d;
        in.imm = s;
        in.imm_size = size == 8 ? 4 : size;
        in.imm_signed = size == 8;
        return emit_insn(x, &in);
    }
    return bad_operands(x);
}

/* movzx movsx (a: 0xb6 or 0xbe), movsxd */
static int h_movx(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 2)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1];
    if (!is_reg(d) || !is_rm(s)) return bad_operands(x);
    int ss = s->size;
    if (!ss) { err(x, s->text, "ambiguous source size (use BYTE/WORD/DWORD PTR)%s", ""); return -1; }
    if (m->a == 0x63 || (m->a == 0xbe && ss == 4)) {
        if (ss != 4 || d->size < 4) return bad_operands(x);
        uint8_t o = 0x63;
        return encode_rm(x, d->size, 0, &o, 1, 0, d->reg, s);
    }
    if (ss >= d->size || ss > 2 || d->size == 1) return bad_operands(x);
    uint8_t o[2] = { 0x0f, (uint8_t)(m->a + (ss == 2)) };
    return encode_rm(x, d->size, 0, o, 2, 0, d->reg, s);
}

static int h_lea(X86 *x, const Mnemonic *m) {
    (void)m;
    if (want_ops(x, 2)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1];
    if (!is_reg(d) || !is_mem(s) || d->size == 1) return bad_operands(x);
    Insn in;
    insn_init(&in);
    size_prefix(&in, d->size);
    in.opc[0] = 0x8d;
    in.opclen = 1;
    reg_field(&in, d->reg);
    in.rm = s;
    in.disp_zero_extended = d->size == 4;
    return emit_insn(x, &in);
}

/* push (a=0) / pop (a=1) */
static int h_pushpop(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 1)) return -1;
    Operand *o = &x->op[0];
    Insn in;
    insn_init(&in);
    if (is_reg(o)) {
        if (o->size != 8 && o->size != 2) return bad_operands(x);
        if (o->size == 2) add_prefix(&in, 0x66);
        in.opc[0] = m->a ? 0x58 : 0x50;
        in.opclen = 1;
        in.opreg = o->reg->num;
        return emit_insn(x, &in);
    }
    if (is_mem(o)) {
        int size = o->size ? o->size : 8;
        if (size != 8 && size != 2) return bad_operands(x);
        if (size == 2) add_prefix(&in, 0x66);
        in.opc[0] = m->a ? 0x8f : 0xff;
        in.opclen = 1;
        in.modrm = 1;
        in.reg = m->a ? 0 : 6;
        in.rm = o;
        return emit_insn(x, &in);
    }
    if (is_imm(o) && !m->a) {
        in.imm = o;
        in.imm_signed = 1;
        if (imm_value_fits8(o)) { in.opc[0] = 0x6a; in.imm_size = 1; }
        else { in.opc[0] = 0x68; in.imm_size = 4; }
        in.opclen = 1;
        return emit_insn(x, &in);
    }
    return bad_operands(x);
}

/* one-operand groups: a = opcode for byte size (FE or F6), b = /digit */
static int h_unary(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 1)) return -1;
    Operand *o = &x->op[0];
    if (!is_rm(o)) return bad_operands(x);
    int size = op_size(x, o, NULL);
    if (size < 0) return -1;
    uint8_t opc = (uint8_t)(m->a + (size != 1));
    return encode_rm(x, size, 0, &opc, 1, m->b, NULL, o);
}

/* prefetch hints: 0f 18 /hint (0f 0d /1 for prefetchw) on a memory operand of any size */
static int h_prefetch(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 1)) return -1;
    Operand *o = &x->op[0];
    if (!is_mem(o)) return bad_operands(x);
    uint8_t opc[2] = { 0x0f, (uint8_t)m->a };
    return encode_rm(x, 4, 0, opc, 2, m->b, NULL, o);
}

static int h_imul(X86 *x, const Mnemonic *m) {
    if (x->nops == 1) {
        Mnemonic u = { "imul", h_unary, 0xf6, 5, 0 };
        return h_unary(x, &u);
    }
    (void)m;
    Operand *d = &x->op[0], *s = &x->op[1], *imm = NULL;
    if (x->nops == 3) imm = &x->op[2];
    else if (x->nops == 2 && is_imm(s)) { imm = s; s = d; }
    else if (x->nops != 2) return want_ops(x, 2);
    if (!is_reg(d) || !is_rm(s) || d->size == 1) return bad_operands(x);
    int size = op_size(x, d, s);
    if (size < 0) return -1;
    if (!imm) {
        uint8_t o[2] = { 0x0f, 0xaf };
        return encode_rm(x, size, 0, o, 2, 0, d->reg, s);
    }
    if (!is_imm(imm)) return bad_operands(x);
    Insn in;
    insn_init(&in);
    size_prefix(&in, size);
    reg_field(&in, d->reg);
    in.rm = s;
    in.imm = imm;
    in.imm_signed = size == 8;
    in.opclen = 1;
    Operand narrowed;
    if (imm_fits8_at(imm, size, &narrowed)) { in.opc[0] = 0x6b; in.imm_size = 1; in.imm = &narrowed; }
    else { in.opc[0] = 0x69; in.imm_size = size == 2 ? 2 : 4; }
    return emit_insn(x, &in);
}

/* rol ror rcl rcr shl/sal shr sar: a = /digit */
static int h_shift(X86 *x, const Mnemonic *m) {
    if (x->nops != 1 && want_ops(x, 2)) return -1;
    Operand *d = &x->op[0];
    if (!is_rm(d)) return bad_operands(x);
    int size = op_size(x, d, NULL);
    if (size < 0) return -1;
    Insn in;
    insn_init(&in);
    size_prefix(&in, size);
    in.modrm = 1;
    in.reg = m->a;
    in.rm = d;
    in.opclen = 1;
    if (x->nops == 1) {
        in.opc[0] = size == 1 ? 0xd0 : 0xd1;
        return emit_insn(x, &in);
    }
    Operand *s = &x->op[1];
    if (is_reg(s) && s->reg->size == 1 && s->reg->num == 1 && !s->reg->high8) {
        in.opc[0] = size == 1 ? 0xd2 : 0xd3;
        return emit_insn(x, &in);
    }
    if (!is_imm(s)) return bad_operands(x);
    if (!s->has_sym && value_of(&s->disp) == 1) {
        in.opc[0] = size == 1 ? 0xd0 : 0xd1;
        return emit_insn(x, &in);
    }
    in.opc[0] = size == 1 ? 0xc0 : 0xc1;
    in.imm = s;
    in.imm_size = 1;
    return emit_insn(x, &in);
}

/* no-operand instructions: a = length, b = bytes (little-endian packed) */
static int h_fixed(X86 *x, const Mnemonic *m) {
    if (x->nops) {
        err(x, NULL, "'%s' takes no operands", m->name);
        return -1;
    }
    uint8_t b[4];
    for (int i = 0; i < m->a; i++) b[i] = (uint8_t)((unsigned)m->b >> (8 * i));
    asm_emit(x->a, b, (size_t)m->a);
    return 0;
}

static int h_ret(X86 *x, const Mnemonic *m) {
    (void)m;
    if (x->nops == 0) { asm_emit_u8(x->a, 0xc3); return 0; }
    if (want_ops(x, 1) || !is_imm(&x->op[0])) return bad_operands(x);
    Insn in;
    insn_init(&in);
    in.opc[0] = 0xc2;
    in.opclen = 1;
    in.imm = &x->op[0];
    in.imm_size = 2;
    return emit_insn(x, &in);
}

static int h_int(X86 *x, const Mnemonic *m) {
    (void)m;
    if (want_ops(x, 1) || !is_imm(&x->op[0])) return bad_operands(x);
    Insn in;
    insn_init(&in);
    in.opc[0] = 0xcd;
    in.opclen = 1;
    in.imm = &x->op[0];
    in.imm_size = 1;
    return emit_insn(x, &in);
}

static int h_nop(X86 *x, const Mnemonic *m) {
    (void)m;
    if (x->nops == 0) { asm_emit_u8(x->a, 0x90); return 0; }
    if (want_ops(x, 1) || !is_rm(&x->op[0])) return bad_operands(x);
    int size = op_size(x, &x->op[0], NULL);
    if (size < 2) return size < 0 ? -1 : bad_operands(x);
    uint8_t o[2] = { 0x0f, 0x1f };
    return encode_rm(x, size, 0, o, 2, 0, NULL, &x->op[0]);
}

/* setcc: a = cc */
static int h_setcc(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 1)) return -1;
    Operand *o = &x->op[0];
    if (!is_rm(o) || (o->size && o->size != 1)) return bad_operands(x);
    uint8_t opc[2] = { 0x0f, (uint8_t)(0x90 + m->a) };
    return encode_rm(x, 0, 0, opc, 2, 0, NULL, o);
}

/* cmovcc: a = cc; also generic "reg, r/m" two-byte 0F ops via b (bsf bsr ...) */
static int h_cmov(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 2)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1];
    if (!is_reg(d) || !is_rm(s) || d->size == 1) return bad_operands(x);
    int size = op_size(x, d, s);
    if (size < 0) return -1;
    uint8_t opc[2] = { 0x0f, (uint8_t)(m->b ? m->b : 0x40 + m->a) };
    return encode_rm(x, size, m->c, opc, 2, 0, d->reg, s);
}

/* bt bts btr btc: a = register-form opcode, b = /digit of the 0F BA imm8 form */
static int h_bt(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 2)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1];
    if (!is_rm(d)) return bad_operands(x);
    if (is_reg(s)) {
        int size = op_size(x, d, s);
        if (size < 2) return size < 0 ? -1 : bad_operands(x);
        uint8_t o[2] = { 0x0f, (uint8_t)m->a };
        return encode_rm(x, size, 0, o, 2, 0, s->reg, d);
    }
    if (!is_imm(s)) return bad_operands(x);
    int size = op_size(x, d, NULL);
    if (size < 2) return size < 0 ? -1 : bad_operands(x);
    Insn in;
    insn_init(&in);
    size_prefix(&in, size);
    in.opc[0] = 0x0f;
    in.opc[1] = 0xba;
    in.opclen = 2;
    in.modrm = 1;
    in.reg = m->b;
    in.rm = d;
    in.imm = s;
    in.imm_size = 1;
    return emit_insn(x, &in);
}

static int h_xchg(X86 *x, const Mnemonic *m) {
    (void)m;
    if (want_ops(x, 2)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1];
    int size = op_size(x, d, s);
    if (size < 0) return -1;
    if (is_reg(d) && is_reg(s) && size > 1 && (d->reg->num == 0 || s->reg->num == 0)) {
        const Reg *other = d->reg->num == 0 ? s->reg : d->reg;
        if (!(size == 4 && other->num == 0)) {
            Insn in;
            insn_init(&in);
            size_prefix(&in, size);
            in.opc[0] = 0x90;
            in.opclen = 1;
            in.opreg = other->num;
            return emit_insn(x, &in);
        }
    }
    /* GNU as: ModRM.rm is the memory operand, else the first register */
    if (is_reg(d) && is_mem(s)) { Operand *t = d; d = s; s = t; }
    if (!is_rm(d) || !is_reg(s)) return bad_operands(x);
    uint8_t o = size == 1 ? 0x86 : 0x87;
    return encode_rm(x, size, 0, &o, 1, 0, s->reg, d);
}

static int h_bswap(X86 *x, const Mnemonic *m) {
    (void)m;
    if (want_ops(x, 1)) return -1;
    Operand *o = &x->op[0];
    if (!is_reg(o) || o->size < 4) return bad_operands(x);
    Insn in;
    insn_init(&in);
    size_prefix(&in, o->size);
    in.opc[0] = 0x0f;
    in.opc[1] = 0xc8;
    in.opclen = 2;
    in.opreg = o->reg->num;
    return emit_insn(x, &in);
}

/* cmpxchg / xadd: a = byte opcode (0F a / 0F a+1) */
static int h_rm_r_0f(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 2)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1];
    if (!is_rm(d) || !is_reg(s)) return bad_operands(x);
    int size = op_size(x, d, s);
    if (size < 0) return -1;
    uint8_t o[2] = { 0x0f, (uint8_t)(m->a + (size != 1)) };
    return encode_rm(x, size, 0, o, 2, 0, s->reg, d);
}

/* shld/shrd r/m, reg, imm8|cl: a = imm8 opcode (the cl form is a + 1) */
static int h_shld(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 3)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1], *c = &x->op[2];
    if (!is_rm(d) || !is_reg(s)) return bad_operands(x);
    int size = op_size(x, d, s);
    if (size < 2) return size < 0 ? -1 : bad_operands(x);
    Insn in;
    insn_init(&in);
    size_prefix(&in, size);
    in.opc[0] = 0x0f;
    in.opclen = 2;
    reg_field(&in, s->reg);
    in.rm = d;
    if (is_reg(c) && c->reg->size == 1 && c->reg->num == 1 && !c->reg->high8) {
        in.opc[1] = (uint8_t)(m->a + 1);
    } else if (is_imm(c)) {
        in.opc[1] = (uint8_t)m->a;
        in.imm = c;
        in.imm_size = 1;
    } else {
        return bad_operands(x);
    }
    return emit_insn(x, &in);
}

/* string instructions: a = byte opcode, b = element size */
static int h_string(X86 *x, const Mnemonic *m) {
    if (x->nops) {
        err(x, NULL, "operands of string instructions are not supported%s", "");
        return -1;
    }
    Insn in;
    insn_init(&in);
    size_prefix(&in, m->b);
    in.opc[0] = (uint8_t)(m->a + (m->b != 1));
    in.opclen = 1;
    return emit_insn(x, &in);
}

/* ---- branches ---- */
enum { RELAX_JMP, RELAX_JCC };

/* GNU as's need_plt32_p: branches to weak, undefined or global symbols use R_X86_64_PLT32. */
static int need_plt32(const AsmSymbol *s) {
    if (!s) return 0;
    if (asm_symbol_is_weak(s) || !asm_symbol_is_defined(s)) return 1;
    return asm_symbol_is_global(s);
}

static int branch_target(X86 *x, Operand *o) {
    if (!is_imm(o) || !o->disp.sym || o->disp.sub) {
        err(x, o->text, "branch target must be a symbol (plus a constant)%s", "");
        return -1;
    }
    return 0;
}

/* jmp (a=-1) / jcc (a=cc) */
static int h_jump(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 1)) return -1;
    Operand *o = &x->op[0];
    if (m->a < 0 && (is_rm(o) && !(is_mem(o) && o->bare))) {
        if (is_reg(o) && o->size != 8) return bad_operands(x);
        if (is_mem(o) && o->size && o->size != 8) return bad_operands(x);
        uint8_t opc = 0xff;
        return encode_rm(x, 0, 0, &opc, 1, 4, NULL, o);
    }
    if (branch_target(x, o)) return -1;
    AsmRelax r = { o->disp, m->a < 0 ? RELAX_JMP : RELAX_JCC, m->a, 0,
                   o->plt ? R_X86_64_PLT32 : -1, x->loc.line, x->loc.col, o->plt };
    asm_emit_relax(x->a, &r);
    return 0;
}

static int h_call(X86 *x, const Mnemonic *m) {
    (void)m;
    if (want_ops(x, 1)) return -1;
    Operand *o = &x->op[0];
    if (is_rm(o)) {
        if (is_reg(o) && o->size != 8) return bad_operands(x);
        if (is_mem(o) && o->size && o->size != 8) return bad_operands(x);
        uint8_t opc = 0xff;
        return encode_rm(x, 0, 0, &opc, 1, 2, NULL, o);
    }
    if (branch_target(x, o)) return -1;
    int reloc = o->plt || (o->disp.addend == 0 && need_plt32(o->disp.sym)) ? R_X86_64_PLT32
                                                                           : R_X86_64_PC32;
    asm_emit_u8(x->a, 0xe8);
    AsmExpr e = o->disp;
    e.addend = asm_add(e.addend, -4);
    emit_field(x, &e, 1, 4, reloc, 1);
    return 0;
}

static int x86_relax_size(const AsmRelax *r, int resolvable, int64_t distance) {
    int long_size = r->kind == RELAX_JMP ? 5 : 6;
    if (!resolvable) return long_size;
    return fits8(distance - 2) ? 2 : long_size;
}

static int x86_relax_write(Assembler *a, const AsmRelax *r, uint8_t *out, int resolvable,
                           int64_t distance, AsmSection *s, uint64_t offset) {
    if (r->size == 2) {
        out[0] = (uint8_t)(r->kind == RELAX_JMP ? 0xeb : 0x70 + r->opcode);
        out[1] = (uint8_t)(distance - 2);
        return 0;
    }
    int n = 0;
    if (r->kind == RELAX_JMP) out[n++] = 0xe9;
    else { out[n++] = 0x0f; out[n++] = (uint8_t)(0x80 + r->opcode); }
    if (resolvable) {
        put_u32(out + n, (uint32_t)(distance - r->size));
        return 0;
    }
    int type = r->reloc_type;
    if (type < 0)
        type = r->target.addend == 0 && need_plt32(r->target.sym) ? R_X86_64_PLT32 : R_X86_64_PC32;
    AsmExpr e = r->target;
    e.addend = asm_add(e.addend, -4);
    SrcLoc loc = { NULL, r->line, r->col, NULL, 0 };
    asm_fixup_final(a, s, offset + (uint64_t)n, type, 4, 1, &e, loc);
    return 0;
}

/* ---- SSE ---- */
enum { SSE_IMM = 1 };

static int sse_emit(X86 *x, int prefix, int opc, int rexw, int reg, const Reg *regop,
                    const Operand *rm, const Operand *imm) {
    Insn in;
    insn_init(&in);
    if (prefix) add_prefix(&in, (uint8_t)prefix);
    in.rexw = rexw;
    in.opc[0] = 0x0f;
    in.opclen = 1;
    if (opc > 0xff) {
        in.opc[in.opclen++] = (uint8_t)(opc >> 8);
    }
    in.opc[in.opclen++] = (uint8_t)opc;
    in.modrm = 1;
    in.rm = rm;
    if (regop) reg_field(&in, regop);
    else in.reg = reg;
    if (imm) {
        in.imm = imm;
        in.imm_size = 1;
    }
    return emit_insn(x, &in);
}

/* xmm, xmm/m [, imm8]: a = prefix, b = opcode, c = SSE_IMM */
static int h_sse(X86 *x, const Mnemonic *m) {
    int nimm = m->c & SSE_IMM ? 1 : 0;
    if (want_ops(x, 2 + nimm)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1];
    if (!is_xmm(d) || !(is_xmm(s) || is_mem(s))) return bad_operands(x);
    if (nimm && !is_imm(&x->op[2])) return bad_operands(x);
    return sse_emit(x, m->a, m->b, 0, 0, d->reg, s, nimm ? &x->op[2] : NULL);
}

/* cmpXXsd/ss/pd/ps pseudo-ops: a = prefix, b = predicate */
static int h_sse_cmp(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 2)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1];
    if (!is_xmm(d) || !(is_xmm(s) || is_mem(s))) return bad_operands(x);
    Operand imm;
    memset(&imm, 0, sizeof imm);
    imm.kind = OP_IMM;
    imm.disp.addend = m->b;
    return sse_emit(x, m->a, 0xc2, 0, 0, d->reg, s, &imm);
}

/* moves with a load form b and a store form c; a = prefix */
static int h_sse_mov(X86 *x, const Mnemonic *m) {
    if (x->nops == 0 && m->c == 0x11 && (m->a == 0xf2)) {
        Mnemonic str = { "movsd", h_string, 0xa4, 4, 0 };
        return h_string(x, &str);
    }
    if (want_ops(x, 2)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1];
    if (is_xmm(d) && (is_xmm(s) || is_mem(s)))
        return sse_emit(x, m->a, m->b, 0, 0, d->reg, s, NULL);
    if (is_mem(d) && is_xmm(s) && m->c)
        return sse_emit(x, m->a, m->c, 0, 0, s->reg, d, NULL);
    return bad_operands(x);
}

/* movq (a=8) / movd (a=4) */
static int h_movqd(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 2)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1];
    int q = m->a == 8;
    if (is_xmm(d) && (is_reg(s) || (is_mem(s) && !q))) {
        int w = is_reg(s) ? s->size == 8 : 0;
        if (is_reg(s) && s->size < 4) return bad_operands(x);
        return sse_emit(x, 0x66, 0x6e, w, 0, d->reg, s, NULL);
    }
    if ((is_reg(d) || (is_mem(d) && !q)) && is_xmm(s)) {
        int w = is_reg(d) ? d->size == 8 : 0;
        if (is_reg(d) && d->size < 4) return bad_operands(x);
        return sse_emit(x, 0x66, 0x7e, w, 0, s->reg, d, NULL);
    }
    if (q && is_xmm(d) && (is_xmm(s) || is_mem(s)))
        return sse_emit(x, 0xf3, 0x7e, 0, 0, d->reg, s, NULL);
    if (q && is_mem(d) && is_xmm(s))
        return sse_emit(x, 0x66, 0xd6, 0, 0, s->reg, d, NULL);
    return bad_operands(x);
}

/* cvtsi2sd/cvtsi2ss: a = prefix, b = size override from a suffix (0, 4, 8) */
static int h_cvtsi2(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 2)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1];
    if (!is_xmm(d) || !is_rm(s)) return bad_operands(x);
    int size = m->b ? m->b : s->size;
    if (!size) { err(x, s->text, "ambiguous operand size (use DWORD/QWORD PTR)%s", ""); return -1; }
    if (size != 4 && size != 8) return bad_operands(x);
    if (is_reg(s) && s->size != size) return bad_operands(x);
    return sse_emit(x, m->a, 0x2a, size == 8, 0, d->reg, s, NULL);
}

/* cvt(t)sd2si / cvt(t)ss2si: a = prefix, b = opcode */
static int h_cvt2si(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 2)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1];
    if (!is_reg(d) || d->size < 4 || !(is_xmm(s) || is_mem(s))) return bad_operands(x);
    return sse_emit(x, m->a, m->b, d->size == 8, 0, d->reg, s, NULL);
}

/* movmskpd/ps, pmovmskb: r32, xmm */
static int h_movmsk(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 2)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1];
    if (!is_reg(d) || d->size < 4 || !is_xmm(s)) return bad_operands(x);
    return sse_emit(x, m->a, m->b, d->size == 8, 0, d->reg, s, NULL);
}

/* psrlq-style: xmm, imm8 (a = imm opcode, b = /digit) or xmm, xmm/m (c = opcode) */
static int h_sse_shift(X86 *x, const Mnemonic *m) {
    if (want_ops(x, 2)) return -1;
    Operand *d = &x->op[0], *s = &x->op[1];
    if (!is_xmm(d)) return bad_operands(x);
    if (is_imm(s)) return sse_emit(x, 0x66, m->a, 0, m->b, NULL, d, s);
    if (m->c && (is_xmm(s) || is_mem(s))) return sse_emit(x, 0x66, m->c, 0, 0, d->reg, s, NULL);
    return bad_operands(x);
}

/* ---- the mnemonic table ---- */
static const Mnemonic base_mnemonics[] = {
    { "add", h_alu, 0, 0, 0 }, { "or", h_alu, 1, 0, 0 }, { "adc", h_alu, 2, 0, 0 },
    { "sbb", h_alu, 3, 0, 0 }, { "and", h_alu, 4, 0, 0 }, { "sub", h_alu, 5, 0, 0 },
    { "xor", h_alu, 6, 0, 0 }, { "cmp", h_alu, 7, 0, 0 }, { "test", h_test, 0, 0, 0 },
    { "mov", h_mov, 0, 0, 0 }, { "movabs", h_mov, 1, 0, 0 },
    { "movzx", h_movx, 0xb6, 0, 0 }, { "movsx", h_movx, 0xbe, 0, 0 },
    { "movsxd", h_movx, 0x63, 0, 0 }, { "lea", h_lea, 0, 0, 0 },
    { "push", h_pushpop, 0, 0, 0 }, { "pop", h_pushpop, 1, 0, 0 },
    { "inc", h_unary, 0xfe, 0, 0 }, { "dec", h_unary, 0xfe, 1, 0 },
    { "not", h_unary, 0xf6, 2, 0 }, { "neg", h_unary, 0xf6, 3, 0 },
    { "mul", h_unary, 0xf6, 4, 0 }, { "div", h_unary, 0xf6, 6, 0 },
    { "idiv", h_unary, 0xf6, 7, 0 }, { "imul", h_imul, 0, 0, 0 },
    { "rol", h_shift, 0, 0, 0 }, { "ror", h_shift, 1, 0, 0 }, { "rcl", h_shift, 2, 0, 0 },
    { "rcr", h_shift, 3, 0, 0 }, { "shl", h_shift, 4, 0, 0 }, { "sal", h_shift, 4, 0, 0 },
    { "shr", h_shift, 5, 0, 0 }, { "sar", h_shift, 7, 0, 0 },
    { "cbw", h_fixed, 2, 0x9866, 0 }, { "cwde", h_fixed, 1, 0x98, 0 },
    { "cdqe", h_fixed, 2, 0x9848, 0 }, { "cwd", h_fixed, 2, 0x9966, 0 },
    { "cdq", h_fixed, 1, 0x99, 0 }, { "cqo", h_fixed, 2, 0x9948, 0 },
    { "ret", h_ret, 0, 0, 0 }, { "leave", h_fixed, 1, 0xc9, 0 }, { "nop", h_nop, 0, 0, 0 },
    { "ud2", h_fixed, 2, 0x0b0f, 0 }, { "int3", h_fixed, 1, 0xcc, 0 }, { "int", h_int, 0, 0, 0 },
    { "syscall", h_fixed, 2, 0x050f, 0 }, { "endbr64", h_fixed, 4, (int)0xfa1e0ff3u, 0 },
    { "hlt", h_fixed, 1, 0xf4, 0 }, { "cpuid", h_fixed, 2, 0xa20f, 0 },
    { "pause", h_fixed, 2, 0x90f3, 0 }, { "mfence", h_fixed, 3, 0xf0ae0f, 0 },
    { "prefetchnta", h_prefetch, 0x18, 0, 0 }, { "prefetcht0", h_prefetch, 0x18, 1, 0 },
    { "prefetcht1", h_prefetch, 0x18, 2, 0 }, { "prefetcht2", h_prefetch, 0x18, 3, 0 },
    { "prefetchw", h_prefetch, 0x0d, 1, 0 },
    { "lfence", h_fixed, 3, 0xe8ae0f, 0 }, { "sfence", h_fixed, 3, 0xf8ae0f, 0 },
    { "rdtsc", h_fixed, 2, 0x310f, 0 }, { "cld", h_fixed, 1, 0xfc, 0 },
    { "std", h_fixed, 1, 0xfd, 0 }, { "clc", h_fixed, 1, 0xf8, 0 }, { "stc", h_fixed, 1, 0xf9, 0 },
    { "cmc", h_fixed, 1, 0xf5, 0 }, { "lahf", h_fixed, 1, 0x9f, 0 }, { "sahf", h_fixed, 1, 0x9e, 0 },
    { "jmp", h_jump, -1, 0, 0 }, { "call", h_call, 0, 0, 0 },
    { "bt", h_bt, 0xa3, 4, 0 }, { "bts", h_bt, 0xab, 5, 0 }, { "btr", h_bt, 0xb3, 6, 0 },
    { "btc", h_bt, 0xbb, 7, 0 }, { "xchg", h_xchg, 0, 0, 0 }, { "bswap", h_bswap, 0, 0, 0 },
    { "bsf", h_cmov, 0, 0xbc, 0 }, { "bsr", h_cmov, 0, 0xbd, 0 },
    { "popcnt", h_cmov, 0, 0xb8, 0xf3 }, { "lzcnt", h_cmov, 0, 0xbd, 0xf3 },
    { "tzcnt", h_cmov, 0, 0xbc, 0xf3 },
    { "shld", h_shld, 0xa4, 0, 0 }, { "shrd", h_shld, 0xac, 0, 0 },
    { "cmpxchg", h_rm_r_0f, 0xb0, 0, 0 }, { "xadd", h_rm_r_0f, 0xc0, 0, 0 },
    { "movsb", h_string, 0xa4, 1, 0 }, { "movsw", h_string, 0xa4, 2, 0 },
    { "movsq", h_string, 0xa4, 8, 0 }, { "stosb", h_string, 0xaa, 1, 0 },
    { "stosw", h_string, 0xaa, 2, 0 }, { "stosd", h_string, 0xaa, 4, 0 },
    { "stosq", h_string, 0xaa, 8, 0 }, { "lodsb", h_string, 0xac, 1, 0 },
    { "lodsq", h_string, 0xac, 8, 0 }, { "scasb", h_string, 0xae, 1, 0 },
    { "cmpsb", h_string, 0xa6, 1, 0 },
    /* SSE/SSE2 */
    { "movsd", h_sse_mov, 0xf2, 0x10, 0x11 }, { "movss", h_sse_mov, 0xf3, 0x10, 0x11 },
    { "movapd", h_sse_mov, 0x66, 0x28, 0x29 }, { "movaps", h_sse_mov, 0, 0x28, 0x29 },
    { "movupd", h_sse_mov, 0x66, 0x10, 0x11 }, { "movups", h_sse_mov, 0, 0x10, 0x11 },
    { "movdqa", h_sse_mov, 0x66, 0x6f, 0x7f }, { "movdqu", h_sse_mov, 0xf3, 0x6f, 0x7f },
    { "movlpd", h_sse_mov, 0x66, 0x12, 0x13 }, { "movhpd", h_sse_mov, 0x66, 0x16, 0x17 },
    { "movlps", h_sse_mov, 0, 0x12, 0x13 }, { "movhps", h_sse_mov, 0, 0x16, 0x17 },
    { "movhlps", h_sse, 0, 0x12, 0 }, { "movlhps", h_sse, 0, 0x16, 0 },
    { "movq", h_movqd, 8, 0, 0 }, { "movd", h_movqd, 4, 0, 0 },
    { "cvtsi2sd", h_cvtsi2, 0xf2, 0, 0 }, { "cvtsi2ss", h_cvtsi2, 0xf3, 0, 0 },
    { "cvttsd2si", h_cvt2si, 0xf2, 0x2c, 0 }, { "cvtsd2si", h_cvt2si, 0xf2, 0x2d, 0 },
    { "cvttss2si", h_cvt2si, 0xf3, 0x2c, 0 }, { "cvtss2si", h_cvt2si, 0xf3, 0x2d, 0 },
    { "movmskpd", h_movmsk, 0x66, 0x50, 0 }, { "movmskps", h_movmsk, 0, 0x50, 0 },
    { "pmovmskb", h_movmsk, 0x66, 0xd7, 0 },
    { "shufpd", h_sse, 0x66, 0xc6, SSE_IMM }, { "shufps", h_sse, 0, 0xc6, SSE_IMM },
    { "pshufd", h_sse, 0x66, 0x70, SSE_IMM }, { "cmpsd", h_sse, 0xf2, 0xc2, SSE_IMM },
    { "cmpss", h_sse, 0xf3, 0xc2, SSE_IMM }, { "cmppd", h_sse, 0x66, 0xc2, SSE_IMM },
    { "cmpps", h_sse, 0, 0xc2, SSE_IMM }, { "roundsd", h_sse, 0x66, 0x3a0b, SSE_IMM },
    { "roundss", h_sse, 0x66, 0x3a0a, SSE_IMM }, { "roundpd", h_sse, 0x66, 0x3a09, SSE_IMM },
    { "psrlq", h_sse_shift, 0x73, 2, 0xd3 }, { "psllq", h_sse_shift, 0x73, 6, 0xf3 },
    { "psrld", h_sse_shift, 0x72, 2, 0xd2 }, { "pslld", h_sse_shift, 0x72, 6, 0xf2 },
    { "psrad", h_sse_shift, 0x72, 4, 0xe2 }, { "psrldq", h_sse_shift, 0x73, 3, 0 },
    { "pslldq", h_sse_shift, 0x73, 7, 0 },
};

/* xmm, xmm/m arithmetic: name, prefix, opcode (all prefixes of a family share an opcode) */
typedef struct SseOp { const char *name; int prefix, opcode; } SseOp;
static const SseOp sse_ops[] = {
    { "addsd", 0xf2, 0x58 }, { "subsd", 0xf2, 0x5c }, { "mulsd", 0xf2, 0x59 },
    { "divsd", 0xf2, 0x5e }, { "sqrtsd", 0xf2, 0x51 }, { "minsd", 0xf2, 0x5d },
    { "maxsd", 0xf2, 0x5f }, { "addss", 0xf3, 0x58 }, { "subss", 0xf3, 0x5c },
    { "mulss", 0xf3, 0x59 }, { "divss", 0xf3, 0x5e }, { "sqrtss", 0xf3, 0x51 },
    { "minss", 0xf3, 0x5d }, { "maxss", 0xf3, 0x5f }, { "addpd", 0x66, 0x58 },
    { "subpd", 0x66, 0x5c }, { "mulpd", 0x66, 0x59 }, { "divpd", 0x66, 0x5e },
    { "sqrtpd", 0x66, 0x51 }, { "minpd", 0x66, 0x5d }, { "maxpd", 0x66, 0x5f },
    { "addps", 0, 0x58 }, { "subps", 0, 0x5c }, { "mulps", 0, 0x59 }, { "divps", 0, 0x5e },
    { "ucomisd", 0x66, 0x2e }, { "comisd", 0x66, 0x2f }, { "ucomiss", 0, 0x2e },
    { "comiss", 0, 0x2f }, { "xorpd", 0x66, 0x57 }, { "xorps", 0, 0x57 },
    { "andpd", 0x66, 0x54 }, { "andps", 0, 0x54 }, { "andnpd", 0x66, 0x55 },
    { "andnps", 0, 0x55 }, { "orpd", 0x66, 0x56 }, { "orps", 0, 0x56 },
    { "pxor", 0x66, 0xef }, { "pand", 0x66, 0xdb }, { "pandn", 0x66, 0xdf }, { "por", 0x66, 0xeb },
    { "unpcklpd", 0x66, 0x14 }, { "unpckhpd", 0x66, 0x15 }, { "unpcklps", 0, 0x14 },
    { "unpckhps", 0, 0x15 }, { "punpckldq", 0x66, 0x62 }, { "punpcklqdq", 0x66, 0x6c },
    { "punpckhqdq", 0x66, 0x6d }, { "punpcklbw", 0x66, 0x60 }, { "punpcklwd", 0x66, 0x61 },
    { "punpckhdq", 0x66, 0x6a }, { "cvtsd2ss", 0xf2, 0x5a }, { "cvtss2sd", 0xf3, 0x5a },
    { "cvtps2pd", 0, 0x5a }, { "cvtpd2ps", 0x66, 0x5a }, { "cvtdq2pd", 0xf3, 0xe6 },
    { "cvttpd2dq", 0x66, 0xe6 }, { "cvtdq2ps", 0, 0x5b }, { "cvttps2dq", 0xf3, 0x5b },
    { "cvtps2dq", 0x66, 0x5b }, { "paddb", 0x66, 0xfc }, { "paddw", 0x66, 0xfd },
    { "paddd", 0x66, 0xfe }, { "paddq", 0x66, 0xd4 }, { "psubb", 0x66, 0xf8 },
    { "psubw", 0x66, 0xf9 }, { "psubd", 0x66, 0xfa }, { "psubq", 0x66, 0xfb },
    { "pcmpeqb", 0x66, 0x74 }, { "pcmpeqw", 0x66, 0x75 }, { "pcmpeqd", 0x66, 0x76 },
    { "pcmpgtb", 0x66, 0x64 }, { "pcmpgtd", 0x66, 0x66 }, { "pmuludq", 0x66, 0xf4 },
    { "pmullw", 0x66, 0xd5 }, { "packssdw", 0x66, 0x6b }, { "packuswb", 0x66, 0x67 },
    { "pminub", 0x66, 0xda }, { "pmaxub", 0x66, 0xde }, { "psadbw", 0x66, 0xf6 },
};

static const char *const cc_names[16][3] = {
    { "o" }, { "no" }, { "b", "c", "nae" }, { "ae", "nb", "nc" }, { "e", "z" }, { "ne", "nz" },
    { "be", "na" }, { "a", "nbe" }, { "s" }, { "ns" }, { "p", "pe" }, { "np", "po" },
    { "l", "nge" }, { "ge", "nl" }, { "le", "ng" }, { "g", "nle" },
};
static const char *const cmp_predicates[8] = { "eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord" };

typedef struct MnemonicTable {
    Mnemonic *entries;
    int count, cap;
    char *names;              /* storage for generated names */
    size_t names_len;
    const Mnemonic **slots;   /* open addressing */
    size_t nslots;
} MnemonicTable;

static MnemonicTable table;

static uint32_t name_hash(const char *s) {
    uint32_t h = 2166136261u;
    while (*s) h = (h ^ (uint8_t)*s++) * 16777619u;
    return h;
}

static void table_add(const char *name, Handler fn, int a, int b, int c) {
    if (table.count == table.cap) {
        table.cap = table.cap ? table.cap * 2 : 512;
        table.entries = xrealloc(table.entries, (size_t)table.cap * sizeof *table.entries);
    }
    table.entries[table.count++] = (Mnemonic){ name, fn, a, b, c };
}

static const char *gen_name(const char *fmt, const char *a, const char *b) {
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, fmt, a, b);
    char *s = table.names + table.names_len;
    memcpy(s, tmp, (size_t)n + 1);
    table.names_len += (size_t)n + 1;
    return s;
}

static void table_build(void) {
    table.names = xmalloc(16384);
    for (size_t i = 0; i < sizeof base_mnemonics / sizeof *base_mnemonics; i++) {
        const Mnemonic *m = &base_mnemonics[i];
        table_add(m->name, m->fn, m->a, m->b, m->c);
    }
    for (size_t i = 0; i < sizeof sse_ops / sizeof *sse_ops; i++)
        table_add(sse_ops[i].name, h_sse, sse_ops[i].prefix, sse_ops[i].opcode, 0);
    for (int cc = 0; cc < 16; cc++) {
        for (int k = 0; k < 3 && cc_names[cc][k]; k++) {
            table_add(gen_name("j%s", cc_names[cc][k], ""), h_jump, cc, 0, 0);
            table_add(gen_name("set%s", cc_names[cc][k], ""), h_setcc, cc, 0, 0);
            table_add(gen_name("cmov%s", cc_names[cc][k], ""), h_cmov, cc, 0, 0);
        }
    }
    static const char *const kinds[4] = { "sd", "ss", "pd", "ps" };
    static const int prefixes[4] = { 0xf2, 0xf3, 0x66, 0 };
    for (int k = 0; k < 4; k++)
        for (int p = 0; p < 8; p++)
            table_add(gen_name("cmp%s%s", cmp_predicates[p], kinds[k]), h_sse_cmp, prefixes[k], p, 0);
    table.nslots = 2048;
    while (table.nslots < (size_t)table.count * 3) table.nslots *= 2;
    table.slots = xcalloc(table.nslots, sizeof *table.slots);
    for (int i = 0; i < table.count; i++) {
        size_t h = name_hash(table.entries[i].name) & (table.nslots - 1);
        while (table.slots[h]) h = (h + 1) & (table.nslots - 1);
        table.slots[h] = &table.entries[i];
    }
}

static const Mnemonic *find_mnemonic(const char *name) {
    if (!table.slots) table_build();
    size_t h = name_hash(name) & (table.nslots - 1);
    for (const Mnemonic *m; (m = table.slots[h]); h = (h + 1) & (table.nslots - 1))
        if (!strcmp(m->name, name)) return m;
    return NULL;
}

/* Instruction prefixes written as separate words: "rep stosq", "lock xadd ...". */
typedef struct Prefix { const char *name; uint8_t byte; } Prefix;
static const Prefix prefixes[] = {
    { "rep", 0xf3 }, { "repe", 0xf3 }, { "repz", 0xf3 }, { "repne", 0xf2 }, { "repnz", 0xf2 },
    { "lock", 0xf0 }, { "notrack", 0x3e }, { "data16", 0x66 },
};

static int x86_encode(Assembler *a, const char *mnemonic, const char *operands, SrcLoc loc) {
    const Mnemonic *m = find_mnemonic(mnemonic);
    for (size_t i = 0; !m && i < sizeof prefixes / sizeof *prefixes; i++) {
        if (strcmp(mnemonic, prefixes[i].name)) continue;
        asm_emit_u8(a, prefixes[i].byte);
        const char *p = skip_blank(operands), *q = p;
        if (!*p) return 0;
        char inner[32];
        size_t n = 0;
        while (*q && *q != ' ' && *q != '\t' && n + 1 < sizeof inner) inner[n++] = (char)tolower((unsigned char)*q++);
        inner[n] = 0;
        loc.col += (int)(p - operands);
        return x86_encode(a, inner, skip_blank(q), loc);
    }
    if (!m) {
        error_at(loc, "unknown instruction '%s'", mnemonic);
        return -1;
    }
    X86 x;
    x.a = a;
    x.loc = loc;
    x.failed = 0;
    if (parse_operands(&x, operands)) return -1;
    /* Intel syntax: a bare symbol operand of a non-branch instruction is a memory reference */
    if (m->fn != h_jump && m->fn != h_call) {
        for (int i = 0; i < x.nops; i++) {
            Operand *o = &x.op[i];
            if (o->kind == OP_IMM && o->bare && o->has_sym && !o->plt) o->kind = OP_MEM;
        }
    }
    if (m->fn(&x, m) || x.failed) return -1;
    return 0;
}

/* ---- target hooks ---- */
static int x86_apply_fixup(Assembler *a, const AsmFixup *f, uint8_t *field, int64_t v) {
    (void)a;
    int ok;
    switch (f->size) {
    case 1: ok = f->pcrel ? fits8(v) : v >= -128 && v <= 255; break;
    case 2: ok = v >= -32768 && v <= 65535; break;
    case 4: ok = f->pcrel || f->reloc_type == R_X86_64_32S ? fits32s(v) : v >= INT32_MIN && v <= 0xffffffffLL; break;
    default: ok = 1;
    }
    if (!ok) {
        error_at(f->loc, "value %lld out of range for a %d-byte field", (long long)v, f->size);
        return -1;
    }
    for (int i = 0; i < f->size; i++) field[i] = (uint8_t)((uint64_t)v >> (8 * i));
    return 0;
}

/* tc_i386_fix_adjustable: GOT references, and pc-relative references into mergeable
 * sections, keep their local symbol (PLT32 is adjusted, then becomes PC32: see core.c). */
static int x86_keep_local_symbol(const AsmFixup *f, const AsmSymbol *s) {
    switch (f->reloc_type) {
    case R_X86_64_GOTPCREL: case R_X86_64_GOTPCRELX:
    case R_X86_64_REX_GOTPCRELX:
        return 1;
    }
    AsmSection *sec = asm_symbol_section(s);
    return f->pcrel && sec && asm_section_flags_merge(sec);
}

/* GNU as's alignment padding: as many 11-byte NOPs as fit, then one shorter NOP. */
static void x86_fill_code(uint8_t *out, size_t n) {
    static const uint8_t nops[12][11] = {
        { 0 }, { 0x90 }, { 0x66, 0x90 }, { 0x0f, 0x1f, 0x00 }, { 0x0f, 0x1f, 0x40, 0x00 },
        { 0x0f, 0x1f, 0x44, 0x00, 0x00 }, { 0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00 },
        { 0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00 },
        { 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00 },
        { 0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00 },
        { 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00 },
        { 0x66, 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00 },
    };
    while (n >= 11) {
        memcpy(out, nops[11], 11);
        out += 11;
        n -= 11;
    }
    if (n) memcpy(out, nops[n], n);
}

static int x86_directive(Assembler *a, const char *name, const char *args, SrcLoc loc) {
    (void)a;
    if (!strcmp(name, ".intel_syntax")) {
        if (*args && strcasecmp(args, "noprefix")) {
            error_at(loc, "only '.intel_syntax noprefix' is supported");
        }
        return 1;
    }
    if (!strcmp(name, ".att_syntax")) {
        error_at(loc, "AT&T syntax is not supported; use '.intel_syntax noprefix'");
        return 1;
    }
    if (!strcmp(name, ".code64")) return 1;
    return 0;
}

static int x86_data_reloc(int size, int pcrel) {
    switch (size) {
    case 1: return pcrel ? R_X86_64_PC8 : R_X86_64_8;
    case 2: return pcrel ? R_X86_64_PC16 : R_X86_64_16;
    case 4: return pcrel ? R_X86_64_PC32 : R_X86_64_32;
    case 8: return pcrel ? R_X86_64_PC64 : R_X86_64_64;
    default: return -1;
    }
}

const AsmTarget asm_target_x86_64 = {
    .target = TARGET_X86_64,
    .line_comment = "#",
    .start_comment = "#",
    .code_alignment_unit = 1,
    .encode = x86_encode,
    .apply_fixup = x86_apply_fixup,
    .keep_local_symbol = x86_keep_local_symbol,
    .fill_code = x86_fill_code,
    .directive = x86_directive,
    .relax_size = x86_relax_size,
    .relax_fixed_bytes = 1,
    .relax_write = x86_relax_write,
    .data_reloc = x86_data_reloc,
};
