/* ops.c — the slow paths of compiled code's inline operations: arithmetic and
 * the `+` string rules (§7.2), comparisons, equality, properties and methods
 * (§7.3, §9), indexing, slices and foreach (§7.3-§7.5, §6.8), defers. */
#include "runtime/rt.h"

/* ---- arithmetic and comparison ----------------------------------------------------- */

/* The text of a string, or of a number/nil/bool in a small buffer; false when
 * the value needs the general conversion. */
static bool simple_piece(Value v, char *buf, const char **p, size_t *n)
{
    if (IS_STRING(v)) {
        *p = AS_STRING(v)->chars;
        *n = AS_STRING(v)->length;
        return true;
    }
    if (SOX_IS_NUMBER(v)) {
        *n = (size_t)rt_format_number(num_of(v), buf);
        *p = buf;
        return true;
    }
    return false;
}

static Value concat(Value a, Value b)
{
    char abuf[40], bbuf[40];
    const char *pa, *pb;
    size_t na, nb;
    if (simple_piece(a, abuf, &pa, &na) && simple_piece(b, bbuf, &pb, &nb)) {
        uint32_t ha = IS_STRING(a) ? AS_STRING(a)->hash : rt_hash(pa, na);
        return SOX_OBJ_VAL(rt_string_concat(pa, na, ha, pb, nb));
    }
    RtStr s = { 0 };
    rt_concat_piece(&s, a);
    rt_concat_piece(&s, b);
    Value r = rt_string_val(s.p, s.len);
    rt_str_free(&s);
    return r;
}

Value sox_add(Value a, Value b)
{
    if (SOX_IS_NUMBER(a) && SOX_IS_NUMBER(b))
        return num_val(num_of(a) + num_of(b));
    if (IS_STRING(a) || IS_STRING(b))
        return concat(a, b);
    rt_error("Operands must be two numbers or involve a string.");
}

#define NUMBERS_OR_ERROR(a, b) \
    if (!SOX_IS_NUMBER(a) || !SOX_IS_NUMBER(b)) rt_error("Operands must be numbers.")

Value sox_sub(Value a, Value b) { NUMBERS_OR_ERROR(a, b); return num_val(num_of(a) - num_of(b)); }
Value sox_mul(Value a, Value b) { NUMBERS_OR_ERROR(a, b); return num_val(num_of(a) * num_of(b)); }
Value sox_div(Value a, Value b) { NUMBERS_OR_ERROR(a, b); return num_val(num_of(a) / num_of(b)); }
Value sox_less(Value a, Value b) { NUMBERS_OR_ERROR(a, b); return SOX_BOOL(num_of(a) < num_of(b)); }
Value sox_less_equal(Value a, Value b) { NUMBERS_OR_ERROR(a, b); return SOX_BOOL(num_of(a) <= num_of(b)); }
Value sox_greater(Value a, Value b) { NUMBERS_OR_ERROR(a, b); return SOX_BOOL(num_of(a) > num_of(b)); }
Value sox_greater_equal(Value a, Value b) { NUMBERS_OR_ERROR(a, b); return SOX_BOOL(num_of(a) >= num_of(b)); }

Value sox_negate(Value a)
{
    if (!SOX_IS_NUMBER(a))
        rt_error("Operand must be a number.");
    return num_val(-num_of(a));
}

static bool values_equal(Value a, Value b)
{
    if (SOX_IS_NUMBER(a) && SOX_IS_NUMBER(b))
        return num_of(a) == num_of(b);
    return a == b;       /* strings are interned; other objects compare by identity */
}

Value sox_equal(Value a, Value b) { return SOX_BOOL(values_equal(a, b)); }
Value sox_not_equal(Value a, Value b) { return SOX_BOOL(!values_equal(a, b)); }
bool rt_values_equal(Value a, Value b) { return values_equal(a, b); }

/* ---- properties and methods ------------------------------------------------------------
 * A SoxCache describes the last class seen at a site: its id, and for that class the
 * method found for the site's name (with the name, so a cache used by mistake for two
 * names stays correct) and the index of the site's name among the class's fields.
 * Class ids are never reused, so a cache for a class that has been collected can
 * never match again: what it remembers is only trusted after the live receiver's
 * class proved the id.  Compiled code makes the same tests inline (sox_abi.h) and
 * comes here only when they fail. */

