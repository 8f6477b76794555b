/* sox_abi.h — the contract between compiled Sox code (soxcc's backends) and the
 * runtime (libsoxrt.a).  Shared by the hosted compiler and the freestanding runtime,
 * so it uses only <stdint.h>/<stddef.h>.  DESIGN.md §6–§7 are the prose version.
 *
 * Calling convention: every entry point below is an ordinary C function under the
 * platform ABI (System V AMD64 / AAPCS64).  Values are passed and returned as uint64_t.
 */
#ifndef SOX_ABI_H
#define SOX_ABI_H
#include <stdint.h>
#include <stddef.h>

#define SOX_ABI_VERSION 1

/* ---- Values: NaN boxing ------------------------------------------------------
 * A double is stored as itself.  Everything else lives in quiet-NaN payloads.
 * Arithmetic never produces an encoding with all SOX_QNAN bits set from canonical
 * inputs (x86 default NaN 0xfff8..., AArch64 0x7ff8...), so no canonicalisation is
 * needed on the arithmetic fast path; NaNs from outside are canonicalised. */
typedef uint64_t Value;

#define SOX_QNAN      0x7ffc000000000000ull
#define SOX_SIGN      0x8000000000000000ull
#define SOX_OBJ_TAG   (SOX_SIGN | SOX_QNAN)     /* 0xfffc000000000000 */
#define SOX_NIL       (SOX_QNAN | 1)            /* 0x7ffc000000000001 */
#define SOX_FALSE     (SOX_QNAN | 2)            /* 0x7ffc000000000002 */
#define SOX_TRUE      (SOX_QNAN | 3)            /* 0x7ffc000000000003 == SOX_FALSE|1 */
#define SOX_UNDEF     (SOX_QNAN | 4)            /* "no value": unset global slot, omitted
                                                   slice bound, absent assert message */
#define SOX_CANONICAL_NAN 0x7ff8000000000000ull

#define SOX_IS_NUMBER(v) (((v) & SOX_QNAN) != SOX_QNAN)
#define SOX_IS_OBJ(v)    (((v) & SOX_OBJ_TAG) == SOX_OBJ_TAG)
#define SOX_AS_OBJ(v)    ((SoxObj *)(uintptr_t)((v) & ~SOX_OBJ_TAG))
#define SOX_OBJ_VAL(p)   ((Value)(uintptr_t)(p) | SOX_OBJ_TAG)
#define SOX_BOOL(b)      (SOX_FALSE | (Value)((b) != 0))
#define SOX_IS_TRUTHY(v) ((v) != SOX_NIL && (v) != SOX_FALSE)

/* ---- Objects -----------------------------------------------------------------
 * Every object starts with a 16-byte header whose first byte is its type.  The
 * rest of the header belongs to the runtime.  Layouts below are fixed because
 * compiled code reads them inline (offsets in comments are part of the ABI). */
enum SoxObjType {
    SOX_OBJ_STRING = 1, SOX_OBJ_CLOSURE, SOX_OBJ_CELL, SOX_OBJ_CLASS, SOX_OBJ_INSTANCE,
    SOX_OBJ_BOUND, SOX_OBJ_NATIVE, SOX_OBJ_ARRAY, SOX_OBJ_TABLE,
};

typedef struct SoxObj {
    uint8_t type;           /* +0: enum SoxObjType */
    uint8_t mark;           /* runtime-owned from here on */
    uint16_t flags;
    uint32_t aux;
    struct SoxObj *next;
} SoxObj;                   /* 16 bytes */

typedef struct SoxString {
    SoxObj obj;
    uint32_t length;        /* +16 */
    uint32_t hash;          /* +20: 32-bit FNV-1a */
    char chars[];           /* +24: NUL-terminated */
} SoxString;

