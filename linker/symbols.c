/* symbols.c — the global symbol table and symbol resolution.
 *
 * One Symbol per global name, in an open-addressing hash table.  Resolution follows ld:
 *   - a non-weak definition beats a weak one and a COMMON; two non-weak ones are an error;
 *   - COMMONs merge (largest size, strictest alignment) and beat weak definitions;
 *   - undefined references only record who asked (archive members are pulled for non-weak ones).
 * Local symbols never enter the table: relocations against them are resolved per file. */
#include "linker/ld.h"
#include "common/buf.h"
#include "common/diag.h"
#include <stdlib.h>
#include <string.h>

static uint64_t hash_name(const char *s) {
    uint64_t h = 0xcbf29ce484222325ull;           /* FNV-1a ... */
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 0x100000001b3ull;
    /* ... whose low bits (the table index) see only the low bits of each byte: mix. */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    return h ^ (h >> 33);
}

static void table_grow(Linker *ld) {
    size_t cap = ld->symtab_cap ? ld->symtab_cap * 2 : 4096;
    SymSlot *t = xcalloc(cap, sizeof *t);
    for (size_t i = 0; i < ld->symtab_cap; i++) {
        SymSlot slot = ld->symtab[i];
        if (!slot.sym)
            continue;
        size_t j = slot.hash & (cap - 1);
        while (t[j].sym)
            j = (j + 1) & (cap - 1);
        t[j] = slot;
    }
    free(ld->symtab);
    ld->symtab = t;
    ld->symtab_cap = cap;
}

static SymSlot *table_slot(Linker *ld, const char *name, uint64_t h) {
    size_t j = h & (ld->symtab_cap - 1);
    for (;; j = (j + 1) & (ld->symtab_cap - 1)) {
        SymSlot *slot = &ld->symtab[j];
        if (!slot->sym || (slot->hash == h && strcmp(slot->sym->name, name) == 0))
            return slot;
    }
}

Symbol *sym_lookup(Linker *ld, const char *name) {
    return ld->symtab_cap ? table_slot(ld, name, hash_name(name))->sym : NULL;
}

static Symbol *intern_hashed(Linker *ld, const char *name, uint64_t h) {
    if (2 * (ld->nsymbols + 1) > ld->symtab_cap)
        table_grow(ld);
    SymSlot *slot = table_slot(ld, name, h);
    if (!slot->sym) {
        Symbol *s = arena_alloc(&ld->arena, sizeof *s);
        s->name = name;
        s->hash = h;
        s->binding = STB_GLOBAL;
        *slot = (SymSlot){h, s};
        ld->nsymbols++;
        vec_push(&ld->symbol_order, s);
    }
    return slot->sym;
}

Symbol *sym_intern(Linker *ld, const char *name) { return intern_hashed(ld, name, hash_name(name)); }

InputSection *sym_section(const Symbol *s) {
    if (s->state != SYM_DEFINED || s->shndx == SHN_ABS)
        return NULL;
    return &s->file->sections[s->shndx];
}

uint64_t sym_address(const ObjFile *f, uint32_t symidx) {
    const Symbol *g = f->symbols[symidx];
    if (g)
        return g->addr;
    Elf64_Sym s = obj_sym(f, symidx);
    if (s.st_shndx == SHN_ABS)
        return s.st_value;
    if (s.st_shndx == SHN_UNDEF || s.st_shndx == SHN_COMMON)
        return 0;
    const InputSection *isec = &f->sections[s.st_shndx];
    return isec->out ? isec->out->addr + isec->offset + s.st_value : 0;
}

/* Where a symbol entry is defined, for "first defined here". */
static const char *definition_place(Linker *ld, ObjFile *f, uint32_t shndx, uint64_t value) {
    if (shndx == SHN_ABS || shndx == SHN_COMMON || shndx >= f->nsections)
        return f->name;
    return ld_place(ld, &f->sections[shndx], value);
}

static void define(Symbol *g, ObjFile *f, const Elf64_Sym *s) {
    g->state = s->st_shndx == SHN_COMMON ? SYM_COMMON : SYM_DEFINED;
    g->file = f;
    g->shndx = s->st_shndx;
    g->value = s->st_value;
    g->size = s->st_size;
    g->binding = ELF64_ST_BIND(s->st_info) == STB_WEAK ? STB_WEAK : STB_GLOBAL;
    g->type = ELF64_ST_TYPE(s->st_info);
}

