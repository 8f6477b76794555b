/* reloc_x86_64.c — x86-64 relocations (System V AMD64 psABI, "Relocation Types").
 *
 * Everything is little-endian data patched in place: absolute words (R_X86_64_64/32/32S/16/8),
 * PC-relative displacements (PC32, PLT32, PC64, PC16, PC8) and GOT-relative loads.  In a
 * static non-PIE link there is no PLT: PLT32 is PC32.  GOTPCRELX/REX_GOTPCRELX mark
 * instructions the linker may rewrite (psABI "Optimize GOTPCRELX Relocations"):
 *     mov foo@GOTPCREL(%rip), %reg   (8b /r)   ->  lea foo(%rip), %reg   (8d /r)
 *     call *foo@GOTPCREL(%rip)       (ff 15)   ->  addr32 call foo       (67 e8)
 *     jmp *foo@GOTPCREL(%rip)        (ff 25)   ->  jmp foo; nop          (e9 .. 90)
 * Anything else (plain GOTPCREL, other opcodes, absolute or undefined-weak targets) reads a
 * linker-made GOT slot holding the address.
 * psABI: https://gitlab.com/x86-psABIs/x86-64-ABI */
#include "linker/reloc_common.h"
#include <string.h>

static const RelocType x86_64_relocs[] = {
    {R_X86_64_NONE, 0, 0},      {R_X86_64_64, 8, 0},         {R_X86_64_PC32, 4, 0},
    {R_X86_64_PLT32, 4, 0}, {R_X86_64_32, 4, 0},     {R_X86_64_32S, 4, 0},
    {R_X86_64_16, 2, 0},        {R_X86_64_PC16, 2, 0},       {R_X86_64_8, 1, 0},
    {R_X86_64_PC8, 1, 0},       {R_X86_64_PC64, 8, 0},       {R_X86_64_SIZE32, 4, 0},
    {R_X86_64_SIZE64, 8, 0},    {R_X86_64_GOTPCREL, 4, RF_GOT},
    {R_X86_64_GOTPCRELX, 4, RF_GOT}, {R_X86_64_REX_GOTPCRELX, 4, RF_GOT},
};

static int x86_64_can_relax(const RelocSite *s) {
    if (s->undef_weak || s->absolute || s->type == R_X86_64_GOTPCREL || s->offset < 2)
        return 0;
    const uint8_t *p = s->sec_start + s->offset;
    if (s->type == R_X86_64_REX_GOTPCRELX)
        return s->offset >= 3 && p[-2] == 0x8b;
    return p[-2] == 0x8b || (p[-2] == 0xff && (p[-1] == 0x15 || p[-1] == 0x25));
}

static RelocResult write32s(uint8_t *loc, int64_t v) {
    RelocResult r = SIGNED_RANGE(v, 32);
    if (r.status == RR_OK)
        put_u32(loc, (uint32_t)v);
    return r;
}

static RelocResult relax_gotpcrelx(const RelocSite *s) {
    uint8_t *p = s->loc;
    int64_t v = (int64_t)(s->S + s->A - s->P);
    if (p[-2] == 0x8b) {
        p[-2] = 0x8d;
        return write32s(p, v);
    }
    if (p[-1] == 0x15) {
        p[-2] = 0x67;
        p[-1] = 0xe8;
        return write32s(p, v);
    }
    RelocResult r = SIGNED_RANGE(v + 1, 32);   /* the displacement moves one byte earlier */
    if (r.status == RR_OK) {
        p[-2] = 0xe9;
        put_u32(p - 1, (uint32_t)(v + 1));
        p[3] = 0x90;
    }
    return r;
}

static RelocResult write_data(uint8_t *loc, int64_t v, int bytes, int is_signed) {
    RelocResult r = is_signed ? SIGNED_RANGE(v, bytes * 8) : WORD_RANGE(v, bytes * 8);
    if (r.status != RR_OK)
        return r;
    if (bytes == 2)
        put_u16(loc, (uint16_t)v);
    else
        loc[0] = (uint8_t)v;
    return r;
}

static RelocResult x86_64_apply(const RelocSite *s) {
    uint64_t S = s->S, A = s->A, P = s->P, G = s->G, Z = s->Z;
    uint8_t *loc = s->loc;
    switch (s->type) {
    case R_X86_64_NONE: return reloc_ok();
    case R_X86_64_64: put_u64(loc, S + A); return reloc_ok();
    case R_X86_64_PC64: put_u64(loc, S + A - P); return reloc_ok();
    case R_X86_64_SIZE64: put_u64(loc, Z + A); return reloc_ok();
    case R_X86_64_PC32:
    case R_X86_64_PLT32: return write32s(loc, (int64_t)(S + A - P));
    case R_X86_64_32S: return write32s(loc, (int64_t)(S + A));
    case R_X86_64_32:
    case R_X86_64_SIZE32: {
        int64_t v = (int64_t)(s->type == R_X86_64_32 ? S + A : Z + A);
        RelocResult r = UNSIGNED_RANGE(v, 32);
        if (r.status == RR_OK)
            put_u32(loc, (uint32_t)v);
        return r;
    }
    case R_X86_64_16: return write_data(loc, (int64_t)(S + A), 2, 0);
    case R_X86_64_PC16: return write_data(loc, (int64_t)(S + A - P), 2, 1);
    case R_X86_64_8: return write_data(loc, (int64_t)(S + A), 1, 0);
    case R_X86_64_PC8: return write_data(loc, (int64_t)(S + A - P), 1, 1);
    case R_X86_64_GOTPCRELX:
    case R_X86_64_REX_GOTPCRELX:
        if (x86_64_can_relax(s))
            return relax_gotpcrelx(s);
        return write32s(loc, (int64_t)(G + A - P));
    case R_X86_64_GOTPCREL: return write32s(loc, (int64_t)(G + A - P));
    }
    return reloc_ok();              /* unreachable: reloc_scan rejected unknown types */
}

/* The recommended multi-byte NOPs (Intel SDM, "NOP"); index = length. */
static const uint8_t x86_64_nops[11][10] = {
    {0},
    {0x90},
    {0x66, 0x90},
    {0x0f, 0x1f, 0x00},
    {0x0f, 0x1f, 0x40, 0x00},
    {0x0f, 0x1f, 0x44, 0x00, 0x00},
    {0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00},
    {0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00},
    {0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
    {0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
    {0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00},
};

static void x86_64_fill_code(uint8_t *p, uint64_t n) {
    while (n > 0) {
        uint64_t k = n > 10 ? 10 : n;
        memcpy(p, x86_64_nops[k], k);
        p += k;
        n -= k;
    }
}

const LdTarget ld_target_x86_64 = {
    .target = TARGET_X86_64,
    .machine = EM_X86_64,
    .emulation = "elf_x86_64",
    .max_page = 4096,
    .relocs = x86_64_relocs,
    .nrelocs = sizeof x86_64_relocs / sizeof x86_64_relocs[0],
    .can_relax = x86_64_can_relax,
    .apply = x86_64_apply,
    .fill_code = x86_64_fill_code,
};
