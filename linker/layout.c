/* layout.c — which input sections are kept, where they go, and every address.
 *
 * Output sections are fixed, one per kind, in three PT_LOAD segments:
 *     R+X  ELF header, program headers, .text
 *     R    .rodata (including .rodata.*, mergeable strings and allocated notes)
 *     RW   .preinit_array .init_array .fini_array .got .data .bss
 * Each segment starts at a 4 KiB-aligned file offset and at a virtual address congruent to it
 * modulo the target's maximum page size (64 KiB on AArch64), as GNU ld does, so the file
 * stays small while every page keeps one permission.  Input sections keep command-line
 * order inside their output section; .init_array.N/.fini_array.N sort by priority first. */
#include "linker/ld.h"
#include "common/buf.h"
#include "common/diag.h"
#include <stdlib.h>
#include <string.h>

enum { FILE_PAGE = 4096, SHF_GNU_RETAIN_FLAG = 0x200000 };

static const struct {
    const char *name;
    uint32_t type;
    uint64_t flags;
    int segment;
} out_kinds[OUT_COUNT] = {
    [OUT_TEXT] = {".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, SEG_TEXT},
    [OUT_RODATA] = {".rodata", SHT_PROGBITS, SHF_ALLOC, SEG_RODATA},
    [OUT_PREINIT_ARRAY] = {".preinit_array", SHT_PREINIT_ARRAY, SHF_ALLOC | SHF_WRITE, SEG_DATA},
    [OUT_INIT_ARRAY] = {".init_array", SHT_INIT_ARRAY, SHF_ALLOC | SHF_WRITE, SEG_DATA},
    [OUT_FINI_ARRAY] = {".fini_array", SHT_FINI_ARRAY, SHF_ALLOC | SHF_WRITE, SEG_DATA},
    [OUT_GOT] = {".got", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, SEG_DATA},
    [OUT_DATA] = {".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, SEG_DATA},
    [OUT_BSS] = {".bss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE, SEG_DATA},
};

static int starts_with(const char *s, const char *prefix) {
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The output section of an input section, or -1 when it is not linked. */
static int section_kind(const InputSection *s) {
    if (!(s->flags & SHF_ALLOC) || s->type == SHT_GROUP)
        return -1;
    /* No unwinder in a static Sox program; property notes would need merging to stay true. */
    if (strcmp(s->name, ".eh_frame") == 0 || starts_with(s->name, ".note.gnu.property"))
        return -1;
    if (s->type == SHT_PREINIT_ARRAY || starts_with(s->name, ".preinit_array"))
        return OUT_PREINIT_ARRAY;
    if (s->type == SHT_INIT_ARRAY || starts_with(s->name, ".init_array"))
        return OUT_INIT_ARRAY;
    if (s->type == SHT_FINI_ARRAY || starts_with(s->name, ".fini_array"))
        return OUT_FINI_ARRAY;
    if (s->type == SHT_NOBITS)
        return OUT_BSS;
    if (s->flags & SHF_EXECINSTR)
        return OUT_TEXT;
    return s->flags & SHF_WRITE ? OUT_DATA : OUT_RODATA;
}

/* ---- --gc-sections ---- */

static void mark(PtrVec *work, InputSection *s) {
    if (s && !s->live) {
        s->live = 1;
        vec_push(work, s);
    }
}

static int is_gc_root(const InputSection *s, int kind) {
    return kind == OUT_INIT_ARRAY || kind == OUT_FINI_ARRAY || kind == OUT_PREINIT_ARRAY ||
           s->type == SHT_NOTE || (s->flags & SHF_GNU_RETAIN_FLAG);
}

/* Marks every section a live section refers to through its relocations. */
static void mark_references(PtrVec *work, InputSection *s) {
    ObjFile *f = s->file;
    const InputSection *rs = &f->sections[s->rela];
    uint64_t n = rs->size / sizeof(Elf64_Rela);
    for (uint64_t i = 0; i < n; i++) {
        uint32_t symidx = ELF64_R_SYM(rela_at(rs, i).r_info);
        if (symidx >= f->nsyms)
            continue;               /* reported by reloc_scan */
        Symbol *g = f->symbols[symidx];
        if (g) {
            mark(work, sym_section(g));
            continue;
        }
        Elf64_Sym sym = obj_sym(f, symidx);
        if (sym.st_shndx != SHN_UNDEF && sym.st_shndx < SHN_LORESERVE)
            mark(work, &f->sections[sym.st_shndx]);
    }
}

void layout_gc_sections(Linker *ld) {
    int gc = ld->opts->gc_sections;
    PtrVec work = {0};
    for (size_t i = 0; i < ld->files.len; i++) {
        ObjFile *f = ld->files.items[i];
        for (uint32_t k = 1; k < f->nsections; k++) {
            InputSection *s = &f->sections[k];
            int kind = section_kind(s);
            if (kind >= 0 && (!gc || is_gc_root(s, kind)))
                mark(&work, s);
        }
    }
    Symbol *entry = sym_lookup(ld, ld->entry_name);
    if (entry)
        mark(&work, sym_section(entry));
    while (gc && work.len) {    /* without --gc-sections everything is a root already */
        InputSection *s = work.items[--work.len];
        if (s->rela)
            mark_references(&work, s);
    }
    vec_free(&work);
}

/* ---- output sections ---- */

static unsigned init_priority(const InputSection *s) {
    const char *dot = strrchr(s->name, '.');
    if (dot && dot != s->name && dot[1] >= '0' && dot[1] <= '9')
        return (unsigned)strtoul(dot + 1, NULL, 10);
    return 65536;                   /* unnumbered entries run after numbered ones */
}

static void sort_by_priority(PtrVec *v) {
    for (size_t i = 1; i < v->len; i++) {       /* insertion sort: stable, lists are short */
        void *x = v->items[i];
        unsigned px = init_priority(x);
        size_t j = i;
        for (; j > 0 && init_priority(v->items[j - 1]) > px; j--)
            v->items[j] = v->items[j - 1];
        v->items[j] = x;
    }
}

void layout_collect(Linker *ld) {
    for (int k = 0; k < OUT_COUNT; k++) {
        OutSection *o = &ld->out[k];
        o->name = out_kinds[k].name;
        o->type = out_kinds[k].type;
        o->flags = out_kinds[k].flags;
        o->segment = out_kinds[k].segment;
        o->align = 1;
    }
    for (size_t i = 0; i < ld->files.len; i++) {
        ObjFile *f = ld->files.items[i];
        for (uint32_t k = 1; k < f->nsections; k++) {
            InputSection *s = &f->sections[k];
            int kind = section_kind(s);
            if (kind < 0 || !s->live)
                continue;
            if (s->flags & SHF_TLS) {
                error_in(f->name, "section '%s': thread-local storage is not supported in static links", s->name);
                continue;
            }
            s->out = &ld->out[kind];
            vec_push(&s->out->inputs, s);
        }
    }
    sort_by_priority(&ld->out[OUT_PREINIT_ARRAY].inputs);
    sort_by_priority(&ld->out[OUT_INIT_ARRAY].inputs);
    sort_by_priority(&ld->out[OUT_FINI_ARRAY].inputs);
}

static void place_inputs(OutSection *o) {
    uint64_t off = 0;
    for (size_t i = 0; i < o->inputs.len; i++) {
        InputSection *s = o->inputs.items[i];
        off = align_up(off, s->align);
        s->offset = off;
        off += s->size;
        if (s->align > o->align)
            o->align = s->align;
    }
    o->size = off;
}

/* COMMON symbols go after the .bss inputs; addr holds the offset in .bss until addresses exist. */
static void place_commons(Linker *ld) {
    OutSection *bss = &ld->out[OUT_BSS];
    for (size_t i = 0; i < ld->symbol_order.len; i++) {
        Symbol *g = ld->symbol_order.items[i];
        if (g->state != SYM_COMMON)
            continue;
        uint64_t align = g->value ? g->value : 1;
        bss->size = align_up(bss->size, align);
        g->addr = bss->size;
        bss->size += g->size;
        if (align > bss->align)
            bss->align = align;
    }
}

static int out_present(const OutSection *o) { return o->inputs.len > 0 || o->size > 0; }

static int segment_present(Linker *ld, int seg) {
    if (seg == SEG_TEXT)
        return 1;                   /* it carries the headers */
    for (int k = 0; k < OUT_COUNT; k++)
        if (ld->out[k].segment == seg && out_present(&ld->out[k]))
            return 1;
    return 0;
}

static void assign_addresses(Linker *ld) {
    uint64_t max_page = ld->target->max_page;
    ld->nphdrs = 1;                 /* PT_GNU_STACK */
    for (int seg = 0; seg < SEG_COUNT; seg++)
        ld->seg[seg].present = segment_present(ld, seg), ld->nphdrs += ld->seg[seg].present;
    ld->base = 0x400000;
    ld->headers_size = sizeof(Elf64_Ehdr) + (uint64_t)ld->nphdrs * sizeof(Elf64_Phdr);
    uint64_t off = ld->headers_size, addr = ld->base + off;
    for (int seg = 0; seg < SEG_COUNT; seg++) {
        Segment *sg = &ld->seg[seg];
        if (!sg->present)
            continue;
        if (seg == SEG_TEXT) {
            sg->offset = 0;
            sg->vaddr = ld->base;
        } else {
            off = align_up(off, FILE_PAGE);
            addr = align_up(addr, max_page) + off % max_page;
            sg->offset = off;
            sg->vaddr = addr;
        }
        sg->flags = seg == SEG_TEXT ? PF_R | PF_X : seg == SEG_RODATA ? PF_R : PF_R | PF_W;
        for (int k = 0; k < OUT_COUNT; k++) {
            OutSection *o = &ld->out[k];
            if (o->segment != seg || !out_present(o))
                continue;
            uint64_t pad = align_up(addr, o->align) - addr;
            addr += pad;
            if (o->type != SHT_NOBITS)
                off += pad;
            o->addr = addr;
            o->offset = off;
            addr += o->size;
            if (o->type != SHT_NOBITS)
                off += o->size;
        }
        sg->filesz = off - sg->offset;
        sg->memsz = addr - sg->vaddr;
    }
    ld->file_size = off;
}

static void assign_symbol_addresses(Linker *ld) {
    for (size_t i = 0; i < ld->symbol_order.len; i++) {
        Symbol *g = ld->symbol_order.items[i];
        if (g->state == SYM_COMMON) {
            g->addr += ld->out[OUT_BSS].addr;
        } else if (g->state == SYM_DEFINED) {
            InputSection *s = sym_section(g);
            g->addr = !s ? g->value : s->out ? s->out->addr + s->offset + g->value : 0;
        }
    }
}

void layout_assign(Linker *ld) {
    for (int k = 0; k < OUT_COUNT; k++)
        place_inputs(&ld->out[k]);
    place_commons(ld);
    OutSection *got = &ld->out[OUT_GOT];
    got->size = ld->ngot * 8;
    got->align = 8;
    assign_addresses(ld);
    assign_symbol_addresses(ld);
    layout_define_linker_symbols(ld);
}

/* ---- linker-defined symbols (defined only when an input refers to them, like PROVIDE) ---- */

typedef enum { LS_BASE, LS_ETEXT, LS_EDATA, LS_BSS_START, LS_END, LS_START, LS_STOP } LinkerSymKind;

static const struct {
    const char *name;
    LinkerSymKind at;
    int out;
} linker_symbols[] = {
    {"__ehdr_start", LS_BASE, 0},          {"__executable_start", LS_BASE, 0},
    {"_etext", LS_ETEXT, 0},               {"etext", LS_ETEXT, 0},
    {"__etext", LS_ETEXT, 0},              {"_edata", LS_EDATA, 0},
    {"edata", LS_EDATA, 0},                {"__bss_start", LS_BSS_START, 0},
    {"_end", LS_END, 0},                   {"end", LS_END, 0},
    {"__preinit_array_start", LS_START, OUT_PREINIT_ARRAY},
    {"__preinit_array_end", LS_STOP, OUT_PREINIT_ARRAY},
    {"__init_array_start", LS_START, OUT_INIT_ARRAY},
    {"__init_array_end", LS_STOP, OUT_INIT_ARRAY},
    {"__fini_array_start", LS_START, OUT_FINI_ARRAY},
    {"__fini_array_end", LS_STOP, OUT_FINI_ARRAY},
    {"_GLOBAL_OFFSET_TABLE_", LS_START, OUT_GOT},
};

/* Called after loading: claims the referenced-but-undefined names before the undefined check. */
void layout_claim_linker_symbols(Linker *ld) {
    for (size_t i = 0; i < sizeof linker_symbols / sizeof linker_symbols[0]; i++) {
        Symbol *g = sym_lookup(ld, linker_symbols[i].name);
        if (g && g->state == SYM_UNDEF && g->ref_file) {
            g->state = SYM_LINKER;
            g->binding = STB_GLOBAL;
        }
    }
}

/* End of the last segment's memory, for _end when there is no data at all. */
static uint64_t image_end(Linker *ld) {
    for (int seg = SEG_COUNT - 1; seg >= 0; seg--)
        if (ld->seg[seg].present)
            return ld->seg[seg].vaddr + ld->seg[seg].memsz;
    return ld->base;
}

static uint64_t linker_symbol_value(Linker *ld, LinkerSymKind at, int out) {
    const Segment *data = &ld->seg[SEG_DATA], *text = &ld->seg[SEG_TEXT];
    switch (at) {
    case LS_BASE: return ld->base;
    case LS_ETEXT: return text->vaddr + text->memsz;
    case LS_EDATA: return data->present ? data->vaddr + data->filesz : image_end(ld);
    case LS_BSS_START:
        return out_present(&ld->out[OUT_BSS]) ? ld->out[OUT_BSS].addr : linker_symbol_value(ld, LS_EDATA, 0);
    case LS_END: return image_end(ld);
    case LS_START: return out_present(&ld->out[out]) ? ld->out[out].addr : image_end(ld);
    case LS_STOP: return out_present(&ld->out[out]) ? ld->out[out].addr + ld->out[out].size : image_end(ld);
    }
    return 0;
}

void layout_define_linker_symbols(Linker *ld) {
    for (size_t i = 0; i < sizeof linker_symbols / sizeof linker_symbols[0]; i++) {
        Symbol *g = sym_lookup(ld, linker_symbols[i].name);
        if (g && g->state == SYM_LINKER)
            g->addr = linker_symbol_value(ld, linker_symbols[i].at, linker_symbols[i].out);
    }
}
