/* output.c — writing the executable image, and the -Map file.
 *
 * The whole file is built in one zeroed buffer: headers, section contents copied from the
 * mapped inputs and patched in place (one pass per section, so each byte is touched once
 * after the copy), the GOT, then .symtab/.strtab/.shstrtab and the section headers after
 * the loaded segments.  Nothing is written if any relocation failed; the file goes through
 * out_open/out_commit, so it appears atomically, with the executable bit. */
#include "linker/ld.h"
#include "common/buf.h"
#include "common/diag.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Image {
    uint64_t size;
    Buf symtab, strtab, shstrtab;
    uint32_t first_global, nshdrs;
    uint32_t symtab_shndx, strtab_shndx, shstrtab_shndx;
    uint64_t symtab_off, strtab_off, shstrtab_off, shdr_off;
    uint32_t out_name[OUT_COUNT], symtab_name, strtab_name, shstrtab_name;  /* in shstrtab */
} Image;

static uint32_t add_string(Buf *b, const char *s) {
    uint32_t off = (uint32_t)b->len;
    buf_append(b, s, strlen(s) + 1);
    return off;
}

static void add_symbol(Image *im, const char *name, uint64_t value, uint64_t size, int bind, int type,
                       int vis, uint16_t shndx) {
    Elf64_Sym s = {
        .st_name = *name ? add_string(&im->strtab, name) : 0,
        .st_info = ELF64_ST_INFO(bind, type), .st_other = (uint8_t)vis,
        .st_shndx = shndx, .st_value = value, .st_size = size,
    };
    buf_append(&im->symtab, &s, sizeof s);
}

/* ---- symbol table ---- */

static uint16_t out_shndx(const InputSection *s) {
    return s && s->out ? (uint16_t)s->out->shndx : SHN_UNDEF;
}

static uint16_t shndx_for_address(Linker *ld, uint64_t addr) {
    for (int k = 0; k < OUT_COUNT; k++) {
        OutSection *o = &ld->out[k];
        if (o->shndx && addr >= o->addr && addr <= o->addr + o->size)
            return (uint16_t)o->shndx;
    }
    return SHN_ABS;
}

static void add_file_locals(Image *im, const ObjFile *f) {
    for (uint32_t i = 1; i < f->nsyms; i++) {
        Elf64_Sym s = obj_sym(f, i);
        int type = ELF64_ST_TYPE(s.st_info);
        if (f->symbols[i] || type == STT_SECTION || s.st_name == 0 || s.st_shndx == SHN_UNDEF ||
            s.st_shndx == SHN_COMMON)
            continue;
        uint16_t shndx = s.st_shndx == SHN_ABS ? SHN_ABS : out_shndx(&f->sections[s.st_shndx]);
        if (shndx == SHN_UNDEF)
            continue;               /* in a discarded section */
        add_symbol(im, f->strtab + s.st_name, sym_address(f, i), s.st_size, STB_LOCAL, type,
                   ELF64_ST_VISIBILITY(s.st_other), shndx);
    }
}

/* Section index of a global in the output; SHN_UNDEF if it is not in the output at all. */
static uint16_t global_shndx(Linker *ld, const Symbol *g) {
    switch (g->state) {
    case SYM_DEFINED: return g->shndx == SHN_ABS ? SHN_ABS : out_shndx(sym_section(g));
    case SYM_COMMON: return (uint16_t)ld->out[OUT_BSS].shndx;
    case SYM_LINKER: return shndx_for_address(ld, g->addr);
    }
    return SHN_UNDEF;
}

static int is_hidden(const Symbol *g) {
    return g->visibility == STV_HIDDEN || g->visibility == STV_INTERNAL;
}

