/* main.c — soxcc's command line: soxcc [options] inputs... (see usage()). */
#include "compiler/driver.h"
#include "common/buf.h"
#include "common/diag.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SOXCC_VERSION "0.1"

static void usage(FILE *f) {
    fprintf(f,
        "usage: soxcc [options] inputs...   (input '-': a Sox program on stdin)\n"
        "Compiles Sox programs (.sox) and links them with assembly (.s), objects (.o) and\n"
        "archives (.a) into a static executable for x86_64-linux or aarch64-linux.\n"
        "\n"
        "  -target T, --target=T  target: x86_64-linux, aarch64-linux (aliases: x86_64, amd64,\n"
        "                         aarch64, arm64, *-linux-gnu); default: the host, %s\n"
        "  -o FILE                output file (default a.out, or NAME.s / NAME.o)\n"
        "  -S                     compile only: write Sox-format assembly\n"
        "  -c                     compile and assemble: write an object file\n"
        "  -O0, -O1, -O2          optimisation level (default -O1)\n"
        "  --sysroot DIR          runtime location (default: ../sysroot beside soxcc)\n"
        "  -save-temps            keep the intermediate .s and .o files\n"
        "  -v                     print each step as a command line\n"
        "  --run PROG.sox ARGS... build to a temporary file and run it (under qemu-<arch>\n"
        "                         for a foreign target); exits with the program's status\n"
        "  --test PROG.sox        build the #[test] functions and run them\n"
        "  -fsyntax-only          check the program (parse, resolve, imports) and stop\n"
        "  -dump-ast              print the resolved syntax tree and stop\n"
        "  --help, --version\n",
        target_name(target_host()));
}

/* Options that take a value, as `-opt VALUE`, `-opt=VALUE` or `--opt=VALUE`. */
static const char *option_value(int argc, char **argv, int *i, const char *name) {
    const char *arg = argv[*i];
    const char *rest = arg + (arg[1] == '-' ? 2 : 1);
    size_t n = strlen(name);
    if (strncmp(rest, name, n) != 0)
        return NULL;
    if (rest[n] == '=')
        return rest + n + 1;
    if (rest[n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        error("option '%s' needs an argument", arg);
        return "";
    }
    return argv[++*i];
}

static int parse_opt_level(const char *arg, DriverOptions *o) {
    if (!strcmp(arg, "-O"))
        return o->opt_level = 1, 1;
    if (arg[2] >= '0' && arg[2] <= '3' && !arg[3])
        return o->opt_level = arg[2] == '3' ? 2 : arg[2] - '0', 1;
    return 0;
}

static int parse_flag(const char *arg, DriverOptions *o) {
    if (!strcmp(arg, "-S")) o->mode = MODE_ASSEMBLY;
    else if (!strcmp(arg, "-c")) o->mode = MODE_OBJECT;
    else if (!strcmp(arg, "-save-temps") || !strcmp(arg, "--save-temps")) o->save_temps = true;
    else if (!strcmp(arg, "-v") || !strcmp(arg, "--verbose")) o->verbose = true;
    else if (!strcmp(arg, "--run") || !strcmp(arg, "-run")) o->run = true;
    else if (!strcmp(arg, "--test") || !strcmp(arg, "-test")) o->test = true;
    else if (!strcmp(arg, "-dump-ast") || !strcmp(arg, "--dump-ast")) o->dump_ast = true;
    else if (!strcmp(arg, "-fsyntax-only")) o->syntax_only = true;
    else if (!strncmp(arg, "-O", 2)) return parse_opt_level(arg, o);
    else return 0;
    return 1;
}

/* Fills *o from the command line.  Returns -1 to go on compiling, or the exit status
 * (0 after --help/--version, 1 after a usage error). */
static int parse_command_line(int argc, char **argv, DriverOptions *o) {
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *val;
        if ((o->run || o->test) && o->ninputs > 0) {   /* the program's own arguments */
            o->run_args = argv + i;
            o->nrun_args = argc - i;
            break;
        }
        if (!strcmp(arg, "--help") || !strcmp(arg, "-help") || !strcmp(arg, "-h")) {
            usage(stdout);
            return 0;
        }
        if (!strcmp(arg, "--version")) {
            printf("soxcc %s (Sox compiler; targets x86_64-linux aarch64-linux)\n", SOXCC_VERSION);
            return 0;
        }
        if (arg[0] != '-' || !arg[1]) {
            o->inputs[o->ninputs++] = arg;
        } else if ((val = option_value(argc, argv, &i, "target"))) {
            if ((o->target = target_parse(val)) == TARGET_NONE) {
                error("unknown target '%s' (x86_64-linux, aarch64-linux)", val);
                return 1;
            }
        } else if ((val = option_value(argc, argv, &i, "sysroot"))) {
            o->sysroot = val;
        } else if (!strcmp(arg, "-o")) {
            if (i + 1 >= argc) {
                error("option '-o' needs an argument");
                return 1;
            }
            o->output = argv[++i];
        } else if (!strncmp(arg, "-o", 2) && arg[1] == 'o') {
            o->output = arg + 2;
        } else if (!parse_flag(arg, o)) {
            error("unknown option '%s' (try --help)", arg);
            return 1;
        }
        if (diag_error_count)
            return 1;
    }
    if (o->ninputs == 0) {
        error("no input files (try --help)");
        return 1;
    }
    return -1;
}

int main(int argc, char **argv) {
    diag_set_program("soxcc");
    DriverOptions o = {.target = target_host(), .opt_level = 1, .argv0 = argv[0]};
    o.inputs = xcalloc((size_t)argc, sizeof *o.inputs);
    int rc = parse_command_line(argc, argv, &o);
    if (rc < 0)
        rc = driver_run(&o);
    free(o.inputs);
    return rc;
}
