/* elf_reader.c — see elf_reader.h.  Each load_* step validates one table and returns false
 * with a message in f->error as soon as something does not fit inside the file. */
#include "objdump/elf_reader.h"
#include "common/buf.h"
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EHDR_SIZE = 64, SHDR_SIZE = 64, PHDR_SIZE = 56, SYM_SIZE = 24, RELA_SIZE = 24, REL_SIZE = 16 };

static bool fail(ElfFile *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(ElfFile *f, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->error, sizeof f->error, fmt, ap);
    va_end(ap);
    return false;
}

/* True if [off, off+len) lies inside the file; written to be immune to overflow. */
static bool in_file(const ElfFile *f, uint64_t off, uint64_t len) {
    return off <= f->size && len <= f->size - off;
}

bool elf_is_elf(const uint8_t *data, size_t size) {
    return size >= 4 && memcmp(data, ELFMAG, SELFMAG) == 0;
}

static bool load_header(ElfFile *f) {
    const uint8_t *d = f->data;
    if (f->size < EHDR_SIZE)
        return fail(f, "truncated ELF header: file has 0x%zx bytes, need 0x%x at offset 0x0", f->size,
                    EHDR_SIZE);
    if (d[EI_CLASS] != ELFCLASS64)
        return fail(f, "unsupported ELF class %u at offset 0x%x (only ELF64)", d[EI_CLASS], EI_CLASS);
    if (d[EI_DATA] != ELFDATA2LSB)
        return fail(f, "unsupported byte order %u at offset 0x%x (only little-endian)", d[EI_DATA],
                    EI_DATA);
    f->type = get_u16(d + 16);
    f->machine = get_u16(d + 18);
    f->entry = get_u64(d + 24);
    f->flags = get_u32(d + 48);
    if (f->machine != EM_X86_64 && f->machine != EM_AARCH64)
        return fail(f, "unsupported machine %u at offset 0x12 (only x86-64 and AArch64)", f->machine);
    return true;
}

static bool load_segments(ElfFile *f) {
    const uint8_t *d = f->data;
    uint64_t phoff = get_u64(d + 32);
    uint16_t phentsize = get_u16(d + 54), phnum = get_u16(d + 56);
    if (phnum == 0)
        return true;
    if (phentsize != PHDR_SIZE)
        return fail(f, "bad program header entry size %u at offset 0x36 (expected %u)", phentsize,
                    PHDR_SIZE);
    if (!in_file(f, phoff, (uint64_t)phnum * PHDR_SIZE))
        return fail(f, "program headers at offset 0x%" PRIx64 " (%u entries) run past the end of the file",
                    phoff, phnum);
    f->segments = xcalloc(phnum, sizeof *f->segments);
    f->nsegments = phnum;
    for (unsigned i = 0; i < phnum; i++) {
        const uint8_t *p = d + phoff + (uint64_t)i * PHDR_SIZE;
        ElfSegment *s = &f->segments[i];
        s->type = get_u32(p);
        s->flags = get_u32(p + 4);
        s->offset = get_u64(p + 8);
        s->vaddr = get_u64(p + 16);
        s->paddr = get_u64(p + 24);
        s->filesz = get_u64(p + 32);
        s->memsz = get_u64(p + 40);
        s->align = get_u64(p + 48);
    }
    return true;
}

static void decode_section_header(ElfSection *s, const uint8_t *p) {
    s->type = get_u32(p + 4);
    s->flags = get_u64(p + 8);
    s->addr = get_u64(p + 16);
    s->offset = get_u64(p + 24);
    s->size = get_u64(p + 32);
    s->link = get_u32(p + 40);
    s->info = get_u32(p + 44);
    s->align = get_u64(p + 48);
    s->entsize = get_u64(p + 56);
}

/* A string at `off` inside string-table section `strtab` must end before the section does. */
static const char *table_string(ElfFile *f, const ElfSection *strtab, uint64_t off, const char *what,
                                uint64_t field_offset) {
    if (off >= strtab->size) {
        fail(f, "%s name offset 0x%" PRIx64 " at offset 0x%" PRIx64 " is outside string table %s", what,
             off, field_offset, strtab->name ? strtab->name : "");
        return NULL;
    }
    const char *s = (const char *)strtab->data + off;
    if (!memchr(s, 0, strtab->size - off)) {
        fail(f, "unterminated %s name at offset 0x%" PRIx64, what, strtab->offset + off);
        return NULL;
    }
    return s;
}

