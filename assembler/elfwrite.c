/* elfwrite.c — writes the assembled sections, symbols and relocations as an ELF64 ET_REL
 * object laid out like GNU as's: contents in section order, then .symtab, .strtab, the
 * .rela sections, .shstrtab and the section header table. */
#include <string.h>
#include "assembler/asm_internal.h"

/* String tables with exact and tail sharing (".text" lives inside ".rela.text"), which is what
 * BFD does, so .strtab/.shstrtab sizes match GNU as's. Strings are added first, then laid
 * out by strtab_finish; strtab_offset gives each one's final offset. */
typedef struct StrTab {
    const char **strs;
    uint32_t *offsets;
    size_t n, cap;
    Buf b;
} StrTab;

static size_t strtab_add(StrTab *t, const char *s) {
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 64;
        t->strs = xrealloc(t->strs, t->cap * sizeof *t->strs);
    }
    t->strs[t->n] = s;
    return t->n++;
}

static int reversed_cmp(const char *a, size_t la, const char *b, size_t lb) {
    while (la && lb) {
        unsigned char ca = (unsigned char)a[--la], cb = (unsigned char)b[--lb];
        if (ca != cb) return ca < cb ? -1 : 1;
    }
    return la ? 1 : lb ? -1 : 0;
}

static const StrTab *sort_table;
static int by_reversed(const void *x, const void *y) {
    const char *a = sort_table->strs[*(const size_t *)x], *b = sort_table->strs[*(const size_t *)y];
    int c = reversed_cmp(a, strlen(a), b, strlen(b));
    if (c) return c;
    /* equal strings: the first one added sorts last, so that it hosts the others and the
     * string sits where it was first used (BFD keeps one entry per distinct string) */
    return *(const size_t *)x > *(const size_t *)y ? -1 : *(const size_t *)x < *(const size_t *)y;
}

static void strtab_finish(StrTab *t) {
    size_t *order = xmalloc((t->n + 1) * sizeof *order);
    size_t *host = xmalloc((t->n + 1) * sizeof *host);
    t->offsets = xcalloc(t->n + 1, sizeof *t->offsets);
    for (size_t i = 0; i < t->n; i++) order[i] = i;
    sort_table = t;
    qsort(order, t->n, sizeof *order, by_reversed);
    /* in reversed order a string that is a suffix of another sorts just before it */
    for (size_t k = t->n; k-- > 0;) {
        size_t i = order[k];
        host[i] = i;
        if (k + 1 < t->n) {
            const char *a = t->strs[i], *b = t->strs[order[k + 1]];
            size_t la = strlen(a), lb = strlen(b);
            if (la <= lb && !memcmp(b + lb - la, a, la)) host[i] = host[order[k + 1]];
        }
    }
    buf_u8(&t->b, 0);
    for (size_t i = 0; i < t->n; i++) {
        if (host[i] != i || !*t->strs[i]) continue;
        t->offsets[i] = (uint32_t)t->b.len;
        buf_append(&t->b, t->strs[i], strlen(t->strs[i]) + 1);
    }
    for (size_t i = 0; i < t->n; i++) {
        if (host[i] == i || !*t->strs[i]) continue;
        size_t h = host[i];
        t->offsets[i] = t->offsets[h] + (uint32_t)(strlen(t->strs[h]) - strlen(t->strs[i]));
    }
    free(order);
    free(host);
}

static void strtab_free(StrTab *t) {
    free(t->strs);
    free(t->offsets);
    buf_free(&t->b);
}

/* Which symbols GNU as writes: section symbols that relocations use, named locals, .L locals
 * that relocations need, and every global/weak/undefined symbol that is referenced. */
static int symbol_emitted(const Assembler *a, const AsmSymbol *s) {
    if (s->deleted) return 0;
    if (s->is_section) return s->in_reloc || a->keep_section_symbols;
    if (s->order < 0) return 0;
    if (s->binding != BIND_LOCAL || s->is_common) return s->defined || s->is_common || s->in_reloc || s->explicit_binding;
    if (!s->defined && !s->is_equated) return s->in_reloc || s->kept;   /* undefined: global */
    if (s->is_equated && !s->is_absolute) return 0;
    return !s->temporary || s->in_reloc;
}

