/* emit_x86_64.c — IR to x86-64 assembly (Intel syntax, DESIGN.md §3).
 *
 * Frame (System V, frame pointer kept):
 *     [rbp+16...]        incoming stack arguments (words 6 and up)
 *     [rbp+8]            return address, [rbp] caller's rbp
 *     [rbp-8*(i+1)]      saved callee-saved registers used by the allocator
 *     [rbp-8*(nsave+k+1)] spill slot k
 *     [rsp+8*(nout+i)]   scratch buffer word i (argument arrays for the runtime)
 *     [rsp+8*j]          outgoing stack argument j
 * Allocatable registers: rbx r12 r13 r14 r15 (callee-saved).  Scratch: rax rcx
 * rdx r10 r11, the argument registers and xmm0/xmm1, only inside one instruction. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "compiler/codegen_target.h"
#include "runtime/sox_abi.h"

static const char *const alloc_regs[] = {"rbx", "r12", "r13", "r14", "r15"};
static const char *const arg_regs[] = {"rdi", "rsi", "rdx", "rcx", "r8", "r9"};
#define NALLOC 5
#define NARGREGS 6

typedef struct X86 {
    FuncCtx *c;
    Buf *o;
    int nsave;
    int save_slot[NALLOC];  /* frame word of each saved register */
    char opbuf[4][64];
    int opnext;
} X86;