enum { CACHE_CLASS_ID, CACHE_METHOD, CACHE_NAME, CACHE_FIELD };
/* compiled code reads these words (sox_abi.h) */
_Static_assert(CACHE_CLASS_ID == SOX_CACHE_CLASS_ID && CACHE_METHOD == SOX_CACHE_METHOD
               && CACHE_NAME == SOX_CACHE_NAME && CACHE_FIELD == SOX_CACHE_FIELD, "sox_abi.h");
#define NO_FIELD UINT64_MAX

/* What a cache names before it holds a method: a string no site has, flagged as a field
 * name, so that compiled code's invocation test fails on it (sox_abi.h). */
static SoxString no_method = { .obj = { .type = SOX_OBJ_STRING, .flags = RT_STR_FIELD_NAME } };

/* Makes the cache describe class k, forgetting what it knew of another class. */
static void cache_class(SoxCache *cache, const SoxClass *k)
{
    if (cache->word[CACHE_CLASS_ID] == k->id)
        return;
    cache->word[CACHE_CLASS_ID] = k->id;
    cache->word[CACHE_METHOD] = 0;
    cache->word[CACHE_NAME] = (uint64_t)(uintptr_t)&no_method;
    cache->word[CACHE_FIELD] = NO_FIELD;
}

static SoxClosure *find_method(SoxClass *k, SoxString *name, SoxCache *cache)
{
    if (cache && cache->word[CACHE_CLASS_ID] == k->id && cache->word[CACHE_NAME] == (uintptr_t)name)
        return (SoxClosure *)(uintptr_t)cache->word[CACHE_METHOD];
    Value m;
    if (!rt_table_get(&k->methods, name, &m))
        return 0;
    if (cache) {
        cache_class(cache, k);
        cache->word[CACHE_METHOD] = (uint64_t)(uintptr_t)AS_CLOSURE(m);
        cache->word[CACHE_NAME] = (uint64_t)(uintptr_t)name;
    }
    return AS_CLOSURE(m);
}

/* At an invocation site whose cache holds method m of class k: the index of the field
 * m returns if it is a getter and k's instances ever had that field (sox_abi.h). */
static void cache_getter(SoxCache *cache, SoxClass *k, const SoxClosure *m)
{
    Value index;
    cache->word[CACHE_FIELD] = m->info->getter
        && rt_table_get(&k->field_index, AS_STRING(*m->info->getter), &index)
        ? (uint64_t)num_of(index) : NO_FIELD;
}

/* The index of field `name` in instances of k, trying the site's cache first;
 * NO_FIELD if no instance of k ever had that field. */
static uint64_t field_index(SoxClass *k, SoxString *name, SoxCache *cache)
{
    if (cache && cache->word[CACHE_CLASS_ID] == k->id && cache->word[CACHE_FIELD] != NO_FIELD)
        return cache->word[CACHE_FIELD];
    Value v;
    if (!rt_table_get(&k->field_index, name, &v))
        return NO_FIELD;
    uint64_t index = (uint64_t)num_of(v);
    if (cache) {
        cache_class(cache, k);
        cache->word[CACHE_FIELD] = index;
    }
    return index;
}

/* in's field `name`, or NULL when it has none. */
static Value *find_field(SoxInstance *in, SoxString *name, SoxCache *cache)
{
    uint64_t i = field_index(in->klass, name, cache);
    return i < instance_room(in) && in->values[i] != SOX_UNDEF ? &in->values[i] : 0;
}

RT_NORETURN static void undefined_property(Value name)
{
    rt_error("Undefined property '%v'.", name);
}

Value sox_get_property(Value obj, Value name, SoxCache *cache)
{
    Value v;
    if (IS_INSTANCE(obj)) {
        SoxInstance *in = AS_INSTANCE(obj);
        Value *field = AS_STRING(name)->obj.flags & RT_STR_FIELD_NAME
                           ? find_field(in, AS_STRING(name), cache) : 0;
        if (field)
            return *field;
        SoxClosure *m = find_method(in->klass, AS_STRING(name), cache);
        if (!m)
            undefined_property(name);
        return rt_bound_new(obj, m);
    }
    if (IS_TABLE(obj))
        return rt_table_get(&AS_TABLE(obj)->t, AS_STRING(name), &v) ? v : SOX_NIL;
    rt_error("Only instances and tables have properties.");
}

