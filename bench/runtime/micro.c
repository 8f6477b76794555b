/* Runtime microbenchmarks: the runtime calls compiled Sox code makes for
 * allocation, string concatenation and table get/set, timed against the same
 * operations in Lua 5.4 (micro.lua) by run.sh.  Usage: micro alloc|concat|table */
#include "runtime/rt.h"

static Value roots[4];
static SoxProgramInfo program = { SOX_ABI_VERSION, roots, 4, 0, 0, 1, 0 };

static Value S(const char *s) { return sox_string_intern(s, rt_strlen(s)); }

/* var keep; for i in 0..N: keep = {i, i + 1}  (a fresh 2-element array) */
static void bench_alloc(void)
{
    for (int i = 0; i < 5000000; i++) {
        Value items[2] = { num_val(i), num_val(i + 1) };
        roots[0] = sox_array_new(2, items);
    }
}

/* for i in 0..N: s = "key" + (i % 1000) + "/" + i */
static void bench_concat(void)
{
    Value key = S("key"), slash = S("/");
    for (int i = 0; i < 2000000; i++)
        roots[0] = sox_add(sox_add(sox_add(key, num_val(i % 1000)), slash), num_val(i));
}

/* 1000 keys; 10M times t[k] = t[k] + 1 (missing reads as nil -> start at 0) */
static void bench_table(void)
{
    Value keys = roots[1] = sox_array_new(0, 0);
    for (int i = 0; i < 1000; i++)
        sox_array_push(keys, sox_add(S("k"), num_val(i)));
    Value t = roots[2] = sox_table_new();
    for (int i = 0; i < 1000; i++)
        sox_index_set(t, AS_ARRAY(keys)->items[i], num_val(0));
    Value *k = AS_ARRAY(keys)->items;
    for (int i = 0; i < 10000000; i++) {
        Value key = k[i % 1000];
        sox_index_set(t, key, num_val(num_of(sox_index_get(t, key)) + 1));
    }
    sox_print(sox_index_get(t, S("k7")));
}

void sox_program_entry(void)
{
    sox_register_program(&program);
    const char *which = rt_argc > 1 ? rt_argv[1] : "";
    if (which[0] == 'a')
        bench_alloc();
    else if (which[0] == 'c')
        bench_concat();
    else
        bench_table();
}
