/* disasm.c — -d/-D: Capstone decodes, this file lays the result out like GNU objdump:
 * a "<symbol>:" line wherever a symbol starts, "address: bytes<TAB>mnemonic operands",
 * branch and address operands rewritten as "target <sym+off>", and the relocations
 * that patch an instruction listed right after it.
 *
 * Decoding never crosses the next symbol or AArch64 mapping symbol, so data between
 * functions cannot swallow the first instruction of the next one. */
#include "objdump/dump.h"
#include "common/buf.h"
#include <capstone/capstone.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* A symbol that may name an address: defined in a section, not a section/file symbol. */
typedef struct Label {
    unsigned shndx;
    uint64_t value;
    const char *name;
    int rank;                   /* the higher, the better a name for that address */
} Label;

/* AArch64 mapping symbols ($x code, $d data) switch the decoding mode. */
typedef struct Mapping {
    unsigned shndx;
    uint64_t value;
    char kind;                  /* 'x' or 'd' */
} Mapping;

typedef struct Disasm {
    FILE *out;
    const ElfFile *f;
    const DumpOptions *opt;
    csh cs;
    cs_insn *insn;
    Label *labels;
    size_t nlabels;
    Mapping *maps;
    size_t nmaps;
    const ElfSection *sec;      /* section being disassembled */
    const ElfReloc **relocs;    /* its relocations sorted by offset */
    size_t nrelocs, next_reloc;
    int addr_width;
} Disasm;

static bool is_aarch64(const Disasm *d) { return d->f->machine == EM_AARCH64; }

/* "$x", "$d", "$x.foo": ARM ELF mapping symbols, never shown as labels. */
static char mapping_kind(const char *name) {
    if (name[0] == '$' && (name[1] == 'x' || name[1] == 'd') && (name[2] == 0 || name[2] == '.'))
        return name[1];
    return 0;
}

static int label_rank(const ElfSymbol *s) {
    int rank = s->bind == STB_LOCAL ? 0 : 2;
    if (s->type == STT_FUNC || s->type == STT_OBJECT)
        rank++;
    return rank;
}

static int compare_position(unsigned shndx_a, uint64_t a, unsigned shndx_b, uint64_t b) {
    if (shndx_a != shndx_b)
        return shndx_a < shndx_b ? -1 : 1;
    return a < b ? -1 : a > b;
}

static int compare_labels(const void *pa, const void *pb) {
    const Label *a = pa, *b = pb;
    int c = compare_position(a->shndx, a->value, b->shndx, b->value);
    if (c)
        return c;
    if (a->rank != b->rank)
        return b->rank - a->rank;           /* best first */
    return strcmp(a->name, b->name);
}

static int compare_maps(const void *pa, const void *pb) {
    const Mapping *a = pa, *b = pb;
    return compare_position(a->shndx, a->value, b->shndx, b->value);
}

/* Keeps only the best label at each address. */
static size_t dedupe_labels(Label *l, size_t n) {
    size_t out = 0;
    for (size_t i = 0; i < n; i++)
        if (out == 0 || l[out - 1].shndx != l[i].shndx || l[out - 1].value != l[i].value)
            l[out++] = l[i];
    return out;
}

static void collect_symbols(Disasm *d) {
    const ElfFile *f = d->f;
    d->labels = xcalloc(f->nsymbols + 1, sizeof *d->labels);
    d->maps = xcalloc(f->nsymbols + 1, sizeof *d->maps);
    for (size_t i = 1; i < f->nsymbols; i++) {
        const ElfSymbol *s = &f->symbols[i];
        if (!elf_symbol_section(f, s) || s->type == STT_SECTION || s->type == STT_FILE || !*s->name)
            continue;
        char kind = f->machine == EM_AARCH64 ? mapping_kind(s->name) : 0;
        if (kind)
            d->maps[d->nmaps++] = (Mapping){s->shndx, s->value, kind};
        else
            d->labels[d->nlabels++] = (Label){s->shndx, s->value, s->name, label_rank(s)};
    }
    qsort(d->labels, d->nlabels, sizeof *d->labels, compare_labels);
    d->nlabels = dedupe_labels(d->labels, d->nlabels);
    qsort(d->maps, d->nmaps, sizeof *d->maps, compare_maps);
}

