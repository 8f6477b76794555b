/* gen.c — random valid AArch64 instructions for the differential test against GNU as.
 *
 *   gen SEED COUNT > random.s
 *
 * Each template below is one instruction form; '%' codes are replaced by random operands
 * that are valid for that form (registers, immediates in range, encodable bitmasks and
 * FP immediates, labels defined in the file or external symbols, relocation operators).
 * The same seed always gives the same file, so a failure can be reproduced. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;

static uint64_t rnd(void)            /* xorshift64* */
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}

static int pick(int n) { return (int)(rnd() % (uint64_t)n); }
static int range(int lo, int hi) { return lo + pick(hi - lo + 1); }

enum { NLABELS = 16 };

static const char *const templates[] = {
    /* add/sub */
    "add %P, %P, #%u", "adds %X, %P, #%u", "sub %P, %P, #%u, lsl #12", "subs %X, %P, #%n",
    "add %V, %V, #%n", "sub %V, %V, #%u", "cmp %P, #%n", "cmn %V, #%u",
    "add %X, %X, %X, %a #%6", "sub %W, %W, %W, %a #%5", "adds %X, %X, %X", "subs %W, %W, %W, lsl #%5",
    "add %P, %P, %W, %e #%2", "sub %P, %P, %X, sxtx #%2", "add %V, %V, %W, uxth #%2", "cmp %P, %W, sxtw",
    "neg %X, %X, lsl #%6", "negs %W, %W", "cmp %X, %X, asr #%6", "cmn %W, %W",
    "add %P, %P, :lo12:%L", "add sp, sp, %X", "add %P, sp, %X, lsl #%2",
    /* logical */
    "and %P, %X, #%m", "orr %P, %X, #%m", "eor %V, %W, #%k", "ands %X, %X, #%m", "tst %W, #%k",
    "and %X, %X, %X, %r #%6", "orr %W, %W, %W, %r #%5", "eor %X, %X, %X", "ands %W, %W, %W, lsl #%5",
    "bic %X, %X, %X, %r #%6", "orn %W, %W, %W", "eon %X, %X, %X, asr #%6", "bics %W, %W, %W, ror #%5",
    "tst %X, %X, lsl #%6", "mvn %X, %X", "mvn %W, %W, lsr #%5",
    /* moves */
    "mov %X, %X", "mov %W, %W", "mov %P, sp", "mov sp, %R", "mov %X, #%M", "mov %W, #%N",
    "movz %X, #%h, lsl #%g", "movn %W, #%h, lsl #%G", "movk %X, #%h, lsl #%g", "movk %W, #%h",
    "movz %X, #:abs_g%z:%E", "movk %X, #:abs_g%y_nc:%E",
    /* bitfield and shifts */
    "lsl %X, %X, #%6", "lsr %W, %W, #%5", "asr %X, %X, #%6", "ror %W, %W, #%5",
    "lsl %X, %X, %X", "lsr %W, %W, %W", "asr %W, %W, %W", "ror %X, %X, %X",
    "ubfx %X, %X, #%b64", "sbfx %W, %W, #%b32", "bfxil %X, %X, #%b64", "ubfiz %W, %W, #%b32",
    "sbfiz %X, %X, #%b64", "bfi %W, %W, #%b32", "ubfm %X, %X, #%6, #%6", "sbfm %W, %W, #%5, #%5",
    "bfm %X, %X, #%6, #%6", "extr %X, %X, %X, #%6", "extr %W, %W, %W, #%5",
    "sxtb %X, %W", "sxth %W, %W", "sxtw %X, %W", "uxtb %W, %W", "uxth %W, %W",
    /* data processing */
    "rbit %X, %X", "rev16 %W, %W", "rev32 %X, %X", "rev %X, %X", "rev %W, %W", "clz %X, %X", "cls %W, %W",
    "udiv %X, %X, %X", "sdiv %W, %W, %W", "madd %X, %X, %X, %X", "msub %W, %W, %W, %W",
    "mul %X, %X, %X", "mneg %W, %W, %W", "smull %X, %W, %W", "umull %X, %W, %W",
    "smaddl %X, %W, %W, %X", "umsubl %X, %W, %W, %X", "smulh %X, %X, %X", "umulh %X, %X, %X",
    /* conditional */
    "csel %X, %X, %X, %c", "csinc %W, %W, %W, %c", "csinv %X, %X, %X, %c", "csneg %W, %W, %W, %c",
    "cset %W, %C", "csetm %X, %C", "cinc %X, %X, %C", "cinv %W, %W, %C", "cneg %X, %X, %C",
    "ccmp %X, %X, #%4, %c", "ccmn %W, #%5, #%4, %c", "ccmp %W, #%5, #%4, %c",
    /* branches */
    "b %L", "bl %L", "b.%C %L", "b%C %L", "cbz %X, %L", "cbnz %W, %L", "tbz %X, #%6, %T",
    "tbnz %W, #%5, %T", "br %X", "blr %X", "ret", "ret %X", "adr %X, %L", "adrp %X, %L",
    "adrp %X, :got:%E", "ldr %X, [%P, :got_lo12:%E]",
    /* loads and stores */
    "ldr %X, [%P, #%o3]", "str %W, [%P, #%o2]", "ldrb %W, [%P, #%o0]", "strh %W, [%P, #%o1]",
    "ldrsb %X, [%P, #%o0]", "ldrsh %W, [%P, #%o1]", "ldrsw %X, [%P, #%o2]", "ldr %D, [%P, #%o3]",
    "str %S, [%P, #%o2]", "ldr %Q, [%P, #%o4]", "str %B, [%P, #%o0]", "ldr %H, [%P, #%o1]",
    "ldr %X, [%P, #%p]!", "str %W, [%P], #%p", "ldrb %W, [%P, #%p]!", "str %D, [%P], #%p",
    "ldur %X, [%P, #%p]", "stur %W, [%P, #%p]", "ldurb %W, [%P, #%p]", "ldursw %X, [%P, #%p]",
    "ldr %X, [%P, %X, lsl #3]", "str %W, [%P, %W, uxtw #2]", "ldrh %W, [%P, %W, sxtw]",
    "ldrb %W, [%P, %X]", "ldr %D, [%P, %X, sxtx #3]", "str %S, [%P, %W, sxtw #2]",
    "ldr %X, [%P, #:lo12:%L]", "ldrb %W, [%P, :lo12:%E]", "str %Q, [%P, #:lo12:%E]",
    "ldr %X, %L", "ldr %W, %L", "ldrsw %X, %L", "ldr %D, %L", "prfm pldl1keep, [%P, #%o3]",
    "ldp %X, %X, [%P, #%j3]", "stp %W, %W, [%P, #%j2]!", "ldp %D, %D, [%P], #%j3",
    "stp %Q, %Q, [%P, #%j4]", "ldpsw %X, %X, [%P, #%j2]", "stp x29, x30, [sp, #-%z6]!",
    /* floating point */
    "fadd %D, %D, %D", "fsub %S, %S, %S", "fmul %D, %D, %D", "fdiv %S, %S, %S", "fnmul %D, %D, %D",
    "fmin %D, %D, %D", "fmax %S, %S, %S", "fminnm %D, %D, %D", "fmaxnm %S, %S, %S",
    "fmadd %D, %D, %D, %D", "fmsub %S, %S, %S, %S", "fnmadd %D, %D, %D, %D", "fnmsub %S, %S, %S, %S",
    "fabs %D, %D", "fneg %S, %S", "fsqrt %D, %D", "frintm %D, %D", "frintp %S, %S", "frintz %D, %D",
    "frinta %D, %D", "frintn %S, %S", "frintx %D, %D", "frinti %S, %S",
    "fcmp %D, %D", "fcmpe %S, %S", "fcmp %D, #0.0", "fcmpe %S, #0.0", "fccmp %D, %D, #%4, %c",
    "fcsel %D, %D, %D, %c", "fmov %D, %D", "fmov %D, #%f", "fmov %S, #%f", "fmov %X, %D",
    "fmov %D, %X", "fmov %W, %S", "fmov %S, %W", "fcvt %D, %S", "fcvt %S, %D",
    "scvtf %D, %X", "ucvtf %S, %W", "scvtf %S, %X", "fcvtzs %X, %D", "fcvtzu %W, %S",
    "fcvtms %X, %D", "fcvtps %W, %D", "fcvtas %X, %S", "fcvtns %W, %D",
    /* SIMD forms gcc emits */
    "movi d%5, #0", "movi v%5.2d, #0", "movi v%5.4s, #%8", "movi v%5.16b, #%8", "dup v%5.4s, %W",
    "ins v%5.d[1], %X", "umov %W, v%5.s[%2]", "ext v%5.16b, v%5.16b, v%5.16b, #%4",
    /* system */
    "nop", "svc #%h", "brk #%h", "dmb ish", "dmb ishld", "dsb sy", "isb",
};

