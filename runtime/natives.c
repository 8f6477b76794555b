/* natives.c — the built-in functions of SOX_LANGUAGE.md §11, with their error
 * texts.  Where the reference reads garbage for missing arguments, we check the
 * count and report `<name>(): requires N parameters` instead (never a crash).
 * Every error follows the pattern `<name>(): <reason>`. */
#include "runtime/rt.h"

bool rt_values_equal(Value a, Value b);

#define NATIVE(fn) static Value fn(int argc, const Value *args)
#define ARG_UNUSED (void)argc, (void)args

static bool is_num(Value v) { return SOX_IS_NUMBER(v); }

static Value len_of_string(SoxString *s) { return num_val(s->length); }

static SoxString *str_arg(const Value *args, int i) { return AS_STRING(args[i]); }

RT_NORETURN static void fail(const char *name, const char *reason)
{
    rt_error("%s(): %s", name, reason);
}

static void want_count(const char *name, int argc, int lo, int hi)
{
    if (argc >= lo && argc <= hi)
        return;
    if (lo == hi)
        rt_error("%s(): requires %d parameter%s", name, lo, lo == 1 ? "" : "s");
    rt_error("%s(): requires %d or %d parameters", name, lo, hi);
}

/* ---- containers and types ------------------------------------------------------------ */

NATIVE(n_table) { ARG_UNUSED; return sox_table_new(); }

NATIVE(n_len)
{
    if (argc != 1)
        fail("len", "invalid parameter count");
    if (IS_ARRAY(args[0]))
        return num_val((double)AS_ARRAY(args[0])->count);
    if (IS_TABLE(args[0]))
        return num_val((double)AS_TABLE(args[0])->t.count);
    if (IS_STRING(args[0]))
        return len_of_string(AS_STRING(args[0]));
    fail("len", "invalid parameter type");
}

NATIVE(n_push)
{
    if (argc != 2)
        fail("push", "invalid parameter count");
    if (!IS_ARRAY(args[0]))
        fail("push", "invalid parameter type");
    rt_array_push(AS_ARRAY(args[0]), args[1]);
    return args[0];
}

NATIVE(n_pop)
{
    if (argc != 1)
        fail("pop", "invalid parameter count");
    if (!IS_ARRAY(args[0]))
        fail("pop", "invalid parameter type");
    SoxArray *a = AS_ARRAY(args[0]);
    if (a->count == 0)
        fail("pop", "array is empty");
    return a->items[--a->count];
}

NATIVE(n_type)
{
    if (argc != 1)
        fail("type", "invalid argument(s)");
    return rt_cstring_val(rt_type_name(args[0]));
}

/* ---- time ------------------------------------------------------------------------------- */

NATIVE(n_clock)
{
    ARG_UNUSED;
    RtTimespec ts = { 0, 0 };
    sys_clock_gettime(RT_CLOCK_PROCESS_CPUTIME_ID, &ts);
    /* C clock(): microseconds, then / CLOCKS_PER_SEC */
    return num_val((double)(ts.sec * 1000000 + ts.nsec / 1000) / 1000000.0);
}

static void sleep_ns(double ns)
{
    RtTimespec req = { (int64_t)(ns / 1e9), 0 }, rem;
    req.nsec = (int64_t)(ns - (double)req.sec * 1e9);
    if (req.nsec < 0)
        req.nsec = 0;
    if (req.nsec > 999999999)
        req.nsec = 999999999;
    while (sys_nanosleep(&req, &rem) == -RT_EINTR)
        req = rem;
}

NATIVE(n_usleep)
{
    if (argc != 1 || !is_num(args[0]))
        return num_val(-1);
    double us = num_of(args[0]);
    if (us > 0)
        sleep_ns(rt_trunc(us) * 1000);
    return num_val(0);
}

