/* ld.h — soxld internals shared by the linker's files.
 *
 * Phases (link.c drives them; each stops the link if it reported an error):
 *   input.c    map files, parse ELF objects and ar archives, validating every offset
 *   symbols.c  global symbol table: resolution of undefined/weak/common/defined, archive pulls
 *   layout.c   --gc-sections, grouping input sections into output sections, addresses
 *   reloc.c    relocation scan (undefined references, GOT needs) and application
 *   output.c   the ELF executable image (headers, sections, .symtab) and the -Map file
 * Per-target relocation code lives in reloc_<arch>.c behind the LdTarget table.
 *
 * Input bytes are never assumed aligned (archive members sit at even offsets only), so every
 * structure is read through memcpy helpers.  All memory comes from one arena per link. */
#ifndef SOXLD_LD_H
#define SOXLD_LD_H
#include "common/elf.h"
#include "common/target.h"
#include "linker/soxld.h"
#include <stddef.h>
#include <stdint.h>

typedef struct Linker Linker;
typedef struct ObjFile ObjFile;
typedef struct Symbol Symbol;
typedef struct OutSection OutSection;

/* ---- arena.c ---- */
typedef struct ArenaBlock ArenaBlock;
typedef struct Arena { ArenaBlock *head; } Arena;
void *arena_alloc(Arena *a, size_t n);          /* zeroed, 16-byte aligned */
char *arena_strdup(Arena *a, const char *s);
char *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_free(Arena *a);

/* A growable array of pointers (xrealloc'd, freed with the linker). */
typedef struct PtrVec { void **items; size_t len, cap; } PtrVec;
void vec_push(PtrVec *v, void *p);
void vec_free(PtrVec *v);

/* ---- input.c ---- */
typedef struct InputSection {
    ObjFile *file;
    const char *name;
    const uint8_t *data;        /* contents; NULL for SHT_NOBITS */
    uint64_t size, align, flags;
    uint32_t type;
    uint32_t index;             /* section index in its file */
    uint32_t rela;              /* index of the SHT_RELA section patching it, 0 if none */
    OutSection *out;            /* NULL: not part of the output */
    uint64_t offset;            /* within out */
    uint8_t live;               /* reached by --gc-sections (or everything without it) */
} InputSection;

struct ObjFile {
    const char *name;           /* "x.o" or "libx.a(y.o)", for diagnostics */
    const uint8_t *data;
    size_t size;
    uint32_t nsections;
    InputSection *sections;     /* [nsections]; entry 0 unused */
    const uint8_t *symtab;      /* raw Elf64_Sym array (unaligned) */
    uint32_t nsyms, first_global;
    const char *strtab;         /* NUL-terminated at strtab[strtab_size - 1] */
    uint64_t strtab_size;
    Symbol **symbols;           /* [nsyms]: the global Symbol of non-local entries */
    uint32_t *local_got;        /* [nsyms] GOT slot + 1 of local symbols, lazily allocated */
    int index;                  /* load order */
};

static inline Elf64_Sym obj_sym(const ObjFile *f, uint32_t i) {
    Elf64_Sym s;
    __builtin_memcpy(&s, f->symtab + (size_t)i * sizeof s, sizeof s);
    return s;
}
static inline Elf64_Rela rela_at(const InputSection *rs, uint64_t i) {
    Elf64_Rela r;
    __builtin_memcpy(&r, rs->data + i * sizeof r, sizeof r);
    return r;
}

typedef struct ArMember {
    const char *name;           /* "libx.a(y.o)" */
    const uint8_t *data;
    size_t size;
    ObjFile *parsed;            /* parsed already (archives without an index) */
    ObjFile *loaded;            /* pulled into the link */
} ArMember;

typedef struct ArIndexEntry { const char *name; ArMember *member; Symbol *sym; } ArIndexEntry;

typedef struct Archive {
    const char *path;
    ArMember *members;
    size_t nmembers;
    ArIndexEntry *index;
    size_t nindex;
} Archive;

/* Maps a whole file read-only; NULL after reporting.  Mappings live until linker_free. */
const uint8_t *ld_map_file(Linker *ld, const char *path, size_t *size);
void ld_unmap_all(Linker *ld);
int ld_is_archive(const uint8_t *data, size_t size);
int ld_is_elf(const uint8_t *data, size_t size);
/* Parses and validates a relocatable object; NULL after reporting. */
ObjFile *obj_parse(Linker *ld, const char *name, const uint8_t *data, size_t size);
/* Parses an archive's members and symbol index (built from the members when absent). */
Archive *ar_parse(Linker *ld, const char *path, const uint8_t *data, size_t size);

/* ---- symbols.c ---- */
enum { SYM_UNDEF, SYM_DEFINED, SYM_COMMON, SYM_LINKER };

struct Symbol {
    const char *name;
    uint64_t hash;
    ObjFile *file;              /* defining (or common) file */
    uint32_t shndx;             /* section in file, SHN_ABS or SHN_COMMON */
    uint64_t value, size;       /* st_value (common: alignment) and st_size */
    uint64_t addr;              /* final address, after layout */
    ObjFile *ref_file;          /* first file referencing it */
    uint32_t got_slot;          /* GOT slot + 1, 0 if none */
    uint8_t state, binding, type, visibility;
    uint8_t strong_ref;         /* referenced by a non-weak undefined entry */
    uint8_t wanted;             /* linker-defined symbol that an input refers to */
    uint8_t reported;           /* undefined references already reported */
};

