/* object.c — object constructors and the string intern set.
 *
 * Every string is interned, so string equality is pointer equality and table keys
 * compare by address.  The intern set is weak: after marking, the collector
 * rebuilds it from the marked strings only (rt_strings_sweep), so it never holds
 * tombstones and stays at most half full, which keeps probe chains short. */
#include "runtime/rt.h"

/* Open addressing, capacity a power of two.  A slot is one word: the string's
 * address (user addresses fit in 48 bits on both targets) with the top 16 bits
 * of its hash above it, so a probe that does not match never touches the string
 * and the whole set is half the size (it is probed at random: cache misses). */
typedef uint64_t InternSlot;
#define SLOT_STRING(w) ((SoxString *)(uintptr_t)((w) & 0xffffffffffffull))
#define SLOT_TAG(w) ((w) >> 48)
#define HASH_TAG(h) ((uint64_t)(h) >> 16)
static InternSlot *intern;
static size_t intern_cap, intern_count;

/* The buffer a same-size rebuild gave back: reusing it avoids fresh page faults
 * at every collection. */
static InternSlot *spare;
static size_t spare_cap;

static InternSlot *intern_alloc(size_t cap)
{
    if (spare && spare_cap == cap) {
        InternSlot *p = spare;
        spare = 0;
        memset(p, 0, cap * sizeof(InternSlot));
        return p;
    }
    void *p = sys_mmap(0, cap * sizeof(InternSlot), RT_PROT_RW, RT_MAP_PRIVATE_ANON, -1, 0);
    if (RT_MMAP_FAILED(p))
        rt_error("Out of memory.");
    return p;
}

/* Rebuilds the set with `cap` slots, keeping only marked strings when asked. */
static void intern_rebuild(size_t cap, bool only_marked)
{
    size_t old_cap = intern_cap;
    InternSlot *old = intern;
    intern_cap = cap;
    intern = intern_alloc(intern_cap);
    intern_count = 0;
    for (size_t i = 0; i < old_cap; i++) {
        SoxString *s = SLOT_STRING(old[i]);
        if (s && (!only_marked || s->obj.mark)) {
            size_t j = s->hash & (intern_cap - 1);
            while (intern[j])
                j = (j + 1) & (intern_cap - 1);
            intern[j] = old[i];
            intern_count++;
        }
    }
    if (!old)
        return;
    if (spare)
        sys_munmap(spare, spare_cap * sizeof(InternSlot));
    spare = old;
    spare_cap = old_cap;
}

static void intern_make_room(void)
{
    if ((intern_count + 1) * 2 > intern_cap)
        intern_rebuild(intern_cap ? intern_cap * 2 : 1024, false);
}

static uint32_t hash_continue(uint32_t h, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        h ^= (uint8_t)s[i];
        h *= 16777619u;
    }
    return h;
}

/* The interned string a ++ b, where ha is the FNV-1a hash of a.  FNV-1a runs
 * left to right, so the hash of a concatenation continues from the left part's
 * hash: s = s + "x" in a loop hashes one byte per step, not the whole string. */
SoxString *rt_string_concat(const char *a, size_t na, uint32_t ha, const char *b, size_t nb)
{
    size_t len = na + nb;
    if (len > 0xffffffffu)
        rt_error("Out of memory.");
    uint32_t hash = hash_continue(ha, b, nb);
    intern_make_room();
    size_t mask = intern_cap - 1, j = hash & mask;
    for (InternSlot w; (w = intern[j]) != 0; j = (j + 1) & mask) {
        SoxString *s = SLOT_STRING(w);
        if (SLOT_TAG(w) == HASH_TAG(hash) && s->hash == hash && s->length == len &&
            memcmp(s->chars, a, na) == 0 && memcmp(s->chars + na, b, nb) == 0)
            return s;
    }
    /* The allocation may collect, which rebuilds the set: find the slot again
     * afterwards rather than trusting j.  (a and b stay valid: their owners are
     * on the caller's stack, and interior pointers keep objects alive too.) */
    SoxString *s = (SoxString *)rt_obj_alloc(SOX_OBJ_STRING, sizeof(SoxString) + len + 1);
    s->length = (uint32_t)len;
    s->hash = hash;
    memcpy(s->chars, a, na);
    memcpy(s->chars + na, b, nb);
    s->chars[len] = 0;
    intern_make_room();
    mask = intern_cap - 1;
    j = hash & mask;
    while (intern[j])
        j = (j + 1) & mask;
    intern[j] = (uint64_t)(uintptr_t)s | HASH_TAG(hash) << 48;
    intern_count++;
    return s;
}

SoxString *rt_string(const char *chars, size_t len)
{
    return rt_string_concat("", 0, 2166136261u, chars, len);
}

Value rt_string_val(const char *chars, size_t len) { return SOX_OBJ_VAL(rt_string(chars, len)); }
Value rt_cstring_val(const char *s) { return rt_string_val(s, rt_strlen(s)); }
Value sox_string_intern(const char *chars, uint64_t len) { return rt_string_val(chars, len); }

