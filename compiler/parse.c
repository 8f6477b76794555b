/* parse.c — recursive-descent / Pratt parser producing the resolved AST (ast.h).
 *
 * Structure and error recovery follow the reference (clox-style, one pass):
 * `current` is the next token, `previous` the one just consumed; errors are reported
 * at a token as `file:line:col: error: MESSAGE`, and after the first error the
 * parser is in panic mode (further errors are suppressed) until it reaches a
 * statement boundary: just after a `;`, or before one of class fn var for foreach if
 * switch while print assert return (SOX_LANGUAGE.md §12.1).
 *
 * Statements end where their grammar ends; a `;` is optional after the statements
 * listed in §3 and a stray `;` is an expression error.  Expression nodes get the
 * `line` the runtime error trace must show: the line of the token consumed last
 * before the operation (see ast.h). */
#include "compiler/parse.h"
#include "common/buf.h"
#include "common/diag.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Tokens and errors ----------------------------------------------------- */

static SrcLoc token_loc(Parser *p, const Token *t) {
    const char *end = p->module->source + p->module->source_len;
    const char *eol = t->line_start;
    while (eol < end && *eol != '\n')
        eol++;
    if (eol > t->line_start && eol[-1] == '\r')    /* CRLF sources */
        eol--;
    return (SrcLoc){p->module->path, t->line, t->col, t->line_start, (size_t)(eol - t->line_start)};
}

void fe_error_at(Parser *p, const Token *t, const char *message) {
    if (p->panic || p->gave_up)
        return;
    p->panic = true;
    p->had_error = true;
    error_at(token_loc(p, t), "%s", message);
}

void fe_error_prev(Parser *p, const char *message) { fe_error_at(p, &p->previous, message); }
static void error_current(Parser *p, const char *message) { fe_error_at(p, &p->current, message); }

/* Scanner errors are tokens; report each as it is reached (unless in panic mode). */
static void advance(Parser *p) {
    p->previous = p->current;
    for (;;) {
        p->current = scan_next(&p->scanner);
        if (p->current.kind != TOK_ERROR)
            break;
        char msg[64];
        snprintf(msg, sizeof msg, "%.*s", p->current.len, p->current.start);
        error_current(p, msg);
    }
}

static bool check(Parser *p, TokenKind k) { return p->current.kind == k; }

static bool match(Parser *p, TokenKind k) {
    if (!check(p, k))
        return false;
    advance(p);
    return true;
}

static void consume(Parser *p, TokenKind k, const char *message) {
    if (check(p, k))
        advance(p);
    else
        error_current(p, message);
}

/* The kind of the token after `current`, skipping scanner errors (table-literal
 * detection); scans ahead on a copy of the scanner. */
static TokenKind peek_next(Parser *p) {
    Scanner ahead = p->scanner;
    Token t;
    do
        t = scan_next(&ahead);
    while (t.kind == TOK_ERROR);
    return t.kind;
}

static void synchronize(Parser *p) {
    p->panic = false;
    while (p->current.kind != TOK_EOF) {
        if (p->previous.kind == TOK_SEMICOLON)
            return;
        switch (p->current.kind) {
        case TOK_CLASS: case TOK_FN: case TOK_VAR: case TOK_FOR: case TOK_FOREACH:
        case TOK_IF: case TOK_SWITCH: case TOK_WHILE: case TOK_PRINT: case TOK_ASSERT:
        case TOK_RETURN:
            return;
        default:
            advance(p);
        }
    }
}

/* Deeper nesting than any real program: report it once, then skip to the end of
 * the file with every further error suppressed (the parser is recursive, and
 * soxcc must not crash on its stack). */
static bool too_deep(Parser *p) {
    if (p->depth < MAX_NESTING && !p->gave_up)
        return false;
    if (!p->gave_up) {
        fe_error_at(p, &p->current, "Too much nesting.");
        p->gave_up = true;
        while (p->current.kind != TOK_EOF)
            advance(p);
    }
    return true;
}

/* ---- Node construction ------------------------------------------------------ */

static Expr *new_expr(Parser *p, ExprKind kind, const Token *t) {
    Expr *e = ast_alloc(p->arena, sizeof *e);
    e->kind = kind;
    e->line = t->line;
    e->col = t->col;
    return e;
}

static Stmt *new_stmt(Parser *p, StmtKind kind, const Token *t) {
    Stmt *s = ast_alloc(p->arena, sizeof *s);
    s->kind = kind;
    s->line = t->line;
    s->col = t->col;
    return s;
}

/* The operation happens after its last token was consumed (clox's line rule). */
static Expr *finish(Parser *p, Expr *e) {
    e->line = p->previous.line;
    return e;
}

static Name token_name(Parser *p, const Token *t) { return fe_name(p->fe, t->start, t->len); }

/* A growable list of expressions while parsing argument lists and literals. */
typedef struct ExprList { Expr **items; int n, cap; } ExprList;

