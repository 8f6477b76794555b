/* soxld_fuzz.c — a whole static link of one arbitrary input file (object or archive):
 * the ELF and ar readers, symbol resolution, layout, relocation and the writer. */
#include "linker/soxld.h"
#include "fuzz/fuzz_util.h"
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *in = fuzz_write_file("in.o", data, size);
    const char *out = fuzz_path("a.out");
    SoxldInput input = {.name = in};
    SoxldOptions opts = {.inputs = &input, .ninputs = 1, .output = out};
    fuzz_reset_diagnostics();
    soxld_link(&opts);
    unlink(out);
    return 0;
}
