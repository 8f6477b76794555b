/* roundtrip.c — the Capstone half of the AArch64 round trip:
 *
 *   roundtrip file.o > listing.s
 *
 * Disassembles the .text section of an ELF64 object soxas produced and prints one line per instruction,
 * "insn  // => word", in the syntax soxas reads.  check.sh assembles the listing again and
 * expects the same words back.  Capstone writes pc-relative targets as absolute addresses
 * ("b #0x1c"); they are rewritten relative to the current location (".+0x1c-0x8" style)
 * so the listing means the same thing at any address. */
#include <capstone/capstone.h>
#include <elf.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Instructions whose last operand is an absolute target address in Capstone's output. */
static int is_pc_relative(const cs_insn *in)
{
    static const char *const names[] = { "b", "bl", "cbz", "cbnz", "tbz", "tbnz", "adr", "adrp", NULL };
    if (strncmp(in->mnemonic, "b.", 2) == 0) return 1;
    for (int i = 0; names[i]; i++)
        if (strcmp(in->mnemonic, names[i]) == 0) return 1;
    /* ldr/ldrsw/prfm literal: the operand is "#0x..." without brackets */
    return (strcmp(in->mnemonic, "ldr") == 0 || strcmp(in->mnemonic, "ldrsw") == 0 ||
            strcmp(in->mnemonic, "prfm") == 0) && !strchr(in->op_str, '[');
}

static void print_insn(const cs_insn *in, uint32_t word)
{
    char ops[256];
    snprintf(ops, sizeof ops, "%s", in->op_str);
    if (is_pc_relative(in)) {
        char *hash = strrchr(ops, '#');
        if (hash) {
            uint64_t target = strtoull(hash + 1, NULL, 0);
            if (strcmp(in->mnemonic, "adrp") == 0) {   /* page-relative: keep the page delta */
                int64_t delta = (int64_t)(target - (in->address & ~0xfffULL));
                snprintf(hash, sizeof ops - (size_t)(hash - ops), ".%+" PRId64, delta);
            } else {
                int64_t delta = (int64_t)(target - in->address);
                snprintf(hash, sizeof ops - (size_t)(hash - ops), ".%+" PRId64, delta);
            }
        }
    }
    char line[320];
    snprintf(line, sizeof line, "\t%s %s", in->mnemonic, ops);
    printf("%-48s // => %08x\n", line, word);
}

/* The bytes of section ".text" of a little-endian ELF64 file, or NULL. */
static const uint8_t *text_section(const uint8_t *file, size_t size, size_t *len)
{
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)file;
    if (size < sizeof *eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) || eh->e_shentsize != sizeof(Elf64_Shdr) ||
        eh->e_shoff > size || eh->e_shnum > (size - eh->e_shoff) / sizeof(Elf64_Shdr) || eh->e_shstrndx >= eh->e_shnum)
        return NULL;
    const Elf64_Shdr *sh = (const Elf64_Shdr *)(file + eh->e_shoff);
    const Elf64_Shdr *names = &sh[eh->e_shstrndx];
    for (int i = 0; i < eh->e_shnum; i++) {
        if (sh[i].sh_name >= names->sh_size || names->sh_offset + names->sh_size > size) return NULL;
        if (strcmp((const char *)file + names->sh_offset + sh[i].sh_name, ".text") != 0) continue;
        if (sh[i].sh_offset > size || sh[i].sh_size > size - sh[i].sh_offset) return NULL;
        *len = sh[i].sh_size;
        return file + sh[i].sh_offset;
    }
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: roundtrip file.o\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    static uint8_t file[1 << 24];
    size_t size = fread(file, 1, sizeof file, f), n = 0;
    fclose(f);
    const uint8_t *code = text_section(file, size, &n);
    if (!code) {
        fprintf(stderr, "roundtrip: %s: no .text section\n", argv[1]);
        return 2;
    }
    csh h;
    if (cs_open(CS_ARCH_ARM64, CS_MODE_LITTLE_ENDIAN, &h) != CS_ERR_OK) {
        fprintf(stderr, "roundtrip: capstone has no AArch64\n");
        return 2;
    }
    for (size_t off = 0; off + 4 <= n; off += 4) {
        cs_insn *in;
        uint32_t word = code[off] | code[off + 1] << 8 | code[off + 2] << 16 | (uint32_t)code[off + 3] << 24;
        if (cs_disasm(h, code + off, 4, off, 1, &in) != 1) {
            printf("\t.inst 0x%08x // capstone: undefined // => %08x\n", word, word);
            continue;
        }
        print_insn(in, word);
        cs_free(in, 1);
    }
    cs_close(&h);
    return 0;
}