static void list_push(ExprList *l, Expr *e) {
    if (l->n == l->cap)
        l->items = xrealloc(l->items, (size_t)(l->cap = l->cap ? 2 * l->cap : 8) * sizeof *l->items);
    l->items[l->n++] = e;
}

static Expr **list_to_arena(Parser *p, ExprList *l) {
    Expr **a = ast_alloc(p->arena, (size_t)(l->n ? l->n : 1) * sizeof *a);
    if (l->n)
        memcpy(a, l->items, (size_t)l->n * sizeof *a);
    free(l->items);
    return a;
}

/* ---- Expressions ---------------------------------------------------------------- */

typedef enum Prec {
    PREC_NONE, PREC_ASSIGNMENT, PREC_OR, PREC_AND, PREC_EQUALITY, PREC_COMPARISON,
    PREC_TERM, PREC_FACTOR, PREC_UNARY, PREC_CALL, PREC_PRIMARY
} Prec;

typedef Expr *(*PrefixFn)(Parser *p, bool can_assign);
typedef Expr *(*InfixFn)(Parser *p, Expr *left, bool can_assign);
typedef struct Rule { PrefixFn prefix; InfixFn infix; Prec prec; } Rule;

static const Rule *rule_for(TokenKind k);
static Expr *parse_precedence(Parser *p, Prec prec);
static Expr *expression(Parser *p) { return parse_precedence(p, PREC_ASSIGNMENT); }

static Expr *error_expr(Parser *p) { return new_expr(p, EXPR_NIL, &p->previous); }

static Expr *number(Parser *p, bool can_assign) {
    (void)can_assign;
    char text[400];
    int n = p->previous.len < (int)sizeof text - 1 ? p->previous.len : (int)sizeof text - 1;
    memcpy(text, p->previous.start, n);
    text[n] = '\0';
    Expr *e = new_expr(p, EXPR_NUMBER, &p->previous);
    e->number = strtod(text, NULL);   /* the token text only: correctly rounded */
    return e;
}

static Expr *string(Parser *p, bool can_assign) {
    (void)can_assign;
    Expr *e = new_expr(p, EXPR_STRING, &p->previous);
    e->string = fe_name(p->fe, p->previous.start + 1, p->previous.len - 2);
    return e;
}

static Expr *literal(Parser *p, bool can_assign) {
    (void)can_assign;
    ExprKind k = p->previous.kind == TOK_TRUE ? EXPR_TRUE
               : p->previous.kind == TOK_FALSE ? EXPR_FALSE : EXPR_NIL;
    return new_expr(p, k, &p->previous);
}

static Expr *grouping(Parser *p, bool can_assign) {
    (void)can_assign;
    Expr *e = expression(p);
    consume(p, TOK_RIGHT_PAREN, "Expect ')' after expression.");
    return e;
}

static Expr *variable(Parser *p, bool can_assign) {
    Token name = p->previous;
    Expr *e = new_expr(p, EXPR_VAR, &name);
    e->var = fe_resolve(p, name.start, name.len);
    if (can_assign && match(p, TOK_EQUAL)) {
        e->kind = EXPR_ASSIGN;
        if (e->var.kind == VAR_GLOBAL) p->fe->prog->globals[e->var.index].writes++;
        e->value = expression(p);
        finish(p, e);
    }
    return e;
}

static Expr *this_(Parser *p, bool can_assign) {
    (void)can_assign;
    Expr *e = new_expr(p, EXPR_THIS, &p->previous);
    if (!p->cls) {
        fe_error_prev(p, "Can't use 'this' outside of a class.");
        return e;
    }
    e->var = fe_resolve(p, "this", 4);
    return e;
}

static int argument_list(Parser *p, ExprList *args) {
    if (!check(p, TOK_RIGHT_PAREN)) {
        do {
            list_push(args, expression(p));
            if (args->n == MAX_ARGS + 1)
                fe_error_prev(p, "Can't have more than 255 arguments.");
        } while (match(p, TOK_COMMA));
    }
    consume(p, TOK_RIGHT_PAREN, "Expect ')' after arguments.");
    return args->n;
}

static void finish_args(Parser *p, Expr *e) {
    ExprList args = {0};
    e->nargs = argument_list(p, &args);
    e->args = list_to_arena(p, &args);
    finish(p, e);
}

static Expr *super_(Parser *p, bool can_assign) {
    (void)can_assign;
    Token kw = p->previous;
    if (!p->cls)
        fe_error_prev(p, "Can't use 'super' outside of a class.");
    else if (!p->cls->has_superclass)
        fe_error_prev(p, "Can't use 'super' in a class with no superclass.");
    consume(p, TOK_DOT, "Expect '.' after 'super'.");
    consume(p, TOK_IDENTIFIER, "Expect superclass method name.");
    Expr *e = new_expr(p, EXPR_SUPER_GET, &kw);
    e->name = token_name(p, &p->previous);
    if (p->cls && p->cls->has_superclass) {
        e->this_var = fe_resolve(p, "this", 4);
        e->var = fe_resolve(p, "super", 5);
    }
    if (match(p, TOK_LEFT_PAREN)) {
        e->kind = EXPR_SUPER_INVOKE;
        finish_args(p, e);
    } else {
        finish(p, e);
    }
    return e;
}

