/* rt.h — the runtime's private header: object layouts the compiler never sees,
 * and the interfaces between the runtime's files.  Sections are named after the
 * file that implements them.  Everything here is freestanding: no libc. */
#ifndef SOX_RT_H
#define SOX_RT_H
#include <stdarg.h>
#include <stdbool.h>
#include "runtime/sox_abi.h"

#define RT_NORETURN _Noreturn
#define RT_UNUSED __attribute__((unused))
#define RT_LIKELY(x) __builtin_expect(!!(x), 1)
#define RT_UNLIKELY(x) __builtin_expect(!!(x), 0)

/* ---- sys_<arch>.c: raw system calls -------------------------------------- */
typedef struct RtTimespec { int64_t sec, nsec; } RtTimespec;

int64_t sys_write(int fd, const void *buf, uint64_t len);
int64_t sys_read(int fd, void *buf, uint64_t len);
RT_NORETURN void sys_exit_group(int status);
void *sys_mmap(void *addr, uint64_t len, int prot, int flags, int fd, int64_t off);
int64_t sys_munmap(void *addr, uint64_t len);
int64_t sys_madvise(void *addr, uint64_t len, int advice);
int64_t sys_clock_gettime(int clock, RtTimespec *ts);
int64_t sys_nanosleep(const RtTimespec *req, RtTimespec *rem);
int64_t sys_ioctl(int fd, uint64_t req, void *arg);
int64_t sys_fork(void);
int64_t sys_wait4(int64_t pid, int *status, int options);
int64_t sys_ignore_sigpipe(void);
int64_t sys_openat_read(const char *path);
int64_t sys_close(int fd);
int64_t sys_mprotect(void *addr, uint64_t len, int prot);

#define RT_PROT_NONE 0
#define RT_PROT_RW 3
#define RT_MAP_PRIVATE_ANON 0x22
#define RT_MAP_NORESERVE 0x4000
#define RT_MADV_DONTNEED 4
#define RT_MADV_HUGEPAGE 14
#define RT_CLOCK_MONOTONIC 1
#define RT_CLOCK_PROCESS_CPUTIME_ID 2
#define RT_EINTR 4
#define RT_EPIPE 32
#define RT_EAGAIN 11
#define RT_MMAP_FAILED(p) ((uintptr_t)(p) > (uintptr_t)-4096)

/* ---- arch_<arch>.S: register spill, stack switch, non-local exits --------- */
typedef struct RtJmpBuf { uintptr_t regs[22]; } RtJmpBuf;
void rt_spill_registers(uintptr_t *buf);          /* stores callee-saved registers */
RT_NORETURN void rt_switch_stack(uintptr_t new_sp, void (*fn)(void));
int rt_setjmp(RtJmpBuf *jb);
RT_NORETURN void rt_longjmp(RtJmpBuf *jb, int v);
#define RT_SPILL_WORDS 24

/* ---- lib.c: freestanding helpers ------------------------------------------- */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t rt_strlen(const char *s);
uint32_t rt_hash(const char *s, size_t len);      /* 32-bit FNV-1a */
int rt_format_int(int64_t v, char *buf);          /* decimal, returns length */

/* ---- numfmt.c (shared number formatting) ---------------------------------- */
int sox_format_g(double v, int precision, char *buf);
double sox_parse_number(const char *s, size_t len);

/* ---- out.c: buffered stdout, stderr ----------------------------------------- */
void rt_out_init(void);
void rt_out_write(const char *s, size_t n);
void rt_out_flush(void);
void rt_err_write(const char *s, size_t n);
void rt_err_str(const char *s);

/* A growable byte string on the runtime heap (not a GC object). */
typedef struct RtStr { char *p; size_t len, cap; } RtStr;
void rt_str_put(RtStr *s, const char *p, size_t n);
void rt_str_putc(RtStr *s, char c);
void rt_str_free(RtStr *s);

/* ---- memory.c: allocator and collector --------------------------------------- */
void rt_heap_init(void);
SoxObj *rt_obj_alloc(uint8_t type, size_t size);  /* zeroed, may collect first */
void *rt_raw_alloc(size_t size);                  /* zeroed untyped buffer, not scanned */
void rt_raw_free(void *p, size_t size);
void *rt_raw_realloc(void *p, size_t old_size, size_t new_size);
void rt_gc_collect(void);
void rt_gc_set_stack_base(uintptr_t base);
extern bool rt_gc_stress;
extern uint64_t rt_gc_count;
void rt_gc_push_root(Value *slot);                /* runtime-owned roots (static slots) */
/* Values runtime C code holds in locals need no registration: the conservative
 * scan of the stack and callee-saved registers finds them. */

