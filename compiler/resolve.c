/* resolve.c — the resolver's bookkeeping: scopes, locals, captured variables and
 * global slots (see the VarRef rules in ast.h).
 *
 * Lookup order, as in clox: the current function's live locals (innermost first),
 * then the enclosing functions' locals (which become captured and are reached
 * through a chain of Capture entries), else a global slot.  Every declaration gets
 * a fresh local number, so the back end never has to reason about scopes. */
#include "compiler/parse.h"
#include "common/buf.h"
#include <string.h>

#define VEC_GROW(arr, n, cap)                                                                      \
    do {                                                                                           \
        if ((n) >= (cap)) {                                                                        \
            (cap) = (cap) ? (cap) * 2 : 8;                                                         \
            (arr) = xrealloc((arr), (size_t)(cap) * sizeof *(arr));                                \
        }                                                                                          \
    } while (0)

Name fe_name(Frontend *fe, const char *text, size_t len) {
    Program *prog = fe->prog;
    int id = strmap_get(&fe->names, text, len);
    if (id < 0) {
        VEC_GROW(prog->names, prog->nnames, fe->cap_names);
        id = prog->nnames++;
        char *copy = ast_strndup(&prog->arena, text, len);
        prog->names[id] = (Name){copy, len, id};
        strmap_put(&fe->names, copy, len, id);
    }
    return prog->names[id];
}

int fe_global(Frontend *fe, const char *name, size_t len, GlobalKind kind) {
    Program *prog = fe->prog;
    int slot = strmap_get(&fe->globals, name, len);
    if (slot >= 0)
        return slot;
    VEC_GROW(prog->globals, prog->nglobals, fe->cap_globals);
    slot = prog->nglobals++;
    Name n = fe_name(fe, name, len);
    prog->globals[slot] = (Global){.name = n.text, .kind = kind, .name_id = n.id};
    strmap_put(&fe->globals, n.text, len, slot);
    return slot;
}

Function *fe_function(Parser *p, FunctionKind kind, const char *name, int len, int line) {
    Program *prog = p->fe->prog;
    Function *fn = ast_alloc(p->arena, sizeof *fn);
    fn->kind = kind;
    fn->name = ast_strndup(p->arena, name, len);
    fn->line = line;
    fn->module = p->module;
    fn->this_local = -1;
    VEC_GROW(prog->functions, prog->nfunctions, p->fe->cap_functions);
    fn->id = prog->nfunctions;
    prog->functions[prog->nfunctions++] = fn;
    return fn;
}

static int add_local_slot(Parser *p, const char *name, int line) {
    FuncState *fs = p->fs;
    Function *fn = fs->fn;
    VEC_GROW(fn->locals, fn->nlocals, fs->cap_locals);
    fn->locals[fn->nlocals] = (Local){.name = name, .line = line};
    return fn->nlocals++;
}

/* Every function starts with one reserved live slot, as in clox: `this` in methods
 * (so nested functions capture the receiver), a nameless one elsewhere.  It counts
 * towards the 256-locals limit exactly like the reference's slot 0. */
void fe_func_begin(Parser *p, FuncState *fs, Function *fn) {
    /* Field by field: zeroing the 6 KB `active` array per function would dominate. */
    fs->enclosing = p->fs;
    fs->fn = fn;
    fs->nactive = fs->scope_depth = fs->cap_locals = fs->cap_captures = 0;
    fs->breakable = NULL;
    p->fs = fs;
    bool has_this = fn->kind == FN_METHOD || fn->kind == FN_INIT;
    ActiveLocal *slot0 = &fs->active[fs->nactive++];
    *slot0 = (ActiveLocal){has_this ? "this" : "", has_this ? 4 : 0, 0, -1};
    if (has_this) {
        slot0->index = fn->this_local = add_local_slot(p, "this", fn->line);
        fn->locals[slot0->index].is_param = true;
    }
}

void fe_func_end(Parser *p) { p->fs = p->fs->enclosing; }

void fe_scope_begin(Parser *p) { p->fs->scope_depth++; }

void fe_scope_end(Parser *p) {
    FuncState *fs = p->fs;
    fs->scope_depth--;
    while (fs->nactive > 0 && fs->active[fs->nactive - 1].depth > fs->scope_depth)
        fs->nactive--;
}

