/* asm.h — the interface between soxas's target-independent core (parser, symbols, sections,
 * fixups, ELF writer) and the per-target instruction encoders (encode_x86_64.c,
 * encode_aarch64.c).
 *
 * The core reads a line, strips comments, handles labels and directives, and hands every
 * instruction to the target as (lower-cased mnemonic, operand text, location).  The encoder
 * parses the operands (calling asm_parse_expr on sub-strings for immediates, displacements and
 * symbols), appends the bytes to the current section with asm_emit*, and records a fixup with
 * asm_fixup for every field that depends on a symbol.
 *
 * Fixup convention (both targets): the field is at offset P in its section; the core computes
 * value = S + A - P for pc-relative fixups (S + A otherwise) and, when the symbol is a local
 * label of the same section (pc-relative) or an absolute constant, calls target->apply_fixup
 * to patch the field at the end of assembly.  Otherwise it emits an ELF relocation of the
 * given type with addend A, converted to the section symbol (+ the label's offset) for local
 * symbols exactly as GNU as does.  So x86 folds "-4" (the distance from the field to the end
 * of the instruction) into A itself; AArch64 fields are the instruction word, P its address.
 */
#ifndef SOX_ASM_H
#define SOX_ASM_H
#include <stddef.h>
#include <stdint.h>
#include "common/target.h"
#include "common/diag.h"

/* Character classes of assembly text: ASCII only, whatever the locale (as GNU as). */
enum { ASM_CH_DIGIT = 1, ASM_CH_ALPHA = 2, ASM_CH_SYMBOL = 4 /* letters, digits, _ . $ */ };
extern const unsigned char asm_char_class[256];
static inline int asm_is_alnum(int c) { return asm_char_class[(unsigned char)c] & (ASM_CH_DIGIT | ASM_CH_ALPHA); }
static inline int asm_is_symbol_char(int c) { return asm_char_class[(unsigned char)c] & ASM_CH_SYMBOL; }
static inline int asm_is_symbol_start(int c) { return asm_is_symbol_char(c) && !(asm_char_class[(unsigned char)c] & ASM_CH_DIGIT); }
/* Whether p starts with the lower-case word w (case-insensitively) followed by a non-symbol
 * character. */
static inline int asm_word_at(const char *p, const char *w) {
    size_t i = 0;
    for (; w[i]; i++) {
        char c = p[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != w[i]) return 0;
    }
    return !asm_is_symbol_char(p[i]);
}

typedef struct Assembler Assembler;
typedef struct AsmSection AsmSection;
typedef struct AsmSymbol AsmSymbol;

/* The value of an expression: sym - sub + addend; sym and sub may be NULL (constant). */
typedef struct AsmExpr {
    AsmSymbol *sym;
    AsmSymbol *sub;
    int64_t addend;
    /* An operation left for after layout on a label difference: the value is
     * (sym - sub + addend) op rhs, as in gcc's AArch64 jump tables, "(.L5 - .Lrtx4) / 4".
     * op 0 = none; otherwise one of the binary operator characters of asm_eval_binary. */
    int32_t rhs;
    char op;
} AsmExpr;

/* a op b for the binary operators of expressions ('<' and '>' are the shifts, '!' or-not);
 * returns -1 on division by zero. */
int asm_eval_binary(char op, int64_t a, int64_t b, int64_t *value);

/* Wrapping 64-bit arithmetic (assembler expressions wrap like GNU as's; no signed overflow). */
static inline int64_t asm_add(int64_t a, int64_t b) { return (int64_t)((uint64_t)a + (uint64_t)b); }
static inline int64_t asm_neg(int64_t a) { return (int64_t)(0 - (uint64_t)a); }

/* One symbol-dependent field, as recorded by asm_fixup (read-only for the targets). */
typedef struct AsmFixup {
    AsmSection *section;
    uint64_t offset;        /* final offset of the field in its section (valid in apply_fixup) */
    int reloc_type;         /* ELF r_type for this target (R_X86_64_*, R_AARCH64_*) */
    int size;               /* field size in bytes (x86: 1/2/4/8; AArch64: 4 or 8) */
    int pcrel;              /* value is S + A - P */
    AsmExpr expr;
    SrcLoc loc;
    /* private to the core */
    uint32_t raw, nvar;
    int is_data;            /* from .byte/.long/...: the core patches it itself */
} AsmFixup;

/* Relaxable variable-size piece (x86 jmp/jcc). The target decides its size from the
 * distance; the core iterates to a fixed point like GNU as's relax_segment. */
typedef struct AsmRelax {
    AsmExpr target;         /* branch destination */
    int kind;               /* target-defined */
    int opcode;             /* target-defined (e.g. the condition code) */
    int size;               /* current size in bytes (set by the core from relax_size) */
    int reloc_type;         /* relocation if it cannot be resolved in the section */
    int line, col;          /* source position, for diagnostics */
    int preemptible;        /* a global default-visibility destination is not resolvable
                             * (x86 "jmp f@PLT", like GNU as) */
} AsmRelax;

