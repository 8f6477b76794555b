/* aarch64.h — private interface between the AArch64 parts of soxas:
 * the operand parser (aarch64_operand.c), the immediate encoders (aarch64_imm.c)
 * and the table-driven instruction encoder (encode_aarch64.c).
 *
 * An instruction's operand text is parsed into an array of A64Operand, one per
 * comma-separated GNU operand (so "add x0, x1, x2, lsl #3" is four operands, the
 * last one a shift).  The encoder matches them against its table and produces one
 * 32-bit word plus at most one fixup. */
#ifndef SOX_AARCH64_H
#define SOX_AARCH64_H
#include <stdbool.h>
#include <stdint.h>
#include "common/diag.h"
#include "assembler/asm.h"

/* ---- Registers ---- */
typedef enum A64RegKind { RK_GPR = 1, RK_FP, RK_VEC } A64RegKind;

typedef struct A64Reg {
    uint8_t kind;    /* A64RegKind */
    uint8_t num;     /* 0..31 (31 is sp or zr for RK_GPR) */
    uint8_t bits;    /* GPR: 32/64; FP: 8,16,32,64,128 (b h s d q); VEC: element bits */
    uint8_t is_sp;   /* GPR 31 spelled sp/wsp (otherwise 31 is xzr/wzr) */
    uint8_t lanes;   /* VEC: lanes of the arrangement (v0.4s: 4), 0 for an element */
    int8_t index;    /* VEC: element index (v0.d[1]: 1), -1 if none */
} A64Reg;

/* ---- Expressions ---- */
/* Relocation operators written before an expression, e.g. ":lo12:sym". */
typedef enum A64Mod {
    MOD_NONE, MOD_LO12, MOD_GOT, MOD_GOT_LO12, MOD_PG_HI21, MOD_PG_HI21_NC,
    MOD_ABS_G0, MOD_ABS_G0_NC, MOD_ABS_G1, MOD_ABS_G1_NC,
    MOD_ABS_G2, MOD_ABS_G2_NC, MOD_ABS_G3,
} A64Mod;

typedef struct A64Expr {
    A64Mod mod;
    bool is_const;        /* no symbol: value is the whole expression */
    int64_t value;        /* the constant (or the addend when there is a symbol) */
    const char *ident;    /* when the expression is one bare identifier (cond, barrier...) */
    int ident_len;
    bool parsed;          /* the core has parsed it: core is meaningful */
    AsmExpr core;         /* the core's value (symbol + addend) */
    const char *text;     /* where it starts (after the operator), for late parsing */
    int col;              /* column of text in the operand string */
} A64Expr;

/* ---- Operands ---- */
typedef enum A64OpKind {
    OP_REG = 1, OP_EXPR, OP_FIMM, OP_MEM, OP_SHIFT, OP_EXTEND,
    OP_LIST,               /* {v0.16b, v1.16b} or {v0.4s-v3.4s}: reg is the first, count */
} A64OpKind;

/* Shift and extend operators; the extend values are the "option" field encodings. */
enum { SH_LSL, SH_LSR, SH_ASR, SH_ROR, SH_MSL };
enum { EX_UXTB, EX_UXTH, EX_UXTW, EX_UXTX, EX_SXTB, EX_SXTH, EX_SXTW, EX_SXTX };

typedef enum A64MemMode { AM_OFFSET, AM_PRE, AM_POST } A64MemMode;

typedef struct A64Mem {
    A64Reg base;
    A64MemMode mode;       /* AM_POST is set by the parser when "[xN], #imm" follows */
    bool has_imm;          /* [xN, #imm] */
    A64Expr imm;           /* offset (0 when absent) */
    bool has_index;        /* [xN, xM{, ext #amount}] */
    A64Reg index;
    int ext;               /* -1 none, SH_LSL as EX_UXTX-like lsl, or EX_* */
    bool ext_is_lsl;
    bool has_amount;
    int amount;
} A64Mem;

typedef struct A64Operand {
    A64OpKind kind;
    int col;               /* offset of the operand in the operand text */
    bool hash;             /* written with '#' */
    A64Reg reg;            /* OP_REG */
    A64Expr expr;          /* OP_EXPR */
    double fimm;           /* OP_FIMM */
    A64Mem mem;            /* OP_MEM */
    int shift;             /* OP_SHIFT: SH_*; OP_EXTEND: EX_* */
    bool has_amount;       /* OP_SHIFT/OP_EXTEND */
    int amount;
    int count;             /* OP_LIST: number of consecutive registers (1..4) */
} A64Operand;

#define A64_MAX_OPERANDS 6

/* ---- Context: one instruction being encoded (defined in encode_aarch64.c) ---- */
typedef struct A64Ctx A64Ctx;
/* Location of the character at offset col of the operand text. */
SrcLoc a64_loc(A64Ctx *c, int col);
/* Parses an expression at *p (after any '#'), including a leading ":lo12:"-style operator.
 * Bare condition/barrier-like words are kept as identifiers and parsed as symbols only
 * when an instruction wants a label there (so "csel x0, x1, x2, eq" creates no symbol). */
bool a64_parse_expr(A64Ctx *c, const char **p, A64Expr *out);

/* Parses "x0, [x1, #8]!" into ops; returns the count or -1 after reporting an error. */
int a64_parse_operands(A64Ctx *c, const char *text, A64Operand *ops, int max);
bool a64_parse_reg(const char **p, A64Reg *r);     /* advances *p on success */
int a64_cond_code(const char *s, int len);         /* "eq" -> 0 ... "nv" -> 15; -1 */

/* ---- Immediate encoders (aarch64_imm.c) ---- */
/* Logical immediate for a 32- or 64-bit operation: returns N:immr:imms (13 bits) or -1. */
int a64_encode_bitmask(uint64_t imm, int width);
/* 8-bit floating point immediate of fmov, or -1 when the value is not representable. */
int a64_encode_fp8(double v);
/* AdvSIMD modified immediate (movi/mvni); returns op:cmode:abcdefgh packed as
 * op<<12 | cmode<<8 | imm8, or -1. elem_bits is 8/16/32/64, shift the lsl/msl amount. */
int a64_encode_simd_imm(uint64_t imm, int elem_bits, int shift_kind, int shift, bool invert);
#endif
