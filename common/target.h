/* target.h — the two targets, their names and aliases, and the host. */
#ifndef SOX_TARGET_H
#define SOX_TARGET_H

typedef enum Target { TARGET_NONE = 0, TARGET_X86_64, TARGET_AARCH64 } Target;

/* Accepts x86_64-linux, aarch64-linux, the -gnu spellings, x86_64, aarch64, amd64, arm64. */
Target target_parse(const char *name);
const char *target_name(Target t);       /* canonical: "x86_64-linux" / "aarch64-linux" */
const char *target_arch(Target t);       /* "x86_64" / "aarch64" (qemu-<arch>, gnu triples) */
int target_elf_machine(Target t);        /* EM_X86_64 / EM_AARCH64 */
Target target_from_elf_machine(int machine);
Target target_host(void);

#endif
