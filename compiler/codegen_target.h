/* codegen_target.h — the interface between the target-independent part of the back
 * end (codegen.c, regalloc.c) and the per-target emitters (emit_<arch>.c).
 *
 * The register allocator gives each vreg either one of the target's allocatable
 * registers (all callee-saved, so values survive calls without extra work) or a
 * stack slot.  The emitters expand each IR instruction with a few scratch
 * registers that never hold a vreg across instructions. */
#ifndef SOX_CODEGEN_TARGET_H
#define SOX_CODEGEN_TARGET_H
#include "common/buf.h"
#include "compiler/ir.h"

typedef struct LineMark { int label; int line; } LineMark;

typedef struct FuncCtx {
    Buf *out;
    const IrFunc *f;
    int fid;                /* function number, for label names */
    int *reg;               /* per vreg: allocatable register index, or -1 */
    int *slot;              /* per vreg: stack slot, or -1 */
    int nslots;
    unsigned used_regs;     /* bit i: allocatable register i is used (save it) */
    int nout;               /* outgoing stack-argument words */
    LineMark *lines;        /* line table of the body, then of the slow paths */
    int nlines, caplines;
    int cur_line;           /* line of the instruction being emitted */
    int marked_line;        /* line of the body's last mark (-1: none yet) */
    int free_label;         /* a label of the body after its last call, else -1 */
    int block_base;         /* block i's label is .LL<block_base+i> */
    int *label_counter;     /* program-wide */
    int *uses;              /* per vreg: number of reads */
    uint8_t *is_const;      /* per vreg: its only definition is IR_CONST ... */
    uint64_t *const_val;    /* ... of this word */
    uint8_t *is_num;        /* per vreg: holds a number whenever it is read (no check needed) */
    uint8_t *targeted;      /* per block: some jump names it (else no label) */
    uint8_t *unmaterialized;/* per vreg: a number constant only read as an arithmetic
                               or comparison operand or a call argument, which the
                               emitters inline (it has no register or slot) */
    uint8_t *cold_name;     /* per vreg: an interned name (root const_val) read only as
                               the name of property reads, writes and invocations, which
                               load it on their slow paths (also unmaterialized) */
    uint8_t *fp_ok;         /* per vreg: a number that is only written and read by
                               instructions the emitters do in FP registers */
    int8_t *fp;             /* per vreg: the FP register (0..nfp-1) holding it, or -1;
                               such a vreg is never live across a call (FP registers
                               are caller-saved) */
    Buf cold;               /* slow paths, appended after the function's body */
    LineMark *cold_lines;
    int ncold, capcold;
    int cold_label, cold_line; /* the slow path being written */
    int cold_marked;        /* line of the slow paths' last mark (-1: none yet) */
} FuncCtx;

typedef struct TargetDesc {
    const char *header;     /* first lines of the file */
    int nregs;              /* allocatable registers */
    int nargregs;           /* integer argument registers */
    int nfp;                /* FP registers for number vregs (0: none) */
    void (*emit_func)(FuncCtx *c);
} TargetDesc;

extern const TargetDesc target_desc_x86_64;
extern const TargetDesc target_desc_aarch64;

/* regalloc.c */
void regalloc(FuncCtx *c, int nregs, int nfp, int opt_level);
/* Whether the code of `in` may call (a slow path, the runtime, a Sox function). */
int cg_may_call(const FuncCtx *c, const IrInstr *in);

/* codegen.c helpers for the emitters */
int cg_new_label(FuncCtx *c);
void cg_line(FuncCtx *c, int line);  /* before an instruction: the line it belongs to */
/* At the start of a slow path in c->cold (its first line is `.LL<label>:`). */
void cg_cold_begin(FuncCtx *c, int label, int line);
/* Just before a call instruction written to o (c->out or c->cold): marks the line
 * table when this call's line differs from the previous call's.  The emitters'
 * ins() calls it for every call mnemonic, so no call site can be missed. */
void cg_call_site(FuncCtx *c, Buf *o);
int cg_is_number_const(const FuncCtx *c, int v);
/* Operand v of `in` is surely a number (c->is_num, IrInstr.num_ops): skip its check. */
int cg_known_number(const FuncCtx *c, const IrInstr *in, int v);
int cg_exact_reciprocal(uint64_t d, uint64_t *recip); /* 1/d when x/d == x*(1/d) */
int cg_outgoing_words(const IrFunc *f, int nargregs);

/* Operand text without snprintf (emission is the compiler's hot loop): each writes
 * at dst, NUL-terminates, and returns a pointer to the NUL for chaining. */
char *cg_put_str(char *dst, const char *s);
char *cg_put_dec(char *dst, int64_t v);
/* The label of block `id`, ".LL<block_base+id>", into dst (at least 32 bytes);
 * returns dst. */
const char *cg_block_label(char *dst, const FuncCtx *c, int id);
/* Defines .LL<n> in o; labels of the body are remembered for cg_call_site. */
void cg_label(FuncCtx *c, Buf *o, int n);
#endif