static Expr *unary(Parser *p, bool can_assign) {
    (void)can_assign;
    Token op = p->previous;
    Expr *e = new_expr(p, EXPR_UNARY, &op);
    e->op = op.kind == TOK_MINUS ? OP_NEG : OP_NOT;
    e->left = parse_precedence(p, PREC_UNARY);
    return finish(p, e);
}

/* `{` in expression position: `{}` or `{key: v, ...}` is a table, anything else an
 * array literal (§7.4).  A table needs an identifier or string then `:` first. */
static Expr *table_rest(Parser *p, Expr *e) {
    ExprList values = {0};
    int cap = 0;
    Name *keys = NULL;
    do {
        if (check(p, TOK_RIGHT_BRACE))
            break;                                  /* trailing comma */
        if (!check(p, TOK_IDENTIFIER) && !check(p, TOK_STRING))
            break;                                  /* reported as a missing '}' */
        advance(p);
        Token key = p->previous;
        if (values.n == cap)
            keys = xrealloc(keys, (size_t)(cap = cap ? 2 * cap : 8) * sizeof *keys);
        keys[values.n] = key.kind == TOK_STRING ? fe_name(p->fe, key.start + 1, key.len - 2)
                                                : token_name(p, &key);
        consume(p, TOK_COLON, "Expect ':' after table key.");
        list_push(&values, expression(p));
    } while (match(p, TOK_COMMA));
    consume(p, TOK_RIGHT_BRACE, "Expect '}' after table literal.");
    e->nargs = values.n;
    e->keys = ast_alloc(p->arena, (size_t)(values.n ? values.n : 1) * sizeof *e->keys);
    if (values.n)
        memcpy(e->keys, keys, (size_t)values.n * sizeof *keys);
    free(keys);
    e->args = list_to_arena(p, &values);
    return finish(p, e);
}

static Expr *brace_literal(Parser *p, bool can_assign) {
    (void)can_assign;
    Expr *e = new_expr(p, EXPR_TABLE, &p->previous);
    if (match(p, TOK_RIGHT_BRACE))
        return finish(p, e);
    if ((check(p, TOK_IDENTIFIER) || check(p, TOK_STRING)) && peek_next(p) == TOK_COLON)
        return table_rest(p, e);
    e->kind = EXPR_ARRAY;
    ExprList items = {0};
    do
        list_push(&items, expression(p));
    while (match(p, TOK_COMMA));
    consume(p, TOK_RIGHT_BRACE, "Expect '}' after array values");
    e->nargs = items.n;
    e->args = list_to_arena(p, &items);
    return finish(p, e);
}

static Expr *binary(Parser *p, Expr *left, bool can_assign) {
    (void)can_assign;
    Token op = p->previous;
    static const BinaryOp ops[TOK_COUNT] = {
        [TOK_PLUS] = OP_ADD, [TOK_MINUS] = OP_SUB, [TOK_STAR] = OP_MUL, [TOK_SLASH] = OP_DIV,
        [TOK_EQUAL_EQUAL] = OP_EQ, [TOK_BANG_EQUAL] = OP_NE, [TOK_LESS] = OP_LT,
        [TOK_LESS_EQUAL] = OP_LE, [TOK_GREATER] = OP_GT, [TOK_GREATER_EQUAL] = OP_GE,
    };
    Expr *e = new_expr(p, EXPR_BINARY, &op);
    e->op = ops[op.kind];
    e->left = left;
    e->right = parse_precedence(p, rule_for(op.kind)->prec + 1);
    return finish(p, e);
}

static Expr *logical(Parser *p, Expr *left, bool can_assign) {
    (void)can_assign;
    Token op = p->previous;
    Expr *e = new_expr(p, op.kind == TOK_AND ? EXPR_AND : EXPR_OR, &op);
    e->left = left;
    e->right = parse_precedence(p, op.kind == TOK_AND ? PREC_AND : PREC_OR);
    return finish(p, e);
}

static Expr *call(Parser *p, Expr *callee, bool can_assign) {
    (void)can_assign;
    Expr *e = new_expr(p, EXPR_CALL, &p->previous);
    e->object = callee;
    finish_args(p, e);
    return e;
}

static Expr *dot(Parser *p, Expr *object, bool can_assign) {
    consume(p, TOK_IDENTIFIER, "Expect property name after '.'.");
    Expr *e = new_expr(p, EXPR_GET, &p->previous);
    e->object = object;
    e->name = token_name(p, &p->previous);
    if (can_assign && match(p, TOK_EQUAL)) {
        e->kind = EXPR_SET;
        e->value = expression(p);
    } else if (match(p, TOK_LEFT_PAREN)) {
        e->kind = EXPR_INVOKE;
        finish_args(p, e);
        return e;
    }
    return finish(p, e);
}