/* Index of the last label of section shndx at or before value, or -1. */
static long label_at_or_before(const Disasm *d, unsigned shndx, uint64_t value) {
    size_t lo = 0, hi = d->nlabels;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_position(d->labels[mid].shndx, d->labels[mid].value, shndx, value) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0 || d->labels[lo - 1].shndx != shndx)
        return -1;
    return (long)lo - 1;
}

/* Index of the first mapping symbol after (current section, value) in sort order. */
static size_t mapping_upper_bound(const Disasm *d, uint64_t value) {
    size_t lo = 0, hi = d->nmaps;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_position(d->maps[mid].shndx, d->maps[mid].value, d->sec->index, value) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* First label or mapping symbol strictly after value in the section, else the section end.
 * Both lists are sorted, so this is two binary searches. */
static uint64_t next_boundary(const Disasm *d, uint64_t value) {
    uint64_t end = d->sec->addr + d->sec->size;
    long i = label_at_or_before(d, d->sec->index, value);
    for (size_t j = (size_t)(i + 1); j < d->nlabels && d->labels[j].shndx == d->sec->index; j++)
        if (d->labels[j].value > value) {
            if (d->labels[j].value < end)
                end = d->labels[j].value;
            break;
        }
    size_t m = mapping_upper_bound(d, value);
    if (m < d->nmaps && d->maps[m].shndx == d->sec->index && d->maps[m].value < end)
        end = d->maps[m].value;
    return end;
}

static char mapping_state(const Disasm *d, uint64_t value) {
    size_t m = mapping_upper_bound(d, value);
    return m > 0 && d->maps[m - 1].shndx == d->sec->index ? d->maps[m - 1].kind : 'x';
}

/* The section holding an address: the current one for relocatable files (all at 0). */
static const ElfSection *section_of(const Disasm *d, uint64_t addr) {
    if (d->f->type == ET_REL)
        return d->sec;
    for (unsigned i = 1; i < d->f->nsections; i++) {
        const ElfSection *s = &d->f->sections[i];
        if ((s->flags & SHF_ALLOC) && addr >= s->addr && addr - s->addr < s->size)
            return s;
    }
    return NULL;
}

/* Prints "401000 <sox_print>" or "10 <f+0x10>" or a bare address when nothing is there. */
static void print_target(const Disasm *d, uint64_t addr) {
    fprintf(d->out, "%" PRIx64, addr);
    const ElfSection *s = section_of(d, addr);
    if (!s)
        return;
    long i = label_at_or_before(d, s->index, addr);
    const char *name = i >= 0 ? d->labels[i].name : s->name;
    uint64_t base = i >= 0 ? d->labels[i].value : s->addr;
    fprintf(d->out, " <%s", name);
    if (addr != base)
        fprintf(d->out, "+0x%" PRIx64, addr - base);
    fprintf(d->out, ">");
}

/* ---- Relocations ---- */

static int compare_reloc_ptrs(const void *pa, const void *pb) {
    const ElfReloc *a = *(const ElfReloc *const *)pa, *b = *(const ElfReloc *const *)pb;
    return a->offset < b->offset ? -1 : a->offset > b->offset;
}

/* Relocation offsets are section-relative in objects and addresses elsewhere. */
static uint64_t reloc_address(const Disasm *d, const ElfReloc *r) {
    return d->f->type == ET_REL ? d->sec->addr + r->offset : r->offset;
}

static void collect_relocs(Disasm *d) {
    d->nrelocs = d->next_reloc = 0;
    d->relocs = NULL;
    for (unsigned i = 1; i < d->f->nsections; i++) {
        const ElfSection *rs = &d->f->sections[i];
        if (rs->reloc_target == d->sec)
            d->nrelocs += rs->nrelocs;
    }
    if (d->nrelocs == 0)
        return;
    d->relocs = xcalloc(d->nrelocs, sizeof *d->relocs);
    size_t n = 0;
    for (unsigned i = 1; i < d->f->nsections; i++) {
        const ElfSection *rs = &d->f->sections[i];
        if (rs->reloc_target == d->sec)
            for (size_t j = 0; j < rs->nrelocs; j++)
                d->relocs[n++] = &rs->relocs[j];
    }
    qsort(d->relocs, n, sizeof *d->relocs, compare_reloc_ptrs);
}

static const ElfReloc *reloc_in(const Disasm *d, uint64_t start, uint64_t end) {
    for (size_t i = d->next_reloc; i < d->nrelocs; i++) {
        uint64_t a = reloc_address(d, d->relocs[i]);
        if (a >= end)
            break;
        if (a >= start)
            return d->relocs[i];
    }
    return NULL;
}

static const char *reloc_symbol(const Disasm *d, const ElfReloc *r) {
    return r->sym == 0 ? "*ABS*" : elf_symbol_display_name(d->f, &d->f->symbols[r->sym]);
}

/* "\t\t\t12: R_X86_64_PC32\tg-0x4" for each relocation before `end`. */
static void print_relocs_until(Disasm *d, uint64_t end) {
    while (d->next_reloc < d->nrelocs && reloc_address(d, d->relocs[d->next_reloc]) < end) {
        const ElfReloc *r = d->relocs[d->next_reloc++];
        fprintf(d->out, "\t\t\t%" PRIx64 ": %s\t%s", r->offset, elf_reloc_name(d->f->machine, r->type),
                reloc_symbol(d, r));
        print_addend(d->out, r->addend, 0);
        fputc('\n', d->out);
    }
}

/* ---- Instructions ---- */

static void print_address(const Disasm *d, uint64_t addr) {
    fprintf(d->out, "%*" PRIx64 ":\t", d->addr_width, addr);
}

enum { X86_BYTES_PER_LINE = 7 };

static void print_x86_bytes(const Disasm *d, const uint8_t *p, size_t n) {
    for (size_t i = 0; i < X86_BYTES_PER_LINE; i++)
        fprintf(d->out, i < n ? "%02x " : "   ", i < n ? p[i] : 0);
    fputc('\t', d->out);
}

/* Bytes that did not fit on the instruction's line, GNU style. */
static void print_x86_overflow(const Disasm *d, uint64_t addr, const uint8_t *p, size_t n) {
    for (size_t i = X86_BYTES_PER_LINE; i < n; i += X86_BYTES_PER_LINE) {
        print_address(d, addr + i);
        for (size_t j = i; j < n && j < i + X86_BYTES_PER_LINE; j++)
            fprintf(d->out, "%02x ", p[j]);
        fputc('\n', d->out);
    }
}

static bool x86_is_branch(const char *m) {
    return m[0] == 'j' || strcmp(m, "call") == 0 || strncmp(m, "loop", 4) == 0 ||
           strcmp(m, "xbegin") == 0;
}

static bool a64_is_branch(const char *m) {
    static const char *const names[] = {"b", "bl", "cbz", "cbnz", "tbz", "tbnz", "adr", "adrp"};
    if (strncmp(m, "b.", 2) == 0)
        return true;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(m, names[i]) == 0)
            return true;
    return false;
}

