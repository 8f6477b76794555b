/* Hundreds of MB of garbage (strings, arrays, tables, instances of many sizes)
 * with a small rotating live set: peak RSS must stay bounded and the live set
 * intact.  The bound (96 MiB) is far below the ~300 MB allocated in total. */
#include "tests/runtime/cases/gc_common.h"

#define LIVE 512

void sox_program_entry(void)
{
    sox_register_program(&program);
    Value live = roots[0] = sox_array_new(0, 0);
    for (int i = 0; i < LIVE; i++)
        sox_array_push(live, SOX_NIL);
    Value klass = roots[1] = sox_class_new(S("Point"));
    uint64_t allocated = 0;
    char text[600];
    for (int i = 0; i < 600; i++)
        text[i] = (char)('a' + i % 26);
    for (int64_t i = 0; allocated < 300ull << 20; i++) {
        Value v;
        switch (i % 5) {
        case 0: v = sox_string_intern(text, (uint64_t)(i % 600)); allocated += 24 + i % 600; break;
        case 1: {
            int64_t n = i % 300;
            v = sox_array_new(0, 0);
            for (int64_t k = 0; k < n; k++)
                sox_array_push(v, N((double)k));
            allocated += 32 + 8 * n;
            break;
        }
        case 2: {
            v = sox_table_new();
            for (int k = 0; k < 10; k++) {
                char key[4] = { 'k', (char)('0' + k), 0, 0 };
                sox_set_property(v, S(key), N(i), 0);
            }
            allocated += 400;
            break;
        }
        case 3: v = sox_call(klass, 0, 0); sox_set_property(v, S("x"), N(i), 0); allocated += 200; break;
        default: v = sox_add(S("n="), N((double)i)); allocated += 40; break;
        }
        if (i % 97 == 0)
            sox_index_set(live, N((double)(i / 97 % LIVE)), v);
    }
    int64_t peak = peak_rss_kib();
    say(peak > 0 && peak < 96 * 1024 ? "peak rss bounded" : "PEAK RSS TOO HIGH");
    if (!(peak > 0 && peak < 96 * 1024)) {
        char num[24];
        rt_format_int(peak, num);
        say(num);
    }
    say(rt_gc_count > 10 ? "collected many times" : "too few collections");
    /* the live set is intact: every slot holds a value of the kind stored there */
    int64_t bad = 0;
    for (int i = 0; i < LIVE; i++) {
        Value v = sox_index_get(live, N(i));
        if (v != SOX_NIL && !SOX_IS_OBJ(v))
            bad++;
        else if (SOX_IS_OBJ(v) && (OBJ_TYPE(v) < SOX_OBJ_STRING || OBJ_TYPE(v) > SOX_OBJ_TABLE))
            bad++;
    }
    say(bad == 0 ? "live set intact" : "LIVE SET CORRUPTED");
}
