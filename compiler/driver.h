/* driver.h — soxcc's command line (main.c) and build pipeline (driver.c). */
#ifndef SOX_DRIVER_H
#define SOX_DRIVER_H
#include "common/target.h"
#include <stdbool.h>
#include <stddef.h>

typedef enum DriverMode { MODE_LINK, MODE_ASSEMBLY, MODE_OBJECT } DriverMode;

typedef struct DriverOptions {
    Target target;
    DriverMode mode;            /* -S / -c / link (default) */
    int opt_level;              /* -O0..-O2, default 1 */
    const char *output;         /* -o */
    const char *sysroot;        /* --sysroot; NULL: beside the soxcc binary */
    bool save_temps, verbose, run, test, dump_ast, syntax_only;
    const char **inputs;        /* .sox .s .o .a */
    int ninputs;
    char **run_args;            /* --run/--test: arguments after the program */
    int nrun_args;
    const char *argv0;          /* how soxcc was invoked (to find the sysroot) */
} DriverOptions;

/* Runs the whole build; returns soxcc's exit status. */
int driver_run(const DriverOptions *o);

/* toolchain.c: the assembler and linker, called in process. */
int tool_assemble(Target t, const char *input_name, const char *text, size_t len,
                  const char *output_path);
/* The same fed in pieces of whole lines while the compiler writes them (assembler/soxas.h's
 * stream); end with output_path NULL discards the work. */
struct SoxasStream *tool_assemble_begin(Target t, const char *input_name);
void tool_assemble_feed(struct SoxasStream *s, const char *text, size_t len);
int tool_assemble_end(struct SoxasStream *s, const char *output_path);
int tool_link(Target t, const char *sysroot_lib, const char *const *objects, int nobjects,
              const char *output);
#endif