/* `[` after an expression: an index `a[i]` (assignable) or a slice `a[s:e]`. */
static Expr *subscript(Parser *p, Expr *object, bool can_assign) {
    Expr *e = new_expr(p, EXPR_INDEX, &p->previous);
    e->object = object;
    Expr *first = check(p, TOK_COLON) ? NULL : expression(p);
    if (match(p, TOK_COLON)) {
        e->kind = EXPR_SLICE;
        e->left = first;
        e->right = check(p, TOK_RIGHT_BRACKET) ? NULL : expression(p);
        consume(p, TOK_RIGHT_BRACKET, "Expect ']' after range.");
        return finish(p, e);
    }
    e->index = first;
    consume(p, TOK_RIGHT_BRACKET, "Expect ']' after indexing expression.");
    if (can_assign && match(p, TOK_EQUAL)) {
        e->kind = EXPR_INDEX_SET;
        e->value = expression(p);
    }
    return finish(p, e);
}

static const Rule rules[TOK_COUNT] = {
    [TOK_LEFT_PAREN] = {grouping, call, PREC_CALL},
    [TOK_LEFT_BRACE] = {brace_literal, NULL, PREC_NONE},
    [TOK_LEFT_BRACKET] = {NULL, subscript, PREC_CALL},
    [TOK_DOT] = {NULL, dot, PREC_CALL},
    [TOK_MINUS] = {unary, binary, PREC_TERM},
    [TOK_PLUS] = {NULL, binary, PREC_TERM},
    [TOK_SLASH] = {NULL, binary, PREC_FACTOR},
    [TOK_STAR] = {NULL, binary, PREC_FACTOR},
    [TOK_BANG] = {unary, NULL, PREC_NONE},
    [TOK_BANG_EQUAL] = {NULL, binary, PREC_EQUALITY},
    [TOK_EQUAL_EQUAL] = {NULL, binary, PREC_EQUALITY},
    [TOK_GREATER] = {NULL, binary, PREC_COMPARISON},
    [TOK_GREATER_EQUAL] = {NULL, binary, PREC_COMPARISON},
    [TOK_LESS] = {NULL, binary, PREC_COMPARISON},
    [TOK_LESS_EQUAL] = {NULL, binary, PREC_COMPARISON},
    [TOK_IDENTIFIER] = {variable, NULL, PREC_NONE},
    [TOK_STRING] = {string, NULL, PREC_NONE},
    [TOK_NUMBER] = {number, NULL, PREC_NONE},
    [TOK_AND] = {NULL, logical, PREC_AND},
    [TOK_OR] = {NULL, logical, PREC_OR},
    [TOK_FALSE] = {literal, NULL, PREC_NONE},
    [TOK_TRUE] = {literal, NULL, PREC_NONE},
    [TOK_NIL] = {literal, NULL, PREC_NONE},
    [TOK_SUPER] = {super_, NULL, PREC_NONE},
    [TOK_THIS] = {this_, NULL, PREC_NONE},
};

static const Rule *rule_for(TokenKind k) { return &rules[k]; }

static Expr *parse_precedence_nested(Parser *p, Prec prec);

static Expr *parse_precedence(Parser *p, Prec prec) {
    if (too_deep(p))
        return error_expr(p);
    p->depth++;
    Expr *e = parse_precedence_nested(p, prec);
    p->depth--;
    return e;
}

static Expr *parse_precedence_nested(Parser *p, Prec prec) {
    advance(p);
    PrefixFn prefix = rule_for(p->previous.kind)->prefix;
    if (!prefix) {
        fe_error_prev(p, "Expect expression.");
        return error_expr(p);
    }
    bool can_assign = prec <= PREC_ASSIGNMENT;
    Expr *e = prefix(p, can_assign);
    while (prec <= rule_for(p->current.kind)->prec) {
        advance(p);
        e = rule_for(p->previous.kind)->infix(p, e, can_assign);
    }
    if (can_assign && match(p, TOK_EQUAL))
        fe_error_prev(p, "Invalid assignment target.");
    return e;
}

/* ---- Statements -------------------------------------------------------------------- */

static Stmt *declaration(Parser *p);
static Stmt *statement(Parser *p);

/* Appends to a statement list kept as first/last pointers. */
typedef struct StmtList { Stmt *first, *last; } StmtList;

static void stmts_add(StmtList *l, Stmt *s) {
    if (!s)
        return;
    if (l->last)
        l->last->next = s;
    else
        l->first = s;
    l->last = s;
}

static void optional_semicolon(Parser *p) { match(p, TOK_SEMICOLON); }

