/* asm_internal.h — the core's own data structures, shared by the parser/layout (core.c,
 * directives.c, expr.c) and the ELF writer (elfwrite.c). Encoders use asm.h only. */
#ifndef SOX_ASM_INTERNAL_H
#define SOX_ASM_INTERNAL_H
#include <stdio.h>
#include <stdlib.h>
#include "assembler/asm.h"
#include "common/buf.h"
#include "common/elf.h"

enum { BIND_LOCAL, BIND_GLOBAL, BIND_WEAK };

struct AsmSymbol {
    char *name;
    uint32_t hash, name_len;
    AsmSymbol *hash_next;
    int order;                  /* creation order (GNU as keeps symbols in this order) */
    AsmSection *section;        /* defining section; NULL = undefined or absolute */
    uint32_t raw, nvar;         /* position: raw offset + growth of the first nvar variable items */
    uint64_t value;             /* final value, after layout */
    unsigned defined : 1, temporary : 1, is_section : 1, is_file : 1, is_absolute : 1,
        is_equated : 1, is_common : 1, local_directive : 1, in_reloc : 1, has_size : 1,
        explicit_binding : 1, referenced : 1, deleted : 1, is_mapping : 1, kept : 1;
    int binding;                /* BIND_* */
    int type;                   /* STT_* */
    int visibility;             /* STV_* */
    AsmExpr equated;            /* for .set/.equ to an expression with symbols */
    AsmExpr size;               /* .size expression */
    int size_line, set_line;    /* where .size / .set were given (for late diagnostics) */
    AsmSymbol *alias_of;        /* .set name, sym (no offset) */
    uint64_t size_value;         /* st_size */
    uint64_t common_align;
    int symtab_index;
};

/* A variable-size item between fixed bytes: alignment padding or a relaxable instruction. */
enum { VAR_ALIGN, VAR_RELAX };
typedef struct AsmVar {
    int kind;
    uint32_t raw;               /* raw offset at which it sits */
    int size;                   /* current size */
    /* VAR_ALIGN */
    uint32_t align, max_skip;   /* max_skip 0 = no limit */
    int fill_code;              /* pad with the target's NOPs */
    uint8_t fill;
    /* VAR_RELAX */
    int resolvable;             /* destination in this section and not preemptible */
    uint32_t target_raw, target_nvar;   /* its position (a copy of the symbol's, for layout) */
    AsmRelax relax;
} AsmVar;

typedef struct AsmReloc {
    uint64_t offset;
    int type;
    AsmSymbol *sym;             /* NULL = none (index 0) */
    int64_t addend;
} AsmReloc;

struct AsmSection {
    char *name;
    uint32_t type;
    uint64_t flags, entsize, align;
    int index;                  /* ELF section index (set by the writer) */
    AsmSymbol *symbol;          /* section symbol */
    Buf raw;                    /* fixed bytes (for NOBITS: zeros, discarded) */
    AsmVar *vars;
    uint32_t nvars, cap_vars;
    Buf data;                   /* final bytes after layout */
    uint64_t size;              /* final size */
    uint64_t *growth;           /* growth[k] = total size of vars 0..k-1 */
    AsmReloc *relocs;
    size_t nrelocs, cap_relocs;
    int rela_index;
    int map_state;              /* MAP_*: ARM-style mapping symbols ($x/$d) */
    AsmSymbol *last_map;        /* latest mapping symbol of this section */
};
enum { MAP_UNDEFINED, MAP_INSN, MAP_DATA };

/* A recorded fixup, compact (there is one per symbolic field: keep it small). The public
 * AsmFixup handed to the targets is rebuilt from it when the fixup is resolved. */
typedef struct Fixup {
    AsmSection *section;
    AsmExpr expr;
    uint32_t raw, nvar;         /* position; final fixups: raw = final offset, nvar = 0 */
    int32_t line, col;
    int16_t reloc_type;
    uint8_t size, pcrel, is_data;
} Fixup;

typedef struct LocalCommon {
    AsmSymbol *sym;
    uint64_t size, align;
    SrcLoc loc;
} LocalCommon;

