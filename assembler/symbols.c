/* symbols.c — symbol table (open hashing), numeric local labels and sections. */
#include <string.h>
#include <stdio.h>
#include "assembler/asm_internal.h"

/* FNV-1a of the name without its trailing digits, plus their value: compilers number their
 * labels (.L123, .LL124, ...) and refer to nearby numbers, so a program's lookups then fall
 * on neighbouring buckets and stay in the cache, where a hash of the whole name would send
 * each to a random one of millions (most of the assembler's time on big inputs). */
static uint32_t hash_name(const char *s, size_t n) {
    size_t stem = n;
    while (stem > 0 && s[stem - 1] >= '0' && s[stem - 1] <= '9') stem--;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < stem; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
    uint32_t number = 0;
    for (size_t i = stem; i < n; i++) number = number * 10 + (uint32_t)(s[i] - '0');
    return h + number;
}

static void table_grow(SymTable *t) {
    size_t n = t->nbuckets ? t->nbuckets * 2 : 1024;
    AsmSymbol **b = xcalloc(n, sizeof *b);
    for (size_t i = 0; i < t->nbuckets; i++) {
        for (AsmSymbol *s = t->buckets[i], *next; s; s = next) {
            next = s->hash_next;
            s->hash_next = b[s->hash & (n - 1)];
            b[s->hash & (n - 1)] = s;
        }
    }
    free(t->buckets);
    t->buckets = b;
    t->nbuckets = n;
}

/* Symbols and their names come from an arena: one malloc per 64 KiB, not two per symbol. */
static void *arena_alloc(Assembler *a, size_t n) {
    n = (n + 7) & ~(size_t)7;
    if (!a->arena || a->arena->used + n > a->arena->size) {
        size_t size = n > 65536 - sizeof(ArenaBlock) ? n : 65536 - sizeof(ArenaBlock);
        ArenaBlock *b = xmalloc(sizeof(ArenaBlock) + size);
        b->next = a->arena;
        b->used = 0;
        b->size = size;
        a->arena = b;
    }
    void *p = a->arena->data + a->arena->used;
    a->arena->used += n;
    memset(p, 0, n);
    return p;
}

static AsmSymbol *symbol_new(Assembler *a, const char *name, size_t len) {
    AsmSymbol *s = arena_alloc(a, sizeof *s);
    s->name = arena_alloc(a, len + 1);
    memcpy(s->name, name, len);
    s->name_len = (uint32_t)len;
    s->order = a->order_counter++;
    if (a->nsymbols == a->cap_symbols) {
        a->cap_symbols = a->cap_symbols ? a->cap_symbols * 2 : 256;
        a->symbols = xrealloc(a->symbols, a->cap_symbols * sizeof *a->symbols);
    }
    a->symbols[a->nsymbols++] = s;
    return s;
}

AsmSymbol *asm_symbol_find(Assembler *a, const char *name, size_t len) {
    a->symbol_uses++;
    if (!a->table.nbuckets) return NULL;
    uint32_t h = hash_name(name, len);
    for (AsmSymbol *s = a->table.buckets[h & (a->table.nbuckets - 1)]; s; s = s->hash_next)
        if (s->hash == h && s->name_len == len && !memcmp(s->name, name, len)) return s;
    return NULL;
}

AsmSymbol *asm_symbol_get(Assembler *a, const char *name, size_t len) {
    AsmSymbol *s = asm_symbol_find(a, name, len);
    if (s) return s;
    if (a->table.count * 2 >= a->table.nbuckets) table_grow(&a->table);
    s = symbol_new(a, name, len);
    s->hash = hash_name(name, len);
    s->hash_next = a->table.buckets[s->hash & (a->table.nbuckets - 1)];
    a->table.buckets[s->hash & (a->table.nbuckets - 1)] = s;
    a->table.count++;
    /* GNU as drops .L symbols from the symbol table unless a relocation needs them. */
    s->temporary = len >= 2 && name[0] == '.' && name[1] == 'L';
    return s;
}

/* GNU as (symbol_clone): a symbol .set again keeps its old definition for the uses so far;
 * the name moves to a fresh copy that takes the symbol's place in the symbol list. */
AsmSymbol *asm_symbol_renew(Assembler *a, AsmSymbol *s) {
    AsmSymbol *fresh = arena_alloc(a, sizeof *fresh);
    *fresh = *s;
    AsmSymbol **link = &a->table.buckets[s->hash & (a->table.nbuckets - 1)];
    while (*link != s) link = &(*link)->hash_next;
    *link = fresh;
    for (int i = a->nsymbols; i-- > 0;)
        if (a->symbols[i] == s) {
            a->symbols[i] = fresh;
            break;
        }
    s->deleted = 1;
    s->order = -1;   /* off the list: its value is computed where it is used */
    return fresh;
}

static void place_here(Assembler *a, AsmSymbol *s) {
    s->section = a->cur;
    s->raw = (uint32_t)a->cur->raw.len;
    s->nvar = a->cur->nvars;
    s->defined = 1;
}

/* GNU as keeps a .L label defined before any use out of its symbol list (a "local symbol")
 * until it is converted: on x86 by any expression that uses it, on AArch64 only when a
 * relocation needs it while the object is written. In .symtab such labels sit at that point. */
void asm_symbol_referenced(Assembler *a, AsmSymbol *s) {
    if (!s->temporary || s->referenced || s->is_section) return;
    if (!s->defined) {
        s->referenced = 1;   /* created by this forward reference: a full symbol already */
    } else if (a->locals_on_use) {
        s->referenced = 1;
        s->order = a->order_counter++;
    }
}

