/* A register-machine interpreter: dense switches that gcc turns into jump tables
 * (AArch64: ".byte (.L5 - .Lrtx4) / 4" entries; x86-64: ".quad .L5" or ".long .L5-.L4"). */
#include <stdint.h>

enum { OP_LOADI, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD, OP_AND, OP_OR, OP_XOR, OP_SHL,
       OP_SHR, OP_NEG, OP_NOT, OP_JMP, OP_JZ, OP_CALL, OP_RET, OP_HALT };

typedef struct Insn { uint8_t op, a, b, c; int32_t imm; } Insn;

int64_t run_program(const Insn *code, int64_t *regs, int limit) {
    int pc = 0, sp = 0, stack[64];
    for (int steps = 0; steps < limit; steps++) {
        const Insn *in = &code[pc++];
        int64_t x = regs[in->b & 15], y = regs[in->c & 15];
        switch (in->op) {
        case OP_LOADI: regs[in->a & 15] = in->imm; break;
        case OP_ADD: regs[in->a & 15] = x + y; break;
        case OP_SUB: regs[in->a & 15] = x - y; break;
        case OP_MUL: regs[in->a & 15] = x * y; break;
        case OP_DIV: regs[in->a & 15] = y ? x / y : 0; break;
        case OP_MOD: regs[in->a & 15] = y ? x % y : 0; break;
        case OP_AND: regs[in->a & 15] = x & y; break;
        case OP_OR: regs[in->a & 15] = x | y; break;
        case OP_XOR: regs[in->a & 15] = x ^ y; break;
        case OP_SHL: regs[in->a & 15] = (int64_t)((uint64_t)x << (y & 63)); break;
        case OP_SHR: regs[in->a & 15] = x >> (y & 63); break;
        case OP_NEG: regs[in->a & 15] = -x; break;
        case OP_NOT: regs[in->a & 15] = ~x; break;
        case OP_JMP: pc = in->imm; break;
        case OP_JZ: if (!x) pc = in->imm; break;
        case OP_CALL: if (sp < 64) stack[sp++] = pc; pc = in->imm; break;
        case OP_RET: if (!sp) return regs[0]; pc = stack[--sp]; break;
        case OP_HALT: return regs[0];
        default: return -1;
        }
    }
    return -2;
}

/* Character classes of a tokenizer, as a switch over ranges. */
int char_class(int c) {
    switch (c) {
    case ' ': case '\t': case '\r': case '\n': return 1;
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9': return 2;
    case '+': case '-': case '*': case '/': case '%': return 3;
    case '(': case ')': case '[': case ']': case '{': case '}': return 4;
    case '"': case '\'': return 5;
    case ';': case ',': case '.': return 6;
    default: return 0;
    }
}
