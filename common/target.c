#include "target.h"
#include "elf.h"
#include <string.h>

static const struct { const char *name; Target target; } aliases[] = {
    {"x86_64-linux", TARGET_X86_64},   {"x86_64-linux-gnu", TARGET_X86_64},
    {"x86_64", TARGET_X86_64},         {"amd64", TARGET_X86_64},
    {"x86-64", TARGET_X86_64},         {"x86_64-unknown-linux-gnu", TARGET_X86_64},
    {"aarch64-linux", TARGET_AARCH64}, {"aarch64-linux-gnu", TARGET_AARCH64},
    {"aarch64", TARGET_AARCH64},       {"arm64", TARGET_AARCH64},
    {"aarch64-unknown-linux-gnu", TARGET_AARCH64},
};

Target target_parse(const char *name) {
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(name, aliases[i].name) == 0)
            return aliases[i].target;
    return TARGET_NONE;
}

const char *target_name(Target t) {
    return t == TARGET_X86_64 ? "x86_64-linux" : t == TARGET_AARCH64 ? "aarch64-linux" : "none";
}

const char *target_arch(Target t) {
    return t == TARGET_X86_64 ? "x86_64" : t == TARGET_AARCH64 ? "aarch64" : "none";
}

int target_elf_machine(Target t) {
    return t == TARGET_X86_64 ? EM_X86_64 : t == TARGET_AARCH64 ? EM_AARCH64 : EM_NONE;
}

Target target_from_elf_machine(int machine) {
    return machine == EM_X86_64 ? TARGET_X86_64 : machine == EM_AARCH64 ? TARGET_AARCH64 : TARGET_NONE;
}

Target target_host(void) {
#if defined(__x86_64__)
    return TARGET_X86_64;
#elif defined(__aarch64__)
    return TARGET_AARCH64;
#else
    return TARGET_X86_64;
#endif
}