AsmSymbol *asm_symbol_temp(Assembler *a) {
    a->symbol_uses++;
    AsmSymbol *s = xcalloc(1, sizeof *s);
    s->name = "";
    s->order = -1;
    s->temporary = 1;
    place_here(a, s);
    s->hash_next = a->temps;
    a->temps = s;
    return s;
}

void asm_define_label(Assembler *a, AsmSymbol *s, SrcLoc loc) {
    if (s->defined || s->is_common) {
        error_at(loc, "symbol '%s' is already defined", s->name);
        return;
    }
    place_here(a, s);
}

/* Numeric local labels: the k-th definition of "n:" is the symbol "n\002k" (never emitted).
 * nb refers to definition count[n], nf to count[n] + 1. */
static AsmSymbol *numeric_symbol(Assembler *a, int n, int instance) {
    char name[32];
    int len = snprintf(name, sizeof name, "%d\002%d", n, instance);
    AsmSymbol *s = asm_symbol_get(a, name, (size_t)len);
    s->temporary = 1;
    return s;
}

AsmSymbol *asm_numeric_label_ref(Assembler *a, int n, int forward) {
    int k = a->local_label_count[n];
    if (!forward && k == 0) return NULL;
    return numeric_symbol(a, n, forward ? k + 1 : k);
}

void asm_numeric_label_define(Assembler *a, int n, SrcLoc loc) {
    AsmSymbol *s = numeric_symbol(a, n, ++a->local_label_count[n]);
    asm_define_label(a, s, loc);
}

/* ---- mapping symbols (GNU as's tc-aarch64 mapping_state) ---- */
static void make_mapping_symbol(Assembler *a, int state, uint32_t raw, uint32_t nvar) {
    AsmSection *sec = a->cur;
    /* a new mapping symbol at the place of the previous one replaces it */
    if (sec->last_map && sec->last_map->raw == raw && sec->last_map->nvar == nvar)
        sec->last_map->deleted = 1;
    AsmSymbol *s = symbol_new(a, state == MAP_INSN ? "$x" : "$d", 2);
    s->section = sec;
    s->raw = raw;
    s->nvar = nvar;
    s->defined = 1;
    s->is_mapping = 1;
    sec->last_map = s;
}

static void mapping_state_at(Assembler *a, int state) {
    if (a->cur->map_state == state) return;
    a->cur->map_state = state;
    make_mapping_symbol(a, state, (uint32_t)a->cur->raw.len, a->cur->nvars);
}

void asm_mapping_state(Assembler *a, int state) {
    if (!a->mapping_symbols) return;
    AsmSection *sec = a->cur;
    int code = (sec->flags & SHF_EXECINSTR) != 0;
    if (sec->map_state == state) return;
    if (sec->map_state == MAP_UNDEFINED && state == MAP_DATA && !code) return;
    if (sec->map_state == MAP_UNDEFINED && state == MAP_INSN && (sec->raw.len || sec->nvars)) {
        sec->map_state = MAP_DATA;
        make_mapping_symbol(a, MAP_DATA, 0, 0);
    }
    mapping_state_at(a, state);
}

/* .zero/.skip/.space make a fill frag: a data mapping symbol even outside code. */
void asm_mapping_fill(Assembler *a) {
    if (a->mapping_symbols) mapping_state_at(a, MAP_DATA);
}

/* Alignment frags get a mapping symbol of the section's kind at the padding's start. */
void asm_mapping_align(Assembler *a) {
    if (!a->mapping_symbols) return;
    mapping_state_at(a, (a->cur->flags & SHF_EXECINSTR) ? MAP_INSN : MAP_DATA);
}

/* ---- accessors of asm.h ---- */
const char *asm_symbol_name(const AsmSymbol *s) { return s->name; }
int asm_symbol_is_defined(const AsmSymbol *s) { return s->defined || s->is_equated; }
int asm_symbol_is_global(const AsmSymbol *s) { return s->binding != BIND_LOCAL; }
int asm_symbol_is_weak(const AsmSymbol *s) { return s->binding == BIND_WEAK; }
int asm_symbol_visibility(const AsmSymbol *s) { return s->visibility; }
AsmSection *asm_symbol_section(const AsmSymbol *s) { return s->defined ? s->section : NULL; }
void asm_symbol_keep(AsmSymbol *s) { s->kept = 1; }
int asm_section_flags_merge(const AsmSection *s) { return (s->flags & SHF_MERGE) != 0; }

/* ---- sections ---- */
AsmSection *asm_section_get(Assembler *a, const char *name, uint32_t type, uint64_t flags,
                            uint64_t entsize, int *created) {
    for (int i = 0; i < a->nsections; i++) {
        if (!strcmp(a->sections[i]->name, name)) {
            if (created) *created = 0;
            return a->sections[i];
        }
    }
    AsmSection *s = xcalloc(1, sizeof *s);
    s->name = xstrdup(name);
    s->type = type;
    s->flags = flags;
    s->entsize = entsize;
    s->align = 1;
    if (a->nsections == a->cap_sections) {
        a->cap_sections = a->cap_sections ? a->cap_sections * 2 : 16;
        a->sections = xrealloc(a->sections, a->cap_sections * sizeof *a->sections);
    }
    a->sections[a->nsections++] = s;
    /* The section symbol is created with the section (GNU as's order in .symtab). */
    AsmSymbol *sym = symbol_new(a, name, strlen(name));
    sym->is_section = 1;
    sym->temporary = 1;
    sym->defined = 1;
    sym->section = s;
    sym->type = STT_SECTION;
    s->symbol = sym;
    if (created) *created = 1;
    return s;
}

void asm_set_section(Assembler *a, AsmSection *s) {
    if (s != a->cur) a->prev = a->cur;
    a->cur = s;
}
