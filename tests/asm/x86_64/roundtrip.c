/* roundtrip.c — the Capstone half of the x86-64 round trip:
 *
 *   roundtrip file.o > listing.s
 *
 * Disassembles the .text section of an ELF64 object with Capstone (Intel syntax) and prints
 * it as soxas input, one instruction per line. run.sh assembles the listing again and expects
 * the very same bytes: every instruction soxas encodes must mean to a disassembler what the
 * source said, and the way it reads back must encode the same way. */
#include <capstone/capstone.h>
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *p = malloc((size_t)n + 1);
    if (!p || fread(p, 1, (size_t)n, f) != (size_t)n) { fclose(f); free(p); return NULL; }
    fclose(f);
    *len = (size_t)n;
    return p;
}

int main(int argc, char **argv) {
    size_t len;
    unsigned char *obj = argc == 2 ? read_all(argv[1], &len) : NULL;
    if (!obj || len < sizeof(Elf64_Ehdr)) { fprintf(stderr, "usage: roundtrip file.o\n"); return 2; }
    Elf64_Ehdr *eh = (Elf64_Ehdr *)obj;
    Elf64_Shdr *sh = (Elf64_Shdr *)(obj + eh->e_shoff);
    const char *names = (const char *)obj + sh[eh->e_shstrndx].sh_offset;
    const unsigned char *text = NULL;
    size_t text_len = 0;
    for (int i = 0; i < eh->e_shnum; i++) {
        if (!strcmp(names + sh[i].sh_name, ".text")) {
            text = obj + sh[i].sh_offset;
            text_len = sh[i].sh_size;
        }
    }
    csh cs;
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &cs) != CS_ERR_OK) return 2;
    cs_option(cs, CS_OPT_SYNTAX, CS_OPT_SYNTAX_INTEL);
    cs_insn *insn;
    size_t n = cs_disasm(cs, text, text_len, 0, 0, &insn);
    size_t done = 0;
    printf(".intel_syntax noprefix\n");
    for (size_t i = 0; i < n; i++) {
        printf("\t%s %s\n", insn[i].mnemonic, insn[i].op_str);
        done += insn[i].size;
    }
    if (n) cs_free(insn, n);
    cs_close(&cs);
    free(obj);
    if (done != text_len) {
        fprintf(stderr, "roundtrip: Capstone stopped at offset %zu of %zu\n", done, text_len);
        return 1;
    }
    return 0;
}