/* Static description of a compiled function, emitted by the compiler (read-only data). */
typedef struct SoxFuncInfo {
    const char *name;       /* +0: "f", "init", "defer", "script" (top-level code) */
    uint32_t name_len;      /* +8 */
    uint32_t arity;         /* +12: Sox parameters, not counting closure or `this` */
    uint32_t flags;         /* +16: SOX_FN_* */
    uint32_t ncells;        /* +20: captured-variable cells the closure carries */
    const Value *getter;    /* +24: a method whose body is only `return this.NAME`: the
                               root slot holding NAME, else NULL.  An invocation may read
                               that field instead of calling the method (see "Inline
                               method invocation") */
} SoxFuncInfo;

#define SOX_FN_METHOD 1u    /* code takes `this` after the closure: code(clo, this, a1..aN) */
#define SOX_FN_INIT   2u    /* an initializer: returns `this` */

/* A captured variable: a heap cell shared by every closure that captures it. */
typedef struct SoxCell {
    SoxObj obj;
    Value value;            /* +16 */
} SoxCell;

/* code(closure, a1, ..., aN) for functions; code(closure, this, a1, ..., aN) for
 * methods.  Arguments follow the platform ABI as 64-bit integers (words beyond the
 * 6th (x86-64) / 8th (AArch64) integer argument go on the stack). */
typedef struct SoxClosure {
    SoxObj obj;
    void *code;             /* +16 */
    uint32_t arity;         /* +24: == info->arity */
    uint32_t ncells;        /* +28: == info->ncells */
    const SoxFuncInfo *info;/* +32 */
    SoxCell *cells[];       /* +40: filled by compiled code right after sox_closure_new */
} SoxClosure;

typedef struct SoxArray {
    SoxObj obj;
    Value *items;           /* +16 */
    int64_t count;          /* +24 */
    int64_t capacity;       /* +32 */
} SoxArray;

/* Class, bound method, native and table layouts are private to the runtime. */

/* Per-site inline cache for property access and method invocation: compiled code
 * reserves one zero-initialised SoxCache per site (in .bss) and passes its address;
 * only the runtime writes it.  It must stay valid across collections. */
typedef struct SoxCache { uint64_t word[4]; } SoxCache;

/* ---- Inline field access -------------------------------------------------------
 * An instance holds one word per field of its class, at the index its class gave
 * the field's name (runtime/rt.h); SOX_UNDEF marks a field this instance lacks.  A
 * site's cache describes one class: word SOX_CACHE_CLASS_ID is its id, and
 * SOX_CACHE_FIELD the index of the site's name among its fields (UINT64_MAX when not
 * known).  Compiled code reads and sets a field in place when the cache proves it
 * (runtime/ops.c find_field/set_field make the same test):
 *     a's class id == cache->word[SOX_CACHE_CLASS_ID]
 *     && (index = cache->word[SOX_CACHE_FIELD]) < a's capacity
 * then values[index] is the field (a read also needs it not to be SOX_UNDEF).
 * Stores need no write barrier: the collector is a stop-the-world mark-sweep. */
#define SOX_CACHE_FIELD           3     /* word: index of the site's field */
#define SOX_INSTANCE_CAPACITY     4     /* uint32_t (the header's aux): words at values */
#define SOX_INSTANCE_VALUES       24    /* Value *: the field values */

/* ---- Inline method invocation ----------------------------------------------------
 * `a.m(args)` calls the method's code directly when the site's cache proves it
 * (runtime/ops.c sox_invoke makes the same test): a is an instance,
 * cache->word[SOX_CACHE_CLASS_ID] is the id of a's class (ids are never reused), the
 * string cache->word[SOX_CACHE_NAME] never was a field name (SOX_STR_FIELD_NAME clear
 * in its obj.flags, so no field can shadow the method), and the cached closure
 * cache->word[SOX_CACHE_METHOD] (a raw SoxClosure *) has the call's arity.  Whenever
 * the class id is set, SOX_CACHE_NAME points to a string: the site's name once a
 * method is cached (a site has one name), before that a flagged stand-in, so the test
 * can read the name from the cache.  Offsets from the SoxInstance and from the
 * runtime's SoxClass.
 * The runtime fills words SOX_CACHE_METHOD/NAME and SOX_CACHE_FIELD for one class at
 * a time: switching the class resets the others.  At an invocation site (which never
 * looks up a field of its own name through its cache) SOX_CACHE_FIELD is the index of
 * the field the cached method returns when it is a getter (SoxFuncInfo.getter), else
 * UINT64_MAX: with no arguments, that field's value, when a has it, is the call's. */
