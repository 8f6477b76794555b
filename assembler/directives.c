/* directives.c — the GNU as directives of DESIGN.md §3, dispatched through one table. */
#include <ctype.h>
#include <string.h>
#include <stdio.h>
#include "assembler/asm_internal.h"

typedef int (*DirectiveFn)(Assembler *a, char *args, SrcLoc loc, int arg);
typedef struct Directive {
    const char *name;
    DirectiveFn fn;
    int arg;
} Directive;

/* ---- argument helpers ---- */
static int parse_expr_at(Assembler *a, char **p, AsmExpr *x, SrcLoc loc) {
    const char *end;
    if (asm_parse_expr(a, *p, &end, x, loc)) return -1;
    *p = (char *)end;
    return 0;
}

static int parse_constant(Assembler *a, char **p, int64_t *v, SrcLoc loc) {
    AsmExpr x;
    if (parse_expr_at(a, p, &x, loc)) return -1;
    if (!asm_expr_constant(a, &x, v)) {
        error_at(asm_loc_at(loc, *p), "expected a constant expression");
        return -1;
    }
    return 0;
}

static int expect_end(char *p, SrcLoc loc) {
    p = (char *)skip_space(p);
    if (*p) {
        error_at(asm_loc_at(loc, p), "junk at end of line: '%s'", p);
        return -1;
    }
    return 0;
}

static int is_symbol_char(int c) { return asm_is_symbol_char(c); }

/* Parses a symbol name (plain or quoted) into a symbol. */
static AsmSymbol *parse_symbol(Assembler *a, char **pp, SrcLoc loc) {
    char *p = (char *)skip_space(*pp), *name = p;
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
    if (!len || isdigit((unsigned char)name[0])) {
        error_at(asm_loc_at(loc, name), "expected a symbol name");
        return NULL;
    }
    *pp = (char *)skip_space(p);
    return asm_symbol_get(a, name, len);
}

static int skip_comma(char **p, SrcLoc loc) {
    *p = (char *)skip_space(*p);
    if (**p != ',') {
        error_at(asm_loc_at(loc, *p), "expected ','");
        return -1;
    }
    *p = (char *)skip_space(*p + 1);
    return 0;
}

/* ---- sections ---- */
typedef struct SectionDefault {
    const char *prefix;
    uint32_t type;
    uint64_t flags;
} SectionDefault;

