/* soxas_fuzz.c — the assembler's parser, expression evaluator, encoders and ELF writer on
 * arbitrary text, for the target given at build time (-DFUZZ_TARGET=TARGET_X86_64 ...). */
#include "assembler/soxas.h"
#include "fuzz/fuzz_util.h"
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *text = fuzz_strndup(data, size);
    Buf obj = {0};
    fuzz_reset_diagnostics();
    soxas_assemble_buf(FUZZ_TARGET, "fuzz.s", text, size, &obj);
    buf_free(&obj);
    free(text);
    return 0;
}
