/* ast.h — the resolved abstract syntax tree of a whole Sox program.
 *
 * This header is the contract between the front end (scanner, parser, resolver,
 * import bundling: compiler/scan.c, parse.c, resolve.c, module.c) and the back end
 * (compiler/lower*.c, ir*.c, codegen*.c).  The front end hands over one Program:
 * every module the main file imports (transitively) is parsed into it, and every
 * name is already resolved, so the back end never looks a name up.
 *
 * Memory: everything below is owned by the Program (nodes and strings in its
 * arena, growable lists malloc'ed) and released at once by program_free()
 * (frontend.h).  Nothing is shared between two Programs.
 *
 * ---- Variables (the resolver's annotations) --------------------------------
 * A name occurrence carries a VarRef:
 *   VAR_GLOBAL  index = program-wide global slot (Program.globals[index]).  Globals
 *               are fixed data slots; ONE namespace for all modules.  An unset slot
 *               holds SOX_UNDEF; reading or assigning it is the runtime error
 *               `Undefined variable 'NAME'.` (sox_undefined_variable).  A *declaration*
 *               of a global (var/fn/class/import at a module's top level) stores
 *               without that check.
 *   VAR_LOCAL   index = local number in the current Function (Function.locals[index]).
 *               Every declaration gets its own number (numbers are never reused by
 *               later scopes), so leaving a scope needs no code.  If
 *               locals[index].captured, the variable lives in a heap cell
 *               (sox_cell_new): the local holds the cell, reads/writes go through
 *               cell->value.  The cell is created when the declaration executes, so
 *               a declaration executed again (a loop body) makes a fresh variable.
 *   VAR_CAPTURE index = position in the current Function's captures[] (the closure's
 *               cells[index]); always goes through the cell.
 *
 * Captures work like clox upvalues: Function.captures[i] names either a local of
 * the directly enclosing function (from_local: that local is captured, its slot
 * holds the cell) or a capture of the enclosing function (!from_local).  When a
 * Function's closure is created (STMT_FUNCTION, STMT_CLASS methods, STMT_DEFER), the
 * back end fills closure->cells[i] from those, in the creating function.
 *
 * ---- Lines -----------------------------------------------------------------
 * Every node has `line`: the Sox source line that the runtime error trace must
 * show if this node's operation fails (SOX_LANGUAGE.md §12.2).  It follows clox:
 * the line of the token just before the operation's instruction is emitted, i.e.
 * for a binary operator the last token of its right operand, for a call the `)`,
 * for `a.b` the `b`, for a variable the identifier, for `print e` the last token of
 * e, for `assert(...)` the `)`.  `col` is the column of the node's main token (for
 * diagnostics only).  Function.end_line is the line of the body's closing `}`
 * (the implicit return, defers run there).
 */
#ifndef SOX_AST_H
#define SOX_AST_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Arena -------------------------------------------------------------------- */
typedef struct AstArenaBlock AstArenaBlock;
typedef struct AstArena { AstArenaBlock *head; } AstArena;
void *ast_alloc(AstArena *a, size_t n);          /* zeroed, 16-byte aligned */
char *ast_strndup(AstArena *a, const char *s, size_t n);
void ast_arena_free(AstArena *a);

typedef struct Module Module;
typedef struct Function Function;
typedef struct Expr Expr;
typedef struct Stmt Stmt;

/* ---- Variable references ---------------------------------------------------- */
typedef enum VarKind { VAR_GLOBAL, VAR_LOCAL, VAR_CAPTURE } VarKind;

typedef struct VarRef {
    VarKind kind;
    int index;                  /* global slot, local number, or capture number */
    const char *name;           /* the source name ("this", "super" for hidden ones) */
} VarRef;

typedef struct Local {
    const char *name;
    bool captured;              /* some inner function refers to it: lives in a cell */
    bool is_param;              /* params[k] / the receiver `this` */
    int line;
} Local;

typedef struct Capture {
    bool from_local;            /* true: enclosing function's local `index` (a cell);
                                   false: enclosing function's capture `index` */
    int index;
    const char *name;
} Capture;

