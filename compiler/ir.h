/* ir.h — soxcc's target-independent intermediate representation.
 *
 * A function is a list of basic blocks of three-address instructions over an
 * unbounded set of virtual registers (vregs).  Every vreg holds one 64-bit word:
 * almost always a NaN-boxed Value, sometimes a raw object pointer or a small
 * integer (foreach positions).  The IR is not SSA: a Sox local is one vreg that
 * is simply assigned again.  Operations that need the runtime on their slow path
 * (arithmetic, calls, global checks) stay single instructions here; the
 * per-target emitters expand them into inline fast paths plus runtime calls. */
#ifndef SOX_IR_H
#define SOX_IR_H
#include <stdint.h>
#include "common/buf.h"

typedef enum IrOp {
    IR_CONST,       /* dst = imm (raw 64-bit word) */
    IR_MOV,         /* dst = a */
    IR_PARAM,       /* dst = incoming word imm (0 = closure, then this/arguments) */
    IR_ROOT_GET,    /* dst = roots[imm] (interned constants: always defined) */
    IR_GLOBAL_GET,  /* dst = roots[imm]; SOX_UNDEF -> sox_undefined_variable(roots[imm2]);
                       imm2 < 0: known to be defined, no check */
    IR_GLOBAL_SET,  /* roots[imm] = a, same undefined check before the store */
    IR_GLOBAL_DEF,  /* roots[imm] = a (declarations: no check) */
    IR_LOAD,        /* dst = *(untag(a) + imm) */
    IR_STORE,       /* *(untag(a) + imm) = b */
    IR_UNTAG,       /* dst = untag(a): the raw object pointer */
    IR_BUF_STORE,   /* frame scratch word imm = a (argument arrays for the runtime) */
    IR_BUF_LOAD,    /* dst = frame scratch word imm */
    IR_ADD, IR_SUB, IR_MUL, IR_DIV,           /* dst = a op b, number fast path */
    IR_LT, IR_LE, IR_GT, IR_GE, IR_EQ, IR_NE, /* dst = bool Value */
    IR_NEG,         /* dst = -a */
    IR_NOT,         /* dst = !a */
    IR_CALL,        /* dst = a(args): inline closure fast path, else sox_call; with sym,
                       a is surely a closure of the code sym with this arity: called directly */
    IR_RTCALL,      /* dst = sym(args): plain call of a runtime entry point */
    IR_JMP,         /* goto target */
    IR_BR,          /* if truthy(a) goto target else target2 */
    IR_BR_NEG,      /* if (int64)a < 0 goto target else target2 */
    IR_BR_IS,       /* if a == imm (raw word) goto target else target2 */
    IR_RET,         /* return a */
    IR_INDEX_GET,   /* dst = a[b]: inline for arrays, else sox_index_get */
    IR_INDEX_SET,   /* dst = a[b] = args[0]: inline for arrays, else sox_index_set */
    IR_PROP_GET,    /* dst = a.(name b), cache site imm: a field the cache slot proves
                       is read inline, else sox_get_property; imm2 = the name's root + 1
                       when no method has that name (0 otherwise) */
    IR_PROP_SET,    /* dst = a.(name b) = args[0], cache site imm: updated in place when
                       the runtime would, else sox_set_property; imm2 = name's root + 1 */
    IR_INVOKE,      /* dst = a.(name b)(args), cache site imm: the cached method called
                       directly when the cache proves it, else sox_invoke */
    IR_TABLE_CALL,  /* for each {chars, len, root offset} of table sym (ended by a NULL):
                       roots[offset] = rtsym(chars, len); imm = scratch word for the cursor */
    IR_OP_COUNT
} IrOp;

typedef enum IrArgKind { ARG_VREG, ARG_IMM, ARG_SYM, ARG_BUF } IrArgKind;

/* An argument of a call: a vreg, an immediate word, the address of a symbol, or
 * the address of a word of the frame's scratch buffer. */
typedef struct IrArg {
    IrArgKind kind;
    int64_t v;              /* vreg / immediate / buffer word index */
    const char *sym;        /* ARG_SYM */
} IrArg;