/* Attributes of well-known sections when .section gives no flags (GNU as's special table). */
static const SectionDefault section_defaults[] = {
    { ".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR },
    { ".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE },
    { ".bss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE },
    { ".rodata", SHT_PROGBITS, SHF_ALLOC },
    { ".tdata", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE | SHF_TLS },
    { ".tbss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE | SHF_TLS },
    { ".init_array", SHT_INIT_ARRAY, SHF_ALLOC | SHF_WRITE },
    { ".fini_array", SHT_FINI_ARRAY, SHF_ALLOC | SHF_WRITE },
    { ".preinit_array", SHT_PREINIT_ARRAY, SHF_ALLOC | SHF_WRITE },
    { ".init", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR },
    { ".fini", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR },
    { ".note", SHT_NOTE, 0 },
    { ".comment", SHT_PROGBITS, SHF_MERGE | SHF_STRINGS },
};

static void section_default(const char *name, uint32_t *type, uint64_t *flags) {
    *type = SHT_PROGBITS;
    *flags = 0;
    for (size_t i = 0; i < sizeof section_defaults / sizeof *section_defaults; i++) {
        size_t n = strlen(section_defaults[i].prefix);
        if (!strncmp(name, section_defaults[i].prefix, n) && (name[n] == 0 || name[n] == '.')) {
            *type = section_defaults[i].type;
            *flags = section_defaults[i].flags;
            return;
        }
    }
}

static int parse_section_flags(const char *f, uint64_t *flags, SrcLoc loc) {
    *flags = 0;
    for (; *f; f++) {
        switch (*f) {
        case 'a': *flags |= SHF_ALLOC; break;
        case 'w': *flags |= SHF_WRITE; break;
        case 'x': *flags |= SHF_EXECINSTR; break;
        case 'M': *flags |= SHF_MERGE; break;
        case 'S': *flags |= SHF_STRINGS; break;
        case 'T': *flags |= SHF_TLS; break;
        case 'G': *flags |= SHF_GROUP; break;
        case 'o': *flags |= SHF_LINK_ORDER; break;
        case 'e': *flags |= SHF_EXCLUDE; break;
        case 'R': *flags |= SHF_GNU_RETAIN; break;
        default:
            error_at(loc, "unknown section flag '%c'", *f);
            return -1;
        }
    }
    return 0;
}

typedef struct SectionType { const char *name; uint32_t type; } SectionType;
static const SectionType section_types[] = {
    { "progbits", SHT_PROGBITS }, { "nobits", SHT_NOBITS }, { "note", SHT_NOTE },
    { "init_array", SHT_INIT_ARRAY }, { "fini_array", SHT_FINI_ARRAY },
    { "preinit_array", SHT_PREINIT_ARRAY },
};

static int dir_section(Assembler *a, char *args, SrcLoc loc, int arg) {
    (void)arg;
    char *p = (char *)skip_space(args), *name = p;
    char namebuf[256];
    size_t len;
    if (*p == '"') {
        name = ++p;
        while (*p && *p != '"') p++;
        len = (size_t)(p - name);
        if (*p) p++;
    } else {
        while (*p && *p != ',' && *p != ' ' && *p != '\t') p++;
        len = (size_t)(p - name);
    }
    if (!len || len >= sizeof namebuf) {
        error_at(loc, "expected a section name");
        return -1;
    }
    memcpy(namebuf, name, len);
    namebuf[len] = 0;
    uint32_t type;
    uint64_t flags, entsize = 0;
    section_default(namebuf, &type, &flags);
    p = (char *)skip_space(p);
    int explicit_flags = 0;
    if (*p == ',') {
        p = (char *)skip_space(p + 1);
        if (*p != '"') {
            error_at(asm_loc_at(loc, p), "expected section flags in quotes");
            return -1;
        }
        char *f = ++p;
        while (*p && *p != '"') p++;
        char saved = *p;
        *p = 0;
        if (parse_section_flags(f, &flags, asm_loc_at(loc, f))) return -1;
        *p = saved;
        if (*p) p++;
        explicit_flags = 1;
        p = (char *)skip_space(p);
        if (*p == ',') {
            p = (char *)skip_space(p + 1);
            if (*p != '@' && *p != '%') {
                error_at(asm_loc_at(loc, p), "expected a section type (@progbits, @nobits, ...)");
                return -1;
            }
            char *t = ++p;
            while (isalnum((unsigned char)*p) || *p == '_') p++;
            size_t tl = (size_t)(p - t);
            size_t i;
            for (i = 0; i < sizeof section_types / sizeof *section_types; i++)
                if (strlen(section_types[i].name) == tl && !strncmp(t, section_types[i].name, tl))
                    break;
            if (i == sizeof section_types / sizeof *section_types) {
                error_at(asm_loc_at(loc, t), "unknown section type '%.*s'", (int)tl, t);
                return -1;
            }
            type = section_types[i].type;
            p = (char *)skip_space(p);
            if (*p == ',' && (flags & SHF_MERGE)) {
                p++;
                int64_t v;
                if (parse_constant(a, &p, &v, loc)) return -1;
                entsize = (uint64_t)v;
            }
        }
        if (flags & SHF_GROUP) {
            error_at(loc, "section groups are not supported");
            return -1;
        }
    }
    if ((flags & SHF_MERGE) && !entsize) {
        error_at(loc, "mergeable section '%s' needs an entity size", namebuf);
        return -1;
    }
    if (expect_end(p, loc)) return -1;
    int created;
    AsmSection *s = asm_section_get(a, namebuf, type, flags, entsize, &created);
    if (!created && explicit_flags && (s->flags != flags || s->type != type)) {
        /* GNU as warns and keeps the first attributes */
        warning_at(loc, "ignoring changed section attributes for %s", namebuf);
    }
    asm_set_section(a, s);
    return 0;
}

static int dir_simple_section(Assembler *a, char *args, SrcLoc loc, int which) {
    static const char *names[] = { ".text", ".data", ".bss" };
    if (expect_end(args, loc)) return -1;
    asm_set_section(a, asm_section_get(a, names[which], 0, 0, 0, NULL));
    return 0;
}

static int dir_previous(Assembler *a, char *args, SrcLoc loc, int arg) {
    (void)arg;
    if (expect_end(args, loc)) return -1;
    asm_set_section(a, a->prev);
    return 0;
}

/* ---- symbols ---- */
enum { SYM_GLOBAL, SYM_WEAK, SYM_LOCAL, SYM_HIDDEN, SYM_PROTECTED, SYM_INTERNAL };

static int dir_symbol_attr(Assembler *a, char *p, SrcLoc loc, int what) {
    for (;;) {
        AsmSymbol *s = parse_symbol(a, &p, loc);
        if (!s) return -1;
        switch (what) {
        case SYM_GLOBAL: if (s->binding != BIND_WEAK) s->binding = BIND_GLOBAL; break;
        case SYM_WEAK: s->binding = BIND_WEAK; break;
        case SYM_LOCAL: s->binding = BIND_LOCAL; s->local_directive = 1; break;
        case SYM_HIDDEN: s->visibility = STV_HIDDEN; break;
        case SYM_PROTECTED: s->visibility = STV_PROTECTED; break;
        case SYM_INTERNAL: s->visibility = STV_INTERNAL; break;
        }
        if (what <= SYM_LOCAL) s->explicit_binding = 1;
        if (!*p) return 0;
        if (skip_comma(&p, loc)) return -1;
    }
}

typedef struct TypeName { const char *name; int type; } TypeName;
static const TypeName type_names[] = {
    { "function", STT_FUNC }, { "object", STT_OBJECT }, { "notype", STT_NOTYPE },
    { "tls_object", STT_TLS }, { "common", STT_COMMON }, { "gnu_indirect_function", STT_GNU_IFUNC },
    { "gnu_unique_object", STT_OBJECT },
};

static int dir_type(Assembler *a, char *p, SrcLoc loc, int arg) {
    (void)arg;
    AsmSymbol *s = parse_symbol(a, &p, loc);
    if (!s || skip_comma(&p, loc)) return -1;
    if (*p == '@' || *p == '%' || *p == '#') p++;
    int quoted = *p == '"';
    if (quoted) p++;
    char *t = p;
    while (isalnum((unsigned char)*p) || *p == '_') p++;
    size_t n = (size_t)(p - t);
    if (quoted && *p == '"') p++;
    for (size_t i = 0; i < sizeof type_names / sizeof *type_names; i++) {
        if (strlen(type_names[i].name) == n && !strncmp(t, type_names[i].name, n)) {
            s->type = type_names[i].type;
            if (!strcmp(type_names[i].name, "gnu_unique_object")) s->binding = BIND_GLOBAL;
            return expect_end(p, loc);
        }
    }
    if (n == 8 && !strncmp(t, "STT_FUNC", 8)) { s->type = STT_FUNC; return expect_end(p, loc); }
    if (n == 10 && !strncmp(t, "STT_OBJECT", 10)) { s->type = STT_OBJECT; return expect_end(p, loc); }
    error_at(asm_loc_at(loc, t), "unknown symbol type '%.*s'", (int)n, t);
    return -1;
}

static int dir_size(Assembler *a, char *p, SrcLoc loc, int arg) {
    (void)arg;
    AsmSymbol *s = parse_symbol(a, &p, loc);
    if (!s || skip_comma(&p, loc)) return -1;
    AsmExpr x;
    if (parse_expr_at(a, &p, &x, loc) || expect_end(p, loc)) return -1;
    s->size = x;
    s->has_size = 1;
    s->size_line = loc.line;
    return 0;
}

static int dir_set(Assembler *a, char *p, SrcLoc loc, int arg) {
    (void)arg;
    AsmSymbol *s = parse_symbol(a, &p, loc);
    if (!s || skip_comma(&p, loc)) return -1;
    AsmExpr x;
    if (parse_expr_at(a, &p, &x, loc) || expect_end(p, loc)) return -1;
    if (s->defined && !s->is_equated && !s->set_line) {
        error_at(loc, "symbol '%s' is already defined", s->name);
        return -1;
    }
    if (s->set_line) s = asm_symbol_renew(a, s);   /* set before */
    s->is_equated = 1;
    s->equated = x;
    s->set_line = loc.line;
    s->is_absolute = !x.sym && !x.sub;
    s->alias_of = x.sym && !x.sub && !x.addend ? x.sym : NULL;
    if (x.sym && x.sym->defined && !x.sym->is_equated && !x.sub) {
        /* alias of a label: becomes a label at the same place (plus offset) */
        s->is_equated = 0;
        s->defined = 1;
        s->section = x.sym->section;
        s->raw = x.sym->raw;
        s->nvar = x.sym->nvar;
        if (x.addend) {
            s->is_equated = 1;
            s->defined = 0;
            s->section = NULL;
        }
    }
    if (s->is_absolute) s->defined = 1;
    return 0;
}

static int dir_comm(Assembler *a, char *p, SrcLoc loc, int local) {
    AsmSymbol *s = parse_symbol(a, &p, loc);
    int64_t size, align = 0;
    if (!s || skip_comma(&p, loc) || parse_constant(a, &p, &size, loc)) return -1;
    p = (char *)skip_space(p);
    if (*p == ',') {
        p++;
        if (parse_constant(a, &p, &align, loc)) return -1;
    }
    if (expect_end(p, loc)) return -1;
    if (s->defined) {
        error_at(loc, "symbol '%s' is already defined", s->name);
        return -1;
    }
    if (size < 0 || align < 0 || (align & (align - 1))) {
        error_at(loc, "bad size or alignment for common symbol '%s'", s->name);
        return -1;
    }
    if (local || (s->local_directive && s->binding == BIND_LOCAL)) {
        /* GNU as allocates local commons in a .bss subsection that follows everything else */
        if (a->nlcomm == a->cap_lcomm) {
            a->cap_lcomm = a->cap_lcomm ? a->cap_lcomm * 2 : 16;
            a->lcomm = xrealloc(a->lcomm, a->cap_lcomm * sizeof *a->lcomm);
        }
        /* placed after the input is gone: keep the position, not the line's text */
        SrcLoc at = { loc.file, loc.line, loc.col, NULL, 0 };
        a->lcomm[a->nlcomm++] = (LocalCommon){ s, (uint64_t)size, (uint64_t)align, at };
        s->defined = 1;   /* placed in asm_place_local_commons */
        if (!s->type) s->type = STT_OBJECT;
        s->size_value = (uint64_t)size;
        return 0;
    }
    s->is_common = 1;
    s->defined = 0;
    if (s->binding == BIND_LOCAL) s->binding = BIND_GLOBAL;
    s->type = STT_OBJECT;
    s->size_value = (uint64_t)size;
    s->common_align = align ? (uint64_t)align : 1;
    return 0;
}

/* ---- data ---- */
static void emit_value(Assembler *a, uint64_t v, int size) {
    uint8_t b[8];
    for (int i = 0; i < size; i++) b[i] = (uint8_t)(v >> (8 * i));
    asm_emit(a, b, (size_t)size);
}

static int check_bss(Assembler *a, SrcLoc loc, int nonzero) {
    if (asm_section_is_bss(a) && nonzero) {
        error_at(loc, "attempt to store non-zero value in section '%s'", a->cur->name);
        return -1;
    }
    return 0;
}

static int dir_data(Assembler *a, char *p, SrcLoc loc, int size) {
    asm_mapping_state(a, MAP_DATA);
    if (size == -2) size = a->target->target == TARGET_X86_64 ? 2 : 4;   /* .word */
    p = (char *)skip_space(p);
    if (!*p) return 0;
    for (;;) {
        char *start = p;
        AsmExpr x;
        if (parse_expr_at(a, &p, &x, loc)) return -1;
        int64_t v;
        if (asm_expr_constant(a, &x, &v)) {
            if (size < 8 && (v >= (int64_t)1 << (8 * size) || v < -((int64_t)1 << (8 * size - 1))))
                warning_at(asm_loc_at(loc, start), "value 0x%llx truncated to %d bytes",
                           (unsigned long long)v, size);
            if (check_bss(a, loc, v != 0)) return -1;
            emit_value(a, (uint64_t)v, size);
        } else {
            if (check_bss(a, loc, 1)) return -1;
            int type = a->target->data_reloc ? a->target->data_reloc(size, 0) : -1;
            asm_fixup(a, type, size, 0, &x, asm_loc_at(loc, start));
            a->fixups[a->nfixups - 1].is_data = 1;   /* the core patches data fields */
            emit_value(a, 0, size);
        }
        p = (char *)skip_space(p);
        if (!*p) return 0;
        if (skip_comma(&p, loc)) return -1;
    }
}

/* Parses one "..." string with GNU as escapes into out; returns -1 on error. */
static int parse_string(char **pp, Buf *out, SrcLoc loc) {
    char *p = (char *)skip_space(*pp);
    if (*p != '"') {
        error_at(asm_loc_at(loc, p), "expected a string");
        return -1;
    }
    for (p++; *p != '"'; p++) {
        if (!*p) {
            error_at(asm_loc_at(loc, p), "unterminated string");
            return -1;
        }
        if (*p != '\\') {
            buf_u8(out, (uint8_t)*p);
            continue;
        }
        p++;
        switch (*p) {
        case 'n': buf_u8(out, '\n'); break;
        case 't': buf_u8(out, '\t'); break;
        case 'r': buf_u8(out, '\r'); break;
        case 'b': buf_u8(out, '\b'); break;
        case 'f': buf_u8(out, '\f'); break;
        case 'v': buf_u8(out, '\v'); break;
        case 'a': buf_u8(out, '\a'); break;
        case 'e': buf_u8(out, 27); break;
        case 'x': case 'X': {
            unsigned v = 0;
            int digits = 0;
            while (isxdigit((unsigned char)p[1])) {
                int c = tolower((unsigned char)*++p);
                v = v * 16 + (unsigned)(c <= '9' ? c - '0' : c - 'a' + 10);
                digits++;
            }
            if (!digits) {
                error_at(asm_loc_at(loc, p), "bad \\x escape");
                return -1;
            }
            buf_u8(out, (uint8_t)v);
            break;
        }
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = (unsigned)(*p - '0');
            for (int i = 0; i < 2 && p[1] >= '0' && p[1] <= '7'; i++) v = v * 8 + (unsigned)(*++p - '0');
            buf_u8(out, (uint8_t)v);
            break;
        }
        case 0:
            error_at(asm_loc_at(loc, p), "unterminated string");
            return -1;
        default: buf_u8(out, (uint8_t)*p); break;
        }
    }
    *pp = p + 1;
    return 0;
}

static int dir_ascii(Assembler *a, char *p, SrcLoc loc, int zero) {
    asm_mapping_state(a, MAP_DATA);
    Buf s = {0};
    int rc = 0;
    for (;;) {
        s.len = 0;
        if (parse_string(&p, &s, loc)) { rc = -1; break; }
        if (zero) buf_u8(&s, 0);
        if (check_bss(a, loc, 1)) { rc = -1; break; }
        asm_emit(a, s.data, s.len);
        p = (char *)skip_space(p);
        if (!*p) break;
        if (skip_comma(&p, loc)) { rc = -1; break; }
    }
    buf_free(&s);
    return rc;
}

/* Limits of .zero/.skip/.space: sections with contents hold their bytes in memory. */
enum { MAX_SPACE_NOBITS = 1 << 30, MAX_SPACE_PROGBITS = 256 << 20 };

static int dir_space(Assembler *a, char *p, SrcLoc loc, int arg) {
    (void)arg;
    int64_t n, fill = 0;
    if (parse_constant(a, &p, &n, loc)) return -1;
    p = (char *)skip_space(p);
    if (*p == ',') {
        p++;
        if (parse_constant(a, &p, &fill, loc)) return -1;
    }
    if (expect_end(p, loc)) return -1;
    if (n < 0 || n > MAX_SPACE_NOBITS) {
        error_at(loc, "bad size %lld", (long long)n);
        return -1;
    }
    if (check_bss(a, loc, fill != 0)) return -1;
    asm_mapping_fill(a);
    if (asm_section_is_bss(a)) {
        /* A NOBITS section's bytes are never read or written out: only its size counts,
         * so reserve address space without touching it (a 1 GB .bss costs no memory). */
        buf_reserve(&a->cur->raw, (size_t)n);
        a->cur->raw.len += (size_t)n;
        return 0;
    }
    if (n > MAX_SPACE_PROGBITS) {
        error_at(loc, "%lld bytes of fill in section '%s' is more than this assembler keeps in "
                 "memory (%d MiB); put large zero-filled areas in .bss", (long long)n, a->cur->name,
                 MAX_SPACE_PROGBITS >> 20);
        return -1;
    }
    size_t at = a->cur->raw.len;
    buf_zero(&a->cur->raw, (size_t)n);
    if (fill) memset(a->cur->raw.data + at, (int)fill, (size_t)n);
    return 0;
}

/* .p2align/.balign/.align: alignment[, fill[, max]] (fill may be empty). */
enum { ALIGN_POWER, ALIGN_BYTES, ALIGN_TARGET };
static int dir_align(Assembler *a, char *p, SrcLoc loc, int how) {
    if (how == ALIGN_TARGET) how = a->target->target == TARGET_X86_64 ? ALIGN_BYTES : ALIGN_POWER;
    int64_t n, fill = 0, max = 0;
    int has_fill = 0;
    if (parse_constant(a, &p, &n, loc)) return -1;
    p = (char *)skip_space(p);
    if (*p == ',') {
        p = (char *)skip_space(p + 1);
        if (*p != ',') {
            if (parse_constant(a, &p, &fill, loc)) return -1;
            has_fill = 1;
            p = (char *)skip_space(p);
        }
        if (*p == ',') {
            p++;
            if (parse_constant(a, &p, &max, loc)) return -1;
        }
    }
    if (expect_end(p, loc)) return -1;
    uint64_t align;
    if (how == ALIGN_POWER) {
        if (n < 0 || n > 30) {
            error_at(loc, "alignment too large: %lld", (long long)n);
            return -1;
        }
        align = (uint64_t)1 << n;
    } else {
        if (n < 0 || n > (1 << 30) || (n & (n - 1))) {
            error_at(loc, "alignment %lld is not a power of 2", (long long)n);
            return -1;
        }
        align = n ? (uint64_t)n : 1;
    }
    if (check_bss(a, loc, has_fill && fill)) return -1;
    asm_emit_align(a, (uint32_t)align, has_fill, (uint8_t)fill, (uint32_t)max);
    return 0;
}

static int dir_file(Assembler *a, char *p, SrcLoc loc, int arg) {
    (void)arg;
    p = (char *)skip_space(p);
    if (isdigit((unsigned char)*p)) return 0;   /* DWARF .file N "name": no line info here */
    Buf s = {0};
    if (parse_string(&p, &s, loc) || expect_end(p, loc)) {
        buf_free(&s);
        return -1;
    }
    if (!a->file_symbol) {
        AsmSymbol *f = xcalloc(1, sizeof *f);
        f->name = xstrndup((char *)s.data, s.len);
        f->is_file = 1;
        f->type = STT_FILE;
        f->order = -1;
        a->file_symbol = f;
    }
    buf_free(&s);
    return 0;
}

static int dir_ident(Assembler *a, char *p, SrcLoc loc, int arg) {
    (void)arg;
    Buf s = {0};
    if (parse_string(&p, &s, loc) || expect_end(p, loc)) {
        buf_free(&s);
        return -1;
    }
    int created;
    AsmSection *c = asm_section_get(a, ".comment", SHT_PROGBITS, SHF_MERGE | SHF_STRINGS, 1, &created);
    /* GNU as creates this section's symbol only when writing the object: it goes last */
    if (created) c->symbol->order = 1 << 30;
    if (!c->raw.len) buf_u8(&c->raw, 0);   /* GNU as starts .comment with an empty string */
    buf_append(&c->raw, s.data, s.len);
    buf_u8(&c->raw, 0);
    buf_free(&s);
    return 0;
}

static int dir_ignore(Assembler *a, char *p, SrcLoc loc, int arg) {
    (void)a; (void)p; (void)loc; (void)arg;
    return 0;
}

static const Directive directives[] = {
    { ".text", dir_simple_section, 0 }, { ".data", dir_simple_section, 1 },
    { ".bss", dir_simple_section, 2 }, { ".section", dir_section, 0 },
    { ".previous", dir_previous, 0 },
    { ".globl", dir_symbol_attr, SYM_GLOBAL }, { ".global", dir_symbol_attr, SYM_GLOBAL },
    { ".weak", dir_symbol_attr, SYM_WEAK }, { ".local", dir_symbol_attr, SYM_LOCAL },
    { ".hidden", dir_symbol_attr, SYM_HIDDEN }, { ".protected", dir_symbol_attr, SYM_PROTECTED },
    { ".internal", dir_symbol_attr, SYM_INTERNAL },
    { ".type", dir_type, 0 }, { ".size", dir_size, 0 },
    { ".set", dir_set, 0 }, { ".equ", dir_set, 0 },
    { ".comm", dir_comm, 0 }, { ".lcomm", dir_comm, 1 },
    { ".byte", dir_data, 1 }, { ".short", dir_data, 2 }, { ".hword", dir_data, 2 },
    { ".2byte", dir_data, 2 }, { ".value", dir_data, 2 }, { ".word", dir_data, -2 },
    { ".long", dir_data, 4 }, { ".int", dir_data, 4 }, { ".4byte", dir_data, 4 },
    { ".quad", dir_data, 8 }, { ".xword", dir_data, 8 }, { ".8byte", dir_data, 8 },
    { ".dword", dir_data, 8 },
    { ".ascii", dir_ascii, 0 }, { ".asciz", dir_ascii, 1 }, { ".string", dir_ascii, 1 },
    { ".zero", dir_space, 0 }, { ".skip", dir_space, 0 }, { ".space", dir_space, 0 },
    { ".p2align", dir_align, ALIGN_POWER }, { ".balign", dir_align, ALIGN_BYTES },
    { ".align", dir_align, ALIGN_TARGET },
    { ".file", dir_file, 0 }, { ".ident", dir_ident, 0 },
    { ".cfi_sections", dir_ignore, 0 },
};

/* Directives are looked up in an open-addressing table built on first use (data directives
 * make up much of compiler output: a linear scan of the list showed in profiles). */
#define NDIRECTIVES (sizeof directives / sizeof *directives)
#define DIRECTIVE_SLOTS 128
static const Directive *directive_slots[DIRECTIVE_SLOTS];

static uint32_t directive_hash(const char *s) {
    uint32_t h = 5381;
    while (*s) h = h * 33 + (uint8_t)*s++;
    return h & (DIRECTIVE_SLOTS - 1);
}

static const Directive *find_directive(const char *name) {
    static int built;
    if (!built) {
        built = 1;
        for (size_t i = 0; i < NDIRECTIVES; i++) {
            uint32_t h = directive_hash(directives[i].name);
            while (directive_slots[h]) h = (h + 1) & (DIRECTIVE_SLOTS - 1);
            directive_slots[h] = &directives[i];
        }
    }
    for (uint32_t h = directive_hash(name); directive_slots[h]; h = (h + 1) & (DIRECTIVE_SLOTS - 1))
        if (!strcmp(directive_slots[h]->name, name)) return directive_slots[h];
    return NULL;
}

int asm_directive(Assembler *a, const char *name, char *args, SrcLoc loc) {
    const Directive *d = find_directive(name);
    if (d) return d->fn(a, args, loc, d->arg);
    if (a->target->directive) {
        char *end = args + strlen(args);
        while (end > args && (end[-1] == ' ' || end[-1] == '\t')) *--end = 0;
        if (a->target->directive(a, name, args, loc)) {
            asm_forget_encodings(a);   /* the syntax or the architecture may have changed */
            return 0;
        }
    }
    error_at(loc, "unknown directive '%s'", name);
    return -1;
}
