/* reloc_aarch64.c — AArch64 relocations (ELF for the Arm 64-bit Architecture, AAELF64).
 *
 * Data relocations patch little-endian words; the others patch a bit field of a 32-bit
 * instruction, always after a range check on the value before it is shifted:
 *   B/BL imm26 (CALL26/JUMP26)       PC-relative, word aligned, +-128 MiB
 *   B.cond/CBZ/LDR-literal imm19      +-1 MiB          TBZ/TBNZ imm14   +-32 KiB
 *   ADR imm21                         +-1 MiB          ADRP imm21 of 4 KiB pages: +-4 GiB
 *   ADD/LDR/STR imm12                 low 12 bits of the address, scaled by the access size
 *   MOVZ/MOVK imm16                   16-bit groups G0..G3 of an absolute address
 * Page(x) is x with the low 12 bits cleared.  There is no PLT in a static link; a branch to
 * an undefined weak symbol jumps to the next instruction, as GNU ld does.  GOT forms
 * (ADR_GOT_PAGE + LD64_GOT_LO12_NC) always use a linker-made GOT slot.
 * AAELF64: https://github.com/ARM-software/abi-aa/blob/main/aaelf64/aaelf64.rst */
#include "linker/reloc_common.h"

static const RelocType aarch64_relocs[] = {
    {R_AARCH64_NONE, 0, 0},
    {R_AARCH64_ABS64, 8, 0},              {R_AARCH64_ABS32, 4, 0},
    {R_AARCH64_ABS16, 2, 0},              {R_AARCH64_PREL64, 8, 0},
    {R_AARCH64_PREL32, 4, 0},             {R_AARCH64_PREL16, 2, 0},
    {R_AARCH64_CALL26, 4, 0},     {R_AARCH64_JUMP26, 4, 0},
    {R_AARCH64_CONDBR19, 4, 0},   {R_AARCH64_TSTBR14, 4, 0},
    {R_AARCH64_LD_PREL_LO19, 4, 0},       {R_AARCH64_ADR_PREL_LO21, 4, 0},
    {R_AARCH64_ADR_PREL_PG_HI21, 4, 0},   {R_AARCH64_ADR_PREL_PG_HI21_NC, 4, 0},
    {R_AARCH64_ADD_ABS_LO12_NC, 4, 0},    {R_AARCH64_LDST8_ABS_LO12_NC, 4, 0},
    {R_AARCH64_LDST16_ABS_LO12_NC, 4, 0}, {R_AARCH64_LDST32_ABS_LO12_NC, 4, 0},
    {R_AARCH64_LDST64_ABS_LO12_NC, 4, 0}, {R_AARCH64_LDST128_ABS_LO12_NC, 4, 0},
    {R_AARCH64_MOVW_UABS_G0, 4, 0},       {R_AARCH64_MOVW_UABS_G0_NC, 4, 0},
    {R_AARCH64_MOVW_UABS_G1, 4, 0},       {R_AARCH64_MOVW_UABS_G1_NC, 4, 0},
    {R_AARCH64_MOVW_UABS_G2, 4, 0},       {R_AARCH64_MOVW_UABS_G2_NC, 4, 0},
    {R_AARCH64_MOVW_UABS_G3, 4, 0},
    {R_AARCH64_ADR_GOT_PAGE, 4, RF_GOT},  {R_AARCH64_LD64_GOT_LO12_NC, 4, RF_GOT},
};

static uint64_t page(uint64_t x) { return x & ~(uint64_t)0xfff; }

/* Replaces the bits of `mask` in the instruction at loc with `bits` (already shifted). */
static void patch(uint8_t *loc, uint32_t mask, uint32_t bits) {
    put_u32(loc, (get_u32(loc) & ~mask) | (bits & mask));
}

static void write_adr(uint8_t *loc, int64_t imm21) {
    uint32_t lo = (uint32_t)imm21 & 3, hi = ((uint32_t)(imm21 >> 2)) & 0x7ffff;
    patch(loc, 3u << 29 | 0x7ffffu << 5, lo << 29 | hi << 5);
}

/* A PC-relative branch or literal load: word aligned, `bits` wide after dropping 2 bits. */
static RelocResult write_branch(uint8_t *loc, int64_t v, int bits, int shift) {
    RelocResult r = reloc_check_align(v, 4);
    if (r.status == RR_OK)
        r = SIGNED_RANGE(v, bits + 2);
    if (r.status == RR_OK)
        patch(loc, (uint32_t)(((uint64_t)1 << bits) - 1) << shift, (uint32_t)((uint64_t)(v >> 2) << shift));
    return r;
}

static RelocResult write_lo12(uint8_t *loc, uint64_t x, int scale) {
    RelocResult r = reloc_check_align((int64_t)(x & 0xfff), (int64_t)1 << scale);
    if (r.status == RR_OK)
        patch(loc, 0xfffu << 10, (uint32_t)((x & 0xfff) >> scale) << 10);
    return r;
}

/* MOVZ/MOVK: group g (bits 16g..16g+15) of x; checked groups must hold all the high bits. */
static RelocResult write_movw(uint8_t *loc, uint64_t x, int g, int checked) {
    RelocResult r = reloc_ok();
    if (checked && g < 3)
        r = UNSIGNED_RANGE((int64_t)x, 16 * (g + 1));
    if (r.status == RR_OK)
        patch(loc, 0xffffu << 5, (uint32_t)((x >> (16 * g)) & 0xffff) << 5);
    return r;
}