static bool is_a64_branch_reloc(unsigned type) {
    return type == R_AARCH64_CALL26 || type == R_AARCH64_JUMP26 || type == R_AARCH64_CONDBR19 ||
           type == R_AARCH64_TSTBR14;
}

/* The code-address operand of a branch (or adr/adrp), if this instruction has one. */
static bool branch_target(const Disasm *d, const cs_insn *in, uint64_t *target) {
    const cs_detail *det = in->detail;
    if (!det)
        return false;
    if (is_aarch64(d)) {
        const cs_arm64 *a = &det->arm64;
        if (!a64_is_branch(in->mnemonic) || a->op_count == 0 || a->operands[a->op_count - 1].type != ARM64_OP_IMM)
            return false;
        *target = (uint64_t)a->operands[a->op_count - 1].imm;
        return true;
    }
    const cs_x86 *x = &det->x86;
    if (!x86_is_branch(in->mnemonic) || x->op_count != 1 || x->operands[0].type != X86_OP_IMM)
        return false;
    *target = (uint64_t)x->operands[0].imm;
    return true;
}

/* x86 RIP-relative memory operand: the address it designates, for the "# addr <sym>" note. */
static bool rip_relative_target(const Disasm *d, const cs_insn *in, uint64_t *target) {
    if (is_aarch64(d) || !in->detail)
        return false;
    const cs_x86 *x = &in->detail->x86;
    for (int i = 0; i < x->op_count; i++)
        if (x->operands[i].type == X86_OP_MEM && x->operands[i].mem.base == X86_REG_RIP) {
            *target = in->address + in->size + (uint64_t)x->operands[i].mem.disp;
            return true;
        }
    return false;
}

