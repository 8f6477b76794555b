/* elfwrite.c — writes the assembled sections, symbols and relocations as an ELF64 ET_REL
 * object laid out like GNU as's: contents in section order, then .symtab, .strtab, the
 * .rela sections, .shstrtab and the section header table. */
#include <string.h>
#include "assembler/asm_internal.h"

typedef struct StrTab { Buf b; } StrTab;

static uint32_t strtab_add(StrTab *t, const char *s) {
    if (!t->b.len) buf_u8(&t->b, 0);
    if (!*s) return 0;
    uint32_t off = (uint32_t)t->b.len;
    buf_append(&t->b, s, strlen(s) + 1);
    return off;
}

/* Which symbols GNU as writes: section symbols that relocations use, named locals, .L locals
 * that relocations need, and every global/weak/undefined symbol that is referenced. */
static int symbol_emitted(const AsmSymbol *s) {
    if (s->is_section) return s->in_reloc;
    if (s->order < 0) return 0;
    if (s->binding != BIND_LOCAL || s->is_common) return s->defined || s->is_common || s->in_reloc || s->explicit_binding;
    if (!s->defined && !s->is_equated) return s->in_reloc;   /* undefined: becomes global */
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

static void write_symbol(Buf *symtab, StrTab *strtab, AsmSymbol *s) {
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
    uint32_t name = s->is_section ? 0 : strtab_add(strtab, s->name);
    put_sym(symtab, name, bind, s->type, s->visibility, shndx, s->is_section ? 0 : value,
            s->size_value);
}

static void put_shdr(Buf *b, uint32_t name, uint32_t type, uint64_t flags, uint64_t offset,
                     uint64_t size, uint32_t link, uint32_t info, uint64_t align, uint64_t entsize) {
    Elf64_Shdr h = { name, type, flags, 0, offset, size, link, info, align, entsize };
    buf_append(b, &h, sizeof h);
}

void asm_write_elf(Assembler *a, Buf *out) {
    /* section indices: each section followed by its .rela */
    int index = 1;
    for (int i = 0; i < a->nsections; i++) {
        AsmSection *s = a->sections[i];
        s->index = index++;
        s->rela_index = s->nrelocs ? index++ : 0;
    }
    int symtab_index = index++, strtab_index = index++, shstrtab_index = index++;

    /* symbol table: null, file, locals, globals */
    Buf symtab = {0};
    StrTab strtab = {{0}};
    strtab_add(&strtab, "");
    put_sym(&symtab, 0, 0, 0, 0, 0, 0, 0);
    int nsyms = 1;
    if (a->file_symbol) {
        put_sym(&symtab, strtab_add(&strtab, a->file_symbol->name), STB_LOCAL, STT_FILE, 0,
                SHN_ABS, 0, 0);
        nsyms++;
    }
    int first_global = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < a->nsymbols; i++) {
            AsmSymbol *s = a->symbols[i];
            if (!symbol_emitted(s) || symbol_is_local(s) != (pass == 0)) continue;
            s->symtab_index = nsyms++;
            write_symbol(&symtab, &strtab, s);
        }
        if (pass == 0) first_global = nsyms;
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
    size_t base = out->len;
    buf_append(out, &eh, sizeof eh);

    uint64_t *offsets = xcalloc((size_t)a->nsections, sizeof *offsets);
    for (int i = 0; i < a->nsections; i++) {
        AsmSection *s = a->sections[i];
        if (s->type != SHT_NOBITS) {
            while ((out->len - base) % s->align) buf_u8(out, 0);
        }
        offsets[i] = out->len - base;
        if (s->type != SHT_NOBITS) buf_append(out, s->data.data, s->data.len);
    }
    buf_align(out, 8);
    uint64_t symtab_off = out->len - base;
    buf_append(out, symtab.data, symtab.len);
    uint64_t strtab_off = out->len - base;
    buf_append(out, strtab.b.data, strtab.b.len);
    uint64_t *rela_offsets = xcalloc((size_t)a->nsections, sizeof *rela_offsets);
    for (int i = 0; i < a->nsections; i++) {
        AsmSection *s = a->sections[i];
        if (!s->nrelocs) continue;
        while ((out->len - base) % 8) buf_u8(out, 0);
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
    /* .shstrtab */
    StrTab shstr = {{0}};
    strtab_add(&shstr, "");
    uint32_t *names = xcalloc((size_t)a->nsections * 2, sizeof *names);
    for (int i = 0; i < a->nsections; i++) {
        AsmSection *s = a->sections[i];
        names[2 * i] = strtab_add(&shstr, s->name);
        if (s->nrelocs) {
            char *rn = xformat(".rela%s", s->name);
            names[2 * i + 1] = strtab_add(&shstr, rn);
            free(rn);
        }
    }
    uint32_t symtab_name = strtab_add(&shstr, ".symtab");
    uint32_t strtab_name = strtab_add(&shstr, ".strtab");
    uint32_t shstrtab_name = strtab_add(&shstr, ".shstrtab");
    uint64_t shstrtab_off = out->len - base;
    buf_append(out, shstr.b.data, shstr.b.len);
    while ((out->len - base) % 8) buf_u8(out, 0);
    uint64_t shoff = out->len - base;

    Buf sh = {0};
    put_shdr(&sh, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    for (int i = 0; i < a->nsections; i++) {
        AsmSection *s = a->sections[i];
        put_shdr(&sh, names[2 * i], s->type, s->flags, offsets[i], s->size, 0, 0, s->align,
                 s->entsize);
        if (s->nrelocs)
            put_shdr(&sh, names[2 * i + 1], SHT_RELA, SHF_INFO_LINK, rela_offsets[i],
                     s->nrelocs * sizeof(Elf64_Rela), (uint32_t)symtab_index, (uint32_t)s->index,
                     8, sizeof(Elf64_Rela));
    }
    put_shdr(&sh, symtab_name, SHT_SYMTAB, 0, symtab_off, symtab.len, (uint32_t)strtab_index,
             (uint32_t)first_global, 8, sizeof(Elf64_Sym));
    put_shdr(&sh, strtab_name, SHT_STRTAB, 0, strtab_off, strtab.b.len, 0, 0, 1, 0);
    put_shdr(&sh, shstrtab_name, SHT_STRTAB, 0, shstrtab_off, shstr.b.len, 0, 0, 1, 0);
    buf_append(out, sh.data, sh.len);
    Elf64_Ehdr *h = (Elf64_Ehdr *)(out->data + base);
    h->e_shoff = shoff;

    free(names);
    free(offsets);
    free(rela_offsets);
    buf_free(&sh);
    buf_free(&symtab);
    buf_free(&strtab.b);
    buf_free(&shstr.b);
}