void rt_strings_sweep(void)
{
    /* Keep the capacity: the program will likely make as many strings again
     * before the next collection as it did since the last one (intern_count,
     * before the rebuild).  Shrink only when even that demand was small. */
    size_t cap = intern_cap < 1024 ? 1024 : intern_cap;
    while (cap > 1024 && intern_count * 8 < cap)
        cap /= 2;
    intern_rebuild(cap, true);
}

SoxArray *rt_array_new(int64_t capacity)
{
    SoxArray *a = (SoxArray *)rt_obj_alloc(SOX_OBJ_ARRAY, sizeof(SoxArray));
    if (capacity > 0) {
        a->items = rt_raw_alloc((size_t)capacity * sizeof(Value));
        a->capacity = capacity;
    }
    return a;
}

void rt_array_push(SoxArray *a, Value v)
{
    if (a->count == a->capacity) {
        int64_t cap = a->capacity < 8 ? 8 : a->capacity * 2;
        a->items = rt_raw_realloc(a->items, (size_t)a->capacity * sizeof(Value), (size_t)cap * sizeof(Value));
        a->capacity = cap;
    }
    a->items[a->count++] = v;
}

Value sox_array_new(uint64_t count, const Value *items)
{
    SoxArray *a = rt_array_new((int64_t)count);
    if (count)
        memcpy(a->items, items, count * sizeof(Value));
    a->count = (int64_t)count;
    return SOX_OBJ_VAL(a);
}

Value sox_array_push(Value array, Value v)
{
    rt_array_push(AS_ARRAY(array), v);
    return array;
}

Value sox_table_new(void) { return SOX_OBJ_VAL(rt_obj_alloc(SOX_OBJ_TABLE, sizeof(SoxTable))); }

Value sox_closure_new(const SoxFuncInfo *info, void *code)
{
    SoxClosure *c = (SoxClosure *)rt_obj_alloc(SOX_OBJ_CLOSURE,
                                               sizeof(SoxClosure) + info->ncells * sizeof(SoxCell *));
    c->code = code;
    c->arity = info->arity;
    c->ncells = info->ncells;
    c->info = info;
    return SOX_OBJ_VAL(c);
}

Value sox_cell_new(Value initial)
{
    SoxCell *c = (SoxCell *)rt_obj_alloc(SOX_OBJ_CELL, sizeof(SoxCell));
    c->value = initial;
    return SOX_OBJ_VAL(c);
}

Value rt_native_new(const char *name, RtNativeFn fn)
{
    SoxNative *n = (SoxNative *)rt_obj_alloc(SOX_OBJ_NATIVE, sizeof(SoxNative));
    n->fn = fn;
    n->name = name;
    return SOX_OBJ_VAL(n);
}

Value rt_bound_new(Value receiver, SoxClosure *method)
{
    SoxBound *b = (SoxBound *)rt_obj_alloc(SOX_OBJ_BOUND, sizeof(SoxBound));
    b->receiver = receiver;
    b->method = method;
    return SOX_OBJ_VAL(b);
}

Value rt_instance_new(SoxClass *klass)
{
    uint64_t room = (uint64_t)klass->field_index.count;
    if (room > RT_INSTANCE_INLINE_MAX)
        room = RT_INSTANCE_INLINE_MAX;
    SoxInstance *in = (SoxInstance *)rt_obj_alloc(SOX_OBJ_INSTANCE,
                                                  sizeof(SoxInstance) + room * sizeof(Value));
    in->klass = klass;
    in->obj.aux = (uint32_t)room;
    in->values = in->inline_values;
    for (uint64_t i = 0; i < room; i++)
        in->values[i] = SOX_UNDEF;
    return SOX_OBJ_VAL(in);
}

Value sox_class_new(Value name)
{
    static uint64_t next_id = 1;
    SoxClass *k = (SoxClass *)rt_obj_alloc(SOX_OBJ_CLASS, sizeof(SoxClass));
    k->name = AS_STRING(name);
    k->id = next_id++;
    k->init = SOX_NIL;
    return SOX_OBJ_VAL(k);
}

void sox_class_inherit(Value klass, Value superclass)
{
    if (!IS_CLASS(superclass))
        rt_error("Superclass must be a class.");
    SoxClass *sub = AS_CLASS(klass), *super = AS_CLASS(superclass);
    for (int64_t i = 0; i < super->methods.capacity; i++) {
        RtEntry *e = &super->methods.entries[i];
        if (e->key)
            rt_table_set(&sub->methods, e->key, e->value);
    }
    sub->init = super->init;
}

void sox_class_add_method(Value klass, Value name, Value closure)
{
    SoxClass *k = AS_CLASS(klass);
    rt_table_set(&k->methods, AS_STRING(name), closure);
    if (AS_STRING(name)->length == 4 && memcmp(AS_STRING(name)->chars, "init", 4) == 0)
        k->init = closure;
}