/* Operands with the branch target rewritten: everything before the last operand is kept. */
static void print_branch_operands(const Disasm *d, const cs_insn *in, uint64_t target) {
    const char *last = strrchr(in->op_str, ',');
    if (last)
        fprintf(d->out, "%.*s, ", (int)(last - in->op_str), in->op_str);
    /* In an object, a relocated AArch64 branch holds 0: name the relocation's symbol like GNU. */
    const ElfReloc *r = d->f->type == ET_REL && is_aarch64(d) ? reloc_in(d, in->address, in->address + in->size) : NULL;
    if (r && is_a64_branch_reloc(r->type)) {
        fprintf(d->out, "%" PRIx64 " <%s", (uint64_t)r->addend, reloc_symbol(d, r));
        print_addend(d->out, r->addend, 0);
        fputc('>', d->out);
        return;
    }
    print_target(d, target);
}

static bool starts_number(const char *p, const char *start) {
    if (*p < '0' || *p > '9' || (p[0] == '0' && p[1] == 'x'))
        return false;
    if (p == start)
        return true;
    char before = p[-1];
    return !(before == '*' || before == '(' || before == '_' || before == 'x' || (before >= 'a' && before <= 'z') ||
             (before >= 'A' && before <= 'Z') || (before >= '0' && before <= '9'));
}

/* Length of the register name at p when it is an index register (the second term of a
 * memory operand, not followed by a scale): GNU writes those with "*1". */
static size_t unscaled_index(const char *p) {
    size_t n = 0;
    while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= '0' && p[n] <= '9'))
        n++;
    if (n == 0 || !(p[0] >= 'a' && p[0] <= 'z'))
        return 0;
    return p[n] == ']' || strncmp(p + n, " + ", 3) == 0 || strncmp(p + n, " - ", 3) == 0 ? n : 0;
}

/* Capstone's Intel syntax is "dword ptr [rax + rbx], 3"; GNU's, which users know, is
 * "DWORD PTR [rax+rbx*1+0x0],0x3".  Rewrite spacing, size keywords, decimal numbers, unscaled
 * index registers and, when the encoding has a displacement of zero, that displacement. */
static void print_gnu_intel(FILE *out, const char *op, bool zero_disp, bool implicit_one) {
    static const char *const sizes[] = {"byte ptr", "word ptr", "dword ptr", "qword ptr", "xmmword ptr",
                                        "ymmword ptr", "zmmword ptr", "tbyte ptr", "xword ptr"};
    bool in_mem = false, disp_seen = false;
    for (const char *p = op; *p;) {
        if (p[0] == ',' && p[1] == ' ') { fputc(',', out); p += 2; continue; }
        if (strncmp(p, "[rip]", 5) == 0) { fputs("[rip+0x0]", out); p += 5; continue; }
        if (*p == '[') { in_mem = true; disp_seen = false; }
        if (*p == ']' && in_mem) {
            if (zero_disp && !disp_seen)
                fputs("+0x0", out);
            in_mem = false;
        }
        if (p[0] == ' ' && (p[1] == '+' || p[1] == '-') && p[2] == ' ') {
            fputc(p[1], out);
            p += 3;
            size_t n = in_mem && p[-2] == '+' ? unscaled_index(p) : 0;
            if (n) {
                fprintf(out, "%.*s*1", (int)n, p);
                p += n;
            }
            continue;
        }
        bool size_kw = false;
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0] && !size_kw; i++) {
            size_t n = strlen(sizes[i]);
            if ((p == op || p[-1] == ' ' || p[-1] == ',') && strncmp(p, sizes[i], n) == 0) {
                for (size_t k = 0; k < n; k++)
                    fputc(p[k] >= 'a' && p[k] <= 'z' ? p[k] - 32 : p[k], out);
                p += n;
                size_kw = true;
            }
        }
        if (size_kw)
            continue;
        if (p[0] == '0' && p[1] == 'x')
            disp_seen = disp_seen || in_mem;
        if (starts_number(p, op)) {
            char *end;
            unsigned long long v = strtoull(p, &end, 10);
            /* The shift-by-one forms (D0/D1) encode no immediate: GNU writes a plain 1. */
            fprintf(out, implicit_one && v == 1 && !*end ? "%llu" : "0x%llx", v);
            disp_seen = disp_seen || in_mem;
            p = end;
            continue;
        }
        fputc(*p++, out);
    }
}

