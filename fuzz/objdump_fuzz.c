/* objdump_fuzz.c — soxobjdump's readers and printers on arbitrary bytes: ELF objects,
 * executables and ar archives, with every listing switched on (like -x -D -s). */
#include "objdump/dump.h"
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static FILE *sink;
    if (!sink)
        sink = fopen("/dev/null", "w");
    DumpOptions opt = {
        .file_header = true, .private_headers = true, .section_headers = true, .symbols = true,
        .relocs = true, .disassemble_all = true, .full_contents = true,
    };
    DumpError err;
    dump_input(sink, "fuzz.o", data, size, &opt, &err);
    /* And the relocation table listing, which -d replaces by inline relocations. */
    DumpOptions relocs = {.relocs = true, .att_syntax = size & 1};
    dump_input(sink, "fuzz.o", data, size, &relocs, &err);
    return 0;
}
