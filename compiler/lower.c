/* lower.c — the resolved AST (ast.h) to IR (ir.h), for the whole program.
 *
 * Every AST Function becomes one IrFunc.  Roots (the GC-visible data array) hold,
 * in order: the program's globals, the interned runtime names (Program.names), then
 * extra interned strings the back end needs (method names, global names for error
 * messages).  The main script is the program entry: it registers the program,
 * fills the roots, runs the top-level code and its defers, then calls main.
 *
 * Locals are vregs; a captured local holds its heap cell instead, and every access
 * goes through cell->value.  The closure's cells are loaded into vregs once at
 * function entry. */
#include <stdlib.h>
#include <string.h>
#include "compiler/ast.h"
#include "compiler/ir.h"
#include "compiler/lower.h"
#include "runtime/sox_abi.h"

#define CLOSURE_CELLS 40    /* SoxClosure.cells */
#define CELL_VALUE 16       /* SoxCell.value */

typedef struct Jump { const Stmt *stmt; IrBlock *brk, *cont; } Jump;

typedef struct Lower {
    const Program *prog;
    IrProgram *ir;
    int test_mode;
    int names_base;         /* root of Program.names[0] */
    IrFunc **funcs;         /* per Function.id */
    /* the function being lowered */
    const Function *fn;
    IrFunc *f;
    int *local;             /* per local number: its vreg */
    int *cell;              /* per capture: vreg holding the cell pointer */
    int closure;            /* vreg: the running closure */
    int defers;             /* vreg: the defer list, -1 if none */
    uint8_t *defined;       /* per global: surely defined here (no undefined check) */
    uint8_t *method_name;   /* per Program.names id: some class has a method of that name */
    const Stmt **method_class;  /* per Function.id: the top-level class declaring the method */
    const Stmt **decl;      /* per global: its first declaration at a module's top level */
    const Function **decl_body;   /* ... and that module's body */
    int depth;              /* statement nesting in the current function */
    Jump *jumps;
    int njumps, capjumps;
} Lower;

static int lower_expr(Lower *L, const Expr *e);
static void lower_stmts(Lower *L, const Stmt *s);
static void lower_stmt(Lower *L, const Stmt *s);

/* ---- data the program needs ------------------------------------------------ */

static int add_string(IrProgram *ir, const char *chars, int len, int root) {
    if (ir->nstrings == ir->capstrings) {
        ir->capstrings = ir->capstrings ? 2 * ir->capstrings : 64;
        ir->strings = xrealloc(ir->strings, ir->capstrings * sizeof *ir->strings);
    }
    ir->strings[ir->nstrings] = (IrString){chars, len, root};
    return ir->nstrings++;
}

static const char *string_sym(Lower *L, int index) { return ir_own(L->ir, xformat(".Lstr%d", index)); }

/* A new root slot holding the interned string `chars`. */
static int intern_root(Lower *L, const char *chars, int len) {
    int root = L->ir->nroots++;
    add_string(L->ir, chars, len, root);
    return root;
}

static int name_root(Lower *L, Name n) { return L->names_base + n.id; }

static int global_name_root(Lower *L, int g) {
    return L->names_base + L->prog->globals[g].name_id;
}

static int new_cache(Lower *L) { return L->ir->ncaches++; }

/* ---- small emit helpers ----------------------------------------------------- */

static void set_line(Lower *L, int line) { if (line > 0) L->f->line = line; }

static void arg_vreg(IrInstr *in, int k, int v) { in->args[k] = (IrArg){ARG_VREG, v, NULL}; }
static void arg_imm(IrInstr *in, int k, int64_t v) { in->args[k] = (IrArg){ARG_IMM, v, NULL}; }
static void arg_sym(IrInstr *in, int k, const char *s) { in->args[k] = (IrArg){ARG_SYM, 0, s}; }
static void arg_buf(IrInstr *in, int k, int word) { in->args[k] = (IrArg){ARG_BUF, word, NULL}; }

static int rtcall1(Lower *L, const char *sym, int a) {
    int d = ir_vreg(L->f);
    arg_vreg(ir_rtcall(L->f, d, sym, 1), 0, a);
    return d;
}

static int root_get(Lower *L, int root) {
    int d = ir_vreg(L->f);
    ir_emit(L->f, IR_ROOT_GET, d, -1, -1)->imm = root;
    return d;
}

static int load(Lower *L, int base, int offset) {
    int d = ir_vreg(L->f);
    ir_emit(L->f, IR_LOAD, d, base, -1)->imm = offset;
    return d;
}

static void store(Lower *L, int base, int offset, int v) {
    ir_emit(L->f, IR_STORE, -1, base, v)->imm = offset;
}

static void mov(Lower *L, int dst, int src) { ir_emit(L->f, IR_MOV, dst, src, -1); }

/* Evaluates the argument expressions into vregs (so nested calls are done) and
 * then copies them into the frame's scratch buffer words [0, n). */
static void args_to_buf(Lower *L, Expr **args, int n, int *vals) {
    for (int i = 0; i < n; i++) vals[i] = lower_expr(L, args[i]);
    ir_buf_words(L->f, n);
    for (int i = 0; i < n; i++) ir_emit(L->f, IR_BUF_STORE, -1, vals[i], -1)->imm = i;
}

/* ---- variables ---------------------------------------------------------------- */

/* Whether global g cannot be SOX_UNDEF here: argc/argv always hold a value, and
 * in a script or module body so does a global declared earlier at its top level. */
static int is_body(const Function *fn) { return fn->kind == FN_SCRIPT || fn->kind == FN_MODULE; }

/* A function runs only once its closure exists, which the top-level statement declaring it
 * (or the function it is nested in) creates: every global declared by an earlier statement
 * of that module body is defined by then, and so is the function's or class's own global. */
static int defined_before(const Lower *L, const Function *fn, int g) {
    const Function *top = fn;
    while (top->enclosing && !is_body(top->enclosing)) top = top->enclosing;
    const Stmt *d = L->decl[g];
    if (!d || !top->enclosing || L->decl_body[g] != top->enclosing) return 0;
    if (d->kind == STMT_FUNCTION && d->fn == top) return 1;
    if (d->kind == STMT_CLASS)
        for (int i = 0; i < d->nmethods; i++)
            if (d->methods[i] == top) return 1;
    return d->line < top->line;   /* a declaration holds no function but its own */
}

