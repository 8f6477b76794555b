/* main.c — the soxld command line: ld-style options in front of soxld_link(). */
#include "linker/soxld.h"
#include "common/buf.h"
#include "common/diag.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "Usage: soxld [options] file...\n"
    "Links ELF64 relocatable objects and ar archives into a static executable.\n"
    "  -o FILE              output file (default a.out)\n"
    "  -e SYM, --entry=SYM  entry point (default _start)\n"
    "  -L DIR               add DIR to the library search path (=DIR: under --sysroot)\n"
    "  -l NAME              search libNAME.a (-l:FILE: FILE) in the library path\n"
    "  -m EMULATION         elf_x86_64 or aarch64linux (default: from the first object)\n"
    "  -s, --strip-all      omit the symbol table\n"
    "  --gc-sections        remove sections unreachable from the entry point\n"
    "  --no-gc-sections     keep every section (default)\n"
    "  --sysroot=DIR        root for =DIR library paths\n"
    "  -Map FILE            write a link map\n"
    "  -static              accepted (soxld only links statically)\n"
    "  --verbose            list the files read\n"
    "  -v, --version        print the version\n"
    "  --help               print this help\n";

typedef struct Args {
    SoxldOptions opts;
    SoxldInput *inputs;
    const char **dirs;
    int show_version;
} Args;

static const struct { const char *name; Target target; } emulations[] = {
    {"elf_x86_64", TARGET_X86_64}, {"aarch64linux", TARGET_AARCH64}, {"aarch64elf", TARGET_AARCH64},
};

/* Option value: "-oFILE", "-o FILE", "--opt=VAL" or "--opt VAL"; NULL (reported) if missing. */
static const char *value(int argc, char **argv, int *i, const char *opt) {
    const char *a = argv[*i];
    size_t n = strlen(opt);
    if (a[n] == '=' && n > 2)       /* --opt=VAL; but -L=DIR keeps its '=' (sysroot-relative) */
        return a + n + 1;
    if (a[n])
        return a + n;
    if (*i + 1 >= argc) {
        error("option '%s' requires an argument", opt);
        return NULL;
    }
    return argv[++*i];
}

static int is_opt(const char *a, const char *opt) {
    size_t n = strlen(opt);
    return strncmp(a, opt, n) == 0 && (a[n] == 0 || a[n] == '=');
}

static int parse_emulation(Args *args, const char *name) {
    for (size_t i = 0; i < sizeof emulations / sizeof emulations[0]; i++)
        if (strcmp(name, emulations[i].name) == 0) {
            args->opts.target = emulations[i].target;
            return 1;
        }
    error("unrecognised emulation '%s' (supported: elf_x86_64 aarch64linux)", name);
    return 0;
}

/* Returns 0 on success, 1 on a bad option, -1 when the run is complete (--help). */
static int parse_option(Args *a, int argc, char **argv, int *i) {
    const char *arg = argv[*i], *v;
    SoxldOptions *o = &a->opts;
    if (strcmp(arg, "--help") == 0) {
        fputs(usage, stdout);
        return -1;
    }
    if (strcmp(arg, "-v") == 0 || strcmp(arg, "--version") == 0 || strcmp(arg, "-V") == 0) {
        a->show_version = 1;
    } else if (strcmp(arg, "--verbose") == 0) {
        o->verbose = 1;
    } else if (strcmp(arg, "-s") == 0 || strcmp(arg, "--strip-all") == 0) {
        o->strip = 1;
    } else if (strcmp(arg, "--gc-sections") == 0) {
        o->gc_sections = 1;
    } else if (strcmp(arg, "--no-gc-sections") == 0) {
        o->gc_sections = 0;
    } else if (strcmp(arg, "-static") == 0 || strcmp(arg, "-Bstatic") == 0) {
        /* the only mode */
    } else if (is_opt(arg, "--entry")) {
        if (!(o->entry = value(argc, argv, i, "--entry")))
            return 1;
    } else if (is_opt(arg, "--sysroot")) {
        if (!(o->sysroot = value(argc, argv, i, "--sysroot")))
            return 1;
    } else if (is_opt(arg, "-Map") || is_opt(arg, "--Map")) {
        if (!(o->map_file = value(argc, argv, i, arg[1] == '-' ? "--Map" : "-Map")))
            return 1;
    } else if (arg[1] != '-' && strchr("oeLlm", arg[1])) {
        char opt[3] = {'-', arg[1], 0};
        if (!(v = value(argc, argv, i, opt)))
            return 1;
        switch (arg[1]) {
        case 'o': o->output = v; break;
        case 'e': o->entry = v; break;
        case 'L': a->dirs[o->nlib_dirs++] = v; break;
        case 'l': a->inputs[o->ninputs++] = (SoxldInput){v, 1}; break;
        case 'm': return !parse_emulation(a, v);
        }
    } else {
        error("unrecognised option '%s' (try --help)", arg);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    diag_set_program("soxld");
    Args a = {0};
    a.inputs = xcalloc((size_t)argc, sizeof *a.inputs);
    a.dirs = xcalloc((size_t)argc, sizeof *a.dirs);
    int rc = 0;
    for (int i = 1; i < argc && rc == 0; i++) {
        if (argv[i][0] == '-' && argv[i][1])
            rc = parse_option(&a, argc, argv, &i);
        else
            a.inputs[a.opts.ninputs++] = (SoxldInput){argv[i], 0};
    }
    if (rc == 0 && a.show_version) {
        printf("soxld %s (static ELF linker for x86_64-linux and aarch64-linux)\n", SOXLD_VERSION);
        if (a.opts.ninputs == 0)
            rc = -1;
    }
    if (rc == 0) {
        a.opts.inputs = a.inputs;
        a.opts.lib_dirs = a.dirs;
        rc = soxld_link(&a.opts);
    }
    free(a.inputs);
    free(a.dirs);
    return rc < 0 ? 0 : rc;
}
