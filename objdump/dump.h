/* dump.h — soxobjdump as a library: everything but option parsing, so the fuzz harness
 * runs exactly the code users run.  Nothing here exits or writes to stderr: failures come
 * back as a DumpError for the caller to report. */
#ifndef SOX_OBJDUMP_DUMP_H
#define SOX_OBJDUMP_DUMP_H
#include "objdump/elf_reader.h"
#include <stdbool.h>
#include <stdio.h>

typedef struct DumpOptions {
    bool archive_headers;       /* -a: the file name, or an archive member's ar header */
    bool file_header;           /* -f */
    bool private_headers;       /* -p: program headers */
    bool section_headers;       /* -h */
    bool symbols;               /* -t */
    bool relocs;                /* -r (inline in the disassembly when combined with -d) */
    bool disassemble;           /* -d: code sections */
    bool disassemble_all;       /* -D: every section with contents */
    bool full_contents;         /* -s */
    bool att_syntax;            /* -M att (x86 only; Intel is the default) */
    const char *only_section;   /* -j NAME, or NULL */
} DumpOptions;

typedef struct DumpError {
    char file[300];             /* "lib.a(foo.o)" for archive members */
    char message[256];
} DumpError;

/* Dumps one ELF file or ar archive held in memory to `out`.  Returns false with *err filled
 * when the input is malformed or unsupported. */
bool dump_input(FILE *out, const char *name, const uint8_t *data, size_t size, const DumpOptions *opt,
                DumpError *err);

/* ---- Shared between dump.c and disasm.c ---- */
bool section_selected(const ElfSection *s, const DumpOptions *opt);
/* Disassembles the selected sections of f; false with err->message set if Capstone fails. */
bool disassemble_file(FILE *out, const ElfFile *f, const DumpOptions *opt, char *error, size_t error_size);
/* "sym", "sym+0x10", "sym-0x4": a symbol name followed by a signed hex addend. */
void print_addend(FILE *out, int64_t addend, int wide);
#endif
