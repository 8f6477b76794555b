/* soxobjdump — display information from ELF objects, executables and archives of both
 * targets.  Option parsing only; the work is in dump.c and disasm.c. */
#include "objdump/dump.h"
#include "common/buf.h"
#include "common/diag.h"
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define VERSION "soxobjdump (soxcc) 0.1"

static void usage(FILE *out) {
    fprintf(out,
            "Usage: soxobjdump <option(s)> <file(s)>\n"
            " Display information from ELF64 objects, executables and ar archives\n"
            " (x86-64 and AArch64).  At least one of the following switches must be given:\n"
            "  -a, --archive-headers    Display archive member headers (the file name otherwise)\n"
            "  -f, --file-headers       Display the contents of the overall file header\n"
            "  -p, --private-headers    Display the program headers\n"
            "  -h, --section-headers    Display the contents of the section headers\n"
            "  -x, --all-headers        Display all available header information (-a -f -p -h -r -t)\n"
            "  -d, --disassemble        Display assembler contents of executable sections,\n"
            "                           with relocations shown after the instructions they patch\n"
            "  -D, --disassemble-all    Display assembler contents of all sections\n"
            "  -s, --full-contents      Display the full contents of all sections requested\n"
            "  -t, --syms               Display the contents of the symbol table(s)\n"
            "  -r, --reloc              Display the relocation entries in the file\n"
            "      --help               Display this information\n"
            "  -v, --version            Display this program's version number\n"
            " Modifiers:\n"
            "  -j, --section=NAME       Only display information for section NAME\n"
            "  -M, --disassembler-options=intel|att\n"
            "                           x86-64 syntax (default: intel)\n"
            "Exit status: 0 on success, 1 if any file could not be read or is malformed.\n");
}

static const struct option long_options[] = {
    {"archive-headers", no_argument, 0, 'a'},
    {"file-headers", no_argument, 0, 'f'},
    {"private-headers", no_argument, 0, 'p'},
    {"section-headers", no_argument, 0, 'h'},
    {"headers", no_argument, 0, 'h'},
    {"all-headers", no_argument, 0, 'x'},
    {"disassemble", no_argument, 0, 'd'},
    {"disassemble-all", no_argument, 0, 'D'},
    {"full-contents", no_argument, 0, 's'},
    {"syms", no_argument, 0, 't'},
    {"reloc", no_argument, 0, 'r'},
    {"section", required_argument, 0, 'j'},
    {"disassembler-options", required_argument, 0, 'M'},
    {"help", no_argument, 0, 'H'},
    {"version", no_argument, 0, 'v'},
    {0, 0, 0, 0},
};

/* -M takes a comma-separated list, like GNU objdump. */
static bool parse_disassembler_options(DumpOptions *opt, const char *arg) {
    char *copy = xstrdup(arg), *save = NULL;
    bool ok = true;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (strcmp(tok, "intel") == 0 || strcmp(tok, "intel-mnemonic") == 0)
            opt->att_syntax = false;
        else if (strcmp(tok, "att") == 0 || strcmp(tok, "att-mnemonic") == 0)
            opt->att_syntax = true;
        else {
            error("unrecognised disassembler option '%s' (expected intel or att)", tok);
            ok = false;
        }
    }
    free(copy);
    return ok;
}

static bool anything_requested(const DumpOptions *o) {
    return o->archive_headers || o->file_header || o->private_headers || o->section_headers || o->symbols || o->relocs ||
           o->disassemble || o->disassemble_all || o->full_contents;
}

/* Returns 0 on success, 1 on error (already reported). */
static int dump_path(const char *path, const DumpOptions *opt) {
    size_t len;
    char *data = read_file(path, &len);
    if (!data)
        return 1;
    DumpError err;
    bool ok = dump_input(stdout, path, (const uint8_t *)data, len, opt, &err);
    free(data);
    fflush(stdout);
    if (!ok)
        error_in(err.file, "%s", err.message);
    return ok ? 0 : 1;
}

int main(int argc, char **argv) {
    DumpOptions opt = {0};
    diag_set_program("soxobjdump");
    int c;
    while ((c = getopt_long(argc, argv, "afphxdDstrj:M:v", long_options, NULL)) != -1) {
        switch (c) {
        case 'a': opt.archive_headers = true; break;
        case 'f': opt.file_header = true; break;
        case 'p': opt.private_headers = true; break;
        case 'h': opt.section_headers = true; break;
        case 'x':
            opt.archive_headers = opt.file_header = opt.private_headers = opt.section_headers = true;
            opt.symbols = opt.relocs = true;
            break;
        case 'd': opt.disassemble = true; break;
        case 'D': opt.disassemble_all = true; break;
        case 's': opt.full_contents = true; break;
        case 't': opt.symbols = true; break;
        case 'r': opt.relocs = true; break;
        case 'j': opt.only_section = optarg; break;
        case 'M':
            if (!parse_disassembler_options(&opt, optarg))
                return 1;
            break;
        case 'H': usage(stdout); return 0;
        case 'v': printf("%s\n", VERSION); return 0;
        default: usage(stderr); return 1;
        }
    }
    if (optind == argc) {
        error("no input files (try 'soxobjdump --help')");
        return 1;
    }
    if (!anything_requested(&opt)) {
        /* Name a missing input first: that is the more useful thing to fix. */
        for (int i = optind; i < argc; i++)
            if (access(argv[i], R_OK) != 0) {
                error("cannot open '%s': %s", argv[i], strerror(errno));
                return 1;
            }
        error("no display option given: use at least one of -a -f -p -h -x -d -D -s -t -r (try --help)");
        return 1;
    }
    int status = 0;
    for (int i = optind; i < argc; i++)
        status |= dump_path(argv[i], &opt);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        error("cannot write the listing to standard output: %s", strerror(errno));
        return 1;
    }
    return status;
}
