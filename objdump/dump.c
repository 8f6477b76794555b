/* dump.c — the header, symbol, relocation and contents listings of soxobjdump, laid out
 * like GNU objdump's so that its users read them by habit.  The input has been validated
 * by elf_load, so nothing here needs to check bounds again. */
#include "objdump/dump.h"
#include "objdump/archive.h"
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>

static const char *format_name(const ElfFile *f) {
    return f->machine == EM_AARCH64 ? "elf64-littleaarch64" : "elf64-x86-64";
}

static const char *arch_name(const ElfFile *f) {
    return f->machine == EM_AARCH64 ? "aarch64" : "i386:x86-64";
}

void print_addend(FILE *out, int64_t addend, int wide) {
    if (addend == 0)
        return;
    /* Negate through unsigned arithmetic so INT64_MIN does not overflow. */
    uint64_t mag = addend < 0 ? 0 - (uint64_t)addend : (uint64_t)addend;
    fprintf(out, wide ? "%c0x%016" PRIx64 : "%c0x%" PRIx64, addend < 0 ? '-' : '+', mag);
}

/* Sections that BFD presents as sections: symbol, string and relocation tables are shown
 * through -t and -r instead, unless the program loads them. */
static bool section_is_listed(const ElfSection *s) {
    if (s->index == 0 || s->type == SHT_NULL)
        return false;
    if (s->flags & SHF_ALLOC)
        return true;
    switch (s->type) {
    case SHT_SYMTAB: case SHT_STRTAB: case SHT_RELA: case SHT_REL: case SHT_SYMTAB_SHNDX:
        return false;
    default:
        return true;
    }
}

bool section_selected(const ElfSection *s, const DumpOptions *opt) {
    return section_is_listed(s) && (!opt->only_section || strcmp(s->name, opt->only_section) == 0);
}

/* ---- -f ---- */

typedef struct FlagName { unsigned bit; const char *name; } FlagName;
static const FlagName bfd_flags[] = {
    {0x01, "HAS_RELOC"}, {0x02, "EXEC_P"}, {0x08, "HAS_DEBUG"}, {0x10, "HAS_SYMS"},
    {0x40, "DYNAMIC"}, {0x100, "D_PAGED"},
};

static bool has_debug_info(const ElfFile *f) {
    for (unsigned i = 1; i < f->nsections; i++)
        if (strncmp(f->sections[i].name, ".debug", 6) == 0)
            return true;
    return false;
}

static void print_file_header(FILE *out, const ElfFile *f) {
    unsigned flags = 0;
    flags |= f->type == ET_REL ? 0x01 : 0;
    flags |= f->type == ET_EXEC ? 0x02 : 0;
    flags |= has_debug_info(f) ? 0x08 : 0;
    flags |= f->nsymbols > 1 ? 0x10 : 0;
    flags |= f->type == ET_DYN ? 0x40 : 0;
    flags |= f->nsegments > 0 ? 0x100 : 0;
    fprintf(out, "architecture: %s, flags 0x%08x:\n", arch_name(f), flags);
    const char *sep = "";
    for (size_t i = 0; i < sizeof bfd_flags / sizeof bfd_flags[0]; i++)
        if (flags & bfd_flags[i].bit) {
            fprintf(out, "%s%s", sep, bfd_flags[i].name);
            sep = ", ";
        }
    fprintf(out, "\nstart address 0x%016" PRIx64 "\n\n", f->entry);
}

/* ---- -p ---- */

typedef struct TypeName { uint32_t type; const char *name; } TypeName;
static const TypeName segment_types[] = {
    {PT_NULL, "NULL"}, {PT_LOAD, "LOAD"}, {PT_DYNAMIC, "DYNAMIC"}, {PT_INTERP, "INTERP"},
    {PT_NOTE, "NOTE"}, {PT_SHLIB, "SHLIB"}, {PT_PHDR, "PHDR"}, {PT_TLS, "TLS"},
    {PT_GNU_EH_FRAME, "EH_FRAME"}, {PT_GNU_STACK, "STACK"}, {PT_GNU_RELRO, "RELRO"},
    {PT_GNU_PROPERTY, "PROPERTY"},
};

static unsigned log2_align(uint64_t align) {
    unsigned n = 0;
    while (n < 63 && (align >> n) > 1)
        n++;
    return n;
}

