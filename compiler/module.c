/* module.c — the front end's entry point and compile-time import bundling.
 *
 * Every module is parsed once into the one Program (one global namespace, §10).
 * An import path P is looked up relative to the current directory (P, then
 * P.sox — the reference's ./P.sox and ./P are the same files), then relative to the
 * importing file's directory.  Two spellings of one file are one module (keyed
 * by realpath).  Importing a module whose parse is still in progress is a true
 * cycle: a compile error. */
#include "compiler/parse.h"
#include "common/buf.h"
#include "common/diag.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool is_regular_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The first existing candidate for `path` imported from `importer`, or NULL. */
static char *find_module_file(const char *path, const char *importer) {
    char *candidates[4];
    int n = 0;
    candidates[n++] = xstrdup(path);
    candidates[n++] = xformat("%s.sox", path);
    const char *slash = strrchr(importer, '/');
    if (path[0] != '/' && slash) {
        int dir_len = (int)(slash - importer);
        candidates[n++] = xformat("%.*s/%s", dir_len, importer, path);
        candidates[n++] = xformat("%.*s/%s.sox", dir_len, importer, path);
    }
    char *found = NULL;
    for (int i = 0; i < n; i++) {
        if (!found && is_regular_file(candidates[i]))
            found = candidates[i];
        else
            free(candidates[i]);
    }
    return found;
}

static Module *add_module(Frontend *fe, const char *path, char *source, size_t len) {
    Program *prog = fe->prog;
    if (prog->nmodules == fe->cap_modules) {
        fe->cap_modules = fe->cap_modules ? 2 * fe->cap_modules : 8;
        prog->modules = xrealloc(prog->modules, (size_t)fe->cap_modules * sizeof *prog->modules);
        fe->module_loading = xrealloc(fe->module_loading, (size_t)fe->cap_modules * sizeof(int));
    }
    Module *m = ast_alloc(&prog->arena, sizeof *m);
    m->path = ast_strndup(&prog->arena, path, strlen(path));
    m->source = source;
    m->source_len = len;
    m->index = prog->nmodules;
    m->cache_slot = -1;
    prog->modules[prog->nmodules++] = m;
    fe->module_loading[m->index] = 0;
    char real[PATH_MAX];
    const char *key = realpath(path, real) ? real : path;
    char *key_copy = ast_strndup(&prog->arena, key, strlen(key));
    strmap_put(&fe->modules, key_copy, strlen(key_copy), m->index);
    return m;
}

static void load_module(Frontend *fe, Module *m) {
    fe->module_loading[m->index] = 1;
    fe_parse_module(fe, m);
    fe->module_loading[m->index] = 0;
}

Module *fe_import_module(Parser *p, const Token *path_tok) {
    Frontend *fe = p->fe;
    char *path = xstrndup(path_tok->start + 1, (size_t)path_tok->len - 2);
    char *file = find_module_file(path, p->module->path);
    if (!file) {
        char *msg = xformat("Module not found: '%s'", path);
        fe_error_at(p, path_tok, msg);
        free(msg);
        free(path);
        return NULL;
    }
    char real[PATH_MAX];
    const char *key = realpath(file, real) ? real : file;
    int index = strmap_get(&fe->modules, key, strlen(key));
    Module *m = NULL;
    if (index >= 0) {
        m = fe->prog->modules[index];
        if (fe->module_loading[index]) {
            char *msg = xformat("Circular import detected: '%s'", path);
            fe_error_at(p, path_tok, msg);
            free(msg);
            m = NULL;
        }
    } else {
        size_t len;
        char *source = read_file(file, &len);
        if (!source) {
            fe_error_at(p, path_tok, "Cannot read module file.");
        } else {
            m = add_module(fe, file, source, len);
            char *hidden = xformat("<module %s>", m->path);
            m->cache_slot = fe_global(fe, hidden, strlen(hidden), GLOBAL_MODULE_CACHE);
            free(hidden);
            load_module(fe, m);
        }
    }
    free(file);
    free(path);
    return m;
}

Program *frontend_parse_program(const char *path, const FrontendOptions *opts) {
    static const FrontendOptions defaults;
    size_t len;
    char *source = read_file(path, &len);
    if (!source)
        return NULL;
    int errors_before = diag_error_count;
    Program *prog = xcalloc(1, sizeof *prog);
    Frontend fe = {.prog = prog, .opts = opts ? opts : &defaults};
    prog->main_path = path;
    prog->main_global = -1;
    fe_global(&fe, "argc", 4, GLOBAL_ARGC);
    fe_global(&fe, "argv", 4, GLOBAL_ARGV);
    Module *main = add_module(&fe, path, source, len);
    load_module(&fe, main);
    prog->end_line = main->body->end_line;
    strmap_free(&fe.globals);
    strmap_free(&fe.names);
    strmap_free(&fe.modules);
    free(fe.module_loading);
    if (diag_error_count != errors_before) {
        program_free(prog);
        return NULL;
    }
    return prog;
}

void program_free(Program *p) {
    if (!p)
        return;
    for (int i = 0; i < p->nfunctions; i++) {
        free(p->functions[i]->locals);
        free(p->functions[i]->captures);
        free(p->functions[i]->params);
    }
    for (int i = 0; i < p->nmodules; i++)
        free((char *)p->modules[i]->source);
    free(p->modules);
    free(p->functions);
    free(p->globals);
    free(p->names);
    free(p->tests);
    free(p->test_globals);
    ast_arena_free(&p->arena);
    free(p);
}