typedef struct SymTable {
    AsmSymbol **buckets;
    size_t nbuckets, count;
} SymTable;

typedef struct ArenaBlock {
    struct ArenaBlock *next;
    size_t used, size;
    _Alignas(8) char data[];
} ArenaBlock;

struct Assembler {
    const AsmTarget *target;
    const char *file_name;      /* input name for diagnostics */
    AsmSection **sections;
    int nsections, cap_sections;
    AsmSection *cur, *prev;     /* current and previous section (.previous) */
    AsmSymbol **symbols;        /* every symbol, in creation order */
    int nsymbols, cap_symbols;
    SymTable table;
    Fixup *fixups;
    size_t nfixups, cap_fixups;
    Fixup *final_fixups;        /* created while writing relaxed items (GNU as: md_convert_frag) */
    size_t nfinal, cap_final;
    int local_label_count[100]; /* numeric labels 0..99: definitions so far */
    uint32_t *numeric_counts;   /* for larger numeric labels: not supported beyond 99 */
    ArenaBlock *arena;          /* symbols and their names */
    AsmSymbol *file_symbol;
    AsmSymbol *temps;           /* "." symbols, chained through hash_next (freed at the end) */
    Buf comment;                /* .ident strings for .comment */
    int has_comment;
    void *target_state;
    int errors;
    int temp_count;
    int order_counter;          /* next AsmSymbol.order */
    int mapping_symbols;        /* emit $x/$d like GNU as for AArch64 */
    int keep_section_symbols;   /* every section gets a section symbol (AArch64 BFD) */
    int nop_fill;               /* explicit fill byte that still means NOP padding, or -1 */
    int plt_reloc, pc_reloc;
    int locals_on_use;          /* an instruction operand turns a .L label into a full symbol */
    LocalCommon *lcomm;         /* .lcomm and .local+.comm symbols, placed at the end of .bss */
    size_t nlcomm, cap_lcomm;
    int next_line;              /* line number of the next input line (input fed in pieces) */
    unsigned symbol_uses;       /* symbol lookups so far (an instruction that made none and
                                 * left no fixup encodes the same anywhere: core.c's cache) */
    struct EncodingCache *encodings;
    int in_block_comment;       /* the last piece ended inside a block comment */
};

void asm_forget_encodings(Assembler *a);                                 /* core.c's cache */
AsmSymbol *asm_symbol_get(Assembler *a, const char *name, size_t len);   /* find or create */
AsmSymbol *asm_symbol_find(Assembler *a, const char *name, size_t len);
AsmSymbol *asm_symbol_renew(Assembler *a, AsmSymbol *s);   /* .set again: old uses keep s */
AsmSymbol *asm_symbol_temp(Assembler *a);
void asm_symbol_referenced(Assembler *a, AsmSymbol *s);               /* used in an expression */                                /* anonymous, here */
AsmSymbol *asm_numeric_label_ref(Assembler *a, int n, int forward);
void asm_numeric_label_define(Assembler *a, int n, SrcLoc loc);
AsmSection *asm_section_get(Assembler *a, const char *name, uint32_t type, uint64_t flags,
                            uint64_t entsize, int *created);
void asm_set_section(Assembler *a, AsmSection *s);
void asm_define_label(Assembler *a, AsmSymbol *s, SrcLoc loc);
void asm_mapping_state(Assembler *a, int state);                      /* code/data switch */
void asm_mapping_align(Assembler *a);                                 /* before alignment */
void asm_mapping_fill(Assembler *a);                                  /* before .zero/.space */
int asm_directive(Assembler *a, const char *name, char *args, SrcLoc loc);
void asm_emit_align(Assembler *a, uint32_t align, int has_fill, uint8_t fill, uint32_t max_skip);
int asm_finish(Assembler *a);                       /* layout, fixups; 0 or -1 */
void asm_write_elf(Assembler *a, Buf *out);
const char *skip_space(const char *p);
SrcLoc asm_line_loc(Assembler *a, int line);                          /* file:line, no text */
#endif