#define NTEMPLATES (sizeof templates / sizeof templates[0])

static void reg(char *out, char prefix, int allow31, const char *name31)
{
    int r = range(0, allow31 ? 31 : 30);
    if (r == 31) strcpy(out, name31);
    else sprintf(out, "%c%d", prefix, r);
}

/* A logical immediate: element of 2..64 bits with a rotated run of ones, replicated. */
static uint64_t bitmask(int width)
{
    int size = 2 << pick(width == 64 ? 6 : 5);
    int ones = range(1, size - 1);
    int rot = pick(size);
    uint64_t mask = size == 64 ? ~0ULL : (1ULL << size) - 1;
    uint64_t elem = (ones == 64 ? ~0ULL : (1ULL << ones) - 1);
    if (rot) elem = ((elem >> rot) | (elem << (size - rot))) & mask;
    uint64_t v = 0;
    for (int i = 0; i < 64; i += size) v |= elem << i;
    return width == 32 ? v & 0xffffffff : v;
}

/* A mov immediate of any of the three kinds (movz, movn, orr). */
static uint64_t mov_imm(int width)
{
    int shift = 16 * pick(width / 16);
    uint64_t mask = width == 64 ? ~0ULL : 0xffffffffULL;
    switch (pick(3)) {
    case 0: return ((uint64_t)pick(0x10000) << shift) & mask;
    case 1: return ~((uint64_t)pick(0x10000) << shift) & mask;
    default: return bitmask(width);
    }
}