typedef struct IrBlock IrBlock;

typedef struct IrInstr {
    IrOp op;
    int dst, a, b;          /* vregs, -1 when unused */
    int64_t imm, imm2;
    const char *sym;        /* IR_RTCALL callee; IR_TABLE_CALL table */
    const char *rtsym;      /* IR_TABLE_CALL callee */
    IrArg *args;
    int nargs;
    IrBlock *target, *target2;
    int line;               /* Sox source line for the trace table */
    uint8_t num_ops;        /* bit 0 / bit 1: a / b is surely a number here (ir_opt.c) */
    uint8_t no_effect;      /* IR_RTCALL: it only allocates its result (dropped if unread) */
    uint8_t a_instance;     /* IR_PROP_GET/SET, IR_INVOKE: a is `this`, surely an instance
                               (methods only ever run on one) */
} IrInstr;

struct IrBlock {
    int id;
    IrInstr *ins;
    int nins, cap;
};

typedef struct IrFunc {
    int id;                 /* index in IrProgram.funcs */
    const char *name;       /* Sox name for traces: "f", "init", "defer", "script" */
    const char *sym;        /* assembly symbol of the code */
    const char *info_sym;   /* assembly symbol of the SoxFuncInfo */
    int arity, flags, ncells;
    int getter_root;        /* a method whose body is only `return this.NAME`: NAME's root,
                               else -1 (SoxFuncInfo.getter) */
    int nparams;            /* incoming words including the closure (and this) */
    int nvregs;
    int nbuf;               /* scratch words needed by IR_BUF_* / ARG_BUF */
    int is_global;          /* sym is .globl (sox_program_entry) */
    IrBlock **blocks;
    int nblocks, capblocks;
    IrBlock *cur;           /* builder: where new instructions go (NULL = unreachable) */
    int line;               /* builder: line given to new instructions */
} IrFunc;

/* A string that the program interns into a root slot at start-up. */
typedef struct IrString { const char *chars; int len; int root; } IrString;

/* A #[test] function for --test: its name (a string of `strings`) and global slot. */
typedef struct IrTest { int name_str; int slot; } IrTest;

typedef struct IrProgram {
    IrFunc **funcs;
    int nfuncs, capfuncs;
    int nroots;             /* globals, constants and module slots */
    IrString *strings;
    int nstrings, capstrings;
    int ncaches;            /* SoxCache sites (.bss) */
    IrTest *tests;
    int ntests;
    int *native_str, *native_slot;  /* globals bound by sox_native_lookup at start-up */
    int nnatives;
    char **owned;           /* strings (symbol names) freed with the program */
    int nowned, capowned;
    uint32_t end_line;
} IrProgram;

IrFunc *ir_func_new(IrProgram *p, const char *name, const char *sym);
void ir_free_program(IrProgram *p);
void ir_free_body(IrFunc *f);               /* its blocks (once emitted) */
const char *ir_own(IrProgram *p, char *s);  /* p frees s with itself; returns s */
IrBlock *ir_block_new(IrFunc *f);
void ir_set_block(IrFunc *f, IrBlock *b);
int ir_vreg(IrFunc *f);
IrInstr *ir_emit(IrFunc *f, IrOp op, int dst, int a, int b);
int ir_const(IrFunc *f, uint64_t word);
void ir_jmp(IrFunc *f, IrBlock *to);
void ir_br(IrFunc *f, int cond, IrBlock *then, IrBlock *els);
IrInstr *ir_rtcall(IrFunc *f, int dst, const char *sym, int nargs);
int ir_buf_words(IrFunc *f, int n);      /* makes sure the scratch buffer has n words */

/* ir_opt.c: removes pure instructions whose result is never read. */
void ir_optimize(IrFunc *f, int opt_level);

const char *ir_op_name(IrOp op);
int ir_is_terminator(IrOp op);
void ir_print_func(Buf *out, const IrFunc *f);
void ir_print_program(Buf *out, const IrProgram *p);

#endif