/* Globals in creation order; hidden ones become locals, as in ld's output. */
static void add_globals(Linker *ld, Image *im, int want_hidden) {
    for (size_t i = 0; i < ld->symbol_order.len; i++) {
        const Symbol *g = ld->symbol_order.items[i];
        uint16_t shndx = global_shndx(ld, g);
        if (is_hidden(g) != want_hidden || (want_hidden && shndx == SHN_UNDEF))
            continue;
        if (shndx == SHN_UNDEF && !(g->state == SYM_UNDEF && g->ref_file))
            continue;               /* unused archive-index names, discarded definitions */
        int bind = want_hidden ? STB_LOCAL : g->state == SYM_UNDEF || g->binding == STB_WEAK ? STB_WEAK : STB_GLOBAL;
        int type = g->state == SYM_COMMON ? STT_OBJECT : g->type;
        add_symbol(im, g->name, g->addr, g->size, bind, type, g->visibility, shndx);
    }
}

static void build_symtab(Linker *ld, Image *im) {
    buf_u8(&im->strtab, 0);
    add_symbol(im, "", 0, 0, STB_LOCAL, STT_NOTYPE, 0, SHN_UNDEF);
    for (size_t i = 0; i < ld->files.len; i++)
        add_file_locals(im, ld->files.items[i]);
    add_globals(ld, im, 1);
    im->first_global = (uint32_t)(im->symtab.len / sizeof(Elf64_Sym));
    add_globals(ld, im, 0);
}

/* ---- headers ---- */

static void number_sections(Linker *ld, Image *im) {
    uint32_t n = 1;
    buf_u8(&im->shstrtab, 0);
    for (int k = 0; k < OUT_COUNT; k++) {
        OutSection *o = &ld->out[k];
        o->shndx = (o->inputs.len || o->size) ? n++ : 0;
        if (o->shndx)
            im->out_name[k] = add_string(&im->shstrtab, o->name);
    }
    if (!ld->opts->strip) {
        im->symtab_shndx = n++;
        im->strtab_shndx = n++;
        im->symtab_name = add_string(&im->shstrtab, ".symtab");
        im->strtab_name = add_string(&im->shstrtab, ".strtab");
    }
    im->shstrtab_shndx = n++;
    im->shstrtab_name = add_string(&im->shstrtab, ".shstrtab");
    im->nshdrs = n;
}

static void place_tables(Linker *ld, Image *im) {
    uint64_t off = ld->file_size;
    if (!ld->opts->strip) {
        off = im->symtab_off = align_up(off, 8);
        off += im->symtab.len;
        im->strtab_off = off;
        off += im->strtab.len;
    }
    im->shstrtab_off = off;
    off += im->shstrtab.len;
    im->shdr_off = align_up(off, 8);
    im->size = im->shdr_off + (uint64_t)im->nshdrs * sizeof(Elf64_Shdr);
}

static void image_free(Image *im) {
    buf_free(&im->symtab);
    buf_free(&im->strtab);
    buf_free(&im->shstrtab);
}

/* ---- streaming writer ----
 * The file is written front to back through one reusable buffer: each input section is
 * copied into it, patched there, and flushed in big chunks.  No image-sized buffer is ever
 * allocated, so a 100 MB link touches each output byte once in user space. */

enum { STREAM_CHUNK = 1 << 20 };

typedef struct Stream {
    OutFile *file;
    Buf buf;
    uint64_t flushed;           /* file offset of buf.data[0] */
    int failed;
} Stream;

static void stream_flush(Stream *st) {
    if (st->buf.len && !st->failed && out_write(st->file, st->buf.data, st->buf.len) != 0)
        st->failed = 1;
    st->flushed += st->buf.len;
    st->buf.len = 0;
}

/* Appends n uninitialised bytes and returns them; valid until the next stream call. */
static uint8_t *stream_take_raw(Stream *st, uint64_t n) {
    if (st->buf.len && st->buf.len + n > STREAM_CHUNK)
        stream_flush(st);
    buf_reserve(&st->buf, n);
    uint8_t *p = st->buf.data + st->buf.len;
    st->buf.len += n;
    return p;
}

/* Appends n zero bytes. */
static uint8_t *stream_take(Stream *st, uint64_t n) {
    return memset(stream_take_raw(st, n), 0, n);
}

static uint64_t stream_pos(const Stream *st) { return st->flushed + st->buf.len; }

