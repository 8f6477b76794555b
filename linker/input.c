/* input.c — reading inputs: mapping files, ELF64 relocatable objects, ar archives.
 *
 * Everything read from a file is checked before use: each header lies inside the file, each
 * section's bytes lie inside the file, string tables end in NUL (so every name is a valid C
 * string), symbol and relocation tables have the ELF64 entry size.  A failed check reports one
 * line "file: error: ..." naming the offset or index, and the file is rejected. */
#include "linker/ld.h"
#include "common/buf.h"
#include "common/diag.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct MappedFile { void *addr; size_t size; } MappedFile;

const uint8_t *ld_map_file(Linker *ld, const char *path, size_t *size) {
    static const uint8_t empty[1];
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        error("cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        error("cannot read '%s': %s", path, strerror(errno));
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        error("cannot read '%s': %s", path, S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
        close(fd);
        return NULL;
    }
    *size = (size_t)st.st_size;
    if (*size == 0) {
        close(fd);
        return empty;
    }
    /* Populated up front: one call instead of a page fault per 4 KiB of input. */
    void *p = mmap(NULL, *size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    close(fd);
    if (p == MAP_FAILED) {
        error("cannot map '%s': %s", path, strerror(errno));
        return NULL;
    }
    MappedFile *m = arena_alloc(&ld->arena, sizeof *m);
    m->addr = p;
    m->size = *size;
    vec_push(&ld->mappings, m);
    return p;
}

void ld_unmap_all(Linker *ld) {
    for (size_t i = 0; i < ld->mappings.len; i++) {
        MappedFile *m = ld->mappings.items[i];
        munmap(m->addr, m->size);
    }
    vec_free(&ld->mappings);
}

int ld_is_archive(const uint8_t *data, size_t size) {
    return size >= 8 && (memcmp(data, "!<arch>\n", 8) == 0 || memcmp(data, "!<thin>\n", 8) == 0);
}

int ld_is_elf(const uint8_t *data, size_t size) {
    return size >= 4 && memcmp(data, ELFMAG, SELFMAG) == 0;
}

/* ---- ELF objects ---- */

static int range_ok(uint64_t off, uint64_t len, uint64_t size) {
    return off <= size && len <= size - off;
}

static int is_pow2(uint64_t v) { return v && !(v & (v - 1)); }

static int check_header(Linker *ld, const char *name, const Elf64_Ehdr *eh, size_t size) {
    if (eh->e_ident[EI_CLASS] != ELFCLASS64) {
        error_in(name, "unsupported ELF class %d (only 64-bit objects can be linked)", eh->e_ident[EI_CLASS]);
        return 0;
    }
    if (eh->e_ident[EI_DATA] != ELFDATA2LSB) {
        error_in(name, "unsupported ELF data encoding %d (only little-endian)", eh->e_ident[EI_DATA]);
        return 0;
    }
    if (eh->e_ident[EI_VERSION] != EV_CURRENT || eh->e_version != EV_CURRENT) {
        error_in(name, "unsupported ELF version %u", eh->e_version);
        return 0;
    }
    if (eh->e_type != ET_REL) {
        error_in(name, "not a relocatable object (e_type %u); soxld links only ET_REL files", eh->e_type);
        return 0;
    }
    Target t = target_from_elf_machine(eh->e_machine);
    if (t == TARGET_NONE) {
        error_in(name, "unknown machine %u (expected x86-64 or AArch64)", eh->e_machine);
        return 0;
    }
    if (!ld->target)
        ld->target = t == TARGET_X86_64 ? &ld_target_x86_64 : &ld_target_aarch64;
    if (ld->target->target != t) {
        error_in(name, "incompatible target %s, the output is %s", target_name(t),
                 target_name(ld->target->target));
        return 0;
    }
    if (eh->e_shnum == 0 || eh->e_shstrndx == SHN_XINDEX) {
        error_in(name, "no section headers or extended section numbering (unsupported)");
        return 0;
    }
    if (eh->e_shentsize != sizeof(Elf64_Shdr)) {
        error_in(name, "bad section header size %u", eh->e_shentsize);
        return 0;
    }
    if (!range_ok(eh->e_shoff, (uint64_t)eh->e_shnum * sizeof(Elf64_Shdr), size)) {
        error_in(name, "section header table at offset 0x%llx is outside the file (size 0x%zx)",
                 (unsigned long long)eh->e_shoff, size);
        return 0;
    }
    if (eh->e_shstrndx >= eh->e_shnum) {
        error_in(name, "bad section name table index %u", eh->e_shstrndx);
        return 0;
    }
    return 1;
}

/* A string table is usable when it lies in the file and ends in NUL. */
static int check_strtab(const char *name, const Elf64_Shdr *sh, unsigned index) {
    if (sh->sh_type != SHT_STRTAB || sh->sh_size == 0) {
        error_in(name, "section %u is not a string table", index);
        return 0;
    }
    return 1;
}

static int strtab_terminated(const char *name, const uint8_t *data, const Elf64_Shdr *sh, unsigned index) {
    if (data[sh->sh_offset + sh->sh_size - 1] != 0) {
        error_in(name, "string table (section %u) is not NUL-terminated", index);
        return 0;
    }
    return 1;
}

static int read_sections(const char *name, const uint8_t *data, size_t size, const Elf64_Ehdr *eh,
                         Elf64_Shdr *sh) {
    memcpy(sh, data + eh->e_shoff, (size_t)eh->e_shnum * sizeof *sh);
    for (unsigned i = 1; i < eh->e_shnum; i++) {
        if (sh[i].sh_type != SHT_NOBITS && !range_ok(sh[i].sh_offset, sh[i].sh_size, size)) {
            error_in(name, "section %u: contents (offset 0x%llx, size 0x%llx) are outside the file (size 0x%zx)",
                     i, (unsigned long long)sh[i].sh_offset, (unsigned long long)sh[i].sh_size, size);
            return 0;
        }
        if (sh[i].sh_addralign > 1 && !is_pow2(sh[i].sh_addralign)) {
            error_in(name, "section %u: alignment %llu is not a power of two", i,
                     (unsigned long long)sh[i].sh_addralign);
            return 0;
        }
        if (sh[i].sh_addralign > (1u << 28)) {
            error_in(name, "section %u: alignment %llu is too large", i, (unsigned long long)sh[i].sh_addralign);
            return 0;
        }
    }
    const Elf64_Shdr *ss = &sh[eh->e_shstrndx];
    if (!check_strtab(name, ss, eh->e_shstrndx) || !range_ok(ss->sh_offset, ss->sh_size, size) ||
        !strtab_terminated(name, data, ss, eh->e_shstrndx))
        return 0;
    for (unsigned i = 1; i < eh->e_shnum; i++)
        if (sh[i].sh_name >= ss->sh_size) {
            error_in(name, "section %u: name offset 0x%x is outside the section name table", i, sh[i].sh_name);
            return 0;
        }
    return 1;
}

static int read_symtab(ObjFile *f, const Elf64_Shdr *sh, unsigned shnum, unsigned index) {
    const Elf64_Shdr *s = &sh[index];
    if (s->sh_entsize != sizeof(Elf64_Sym) || s->sh_size % sizeof(Elf64_Sym) != 0) {
        error_in(f->name, "symbol table: bad entry size %llu or size %llu", (unsigned long long)s->sh_entsize,
                 (unsigned long long)s->sh_size);
        return 0;
    }
    if (s->sh_link == 0 || s->sh_link >= shnum || !check_strtab(f->name, &sh[s->sh_link], s->sh_link) ||
        !strtab_terminated(f->name, f->data, &sh[s->sh_link], s->sh_link))
        return 0;
    f->symtab = f->data + s->sh_offset;
    f->nsyms = (uint32_t)(s->sh_size / sizeof(Elf64_Sym));
    if (s->sh_size / sizeof(Elf64_Sym) > UINT32_MAX / 2 || s->sh_info > f->nsyms) {
        error_in(f->name, "symbol table: bad first global index %u", s->sh_info);
        return 0;
    }
    f->first_global = s->sh_info;
    f->strtab = (const char *)f->data + sh[s->sh_link].sh_offset;
    f->strtab_size = sh[s->sh_link].sh_size;
    return 1;
}

static int check_symbols(ObjFile *f) {
    /* Symbol 0 too: it should be all zeros, but relocations without a symbol (index 0) still
     * read its section index and value, so a corrupt one must not index past the sections. */
    for (uint32_t i = 0; i < f->nsyms; i++) {
        Elf64_Sym s = obj_sym(f, i);
        if (s.st_name >= f->strtab_size) {
            error_in(f->name, "symbol %u: name offset 0x%x is outside the string table", i, s.st_name);
            return 0;
        }
        if (s.st_shndx == SHN_XINDEX || (s.st_shndx >= SHN_LORESERVE && s.st_shndx != SHN_ABS &&
                                         s.st_shndx != SHN_COMMON) ||
            (s.st_shndx < SHN_LORESERVE && s.st_shndx >= f->nsections)) {
            error_in(f->name, "symbol %u ('%s'): bad section index %u", i, f->strtab + s.st_name, s.st_shndx);
            return 0;
        }
        if (s.st_shndx == SHN_COMMON && s.st_value > 1 && (!is_pow2(s.st_value) || s.st_value > (1u << 28))) {
            error_in(f->name, "common symbol '%s': bad alignment %llu", f->strtab + s.st_name,
                     (unsigned long long)s.st_value);
            return 0;
        }
        if (s.st_shndx == SHN_COMMON && s.st_size > (1ull << 40)) {
            error_in(f->name, "common symbol '%s': size %llu is too large", f->strtab + s.st_name,
                     (unsigned long long)s.st_size);
            return 0;
        }
    }
    return 1;
}

/* Links each SHT_RELA section to the section it patches. */
static int attach_relocations(ObjFile *f, const Elf64_Shdr *sh, unsigned symtab_index) {
    for (unsigned i = 1; i < f->nsections; i++) {
        if (sh[i].sh_type != SHT_RELA && sh[i].sh_type != SHT_REL)
            continue;
        unsigned target = sh[i].sh_info;
        if (target == 0 || target >= f->nsections) {
            error_in(f->name, "relocation section %u: bad target section %u", i, target);
            return 0;
        }
        if (!(sh[target].sh_flags & SHF_ALLOC))
            continue;               /* debug info and the like: not linked */
        if (sh[i].sh_type == SHT_REL) {
            error_in(f->name, "relocation section %u: SHT_REL (no addends) is not supported", i);
            return 0;
        }
        if (sh[i].sh_link != symtab_index || sh[i].sh_entsize != sizeof(Elf64_Rela) ||
            sh[i].sh_size % sizeof(Elf64_Rela) != 0) {
            error_in(f->name, "relocation section %u: bad symbol table link, entry size or size", i);
            return 0;
        }
        if (f->sections[target].rela) {
            error_in(f->name, "section %u has two relocation sections", target);
            return 0;
        }
        f->sections[target].rela = i;
    }
    return 1;
}

ObjFile *obj_parse(Linker *ld, const char *name, const uint8_t *data, size_t size) {
    Elf64_Ehdr eh;
    if (!ld_is_elf(data, size)) {
        error_in(name, "not an ELF file");
        return NULL;
    }
    if (size < sizeof eh) {
        error_in(name, "truncated ELF header (file size %zu)", size);
        return NULL;
    }
    memcpy(&eh, data, sizeof eh);
    if (!check_header(ld, name, &eh, size))
        return NULL;
    Elf64_Shdr *sh = xmalloc((size_t)eh.e_shnum * sizeof *sh);
    ObjFile *f = NULL;
    if (!read_sections(name, data, size, &eh, sh))
        goto out;
    f = arena_alloc(&ld->arena, sizeof *f);
    f->name = name;
    f->data = data;
    f->size = size;
    f->nsections = eh.e_shnum;
    f->sections = arena_alloc(&ld->arena, (size_t)f->nsections * sizeof *f->sections);
    const char *shstr = (const char *)data + sh[eh.e_shstrndx].sh_offset;
    unsigned symtab_index = 0;
    for (unsigned i = 1; i < f->nsections; i++) {
        InputSection *s = &f->sections[i];
        s->file = f;
        s->index = i;
        s->name = shstr + sh[i].sh_name;
        s->type = sh[i].sh_type;
        s->flags = sh[i].sh_flags;
        s->size = sh[i].sh_size;
        s->align = sh[i].sh_addralign ? sh[i].sh_addralign : 1;
        s->data = s->type == SHT_NOBITS ? NULL : data + sh[i].sh_offset;
        if (s->type == SHT_SYMTAB) {
            if (symtab_index) {
                error_in(name, "more than one symbol table");
                f = NULL;
                goto out;
            }
            symtab_index = i;
        }
    }
    if ((symtab_index && !read_symtab(f, sh, f->nsections, symtab_index)) || !check_symbols(f) ||
        !attach_relocations(f, sh, symtab_index)) {
        f = NULL;
        goto out;
    }
    f->symbols = arena_alloc(&ld->arena, (size_t)(f->nsyms ? f->nsyms : 1) * sizeof *f->symbols);
out:
    free(sh);
    return f;
}

/* ---- ar archives ---- */

typedef struct ArHeader {
    char name[16], date[12], uid[6], gid[6], mode[8], size[10], fmag[2];
} ArHeader;

/* Parses a space-padded decimal field; -1 if malformed. */
static int64_t ar_number(const char *field, size_t len) {
    int64_t v = 0;
    size_t i = 0;
    while (i < len && field[i] == ' ')
        i++;
    if (i == len || field[i] < '0' || field[i] > '9')
        return -1;
    for (; i < len && field[i] >= '0' && field[i] <= '9'; i++) {
        if (v > (INT64_MAX - 9) / 10)
            return -1;
        v = v * 10 + (field[i] - '0');
    }
    for (; i < len; i++)
        if (field[i] != ' ')
            return -1;
    return v;
}

typedef struct ArScan {
    Linker *ld;
    const char *path;
    const uint8_t *data;
    size_t size;
    const uint8_t *longnames;   /* the "//" member */
    size_t longnames_size;
    const uint8_t *index;       /* the "/" or "/SYM64/" member */
    size_t index_size;
    int index_word;             /* 4 or 8 */
    PtrVec members;             /* ArMember*, in file order */
    PtrVec offsets;             /* header offset of each member (as uintptr_t) */
} ArScan;

/* Member name from a GNU ("name/", "/123" into the long-name table) or BSD ("#1/len") header.
 * BSD names are stored at the start of the data, which is then skipped. */
static const char *ar_member_name(ArScan *sc, const ArHeader *h, uint64_t hoff, const uint8_t **data,
                                  size_t *size) {
    char buf[17];
    memcpy(buf, h->name, 16);
    buf[16] = 0;
    if (buf[0] == '/' && buf[1] >= '0' && buf[1] <= '9') {
        int64_t off = ar_number(buf + 1, 15);
        if (off < 0 || !sc->longnames || (uint64_t)off >= sc->longnames_size) {
            error_in(sc->path, "member at offset 0x%llx: bad long name reference '%s'", (unsigned long long)hoff, buf);
            return NULL;
        }
        const char *s = (const char *)sc->longnames + off;
        size_t n = 0;
        while ((uint64_t)off + n < sc->longnames_size && s[n] != '\n' && s[n] != 0)
            n++;
        if (n && s[n - 1] == '/')
            n--;
        return arena_printf(&sc->ld->arena, "%s(%.*s)", sc->path, (int)n, s);
    }
    if (memcmp(buf, "#1/", 3) == 0) {
        int64_t n = ar_number(buf + 3, 13);
        if (n < 0 || (uint64_t)n > *size) {
            error_in(sc->path, "member at offset 0x%llx: bad BSD name length", (unsigned long long)hoff);
            return NULL;
        }
        const char *s = (const char *)*data;
        *data += n;
        *size -= (size_t)n;
        size_t len = strnlen(s, (size_t)n);
        return arena_printf(&sc->ld->arena, "%s(%.*s)", sc->path, (int)len, s);
    }
    size_t n = 16;
    while (n && buf[n - 1] == ' ')
        n--;
    if (n && buf[n - 1] == '/')
        n--;
    return arena_printf(&sc->ld->arena, "%s(%.*s)", sc->path, (int)n, buf);
}

static int is_bsd_symdef(const ArHeader *h, const uint8_t *data, size_t size) {
    if (memcmp(h->name, "__.SYMDEF", 9) == 0)
        return 1;
    return memcmp(h->name, "#1/", 3) == 0 && size >= 9 && memcmp(data, "__.SYMDEF", 9) == 0;
}

/* Records the GNU index and long-name table; returns 1 if the member is such a table (or a
 * BSD symbol table, which is ignored: the index is then rebuilt from the members). */
static int ar_special(ArScan *sc, const ArHeader *h, const uint8_t *data, size_t size) {
    if (memcmp(h->name, "/               ", 16) == 0 || memcmp(h->name, "/SYM64/         ", 16) == 0) {
        sc->index = data;
        sc->index_size = size;
        sc->index_word = h->name[1] == 'S' ? 8 : 4;
        return 1;
    }
    if (memcmp(h->name, "//              ", 16) == 0) {
        sc->longnames = data;
        sc->longnames_size = size;
        return 1;
    }
    return is_bsd_symdef(h, data, size);
}

static int ar_scan_members(ArScan *sc) {
    uint64_t off = 8;
    while (off < sc->size) {
        if (sc->size - off < sizeof(ArHeader)) {
            error_in(sc->path, "truncated member header at offset 0x%llx", (unsigned long long)off);
            return 0;
        }
        ArHeader h;
        memcpy(&h, sc->data + off, sizeof h);
        int64_t size = ar_number(h.size, sizeof h.size);
        if (memcmp(h.fmag, "`\n", 2) != 0 || size < 0) {
            error_in(sc->path, "malformed member header at offset 0x%llx", (unsigned long long)off);
            return 0;
        }
        uint64_t doff = off + sizeof h;
        if ((uint64_t)size > sc->size - doff) {
            error_in(sc->path, "member at offset 0x%llx: size %lld runs past the end of the archive",
                     (unsigned long long)off, (long long)size);
            return 0;
        }
        const uint8_t *data = sc->data + doff;
        size_t msize = (size_t)size;
        if (!ar_special(sc, &h, data, msize)) {
            ArMember *m = arena_alloc(&sc->ld->arena, sizeof *m);
            m->name = ar_member_name(sc, &h, off, &data, &msize);
            if (!m->name)
                return 0;
            m->data = data;
            m->size = msize;
            vec_push(&sc->members, m);
            vec_push(&sc->offsets, (void *)(uintptr_t)off);
        }
        off = doff + (uint64_t)size + ((uint64_t)size & 1);
    }
    return 1;
}

static uint64_t get_be(const uint8_t *p, int n) {
    uint64_t v = 0;
    for (int i = 0; i < n; i++)
        v = v << 8 | p[i];
    return v;
}

static ArMember *ar_member_at(ArScan *sc, uint64_t hoff) {
    size_t lo = 0, hi = sc->offsets.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint64_t o = (uintptr_t)sc->offsets.items[mid];
        if (o == hoff)
            return sc->members.items[mid];
        if (o < hoff)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* GNU symbol index: count, count member offsets (big-endian words), count NUL-terminated names. */
static int ar_read_index(ArScan *sc, Archive *ar) {
    int w = sc->index_word;
    if (sc->index_size < (size_t)w) {
        error_in(sc->path, "truncated archive symbol index");
        return 0;
    }
    uint64_t count = get_be(sc->index, w);
    if (count > (sc->index_size - w) / w) {
        error_in(sc->path, "archive symbol index: %llu entries do not fit in %zu bytes", (unsigned long long)count,
                 sc->index_size);
        return 0;
    }
    const char *names = (const char *)sc->index + w + count * w;
    size_t names_size = sc->index_size - w - count * w;
    ar->index = arena_alloc(&sc->ld->arena, (count ? count : 1) * sizeof *ar->index);
    size_t pos = 0;
    for (uint64_t i = 0; i < count; i++) {
        const char *name = names + pos;
        size_t len = pos < names_size ? strnlen(name, names_size - pos) : 0;
        if (pos >= names_size || pos + len == names_size) {
            error_in(sc->path, "archive symbol index: name %llu runs past the index", (unsigned long long)i);
            return 0;
        }
        pos += len + 1;
        uint64_t hoff = get_be(sc->index + w + i * w, w);
        ArMember *m = ar_member_at(sc, hoff);
        if (!m) {
            error_in(sc->path, "archive symbol index: '%s' points to offset 0x%llx, which is no member", name,
                     (unsigned long long)hoff);
            return 0;
        }
        ar->index[ar->nindex++] = (ArIndexEntry){name, m, NULL};
    }
    return 1;
}

/* No index (ar without ranlib, or BSD): parse every ELF member and list its definitions. */
static int ar_build_index(ArScan *sc, Archive *ar) {
    PtrVec entries = {0};
    int ok = 1;
    for (size_t i = 0; i < ar->nmembers && ok; i++) {
        ArMember *m = &ar->members[i];
        if (!ld_is_elf(m->data, m->size))
            continue;
        ObjFile *f = obj_parse(sc->ld, m->name, m->data, m->size);
        if (!f) {
            ok = 0;
            break;
        }
        m->parsed = f;
        for (uint32_t k = 1; k < f->nsyms; k++) {
            Elf64_Sym s = obj_sym(f, k);
            if (ELF64_ST_BIND(s.st_info) != STB_LOCAL && s.st_shndx != SHN_UNDEF) {
                ArIndexEntry *e = arena_alloc(&sc->ld->arena, sizeof *e);
                *e = (ArIndexEntry){f->strtab + s.st_name, m, NULL};
                vec_push(&entries, e);
            }
        }
    }
    ar->index = arena_alloc(&sc->ld->arena, (entries.len ? entries.len : 1) * sizeof *ar->index);
    for (size_t i = 0; i < entries.len; i++)
        ar->index[i] = *(ArIndexEntry *)entries.items[i];
    ar->nindex = entries.len;
    vec_free(&entries);
    return ok;
}

Archive *ar_parse(Linker *ld, const char *path, const uint8_t *data, size_t size) {
    if (memcmp(data, "!<thin>\n", 8) == 0) {
        error_in(path, "thin archives are not supported");
        return NULL;
    }
    ArScan sc = {.ld = ld, .path = path, .data = data, .size = size};
    Archive *ar = NULL;
    if (!ar_scan_members(&sc))
        goto out;
    ar = arena_alloc(&ld->arena, sizeof *ar);
    ar->path = path;
    ar->nmembers = sc.members.len;
    ar->members = arena_alloc(&ld->arena, (ar->nmembers ? ar->nmembers : 1) * sizeof *ar->members);
    for (size_t i = 0; i < ar->nmembers; i++)
        ar->members[i] = *(ArMember *)sc.members.items[i];
    /* The index must point at the copies, so rebuild the lookup over them. */
    for (size_t i = 0; i < ar->nmembers; i++)
        sc.members.items[i] = &ar->members[i];
    if (!(sc.index ? ar_read_index(&sc, ar) : ar_build_index(&sc, ar)))
        ar = NULL;
out:
    vec_free(&sc.members);
    vec_free(&sc.offsets);
    return ar;
}
