/* core.c — soxas's target-independent driver: statements, labels, emission, layout
 * (relaxation and alignment), fixup resolution, and the library entry points. */
#include <ctype.h>
#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include "assembler/asm_internal.h"
#include "assembler/soxas.h"


extern const AsmTarget asm_target_aarch64;

const AsmTarget *asm_target_for(Target t) {
    switch (t) {
    case TARGET_X86_64: return &asm_target_x86_64;
    case TARGET_AARCH64: return &asm_target_aarch64;
    default: return NULL;
    }
}

/* Statements are copied into a scratch buffer before parsing; columns of characters in it
 * map 1:1 onto the source line, which lets asm_loc_at place carets precisely. */
static const char *scratch_base;
static int scratch_col;

SrcLoc asm_loc_at(SrcLoc loc, const char *p) {
    if (scratch_base && p >= scratch_base && p <= scratch_base + loc.line_len + 1)
        loc.col = scratch_col + (int)(p - scratch_base);
    return loc;
}

SrcLoc asm_line_loc(Assembler *a, int line) {
    SrcLoc loc = { a->file_name, line, 1, NULL, 0 };
    return loc;
}

/* ---- emission ---- */
static int check_emit(Assembler *a) {
    if (a->cur->type == SHT_NOBITS) return 0;
    return 1;
}

void asm_emit(Assembler *a, const void *bytes, size_t n) {
    if (!check_emit(a)) {
        /* only zeros may go to .bss; the caller reports non-zero data */
        buf_zero(&a->cur->raw, n);
        return;
    }
    buf_append(&a->cur->raw, bytes, n);
}
void asm_emit_u8(Assembler *a, uint8_t v) { buf_u8(&a->cur->raw, v); }
void asm_emit_u16(Assembler *a, uint16_t v) { buf_u16(&a->cur->raw, v); }
void asm_emit_u32(Assembler *a, uint32_t v) {   /* every AArch64 instruction: kept cheap */
    Buf *b = &a->cur->raw;
    if (b->len + 4 > b->cap) buf_reserve(b, 4);
    put_u32(b->data + b->len, v);
    b->len += 4;
}
void asm_emit_u64(Assembler *a, uint64_t v) { buf_u64(&a->cur->raw, v); }
int asm_section_is_code(Assembler *a) { return (a->cur->flags & SHF_EXECINSTR) != 0; }
int asm_section_is_bss(Assembler *a) { return a->cur->type == SHT_NOBITS; }
void *asm_target_state(Assembler *a) { return a->target_state; }
void asm_set_target_state(Assembler *a, void *state) { a->target_state = state; }

static AsmVar *new_var(Assembler *a, int kind) {
    AsmSection *s = a->cur;
    if (s->nvars == s->cap_vars) {
        s->cap_vars = s->cap_vars ? s->cap_vars + s->cap_vars / 2 : 16;
        s->vars = xrealloc(s->vars, s->cap_vars * sizeof *s->vars);
    }
    AsmVar *v = &s->vars[s->nvars++];
    memset(v, 0, sizeof *v);
    v->kind = kind;
    v->raw = (uint32_t)s->raw.len;
    return v;
}

void asm_emit_relax(Assembler *a, const AsmRelax *r) {
    AsmVar *v = new_var(a, VAR_RELAX);
    v->relax = *r;
}

void asm_emit_align(Assembler *a, uint32_t align, int has_fill, uint8_t fill, uint32_t max_skip) {
    if (align <= 1) return;
    asm_mapping_align(a);
    if (align > a->cur->align) a->cur->align = align;
    AsmVar *v = new_var(a, VAR_ALIGN);
    v->align = align;
    v->max_skip = max_skip;
    v->fill = fill;
    int nop = !has_fill || (a->nop_fill >= 0 && fill == (uint8_t)a->nop_fill);
    v->fill_code = nop && (a->cur->flags & SHF_EXECINSTR) && a->target->fill_code;
}

static void fixup_push(Fixup **list, size_t *n, size_t *cap, const Fixup *f) {
    if (*n == *cap) {
        *cap = *cap ? *cap + *cap / 2 : 256;   /* 1.5x: these arrays dominate peak memory */
        *list = xrealloc(*list, *cap * sizeof **list);
    }
    (*list)[(*n)++] = *f;
}

void asm_fixup(Assembler *a, int reloc_type, int size, int pcrel, const AsmExpr *e, SrcLoc loc) {
    Fixup f = { a->cur, *e, (uint32_t)a->cur->raw.len, a->cur->nvars, loc.line, loc.col,
                (int16_t)reloc_type, (uint8_t)size, (uint8_t)pcrel, 0 };
    fixup_push(&a->fixups, &a->nfixups, &a->cap_fixups, &f);
}

void asm_fixup_final(Assembler *a, AsmSection *s, uint64_t offset, int reloc_type, int size,
                     int pcrel, const AsmExpr *e, SrcLoc loc) {
    Fixup f = { s, *e, (uint32_t)offset, 0, loc.line, loc.col, (int16_t)reloc_type,
                (uint8_t)size, (uint8_t)pcrel, 0 };
    fixup_push(&a->final_fixups, &a->nfinal, &a->cap_final, &f);
}

/* ---- the encoding cache ----
 * Compilers write the same instruction text thousands of times ("cmp rdx, r11",
 * "movq xmm0, rbx": seven in ten of soxcc's instructions name no symbol).  An instruction
 * that looked up no symbol, left no fixup or relaxable piece and reported nothing produces
 * the same bytes wherever it is, so its bytes are kept by its text (direct-mapped, the last
 * one wins) and copied the next time.  A target directive (.intel_syntax, .arch) can change
 * what a text means: it empties the cache. */
