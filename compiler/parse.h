/* parse.h — private interface between the parser (parse.c), the resolver's scope
 * bookkeeping (resolve.c) and module bundling (module.c).
 *
 * Parsing and resolving happen in one pass, like clox: names are resolved the
 * moment they are parsed, so resolver errors interleave with syntax errors in
 * source order and share the parser's panic-mode recovery (SOX_LANGUAGE.md §12.1). */
#ifndef SOX_PARSE_H
#define SOX_PARSE_H
#include "compiler/ast.h"
#include "compiler/frontend.h"
#include "compiler/scan.h"
#include "compiler/strmap.h"

#define MAX_LOCALS 256          /* live locals per function, counting the reserved slot */
#define MAX_CAPTURES 256
#define MAX_ARGS 255
#define MAX_NESTING 1000        /* statements + expressions: bounds the parser's recursion */

/* Program-wide state shared by the parsers of all modules. */
typedef struct Frontend {
    Program *prog;
    const FrontendOptions *opts;
    StrMap globals;             /* name -> global slot */
    StrMap names;               /* runtime string -> Program.names id */
    StrMap modules;             /* canonical path -> Program.modules index */
    int cap_modules, cap_functions, cap_globals, cap_names, cap_tests;
    int *module_loading;        /* per module: 1 while its parse is in progress */
} Frontend;

/* A live local variable in the current function's scopes. */
typedef struct ActiveLocal {
    const char *name;
    int len;
    int depth;                  /* -1: declared, initializer not finished */
    int index;                  /* Function.locals number, -1 for the reserved slot */
} ActiveLocal;

/* A loop or switch that break/continue can target. */
typedef struct Breakable {
    Stmt *stmt;
    bool is_loop;
    struct Breakable *enclosing;
} Breakable;

typedef struct FuncState {
    struct FuncState *enclosing;
    Function *fn;
    ActiveLocal active[MAX_LOCALS];
    int nactive;
    int scope_depth;
    int cap_locals, cap_captures;
    Breakable *breakable;       /* innermost loop or switch */
} FuncState;

typedef struct ClassState {
    struct ClassState *enclosing;
    bool has_superclass;
} ClassState;

typedef struct Parser {
    Frontend *fe;
    AstArena *arena;
    Module *module;
    Scanner scanner;
    Token previous, current;
    bool had_error, panic;
    bool gave_up;               /* nesting too deep: the rest of the file is skipped */
    int depth;
    FuncState *fs;
    ClassState *cls;
    bool seen_main;
} Parser;

/* parse.c */
void fe_error_at(Parser *p, const Token *t, const char *message);
void fe_error_prev(Parser *p, const char *message);
/* Parses the module's whole source into m->body; returns false after errors. */
bool fe_parse_module(Frontend *fe, Module *m);

/* resolve.c — scopes, locals, captures, globals */
void fe_func_begin(Parser *p, FuncState *fs, Function *fn);
void fe_func_end(Parser *p);
void fe_scope_begin(Parser *p);
void fe_scope_end(Parser *p);
/* Declares the name in `previous`/`t` in the current scope: a global at a module's
 * top level, else a new local (initialised later with fe_mark_initialized). */
VarRef fe_declare(Parser *p, const Token *t);
VarRef fe_declare_hidden(Parser *p, const char *name);
void fe_mark_initialized(Parser *p);
VarRef fe_resolve(Parser *p, const char *name, int len);
int fe_global(Frontend *fe, const char *name, size_t len, GlobalKind kind);
Name fe_name(Frontend *fe, const char *text, size_t len);
Function *fe_function(Parser *p, FunctionKind kind, const char *name, int len, int line);

/* module.c */
/* Resolves an import path (a TOK_STRING token) and parses the module if it is new.
 * Returns NULL after reporting an error. */
Module *fe_import_module(Parser *p, const Token *path_tok);
#endif
