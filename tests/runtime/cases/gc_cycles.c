/* Cyclic garbage (self-containing arrays, tables pointing at each other,
 * instances in a ring, closures whose cells hold themselves) is collected; a
 * cyclic structure that stays reachable survives every collection intact. */
#include "tests/runtime/cases/gc_common.h"

static SoxFuncInfo fn_info = { "loop", 4, 0, 0, 1, 0 };
static Value nop(Value c) { (void)c; return SOX_NIL; }

static Value make_cycles(Value klass, int i)
{
    Value a = sox_array_new(0, 0);
    sox_array_push(a, a);
    Value t1 = sox_table_new(), t2 = sox_table_new();
    sox_set_property(t1, S("other"), t2, 0);
    sox_set_property(t2, S("other"), t1, 0);
    sox_set_property(t2, S("arr"), a, 0);
    Value first = sox_call(klass, 0, 0), prev = first;
    for (int k = 0; k < 5; k++) {
        Value in = sox_call(klass, 0, 0);
        sox_set_property(prev, S("next"), in, 0);
        prev = in;
    }
    sox_set_property(prev, S("next"), first, 0);
    sox_set_property(first, S("table"), t1, 0);
    Value clo = sox_closure_new(&fn_info, (void *)nop);
    Value cell = sox_cell_new(clo);
    AS_CLOSURE(clo)->cells[0] = (SoxCell *)SOX_AS_OBJ(cell);
    sox_array_push(a, clo);
    sox_array_push(a, first);
    sox_array_push(a, N(i));
    return a;
}

static int ring_length(Value first)
{
    int n = 1;
    for (Value v = sox_get_property(first, S("next"), 0); v != first; v = sox_get_property(v, S("next"), 0))
        n++;
    return n;
}

void sox_program_entry(void)
{
    sox_register_program(&program);
    Value klass = roots[0] = sox_class_new(S("Node"));
    roots[1] = make_cycles(klass, -1);
    for (int i = 0; i < 60000; i++)
        make_cycles(klass, i);
    rt_gc_collect();
    Value a = roots[1];
    say(sox_index_get(a, N(0)) == a ? "self-reference kept" : "SELF REFERENCE LOST");
    Value first = sox_index_get(a, N(2));
    Value t1 = sox_get_property(first, S("table"), 0);
    Value t2 = sox_get_property(t1, S("other"), 0);
    say(sox_get_property(t2, S("other"), 0) == t1 && sox_get_property(t2, S("arr"), 0) == a
        ? "table cycle kept" : "TABLE CYCLE LOST");
    say(ring_length(first) == 6 ? "ring of 6 kept" : "RING BROKEN");
    Value clo = sox_index_get(a, N(1));
    say(AS_CLOSURE(clo)->cells[0]->value == clo ? "closure cycle kept" : "CLOSURE CYCLE LOST");
    sox_print(sox_index_get(a, N(3)));
    int64_t peak = peak_rss_kib();
    say(peak > 0 && peak < 96 * 1024 ? "peak rss bounded" : "PEAK RSS TOO HIGH");
}