static int surely_defined(Lower *L, int g) {
    GlobalKind k = L->prog->globals[g].kind;
    if (k == GLOBAL_ARGC || k == GLOBAL_ARGV) return 1;
    if (!is_body(L->fn)) return defined_before(L, L->fn, g);
    return L->defined[g];
}

static int read_var(Lower *L, VarRef v) {
    switch (v.kind) {
    case VAR_GLOBAL: {
        int d = ir_vreg(L->f);
        IrInstr *in = ir_emit(L->f, IR_GLOBAL_GET, d, -1, -1);
        in->imm = v.index;
        in->imm2 = surely_defined(L, v.index) ? -1 : global_name_root(L, v.index);
        return d;
    }
    case VAR_LOCAL:
        if (L->fn->locals[v.index].captured) return load(L, L->local[v.index], CELL_VALUE);
        return L->local[v.index];
    case VAR_CAPTURE:
        return load(L, L->cell[v.index], CELL_VALUE);
    }
    return -1;
}

static void write_var(Lower *L, VarRef v, int val) {
    switch (v.kind) {
    case VAR_GLOBAL: {
        IrInstr *in = ir_emit(L->f, IR_GLOBAL_SET, -1, val, -1);
        in->imm = v.index;
        in->imm2 = surely_defined(L, v.index) ? -1 : global_name_root(L, v.index);
        break;
    }
    case VAR_LOCAL:
        if (L->fn->locals[v.index].captured) store(L, L->local[v.index], CELL_VALUE, val);
        else mov(L, L->local[v.index], val);
        break;
    case VAR_CAPTURE:
        store(L, L->cell[v.index], CELL_VALUE, val);
        break;
    }
}

/* A declaration: globals are stored without the undefined check, and a captured
 * local gets a fresh cell each time the declaration runs. */
static void declare_var(Lower *L, VarRef v, int val) {
    if (v.kind == VAR_GLOBAL) {
        ir_emit(L->f, IR_GLOBAL_DEF, -1, val, -1)->imm = v.index;
    } else if (v.kind == VAR_LOCAL && L->fn->locals[v.index].captured) {
        mov(L, L->local[v.index], rtcall1(L, "sox_cell_new", val));
    } else {
        write_var(L, v, val);
    }
}

/* ---- closures ------------------------------------------------------------------ */

static int make_closure(Lower *L, const Function *fn) {
    IrFunc *target = L->funcs[fn->id];
    int clo = ir_vreg(L->f);
    IrInstr *in = ir_rtcall(L->f, clo, "sox_closure_new", 2);
    arg_sym(in, 0, target->info_sym);
    arg_sym(in, 1, target->sym);
    if (fn->ncaptures == 0) return clo;
    int raw = ir_vreg(L->f);
    ir_emit(L->f, IR_UNTAG, raw, clo, -1);
    for (int i = 0; i < fn->ncaptures; i++) {
        Capture c = fn->captures[i];
        int cellv = c.from_local ? L->local[c.index] : L->cell[c.index];
        int cellp = ir_vreg(L->f);
        ir_emit(L->f, IR_UNTAG, cellp, cellv, -1);
        store(L, raw, CLOSURE_CELLS + 8 * i, cellp);
    }
    return clo;
}

/* ---- expressions ------------------------------------------------------------------ */