static void resolve_common(Symbol *g, ObjFile *f, const Elf64_Sym *s) {
    if (g->state == SYM_COMMON) {
        if (s->st_size > g->size)
            g->size = s->st_size;
        if (s->st_value > g->value)
            g->value = s->st_value;
    } else if (g->state == SYM_UNDEF || g->binding == STB_WEAK) {
        define(g, f, s);
    }
}

static void resolve_definition(Linker *ld, Symbol *g, ObjFile *f, const Elf64_Sym *s) {
    int weak = ELF64_ST_BIND(s->st_info) == STB_WEAK;
    if (g->state == SYM_UNDEF || (g->state == SYM_COMMON && !weak) ||
        (g->state == SYM_DEFINED && g->binding == STB_WEAK && !weak)) {
        define(g, f, s);
    } else if (g->state == SYM_DEFINED && g->binding != STB_WEAK && !weak) {
        error_in(definition_place(ld, f, s->st_shndx, s->st_value),
                 "multiple definition of '%s'; %s: first defined here", g->name,
                 definition_place(ld, g->file, g->shndx, g->value));
    }
}

static void resolve(Linker *ld, Symbol *g, ObjFile *f, const Elf64_Sym *s) {
    unsigned vis = ELF64_ST_VISIBILITY(s->st_other);
    if (vis != STV_DEFAULT && (g->visibility == STV_DEFAULT || vis < g->visibility))
        g->visibility = (uint8_t)vis;   /* the most constraining wins */
    if (s->st_shndx == SHN_UNDEF) {
        if (ELF64_ST_BIND(s->st_info) != STB_WEAK)
            g->strong_ref = 1;
        if (!g->ref_file)
            g->ref_file = f;
    } else if (s->st_shndx == SHN_COMMON) {
        resolve_common(g, f, s);
    } else {
        resolve_definition(ld, g, f, s);
    }
}

/* Hashes every global name of f and prefetches its table slot before any lookup, so the
 * cache misses of a big table overlap instead of queueing one after another. */
static uint64_t *hash_globals(Linker *ld, ObjFile *f) {
    uint64_t *hashes = xmalloc((size_t)f->nsyms * sizeof *hashes);
    while (2 * (ld->nsymbols + f->nsyms - f->first_global + 1) > ld->symtab_cap)
        table_grow(ld);
    for (uint32_t i = f->first_global; i < f->nsyms; i++) {
        hashes[i] = hash_name(f->strtab + obj_sym(f, i).st_name);
        __builtin_prefetch(&ld->symtab[hashes[i] & (ld->symtab_cap - 1)]);
    }
    return hashes;
}

void sym_add_object(Linker *ld, ObjFile *f) {
    f->index = (int)ld->files.len;
    vec_push(&ld->files, f);
    ld_trace(ld, "%s", f->name);
    uint64_t *hashes = hash_globals(ld, f);
    for (uint32_t i = 1; i < f->nsyms; i++) {
        Elf64_Sym s = obj_sym(f, i);
        if (ELF64_ST_BIND(s.st_info) == STB_LOCAL)
            continue;
        const char *name = f->strtab + s.st_name;
        Symbol *g = intern_hashed(ld, name, i >= f->first_global ? hashes[i] : hash_name(name));
        f->symbols[i] = g;
        resolve(ld, g, f, &s);
    }
    free(hashes);
}

static void load_member(Linker *ld, ArMember *m) {
    ObjFile *f = m->parsed ? m->parsed : obj_parse(ld, m->name, m->data, m->size);
    m->loaded = f ? f : (ObjFile *)m;   /* a broken member is tried once */
    if (f)
        sym_add_object(ld, f);
}

/* Like ld: an archive serves the references that are open when it is reached, rescanned until
 * pulling members opens no new one (members may need each other in any order). */
void sym_load_archive(Linker *ld, Archive *ar) {
    for (size_t i = 0; i < ar->nindex; i++)
        ar->index[i].sym = sym_intern(ld, ar->index[i].name);
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < ar->nindex; i++) {
            ArIndexEntry *e = &ar->index[i];
            if (e->member->loaded || e->sym->state != SYM_UNDEF || !e->sym->strong_ref)
                continue;
            load_member(ld, e->member);
            changed = 1;
        }
    }
}