/* An x86 memory operand whose encoding carries a displacement of zero ("+0x0" in GNU). */
static bool x86_zero_displacement(const cs_insn *in) {
    if (!in->detail || in->detail->x86.encoding.disp_size == 0)
        return false;
    const cs_x86 *x = &in->detail->x86;
    for (int i = 0; i < x->op_count; i++)
        if (x->operands[i].type == X86_OP_MEM && x->operands[i].mem.disp == 0 &&
            x->operands[i].mem.base != X86_REG_RIP)
            return true;
    return false;
}

/* GNU prints AArch64 arithmetic and logical immediates in hex and memory offsets, shift
 * amounts and bit positions in decimal; Capstone uses hex only above 9.  Follow GNU. */
static bool a64_hex_immediates(const char *m) {
    static const char *const names[] = {"add", "adds", "sub", "subs", "cmp", "cmn", "and", "ands", "orr",
                                        "eor", "tst", "mov", "movz", "movn", "movk", "ccmp", "ccmn"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(m, names[i]) == 0)
            return true;
    return false;
}

/* Is the '#' at p the amount of a shift or extend ("lsl #3", "sxtw #2")? */
static bool is_shift_amount(const char *op, const char *p) {
    static const char *const names[] = {"lsl", "lsr", "asr", "ror", "msl", "uxtb", "uxth", "uxtw",
                                        "uxtx", "sxtb", "sxth", "sxtw", "sxtx"};
    if (p == op || p[-1] != ' ')
        return false;
    const char *end = p - 1, *start = end;
    while (start > op && start[-1] >= 'a' && start[-1] <= 'z')
        start--;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if ((size_t)(end - start) == strlen(names[i]) && strncmp(start, names[i], (size_t)(end - start)) == 0)
            return true;
    return false;
}

static void print_gnu_a64(FILE *out, const char *mnemonic, const char *op) {
    bool hex = a64_hex_immediates(mnemonic);
    int bracket = 0;
    for (const char *p = op; *p;) {
        bracket += *p == '[' ? 1 : *p == ']' ? -1 : 0;
        bool shift = is_shift_amount(op, p);
        if (*p != '#' || shift || !(p[1] == '-' || (p[1] >= '0' && p[1] <= '9'))) {
            fputc(*p++, out);
            continue;
        }
        char *end;
        const char *num = p + 1 + (p[1] == '-');
        bool is_hex = num[0] == '0' && num[1] == 'x';
        unsigned long long v = strtoull(num, &end, is_hex ? 16 : 10);
        if (*end == '.' || *end == 'e') {       /* a floating-point immediate: as is */
            fputc(*p++, out);
            continue;
        }
        const char *sign = p[1] == '-' ? "-" : "";
        if (bracket > 0 || !hex)
            fprintf(out, "#%s%llu", sign, v);
        else
            fprintf(out, "#%s0x%llx", sign, v);
        p = end;
    }
}

static void print_operands(const Disasm *d, const cs_insn *in) {
    uint64_t target;
    if (branch_target(d, in, &target)) {
        print_branch_operands(d, in, target);
        return;
    }
    if (is_aarch64(d))
        print_gnu_a64(d->out, in->mnemonic, in->op_str);
    else if (!d->opt->att_syntax)
        print_gnu_intel(d->out, in->op_str, x86_zero_displacement(in),
                        in->detail && in->detail->x86.encoding.imm_size == 0);
    else
        fputs(in->op_str, d->out);
    if (rip_relative_target(d, in, &target)) {
        fputs("        # ", d->out);
        print_target(d, target);
    }
}

/* GNU shows "movz/movn Rd, #imm, lsl #s" as its preferred alias "mov Rd, #value" (the ISA
 * manual's rule: always, except movz of 0 with a shift); Capstone 4 does not. */