static uint64_t number_bits(double d) {
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static IrOp binary_op(BinaryOp op) {
    static const IrOp map[] = {
        [OP_ADD] = IR_ADD, [OP_SUB] = IR_SUB, [OP_MUL] = IR_MUL, [OP_DIV] = IR_DIV,
        [OP_EQ] = IR_EQ, [OP_NE] = IR_NE, [OP_LT] = IR_LT, [OP_LE] = IR_LE,
        [OP_GT] = IR_GT, [OP_GE] = IR_GE, [OP_NEG] = IR_NEG, [OP_NOT] = IR_NOT,
    };
    return map[op];
}

static int lower_logical(Lower *L, const Expr *e) {
    int r = ir_vreg(L->f);
    mov(L, r, lower_expr(L, e->left));
    IrBlock *right = ir_block_new(L->f), *end = ir_block_new(L->f);
    if (e->kind == EXPR_AND) ir_br(L->f, r, right, end);
    else ir_br(L->f, r, end, right);
    ir_set_block(L->f, right);
    mov(L, r, lower_expr(L, e->right));
    ir_jmp(L->f, end);
    ir_set_block(L->f, end);
    return r;
}

/* The global a call's callee reads when its one declaration is all that ever sets it and
 * it is surely made here: its value is what that declaration made.  NULL otherwise. */
static const Global *constant_callee(Lower *L, const Expr *e) {
    const Expr *c = e->object;
    if (c->kind != EXPR_VAR || c->var.kind != VAR_GLOBAL) return NULL;
    const Global *g = &L->prog->globals[c->var.index];
    return g->writes == 1 && surely_defined(L, c->var.index) ? g : NULL;
}

/* The function a call surely reaches: one declared by `fn`, taking this many
 * arguments.  NULL otherwise. */
static const Function *known_callee(Lower *L, const Expr *e) {
    const Global *g = constant_callee(L, e);
    return g && g->fn && g->fn->arity == e->nargs ? g->fn : NULL;
}

/* Whether e is a literal: its value is the same in every function. */
static int is_literal(const Expr *e) {
    switch (e->kind) {
    case EXPR_NIL: case EXPR_TRUE: case EXPR_FALSE: case EXPR_NUMBER: case EXPR_STRING:
        return 1;
    default:
        return 0;
    }
}

/* fn's body when it is one `return` statement and fn keeps no defers, else NULL. */
static const Stmt *sole_return(const Function *fn) {
    const Stmt *s = fn->body;
    return !fn->has_defer && s && !s->next && s->kind == STMT_RETURN ? s : NULL;
}

/* Whether fn's body can be skipped by a direct call: it is empty or only returns nothing,
 * a literal or one of its parameters, so running it has no effect and cannot fail (the
 * inlining a C compiler does for such functions, without which an empty function or
 * init costs a whole call).  *result gets the returned expression (NULL: nil/`this`). */
static int is_trivial(const Function *fn, const Expr **result) {
    *result = NULL;
    if (fn->has_defer) return 0;
    if (!fn->body) return 1;
    const Stmt *s = sole_return(fn);
    if (!s) return 0;
    const Expr *v = s->expr;
    if (!v || fn->kind == FN_INIT) return 1;      /* init gives `this` whatever it returns */
    if (is_literal(v)) *result = v;
    else if (v->kind == EXPR_VAR && v->var.kind == VAR_LOCAL && fn->locals[v->var.index].is_param
             && !fn->locals[v->var.index].captured && v->var.index != fn->this_local)
        *result = v;
    else
        return 0;
    return 1;
}

/* The value a trivial function's call gives, given the argument vregs: a parameter is
 * copied, since its argument may be a local's own vreg that the caller assigns later
 * in the same expression. */
static int trivial_result(Lower *L, const Function *fn, const Expr *result, const int *vals) {
    if (!result) return ir_const(L->f, SOX_NIL);
    if (is_literal(result)) return lower_expr(L, result);
    int d = ir_vreg(L->f);
    for (int k = 0; k < fn->arity; k++)
        if (fn->params[k] == result->var.index) mov(L, d, vals[k]);
    return d;
}

/* The class a call surely constructs: a global that only its class declaration sets,
 * made here, whose init (its own, the last one declared, or none in a class without a
 * superclass) takes this many arguments; *init gets that init or NULL.  NULL otherwise. */
static const Stmt *known_class(Lower *L, const Expr *e, const Function **init) {
    const Global *g = constant_callee(L, e);
    const Stmt *s = g ? g->class_decl : NULL;
    if (!s) return NULL;
    *init = NULL;
    for (int i = 0; i < s->nmethods; i++)
        if (s->methods[i]->kind == FN_INIT) *init = s->methods[i];
    if (!*init && s->superclass) return NULL;   /* whatever the superclass brings */
    if ((*init ? (*init)->arity : 0) != e->nargs) return NULL;
    return s;
}

/* method(closure, receiver, args) called straight at the method's code; its value. */
static int direct_method_call(Lower *L, int closure, const Function *method, int receiver,
                              const int *vals, int n) {
    int d = ir_vreg(L->f);
    IrInstr *in = ir_emit(L->f, IR_CALL, d, closure, -1);
    in->sym = L->funcs[method->id]->sym;
    in->nargs = n + 1;
    in->args = xcalloc(n + 2, sizeof *in->args);
    arg_vreg(in, 0, receiver);
    for (int i = 0; i < n; i++) arg_vreg(in, i + 1, vals[i]);
    ir_buf_words(L->f, n + 1);
    return d;
}

/* C(args) of a known class: the instance, then its init called directly (unless it is
 * trivial: then the instance is all there is, and dropped if nobody reads it). */
static int lower_construct(Lower *L, int klass, const Function *init, const int *vals, int n) {
    int instance = ir_vreg(L->f);
    IrInstr *alloc = ir_rtcall(L->f, instance, "sox_instance_new", 1);
    arg_vreg(alloc, 0, klass);
    const Expr *ignored;
    if (!init || is_trivial(init, &ignored)) {
        alloc->no_effect = 1;
        return instance;
    }
    direct_method_call(L, load(L, klass, SOX_CLASS_INIT), init, instance, vals, n);
    return instance;
}

static int lower_call(Lower *L, const Expr *e) {
    int callee = lower_expr(L, e->object);
    int *vals = xcalloc(e->nargs + 1, sizeof *vals);
    for (int i = 0; i < e->nargs; i++) vals[i] = lower_expr(L, e->args[i]);
    set_line(L, e->line);
    const Function *init;
    if (known_class(L, e, &init)) {
        int instance = lower_construct(L, callee, init, vals, e->nargs);
        free(vals);
        return instance;
    }
    const Function *fn = known_callee(L, e);
    const Expr *result;
    if (fn && is_trivial(fn, &result)) {
        int d = trivial_result(L, fn, result, vals);
        free(vals);
        return d;
    }
    int d = ir_vreg(L->f);
    IrInstr *in = ir_emit(L->f, IR_CALL, d, callee, -1);
    in->sym = fn ? L->funcs[fn->id]->sym : NULL;
    in->nargs = e->nargs;
    in->args = xcalloc(e->nargs + 1, sizeof *in->args);
    for (int i = 0; i < e->nargs; i++) arg_vreg(in, i, vals[i]);
    ir_buf_words(L->f, e->nargs);
    free(vals);
    return d;
}

static int lower_invoke(Lower *L, const Expr *e) {
    int recv = lower_expr(L, e->object);
    int *vals = xcalloc(e->nargs + 1, sizeof *vals);
    for (int i = 0; i < e->nargs; i++) vals[i] = lower_expr(L, e->args[i]);
    int name = root_get(L, name_root(L, e->name));
    set_line(L, e->line);
    int d = ir_vreg(L->f);
    IrInstr *in = ir_emit(L->f, IR_INVOKE, d, recv, name);
    in->imm = new_cache(L);
    in->a_instance = e->object->kind == EXPR_THIS;
    in->nargs = e->nargs;
    in->args = xcalloc(e->nargs + 1, sizeof *in->args);
    for (int i = 0; i < e->nargs; i++) arg_vreg(in, i, vals[i]);
    ir_buf_words(L->f, e->nargs);   /* the slow path's argument array */
    free(vals);
    return d;
}

/* The class a top-level class surely inherits from: a global that only its class
 * declaration sets (if it held anything else when cls was declared, the declaration
 * failed and none of cls's methods can run).  NULL otherwise. */
static const Stmt *known_superclass(const Lower *L, const Stmt *cls) {
    const Expr *e = cls->superclass;
    if (!e || e->kind != EXPR_VAR || e->var.kind != VAR_GLOBAL) return NULL;
    const Global *g = &L->prog->globals[e->var.index];
    return g->writes == 1 ? g->class_decl : NULL;
}

/* The method `name` of known class cls as the runtime's method table has it: cls's own
 * last declaration of it, else its superclass's.  NULL when not surely known. */
static const Function *known_method(const Lower *L, const Stmt *cls, const char *name) {
    for (int depth = 0; cls && depth < 64; depth++) {   /* a cycle fails at run time */
        for (int i = cls->nmethods - 1; i >= 0; i--)
            if (!strcmp(cls->methods[i]->name, name)) return cls->methods[i];
        cls = known_superclass(L, cls);
    }
    return NULL;
}

/* The method super.name(args) surely calls, when it can be called directly: in a method of
 * a top-level class with a known superclass, a method taking that many arguments that has
 * no captured variables (its closure is then never read, so none is passed).  NULL otherwise. */
static const Function *known_super_method(const Lower *L, const Expr *e) {
    const Function *fn = L->fn;
    while (fn && fn->kind != FN_METHOD && fn->kind != FN_INIT) fn = fn->enclosing;
    const Stmt *cls = fn ? L->method_class[fn->id] : NULL;
    const Stmt *super = cls ? known_superclass(L, cls) : NULL;
    const Function *m = super ? known_method(L, super, e->name.text) : NULL;
    return m && m->arity == e->nargs && m->ncaptures == 0 ? m : NULL;
}

static int lower_super(Lower *L, const Expr *e) {
    const Function *direct = e->kind == EXPR_SUPER_INVOKE ? known_super_method(L, e) : NULL;
    if (direct) {
        int recv = read_var(L, e->this_var);
        int *vals = xcalloc(e->nargs + 1, sizeof *vals);
        for (int i = 0; i < e->nargs; i++) vals[i] = lower_expr(L, e->args[i]);
        set_line(L, e->line);
        int d = direct_method_call(L, ir_const(L->f, SOX_NIL), direct, recv, vals, e->nargs);
        free(vals);
        return d;
    }
    int super = read_var(L, e->var);
    int recv = read_var(L, e->this_var);
    int name = root_get(L, name_root(L, e->name));
    int d = ir_vreg(L->f);
    if (e->kind == EXPR_SUPER_GET) {
        set_line(L, e->line);
        IrInstr *in = ir_rtcall(L->f, d, "sox_super_get", 3);
        arg_vreg(in, 0, super);
        arg_vreg(in, 1, name);
        arg_vreg(in, 2, recv);
        return d;
    }
    int *vals = xcalloc(e->nargs + 1, sizeof *vals);
    args_to_buf(L, e->args, e->nargs, vals);
    free(vals);
    set_line(L, e->line);
    IrInstr *in = ir_rtcall(L->f, d, "sox_super_invoke", 5);
    arg_vreg(in, 0, super);
    arg_vreg(in, 1, name);
    arg_vreg(in, 2, recv);
    arg_imm(in, 3, e->nargs);
    arg_buf(in, 4, 0);
    return d;
}

static int lower_property(Lower *L, const Expr *e) {
    int obj = lower_expr(L, e->object);
    int val = e->kind == EXPR_SET ? lower_expr(L, e->value) : -1;
    int name = root_get(L, name_root(L, e->name));
    set_line(L, e->line);
    int d = ir_vreg(L->f);
    IrInstr *in = ir_emit(L->f, e->kind == EXPR_GET ? IR_PROP_GET : IR_PROP_SET, d, obj, name);
    in->imm = new_cache(L);
    in->a_instance = e->object->kind == EXPR_THIS;
    /* a read of a name no method has can only give a field (or a table entry): the same
     * value again until something may change it (ir_opt.c); a method would come back as
     * a new bound method each time */
    if (e->kind == EXPR_SET || !L->method_name[e->name.id]) in->imm2 = name_root(L, e->name) + 1;
    if (e->kind == EXPR_SET) {
        in->nargs = 1;
        in->args = xcalloc(1, sizeof *in->args);
        arg_vreg(in, 0, val);
    }
    return d;
}

static int lower_index(Lower *L, const Expr *e) {
    int obj = lower_expr(L, e->object);
    int idx = lower_expr(L, e->index);
    int val = e->kind == EXPR_INDEX_SET ? lower_expr(L, e->value) : -1;
    set_line(L, e->line);
    int d = ir_vreg(L->f);
    if (e->kind == EXPR_INDEX) {
        ir_emit(L->f, IR_INDEX_GET, d, obj, idx);
        return d;
    }
    IrInstr *in = ir_emit(L->f, IR_INDEX_SET, d, obj, idx);
    in->nargs = 1;
    in->args = xcalloc(1, sizeof *in->args);
    arg_vreg(in, 0, val);
    return d;
}

static int lower_slice(Lower *L, const Expr *e) {
    int obj = lower_expr(L, e->object);
    int lo = e->left ? lower_expr(L, e->left) : ir_const(L->f, SOX_UNDEF);
    int hi = e->right ? lower_expr(L, e->right) : ir_const(L->f, SOX_UNDEF);
    set_line(L, e->line);
    int d = ir_vreg(L->f);
    IrInstr *in = ir_rtcall(L->f, d, "sox_slice", 3);
    arg_vreg(in, 0, obj);
    arg_vreg(in, 1, lo);
    arg_vreg(in, 2, hi);
    return d;
}

static int lower_array(Lower *L, const Expr *e) {
    int *vals = xcalloc(e->nargs + 1, sizeof *vals);
    args_to_buf(L, e->args, e->nargs, vals);
    free(vals);
    set_line(L, e->line);
    int d = ir_vreg(L->f);
    IrInstr *in = ir_rtcall(L->f, d, "sox_array_new", 2);
    arg_imm(in, 0, e->nargs);
    arg_buf(in, 1, 0);
    return d;
}

static int lower_table(Lower *L, const Expr *e) {
    set_line(L, e->line);
    int t = ir_vreg(L->f);
    ir_rtcall(L->f, t, "sox_table_new", 0);
    for (int i = 0; i < e->nargs; i++) {
        int v = lower_expr(L, e->args[i]);
        int key = root_get(L, name_root(L, e->keys[i]));
        set_line(L, e->line);
        IrInstr *in = ir_rtcall(L->f, -1, "sox_index_set", 3);
        arg_vreg(in, 0, t);
        arg_vreg(in, 1, key);
        arg_vreg(in, 2, v);
    }
    return t;
}

static int lower_expr(Lower *L, const Expr *e) {
    switch (e->kind) {
    case EXPR_NIL: return ir_const(L->f, SOX_NIL);
    case EXPR_TRUE: return ir_const(L->f, SOX_TRUE);
    case EXPR_FALSE: return ir_const(L->f, SOX_FALSE);
    case EXPR_NUMBER: return ir_const(L->f, number_bits(e->number));
    case EXPR_STRING: return root_get(L, name_root(L, e->string));
    case EXPR_VAR:
    case EXPR_THIS:
        set_line(L, e->line);
        return read_var(L, e->var);
    case EXPR_ASSIGN: {
        int v = lower_expr(L, e->value);
        set_line(L, e->line);
        write_var(L, e->var, v);
        return v;
    }
    case EXPR_UNARY: {
        int a = lower_expr(L, e->left);
        set_line(L, e->line);
        int d = ir_vreg(L->f);
        ir_emit(L->f, binary_op(e->op), d, a, -1);
        return d;
    }
    case EXPR_BINARY: {
        int a = lower_expr(L, e->left);
        int b = lower_expr(L, e->right);
        set_line(L, e->line);
        int d = ir_vreg(L->f);
        ir_emit(L->f, binary_op(e->op), d, a, b);
        return d;
    }
    case EXPR_AND:
    case EXPR_OR: return lower_logical(L, e);
    case EXPR_CALL: return lower_call(L, e);
    case EXPR_GET:
    case EXPR_SET: return lower_property(L, e);
    case EXPR_INVOKE: return lower_invoke(L, e);
    case EXPR_SUPER_GET:
    case EXPR_SUPER_INVOKE: return lower_super(L, e);
    case EXPR_INDEX:
    case EXPR_INDEX_SET: return lower_index(L, e);
    case EXPR_SLICE: return lower_slice(L, e);
    case EXPR_ARRAY: return lower_array(L, e);
    case EXPR_TABLE: return lower_table(L, e);
    }
    return ir_const(L->f, SOX_NIL);
}

/* ---- statements -------------------------------------------------------------------- */

static void push_jump(Lower *L, const Stmt *s, IrBlock *brk, IrBlock *cont) {
    if (L->njumps == L->capjumps) {
        L->capjumps = L->capjumps ? 2 * L->capjumps : 16;
        L->jumps = xrealloc(L->jumps, L->capjumps * sizeof *L->jumps);
    }
    L->jumps[L->njumps++] = (Jump){s, brk, cont};
}

static Jump *find_jump(Lower *L, const Stmt *target) {
    for (int i = L->njumps - 1; i >= 0; i--)
        if (L->jumps[i].stmt == target) return &L->jumps[i];
    return L->njumps ? &L->jumps[L->njumps - 1] : NULL;
}

static void run_defers(Lower *L) {
    if (L->defers < 0) return;
    IrInstr *in = ir_rtcall(L->f, -1, "sox_defers_run", 1);
    arg_vreg(in, 0, L->defers);
}

/* The value `return;` and falling off the end give. */
static int default_result(Lower *L) {
    if (L->fn->kind == FN_INIT) return read_var(L, (VarRef){VAR_LOCAL, L->fn->this_local, "this"});
    return ir_const(L->f, SOX_NIL);
}

static void lower_if(Lower *L, const Stmt *s) {
    int c = lower_expr(L, s->expr);
    IrBlock *then = ir_block_new(L->f), *els = ir_block_new(L->f), *end = ir_block_new(L->f);
    ir_br(L->f, c, then, els);
    ir_set_block(L->f, then);
    lower_stmts(L, s->body);
    ir_jmp(L->f, end);
    ir_set_block(L->f, els);
    if (s->else_) lower_stmts(L, s->else_);
    ir_jmp(L->f, end);
    ir_set_block(L->f, end);
}

static void lower_loop(Lower *L, const Stmt *s) {
    if (s->kind == STMT_FOR && s->init) lower_stmt(L, s->init);
    IrBlock *head = ir_block_new(L->f), *body = ir_block_new(L->f);
    IrBlock *incr = ir_block_new(L->f), *end = ir_block_new(L->f);
    ir_jmp(L->f, head);
    ir_set_block(L->f, head);
    if (s->expr) ir_br(L->f, lower_expr(L, s->expr), body, end);
    else ir_jmp(L->f, body);
    ir_set_block(L->f, body);
    push_jump(L, s, end, incr);
    lower_stmts(L, s->body);
    L->njumps--;
    ir_jmp(L->f, incr);
    ir_set_block(L->f, incr);
    if (s->kind == STMT_FOR && s->value) lower_expr(L, s->value);
    ir_jmp(L->f, head);
    ir_set_block(L->f, end);
}

static void lower_foreach(Lower *L, const Stmt *s) {
    int container = lower_expr(L, s->expr);
    set_line(L, s->expr->line);
    arg_vreg(ir_rtcall(L->f, -1, "sox_foreach_check", 1), 0, container);
    int pos = ir_vreg(L->f);
    ir_emit(L->f, IR_CONST, pos, -1, -1)->imm = 0;
    IrBlock *head = ir_block_new(L->f), *body = ir_block_new(L->f), *end = ir_block_new(L->f);
    ir_jmp(L->f, head);
    ir_set_block(L->f, head);
    ir_buf_words(L->f, 2);
    int next = ir_vreg(L->f);
    IrInstr *in = ir_rtcall(L->f, next, "sox_foreach_next", 3);
    arg_vreg(in, 0, container);
    arg_vreg(in, 1, pos);
    arg_buf(in, 2, 0);
    IrInstr *br = ir_emit(L->f, IR_BR_NEG, -1, next, -1);
    br->target = end;
    br->target2 = body;
    ir_set_block(L->f, body);
    mov(L, pos, next);
    int key = ir_vreg(L->f), val = ir_vreg(L->f);
    ir_emit(L->f, IR_BUF_LOAD, key, -1, -1)->imm = 0;
    ir_emit(L->f, IR_BUF_LOAD, val, -1, -1)->imm = 1;
    declare_var(L, s->var, key);
    declare_var(L, s->var2, val);
    push_jump(L, s, end, head);
    lower_stmts(L, s->body);
    L->njumps--;
    ir_jmp(L->f, head);
    ir_set_block(L->f, end);
}

/* §6.9: cases tested in order; a case without a body falls to the next body; the
 * default runs only when every case failed; no match and no default does nothing. */
static void lower_switch(Lower *L, const Stmt *s) {
    int subject = lower_expr(L, s->expr);
    int n = s->ncases;
    IrBlock *end = ir_block_new(L->f);
    IrBlock **bodies = xcalloc(n + 1, sizeof *bodies);
    for (int i = 0; i < n; i++)
        if (s->cases[i].body) bodies[i] = ir_block_new(L->f);
    IrBlock *next_body = end;
    IrBlock **target = xcalloc(n + 1, sizeof *target);
    for (int i = n - 1; i >= 0; i--) {
        if (bodies[i]) next_body = bodies[i];
        target[i] = next_body;
    }
    for (int i = 0; i < n; i++) {
        int v = lower_expr(L, s->cases[i].value);
        set_line(L, s->cases[i].line);
        int eq = ir_vreg(L->f);
        ir_emit(L->f, IR_EQ, eq, subject, v);
        IrBlock *no = ir_block_new(L->f);
        ir_br(L->f, eq, target[i], no);
        ir_set_block(L->f, no);
    }
    push_jump(L, s, end, NULL);
    if (s->default_body) lower_stmt(L, s->default_body);
    ir_jmp(L->f, end);
    for (int i = 0; i < n; i++) {
        if (!bodies[i]) continue;
        ir_set_block(L->f, bodies[i]);
        lower_stmts(L, s->cases[i].body);
        ir_jmp(L->f, end);
    }
    L->njumps--;
    ir_set_block(L->f, end);
    free(bodies);
    free(target);
}

static void lower_class(Lower *L, const Stmt *s) {
    set_line(L, s->line);
    int name = root_get(L, name_root(L, s->name));
    int klass = rtcall1(L, "sox_class_new", name);
    declare_var(L, s->var, klass);
    if (s->superclass) {
        int super = lower_expr(L, s->superclass);
        set_line(L, s->superclass->line);
        IrInstr *in = ir_rtcall(L->f, -1, "sox_class_inherit", 2);
        arg_vreg(in, 0, klass);
        arg_vreg(in, 1, super);
        declare_var(L, s->var2, super);
    }
    for (int i = 0; i < s->nmethods; i++) {
        const Function *m = s->methods[i];
        int clo = make_closure(L, m);
        int mname = root_get(L, intern_root(L, m->name, (int)strlen(m->name)));
        IrInstr *in = ir_rtcall(L->f, -1, "sox_class_add_method", 3);
        arg_vreg(in, 0, klass);
        arg_vreg(in, 1, mname);
        arg_vreg(in, 2, clo);
    }
}

static void lower_import(Lower *L, const Stmt *s) {
    int slot = s->module->cache_slot;
    IrFunc *body = L->funcs[s->module->body->id];
    set_line(L, s->line);
    IrBlock *run = ir_block_new(L->f), *done = ir_block_new(L->f);
    int cached = root_get(L, slot);
    IrInstr *br = ir_emit(L->f, IR_BR_IS, -1, cached, -1);
    br->imm = (int64_t)SOX_UNDEF;
    br->target = run;
    br->target2 = done;
    ir_set_block(L->f, run);
    int nil = ir_const(L->f, SOX_NIL);
    int result = ir_vreg(L->f);
    arg_vreg(ir_rtcall(L->f, result, body->sym, 1), 0, nil);
    ir_emit(L->f, IR_GLOBAL_DEF, -1, result, -1)->imm = slot;
    ir_jmp(L->f, done);
    ir_set_block(L->f, done);
    declare_var(L, s->var, root_get(L, slot));
}

static void lower_assert(Lower *L, const Stmt *s) {
    int c = lower_expr(L, s->expr);
    IrBlock *fail = ir_block_new(L->f), *ok = ir_block_new(L->f);
    ir_br(L->f, c, ok, fail);
    ir_set_block(L->f, fail);
    int msg = s->value ? lower_expr(L, s->value) : ir_const(L->f, SOX_UNDEF);
    set_line(L, s->line);
    arg_vreg(ir_rtcall(L->f, -1, "sox_assert_fail", 1), 0, msg);
    ir_jmp(L->f, ok);
    ir_set_block(L->f, ok);
}

static void lower_stmt(Lower *L, const Stmt *s) {
    switch (s->kind) {
    case STMT_EXPR: lower_expr(L, s->expr); break;
    case STMT_PRINT: {
        int v = lower_expr(L, s->expr);
        set_line(L, s->line);
        arg_vreg(ir_rtcall(L->f, -1, "sox_print", 1), 0, v);
        break;
    }
    case STMT_VAR: {
        int v = s->expr ? lower_expr(L, s->expr) : ir_const(L->f, SOX_NIL);
        set_line(L, s->line);
        declare_var(L, s->var, v);
        break;
    }
    case STMT_BLOCK: lower_stmts(L, s->body); break;
    case STMT_IF: lower_if(L, s); break;
    case STMT_WHILE:
    case STMT_FOR: lower_loop(L, s); break;
    case STMT_FOREACH: lower_foreach(L, s); break;
    case STMT_SWITCH: lower_switch(L, s); break;
    case STMT_BREAK:
    case STMT_CONTINUE: {
        Jump *j = find_jump(L, s->target);
        if (!j) break;
        ir_jmp(L->f, s->kind == STMT_BREAK ? j->brk : j->cont);
        break;
    }
    case STMT_RETURN: {
        int v = s->expr ? lower_expr(L, s->expr) : default_result(L);
        set_line(L, s->line);
        run_defers(L);
        ir_emit(L->f, IR_RET, -1, v, -1);
        break;
    }
    case STMT_FUNCTION:
        set_line(L, s->line);
        if (s->var.kind == VAR_LOCAL && L->fn->locals[s->var.index].captured) {
            /* a local function that refers to itself: its cell must exist
             * before the closure captures it */
            declare_var(L, s->var, ir_const(L->f, SOX_NIL));
            write_var(L, s->var, make_closure(L, s->fn));
        } else {
            declare_var(L, s->var, make_closure(L, s->fn));
        }
        break;
    case STMT_CLASS: lower_class(L, s); break;
    case STMT_DEFER: {
        set_line(L, s->line);
        int clo = make_closure(L, s->fn);
        IrInstr *in = ir_rtcall(L->f, -1, "sox_array_push", 2);
        arg_vreg(in, 0, L->defers);
        arg_vreg(in, 1, clo);
        break;
    }
    case STMT_ASSERT: lower_assert(L, s); break;
    case STMT_IMPORT: lower_import(L, s); break;
    }
}

/* A global declared by a statement at the top level of a script or module body
 * is defined for the rest of that body (globals are never removed). */
static void note_defined(Lower *L, const Stmt *s) {
    int top = L->fn->kind == FN_SCRIPT || L->fn->kind == FN_MODULE;
    int decl = s->kind == STMT_VAR || s->kind == STMT_FUNCTION || s->kind == STMT_CLASS ||
               s->kind == STMT_IMPORT;
    if (top && decl && L->depth == 1 && s->var.kind == VAR_GLOBAL) L->defined[s->var.index] = 1;
}

static void lower_stmts(Lower *L, const Stmt *s) {
    L->depth++;
    for (; s; s = s->next) {
        lower_stmt(L, s);
        note_defined(L, s);
    }
    L->depth--;
}

/* ---- functions ------------------------------------------------------------------------ */

static const char *fn_symbol(Lower *L, const Function *fn) {
    return ir_own(L->ir, xformat("sox_fn%d_%s", fn->id, fn->kind == FN_DEFER ? "defer" : fn->name));
}

/* Start-up work of the entry: register the program, intern the strings, bind
 * natives and argc/argv into their global slots. */
static void lower_startup(Lower *L) {
    IrFunc *f = L->f;
    arg_sym(ir_rtcall(f, -1, "sox_register_program", 1), 0, ".Lprogram_info");
    IrProgram *ir = L->ir;
    ir->native_str = xcalloc(L->prog->nglobals + 1, sizeof *ir->native_str);
    ir->native_slot = xcalloc(L->prog->nglobals + 1, sizeof *ir->native_slot);
    for (int g = 0; g < L->prog->nglobals; g++) {
        const Global *gl = &L->prog->globals[g];
        int v = ir_vreg(f);
        if (gl->kind == GLOBAL_USER) {
            ir->native_str[ir->nnatives] = add_string(ir, gl->name, (int)strlen(gl->name), -1);
            ir->native_slot[ir->nnatives++] = g;
            continue;
        } else if (gl->kind == GLOBAL_ARGC) {
            ir_rtcall(f, v, "sox_argc_value", 0);
        } else if (gl->kind == GLOBAL_ARGV) {
            ir_rtcall(f, v, "sox_argv_value", 0);
        } else {
            continue;
        }
        ir_emit(f, IR_GLOBAL_DEF, -1, v, -1)->imm = g;
    }
    /* one loop per table instead of a call sequence per string: start-up code
     * stays small in programs with thousands of names */
    static const char *const tables[][2] = {
        {".Lintern_table", "sox_string_intern"}, {".Lnative_table", "sox_native_lookup"},
    };
    ir_buf_words(f, 1);
    for (int i = 0; i < 2; i++) {
        IrInstr *in = ir_emit(f, IR_TABLE_CALL, -1, -1, -1);
        in->sym = tables[i][0];
        in->rtsym = tables[i][1];
        in->imm = 0;
    }
}

static int find_global(const Program *p, GlobalKind kind) {
    for (int g = 0; g < p->nglobals; g++)
        if (p->globals[g].kind == kind) return g;
    return -1;
}

static void lower_main_call(Lower *L) {
    const Program *p = L->prog;
    set_line(L, p->end_line);
    VarRef m = {VAR_GLOBAL, p->main_global, "main"};
    int callee = read_var(L, m);
    int argc = read_var(L, (VarRef){VAR_GLOBAL, find_global(p, GLOBAL_ARGC), "argc"});
    int argv = read_var(L, (VarRef){VAR_GLOBAL, find_global(p, GLOBAL_ARGV), "argv"});
    IrInstr *in = ir_emit(L->f, IR_CALL, ir_vreg(L->f), callee, -1);
    in->nargs = 2;
    in->args = xcalloc(2, sizeof *in->args);
    arg_vreg(in, 0, argc);
    arg_vreg(in, 1, argv);
    ir_buf_words(L->f, 2);
}

/* The property a method returns when its body is only `return this.NAME` (a getter,
 * SoxFuncInfo.getter), else NULL. */
static const Expr *getter_property(const Function *fn) {
    const Stmt *s = sole_return(fn);
    if (fn->kind != FN_METHOD || fn->arity != 0 || !s || !s->expr || s->expr->kind != EXPR_GET)
        return NULL;
    const Expr *o = s->expr->object;
    return o->kind == EXPR_THIS && o->var.kind == VAR_LOCAL && o->var.index == fn->this_local
               ? s->expr : NULL;
}

static void lower_function(Lower *L, const Function *fn) {
    IrFunc *f = L->funcs[fn->id];
    const Expr *getter = getter_property(fn);
    if (getter) f->getter_root = name_root(L, getter->name);
    L->fn = fn;
    L->f = f;
    L->njumps = 0;
    L->depth = 0;
    if (fn->kind == FN_SCRIPT || fn->kind == FN_MODULE) memset(L->defined, 0, L->prog->nglobals);
    f->line = fn->line > 0 ? fn->line : 1;
    L->local = xcalloc(fn->nlocals + 1, sizeof *L->local);
    L->cell = xcalloc(fn->ncaptures + 1, sizeof *L->cell);
    for (int i = 0; i < fn->nlocals; i++) L->local[i] = ir_vreg(f);
    int is_method = fn->kind == FN_METHOD || fn->kind == FN_INIT;
    f->nparams = 1 + is_method + fn->arity;
    L->closure = ir_vreg(f);
    ir_emit(f, IR_PARAM, L->closure, -1, -1)->imm = 0;
    /* read every incoming word before anything can call (and clobber the
     * argument registers), then bind them; captured ones get cells */
    int *words = xcalloc(f->nparams + 1, sizeof *words);
    for (int w = 1; w < f->nparams; w++) {
        words[w] = ir_vreg(f);
        ir_emit(f, IR_PARAM, words[w], -1, -1)->imm = w;
    }
    int word = 1;
    if (is_method) declare_var(L, (VarRef){VAR_LOCAL, fn->this_local, "this"}, words[word++]);
    for (int i = 0; i < fn->arity; i++)
        declare_var(L, (VarRef){VAR_LOCAL, fn->params[i], NULL}, words[word++]);
    free(words);
    for (int i = 0; i < fn->ncaptures; i++) L->cell[i] = load(L, L->closure, CLOSURE_CELLS + 8 * i);
    /* The start-up code must intern every string the script asks for, so it is
     * filled in last, in a block that runs first. */
    IrBlock *startup = NULL;
    if (fn->kind == FN_SCRIPT && !L->test_mode) {
        startup = ir_block_new(f);
        IrBlock *body = ir_block_new(f);
        ir_jmp(f, startup);
        ir_set_block(f, startup);
        ir_jmp(f, body);
        ir_set_block(f, body);
    }
    L->defers = -1;
    if (fn->has_defer) {
        L->defers = ir_vreg(f);
        IrInstr *in = ir_rtcall(f, L->defers, "sox_array_new", 2);
        arg_imm(in, 0, 0);
        arg_imm(in, 1, 0);
    }
    lower_stmts(L, fn->body);
    set_line(L, fn->end_line > 0 ? fn->end_line : L->prog->end_line);
    run_defers(L);
    if (fn->kind == FN_SCRIPT && !L->test_mode && L->prog->main_global >= 0) lower_main_call(L);
    ir_emit(f, IR_RET, -1, default_result(L), -1);
    if (startup) {
        IrBlock *body = startup->ins[0].target;
        startup->nins = 0;
        ir_set_block(f, startup);
        lower_startup(L);
        ir_jmp(f, body);
    }
    free(L->local);
    free(L->cell);
}

static const char *file_stem(Lower *L, const char *path) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 4 && !strcmp(base + n - 4, ".sox")) n -= 4;
    if (n > 5 && !strncmp(base + n - 5, "_test", 5)) n -= 5;
    return ir_own(L->ir, xstrndup(base, n));
}

