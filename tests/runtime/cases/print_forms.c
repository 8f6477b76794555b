/* Printed forms of every value kind (SOX_LANGUAGE.md §8) and the `+` rules (§7.2). */
#include "tests/runtime/harness.h"

static SoxFuncInfo fn_info = { "inc", 3, 0, 0, 0, 0 };
static SoxFuncInfo method_info = { "who", 3, 0, SOX_FN_METHOD, 0, 0 };
static Value dummy_code(Value clo) { (void)clo; return SOX_NIL; }

void sox_program_entry(void)
{
    sox_register_program(&program);
    double nums[] = { 3.14, 25, 3.5, 1.0 / 3, 2.0 / 3, 3.14159265359, 12345.678, 100000, 999999,
                      1000000, 1234567, 4294967296.0, 1e21, 0.0001, 0.00001, 0.1 + 0.2, -0.0,
                      1.0 / 0.0, -1.0 / 0.0, 100000000, 123456789012.0, 1e-300, 5e-324 };
    for (unsigned i = 0; i < sizeof nums / sizeof nums[0]; i++)
        sox_print(N(nums[i]));
    sox_print(N(0.0 / 0.0));
    sox_print(N(-(0.0 / 0.0)));
    sox_print(SOX_NIL);
    sox_print(SOX_TRUE);
    sox_print(SOX_FALSE);
    sox_print(S("Line 1\\nLine 2"));
    Value fn = roots[0] = sox_closure_new(&fn_info, (void *)dummy_code);
    sox_print(fn);
    sox_print(NATIVE("clock"));
    Value k = roots[1] = sox_class_new(S("A"));
    sox_class_add_method(k, S("who"), sox_closure_new(&method_info, (void *)dummy_code));
    sox_print(k);
    Value inst = roots[2] = sox_call(k, 0, 0);
    sox_print(inst);
    sox_print(sox_get_property(inst, S("who"), 0));
    Value a = roots[3] = sox_array_new(0, 0);
    sox_array_push(a, S("x"));
    sox_array_push(a, N(1.5));
    sox_array_push(a, SOX_NIL);
    sox_array_push(a, SOX_TRUE);
    Value b = roots[4] = sox_array_new(0, 0);
    sox_array_push(b, a);
    sox_array_push(b, sox_table_new());
    sox_print(a);
    sox_print(b);
    Value t = roots[5] = sox_table_new();
    sox_set_property(t, S("inst"), inst, 0);
    sox_set_property(t, S("arr"), a, 0);
    sox_print(t);
    Value inner = sox_table_new();
    sox_set_property(inner, S("x"), SOX_TRUE, 0);
    Value lit = roots[6] = sox_table_new();
    sox_set_property(lit, S("name"), S("bob"), 0);
    sox_set_property(lit, S("two words"), N(2), 0);
    sox_set_property(lit, S("nested"), inner, 0);
    sox_set_property(lit, S("age"), N(30), 0);
    sox_index_set(lit, S("name"), S("ann"));
    sox_print(lit);
    say("-- + rules");
    sox_print(sox_add(S("n="), N(5)));
    sox_print(sox_add(sox_add(sox_add(sox_add(N(1), N(2)), S("a")), N(1)), N(2)));
    sox_print(sox_add(sox_add(S("x"), SOX_NIL), SOX_TRUE));
    sox_print(sox_add(S("v"), N(1.0 / 3)));
    sox_print(sox_add(S("arr "), a));
    sox_print(sox_add(fn, S(" fn")));
    sox_print(sox_add(S("t"), t));
    sox_print(sox_add(S("c"), k));
    sox_print(sox_add(S("i"), inst));
    sox_print(sox_add(S("n"), NATIVE("len")));
    sox_print(sox_equal(sox_add(S("a"), S("b")), S("ab")));
    TRY(sox_add(N(1), SOX_NIL));
    TRY(sox_add(a, t));
    say("-- type()");
    Value vals[] = { SOX_NIL, SOX_TRUE, N(1), S("s"), fn, NATIVE("len"), k, inst,
                     sox_get_property(inst, S("who"), 0), a, t };
    for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++)
        sox_print(CALL("type", vals[i]));
}
