// status: 1
/* sox_run_tests (SOX_LANGUAGE.md §13): one forked process per test, top-level
 * code first, t.Error / t.Fatal, failing asserts and runtime errors, report
 * lines padded to 37 columns. */
#include "tests/runtime/harness.h"

static SoxFuncInfo test_info = { "test", 4, 1, 0, 0, 0 };
#define counter roots[10]     /* a registered root, nil at start */

static void toplevel(void) { counter = N(num_of(counter == SOX_NIL ? N(0) : counter) + 1); say("toplevel ran"); }
static Value ok(Value c, Value t) { (void)c; (void)t; return counter; }
static Value uses_error(Value c, Value t)
{
    (void)c;
    sox_invoke(t, S("Error"), 1, (Value[]){ S("first") }, 0);
    sox_invoke(t, S("Error"), 1, (Value[]){ S("second") }, 0);
    return SOX_NIL;
}
static Value uses_fatal(Value c, Value t)
{
    (void)c;
    sox_invoke(t, S("Fatal"), 1, (Value[]){ S("stop here") }, 0);
    say("not reached");
    return SOX_NIL;
}
static Value fails_assert(Value c, Value t) { (void)c; (void)t; sox_assert_fail(S("msg")); }
static Value crashes(Value c, Value t) { (void)c; (void)t; return sox_add(SOX_NIL, SOX_NIL); }
static Value checks_counter(Value c, Value t)
{
    (void)c;
    if (num_of(counter) != 1)       /* a fresh process: top level ran exactly once */
        sox_invoke(t, S("Error"), 1, (Value[]){ S("state leaked between tests") }, 0);
    return SOX_NIL;
}

void sox_program_entry(void)
{
    counter = SOX_NIL;
    sox_register_program(&program);
    static Value slots[6];
    void *codes[6] = { (void *)ok, (void *)uses_error, (void *)uses_fatal, (void *)fails_assert,
                       (void *)crashes, (void *)checks_counter };
    const char *names[6] = { "TestOk", "TestError", "TestFatal", "TestAssert", "TestCrash", "TestFresh" };
    SoxTestCase cases[6];
    for (int i = 0; i < 6; i++) {
        slots[i] = roots[20 + i] = sox_closure_new(&test_info, codes[i]);
        cases[i] = (SoxTestCase){ names[i], &slots[i] };
    }
    int64_t status = sox_run_tests("basic_test", toplevel, cases, 6);
    sox_exit(status);
}