/* ---- object.c: object constructors ----------------------------------------- */
typedef struct RtTable RtTable;
typedef struct RtEntry { SoxString *key; Value value; } RtEntry;
struct RtTable {
    int64_t count, capacity;
    RtEntry *entries;
};

typedef struct SoxTable { SoxObj obj; RtTable t; } SoxTable;

/* SoxString obj.flags: the string has been the name of some instance's field.  An
 * invocation `a.m()` whose name never was skips the look-up among a's fields. */
#define RT_STR_FIELD_NAME SOX_STR_FIELD_NAME   /* compiled code tests it too (sox_abi.h) */

typedef struct SoxClass {
    SoxObj obj;
    SoxString *name;
    RtTable methods;
    uint64_t id;            /* never reused: what SoxCache remembers */
    Value init;             /* the init closure or SOX_NIL */
    RtTable field_index;    /* field name -> its index in the instances (a number) */
} SoxClass;

/* Fields: a class numbers the field names set on its instances in the order they first
 * appear (field_index), and an instance holds only the values, SOX_UNDEF where it has
 * no such field.  A field's place is then the same in every instance of the class, and
 * an instance is a header and one word per field.  Nothing observes the order of an
 * instance's fields (they are neither printed nor iterated), so unlike a table's it
 * need not follow the reference's buckets.  A new instance gets room inside itself for
 * the fields its class has so far, at most RT_INSTANCE_INLINE_MAX; a field past its
 * room moves the values to a block of their own (ops.c). */
#define RT_INSTANCE_INLINE_MAX 8

typedef struct SoxInstance {
    SoxObj obj;             /* obj.aux: the words at values (instance_room) */
    SoxClass *klass;
    Value *values;          /* inline_values, or a raw block */
    Value inline_values[];
} SoxInstance;

static inline uint32_t instance_room(const SoxInstance *in) { return in->obj.aux; }

/* Compiled code reads and updates fields inline with these offsets (sox_abi.h). */
_Static_assert(offsetof(SoxInstance, obj.aux) == SOX_INSTANCE_CAPACITY, "sox_abi.h");
_Static_assert(offsetof(SoxInstance, values) == SOX_INSTANCE_VALUES, "sox_abi.h");
_Static_assert(offsetof(SoxInstance, klass) == SOX_INSTANCE_CLASS, "sox_abi.h");
_Static_assert(offsetof(SoxClass, id) == SOX_CLASS_ID, "sox_abi.h");
_Static_assert(offsetof(SoxClass, init) == SOX_CLASS_INIT, "sox_abi.h");

typedef struct SoxBound {
    SoxObj obj;
    Value receiver;
    SoxClosure *method;
} SoxBound;

typedef Value (*RtNativeFn)(int argc, const Value *args);
typedef struct SoxNative {
    SoxObj obj;
    RtNativeFn fn;
    const char *name;
} SoxNative;

#define OBJ_TYPE(v) (SOX_AS_OBJ(v)->type)
static inline bool is_obj_type(Value v, int type) { return SOX_IS_OBJ(v) && OBJ_TYPE(v) == type; }
#define IS_STRING(v) is_obj_type(v, SOX_OBJ_STRING)
#define IS_ARRAY(v) is_obj_type(v, SOX_OBJ_ARRAY)
#define IS_TABLE(v) is_obj_type(v, SOX_OBJ_TABLE)
#define IS_CLOSURE(v) is_obj_type(v, SOX_OBJ_CLOSURE)
#define IS_CLASS(v) is_obj_type(v, SOX_OBJ_CLASS)
#define IS_INSTANCE(v) is_obj_type(v, SOX_OBJ_INSTANCE)
#define AS_STRING(v) ((SoxString *)SOX_AS_OBJ(v))
#define AS_ARRAY(v) ((SoxArray *)SOX_AS_OBJ(v))
#define AS_TABLE(v) ((SoxTable *)SOX_AS_OBJ(v))
#define AS_CLOSURE(v) ((SoxClosure *)SOX_AS_OBJ(v))
#define AS_CLASS(v) ((SoxClass *)SOX_AS_OBJ(v))
#define AS_INSTANCE(v) ((SoxInstance *)SOX_AS_OBJ(v))
#define AS_BOUND(v) ((SoxBound *)SOX_AS_OBJ(v))
#define AS_NATIVE(v) ((SoxNative *)SOX_AS_OBJ(v))

