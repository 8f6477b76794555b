/* elf_reader.h — a validating reader for ELF64 little-endian files held in memory.
 *
 * elf_load() checks every offset, size, index and string before anything is printed, so
 * the printers can trust what they get: a malformed file yields one error message naming
 * the offset of the bad field, never a read out of bounds.  Fields are decoded with the
 * little-endian helpers of buf.h rather than by casting, because an archive member may
 * start at any even offset and the host may not be little-endian. */
#ifndef SOX_OBJDUMP_ELF_READER_H
#define SOX_OBJDUMP_ELF_READER_H
#include "common/elf.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ElfReloc {
    uint64_t offset;
    uint32_t type;
    uint32_t sym;               /* index into ElfFile.symbols; 0 = none */
    int64_t addend;
} ElfReloc;

typedef struct ElfSection {
    const char *name;
    unsigned index;
    uint32_t type, link, info;
    uint64_t flags, addr, offset, size, align, entsize;
    const uint8_t *data;        /* NULL for SHT_NOBITS */
    /* For SHT_RELA/SHT_REL: the decoded entries and the section they patch (NULL if none). */
    ElfReloc *relocs;
    size_t nrelocs;
    struct ElfSection *reloc_target;
    struct ElfSection *rela;    /* the first relocation section patching this one, or NULL */
} ElfSection;

typedef struct ElfSymbol {
    const char *name;
    uint64_t value, size;
    unsigned char bind, type, visibility;
    uint16_t shndx;
} ElfSymbol;

typedef struct ElfSegment {
    uint32_t type, flags;
    uint64_t offset, vaddr, paddr, filesz, memsz, align;
} ElfSegment;

typedef struct ElfFile {
    const uint8_t *data;
    size_t size;
    uint16_t type, machine;
    uint64_t entry;
    uint32_t flags;
    ElfSection *sections;       /* all section headers, [0] is the null section */
    unsigned nsections;
    ElfSymbol *symbols;         /* .symtab (or .dynsym when there is none); [0] is the null symbol */
    size_t nsymbols;
    ElfSegment *segments;
    unsigned nsegments;
    char error[256];            /* set when elf_load fails */
} ElfFile;

bool elf_is_elf(const uint8_t *data, size_t size);
/* Decodes and validates; on failure fills f->error ("... at offset 0x...") and returns false.
 * Call elf_free in both cases. */
bool elf_load(ElfFile *f, const uint8_t *data, size_t size);
void elf_free(ElfFile *f);

/* The name to show for a symbol: a section symbol is named after its section. */
const char *elf_symbol_display_name(const ElfFile *f, const ElfSymbol *s);
/* The section a symbol is defined in, or NULL for undefined/absolute/common symbols. */
ElfSection *elf_symbol_section(const ElfFile *f, const ElfSymbol *s);
#endif