/* --test: the entry does the start-up work, then hands the top-level code and the
 * test functions to the runtime's runner. */
static void lower_test_entry(Lower *L, IrFunc *toplevel) {
    const Program *p = L->prog;
    IrFunc *f = ir_func_new(L->ir, "script", "sox_program_entry");
    f->is_global = 1;
    f->nparams = 0;
    f->line = p->end_line > 0 ? p->end_line : 1;
    L->f = f;
    lower_startup(L);
    const char *stem = file_stem(L, p->main_path ? p->main_path : "main");
    int stem_str = add_string(L->ir, stem, (int)strlen(stem), -1);
    L->ir->ntests = p->ntests;
    L->ir->tests = xcalloc(p->ntests + 1, sizeof *L->ir->tests);
    for (int i = 0; i < p->ntests; i++) {
        const char *name = p->tests[i]->name;
        L->ir->tests[i].name_str = add_string(L->ir, name, (int)strlen(name), -1);
        L->ir->tests[i].slot = p->test_globals[i];
    }
    int status = ir_vreg(f);
    IrInstr *in = ir_rtcall(f, status, "sox_run_tests", 4);
    arg_sym(in, 0, string_sym(L, stem_str));
    arg_sym(in, 1, toplevel->sym);
    arg_sym(in, 2, ".Ltests");
    arg_imm(in, 3, p->ntests);
    arg_vreg(ir_rtcall(f, -1, "sox_exit", 1), 0, status);
    ir_emit(f, IR_RET, -1, status, -1);
}

