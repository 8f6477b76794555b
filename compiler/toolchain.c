/* toolchain.c — the adapter between the driver and the assembler/linker libraries
 * (assembler/soxas.h, linker/soxld.h), which run in soxcc's own process.
 *
 * The entry points are weak references, and compiler/build.mk links both libraries
 * whole, so soxcc still builds (and -S still works) while a library is incomplete;
 * a missing one is reported as a clear error instead of a link failure. */
#include "compiler/driver.h"
#include "assembler/soxas.h"
#include "common/diag.h"
#include "linker/soxld.h"
#include <stdlib.h>

extern int soxas_assemble(Target t, const char *input_name, const char *text, size_t len,
                          const char *output_path) __attribute__((weak));
extern int soxld_link(const SoxldOptions *opts) __attribute__((weak));

int tool_assemble(Target t, const char *input_name, const char *text, size_t len,
                  const char *output_path) {
    if (!soxas_assemble) {
        error("this soxcc was built without the assembler library");
        return 1;
    }
    return soxas_assemble(t, input_name, text, len, output_path);
}

/* Link order: crt1.o, the program's objects, then -L<sysroot lib> -lsoxrt. */
int tool_link(Target t, const char *sysroot_lib, const char *const *objects, int nobjects,
              const char *output) {
    if (!soxld_link) {
        error("this soxcc was built without the linker library");
        return 1;
    }
    SoxldInput inputs[nobjects + 2];
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
    return rc;
}