enum { ENCODING_SLOTS = 2048, ENCODING_TEXT = 56, ENCODING_BYTES = 16 };   /* 160 KB: in L2 */

typedef struct EncodingSlot {
    uint32_t hash;
    uint8_t text_len, nbytes;   /* text_len 0: empty slot */
    uint8_t bytes[ENCODING_BYTES];
    char text[ENCODING_TEXT];
} EncodingSlot;

/* Input that seldom repeats itself (hand-written or random code) would pay for the keys and
 * gain nothing: after each window of lookups with fewer than one hit in four, the cache is
 * given up for the rest of the input. */
enum { ENCODING_WINDOW = 1 << 16 };

typedef struct EncodingCache EncodingCache;

struct EncodingCache {
    uint32_t lookups, hits;     /* in the current window */
    int given_up;
    EncodingSlot slot[ENCODING_SLOTS];
};

void asm_forget_encodings(Assembler *a) {
    free(a->encodings);
    a->encodings = NULL;
}

/* "mnemonic\tops" (m and n bytes) into key; returns its length, or 0 when it is too long
 * to keep. */
static size_t encoding_key(const char *mnemonic, size_t m, const char *args, size_t n, char *key) {
    if (m + 1 + n > ENCODING_TEXT) return 0;
    memcpy(key, mnemonic, m);
    key[m] = '\t';
    memcpy(key + m + 1, args, n);
    return m + 1 + n;
}

/* A word at a time: the texts are short and this is paid on every instruction. */
static uint32_t text_hash(const char *s, size_t n) {
    uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    memcpy(&w, s + i, n - i);
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    return (uint32_t)(h ^ (h >> 29));
}

static void encode_instruction(Assembler *a, const char *mnemonic, size_t mlen, const char *args,
                               size_t alen, SrcLoc loc) {
    if (!a->encodings) a->encodings = xcalloc(1, sizeof *a->encodings);
    EncodingCache *cache = a->encodings;
    char key[ENCODING_TEXT];
    size_t len = cache->given_up || a->cur->type == SHT_NOBITS
        ? 0 : encoding_key(mnemonic, mlen, args, alen, key);
    if (!len) {
        a->target->encode(a, mnemonic, args, loc);
        return;
    }
    if (++cache->lookups == ENCODING_WINDOW) {
        cache->given_up = cache->hits < ENCODING_WINDOW / 4;
        cache->lookups = cache->hits = 0;
    }
    uint32_t h = text_hash(key, len);
    EncodingSlot *e = &cache->slot[h & (ENCODING_SLOTS - 1)];
    if (e->text_len == len && e->hash == h && !memcmp(e->text, key, len)) {
        cache->hits++;
        asm_emit(a, e->bytes, e->nbytes);
        return;
    }
    AsmSection *sec = a->cur;
    size_t start = sec->raw.len;
    uint32_t nvars = sec->nvars;
    size_t nfixups = a->nfixups;
    unsigned uses = a->symbol_uses;
    int errors = diag_error_count;
    a->target->encode(a, mnemonic, args, loc);
    size_t nbytes = sec->raw.len - start;
    if (a->cur != sec || sec->nvars != nvars || a->nfixups != nfixups || a->symbol_uses != uses ||
        diag_error_count != errors || nbytes == 0 || nbytes > ENCODING_BYTES)
        return;
    e->hash = h;
    e->text_len = (uint8_t)len;
    e->nbytes = (uint8_t)nbytes;
    memcpy(e->text, key, len);
    memcpy(e->bytes, sec->raw.data + start, nbytes);
}

/* ---- statements ---- */
static int is_symbol_char(int c) { return asm_is_symbol_char(c); }

/* Characters at which statement_length must look closer: everything else is skipped by
 * strcspn.  '#' and '/' are candidates for the targets' comment markers. */
static const char statement_special[] = "\n\"';/#";

/* Length of the comment-free statement starting at p (up to newline, ';' or comment),
 * honouring strings. Sets *next to where the following statement starts. */
static size_t statement_length(const AsmTarget *t, const char *p, const char *end,
                               int at_line_start, const char **next) {
    const char *q = p;
    size_t lc = t->line_comment[1] ? strlen(t->line_comment) : 1;
    const char *s = p;
    while (s < end && (*s == ' ' || *s == '\t')) s++;
    if (at_line_start && t->start_comment && *t->start_comment && s < end &&
        *s == t->start_comment[0]) {
        while (q < end && *q != '\n') q++;
        *next = q;
        return 0;
    }
    while (q < end) {
        q += strcspn(q, statement_special);   /* the statement text is NUL-terminated */
        if (q >= end || *q == '\n') break;
        if (!*q) {   /* a NUL byte inside the line is an ordinary character here */
            q++;
            continue;
        }
        char c = *q;
        if (c == '"') {
            for (q++; q < end && *q != '"' && *q != '\n'; q++)
                if (*q == '\\' && q + 1 < end) q++;
            if (q < end && *q == '"') q++;
            continue;
        }
        if (c == '\'' && q + 1 < end && q[1] != '\n') {
            /* character constant 'c: skip the quoted char so that '#' or ';' stay data */
            q += q[1] == '\\' && q + 2 < end ? 3 : 2;
            if (q < end && *q == '\'') q++;
            continue;
        }
        if (c == ';') {
            *next = q + 1;
            return (size_t)(q - p);
        }
        if (c == '/' && q + 1 < end && q[1] == '*') {
            break;   /* handled by the caller (block comments may span lines) */
        }
        if (c == t->line_comment[0] && (size_t)(end - q) >= lc && !memcmp(q, t->line_comment, lc)) {
            size_t len = (size_t)(q - p);
            while (q < end && *q != '\n') q++;
            *next = q;
            return len;
        }
        q++;
    }
    *next = q;
    return (size_t)(q - p);
}

