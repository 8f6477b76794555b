/* soxas — command line: soxas [-target T] [-o out.o] file.s */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "assembler/soxas.h"
#include "common/diag.h"

#define SOXAS_VERSION "0.1"

static void usage(FILE *f) {
    fprintf(f,
            "usage: soxas [-target x86_64-linux|aarch64-linux] [-o out.o] file.s\n"
            "  -target T   target (default: the host, %s)\n"
            "  -o FILE     output object (default: <input basename>.o; stdin gives a.out.o)\n"
            "  -           read the assembly from standard input\n"
            "  --help, --version\n",
            target_name(target_host()));
}

/* "dir/foo.s" -> "foo.o" (in the current directory, like cc -c). */
static char *default_output(const char *input) {
    if (!strcmp(input, "-")) return xstrdup("a.out.o");
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return xformat("%.*s.o", (int)n, base);
}

int main(int argc, char **argv) {
    diag_set_program("soxas");
    Target target = target_host();
    const char *input = NULL, *output = NULL;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(arg, "--version")) {
            printf("soxas %s (soxcc toolchain)\n", SOXAS_VERSION);
            return 0;
        } else if (!strcmp(arg, "-target") || !strcmp(arg, "--target") || !strcmp(arg, "-o")) {
            if (i + 1 >= argc) {
                error("option '%s' needs an argument", arg);
                return 1;
            }
            const char *val = argv[++i];
            if (arg[1] == 'o') {
                output = val;
            } else if ((target = target_parse(val)) == TARGET_NONE) {
                error("unknown target '%s' (x86_64-linux, aarch64-linux)", val);
                return 1;
            }
        } else if (!strncmp(arg, "--target=", 9)) {
            if ((target = target_parse(arg + 9)) == TARGET_NONE) {
                error("unknown target '%s' (x86_64-linux, aarch64-linux)", arg + 9);
                return 1;
            }
        } else if (arg[0] == '-' && arg[1]) {
            error("unknown option '%s' (try --help)", arg);
            return 1;
        } else if (input) {
            error("only one input file is supported");
            return 1;
        } else {
            input = arg;
        }
    }
    if (!input) {
        usage(stderr);
        return 1;
    }
    char *out = output ? xstrdup(output) : default_output(input);
    int rc = soxas_assemble_file(target, input, out);
    free(out);
    return rc;
}
