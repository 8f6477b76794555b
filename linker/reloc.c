/* reloc.c — the target-independent half of relocation processing.
 *
 * reloc_scan runs over the live sections before layout: it rejects unknown types, bad symbol
 * indexes and patches outside their section, reports undefined references (with the place of
 * each of the first few), and gives a GOT slot to every symbol reached through a GOT-form
 * relocation that the target cannot relax.  reloc_apply_section then patches one section
 * already copied into the output image, computing the psABI quantities S, A, P, G and Z and
 * handing them to the target's apply function, which only encodes and range-checks. */
#include "linker/ld.h"
#include "common/buf.h"
#include "common/diag.h"
#include <assert.h>
#include <inttypes.h>
#include <string.h>

enum { MAX_UNDEF_REPORTS = 3 };

/* The name to print for the symbol of a relocation (section symbols print their section). */
static const char *symbol_name(const ObjFile *f, uint32_t symidx) {
    if (f->symbols[symidx])
        return f->symbols[symidx]->name;
    Elf64_Sym s = obj_sym(f, symidx);
    if (ELF64_ST_TYPE(s.st_info) == STT_SECTION && s.st_shndx < f->nsections)
        return f->sections[s.st_shndx].name;
    return f->strtab ? f->strtab + s.st_name : "";
}

static int is_undef_weak(const ObjFile *f, uint32_t symidx) {
    const Symbol *g = f->symbols[symidx];
    return g && g->state == SYM_UNDEF;
}

static int is_absolute(const ObjFile *f, uint32_t symidx) {
    const Symbol *g = f->symbols[symidx];
    if (g)
        return g->state == SYM_DEFINED && g->shndx == SHN_ABS;
    return obj_sym(f, symidx).st_shndx == SHN_ABS;
}

/* The function containing a place, for "in function 'f'" (NULL if none is known). */
static const char *enclosing_function(const InputSection *isec, uint64_t offset) {
    const ObjFile *f = isec->file;
    for (uint32_t i = 1; i < f->nsyms; i++) {
        Elf64_Sym s = obj_sym(f, i);
        if (ELF64_ST_TYPE(s.st_info) == STT_FUNC && s.st_shndx == isec->index && s.st_value <= offset &&
            offset - s.st_value < s.st_size)
            return f->strtab + s.st_name;
    }
    return NULL;
}

static void report_undefined(Linker *ld, Symbol *g, const InputSection *isec, uint64_t offset) {
    const char *fn = g->reported < MAX_UNDEF_REPORTS ? enclosing_function(isec, offset) : NULL;
    if (g->reported < MAX_UNDEF_REPORTS && fn)
        error_in(ld_place(ld, isec, offset), "undefined reference to '%s' (in function '%s')", g->name, fn);
    else if (g->reported < MAX_UNDEF_REPORTS)
        error_in(ld_place(ld, isec, offset), "undefined reference to '%s'", g->name);
    else if (g->reported == MAX_UNDEF_REPORTS)
        error_in(isec->file->name, "more undefined references to '%s' follow", g->name);
    if (g->reported <= MAX_UNDEF_REPORTS)
        g->reported++;
}

static void give_got_slot(Linker *ld, ObjFile *f, uint32_t symidx) {
    uint32_t *slot;
    if (f->symbols[symidx]) {
        slot = &f->symbols[symidx]->got_slot;
    } else {
        if (!f->local_got)
            f->local_got = arena_alloc(&ld->arena, (size_t)f->nsyms * sizeof *f->local_got);
        slot = &f->local_got[symidx];
    }
    if (*slot)
        return;
    if (ld->ngot == ld->got_cap) {
        ld->got_cap = ld->got_cap ? 2 * ld->got_cap : 64;
        ld->got = xrealloc(ld->got, ld->got_cap * sizeof *ld->got);
    }
    ld->got[ld->ngot++] = (GotSlot){f, symidx};
    *slot = (uint32_t)ld->ngot;
}

static int check_entry(Linker *ld, const InputSection *isec, const Elf64_Rela *r, const RelocType **rt) {
    const ObjFile *f = isec->file;
    uint32_t type = ELF64_R_TYPE(r->r_info), symidx = ELF64_R_SYM(r->r_info);
    *rt = type < RELOC_INDEX_SIZE ? ld->reloc_index[type] : NULL;
    if (!*rt) {
        error_in(ld_place(ld, isec, r->r_offset), "unsupported relocation type %u (%s)", type, elf_reloc_name(ld->target->machine, type));
        return 0;
    }
    if (symidx >= f->nsyms) {
        error_in(ld_place(ld, isec, r->r_offset), "relocation %s: bad symbol index %u", elf_reloc_name(ld->target->machine, type), symidx);
        return 0;
    }
    if (r->r_offset > isec->size || (*rt)->size > isec->size - r->r_offset || !isec->data) {
        error_in(ld_place(ld, isec, r->r_offset), "relocation %s patches bytes outside section '%s' (size 0x%" PRIx64 ")",
                 elf_reloc_name(ld->target->machine, type), isec->name, isec->size);
        return 0;
    }
    return 1;
}

