/* toolchain.c — the driver's view of the assembler and linker libraries
 * (assembler/soxas.h, linker/soxld.h), which run inside soxcc's own process:
 * one small adapter so driver.c knows nothing of their option structures. */
#include "compiler/driver.h"
#include "assembler/soxas.h"
#include "common/diag.h"
#include "linker/soxld.h"
#include <stdlib.h>

int tool_assemble(Target t, const char *input_name, const char *text, size_t len,
                  const char *output_path) {
    return soxas_assemble(t, input_name, text, len, output_path);
}

struct SoxasStream *tool_assemble_begin(Target t, const char *input_name) {
    return soxas_stream_begin(t, input_name);
}

void tool_assemble_feed(struct SoxasStream *s, const char *text, size_t len) {
    soxas_stream_feed(s, text, len);
}

int tool_assemble_end(struct SoxasStream *s, const char *output_path) {
    return soxas_stream_end(s, output_path);
}

/* Link order: crt1.o, the program's objects, then -L<sysroot lib> -lsoxrt. */
int tool_link(Target t, const char *sysroot_lib, const char *const *objects, int nobjects,
              const char *output) {
    SoxldInput *inputs = xcalloc((size_t)nobjects + 2, sizeof *inputs);
    char *crt1 = xformat("%s/crt1.o", sysroot_lib);
    int n = 0;
    inputs[n++] = (SoxldInput){crt1, 0};
    for (int i = 0; i < nobjects; i++)
        inputs[n++] = (SoxldInput){objects[i], 0};
    inputs[n++] = (SoxldInput){"soxrt", 1};
    const char *dirs[] = {sysroot_lib};
    SoxldOptions opts = {.target = t, .inputs = inputs, .ninputs = n, .lib_dirs = dirs,
                         .nlib_dirs = 1, .output = output};
    int rc = soxld_link(&opts);
    free(crt1);
    free(inputs);
    return rc;
}