static Stmt *block_body(Parser *p) {
    StmtList list = {0};
    while (!check(p, TOK_RIGHT_BRACE) && !check(p, TOK_EOF))
        stmts_add(&list, declaration(p));
    consume(p, TOK_RIGHT_BRACE, "Expect '}' after block.");
    return list.first;
}

/* `{` already consumed. */
static Stmt *block(Parser *p, const Token *brace) {
    Stmt *s = new_stmt(p, STMT_BLOCK, brace);
    fe_scope_begin(p);
    s->body = block_body(p);
    fe_scope_end(p);
    return s;
}

/* Parameters and body of a function whose name (or `defer`) was just consumed.
 * `function`: the body's statements and the closing line are filled in. */
static void function_body(Parser *p, Function *fn) {
    FuncState *fs = xmalloc(sizeof *fs);   /* big: kept off the recursive parser's stack */
    fe_func_begin(p, fs, fn);
    fe_scope_begin(p);
    consume(p, TOK_LEFT_PAREN, fn->kind == FN_DEFER ? "Expect '(' after function declaration."
                                                    : "Expect '(' after function name.");
    int cap = 0;
    if (!check(p, TOK_RIGHT_PAREN) && fn->kind != FN_DEFER) {
        do {
            if (fn->arity == MAX_ARGS)
                error_current(p, "Can't have more than 255 parameters.");
            consume(p, TOK_IDENTIFIER, "Expect parameter name.");
            VarRef v = fe_declare(p, &p->previous);
            fe_mark_initialized(p);
            fn->locals[v.index].is_param = true;
            if (fn->arity == cap)
                fn->params = xrealloc(fn->params, (size_t)(cap = cap ? 2 * cap : 8) * sizeof(int));
            fn->params[fn->arity++] = v.index;
        } while (match(p, TOK_COMMA));
    }
    consume(p, TOK_RIGHT_PAREN, "Expect ')' after parameters.");
    consume(p, TOK_LEFT_BRACE, "Expect '{' before function body.");
    fn->body = block_body(p);
    fn->end_line = p->previous.line;
    fe_func_end(p);
    free(fs);
}

static Stmt *fn_declaration(Parser *p, bool is_test) {
    Token kw = p->previous;
    Stmt *s = new_stmt(p, STMT_FUNCTION, &kw);
    consume(p, TOK_IDENTIFIER, "Expect function name.");
    Token name = p->previous;
    s->var = fe_declare(p, &name);
    bool top = s->var.kind == VAR_GLOBAL;
    if (top && p->module->index == 0 && name.len == 4 && memcmp(name.start, "main", 4) == 0) {
        if (p->seen_main)
            fe_error_prev(p, "Cannot have more than one main()");
        p->seen_main = true;
        p->fe->prog->main_global = s->var.index;
    }
    fe_mark_initialized(p);
    s->fn = fe_function(p, FN_FUNCTION, name.start, name.len, name.line);
    if (top && !p->fe->prog->globals[s->var.index].fn) p->fe->prog->globals[s->var.index].fn = s->fn;
    s->fn->enclosing = p->fs->fn;
    s->fn->is_test = is_test;
    function_body(p, s->fn);
    if (is_test && top && p->module->index == 0) {
        Program *prog = p->fe->prog;
        Frontend *fe = p->fe;
        if (prog->ntests == fe->cap_tests) {
            fe->cap_tests = fe->cap_tests ? 2 * fe->cap_tests : 8;
            prog->tests = xrealloc(prog->tests, (size_t)fe->cap_tests * sizeof *prog->tests);
            prog->test_globals = xrealloc(prog->test_globals, (size_t)fe->cap_tests * sizeof(int));
        }
        prog->tests[prog->ntests] = s->fn;
        prog->test_globals[prog->ntests++] = s->var.index;
    }
    return s;
}

/* #[test] fn ... — only `test` exists, and only on top-level functions (§6.14). */
static Stmt *attribute(Parser *p) {
    consume(p, TOK_LEFT_BRACKET, "Expect '[' after '#'.");
    if (check(p, TOK_IDENTIFIER) && p->current.len == 4 && memcmp(p->current.start, "test", 4) == 0)
        advance(p);
    else
        error_current(p, "Unknown attribute.");
    consume(p, TOK_RIGHT_BRACKET, "Expect ']' after attribute.");
    if (!match(p, TOK_FN)) {
        error_current(p, "Expect 'fn' after attribute.");
        return NULL;
    }
    if (p->fs->scope_depth > 0 || p->fs->enclosing)
        fe_error_prev(p, "Test functions must be declared at top level.");
    return fn_declaration(p, true);
}

static Function *method(Parser *p) {
    consume(p, TOK_IDENTIFIER, "Expect method name.");
    Token name = p->previous;
    bool init = name.len == 4 && memcmp(name.start, "init", 4) == 0;
    Function *fn = fe_function(p, init ? FN_INIT : FN_METHOD, name.start, name.len, name.line);
    fn->enclosing = p->fs->fn;
    function_body(p, fn);
    return fn;
}

