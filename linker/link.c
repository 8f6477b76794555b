/* link.c — soxld_link: the phases in order, with a checkpoint after each one that can fail
 * (like mold's), so every undefined symbol or bad input of a phase is reported together. */
#include "linker/ld.h"
#include "common/buf.h"
#include "common/diag.h"
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int ld_errors(const Linker *ld) { return diag_error_count - ld->errors; }

const char *ld_place(Linker *ld, const InputSection *isec, uint64_t offset) {
    return arena_printf(&ld->arena, "%s:(%s+0x%" PRIx64 ")", isec->file->name, isec->name, offset);
}

void ld_trace(Linker *ld, const char *fmt, ...) {
    if (!ld->opts->verbose)
        return;
    va_list ap;
    va_start(ap, fmt);
    fputs("soxld: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static const LdTarget *target_for(Target t) {
    return t == TARGET_X86_64 ? &ld_target_x86_64 : t == TARGET_AARCH64 ? &ld_target_aarch64 : NULL;
}

/* -l name: lib<name>.a in each -L directory in order; -l :file takes the file name as is. */
static const char *find_library(Linker *ld, const char *name) {
    const SoxldOptions *o = ld->opts;
    for (int i = 0; i < o->nlib_dirs; i++) {
        const char *dir = o->lib_dirs[i];
        const char *root = "";
        if (dir[0] == '=') {
            root = o->sysroot ? o->sysroot : "";
            dir++;
        }
        const char *path = name[0] == ':' ? arena_printf(&ld->arena, "%s%s/%s", root, dir, name + 1)
                                          : arena_printf(&ld->arena, "%s%s/lib%s.a", root, dir, name);
        if (access(path, R_OK) == 0)
            return path;
    }
    error("cannot find -l%s", name);
    return NULL;
}

static void load_input(Linker *ld, const SoxldInput *in) {
    const char *path = in->is_library ? find_library(ld, in->name) : in->name;
    if (!path)
        return;
    size_t size;
    const uint8_t *data = ld_map_file(ld, path, &size);
    if (!data)
        return;
    ld_trace(ld, "reading %s", path);
    if (ld_is_archive(data, size)) {
        Archive *ar = ar_parse(ld, path, data, size);
        if (ar)
            sym_load_archive(ld, ar);
    } else if (ld_is_elf(data, size)) {
        ObjFile *f = obj_parse(ld, path, data, size);
        if (f)
            sym_add_object(ld, f);
    } else {
        error_in(path, "file format not recognized (neither an ELF object nor an ar archive)");
    }
}

static int load_inputs(Linker *ld) {
    const SoxldOptions *o = ld->opts;
    if (o->ninputs == 0) {
        error("no input files");
        return 0;
    }
    /* The entry point counts as a reference, so archives can provide it (ld does the same). */
    sym_intern(ld, ld->entry_name)->strong_ref = 1;
    for (int i = 0; i < o->ninputs; i++)
        load_input(ld, &o->inputs[i]);
    if (!ld_errors(ld) && !ld->target)
        error("no input objects (only empty archives?)");
    return !ld_errors(ld);
}

static void choose_entry(Linker *ld) {
    Symbol *g = sym_lookup(ld, ld->entry_name);
    if (g && g->state != SYM_UNDEF) {
        ld->entry = g->addr;
        return;
    }
    ld->entry = ld->out[OUT_TEXT].addr;
    fprintf(stderr, "soxld: warning: cannot find entry symbol '%s'; defaulting to 0x%" PRIx64 "\n",
            ld->entry_name, ld->entry);
}

static int link_run(Linker *ld) {
    if (!load_inputs(ld))
        return 1;
    layout_claim_linker_symbols(ld);
    layout_gc_sections(ld);
    layout_collect(ld);
    if (ld_errors(ld))
        return 1;
    reloc_scan(ld);
    if (ld_errors(ld))
        return 1;
    layout_assign(ld);
    choose_entry(ld);
    if (output_write(ld))
        return 1;
    if (ld->opts->map_file && output_write_map(ld))
        return 1;
    return 0;
}

static void linker_free(Linker *ld) {
    for (int k = 0; k < OUT_COUNT; k++)
        vec_free(&ld->out[k].inputs);
    vec_free(&ld->files);
    vec_free(&ld->symbol_order);
    free(ld->symtab);
    free(ld->got);
    ld_unmap_all(ld);
    arena_free(&ld->arena);
}

int soxld_link(const SoxldOptions *opts) {
    Linker ld = {.opts = opts, .errors = diag_error_count};
    ld.entry_name = opts->entry ? opts->entry : "_start";
    if (opts->target != TARGET_NONE)
        ld.target = target_for(opts->target);
    int rc = link_run(&ld);
    linker_free(&ld);
    return rc;
}