static void label(char *out)
{
    if (pick(4) == 0) sprintf(out, "ext%d%s", pick(3), pick(3) == 0 ? "+16" : "");
    else if (pick(8) == 0) strcpy(out, pick(2) ? "1b" : "1f");
    else sprintf(out, ".L%d", pick(NLABELS));
}

/* A load/store offset valid for an access of 1 << scale bytes (scaled or unscaled form). */
static int ldst_offset(int scale)
{
    return pick(2) ? pick(4096) << scale : range(-256, 255);
}

static void expand(const char *t, char *out)
{
    char buf[64];
    while (*t) {
        if (*t != '%') {
            *out++ = *t++;
            continue;
        }
        char code = t[1];
        t += 2;
        buf[0] = 0;
        switch (code) {
        case 'X': reg(buf, 'x', 1, "xzr"); break;
        case 'W': reg(buf, 'w', 1, "wzr"); break;
        case 'R': reg(buf, 'x', 0, ""); break;
        case 'P': reg(buf, 'x', 1, "sp"); break;
        case 'V': reg(buf, 'w', 1, "wsp"); break;
        case 'Q': sprintf(buf, "q%d", pick(32)); break;
        case 'S': sprintf(buf, "s%d", pick(32)); break;
        case 'D': sprintf(buf, "d%d", pick(32)); break;
        case 'B': sprintf(buf, "b%d", pick(32)); break;
        case 'H': sprintf(buf, "h%d", pick(32)); break;
        case 'u': sprintf(buf, "%d", pick(4096)); break;
        case 'n': sprintf(buf, "%d", range(-4095, 4095)); break;
        case '8': sprintf(buf, "%d", pick(256)); break;
        case '6': sprintf(buf, "%d", pick(64)); break;
        case '5': sprintf(buf, "%d", pick(32)); break;
        case '4': sprintf(buf, "%d", pick(16)); break;
        case '2': sprintf(buf, "%d", pick(4)); break;
        case 'h': sprintf(buf, "0x%x", pick(0x10000)); break;
        case 'g': sprintf(buf, "%d", 16 * pick(4)); break;
        case 'G': sprintf(buf, "%d", 16 * pick(2)); break;
        case 'z':
            if (*t == '6') { t++; sprintf(buf, "%d", 16 * range(1, 8)); }
            else sprintf(buf, "%d", pick(4));
            break;
        case 'y': sprintf(buf, "%d", pick(3)); break;
        case 'a': strcpy(buf, (const char *[]){ "lsl", "lsr", "asr" }[pick(3)]); break;
        case 'r': strcpy(buf, (const char *[]){ "lsl", "lsr", "asr", "ror" }[pick(4)]); break;
        case 'e': strcpy(buf, (const char *[]){ "uxtb", "uxth", "uxtw", "sxtb", "sxth", "sxtw" }[pick(6)]); break;
        case 'c': strcpy(buf, (const char *[]){ "eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls",
                                                "ge", "lt", "gt", "le", "al", "nv", "hs", "lo" }[pick(18)]); break;
        case 'C': strcpy(buf, (const char *[]){ "eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls",
                                                "ge", "lt", "gt", "le", "hs", "lo" }[pick(16)]); break;
        case 'm': sprintf(buf, "0x%llx", (unsigned long long)bitmask(64)); break;
        case 'k': sprintf(buf, "0x%llx", (unsigned long long)bitmask(32)); break;
        case 'M': sprintf(buf, "0x%llx", (unsigned long long)mov_imm(64)); break;
        case 'N': sprintf(buf, "0x%llx", (unsigned long long)mov_imm(32)); break;
        case 'f': {
            int imm8 = pick(256), e = (((imm8 >> 4) & 7) ^ 4) - 3;
            double v = (16 + (imm8 & 15)) / 16.0 * (e >= 0 ? (double)(1 << e) : 1.0 / (1 << -e));
            sprintf(buf, "%.10g", imm8 & 0x80 ? -v : v);
            if (!strchr(buf, '.') && !strchr(buf, 'e')) strcat(buf, ".0");
            break;
        }
        case 'b': {                                   /* lsb, width for a 32/64-bit field */
            int w = *t == '6' ? 64 : 32;
            t += 2;
            int lsb = pick(w), width = range(1, w - lsb);
            sprintf(buf, "%d, #%d", lsb, width);
            break;
        }
        case 'o': sprintf(buf, "%d", ldst_offset(*t++ - '0')); break;
        case 'p': sprintf(buf, "%d", range(-256, 255)); break;
        case 'j': { int s = *t++ - '0'; sprintf(buf, "%d", range(-64, 63) << s); break; }
        case 'L': label(buf); break;
        case 'T': sprintf(buf, ".L%d", pick(NLABELS)); break;   /* tbz: +-32KB, labels are close */
        case 'E': sprintf(buf, "ext%d%s", pick(3), pick(3) == 0 ? "+8" : ""); break;
        default: buf[0] = '%'; buf[1] = code; buf[2] = 0;
        }
        strcpy(out, buf);
        out += strlen(buf);
    }
    *out = 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gen SEED COUNT\n");
        return 2;
    }
    rng_state = strtoull(argv[1], NULL, 10) * 0x9e3779b97f4a7c15ULL + 1;
    int count = atoi(argv[2]);
    printf("// generated by tests/asm/aarch64/gen.c, seed %s\n\t.text\n\t.globl f\nf:\n1:\n", argv[1]);
    char line[256];
    int next_label = 0;
    for (int i = 0; i < count; i++) {
        if (next_label < NLABELS && i >= (next_label + 1) * count / (NLABELS + 1))
            printf(".L%d:\n", next_label++);
        expand(templates[pick(NTEMPLATES)], line);
        printf("\t%s\n", line);
    }
    while (next_label < NLABELS) printf(".L%d:\n", next_label++);
    printf("1:\n\tret\n\t.data\n\t.p2align 3\nd:\t.quad .L1\n\t.quad ext1+4\n\t.word .L2 - .\n\t.xword f\n");
    return 0;
}