static void handle_statement(Assembler *a, char *s, SrcLoc loc) {
    for (;;) {
        char *p = (char *)skip_space(s);
        if (!*p) return;
        loc.col = scratch_col + (int)(p - scratch_base);
        /* numeric label "12:" */
        if (isdigit((unsigned char)*p)) {
            char *q = p;
            while (isdigit((unsigned char)*q)) q++;
            if (*q == ':') {
                long n = strtol(p, NULL, 10);
                if (n > 99) {
                    error_at(loc, "numeric local label %ld is too large (0..99)", n);
                    return;
                }
                asm_numeric_label_define(a, (int)n, loc);
                s = q + 1;
                continue;
            }
        }
        /* label "name:" or "\"quoted\":" */
        char *name = p, *q = p;
        size_t len;
        if (*q == '"') {
            name = ++q;
            while (*q && *q != '"') q++;
            len = (size_t)(q - name);
            if (*q) q++;
        } else {
            while (is_symbol_char((unsigned char)*q)) q++;
            len = (size_t)(q - name);
        }
        char *after = (char *)skip_space(q);
        if (len && *after == ':' && after[1] != ':') {
            AsmSymbol *sym = asm_symbol_get(a, name, len);
            asm_define_label(a, sym, loc);
            s = after + 1;
            continue;
        }
        if (!len) {
            error_at(loc, "junk at start of statement");
            return;
        }
        /* "name = expr" */
        if (*after == '=' && after[1] != '=') {
            name[len] = 0;
            char buf[512];
            snprintf(buf, sizeof buf, "%s,%s", name, after + 1);
            asm_directive(a, ".set", buf, loc);
            return;
        }
        char saved = *q;
        *q = 0;
        char mnemonic[64];
        if (len >= sizeof mnemonic) {
            error_at(loc, "unknown instruction or directive '%s'", name);
            return;
        }
        for (size_t i = 0; i <= len; i++) {
            char c = name[i];
            mnemonic[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
        }
        *q = saved;
        char *args = (char *)skip_space(q);
        if (mnemonic[0] == '.') {
            asm_directive(a, mnemonic, args, loc);
            return;
        }
        /* strip trailing blanks of the operands */
        size_t n = strlen(args);
        while (n && (args[n - 1] == ' ' || args[n - 1] == '\t' || args[n - 1] == '\r')) n--;
        args[n] = 0;
        asm_mapping_state(a, MAP_INSN);
        uint32_t unit = (uint32_t)a->target->code_alignment_unit;
        if (unit > a->cur->align) a->cur->align = unit;
        encode_instruction(a, mnemonic, len, args, n, loc);
        return;
    }
}

/* Doubles the statement buffer (which starts as a stack array). */
static char *grow_scratch(char *scratch, char *small, size_t *cap, size_t used) {
    *cap *= 2;
    if (scratch == small) return memcpy(xmalloc(*cap), small, used);
    return xrealloc(scratch, *cap);
}

/* Where the line copy must look closer: newline, block comment start, string. */
static const unsigned char copy_special[256] = { ['\n'] = 1, ['/'] = 1, ['"'] = 1 };

/* Copies the line [q, eol) into scratch without block comments, which become blanks so that
 * columns stay right (the copy is never longer than the line).  Returns the copy's length. */
static size_t copy_line(const char *q, const char *eol, char *scratch, int *in_block_comment) {
    size_t n = 0;
    while (q < eol) {
        if (*in_block_comment) {
            if (*q == '*' && q + 1 < eol && q[1] == '/') {
                *in_block_comment = 0;
                scratch[n++] = ' ';
                q++;
            }
            scratch[n++] = ' ';
            q++;
            continue;
        }
        const char *r = q;   /* plain lines never get here (plain_line) */
        while (r < eol && !copy_special[(unsigned char)*r]) r++;
        memcpy(scratch + n, q, (size_t)(r - q));
        n += (size_t)(r - q);
        q = r;
        if (q >= eol) break;
        if (*q == '/' && q + 1 < eol && q[1] == '*') {
            *in_block_comment = 1;
            scratch[n++] = ' ';
            scratch[n++] = ' ';
            q += 2;
        } else if (*q == '"') {   /* strings are kept verbatim, escapes included */
            scratch[n++] = *q++;
            while (q < eol) {
                char d = *q++;
                scratch[n++] = d;
                if (d == '"') break;
                if (d == '\\' && q < eol) scratch[n++] = *q++;
            }
        } else {
            scratch[n++] = *q++;
        }
    }
    return n;
}

/* A mapped input gives its pages back as the parser leaves them behind (every few MB), so
 * the input does not add to the peak memory: nothing refers to text already parsed. */
static void release_parsed(const char *map, const char *upto, const char **released) {
    const size_t chunk = 4u << 20;
    if (!map || (size_t)(upto - *released) < chunk) return;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    const char *to = map + ((size_t)(upto - map) & ~(page - 1));
    if (to > *released) {
        madvise((void *)*released, (size_t)(to - *released), MADV_DONTNEED);
        *released = to;
    }
}

/* Copies the line [p, q) into scratch and tells whether it is a single statement with no
 * comment, string, character constant or block comment in it: the common case, which then
 * needs neither copy_line nor statement_length. */
static int plain_line(const AsmTarget *t, const char *p, const char *q, char *scratch) {
    size_t len = (size_t)(q - p);
    memcpy(scratch, p, len);
    scratch[len] = 0;
    char specials[8] = "/\"';";   /* '/' covers "//" and block comments */
    if (t->line_comment[0] != '/') specials[4] = t->line_comment[0];
    if (strcspn(scratch, specials) != len) return 0;
    const char *s = scratch;
    while (*s == ' ' || *s == '\t') s++;
    if (t->start_comment && *t->start_comment && *s == t->start_comment[0]) return 0;
    if (len && scratch[len - 1] == '\r') scratch[len - 1] = 0;
    return 1;
}

static void assemble_text(Assembler *a, const char *text, size_t len, const char *map) {
    const char *p = text, *end = text + len;
    const char *released = text;
    int line = a->next_line;
    char small[1024];
    char *scratch = small;
    size_t scratch_cap = sizeof small;
    int in_block_comment = a->in_block_comment;
    while (p < end) {
        const char *line_start = p;
        const char *q = memchr(p, '\n', (size_t)(end - p));
        if (!q) q = end;
        while ((size_t)(q - p) + 4 > scratch_cap) scratch = grow_scratch(scratch, small, &scratch_cap, 0);
        const char *eol = q;
        SrcLoc loc = { a->file_name, line, 1, line_start, (size_t)(eol - line_start) };
        if (!in_block_comment && plain_line(a->target, p, q, scratch)) {
            scratch_base = scratch;   /* the common line: one statement, nothing to strip */
            scratch_col = 1;
            handle_statement(a, scratch, loc);
            scratch_base = NULL;
            p = eol < end ? eol + 1 : end;
            line++;
            release_parsed(map, p, &released);
            continue;
        }
        size_t n = copy_line(p, q, scratch, &in_block_comment);
        if (n && scratch[n - 1] == '\r') n--;
        scratch[n] = 0;
        const char *s = scratch, *send = scratch + n;
        int first = 1;
        while (s < send) {
            const char *next;
            size_t slen = statement_length(a->target, s, send, first, &next);
            scratch_base = scratch;
            scratch_col = 1;
            char saved = scratch[(s - scratch) + slen];
            ((char *)s)[slen] = 0;
            handle_statement(a, (char *)s, loc);
            ((char *)s)[slen] = saved;
            first = 0;
            s = next;
            if (s < send && *s == '\n') break;
        }
        scratch_base = NULL;
        p = eol < end ? eol + 1 : end;
        line++;
        release_parsed(map, p, &released);
    }
    if (scratch != small) free(scratch);
    a->next_line = line;
    a->in_block_comment = in_block_comment;
}

/* ---- layout ---- */
static uint64_t symbol_offset(const AsmSymbol *s) {
    return s->raw + s->section->growth[s->nvar];
}

static int var_size_align(const AsmVar *v, uint64_t start) {
    uint64_t pad = (v->align - start % v->align) % v->align;
    if (v->max_skip && pad > v->max_skip) pad = 0;
    return (int)pad;
}

/* Whether a relaxable branch can be resolved inside its section (GNU as: the symbol is in the
 * same section and cannot be preempted: local, or global with non-default visibility or
 * default visibility in a non-shared link unless PLT-marked or weak). */
static int relax_resolvable(const AsmSection *sec, const AsmRelax *r) {
    AsmSymbol *s = r->target.sym;
    if (!s || r->target.sub || !s->defined || s->is_equated || s->section != sec) return 0;
    if (s->binding == BIND_WEAK) return 0;
    if (r->preemptible && s->binding == BIND_GLOBAL && s->visibility == STV_DEFAULT) return 0;
    return 1;
}

/* Where a relaxable item's target is thought to be during a pass, GNU as's way (its
 * relax_frag): a target already passed in this pass is where it is now; one further on is
 * where the last pass left it, moved by the growth so far (the stretch) only when the
 * stretch is negative or no alignment lies between (an alignment may absorb it).  Returns
 * 0 when GNU as leaves the item as it is this pass: a forward target that, unmoved, would
 * seem to lie behind the item's variable part. */
static int relax_target(const AsmSection *sec, uint32_t i, const AsmVar *v, uint64_t from,
                        const uint64_t *prev, const uint32_t *region, uint64_t *target) {
    uint32_t nvar = v->target_nvar;
    uint64_t addend = (uint64_t)v->relax.target.addend;
    int64_t stretch = (int64_t)(sec->growth[i] - prev[i]);
    if (nvar <= i || stretch == 0) {
        *target = v->target_raw + sec->growth[nvar] + addend;
        return 1;
    }
    *target = v->target_raw + prev[nvar] + addend;
    if (stretch < 0 || region[nvar] == region[i]) *target += (uint64_t)stretch;
    else if (*target < from) return 0;
    return 1;
}

static void layout_section(Assembler *a, AsmSection *sec) {
    uint32_t n = sec->nvars;
    sec->growth = xcalloc(n + 1, sizeof *sec->growth);
    uint64_t *prev = xcalloc(n + 1, sizeof *prev);
    uint32_t *region = xcalloc(n + 1, sizeof *region);   /* alignments before item k */
    /* the first layout: every branch short, alignments padded for that */
    for (uint32_t i = 0; i < n; i++) {
        AsmVar *v = &sec->vars[i];
        region[i + 1] = region[i] + (v->kind == VAR_ALIGN);
        if (v->kind == VAR_RELAX) {
            v->resolvable = relax_resolvable(sec, &v->relax);   /* fixed during layout */
            if (v->resolvable) {
                v->target_raw = v->relax.target.sym->raw;
                v->target_nvar = v->relax.target.sym->nvar;
            }
            v->size = a->target->relax_size(&v->relax, v->resolvable, 0);
        } else {
            v->size = var_size_align(v, v->raw + sec->growth[i]);
        }
        sec->growth[i + 1] = sec->growth[i] + (uint64_t)v->size;
    }
    for (int pass = 0; pass < 1000; pass++) {
        memcpy(prev, sec->growth, (n + 1) * sizeof *prev);
        int changed = 0;
        for (uint32_t i = 0; i < n; i++) {
            AsmVar *v = &sec->vars[i];
            uint64_t start = v->raw + sec->growth[i];
            int size = v->size;
            if (v->kind == VAR_ALIGN) {
                size = var_size_align(v, start);
            } else {
                int res = v->resolvable;
                uint64_t target = start;
                uint64_t from = start + (uint64_t)a->target->relax_fixed_bytes;
                if (!res || relax_target(sec, i, v, from, prev, region, &target))
                    size = a->target->relax_size(&v->relax, res, (int64_t)(target - start));
                if (size < v->size) size = v->size;   /* branches only grow */
            }
            if (size != v->size) changed = 1;
            v->size = size;
            sec->growth[i + 1] = sec->growth[i] + (uint64_t)size;
        }
        if (!changed) break;
    }
    free(prev);
    free(region);
    sec->size = sec->raw.len + sec->growth[n];
}

/* The final bytes are built in place: the raw buffer grows to the final size and each run of
 * fixed bytes moves right by the growth of the items before it (last run first, so nothing is
 * overwritten), then the items are written into the gaps.  No second copy of the section. */
static void build_section_bytes(Assembler *a, AsmSection *sec) {
    if (sec->type == SHT_NOBITS) return;
    Buf *b = &sec->raw;
    uint32_t n = sec->nvars;
    if (n) {
        buf_reserve(b, (size_t)(sec->size - b->len));
        size_t run_end = b->len;
        for (uint32_t i = n; i-- > 0;) {
            AsmVar *v = &sec->vars[i];
            uint64_t shift = sec->growth[i + 1];
            if (shift && run_end > v->raw)
                memmove(b->data + v->raw + shift, b->data + v->raw, run_end - v->raw);
            run_end = v->raw;
        }
        b->len = (size_t)sec->size;
    }
    for (uint32_t i = 0; i < n; i++) {
        AsmVar *v = &sec->vars[i];
        uint64_t at = v->raw + sec->growth[i];
        uint8_t *out = b->data + at;
        if (v->kind == VAR_ALIGN) {
            if (v->fill_code) a->target->fill_code(out, (size_t)v->size);
            else memset(out, v->fill, (size_t)v->size);
        } else {
            memset(out, 0, (size_t)v->size);
            int res = v->resolvable;
            int64_t dist = 0;
            if (res)
                dist = asm_add(v->relax.target.addend,
                               (int64_t)(symbol_offset(v->relax.target.sym) - at));
            v->relax.size = v->size;
            a->target->relax_write(a, &v->relax, out, res, dist, sec, at);
        }
    }
    sec->data = *b;
    memset(b, 0, sizeof *b);
}

/* ---- symbols' final values ---- */
/* Final offset of a label (valid once its section is laid out); temporaries such as "."
 * are not in the symbol list, so values are computed on demand. */
static uint64_t label_value(const AsmSymbol *s) {
    if (s->order >= 0 || s->is_section) return s->value;   /* listed: set by asm_finish */
    return s->defined && s->section ? symbol_offset(s) : s->value;
}


/* Reduces an expression to sym + addend over final values; returns -1 after an error. */
static int reduce_expr(AsmExpr *x, SrcLoc loc) {
    for (int depth = 0; x->sym && x->sym->is_equated; depth++) {
        if (depth > 100) {
            error_at(loc, "symbol '%s' is defined in terms of itself", x->sym->name);
            return -1;
        }
        AsmSymbol *s = x->sym;
        if (s->equated.op) {   /* .set n, (a - b) / 4: usable alone, not inside more */
            if (x->addend || x->sub || x->op) {
                error_at(loc, "expression with '%s' is too complex", s->name);
                return -1;
            }
            *x = s->equated;
            continue;
        }
        x->addend = asm_add(x->addend, s->equated.addend);
        x->sym = s->equated.sym;
        if (!x->sub) x->sub = s->equated.sub;
    }
    if (x->sub) {
        AsmSymbol *sub = x->sub;
        if (sub->is_equated && !sub->equated.sym) {
            x->addend = asm_add(x->addend, asm_neg(sub->equated.addend));
            x->sub = NULL;
        } else if (!sub->defined) {
            error_at(loc, "can't resolve '%s' - '%s': '%s' is undefined",
                     x->sym ? x->sym->name : "0", sub->name, sub->name);
            return -1;
        } else if (x->sym && x->sym->defined && x->sym->section == sub->section) {
            x->addend = asm_add(x->addend, (int64_t)(label_value(x->sym) - label_value(sub)));
            x->sym = NULL;
            x->sub = NULL;
        }
    }
    if (x->op) {   /* the operation waiting for the layout */
        if (x->sym || x->sub) {
            error_at(loc, "can't resolve '%s' - '%s' to a constant for '%c'",
                     x->sym ? x->sym->name : "0", x->sub ? x->sub->name : "0", x->op);
            return -1;
        }
        asm_eval_binary(x->op, x->addend, x->rhs, &x->addend);
        x->op = 0;
    }
    return 0;
}

static void add_reloc(AsmSection *sec, uint64_t offset, int type, AsmSymbol *sym, int64_t addend) {
    if (sec->nrelocs == sec->cap_relocs) {
        sec->cap_relocs = sec->cap_relocs ? sec->cap_relocs * 2 : 64;
        sec->relocs = xrealloc(sec->relocs, sec->cap_relocs * sizeof *sec->relocs);
    }
    AsmReloc r = { offset, type, sym, addend };
    sec->relocs[sec->nrelocs++] = r;
    if (sym) sym->in_reloc = 1;
}

/* Data directives are patched here (little-endian, truncation checked like GNU as);
 * instruction fields by the target. */
static int apply_resolved(Assembler *a, const AsmFixup *f, uint8_t *field, int64_t value) {
    if (!f->is_data) return a->target->apply_fixup(a, f, field, value);
    if (f->size < 8) {
        int64_t lo = -((int64_t)1 << (8 * f->size - 1)), hi = ((int64_t)1 << (8 * f->size)) - 1;
        if (value < lo || value > hi) {
            error_at(f->loc, "value %lld does not fit in %d bytes", (long long)value, f->size);
            return -1;
        }
    }
    for (int i = 0; i < f->size; i++) field[i] = (uint8_t)((uint64_t)value >> (8 * i));
    return 0;
}

static int process_fixup(Assembler *a, const Fixup *fx) {
    AsmSection *sec = fx->section;
    AsmFixup fixup = { sec, fx->raw + sec->growth[fx->nvar], fx->reloc_type, fx->size, fx->pcrel,
                       fx->expr, { a->file_name, fx->line, fx->col, NULL, 0 }, fx->raw, fx->nvar,
                       fx->is_data };
    const AsmFixup *f = &fixup;
    AsmExpr x = f->expr;
    if (reduce_expr(&x, f->loc)) return -1;
    uint8_t *field = sec->type == SHT_NOBITS ? NULL : sec->data.data + f->offset;
    int pcrel = f->pcrel;
    int type = f->reloc_type;
    if (x.sub) {
        /* sym - here_in_this_section: becomes a pc-relative relocation */
        if (!x.sub->defined || x.sub->section != sec || !x.sym || pcrel) {
            error_at(f->loc, "can't resolve '%s' - '%s' (different sections)",
                     x.sym ? x.sym->name : "0", x.sub->name);
            return -1;
        }
        int t = a->target->data_reloc ? a->target->data_reloc(f->size, 1) : -1;
        if (t < 0) {
            error_at(f->loc, "cannot represent a %d-byte pc-relative relocation", f->size);
            return -1;
        }
        x.addend = asm_add(x.addend, (int64_t)(f->offset - label_value(x.sub)));
        x.sub = NULL;
        pcrel = 1;
        type = t;
    }
    if (!field) {
        error_at(f->loc, "relocation in a section without contents");
        return -1;
    }
    AsmSymbol *s = x.sym;
    if (!s) {
        if (pcrel) {
            error_at(f->loc, "pc-relative reference to an absolute address is not supported");
            return -1;
        }
        return apply_resolved(a, f, field, x.addend);
    }
    if (s->defined && s->binding == BIND_LOCAL && !s->is_common) {
        if (pcrel && s->section == sec)
            return apply_resolved(a, f, field,
                                  asm_add(x.addend, (int64_t)(label_value(s) - f->offset)));
        /* GNU as converts a local symbol to its section symbol unless the target needs the
         * symbol itself, or it lies in a mergeable section with a non-zero offset. */
        int keep = a->target->keep_local_symbol && a->target->keep_local_symbol(f, s);
        if ((s->section->flags & SHF_MERGE) && x.addend != 0) keep = 1;
        if (s->is_section) keep = 1;
        if (!keep) {
            x.addend = asm_add(x.addend, (int64_t)label_value(s));
            s = s->section->symbol;
            if (type == a->plt_reloc) type = a->pc_reloc;
        }
    }
    if (type < 0) {
        error_at(f->loc, "cannot represent this reference as a relocation");
        return -1;
    }
    if (!s->defined && s->temporary && !s->is_section && strchr(s->name, '\002')) {
        error_at(f->loc, "local label '%.*s' is not defined", (int)strcspn(s->name, "\002"),
                 s->name);
        return -1;
    }
    if (s->temporary && s->defined && !s->referenced && !s->is_section) {
        s->referenced = 1;   /* converted to a full symbol now (see asm_symbol_referenced) */
        s->order = a->order_counter++;
    }
    add_reloc(sec, f->offset, type, s, x.addend);
    return 0;
}

/* GNU as resolves fixups section by section (each section's relaxed branches last). */
static void process_fixups(Assembler *a) {
    size_t total = a->nfixups + a->nfinal;
    const Fixup **order = xmalloc((total + 1) * sizeof *order);
    size_t *start = xcalloc((size_t)a->nsections + 2, sizeof *start);
    for (size_t i = 0; i < a->nfixups; i++) start[a->fixups[i].section->index + 1]++;
    for (size_t i = 0; i < a->nfinal; i++) start[a->final_fixups[i].section->index + 1]++;
    for (int k = 0; k < a->nsections; k++) start[k + 1] += start[k];
    for (size_t i = 0; i < a->nfixups; i++) order[start[a->fixups[i].section->index]++] = &a->fixups[i];
    for (size_t i = 0; i < a->nfinal; i++)
        order[start[a->final_fixups[i].section->index]++] = &a->final_fixups[i];
    for (size_t i = 0; i < total; i++) process_fixup(a, order[i]);
    free(order);
    free(start);
}

/* Local commons go after all other .bss contents, as in GNU as's .bss subsection 1. */
static void place_local_commons(Assembler *a) {
    if (!a->nlcomm) return;
    a->cur = asm_section_get(a, ".bss", 0, 0, 0, NULL);
    for (size_t i = 0; i < a->nlcomm; i++) {
        LocalCommon *c = &a->lcomm[i];
        if (c->align > 1) asm_emit_align(a, (uint32_t)c->align, 1, 0, 0);
        c->sym->defined = 0;
        asm_define_label(a, c->sym, c->loc);
        buf_zero(&a->cur->raw, (size_t)c->size);
    }
}

/* Two mapping symbols of a section at the same address: the later one wins (GNU as's
 * check_mapping_symbols, for alignment padding that came out empty). */
static void drop_overlapping_mapping_symbols(Assembler *a) {
    if (!a->mapping_symbols) return;
    AsmSymbol **last = xcalloc((size_t)a->nsections + 1, sizeof *last);
    for (int i = 0; i < a->nsymbols; i++) {
        AsmSymbol *s = a->symbols[i];
        if (s->deleted || !s->is_mapping) continue;
        int k = 0;
        while (a->sections[k] != s->section) k++;
        if (last[k] && last[k]->value == s->value) last[k]->deleted = 1;
        last[k] = s;
    }
    free(last);
}

int asm_finish(Assembler *a) {
    place_local_commons(a);
    for (int i = 0; i < a->nsections; i++) a->sections[i]->index = i;   /* writer renumbers */
    for (int i = 0; i < a->nsections; i++) layout_section(a, a->sections[i]);
    /* final symbol values */
    for (int i = 0; i < a->nsymbols; i++) {
        AsmSymbol *s = a->symbols[i];
        if (s->defined && s->section && !s->is_section) s->value = symbol_offset(s);
    }
    for (int i = 0; i < a->nsymbols; i++) {
        AsmSymbol *s = a->symbols[i];
        if (!s->is_equated || s->is_absolute) continue;
        AsmExpr x = s->equated;
        if (reduce_expr(&x, asm_line_loc(a, s->set_line))) continue;
        if (x.sub) {
            error_at(asm_line_loc(a, s->set_line), "cannot resolve the value of '%s'", s->name);
            continue;
        }
        if (!x.sym) {
            s->is_absolute = 1;
            s->equated = (AsmExpr){ .addend = x.addend };   /* any pending operation is done */
            s->value = (uint64_t)x.addend;
        } else if (x.sym->defined && x.sym->section) {
            s->section = x.sym->section;
            s->value = x.sym->value + (uint64_t)x.addend;
            s->is_equated = 0;
            s->defined = 1;
        }
    }
    /* .set alias, sym: the alias takes sym's type and size (GNU as copies them) */
    for (int i = 0; i < a->nsymbols; i++) {
        AsmSymbol *s = a->symbols[i];
        AsmSymbol *t = s->alias_of;
        if (!t) continue;
        if (!s->type) s->type = t->type;
        if (!s->has_size && t->has_size) {
            s->has_size = 1;
            s->size = t->size;
            s->size_line = t->size_line;
        }
    }
    drop_overlapping_mapping_symbols(a);
    for (int i = 0; i < a->nsections; i++) build_section_bytes(a, a->sections[i]);
    process_fixups(a);
    free(a->fixups);
    free(a->final_fixups);
    a->fixups = a->final_fixups = NULL;
    /* sizes */
    for (int i = 0; i < a->nsymbols; i++) {
        AsmSymbol *s = a->symbols[i];
        if (!s->has_size) continue;
        AsmExpr x = s->size;
        if (reduce_expr(&x, asm_line_loc(a, s->size_line))) continue;
        if (x.sym || x.sub) {
            error_at(asm_line_loc(a, s->size_line), ".size expression for '%s' does not evaluate to a constant",
                     s->name);
            continue;
        }
        s->size_value = (uint64_t)x.addend;
    }
    return diag_error_count ? -1 : 0;
}

/* ---- lifecycle ---- */
/* Per-target conventions of GNU as's ELF output that are not about instructions. */
typedef struct ElfConventions {
    Target target;
    int mapping_symbols;        /* $x/$d mapping symbols (ARM ELF) */
    int keep_section_symbols;   /* section symbols even when no relocation uses them */
    int nop_fill;               /* an explicit alignment fill of this byte in code means NOPs */
    int plt_reloc, pc_reloc;    /* a PLT reloc moved to a section symbol becomes a PC one */
    int locals_on_use;          /* see asm_symbol_referenced */
} ElfConventions;
static const ElfConventions elf_conventions[] = {
    { TARGET_X86_64, 0, 0, 0x90, R_X86_64_PLT32, R_X86_64_PC32, 1 },
    { TARGET_AARCH64, 1, 1, -1, -1, -1, 0 },
};

static Assembler *assembler_new(const AsmTarget *t, const char *name) {
    Assembler *a = xcalloc(1, sizeof *a);
    a->target = t;
    a->next_line = 1;
    for (size_t i = 0; i < sizeof elf_conventions / sizeof *elf_conventions; i++) {
        if (elf_conventions[i].target == t->target) {
            a->mapping_symbols = elf_conventions[i].mapping_symbols;
            a->keep_section_symbols = elf_conventions[i].keep_section_symbols;
            a->nop_fill = elf_conventions[i].nop_fill;
            a->plt_reloc = elf_conventions[i].plt_reloc;
            a->pc_reloc = elf_conventions[i].pc_reloc;
            a->locals_on_use = elf_conventions[i].locals_on_use;
        }
    }
    a->file_name = name;
    a->cur = asm_section_get(a, ".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 0, NULL);
    asm_section_get(a, ".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 0, NULL);
    asm_section_get(a, ".bss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE, 0, NULL);
    a->prev = a->cur;
    return a;
}

static void assembler_free(Assembler *a) {
    for (int i = 0; i < a->nsections; i++) {
        AsmSection *s = a->sections[i];
        free(s->name);
        buf_free(&s->raw);
        buf_free(&s->data);
        free(s->vars);
        free(s->growth);
        free(s->relocs);
        free(s);
    }
    free(a->sections);
    for (ArenaBlock *b = a->arena, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a->symbols);
    for (AsmSymbol *t = a->temps, *next; t; t = next) {
        next = t->hash_next;
        free(t);
    }
    free(a->table.buckets);
    free(a->fixups);
    free(a->lcomm);
    if (a->file_symbol) {
        free(a->file_symbol->name);
        free(a->file_symbol);
    }
    free(a->final_fixups);
    buf_free(&a->comment);
    free(a->target_state);
    asm_forget_encodings(a);
    free(a);
}

/* The input text and how to let go of it once it is parsed. */
typedef struct Input {
    const char *text;
    size_t len;
    char *heap;                 /* owned copy (free), or NULL */
    void *map;                  /* owned mapping (munmap), or NULL */
    size_t map_len;
} Input;

static void input_release(Input *in) {
    free(in->heap);
    if (in->map) munmap(in->map, in->map_len);
    in->heap = NULL;
    in->map = NULL;
}

/* Parses the input, then releases it before layout so that the input and the object are
 * not both held at the peak; finishes and writes the object to out. */
static int assemble(Target t, const char *input_name, Input *in, Buf *out) {
    const AsmTarget *target = asm_target_for(t);
    if (!target || !target->encode) {
        error("no encoder for target '%s' in this build", target_name(t));
        input_release(in);
        return 1;
    }
    int errors_before = diag_error_count;
    Assembler *a = assembler_new(target, input_name);
    assemble_text(a, in->text, in->len, in->map);
    input_release(in);
    if (diag_error_count == errors_before) asm_finish(a);
    int failed = diag_error_count != errors_before;
    if (!failed) asm_write_elf(a, out);
    assembler_free(a);
    return failed ? 1 : 0;
}

int soxas_assemble_buf(Target t, const char *input_name, const char *text, size_t len, Buf *out) {
    Input in = { text, len, NULL, NULL, 0 };
    return assemble(t, input_name, &in, out);
}

struct SoxasStream {
    Assembler *a;
    int errors_before;
};

SoxasStream *soxas_stream_begin(Target t, const char *input_name) {
    const AsmTarget *target = asm_target_for(t);
    if (!target || !target->encode) {
        error("no encoder for target '%s' in this build", target_name(t));
        return NULL;
    }
    SoxasStream *s = xcalloc(1, sizeof *s);
    s->errors_before = diag_error_count;
    s->a = assembler_new(target, input_name);
    return s;
}

void soxas_stream_feed(SoxasStream *s, const char *text, size_t len) {
    assemble_text(s->a, text, len, NULL);
}

static int write_object(int rc, Buf *out, const char *output_path);

int soxas_stream_end(SoxasStream *s, const char *output_path) {
    Assembler *a = s->a;
    if (!output_path) {
        assembler_free(a);
        free(s);
        return 1;
    }
    if (diag_error_count == s->errors_before) asm_finish(a);
    int failed = diag_error_count != s->errors_before;
    Buf out = {0};
    if (!failed) asm_write_elf(a, &out);
    assembler_free(a);
    free(s);
    return write_object(failed, &out, output_path);
}

static int write_object(int rc, Buf *out, const char *output_path) {
    if (rc == 0 && write_file_atomic(output_path, out->data, out->len, 0) != 0) rc = 1;
    buf_free(out);
    return rc;
}

int soxas_assemble(Target t, const char *input_name, const char *text, size_t len,
                   const char *output_path) {
    Buf out = {0};
    Input in = { text, len, NULL, NULL, 0 };
    return write_object(assemble(t, input_name, &in, &out), &out, output_path);
}

/* A regular file is mapped (no copy, and its pages are shared with the page cache); anything
 * else (stdin, a pipe) is read into memory by read_file. */
static int open_input(const char *path, Input *in) {
    memset(in, 0, sizeof *in);
    struct stat st;
    int fd = strcmp(path, "-") ? open(path, O_RDONLY) : -1;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        close(fd);
        if (m != MAP_FAILED) {
            madvise(m, (size_t)st.st_size, MADV_SEQUENTIAL);
            in->map = m;
            in->map_len = (size_t)st.st_size;
            in->text = m;
            in->len = (size_t)st.st_size;
            return 0;
        }
    } else if (fd >= 0) {
        close(fd);
    }
    in->heap = read_file(path, &in->len);
    in->text = in->heap;
    return in->heap ? 0 : -1;
}

int soxas_assemble_file(Target t, const char *input_path, const char *output_path) {
    Input in;
    if (open_input(input_path, &in)) return 1;
    Buf out = {0};
    const char *name = strcmp(input_path, "-") ? input_path : "<stdin>";
    return write_object(assemble(t, name, &in, &out), &out, output_path);
}