static void print_segment(FILE *out, const ElfSegment *p) {
    char type[16];
    snprintf(type, sizeof type, "0x%x", p->type);
    for (size_t i = 0; i < sizeof segment_types / sizeof segment_types[0]; i++)
        if (segment_types[i].type == p->type)
            snprintf(type, sizeof type, "%s", segment_types[i].name);
    fprintf(out, "%8s off    0x%016" PRIx64 " vaddr 0x%016" PRIx64 " paddr 0x%016" PRIx64 " align 2**%u\n",
            type, p->offset, p->vaddr, p->paddr, log2_align(p->align));
    fprintf(out, "         filesz 0x%016" PRIx64 " memsz 0x%016" PRIx64 " flags %c%c%c\n", p->filesz,
            p->memsz, p->flags & PF_R ? 'r' : '-', p->flags & PF_W ? 'w' : '-',
            p->flags & PF_X ? 'x' : '-');
}

static void print_private_headers(FILE *out, const ElfFile *f) {
    if (f->nsegments == 0)
        return;
    fprintf(out, "Program Header:\n");
    for (unsigned i = 0; i < f->nsegments; i++)
        print_segment(out, &f->segments[i]);
    fprintf(out, "\n");
}

/* ---- -h ---- */

static bool is_debug_name(const char *name) {
    return strncmp(name, ".debug", 6) == 0 || strncmp(name, ".zdebug", 7) == 0 ||
           strncmp(name, ".stab", 5) == 0;
}

/* BFD's section flags, in the order GNU objdump prints them. */
static void print_section_flags(FILE *out, const ElfSection *s) {
    bool alloc = s->flags & SHF_ALLOC, contents = s->type != SHT_NOBITS;
    const struct { bool on; const char *name; } flags[] = {
        {contents, "CONTENTS"},
        {alloc, "ALLOC"},
        {alloc && contents, "LOAD"},
        {s->rela && s->rela->nrelocs > 0, "RELOC"},
        {!(s->flags & SHF_WRITE) && contents, "READONLY"},
        {(s->flags & SHF_EXECINSTR) != 0, "CODE"},
        {alloc && contents && !(s->flags & SHF_EXECINSTR), "DATA"},
        {!alloc && is_debug_name(s->name), "DEBUGGING"},
        {(s->flags & SHF_EXCLUDE) != 0, "EXCLUDE"},
        {(s->flags & SHF_TLS) != 0, "THREAD_LOCAL"},
        {(s->flags & SHF_GROUP) != 0, "GROUP"},
    };
    const char *sep = "";
    fprintf(out, "                  ");
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        if (flags[i].on) {
            fprintf(out, "%s%s", sep, flags[i].name);
            sep = ", ";
        }
    fprintf(out, "\n");
}

static void print_section_headers(FILE *out, const ElfFile *f, const DumpOptions *opt) {
    fprintf(out, "Sections:\nIdx Name          Size      VMA               LMA               File off  Algn\n");
    int idx = 0;
    for (unsigned i = 1; i < f->nsections; i++) {
        const ElfSection *s = &f->sections[i];
        if (!section_is_listed(s))
            continue;
        if (section_selected(s, opt))
            fprintf(out, "%3d %-13s %08" PRIx64 "  %016" PRIx64 "  %016" PRIx64 "  %08" PRIx64 "  2**%u\n",
                    idx, s->name, s->size, s->addr, s->addr, s->offset, log2_align(s->align));
        if (section_selected(s, opt))
            print_section_flags(out, s);
        idx++;
    }
}

/* ---- -t ---- */

static const char *symbol_section_name(const ElfFile *f, const ElfSymbol *s) {
    switch (s->shndx) {
    case SHN_UNDEF: return "*UND*";
    case SHN_ABS: return "*ABS*";
    case SHN_COMMON: return "*COM*";
    }
    const ElfSection *sec = elf_symbol_section(f, s);
    return sec ? sec->name : "*ABS*";
}

static char bind_flag(const ElfSymbol *s) {
    if (s->bind == STB_LOCAL)
        return 'l';
    if (s->bind == STB_GNU_UNIQUE)
        return 'u';
    if (s->bind == STB_GLOBAL && s->shndx != SHN_UNDEF)
        return 'g';
    return ' ';
}