static bool check_string_table(ElfFile *f, unsigned index, const char *what, uint64_t field_offset) {
    if (index == 0 || index >= f->nsections)
        return fail(f, "%s index %u at offset 0x%" PRIx64 " is not a valid section", what, index,
                    field_offset);
    ElfSection *s = &f->sections[index];
    if (s->type != SHT_STRTAB || !s->data || s->size == 0)
        return fail(f, "%s (section %u, header at offset 0x%" PRIx64 ") is not a string table", what,
                    index, get_u64(f->data + 40) + (uint64_t)index * SHDR_SIZE);
    return true;
}

/* Section count and string-table index, including the extended numbering of the gABI where
 * the real values live in section header 0. */
static bool section_counts(ElfFile *f, uint64_t shoff, uint64_t *shnum, unsigned *shstrndx) {
    const uint8_t *d = f->data;
    *shnum = get_u16(d + 60);
    *shstrndx = get_u16(d + 62);
    if (shoff == 0)
        *shnum = 0;
    if (shoff == 0 || (*shnum != 0 && *shstrndx != SHN_XINDEX))
        return true;
    if (!in_file(f, shoff, SHDR_SIZE))
        return fail(f, "section header 0 at offset 0x%" PRIx64 " runs past the end of the file", shoff);
    if (*shnum == 0)
        *shnum = get_u64(d + shoff + 32);
    if (*shstrndx == SHN_XINDEX)
        *shstrndx = get_u32(d + shoff + 40);
    return true;
}

static bool load_sections(ElfFile *f) {
    const uint8_t *d = f->data;
    uint64_t shoff = get_u64(d + 40), shnum;
    unsigned shstrndx;
    if (!section_counts(f, shoff, &shnum, &shstrndx))
        return false;
    if (shnum == 0)
        return true;
    if (get_u16(d + 58) != SHDR_SIZE)
        return fail(f, "bad section header entry size %u at offset 0x3a (expected %u)", get_u16(d + 58),
                    SHDR_SIZE);
    if (shnum > f->size / SHDR_SIZE || !in_file(f, shoff, shnum * SHDR_SIZE))
        return fail(f, "section headers at offset 0x%" PRIx64 " (%" PRIu64 " entries) run past the end of the file",
                    shoff, shnum);
    f->nsections = (unsigned)shnum;
    f->sections = xcalloc(shnum, sizeof *f->sections);
    for (unsigned i = 0; i < shnum; i++) {
        ElfSection *s = &f->sections[i];
        uint64_t at = shoff + (uint64_t)i * SHDR_SIZE;
        s->index = i;
        decode_section_header(s, d + at);
        if (i > 0 && s->size > UINT64_MAX - s->addr)
            return fail(f, "section %u (header at offset 0x%" PRIx64 "): address 0x%" PRIx64
                           " plus size 0x%" PRIx64 " wraps around",
                        i, at, s->addr, s->size);
        if (s->type == SHT_NOBITS || i == 0)
            continue;
        if (!in_file(f, s->offset, s->size))
            return fail(f, "section %u (header at offset 0x%" PRIx64 "): contents at offset 0x%" PRIx64
                           " size 0x%" PRIx64 " run past the end of the file (0x%zx bytes)",
                        i, at, s->offset, s->size, f->size);
        s->data = d + s->offset;
    }
    if (shstrndx == SHN_UNDEF) { /* legal: the sections simply have no names */
        for (unsigned i = 0; i < shnum; i++)
            f->sections[i].name = "";
        return true;
    }
    if (!check_string_table(f, shstrndx, "section name string table", 62))
        return false;
    ElfSection *names = &f->sections[shstrndx];
    for (unsigned i = 0; i < shnum; i++) {
        uint64_t at = shoff + (uint64_t)i * SHDR_SIZE;
        f->sections[i].name = table_string(f, names, get_u32(d + at), "section", at);
        if (!f->sections[i].name)
            return false;
    }
    return true;
}

static ElfSection *find_symbol_table(ElfFile *f) {
    for (unsigned i = 1; i < f->nsections; i++)
        if (f->sections[i].type == SHT_SYMTAB)
            return &f->sections[i];
    for (unsigned i = 1; i < f->nsections; i++)
        if (f->sections[i].type == SHT_DYNSYM)
            return &f->sections[i];
    return NULL;
}

static uint64_t header_offset(const ElfFile *f, const ElfSection *s) {
    return get_u64(f->data + 40) + (uint64_t)s->index * SHDR_SIZE;
}

