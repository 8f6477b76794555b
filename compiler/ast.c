/* ast.c — the arena behind the AST, and a readable dump of a resolved Program
 * (`soxcc -dump-ast`, used by the parser tests). */
#include "compiler/ast.h"
#include "common/buf.h"
#include "common/diag.h"
#include <sys/mman.h>
#include <stdlib.h>
#include <string.h>

/* Blocks come straight from mmap: already zeroed (no memset per node) and
 * populated up front, which on the reference machine cost about half as much as
 * taking one page fault per 4 KB.  Sizes double from 256 KB to 8 MB, so hello world
 * stays small and a 100 000-line program needs a handful of blocks. */
struct AstArenaBlock {
    AstArenaBlock *next;
    size_t used, size;          /* size counts the whole mapping */
};

#define ARENA_FIRST_BLOCK (256u << 10)
#define ARENA_MAX_BLOCK (8u << 20)
#define ARENA_HEADER ((sizeof(AstArenaBlock) + 15) & ~(size_t)15)

static AstArenaBlock *new_block(AstArena *a, size_t need) {
    size_t size = a->head ? a->head->size * 2 : ARENA_FIRST_BLOCK;
    if (size > ARENA_MAX_BLOCK)
        size = ARENA_MAX_BLOCK;
    if (size < need + ARENA_HEADER)
        size = need + ARENA_HEADER;
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE,
                   -1, 0);
    if (p == MAP_FAILED)
        fatal("out of memory (%zu bytes for the syntax tree)", size);
    AstArenaBlock *b = p;
    b->next = a->head;
    b->used = ARENA_HEADER;
    b->size = size;
    a->head = b;
    return b;
}

void *ast_alloc(AstArena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    AstArenaBlock *b = a->head;
    if (!b || b->size - b->used < n)
        b = new_block(a, n);
    void *p = (char *)b + b->used;
    b->used += n;
    return p;                   /* zero: fresh anonymous memory, never reused */
}

