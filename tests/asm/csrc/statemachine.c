/* A state machine (UTF-8 decoder + a tiny VM with a jump table) and globals of every kind. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int counter;
static long hidden_total = 7;
const char *greeting = "hello, world";
char buffer[256];
static double weights[4] = { 0.5, 1.5, -2.25, 8.0 };
__attribute__((weak)) int weak_hook(int x) { return x + 1; }

int utf8_decode(const unsigned char *s, size_t n, uint32_t *out) {
    size_t i = 0;
    int count = 0;
    while (i < n) {
        unsigned c = s[i];
        uint32_t cp;
        int extra;
        if (c < 0x80) { cp = c; extra = 0; }
        else if ((c & 0xe0) == 0xc0) { cp = c & 0x1f; extra = 1; }
        else if ((c & 0xf0) == 0xe0) { cp = c & 0x0f; extra = 2; }
        else if ((c & 0xf8) == 0xf0) { cp = c & 0x07; extra = 3; }
        else return -1;
        if (i + (size_t)extra >= n + (extra ? 0 : 1)) return -1;
        for (int k = 1; k <= extra; k++) {
            if ((s[i + k] & 0xc0) != 0x80) return -1;
            cp = cp << 6 | (s[i + k] & 0x3f);
        }
        out[count++] = cp;
        i += (size_t)extra + 1;
    }
    return count;
}

enum Op { OP_PUSH, OP_ADD, OP_SUB, OP_MUL, OP_DUP, OP_SWAP, OP_JNZ, OP_PRINT, OP_HALT };

long run(const int *code) {
    long stack[64];
    int sp = 0, pc = 0;
    for (;;) {
        switch ((enum Op)code[pc++]) {
        case OP_PUSH: stack[sp++] = code[pc++]; break;
        case OP_ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case OP_SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case OP_MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case OP_DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case OP_SWAP: { long t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; break; }
        case OP_JNZ: { int target = code[pc++]; if (stack[--sp]) pc = target; break; }
        case OP_PRINT: printf("%ld\n", stack[--sp]); counter++; break;
        case OP_HALT: return sp ? stack[sp - 1] : 0;
        default: return -1;
        }
    }
}

double weighted(int i) { hidden_total += i; return weights[i & 3] * (double)hidden_total; }
int main(void) {
    static const int prog[] = { OP_PUSH, 5, OP_DUP, OP_PRINT, OP_PUSH, 1, OP_SUB, OP_DUP, OP_JNZ, 2, OP_HALT };
    snprintf(buffer, sizeof buffer, "%s %d", greeting, weak_hook(1));
    puts(buffer);
    return (int)run(prog) + (int)weighted(3);
}
