// env: SOX_GC_STRESS=1
/* With SOX_GC_STRESS=1 every allocation collects.  Values held only in C locals
 * (registers or the stack, tagged or as raw pointers) must survive: the
 * conservative stack scan finds them.  The output equals an unstressed run. */
#include "tests/runtime/harness.h"

static SoxFuncInfo init_info = { "init", 4, 1, SOX_FN_METHOD | SOX_FN_INIT, 0, 0 };
static Value m_init(Value c, Value this, Value v)
{
    (void)c;
    sox_set_property(this, S("v"), sox_add(S("v="), v), 0);
    sox_set_property(this, S("list"), sox_array_new(0, 0), 0);
    return this;
}

__attribute__((noinline)) static Value build(int n)
{
    Value t = sox_table_new();                    /* only in a local */
    SoxArray *raw = rt_array_new(0);              /* only a raw pointer */
    for (int i = 0; i < n; i++) {
        char key[16];
        int len = rt_format_int(i * 7, key);
        Value k = sox_string_intern(key, (uint64_t)len);
        sox_index_set(t, k, sox_add(k, S("!")));
        rt_array_push(raw, sox_add(S("item"), N(i)));
    }
    sox_set_property(t, S("raw"), SOX_OBJ_VAL(raw), 0);
    return t;
}

void sox_program_entry(void)
{
    sox_register_program(&program);
    Value t = build(40);
    Value klass = sox_class_new(S("Box"));
    sox_class_add_method(klass, S("init"), sox_closure_new(&init_info, (void *)m_init));
    Value boxes = sox_array_new(0, 0);
    for (int i = 0; i < 30; i++) {
        Value b = sox_call(klass, 1, (Value[]){ N(i * 1.5) });
        sox_array_push(sox_get_property(b, S("list"), 0), sox_add(S("x"), N(i)));
        sox_array_push(boxes, b);
    }
    Value s = S("");
    for (int i = 0; i < 50; i++)
        s = sox_add(s, N(i % 10));
    sox_print(t);
    for (int i = 0; i < 30; i += 7) {
        Value b = sox_index_get(boxes, N(i));
        sox_print(sox_get_property(b, S("v"), 0));
        sox_print(sox_get_property(b, S("list"), 0));
    }
    sox_print(s);
    sox_print(sox_slice(sox_get_property(t, S("raw"), 0), N(35), SOX_UNDEF));
    say(rt_gc_count > 300 ? "collected on every allocation" : "NOT STRESSED");
}