/* Gives in room for at least n values: past its inline room, in a block of its own. */
static void grow_values(SoxInstance *in, uint64_t n)
{
    uint64_t room = instance_room(in), cap = room < 4 ? 8 : room * 2;
    while (cap < n)
        cap *= 2;
    Value *values = rt_raw_alloc(cap * sizeof(Value));
    for (uint64_t i = 0; i < cap; i++)
        values[i] = i < room ? in->values[i] : SOX_UNDEF;
    if (in->values != in->inline_values)
        rt_raw_free(in->values, room * sizeof(Value));
    in->values = values;
    in->obj.aux = (uint32_t)cap;
}

static void set_field(SoxInstance *in, SoxString *name, Value v, SoxCache *cache)
{
    SoxClass *k = in->klass;
    uint64_t i = field_index(k, name, cache);
    if (i == NO_FIELD) {
        i = (uint64_t)k->field_index.count;
        rt_table_set(&k->field_index, name, num_val((double)i));
        name->obj.flags |= RT_STR_FIELD_NAME;
        if (cache) {
            cache_class(cache, k);
            cache->word[CACHE_FIELD] = i;
        }
    }
    if (i >= instance_room(in))
        grow_values(in, i + 1);
    in->values[i] = v;
}

Value sox_set_property(Value obj, Value name, Value v, SoxCache *cache)
{
    if (IS_INSTANCE(obj))
        set_field(AS_INSTANCE(obj), AS_STRING(name), v, cache);
    else if (IS_TABLE(obj))
        rt_table_set(&AS_TABLE(obj)->t, AS_STRING(name), v);
    else
        rt_error("Only instances and tables have fields.");
    return v;
}

typedef Value (*MethodCode0)(Value, Value);
typedef Value (*MethodCode1)(Value, Value, Value);
typedef Value (*MethodCode2)(Value, Value, Value, Value);

/* rt_call_closure for a method, with the commonest arities called straight from
 * here (often as a tail call): invocation is the hottest path of OO programs. */
static Value call_method(SoxClosure *m, Value receiver, uint64_t argc, const Value *args)
{
    if (RT_LIKELY(m->arity == argc)) {
        Value self = SOX_OBJ_VAL(m);
        switch (argc) {
        case 0: return ((MethodCode0)m->code)(self, receiver);
        case 1: return ((MethodCode1)m->code)(self, receiver, args[0]);
        case 2: return ((MethodCode2)m->code)(self, receiver, args[0], args[1]);
        default: break;
        }
    }
    return rt_call_closure(m, receiver, true, argc, args);
}

Value sox_invoke(Value receiver, Value name, uint64_t argc, const Value *args, SoxCache *cache)
{
    Value v;
    if (IS_INSTANCE(receiver)) {
        SoxInstance *in = AS_INSTANCE(receiver);
        Value *field = AS_STRING(name)->obj.flags & RT_STR_FIELD_NAME
                           ? find_field(in, AS_STRING(name), 0) : 0;
        if (field)
            return sox_call(*field, argc, args);
        SoxClosure *m = find_method(in->klass, AS_STRING(name), cache);
        if (!m)
            undefined_property(name);
        if (cache)
            cache_getter(cache, in->klass, m);
        return call_method(m, receiver, argc, args);
    }
    if (IS_TABLE(receiver)) {
        if (!rt_table_get(&AS_TABLE(receiver)->t, AS_STRING(name), &v))
            undefined_property(name);
        return sox_call(v, argc, args);
    }
    rt_error("Only instances and tables have methods.");
}

static SoxClosure *super_method(Value superclass, Value name)
{
    Value m;
    if (!IS_CLASS(superclass))
        rt_error("Superclass must be a class.");
    if (!rt_table_get(&AS_CLASS(superclass)->methods, AS_STRING(name), &m))
        undefined_property(name);
    return AS_CLOSURE(m);
}

Value sox_super_get(Value superclass, Value name, Value receiver)
{
    return rt_bound_new(receiver, super_method(superclass, name));
}

Value sox_super_invoke(Value superclass, Value name, Value receiver, uint64_t argc, const Value *args)
{
    return rt_call_closure(super_method(superclass, name), receiver, true, argc, args);
}

/* ---- indexing ----------------------------------------------------------------------------- */

/* The reference derives the type tag of index errors wrongly (§7.3); these are its words. */
static const char *index_type_tag(Value v)
{
    if (v == SOX_TRUE || v == SOX_FALSE)
        return "Bound Method";
    if (SOX_IS_NUMBER(v))
        return "Closure";
    if (SOX_IS_OBJ(v))
        return "Function";
    return "Class";
}

