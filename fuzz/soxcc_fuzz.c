/* soxcc_fuzz.c — the soxcc front end (scanner, parser, resolver) on arbitrary Sox source,
 * then, for programs it accepts, the IR and both back ends down to assembly text. */
#include "compiler/codegen.h"
#include "compiler/frontend.h"
#include "fuzz/fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *path = fuzz_write_file("fuzz.sox", data, size);
    FrontendOptions fo = {.test_mode = size > 0 && data[0] == '#'};
    fuzz_reset_diagnostics();
    Program *p = frontend_parse_program(path, &fo);
    if (!p)
        return 0;
    static const Target targets[] = {TARGET_X86_64, TARGET_AARCH64};
    for (int i = 0; i < 2; i++) {
        Buf text = {0};
        codegen_program(p, targets[i], 2, fo.test_mode, &text, NULL);
        buf_free(&text);
    }
    program_free(p);
    return 0;
}