static bool is_top_level(Parser *p) {
    return p->fs->scope_depth == 0 && (p->fs->fn->kind == FN_SCRIPT || p->fs->fn->kind == FN_MODULE);
}

static VarRef add_local(Parser *p, const char *name, int len, int line) {
    FuncState *fs = p->fs;
    const char *copy = ast_strndup(p->arena, name, len);
    if (fs->nactive == MAX_LOCALS) {
        fe_error_prev(p, "Too many local variables in function");
        return (VarRef){VAR_LOCAL, add_local_slot(p, copy, line), copy};
    }
    int index = add_local_slot(p, copy, line);
    fs->active[fs->nactive++] = (ActiveLocal){copy, len, -1, index};
    return (VarRef){VAR_LOCAL, index, copy};
}

VarRef fe_declare(Parser *p, const Token *t) {
    FuncState *fs = p->fs;
    if (is_top_level(p)) {
        int slot = fe_global(p->fe, t->start, t->len, GLOBAL_USER);
        p->fe->prog->globals[slot].writes++;
        return (VarRef){VAR_GLOBAL, slot, p->fe->prog->globals[slot].name};
    }
    for (int i = fs->nactive - 1; i >= 0; i--) {
        ActiveLocal *l = &fs->active[i];
        if (l->depth != -1 && l->depth < fs->scope_depth)
            break;
        if (l->len == t->len && memcmp(l->name, t->start, t->len) == 0) {
            fe_error_prev(p, "Already a variable with this name in this scope.");
            break;
        }
    }
    return add_local(p, t->start, t->len, t->line);
}

VarRef fe_declare_hidden(Parser *p, const char *name) {
    return add_local(p, name, (int)strlen(name), p->previous.line);
}

void fe_mark_initialized(Parser *p) {
    FuncState *fs = p->fs;
    if (fs->scope_depth == 0 && is_top_level(p))
        return;
    if (fs->nactive > 0 && fs->active[fs->nactive - 1].depth == -1)
        fs->active[fs->nactive - 1].depth = fs->scope_depth;
}

static int find_local(Parser *p, FuncState *fs, const char *name, int len) {
    for (int i = fs->nactive - 1; i >= 0; i--) {
        ActiveLocal *l = &fs->active[i];
        if (l->len == len && memcmp(l->name, name, len) == 0) {
            if (l->depth == -1)
                fe_error_prev(p, "Can't read local variable in its own initializer.");
            return l->index;
        }
    }
    return -1;
}

static int add_capture(Parser *p, FuncState *fs, bool from_local, int index, const char *name) {
    Function *fn = fs->fn;
    for (int i = 0; i < fn->ncaptures; i++)
        if (fn->captures[i].from_local == from_local && fn->captures[i].index == index)
            return i;
    if (fn->ncaptures == MAX_CAPTURES) {
        fe_error_prev(p, "Too many closure variables in function.");
        return 0;
    }
    VEC_GROW(fn->captures, fn->ncaptures, fs->cap_captures);
    fn->captures[fn->ncaptures] = (Capture){from_local, index, name};
    return fn->ncaptures++;
}

static int find_capture(Parser *p, FuncState *fs, const char *name, int len) {
    if (!fs->enclosing)
        return -1;
    int local = find_local(p, fs->enclosing, name, len);
    if (local >= 0) {
        fs->enclosing->fn->locals[local].captured = true;
        return add_capture(p, fs, true, local, fs->enclosing->fn->locals[local].name);
    }
    int outer = find_capture(p, fs->enclosing, name, len);
    if (outer >= 0)
        return add_capture(p, fs, false, outer, fs->enclosing->fn->captures[outer].name);
    return -1;
}

VarRef fe_resolve(Parser *p, const char *name, int len) {
    FuncState *fs = p->fs;
    int i = find_local(p, fs, name, len);
    if (i >= 0)
        return (VarRef){VAR_LOCAL, i, fs->fn->locals[i].name};
    i = find_capture(p, fs, name, len);
    if (i >= 0)
        return (VarRef){VAR_CAPTURE, i, fs->fn->captures[i].name};
    int slot = fe_global(p->fe, name, len, GLOBAL_USER);
    return (VarRef){VAR_GLOBAL, slot, p->fe->prog->globals[slot].name};
}