/* C's (int) conversion as x86-64 does it: out-of-range and NaN give INT_MIN. */
static int64_t truncate_index(double d)
{
    if (d > -2147483649.0 && d < 2147483648.0)
        return (int64_t)d;
    return -2147483648LL;
}

static int64_t array_index(SoxArray *a, Value index, const char *type_msg)
{
    if (!SOX_IS_NUMBER(index))
        rt_error(type_msg, index_type_tag(index));
    int64_t i = truncate_index(num_of(index));
    if (i < 0 || i >= a->count)
        rt_error("Index out of bounds. index=(%ld) count=(%ld)", (long)i, (long)a->count);
    return i;
}

Value sox_index_get(Value obj, Value index)
{
    if (IS_ARRAY(obj)) {
        SoxArray *a = AS_ARRAY(obj);
        return a->items[array_index(a, index, "Index value must be a number for arrays. type=(%s)")];
    }
    if (IS_TABLE(obj)) {
        Value v;
        if (!IS_STRING(index))
            rt_error("Index value must be a string for tables. type=(%s)", index_type_tag(index));
        return rt_table_get(&AS_TABLE(obj)->t, AS_STRING(index), &v) ? v : SOX_NIL;
    }
    rt_error("cannot index non-table or array types.");
}

Value sox_index_set(Value obj, Value index, Value v)
{
    if (IS_ARRAY(obj)) {
        SoxArray *a = AS_ARRAY(obj);
        a->items[array_index(a, index, "Index value must be a number. type=(%s)")] = v;
        return v;
    }
    if (IS_TABLE(obj)) {
        if (!IS_STRING(index))
            rt_error("Index value must be a string. type=(%s)", index_type_tag(index));
        rt_table_set(&AS_TABLE(obj)->t, AS_STRING(index), v);
        return v;
    }
    rt_error("cannot index non-table or array types.");
}

/* Inclusive slice a[start..end], both clamped into the array (§7.5, recommended
 * semantics): [] when start > end. */
Value rt_array_slice(SoxArray *a, double start, double end, bool has_end)
{
    int64_t s = truncate_index(start), e = has_end ? truncate_index(end) : a->count - 1;
    if (s < 0)
        s = 0;
    if (e > a->count - 1)
        e = a->count - 1;
    int64_t n = s > e ? 0 : e - s + 1;
    SoxArray *r = rt_array_new(n);
    if (n)
        memcpy(r->items, a->items + s, (size_t)n * sizeof(Value));
    r->count = n;
    return SOX_OBJ_VAL(r);
}

Value sox_slice(Value obj, Value start, Value end)
{
    if (!IS_ARRAY(obj))
        rt_error("Array range expects array.");
    if ((start != SOX_UNDEF && !SOX_IS_NUMBER(start)) || (end != SOX_UNDEF && !SOX_IS_NUMBER(end)))
        rt_error("Invalid array range definition.");
    return rt_array_slice(AS_ARRAY(obj), start == SOX_UNDEF ? 0 : num_of(start),
                          end == SOX_UNDEF ? 0 : num_of(end), end != SOX_UNDEF);
}

/* ---- foreach -------------------------------------------------------------------------------- */

void sox_foreach_check(Value container)
{
    if (!IS_ARRAY(container) && !IS_TABLE(container))
        rt_error("Get Iterator expects a container.");
}

int64_t sox_foreach_next(Value container, int64_t pos, Value out[2])
{
    if (IS_ARRAY(container)) {
        SoxArray *a = AS_ARRAY(container);
        if (pos >= a->count)
            return -1;
        out[0] = num_val((double)pos);
        out[1] = a->items[pos];
        return pos + 1;
    }
    if (IS_TABLE(container)) {
        RtTable *t = &AS_TABLE(container)->t;
        for (; pos < t->capacity; pos++)
            if (t->entries[pos].key) {
                out[0] = SOX_OBJ_VAL(t->entries[pos].key);
                out[1] = t->entries[pos].value;
                return pos + 1;
            }
        return -1;
    }
    rt_error("Get Iterator expects a container.");
}

void sox_defers_run(Value list)
{
    if (!IS_ARRAY(list))
        return;
    SoxArray *a = AS_ARRAY(list);
    for (int64_t i = a->count - 1; i >= 0; i--)
        if (i < a->count)
            sox_call(a->items[i], 0, 0);
}
