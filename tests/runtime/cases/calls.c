/* Calls (§7.3, §9): closures through sox_call_code with 0..12 words (stack
 * arguments on both ABIs), arity errors, natives, classes with and without init,
 * bound methods, invoke with a per-site cache, fields shadowing methods, super,
 * tables' t.f() calls, and what cannot be called. */
#include "tests/runtime/harness.h"

static SoxFuncInfo sum_info[13];
static const char *names[13] = { "f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12" };

/* "compiled" functions: code(closure, a1..aN) */
static Value f0(Value c) { (void)c; return N(0); }
static Value f1(Value c, Value a) { (void)c; return a; }
static Value f6(Value c, Value a, Value b, Value d, Value e, Value f, Value g)
{ (void)c; return N(num_of(a) + 10 * num_of(b) + 100 * num_of(d) + 1000 * num_of(e) + 10000 * num_of(f) + 100000 * num_of(g)); }
static Value f9(Value c, Value a, Value b, Value d, Value e, Value f, Value g, Value h, Value i, Value j)
{ (void)c; return N(num_of(a) - num_of(b) + num_of(d) - num_of(e) + num_of(f) - num_of(g) + num_of(h) - num_of(i) + 100 * num_of(j)); }
static Value f12(Value c, Value a, Value b, Value d, Value e, Value f, Value g, Value h, Value i, Value j, Value k, Value l, Value m)
{ (void)c; return N(num_of(a) + num_of(b) + num_of(d) + num_of(e) + num_of(f) + num_of(g) + num_of(h) + num_of(i) + num_of(j) + num_of(k) + num_of(l) + 1000 * num_of(m)); }

/* methods: code(closure, this, args...) */
static SoxFuncInfo init_info = { "init", 4, 1, SOX_FN_METHOD | SOX_FN_INIT, 0, 0 };
static SoxFuncInfo hello_info = { "hello", 5, 0, SOX_FN_METHOD, 0, 0 };
static SoxFuncInfo who_info = { "who", 3, 0, SOX_FN_METHOD, 0, 0 };
static SoxFuncInfo bwho_info = { "who", 3, 0, SOX_FN_METHOD, 0, 0 };
static SoxFuncInfo many_info = { "many", 4, 8, SOX_FN_METHOD, 0, 0 };
static Value superclass_A;

static Value m_init(Value c, Value this, Value name) { (void)c; sox_set_property(this, S("name"), name, 0); return this; }
static Value m_hello(Value c, Value this) { (void)c; return sox_add(S("hello from "), sox_get_property(this, S("name"), 0)); }
static Value m_who(Value c, Value this) { (void)c; (void)this; return S("A"); }
static Value m_bwho(Value c, Value this)
{ (void)c; return sox_add(S("B/"), sox_super_invoke(superclass_A, S("who"), this, 0, 0)); }
static Value m_many(Value c, Value this, Value a, Value b, Value d, Value e, Value f, Value g, Value h, Value i)
{ (void)c; (void)this; return N(num_of(a) + num_of(b) + num_of(d) + num_of(e) + num_of(f) + num_of(g) + num_of(h) + 1000 * num_of(i)); }