static Stmt *class_declaration(Parser *p) {
    Token kw = p->previous;
    consume(p, TOK_IDENTIFIER, "Expect class name.");
    Token name = p->previous;
    Stmt *s = new_stmt(p, STMT_CLASS, &kw);
    s->name = token_name(p, &name);
    s->var = fe_declare(p, &name);
    if (s->var.kind == VAR_GLOBAL && !p->fe->prog->globals[s->var.index].class_decl)
        p->fe->prog->globals[s->var.index].class_decl = s;
    fe_mark_initialized(p);
    ClassState cls = {.enclosing = p->cls};
    p->cls = &cls;
    if (match(p, TOK_LESS)) {
        consume(p, TOK_IDENTIFIER, "Expect superclass name.");
        s->superclass = variable(p, false);
        s->superclass->line = p->previous.line;
        if (p->previous.len == name.len && memcmp(p->previous.start, name.start, name.len) == 0)
            fe_error_prev(p, "A class can't inherit from itself.");
        fe_scope_begin(p);
        s->var2 = fe_declare_hidden(p, "super");
        fe_mark_initialized(p);
        cls.has_superclass = true;
    }
    consume(p, TOK_LEFT_BRACE, "Expect '{' before class body.");
    Function **methods = NULL;
    int cap = 0;
    while (!check(p, TOK_RIGHT_BRACE) && !check(p, TOK_EOF)) {
        Function *m = method(p);
        if (s->nmethods == cap)
            methods = xrealloc(methods, (size_t)(cap = cap ? 2 * cap : 8) * sizeof *methods);
        methods[s->nmethods++] = m;
        if (p->panic)
            break;      /* the reference loops on `method` without recovery; stop here */
    }
    consume(p, TOK_RIGHT_BRACE, "Expect '}' after class body.");
    s->methods = ast_alloc(p->arena, (size_t)(s->nmethods ? s->nmethods : 1) * sizeof *methods);
    if (s->nmethods)
        memcpy(s->methods, methods, (size_t)s->nmethods * sizeof *methods);
    free(methods);
    if (cls.has_superclass)
        fe_scope_end(p);
    p->cls = cls.enclosing;
    return s;
}

static Stmt *defer_declaration(Parser *p) {
    Stmt *s = new_stmt(p, STMT_DEFER, &p->previous);
    s->fn = fe_function(p, FN_DEFER, "defer", 5, p->previous.line);
    s->fn->enclosing = p->fs->fn;
    p->fs->fn->has_defer = true;
    function_body(p, s->fn);
    return s;
}

/* var NAME ( "=" expr | "[" "]" ( "=" expr )? )? ";"? */
static Stmt *var_declaration(Parser *p) {
    Stmt *s = new_stmt(p, STMT_VAR, &p->previous);
    consume(p, TOK_IDENTIFIER, "Expect variable name.");
    s->var = fe_declare(p, &p->previous);
    if (match(p, TOK_LEFT_BRACKET)) {
        s->is_array_decl = true;
        consume(p, TOK_RIGHT_BRACKET, "Expect ']' after '['.");
        s->expr = new_expr(p, EXPR_ARRAY, &p->previous);
    }
    if (match(p, TOK_EQUAL)) {
        s->expr = expression(p);
        /* `var a[] = {}` is an empty array, not a table (recommended, §6.1). */
        if (s->is_array_decl && s->expr->kind == EXPR_TABLE && s->expr->nargs == 0)
            s->expr->kind = EXPR_ARRAY;
    }
    optional_semicolon(p);
    fe_mark_initialized(p);
    return s;
}

static Stmt *expression_statement(Parser *p) {
    Stmt *s = new_stmt(p, STMT_EXPR, &p->current);
    s->expr = expression(p);
    s->line = s->expr->line;
    optional_semicolon(p);
    return s;
}

static Stmt *print_statement(Parser *p) {
    Stmt *s = new_stmt(p, STMT_PRINT, &p->previous);
    s->expr = expression(p);
    s->line = p->previous.line;
    optional_semicolon(p);
    return s;
}

static Stmt *if_statement(Parser *p) {
    Stmt *s = new_stmt(p, STMT_IF, &p->previous);
    s->expr = expression(p);
    s->body = statement(p);
    if (match(p, TOK_ELSE))
        s->else_ = statement(p);
    return s;
}

static void push_breakable(Parser *p, Breakable *b, Stmt *s, bool is_loop) {
    *b = (Breakable){s, is_loop, p->fs->breakable};
    p->fs->breakable = b;
}

static void pop_breakable(Parser *p) { p->fs->breakable = p->fs->breakable->enclosing; }

static Stmt *while_statement(Parser *p) {
    Stmt *s = new_stmt(p, STMT_WHILE, &p->previous);
    s->expr = expression(p);
    Breakable b;
    push_breakable(p, &b, s, true);
    s->body = statement(p);
    pop_breakable(p);
    return s;
}