static int by_text(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Per Program.names id: whether some class has a method of that name. */
static uint8_t *method_names(const Program *p) {
    uint8_t *is_method = xcalloc(p->nnames + 1, 1);
    const char **names = xmalloc((p->nfunctions + 1) * sizeof *names);
    int n = 0;
    for (int i = 0; i < p->nfunctions; i++)
        if (p->functions[i]->kind == FN_METHOD || p->functions[i]->kind == FN_INIT)
            names[n++] = p->functions[i]->name;
    qsort(names, n, sizeof *names, by_text);
    for (int k = 0; n && k < p->nnames; k++)
        is_method[k] = bsearch(&p->names[k].text, names, n, sizeof *names, by_text) != NULL;
    free(names);
    return is_method;
}

IrProgram *lower_program(const Program *p, int test_mode, LowerSink sink, void *ctx) {
    Lower L = {0};
    L.prog = p;
    L.test_mode = test_mode;
    L.ir = xcalloc(1, sizeof *L.ir);
    L.ir->end_line = p->end_line;
    L.ir->nroots = p->nglobals + p->nnames;
    L.names_base = p->nglobals;
    for (int i = 0; i < p->nnames; i++)
        add_string(L.ir, p->names[i].text, (int)p->names[i].len, L.names_base + i);
    L.funcs = xcalloc(p->nfunctions + 1, sizeof *L.funcs);
    L.defined = xcalloc(p->nglobals + 1, 1);
    L.method_name = method_names(p);
    L.method_class = xcalloc(p->nfunctions + 1, sizeof *L.method_class);
    for (int g = 0; g < p->nglobals; g++)
        for (int i = 0; p->globals[g].class_decl && i < p->globals[g].class_decl->nmethods; i++)
            L.method_class[p->globals[g].class_decl->methods[i]->id] = p->globals[g].class_decl;
    L.decl = xcalloc(p->nglobals + 1, sizeof *L.decl);
    L.decl_body = xcalloc(p->nglobals + 1, sizeof *L.decl_body);
    for (int m = 0; m < p->nmodules; m++) {
        const Function *body = p->modules[m]->body;
        for (const Stmt *s = body->body; s; s = s->next) {
            int decl = s->kind == STMT_VAR || s->kind == STMT_FUNCTION || s->kind == STMT_CLASS ||
                       s->kind == STMT_IMPORT;
            if (decl && s->var.kind == VAR_GLOBAL && !L.decl[s->var.index]) {
                L.decl[s->var.index] = s;
                L.decl_body[s->var.index] = body;
            }
        }
    }
    for (int i = 0; i < p->nfunctions; i++) {
        const Function *fn = p->functions[i];
        int script = fn->kind == FN_SCRIPT;
        const char *sym = script ? (test_mode ? "sox_toplevel" : "sox_program_entry") : fn_symbol(&L, fn);
        const char *name = script || fn->kind == FN_MODULE ? "script" : fn->name;
        IrFunc *f = ir_func_new(L.ir, name, sym);
        f->is_global = script && !test_mode;
        f->arity = fn->arity;
        f->ncells = fn->ncaptures;
        if (fn->kind == FN_METHOD) f->flags = SOX_FN_METHOD;
        if (fn->kind == FN_INIT) f->flags = SOX_FN_METHOD | SOX_FN_INIT;
        L.funcs[i] = f;
    }
    /* The script is lowered last so that its start-up code interns every string
     * the other functions asked for. */
    for (int i = p->nfunctions - 1; i >= 0; i--) {
        lower_function(&L, p->functions[i]);
        sink(L.ir, L.funcs[i], ctx);
    }
    if (test_mode) {
        lower_test_entry(&L, L.funcs[0]);
        sink(L.ir, L.ir->funcs[L.ir->nfuncs - 1], ctx);
    }
    free(L.funcs);
    free(L.defined);
    free(L.decl);
    free(L.method_name);
    free(L.method_class);
    free(L.decl_body);
    free(L.jumps);
    return L.ir;
}