void sox_program_entry(void)
{
    sox_register_program(&program);
    void *codes[13] = { (void *)f0, (void *)f1, 0, 0, 0, 0, (void *)f6, 0, 0, (void *)f9, 0, 0, (void *)f12 };
    Value args[13];
    for (int i = 0; i < 13; i++)
        args[i] = N(i + 1);
    for (int n = 0; n <= 12; n++) {
        if (!codes[n])
            continue;
        sum_info[n] = (SoxFuncInfo){ names[n], (uint32_t)rt_strlen(names[n]), (uint32_t)n, 0, 0, 0 };
        Value clo = roots[0] = sox_closure_new(&sum_info[n], codes[n]);
        sox_print(sox_call(clo, (uint64_t)n, args));
        TRY(sox_call(clo, (uint64_t)n + 1, args));
    }
    say("-- natives and non-callables");
    sox_print(sox_call(NATIVE("len"), 1, (Value[]){ S("héllo") }));
    TRY(sox_call(N(1), 0, 0));
    TRY(sox_call(S("f"), 0, 0));
    TRY(sox_call(SOX_NIL, 0, 0));
    say("-- classes");
    Value A = superclass_A = roots[1] = sox_class_new(S("A"));
    sox_class_add_method(A, S("init"), sox_closure_new(&init_info, (void *)m_init));
    sox_class_add_method(A, S("hello"), sox_closure_new(&hello_info, (void *)m_hello));
    sox_class_add_method(A, S("who"), sox_closure_new(&who_info, (void *)m_who));
    sox_class_add_method(A, S("many"), sox_closure_new(&many_info, (void *)m_many));
    Value B = roots[2] = sox_class_new(S("B"));
    sox_class_inherit(B, A);
    sox_class_add_method(B, S("who"), sox_closure_new(&bwho_info, (void *)m_bwho));
    Value b = roots[3] = sox_call(B, 1, (Value[]){ S("b") });
    static SoxCache cache, cache2;
    for (int i = 0; i < 3; i++)
        sox_print(sox_invoke(b, S("hello"), 0, 0, &cache));
    sox_print(sox_invoke(b, S("who"), 0, 0, &cache2));
    Value a = roots[4] = sox_call(A, 1, (Value[]){ S("a") });
    sox_print(sox_invoke(a, S("who"), 0, 0, &cache2));   /* same site, other class */
    sox_print(sox_invoke(b, S("who"), 0, 0, &cache2));
    Value m = roots[5] = sox_get_property(b, S("who"), 0);
    sox_print(m);
    sox_print(sox_call(m, 0, 0));
    sox_print(sox_equal(m, sox_get_property(b, S("who"), 0)));
    sox_print(sox_super_get(A, S("who"), b));
    sox_print(sox_call(sox_super_get(A, S("who"), b), 0, 0));
    sox_print(sox_invoke(b, S("many"), 8, args, &cache));
    sox_print(sox_equal(sox_invoke(b, S("init"), 1, (Value[]){ S("again") }, 0), b));
    sox_print(sox_get_property(b, S("name"), 0));
    TRY(sox_call(A, 0, 0));
    TRY(sox_invoke(b, S("who"), 1, args, 0));
    Value plain = roots[6] = sox_class_new(S("Plain"));
    sox_print(sox_call(plain, 0, 0));
    TRY(sox_call(plain, 2, args));
    TRY(sox_invoke(b, S("nope"), 0, 0, 0));
    TRY(sox_get_property(b, S("nope"), 0));
    TRY(sox_super_invoke(A, S("nope"), b, 0, 0));
    TRY(sox_class_inherit(plain, N(1)));
    say("-- fields shadow methods; a field holding a function is called without this");
    sum_info[1] = (SoxFuncInfo){ "f1", 2, 1, 0, 0, 0 };
    sox_set_property(b, S("who"), sox_closure_new(&sum_info[1], (void *)f1), 0);
    sox_print(sox_invoke(b, S("who"), 1, (Value[]){ S("field fn") }, &cache2));
    say("-- tables and properties");
    Value t = roots[7] = sox_table_new();
    sox_set_property(t, S("f"), NATIVE("len"), 0);
    sox_print(sox_invoke(t, S("f"), 1, (Value[]){ S("abc") }, 0));
    sox_print(sox_get_property(t, S("missing"), 0));
    TRY(sox_invoke(t, S("missing"), 0, 0, 0));
    TRY(sox_get_property(N(1), S("x"), 0));
    TRY(sox_set_property(N(1), S("x"), N(2), 0));
    TRY(sox_invoke(N(1), S("x"), 0, 0, 0));
    TRY(sox_get_property(A, S("who"), 0));
    TRY(sox_invoke(A, S("who"), 0, 0, 0));
    TRY(sox_undefined_variable(S("ghost")));
    TRY(sox_assert_fail(SOX_UNDEF));
    TRY(sox_assert_fail(SOX_NIL));
    TRY(sox_assert_fail(S("custom")));
    TRY(sox_assert_fail(N(3)));
    TRY(sox_runtime_error("fmt %s %d %g %v.", "str", 42, 0.5, S("val")));
}