static int symbol_is_local(const AsmSymbol *s) {
    return s->binding == BIND_LOCAL && !s->is_common && (s->defined || s->is_equated);
}

static void put_sym(Buf *b, uint32_t name, int bind, int type, int other, uint16_t shndx,
                    uint64_t value, uint64_t size) {
    Elf64_Sym s = { name, (unsigned char)ELF64_ST_INFO(bind, type), (unsigned char)other, shndx,
                    value, size };
    buf_append(b, &s, sizeof s);
}

static void write_symbol(Buf *symtab, uint32_t name, AsmSymbol *s) {
    int bind = s->binding == BIND_WEAK ? STB_WEAK : symbol_is_local(s) ? STB_LOCAL : STB_GLOBAL;
    uint16_t shndx;
    uint64_t value = s->value;
    if (s->is_common) {
        shndx = SHN_COMMON;
        value = s->common_align;
    } else if (s->is_equated && s->is_absolute) {
        shndx = SHN_ABS;
        value = (uint64_t)s->equated.addend;
    } else if (s->defined && s->section) {
        shndx = (uint16_t)s->section->index;
    } else {
        shndx = SHN_UNDEF;
        value = 0;
    }
    int type = s->type;
    /* symbols of thread-local sections are TLS symbols, as GNU as makes them */
    if (!type && s->defined && s->section && (s->section->flags & SHF_TLS) && !s->is_section)
        type = STT_TLS;
    put_sym(symtab, s->is_section ? 0 : name, bind, type, s->visibility, shndx,
            s->is_section ? 0 : value, s->size_value);
}

static void put_shdr(Buf *b, uint32_t name, uint32_t type, uint64_t flags, uint64_t offset,
                     uint64_t size, uint32_t link, uint32_t info, uint64_t align, uint64_t entsize) {
    Elf64_Shdr h = { name, type, flags, 0, offset, size, link, info, align, entsize };
    buf_append(b, &h, sizeof h);
}

/* BFD gives pointer arrays their element size even when .section names none. */
static uint64_t section_entsize(const AsmSection *s) {
    int array = s->type == SHT_INIT_ARRAY || s->type == SHT_FINI_ARRAY ||
                s->type == SHT_PREINIT_ARRAY;
    return s->entsize || !array ? s->entsize : 8;
}

static void pad_to(Buf *out, size_t base, uint64_t align) {
    while (align > 1 && (out->len - base) % align) buf_u8(out, 0);
}

static int by_order(const void *x, const void *y) {
    int a = (*(AsmSymbol *const *)x)->order, b = (*(AsmSymbol *const *)y)->order;
    return (a > b) - (a < b);
}

/* Symbols in .symtab order: the file symbol, then locals, then globals, each group in
 * creation order (GNU as's). Returns the count; *first_global is the index after the locals.
 * Orders are distinct numbers below order_counter (but for the few placed last on purpose),
 * so symbols are placed by order directly. */
static AsmSymbol **ordered_symbols(Assembler *a, int *count, int *first_global) {
    AsmSymbol **list = xmalloc(((size_t)a->nsymbols + 1) * sizeof *list);
    size_t slots = (size_t)a->order_counter + 1;
    AsmSymbol **slot = xcalloc(slots, sizeof *slot);
    AsmSymbol **sorted = xmalloc(((size_t)a->nsymbols + 1) * sizeof *sorted);
    int nsorted = 0, nlate = 0;
    for (int i = 0; i < a->nsymbols; i++) {
        AsmSymbol *s = a->symbols[i];
        if (s->order >= 0 && (size_t)s->order < slots) slot[s->order] = s;
        else if (s->order >= 0) sorted[a->nsymbols - ++nlate] = s;   /* placed last on purpose */
    }
    for (size_t k = 0; k < slots; k++)
        if (slot[k]) sorted[nsorted++] = slot[k];
    free(slot);
    qsort(sorted + a->nsymbols - nlate, (size_t)nlate, sizeof *sorted, by_order);
    memmove(sorted + nsorted, sorted + a->nsymbols - nlate, (size_t)nlate * sizeof *sorted);
    nsorted += nlate;
    int n = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < nsorted; i++) {
            AsmSymbol *s = sorted[i];
            if (symbol_emitted(a, s) && symbol_is_local(s) == (pass == 0)) list[n++] = s;
        }
        if (pass == 0) *first_global = n + 1 + (a->file_symbol != NULL);
    }
    free(sorted);
    *count = n;
    return list;
}