static void stream_pad_to(Stream *st, uint64_t offset) {
    if (offset > stream_pos(st))
        stream_take(st, offset - stream_pos(st));
}

static void stream_put(Stream *st, const void *p, uint64_t n) {
    if (n)
        memcpy(stream_take_raw(st, n), p, n);
}

static void write_ehdr(Linker *ld, Image *im, Stream *st) {
    Elf64_Ehdr eh = {
        .e_type = ET_EXEC, .e_machine = ld->target->machine, .e_version = EV_CURRENT,
        .e_entry = ld->entry, .e_phoff = sizeof(Elf64_Ehdr), .e_shoff = im->shdr_off,
        .e_ehsize = sizeof(Elf64_Ehdr), .e_phentsize = sizeof(Elf64_Phdr), .e_phnum = (uint16_t)ld->nphdrs,
        .e_shentsize = sizeof(Elf64_Shdr), .e_shnum = (uint16_t)im->nshdrs,
        .e_shstrndx = (uint16_t)im->shstrtab_shndx,
    };
    memcpy(eh.e_ident, ELFMAG, SELFMAG);
    eh.e_ident[EI_CLASS] = ELFCLASS64;
    eh.e_ident[EI_DATA] = ELFDATA2LSB;
    eh.e_ident[EI_VERSION] = EV_CURRENT;
    eh.e_ident[EI_OSABI] = ELFOSABI_SYSV;
    stream_put(st, &eh, sizeof eh);
}

static void write_phdrs(Linker *ld, Stream *st) {
    for (int seg = 0; seg < SEG_COUNT; seg++) {
        const Segment *s = &ld->seg[seg];
        if (!s->present)
            continue;
        Elf64_Phdr ph = {.p_type = PT_LOAD, .p_flags = s->flags, .p_offset = s->offset, .p_vaddr = s->vaddr,
                         .p_paddr = s->vaddr, .p_filesz = s->filesz, .p_memsz = s->memsz,
                         .p_align = ld->target->max_page};
        stream_put(st, &ph, sizeof ph);
    }
    Elf64_Phdr stack = {.p_type = PT_GNU_STACK, .p_flags = PF_R | PF_W, .p_align = 16};
    stream_put(st, &stack, sizeof stack);
}

static void write_shdrs(Linker *ld, Image *im, Stream *st) {
    Elf64_Shdr *sh = xcalloc(im->nshdrs, sizeof *sh);
    for (int k = 0; k < OUT_COUNT; k++) {
        const OutSection *o = &ld->out[k];
        if (o->shndx)
            sh[o->shndx] = (Elf64_Shdr){.sh_name = im->out_name[k], .sh_type = o->type, .sh_flags = o->flags,
                                        .sh_addr = o->addr, .sh_offset = o->offset, .sh_size = o->size,
                                        .sh_addralign = o->align, .sh_entsize = k == OUT_GOT ? 8 : 0};
    }
    if (!ld->opts->strip) {
        sh[im->symtab_shndx] = (Elf64_Shdr){.sh_name = im->symtab_name, .sh_type = SHT_SYMTAB,
                                            .sh_offset = im->symtab_off, .sh_size = im->symtab.len,
                                            .sh_link = im->strtab_shndx, .sh_info = im->first_global,
                                            .sh_addralign = 8, .sh_entsize = sizeof(Elf64_Sym)};
        sh[im->strtab_shndx] = (Elf64_Shdr){.sh_name = im->strtab_name, .sh_type = SHT_STRTAB,
                                            .sh_offset = im->strtab_off, .sh_size = im->strtab.len,
                                            .sh_addralign = 1};
    }
    sh[im->shstrtab_shndx] = (Elf64_Shdr){.sh_name = im->shstrtab_name, .sh_type = SHT_STRTAB,
                                          .sh_offset = im->shstrtab_off, .sh_size = im->shstrtab.len,
                                          .sh_addralign = 1};
    stream_pad_to(st, im->shdr_off);
    stream_put(st, sh, (uint64_t)im->nshdrs * sizeof *sh);
    free(sh);
}

/* ---- contents ---- */

