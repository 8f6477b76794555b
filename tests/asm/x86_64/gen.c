/* gen.c — random valid x86-64 Intel-syntax instructions for the differential test against
 * GNU as:  gen SEED COUNT > file.s
 * Covers the integer, branch, load/store and SSE2 families in every addressing form, plus
 * labels, forward/backward branches (relaxation), alignment and data with relocations. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

static uint64_t state;
static unsigned rnd(unsigned n) {
    state ^= state << 13; state ^= state >> 7; state ^= state << 17;
    return (unsigned)(state % n);
}

static const char *r64[] = { "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                             "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15" };
static const char *r32[] = { "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi",
                             "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d" };
static const char *r16[] = { "ax", "cx", "dx", "bx", "sp", "bp", "si", "di",
                             "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w" };
static const char *r8[] = { "al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil",
                            "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b" };
static const char *syms[] = { "ext_a", "ext_b", "glob_f", "local_f", "data_v", ".LCx" };
static const char *ptr[] = { "", "BYTE PTR ", "WORD PTR ", "", "DWORD PTR ", "", "", "", "QWORD PTR " };

static const char *reg(int size) {
    unsigned i = rnd(16);
    switch (size) {
    case 1: return r8[i];
    case 2: return r16[i];
    case 4: return r32[i];
    default: return r64[i];
    }
}

static long imm_for(int size) {
    switch (rnd(6)) {
    case 0: return 0;
    case 1: return 1;
    case 2: return (long)rnd(128) - 64;
    case 3: return size == 1 ? (long)rnd(256) : (long)rnd(200) + 100;
    case 4: return size == 1 ? -128 : size == 2 ? (long)rnd(65536) : (long)rnd(2000000000) - 1000000000;
    default: return size == 1 ? 127 : -129;
    }
}

static char membuf[128];
static const char *mem(int size) {
    char disp[48] = "";
    const char *base = r64[rnd(16)];
    unsigned idx = rnd(16);
    while (idx == 4) idx = rnd(16);
    int scale = 1 << rnd(4);
    switch (rnd(10)) {
    case 0: snprintf(membuf, sizeof membuf, "%s[%s]", ptr[size], base); break;
    case 1: snprintf(membuf, sizeof membuf, "%s[%s%+d]", ptr[size], base, (int)rnd(256) - 128); break;
    case 2: snprintf(membuf, sizeof membuf, "%s[%s%+d]", ptr[size], base, (int)rnd(100000) - 50000); break;
    case 3: snprintf(membuf, sizeof membuf, "%s[%s+%s*%d]", ptr[size], base, r64[idx], scale); break;
    case 4: snprintf(membuf, sizeof membuf, "%s[%s+%s*%d%+d]", ptr[size], base, r64[idx], scale, (int)rnd(512) - 256); break;
    case 5: snprintf(membuf, sizeof membuf, "%s[%s*%d%+d]", ptr[size], r64[idx], scale, (int)rnd(4096)); break;
    case 6: snprintf(membuf, sizeof membuf, "%s%s[rip]", ptr[size], syms[rnd(6)]); break;
    case 7: snprintf(membuf, sizeof membuf, "%s%s[rip+%d]", ptr[size], syms[rnd(6)], (int)rnd(64)); break;
    case 8: snprintf(membuf, sizeof membuf, "%s%s[0+%s*%d]", ptr[size], syms[rnd(5)], r64[idx], scale); break;
    default: snprintf(membuf, sizeof membuf, "%s[rip+%s%s]", ptr[size], syms[rnd(6)], disp); break;
    }
    return membuf;
}

static int rsize(void) { static const int s[] = { 1, 2, 4, 8, 8, 4 }; return s[rnd(6)]; }

static const char *alu[] = { "add", "or", "adc", "sbb", "and", "sub", "xor", "cmp" };
static const char *unary[] = { "inc", "dec", "neg", "not", "mul", "div", "idiv", "imul" };
static const char *shifts[] = { "shl", "shr", "sar", "rol", "ror", "sal" };
static const char *cc[] = { "o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np",
                            "l", "ge", "le", "g", "z", "nz", "c", "nc" };
static const char *sse_rm[] = { "addsd", "subsd", "mulsd", "divsd", "sqrtsd", "minsd", "maxsd",
    "ucomisd", "comisd", "cvtsd2ss", "cvtss2sd", "xorpd", "andpd", "orpd", "andnpd", "pxor",
    "unpcklpd", "punpckldq", "punpcklqdq", "addss", "mulss", "movapd", "movaps", "movsd", "movq",
    "cmpltsd", "cmpeqsd", "cmpnlesd", "movdqa", "movdqu", "movups" };
static const char *fixed[] = { "cqo", "cdq", "cdqe", "ret", "leave", "nop", "ud2", "int3",
                               "syscall", "endbr64", "cwde" };

static int nlabels;

static void instruction(void) {
    int s = rsize();
    unsigned x = rnd(100);
    if (x < 14) {
        const char *op = alu[rnd(8)];
        switch (rnd(4)) {
        case 0: printf("\t%s %s, %s\n", op, reg(s), reg(s)); break;
        case 1: printf("\t%s %s, %s\n", op, reg(s), mem(s)); break;
        case 2: printf("\t%s %s, %s\n", op, mem(s), reg(s)); break;
        default:
            if (rnd(2)) printf("\t%s %s, %ld\n", op, reg(s), imm_for(s));
            else printf("\t%s %s, %ld\n", op, mem(s ? s : 4), imm_for(s));
        }
    } else if (x < 26) {
        switch (rnd(7)) {
        case 0: printf("\tmov %s, %s\n", reg(s), reg(s)); break;
        case 1: printf("\tmov %s, %s\n", reg(s), mem(s)); break;
        case 2: printf("\tmov %s, %s\n", mem(s), reg(s)); break;
        case 3: printf("\tmov %s, %ld\n", reg(s), imm_for(s)); break;
        case 4: printf("\tmov %s, %ld\n", mem(s), imm_for(s)); break;
        case 5: printf("\tmovabs %s, %lld\n", r64[rnd(16)], (long long)rnd(1u << 31) * 12345678LL); break;
        default: printf("\tmov %s, OFFSET FLAT:%s\n", rnd(2) ? r32[rnd(16)] : r64[rnd(16)], syms[rnd(5)]);
        }
    } else if (x < 32) {
        static const char *ext[] = { "movzx", "movsx" };
        int from = rnd(2) ? 1 : 2, to = from == 1 ? (rnd(3) ? 4 : rnd(2) ? 2 : 8) : (rnd(2) ? 4 : 8);
        if (rnd(2)) printf("\t%s %s, %s\n", ext[rnd(2)], reg(to), reg(from));
        else printf("\t%s %s, %s\n", ext[rnd(2)], reg(to), mem(from));
        if (!rnd(3)) printf("\tmovsxd %s, %s\n", r64[rnd(16)], rnd(2) ? r32[rnd(16)] : mem(4));
    } else if (x < 37) {
        printf("\tlea %s, %s\n", rnd(4) ? r64[rnd(16)] : r32[rnd(16)], mem(0));
    } else if (x < 41) {
        if (rnd(2)) printf("\tpush %s\n", rnd(3) ? r64[rnd(16)] : mem(8));
        else printf("\tpop %s\n", rnd(3) ? r64[rnd(16)] : mem(8));
    } else if (x < 47) {
        const char *op = unary[rnd(8)];
        printf("\t%s %s\n", op, rnd(2) ? reg(s) : mem(s));
    } else if (x < 51) {
        int s2 = rnd(2) ? 4 : 8;
        switch (rnd(3)) {
        case 0: printf("\timul %s, %s\n", reg(s2), rnd(2) ? reg(s2) : mem(s2)); break;
        case 1: printf("\timul %s, %s, %ld\n", reg(s2), rnd(2) ? reg(s2) : mem(s2), imm_for(4)); break;
        default: printf("\timul %s, %ld\n", reg(s2), imm_for(4));
        }
    } else if (x < 56) {
        const char *op = shifts[rnd(6)];
        const char *dst = rnd(2) ? reg(s) : mem(s);
        switch (rnd(3)) {
        case 0: printf("\t%s %s, 1\n", op, dst); break;
        case 1: printf("\t%s %s, cl\n", op, dst); break;
        default: printf("\t%s %s, %u\n", op, dst, rnd(s * 8));
        }
    } else if (x < 61) {
        switch (rnd(3)) {
        case 0: printf("\tset%s %s\n", cc[rnd(20)], rnd(2) ? r8[rnd(16)] : mem(1)); break;
        case 1: { int s2 = rnd(2) ? 4 : 8; printf("\tcmov%s %s, %s\n", cc[rnd(20)], reg(s2), rnd(2) ? reg(s2) : mem(s2)); break; }
        default: printf("\ttest %s, %s\n", reg(s), rnd(2) ? reg(s) : "1");
        }
    } else if (x < 73) {
        /* branches: local labels (relaxation), numeric labels, external and global targets */
        switch (rnd(6)) {
        case 0: printf("\tj%s .Lg%u\n", cc[rnd(20)], rnd(nlabels + 8)); break;
        case 1: printf("\tjmp .Lg%u\n", rnd(nlabels + 8)); break;
        case 2: printf("\tj%s %uf\n", cc[rnd(20)], rnd(3) + 1); break;
        case 3: printf("\tcall %s\n", rnd(2) ? "ext_a@PLT" : syms[rnd(4)]); break;
        case 4: printf("\tjmp %s\n", syms[rnd(4)]); break;
        default: printf("\tcall %s\n", rnd(2) ? r64[rnd(16)] : mem(8));
        }
    } else if (x < 88) {
        const char *op = sse_rm[rnd(31)];
        int xa = rnd(16), xb = rnd(16);
        if (rnd(2)) printf("\t%s xmm%d, xmm%d\n", op, xa, xb);
        else printf("\t%s xmm%d, %s\n", op, xa, mem(0));
    } else if (x < 93) {
        switch (rnd(6)) {
        case 0: printf("\tcvtsi2sd xmm%u, %s\n", rnd(16), rnd(2) ? r64[rnd(16)] : r32[rnd(16)]); break;
        case 1: printf("\tcvttsd2si %s, xmm%u\n", rnd(2) ? r64[rnd(16)] : r32[rnd(16)], rnd(16)); break;
        case 2: printf("\tmovq %s, xmm%u\n", r64[rnd(16)], rnd(16)); break;
        case 3: printf("\tmovq xmm%u, %s\n", rnd(16), r64[rnd(16)]); break;
        case 4: printf("\tmovd xmm%u, %s\n", rnd(16), r32[rnd(16)]); break;
        default: printf("\tmovsd %s, xmm%u\n", mem(8), rnd(16));
        }
    } else {
        printf("\t%s\n", fixed[rnd(11)]);
    }
}