#define SOX_CACHE_CLASS_ID        0
#define SOX_CACHE_METHOD          1
#define SOX_CACHE_NAME            2
#define SOX_STR_FIELD_NAME        1u    /* SoxString obj.flags: was some field's name */
#define SOX_INSTANCE_CLASS        16    /* SoxClass * */
#define SOX_CLASS_ID              48    /* uint64_t */

/* ---- Construction of a known class ------------------------------------------------
 * `C(args)` of a class the compiler knows (declared once, with its own init or none):
 * sox_instance_new(C), then C's init closure (the Value at SOX_CLASS_INIT in the
 * class) called directly as init(closure, instance, args...). */
#define SOX_CLASS_INIT            56    /* Value: the init closure, or SOX_NIL */

/* ---- Line table (error traces, SOX_LANGUAGE.md §12.2) ------------------------
 * For each compiled function the compiler emits one SoxFuncDebug; `lines` maps code
 * offsets (from `start`) to Sox source lines: entry k covers [offset_k, offset_k+1).
 * A return address ra inside [start, end) is looked up as offset ra-1-start.
 * Functions are sorted by `start`. The runtime walks the frame-pointer chain
 * (rbp / x29 records: [fp] = caller's fp, [fp+8] = return address). */
typedef struct SoxLineEntry { uint32_t offset; uint32_t line; } SoxLineEntry;

typedef struct SoxFuncDebug {
    const void *start, *end;        /* code range [start, end) */
    const char *name;               /* "script" for top-level code, else the Sox name */
    const SoxLineEntry *lines;
    uint64_t nlines;
} SoxFuncDebug;

/* What a compiled program tells the runtime before running any Sox code. */
typedef struct SoxProgramInfo {
    uint64_t abi_version;           /* SOX_ABI_VERSION */
    Value *roots;                   /* globals and interned constants: GC roots */
    uint64_t nroots;
    const SoxFuncDebug *funcs;      /* sorted by start */
    uint64_t nfuncs;
    uint32_t end_line;              /* last line of the main file (main() arity errors) */
    uint32_t reserved;
} SoxProgramInfo;

/* ---- Program start-up ------------------------------------------------------
 * crt1.o's _start calls sox_rt_start(initial stack pointer).  It parses argc/argv/
 * envp, initialises the heap, switches to a large runtime-allocated stack (so deep
 * recursion works), calls the program's entry, flushes stdout and exits 0.
 * The compiled program defines:
 *     void sox_program_entry(void);
 * which first calls sox_register_program(), then runs the top-level code, the
 * top-level defers, and main(argc, argv) if the program has one. */
void sox_program_entry(void);
void sox_register_program(const SoxProgramInfo *info);
_Noreturn void sox_rt_start(uintptr_t *initial_sp);
_Noreturn void sox_exit(int64_t status);       /* flush stdout, exit_group */

/* Stack check in every compiled prologue: if (sp < sox_stack_limit) sox_stack_overflow(). */
extern uintptr_t sox_stack_limit;
_Noreturn void sox_stack_overflow(void);

/* ---- Values the compiler asks for at start-up ------------------------------ */
Value sox_string_intern(const char *chars, uint64_t len);   /* constant strings */
Value sox_native_lookup(const char *name, uint64_t len);    /* SOX_UNDEF if unknown */
Value sox_argc_value(void);
Value sox_argv_value(void);                                  /* a fresh array each call */