typedef enum GlobalKind {
    GLOBAL_USER,                /* starts SOX_UNDEF unless it is a native name (the back end
                                   initialises every GLOBAL_USER slot with
                                   sox_native_lookup(name), which is SOX_UNDEF for non-natives) */
    GLOBAL_ARGC,                /* starts as sox_argc_value() */
    GLOBAL_ARGV,                /* starts as sox_argv_value() */
    GLOBAL_MODULE_CACHE,        /* hidden: a module's value, SOX_UNDEF until it has run */
} GlobalKind;

typedef struct Global {
    const char *name;           /* the Sox name; hidden slots have a name starting with '<' */
    GlobalKind kind;
    int name_id;                /* Program.names index of name (undefined-variable errors) */
    int writes;                 /* declarations and assignments anywhere in the program */
    Function *fn;               /* the function of its first `fn` declaration, or NULL */
    Stmt *class_decl;           /* its first `class` declaration, or NULL */
} Global;

/* ---- Expressions ------------------------------------------------------------- */
typedef enum ExprKind {
    EXPR_NIL, EXPR_TRUE, EXPR_FALSE,
    EXPR_NUMBER,                /* number */
    EXPR_STRING,                /* string, string_len (raw bytes, no escapes) */
    EXPR_VAR,                   /* var: read a variable */
    EXPR_ASSIGN,                /* var = value; yields value */
    EXPR_THIS,                  /* var: the receiver (a local or capture named "this") */
    EXPR_UNARY,                 /* op (OP_NEG, OP_NOT), left */
    EXPR_BINARY,                /* op, left, right (arithmetic, comparison, equality) */
    EXPR_AND, EXPR_OR,          /* left, right: short-circuit, yields an operand */
    EXPR_CALL,                  /* callee(args) */
    EXPR_GET,                   /* object.name */
    EXPR_SET,                   /* object.name = value; yields value */
    EXPR_INVOKE,                /* object.name(args): method call (sox_invoke), a table
                                   member is called without a receiver */
    EXPR_SUPER_GET,             /* super.name: a bound method; var = `super` (the
                                   superclass), this_var = `this` */
    EXPR_SUPER_INVOKE,          /* super.name(args), same fields as EXPR_SUPER_GET + args */
    EXPR_INDEX,                 /* object[index] */
    EXPR_INDEX_SET,             /* object[index] = value; yields value */
    EXPR_SLICE,                 /* object[left:right]; left/right NULL = omitted (SOX_UNDEF) */
    EXPR_ARRAY,                 /* {e1, e2, ...} -> new array of args[] */
    EXPR_TABLE,                 /* {k1: v1, ...} -> new table; keys[i] (names) and args[i]
                                   (values), inserted left to right; {} = empty table */
} ExprKind;

typedef enum BinaryOp {
    OP_ADD, OP_SUB, OP_MUL, OP_DIV,
    OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
    OP_NEG, OP_NOT,             /* unary */
} BinaryOp;

/* A name used as a runtime string (property name, table key, global name in an error):
 * `id` indexes Program.names, so the back end can intern each once at start-up. */
typedef struct Name {
    const char *text;           /* NUL-terminated copy */
    uint32_t len;
    int id;
} Name;

/* Fields are used only by the kinds their comments name; those in one anonymous
 * union are never used by the same kind (a big program has many nodes). */
struct Expr {
    ExprKind kind;
    int line, col;
    BinaryOp op;
    union {
        double number;          /* EXPR_NUMBER */
        Name string;            /* EXPR_STRING: the literal (text may contain newlines) */
        Name name;              /* EXPR_GET/SET/INVOKE/SUPER_*: the property or method */
    };
    VarRef var;                 /* EXPR_VAR/ASSIGN/THIS, EXPR_SUPER_*: the `super` variable */
    VarRef this_var;            /* EXPR_SUPER_*: the receiver */
    Expr *object;               /* EXPR_GET/SET/INVOKE/INDEX/INDEX_SET/SLICE; EXPR_CALL: callee */
    Expr *index;                /* EXPR_INDEX/INDEX_SET */
    Expr *left, *right;         /* unary/binary/and/or; EXPR_SLICE bounds (NULL = omitted) */
    Expr *value;                /* EXPR_ASSIGN/SET/INDEX_SET: the assigned value */
    Expr **args;                /* call/invoke arguments, array elements, table values */
    int nargs;
    Name *keys;                 /* EXPR_TABLE: nargs keys */
};