static bool load_symbols(ElfFile *f) {
    ElfSection *symtab = find_symbol_table(f);
    if (!symtab)
        return true;
    if (!symtab->data || symtab->entsize != SYM_SIZE || symtab->size % SYM_SIZE != 0)
        return fail(f, "symbol table %s (header at offset 0x%" PRIx64 ") has a bad size or entry size",
                    symtab->name, header_offset(f, symtab));
    if (!check_string_table(f, symtab->link, "symbol string table", header_offset(f, symtab) + 40))
        return false;
    ElfSection *strtab = &f->sections[symtab->link];
    f->nsymbols = symtab->size / SYM_SIZE;
    f->symbols = xcalloc(f->nsymbols ? f->nsymbols : 1, sizeof *f->symbols);
    for (size_t i = 0; i < f->nsymbols; i++) {
        const uint8_t *p = symtab->data + i * SYM_SIZE;
        uint64_t at = symtab->offset + i * SYM_SIZE;
        ElfSymbol *s = &f->symbols[i];
        s->name = table_string(f, strtab, get_u32(p), "symbol", at);
        if (!s->name)
            return false;
        s->bind = ELF64_ST_BIND(p[4]);
        s->type = ELF64_ST_TYPE(p[4]);
        s->visibility = ELF64_ST_VISIBILITY(p[5]);
        s->shndx = get_u16(p + 6);
        s->value = get_u64(p + 8);
        s->size = get_u64(p + 16);
        if (s->shndx != SHN_UNDEF && s->shndx < SHN_LORESERVE && s->shndx >= f->nsections)
            return fail(f, "symbol %zu at offset 0x%" PRIx64 " refers to section %u, which does not exist",
                        i, at, s->shndx);
    }
    return true;
}

static bool load_reloc_section(ElfFile *f, ElfSection *rs) {
    bool rela = rs->type == SHT_RELA;
    unsigned entsize = rela ? RELA_SIZE : REL_SIZE;
    uint64_t hdr = header_offset(f, rs);
    if (!rs->data || rs->entsize != entsize || rs->size % entsize != 0)
        return fail(f, "relocation section %s (header at offset 0x%" PRIx64 ") has a bad size or entry size",
                    rs->name, hdr);
    if (rs->info != 0 && rs->info >= f->nsections)
        return fail(f, "relocation section %s (header at offset 0x%" PRIx64 ") patches section %u, which does not exist",
                    rs->name, hdr, rs->info);
    rs->nrelocs = rs->size / entsize;
    rs->relocs = xcalloc(rs->nrelocs ? rs->nrelocs : 1, sizeof *rs->relocs);
    for (size_t i = 0; i < rs->nrelocs; i++) {
        const uint8_t *p = rs->data + i * entsize;
        ElfReloc *r = &rs->relocs[i];
        uint64_t info = get_u64(p + 8);
        r->offset = get_u64(p);
        r->type = ELF64_R_TYPE(info);
        r->sym = ELF64_R_SYM(info);
        r->addend = rela ? (int64_t)get_u64(p + 16) : 0;
        if (r->sym >= f->nsymbols && r->sym != 0)
            return fail(f, "relocation %zu at offset 0x%" PRIx64 " refers to symbol %u, but there are only %zu",
                        i, rs->offset + i * entsize, r->sym, f->nsymbols);
    }
    if (rs->info != 0) {
        rs->reloc_target = &f->sections[rs->info];
        if (!rs->reloc_target->rela)
            rs->reloc_target->rela = rs;
    }
    return true;
}

static bool load_relocations(ElfFile *f) {
    for (unsigned i = 1; i < f->nsections; i++) {
        ElfSection *s = &f->sections[i];
        if ((s->type == SHT_RELA || s->type == SHT_REL) && !load_reloc_section(f, s))
            return false;
    }
    return true;
}

bool elf_load(ElfFile *f, const uint8_t *data, size_t size) {
    memset(f, 0, sizeof *f);
    f->data = data;
    f->size = size;
    if (!elf_is_elf(data, size))
        return fail(f, "not an ELF file (bad magic at offset 0x0)");
    return load_header(f) && load_segments(f) && load_sections(f) && load_symbols(f) &&
           load_relocations(f);
}

void elf_free(ElfFile *f) {
    for (unsigned i = 0; i < f->nsections; i++)
        free(f->sections[i].relocs);
    free(f->sections);
    free(f->symbols);
    free(f->segments);
    f->sections = NULL;
    f->symbols = NULL;
    f->segments = NULL;
}

ElfSection *elf_symbol_section(const ElfFile *f, const ElfSymbol *s) {
    if (s->shndx == SHN_UNDEF || s->shndx >= SHN_LORESERVE || s->shndx >= f->nsections)
        return NULL;
    return &f->sections[s->shndx];
}

const char *elf_symbol_display_name(const ElfFile *f, const ElfSymbol *s) {
    ElfSection *sec = elf_symbol_section(f, s);
    if (s->type == STT_SECTION && sec && !*s->name)
        return sec->name;
    return s->name;
}