NATIVE(n_sys_sleep)
{
    want_count("sysSleep", argc, 1, 1);
    if (!is_num(args[0]))
        fail("sysSleep", "parameter must be a number");
    double s = num_of(args[0]);
    if (s < 0)
        fail("sysSleep", "sleep time cannot be negative");
    sleep_ns(s * 1e9);
    return SOX_NIL;
}

/* ---- strings ------------------------------------------------------------------------------ */

static Value map_case(int argc, const Value *args, const char *name, bool upper)
{
    if (argc != 1)
        fail(name, "invalid parameter count");
    if (!IS_STRING(args[0]))
        fail(name, "parameter must be a string");
    SoxString *s = AS_STRING(args[0]);
    RtStr out = { 0 };
    for (uint32_t i = 0; i < s->length; i++) {
        char c = s->chars[i];
        if (upper && c >= 'a' && c <= 'z')
            c = (char)(c - 32);
        else if (!upper && c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        rt_str_putc(&out, c);
    }
    Value r = rt_string_val(out.p ? out.p : "", out.len);
    rt_str_free(&out);
    return r;
}

NATIVE(n_string_upper) { return map_case(argc, args, "stringUpper", true); }
NATIVE(n_string_lower) { return map_case(argc, args, "stringLower", false); }

static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

NATIVE(n_string_trim)
{
    want_count("stringTrim", argc, 1, 1);
    if (!IS_STRING(args[0]))
        fail("stringTrim", "parameter must be a string");
    SoxString *s = str_arg(args, 0);
    uint32_t a = 0, b = s->length;
    while (a < b && is_space(s->chars[a]))
        a++;
    while (b > a && is_space(s->chars[b - 1]))
        b--;
    return rt_string_val(s->chars + a, b - a);
}

static void want_strings(const char *name, int argc, const Value *args, int n, const char *reason)
{
    want_count(name, argc, n, n);
    for (int i = 0; i < n; i++)
        if (!IS_STRING(args[i]))
            fail(name, reason);
}

/* Index of the first occurrence of needle in hay at or after 0, or -1. */
static int64_t find(const SoxString *hay, const SoxString *needle)
{
    if (needle->length == 0)
        return 0;
    for (uint32_t i = 0; i + needle->length <= hay->length; i++)
        if (hay->chars[i] == needle->chars[0] &&
            memcmp(hay->chars + i, needle->chars, needle->length) == 0)
            return i;
    return -1;
}

NATIVE(n_string_index_of)
{
    want_strings("stringIndexOf", argc, args, 2, "both parameters must be strings");
    return num_val((double)find(str_arg(args, 0), str_arg(args, 1)));
}

NATIVE(n_string_substring)
{
    want_count("stringSubstring", argc, 2, 3);
    if (!IS_STRING(args[0]))
        fail("stringSubstring", "first parameter must be a string");
    if (!is_num(args[1]) || (argc == 3 && !is_num(args[2])))
        fail("stringSubstring", "start and end must be numbers");
    SoxString *s = str_arg(args, 0);
    double start = rt_trunc(num_of(args[1])), end = argc == 3 ? rt_trunc(num_of(args[2])) : s->length;
    if (start < 0)
        start = 0;
    if (end > s->length)
        end = s->length;
    if (!(start < end))
        return rt_string_val("", 0);
    return rt_string_val(s->chars + (size_t)start, (size_t)(end - start));
}

NATIVE(n_string_replace)
{
    want_strings("stringReplace", argc, args, 3, "all parameters must be strings");
    SoxString *s = str_arg(args, 0), *old = str_arg(args, 1), *new = str_arg(args, 2);
    int64_t at = old->length ? find(s, old) : -1;
    if (at < 0)
        return args[0];
    RtStr out = { 0 };
    rt_str_put(&out, s->chars, (size_t)at);
    rt_str_put(&out, new->chars, new->length);
    rt_str_put(&out, s->chars + at + old->length, s->length - (size_t)at - old->length);
    Value r = rt_string_val(out.p, out.len);
    rt_str_free(&out);
    return r;
}

NATIVE(n_string_starts_with)
{
    want_strings("stringStartsWith", argc, args, 2, "both parameters must be strings");
    SoxString *s = str_arg(args, 0), *p = str_arg(args, 1);
    return SOX_BOOL(p->length <= s->length && memcmp(s->chars, p->chars, p->length) == 0);
}

NATIVE(n_string_ends_with)
{
    want_strings("stringEndsWith", argc, args, 2, "both parameters must be strings");
    SoxString *s = str_arg(args, 0), *p = str_arg(args, 1);
    return SOX_BOOL(p->length <= s->length &&
                    memcmp(s->chars + s->length - p->length, p->chars, p->length) == 0);
}

NATIVE(n_string_split)
{
    want_strings("stringSplit", argc, args, 2, "both parameters must be strings");
    SoxString *s = str_arg(args, 0), *d = str_arg(args, 1);
    SoxArray *out = rt_array_new(0);
    Value result = SOX_OBJ_VAL(out);
    if (d->length == 0) {
        if (s->length)
            rt_array_push(out, args[0]);
        return result;
    }
    uint32_t start = 0;
    for (uint32_t i = 0; i + d->length <= s->length;) {
        if (memcmp(s->chars + i, d->chars, d->length) == 0) {
            rt_array_push(out, rt_string_val(s->chars + start, i - start));
            i += d->length;
            start = i;
        } else {
            i++;
        }
    }
    if (start < s->length)   /* a trailing delimiter gives no trailing piece */
        rt_array_push(out, rt_string_val(s->chars + start, s->length - start));
    return result;
}

/* ---- math ----------------------------------------------------------------------------------- */

static double num_arg1(const char *name, int argc, const Value *args)
{
    want_count(name, argc, 1, 1);
    if (!is_num(args[0]))
        fail(name, "parameter must be a number");
    return num_of(args[0]);
}

NATIVE(n_math_sqrt)
{
    double x = num_arg1("mathSqrt", argc, args);
    if (x < 0)
        fail("mathSqrt", "cannot take square root of negative number");
    return num_val(rt_sqrt(x));
}

NATIVE(n_math_pow)
{
    want_count("mathPow", argc, 2, 2);
    if (!is_num(args[0]) || !is_num(args[1]))
        fail("mathPow", "both parameters must be numbers");
    return num_val(rt_pow(num_of(args[0]), num_of(args[1])));
}

NATIVE(n_math_floor) { return num_val(rt_floor(num_arg1("mathFloor", argc, args))); }
NATIVE(n_math_ceil) { return num_val(rt_ceil(num_arg1("mathCeil", argc, args))); }
NATIVE(n_math_round) { return num_val(rt_round(num_arg1("mathRound", argc, args))); }
NATIVE(n_math_sin) { return num_val(rt_sin(num_arg1("mathSin", argc, args))); }
NATIVE(n_math_cos) { return num_val(rt_cos(num_arg1("mathCos", argc, args))); }
NATIVE(n_math_tan) { return num_val(rt_tan(num_arg1("mathTan", argc, args))); }

NATIVE(n_math_random)
{
    ARG_UNUSED;
    return num_val((double)rt_rand() / 2147483647.0);
}

/* C's (int) conversion of a double, as x86-64 does it (out of range -> INT_MIN). */
static int32_t to_c_int(double d)
{
    return d > -2147483649.0 && d < 2147483648.0 ? (int32_t)d : (int32_t)0x80000000u;
}

NATIVE(n_math_random_int)
{
    want_count("mathRandomInt", argc, 2, 2);
    if (!is_num(args[0]) || !is_num(args[1]))
        fail("mathRandomInt", "both parameters must be numbers");
    int32_t lo = to_c_int(num_of(args[0])), hi = to_c_int(num_of(args[1]));
    if (lo > hi)
        fail("mathRandomInt", "min must be <= max");
    int64_t span = (int64_t)hi - lo + 1;
    return num_val((double)(lo + rt_rand() % span));
}

NATIVE(n_math_srand)
{
    double seed = num_arg1("mathSrand", argc, args);
    rt_srand((uint32_t)(seed > -9.2e18 && seed < 9.2e18 ? (int64_t)seed : 0));
    return SOX_NIL;
}

/* ---- arrays ------------------------------------------------------------------------------------ */

static SoxArray *array_arg(const char *name, int argc, const Value *args, int lo, int hi, const char *reason)
{
    want_count(name, argc, lo, hi);
    if (!IS_ARRAY(args[0]))
        fail(name, reason);
    return AS_ARRAY(args[0]);
}

NATIVE(n_array_slice)
{
    SoxArray *a = array_arg("arraySlice", argc, args, 2, 3, "first parameter must be an array");
    if (!is_num(args[1]) || (argc == 3 && !is_num(args[2])))
        fail("arraySlice", "start and end must be numbers");
    double start = rt_trunc(num_of(args[1]));
    double end = argc == 3 ? rt_trunc(num_of(args[2])) : (double)a->count - 1;
    if (start >= end && !(argc == 2 && start == end))
        return SOX_OBJ_VAL(rt_array_new(0));
    return rt_array_slice(a, start, end, true);
}

NATIVE(n_array_reverse)
{
    SoxArray *a = array_arg("arrayReverse", argc, args, 1, 1, "parameter must be an array");
    SoxArray *r = rt_array_new(a->count);
    for (int64_t i = 0; i < a->count; i++)
        r->items[i] = a->items[a->count - 1 - i];
    r->count = a->count;
    return SOX_OBJ_VAL(r);
}

static int64_t index_of(SoxArray *a, Value v)
{
    for (int64_t i = 0; i < a->count; i++)
        if (rt_values_equal(a->items[i], v))
            return i;
    return -1;
}

NATIVE(n_array_index_of)
{
    SoxArray *a = array_arg("arrayIndexOf", argc, args, 2, 2, "first parameter must be an array");
    return num_val((double)index_of(a, args[1]));
}

NATIVE(n_array_contains)
{
    SoxArray *a = array_arg("arrayContains", argc, args, 2, 2, "first parameter must be an array");
    return SOX_BOOL(index_of(a, args[1]) >= 0);
}

NATIVE(n_array_join)
{
    SoxArray *a = array_arg("arrayJoin", argc, args, 2, 2, "first parameter must be an array");
    if (!IS_STRING(args[1]))
        fail("arrayJoin", "separator must be a string");
    SoxString *sep = AS_STRING(args[1]);
    RtStr out = { 0 };
    for (int64_t i = 0; i < a->count; i++) {
        Value v = a->items[i];
        if (i)
            rt_str_put(&out, sep->chars, sep->length);
        if (SOX_IS_NUMBER(v)) {
            char buf[40];
            rt_str_put(&out, buf, (size_t)sox_format_g(num_of(v), 14, buf));
        } else {
            rt_concat_piece(&out, v);
        }
    }
    Value r = rt_string_val(out.p ? out.p : "", out.len);
    rt_str_free(&out);
    return r;
}

/* ---- system ---------------------------------------------------------------------------------------- */

static Value exit_handlers = SOX_NIL;    /* an array, registered as a runtime root */

NATIVE(n_sys_args) { ARG_UNUSED; return sox_argv_value(); }

NATIVE(n_sys_getenv)
{
    want_count("sysGetenv", argc, 1, 1);
    if (!IS_STRING(args[0]))
        fail("sysGetenv", "parameter must be a string");
    const char *v = rt_getenv(AS_STRING(args[0])->chars);
    return v ? rt_cstring_val(v) : SOX_NIL;
}

NATIVE(n_sys_on_exit)
{
    want_count("sysOnExit", argc, 1, 1);
    if (!IS_CLOSURE(args[0]) && !is_obj_type(args[0], SOX_OBJ_BOUND))
        fail("sysOnExit", "parameter must be a function");
    if (exit_handlers == SOX_NIL) {
        exit_handlers = SOX_OBJ_VAL(rt_array_new(4));
        rt_gc_push_root(&exit_handlers);
    }
    rt_array_push(AS_ARRAY(exit_handlers), args[0]);
    return SOX_NIL;
}

/* LIFO; an error inside a handler is reported and the next handler still runs. */
void rt_run_exit_handlers(void)
{
    if (exit_handlers == SOX_NIL)
        return;
    SoxArray *a = AS_ARRAY(exit_handlers);
    for (volatile int64_t i = a->count - 1; i >= 0; i--) {
        RtJmpBuf jb;
        if (rt_setjmp(&jb) == 0) {
            rt_error_catch = &jb;
            sox_call(a->items[i], 0, 0);
        }
        rt_error_catch = 0;
    }
    a->count = 0;
}

NATIVE(n_sys_exit)
{
    int status = 0;
    if (argc >= 1) {
        if (!is_num(args[0]))
            fail("sysExit", "parameter must be a number");
        status = to_c_int(rt_trunc(num_of(args[0])));
    }
    rt_run_exit_handlers();
    sox_exit(status);
}

NATIVE(n_sys_platform) { ARG_UNUSED; return rt_cstring_val("linux"); }

/* ---- the table of natives ------------------------------------------------------------------------------ */

static const struct { const char *name; RtNativeFn fn; } natives[] = {
    { "Table", n_table }, { "len", n_len }, { "push", n_push }, { "pop", n_pop },
    { "type", n_type }, { "clock", n_clock }, { "usleep", n_usleep },
    { "stringUpper", n_string_upper }, { "stringLower", n_string_lower },
    { "stringTrim", n_string_trim }, { "stringIndexOf", n_string_index_of },
    { "stringSubstring", n_string_substring }, { "stringReplace", n_string_replace },
    { "stringStartsWith", n_string_starts_with }, { "stringEndsWith", n_string_ends_with },
    { "stringSplit", n_string_split }, { "mathSqrt", n_math_sqrt }, { "mathPow", n_math_pow },
    { "mathFloor", n_math_floor }, { "mathCeil", n_math_ceil }, { "mathRound", n_math_round },
    { "mathSin", n_math_sin }, { "mathCos", n_math_cos }, { "mathTan", n_math_tan },
    { "mathRandom", n_math_random }, { "mathRandomInt", n_math_random_int },
    { "mathSrand", n_math_srand }, { "arraySlice", n_array_slice },
    { "arrayReverse", n_array_reverse }, { "arrayIndexOf", n_array_index_of },
    { "arrayContains", n_array_contains }, { "arrayJoin", n_array_join },
    { "sysArgs", n_sys_args }, { "sysGetenv", n_sys_getenv }, { "sysOnExit", n_sys_on_exit },
    { "sysExit", n_sys_exit }, { "sysPlatform", n_sys_platform }, { "sysSleep", n_sys_sleep },
};
#define NNATIVES (int)(sizeof natives / sizeof natives[0])

static Value native_objects = SOX_NIL;   /* one object per native, so clock == clock */

Value sox_native_lookup(const char *name, uint64_t len)
{
    for (int i = 0; i < NNATIVES; i++) {
        if (rt_strlen(natives[i].name) != len || memcmp(natives[i].name, name, len) != 0)
            continue;
        if (native_objects == SOX_NIL) {
            SoxArray *a = rt_array_new(NNATIVES);
            a->count = NNATIVES;
            for (int j = 0; j < NNATIVES; j++)
                a->items[j] = SOX_NIL;
            native_objects = SOX_OBJ_VAL(a);
            rt_gc_push_root(&native_objects);
        }
        SoxArray *a = AS_ARRAY(native_objects);
        if (a->items[i] == SOX_NIL) {
            Value n = rt_native_new(natives[i].name, natives[i].fn);
            a->items[i] = n;
        }
        return a->items[i];
    }
    return SOX_UNDEF;
}