static char type_flag(const ElfSymbol *s) {
    switch (s->type) {
    case STT_FUNC: case STT_GNU_IFUNC: return 'F';
    case STT_FILE: return 'f';
    case STT_OBJECT: case STT_TLS: case STT_COMMON: return 'O';
    default: return ' ';
    }
}

static const char *visibility_prefix(const ElfSymbol *s) {
    static const char *const names[] = {"", ".internal ", ".hidden ", ".protected "};
    return names[s->visibility & 3];
}

static void print_symbol(FILE *out, const ElfFile *f, const ElfSymbol *s) {
    bool debug = s->type == STT_SECTION || s->type == STT_FILE;
    fprintf(out, "%016" PRIx64 " %c%c  %c%c%c %s\t%016" PRIx64 " %s%s\n", s->value, bind_flag(s),
            s->bind == STB_WEAK ? 'w' : ' ', s->type == STT_GNU_IFUNC ? 'i' : ' ', debug ? 'd' : ' ',
            type_flag(s), symbol_section_name(f, s), s->size, visibility_prefix(s),
            elf_symbol_display_name(f, s));
}

static void print_symbols(FILE *out, const ElfFile *f) {
    fprintf(out, "SYMBOL TABLE:\n");
    if (f->nsymbols <= 1)
        fprintf(out, "no symbols\n");
    for (size_t i = 1; i < f->nsymbols; i++)
        print_symbol(out, f, &f->symbols[i]);
    fprintf(out, "\n\n");
}

/* ---- -r ---- */

static const char *reloc_symbol_name(const ElfFile *f, const ElfReloc *r) {
    return r->sym == 0 ? "*ABS*" : elf_symbol_display_name(f, &f->symbols[r->sym]);
}

static void print_reloc_section(FILE *out, const ElfFile *f, const ElfSection *rs) {
    fprintf(out, "RELOCATION RECORDS FOR [%s]:\n", rs->reloc_target ? rs->reloc_target->name : rs->name);
    fprintf(out, "OFFSET           TYPE              VALUE\n");
    for (size_t i = 0; i < rs->nrelocs; i++) {
        const ElfReloc *r = &rs->relocs[i];
        fprintf(out, "%016" PRIx64 " %-16s  %s", r->offset, elf_reloc_name(f->machine, r->type),
                reloc_symbol_name(f, r));
        print_addend(out, r->addend, 1);
        fprintf(out, "\n");
    }
    fprintf(out, "\n\n");
}

static void print_relocs(FILE *out, const ElfFile *f, const DumpOptions *opt) {
    for (unsigned i = 1; i < f->nsections; i++) {
        const ElfSection *rs = &f->sections[i];
        if (rs->type != SHT_RELA && rs->type != SHT_REL)
            continue;
        if (rs->reloc_target ? !section_selected(rs->reloc_target, opt) : opt->only_section != NULL)
            continue;
        print_reloc_section(out, f, rs);
    }
}

/* ---- -s ---- */

static int hex_digits(uint64_t v) {
    int n = 1;
    while (v >>= 4)
        n++;
    return n;
}

static void print_hex_line(FILE *out, const ElfSection *s, uint64_t off, int width) {
    uint64_t n = s->size - off < 16 ? s->size - off : 16;
    fprintf(out, " %0*" PRIx64 " ", width, s->addr + off);
    for (unsigned i = 0; i < 16; i++) {
        if (i > 0 && i % 4 == 0)
            fputc(' ', out);
        if (i < n)
            fprintf(out, "%02x", s->data[off + i]);
        else
            fputs("  ", out);
    }
    fputs("  ", out);
    for (unsigned i = 0; i < 16; i++) {
        unsigned char c = i < n ? s->data[off + i] : ' ';
        fputc(c >= 0x20 && c < 0x7f ? c : '.', out);
    }
    fputc('\n', out);
}

static void print_contents(FILE *out, const ElfFile *f, const DumpOptions *opt) {
    for (unsigned i = 1; i < f->nsections; i++) {
        const ElfSection *s = &f->sections[i];
        if (!section_selected(s, opt) || !s->data || s->size == 0)
            continue;
        int width = hex_digits(s->addr + s->size - 1);
        if (width < 4)
            width = 4;
        fprintf(out, "Contents of section %s:\n", s->name);
        for (uint64_t off = 0; off < s->size; off += 16)
            print_hex_line(out, s, off, width);
    }
}

