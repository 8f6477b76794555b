#include "elf.h"
#include <stddef.h>

typedef struct RelocName { unsigned type; const char *name; } RelocName;

static const RelocName x86_64_relocs[] = {
    {R_X86_64_NONE, "R_X86_64_NONE"},       {R_X86_64_64, "R_X86_64_64"},
    {R_X86_64_PC32, "R_X86_64_PC32"},       {R_X86_64_GOT32, "R_X86_64_GOT32"},
    {R_X86_64_PLT32, "R_X86_64_PLT32"},     {R_X86_64_GOTPCREL, "R_X86_64_GOTPCREL"},
    {R_X86_64_32, "R_X86_64_32"},           {R_X86_64_32S, "R_X86_64_32S"},
    {R_X86_64_16, "R_X86_64_16"},           {R_X86_64_PC16, "R_X86_64_PC16"},
    {R_X86_64_8, "R_X86_64_8"},             {R_X86_64_PC8, "R_X86_64_PC8"},
    {R_X86_64_TPOFF32, "R_X86_64_TPOFF32"}, {R_X86_64_PC64, "R_X86_64_PC64"},
    {R_X86_64_GOTOFF64, "R_X86_64_GOTOFF64"}, {R_X86_64_GOTPC32, "R_X86_64_GOTPC32"},
    {R_X86_64_SIZE32, "R_X86_64_SIZE32"},   {R_X86_64_SIZE64, "R_X86_64_SIZE64"},
    {R_X86_64_GOTPCRELX, "R_X86_64_GOTPCRELX"}, {R_X86_64_REX_GOTPCRELX, "R_X86_64_REX_GOTPCRELX"},
};

static const RelocName aarch64_relocs[] = {
    {R_AARCH64_NONE, "R_AARCH64_NONE"},
    {R_AARCH64_ABS64, "R_AARCH64_ABS64"},   {R_AARCH64_ABS32, "R_AARCH64_ABS32"},
    {R_AARCH64_ABS16, "R_AARCH64_ABS16"},   {R_AARCH64_PREL64, "R_AARCH64_PREL64"},
    {R_AARCH64_PREL32, "R_AARCH64_PREL32"}, {R_AARCH64_PREL16, "R_AARCH64_PREL16"},
    {R_AARCH64_MOVW_UABS_G0, "R_AARCH64_MOVW_UABS_G0"},
    {R_AARCH64_MOVW_UABS_G0_NC, "R_AARCH64_MOVW_UABS_G0_NC"},
    {R_AARCH64_MOVW_UABS_G1, "R_AARCH64_MOVW_UABS_G1"},
    {R_AARCH64_MOVW_UABS_G1_NC, "R_AARCH64_MOVW_UABS_G1_NC"},
    {R_AARCH64_MOVW_UABS_G2, "R_AARCH64_MOVW_UABS_G2"},
    {R_AARCH64_MOVW_UABS_G2_NC, "R_AARCH64_MOVW_UABS_G2_NC"},
    {R_AARCH64_MOVW_UABS_G3, "R_AARCH64_MOVW_UABS_G3"},
    {R_AARCH64_LD_PREL_LO19, "R_AARCH64_LD_PREL_LO19"},
    {R_AARCH64_ADR_PREL_LO21, "R_AARCH64_ADR_PREL_LO21"},
    {R_AARCH64_ADR_PREL_PG_HI21, "R_AARCH64_ADR_PREL_PG_HI21"},
    {R_AARCH64_ADR_PREL_PG_HI21_NC, "R_AARCH64_ADR_PREL_PG_HI21_NC"},
    {R_AARCH64_ADD_ABS_LO12_NC, "R_AARCH64_ADD_ABS_LO12_NC"},
    {R_AARCH64_LDST8_ABS_LO12_NC, "R_AARCH64_LDST8_ABS_LO12_NC"},
    {R_AARCH64_TSTBR14, "R_AARCH64_TSTBR14"}, {R_AARCH64_CONDBR19, "R_AARCH64_CONDBR19"},
    {R_AARCH64_JUMP26, "R_AARCH64_JUMP26"}, {R_AARCH64_CALL26, "R_AARCH64_CALL26"},
    {R_AARCH64_LDST16_ABS_LO12_NC, "R_AARCH64_LDST16_ABS_LO12_NC"},
    {R_AARCH64_LDST32_ABS_LO12_NC, "R_AARCH64_LDST32_ABS_LO12_NC"},
    {R_AARCH64_LDST64_ABS_LO12_NC, "R_AARCH64_LDST64_ABS_LO12_NC"},
    {R_AARCH64_LDST128_ABS_LO12_NC, "R_AARCH64_LDST128_ABS_LO12_NC"},
    {R_AARCH64_ADR_GOT_PAGE, "R_AARCH64_ADR_GOT_PAGE"},
    {R_AARCH64_LD64_GOT_LO12_NC, "R_AARCH64_LD64_GOT_LO12_NC"},
};

static const char *lookup(const RelocName *table, size_t n, unsigned type) {
    for (size_t i = 0; i < n; i++)
        if (table[i].type == type)
            return table[i].name;
    return "R_<unknown>";
}

const char *elf_reloc_name(int machine, unsigned type) {
    if (machine == EM_X86_64)
        return lookup(x86_64_relocs, sizeof x86_64_relocs / sizeof x86_64_relocs[0], type);
    if (machine == EM_AARCH64)
        return lookup(aarch64_relocs, sizeof aarch64_relocs / sizeof aarch64_relocs[0], type);
    return "R_<unknown>";
}