Symbol *sym_lookup(Linker *ld, const char *name);   /* NULL if absent */
Symbol *sym_intern(Linker *ld, const char *name);   /* creates an undefined symbol */
/* Resolves all global entries of a newly loaded object against the table. */
void sym_add_object(Linker *ld, ObjFile *f);
/* Pulls archive members that define currently needed symbols, until none is left. */
void sym_load_archive(Linker *ld, Archive *ar);
/* Address of entry `symidx` of f: section address + value, absolute value, or global address. */
uint64_t sym_address(const ObjFile *f, uint32_t symidx);
InputSection *sym_section(const Symbol *s);         /* NULL for absolute/common/undefined */

/* ---- layout.c ---- */
enum OutKind {
    OUT_TEXT, OUT_RODATA, OUT_PREINIT_ARRAY, OUT_INIT_ARRAY, OUT_FINI_ARRAY, OUT_GOT,
    OUT_DATA, OUT_BSS, OUT_COUNT
};
enum { SEG_TEXT, SEG_RODATA, SEG_DATA, SEG_COUNT };

struct OutSection {
    const char *name;
    uint32_t type;
    uint64_t flags;
    int segment;
    PtrVec inputs;              /* InputSection*, in link order */
    uint64_t size, align, addr, offset;
    uint32_t shndx;             /* index in the output section headers, 0 if omitted */
};

typedef struct Segment {
    uint32_t flags;             /* PF_* */
    uint64_t offset, vaddr, filesz, memsz;
    int present;
} Segment;

void layout_gc_sections(Linker *ld);
void layout_collect(Linker *ld);            /* live input sections into output sections */
void layout_assign(Linker *ld);             /* offsets, commons, GOT, addresses */
void layout_claim_linker_symbols(Linker *ld); /* before the undefined check */
void layout_define_linker_symbols(Linker *ld);

/* ---- reloc.c ---- */
/* What a relocation type is, per target.  flags: */
enum { RF_GOT = 1 };            /* needs a GOT slot unless the target relaxes it */

typedef struct RelocType {
    uint32_t type;
    uint8_t size;               /* bytes patched at r_offset */
    uint8_t flags;
} RelocType;

typedef struct RelocSite {
    uint8_t *loc;               /* bytes to patch in the output image */
    const uint8_t *sec_start;   /* start of the section containing loc (relaxation looks back) */
    uint64_t offset;            /* r_offset */
    uint32_t type;
    uint64_t S, A, P, G;        /* psABI names: symbol, addend, place, GOT slot address */
    uint64_t Z;                 /* symbol size */
    int undef_weak;             /* symbol is an unresolved weak reference */
    int absolute;               /* symbol is SHN_ABS (not PC-relative reachable) */
} RelocSite;

/* Result of applying one relocation. */
typedef struct RelocResult {
    enum { RR_OK, RR_OVERFLOW, RR_MISALIGNED } status;
    int64_t value, lo, hi;      /* RR_OVERFLOW: value not in [lo, hi]; RR_MISALIGNED: value, hi=align */
} RelocResult;

typedef struct LdTarget {
    Target target;
    uint16_t machine;
    const char *emulation;      /* -m name */
    uint64_t max_page;          /* p_align of PT_LOAD */
    const RelocType *relocs;
    size_t nrelocs;
    /* Whether a GOT-form relocation can be rewritten to a direct reference (x86-64 GOTPCRELX). */
    int (*can_relax)(const RelocSite *site);
    RelocResult (*apply)(const RelocSite *site);
    /* Fills alignment gaps between code sections with no-ops (GNU ld does the same). */
    void (*fill_code)(uint8_t *p, uint64_t n);
} LdTarget;

extern const LdTarget ld_target_x86_64, ld_target_aarch64;

void reloc_scan(Linker *ld);            /* undefined references, bad types, GOT slots */
/* Patches the relocations of isec in `bytes`, the copy of its contents in the output. */
void reloc_apply_section(Linker *ld, const InputSection *isec, uint8_t *bytes);

/* ---- output.c ---- */
int output_write(Linker *ld);           /* builds and writes the executable; 0 ok */
int output_write_map(Linker *ld);

/* ---- link.c: the context ---- */
enum { RELOC_INDEX_SIZE = 512 };    /* above every supported relocation number */
typedef struct SymSlot { uint64_t hash; Symbol *sym; } SymSlot;
typedef struct GotSlot { const ObjFile *file; uint32_t symidx; } GotSlot;

struct Linker {
    const SoxldOptions *opts;
    const LdTarget *target;
    Arena arena;
    PtrVec mappings;            /* MappedFile* */
    PtrVec files;               /* ObjFile*, in load order */
    /* symbol table: open addressing, power-of-two capacity */
    SymSlot *symtab;            /* the hash is kept in the slot: probes touch no Symbol */
    size_t symtab_cap, nsymbols;
    PtrVec symbol_order;        /* Symbol*, in creation order (deterministic output) */
    OutSection out[OUT_COUNT];
    Segment seg[SEG_COUNT];
    const RelocType *reloc_index[RELOC_INDEX_SIZE]; /* by type, filled by reloc_scan */
    GotSlot *got;               /* linker-made GOT: one 8-byte slot per symbol needing one */
    size_t ngot, got_cap;
    uint64_t base, entry, headers_size, file_size;
    int nphdrs;
    const char *entry_name;
    int errors;                 /* diag_error_count at link start, to detect new errors */
};

/* Number of errors reported during this link. */
int ld_errors(const Linker *ld);
/* "file:(section+0xoff)" for diagnostics */
const char *ld_place(Linker *ld, const InputSection *isec, uint64_t offset);
void ld_trace(Linker *ld, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static inline uint64_t align_up(uint64_t v, uint64_t a) { return (v + a - 1) & ~(a - 1); }
#endif