char *ast_strndup(AstArena *a, const char *s, size_t n) {
    char *p = ast_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void ast_arena_free(AstArena *a) {
    while (a->head) {
        AstArenaBlock *next = a->head->next;
        munmap(a->head, a->head->size);
        a->head = next;
    }
}

static const char *const expr_names[] = {
    "nil", "true", "false", "number", "string", "var", "assign", "this", "unary", "binary",
    "and", "or", "call", "get", "set", "invoke", "super_get", "super_invoke", "index",
    "index_set", "slice", "array", "table",
};
static const char *const stmt_names[] = {
    "expr", "print", "var", "block", "if", "while", "for", "foreach", "switch", "break",
    "continue", "return", "function", "class", "defer", "assert", "import",
};
static const char *const op_names[] = {"+", "-", "*", "/", "==", "!=", "<", "<=", ">", ">=", "-", "!"};

const char *expr_kind_name(ExprKind k) { return expr_names[k]; }
const char *stmt_kind_name(StmtKind k) { return stmt_names[k]; }

/* ---- Dump: one node per line, indented, with its line and resolution ---- */

static void dump_var(Buf *out, VarRef v) {
    static const char *const kinds[] = {"global", "local", "capture"};
    buf_printf(out, " %s:%s#%d", v.name ? v.name : "?", kinds[v.kind], v.index);
}

static void dump_expr(Buf *out, const Expr *e, int depth);
static void dump_stmts(Buf *out, const Stmt *s, int depth);

static void indent(Buf *out, int depth) {
    for (int i = 0; i < depth; i++)
        buf_str(out, "  ");
}

static void dump_child(Buf *out, const char *label, const Expr *e, int depth) {
    if (!e)
        return;
    indent(out, depth);
    buf_printf(out, "%s:\n", label);
    dump_expr(out, e, depth + 1);
}

static void dump_expr(Buf *out, const Expr *e, int depth) {
    indent(out, depth);
    buf_printf(out, "%s @%d", expr_names[e->kind], e->line);
    switch (e->kind) {
    case EXPR_NUMBER: buf_printf(out, " %.17g", e->number); break;
    case EXPR_STRING: buf_printf(out, " \"%.*s\"", (int)e->string.len, e->string.text); break;
    case EXPR_VAR: case EXPR_ASSIGN: case EXPR_THIS: dump_var(out, e->var); break;
    case EXPR_UNARY: case EXPR_BINARY: buf_printf(out, " %s", op_names[e->op]); break;
    case EXPR_GET: case EXPR_SET: case EXPR_INVOKE: buf_printf(out, " .%s", e->name.text); break;
    case EXPR_SUPER_GET: case EXPR_SUPER_INVOKE:
        buf_printf(out, " .%s", e->name.text);
        dump_var(out, e->var);
        dump_var(out, e->this_var);
        break;
    default: break;
    }
    buf_str(out, "\n");
    dump_child(out, "object", e->object, depth + 1);
    dump_child(out, "index", e->index, depth + 1);
    dump_child(out, "left", e->left, depth + 1);
    dump_child(out, "right", e->right, depth + 1);
    dump_child(out, "value", e->value, depth + 1);
    for (int i = 0; i < e->nargs; i++) {
        if (e->kind == EXPR_TABLE) {
            indent(out, depth + 1);
            buf_printf(out, "key \"%s\":\n", e->keys[i].text);
        }
        dump_expr(out, e->args[i], depth + 2);
    }
}

static void dump_function(Buf *out, const Function *fn, int depth) {
    static const char *const kinds[] = {"script", "module", "fn", "method", "init", "defer"};
    indent(out, depth);
    buf_printf(out, "%s %s #%d @%d-%d arity=%d locals=%d", kinds[fn->kind], fn->name, fn->id,
               fn->line, fn->end_line, fn->arity, fn->nlocals);
    if (fn->has_defer)
        buf_str(out, " has_defer");
    if (fn->is_test)
        buf_str(out, " test");
    buf_str(out, "\n");
    for (int i = 0; i < fn->nlocals; i++) {
        indent(out, depth + 1);
        buf_printf(out, "local #%d %s%s%s\n", i, fn->locals[i].name,
                   fn->locals[i].captured ? " captured" : "", fn->locals[i].is_param ? " param" : "");
    }
    for (int i = 0; i < fn->ncaptures; i++) {
        indent(out, depth + 1);
        buf_printf(out, "capture #%d %s from %s#%d\n", i, fn->captures[i].name,
                   fn->captures[i].from_local ? "local" : "capture", fn->captures[i].index);
    }
    dump_stmts(out, fn->body, depth + 1);
}

static void dump_stmt(Buf *out, const Stmt *s, int depth) {
    indent(out, depth);
    buf_printf(out, "%s @%d", stmt_names[s->kind], s->line);
    switch (s->kind) {
    case STMT_VAR: case STMT_FUNCTION: case STMT_CLASS: case STMT_IMPORT:
        dump_var(out, s->var);
        break;
    case STMT_FOREACH:
        dump_var(out, s->var);
        dump_var(out, s->var2);
        break;
    case STMT_BREAK: case STMT_CONTINUE:
        buf_printf(out, " -> %s @%d", stmt_names[s->target->kind], s->target->line);
        break;
    default: break;
    }
    if (s->kind == STMT_VAR && s->is_array_decl)
        buf_str(out, " []");
    if (s->kind == STMT_IMPORT)
        buf_printf(out, " module=%s", s->module->path);
    if (s->kind == STMT_CLASS && s->superclass)
        dump_var(out, s->var2);
    buf_str(out, "\n");
    if (s->kind == STMT_FOR && s->init) {
        indent(out, depth + 1);
        buf_str(out, "init:\n");
        dump_stmt(out, s->init, depth + 2);
    }
    dump_child(out, "expr", s->expr, depth + 1);
    dump_child(out, "value", s->value, depth + 1);
    if (s->kind == STMT_CLASS)
        dump_child(out, "superclass", s->superclass, depth + 1);
    for (int i = 0; s->kind == STMT_SWITCH && i < s->ncases; i++) {
        indent(out, depth + 1);
        buf_printf(out, "case%s:\n", s->cases[i].body ? "" : " (fall through)");
        dump_expr(out, s->cases[i].value, depth + 2);
        if (s->cases[i].body)
            dump_stmt(out, s->cases[i].body, depth + 2);
    }
    if (s->kind == STMT_SWITCH && s->default_body) {
        indent(out, depth + 1);
        buf_str(out, "default:\n");
        dump_stmt(out, s->default_body, depth + 2);
    }
    if (s->kind == STMT_BLOCK)
        dump_stmts(out, s->body, depth + 1);
    else if (s->body)
        dump_stmt(out, s->body, depth + 1);
    if (s->kind == STMT_IF && s->else_) {
        indent(out, depth + 1);
        buf_str(out, "else:\n");
        dump_stmt(out, s->else_, depth + 2);
    }
    if (s->fn)
        dump_function(out, s->fn, depth + 1);
    for (int i = 0; s->kind == STMT_CLASS && i < s->nmethods; i++)
        dump_function(out, s->methods[i], depth + 1);
}

static void dump_stmts(Buf *out, const Stmt *s, int depth) {
    for (; s; s = s->next)
        dump_stmt(out, s, depth);
}

void ast_dump(const Program *p, Buf *out) {
    buf_printf(out, "program %s main=%d tests=%d end_line=%d\n", p->main_path, p->main_global,
               p->ntests, p->end_line);
    for (int i = 0; i < p->nglobals; i++)
        buf_printf(out, "global #%d %s\n", i, p->globals[i].name);
    for (int i = 0; i < p->nmodules; i++) {
        buf_printf(out, "module #%d %s\n", i, p->modules[i]->path);
        dump_function(out, p->modules[i]->body, 1);
    }
}