/* ---- Statements -------------------------------------------------------------- */
typedef enum StmtKind {
    STMT_EXPR,                  /* expr; */
    STMT_PRINT,                 /* print expr */
    STMT_VAR,                   /* var `var` = expr; expr NULL = nil.  `var a[]` gives an
                                   EXPR_ARRAY with 0 elements, `var a[] = {}` likewise (an
                                   empty array, recommended §6.1), `var a[] = e` binds e */
    STMT_BLOCK,                 /* { body... } */
    STMT_IF,                    /* if cond then else_ (else_ may be NULL) */
    STMT_WHILE,                 /* while cond body */
    STMT_FOR,                   /* for init; expr; value body — init (STMT_VAR/STMT_EXPR),
                                   the condition expr and the increment value may be NULL; the
                                   init variable is ONE variable for all iterations (§6.6);
                                   `continue` runs the increment */
    STMT_FOREACH,               /* foreach var `var`, `var2` in expr body: both are fresh
                                   locals declared per iteration; expr is the container,
                                   evaluated once (sox_foreach_check / sox_foreach_next) */
    STMT_SWITCH,                /* switch expr { cases default_body } — see SwitchCase */
    STMT_BREAK,                 /* target: the innermost loop or switch */
    STMT_CONTINUE,              /* target: the innermost loop */
    STMT_RETURN,                /* return value; value NULL = `return;` (nil, or `this` in
                                   an initializer).  Runs the function's defers first (after
                                   evaluating value).  In a module body, gives the module's value */
    STMT_FUNCTION,              /* fn: create a closure for `fn`, store it in target */
    STMT_CLASS,                 /* class: see below */
    STMT_DEFER,                 /* defer () { fn->body }: push a closure of fn (name "defer",
                                   arity 0) on the current function's defer list */
    STMT_ASSERT,                /* assert(cond, value): value NULL = no message (SOX_UNDEF) */
    STMT_IMPORT,                /* import alias "path": run module (once) and bind target */
} StmtKind;

/* One `case` of a switch.  body == NULL: a fall-through label; if it matches, control
 * goes to the body of the next case that has one (none: leave the switch).  Cases are
 * tried in source order, each value evaluated only until the first match (==, §5.2);
 * the default runs only after every case failed, wherever it appears. */
typedef struct SwitchCase {
    Expr *value;
    Stmt *body;                 /* STMT_BLOCK or NULL */
    int line;
} SwitchCase;

/* As in Expr, fields sharing an anonymous union belong to different kinds: read a
 * field only for the kinds its comment names. */
struct Stmt {
    StmtKind kind;
    int line, col;
    Stmt *next;                 /* next statement of the enclosing list */
    Expr *expr;                 /* EXPR/PRINT/RETURN value/ASSERT cond, VAR init,
                                   IF/WHILE/FOR cond, FOREACH container, SWITCH subject */
    Expr *value;                /* ASSERT message; FOR increment */
    Stmt *body;                 /* BLOCK: first statement (list); loop / foreach body;
                                   IF then-branch */
    union {
        Stmt *else_;            /* IF else-branch (NULL: none) */
        Stmt *init;             /* FOR initializer (NULL: none) */
        Stmt *default_body;     /* SWITCH: the default statement (NULL: none) */
        Stmt *target;           /* BREAK/CONTINUE: the loop or switch it leaves/continues */
    };
    VarRef var;                 /* VAR/FUNCTION/CLASS/IMPORT: the declared variable (a
                                   VAR_GLOBAL at a module's top level, else VAR_LOCAL);
                                   FOREACH: the index variable */
    VarRef var2;                /* FOREACH: the value variable; CLASS: the hidden local
                                   `super` (declared only when superclass != NULL; holds the
                                   superclass value for the methods' super calls) */
    bool is_array_decl;         /* VAR: written `var a[] ...` */
    Function *fn;               /* FUNCTION/DEFER: the function */
    Name name;                  /* CLASS: the class name (sox_class_new); IMPORT: the binding */
    union {
        struct {                /* CLASS */
            Expr *superclass;   /* EXPR_VAR or NULL (sox_class_inherit) */
            Function **methods; /* in source order; later duplicates win */
            int nmethods;
        };
        struct {                /* SWITCH */
            SwitchCase *cases;
            int ncases;
        };
        Module *module;         /* IMPORT */
    };
};