static bool a64_mov_alias(const cs_insn *in, char *text, size_t size) {
    bool movz = strcmp(in->mnemonic, "movz") == 0, movn = strcmp(in->mnemonic, "movn") == 0;
    if (!(movz || movn) || !in->detail)
        return false;
    const cs_arm64 *a = &in->detail->arm64;
    if (a->op_count != 2 || a->operands[0].type != ARM64_OP_REG || a->operands[1].type != ARM64_OP_IMM)
        return false;
    uint64_t imm = (uint64_t)a->operands[1].imm & 0xffff;
    unsigned shift = a->operands[1].shift.type == ARM64_SFT_LSL ? a->operands[1].shift.value : 0;
    if (shift > 48 || (imm == 0 && shift != 0))
        return false;
    bool w = in->op_str[0] == 'w';
    uint64_t v = imm << shift;
    if (movn)
        v = w ? ~v & 0xffffffffu : ~v;
    if (movn && w && imm == 0xffff && shift == 0)
        return false;           /* movn w, #0xffff is not a mov alias */
    const char *comma = strchr(in->op_str, ',');
    snprintf(text, size, "%.*s, #0x%" PRIx64, comma ? (int)(comma - in->op_str) : 0, in->op_str, v);
    return true;
}

/* True if v (of 32 or 64 bits) is one MOVZ or MOVN: then ORR is not shown as MOV. */
static bool move_wide_preferred(uint64_t v, bool w) {
    uint64_t mask = w ? 0xffffffffu : UINT64_MAX;
    for (int pass = 0; pass < 2; pass++, v = ~v & mask)
        for (unsigned shift = 0; shift < (w ? 32u : 64u); shift += 16)
            if ((v & ~((uint64_t)0xffff << shift) & mask) == 0)
                return true;
    return false;
}

/* "orr Rd, zr, #imm" is shown as "mov Rd, #imm" unless MOVZ/MOVN could encode it (ISA manual). */
static bool a64_orr_alias(const cs_insn *in, char *text, size_t size) {
    if (strcmp(in->mnemonic, "orr") != 0 || !in->detail)
        return false;
    const cs_arm64 *a = &in->detail->arm64;
    if (a->op_count != 3 || a->operands[1].type != ARM64_OP_REG || a->operands[2].type != ARM64_OP_IMM)
        return false;
    unsigned zr = a->operands[1].reg;
    if (zr != ARM64_REG_XZR && zr != ARM64_REG_WZR)
        return false;
    bool w = zr == ARM64_REG_WZR;
    uint64_t v = (uint64_t)a->operands[2].imm & (w ? 0xffffffffu : UINT64_MAX);
    if (move_wide_preferred(v, w))
        return false;
    const char *comma = strchr(in->op_str, ',');
    snprintf(text, size, "%.*s, #0x%" PRIx64, comma ? (int)(comma - in->op_str) : 0, in->op_str, v);
    return true;
}

/* GNU spells the carry conditions cc/cs where Capstone writes lo/hs. */
static const char *a64_condition_mnemonic(const char *m) {
    if (strcmp(m, "b.lo") == 0)
        return "b.cc";
    if (strcmp(m, "b.hs") == 0)
        return "b.cs";
    return m;
}

static void print_insn(Disasm *d, const cs_insn *in) {
    char alias[64];
    if (is_aarch64(d) && (a64_mov_alias(in, alias, sizeof alias) || a64_orr_alias(in, alias, sizeof alias))) {
        print_address(d, in->address);
        fprintf(d->out, "%08x 	mov	%s\n", get_u32(in->bytes), alias);
        return;
    }
    print_address(d, in->address);
    if (is_aarch64(d)) {
        fprintf(d->out, "%08x \t%s", in->size == 4 ? get_u32(in->bytes) : 0, a64_condition_mnemonic(in->mnemonic));
        if (in->op_str[0])
            fputc('\t', d->out);
    } else {
        print_x86_bytes(d, in->bytes, in->size);
        fprintf(d->out, in->op_str[0] ? "%-6s " : "%s", in->mnemonic);
    }
    print_operands(d, in);
    fputc('\n', d->out);
    if (!is_aarch64(d))
        print_x86_overflow(d, in->address, in->bytes, in->size);
}

/* Would the x86 bytes at addr decode if the next symbol did not cut them short?  Then GNU
 * shows them as ".byte" (an instruction straddling a label), otherwise as "(bad)". */
static bool x86_cut_short(Disasm *d, uint64_t addr) {
    const uint8_t *code = d->sec->data + (addr - d->sec->addr);
    size_t size = (size_t)(d->sec->addr + d->sec->size - addr);
    uint64_t at = addr;
    return cs_disasm_iter(d->cs, &code, &size, &at, d->insn);
}