/* ---- One file, one archive ---- */

static bool fail(DumpError *err, const char *file, const char *message) {
    snprintf(err->file, sizeof err->file, "%s", file);
    snprintf(err->message, sizeof err->message, "%s", message);
    return false;
}

/* -a: "rw-r--r-- 0/0   1128 Jan  1 00:00 1970 name" for a member, the name for a file. */
static void print_archive_header(FILE *out, const char *name, const ArMember *m) {
    if (!m) {
        fprintf(out, "%s\n", name);
        return;
    }
    char mode[10], date[64];
    for (int i = 0; i < 9; i++)
        mode[i] = m->mode & (0400u >> i) ? "rwxrwxrwx"[i] : '-';
    mode[9] = 0;
    time_t t = (time_t)m->date;
    struct tm tm;
    if (!gmtime_r(&t, &tm) || !strftime(date, sizeof date, "%b %e %H:%M %Y", &tm))
        snprintf(date, sizeof date, "%llu", m->date);
    fprintf(out, "%s %llu/%llu %6zu %s %s\n", mode, m->uid, m->gid, m->size, date, name);
}

static bool dump_elf(FILE *out, const char *name, const uint8_t *data, size_t size, const DumpOptions *opt,
                     const ArMember *member, DumpError *err) {
    ElfFile f;
    bool ok = elf_load(&f, data, size);
    if (!ok) {
        fail(err, name, f.error);
        elf_free(&f);
        return false;
    }
    /* GNU puts -a's and -f's lines right under the format line, other listings after a
     * blank line. */
    fprintf(out, "\n%s:     file format %s\n", name, format_name(&f));
    if (opt->archive_headers)
        print_archive_header(out, name, member);
    if (!opt->file_header)
        fputc('\n', out);
    if (opt->file_header)
        print_file_header(out, &f);
    if (opt->private_headers)
        print_private_headers(out, &f);
    if (opt->section_headers)
        print_section_headers(out, &f, opt);
    if (opt->symbols)
        print_symbols(out, &f);
    if (opt->relocs && !opt->disassemble && !opt->disassemble_all)
        print_relocs(out, &f, opt);
    if (opt->full_contents)
        print_contents(out, &f, opt);
    if (opt->disassemble || opt->disassemble_all) {
        char message[256];
        if (!disassemble_file(out, &f, opt, message, sizeof message))
            ok = fail(err, name, message);
    }
    elf_free(&f);
    return ok;
}

static bool dump_archive(FILE *out, const char *name, const uint8_t *data, size_t size,
                         const DumpOptions *opt, DumpError *err) {
    ArIter it;
    ArMember m;
    int rc;
    fprintf(out, "In archive %s:\n", name);
    ar_begin(&it, data, size);
    while ((rc = ar_next(&it, &m)) > 0) {
        char member[300];
        snprintf(member, sizeof member, "%s(%s)", name, m.name);
        if (!elf_is_elf(m.data, m.size)) {
            /* Like ld, tolerate non-object members (e.g. a stray text file) but say so. */
            fprintf(out, "\n%s: member is not an ELF object, skipped\n", member);
            continue;
        }
        if (!dump_elf(out, m.name, m.data, m.size, opt, &m, err)) {
            /* Offsets in the message are within the member: say where it starts. */
            size_t len = strlen(err->message);
            snprintf(err->file, sizeof err->file, "%s", member);
            snprintf(err->message + len, sizeof err->message - len, " (member starts at archive offset 0x%zx)",
                     (size_t)(m.data - data));
            return false;
        }
    }
    return rc == 0 || fail(err, name, it.error);
}

bool dump_input(FILE *out, const char *name, const uint8_t *data, size_t size, const DumpOptions *opt,
                DumpError *err) {
    if (ar_is_archive(data, size))
        return dump_archive(out, name, data, size, opt, err);
    if (size >= 8 && memcmp(data, "!<thin>\n", 8) == 0)
        return fail(err, name, "thin archives are not supported (magic at offset 0x0)");
    return dump_elf(out, name, data, size, opt, NULL, err);
}
