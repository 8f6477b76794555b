/* elf.h — ELF64 definitions shared by soxas, soxld and soxobjdump.
 * The structures and most constants come from the system's <elf.h> (glibc's copy of
 * the ELF gABI and the psABI supplements); this header adds helpers and names that
 * older copies may lack. */
#ifndef SOX_ELF_H
#define SOX_ELF_H
#include <elf.h>
#include <stdint.h>

#ifndef R_X86_64_GOTPCRELX
#define R_X86_64_GOTPCRELX 41
#endif
#ifndef R_X86_64_REX_GOTPCRELX
#define R_X86_64_REX_GOTPCRELX 42
#endif

/* Name of a relocation type for diagnostics and objdump; "R_<unknown>" if unknown. */
const char *elf_reloc_name(int machine, unsigned type);
#endif
