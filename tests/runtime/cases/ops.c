/* Arithmetic, comparisons and equality (§5.2, §7.1), indexing (§7.3 with its
 * odd type tags), slices (§7.5 recommended semantics), foreach (§6.8), defers. */
#include "tests/runtime/harness.h"

static SoxFuncInfo defer_info = { "defer", 5, 0, 0, 1, 0 };
static Value defer_body(Value clo)
{
    sox_print(sox_add(S("deferred "), AS_CLOSURE(clo)->cells[0]->value));
    return SOX_NIL;
}

static void foreach_print(Value c)
{
    Value out[2];
    sox_foreach_check(c);
    for (int64_t pos = 0; (pos = sox_foreach_next(c, pos, out)) > 0;)
        sox_print(sox_add(sox_add(out[0], S(":")), out[1]));
}

void sox_program_entry(void)
{
    sox_register_program(&program);
    say("-- arithmetic");
    sox_print(sox_sub(N(5), N(7)));
    sox_print(sox_mul(N(6), N(7)));
    sox_print(sox_div(N(1), N(0)));
    sox_print(sox_div(N(-1), N(0)));
    sox_print(sox_div(N(0), N(0)));
    sox_print(sox_negate(N(0)));
    sox_print(sox_equal(sox_div(N(0), N(0)), SOX_CANONICAL_NAN));
    TRY(sox_sub(S("a"), N(1)));
    TRY(sox_mul(N(1), SOX_NIL));
    TRY(sox_div(SOX_TRUE, N(1)));
    TRY(sox_negate(S("x")));
    TRY(sox_less(SOX_TRUE, N(3)));
    TRY(sox_greater_equal(S("a"), S("b")));
    sox_print(sox_less(N(1), N(2)));
    sox_print(sox_less_equal(N(2), N(2)));
    sox_print(sox_greater(N(1), N(2)));
    sox_print(sox_greater_equal(N(3), N(2)));
    say("-- equality");
    sox_print(sox_equal(N(1), S("1")));
    sox_print(sox_equal(SOX_NIL, SOX_FALSE));
    sox_print(sox_equal(N(3), N(3.0)));
    sox_print(sox_equal(N(0), N(-0.0)));
    sox_print(sox_not_equal(N(0.0 / 0.0), N(0.0 / 0.0)));
    sox_print(sox_equal(sox_add(S("a"), S("b")), S("ab")));
    Value a1 = roots[0] = sox_array_new(0, 0), a2 = roots[1] = sox_array_new(0, 0);
    sox_print(sox_equal(a1, a2));
    sox_print(sox_equal(a1, a1));
    say("-- indexing");
    for (int i = 0; i < 5; i++)
        sox_array_push(a1, N(i * 10));
    sox_print(sox_index_get(a1, N(1.7)));
    sox_print(sox_index_get(a1, N(-0.5)));
    sox_print(sox_index_set(a1, N(4), S("four")));
    sox_print(a1);
    TRY(sox_index_get(a1, N(5)));
    TRY(sox_index_get(a1, N(-1)));
    TRY(sox_index_set(a1, N(5), N(0)));
    TRY(sox_index_get(a1, S("x")));
    TRY(sox_index_get(a1, SOX_TRUE));
    TRY(sox_index_get(a1, SOX_NIL));
    TRY(sox_index_set(a1, S("x"), N(1)));
    TRY(sox_index_get(a1, N(1e10)));
    Value t = roots[2] = sox_table_new();
    sox_print(sox_index_set(t, S("k"), N(1)));
    sox_print(sox_index_get(t, S("k")));
    sox_print(sox_index_get(t, S("missing")));
    TRY(sox_index_get(t, N(1)));
    TRY(sox_index_set(t, N(1), N(1)));
    TRY(sox_index_set(t, SOX_FALSE, N(1)));
    TRY(sox_index_get(t, a1));
    TRY(sox_index_get(S("abc"), N(0)));
    TRY(sox_index_set(N(1), N(0), N(0)));
    say("-- slices");
    Value s = roots[3] = sox_array_new(0, 0);
    for (int i = 0; i < 5; i++)
        sox_array_push(s, N(i));
    sox_print(sox_slice(s, N(1), N(3)));
    sox_print(sox_slice(s, SOX_UNDEF, N(2)));
    sox_print(sox_slice(s, N(3), SOX_UNDEF));
    sox_print(sox_slice(s, SOX_UNDEF, SOX_UNDEF));
    sox_print(sox_slice(s, N(0), N(1)));
    sox_print(sox_slice(s, N(2), N(2)));
    sox_print(sox_slice(s, N(3), N(1)));
    sox_print(sox_slice(s, N(-3), N(99)));
    sox_print(sox_slice(sox_array_new(0, 0), SOX_UNDEF, SOX_UNDEF));
    TRY(sox_slice(s, S("1"), SOX_UNDEF));
    TRY(sox_slice(s, N(1), SOX_NIL));
    TRY(sox_slice(S("abc"), N(0), N(1)));
    TRY(sox_slice(t, N(0), N(1)));
    say("-- foreach");
    foreach_print(s);
    Value ft = roots[4] = sox_table_new();
    const char *keys[] = { "a", "b", "c", "d", "e", "f" };
    for (int i = 0; i < 6; i++)
        sox_set_property(ft, S(keys[i]), N(i), 0);
    foreach_print(ft);
    foreach_print(sox_table_new());
    TRY(sox_foreach_check(S("abc")));
    TRY(sox_foreach_check(N(1)));
    say("-- defers run LIFO");
    Value list = roots[5] = sox_array_new(0, 0);
    for (int i = 0; i < 3; i++) {
        Value clo = sox_closure_new(&defer_info, (void *)defer_body);
        AS_CLOSURE(clo)->cells[0] = (SoxCell *)SOX_AS_OBJ(sox_cell_new(N(i)));
        sox_array_push(list, clo);
    }
    sox_print(list);
    sox_defers_run(list);
    sox_defers_run(sox_array_new(0, 0));
}