static void ins(X86 *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void ins(X86 *x, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    buf_str(x->o, "\t");
    buf_vprintf(x->o, fmt, ap);
    buf_str(x->o, "\n");
    va_end(ap);
}

/* The operand text of vreg v: its register or its stack slot. */
static const char *opnd(X86 *x, int v) {
    if (x->c->reg[v] >= 0) return alloc_regs[x->c->reg[v]];
    char *b = x->opbuf[x->opnext++ & 3];
    snprintf(b, 64, "QWORD PTR [rbp-%d]", 8 * (x->nsave + x->c->slot[v] + 1));
    return b;
}

static void ld(X86 *x, const char *reg, int v) {
    const char *src = opnd(x, v);
    if (strcmp(src, reg)) ins(x, "mov %s, %s", reg, src);
}

static void st(X86 *x, int v, const char *reg) {
    if (v < 0) return;
    const char *dst = opnd(x, v);
    if (strcmp(dst, reg)) ins(x, "mov %s, %s", dst, reg);
}

static void mov_imm(X86 *x, const char *reg, uint64_t v) {
    if ((int64_t)v >= INT32_MIN && (int64_t)v <= INT32_MAX) ins(x, "mov %s, %" PRId64, reg, (int64_t)v);
    else ins(x, "movabs %s, 0x%" PRIx64, reg, v);
}

static int buf_offset(X86 *x, int word) { return 8 * (x->c->nout + word); }

static const char *block_label(X86 *x, const IrBlock *b) {
    char *s = x->opbuf[x->opnext++ & 3];
    snprintf(s, 64, ".LB%d_%d", x->c->fid, b->id);
    return s;
}

static void untag(X86 *x, const char *reg) {
    ins(x, "shl %s, 16", reg);
    ins(x, "shr %s, 16", reg);
}

/* Jumps to `slow` unless reg holds a number (some QNAN bit clear); clobbers rdx. */
static void check_number(X86 *x, const char *reg, int slow) {
    ins(x, "mov rdx, %s", reg);
    ins(x, "and rdx, r11");
    ins(x, "cmp rdx, r11");
    ins(x, "je .LL%d", slow);
}

static void bool_from_al(X86 *x) {
    ins(x, "movzx eax, al");
    ins(x, "movabs rcx, 0x%" PRIx64, (uint64_t)SOX_FALSE);
    ins(x, "or rax, rcx");
}

static const char *slow_entry(IrOp op) {
    switch (op) {
    case IR_ADD: return "sox_add";
    case IR_SUB: return "sox_sub";
    case IR_MUL: return "sox_mul";
    case IR_DIV: return "sox_div";
    case IR_LT: return "sox_less";
    case IR_LE: return "sox_less_equal";
    case IR_GT: return "sox_greater";
    case IR_GE: return "sox_greater_equal";
    case IR_EQ: return "sox_equal";
    case IR_NE: return "sox_not_equal";
    default: return "sox_negate";
    }
}

/* a op b with both numbers inline, anything else through the runtime. */
static void emit_binary(X86 *x, const IrInstr *in) {
    int slow = cg_new_label(x->c), done = cg_new_label(x->c);
    ld(x, "rax", in->a);
    ld(x, "rcx", in->b);
    ins(x, "movabs r11, 0x%" PRIx64, (uint64_t)SOX_QNAN);
    check_number(x, "rax", slow);
    check_number(x, "rcx", slow);
    ins(x, "movq xmm0, rax");
    ins(x, "movq xmm1, rcx");
    switch (in->op) {
    case IR_ADD: ins(x, "addsd xmm0, xmm1"); break;
    case IR_SUB: ins(x, "subsd xmm0, xmm1"); break;
    case IR_MUL: ins(x, "mulsd xmm0, xmm1"); break;
    case IR_DIV: ins(x, "divsd xmm0, xmm1"); break;
    /* ucomisd sets CF/ZF like an unsigned compare, PF on NaN; "above" forms are
     * false for unordered operands, so a < b is tested as b > a. */
    case IR_LT: ins(x, "ucomisd xmm1, xmm0"); ins(x, "seta al"); break;
    case IR_LE: ins(x, "ucomisd xmm1, xmm0"); ins(x, "setae al"); break;
    case IR_GT: ins(x, "ucomisd xmm0, xmm1"); ins(x, "seta al"); break;
    case IR_GE: ins(x, "ucomisd xmm0, xmm1"); ins(x, "setae al"); break;
    case IR_EQ:
        ins(x, "ucomisd xmm0, xmm1");
        ins(x, "sete al");
        ins(x, "setnp cl");
        ins(x, "and al, cl");
        break;
    case IR_NE:
        ins(x, "ucomisd xmm0, xmm1");
        ins(x, "setne al");
        ins(x, "setp cl");
        ins(x, "or al, cl");
        break;
    default: break;
    }
    if (in->op <= IR_DIV) ins(x, "movq rax, xmm0");
    else bool_from_al(x);
    ins(x, "jmp .LL%d", done);
    buf_printf(x->o, ".LL%d:\n", slow);
    ins(x, "mov rdi, rax");
    ins(x, "mov rsi, rcx");
    ins(x, "call %s", slow_entry(in->op));
    buf_printf(x->o, ".LL%d:\n", done);
    st(x, in->dst, "rax");
}

static void emit_neg(X86 *x, const IrInstr *in) {
    int slow = cg_new_label(x->c), done = cg_new_label(x->c);
    ld(x, "rax", in->a);
    ins(x, "movabs r11, 0x%" PRIx64, (uint64_t)SOX_QNAN);
    check_number(x, "rax", slow);
    ins(x, "btc rax, 63");
    ins(x, "jmp .LL%d", done);
    buf_printf(x->o, ".LL%d:\n", slow);
    ins(x, "mov rdi, rax");
    ins(x, "call sox_negate");
    buf_printf(x->o, ".LL%d:\n", done);
    st(x, in->dst, "rax");
}

/* Falsey values are nil and false, adjacent encodings: v - NIL <= 1 unsigned. */
static void falsey_test(X86 *x, int v) {
    ld(x, "rax", v);
    ins(x, "movabs rcx, 0x%" PRIx64, (uint64_t)SOX_NIL);
    ins(x, "sub rax, rcx");
    ins(x, "cmp rax, 1");
}

static void emit_not(X86 *x, const IrInstr *in) {
    falsey_test(x, in->a);
    ins(x, "setbe al");
    bool_from_al(x);
    st(x, in->dst, "rax");
}

/* Loads one call argument into reg (an argument register or r10). */
static void load_arg(X86 *x, const char *reg, const IrArg *a) {
    switch (a->kind) {
    case ARG_VREG: ld(x, reg, (int)a->v); break;
    case ARG_IMM: mov_imm(x, reg, (uint64_t)a->v); break;
    case ARG_SYM: ins(x, "lea %s, [rip+%s]", reg, a->sym); break;
    case ARG_BUF: ins(x, "lea %s, [rsp+%d]", reg, buf_offset(x, (int)a->v)); break;
    }
}

static void place_args(X86 *x, const IrArg *args, int n, int first_word) {
    for (int i = 0; i < n; i++) {
        int w = first_word + i;
        if (w < NARGREGS) continue;
        load_arg(x, "r10", &args[i]);
        ins(x, "mov QWORD PTR [rsp+%d], r10", 8 * (w - NARGREGS));
    }
    for (int i = 0; i < n; i++)
        if (first_word + i < NARGREGS) load_arg(x, arg_regs[first_word + i], &args[i]);
}

static void emit_rtcall(X86 *x, const IrInstr *in) {
    place_args(x, in->args, in->nargs, 0);
    ins(x, "call %s", in->sym);
    st(x, in->dst, "rax");
}

/* The inline call: a closure of the right arity is called through its code
 * pointer; anything else goes to sox_call with the arguments in the buffer. */
static void emit_call(X86 *x, const IrInstr *in) {
    int slow = cg_new_label(x->c), done = cg_new_label(x->c);
    ld(x, "rax", in->a);
    ins(x, "mov r11, rax");
    ins(x, "shr r11, 50");
    ins(x, "cmp r11d, 0x3fff");
    ins(x, "jne .LL%d", slow);
    ins(x, "mov r11, rax");
    untag(x, "r11");
    ins(x, "cmp BYTE PTR [r11], %d", SOX_OBJ_CLOSURE);
    ins(x, "jne .LL%d", slow);
    ins(x, "cmp DWORD PTR [r11+24], %d", in->nargs);
    ins(x, "jne .LL%d", slow);
    place_args(x, in->args, in->nargs, 1);
    ins(x, "mov rdi, rax");
    ins(x, "call QWORD PTR [r11+16]");
    ins(x, "jmp .LL%d", done);
    buf_printf(x->o, ".LL%d:\n", slow);
    for (int i = 0; i < in->nargs; i++) {
        ld(x, "r10", (int)in->args[i].v);
        ins(x, "mov QWORD PTR [rsp+%d], r10", buf_offset(x, i));
    }
    ins(x, "mov rdi, rax");
    ins(x, "mov esi, %d", in->nargs);
    ins(x, "lea rdx, [rsp+%d]", buf_offset(x, 0));
    ins(x, "call sox_call");
    buf_printf(x->o, ".LL%d:\n", done);
    st(x, in->dst, "rax");
}

static void undefined_check(X86 *x, const IrInstr *in) {
    int ok = cg_new_label(x->c);
    ins(x, "mov rax, QWORD PTR [rip+.Lroots+%d]", 8 * (int)in->imm);
    ins(x, "movabs rcx, 0x%" PRIx64, (uint64_t)SOX_UNDEF);
    ins(x, "cmp rax, rcx");
    ins(x, "jne .LL%d", ok);
    ins(x, "mov rdi, QWORD PTR [rip+.Lroots+%d]", 8 * (int)in->imm2);
    ins(x, "call sox_undefined_variable");
    buf_printf(x->o, ".LL%d:\n", ok);
}

static void jump_to(X86 *x, const IrBlock *from, const IrBlock *to) {
    if (to->id != from->id + 1) ins(x, "jmp %s", block_label(x, to));
}

static void epilogue(X86 *x) {
    for (int i = 0; i < NALLOC; i++)
        if (x->c->used_regs & (1u << i)) ins(x, "mov %s, QWORD PTR [rbp-%d]", alloc_regs[i], 8 * (x->save_slot[i] + 1));
    ins(x, "leave");
    ins(x, "ret");
}

static void emit_instr(X86 *x, const IrBlock *b, const IrInstr *in) {
    cg_line(x->c, in->line);
    switch (in->op) {
    case IR_CONST:
        if (x->c->reg[in->dst] >= 0) {
            mov_imm(x, opnd(x, in->dst), (uint64_t)in->imm);
        } else if (in->imm >= INT32_MIN && in->imm <= INT32_MAX) {
            ins(x, "mov %s, %" PRId64, opnd(x, in->dst), in->imm);
        } else {
            mov_imm(x, "rax", (uint64_t)in->imm);
            st(x, in->dst, "rax");
        }
        break;
    case IR_MOV:
        if (x->c->reg[in->dst] >= 0) ld(x, opnd(x, in->dst), in->a);
        else { ld(x, "rax", in->a); st(x, in->dst, "rax"); }
        break;
    case IR_PARAM:
        if (in->imm < NARGREGS) {
            st(x, in->dst, arg_regs[in->imm]);
        } else {
            ins(x, "mov rax, QWORD PTR [rbp+%d]", 16 + 8 * (int)(in->imm - NARGREGS));
            st(x, in->dst, "rax");
        }
        break;
    case IR_ROOT_GET:
        ins(x, "mov rax, QWORD PTR [rip+.Lroots+%d]", 8 * (int)in->imm);
        st(x, in->dst, "rax");
        break;
    case IR_GLOBAL_GET:
        undefined_check(x, in);
        st(x, in->dst, "rax");
        break;
    case IR_GLOBAL_SET:
        undefined_check(x, in);
        /* fall through */
    case IR_GLOBAL_DEF:
        ld(x, "rax", in->a);
        ins(x, "mov QWORD PTR [rip+.Lroots+%d], rax", 8 * (int)in->imm);
        break;
    case IR_LOAD:
        ld(x, "rax", in->a);
        untag(x, "rax");
        ins(x, "mov rax, QWORD PTR [rax+%d]", (int)in->imm);
        st(x, in->dst, "rax");
        break;
    case IR_STORE:
        ld(x, "rax", in->a);
        untag(x, "rax");
        ld(x, "rcx", in->b);
        ins(x, "mov QWORD PTR [rax+%d], rcx", (int)in->imm);
        break;
    case IR_UNTAG:
        ld(x, "rax", in->a);
        untag(x, "rax");
        st(x, in->dst, "rax");
        break;
    case IR_BUF_STORE:
        ld(x, "rax", in->a);
        ins(x, "mov QWORD PTR [rsp+%d], rax", buf_offset(x, (int)in->imm));
        break;
    case IR_BUF_LOAD:
        ins(x, "mov rax, QWORD PTR [rsp+%d]", buf_offset(x, (int)in->imm));
        st(x, in->dst, "rax");
        break;
    case IR_ADD: case IR_SUB: case IR_MUL: case IR_DIV:
    case IR_LT: case IR_LE: case IR_GT: case IR_GE: case IR_EQ: case IR_NE:
        emit_binary(x, in);
        break;
    case IR_NEG: emit_neg(x, in); break;
    case IR_NOT: emit_not(x, in); break;
    case IR_CALL: emit_call(x, in); break;
    case IR_RTCALL: emit_rtcall(x, in); break;
    case IR_JMP: jump_to(x, b, in->target); break;
    case IR_BR:
        falsey_test(x, in->a);
        ins(x, "jbe %s", block_label(x, in->target2));
        jump_to(x, b, in->target);
        break;
    case IR_BR_NEG:
        ld(x, "rax", in->a);
        ins(x, "test rax, rax");
        ins(x, "js %s", block_label(x, in->target));
        jump_to(x, b, in->target2);
        break;
    case IR_BR_IS:
        ld(x, "rax", in->a);
        mov_imm(x, "rcx", (uint64_t)in->imm);
        ins(x, "cmp rax, rcx");
        ins(x, "je %s", block_label(x, in->target));
        jump_to(x, b, in->target2);
        break;
    case IR_RET:
        ld(x, "rax", in->a);
        epilogue(x);
        break;
    case IR_OP_COUNT: break;
    }
}

static void prologue(X86 *x) {
    FuncCtx *c = x->c;
    const IrFunc *f = c->f;
    x->nsave = 0;
    for (int i = 0; i < NALLOC; i++)
        if (c->used_regs & (1u << i)) x->save_slot[i] = x->nsave++;
    int words = x->nsave + c->nslots + f->nbuf + c->nout;
    int frame = (8 * words + 15) & ~15;
    ins(x, "push rbp");
    ins(x, "mov rbp, rsp");
    if (frame) ins(x, "sub rsp, %d", frame);
    for (int i = 0; i < NALLOC; i++)
        if (c->used_regs & (1u << i)) ins(x, "mov QWORD PTR [rbp-%d], %s", 8 * (x->save_slot[i] + 1), alloc_regs[i]);
    int ok = cg_new_label(c);
    ins(x, "cmp rsp, QWORD PTR [rip+sox_stack_limit]");
    ins(x, "jae .LL%d", ok);
    ins(x, "call sox_stack_overflow");
    buf_printf(x->o, ".LL%d:\n", ok);
}

static void emit_func_x86_64(FuncCtx *c) {
    X86 x = {.c = c, .o = c->out};
    const IrFunc *f = c->f;
    buf_str(x.o, "\n\t.p2align 4\n");
    if (f->is_global) buf_printf(x.o, "\t.globl %s\n", f->sym);
    buf_printf(x.o, "\t.type %s, @function\n%s:\n", f->sym, f->sym);
    c->cur_line = 0;
    cg_line(c, f->blocks[0]->nins ? f->blocks[0]->ins[0].line : 1);
    prologue(&x);
    for (int i = 0; i < f->nblocks; i++) {
        const IrBlock *b = f->blocks[i];
        buf_printf(x.o, "%s:\n", block_label(&x, b));
        for (int k = 0; k < b->nins; k++) emit_instr(&x, b, &b->ins[k]);
        /* a block without a terminator is unreachable padding: end it safely */
        if (!b->nins || !ir_is_terminator(b->ins[b->nins - 1].op)) {
            if (i + 1 == f->nblocks) ins(&x, "ud2");
        }
    }
    buf_printf(x.o, "\t.size %s, .-%s\n", f->sym, f->sym);
}

const TargetDesc target_desc_x86_64 = {
    .header = "\t.intel_syntax noprefix\n",
    .nregs = NALLOC,
    .nargregs = NARGREGS,
    .emit_func = emit_func_x86_64,
};