/* Something Capstone cannot decode, or AArch64 data ($d): shown, never skipped silently. */
static size_t print_undecodable(Disasm *d, uint64_t addr, const uint8_t *p, size_t avail, bool data) {
    print_address(d, addr);
    if (!is_aarch64(d)) {
        print_x86_bytes(d, p, 1);
        if (x86_cut_short(d, addr))
            fprintf(d->out, ".byte 0x%x\n", p[0]);
        else
            fprintf(d->out, "(bad)\n");
        return 1;
    }
    if (avail >= 4) {
        uint32_t w = get_u32(p);
        fprintf(d->out, data ? "%08x \t.word\t0x%08x\n" : "%08x \t.inst\t0x%08x ; undefined\n", w, w);
        return 4;
    }
    fprintf(d->out, "%02x       \t.byte\t0x%02x\n", p[0], p[0]);
    return 1;
}

static void print_label_if_any(Disasm *d, uint64_t addr) {
    long i = label_at_or_before(d, d->sec->index, addr);
    bool here = i >= 0 && d->labels[i].value == addr;
    if (here)
        fprintf(d->out, "\n%016" PRIx64 " <%s>:\n", addr, d->labels[i].name);
    else if (addr == d->sec->addr)
        fprintf(d->out, "\n%016" PRIx64 " <%s>:\n", addr, d->sec->name);
}

static void disassemble_section(Disasm *d) {
    const ElfSection *s = d->sec;
    uint64_t addr = s->addr, end = s->addr + s->size;
    int digits = 1;
    for (uint64_t v = end; v >>= 4;)
        digits++;
    d->addr_width = digits + 2 < 4 ? 4 : digits + 2;
    collect_relocs(d);
    fprintf(d->out, "\nDisassembly of section %s:\n", s->name);
    while (addr < end) {
        print_label_if_any(d, addr);
        uint64_t limit = next_boundary(d, addr);
        const uint8_t *code = s->data + (addr - s->addr);
        size_t size = (size_t)(limit - addr);
        uint64_t at = addr;
        bool data = is_aarch64(d) && mapping_state(d, addr) == 'd';
        size_t used;
        if (!data && cs_disasm_iter(d->cs, &code, &size, &at, d->insn)) {
            print_insn(d, d->insn);
            used = d->insn->size;
        } else {
            used = print_undecodable(d, addr, code, size, data);
        }
        print_relocs_until(d, addr + used);
        addr += used;
    }
    print_relocs_until(d, UINT64_MAX);
    free(d->relocs);
    d->relocs = NULL;
}

static bool wants_disassembly(const ElfSection *s, const DumpOptions *opt) {
    if (!section_selected(s, opt) || !s->data || s->size == 0)
        return false;
    return opt->disassemble_all || (s->flags & SHF_EXECINSTR);
}

/* Capstone handles are opened once per architecture and syntax and kept for the life of
 * the process: opening one costs more than disassembling a small object. */
static bool open_capstone(Disasm *d) {
    static csh handles[3];
    static cs_insn *insns[3];
    bool a64 = is_aarch64(d);
    int slot = a64 ? 2 : d->opt->att_syntax;
    if (!handles[slot]) {
        if (cs_open(a64 ? CS_ARCH_ARM64 : CS_ARCH_X86, a64 ? CS_MODE_ARM : CS_MODE_64, &handles[slot]) != CS_ERR_OK)
            return false;
        cs_option(handles[slot], CS_OPT_DETAIL, CS_OPT_ON);
        if (slot == 1)
            cs_option(handles[slot], CS_OPT_SYNTAX, CS_OPT_SYNTAX_ATT);
        insns[slot] = cs_malloc(handles[slot]);
    }
    d->cs = handles[slot];
    d->insn = insns[slot];
    return true;
}

bool disassemble_file(FILE *out, const ElfFile *f, const DumpOptions *opt, char *error, size_t error_size) {
    Disasm d = {.out = out, .f = f, .opt = opt};
    if (!open_capstone(&d)) {
        snprintf(error, error_size, "cannot initialise the Capstone disassembler");
        return false;
    }
    collect_symbols(&d);
    for (unsigned i = 1; i < f->nsections; i++)
        if (wants_disassembly(&f->sections[i], opt)) {
            d.sec = &f->sections[i];
            disassemble_section(&d);
        }
    free(d.labels);
    free(d.maps);
    return true;
}