/* ---- Slow paths of the inline fast paths (all may raise runtime errors) ----- */
Value sox_add(Value a, Value b);          /* numbers, string rules of §7.2 */
Value sox_sub(Value a, Value b);
Value sox_mul(Value a, Value b);
Value sox_div(Value a, Value b);
Value sox_negate(Value a);
Value sox_less(Value a, Value b);
Value sox_less_equal(Value a, Value b);
Value sox_greater(Value a, Value b);
Value sox_greater_equal(Value a, Value b);
Value sox_equal(Value a, Value b);        /* never raises; returns SOX_TRUE/SOX_FALSE */
Value sox_not_equal(Value a, Value b);

/* ---- Errors raised from compiled code -------------------------------------- */
_Noreturn void sox_undefined_variable(Value name);          /* read or write of an unset global */
_Noreturn void sox_assert_fail(Value message);               /* SOX_UNDEF when no message */
_Noreturn void sox_runtime_error(const char *fmt, ...);      /* printf-like subset: %s %d %g %v */

/* ---- Objects ---------------------------------------------------------------- */
Value sox_closure_new(const SoxFuncInfo *info, void *code);  /* cells zeroed */
Value sox_cell_new(Value initial);
Value sox_array_new(uint64_t count, const Value *items);     /* items may be NULL if count==0 */
Value sox_array_push(Value array, Value v);
Value sox_table_new(void);

/* ---- Calls -------------------------------------------------------------------
 * Fast path (inline): callee is a closure whose arity equals argc -> call code.
 * Everything else (classes, bound methods, natives, arity and type errors) comes here. */
Value sox_call(Value callee, uint64_t argc, const Value *args);
/* Call a closure's code with an argument array (used by the runtime itself). */
Value sox_call_code(void *code, Value closure, uint64_t nwords, const Value *words);

/* ---- Properties, methods, classes ------------------------------------------ */
Value sox_get_property(Value obj, Value name, SoxCache *cache);
Value sox_set_property(Value obj, Value name, Value v, SoxCache *cache);    /* returns v */
Value sox_invoke(Value receiver, Value name, uint64_t argc, const Value *args, SoxCache *cache);
Value sox_class_new(Value name);
Value sox_instance_new(Value klass);   /* a new instance of a class, nothing called */
void  sox_class_inherit(Value klass, Value superclass);      /* "Superclass must be a class." */
void  sox_class_add_method(Value klass, Value name, Value closure);
Value sox_super_get(Value superclass, Value name, Value receiver);          /* bound method */
Value sox_super_invoke(Value superclass, Value name, Value receiver,
                       uint64_t argc, const Value *args);

/* ---- Indexing, slices, iteration ------------------------------------------ */
Value sox_index_get(Value obj, Value index);
Value sox_index_set(Value obj, Value index, Value v);        /* returns v */
Value sox_slice(Value obj, Value start, Value end);          /* SOX_UNDEF = omitted bound */
void  sox_foreach_check(Value container);                    /* "Get Iterator expects a container." */
/* Advances a foreach: pos starts at 0; returns the next pos (>0) and writes
 * out[0] = index/key, out[1] = value, or returns -1 when the loop is over. */
int64_t sox_foreach_next(Value container, int64_t pos, Value out[2]);

/* ---- Statements --------------------------------------------------------------- */
void sox_print(Value v);
/* Defers: compiled code keeps a per-frame array (sox_array_new) and pushes closures;
 * at every normal exit it calls sox_defers_run, which calls them LIFO with 0 args. */
void sox_defers_run(Value list);

/* ---- #[test] mode (SOX_LANGUAGE.md §13) --------------------------------------
 * The program built with `soxcc --test` has an entry that calls sox_run_tests
 * instead of main: for each test the runtime forks a fresh process, runs
 * `toplevel` (the top-level code without main), then calls the test closure with
 * the table `t` (t.Error, t.Fatal) and prints the report line. Returns the exit status. */
typedef struct SoxTestCase { const char *name; Value *slot; } SoxTestCase;   /* slot: the global */
int64_t sox_run_tests(const char *file_stem, void (*toplevel)(void),
                      const SoxTestCase *tests, uint64_t ntests);

#endif