static void scan_section(Linker *ld, InputSection *isec) {
    ObjFile *f = isec->file;
    const InputSection *rs = &f->sections[isec->rela];
    uint64_t n = rs->size / sizeof(Elf64_Rela);
    for (uint64_t i = 0; i < n; i++) {
        Elf64_Rela r = rela_at(rs, i);
        const RelocType *rt;
        if (!check_entry(ld, isec, &r, &rt))
            continue;
        uint32_t symidx = ELF64_R_SYM(r.r_info);
        Symbol *g = f->symbols[symidx];
        if (g && g->state == SYM_UNDEF && g->strong_ref)
            report_undefined(ld, g, isec, r.r_offset);
        if (!(rt->flags & RF_GOT))
            continue;
        RelocSite site = {.sec_start = isec->data, .offset = r.r_offset, .type = rt->type,
                          .undef_weak = is_undef_weak(f, symidx), .absolute = is_absolute(f, symidx)};
        if (!ld->target->can_relax || !ld->target->can_relax(&site))
            give_got_slot(ld, f, symidx);
    }
}

void reloc_scan(Linker *ld) {
    for (size_t i = 0; i < ld->target->nrelocs; i++) {
        assert(ld->target->relocs[i].type < RELOC_INDEX_SIZE);
        ld->reloc_index[ld->target->relocs[i].type] = &ld->target->relocs[i];
    }
    for (size_t i = 0; i < ld->files.len; i++) {
        ObjFile *f = ld->files.items[i];
        for (uint32_t k = 1; k < f->nsections; k++) {
            InputSection *s = &f->sections[k];
            if (s->live && s->rela && s->out != NULL)
                scan_section(ld, s);
        }
    }
}

static uint64_t got_slot_address(Linker *ld, const ObjFile *f, uint32_t symidx) {
    uint32_t slot = f->symbols[symidx] ? f->symbols[symidx]->got_slot : f->local_got ? f->local_got[symidx] : 0;
    return slot ? ld->out[OUT_GOT].addr + (uint64_t)(slot - 1) * 8 : 0;
}

static uint64_t symbol_size(const ObjFile *f, uint32_t symidx) {
    return f->symbols[symidx] ? f->symbols[symidx]->size : obj_sym(f, symidx).st_size;
}

static void report_result(Linker *ld, const InputSection *isec, const Elf64_Rela *r, RelocResult res) {
    uint32_t type = ELF64_R_TYPE(r->r_info);
    const char *name = elf_reloc_name(ld->target->machine, type);
    const char *sym = symbol_name(isec->file, ELF64_R_SYM(r->r_info));
    const char *place = ld_place(ld, isec, r->r_offset);
    if (res.status == RR_OVERFLOW)
        error_in(place, "relocation %s out of range: %" PRId64 " is not in [%" PRId64 ", %" PRId64 "]; references '%s'",
                 name, res.value, res.lo, res.hi, sym);
    else
        error_in(place, "relocation %s: target 0x%" PRIx64 " is not aligned to %" PRId64 " bytes; references '%s'",
                 name, (uint64_t)res.value, res.hi, sym);
}

void reloc_apply_section(Linker *ld, const InputSection *isec, uint8_t *base) {
    const ObjFile *f = isec->file;
    const InputSection *rs = &f->sections[isec->rela];
    uint64_t addr = isec->out->addr + isec->offset;
    uint64_t n = rs->size / sizeof(Elf64_Rela);
    for (uint64_t i = 0; i < n; i++) {
        Elf64_Rela r = rela_at(rs, i);
        uint32_t symidx = ELF64_R_SYM(r.r_info);
        RelocSite site = {
            .loc = base + r.r_offset, .sec_start = base, .offset = r.r_offset,
            .type = ELF64_R_TYPE(r.r_info), .S = sym_address(f, symidx), .A = (uint64_t)r.r_addend,
            .P = addr + r.r_offset, .G = got_slot_address(ld, f, symidx), .Z = symbol_size(f, symidx),
            .undef_weak = is_undef_weak(f, symidx), .absolute = is_absolute(f, symidx),
        };
        RelocResult res = ld->target->apply(&site);
        if (res.status != RR_OK)
            report_result(ld, isec, &r, res);
    }
}
