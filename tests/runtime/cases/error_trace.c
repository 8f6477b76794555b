// status: 70
/* Runtime error traces (SOX_LANGUAGE.md §12.2) from a fake line table: the
 * "compiled" functions below are C functions aligned to 256 bytes, each
 * described as covering [start, start+256).  stdout is flushed before the
 * message; deep traces are elided in the middle; the last error exits 70. */
#include "tests/runtime/harness.h"

#define SOXFN __attribute__((noinline, aligned(256)))

SOXFN static Value inner(Value x) { Value r = sox_add(x, SOX_NIL); return r; }
SOXFN static Value outer(void) { say("before"); Value r = inner(N(1)); return r; }
SOXFN static Value native_err(void) { Value r = CALL("mathSqrt", N(-1)); return r; }
SOXFN static Value deep(int n) { Value r = n ? deep(n - 1) : sox_add(SOX_NIL, SOX_NIL); return r; }
SOXFN static void script(int which)
{
    if (which == 0) outer();
    if (which == 1) native_err();
    if (which == 2) deep(200);
    if (which == 3) sox_call(N(1), 0, 0);
    say("after");
}

static const SoxLineEntry inner_lines[] = { { 0, 2 } };
static const SoxLineEntry outer_lines[] = { { 0, 5 }, { 1, 6 } };
static const SoxLineEntry native_lines[] = { { 0, 11 } };
static const SoxLineEntry deep_lines[] = { { 0, 20 }, { 1, 21 } };
static const SoxLineEntry script_lines[] = { { 0, 7 }, { 1, 8 } };
static SoxFuncDebug funcs[5];

static void describe(int i, const void *start, const char *name, const SoxLineEntry *lines, uint64_t n)
{
    funcs[i] = (SoxFuncDebug){ start, (const char *)start + 256, name, lines, n };
}

void sox_program_entry(void)
{
    describe(0, (void *)inner, "inner", inner_lines, 1);
    describe(1, (void *)outer, "outer", outer_lines, 2);
    describe(2, (void *)native_err, "native_err", native_lines, 1);
    describe(3, (void *)deep, "deep", deep_lines, 2);
    describe(4, (void *)script, "script", script_lines, 2);
    for (int i = 0; i < 5; i++)          /* sort by start */
        for (int j = i + 1; j < 5; j++)
            if (funcs[j].start < funcs[i].start) {
                SoxFuncDebug t = funcs[i];
                funcs[i] = funcs[j];
                funcs[j] = t;
            }
    program.funcs = funcs;
    program.nfuncs = 5;
    sox_register_program(&program);
    TRY(script(1));
    TRY(script(2));
    TRY(script(3));
    script(0);
}