static void write_section(Linker *ld, const OutSection *o, int is_code, Stream *st) {
    stream_pad_to(st, o->offset);
    uint64_t end = 0;
    for (size_t i = 0; i < o->inputs.len; i++) {
        const InputSection *s = o->inputs.items[i];
        if (s->offset > end) {
            uint8_t *gap = stream_take(st, s->offset - end);
            if (is_code)
                ld->target->fill_code(gap, s->offset - end);
        }
        uint8_t *bytes = stream_take_raw(st, s->size);
        memcpy(bytes, s->data, s->size);
        if (s->rela)
            reloc_apply_section(ld, s, bytes);
        end = s->offset + s->size;
    }
}

static void write_got(Linker *ld, Stream *st) {
    stream_pad_to(st, ld->out[OUT_GOT].offset);
    for (size_t i = 0; i < ld->ngot; i++)
        put_u64(stream_take(st, 8), sym_address(ld->got[i].file, ld->got[i].symidx));
}

static void write_contents(Linker *ld, Stream *st) {
    for (int k = 0; k < OUT_COUNT; k++) {
        const OutSection *o = &ld->out[k];
        if (!o->shndx || o->type == SHT_NOBITS)
            continue;
        if (k == OUT_GOT)
            write_got(ld, st);
        else
            write_section(ld, o, k == OUT_TEXT, st);
    }
}

static void write_tables(Linker *ld, Image *im, Stream *st) {
    if (!ld->opts->strip) {
        stream_pad_to(st, im->symtab_off);
        stream_put(st, im->symtab.data, im->symtab.len);
        stream_put(st, im->strtab.data, im->strtab.len);
    }
    stream_pad_to(st, im->shstrtab_off);
    stream_put(st, im->shstrtab.data, im->shstrtab.len);
    write_shdrs(ld, im, st);
}

int output_write(Linker *ld) {
    Image im = {0};
    number_sections(ld, &im);
    if (!ld->opts->strip)
        build_symtab(ld, &im);
    place_tables(ld, &im);
    Stream st = {.file = out_open(ld->opts->output ? ld->opts->output : "a.out")};
    if (!st.file) {
        image_free(&im);
        return 1;
    }
    write_ehdr(ld, &im, &st);
    write_phdrs(ld, &st);
    write_contents(ld, &st);
    write_tables(ld, &im, &st);
    stream_flush(&st);
    int rc = 1;
    if (st.failed || ld_errors(ld))
        out_abort(st.file);
    else
        rc = out_commit(st.file, 1) ? 1 : 0;
    buf_free(&st.buf);
    image_free(&im);
    return rc;
}

/* ---- -Map ---- */

int output_write_map(Linker *ld) {
    Buf b = {0};
    buf_printf(&b, "Memory map of %s (soxld %s, %s)\n\n", ld->opts->output ? ld->opts->output : "a.out",
               SOXLD_VERSION, target_name(ld->target->target));
    for (int k = 0; k < OUT_COUNT; k++) {
        const OutSection *o = &ld->out[k];
        if (!o->shndx)
            continue;
        buf_printf(&b, "%-16s 0x%016" PRIx64 " 0x%8" PRIx64 "\n", o->name, o->addr, o->size);
        for (size_t i = 0; i < o->inputs.len; i++) {
            const InputSection *s = o->inputs.items[i];
            buf_printf(&b, " %-15s 0x%016" PRIx64 " 0x%8" PRIx64 " %s\n", s->name, o->addr + s->offset, s->size,
                       s->file->name);
        }
    }
    buf_printf(&b, "\nSymbols\n");
    for (size_t i = 0; i < ld->symbol_order.len; i++) {
        const Symbol *g = ld->symbol_order.items[i];
        if (g->state == SYM_DEFINED || g->state == SYM_COMMON || g->state == SYM_LINKER)
            buf_printf(&b, "0x%016" PRIx64 " %s\n", g->addr, g->name);
    }
    int rc = write_file_atomic(ld->opts->map_file, b.data, b.len, 0) ? 1 : 0;
    buf_free(&b);
    return rc;
}