/* for INIT; COND; INCR BODY — no parentheses of its own (§6.6).  Unlike the
 * reference, a `{` where the increment would start means "no increment". */
static Stmt *for_statement(Parser *p) {
    Stmt *s = new_stmt(p, STMT_FOR, &p->previous);
    fe_scope_begin(p);
    if (match(p, TOK_SEMICOLON))
        ;
    else if (match(p, TOK_VAR))
        s->init = var_declaration(p);
    else
        s->init = expression_statement(p);
    if (!match(p, TOK_SEMICOLON)) {
        s->expr = expression(p);
        consume(p, TOK_SEMICOLON, "Expect ';' after loop condition.");
    }
    if (!check(p, TOK_LEFT_BRACE))
        s->value = expression(p);
    Breakable b;
    push_breakable(p, &b, s, true);
    s->body = statement(p);
    pop_breakable(p);
    fe_scope_end(p);
    return s;
}

/* foreach var I, V in CONTAINER { ... } — the container is evaluated outside the
 * loop's scope; I and V are the loop's own locals. */
static Stmt *foreach_statement(Parser *p) {
    Stmt *s = new_stmt(p, STMT_FOREACH, &p->previous);
    consume(p, TOK_VAR, "Expect 'var' after 'foreach'.");
    consume(p, TOK_IDENTIFIER, "Expect index variable name.");
    Token index = p->previous;
    consume(p, TOK_COMMA, "Expect ',' after index variable.");
    consume(p, TOK_IDENTIFIER, "Expect value variable name.");
    Token value = p->previous;
    consume(p, TOK_IN, "Expect 'in' after foreach variables.");
    s->expr = expression(p);
    s->line = p->previous.line;
    fe_scope_begin(p);
    s->var = fe_declare(p, &index);
    fe_mark_initialized(p);
    s->var2 = fe_declare(p, &value);
    fe_mark_initialized(p);
    consume(p, TOK_LEFT_BRACE, "Expect '{' before foreach body.");
    Breakable b;
    push_breakable(p, &b, s, true);
    Token brace = p->previous;
    s->body = block(p, &brace);
    pop_breakable(p);
    fe_scope_end(p);
    return s;
}

/* switch V { (case E block?)* (default statement)? ... } — at most one default; the
 * reference stops reading clauses at a second one (then `Expect '}' ...`). */
static Stmt *switch_statement(Parser *p) {
    Stmt *s = new_stmt(p, STMT_SWITCH, &p->previous);
    s->expr = expression(p);
    consume(p, TOK_LEFT_BRACE, "Expect '{' before switch body.");
    Breakable b;
    push_breakable(p, &b, s, false);
    int cap = 0;
    SwitchCase *cases = NULL;
    for (;;) {
        if (match(p, TOK_CASE)) {
            if (s->ncases == cap)
                cases = xrealloc(cases, (size_t)(cap = cap ? 2 * cap : 8) * sizeof *cases);
            SwitchCase *c = &cases[s->ncases++];
            c->line = p->previous.line;
            c->value = expression(p);
            c->body = check(p, TOK_LEFT_BRACE) ? statement(p) : NULL;
        } else if (!s->default_body && match(p, TOK_DEFAULT)) {
            s->default_body = statement(p);
        } else {
            break;
        }
    }
    pop_breakable(p);
    consume(p, TOK_RIGHT_BRACE, "Expect '}' after switch body.");
    s->cases = ast_alloc(p->arena, (size_t)(s->ncases ? s->ncases : 1) * sizeof *cases);
    if (s->ncases)
        memcpy(s->cases, cases, (size_t)s->ncases * sizeof *cases);
    free(cases);
    return s;
}

static Stmt *break_statement(Parser *p) {
    Stmt *s = new_stmt(p, STMT_BREAK, &p->previous);
    if (!p->fs->breakable) {
        fe_error_prev(p, "Can't use break outside of a loop or switch statement.");
        return NULL;
    }
    s->target = p->fs->breakable->stmt;
    optional_semicolon(p);
    return s;
}

static Stmt *continue_statement(Parser *p) {
    Stmt *s = new_stmt(p, STMT_CONTINUE, &p->previous);
    Breakable *b = p->fs->breakable;
    while (b && !b->is_loop)
        b = b->enclosing;
    if (!b) {
        fe_error_prev(p, "Can't use continue outside of a loop statement.");
        return NULL;
    }
    s->target = b->stmt;
    optional_semicolon(p);
    return s;
}

static Stmt *return_statement(Parser *p) {
    Stmt *s = new_stmt(p, STMT_RETURN, &p->previous);
    FunctionKind kind = p->fs->fn->kind;
    if (kind == FN_SCRIPT)
        fe_error_prev(p, "Can't return from top-level code.");
    if (!match(p, TOK_SEMICOLON)) {
        if (kind == FN_INIT)
            fe_error_prev(p, "Can't return a value from an initializer.");
        s->expr = expression(p);
        optional_semicolon(p);
    }
    s->line = p->previous.line;
    return s;
}