/* ---- Functions --------------------------------------------------------------- */
typedef enum FunctionKind {
    FN_SCRIPT,                  /* top level of the main file (trace name "script") */
    FN_MODULE,                  /* top level of an imported module (trace name "script"),
                                   called at its first import; returns the module value */
    FN_FUNCTION,                /* fn name(...) */
    FN_METHOD,                  /* class method: code(closure, this, args...) */
    FN_INIT,                    /* method `init`: returns `this` (SOX_FN_INIT) */
    FN_DEFER,                   /* defer () {...}: 0 params, name "defer" */
} FunctionKind;

struct Function {
    FunctionKind kind;
    const char *name;           /* "script", "defer", or the Sox name */
    int id;                     /* index in Program.functions (unique label names) */
    int line, end_line;         /* the `fn`/name token; the closing `}` */
    Module *module;
    Function *enclosing;        /* NULL for FN_SCRIPT / FN_MODULE */
    int arity;                  /* Sox parameters (not the closure or `this`) */
    int *params;                /* arity local numbers, in order */
    int this_local;             /* FN_METHOD/FN_INIT: local number of `this`, else -1 */
    Local *locals;              /* nlocals entries, indexed by local number */
    int nlocals;
    Capture *captures;          /* ncaptures entries: the closure's cells */
    int ncaptures;
    Stmt *body;                 /* first statement of the body (a list) */
    bool has_defer;             /* a STMT_DEFER occurs directly in this function: keep a
                                   per-frame defer list, run it (sox_defers_run) on every
                                   normal exit */
    bool is_test;               /* declared with #[test] (only at a module's top level) */
};

/* ---- Modules and the program ---------------------------------------------------- */
struct Module {
    const char *path;           /* file name as opened (used in diagnostics) */
    const char *source;         /* the file contents (NUL-terminated) */
    size_t source_len;          /* bytes (the file may itself contain NULs) */
    Function *body;             /* FN_SCRIPT for the main file, FN_MODULE otherwise */
    int cache_slot;             /* GLOBAL_MODULE_CACHE slot (imported modules), else -1 */
    int index;                  /* in Program.modules */
};

typedef struct Program {
    AstArena arena;
    const char *main_path;
    Module **modules;           /* modules[0] = the main file, then imported modules in
                                   the order their first import was compiled */
    int nmodules;
    Function **functions;       /* every function, parents before children; [0] = script */
    int nfunctions;
    Global *globals;            /* every global slot; the first ones are argc, argv */
    int nglobals;
    Name *names;                /* distinct runtime strings (literals, property names,
                                   table keys, global names); Name.id indexes this */
    int nnames;
    int main_global;            /* slot of the main file's top-level `fn main`, or -1;
                                   after the top-level code (and its defers) the program
                                   calls that global's value with (argc, argv) through
                                   sox_call (its arity error is reported at end_line) */
    Function **tests;           /* #[test] functions of the main file, in source order */
    int *test_globals;          /* their global slots */
    int ntests;
    int end_line;               /* last line of the main file */
} Program;

const char *expr_kind_name(ExprKind k);
const char *stmt_kind_name(StmtKind k);
/* Debug dump of the resolved AST (soxcc -dump-ast). */
struct Buf;
void ast_dump(const Program *p, struct Buf *out);

#endif