int main(int argc, char **argv) {
    state = argc > 1 ? strtoull(argv[1], NULL, 10) * 0x9e3779b97f4a7c15ull + 1 : 1;
    int n = argc > 2 ? atoi(argv[2]) : 1000;
    printf("\t.intel_syntax noprefix\n\t.file \"random.c\"\n\t.text\n\t.globl glob_f\n\t.type glob_f, @function\nglob_f:\n");
    for (int i = 0; i < n; i++) {
        unsigned x = rnd(100);
        if (x < 6) printf(".Lg%d:\n", nlabels++);
        else if (x < 8) printf("%u:\n", rnd(3) + 1);
        else if (x < 9) printf("\t.p2align %u%s\n", rnd(5), rnd(2) ? ",,7" : "");
        if (i == n * 3 / 4) printf("local_f:\n");
        instruction();
        if (i == n / 2) printf("\t.size glob_f, .-glob_f\n");
    }
    for (int i = 0; i < nlabels + 8; i++) if (i >= nlabels) printf(".Lg%d:\n", i);
    printf("1:\n2:\n3:\n\tret\n");
    printf("\t.section .rodata.str1.1,\"aMS\",@progbits,1\n.LCx:\n\t.string \"x\"\n");
    printf("\t.data\n\t.align 8\ndata_v:\n\t.quad glob_f, local_f+8, .LCx, ext_a\n\t.long data_v-., 7\n\t.byte 1, 2\n");
    printf("\t.section .note.GNU-stack,\"\",@progbits\n");
    return 0;
}