static Stmt *assert_statement(Parser *p) {
    Stmt *s = new_stmt(p, STMT_ASSERT, &p->previous);
    consume(p, TOK_LEFT_PAREN, "Expect '(' after 'assert'.");
    s->expr = expression(p);
    if (match(p, TOK_COMMA))
        s->value = expression(p);
    consume(p, TOK_RIGHT_PAREN, "Expect ')' after assert.");
    s->line = p->previous.line;
    optional_semicolon(p);
    return s;
}

/* One `alias? "path"`: binds alias, or the path's last component minus `.sox`. */
static Stmt *import_spec(Parser *p, const Token *kw) {
    Token alias = {0};
    if (match(p, TOK_IDENTIFIER))
        alias = p->previous;
    consume(p, TOK_STRING, "Expect module path string.");
    if (p->panic)
        return NULL;
    Token path = p->previous;
    Stmt *s = new_stmt(p, STMT_IMPORT, kw);
    s->line = path.line;
    Token bind = alias.start ? alias : path;
    if (!alias.start) {
        const char *b = path.start + 1, *e = path.start + path.len - 1;
        for (const char *q = b; q < e; q++)
            if (*q == '/')
                b = q + 1;
        if (e - b > 4 && memcmp(e - 4, ".sox", 4) == 0)
            e -= 4;
        bind.start = b;
        bind.len = (int)(e - b);
    }
    s->name = token_name(p, &bind);
    s->module = fe_import_module(p, &path);
    s->var = fe_declare(p, &bind);
    fe_mark_initialized(p);
    return s->module ? s : NULL;
}

static Stmt *import_declaration(Parser *p) {
    Token kw = p->previous;
    StmtList list = {0};
    if (match(p, TOK_LEFT_PAREN)) {
        while (!check(p, TOK_RIGHT_PAREN) && !check(p, TOK_EOF) && !p->panic) {
            stmts_add(&list, import_spec(p, &kw));
            optional_semicolon(p);
        }
        consume(p, TOK_RIGHT_PAREN, "Expect ')' after import list.");
    } else {
        stmts_add(&list, import_spec(p, &kw));
    }
    optional_semicolon(p);
    if (!list.first || list.first == list.last)
        return list.first;
    Stmt *group = new_stmt(p, STMT_BLOCK, &kw);      /* no scope: bindings stay visible */
    group->body = list.first;
    return group;
}

static Stmt *statement(Parser *p) {
    Token t = p->current;
    switch (t.kind) {
    case TOK_BREAK: advance(p); return break_statement(p);
    case TOK_CONTINUE: advance(p); return continue_statement(p);
    case TOK_PRINT: advance(p); return print_statement(p);
    case TOK_IF: advance(p); return if_statement(p);
    case TOK_SWITCH: advance(p); return switch_statement(p);
    case TOK_RETURN: advance(p); return return_statement(p);
    case TOK_WHILE: advance(p); return while_statement(p);
    case TOK_FOR: advance(p); return for_statement(p);
    case TOK_FOREACH: advance(p); return foreach_statement(p);
    case TOK_ASSERT: advance(p); return assert_statement(p);
    case TOK_LEFT_BRACE: advance(p); return block(p, &t);
    default: return expression_statement(p);
    }
}

static Stmt *declaration_nested(Parser *p);

static Stmt *declaration(Parser *p) {
    if (too_deep(p))
        return NULL;
    p->depth++;
    Stmt *s = declaration_nested(p);
    p->depth--;
    return s;
}

static Stmt *declaration_nested(Parser *p) {
    Stmt *s;
    if (match(p, TOK_CLASS))
        s = class_declaration(p);
    else if (match(p, TOK_HASH))
        s = attribute(p);
    else if (match(p, TOK_DEFER))
        s = defer_declaration(p);
    else if (match(p, TOK_FN))
        s = fn_declaration(p, false);
    else if (match(p, TOK_VAR))
        s = var_declaration(p);
    else if (match(p, TOK_IMPORT))
        s = import_declaration(p);
    else
        s = statement(p);
    if (p->panic)
        synchronize(p);
    return s;
}

bool fe_parse_module(Frontend *fe, Module *m) {
    Parser p = {.fe = fe, .arena = &fe->prog->arena, .module = m};
    scan_init(&p.scanner, m->source, m->source_len);
    FunctionKind kind = m->index == 0 ? FN_SCRIPT : FN_MODULE;
    m->body = fe_function(&p, kind, "script", 6, 1);
    FuncState fs;
    fe_func_begin(&p, &fs, m->body);
    advance(&p);
    StmtList list = {0};
    while (!match(&p, TOK_EOF))
        stmts_add(&list, declaration(&p));
    m->body->body = list.first;
    m->body->end_line = p.previous.line;
    fe_func_end(&p);
    return !p.had_error;
}