typedef struct AsmTarget {
    Target target;
    const char *line_comment;   /* starts a comment anywhere on a line: "#" (x86), "//" (AArch64) */
    const char *start_comment;  /* starts a comment only at the start of a line ("#" for both) */
    int code_alignment_unit;    /* 1 (x86) or 4 (AArch64): instruction size granularity */
    /* Encodes one instruction; returns 0, or -1 after reporting an error with error_at. */
    int (*encode)(Assembler *a, const char *mnemonic, const char *operands, SrcLoc loc);
    /* Patches a resolved field: value is S + A (- P if pcrel). Returns 0, or -1 after an
     * error (e.g. out of range). field points at the first byte of the field. */
    int (*apply_fixup)(Assembler *a, const AsmFixup *f, uint8_t *field, int64_t value);
    /* Whether a relocation against local symbol s must keep s instead of being converted to
     * its section symbol (GNU as's tc_fix_adjustable, inverted). NULL = always convert. */
    int (*keep_local_symbol)(const AsmFixup *f, const AsmSymbol *s);
    /* Fills n bytes of alignment padding in a code section (multi-byte NOPs, NOP words). */
    void (*fill_code)(uint8_t *out, size_t n);
    /* Target directives (.intel_syntax, .arch, ...). Returns 1 if handled (0 or error
     * already reported through error_at), 0 if not a directive of this target. */
    int (*directive)(Assembler *a, const char *name, const char *args, SrcLoc loc);
    /* Relaxation (may be NULL when the target never calls asm_emit_relax):
     * size of r when its destination is `distance` bytes from the item's start
     * (resolvable != 0), or is outside this section / preemptible (resolvable == 0). */
    int (*relax_size)(const AsmRelax *r, int resolvable, int64_t distance);
    /* Leading bytes of a relaxable item that are the same in every size (x86: the opcode
     * byte): GNU as keeps them in the frag's fixed part and measures from after them. */
    int relax_fixed_bytes;
    /* Writes the final r->size bytes to out; when !resolvable it must call asm_fixup_final
     * for the displacement field. */
    int (*relax_write)(Assembler *a, const AsmRelax *r, uint8_t *out, int resolvable,
                       int64_t distance, AsmSection *s, uint64_t offset);
    /* ELF relocation type for a data directive (.byte/.short/.long/.quad) of `size` bytes
     * referring to a symbol, pc-relative when the expression is `sym - .`; -1 if none. */
    int (*data_reloc)(int size, int pcrel);
} AsmTarget;

extern const AsmTarget asm_target_x86_64, asm_target_aarch64;
/* The encoder of a target, or NULL if soxas was built without it. */
const AsmTarget *asm_target_for(Target t);

/* ---- Emitting into the current section ---- */
void asm_emit(Assembler *a, const void *bytes, size_t n);  /* append raw bytes */
void asm_emit_u8(Assembler *a, uint8_t v);                  /* append one byte */
void asm_emit_u16(Assembler *a, uint16_t v);                /* append little-endian 16 bits */
void asm_emit_u32(Assembler *a, uint32_t v);                /* append little-endian 32 bits */
void asm_emit_u64(Assembler *a, uint64_t v);                /* append little-endian 64 bits */
/* Appends a relaxable piece (copied); its bytes are produced at the end by relax_write. */
void asm_emit_relax(Assembler *a, const AsmRelax *r);
int asm_section_is_code(Assembler *a);                      /* current section has SHF_EXECINSTR */
int asm_section_is_bss(Assembler *a);                       /* current section is SHT_NOBITS */

/* ---- Expressions ---- */
/* Parses the expression at s: numbers (dec, 0x, 0b, 0 octal, 'c'), symbols (quoted too), `.`,
 * numeric local labels 1f/1b, unary - ~ +, binary * / % << >> & | ^ + -, parentheses. Stops
 * at the first character that cannot continue it (',' ']' '[' ')' ...). On success stores the
 * result, sets *end past it and returns 0; otherwise reports an error at loc (column moved to
 * the offending character when s lies in loc.line_text) and returns -1. */
int asm_parse_expr(Assembler *a, const char *s, const char **end, AsmExpr *out, SrcLoc loc);
/* 1 if e is a plain constant now (no symbol, or a difference already known), storing it. */
int asm_expr_constant(Assembler *a, const AsmExpr *e, int64_t *value);
/* Column-adjusted location for the character p inside loc's line (for precise carets). */
SrcLoc asm_loc_at(SrcLoc loc, const char *p);

/* ---- Symbols ---- */
const char *asm_symbol_name(const AsmSymbol *s);        /* its name */
int asm_symbol_is_defined(const AsmSymbol *s);          /* defined by a label or .set so far */
int asm_symbol_is_global(const AsmSymbol *s);           /* .globl/.weak (bound non-locally) */
int asm_symbol_is_weak(const AsmSymbol *s);             /* .weak */
int asm_symbol_visibility(const AsmSymbol *s);          /* STV_* */
AsmSection *asm_symbol_section(const AsmSymbol *s);     /* NULL if undefined or absolute */
void asm_symbol_keep(AsmSymbol *s);                     /* emit it even if nothing refers to it */
int asm_section_flags_merge(const AsmSection *s);       /* section has SHF_MERGE */

/* ---- Fixups ---- */
/* Records a field of `size` bytes starting at the current position of the current section
 * (call it just before emitting the field's placeholder bytes). */
void asm_fixup(Assembler *a, int reloc_type, int size, int pcrel, const AsmExpr *e, SrcLoc loc);
/* Same, at a final offset of section s (only from relax_write). */
void asm_fixup_final(Assembler *a, AsmSection *s, uint64_t offset, int reloc_type, int size,
                     int pcrel, const AsmExpr *e, SrcLoc loc);

/* ---- Target state ---- */
void *asm_target_state(Assembler *a);                   /* per-assembly pointer for the target */
void asm_set_target_state(Assembler *a, void *state);   /* set it (the core free()s it) */
#endif