static inline double num_of(Value v) { double d; memcpy(&d, &v, 8); return d; }
static inline Value num_val(double d) {
    Value v;
    if (d != d) return SOX_CANONICAL_NAN;
    memcpy(&v, &d, 8);
    return v;
}

SoxString *rt_string(const char *chars, size_t len);       /* interned */
SoxString *rt_string_concat(const char *a, size_t na, uint32_t hash_of_a, const char *b, size_t nb);
Value rt_string_val(const char *chars, size_t len);
Value rt_cstring_val(const char *s);
void rt_strings_sweep(void);                               /* drop unmarked from intern set */
SoxArray *rt_array_new(int64_t capacity);
void rt_array_push(SoxArray *a, Value v);
Value rt_native_new(const char *name, RtNativeFn fn);
Value rt_bound_new(Value receiver, SoxClosure *method);
Value rt_instance_new(SoxClass *klass);

/* ---- table.c: the Sox hash table (bucket order of SOX_LANGUAGE.md §8.4) ----- */
/* Inline: property access and method lookup live on it. */
static inline RtEntry *rt_table_find(const RtTable *t, SoxString *key)
{
    if (t->count == 0)
        return 0;
    uint64_t mask = (uint64_t)t->capacity - 1, i = key->hash & mask;
    for (RtEntry *e; (e = &t->entries[i])->key; i = (i + 1) & mask)
        if (e->key == key)
            return e;
    return 0;
}
static inline bool rt_table_get(const RtTable *t, SoxString *key, Value *out)
{
    const RtEntry *e = rt_table_find(t, key);
    if (e)
        *out = e->value;
    return e != 0;
}
RtEntry *rt_table_set(RtTable *t, SoxString *key, Value v);   /* the entry set */
void rt_table_free(RtTable *t);

/* ---- print.c: printed forms -------------------------------------------------- */
void rt_value_to_str(RtStr *s, Value v);      /* the §8 printed form */
int rt_format_number(double v, char *buf);    /* %g, returns the length */
void rt_concat_piece(RtStr *s, Value v);      /* the §7.2 '+' conversion */
const char *rt_type_name(Value v);            /* type() */

/* ---- error.c: runtime errors and traces ---------------------------------- */
RT_NORETURN void rt_error(const char *fmt, ...);
RT_NORETURN void rt_error_v(const char *fmt, va_list ap);
void rt_format_v(RtStr *s, const char *fmt, va_list ap);
extern const SoxProgramInfo *rt_program;
/* When set, runtime errors print and longjmp here instead of exiting (exit handlers). */
extern RtJmpBuf *rt_error_catch;
extern const char *rt_error_prefix;           /* "Error: " in test mode */

/* ---- start.c: process state ----------------------------------------------- */
extern int rt_argc;
extern char **rt_argv;
extern char **rt_envp;
const char *rt_getenv(const char *name);
void rt_check_stack(void);                     /* Stack overflow. from runtime recursion */

/* ---- natives.c ---------------------------------------------------------------- */
Value rt_native_lookup(const char *name, size_t len);
void rt_run_exit_handlers(void);
Value rt_array_slice(SoxArray *a, double start, double end, bool has_end);

/* ---- math.c -------------------------------------------------------------------- */
double rt_sqrt(double x);
double rt_floor(double x);
double rt_ceil(double x);
double rt_round(double x);
double rt_trunc(double x);
double rt_sin(double x);
double rt_cos(double x);
double rt_tan(double x);
double rt_pow(double x, double y);
double rt_fmod(double x, double y);
void rt_srand(uint32_t seed);
int32_t rt_rand(void);

/* ---- call.c ----------------------------------------------------------------------- */
Value rt_call_closure(SoxClosure *c, Value receiver, bool has_receiver,
                      uint64_t argc, const Value *args);

#endif