static RelocResult write_word(uint8_t *loc, int64_t v, int bytes) {
    RelocResult r = WORD_RANGE(v, bytes * 8);
    if (r.status == RR_OK) {
        if (bytes == 4)
            put_u32(loc, (uint32_t)v);
        else
            put_u16(loc, (uint16_t)v);
    }
    return r;
}

static RelocResult write_adrp(uint8_t *loc, uint64_t target, uint64_t P, int checked) {
    int64_t v = (int64_t)(page(target) - page(P));
    RelocResult r = checked ? SIGNED_RANGE(v, 33) : reloc_ok();
    if (r.status == RR_OK)
        write_adr(loc, v >> 12);
    return r;
}

static RelocResult aarch64_apply(const RelocSite *s) {
    uint64_t S = s->S, A = s->A, P = s->P, G = s->G;
    uint8_t *loc = s->loc;
    /* A branch to an undefined weak symbol becomes a branch to the next instruction. */
    int64_t branch = s->undef_weak ? 4 : (int64_t)(S + A - P);
    switch (s->type) {
    case R_AARCH64_NONE: return reloc_ok();
    case R_AARCH64_ABS64: put_u64(loc, S + A); return reloc_ok();
    case R_AARCH64_PREL64: put_u64(loc, S + A - P); return reloc_ok();
    case R_AARCH64_ABS32: return write_word(loc, (int64_t)(S + A), 4);
    case R_AARCH64_ABS16: return write_word(loc, (int64_t)(S + A), 2);
    case R_AARCH64_PREL32: return write_word(loc, (int64_t)(S + A - P), 4);
    case R_AARCH64_PREL16: return write_word(loc, (int64_t)(S + A - P), 2);
    case R_AARCH64_CALL26:
    case R_AARCH64_JUMP26: return write_branch(loc, branch, 26, 0);
    case R_AARCH64_CONDBR19: return write_branch(loc, branch, 19, 5);
    case R_AARCH64_TSTBR14: return write_branch(loc, branch, 14, 5);
    case R_AARCH64_LD_PREL_LO19: return write_branch(loc, (int64_t)(S + A - P), 19, 5);
    case R_AARCH64_ADR_PREL_LO21: {
        int64_t v = (int64_t)(S + A - P);
        RelocResult r = SIGNED_RANGE(v, 21);
        if (r.status == RR_OK)
            write_adr(loc, v);
        return r;
    }
    case R_AARCH64_ADR_PREL_PG_HI21: return write_adrp(loc, S + A, P, 1);
    case R_AARCH64_ADR_PREL_PG_HI21_NC: return write_adrp(loc, S + A, P, 0);
    case R_AARCH64_ADR_GOT_PAGE: return write_adrp(loc, G, P, 1);
    case R_AARCH64_ADD_ABS_LO12_NC: return write_lo12(loc, S + A, 0);
    case R_AARCH64_LDST8_ABS_LO12_NC: return write_lo12(loc, S + A, 0);
    case R_AARCH64_LDST16_ABS_LO12_NC: return write_lo12(loc, S + A, 1);
    case R_AARCH64_LDST32_ABS_LO12_NC: return write_lo12(loc, S + A, 2);
    case R_AARCH64_LDST64_ABS_LO12_NC: return write_lo12(loc, S + A, 3);
    case R_AARCH64_LDST128_ABS_LO12_NC: return write_lo12(loc, S + A, 4);
    case R_AARCH64_LD64_GOT_LO12_NC: return write_lo12(loc, G, 3);
    case R_AARCH64_MOVW_UABS_G0: return write_movw(loc, S + A, 0, 1);
    case R_AARCH64_MOVW_UABS_G0_NC: return write_movw(loc, S + A, 0, 0);
    case R_AARCH64_MOVW_UABS_G1: return write_movw(loc, S + A, 1, 1);
    case R_AARCH64_MOVW_UABS_G1_NC: return write_movw(loc, S + A, 1, 0);
    case R_AARCH64_MOVW_UABS_G2: return write_movw(loc, S + A, 2, 1);
    case R_AARCH64_MOVW_UABS_G2_NC: return write_movw(loc, S + A, 2, 0);
    case R_AARCH64_MOVW_UABS_G3: return write_movw(loc, S + A, 3, 1);
    }
    return reloc_ok();              /* unreachable: reloc_scan rejected unknown types */
}

static void aarch64_fill_code(uint8_t *p, uint64_t n) {
    for (; n >= 4; p += 4, n -= 4)      /* gaps between code sections are whole words */
        put_u32(p, 0xd503201f);         /* nop */
}

const LdTarget ld_target_aarch64 = {
    .target = TARGET_AARCH64,
    .machine = EM_AARCH64,
    .emulation = "aarch64linux",
    .max_page = 65536,
    .relocs = aarch64_relocs,
    .nrelocs = sizeof aarch64_relocs / sizeof aarch64_relocs[0],
    .can_relax = NULL,
    .apply = aarch64_apply,
    .fill_code = aarch64_fill_code,
};