void asm_write_elf(Assembler *a, Buf *out) {
    /* section indices: each section followed by its .rela */
    int index = 1;
    for (int i = 0; i < a->nsections; i++) {
        AsmSection *s = a->sections[i];
        s->index = index++;
        s->rela_index = s->nrelocs ? index++ : 0;
    }
    /* symbol and section names; GNU as writes no .symtab/.strtab when there is no symbol */
    int nsyms, first_global = 0;
    AsmSymbol **syms = ordered_symbols(a, &nsyms, &first_global);
    int has_symtab = nsyms > 0 || a->file_symbol;
    int symtab_index = has_symtab ? index++ : 0, strtab_index = has_symtab ? index++ : 0;
    int shstrtab_index = index++;
    StrTab strtab = {0};
    size_t file_name = a->file_symbol ? strtab_add(&strtab, a->file_symbol->name) : 0;
    size_t *sym_names = xmalloc(((size_t)nsyms + 1) * sizeof *sym_names);
    for (int i = 0; i < nsyms; i++)
        sym_names[i] = syms[i]->is_section ? 0 : strtab_add(&strtab, syms[i]->name);
    strtab_finish(&strtab);
    StrTab shstr = {0};
    size_t *names = xcalloc((size_t)a->nsections * 2 + 1, sizeof *names);
    char **rela_names = xcalloc((size_t)a->nsections + 1, sizeof *rela_names);
    size_t symtab_name = has_symtab ? strtab_add(&shstr, ".symtab") : 0;
    size_t strtab_name = has_symtab ? strtab_add(&shstr, ".strtab") : 0;
    size_t shstrtab_name = strtab_add(&shstr, ".shstrtab");
    for (int i = 0; i < a->nsections; i++) {
        AsmSection *s = a->sections[i];
        names[2 * i] = strtab_add(&shstr, s->name);
        if (s->nrelocs) {
            rela_names[i] = xformat(".rela%s", s->name);
            names[2 * i + 1] = strtab_add(&shstr, rela_names[i]);
        }
    }
    strtab_finish(&shstr);

    Buf symtab = {0};
    put_sym(&symtab, 0, 0, 0, 0, 0, 0, 0);
    int next_index = 1;
    if (a->file_symbol) {
        put_sym(&symtab, strtab.offsets[file_name], STB_LOCAL, STT_FILE, 0, SHN_ABS, 0, 0);
        next_index++;
    }
    for (int i = 0; i < nsyms; i++) {
        syms[i]->symtab_index = next_index++;
        write_symbol(&symtab, strtab.offsets[sym_names[i]], syms[i]);
    }

    Elf64_Ehdr eh = {0};
    memcpy(eh.e_ident, ELFMAG, SELFMAG);
    eh.e_ident[EI_CLASS] = ELFCLASS64;
    eh.e_ident[EI_DATA] = ELFDATA2LSB;
    eh.e_ident[EI_VERSION] = EV_CURRENT;
    eh.e_ident[EI_OSABI] = ELFOSABI_NONE;
    eh.e_type = ET_REL;
    eh.e_machine = (uint16_t)target_elf_machine(a->target->target);
    eh.e_version = EV_CURRENT;
    eh.e_ehsize = sizeof(Elf64_Ehdr);
    eh.e_shentsize = sizeof(Elf64_Shdr);
    eh.e_shnum = (uint16_t)(shstrtab_index + 1);
    eh.e_shstrndx = (uint16_t)shstrtab_index;
    size_t need = sizeof eh + symtab.len + strtab.b.len + shstr.b.len + 64 +
                  ((size_t)a->nsections * 2 + 4) * sizeof(Elf64_Shdr);
    for (int i = 0; i < a->nsections; i++)
        need += a->sections[i]->data.len + a->sections[i]->align + a->sections[i]->nrelocs * sizeof(Elf64_Rela) + 8;
    buf_reserve(out, need);   /* one allocation for the whole object */
    size_t base = out->len;
    buf_append(out, &eh, sizeof eh);

    uint64_t *offsets = xcalloc((size_t)a->nsections + 1, sizeof *offsets);
    uint64_t *rela_offsets = xcalloc((size_t)a->nsections + 1, sizeof *rela_offsets);
    for (int i = 0; i < a->nsections; i++) {
        AsmSection *s = a->sections[i];
        pad_to(out, base, s->align);   /* BFD aligns the file offset of .bss-like sections too */
        offsets[i] = out->len - base;
        if (s->type != SHT_NOBITS) buf_append(out, s->data.data, s->data.len);
        buf_free(&s->data);   /* copied: keep the peak memory low */
    }
    uint64_t symtab_off = 0, strtab_off = 0;
    if (has_symtab) {
        pad_to(out, base, 8);
        symtab_off = out->len - base;
        buf_append(out, symtab.data, symtab.len);
        strtab_off = out->len - base;
        buf_append(out, strtab.b.data, strtab.b.len);
    }
    for (int i = 0; i < a->nsections; i++) {
        AsmSection *s = a->sections[i];
        if (!s->nrelocs) continue;
        pad_to(out, base, 8);
        rela_offsets[i] = out->len - base;
        for (size_t k = 0; k < s->nrelocs; k++) {
            AsmReloc *r = &s->relocs[k];
            Elf64_Rela rel = { r->offset,
                               ELF64_R_INFO((uint64_t)(r->sym ? r->sym->symtab_index : 0),
                                            (uint64_t)r->type),
                               r->addend };
            buf_append(out, &rel, sizeof rel);
        }
    }
    uint64_t shstrtab_off = out->len - base;
    buf_append(out, shstr.b.data, shstr.b.len);
    pad_to(out, base, 8);
    uint64_t shoff = out->len - base;

    Buf sh = {0};
    put_shdr(&sh, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    for (int i = 0; i < a->nsections; i++) {
        AsmSection *s = a->sections[i];
        put_shdr(&sh, shstr.offsets[names[2 * i]], s->type, s->flags, offsets[i], s->size, 0, 0,
                 s->align, section_entsize(s));
        if (s->nrelocs)
            put_shdr(&sh, shstr.offsets[names[2 * i + 1]], SHT_RELA, SHF_INFO_LINK,
                     rela_offsets[i], s->nrelocs * sizeof(Elf64_Rela), (uint32_t)symtab_index,
                     (uint32_t)s->index, 8, sizeof(Elf64_Rela));
    }
    if (has_symtab) {
        put_shdr(&sh, shstr.offsets[symtab_name], SHT_SYMTAB, 0, symtab_off, symtab.len,
                 (uint32_t)strtab_index, (uint32_t)first_global, 8, sizeof(Elf64_Sym));
        put_shdr(&sh, shstr.offsets[strtab_name], SHT_STRTAB, 0, strtab_off, strtab.b.len, 0, 0,
                 1, 0);
    }
    put_shdr(&sh, shstr.offsets[shstrtab_name], SHT_STRTAB, 0, shstrtab_off, shstr.b.len, 0, 0,
             1, 0);
    buf_append(out, sh.data, sh.len);
    Elf64_Ehdr *h = (Elf64_Ehdr *)(out->data + base);
    h->e_shoff = shoff;

    for (int i = 0; i < a->nsections; i++) free(rela_names[i]);
    free(rela_names);
    free(names);
    free(sym_names);
    free(syms);
    free(offsets);
    free(rela_offsets);
    buf_free(&sh);
    buf_free(&symtab);
    strtab_free(&strtab);
    strtab_free(&shstr);
}
